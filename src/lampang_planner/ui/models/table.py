"""The one base of the window's simple table models: a list of rows replaced whole, translated column headers.

    class VotersModel(TableModel):
        CONTEXT = "ResolutionModels"                         # translation context of the headers
        COLUMNS = (QT_TRANSLATE_NOOP("ResolutionModels", "Name"), ...)
        def display(self, row, column): ...                  # the text of one cell
        def extra(self, row, column, role): ...              # any other role (colours, tooltips, ids)

``set_rows`` replaces the rows (a model reset); ``row(n)`` reads one back (None out of range); ``retranslate``
repaints headers and cells after a language change. Large, filtered, patched tables use ``RowsModel`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


class TableModel(QAbstractTableModel):
    CONTEXT = ""
    COLUMNS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()  # right-aligned columns
    ALIGN_CELLS = False  # answer the cells' alignment (left, or right for NUMERIC) where ``extra`` does not
    ALIGN_HEADERS = False  # the same for the headers
    TEXT_TIPS = False  # a cell's tooltip is its text where ``extra`` answers none

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list = []

    # --- rows -------------------------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, n: int) -> object | None:
        return self._rows[n] if 0 <= n < len(self._rows) else None

    def display(self, row: object, column: int) -> object:
        """The text of a cell (also its tooltip with ``TEXT_TIPS``, unless ``extra`` answers one)."""
        return None

    def extra(self, row: object, column: int, role: int) -> object:
        """Any role other than display: colours, alignment, ids."""
        return None

    def header(self, section: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == DISPLAY:
            return self.header(section)
        if role == ALIGNMENT and self.ALIGN_HEADERS:
            return self.alignment(section)
        return None

    def alignment(self, column: int) -> int:
        return int((RIGHT if column in self.NUMERIC else LEFT).value)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex, role: int = DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self.display(row, column)
        answer = self.extra(row, column, role)
        if answer is None and role == TOOLTIP and self.TEXT_TIPS:
            return self.display(row, column) or None
        if answer is None and role == ALIGNMENT and self.ALIGN_CELLS:
            return self.alignment(column)
        return answer

    def retranslate(self) -> None:
        if self._rows and self.COLUMNS:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    refresh_labels = retranslate


class TwoLevelTreeModel(QAbstractItemModel):
    """The base of the window's two-level trees (a top row and the rows under it, as the needs summary's districts
    and the office's clauses with their amendments): an index's internal id is 0 on the top level and, under a top
    row, that row's number + 1. Subclasses answer ``top_count()`` and ``child_count(top_row)``."""

    def top_count(self) -> int:
        return 0

    def child_count(self, top_row: int) -> int:
        return 0

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.top_count()
        if parent.internalId() == 0 and parent.column() == 0 and 0 <= parent.row() < self.top_count():
            return self.child_count(parent.row())
        return 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def retranslate(self) -> None:
        """The language changed: every text is read again."""
        self.beginResetModel()
        self.endResetModel()
