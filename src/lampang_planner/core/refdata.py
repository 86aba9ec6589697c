"""Reference data: province 52 (Lampang), its 13 districts and 100 tambons with their DOPA geocodes.

Source: ``resources/data/lampang_divisions.json`` (from kongvut/thai-province-data, MIT, cross-checked against
thailand-geography-data/thailand-geography-json; see the file's ``source`` block).
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from dataclasses import dataclass

from lampang_planner.core.paths import resources_dir

PROVINCE_CODE = "52"


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name_th: str
    name_en: str
    parent: str  # province code for a district, district code for a tambon
    postcode: str = ""

    def name(self, lang: str = "th") -> str:
        return self.name_en if lang == "en" else self.name_th


@dataclass(frozen=True)
class Divisions:
    province_th: str
    province_en: str
    districts: dict[str, Division]
    subdistricts: dict[str, Division]

    def tambons_of(self, district_code: str) -> list[Division]:
        return [s for s in self.subdistricts.values() if s.parent == district_code]

    def district_of(self, subdistrict_code: str) -> Division | None:
        s = self.subdistricts.get(subdistrict_code)
        return self.districts.get(s.parent) if s else None


@functools.cache
def divisions() -> Divisions:
    raw = json.loads((resources_dir() / "data" / "lampang_divisions.json").read_text(encoding="utf-8"))
    districts: dict[str, Division] = {}
    subs: dict[str, Division] = {}
    for d in raw["districts"]:
        districts[d["code"]] = Division(d["code"], d["name_th"], d["name_en"], raw["province"]["code"])
        for s in d["subdistricts"]:
            subs[s["code"]] = Division(s["code"], s["name_th"], s["name_en"], d["code"], s.get("postcode", ""))
    return Divisions(raw["province"]["name_th"], raw["province"]["name_en"], districts, subs)


def ensure_loaded(db: sqlite3.Connection) -> None:
    """Insert the reference rows if this database lacks any (idempotent)."""
    dv = divisions()
    have = db.execute("SELECT (SELECT COUNT(*) FROM district), (SELECT COUNT(*) FROM subdistrict)").fetchone()
    if have == (len(dv.districts), len(dv.subdistricts)):
        return
    db.executemany(
        "INSERT OR IGNORE INTO district (code, province_code, name_th, name_en) VALUES (?,?,?,?)",
        [(d.code, d.parent, d.name_th, d.name_en) for d in dv.districts.values()],
    )
    db.executemany(
        "INSERT OR IGNORE INTO subdistrict (code, district_code, name_th, name_en, postcode) VALUES (?,?,?,?,?)",
        [(s.code, s.parent, s.name_th, s.name_en, s.postcode) for s in dv.subdistricts.values()],
    )


_DISTRICT_PREFIX = re.compile(r"^\s*(อำเภอ|อ\.|amphoe|amphur|district)\s*", re.IGNORECASE)
_TAMBON_PREFIX = re.compile(r"^\s*(ตำบล|ต\.|tambon|subdistrict)\s*", re.IGNORECASE)


def _norm(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower()


def _code_or_names(kind: str, prefix: re.Pattern, text: str | None) -> tuple[Division | None, list[Division]]:
    """(the division of this ``kind`` whose code ``text`` is, else None; the ones it names in Thai or English, with
    or without ``prefix``)."""
    if not text or not text.strip():
        return None, []
    table: dict[str, Division] = getattr(divisions(), kind)
    t = text.strip()
    if t in table:
        return table[t], []
    key = _norm(prefix.sub("", t))
    return None, [d for d in table.values() if key in (_norm(d.name_th), _norm(d.name_en))]


def find_district(text: str | None) -> Division | None:
    """A district named in Thai or English, with or without อำเภอ/อ., or by its code."""
    by_code, named = _code_or_names("districts", _DISTRICT_PREFIX, text)
    return by_code or (named[0] if named else None)


def find_subdistrict(text: str | None, district_code: str | None = None) -> Division | None:
    """A tambon named in Thai or English, with or without ตำบล/ต., or by code; ``district_code`` disambiguates."""
    by_code, named = _code_or_names("subdistricts", _TAMBON_PREFIX, text)
    if by_code:
        return by_code
    if district_code:
        named = [s for s in named if s.parent == district_code]
    return named[0] if len(named) == 1 else None
