"""The light rows the resolution readers return, and the small checks and look-ups the other modules share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from lampang_planner.core.errors import UserError
from lampang_planner.core.read.lookups import unknown_workshop
from lampang_planner.core.rows_json import JsonRow, fields_json
from lampang_planner.core.schema import SCHEMA
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.dates import now_lampang, today_lampang
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.vocabulary import ResolutionStatus

YEAR_RANGE = (2500, 2700)


class AmendmentStatus(StrEnum):
    PROPOSED = "proposed"
    ADOPTED = "adopted"
    WITHDRAWN = "withdrawn"

    @property
    def th(self) -> str:
        return {"proposed": "เสนอ", "adopted": "รับไว้ในมติ", "withdrawn": "ถอน"}[self.value]

    @property
    def en(self) -> str:
        return {"proposed": "Proposed", "adopted": "Adopted", "withdrawn": "Withdrawn"}[self.value]


# --- light rows --------------------------------------------------------------------------------------------------




@dataclass(frozen=True, slots=True)
class ResolutionRow(JsonRow):
    id: str
    title: str
    year_be: int | None
    preamble: str
    status: str
    adopted_on: dt.date | None
    clauses: int = 0
    amendments: int = 0
    votes: int = 0


@dataclass(frozen=True, slots=True)
class ClauseRow:
    id: str
    resolution_id: str
    number: int | None
    text: str
    adopted_text: str

    def as_json(self) -> dict:
        return {**fields_json(self, "id resolution_id number text"), "adopted_text": self.adopted_text or None}


@dataclass(frozen=True, slots=True)
class ClauseVersionRow(JsonRow):
    id: str
    clause_id: str
    text: str
    source: str  # "draft", "office", "amendment:<id>"
    created_on: dt.date | None


@dataclass(frozen=True, slots=True)
class AmendmentRow(JsonRow):
    id: str
    clause_id: str
    workshop_id: str
    mover: str
    seconder: str
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class VoteRow:
    id: str
    workshop_id: str
    clause_id: str
    amendment_id: str
    method: str
    for_count: int
    against_count: int
    abstain_count: int
    present: int
    recorded_at: str

    @property
    def total(self) -> int:
        return self.for_count + self.against_count + self.abstain_count

    @property
    def carried(self) -> bool:
        """More for than against (a simple majority of those who voted for or against)."""
        return self.for_count > self.against_count

    def as_json(self) -> dict:
        return {"id": self.id, "workshop_id": self.workshop_id, "clause_id": self.clause_id,
                "amendment_id": self.amendment_id or None, "method": self.method, "for": self.for_count,
                "against": self.against_count, "abstain": self.abstain_count, "present": self.present,
                "recorded_at": self.recorded_at or None, "carried": self.carried}


@dataclass(frozen=True, slots=True)
class BallotRow:
    id: str
    vote_id: str
    person_id: str
    choice: str


# --- text and numbers --------------------------------------------------------------------------------------------


def _text(v: object, *, multiline: bool = True) -> str | None:
    return clean_text(v, multiline=multiline)


def _count(v: object, name: str) -> int:
    if isinstance(v, bool):
        raise ValueError(name)
    if isinstance(v, int):
        n = v
    else:
        s = to_arabic_digits(str(v if v is not None else "")).strip()
        if not re.fullmatch(r"\d+", s):
            raise ValueError(name)
        n = int(s)
    if n < 0:
        raise ValueError(name)
    return n


def _today() -> dt.date:
    return today_lampang()


def _now_iso() -> str:
    """Now, Asia/Bangkok time with its offset (as check-in times are)."""
    return now_lampang().isoformat(timespec="seconds")


# --- look-ups inside a transaction ---------------------------------------------------------------------------------


def _row(db, tbl: str, cols: tuple[str, ...], row_id: str | None) -> dict | None:
    if not row_id:
        return None
    r = db.execute(f"SELECT id,{','.join(cols)} FROM {tbl} WHERE id=? AND deleted=0", (row_id,)).fetchone()
    return dict(zip(("id", *cols), r, strict=True)) if r else None


def _live(db, tbl: str, row_id: str, missing: UserError, cols: tuple[str, ...] | None = None) -> dict:
    """The live row ``row_id`` of ``tbl`` (its synced columns, or ``cols``), or the ``missing`` refusal."""
    r = _row(db, tbl, cols or SCHEMA[tbl].content, row_id)
    if r is None:
        raise missing
    return r


def _resolution(db, resolution_id: str) -> dict:
    missing = UserError("ไม่พบร่างมตินี้", f"No resolution with id {resolution_id}", code="unknown-resolution")
    return _live(db, "resolution", resolution_id, missing)


def _clause(db, clause_id: str) -> dict:
    missing = UserError("ไม่พบข้อนี้ในร่างมติ", f"No clause with id {clause_id}", code="unknown-clause")
    return _live(db, "clause", clause_id, missing)


def _workshop(db, workshop_id: str) -> dict:
    return _live(db, "workshop", workshop_id, unknown_workshop(workshop_id), ("title", "start_date", "district_code"))


def _amendment(db, amendment_id: str) -> dict:
    missing = UserError("ไม่พบคำแปรญัตตินี้", f"No amendment with id {amendment_id}", code="unknown-amendment")
    return _live(db, "amendment", amendment_id, missing)


def _not_adopted(res: dict) -> None:
    if res["status"] == ResolutionStatus.ADOPTED.value:
        raise UserError("ร่างมตินี้รับรองแล้ว แก้ไขไม่ได้", "This resolution has been adopted; it can no longer change",
                        code="resolution-adopted")


def _latest_version_text(db, clause_id: str) -> str | None:
    r = db.execute("SELECT text FROM clause_version WHERE clause_id=? AND deleted=0 ORDER BY hlc DESC, id DESC LIMIT 1",
                   (clause_id,)).fetchone()
    return r[0] if r else None
