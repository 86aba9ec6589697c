"""Key in a session's attendance from the paper sign-in sheet (when a laptop failed at the door).

The facilitator goes down the signed sheet and ticks names in a list of the workshop's roster. Each tick is a
check-in of kind "paper" at the session, recorded at the session's start (its day and time, else when it was keyed),
with who keyed it and when (``keyed_by``); one tick is one transaction, so nothing already keyed is lost if the laptop
fails again. A person already checked in at the door for that session stays as they are (the tick shows them); an
untick removes only an attendance that the paper alone made.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import BANGKOK, CheckinResult, Via, bangkok_iso, check_in_person
from lampang_planner.core.ops.people import list_people
from lampang_planner.core.ops.session_attendance import PAPER_DESK
from lampang_planner.core.ops.sessions import Session, session_by_id
from lampang_planner.core.schema import attendance_id
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.thai.names import full_name


@dataclass(frozen=True, slots=True)
class PaperRow:
    person_id: str
    name: str
    organisation: str
    ticked: bool  # checked in at this session, one way or another
    by_paper_only: bool  # ticked, and only by paper (so it can be unticked)
    search_text: str  # folded name, organisation and code, for the filter


def _session_time(store: Store, session: Session) -> str:
    """The session's start as the time of a paper entry; when it is not known, now."""
    day = session.day or as_date(store.scalar("SELECT start_date FROM workshop WHERE id=?", (session.workshop_id,)))
    if day is None:
        return bangkok_iso()
    hh, mm = (int(x) for x in (session.starts or "08:00").split(":"))
    return bangkok_iso(dt.datetime.combine(day, dt.time(hh, mm), BANGKOK))


def _ticks(store: Store, workshop_id: str, session_id: str) -> dict[str, bool]:
    """person id → True when their attendance at the session came from paper alone."""
    out = {}
    for pid, scans in store.db.execute(
        "SELECT person_id, scans FROM attendance WHERE workshop_id=? AND session_id=? AND deleted=0"
        " AND checked_in_at IS NOT NULL",
        (workshop_id, session_id),
    ):
        out[pid] = set(json.loads(scans or "{}")) == {PAPER_DESK}
    return out


def paper_roster(store: Store, workshop_id: str, session_id: str) -> list[PaperRow]:
    """The workshop's roster (invited, or checked in at any session) in Thai order, with who is ticked."""
    session_by_id(store.db, workshop_id, session_id)
    ticks = _ticks(store, workshop_id, session_id)
    people = list_people(store, workshop_id)
    people.sort(key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name), p.id))
    return [
        PaperRow(
            p.id,
            full_name(p.prefix, p.first_name, p.last_name),
            p.organisation,
            p.id in ticks,
            ticks.get(p.id, False),
            fold_for_search(f"{p.first_name} {p.last_name} {p.organisation} {p.code.lower()}"),
        )
        for p in people
    ]


def filter_roster(rows: list[PaperRow], text: str) -> list[PaperRow]:
    """Rows whose name, organisation or code contains every word of ``text`` (tone marks ignored)."""
    words = [w for w in fold_for_search(text).split() if w]
    return [r for r in rows if all(w in r.search_text for w in words)] if words else list(rows)


def _who(keyed_by: str) -> str:
    who = " ".join(str(keyed_by or "").split())
    if not who:
        raise UserError("ต้องระบุชื่อผู้บันทึกจากใบลงทะเบียน", "Say who is keying in from the paper sheet",
                        code="keyed-by-required")  # fmt: skip
    return who


def tick(store: Store, workshop_id: str, session_id: str, person_id: str, keyed_by: str) -> CheckinResult:
    """Record one person as present at the session from the paper sheet (one transaction)."""
    who = _who(keyed_by)
    session = session_by_id(store.db, workshop_id, session_id)
    return check_in_person(
        store,
        workshop_id,
        person_id,
        desk=PAPER_DESK,
        at=_session_time(store, session),
        session_id=session_id,
        via=Via.PAPER,
        keyed_by=who,
        invite=True,  # the person signed the session's sheet: that is the desk's confirmation
    )


def untick(store: Store, workshop_id: str, session_id: str, person_id: str) -> bool:
    """Take back a paper tick. Only an attendance made by paper alone goes; a door check-in stays (returns False)."""
    session_by_id(store.db, workshop_id, session_id)
    if not _ticks(store, workshop_id, session_id).get(person_id):
        return False
    with store.transaction() as tx:
        return tx.delete("attendance", attendance_id(workshop_id, person_id, session_id))


def resolve_person(store: Store, code_or_id: str) -> str | None:
    """A live person's id from a badge code (any layout, as scanned) or a person id; None if there is none."""
    from lampang_planner.core.ops.checkin import _follow_merges, _person, _person_by_code
    from lampang_planner.core.qr import normalise_scan

    text = (code_or_id or "").strip()
    code = normalise_scan(text)
    if code is not None:
        person, _ = _person_by_code(store, code)
        if person is not None:
            return person["id"]
    row = _person(store, text)
    live = _follow_merges(store, row) if row else None
    return live["id"] if live else None
