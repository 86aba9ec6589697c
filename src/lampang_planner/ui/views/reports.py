"""Reports: the office workbook (Excel), the workshop summary and the consolidated resolution document (PDF), and
charts of attendance by district and needs by category.

Every output is written by the core (``core.reports``) on a task thread, reading its own snapshot of the data, with
progress and a Cancel button; a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from lampang_planner.core.ops.resolutions import list_resolutions
from lampang_planner.core.reports.charts import attendance_by_district, needs_by_category
from lampang_planner.core.reports.export_io import ExportCancelled
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.tasks import BackgroundOp, Cancelled, Task, TaskControl, error_text
from lampang_planner.ui.views import reports_layout
from lampang_planner.ui.views.base import Page
from lampang_planner.ui.views.reports_paperwork import PaperworkActions
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

CHART_TABLES = {"workshop", "invitation", "attendance", "person", "need", "need_category"}
CHOICE_TABLES = {"workshop", "resolution"}


def _identity(path: Path) -> tuple | None:
    """What tells one file at ``path`` from the next (an atomic replace makes a new file), or None for no file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --- work done on a task thread (no widgets here) ----------------------------------------------------------------


def _excel_work(control: TaskControl, store, path: Path, workshop_id: str | None):
    from lampang_planner.core.reports.excel import export_workbook

    try:
        return export_workbook(store, path, workshop_id=workshop_id,
                               progress=lambda done, total: control.progress(done, total),
                               should_cancel=lambda: control.cancelled)
    except ExportCancelled:
        raise Cancelled() from None


def _summary_work(control: TaskControl, store, path: Path, workshop_id: str, thai_digits: bool):
    from lampang_planner.core.reports.summary import write_workshop_summary

    control.progress(0, 0)
    return write_workshop_summary(store, workshop_id, path, thai_digits=thai_digits)


def _resolution_work(control: TaskControl, store, path: Path, resolution_id: str, thai_digits: bool):
    from lampang_planner.core.reports.resolution_doc import write_resolution_document

    control.progress(0, 0)
    return write_resolution_document(store, resolution_id, path, thai_digits=thai_digits)


class ReportsPage(PaperworkActions, Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.last_path: Path | None = None
        self._target: Path | None = None
        self._before: tuple | None = None
        self._folder: str = ""
        self._loaded = False

        reports_layout.build(self)

        self._show_idle()
        self.retranslate()


    # --- loading ---------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        if not self._loaded:
            self._fill_choices()
            self._loaded = True
        wid = kwargs.get("workshop_id")
        if isinstance(wid, str):
            self.workshop.setCurrentIndex(max(0, self.workshop.findData(wid)))
        self.refresh_charts()

    def _fill_choices(self) -> None:
        fill_workshop_combo(self.workshop, self.ctx.store, lambda: self.tr("All workshops"), newest_first=True)
        keep = self.resolution.currentData() or ""
        self.resolution.blockSignals(True)
        self.resolution.clear()
        for r in list_resolutions(self.ctx.store):
            self.resolution.addItem(r.title, r.id)
            self.resolution.setItemData(self.resolution.count() - 1, r.title, Qt.ItemDataRole.ToolTipRole)
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(keep)))
        self.resolution.blockSignals(False)
        self._update_buttons()

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def resolution_id(self) -> str | None:
        return self.resolution.currentData() or None

    def refresh_charts(self) -> None:
        store, wid = self.ctx.store, self.workshop_id()
        self.attendance_chart.set_data(attendance_by_district(store, wid))
        self.needs_chart.set_data(needs_by_category(store, wid))

    def _scope_changed(self, _index: int) -> None:
        self._update_buttons()
        self.refresh_charts()
        self._retranslate_scope()

    def _data_changed(self, result: ApplyResult) -> None:
        changed = set(result.changed)
        if not self._loaded:
            return
        if changed & CHOICE_TABLES:
            self._fill_choices()
        if changed & CHART_TABLES and self.isVisible():
            self._chart_timer.start()  # a burst of check-ins redraws once

    def _language_changed(self, _lang: str) -> None:
        self.attendance_chart.refresh_labels()
        self.needs_chart.refresh_labels()

    # --- starting an export ----------------------------------------------------------------------------------------

    def _suggest(self, name: str) -> str:
        folder = self._folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name) if folder else name

    def _ask(self, caption: str, name: str, kind: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, caption, self._suggest(name), kind)
        if not path:
            return None
        suffix = ".xlsx" if "xlsx" in kind else ".pdf"
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self._folder = str(target.parent)
        return target

    def _ask_excel(self) -> None:
        path = self._ask(self.tr("Save the Excel workbook"), "lampang-planner.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_excel(path)

    def _ask_summary(self) -> None:
        path = self._ask(self.tr("Save the workshop summary"), "workshop-summary.pdf", self.tr("PDF document (*.pdf)"))
        if path:
            self.export_summary(path)

    def _ask_resolution(self) -> None:
        path = self._ask(self.tr("Save the resolution document"), "resolution.pdf", self.tr("PDF document (*.pdf)"))
        if path:
            self.export_resolution(path)

    def export_excel(self, path: Path) -> Task | None:
        """Write the workbook (every workshop, or the one chosen) to ``path`` on a task thread."""
        return self._start(_excel_work, self.ctx.store, Path(path), self.workshop_id(), name="report-excel",
                           label=self.tr("Writing the Excel workbook…"), target=Path(path), cancellable=True)

    def export_summary(self, path: Path) -> Task | None:
        wid = self.workshop_id()
        if not wid:
            return None
        return self._start(_summary_work, self.ctx.store, Path(path), wid, self.thai_digits.isChecked(),
                           name="report-summary", label=self.tr("Writing the workshop summary…"), target=Path(path))

    def export_resolution(self, path: Path) -> Task | None:
        rid = self.resolution_id()
        if not rid:
            return None
        return self._start(_resolution_work, self.ctx.store, Path(path), rid, self.thai_digits.isChecked(),
                           name="report-resolution", label=self.tr("Writing the resolution document…"),
                           target=Path(path))

    def _start(self, work, *args: object, name: str, label: str, target: Path, cancellable: bool = False) -> Task | None:
        """Run ``work`` on a task thread; a PDF takes a second or two and is not offered a Cancel button."""
        if self.task is not None and self.task.running:
            return None
        self._target, self._before = target, _identity(target)
        self.status.setText(label)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(cancellable)
        self.open_button.hide()
        self.folder_button.hide()
        self.task = task = (BackgroundOp(self.ctx, work, *args, name=name, parent=self)
                            .with_progress(self.progress, percent=True)  # busy until the first report of progress
                            .success(self._on_finished).failure(self._on_failed).cancelled(self._on_cancelled)
                            .run_in_background())  # fmt: skip
        task.done.connect(self._update_buttons)
        self._update_buttons()
        return task

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    # --- reporting -------------------------------------------------------------------------------------------------

    def _on_finished(self, result: object) -> None:
        path = getattr(result, "path", result)
        self.last_path = Path(path) if isinstance(path, str | Path) else None
        self._show_idle()
        if self.last_path is not None:
            self.status.setText(self.tr("Saved: {path}").format(path=self.last_path))
            self.open_button.show()
            self.folder_button.show()

    def _on_failed(self, exc: object) -> None:
        self._show_idle()
        self.status.setText(self.tr("Not saved: {reason}").format(reason=error_text(exc)))

    def _on_cancelled(self) -> None:
        target = self._target
        if target is not None and _identity(target) not in (None, self._before):
            self._on_finished(target)  # the cancel came after the file was complete and moved into place
            return
        self._show_idle()
        self.status.setText(self.tr("Cancelled; no file was written."))

    def _show_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.open_button.hide()
        self.folder_button.hide()

    def _update_buttons(self) -> None:
        busy = self.task is not None and self.task.running
        self.excel_button.setEnabled(not busy)
        self.summary_button.setEnabled(not busy and self.workshop_id() is not None)
        self.payments_button.setEnabled(not busy and self.workshop_id() is not None)
        self.signsheet_button.setEnabled(not busy and self.workshop_id() is not None)
        self.resolution_button.setEnabled(not busy and self.resolution_id() is not None)
        self.resolution.setEnabled(self.resolution.count() > 0)

    def _open_last(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    def _open_folder(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))

    # --- texts -----------------------------------------------------------------------------------------------------

    def _retranslate_scope(self) -> None:
        if self.workshop_id():
            self.charts_heading.setText(self.tr("Charts of the chosen workshop"))
        else:
            self.charts_heading.setText(self.tr("Charts of all workshops"))
        if self.workshop_id():
            self.summary_button.setToolTip("")
            self.payments_button.setToolTip("")
            self.signsheet_button.setToolTip("")
        else:
            self.signsheet_button.setToolTip(self.tr("Choose a workshop above first"))
            self.summary_button.setToolTip(self.tr("Choose a workshop above first"))
            self.payments_button.setToolTip(self.tr("Choose a workshop above first"))

    def retranslate(self) -> None:
        self._retranslate_scope()
        self.attendance_chart.refresh_labels()
        self.needs_chart.refresh_labels()
