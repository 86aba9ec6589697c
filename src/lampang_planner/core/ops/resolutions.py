"""Draft resolutions: numbered clauses whose text keeps its versions, amendments moved at workshops, quorum from the
people checked in, votes by show of hands or by name, the office's side-by-side view of every workshop's votes, and
adoption of the consolidated text.

Every function that changes data is one transaction; bad input raises :class:`UserError` / :class:`ValidationError`
(Thai first, English second) before anything is written.

Quorum (องค์ประชุม). The default rule is the one Thai assemblies most often write: *not less than half of those
registered for the meeting* (ไม่น้อยกว่ากึ่งหนึ่งของผู้ลงทะเบียน). "Registered" is everyone on the workshop's roster: the
people invited plus walk-ins registered at the desk (anyone checked in). "Present" is everyone checked in at that
moment (live attendance rows; a check-in that was undone no longer counts). Other rules are a :class:`QuorumRule`
parameter: another share (one third…), "more than" instead of "not less than" (เกินกึ่งหนึ่ง), or a fixed number.

Votes. One vote per workshop per clause or amendment (``id = natural_id("vote", workshop_id, clause_id, amendment_id)``,
so the same vote recorded on two laptops is one row). Each records ``present``, the number of people checked in when
it was recorded, and its for/against/abstain may not add up to more. Where a workshop votes by name the counts come
from the ballots (one per person checked in); readers recount the ballots, so merged ballots from two laptops give the
right totals.

Stable reading API (the window, ``resolution list/votes`` and the Excel/PDF reports use these; keep the names):
:func:`list_resolutions`, :func:`get_resolution` → :class:`ResolutionRow`; :func:`list_clauses` → :class:`ClauseRow`;
:func:`clause_versions` → :class:`ClauseVersionRow` oldest first; :func:`list_amendments` → :class:`AmendmentRow`;
:func:`votes_side_by_side` → :class:`ResolutionVotes` (per clause and amendment, each workshop's :class:`VoteRow` and
the :class:`Tally` over workshops); :func:`consolidated_text`; :func:`quorum` → :class:`Quorum`,
:func:`present_count`, :func:`registered_count`, :func:`voters`; :func:`get_vote`, :func:`ballots`.

Writing, one transaction each: :func:`add_resolution`, :func:`update_resolution`, :func:`delete_resolution`,
:func:`add_clause`, :func:`edit_clause_text`, :func:`delete_clause`, :func:`propose_amendment`,
:func:`withdraw_amendment`, :func:`record_vote`, :func:`record_ballot`, :func:`withdraw_ballot`, :func:`delete_vote`,
:func:`adopt_clause_text`, :func:`adopt_resolution`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.sessions import current_session_of
from lampang_planner.core.read import presence
from lampang_planner.core.schema import natural_id
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.dates import BANGKOK, as_date
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.vocabulary import ResolutionStatus, VoteChoice, VoteMethod

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
class ResolutionRow:
    id: str
    title: str
    year_be: int | None
    preamble: str
    status: str
    adopted_on: dt.date | None
    clauses: int = 0
    amendments: int = 0
    votes: int = 0

    def as_json(self) -> dict:
        return {"id": self.id, "title": self.title, "year_be": self.year_be, "preamble": self.preamble,
                "status": self.status, "adopted_on": self.adopted_on.isoformat() if self.adopted_on else None,
                "clauses": self.clauses, "amendments": self.amendments, "votes": self.votes}


@dataclass(frozen=True, slots=True)
class ClauseRow:
    id: str
    resolution_id: str
    number: int | None
    text: str
    adopted_text: str

    def as_json(self) -> dict:
        return {"id": self.id, "resolution_id": self.resolution_id, "number": self.number, "text": self.text,
                "adopted_text": self.adopted_text or None}


@dataclass(frozen=True, slots=True)
class ClauseVersionRow:
    id: str
    clause_id: str
    text: str
    source: str  # "draft", "office", "amendment:<id>"
    created_on: dt.date | None

    def as_json(self) -> dict:
        return {"id": self.id, "clause_id": self.clause_id, "text": self.text, "source": self.source,
                "created_on": self.created_on.isoformat() if self.created_on else None}


@dataclass(frozen=True, slots=True)
class AmendmentRow:
    id: str
    clause_id: str
    workshop_id: str
    mover: str
    seconder: str
    text: str
    status: str

    def as_json(self) -> dict:
        return {"id": self.id, "clause_id": self.clause_id, "workshop_id": self.workshop_id, "mover": self.mover,
                "seconder": self.seconder, "text": self.text, "status": self.status}


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
    return dt.date.today()


def _now_iso() -> str:
    """Now, Asia/Bangkok time with its offset (as check-in times are)."""
    return dt.datetime.now(BANGKOK).isoformat(timespec="seconds")


# --- look-ups inside a transaction ---------------------------------------------------------------------------------


def _row(db, tbl: str, cols: tuple[str, ...], row_id: str | None) -> dict | None:
    if not row_id:
        return None
    r = db.execute(f"SELECT id,{','.join(cols)} FROM {tbl} WHERE id=? AND deleted=0", (row_id,)).fetchone()
    return dict(zip(("id", *cols), r, strict=True)) if r else None


def _resolution(db, resolution_id: str) -> dict:
    r = _row(db, "resolution", ("title", "year_be", "preamble", "status", "adopted_on"), resolution_id)
    if r is None:
        raise UserError("ไม่พบร่างมตินี้", f"No resolution with id {resolution_id}", code="unknown-resolution")
    return r


def _clause(db, clause_id: str) -> dict:
    r = _row(db, "clause", ("resolution_id", "number", "text", "adopted_text"), clause_id)
    if r is None:
        raise UserError("ไม่พบข้อนี้ในร่างมติ", f"No clause with id {clause_id}", code="unknown-clause")
    return r


def _workshop(db, workshop_id: str) -> dict:
    r = _row(db, "workshop", ("title", "start_date", "district_code"), workshop_id)
    if r is None:
        raise UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")
    return r


def _amendment(db, amendment_id: str) -> dict:
    r = _row(db, "amendment", ("clause_id", "workshop_id", "mover", "seconder", "text", "status"), amendment_id)
    if r is None:
        raise UserError("ไม่พบคำแปรญัตตินี้", f"No amendment with id {amendment_id}", code="unknown-amendment")
    return r


def _not_adopted(res: dict) -> None:
    if res["status"] == ResolutionStatus.ADOPTED.value:
        raise UserError("ร่างมตินี้รับรองแล้ว แก้ไขไม่ได้", "This resolution has been adopted; it can no longer change",
                        code="resolution-adopted")


def _latest_version_text(db, clause_id: str) -> str | None:
    r = db.execute("SELECT text FROM clause_version WHERE clause_id=? AND deleted=0 ORDER BY hlc DESC, id DESC LIMIT 1",
                   (clause_id,)).fetchone()
    return r[0] if r else None


# --- resolutions and clauses ---------------------------------------------------------------------------------------


def _clean_resolution(fields: dict, *, partial: bool) -> dict:
    allowed = {"title", "year_be", "preamble"}
    problems: dict[str, tuple[str, str]] = {}
    for k in sorted(set(fields) - allowed):
        problems[k] = (f"ไม่มีช่องข้อมูล {k}", f"Unknown resolution field {k!r}")
    out: dict = {}
    if "title" in fields:
        out["title"] = _text(fields["title"], multiline=False)
    if (not partial or "title" in fields) and not out.get("title"):
        problems["title"] = ("ต้องระบุชื่อร่างมติ", "The title of the resolution is required")
    if "preamble" in fields:
        out["preamble"] = _text(fields["preamble"])
    if "year_be" in fields and fields["year_be"] not in (None, ""):
        lo, hi = YEAR_RANGE
        try:
            y = _count(fields["year_be"], "year_be")
            if not lo <= y <= hi:
                raise ValueError(y)
            out["year_be"] = y
        except ValueError:
            problems["year_be"] = (f"ปีต้องเป็น พ.ศ. {lo}–{hi}", f"The year must be Buddhist era, {lo}–{hi}")
    elif "year_be" in fields:
        out["year_be"] = None
    if problems:
        raise ValidationError(problems)
    return out


def add_resolution(store: Store, fields: dict) -> str:
    """A new draft resolution: title (required), year_be (BE), preamble. Returns its id."""
    clean = _clean_resolution(fields, partial=False)
    with store.transaction() as tx:
        return tx.insert("resolution", {**clean, "status": ResolutionStatus.DRAFT.value})


def update_resolution(store: Store, resolution_id: str, fields: dict) -> bool:
    clean = _clean_resolution(fields, partial=True)
    with store.transaction() as tx:
        _not_adopted(_resolution(tx.db, resolution_id))
        return tx.update("resolution", resolution_id, clean)


def delete_resolution(store: Store, resolution_id: str) -> bool:
    """Remove a draft (a tombstone). Refused once votes were recorded on it or it was adopted."""
    with store.transaction() as tx:
        _not_adopted(_resolution(tx.db, resolution_id))
        n = tx.db.execute("SELECT COUNT(*) FROM vote v JOIN clause c ON c.id=v.clause_id "
                          "WHERE c.resolution_id=? AND v.deleted=0 AND c.deleted=0", (resolution_id,)).fetchone()[0]
        if n:
            raise UserError(f"ลบไม่ได้ มีการลงมติแล้ว {n} ครั้ง", f"Cannot delete: {n} vote(s) were recorded on it",
                            code="has-votes")
        return tx.delete("resolution", resolution_id)


def add_clause(store: Store, resolution_id: str, text: str, number: int | None = None) -> str:
    """Add a numbered clause (default: after the last) with its first version ("draft"). Returns its id."""
    body = _text(text)
    if not body:
        raise ValidationError({"text": ("ต้องระบุข้อความของข้อ", "The clause text is required")})
    with store.transaction() as tx:
        _not_adopted(_resolution(tx.db, resolution_id))
        taken = {r[0] for r in tx.db.execute("SELECT number FROM clause WHERE resolution_id=? AND deleted=0",
                                             (resolution_id,)) if r[0] is not None}
        if number is None:
            number = max(taken, default=0) + 1
        else:
            try:
                number = _count(number, "number")
                if number < 1:
                    raise ValueError(number)
            except ValueError:
                raise ValidationError({"number": ("เลขข้อต้องเป็นจำนวนเต็มตั้งแต่ 1",
                                                  "The clause number must be a whole number from 1")}) from None
            if number in taken:
                raise ValidationError({"number": (f"มีข้อ {number} อยู่แล้ว",
                                                  f"Clause {number} already exists in this resolution")})
        cid = tx.insert("clause", {"resolution_id": resolution_id, "number": number, "text": body})
        tx.insert("clause_version", {"clause_id": cid, "text": body, "source": "draft", "created_on": _today()})
        return cid


def delete_clause(store: Store, clause_id: str) -> bool:
    """Remove a clause (a tombstone). Refused once votes were recorded on it."""
    with store.transaction() as tx:
        clause = _clause(tx.db, clause_id)
        _not_adopted(_resolution(tx.db, clause["resolution_id"]))
        n = tx.db.execute("SELECT COUNT(*) FROM vote WHERE clause_id=? AND deleted=0", (clause_id,)).fetchone()[0]
        if n:
            raise UserError(f"ลบไม่ได้ มีการลงมติในข้อนี้แล้ว {n} ครั้ง",
                            f"Cannot delete: {n} vote(s) were recorded on this clause", code="has-votes")
        return tx.delete("clause", clause_id)


def _check_source(db, clause_id: str, source: str) -> str | None:
    """Validate a version source; returns the amendment id when it names one."""
    source = (source or "").strip()
    if source in ("draft", "office"):
        return None
    m = re.fullmatch(r"amendment:(\S+)", source)
    if m:
        a = _amendment(db, m.group(1))
        if a["clause_id"] != clause_id:
            raise UserError("คำแปรญัตตินี้เป็นของข้ออื่น", "That amendment belongs to another clause",
                            code="wrong-clause")
        return a["id"]
    raise ValidationError({"source": ("ที่มาของข้อความไม่ถูกต้อง",
                                      "Source must be 'draft', 'office' or 'amendment:<id>'")})


def edit_clause_text(store: Store, clause_id: str, text: str, source: str = "office") -> bool:
    """Change a clause's working text, keeping the new text as a version (``source``: "office", "draft" or
    "amendment:<id>"). Returns False, writing nothing, when the text is unchanged."""
    body = _text(text)
    if not body:
        raise ValidationError({"text": ("ต้องระบุข้อความของข้อ", "The clause text is required")})
    with store.transaction() as tx:
        clause = _clause(tx.db, clause_id)
        _not_adopted(_resolution(tx.db, clause["resolution_id"]))
        _check_source(tx.db, clause_id, source)
        if body == clause["text"]:
            return False
        tx.update("clause", clause_id, {"text": body})
        tx.insert("clause_version", {"clause_id": clause_id, "text": body, "source": source.strip(),
                                     "created_on": _today()})
        return True


def propose_amendment(store: Store, clause_id: str, workshop_id: str, mover: str, seconder: str, text: str) -> str:
    """Record an amendment moved at a workshop: who moved it, who seconded it, the text proposed for the clause."""
    problems: dict[str, tuple[str, str]] = {}
    mover_, seconder_, body = _text(mover, multiline=False), _text(seconder, multiline=False), _text(text)
    if not mover_:
        problems["mover"] = ("ต้องระบุผู้เสนอคำแปรญัตติ", "The mover is required")
    if not seconder_:
        problems["seconder"] = ("ต้องระบุผู้รับรอง", "The seconder is required")
    if not body:
        problems["text"] = ("ต้องระบุข้อความที่เสนอแก้ไข", "The amended text is required")
    if problems:
        raise ValidationError(problems)
    with store.transaction() as tx:
        clause = _clause(tx.db, clause_id)
        _not_adopted(_resolution(tx.db, clause["resolution_id"]))
        _workshop(tx.db, workshop_id)
        if body == clause["text"]:
            raise ValidationError({"text": ("ข้อความที่เสนอเหมือนข้อความเดิม", "The amended text is the same as the clause")})
        return tx.insert("amendment", {"clause_id": clause_id, "workshop_id": workshop_id, "mover": mover_,
                                       "seconder": seconder_, "text": body,
                                       "status": AmendmentStatus.PROPOSED.value})


def withdraw_amendment(store: Store, amendment_id: str) -> bool:
    """The mover withdrew the amendment (it stays on record as withdrawn)."""
    with store.transaction() as tx:
        a = _amendment(tx.db, amendment_id)
        _not_adopted(_resolution(tx.db, _clause(tx.db, a["clause_id"])["resolution_id"]))
        return tx.update("amendment", amendment_id, {"status": AmendmentStatus.WITHDRAWN.value})


# --- reading resolutions -------------------------------------------------------------------------------------------


def list_resolutions(store: Store) -> list[ResolutionRow]:
    sql = """
    SELECT r.id, r.title, r.year_be, r.preamble, r.status, r.adopted_on,
      (SELECT COUNT(*) FROM clause c WHERE c.resolution_id=r.id AND c.deleted=0),
      (SELECT COUNT(*) FROM amendment a JOIN clause c ON c.id=a.clause_id
        WHERE c.resolution_id=r.id AND a.deleted=0 AND c.deleted=0),
      (SELECT COUNT(*) FROM vote v JOIN clause c ON c.id=v.clause_id
        WHERE c.resolution_id=r.id AND v.deleted=0 AND c.deleted=0)
    FROM resolution r WHERE r.deleted=0 ORDER BY r.year_be DESC, r.title, r.id
    """
    return [ResolutionRow(r[0], r[1] or "", r[2], r[3] or "", r[4] or ResolutionStatus.DRAFT.value, as_date(r[5]),
                          r[6], r[7], r[8]) for r in store.db.execute(sql)]


def get_resolution(store: Store, resolution_id: str) -> ResolutionRow | None:
    return next((r for r in list_resolutions(store) if r.id == resolution_id), None)


def list_clauses(store: Store, resolution_id: str) -> list[ClauseRow]:
    rows = store.db.execute(
        "SELECT id, resolution_id, number, text, adopted_text FROM clause WHERE resolution_id=? AND deleted=0"
        " ORDER BY number, id", (resolution_id,))
    return [ClauseRow(r[0], r[1], r[2], r[3] or "", r[4] or "") for r in rows]


def clause_versions(store: Store, clause_id: str) -> list[ClauseVersionRow]:
    """Every text the clause has had, oldest first."""
    rows = store.db.execute(
        "SELECT id, clause_id, text, source, created_on FROM clause_version WHERE clause_id=? AND deleted=0"
        " ORDER BY hlc, id", (clause_id,))
    return [ClauseVersionRow(r[0], r[1], r[2] or "", r[3] or "", as_date(r[4])) for r in rows]


def list_amendments(store: Store, *, clause_id: str | None = None, workshop_id: str | None = None,
                    resolution_id: str | None = None) -> list[AmendmentRow]:
    where, params = ["a.deleted=0"], []
    if clause_id:
        where.append("a.clause_id=?")
        params.append(clause_id)
    if workshop_id:
        where.append("a.workshop_id=?")
        params.append(workshop_id)
    if resolution_id:
        where.append("c.resolution_id=?")
        params.append(resolution_id)
    sql = ("SELECT a.id, a.clause_id, a.workshop_id, a.mover, a.seconder, a.text, a.status FROM amendment a"
           " LEFT JOIN clause c ON c.id=a.clause_id LEFT JOIN workshop w ON w.id=a.workshop_id"
           f" WHERE {' AND '.join(where)} ORDER BY c.number, w.start_date, a.hlc, a.id")
    return [AmendmentRow(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "")
            for r in store.db.execute(sql, params)]


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
        return {"present": self.present, "required": self.required, "met": self.met, "registered": self.registered,
                "rule_th": self.rule.describe("th"), "rule_en": self.rule.describe("en")}


def quorum(store: Store, workshop_id: str, *, rule: QuorumRule = DEFAULT_QUORUM_RULE,
           at: dt.datetime | None = None, session_id: str | None = None) -> Quorum:
    """The quorum of a workshop's session (default: the current one by the clock): present (checked in at it),
    required under ``rule`` (of those registered for the workshop), and whether it is met."""
    _workshop(store.db, workshop_id)
    present = present_count(store, workshop_id, at=at, session_id=session_id)
    registered = registered_count(store, workshop_id)
    required = rule.required(registered)
    return Quorum(present, required, present >= required, registered, rule)


# --- votes -------------------------------------------------------------------------------------------------------

_VOTE_COLS = ("workshop_id", "clause_id", "amendment_id", "method", "for_count", "against_count", "abstain_count",
              "present", "recorded_at")


def _tally(db, vote_id: str) -> tuple[int, int, int]:
    counts = dict.fromkeys(VoteChoice, 0)
    for choice, n in db.execute("SELECT choice, COUNT(*) FROM ballot WHERE vote_id=? AND deleted=0 GROUP BY choice",
                                (vote_id,)):
        if choice in counts:
            counts[VoteChoice(choice)] = n
    return counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.ABSTAIN]


def _vote_row(db, r: dict) -> VoteRow:
    f, a, ab = r["for_count"] or 0, r["against_count"] or 0, r["abstain_count"] or 0
    if r["method"] == VoteMethod.NAMED.value:
        f, a, ab = _tally(db, r["id"])
    return VoteRow(r["id"], r["workshop_id"] or "", r["clause_id"] or "", r["amendment_id"] or "",
                   r["method"] or VoteMethod.HANDS.value, f, a, ab, r["present"] or 0, r["recorded_at"] or "")


def get_vote(store: Store, vote_id: str) -> VoteRow | None:
    r = _row(store.db, "vote", _VOTE_COLS, vote_id)
    return _vote_row(store.db, r) if r else None


def vote_id_for(workshop_id: str, clause_id: str, amendment_id: str | None = None) -> str:
    return natural_id("vote", workshop_id, clause_id, amendment_id)


def _method(v: object) -> VoteMethod:
    v = getattr(v, "value", v)
    for m in VoteMethod:
        if v in (m.value, m.th, m.en):
            return m
    raise ValidationError({"method": ("วิธีลงคะแนนไม่ถูกต้อง", "Method must be 'hands' or 'named'")})


def _choice(v: object) -> VoteChoice:
    v = getattr(v, "value", v)
    for c in VoteChoice:
        if str(v).strip().lower() in (c.value, c.th, c.en.lower()):
            return c
    raise ValidationError({"choice": ("ตัวเลือกไม่ถูกต้อง (เห็นด้วย/ไม่เห็นด้วย/งดออกเสียง)",
                                      "Choice must be for, against or abstain")})


def _too_many(total: int, present: int) -> UserError:
    return UserError(
        f"จำนวนผู้ลงคะแนนรวม {total} คน มากกว่าผู้อยู่ในที่ประชุม {present} คน",
        f"{total} votes were counted but only {present} people are checked in",
        code="too-many-votes",
    )


def record_vote(
    store: Store,
    workshop_id: str,
    clause_id: str,
    amendment_id: str | None = None,
    *,
    for_count: int | str | None = None,
    against_count: int | str | None = None,
    abstain_count: int | str | None = None,
    method: str | VoteMethod = VoteMethod.HANDS,
) -> VoteRow:
    """Record (or correct) the vote of a workshop on a clause, or on an amendment to it.

    By show of hands (``method="hands"``) the three counts are required, and may not add up to more than the people
    checked in now, which is stored as ``present``. By name (``method="named"``) give no counts: they come from the
    ballots (:func:`record_ballot`). One transaction; the vote's id is ``natural_id("vote", workshop, clause, amendment)``.
    """
    m = _method(method)
    counts = {"for_count": for_count, "against_count": against_count, "abstain_count": abstain_count}
    clean: dict[str, int] = {}
    if m == VoteMethod.HANDS:
        problems = {}
        labels = {"for_count": ("เห็นด้วย", "for"), "against_count": ("ไม่เห็นด้วย", "against"),
                  "abstain_count": ("งดออกเสียง", "abstain")}
        for k, v in counts.items():
            try:
                clean[k] = _count(v, k)
            except ValueError:
                th, en = labels[k]
                problems[k] = (f"จำนวน{th}ต้องเป็นจำนวนเต็มไม่ติดลบ", f"The {en} count must be a whole number, 0 or more")
        if problems:
            raise ValidationError(problems)
    elif any(v not in (None, "") for v in counts.values()):
        raise ValidationError({"method": ("การลงคะแนนรายบุคคลนับจากบัตรลงคะแนน ไม่ต้องกรอกจำนวน",
                                          "A vote by name is counted from its ballots; give no counts")})
    with store.transaction() as tx:
        _workshop(tx.db, workshop_id)
        clause = _clause(tx.db, clause_id)
        _not_adopted(_resolution(tx.db, clause["resolution_id"]))
        if amendment_id:
            a = _amendment(tx.db, amendment_id)
            if a["clause_id"] != clause_id:
                raise UserError("คำแปรญัตตินี้เป็นของข้ออื่น", "That amendment belongs to another clause",
                                code="wrong-clause")
        vid = vote_id_for(workshop_id, clause_id, amendment_id)
        present = len(present_now(tx.db, workshop_id))
        if present == 0:
            raise UserError("ยังไม่มีผู้ลงทะเบียนเข้าประชุม ลงมติไม่ได้",
                            "No one is checked in at this workshop, so no vote can be recorded", code="no-one-present")
        existing = _row(tx.db, "vote", _VOTE_COLS, vid)
        if m == VoteMethod.HANDS:
            total = sum(clean.values())
            if total > present:
                raise _too_many(total, present)
            if existing and existing["method"] == VoteMethod.NAMED.value and any(_tally(tx.db, vid)):
                raise UserError("การลงมตินี้ลงคะแนนรายบุคคลแล้ว บันทึกแบบยกมือไม่ได้",
                                "This vote was taken by name (it has ballots); it cannot become a show of hands",
                                code="vote-has-ballots")
        else:
            clean = dict(zip(("for_count", "against_count", "abstain_count"), _tally(tx.db, vid), strict=True))
        tx.record("vote", vid, {"workshop_id": workshop_id, "clause_id": clause_id, "amendment_id": amendment_id,
                                "method": m.value, **clean, "present": present, "recorded_at": _now_iso()})
        tx.flush()
        return _vote_row(tx.db, _row(tx.db, "vote", _VOTE_COLS, vid))  # type: ignore[arg-type]


def _recount(tx: Tx, vid: str, workshop_id: str) -> VoteRow:
    """Store the counts of a vote by name from its ballots. Each ballot was cast by someone checked in at the time
    (:func:`record_ballot` checks), so the counts are not checked against ``present`` again here: a check-in undone
    later must not make the vote impossible to correct."""
    tx.flush()
    f, a, ab = _tally(tx.db, vid)
    present = len(present_now(tx.db, workshop_id))
    tx.update("vote", vid, {"for_count": f, "against_count": a, "abstain_count": ab,
                            "present": max(present, f + a + ab), "recorded_at": _now_iso()})
    tx.flush()
    return _vote_row(tx.db, _row(tx.db, "vote", _VOTE_COLS, vid))  # type: ignore[arg-type]


def record_ballot(store: Store, vote_id: str, person_id: str, choice: str | VoteChoice) -> VoteRow:
    """One person's vote in a vote by name. The person must be checked in at the vote's workshop; recording again
    changes their choice. The vote's counts are recounted from the ballots in the same transaction."""
    c = _choice(choice)
    with store.transaction() as tx:
        vote = _row(tx.db, "vote", _VOTE_COLS, vote_id)
        if vote is None:
            raise UserError("ไม่พบการลงมตินี้", f"No vote with id {vote_id}", code="unknown-vote")
        if vote["method"] != VoteMethod.NAMED.value:
            raise UserError("การลงมตินี้เป็นแบบยกมือ ไม่มีบัตรลงคะแนนรายบุคคล",
                            "This vote is by show of hands; ballots belong to votes by name", code="not-named")
        _not_adopted(_resolution(tx.db, _clause(tx.db, vote["clause_id"])["resolution_id"]))
        live = presence.live_person(tx.db, person_id)
        if live is None:
            raise UserError("ไม่พบบุคคลนี้", f"No person with id {person_id}", code="unknown-person")
        if live not in present_now(tx.db, vote["workshop_id"]):
            raise UserError("บุคคลนี้ยังไม่ได้ลงทะเบียนเข้าประชุม ลงคะแนนไม่ได้",
                            "This person is not checked in at the workshop, so cannot vote", code="not-present")
        tx.record("ballot", natural_id("ballot", vote_id, live),
                  {"vote_id": vote_id, "person_id": live, "choice": c.value})
        return _recount(tx, vote_id, vote["workshop_id"])


def withdraw_ballot(store: Store, vote_id: str, person_id: str) -> VoteRow:
    """Take back a ballot recorded by mistake; the vote is recounted."""
    with store.transaction() as tx:
        vote = _row(tx.db, "vote", _VOTE_COLS, vote_id)
        if vote is None:
            raise UserError("ไม่พบการลงมตินี้", f"No vote with id {vote_id}", code="unknown-vote")
        _not_adopted(_resolution(tx.db, _clause(tx.db, vote["clause_id"])["resolution_id"]))
        bid = natural_id("ballot", vote_id, person_id)
        if not tx.delete("ballot", bid):
            raise UserError("ไม่พบบัตรลงคะแนนของบุคคลนี้", "This person has no ballot in this vote", code="no-ballot")
        return _recount(tx, vote_id, vote["workshop_id"])


def ballots(store: Store, vote_id: str) -> list[BallotRow]:
    rows = store.db.execute("SELECT id, vote_id, person_id, choice FROM ballot WHERE vote_id=? AND deleted=0"
                            " ORDER BY person_id", (vote_id,))
    return [BallotRow(*r) for r in rows]


def delete_vote(store: Store, vote_id: str) -> bool:
    """Remove a vote recorded by mistake (a tombstone; its ballots go with it)."""
    with store.transaction() as tx:
        vote = _row(tx.db, "vote", _VOTE_COLS, vote_id)
        if vote is None:
            raise UserError("ไม่พบการลงมตินี้", f"No vote with id {vote_id}", code="unknown-vote")
        _not_adopted(_resolution(tx.db, _clause(tx.db, vote["clause_id"])["resolution_id"]))
        for (bid,) in tx.db.execute("SELECT id FROM ballot WHERE vote_id=? AND deleted=0", (vote_id,)).fetchall():
            tx.delete("ballot", bid)
        return tx.delete("vote", vote_id)


# --- the office's view ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Sums over workshops."""

    for_count: int = 0
    against_count: int = 0
    abstain_count: int = 0
    present: int = 0
    workshops: int = 0

    def add(self, v: VoteRow) -> None:
        self.for_count += v.for_count
        self.against_count += v.against_count
        self.abstain_count += v.abstain_count
        self.present += v.present
        self.workshops += 1

    def as_json(self) -> dict:
        return {"for": self.for_count, "against": self.against_count, "abstain": self.abstain_count,
                "present": self.present, "workshops": self.workshops}


@dataclass(frozen=True, slots=True)
class WorkshopRef:
    id: str
    title: str
    district_code: str
    start_date: dt.date | None

    def as_json(self) -> dict:
        return {"id": self.id, "title": self.title, "district_code": self.district_code,
                "start_date": self.start_date.isoformat() if self.start_date else None}


@dataclass
class AmendmentVotes:
    amendment: AmendmentRow
    votes: dict[str, VoteRow] = field(default_factory=dict)  # workshop id → vote
    totals: Tally = field(default_factory=Tally)

    def as_json(self) -> dict:
        return {**self.amendment.as_json(), "votes": {w: v.as_json() for w, v in self.votes.items()},
                "totals": self.totals.as_json()}


@dataclass
class ClauseVotes:
    clause: ClauseRow
    votes: dict[str, VoteRow] = field(default_factory=dict)  # workshop id → vote on the clause as drafted
    totals: Tally = field(default_factory=Tally)
    amendments: list[AmendmentVotes] = field(default_factory=list)

    def as_json(self) -> dict:
        return {**self.clause.as_json(), "votes": {w: v.as_json() for w, v in self.votes.items()},
                "totals": self.totals.as_json(), "amendments": [a.as_json() for a in self.amendments]}


@dataclass
class ResolutionVotes:
    """Every workshop's amendments and votes on one resolution, clause by clause: what the office compares."""

    resolution: ResolutionRow
    workshops: list[WorkshopRef]
    clauses: list[ClauseVotes]

    def as_json(self) -> dict:
        return {"resolution": self.resolution.as_json(), "workshops": [w.as_json() for w in self.workshops],
                "clauses": [c.as_json() for c in self.clauses]}


def votes_side_by_side(store: Store, resolution_id: str) -> ResolutionVotes:
    """Per clause and per amendment, every workshop's vote and the totals over workshops."""
    db = store.db
    _resolution(db, resolution_id)
    res = get_resolution(store, resolution_id)
    assert res is not None
    clauses = [ClauseVotes(c) for c in list_clauses(store, resolution_id)]
    by_clause = {c.clause.id: c for c in clauses}
    by_amendment: dict[str, AmendmentVotes] = {}
    for a in list_amendments(store, resolution_id=resolution_id):
        if a.clause_id in by_clause:
            av = AmendmentVotes(a)
            by_clause[a.clause_id].amendments.append(av)
            by_amendment[a.id] = av
    workshop_ids: set[str] = {a.amendment.workshop_id for a in by_amendment.values() if a.amendment.workshop_id}
    sql = (f"SELECT v.id, {','.join('v.' + c for c in _VOTE_COLS)} FROM vote v JOIN clause c ON c.id=v.clause_id"
           " WHERE c.resolution_id=? AND v.deleted=0 AND c.deleted=0")
    for r in db.execute(sql, (resolution_id,)).fetchall():
        v = _vote_row(db, dict(zip(("id", *_VOTE_COLS), r, strict=True)))
        if v.amendment_id:
            target = by_amendment.get(v.amendment_id)
        else:
            target = by_clause.get(v.clause_id)
        if target is None:  # a vote on a deleted amendment
            continue
        target.votes[v.workshop_id] = v
        target.totals.add(v)
        workshop_ids.add(v.workshop_id)
    refs = []
    for wid in workshop_ids:
        w = db.execute("SELECT title, district_code, start_date FROM workshop WHERE id=?", (wid,)).fetchone()
        refs.append(WorkshopRef(wid, (w[0] or "") if w else "", (w[1] or "") if w else "", as_date(w[2]) if w else None))
    refs.sort(key=lambda w: (w.start_date or dt.date.max, w.district_code, w.id))
    order = {w.id: i for i, w in enumerate(refs)}
    for c in clauses:
        c.votes = dict(sorted(c.votes.items(), key=lambda kv: order[kv[0]]))
        for a in c.amendments:
            a.votes = dict(sorted(a.votes.items(), key=lambda kv: order[kv[0]]))
    return ResolutionVotes(res, refs, clauses)


# --- adoption ----------------------------------------------------------------------------------------------------


def adopt_clause_text(store: Store, clause_id: str, text: str | None = None, source: str = "office") -> bool:
    """Set the text the office adopts for a clause (kept as a version with its ``source``). With
    ``source="amendment:<id>"`` the text defaults to that amendment's, which is marked adopted; with
    ``source="draft"`` it defaults to the clause's working text. Returns False when nothing changed."""
    with store.transaction() as tx:
        clause = _clause(tx.db, clause_id)
        _not_adopted(_resolution(tx.db, clause["resolution_id"]))
        amendment_id = _check_source(tx.db, clause_id, source)
        body = _text(text)
        if body is None:
            if amendment_id:
                body = _amendment(tx.db, amendment_id)["text"]
            elif source.strip() == "draft":
                body = clause["text"]
        if not body:
            raise ValidationError({"text": ("ต้องระบุข้อความที่รับรอง", "The adopted text is required")})
        changed = tx.update("clause", clause_id, {"adopted_text": body})
        if body != _latest_version_text(tx.db, clause_id):
            tx.insert("clause_version", {"clause_id": clause_id, "text": body, "source": source.strip(),
                                         "created_on": _today()})
            changed = True
        for (aid, status) in tx.db.execute("SELECT id, status FROM amendment WHERE clause_id=? AND deleted=0",
                                           (clause_id,)).fetchall():
            if aid == amendment_id and status != AmendmentStatus.ADOPTED.value:
                changed |= tx.update("amendment", aid, {"status": AmendmentStatus.ADOPTED.value})
            elif aid != amendment_id and status == AmendmentStatus.ADOPTED.value:
                changed |= tx.update("amendment", aid, {"status": AmendmentStatus.PROPOSED.value})
        return changed


@dataclass(frozen=True, slots=True)
class ConsolidatedClause:
    number: int | None
    text: str
    clause_id: str


def consolidated_text(store: Store, resolution_id: str) -> list[ConsolidatedClause]:
    """The resolution as adopted (or as it would be adopted now): each clause's adopted text, else its working text."""
    return [ConsolidatedClause(c.number, c.adopted_text or c.text, c.id) for c in list_clauses(store, resolution_id)]


def adopt_resolution(store: Store, resolution_id: str, on: dt.date | str | None = None) -> list[ConsolidatedClause]:
    """Adopt the consolidated resolution on ``on`` (default today): every clause not given an adopted text takes its
    working text; the resolution becomes adopted and no longer changes. Versions are kept. Returns the text."""
    if on in (None, ""):
        day = _today()
    else:
        try:
            day = as_date(on) if not isinstance(on, str) else _parse_day(on)
        except ValueError:
            raise ValidationError({"on": ("วันที่ไม่ถูกต้อง", f"Not a date: {on!r}")}) from None
    with store.transaction() as tx:
        res = _resolution(tx.db, resolution_id)
        _not_adopted(res)
        clauses = tx.db.execute("SELECT id, text, adopted_text FROM clause WHERE resolution_id=? AND deleted=0",
                                (resolution_id,)).fetchall()
        if not clauses:
            raise UserError("ร่างมตินี้ยังไม่มีข้อใด รับรองไม่ได้", "The resolution has no clauses to adopt",
                            code="no-clauses")
        for cid, text, adopted in clauses:
            if not adopted:
                tx.update("clause", cid, {"adopted_text": text})
        tx.update("resolution", resolution_id, {"status": ResolutionStatus.ADOPTED.value, "adopted_on": day})
    return consolidated_text(store, resolution_id)


def _parse_day(text: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return dt.date.fromisoformat(text.strip())
    from lampang_planner.core.thai.dates import parse_date_th

    return parse_date_th(text)
