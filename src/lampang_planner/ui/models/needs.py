"""The needs table (over ``core.ops.needs.list_needs``), a need's status history, and the summary tree (districts with
their totals, and under each the tambons, categories or statuses of ``core.ops.needs.needs_summary``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from lampang_planner.core.db import Store
from lampang_planner.core.ops.categories import category_labels
from lampang_planner.core.ops.needs import (
    TRANSITIONS,
    NeedRow,
    NeedsSummary,
    StatusChange,
    list_needs,
    needs_summary,
)
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.vocabulary import NeedRoute, NeedStatus
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import Column, RowsModel, rank
from lampang_planner.ui.models.table import TableModel, TwoLevelTreeModel

# Row layout (a tuple per need)
(ID, ORDER, RANK, TITLE, CATEGORY, DISTRICT, TAMBON, VILLAGE_NO, VILLAGE_NAME, GROUP, DOTS, ROUTE, STATUS, SINCE,
 WORKSHOP, DESCRIPTION) = range(16)

STATUS_COLOURS = {
    "proposed": "#5a5a5a",
    "accepted": "#1f5fa8",
    "budgeted": "#6a3fa0",
    "in_progress": "#a86400",
    "done": "#1e7b34",
    "not_done": "#b3261e",
    "dropped": "#7a7a7a",
}


def status_label(value: str, lang: str | None = None) -> str:
    try:
        return NeedStatus(value).label(lang or current_language())
    except ValueError:
        return value


def route_label(value: str, lang: str | None = None) -> str:
    try:
        return NeedRoute(value).label(lang or current_language())
    except ValueError:
        return value


def short_date(d: dt.date | None) -> str:
    return format_date_th(d, "short") if d else ""


def village_text(no: str, name: str) -> str:
    """"ม.3 บ้านดง" (Thai) / "Moo 3 บ้านดง" (English)."""
    lead = ""
    if no:
        lead = (f"Moo {no}" if current_language() == "en" else f"ม.{no}")
    return " ".join(x for x in (lead, name) if x)


class NeedsModel(RowsModel):
    CONTEXT = "NeedsModel"
    COLUMNS = (
        Column("rank", QT_TRANSLATE_NOOP("NeedsModel", "No."), 44, numeric=True),
        Column("title", QT_TRANSLATE_NOOP("NeedsModel", "Need"), 260),
        Column("category", QT_TRANSLATE_NOOP("NeedsModel", "Category"), 120),
        Column("tambon", QT_TRANSLATE_NOOP("NeedsModel", "Tambon"), 85),
        Column("village", QT_TRANSLATE_NOOP("NeedsModel", "Village"), 52),
        Column("district", QT_TRANSLATE_NOOP("NeedsModel", "District"), 85),
        Column("dots", QT_TRANSLATE_NOOP("NeedsModel", "Dots"), 46, numeric=True),
        Column("status", QT_TRANSLATE_NOOP("NeedsModel", "Status"), 108),
    )
    DEFAULT_SORT = 0
    STRETCH = 1
    STATUS_COLUMN = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._categories: dict[str, tuple[str, str]] = {}
        self.filters: dict[str, str | None] = {}

    def category_label(self, key: str) -> str:
        th, en = self._categories.get(key, (key, key))
        return en if current_language() == "en" else th

    def display(self, row: tuple, column: int) -> str:
        lang = current_language()
        dv = divisions()
        if column == 0:
            return str(row[RANK]) if row[RANK] is not None else ""
        if column == 1:
            return row[TITLE]
        if column == 2:
            return self.category_label(row[CATEGORY])
        if column == 3:
            t = dv.subdistricts.get(row[TAMBON])
            return t.name(lang) if t else ""
        if column == 4:
            return village_text(row[VILLAGE_NO], row[VILLAGE_NAME])
        if column == 5:
            d = dv.districts.get(row[DISTRICT])
            return d.name(lang) if d else ""
        if column == 6:
            return f"{row[DOTS]:,}"
        if column == 7:
            return status_label(row[STATUS], lang)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.STATUS_COLUMN:
            row = self.record(index.row())
            colour = STATUS_COLOURS.get(row[STATUS]) if row else None
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)

    def tooltip(self, row: tuple, column: int) -> str | None:
        if column == 1:
            return "\n".join(x for x in (row[TITLE], row[DESCRIPTION]) if x)
        if column == 4 and row[GROUP]:
            return f"{self.display(row, column)} · {row[GROUP]}"
        if column == 7 and row[SINCE]:
            return f"{self.display(row, column)} · {short_date(row[SINCE])}"
        return self.display(row, column) if column in (2, 4) else None

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        dv = divisions()
        out = []
        for r in rows:
            parts = [r[TITLE], r[DESCRIPTION], r[GROUP], r[VILLAGE_NAME], *self._categories.get(r[CATEGORY], ())]
            if r[VILLAGE_NO]:
                parts.append(f"ม.{r[VILLAGE_NO]} หมู่ {r[VILLAGE_NO]} moo {r[VILLAGE_NO]}")
            for code, table in ((r[DISTRICT], dv.districts), (r[TAMBON], dv.subdistricts)):
                if code in table:
                    parts += [table[code].name_th, table[code].name_en]
            try:
                s = NeedStatus(r[STATUS])
                parts += [s.th, s.en]
            except ValueError:
                pass
            out.append(fold_for_search("\t".join(p for p in parts if p)))
        return out

    def column_keys(self, column: int) -> list:
        rows = self._rows
        if column == 0:  # the core's order: district, workshop, rank, Thai title
            return rank([r[ORDER] for r in rows], key=lambda v: v)
        if column == 6:
            return [r[DOTS] for r in rows]
        if column == 7:
            order = {s.value: i for i, s in enumerate(NeedStatus)}
            return [order.get(r[STATUS], 99) for r in rows]
        return super().column_keys(column)

    def load(self, store: Store, **filters: str | None) -> None:
        """All live needs matching ``filters`` (workshop_id, district_code, subdistrict_code, category, status)."""
        self.filters = {k: v for k, v in filters.items() if v}
        self._categories = category_labels(store)
        self.set_rows([_row(n) for n in list_needs(store, **self.filters)])

    def refresh(self, store: Store, ids: set[str]) -> None:
        """Needs ``ids`` changed (a save, a status change): update just those rows under the current filters."""
        self.patch_rows(ids, [_row(n) for n in list_needs(store, ids=ids, **self.filters)])


def _row(n: NeedRow) -> tuple:
    order = (n.district_code, n.workshop_id, n.rank if n.rank is not None else 1 << 30, thai_sort_key(n.title), n.id)
    return (n.id, order, n.rank, n.title, n.category, n.district_code, n.subdistrict_code, n.village_no,
            n.village_name, n.group_name, n.dot_votes, n.route, n.status, n.status_date, n.workshop_id, n.description)


class StatusHistoryModel(TableModel):
    """A need's status changes, oldest first: date, status, then who (and the note under it). A step back is marked as a
    correction."""

    CONTEXT = "StatusHistoryModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Date"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Status"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "By, and the note"),
    )
    HEADERS = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corrections: set[int] = set()

    def set_history(self, rows: list[StatusChange]) -> None:
        self._corrections = set()
        for i in range(1, len(rows)):
            try:
                forward = NeedStatus(rows[i].status) in TRANSITIONS[NeedStatus(rows[i - 1].status)]
            except ValueError:
                forward = True
            if not forward:
                self._corrections.add(i)
        self.set_rows(rows)

    def change(self, row: int) -> StatusChange | None:
        return self.row(row)

    def is_correction(self, row: int) -> bool:
        return row in self._corrections

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 and index.row() in self._corrections:
            value += " " + QCoreApplication.translate("StatusHistoryModel", "(correction)")
        return value

    def display(self, c: StatusChange, col: int) -> object:
        if col == 0:
            return short_date(c.changed_on)
        if col == 1:
            return status_label(c.status)
        if col == 2:
            return "\n".join(x for x in (c.changed_by, c.note) if x)
        return None

    def extra(self, c: StatusChange, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            colour = STATUS_COLOURS.get(c.status)
            return QBrush(QColor(colour)) if colour else None
        return None


class NeedsSummaryModel(TwoLevelTreeModel):
    """A two-level tree: every district (with its totals), under it its tambons, categories or statuses, and a last
    row with the province's total. Columns: name, needs, dot votes, then the count in each status."""

    CONTEXT = "NeedsSummaryModel"
    FIXED = (
        QT_TRANSLATE_NOOP("NeedsSummaryModel", "District"),
        QT_TRANSLATE_NOOP("NeedsSummaryModel", "Needs"),
        QT_TRANSLATE_NOOP("NeedsSummaryModel", "Dot votes"),
    )
    GROUP_TITLES: ClassVar[dict[str, str]] = {
        "district": QT_TRANSLATE_NOOP("NeedsSummaryModel", "District"),
        "tambon": QT_TRANSLATE_NOOP("NeedsSummaryModel", "District / tambon"),
        "category": QT_TRANSLATE_NOOP("NeedsSummaryModel", "District / category"),
        "status": QT_TRANSLATE_NOOP("NeedsSummaryModel", "District / status"),
    }
    STATUSES = tuple(s.value for s in NeedStatus)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.summary: NeedsSummary | None = None
        self._tops: list = []  # SummaryRow per district, then the total (None)
        self._children: list[list] = []
        self.by = "district"

    def load(self, store: Store, by: str = "district", workshop_id: str | None = None) -> None:
        self.beginResetModel()
        self.by = by
        self.summary = needs_summary(store, by, workshop_id=workshop_id)
        self._tops = [*self.summary.districts, None]
        self._children = [
            *([] if by == "district" else [r for r in self.summary.rows if r.district_code == d.district_code]
              for d in self.summary.districts),
            [],
        ]
        self.endResetModel()

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def top_count(self) -> int:
        return len(self._tops)

    def child_count(self, top_row: int) -> int:
        return len(self._children[top_row]) if top_row < len(self._children) else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.FIXED) + len(self.STATUSES)

    def _item(self, index: QModelIndex):
        if index.internalId() == 0:
            return self._tops[index.row()], True
        return self._children[index.internalId() - 1][index.row()], False

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.summary is None:
            return None
        item, top = self._item(index)
        col = index.column()
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if item is None:  # the province's total
                if col == 0:
                    return QCoreApplication.translate("NeedsSummaryModel", "All districts")
                if col == 1:
                    return f"{self.summary.total:,}"
                if col == 2:
                    return f"{sum(d.dot_votes for d in self.summary.districts):,}"
                return _count(self.summary.by_status.get(self.STATUSES[col - 3], 0))
            if col == 0:
                if not item.key:
                    return QCoreApplication.translate("NeedsSummaryModel", "Not given")
                return item.label_en if lang == "en" else item.label_th
            if col == 1:
                return f"{item.count:,}"
            if col == 2:
                return f"{item.dot_votes:,}"
            return _count(item.by_status.get(self.STATUSES[col - 3], 0))
        if role == Qt.ItemDataRole.FontRole and top and (item is None or self.by != "district"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and top and item is not None and item.count == 0:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if col == 0 else Qt.AlignmentFlag.AlignRight
            return int((align | Qt.AlignmentFlag.AlignVCenter).value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return QCoreApplication.translate(self.CONTEXT, self.GROUP_TITLES.get(self.by, self.FIXED[0]))
            if section < len(self.FIXED):
                return QCoreApplication.translate(self.CONTEXT, self.FIXED[section])
            return status_label(self.STATUSES[section - len(self.FIXED)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int((align | Qt.AlignmentFlag.AlignVCenter).value)
        return None



def _count(n: int) -> str:
    return f"{n:,}" if n else "–"
