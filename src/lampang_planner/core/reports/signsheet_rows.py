"""Who is on a session's sign-in sheet: the workshop's roster in Thai order, with the session's check-in time and
each person's position (:mod:`.signsheet` lays them out)."""

from __future__ import annotations

from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import clock_time
from lampang_planner.core.ops.people import list_people
from lampang_planner.core.ops.sessions import resolve_session
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.badges import require_workshop
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.names import full_name


@dataclass(frozen=True, slots=True)
class SignRow:
    number: int
    person_id: str
    name: str
    organisation: str
    tambon: str
    time: str  # "08:42 น." (this session's check-in) or ""
    position: str = ""


def _tambon(district_code: str, subdistrict_code: str) -> str:
    dv = divisions()
    if subdistrict_code in dv.subdistricts:
        return dv.subdistricts[subdistrict_code].name_th
    if district_code in dv.districts:
        return "อ." + dv.districts[district_code].name_th
    return ""


def sign_rows(store: Store, workshop_id: str, session_id: str | None = None) -> list[SignRow]:
    """The people invited to or attending the workshop, in Thai order, with their check-in time at the session
    (default: the current one by the clock) where known."""
    require_workshop(store, workshop_id)
    sid = resolve_session(store.db, workshop_id, session_id)
    people = list_people(store, workshop_id)
    people.sort(key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name), p.id))
    times = dict(
        store.db.execute(
            "SELECT person_id, checked_in_at FROM attendance WHERE workshop_id=? AND session_id=? AND deleted=0 "
            "AND checked_in_at IS NOT NULL",
            (workshop_id, sid),
        ).fetchall()
    )
    positions = _positions(store, [p.id for p in people])
    return [
        SignRow(
            n,
            p.id,
            full_name(p.prefix, p.first_name, p.last_name),
            p.organisation,
            _tambon(p.district_code, p.subdistrict_code),
            f"{clock_time(times[p.id])} น." if times.get(p.id) else "",
            positions.get(p.id, ""),
        )
        for n, p in enumerate(people, start=1)
    ]


def _positions(store: Store, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(ids), 900):
        part = ids[i : i + 900]
        q = f"SELECT id, position FROM person WHERE id IN ({','.join('?' * len(part))}) AND position IS NOT NULL"
        out.update(store.db.execute(q, part).fetchall())
    return out
