"""Exchange: export this folder's work as one signed bundle file (to a USB stick, say), import many bundles at once,
read the import report, and review what the merge could not decide alone — conflicts and possible duplicate people.

Exports and imports run on a task thread (``ctx.tasks``) with progress and Cancel; an import cancelled or refused
writes nothing (the core verifies every file first and applies them in one transaction).

Personal data (issue #8, ``core.sync.seal``): a laptop's bundles carry people's personal fields encrypted to its
office's key; the page says so, or warns that this laptop has no office key yet. Such a laptop's export of personal
data is refused by the core; the page then asks, with a warning, whether to write them unencrypted. An office can
protect a kit with a passphrase (typed twice); importing a protected file asks for it (and again when it was wrong).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QTabWidget, QWidget

from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.sync.exchange import (
    ExportResult,
    ImportReport,
)
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.models.exchange import HistoryModel
from lampang_planner.ui.tasks import Task
from lampang_planner.ui.views.base import Page, heading_label
from lampang_planner.ui.views.exchange_layout import build_exchange_tab
from lampang_planner.ui.views.exchange_report import ImportReportView
from lampang_planner.ui.views.exchange_review import ConflictsPanel, DuplicatesPanel
from lampang_planner.ui.views.exchange_showing import ExchangeShowing, removable_folders
from lampang_planner.ui.views.exchange_transfer import (
    PASSPHRASE_CODES,
    ExchangeTransfer,
    _export_work,
    _import_work,
    _progress,
    is_protected,
)
from lampang_planner.ui.views.exchange_undo import ImportUndo
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, vbox
from lampang_planner.ui.widgets.table import make_table

TAB_EXCHANGE, TAB_CONFLICTS, TAB_DUPLICATES, TAB_HISTORY = range(4)

__all__ = [  # the names this module always had
    "PASSPHRASE_CODES", "TAB_CONFLICTS", "TAB_DUPLICATES", "TAB_EXCHANGE", "TAB_HISTORY", "ExchangePage",
    "_export_work", "_import_work", "_progress", "is_protected", "removable_folders",
]


class ExchangePage(ExchangeShowing, ExchangeTransfer, ImportReportView, ImportUndo, Page):
    """Export, import, review. Its widgets are built in ``exchange_layout``; what it shows (device, destination, kit,
    privacy) is ``exchange_showing``, export and import with their task ``exchange_transfer``, the import report
    ``exchange_report``, taking an import out again ``exchange_undo`` (mixins over the same widgets, so every attribute
    and method stays on the page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.last_export: ExportResult | None = None
        self._export_args: dict = {}  # the export running, to run it again in clear once confirmed
        self.loaded = False
        self._stale = {"conflicts": True, "duplicates": True, "history": True}
        self._conflicts_n = 0
        self._duplicates_n = 0
        self._history: list = []
        self._changes_before = -1
        self._exports_before = -1
        self._last_passphrase: str | None = None

        self.heading = heading_label(text=lambda: self.tr("Exchange"))
        self.device_label = label("deviceIdentity", selectable=True)

        # a folder that is still empty: a laptop waits for its kit; the office says it is the office
        self.role_box = QFrame()
        self.role_box.setObjectName("roleBox")
        self.role_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.role_text = label(wrap=True, text=lambda: self.tr(
            "This data folder is still empty. A field laptop starts by importing the kit its office prepared (Import "
            "bundle files…). If this computer is the office, say so now:"))
        self.office_button = button("makeOffice", self.make_office, text=lambda: self.tr("This computer is the office"))
        hbox((self.role_text, 1), self.office_button, parent=self.role_box)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchangeTabs")
        self.tabs.addTab(build_exchange_tab(self), "")
        self.conflicts = ConflictsPanel(ctx)
        self.duplicates = DuplicatesPanel(ctx)
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.duplicates, "")
        self.history_model = HistoryModel(self)
        self.history_table = make_table(self.history_model, self)
        self.history_table.setObjectName("bundleHistory")
        self.history_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.tabs.addTab(self.history_table, "")
        vbox(hbox(self.heading, STRETCH, self.device_label), self.role_box, (self.tabs, 1), parent=self)

        self._connect(ctx)
        self._show_idle()
        self.retranslate()

    def _connect(self, ctx: AppContext) -> None:
        self.full_radio.toggled.connect(lambda _on: self._show_kit_choice())
        self.review_conflicts.clicked.connect(lambda: self.tabs.setCurrentIndex(TAB_CONFLICTS))
        self.review_duplicates.clicked.connect(lambda: self.tabs.setCurrentIndex(TAB_DUPLICATES))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.conflicts.counts_changed.connect(self._conflicts_counted)
        self.duplicates.counts_changed.connect(self._duplicates_counted)
        ctx.events.changed.connect(self._data_changed)
        ctx.i18n.changed.connect(self._language_changed)

    # --- showing ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        if not self.loaded:
            self.loaded = True
            self._fill_destinations()
            self._fill_workshops()
        self._show_device()
        self._refresh_stale()
        tab = kwargs.get("tab")
        if tab in ("conflicts", "duplicates", "history"):
            self.tabs.setCurrentIndex({"conflicts": TAB_CONFLICTS, "duplicates": TAB_DUPLICATES,
                                       "history": TAB_HISTORY}[tab])


    # --- reacting ---------------------------------------------------------------------------------------------------

    def _conflicts_counted(self, n: int) -> None:
        self._conflicts_n = n
        self._retitle_tabs()

    def _duplicates_counted(self, n: int) -> None:
        self._duplicates_n = n
        self._retitle_tabs()

    def _tab_changed(self, _index: int) -> None:
        self._refresh_stale()

    def _data_changed(self, result: ApplyResult) -> None:
        if self._busy():
            return  # our own import: refreshed when it reports
        self._stale["conflicts"] = True
        if {"person", "invitation", "attendance", "ballot"} & set(result.changed):
            self._stale["duplicates"] = True
        if "workshop" in result.changed and self.loaded:
            self._fill_workshops()
        if self.isVisible():
            self._refresh_stale()

    def _language_changed(self, _lang: str) -> None:
        self.files_model.refresh_labels()
        self.history_model.refresh_labels()
        for panel in (self.conflicts, self.duplicates):  # their introductions and buttons, then their rows
            panel.retranslate()
            panel.refresh_labels()
        self._show_device()
        self._show_report()

    def _retitle_tabs(self) -> None:
        c, d = self._conflicts_n, self._duplicates_n
        self.tabs.setTabText(TAB_EXCHANGE, self.tr("Export and import"))
        self.tabs.setTabText(TAB_CONFLICTS, self.tr("Conflicts ({n})").format(n=c) if c else self.tr("Conflicts"))
        self.tabs.setTabText(TAB_DUPLICATES, self.tr("Duplicate people ({n})").format(n=d) if d else
                             self.tr("Duplicate people"))
        self.tabs.setTabText(TAB_HISTORY, self.tr("History"))
        self._show_review_buttons()

    def retranslate(self) -> None:
        self._retitle_tabs()
        self._show_device()
        if self.loaded:
            self._show_last_export()
        self._show_report()
