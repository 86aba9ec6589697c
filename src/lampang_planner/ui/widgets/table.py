"""A table view set up for large light-row models: fixed row height, no per-row sizing, sorting by the model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lampang_planner.ui.models.rows import RowsModel

ResizeMode = QHeaderView.ResizeMode


def rows_table(view: QTableView, name: str, model: QAbstractItemModel | None = None, *, single: bool = True,
               read_only: bool = True, alternating: bool = False, wrap: bool | None = None,
               modes: ResizeMode | tuple[ResizeMode, ...] = (), stretch_last: bool = False) -> QTableView:  # fmt: skip
    """``view`` (a table view or table widget, of any class) set up to show whole rows: named ``name``, showing
    ``model`` when given, rows selected whole (one at a time when ``single``), not edited in place when
    ``read_only``, in alternating colours when asked, words wrapped or not (``wrap``; None: as Qt has it), without row
    numbers; the columns resized by ``modes`` (one mode for them all, or one a column from the first) and the last
    stretched with ``stretch_last``. Its look is otherwise Qt's (see :func:`plain_table` for the list pages' own)."""
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if alternating:
        view.setAlternatingRowColors(True)
    if wrap is not None:
        view.setWordWrap(wrap)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    if isinstance(modes, ResizeMode):
        header.setSectionResizeMode(modes)
    else:
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
    if stretch_last:
        header.setStretchLastSection(True)
    return view


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
