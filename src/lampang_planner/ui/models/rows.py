"""A table model over plain tuples that sorts and filters itself, fast enough for 100,000 rows.

Why not QSortFilterProxyModel: its sort calls ``lessThan``/``data`` in Python once per comparison (millions of calls
at 100,000 rows) and its filter calls ``filterAcceptsRow`` once per row per keystroke. Here
  * search: each row's folded text fields (``fold_for_search``: lower case, no tone marks), made once per row, go
    into a :class:`~lampang_planner.core.search_index.SearchIndex`, which answers a keystroke from its compressed
    bitmaps and its phones' and codes' grams (a cost that follows the answer), not with a test per row;
  * per column, an integer sort key: the column's distinct values ranked once with ``thai_sort_key`` (Thai
    collation: leading vowels เ แ โ ใ ไ sort by their consonant), made when that column is first sorted.
The model shows ``_view``: the rows that match, in sort order, as a :class:`~.match_view.MatchView` (an answer read
lazily: a key matching most rows does not list them all).
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal

from lampang_planner.core.search_index import SearchIndex
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.ui.models.match_view import MatchView, inverse

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, ID_ROLE): the id of the row's record."""

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# data() runs hundreds of times per repaint: roles arrive as plain ints, compared here with plain ints (an enum
# member looked up and compared per call cost about as much as the rest of the call)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ID = int(ID_ROLE)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class Column:
    """One column: its ``title`` (English source text, marked with QT_TRANSLATE_NOOP in the model's context), its
    width; ``numeric`` ones align right. ``text(row)`` is the cell's text (the model's ``display`` by default) and
    ``sort(row)`` its sort key (by default the rank of its text; see ``RowsModel.column_keys``)."""

    key: str
    title: str
    width: int = 120
    numeric: bool = False
    text: Callable[[tuple], str] | None = None
    sort: Callable[[tuple], object] | None = None


def rank(values: Sequence[object], key: Callable[[object], object] = thai_sort_key) -> list[int]:
    """For each value its rank among the distinct values ordered by ``key`` (one sort of the distinct values)."""
    order = sorted(set(values), key=key)
    pos = {v: i for i, v in enumerate(order)}
    return [pos[v] for v in values]


def folded(cache: dict[str, str], text: str) -> str:
    """fold_for_search with a cache: names, organisations and places repeat a lot."""
    out = cache.get(text)
    if out is None:
        out = cache[text] = fold_for_search(text)
    return out


def query_words(text: str) -> tuple[str, ...]:
    return tuple(fold_for_search(text).split())


class RowsModel(QAbstractTableModel):
    """Subclasses set COLUMNS (with each cell's text, or implement ``display``) and CONTEXT, and implement
    ``haystacks`` (or ``search_fields``); ``column_keys`` where a column sorts otherwise than its ``Column.sort``."""

    CONTEXT = "RowsModel"
    COLUMNS: tuple[Column, ...] = ()
    DEFAULT_SORT = 0  # column whose keys break ties in every sort
    STRETCH: int | None = None  # column that takes the spare width (None: the last one)
    REFINE_PAUSE_MS = 300  # a key puts off building the search's phone and code grams until typing pauses this long

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._index = SearchIndex([])
        self._index_order: list[int] | None = None  # the order of the index's rows (None: the rows' own order)
        self._pos: dict[str, int] = {}  # id → index into _rows
        self._view = MatchView([], [])
        self._keys: dict[int, list[int]] = {}
        self._order: list[int] | None = None  # every row in the current sort order (cached)
        self._where: list[int] = []  # row index → its position in _order
        self._recent: dict[tuple[str, ...], MatchView] = {}  # recent searches' results (backspace is instant)
        self._sort_col = self.DEFAULT_SORT
        self._sort_desc = False
        self._words: tuple[str, ...] = ()
        self._refining = QTimer(self)  # the search index's phone and code grams, built a step at a time between events,
        self._refining.setInterval(0)  # paused while the user types (set_search)
        self._refining.timeout.connect(self._refine_step)
        self._refine_steps: Iterator[None] | None = None

    # --- to implement -----------------------------------------------------------------------------------------------

    def display(self, row: tuple, column: int) -> str:
        return self.COLUMNS[column].text(row)  # type: ignore[misc]  # a model without texts in COLUMNS says its own

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        """One folded search string per row."""
        raise NotImplementedError

    def search_fields(self, rows: Sequence[tuple]) -> list[tuple[str, ...]]:
        """Per row, its folded search text in a fixed number of fields. A query word (never holding whitespace)
        matches a row when it occurs in one of them. Splitting a row's text into fields whose values repeat across
        rows (names, places) makes the search index small and fast; the default is one field, ``haystacks``."""
        return [(h,) for h in self.haystacks(rows)]

    def column_keys(self, column: int) -> list:
        """A sort key for every row of ``self._rows`` in this column (ints from :func:`rank` are fastest): the
        column's ``sort`` of each row, or the rank of its text."""
        by = self.COLUMNS[column].sort
        if by is not None:
            return [by(r) for r in self._rows]
        return rank([self.display(r, column) for r in self._rows])

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if self.COLUMNS[column].numeric else _LEFT

    def tooltip(self, row: tuple, column: int) -> str | None:
        return None

    # --- Qt -------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> object:
        r, view = index.row(), self._view
        if not 0 <= r < len(view):  # an invalid index has row -1
            return None
        if role == _DISPLAY:
            return self.display(self._rows[view[r]], index.column())
        if role == _ALIGNMENT:
            return int(self.alignment(index.column()).value)
        if role == _ID:
            return self._rows[view[r]][0]
        if role == _TOOLTIP:
            return self.tooltip(self._rows[view[r]], index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.alignment(section).value)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return section + 1
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_col, self._sort_desc = column, order == Qt.SortOrder.DescendingOrder
        self._order = None
        self._recent.clear()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(ix, self._view[ix.row()]) for ix in persistent if 0 <= ix.row() < len(self._view)]
        self._view = self._matching(self._words)
        for ix, ri in before:
            self.changePersistentIndex(ix, self.index(self._view.index(ri), ix.column()))
        self.layoutChanged.emit()

    # --- the rows ---------------------------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def shown(self) -> int:
        return len(self._view)

    @property
    def sort_column(self) -> int:
        return self._sort_col

    def set_rows(self, rows: list[tuple]) -> None:
        """Replace every row (a fresh query). Search and sort stay as they were."""
        self.beginResetModel()
        self._rows = rows
        self._pos = {r[0]: i for i, r in enumerate(rows)}
        self._keys.clear()
        self._order = None
        self._recent.clear()
        self._index_fields(self.search_fields(rows))
        self._view = self._matching(self._words)
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)

    def patch_rows(self, ids: Iterable[str], fresh: Sequence[tuple]) -> None:
        """Rows ``ids`` changed: ``fresh`` holds the live ones among them now (others were deleted or left)."""
        ids = set(ids)
        fresh_by_id = {r[0]: r for r in fresh}
        rows = self._rows
        gone = {self._pos[i] for i in ids if i in self._pos and i not in fresh_by_id}
        keep = [i for i in range(len(rows)) if i not in gone] if gone else range(len(rows))
        rows = [rows[i] for i in keep]
        by_row = self._fields_by_row()
        fields = [by_row[i] for i in keep]
        pos = {r[0]: i for i, r in enumerate(rows)}
        new_fields = self.search_fields(list(fresh_by_id.values()))
        for r, f in zip(fresh_by_id.values(), new_fields, strict=True):
            i = pos.get(r[0])
            if i is None:
                pos[r[0]] = len(rows)
                rows.append(r)
                fields.append(f)
            else:
                rows[i], fields[i] = r, f
        self.beginResetModel()
        self._rows, self._pos = rows, pos
        self._keys.clear()
        self._order = None
        self._recent.clear()
        self._index_fields(fields)
        self._view = self._matching(self._words)
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)

    def set_search(self, text: str) -> None:
        """Show only rows with every word of ``text`` in one of their search fields (folded: no tone marks, any case)."""
        if self._refine_steps is not None:  # typing: the grams are built when the user pauses
            self._refining.start(self.REFINE_PAUSE_MS)
        words = query_words(text)
        if words == self._words:
            return
        if self._words:
            self._recent[self._words] = self._view
            if len(self._recent) > 16:  # each holds an answer's compressed bitmap
                self._recent.pop(next(iter(self._recent)))
        self._words = words
        cached = self._recent.get(words)
        view = cached if cached is not None else self._matching(words)
        self.beginResetModel()
        self._view = view
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)

    def row_id(self, row: int) -> str | None:
        return self._rows[self._view[row]][0] if 0 <= row < len(self._view) else None

    def record(self, row: int) -> tuple | None:
        return self._rows[self._view[row]] if 0 <= row < len(self._view) else None

    def row_of(self, record_id: str) -> int:
        """The visible row showing ``record_id``, or -1."""
        i = self._pos.get(record_id)
        if i is None:
            return -1
        try:
            return self._view.index(i)
        except ValueError:
            return -1

    def refresh_labels(self) -> None:
        """The language changed: headers, labels and label-sorted columns follow."""
        self._keys.clear()
        self._order = None
        self._recent.clear()
        if self._rows:
            self.sort(self._sort_col, Qt.SortOrder.DescendingOrder if self._sort_desc else Qt.SortOrder.AscendingOrder)
        if self.rowCount() > 0:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))

    # --- internals --------------------------------------------------------------------------------------------------

    def _column_keys(self, column: int) -> list:
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = self.column_keys(column)
        return keys

    def _all_sorted(self) -> list[int]:
        if self._order is None or len(self._order) != len(self._rows):
            self._order = self._sorted(range(len(self._rows)))
            self._where = inverse(self._order)
        return self._order

    def _sorted(self, indices: Iterable[int]) -> list[int]:
        keys = self._column_keys(self._sort_col)
        if self._sort_col != self.DEFAULT_SORT:
            ties = self._column_keys(self.DEFAULT_SORT)
            return sorted(indices, key=lambda i: (keys[i], ties[i]), reverse=self._sort_desc)
        return sorted(indices, key=keys.__getitem__, reverse=self._sort_desc)

    def _index_fields(self, fields: list[tuple[str, ...]]) -> None:
        """A new search index over the rows' fields, its rows in the current sort order (a keystroke then reads its
        answers in that order)."""
        order = self._all_sorted()
        self._set_index(SearchIndex(fields, order, refine=False), order)

    def _set_index(self, index: SearchIndex, order: list[int] | None) -> None:
        """Search with ``index`` (rows in ``order``); its grams, if not built yet, are built between events
        once no key came for REFINE_PAUSE_MS (it answers the same meanwhile, with a C pass over the values of its
        fields with many values: phones, codes)."""
        self._index, self._index_order = index, order
        self._refine_steps = None if index.refined else index.refine()
        if self._refine_steps is None:
            self._refining.stop()
        else:
            self._refining.start(self.REFINE_PAUSE_MS)

    def _refine_step(self) -> None:
        self._refining.setInterval(0)
        steps, end = self._refine_steps, time.perf_counter() + 0.01
        try:
            while steps is not None and time.perf_counter() < end:
                next(steps)
        except StopIteration:
            self._refine_steps = None
        if self._refine_steps is None:
            self._refining.stop()

    def finish_indexing(self) -> None:
        """Build what is left of the search index's phone and code grams now."""
        if self._refine_steps is not None:
            for _ in self._refine_steps:
                pass
        self._refine_steps = None
        self._refining.stop()

    def _fields_by_row(self) -> list[tuple[str, ...]]:
        index, order = self._index, self._index_order
        fields = index.all_fields()
        if order is None or index.n < 2:
            return fields
        return list(operator.itemgetter(*inverse(order))(fields))

    def _sorted_index(self, order: list[int]) -> SearchIndex:
        """The search index with its rows in ``order`` (re-ordered when the sort changed), so that its answers read
        in sort order."""
        if self._index_order is not order:
            old = self._index_order
            if old is None:
                perm = order
            else:
                where = inverse(old)
                perm = [where[i] for i in order]
            self._set_index(self._index.permuted(perm), order)
        return self._index

    def _matching(self, words: tuple[str, ...]) -> MatchView:
        """The rows holding every word, in the current sort order (read lazily from the search's answer)."""
        order = self._all_sorted()
        if not words:
            return MatchView(order, self._where)
        return MatchView(order, self._where, self._sorted_index(order).find(words))
