"""Checking in one person: by a scanned code (``check_in``) or by a picked person (``check_in_person``), at most one
transaction, as the package docstring describes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin.desk import bangkok_iso, desk_of
from lampang_planner.core.ops.checkin.lookup import _PERSON_COLS, _follow_merges, _live_person, _person
from lampang_planner.core.ops.checkin.results import CheckinResult, Kind, Via
from lampang_planner.core.ops.sessions import resolve_session
from lampang_planner.core.qr import normalise_scan
from lampang_planner.core.schema import attendance_id, first_session_id, natural_id
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
    step = _read_scan(store, workshop_id, scanned_text, desk, at, session_id, invite)
    return _finish(store, step, Via.SCAN)


def _read_scan(
    store: Store, workshop_id: str, scanned_text: str, desk: str | None, at, session_id: str | None, invite: bool
) -> CheckinResult | _Write:
    """The reads before the write lock, each one statement (SQLite's own read transaction: no BEGIN and COMMIT
    around them): the workshop, the desk's session and the people with the code together, then the person's
    attendance and invitation (``_read_person``)."""
    this_desk, when = desk_of(store, desk), bangkok_iso(at)
    code = normalise_scan(scanned_text or "")
    rows = store.db.execute(_SCAN, (workshop_id, session_id, code)).fetchall()
    w_deleted, s_deleted = rows[0][:2]
    if _given_session(workshop_id, session_id, w_deleted, s_deleted):
        sid = session_id
    else:  # no session given, or an unknown one: the clock's session, or core.ops.sessions' UserError (an unknown or
        # removed workshop first, the same sentence and code as lookup._require_workshop's)
        with _one_snapshot(store.db):
            sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    if code is None:
        th, en = "อ่านรหัสไม่ได้ หรือไม่ใช่รหัสของโปรแกรมนี้", "not a valid code"
        return _unknown(workshop_id, scanned_text, None, th, en, this_desk, when)
    person, existed = _live_person([r[2:] for r in rows if r[2] is not None], store)
    if person is None:
        if existed:
            th, en = "รายชื่อนี้ถูกลบออกแล้ว", "this person has been removed"
        else:
            th, en = "ไม่พบรหัสนี้ในรายชื่อ", "no one has this code"
        return _unknown(workshop_id, scanned_text, code, th, en, this_desk, when)
    base = _base_result(workshop_id, person, scanned_text, this_desk, when, sid)
    return _read_person(store, base, invite)


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
    with _one_snapshot(store.db):
        when = bangkok_iso(at)
        sid = _session(store.db, workshop_id, session_id, when)
        row = _person(store, person_id)
        person = _follow_merges(store, row) if row else None
        if person is None:
            raise UserError("ไม่พบรายชื่อนี้", f"No person with id {person_id}", code="unknown-person")
        this_desk = desk_of(store, desk)
        step = _read_person(store, _base_result(workshop_id, person, "", this_desk, when, sid), invite)
    extra = {"keyed_by": {this_desk: f"{bangkok_iso()} {keyed_by}"}} if keyed_by else None
    return _finish(store, step, str(via), extra)


# The workshop (deleted, NULL: no such workshop), the session named (deleted, NULL: no row of this workshop) and every
# person with the code (none: one row of NULLs): one statement
_SCAN = (
    "SELECT w.deleted, s.deleted, " + ",".join(f"p.{c}" for c in _PERSON_COLS) + " FROM (SELECT 1) "
    "LEFT JOIN workshop w ON w.id = ?1 LEFT JOIN session s ON s.id = ?2 AND s.workshop_id = w.id "
    "LEFT JOIN person p ON p.code = ?3"
)
_GIVEN_SESSION = (
    "SELECT w.deleted, s.deleted FROM workshop w LEFT JOIN session s ON s.id = ? AND s.workshop_id = w.id "
    "WHERE w.id = ?"
)


def _given_session(workshop_id: str, session_id: str | None, w_deleted: int | None, s_deleted: int | None) -> bool:
    """Whether ``session_id`` is a live session of a live workshop, as ``resolve_session`` would accept it: its row,
    or no row for the implied first session."""
    if not session_id or w_deleted is None or w_deleted:
        return False
    return s_deleted == 0 or (s_deleted is None and session_id == first_session_id(workshop_id))


def _session(db: sqlite3.Connection, workshop_id: str, session_id: str | None, when: str) -> str:
    """``resolve_session``'s answer: a session the desk names, of a live workshop, checked in one read; anything
    else (no session given, an unknown or removed workshop or session) is ``resolve_session``'s to answer."""
    if session_id:
        row = db.execute(_GIVEN_SESSION, (session_id, workshop_id)).fetchone()
        if row is not None and _given_session(workshop_id, session_id, *row):
            return session_id
    return resolve_session(db, workshop_id, session_id, dt.datetime.fromisoformat(when))


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


@contextlib.contextmanager
def _one_snapshot(db: sqlite3.Connection) -> Iterator[None]:
    """The reads before the write lock in one read transaction. Outside a transaction every statement starts and
    ends its own (the WAL read lock taken and dropped each time), which cost more than most of the reads themselves.
    Inside the caller's transaction there is nothing to do."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        if db.in_transaction:
            db.execute("COMMIT")  # a read transaction: nothing to write


class _State:
    """An attendance's and an invitation's rows as read. A plain class, not a dataclass: building a dataclass costs
    every command's start."""

    __slots__ = ("attendance", "invitation", "merged")

    def __init__(self, attendance: tuple | None, invitation: tuple | None, merged: bool = True) -> None:
        self.attendance = attendance  # (deleted, scans, checked_in_at, desk), None if there is no row
        self.invitation = invitation  # (deleted,), None if there is no row
        self.merged = merged  # whether any record is merged into the person (True when not read)

    @property
    def live(self) -> bool:
        return self.attendance is not None and not self.attendance[0]

    @property
    def scans(self) -> dict:
        return json.loads(self.attendance[1] or "{}") if self.attendance else {}

    @property
    def first(self) -> tuple[str | None, str | None]:
        return (self.attendance[2], self.attendance[3]) if self.attendance else (None, None)

    @property
    def invited(self) -> bool:
        return self.invitation is not None and not self.invitation[0]


class _Write:
    """A check-in to write under the write lock (which reads the attendance and invitation again), and whether to
    invite."""

    __slots__ = ("aid", "base", "iid", "invite")

    def __init__(self, base: CheckinResult, aid: str, iid: str, invite: bool) -> None:
        self.base, self.aid, self.iid, self.invite = base, aid, iid, invite


# The attendance and the invitation (deleted NULL: no row; the column is NOT NULL), and whether any record is merged
# into the person: one statement
_STATE = (
    "SELECT a.deleted, a.scans, a.checked_in_at, a.desk, i.deleted, "
    "EXISTS (SELECT 1 FROM person WHERE merged_into = :person) "
    "FROM (SELECT 1) LEFT JOIN attendance a ON a.id = :aid LEFT JOIN invitation i ON i.id = :iid"
)


def _read_state(db: sqlite3.Connection, aid: str, iid: str, person_id: str | None = None) -> _State:
    a_deleted, scans, at, desk, i_deleted, merged = db.execute(
        _STATE, {"aid": aid, "iid": iid, "person": person_id}
    ).fetchone()
    att = None if a_deleted is None else (a_deleted, scans, at, desk)
    inv = None if i_deleted is None else (i_deleted,)
    return _State(att, inv, bool(merged) or person_id is None)


def _attendance_state(db, attendance_id: str) -> tuple[bool, dict, str | None, str | None]:
    r = db.execute("SELECT deleted, scans, checked_in_at, desk FROM attendance WHERE id=?", (attendance_id,)).fetchone()
    if r is None:
        return False, {}, None, None
    return (not r[0]), json.loads(r[1] or "{}"), r[2], r[3]


def _read_person(store: Store, base: CheckinResult, invite: bool) -> CheckinResult | _Write:
    """Before the write lock: the answer when nothing is to be written, else what to write."""
    aid = attendance_id(base.workshop_id, base.person_id, base.session_id)
    iid = natural_id("invitation", base.workshop_id, base.person_id)
    state = _read_state(store.db, aid, iid, base.person_id)
    if state.live and base.this_desk in state.scans:  # a repeat at this desk: nothing to write, no transaction
        first_at, first_desk = state.first
        return replace(base, kind=Kind.ALREADY, at=first_at, desk=first_desk, was_invited=state.invited)
    known = None
    if not state.live and state.merged:  # records merged into the person may be invited or checked in already
        from lampang_planner.core.read import presence  # (only then: a plain check-in does not import it)

        known = presence.presence_of(store.db, base.workshop_id, base.person_id, base.session_id)
    if known is not None and known.present:  # checked in as a record since merged into this person
        return replace(base, kind=Kind.ALREADY, at=known.checked_in_at, desk=known.desk, was_invited=known.invited)
    invite = invite or (known is not None and known.invited)  # invited as a merged-away record
    if not state.live and not invite and not state.invited:
        return replace(base, kind=Kind.NOT_INVITED)  # nothing written: the desk confirms first
    return _Write(base, aid, iid, invite)


def _finish(store: Store, step: CheckinResult | _Write, via: str, extra: dict | None = None) -> CheckinResult:
    if isinstance(step, CheckinResult):
        return step
    with store.transaction() as tx:
        state = _read_state(tx.db, step.aid, step.iid)  # again under the lock: another desk may have written since
        outcome = _record(tx, step.base, step.aid, step.iid, state, via, extra, invite=step.invite)
    return replace(step.base, **outcome)  # the result is made once the check-in is committed


def _record(
    tx: Tx,
    base: CheckinResult,
    aid: str,
    iid: str,
    state: _State,
    via: str,
    extra: dict | None = None,
    *,
    invite: bool = True,
) -> dict:
    """Inside the scan's transaction, with ``state`` as it is under the write lock (so two desks on one folder
    agree). A person not invited is invited with the check-in only if ``invite``; otherwise nothing is written.
    Returns what the result is, the fields of ``base`` to replace."""
    wid, pid, desk, when = base.workshop_id, base.person_id, base.this_desk, base.scanned_at
    first_at, first_desk = state.first
    if state.live:
        added = desk not in state.scans
        if added:
            tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {})})
            tx.flush()
            _, _, first_at, first_desk = _attendance_state(tx.db, aid)
        return {"kind": Kind.ALREADY, "at": first_at, "desk": first_desk, "was_invited": state.invited,
                "desk_added": added}  # fmt: skip
    if not state.invited:
        if not invite:
            return {"kind": Kind.NOT_INVITED}
        if state.invitation is None:
            tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, iid)
        else:
            tx.update("invitation", iid, {"deleted": False})
    if state.attendance is None:
        fields = {"workshop_id": wid, "person_id": pid, "session_id": base.session_id, "scans": {desk: when}}
        tx.insert("attendance", {**fields, "kinds": {desk: via}, **(extra or {})}, aid)
        first_at, first_desk = when, desk
    else:
        # Revive an undone attendance. Its old scans stay in the map (a map_min union never forgets a scan, or the
        # merge could bring them back), so the recorded time is the earliest scan ever: report what is stored.
        tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {}), "deleted": False})
        tx.flush()
        _, _, first_at, first_desk = _attendance_state(tx.db, aid)
    return {"kind": Kind.CHECKED_IN, "at": first_at, "desk": first_desk, "was_invited": state.invited,
            "attendance_created": True, "invitation_created": not state.invited}  # fmt: skip
