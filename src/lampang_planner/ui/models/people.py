"""The People table: one SQL query into tuples, Thai-collated sorting, search in Thai or English."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from lampang_planner.core.ops.people import LIST_COLUMNS
from lampang_planner.core.read.people import people_rows
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import Column, RowsModel, folded, rank

# Row layout: the core's list columns, then the check-in time at the filtered workshop ('' = invited only).
(ID, CODE, PREFIX, FIRST, LAST, ORG, PTYPE, DISTRICT, SUBDISTRICT, PHONE, CHECKED_IN) = range(len(LIST_COLUMNS) + 1)
NOT_IN_WORKSHOP = None


def load_people(db: sqlite3.Connection, workshop_id: str | None = None, ids: Iterable[str] | None = None) -> list:
    """Live people as tuples (see the row layout above, ``core.read.people``); with ``workshop_id`` only its roster,
    with their check-in time there; with ``ids`` only those."""
    return _shared(people_rows(db, workshop_id, ids))


def _shared(rows: list) -> list:
    """The rows with equal values made one string object: names, prefixes, organisations, types and places repeat
    across thousands of people, and SQLite hands back a fresh string for every cell (at 100,000 people this saves
    tens of megabytes)."""
    pool: dict[str, str] = {}
    keep = pool.setdefault
    for i, r in enumerate(rows):  # in place: each row's own strings go as soon as it is replaced (a lower peak)
        rows[i] = (r[ID], r[CODE], *(keep(v, v) if isinstance(v, str) else v for v in r[PREFIX:PHONE]), *r[PHONE:])
    return rows


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
            names = [(r[FIRST], r[LAST], r[PREFIX]) for r in rows]
            return rank(names, key=lambda n: (thai_sort_key(n[0]), thai_sort_key(n[1]), thai_sort_key(n[2])))
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

    def load(self, db: sqlite3.Connection, workshop_id: str | None = None) -> None:
        self.workshop_id = workshop_id or None
        self.set_rows(load_people(db, self.workshop_id))

    def refresh(self, db: sqlite3.Connection, ids: Iterable[str] | None = None) -> None:
        """Re-read changed people (all of them when ``ids`` is None or large)."""
        if ids is None:
            self.load(db, self.workshop_id)
            return
        ids = list(ids)
        if len(ids) > 2000:
            self.load(db, self.workshop_id)
            return
        self.patch_rows(ids, load_people(db, self.workshop_id, ids))
