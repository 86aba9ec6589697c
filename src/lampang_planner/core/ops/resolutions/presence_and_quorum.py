"""Who is present for a vote and whether the quorum is met (the people counted by ``core.read.presence``)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from lampang_planner.core.db import Store
from lampang_planner.core.ops.resolutions.rows import _workshop
from lampang_planner.core.ops.sessions import current_session_of
from lampang_planner.core.read import presence
from lampang_planner.core.rows_json import fields_json

# --- attendance and quorum -----------------------------------------------------------------------------------------


def present_people(db, workshop_id: str, at: dt.datetime | None = None, session_id: str | None = None) -> set[str]:
    """Ids of the people checked in at a workshop (at ``at``, default now), following merges (``core.read.presence``:
    the desk and the People page count the same people). With ``session_id``, at that session only; without, at any
    session."""
    return presence.present_people(db, workshop_id, at, session_id)


@dataclass(frozen=True, slots=True)
class Voter:
    """Someone checked in at a workshop, who may vote by name or move an amendment."""

    person_id: str
    name: str
    organisation: str
    checked_in_at: str


def voters(store: Store, workshop_id: str) -> list[Voter]:
    """The people checked in at a workshop now, in Thai order of their first and last names."""
    from lampang_planner.core.thai.collation import thai_sort_key
    from lampang_planner.core.thai.names import full_name

    rows = store.db.execute(
        f"WITH RECURSIVE {presence.ROSTER} SELECT p.id, p.prefix, p.first_name, p.last_name, p.organisation,"
        " r.checked_in_at FROM roster r JOIN person p ON p.id = r.person_id WHERE r.checked_in_at IS NOT NULL",
        {"workshop": workshop_id, "session": current_session_of(store.db, workshop_id, None).id},
    ).fetchall()
    rows.sort(key=lambda r: (thai_sort_key(r[2] or ""), thai_sort_key(r[3] or ""), r[0]))  # by name, not by prefix
    return [Voter(r[0], full_name(r[1] or "", r[2] or "", r[3] or ""), r[4] or "", r[5] or "") for r in rows]


def present_now(db, workshop_id: str, at: dt.datetime | None = None, session_id: str | None = None) -> set[str]:
    """The people present for a vote: checked in at ``session_id``, by default the session current by the clock
    (``core.ops.sessions``; a workshop with one session: anyone checked in)."""
    sid = session_id or current_session_of(db, workshop_id, at).id
    return present_people(db, workshop_id, at, sid)


def present_count(
    store: Store, workshop_id: str, *, at: dt.datetime | None = None, session_id: str | None = None
) -> int:
    """How many people are checked in at the session now (default: the current session; or were at ``at``)."""
    return len(present_now(store.db, workshop_id, at, session_id))


def registered_count(store: Store, workshop_id: str) -> int:
    """How many people are on the workshop's roster: invited, or registered at the desk (checked in)."""
    return len(presence.roster(store.db, workshop_id))


@dataclass(frozen=True)
class QuorumRule:
    """How many people must be present for a vote.

    Default: not less than half of those registered (ไม่น้อยกว่ากึ่งหนึ่งของผู้ลงทะเบียน). ``fraction`` is the share of
    the registered; ``more_than`` turns "not less than" into "more than" (เกินกึ่งหนึ่ง); ``fixed`` is a fixed number of
    people instead of a share. At least one person is always required.
    """

    fraction: Fraction = Fraction(1, 2)
    more_than: bool = False
    fixed: int | None = None

    def required(self, registered: int) -> int:
        if self.fixed is not None:
            return max(1, self.fixed)
        share = Fraction(registered) * self.fraction
        need = math.floor(share) + 1 if self.more_than else math.ceil(share)
        return max(1, need)

    def describe(self, lang: str = "th") -> str:
        if self.fixed is not None:
            return f"at least {self.fixed} people" if lang == "en" else f"ไม่น้อยกว่า {self.fixed} คน"
        half = self.fraction == Fraction(1, 2)
        share_th = "กึ่งหนึ่ง" if half else f"{self.fraction.numerator} ใน {self.fraction.denominator}"
        share_en = "half" if half else f"{self.fraction.numerator}/{self.fraction.denominator}"
        if lang == "en":
            return f"{'more than' if self.more_than else 'at least'} {share_en} of those registered"
        return f"{'เกิน' if self.more_than else 'ไม่น้อยกว่า'}{share_th}ของผู้ลงทะเบียน"


DEFAULT_QUORUM_RULE = QuorumRule()


@dataclass(frozen=True, slots=True)
class Quorum:
    present: int
    required: int
    met: bool
    registered: int
    rule: QuorumRule

    def as_json(self) -> dict:
        return {**fields_json(self, "present required met registered"), "rule_th": self.rule.describe("th"),
                "rule_en": self.rule.describe("en")}


def quorum(store: Store, workshop_id: str, *, rule: QuorumRule = DEFAULT_QUORUM_RULE,
           at: dt.datetime | None = None, session_id: str | None = None) -> Quorum:
    """The quorum of a workshop's session (default: the current one by the clock): present (checked in at it),
    required under ``rule`` (of those registered for the workshop), and whether it is met."""
    _workshop(store.db, workshop_id)
    present = present_count(store, workshop_id, at=at, session_id=session_id)
    registered = registered_count(store, workshop_id)
    required = rule.required(registered)
    return Quorum(present, required, present >= required, registered, rule)
