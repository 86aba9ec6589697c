"""The needs' fields, statuses and light rows (what the readers return)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lampang_planner.core.refdata import divisions
from lampang_planner.core.rows_json import JsonRow, fields_json
from lampang_planner.core.schema import SCHEMA
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import NeedStatus

MEDIA_DIRNAME = "media"
MAX_PHOTO_BYTES = 25 * 1024 * 1024
FISCAL_YEAR_RANGE = (2500, 2700)
MAX_VILLAGE_NO = 99
SIMILARITY_THRESHOLD = 0.5

# Fields a caller may set with add_need / update_need. status and photo have their own functions.
NEED_FIELDS = SCHEMA["need"].editable
_ROW_COLUMNS = (*NEED_FIELDS, *SCHEMA["need"].managed)

S = NeedStatus
TRANSITIONS: dict[NeedStatus, frozenset[NeedStatus]] = {
    S.PROPOSED: frozenset({S.ACCEPTED, S.DROPPED}),
    S.ACCEPTED: frozenset({S.BUDGETED, S.NOT_DONE, S.DROPPED}),
    S.BUDGETED: frozenset({S.IN_PROGRESS, S.NOT_DONE, S.DROPPED}),
    S.IN_PROGRESS: frozenset({S.DONE, S.NOT_DONE, S.DROPPED}),
    S.NOT_DONE: frozenset({S.ACCEPTED, S.DROPPED}),
    S.DONE: frozenset(),
    S.DROPPED: frozenset(),
}
_STATUS_ORDER = {s: i for i, s in enumerate(NeedStatus)}


# --- light rows --------------------------------------------------------------------------------------------------




@dataclass(frozen=True, slots=True)
class NeedRow:
    """One need as lists, tables and reports read it (no ORM session behind it)."""

    id: str
    workshop_id: str
    district_code: str
    subdistrict_code: str
    village_no: str
    village_name: str
    title: str
    description: str
    category: str
    group_name: str
    session: str
    raised_by: str
    rank: int | None
    dot_votes: int
    route: str
    plan_strategy: str
    fiscal_year: int | None
    status: str
    status_date: dt.date | None
    photo: str

    @classmethod
    def from_db(cls, r: tuple) -> NeedRow:
        d = {k: ("" if v is None else v) for k, v in zip(("id", *_ROW_COLUMNS), r, strict=True)}
        for k in ("rank", "fiscal_year"):
            d[k] = int(d[k]) if d[k] != "" else None
        d["dot_votes"] = int(d["dot_votes"] or 0)
        d["status_date"] = as_date(d["status_date"])
        return cls(**d)

    @property
    def district_th(self) -> str:
        d = divisions().districts.get(self.district_code)
        return d.name_th if d else ""

    @property
    def tambon_th(self) -> str:
        s = divisions().subdistricts.get(self.subdistrict_code)
        return s.name_th if s else ""

    def as_json(self) -> dict:
        return fields_json(self, " ".join(("id", *_ROW_COLUMNS)))


@dataclass(frozen=True, slots=True)
class StatusChange(JsonRow):
    id: str
    need_id: str
    status: str
    changed_on: dt.date | None
    changed_by: str
    note: str


@dataclass(frozen=True, slots=True)
class SimilarNeed:
    id: str
    title: str
    score: float
    workshop_id: str
    status: str
    village_no: str
