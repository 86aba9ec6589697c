"""The People table: one SQL query into tuples, Thai-collated sorting, search in Thai or English.

A large folder is loaded in two stages (:meth:`PeopleModel.load_in_steps`): the first screenful in name order at
once (``core.read.people.first_people``), then everyone, their search index and sort order in short steps between
the window's events (:meth:`PeopleModel.load_more`). Until the last step the model shows only the first rows; a
search, a sort, a change to the data or a new load first finishes the steps (so every answer is the full one), and
the finished rows replace the first ones with the current row and selection kept.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from lampang_planner.core.ops.people import LIST_COLUMNS
from lampang_planner.core.read.people import first_people, people_in_chunks, people_rows
from lampang_planner.core.refdata import divisions
from lampang_planner.core.search_index import SearchIndex
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.match_view import MatchView, inverse
from lampang_planner.ui.models.rows import Column, RowsModel, folded, rank

# Row layout: the core's list columns, then the check-in time at the filtered workshop ('' = invited only).
(ID, CODE, PREFIX, FIRST, LAST, ORG, PTYPE, DISTRICT, SUBDISTRICT, PHONE, CHECKED_IN) = range(len(LIST_COLUMNS) + 1)
NOT_IN_WORKSHOP = None


def load_people(db: sqlite3.Connection, workshop_id: str | None = None, ids: Iterable[str] | None = None) -> list:
    """Live people as tuples (see the row layout above, ``core.read.people``); with ``workshop_id`` only its roster,
    with their check-in time there; with ``ids`` only those."""
    return _shared(people_rows(db, workshop_id, ids))


def _shared(rows: list, pool: dict[str, str] | None = None) -> list:
    """The rows with equal values made one string object: names, prefixes, organisations, types and places repeat
    across thousands of people, and SQLite hands back a fresh string for every cell (at 100,000 people this saves
    tens of megabytes). ``pool``: the strings kept so far (shared across the chunks of one load)."""
    keep = ({} if pool is None else pool).setdefault
    for i, (pid, code, prefix, first, last, org, kind, district, tambon, phone, checked_in) in enumerate(rows):
        # in place: each row's own strings go as soon as it is replaced (a lower peak); ids, codes and phones are
        # one per person, the rest repeat
        rows[i] = (pid, code, keep(prefix, prefix), keep(first, first), keep(last, last), keep(org, org),
                   keep(kind, kind), keep(district, district), keep(tambon, tambon), phone, checked_in)  # fmt: skip
    return rows


def name_keys(rows: Sequence[tuple]) -> list[int]:
    """Per row an integer that sorts as ``core.read.people.name_order_key`` (first name, last name, prefix, each by
    ``thai_sort_key``): each part's distinct values ranked once, the three ranks combined into one number."""
    ranks = []
    for field in (FIRST, LAST, PREFIX):
        distinct = sorted(set(map(itemgetter(field), rows)), key=thai_sort_key)
        ranks.append({v: i for i, v in enumerate(distinct)})
    first, last, prefix = ranks
    n_last, n_prefix = len(last), len(prefix)
    return [(first[r[FIRST]] * n_last + last[r[LAST]]) * n_prefix + prefix[r[PREFIX]] for r in rows]


def format_phone(digits: str) -> str:
    """081-234-5678 for mobiles, 054-123-456 for landlines; anything else as stored."""
    if len(digits) == 10 and digits.startswith("0"):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if len(digits) == 9 and digits.startswith("0"):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def checkin_time(iso: str) -> str:
    """"08:42" from an ISO time with offset (the check-in's local time)."""
    try:
        return dt.datetime.fromisoformat(iso).strftime("%H:%M")
    except ValueError:
        return iso


class PeopleModel(RowsModel):
    CONTEXT = "PeopleModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("PeopleModel", "Name"), 210),
        Column("organisation", QT_TRANSLATE_NOOP("PeopleModel", "Organisation"), 220),
        Column("participant_type", QT_TRANSLATE_NOOP("PeopleModel", "Participant type"), 190),
        Column("subdistrict", QT_TRANSLATE_NOOP("PeopleModel", "Tambon"), 100),
        Column("district", QT_TRANSLATE_NOOP("PeopleModel", "District"), 100),
        Column("phone", QT_TRANSLATE_NOOP("PeopleModel", "Phone"), 105),
        Column("code", QT_TRANSLATE_NOOP("PeopleModel", "Code"), 95),
        Column("status", QT_TRANSLATE_NOOP("PeopleModel", "At this workshop"), 130),
    )
    STATUS_COLUMN = 7
    DEFAULT_SORT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fold_cache: dict[str, str] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self._label_lang = ""
        self.workshop_id: str | None = None
        self._steps: Iterator[None] | None = None  # the steps of a load in progress (load_in_steps)
        self._steps_total = 0  # how many people that load reads

    # --- labels ---------------------------------------------------------------------------------------------------

    def _label_maps(self) -> dict[str, dict[str, str]]:
        lang = current_language()
        if lang != self._label_lang:
            dv = divisions()
            self._labels = {
                "type": {p.value: p.label(lang) for p in ParticipantType},
                "district": {c: d.name(lang) for c, d in dv.districts.items()},
                "subdistrict": {c: s.name(lang) for c, s in dv.subdistricts.items()},
            }
            self._label_lang = lang
        return self._labels

    def display(self, row: tuple, column: int) -> str:
        if column == 0:
            return full_name(row[PREFIX], row[FIRST], row[LAST])
        if column == 1:
            return row[ORG]
        if column == 2:
            return self._label_maps()["type"].get(row[PTYPE], row[PTYPE])
        if column == 3:
            return self._label_maps()["subdistrict"].get(row[SUBDISTRICT], row[SUBDISTRICT])
        if column == 4:
            return self._label_maps()["district"].get(row[DISTRICT], row[DISTRICT])
        if column == 5:
            return format_phone(row[PHONE])
        if column == 6:
            return row[CODE]
        if column == 7:
            if row[CHECKED_IN] is NOT_IN_WORKSHOP:
                return ""
            if row[CHECKED_IN]:
                return QCoreApplication.translate("PeopleModel", "Checked in {time}").format(
                    time=checkin_time(row[CHECKED_IN])
                )
            return QCoreApplication.translate("PeopleModel", "Invited")
        return ""

    def tooltip(self, row: tuple, column: int) -> str | None:
        if column in (0, 1):
            return self.display(row, column) or None
        return None

    # --- search and sort ------------------------------------------------------------------------------------------

    def search_fields(self, rows: Sequence[tuple]) -> list[tuple[str, ...]]:
        """Name (with and without prefix), organisation, phone, code, tambon and district and participant type in
        Thai and English, as separate fields (the search index answers each per distinct value); folded once per
        distinct value."""
        cache = self._fold_cache
        dv = divisions()
        place: dict[str, str] = {}
        for c, s in dv.subdistricts.items():
            d = dv.districts[s.parent]
            place[c] = fold_for_search(f"{s.name_th} {s.name_en} {d.name_th} {d.name_en}")
        for c, d in dv.districts.items():
            place[c] = fold_for_search(f"{d.name_th} {d.name_en}")
        kinds = {p.value: fold_for_search(f"{p.th} {p.en}") for p in ParticipantType}
        return [
            (folded(cache, r[PREFIX] + r[FIRST]), folded(cache, r[LAST]), folded(cache, r[ORG]), r[PHONE],
             r[CODE].lower(), place.get(r[SUBDISTRICT]) or place.get(r[DISTRICT], ""), kinds.get(r[PTYPE], ""))
            for r in rows
        ]  # fmt: skip

    def column_keys(self, column: int) -> list:
        rows = self._rows
        if column == 0:
            return name_keys(rows)
        if column == 1:
            return rank([r[ORG] for r in rows])
        if column in (2, 3, 4):
            field, which = {2: (PTYPE, "type"), 3: (SUBDISTRICT, "subdistrict"), 4: (DISTRICT, "district")}[column]
            labels = self._label_maps()[which]
            # empty values last
            return rank([labels.get(r[field], "\uffff") if r[field] else "\uffff" for r in rows])
        if column in (5, 6):
            field = PHONE if column == 5 else CODE
            return rank([r[field] for r in rows], key=lambda v: (v == "", v))
        if column == 7:
            # checked in first (by time), then invited, then not at the workshop
            return rank([(0, r[CHECKED_IN]) if r[CHECKED_IN] else (1 if r[CHECKED_IN] == "" else 2, "") for r in rows],
                        key=lambda v: v)
        return [0] * len(rows)

    # --- loading ----------------------------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._steps_total if self._steps is not None else len(self._rows)

    @property
    def loading(self) -> bool:
        """True while :meth:`load_in_steps` shows only the first rows."""
        return self._steps is not None

    def load(self, db: sqlite3.Connection, workshop_id: str | None = None) -> None:
        self._steps = None
        self.workshop_id = workshop_id or None
        self.set_rows(load_people(db, self.workshop_id))

    def load_in_steps(self, db: sqlite3.Connection, first: int, at_once: int = 0) -> None:
        """Everyone (no workshop): the first ``first`` rows in name order now, the rest by :meth:`load_more` (or
        :meth:`finish_loading`). At most ``at_once`` people, or a sort other than by name, are loaded at once."""
        rows, total = first_people(db, first)
        if total <= at_once or self._sort_col != self.DEFAULT_SORT or self._sort_desc or self._words:
            self.load(db)
            return
        self.beginResetModel()
        self.workshop_id = None
        self._rows, self._pos = rows, {r[0]: i for i, r in enumerate(rows)}
        self._keys.clear()
        self._order, self._where = list(range(len(rows))), list(range(len(rows)))
        self._recent.clear()
        self._set_index(SearchIndex([]), None)
        self._view = MatchView(self._order, self._where)
        self._steps, self._steps_total = self._load_steps(db), total
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)

    def load_more(self, seconds: float) -> bool:
        """Run steps of the load for about ``seconds`` (at least one); True once it is finished (or none runs)."""
        steps = self._steps
        if steps is None:
            return True
        end = time.perf_counter() + seconds
        try:
            for _ in steps:
                if time.perf_counter() >= end:
                    return False
        except BaseException:
            self._steps = None  # the first rows stay; the next load starts afresh
            raise
        return True

    def finish_loading(self) -> None:
        """Finish a load in progress now (a search, a sort or a change needs every row)."""
        self.load_more(float("inf"))

    def _load_steps(self, db: sqlite3.Connection) -> Iterator[None]:
        """Read everyone a chunk at a time, then their search fields, name order and search index, a piece per step;
        the last step puts them in place."""
        rows: list = []
        pool: dict[str, str] = {}
        for chunk in people_in_chunks(db):
            rows += _shared(chunk, pool)
            yield
        del pool
        fields: list[tuple[str, ...]] = []
        for start in range(0, len(rows), 20_000):
            fields += self.search_fields(rows[start : start + 20_000])
            yield
        keys = name_keys(rows)
        yield
        order = sorted(range(len(rows)), key=keys.__getitem__)
        where = inverse(order)
        yield
        index, steps = SearchIndex.in_steps(fields, order)
        for _ in steps:
            yield
        del fields
        self._install(rows, keys, order, where, index)

    def _install(self, rows: list, keys: list[int], order: list[int], where: list[int], index: SearchIndex) -> None:
        """Every row in place of the first ones; the rows the view's current index and selection point at (by id)
        are pointed at again (a layout change, so the table keeps its selection and scroll position)."""
        self.layoutAboutToBeChanged.emit()
        first = self._rows
        persistent = [(ix, first[self._view[ix.row()]][0]) for ix in self.persistentIndexList()
                      if 0 <= ix.row() < len(self._view)]  # fmt: skip
        self._steps = None
        self._rows, self._pos = rows, {r[0]: i for i, r in enumerate(rows)}
        self._keys = {self.DEFAULT_SORT: keys}
        self._order, self._where = order, where
        self._recent.clear()
        self._set_index(index, order)
        self._view = MatchView(order, where)
        for ix, pid in persistent:
            self.changePersistentIndex(ix, self.index(self.row_of(pid), ix.column()))
        self.layoutChanged.emit()
        self.counts_changed.emit(self.shown, self.total)

    def set_search(self, text: str) -> None:
        self.finish_loading()
        super().set_search(text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.finish_loading()
        super().sort(column, order)

    def refresh_labels(self) -> None:
        self.finish_loading()
        super().refresh_labels()

    def refresh(self, db: sqlite3.Connection, ids: Iterable[str] | None = None) -> None:
        """Re-read changed people (all of them when ``ids`` is None or large)."""
        self.finish_loading()
        if ids is None:
            self.load(db, self.workshop_id)
            return
        ids = list(ids)
        if len(ids) > 2000:
            self.load(db, self.workshop_id)
            return
        self.patch_rows(ids, load_people(db, self.workshop_id, ids))
