"""A table view set up for large light-row models: fixed row height, no per-row sizing, sorting by the model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lampang_planner.ui.models.rows import RowsModel


def plain_table(model: QAbstractItemModel, parent: QWidget | None = None, row_padding: int = 10) -> QTableView:
    """A read-only table of whole rows, one selected at a time, in alternating colours, each row one line (elided at
    the right) ``row_padding`` pixels taller than the font, without row numbers."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vh = view.verticalHeader()
    vh.hide()
    vh.setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    view.horizontalHeader().setHighlightSections(False)
    return view


def make_table(model: RowsModel, parent: QWidget | None = None) -> QTableView:
    """A :func:`plain_table` for a large ``RowsModel``: fixed row heights, its columns' widths, sorting by the model."""
    view = plain_table(model, parent, 12)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    hh = view.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setStretchLastSection(model.STRETCH is None)
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
