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

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.roster.headers import LABELS
from lampang_planner.core.roster.importer import (
    ADD,
    DUPLICATE,
    REJECTED,
    STATUSES,
    UPDATE,
    RosterPlan,
    apply_import,
    plan_import,
    read_roster,
)
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.roster_import import RosterImportModel, preview_rows, status_title
from lampang_planner.ui.tasks import Task, TaskControl
from lampang_planner.ui.widgets.table import make_table
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

# Steps the work functions report (the dialog turns them into text in the window's language).
READ, PLAN, ROWS, APPLY = "read", "plan", "rows", "apply"

APPLY_STYLE = "QPushButton:enabled { font-weight: bold; padding: 4px 16px; }"
FILTER_STYLES = {
    REJECTED: "QPushButton { color: #a1261b; }",
    DUPLICATE: "QPushButton { color: #7a5200; }",
}


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


def _error_text(exc: BaseException) -> str:
    return exc.message(current_language()) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"


class RosterImportDialog(QDialog):
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

        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("rosterFile")
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("rosterChoose")
        self.workshop_label = QLabel()
        self.workshop = QComboBox()
        self.workshop.setObjectName("rosterWorkshop")
        self.workshop.setMinimumContentsLength(40)
        self.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.message = QLabel()
        self.message.setObjectName("rosterMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("rosterProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("rosterCancel")
        self.header_info = QLabel()
        self.header_info.setObjectName("rosterHeader")
        self.header_info.setWordWrap(True)
        self.header_info.setStyleSheet("color: #444;")
        self.filters = QButtonGroup(self)
        self.filters.setExclusive(True)
        self.filter_buttons: dict[str | None, QPushButton] = {}
        for status in (None, *STATUSES):
            b = QPushButton()
            b.setObjectName(f"rosterFilter_{status or 'all'}")
            b.setCheckable(True)
            b.setStyleSheet(FILTER_STYLES.get(status, ""))
            self.filters.addButton(b)
            self.filter_buttons[status] = b
        self.filter_buttons[None].setChecked(True)
        self.invite_info = QLabel()
        self.invite_info.setObjectName("rosterInvites")
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.model = RosterImportModel(self)
        self.table = make_table(self.model, self)
        self.table.setObjectName("rosterTable")
        self.row_detail = QLabel()  # the selected row's whole reason or change (the column may cut it short)
        self.row_detail.setObjectName("rosterRowDetail")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        self.count.setObjectName("rosterCount")
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("rosterApply")
        self.apply_button.setStyleSheet(APPLY_STYLE)
        self.apply_button.setAutoDefault(False)
        self.close_button = QPushButton()
        self.close_button.setObjectName("rosterClose")
        self.close_button.setAutoDefault(False)

        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        form.addRow(self.file_label, file_row)
        form.addRow(self.workshop_label, self.workshop)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        filter_row = QHBoxLayout()
        for b in self.filter_buttons.values():
            filter_row.addWidget(b)
        filter_row.addSpacing(12)
        filter_row.addWidget(self.invite_info)
        filter_row.addStretch(1)
        filter_row.addWidget(self.search)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(progress_row)
        layout.addWidget(self.header_info)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_detail)
        layout.addLayout(bottom)
        self.resize(1180, 680)

        self._fill_workshops(workshop_id or "")
        self.choose_button.clicked.connect(self.choose_file)
        self.workshop.currentIndexChanged.connect(lambda _i: self.preview())
        self.cancel_button.clicked.connect(self.cancel)
        self.filters.buttonClicked.connect(self._filter_clicked)
        self.search.textChanged.connect(self.model.set_search)
        self.model.counts_changed.connect(lambda *_: self._show_count())
        self.model.modelReset.connect(self._show_row_detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row_detail())
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        ctx.i18n.changed.connect(self._language_changed)
        self._set_running(False)
        self.retranslate()

    # --- choosing ---------------------------------------------------------------------------------------------------

    def _fill_workshops(self, keep: str) -> None:
        fill_workshop_combo(self.workshop, self.ctx.store, self.tr("Do not invite (only add and update people)"),
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

    def _step_text(self, step: str) -> str:
        return {
            READ: self.tr("Reading the workbook…"),
            PLAN: self.tr("Checking every row against the people on file…"),
            ROWS: self.tr("Preparing the preview…"),
            APPLY: self.tr("Importing (a backup of the data is made first)…"),
        }.get(step, "")

    def _header_text(self, plan: RosterPlan) -> str:
        index = 1 if current_language() == "en" else 0
        parts = []
        for h in plan.source.headers:
            info = h.as_json()
            columns = ", ".join(f"{letter} → {LABELS.get(key, (key, key))[index]}"
                                for key, letter in info["columns"].items() if key in LABELS)
            text = self.tr("Sheet “{sheet}”, header on row {row}: {columns}.").format(
                sheet=h.sheet, row=h.row, columns=columns)
            if info["ignored"]:
                ignored = ", ".join(f"{i['column']} “{i['header']}”" for i in info["ignored"])
                text += " " + self.tr("Columns not used: {columns}.").format(columns=ignored)
            parts.append(text)
        return "\n".join(parts)

    def _message_text(self) -> tuple[str, bool]:
        """The line under the choices, and whether it is an error."""
        if self.error is not None:
            return _error_text(self.error) + "\n" + self.tr("Nothing was written."), True
        if self._applying:
            return self.tr("Importing… Please wait: the window stays open until it is done."), False
        if self.busy:
            return self.tr("Making the preview. Nothing is written yet."), False
        if self._cancelled_note:
            return self.tr("The preview was cancelled. Nothing was written."), False
        if self.result is not None:
            return self._result_text(self.result), False
        plan = self.plan
        if plan is None:
            return self.tr("Choose the office's Excel roster (.xlsx). You will see what the import would do with "
                           "every row before anything is written."), False
        c = plan.counts()
        if not plan.has_writes:
            text = self.tr("Nothing to change: everyone in this workbook is already on file as it says.")
            if plan.workshop_id:
                text = self.tr("Nothing to change: everyone in this workbook is already on file as it says, and "
                               "invited to the workshop.")
        else:
            text = self.tr("Preview only — nothing has been written yet. Check the rows, then press “{button}”.") \
                .format(button=self._apply_text(plan))
        if c[REJECTED] or c[DUPLICATE]:
            text += " " + self.tr("Rejected and duplicate rows are not imported: correct them in the workbook and "
                                  "import it again.")
        return text, False

    def _result_text(self, result: RosterPlan) -> str:
        c = result.counts()
        if not result.has_writes:
            return self.tr("Nothing was changed: the data already held what this workbook says.")
        text = self.tr("Imported: {added} people added, {updated} updated.").format(added=c[ADD], updated=c[UPDATE])
        if result.workshop_id:
            text += " " + self.tr("{n} newly invited to the workshop.").format(n=c["invited"])
        if self.plan is not None and result.basis != self.plan.basis:
            text += " " + self.tr("The data had changed since the preview, so every row was checked again: the table "
                                  "shows what was done.")
        if result.backup:
            text += " " + self.tr("The data as it was before the import was backed up as {file}.").format(
                file=result.backup.name)
        return text

    def _apply_text(self, plan: RosterPlan | None) -> str:
        if plan is None:
            return self.tr("Import")
        c = plan.counts()
        n = c[ADD] + c[UPDATE]
        if n == 0 and c["invited"]:
            if c["invited"] == 1:
                return self.tr("Invite 1 person")
            return self.tr("Invite {n} people").format(n=f"{c['invited']:,}")
        if n == 1:
            return self.tr("Import 1 person")
        return self.tr("Import {n} people").format(n=f"{n:,}")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import people from an Excel roster"))
        self.file_label.setText(self.tr("Workbook"))
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button.setText(self.tr("Choose workbook…"))
        self.workshop_label.setText(self.tr("Invite to workshop"))
        self.workshop.setToolTip(self.tr("Everyone imported, updated or already on file is invited to this workshop"))
        if self.workshop.count():
            self.workshop.setItemText(0, self.tr("Do not invite (only add and update people)"))
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
