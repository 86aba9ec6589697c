"""Draft resolutions and their clauses (text with versions), amendments moved at workshops, and reading them."""

from __future__ import annotations

import re

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.resolutions.rows import (
    YEAR_RANGE,
    AmendmentRow,
    AmendmentStatus,
    ClauseRow,
    ClauseVersionRow,
    ResolutionRow,
    _amendment,
    _clause,
    _count,
    _not_adopted,
    _resolution,
    _text,
    _today,
    _workshop,
)
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import ResolutionStatus

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
