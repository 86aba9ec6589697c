"""The exchange page's widgets, built and laid out: the role box, the tabs, and the Exchange tab (export box, import
box, progress and Cancel, the import report). Each builder sets the widgets as attributes of the page
(``page.export_button``, ``page.files_table``…), the names the page's methods and the tests use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.ui.models.exchange import ReportFilesModel
from lampang_planner.ui.widgets.table import make_table

if TYPE_CHECKING:
    from lampang_planner.ui.views.exchange import ExchangePage


def build_exchange_tab(page: ExchangePage) -> QWidget:
    """The first tab: export, import, the running task and the report, in a scroll area."""
    _export_widgets(page)
    _lay_out_export_box(page)

    page.import_box = QGroupBox()
    page.import_hint = QLabel()
    page.import_hint.setWordWrap(True)
    page.import_button = QPushButton()
    page.import_button.setObjectName("importButton")
    ig = QHBoxLayout(page.import_box)
    ig.addWidget(page.import_hint, 1)
    ig.addWidget(page.import_button)

    page.progress = QProgressBar()
    page.progress.setObjectName("exchangeProgress")
    page.status = QLabel()
    page.status.setObjectName("exchangeStatus")
    page.status.setWordWrap(True)
    page.cancel_button = QPushButton()
    page.cancel_button.setObjectName("cancelExchange")
    running = QHBoxLayout()
    running.addWidget(page.progress, 1)
    running.addWidget(page.cancel_button)

    _report_box(page)
    body = QWidget()
    col = QVBoxLayout(body)
    col.addWidget(page.export_box)
    col.addWidget(page.import_box)
    col.addLayout(running)
    col.addWidget(page.status)
    col.addWidget(page.report_box, 1)
    col.addStretch(0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    return scroll


def _export_widgets(page: ExchangePage) -> None:
    """Destination, delta or everything, the kit's workshop and passphrase, the privacy note, Export."""
    page.export_box = QGroupBox()
    page.dest_label = QLabel()
    page.destination = QComboBox()
    page.destination.setObjectName("exportFolder")
    page.destination.setMinimumContentsLength(40)
    page.destination.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    page.choose_button = QPushButton()
    page.choose_button.setObjectName("chooseFolder")
    page.usb_button = QPushButton()
    page.usb_button.setObjectName("findUsb")
    page.delta_radio = QRadioButton()
    page.delta_radio.setObjectName("exportDelta")
    page.full_radio = QRadioButton()
    page.full_radio.setObjectName("exportFull")
    page.delta_radio.setChecked(True)
    group = QButtonGroup(page)
    group.addButton(page.delta_radio)
    group.addButton(page.full_radio)
    page.privacy_note = QLabel()
    page.privacy_note.setObjectName("privacyNote")
    page.privacy_note.setWordWrap(True)
    page.passphrase_label = QLabel()
    page.passphrase_edit = QLineEdit()
    page.passphrase_edit.setObjectName("kitPassphrase")
    page.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
    page.passphrase_repeat = QLineEdit()
    page.passphrase_repeat.setObjectName("kitPassphraseRepeat")
    page.passphrase_repeat.setEchoMode(QLineEdit.EchoMode.Password)
    page.passphrase_hint = QLabel()
    page.passphrase_hint.setWordWrap(True)
    page.passphrase_hint.setStyleSheet("QLabel { color: #5a5a5a; margin-left: 24px; }")
    page.kit_label = QLabel()
    page.kit_workshop = QComboBox()
    page.kit_workshop.setObjectName("kitWorkshop")
    page.kit_workshop.setMinimumContentsLength(30)
    page.kit_workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    page.export_button = QPushButton()
    page.export_button.setObjectName("exportButton")
    page.export_result = QLabel()
    page.export_result.setObjectName("exportResult")
    page.export_result.setWordWrap(True)
    page.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    page.last_export_label = QLabel()
    page.last_export_label.setObjectName("lastExport")
    page.last_export_label.setWordWrap(True)


def _lay_out_export_box(page: ExchangePage) -> None:
    eg = QGridLayout(page.export_box)
    eg.addWidget(page.dest_label, 0, 0)
    eg.addWidget(page.destination, 0, 1)
    eg.addWidget(page.choose_button, 0, 2)
    eg.addWidget(page.usb_button, 0, 3)
    eg.addWidget(page.delta_radio, 1, 0, 1, 4)
    eg.addWidget(page.full_radio, 2, 0, 1, 4)
    kit = QHBoxLayout()
    kit.addSpacing(24)
    kit.addWidget(page.kit_label)
    kit.addWidget(page.kit_workshop, 1)
    eg.addLayout(kit, 3, 0, 1, 4)
    phrase = QHBoxLayout()
    phrase.addSpacing(24)
    phrase.addWidget(page.passphrase_label)
    phrase.addWidget(page.passphrase_edit, 1)
    phrase.addWidget(page.passphrase_repeat, 1)
    eg.addLayout(phrase, 4, 0, 1, 4)
    eg.addWidget(page.passphrase_hint, 5, 0, 1, 4)
    eg.addWidget(page.privacy_note, 6, 0, 1, 4)
    eg.addWidget(page.last_export_label, 7, 0, 1, 3)
    eg.addWidget(page.export_button, 7, 3)
    eg.addWidget(page.export_result, 8, 0, 1, 4)
    eg.setColumnStretch(1, 1)


def _report_box(page: ExchangePage) -> None:
    """The import report: summary, clock warning, office adoption, the files, review buttons, backup note."""
    page.report_box = QGroupBox()
    page.report_box.setObjectName("importReport")
    page.summary = QLabel()
    page.summary.setObjectName("reportSummary")
    page.summary.setWordWrap(True)
    page.summary.setTextFormat(Qt.TextFormat.RichText)
    page.skew_label = QLabel()
    page.skew_label.setObjectName("skewWarning")
    page.skew_label.setWordWrap(True)
    page.skew_label.setStyleSheet(
        "QLabel { color: #8a5300; background: #fff4e0; border: 1px solid #f0c980;"
        " border-radius: 4px; padding: 4px 8px; }"
    )
    page.adopted_label = QLabel()
    page.adopted_label.setObjectName("officeAdopted")
    page.adopted_label.setWordWrap(True)
    page.files_model = ReportFilesModel(page)
    page.files_table = make_table(page.files_model, page)
    page.files_table.setObjectName("reportFiles")
    page.files_table.setMinimumHeight(150)
    page.review_conflicts = QPushButton()
    page.review_conflicts.setObjectName("reviewConflicts")
    page.review_duplicates = QPushButton()
    page.review_duplicates.setObjectName("reviewDuplicates")
    page.backup_label = QLabel()
    page.backup_label.setObjectName("backupNote")
    page.backup_label.setWordWrap(True)
    page.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    review = QHBoxLayout()
    review.addWidget(page.review_conflicts)
    review.addWidget(page.review_duplicates)
    review.addStretch(1)
    rg = QVBoxLayout(page.report_box)
    rg.addWidget(page.summary)
    rg.addWidget(page.skew_label)
    rg.addWidget(page.adopted_label)
    rg.addWidget(page.files_table, 1)
    rg.addLayout(review)
    page.undo_button = QPushButton()  # take this import out again, from its before-import backup (exchange_undo)
    page.undo_button.setObjectName("undoImport")
    page.undo_button.hide()
    backup_row = QHBoxLayout()
    backup_row.addWidget(page.backup_label, 1)
    backup_row.addWidget(page.undo_button)
    rg.addLayout(backup_row)
    page.report_box.hide()
