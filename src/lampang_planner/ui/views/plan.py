"""The development plan at the office: needs made into projects and refined keyboard-fast in a table (type over a
cell, Enter to save it, Tab to the next), the plan's period and edition, the forms ผ.01/ผ.02 out, the edited
workbook back in after a preview, and the public follow-up pages.

Shortcuts: Ctrl+N a need into a project · F2 / typing edits a cell · Enter saves · Esc cancels · Ctrl+E export ·
Ctrl+I import · Ctrl+Shift+P the plan's period and edition.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.plan.proposals import budgets_outside, outside_note, proposal_from_need
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.proposals import ProposalsModel
from lampang_planner.ui.tasks import BackgroundOp, TaskControl, error_text
from lampang_planner.ui.views.base import Page, heading_label
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, vbox

WATCHED = {"proposal", "dev_plan"}
WIDTHS = {"strategy": 180, "work_plan": 150, "title": 250, "objective": 220, "output_qty": 70, "output_unit": 70,
          "output_place": 200, "kpi": 180, "expected_result": 180, "division": 120, "status": 130, "community_plan": 150,
          "origin": 420}


def _export_work(_control: TaskControl, store, path: Path) -> Path:
    from lampang_planner.core.plan.workbook import export_plan_workbook

    return export_plan_workbook(store, path)


def _followup_work(_control: TaskControl, store, folder: Path) -> Path:
    from lampang_planner.core.plan.followup import write_followup

    write_followup(store, folder)
    return folder / "index.html"


class PlanPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading = heading_label(text=lambda: self.tr("Development plan"))
        self.period = QLabel()
        self.model = ProposalsModel(ctx.store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName("proposalsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setTabKeyNavigation(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = label(wrap=True)
        self.new_button = button(clicked=self.make_project, text=lambda: self.tr("Need → project (Ctrl+N)"))
        self.settings_button = button(clicked=self.edit_settings, text=lambda: self.tr("Plan period and edition…"))
        self.export_button = button(clicked=self._ask_export, text=lambda: self.tr("Export ผ.01 / ผ.02 (Ctrl+E)"))
        self.import_button = button(clicked=self._ask_import, text=lambda: self.tr("Import edited workbook (Ctrl+I)"))
        self.followup_button = button(clicked=self._ask_followup, text=lambda: self.tr("Public follow-up pages…"))
        bar = hbox(self.new_button, self.settings_button, self.export_button, self.import_button, self.followup_button,
                   STRETCH)  # fmt: skip
        vbox(self.heading, self.period, bar, (self.table, 1), self.status, parent=self)
        for keys, slot in (("Ctrl+N", self.make_project), ("Ctrl+E", self._ask_export), ("Ctrl+I", self._ask_import),
                           ("Ctrl+Shift+P", self.edit_settings)):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.refused.connect(self.status.setText)
        self.model.modelReset.connect(self._layout_columns)
        ctx.events.changed_by.connect(self._data_changed)
        self._layout_columns()
        self.retranslate()

    def activate(self, **kwargs: object) -> None:
        self.model.reload()
        self.table.setFocus()

    def _layout_columns(self) -> None:
        for i, name in enumerate(self.model.fields):
            self.table.setColumnWidth(i, WIDTHS.get(name, 100))
        self.period.setText(f"{self.model.plan.period_th} · {self.model.plan.org_name}")

    def _data_changed(self, result: ApplyResult, initiator: object = None) -> None:
        if initiator is self:
            return  # the page's own change: it reloads once, where it made it
        if WATCHED & set(result.changed) and self.table.state() != QAbstractItemView.State.EditingState:
            current = self.table.currentIndex()
            self.model.reload()
            if current.isValid():
                self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    def _message(self, exc: UserError) -> None:
        self.status.setText(exc.message(current_language()))

    # --- actions -----------------------------------------------------------------------------------------------------

    def make_project(self) -> str | None:
        from lampang_planner.ui.dialogs.plan import NeedPickerDialog

        dialog = NeedPickerDialog(self.ctx.store, self)
        if dialog.exec() != NeedPickerDialog.DialogCode.Accepted or not dialog.need_id():
            return None
        try:
            with self.ctx.events.initiated_by(self):
                pid = proposal_from_need(self.ctx.store, dialog.need_id())
        except UserError as exc:
            self._message(exc)
            return None
        self.model.reload()
        row = self.model.row_of(pid)
        if row is not None:  # straight to the first field the office refines
            self.table.setCurrentIndex(self.model.index(row, self.model.fields.index("objective")))
            self.table.setFocus()
        self.status.setText(self.tr("A project was made from the need; refine it in the table."))
        return pid

    def edit_settings(self) -> None:
        from lampang_planner.ui.dialogs.plan import PlanSettingsDialog

        with self.ctx.events.initiated_by(self):
            accepted = PlanSettingsDialog(self.ctx.store, self).exec() == PlanSettingsDialog.DialogCode.Accepted
        if accepted:
            self.model.reload()
            amounts, projects = budgets_outside(self.ctx.store)
            if amounts:  # budgets the new period leaves out: kept, but no longer shown or counted
                th, en = outside_note(amounts, projects)
                self.status.setText(th if current_language() == "th" else en)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export forms ผ.01 / ผ.02"), "plan.xlsx", "Excel (*.xlsx)")
        if path:
            self.export(Path(path))

    def export(self, path: Path):
        self.status.setText(self.tr("Writing the plan workbook…"))
        return self._run(_export_work, path, name="plan-export")

    def _run(self, work, path: Path, name: str):
        return (BackgroundOp(self.ctx, work, self.ctx.store, path, name=name, parent=self)
                .success(lambda p: self.status.setText(self.tr("Saved: {path}").format(path=p)))
                .failure(lambda e: self.status.setText(error_text(e)))
                .run_in_background())  # fmt: skip

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the edited plan workbook"), "", "Excel (*.xlsx)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, ask=None) -> int:
        """Preview the edited workbook, and after the user's OK take its changes in. ``ask`` replaces the dialog
        (tests): it gets the dialog and returns True to import."""
        from lampang_planner.core.plan.roundtrip import apply_plan_import, preview_plan_import
        from lampang_planner.ui.dialogs.plan import ImportPreviewDialog

        try:
            preview = preview_plan_import(self.ctx.store, path)
            dialog = ImportPreviewDialog(preview, self)
            accepted = ask(dialog) if ask else dialog.exec() == ImportPreviewDialog.DialogCode.Accepted
            if not accepted or not preview.changes:
                return 0
            with self.ctx.events.initiated_by(self):
                n = apply_plan_import(self.ctx.store, preview)
        except UserError as exc:
            self._message(exc)
            return 0
        self.model.reload()
        self.status.setText(self.tr("{n} projects updated; {c} conflicts left as they are.").format(
            n=n, c=len(preview.conflicts)))
        return n

    def _ask_followup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the public follow-up pages"))
        if folder:
            self.status.setText(self.tr("Writing the follow-up pages…"))
            self._run(_followup_work, Path(folder), name="plan-followup")

    def retranslate(self) -> None:
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.model.columnCount() - 1, 0))
        self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(self.model.rowCount() - 1, 0))
