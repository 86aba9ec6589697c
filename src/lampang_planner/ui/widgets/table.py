"""A table view set up for large light-row models: fixed row height, no per-row sizing, sorting by the model."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lampang_planner.ui.models.rows import RowsModel


def make_table(model: RowsModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vh = view.verticalHeader()
    vh.hide()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(view.fontMetrics().height() + 12)
    hh = view.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setStretchLastSection(model.STRETCH is None)
    hh.setHighlightSections(False)
    hh.setSortIndicator(model.DEFAULT_SORT, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    for i, column in enumerate(model.COLUMNS):
        view.setColumnWidth(i, column.width)
    if model.STRETCH is not None:
        hh.setSectionResizeMode(model.STRETCH, QHeaderView.ResizeMode.Stretch)
    return view


def select_row(view: QTableView, row: int) -> None:
    """Make ``row`` current and selected (or clear the selection for -1) and scroll to it."""
    sel = view.selectionModel()
    if row < 0:
        sel.clearSelection()
        sel.setCurrentIndex(view.model().index(-1, -1), QItemSelectionModel.SelectionFlag.Clear)
        return
    index = view.model().index(row, 0)
    sel.setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.scrollTo(index)
