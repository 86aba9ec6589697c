"""The roster import dialog's widgets and their layout: the file and workshop choices, the message, progress and
Cancel, the header found, the status filters and search, the preview table, the count and the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QProgressBar, QPushButton

from lampang_planner.core.roster.importer import DUPLICATE, REJECTED, STATUSES
from lampang_planner.ui.models.roster_import import RosterImportModel
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, line_edit, vbox
from lampang_planner.ui.widgets.table import make_table

if TYPE_CHECKING:
    from lampang_planner.ui.dialogs.roster_import import RosterImportDialog

APPLY_STYLE = "QPushButton:enabled { font-weight: bold; padding: 4px 16px; }"
FILTER_STYLES = {
    REJECTED: "QPushButton { color: #a1261b; }",
    DUPLICATE: "QPushButton { color: #7a5200; }",
}


def build(d: RosterImportDialog) -> None:
    _choices_and_progress(d)
    _filters_table_and_buttons(d)
    _lay_out(d)


def _choices_and_progress(d: RosterImportDialog) -> None:
    d.file_label = label()
    d.file_edit = line_edit("rosterFile", read_only=True)
    d.choose_button = button("rosterChoose", d.choose_file)
    d.workshop_label = label()
    d.workshop = combo("rosterWorkshop", 40)
    d.message = label("rosterMessage", wrap=True)
    d.progress = QProgressBar()
    d.progress.setObjectName("rosterProgress")
    d.progress.setTextVisible(True)
    d.cancel_button = button("rosterCancel", d.cancel)
    d.header_info = label("rosterHeader", wrap=True, style="color: #444;")
    d.filters = QButtonGroup(d)
    d.filters.setExclusive(True)
    d.filter_buttons: dict[str | None, QPushButton] = {}
    for status in (None, *STATUSES):
        b = button(f"rosterFilter_{status or 'all'}", checkable=True, style=FILTER_STYLES.get(status, ""))
        d.filters.addButton(b)
        d.filter_buttons[status] = b
    d.filter_buttons[None].setChecked(True)
    d.invite_info = label("rosterInvites")
    d.search = line_edit("rosterSearch", clearable=True, max_width=260)


def _filters_table_and_buttons(d: RosterImportDialog) -> None:
    d.model = RosterImportModel(d)
    d.table = make_table(d.model, d)
    d.table.setObjectName("rosterTable")
    # the selected row's whole reason or change (the column may cut it short)
    d.row_detail = label("rosterRowDetail", wrap=True, selectable=True)
    d.count = label("rosterCount")
    d.apply_button = button("rosterApply", d.apply, style=APPLY_STYLE, auto_default=False)
    d.close_button = button("rosterClose", d.reject, auto_default=False)


def _lay_out(d: RosterImportDialog) -> None:
    form = QFormLayout()
    form.addRow(d.file_label, hbox((d.file_edit, 1), d.choose_button))
    form.addRow(d.workshop_label, d.workshop)
    progress_row = hbox((d.progress, 1), d.cancel_button)
    filter_row = hbox(*d.filter_buttons.values(), 12, d.invite_info, STRETCH, d.search)
    bottom = hbox((d.count, 1), d.apply_button, d.close_button)
    vbox(form, d.message, progress_row, d.header_info, filter_row, (d.table, 1), d.row_detail, bottom, parent=d)
    d.resize(1180, 680)
