"""Roster import in the window: choose the office's .xlsx and (optionally) the workshop to invite to, see a preview of
what the import would do with every row — nothing is written — then import.

Both steps run on the task runner (``core.roster.importer.plan_import`` for the preview, ``apply_import`` for the
import: a backup, then one transaction). A refused file (not a workbook, encrypted, no header) shows the core's
message in the window's language and writes nothing. The People page follows through ``ctx.events.changed``.

    dialog = RosterImportDialog(ctx, workshop_id=wid, parent=page)
    dialog.open()                 # the user chooses the file; or dialog.set_path(path) to preview one
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget

from lampang_planner.core.errors import UserError
from lampang_planner.core.roster.importer import STATUSES, RosterPlan, apply_import, plan_import, read_roster
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs import roster_import_layout
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.dialogs.roster_import_layout import APPLY_STYLE, FILTER_STYLES  # noqa: F401 - names kept
from lampang_planner.ui.dialogs.roster_import_texts import APPLY, PLAN, READ, ROWS, RosterImportTexts
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.models.roster_import import RosterImportModel, preview_rows, status_title
from lampang_planner.ui.tasks import Task, TaskControl
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo


def _preview_work(control: TaskControl, store, path: Path, workshop_id: str | None) -> tuple[RosterPlan, list]:
    control.progress(0, 3, READ)
    parsed = read_roster(path)
    control.check()
    control.progress(1, 3, PLAN)
    plan = plan_import(store, parsed, workshop_id)
    control.check()
    control.progress(2, 3, ROWS)
    return plan, preview_rows(plan)


def _apply_work(control: TaskControl, store, plan: RosterPlan) -> tuple[RosterPlan, list]:
    control.progress(0, 0, APPLY)
    result = apply_import(store, plan)
    return result, preview_rows(result)


class RosterImportDialog(Retranslating, RosterImportTexts, QDialog):
    """After a preview ``plan`` is the preview (``plan.applied`` False); after the import ``result`` is the plan as
    applied. ``busy`` is True while a preview or the import runs."""

    _last_dir: str = ""  # the folder the last workbook came from (for the next file dialog)

    def __init__(self, ctx: AppContext, workshop_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RosterImportDialog")
        self.setModal(True)
        self.ctx = ctx
        self.path: Path | None = None
        self.plan: RosterPlan | None = None
        self.result: RosterPlan | None = None
        self.error: UserError | BaseException | None = None
        self.task: Task | None = None
        self._applying = False
        self._cancelled_note = False
        self._generation = 0
        self._closed = False

        roster_import_layout.build(self)

        self._fill_workshops(workshop_id or "")
        self.workshop.currentIndexChanged.connect(lambda _i: self.preview())
        self.filters.buttonClicked.connect(self._filter_clicked)
        self.search.textChanged.connect(self.model.set_search)
        self.model.counts_changed.connect(lambda *_: self._show_count())
        self.model.modelReset.connect(self._show_row_detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row_detail())
        ctx.i18n.changed.connect(self._language_changed)
        self._set_running(False)
        self.retranslate()

    # --- choosing ---------------------------------------------------------------------------------------------------

    def _fill_workshops(self, keep: str) -> None:
        fill_workshop_combo(self.workshop, self.ctx.store, lambda: self.tr("Do not invite (only add and update people)"),
                            keep=keep)

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def set_workshop(self, workshop_id: str | None) -> None:
        """Choose the workshop to invite to (None: none); a preview shown is made again."""
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(workshop_id or "")))

    def ask_open_path(self) -> str:
        """The workbook to import (empty: cancelled). Tests replace this."""
        path, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster workbook"),
            RosterImportDialog._last_dir or str(Path.home()),
            self.tr("Excel workbook (*.xlsx);;All files (*)"),
        )
        return path

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            RosterImportDialog._last_dir = str(Path(path).parent)
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        """Preview importing the workbook at ``path``."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.file_edit.setToolTip(str(self.path))
        self.preview()

    # --- preview ----------------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def preview(self) -> None:
        """Make the preview of the chosen file for the chosen workshop, on the task runner (writes nothing)."""
        if self.path is None or self._applying:
            return
        self._generation += 1
        generation = self._generation
        if self.busy:
            self.task.cancel()  # type: ignore[union-attr]
        self.plan = self.result = None
        self.error = None
        self._show_plan(None, [])
        self._set_running(True)
        task = self.task = self.ctx.tasks.start(_preview_work, self.ctx.store, self.path, self.workshop_id(),
                                                name="roster-preview")
        task.progress.connect(lambda done, total, step, g=generation: self._progress(g, done, total, step))
        task.finished.connect(lambda out, g=generation: self._previewed(g, out))
        task.failed.connect(lambda exc, g=generation: self._failed(g, exc))
        task.cancelled.connect(lambda g=generation: self._cancelled(g))

    def cancel(self) -> None:
        """Stop the preview being made (the import itself, one short transaction, is not interrupted)."""
        if self.busy and not self._applying:
            self.task.cancel()  # type: ignore[union-attr]

    def _progress(self, generation: int, done: int, total: int, step: str) -> None:
        if generation != self._generation or self._closed:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self._step_text(step))

    def _previewed(self, generation: int, out: tuple[RosterPlan, list]) -> None:
        if generation != self._generation or self._closed:
            return
        self.plan, rows = out
        self._set_running(False)
        self._show_plan(self.plan, rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        applying, self._applying = self._applying, False
        if generation != self._generation or self._closed:
            return
        self.error = exc
        self._set_running(False)
        if not applying:  # a failed import keeps its preview on show (nothing was written)
            self.plan = None
            self._show_plan(None, [])
        self.retranslate()

    def _cancelled(self, generation: int) -> None:
        if generation != self._generation or self._closed:
            return
        self._set_running(False)
        self._show_plan(None, [])
        self._cancelled_note = True
        self.retranslate()

    # --- import -----------------------------------------------------------------------------------------------------

    def apply(self) -> None:
        """Import what the preview shows (a backup first, then one transaction), on the task runner."""
        plan = self.plan
        if plan is None or plan.applied or not plan.has_writes or self.busy:
            return
        self._generation += 1
        generation = self._generation
        self._applying = True
        self._set_running(True)
        task = self.task = self.ctx.tasks.start(_apply_work, self.ctx.store, plan, name="roster-import")
        task.progress.connect(lambda done, total, step, g=generation: self._progress(g, done, total, step))
        task.finished.connect(lambda out, g=generation: self._applied(g, out))
        task.failed.connect(lambda exc, g=generation: self._failed(g, exc))

    def _applied(self, generation: int, out: tuple[RosterPlan, list]) -> None:
        self._applying = False
        if generation != self._generation or self._closed:
            return
        self.result, rows = out
        self._set_running(False)
        self._show_plan(self.result, rows)

    # --- showing ----------------------------------------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running and not self._applying)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat("")
            self._cancelled_note = False
        self.choose_button.setEnabled(not self._applying)
        self.workshop.setEnabled(not self._applying)
        self.close_button.setEnabled(not self._applying)
        self.retranslate()

    def _show_plan(self, plan: RosterPlan | None, rows: list) -> None:
        self.model.set_preview(rows)
        self.table.resizeColumnToContents(0)
        self.retranslate()

    def _filter_clicked(self, button: QPushButton) -> None:
        status = next(s for s, b in self.filter_buttons.items() if b is button)
        self.model.set_status(status)

    def _show_row_detail(self) -> None:
        row = self.table.currentIndex().row()
        rec = self.model.record(row) if row >= 0 else None
        details = self.model.data(self.model.index(row, RosterImportModel.DETAILS_COLUMN)) if rec else ""
        if not details:
            self.row_detail.clear()
            self.row_detail.hide()
            return
        name = self.model.data(self.model.index(row, RosterImportModel.NAME_COLUMN))
        where = self.model.data(self.model.index(row, 0))
        self.row_detail.setText(self.tr("Row {row} ({name}): {details}").format(row=where, name=name, details=details))
        self.row_detail.show()

    def shown_plan(self) -> RosterPlan | None:
        """The result once imported, else the preview."""
        return self.result or self.plan

    def _show_count(self) -> None:
        shown, total = self.model.shown, len(self.model.all_rows)
        if self.shown_plan() is None:
            self.count.clear()
        elif shown == total:
            self.count.setText(self.tr("{n} rows in the workbook").format(n=f"{total:,}"))
        else:
            self.count.setText(self.tr("Showing {shown} of {total} rows").format(shown=f"{shown:,}", total=f"{total:,}"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import people from an Excel roster"))
        self.file_label.setText(self.tr("Workbook"))
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button.setText(self.tr("Choose workbook…"))
        self.workshop_label.setText(self.tr("Invite to workshop"))
        self.workshop.setToolTip(self.tr("Everyone imported, updated or already on file is invited to this workshop"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.search.setPlaceholderText(self.tr("Search rows…"))
        self.close_button.setText(self.tr("Close"))
        text, error = self._message_text()
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        plan = self.shown_plan()
        counts = plan.counts() if plan else {s: 0 for s in STATUSES}
        self.filter_buttons[None].setText(self.tr("All rows ({n})").format(n=f"{len(plan.rows) if plan else 0:,}"))
        for status in STATUSES:
            self.filter_buttons[status].setText(f"{status_title(status)} ({counts[status]:,})")
        for b in self.filter_buttons.values():
            b.setEnabled(plan is not None)
        if plan is not None and plan.workshop_id:
            invited = self.tr("Invited: {n}") if plan.applied else self.tr("To be invited: {n}")
            self.invite_info.setText(invited.format(n=f"{counts['invited']:,}"))
        else:
            self.invite_info.clear()
        self.header_info.setText(self._header_text(plan) if plan else "")
        self.header_info.setVisible(plan is not None)
        if self.result is not None:
            self.apply_button.setText(self.tr("Imported"))
            self.apply_button.setEnabled(False)
        else:
            self.apply_button.setText(self._apply_text(self.plan))
            self.apply_button.setEnabled(self.plan is not None and self.plan.has_writes and not self.busy)
        self._show_count()
        self._show_row_detail()

    def _language_changed(self, _lang: str) -> None:
        self.model.refresh_labels()
        self.retranslate()

    # --- closing ----------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._applying:
            return  # one transaction: it ends in a moment, and the result is shown
        super().reject()

    def done(self, result: int) -> None:
        if self._applying:
            return
        self._generation += 1  # a preview still running is dropped when it arrives
        if self.busy:
            self.task.cancel()  # type: ignore[union-attr]
        if not self._closed:
            self._closed = True
            self.ctx.i18n.changed.disconnect(self._language_changed)
        super().done(result)
