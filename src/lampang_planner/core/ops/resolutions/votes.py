"""Votes by show of hands or by name, one per workshop per clause or amendment, and their ballots."""

from __future__ import annotations

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.resolutions.presence_and_quorum import present_now
from lampang_planner.core.ops.resolutions.rows import (
    BallotRow,
    VoteRow,
    _amendment,
    _clause,
    _count,
    _not_adopted,
    _now_iso,
    _resolution,
    _row,
    _workshop,
)
from lampang_planner.core.read import presence
from lampang_planner.core.schema import SCHEMA, natural_id
from lampang_planner.core.vocabulary import VoteChoice, VoteMethod

# --- votes -------------------------------------------------------------------------------------------------------

_VOTE_COLS = SCHEMA["vote"].content


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
    clean = _hand_counts(m, {"for_count": for_count, "against_count": against_count, "abstain_count": abstain_count})
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


def _hand_counts(m: VoteMethod, counts: dict[str, int | str | None]) -> dict[str, int]:
    """The three counts of a show of hands, checked (whole numbers, 0 or more); a vote by name takes none."""
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
    return clean


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
