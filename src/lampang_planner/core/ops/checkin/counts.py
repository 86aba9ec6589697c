"""Live counts at the door (checked in / invited, by participant type and district) and the latest check-ins."""

from __future__ import annotations

from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin.lookup import _require_workshop
from lampang_planner.core.read import presence
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str  # participant type value or district code ("" = not given)
    label_th: str
    label_en: str
    checked_in: int
    invited: int


@dataclass(frozen=True)
class LiveCounts:
    checked_in: int
    invited: int
    by_type: list[CountRow]
    by_district: list[CountRow]

    def as_json(self) -> dict:
        def rows(items: list[CountRow]) -> list[dict]:
            return [
                {"key": r.key, "label": r.label_th, "checked_in": r.checked_in, "invited": r.invited} for r in items
            ]

        return {
            "checked_in": self.checked_in,
            "invited": self.invited,
            "by_type": rows(self.by_type),
            "by_district": rows(self.by_district),
        }


_COUNTS_SQL = f"""
WITH RECURSIVE {presence.ROSTER}
SELECT COALESCE(p.participant_type, ''), COALESCE(p.district_code, ''), SUM(t.invited), SUM(t.checked_in_at IS NOT NULL)
FROM roster t JOIN person p ON p.id = t.person_id
GROUP BY 1, 2
"""


def live_counts(store: Store, workshop_id: str, session_id: str | None = None) -> LiveCounts:
    """Checked in / invited for a workshop, in total, by participant type and by district (live people only).

    With ``session_id`` "checked in" counts that session only; without it, anyone checked in at any session.

    "Invited" counts invitations (walk-ins are invited when they check in); a person checked in on another laptop
    whose invitation never reached this one is counted as checked in only.
    """
    _require_workshop(store, workshop_id)
    by_type: dict[str, list[int]] = {}
    by_district: dict[str, list[int]] = {}
    total = [0, 0]
    for ptype, dcode, inv, att in store.db.execute(_COUNTS_SQL, {"workshop": workshop_id, "session": session_id}):
        for bucket, key in ((by_type, ptype), (by_district, dcode)):
            acc = bucket.setdefault(key, [0, 0])
            acc[0] += att
            acc[1] += inv
        total[0] += att
        total[1] += inv
    types = {p.value: p for p in ParticipantType}
    order = list(types)
    type_rows = []
    for key in sorted(by_type, key=lambda k: (order.index(k) if k in types else len(order), k)):
        att, inv = by_type[key]
        if key in types:
            th, en = types[key].th, types[key].en
        else:
            th, en = ("ไม่ระบุ", "Not given") if not key else (key, key)
        type_rows.append(CountRow(key, th, en, att, inv))
    dv = divisions()
    district_rows = []
    for key in sorted(by_district, key=lambda k: (k == "", k)):
        att, inv = by_district[key]
        d = dv.districts.get(key)
        th, en = (d.name_th, d.name_en) if d else ("ไม่ระบุ", "Not given")
        district_rows.append(CountRow(key, th, en, att, inv))
    return LiveCounts(total[0], total[1], type_rows, district_rows)


# --- the latest check-ins --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecentCheckin:
    person_id: str
    name: str
    organisation: str
    participant_type: str
    district_code: str
    subdistrict_code: str
    at: str  # the attendance's check-in time (its earliest scan), ISO 8601 with offset
    desk: str


_RECENT_SQL = f"""
WITH RECURSIVE {presence.ROSTER}
SELECT p.id, IFNULL(p.prefix, ''), IFNULL(p.first_name, ''), IFNULL(p.last_name, ''), IFNULL(p.organisation, ''),
       IFNULL(p.participant_type, ''), IFNULL(p.district_code, ''), IFNULL(p.subdistrict_code, ''),
       a.checked_in_at, IFNULL(a.desk, '')
FROM roster a JOIN person p ON p.id = a.person_id
WHERE a.checked_in_at IS NOT NULL
ORDER BY a.checked_in_at DESC, p.id
LIMIT :limit
"""


def latest_checkins(
    store: Store, workshop_id: str, limit: int = 30, session_id: str | None = None
) -> list[RecentCheckin]:
    """The ``limit`` most recent check-ins at a workshop (any desk; one session with ``session_id``), newest first."""
    return [
        RecentCheckin(pid, full_name(prefix, first, last), org, ptype, dcode, scode, at, desk)
        for pid, prefix, first, last, org, ptype, dcode, scode, at, desk in store.db.execute(
            _RECENT_SQL, {"workshop": workshop_id, "session": session_id, "limit": max(0, int(limit))}
        )
    ]
