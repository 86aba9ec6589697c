"""The exchange page's widgets, built and laid out: the role box, the tabs, and the Exchange tab (export box, import
box, progress and Cancel, the import report). Each builder sets the widgets as attributes of the page
(``page.export_button``, ``page.files_table``…), the names the page's methods and the tests use. Their fixed texts
are the page's (translation context "ExchangePage"); texts that depend on the state are set by the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QProgressBar,
    QWidget,
)

from lampang_planner.ui.i18n import translate
from lampang_planner.ui.models.exchange import ReportFilesModel
from lampang_planner.ui.widgets.build import (
    STRETCH,
    button,
    combo,
    hbox,
    label,
    line_edit,
    radios,
    retranslated,
    scrolled,
    vbox,
)
from lampang_planner.ui.widgets.table import make_table

if TYPE_CHECKING:
    from lampang_planner.ui.views.exchange import ExchangePage

HINT_STYLE = "QLabel { color: #5a5a5a; margin-left: 24px; }"
WARNING_STYLE = ("QLabel { color: #8a5300; background: #fff4e0; border: 1px solid #f0c980;"
                 " border-radius: 4px; padding: 4px 8px; }")  # fmt: skip


def build_exchange_tab(page: ExchangePage) -> QWidget:
    """The first tab: export, import, the running task and the report, in a scroll area."""
    _export_widgets(page)
    _lay_out_export_box(page)

    page.import_box = retranslated(QGroupBox(), title=lambda: translate("ExchangePage", "Import bundles"))
    page.import_hint = label(wrap=True, text=lambda: translate(
        "ExchangePage", "Choose one or more bundle files, from the laptops or from the office, in any order. Each file "
        "is checked before anything is written; the data folder is backed up, then all of them are merged in one "
        "step."))
    page.import_button = button("importButton", page._ask_import,
                                text=lambda: translate("ExchangePage", "Import bundle files…"))
    hbox((page.import_hint, 1), page.import_button, parent=page.import_box)

    page.progress = QProgressBar()
    page.progress.setObjectName("exchangeProgress")
    page.status = label("exchangeStatus", wrap=True)
    page.cancel_button = button("cancelExchange", page.cancel, text=lambda: translate("ExchangePage", "Cancel"))
    running = hbox((page.progress, 1), page.cancel_button)

    _report_box(page)
    body = QWidget()
    vbox(page.export_box, page.import_box, running, page.status, (page.report_box, 1), parent=body).addStretch(0)
    return scrolled(body)


def _export_widgets(page: ExchangePage) -> None:
    """Destination, delta or everything, the kit's workshop and passphrase, the privacy note, Export."""
    page.export_box = retranslated(QGroupBox(), title=lambda: translate("ExchangePage", "Export this folder's work"))
    page.dest_label = label(text=lambda: translate("ExchangePage", "Save to:"))
    page.destination = combo("exportFolder", 40)
    page.choose_button = button("chooseFolder", page._choose_folder,
                                text=lambda: translate("ExchangePage", "Choose folder…"))
    page.usb_button = button("findUsb", page._fill_destinations,
                             text=lambda: translate("ExchangePage", "Look for USB sticks"))
    _group, (page.delta_radio, page.full_radio) = radios(page, "exportDelta", "exportFull", checked=0)
    retranslated(page.delta_radio, text=lambda: translate(
        "ExchangePage", "Only what changed since the last export (usual)"))
    page.privacy_note = label("privacyNote", wrap=True)
    page.passphrase_label = label(text=lambda: translate("ExchangePage", "Passphrase (optional):"))
    page.passphrase_edit = line_edit("kitPassphrase", password=True,
                                     placeholder=lambda: translate("ExchangePage", "passphrase, at least 8 characters"))
    page.passphrase_repeat = line_edit("kitPassphraseRepeat", password=True,
                                       placeholder=lambda: translate("ExchangePage", "the same again"))
    page.passphrase_hint = label(wrap=True, style=HINT_STYLE, text=lambda: translate(
        "ExchangePage", "With a passphrase the kit (and the roster in it) opens only for whoever types it on the "
        "laptop. Tell it to the laptop's team separately, not on the same stick."))
    page.kit_label = label(text=lambda: translate("ExchangePage", "Workshops in the kit:"))
    page.kit_workshop = combo("kitWorkshop", 30)
    page.export_button = button("exportButton", page._export_clicked, text=lambda: translate("ExchangePage", "Export"))
    page.export_result = label("exportResult", wrap=True, selectable=True)
    page.last_export_label = label("lastExport", wrap=True)


def _lay_out_export_box(page: ExchangePage) -> None:
    eg = QGridLayout(page.export_box)
    eg.addWidget(page.dest_label, 0, 0)
    eg.addWidget(page.destination, 0, 1)
    eg.addWidget(page.choose_button, 0, 2)
    eg.addWidget(page.usb_button, 0, 3)
    eg.addWidget(page.delta_radio, 1, 0, 1, 4)
    eg.addWidget(page.full_radio, 2, 0, 1, 4)
    eg.addLayout(hbox(24, page.kit_label, (page.kit_workshop, 1)), 3, 0, 1, 4)
    eg.addLayout(hbox(24, page.passphrase_label, (page.passphrase_edit, 1), (page.passphrase_repeat, 1)), 4, 0, 1, 4)
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
    page.summary = label("reportSummary", wrap=True, rich=True)
    page.skew_label = label("skewWarning", wrap=True, style=WARNING_STYLE)
    page.adopted_label = label("officeAdopted", wrap=True)
    page.files_model = ReportFilesModel(page)
    page.files_table = make_table(page.files_model, page)
    page.files_table.setObjectName("reportFiles")
    page.files_table.setMinimumHeight(150)
    page.review_conflicts = button("reviewConflicts")
    page.review_duplicates = button("reviewDuplicates")
    page.backup_label = label("backupNote", wrap=True, selectable=True)
    page.undo_button = button("undoImport", page._undo_clicked, hidden=True)  # take the import out again (exchange_undo)
    review = hbox(page.review_conflicts, page.review_duplicates, STRETCH)
    backup_row = hbox((page.backup_label, 1), page.undo_button)
    vbox(page.summary, page.skew_label, page.adopted_label, (page.files_table, 1), review, backup_row,
         parent=page.report_box)  # fmt: skip
    page.report_box.hide()
