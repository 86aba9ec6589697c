"""Writing needs, one transaction each: add, edit, delete and restore, status changes, ranks and dot votes."""

from __future__ import annotations

import datetime as dt
import os

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.categories import (
    seed_defaults_in,
)
from lampang_planner.core.ops.needs.photos import _store_photo, read_photo
from lampang_planner.core.ops.needs.reading import _need_or_error
from lampang_planner.core.ops.needs.rows import _STATUS_ORDER, TRANSITIONS, StatusChange
from lampang_planner.core.ops.needs.validation import _text, clean_need, parse_status, status_labels
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.dates import as_date, today_lampang
from lampang_planner.core.vocabulary import NeedStatus

# --- writing -----------------------------------------------------------------------------------------------------


def _next_rank(db, workshop_id: str) -> int:
    r = db.execute("SELECT MAX(rank) FROM need WHERE workshop_id=? AND deleted=0", (workshop_id,)).fetchone()
    return (r[0] or 0) + 1


def _on(v: object, field_name: str = "on") -> dt.date:
    if v in (None, ""):
        return today_lampang()
    try:
        if isinstance(v, dt.date | dt.datetime):
            return as_date(v)  # type: ignore[return-value]
        from lampang_planner.core.thai.dates import parse_date_th

        return parse_date_th(str(v))
    except ValueError:
        raise ValidationError({field_name: ("วันที่ไม่ถูกต้อง", f"Not a date: {v!r}")}) from None


def _raised_on(db, workshop_id: str | None) -> dt.date:
    """The day a need was raised when none is given: today during (or before) its workshop; the workshop's last day
    when the needs are typed in afterwards from the flipcharts."""
    today = today_lampang()
    if not workshop_id:
        return today
    r = db.execute("SELECT start_date, end_date FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    start, end = (as_date(r[0]), as_date(r[1])) if r else (None, None)
    end = end or start
    return end if end is not None and end < today else today


def add_need_in(tx: Tx, fields: dict, *, on: object = None, by: str | None = None, need_id: str | None = None) -> str:
    """Inside an open transaction: validate and insert a need with its first status change (proposed)."""
    tx.flush()
    seed_defaults_in(tx)
    tx.flush()
    clean = clean_need(tx.db, fields)
    day = _on(on) if on not in (None, "") else _raised_on(tx.db, clean.get("workshop_id"))
    if day > today_lampang():
        raise ValidationError({"on": ("วันที่เสนอต้องไม่เป็นวันในอนาคต", "A need cannot be raised on a future date")})
    if clean.get("rank") is None and clean.get("workshop_id"):
        clean["rank"] = _next_rank(tx.db, clean["workshop_id"])
    clean["status"] = NeedStatus.PROPOSED.value
    clean["status_date"] = day
    nid = tx.insert("need", clean, need_id)
    tx.insert("need_status_change", {"need_id": nid, "status": NeedStatus.PROPOSED.value, "changed_on": day,
                                     "changed_by": _text(by) or tx.author, "note": None})
    return nid


def add_need(store: Store, fields: dict, *, on: object = None, by: str | None = None,
             photo: str | os.PathLike[str] | None = None) -> str:
    """Record a need raised at a workshop (status proposed, dated ``on``; by default today, or the workshop's last day
    when it is already over). Returns its id.

    ``fields``: title (required), category (a live key, required), district_code and/or subdistrict_code (the
    district defaults to the workshop's), workshop_id, village_no, village_name, description, group_name, session,
    raised_by, rank (default: after the workshop's last), dot_votes, route (NeedRoute), plan_strategy, fiscal_year (BE).
    ``photo``: an image file of the flipchart, copied into the data folder's media/ in the same step.
    """
    image = read_photo(photo) if photo else None
    with store.transaction() as tx:
        nid = add_need_in(tx, fields, on=on, by=by)
        if image is not None:
            tx.update("need", nid, {"photo": _store_photo(store, *image)})
        return nid


def update_need(store: Store, need_id: str, fields: dict) -> bool:
    """Change some fields of a need. Returns False when nothing changed."""
    with store.transaction() as tx:
        current = _need_or_error(tx.db, need_id)
        clean = clean_need(tx.db, fields, partial=True, current=current)
        return tx.update("need", need_id, clean)


def delete_need(store: Store, need_id: str) -> bool:
    """Remove a need recorded by mistake (a tombstone; its status history stays as the audit trail)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        return tx.delete("need", need_id)


def restore_need(store: Store, need_id: str) -> bool:
    """Bring back a deleted need."""
    with store.transaction() as tx:
        row = tx.read("need", need_id)
        if row is None:
            raise UserError("ไม่พบความต้องการนี้", f"No need with id {need_id}", code="unknown-need")
        return tx.update("need", need_id, {"deleted": False})


def allowed_statuses(current: str | NeedStatus | None) -> list[NeedStatus]:
    """The statuses a need in ``current`` may move to, in the order of the status list."""
    try:
        cur = NeedStatus(getattr(current, "value", current) or NeedStatus.PROPOSED.value)
    except ValueError:  # an unknown status from a newer version: only dropping is safe
        return [NeedStatus.DROPPED]
    return sorted(TRANSITIONS[cur], key=_STATUS_ORDER.__getitem__)


def _record_status(tx: Tx, need: dict, new: NeedStatus, day: dt.date, by: str | None, note: str | None) -> StatusChange:
    since = as_date(need["status_date"])
    if since and day < since:
        raise ValidationError({"on": (
            f"วันที่เปลี่ยนสถานะต้องไม่ก่อนวันที่ของสถานะปัจจุบัน ({since.isoformat()})",
            f"The change cannot be dated before the current status's date ({since.isoformat()})")})
    if day > today_lampang():
        raise ValidationError({"on": ("วันที่เปลี่ยนสถานะต้องไม่เป็นวันในอนาคต", "The change cannot be dated in the future")})
    who = _text(by) or tx.author
    tx.update("need", need["id"], {"status": new.value, "status_date": day})
    cid = tx.insert("need_status_change", {"need_id": need["id"], "status": new.value, "changed_on": day,
                                           "changed_by": who, "note": _text(note, multiline=True)})
    return StatusChange(cid, need["id"], new.value, day, who, _text(note, multiline=True) or "")


def change_status(store: Store, need_id: str, status: str | NeedStatus, *, on: object = None, by: str | None = None,
                  note: str | None = None) -> StatusChange:
    """Move a need to ``status`` (dated ``on``, default today; ``by`` who, default this laptop and desk; a note).

    One transaction: the need's status and status date, and a ``need_status_change`` row. An impossible move (see
    the module's diagram) is refused with nothing written.
    """
    new = parse_status(status)
    day = _on(on)
    with store.transaction() as tx:
        return change_status_in(tx, need_id, new, day=day, by=by, note=note)


def change_status_in(tx: Tx, need_id: str, new: NeedStatus, *, day: dt.date | None = None, by: str | None = None,
                     note: str | None = None) -> StatusChange:
    """:func:`change_status` inside a caller's transaction (e.g. a need turned into a plan project)."""
    need = _need_or_error(tx.db, need_id)
    cur_value = need["status"] or NeedStatus.PROPOSED.value
    ok = allowed_statuses(cur_value)
    if new not in ok:
        cur_th, cur_en = status_labels(cur_value)
        raise UserError(
            f"เปลี่ยนสถานะจาก “{cur_th}” เป็น “{new.th}” ไม่ได้"
            + (f" (เปลี่ยนได้เป็น: {', '.join(s.th for s in ok)})" if ok else " (สถานะนี้สิ้นสุดแล้ว)"),
            f"A need that is {cur_en.lower()} cannot become {new.en.lower()}"
            + (f" (allowed: {', '.join(s.value for s in ok)})" if ok else " (this status is final)"),
            code="bad-transition",
        )
    return _record_status(tx, need, new, day or today_lampang(), by, note)


def revert_status(store: Store, need_id: str, *, note: str, on: object = None, by: str | None = None) -> StatusChange:
    """Correct a mistaken status change: go back to the status before the current one, recorded as a new dated
    change with its reason (``note``, required), so the history keeps the mistake and its correction."""
    if not _text(note):
        raise ValidationError({"note": ("ต้องระบุเหตุผลของการแก้ไขสถานะ", "A note explaining the correction is required")})
    day = _on(on)
    with store.transaction() as tx:
        need = _need_or_error(tx.db, need_id)
        rows = tx.db.execute(
            "SELECT status FROM need_status_change WHERE need_id=? AND deleted=0 ORDER BY changed_on, hlc, id",
            (need_id,),
        ).fetchall()
        path = effective_path([r[0] for r in rows])
        if len(path) < 2 or path[-1] != need["status"]:
            raise UserError("ไม่มีสถานะก่อนหน้าให้ย้อนกลับ", "There is no earlier status to go back to",
                            code="nothing-to-revert")
        return _record_status(tx, need, parse_status(path[-2]), day, by, note)


def effective_path(statuses: list[str]) -> list[str]:
    """The statuses a need really went through, from its history: a step that is not an allowed move from the one
    before it but returns to an earlier status is a correction, and cancels the steps after that status."""
    path: list[str] = []
    for s in statuses:
        if path and s in path:
            try:
                forward = NeedStatus(s) in TRANSITIONS[NeedStatus(path[-1])]
            except ValueError:
                forward = False
            if not forward:
                del path[path.index(s) + 1 :]
                continue
        path.append(s)
    return path


def rank_needs(store: Store, workshop_id: str, ordered_ids: list[str]) -> int:
    """Rewrite the ranks of a workshop's needs: ``ordered_ids`` get 1, 2, 3…; the workshop's other needs follow in
    their current order. One transaction. Returns how many needs changed rank."""
    if len(set(ordered_ids)) != len(ordered_ids):
        raise UserError("มีรายการซ้ำในลำดับ", "The order names a need twice", code="bad-order")
    with store.transaction() as tx:
        rows = tx.db.execute("SELECT id, rank, title FROM need WHERE workshop_id=? AND deleted=0", (workshop_id,))
        current = sorted(rows, key=lambda r: (r[1] if r[1] is not None else 1 << 30, thai_sort_key(r[2] or ""), r[0]))
        ids = {r[0] for r in current}
        stray = [i for i in ordered_ids if i not in ids]
        if stray:
            raise UserError("บางรายการไม่ใช่ความต้องการของการประชุมนี้",
                            f"Not needs of this workshop: {', '.join(stray)}", code="bad-order")
        chosen = set(ordered_ids)
        order = list(ordered_ids) + [r[0] for r in current if r[0] not in chosen]
        return sum(tx.update("need", nid, {"rank": i}) for i, nid in enumerate(order, start=1))


def set_dot_votes(store: Store, need_id: str, votes: int | str) -> bool:
    """Set the dot votes a need received (0 or more)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        clean = clean_need(tx.db, {"dot_votes": votes}, partial=True)
        return tx.update("need", need_id, clean)
