"""Attendance per session and the day's roll-up: who came to which session, and every check-in behind it.

- :func:`session_counts`: per session, how many checked in (by participant type too) against those registered;
- :func:`day_summary`: per day, its sessions' counts, the people who came to at least one session that day and
  those who came to every session of the day (a full-day allowance);
- :func:`checkin_entries`: every check-in of a session — each desk's time and how it was made (scan, name search,
  walk-in, paper with who keyed it) — for the attendance export.

A session without a day of its own is counted on the workshop's first day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.sessions import Session, list_sessions
from lampang_planner.core.thai.dates import as_date

PAPER_DESK = "paper"  # the scans key of entries keyed in from the paper sign-in sheet (core.ops.paper)


@dataclass(frozen=True)
class SessionCount:
    session: Session
    checked_in: int
    registered: int  # invited or checked in at any session of the workshop
    by_type: dict[str, int]  # participant type value ("" = not given) → checked in

    def as_json(self) -> dict:
        return {**self.session.as_json(), "checked_in": self.checked_in, "registered": self.registered,
                "by_type": self.by_type}  # fmt: skip


@dataclass(frozen=True)
class DaySummary:
    day: dt.date | None
    sessions: list[SessionCount]
    any_session: int  # people checked in at one session of the day at least
    every_session: int  # people checked in at every session of the day

    def as_json(self) -> dict:
        return {"day": self.day.isoformat() if self.day else None, "any_session": self.any_session,
                "every_session": self.every_session, "sessions": [s.as_json() for s in self.sessions]}  # fmt: skip


def _present_by_session(store: Store, workshop_id: str) -> dict[str, set[str]]:
    """session id → live people (merged people counted as who they became) checked in there."""
    out: dict[str, set[str]] = defaultdict(set)
    for sid, pid in store.db.execute(
        "SELECT a.session_id, COALESCE(p.merged_into, a.person_id) FROM attendance a JOIN person p ON p.id=a.person_id"
        " WHERE a.workshop_id=? AND a.deleted=0 AND a.checked_in_at IS NOT NULL AND p.deleted=0",
        (workshop_id,),
    ):
        out[sid].add(pid)
    return out


def session_counts(store: Store, workshop_id: str) -> list[SessionCount]:
    out = []
    for s in list_sessions(store, workshop_id):
        counts = live_counts(store, workshop_id, s.id)
        by_type = {r.key: r.checked_in for r in counts.by_type if r.checked_in}
        out.append(SessionCount(s, counts.checked_in, counts.invited, by_type))
    return out


def day_summary(store: Store, workshop_id: str) -> list[DaySummary]:
    start = as_date(store.scalar("SELECT start_date FROM workshop WHERE id=?", (workshop_id,)))
    present = _present_by_session(store, workshop_id)
    days: dict[dt.date | None, list[SessionCount]] = defaultdict(list)
    for c in session_counts(store, workshop_id):
        days[c.session.day or start].append(c)
    out = []
    for day in sorted(days, key=lambda d: d or dt.date.min):
        groups = [present.get(c.session.id, set()) for c in days[day]]
        any_ = set().union(*groups)
        every = set.intersection(*groups) if groups else set()
        out.append(DaySummary(day, days[day], len(any_), len(every)))
    return out


@dataclass(frozen=True, slots=True)
class CheckinEntry:
    """One check-in behind an attendance: a desk's time and how it was made."""

    person_id: str
    session_id: str
    desk: str  # "" for a paper entry
    at: str  # ISO 8601 with offset
    via: str  # "scan", "search", "walk-in", "paper"; "" for check-ins made before this was recorded
    keyed_by: str = ""  # paper: who keyed it in
    keyed_at: str = ""  # paper: when


def entries_of(session_id: str, person_id: str, scans: str | None, kinds: str | None, keyed: str | None) -> list:
    scans_d = json.loads(scans or "{}")
    kinds_d = json.loads(kinds or "{}")
    keyed_d = json.loads(keyed or "{}")
    out = []
    for desk, at in sorted(scans_d.items(), key=lambda kv: (kv[1], kv[0])):
        stamp, _, who = (keyed_d.get(desk) or "").partition(" ")
        via = kinds_d.get(desk, "paper" if desk == PAPER_DESK else "")
        out.append(CheckinEntry(person_id, session_id, "" if via == "paper" else desk, at, via, who, stamp))
    return out


def checkin_entries(store: Store, workshop_id: str, session_id: str | None = None) -> dict[tuple[str, str], list]:
    """(session id, person id) → that attendance's check-ins, earliest first (live attendance only)."""
    out: dict[tuple[str, str], list[CheckinEntry]] = {}
    for sid, pid, scans, kinds, keyed in store.db.execute(
        "SELECT session_id, person_id, scans, kinds, keyed_by FROM attendance"
        " WHERE workshop_id=? AND deleted=0 AND checked_in_at IS NOT NULL AND (? IS NULL OR session_id=?)",
        (workshop_id, session_id, session_id),
    ):
        out[(sid, pid)] = entries_of(sid, pid, scans, kinds, keyed)
    return out
