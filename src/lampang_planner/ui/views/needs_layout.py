"""The needs page's widgets, their layout and wiring: the workshop and buttons on top; the list tab (search and
filters, the table beside one need's details, the count and ranking buttons); the summary tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.ui.models.needs import NeedsModel
from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.views.needs_detail import NeedDetail
from lampang_planner.ui.views.needs_summary import NeedsSummaryView
from lampang_planner.ui.widgets.table import make_table

if TYPE_CHECKING:
    from lampang_planner.ui.views.needs import NeedsPage


def _combo(name: str, width: int = 14) -> QComboBox:
    c = QComboBox()
    c.setObjectName(name)
    c.setMinimumContentsLength(width)
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.setMaxVisibleItems(20)
    return c


def build(p: NeedsPage) -> None:
    top = _top(p)
    filters = _filters(p)
    split = _table_and_detail(p)
    bottom = _count_and_ranking(p)
    _tabs(p, top, filters, split, bottom)


def _top(p: NeedsPage) -> QHBoxLayout:
    p.heading = heading_label()
    p.workshop = _combo("needsWorkshop", 30)
    p.record_button = QPushButton()
    p.record_button.setObjectName("recordNeeds")
    p.categories_button = QPushButton()
    p.categories_button.setObjectName("editCategories")
    top = QHBoxLayout()
    top.addWidget(p.heading)
    top.addStretch(1)
    top.addWidget(p.workshop)
    top.addWidget(p.record_button)
    top.addWidget(p.categories_button)
    return top


def _filters(p: NeedsPage) -> QHBoxLayout:
    # --- the list tab
    p.search = QLineEdit()
    p.search.setObjectName("needsSearch")
    p.search.setClearButtonEnabled(True)
    p.search.setMinimumWidth(220)
    p.district = _combo("needsDistrict", 12)
    p.tambon = _combo("needsTambon", 12)
    p.category = _combo("needsCategory", 16)
    p.status = _combo("needsStatus", 12)
    p.clear_button = QPushButton()
    filters = QHBoxLayout()
    filters.addWidget(p.search, 2)
    for w in (p.district, p.tambon, p.category, p.status):
        filters.addWidget(w, 1)
    filters.addWidget(p.clear_button)
    return filters


def _table_and_detail(p: NeedsPage) -> QSplitter:
    p.model = NeedsModel(p)
    p.table = make_table(p.model, p)
    p.table.setObjectName("needsTable")
    p.detail = NeedDetail(p.ctx.store)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(p.table)
    split.addWidget(p.detail)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setSizes([780, 380])
    return split


def _count_and_ranking(p: NeedsPage) -> QHBoxLayout:
    p.count = QLabel()
    p.count.setObjectName("needsCount")
    p.up_button = QPushButton()
    p.up_button.setObjectName("rankUp")
    p.down_button = QPushButton()
    p.down_button.setObjectName("rankDown")
    p.by_dots_button = QPushButton()
    p.by_dots_button.setObjectName("rankByDots")
    bottom = QHBoxLayout()
    bottom.addWidget(p.count, 1)
    for b in (p.up_button, p.down_button, p.by_dots_button):
        bottom.addWidget(b)
    return bottom


def _tabs(p: NeedsPage, top: QHBoxLayout, filters: QHBoxLayout, split: QSplitter, bottom: QHBoxLayout) -> None:
    list_tab = QWidget()
    lt = QVBoxLayout(list_tab)
    lt.addLayout(filters)
    lt.addWidget(split, 1)
    lt.addLayout(bottom)

    p.summary = NeedsSummaryView(p.ctx.store)
    p.tabs = QTabWidget()
    p.tabs.setObjectName("needsTabs")
    p.tabs.addTab(list_tab, "")
    p.tabs.addTab(p.summary, "")

    layout = QVBoxLayout(p)
    layout.addLayout(top)
    layout.addWidget(p.tabs, 1)


def wire(p: NeedsPage) -> None:
    p.workshop.currentIndexChanged.connect(p._workshop_changed)
    p.district.currentIndexChanged.connect(p._district_changed)
    for combo in (p.tambon, p.category, p.status):
        combo.currentIndexChanged.connect(lambda _i: p.reload())
    p.search.textChanged.connect(p._search_changed)
    p.clear_button.clicked.connect(p.clear_filters)
    p.model.counts_changed.connect(lambda *_: p._show_count())
    p.record_button.clicked.connect(p.open_entry)
    p.categories_button.clicked.connect(p.edit_categories)
    p.detail.change_status.connect(p.change_status)
    p.detail.edit.connect(p.edit_current)
    p.detail.attach_photo.connect(p.choose_photo)
    p.detail.remove_photo.connect(p.remove_photo)
    p.detail.delete.connect(p.delete_current)
    p.up_button.clicked.connect(lambda: p.move_rank(-1))
    p.down_button.clicked.connect(lambda: p.move_rank(1))
    p.by_dots_button.clicked.connect(p.rank_by_dots)
    p.tabs.currentChanged.connect(p._tab_changed)
    p.wire_list(add=p.open_entry, enter=p.change_status)
    QShortcut(QKeySequence("Alt+Up"), p.table, lambda: p.move_rank(-1))
    QShortcut(QKeySequence("Alt+Down"), p.table, lambda: p.move_rank(1))
