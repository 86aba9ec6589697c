"""The roster import dialog's widgets and their layout: the file and workshop choices, the message, progress and
Cancel, the header found, the status filters and search, the preview table, the count and the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from lampang_planner.core.roster.importer import DUPLICATE, REJECTED, STATUSES
from lampang_planner.ui.models.roster_import import RosterImportModel
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
    d.file_label = QLabel()
    d.file_edit = QLineEdit()
    d.file_edit.setObjectName("rosterFile")
    d.file_edit.setReadOnly(True)
    d.choose_button = QPushButton()
    d.choose_button.setObjectName("rosterChoose")
    d.workshop_label = QLabel()
    d.workshop = QComboBox()
    d.workshop.setObjectName("rosterWorkshop")
    d.workshop.setMinimumContentsLength(40)
    d.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    d.message = QLabel()
    d.message.setObjectName("rosterMessage")
    d.message.setWordWrap(True)
    d.progress = QProgressBar()
    d.progress.setObjectName("rosterProgress")
    d.progress.setTextVisible(True)
    d.cancel_button = QPushButton()
    d.cancel_button.setObjectName("rosterCancel")
    d.header_info = QLabel()
    d.header_info.setObjectName("rosterHeader")
    d.header_info.setWordWrap(True)
    d.header_info.setStyleSheet("color: #444;")
    d.filters = QButtonGroup(d)
    d.filters.setExclusive(True)
    d.filter_buttons: dict[str | None, QPushButton] = {}
    for status in (None, *STATUSES):
        b = QPushButton()
        b.setObjectName(f"rosterFilter_{status or 'all'}")
        b.setCheckable(True)
        b.setStyleSheet(FILTER_STYLES.get(status, ""))
        d.filters.addButton(b)
        d.filter_buttons[status] = b
    d.filter_buttons[None].setChecked(True)
    d.invite_info = QLabel()
    d.invite_info.setObjectName("rosterInvites")
    d.search = QLineEdit()
    d.search.setObjectName("rosterSearch")
    d.search.setClearButtonEnabled(True)
    d.search.setMaximumWidth(260)


def _filters_table_and_buttons(d: RosterImportDialog) -> None:
    d.model = RosterImportModel(d)
    d.table = make_table(d.model, d)
    d.table.setObjectName("rosterTable")
    d.row_detail = QLabel()  # the selected row's whole reason or change (the column may cut it short)
    d.row_detail.setObjectName("rosterRowDetail")
    d.row_detail.setWordWrap(True)
    d.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    d.count = QLabel()
    d.count.setObjectName("rosterCount")
    d.apply_button = QPushButton()
    d.apply_button.setObjectName("rosterApply")
    d.apply_button.setStyleSheet(APPLY_STYLE)
    d.apply_button.setAutoDefault(False)
    d.close_button = QPushButton()
    d.close_button.setObjectName("rosterClose")
    d.close_button.setAutoDefault(False)


def _lay_out(d: RosterImportDialog) -> None:
    form = QFormLayout()
    file_row = QHBoxLayout()
    file_row.addWidget(d.file_edit, 1)
    file_row.addWidget(d.choose_button)
    form.addRow(d.file_label, file_row)
    form.addRow(d.workshop_label, d.workshop)
    progress_row = QHBoxLayout()
    progress_row.addWidget(d.progress, 1)
    progress_row.addWidget(d.cancel_button)
    filter_row = QHBoxLayout()
    for b in d.filter_buttons.values():
        filter_row.addWidget(b)
    filter_row.addSpacing(12)
    filter_row.addWidget(d.invite_info)
    filter_row.addStretch(1)
    filter_row.addWidget(d.search)
    bottom = QHBoxLayout()
    bottom.addWidget(d.count, 1)
    bottom.addWidget(d.apply_button)
    bottom.addWidget(d.close_button)
    layout = QVBoxLayout(d)
    layout.addLayout(form)
    layout.addWidget(d.message)
    layout.addLayout(progress_row)
    layout.addWidget(d.header_info)
    layout.addLayout(filter_row)
    layout.addWidget(d.table, 1)
    layout.addWidget(d.row_detail)
    layout.addLayout(bottom)
    d.resize(1180, 680)
