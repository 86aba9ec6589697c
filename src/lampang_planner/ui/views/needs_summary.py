"""The needs page's summary tab: totals per district, and under each district its tambons, categories or statuses."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from lampang_planner.core.db import Store
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.models.needs import NeedsSummaryModel

GROUPINGS = ("district", "tambon", "category", "status")


class NeedsSummaryView(Retranslating, QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: str | None = None
        self.loaded = False
        self.by_label = QLabel()
        self.by = QComboBox()
        self.by.setObjectName("summaryBy")
        for key in GROUPINGS:
            self.by.addItem("", key)
        self.model = NeedsSummaryModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("needsSummary")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.by_label)
        top.addWidget(self.by)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        self.by.currentIndexChanged.connect(lambda _i: self.reload())
        self.retranslate()

    def set_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        if self.loaded:
            self.reload()

    def set_grouping(self, by: str) -> None:
        self.by.setCurrentIndex(max(0, self.by.findData(by)))

    def reload(self) -> None:
        self.loaded = True
        self.model.load(self.store, self.by.currentData() or "district", self.workshop_id)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), 240))

    def retranslate(self) -> None:
        self.by_label.setText(self.tr("Totals per district, and within each district by:"))
        for i, text in enumerate((self.tr("(district totals only)"), self.tr("tambon"), self.tr("category"),
                                  self.tr("status"))):
            self.by.setItemText(i, text)
        self.note.setText(self.tr("Every district is listed, with a dash where no need was recorded. The last row "
                                  "is the whole province (or the chosen workshop)."))
        if self.loaded:
            self.model.retranslate()
            self.tree.expandAll()
