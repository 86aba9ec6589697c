"""Checking in one person: by a scanned code (``check_in``) or by a picked person (``check_in_person``), at most one
transaction, as the package docstring describes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin.desk import bangkok_iso, desk_of
from lampang_planner.core.ops.checkin.lookup import _follow_merges, _person, _person_by_code, _require_workshop
from lampang_planner.core.ops.checkin.results import CheckinResult, Kind, Via
from lampang_planner.core.ops.sessions import resolve_session
from lampang_planner.core.qr import normalise_scan
from lampang_planner.core.read import presence
from lampang_planner.core.schema import attendance_id, natural_id
from lampang_planner.core.thai.names import full_name


def _unknown(workshop_id: str, scanned: str, code: str | None, th: str, en: str, desk: str, at: str) -> CheckinResult:
    return CheckinResult(
        Kind.UNKNOWN, workshop_id, scanned, code, reason_th=th, reason_en=en, this_desk=desk, scanned_at=at
    )


def check_in(
    store: Store,
    workshop_id: str,
    scanned_text: str,
    *,
    desk: str | None = None,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
    invite: bool = False,
) -> CheckinResult:
    """Check in whoever's code ``scanned_text`` holds (bare code or payload, US or Thai keyboard layout) at
    ``session_id`` (default: the workshop's current session by the clock, ``core.ops.sessions``).

    Raises UserError for an unknown workshop or session; an unreadable or unknown code is an ``unknown`` result,
    nothing written. A person not invited to this workshop is ``not-invited``, nothing written, unless ``invite``
    (the desk confirmed: the invitation is added with the check-in).
    """
    _require_workshop(store, workshop_id)
    this_desk, when = desk_of(store, desk), bangkok_iso(at)
    sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    code = normalise_scan(scanned_text or "")
    if code is None:
        return _unknown(
            workshop_id,
            scanned_text,
            None,
            "อ่านรหัสไม่ได้ หรือไม่ใช่รหัสของโปรแกรมนี้",
            "not a valid code",
            this_desk,
            when,
        )
    person, existed = _person_by_code(store, code)
    if person is None:
        if existed:
            return _unknown(
                workshop_id,
                scanned_text,
                code,
                "รายชื่อนี้ถูกลบออกแล้ว",
                "this person has been removed",
                this_desk,
                when,
            )
        return _unknown(workshop_id, scanned_text, code, "ไม่พบรหัสนี้ในรายชื่อ", "no one has this code", this_desk, when)
    return _check_in_live(store, workshop_id, person, this_desk, when, scanned_text, sid, Via.SCAN, invite=invite)


def check_in_person(
    store: Store,
    workshop_id: str,
    person_id: str,
    *,
    desk: str | None = None,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
    via: str = Via.SEARCH,
    keyed_by: str | None = None,
    invite: bool = False,
) -> CheckinResult:
    """Check in a person picked by name search (or another way: ``via``) at ``session_id`` (default: the current
    session by the clock); ``not-invited`` as for a scan, unless ``invite``. ``keyed_by`` (paper entries) records who
    keyed the check-in in, and when. Raises UserError for an unknown workshop, session or person."""
    _require_workshop(store, workshop_id)
    when = bangkok_iso(at)
    sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    row = _person(store, person_id)
    person = _follow_merges(store, row) if row else None
    if person is None:
        raise UserError("ไม่พบรายชื่อนี้", f"No person with id {person_id}", code="unknown-person")
    this_desk = desk_of(store, desk)
    extra = {"keyed_by": {this_desk: f"{bangkok_iso()} {keyed_by}"}} if keyed_by else None
    return _check_in_live(store, workshop_id, person, this_desk, when, "", sid, str(via), extra, invite=invite)


def _base_result(workshop_id: str, person: dict, scanned: str, desk: str, when: str, session_id: str) -> CheckinResult:
    return CheckinResult(
        Kind.CHECKED_IN,
        workshop_id,
        scanned,
        person["code"],
        person["id"],
        full_name(person["prefix"] or "", person["first_name"] or "", person["last_name"] or ""),
        person["organisation"] or "",
        person["participant_type"] or "",
        person["district_code"] or "",
        person["subdistrict_code"] or "",
        this_desk=desk,
        scanned_at=when,
        session_id=session_id,
    )


def _attendance_state(db, attendance_id: str) -> tuple[bool, dict, str | None, str | None]:
    r = db.execute("SELECT deleted, scans, checked_in_at, desk FROM attendance WHERE id=?", (attendance_id,)).fetchone()
    if r is None:
        return False, {}, None, None
    return (not r[0]), json.loads(r[1] or "{}"), r[2], r[3]


def _check_in_live(
    store: Store,
    workshop_id: str,
    person: dict,
    desk: str,
    when: str,
    scanned: str,
    session_id: str,
    via: str,
    extra: dict | None = None,
    *,
    invite: bool = False,
) -> CheckinResult:
    base = _base_result(workshop_id, person, scanned, desk, when, session_id)
    aid = attendance_id(workshop_id, person["id"], session_id)
    iid = natural_id("invitation", workshop_id, person["id"])
    live, scans, first_at, first_desk = _attendance_state(store.db, aid)
    if live and desk in scans:  # a repeat at this desk: nothing to write, no transaction
        return replace(base, kind=Kind.ALREADY, at=first_at, desk=first_desk, was_invited=_invited(store.db, iid))
    known = None if live else presence.presence_of(store.db, workshop_id, person["id"], session_id)
    if known is not None and known.present:  # checked in as a record since merged into this person
        return replace(base, kind=Kind.ALREADY, at=known.checked_in_at, desk=known.desk, was_invited=known.invited)
    invite = invite or (known is not None and known.invited)  # invited as a merged-away record
    if not live and not invite and not _invited(store.db, iid):
        return replace(base, kind=Kind.NOT_INVITED)  # nothing written: the desk confirms first
    with store.transaction() as tx:
        return _record_scan(tx, base, aid, iid, desk, when, via, extra, invite=invite)


def _invited(db, invitation_id: str) -> bool:
    r = db.execute("SELECT deleted FROM invitation WHERE id=?", (invitation_id,)).fetchone()
    return r is not None and not r[0]


def _record_scan(
    tx: Tx,
    base: CheckinResult,
    aid: str,
    iid: str,
    desk: str,
    when: str,
    via: str,
    extra: dict | None = None,
    *,
    invite: bool = True,
) -> CheckinResult:
    """Inside the scan's transaction (reads repeated under the write lock, so two desks on one folder agree). A person
    not invited is invited with the check-in only if ``invite``; otherwise nothing is written."""
    wid, pid = base.workshop_id, base.person_id
    live, scans, first_at, first_desk = _attendance_state(tx.db, aid)
    was_invited = _invited(tx.db, iid)
    if live:
        added = desk not in scans
        if added:
            tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {})})
            tx.flush()
            _, _, first_at, first_desk = _attendance_state(tx.db, aid)
        return replace(base, kind=Kind.ALREADY, at=first_at, desk=first_desk, was_invited=was_invited, desk_added=added)
    invitation_created = False
    if not was_invited:
        if not invite:
            return replace(base, kind=Kind.NOT_INVITED)
        if tx.db.execute("SELECT 1 FROM invitation WHERE id=?", (iid,)).fetchone() is None:
            tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, iid)
        else:
            tx.update("invitation", iid, {"deleted": False})
        invitation_created = True
    if tx.db.execute("SELECT 1 FROM attendance WHERE id=?", (aid,)).fetchone() is None:
        fields = {"workshop_id": wid, "person_id": pid, "session_id": base.session_id, "scans": {desk: when}}
        tx.insert("attendance", {**fields, "kinds": {desk: via}, **(extra or {})}, aid)
        first_at, first_desk = when, desk
    else:
        # Revive an undone attendance. Its old scans stay in the map (a map_min union never forgets a scan, or the
        # merge could bring them back), so the recorded time is the earliest scan ever: report what is stored.
        tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {}), "deleted": False})
        tx.flush()
        _, _, first_at, first_desk = _attendance_state(tx.db, aid)
    return replace(
        base,
        kind=Kind.CHECKED_IN,
        at=first_at,
        desk=first_desk,
        was_invited=was_invited,
        attendance_created=True,
        invitation_created=invitation_created,
    )
