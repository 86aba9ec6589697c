"""Adopting clause texts and the consolidated resolution."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.resolutions.drafts import _check_source, list_clauses
from lampang_planner.core.ops.resolutions.rows import (
    AmendmentStatus,
    _amendment,
    _clause,
    _latest_version_text,
    _not_adopted,
    _resolution,
    _text,
    _today,
)
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import ResolutionStatus

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
