"""Telling who a roster row is: the people on file indexed by citizen ID, name with phone or tambon, and (for rows
with neither) name with organisation or district; a row matches a person only where nothing contradicts."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from lampang_planner.core.ops.people import PERSON_FIELDS
from lampang_planner.core.thai.digits import to_arabic_digits

_PERSON_COLS = ("id", *PERSON_FIELDS)


def _key(text: object) -> str:
    t = unicodedata.normalize("NFC", to_arabic_digits(str(text or ""))).casefold()
    return re.sub(r"\s+", " ", t).strip()


def _name_key(first: object, last: object) -> str:
    return f"{_key(first)}\x1f{_key(last)}"


@dataclass(frozen=True, slots=True)
class Who:
    """What tells people apart."""

    name: str
    cid: str
    phone: str
    tambon: str
    org: str
    district: str

    @classmethod
    def of(cls, r: dict) -> Who:
        return cls(
            _name_key(r.get("first_name"), r.get("last_name")),
            r.get("citizen_id") or "",
            r.get("phone") or "",
            r.get("subdistrict_code") or "",
            re.sub(r"\s+", "", _key(r.get("organisation"))),
            r.get("district_code") or "",
        )

    @property
    def identifiable(self) -> bool:
        return bool(self.cid or self.phone or self.tambon or self.org or self.district)


class PeopleIndex:
    def __init__(self) -> None:
        self.by_cid: dict[str, list[object]] = {}
        self.by_name: dict[str, list[object]] = {}
        self.who: dict[object, Who] = {}

    def add(self, key: object, who: Who) -> None:
        self.who[key] = who
        if who.cid:
            self.by_cid.setdefault(who.cid, []).append(key)
        self.by_name.setdefault(who.name, []).append(key)

    def match(self, w: Who) -> list[object]:
        if w.cid and w.cid in self.by_cid:
            return list(self.by_cid[w.cid])
        candidates = [k for k in self.by_name.get(w.name, []) if not (w.cid and self.who[k].cid)]
        if w.phone or w.tambon:
            return [
                k
                for k in candidates
                if (w.phone and self.who[k].phone == w.phone) or (w.tambon and self.who[k].tambon == w.tambon)
            ]
        if w.org:
            return [k for k in candidates if self.who[k].org == w.org]
        if w.district:
            return [k for k in candidates if self.who[k].district == w.district]
        return []


def load_people(db: sqlite3.Connection) -> tuple[PeopleIndex, dict[str, dict]]:
    index, rows = PeopleIndex(), {}
    sql = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE deleted=0 AND merged_into IS NULL"
    for r in db.execute(sql):
        row = dict(zip(_PERSON_COLS, r, strict=True))
        rows[row["id"]] = row
        index.add(row["id"], Who.of(row))
    return index, rows


def data_basis(db: sqlite3.Connection) -> tuple[int, int]:
    return tuple(db.execute("SELECT COALESCE(MAX(rowid), 0), COUNT(*) FROM change").fetchone())  # type: ignore[return-value]
