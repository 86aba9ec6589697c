"""Sessions of a workshop (morning, afternoon, a second day): add, edit, remove, and which one the door is at now.

Every workshop has a first session, id :func:`~lampang_planner.core.schema.first_session_id`. Until someone edits it,
it has no row: it is *implied* (named "ช่วงที่ 1", the workshop's dates, no times), so folders from before sessions,
workshops made by an older version and new workshops all have exactly one session, and nothing is written to say so.
Editing it writes its row under that derived id, so two laptops that both edit it converge on one row.

The current session by the clock (:func:`current_session`): among the sessions of today (a session without a day
runs on every day of the workshop), the last one whose start, less :data:`LEAD` (people come early), has passed;
before the first of the day starts, the first of the day; on a day without sessions, the first session. The door
screen shows it and can be switched.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError, parse_given
from lampang_planner.core.read.lookups import unknown_workshop
from lampang_planner.core.rows_json import fields_json, json_value
from lampang_planner.core.schema import SCHEMA, first_session_id
from lampang_planner.core.thai.dates import BANGKOK, as_date, format_date_th, now_lampang

LEAD = dt.timedelta(minutes=30)
_TIME = r"^([01]?\d|2[0-3])[:.]([0-5]\d)$"  # a session's time as typed (compiled on first use)
_COLS = ("id", *SCHEMA["session"].content)
SESSION_FIELDS = SCHEMA["session"].editable  # what add_session / update_session take


@dataclass(frozen=True, slots=True)
class Session:
    """One session (part of a day) of a workshop, as the desk and the sign-in sheet name it."""

    id: str
    workshop_id: str
    number: int
    name: str  # "" → label "ช่วงที่ n"
    day: dt.date | None  # None: every day of the workshop
    starts: str  # "HH:MM" or ""
    ends: str
    implied: bool = False  # the first session, never edited: no row yet

    def label(self, lang: str = "th") -> str:
        if self.name:
            return self.name
        return f"Session {self.number}" if lang == "en" else f"ช่วงที่ {self.number}"

    def hours(self) -> str:
        """ "09:00–12:00 น.", "09:00 น." or ""."""
        if self.starts and self.ends:
            return f"{self.starts}–{self.ends} น."
        return f"{self.starts} น." if self.starts else ""

    def describe(self, lang: str = "th") -> str:
        """ "ภาคเช้า · 8 ธ.ค. 2569 · 09:00–12:00 น." (the parts that are known)."""
        parts = [self.label(lang)]
        if self.day:
            parts.append(self.day.isoformat() if lang == "en" else format_date_th(self.day, "short"))
        if self.hours():
            parts.append(self.hours() if lang == "th" else self.hours().replace(" น.", ""))
        return " · ".join(parts)

    def as_json(self) -> dict:
        return {
            **fields_json(self, "id workshop_id number name"),
            "label": self.label("th"),
            "day": json_value(self.day),
            "starts": self.starts or None,
            "ends": self.ends or None,
        }


def _workshop_dates(db: sqlite3.Connection, workshop_id: str) -> tuple[dt.date | None, dt.date | None]:
    r = db.execute("SELECT deleted, start_date, end_date FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    if r is None or r[0]:
        raise unknown_workshop(workshop_id)
    return as_date(r[1]), as_date(r[2])


def _from_row(r: tuple) -> Session:
    sid, wid, number, name, day, starts, ends = r
    return Session(sid, wid, number or 1, name or "", as_date(day), starts or "", ends or "")


def sessions_of(db: sqlite3.Connection, workshop_id: str) -> list[Session]:
    """The live sessions of a workshop in order (day, start, number); the implied first one where it has no row."""
    _workshop_dates(db, workshop_id)
    first = first_session_id(workshop_id)
    rows = db.execute(
        f"SELECT {','.join(_COLS)}, deleted FROM session WHERE workshop_id=?", (workshop_id,)
    ).fetchall()
    out = [_from_row(r[:7]) for r in rows if not r[7]]
    if not any(r[0] == first for r in rows):
        out.append(Session(first, workshop_id, 1, "", None, "", "", implied=True))
    out.sort(key=lambda s: (s.day or dt.date.min, s.starts or "", s.number, s.id))
    return out


def list_sessions(store: Store, workshop_id: str) -> list[Session]:
    return sessions_of(store.db, workshop_id)


def session_by_id(db: sqlite3.Connection, workshop_id: str, session_id: str) -> Session:
    """A live session of this workshop, or UserError (unknown, removed, or another workshop's)."""
    for s in sessions_of(db, workshop_id):
        if s.id == session_id:
            return s
    raise UserError("ไม่พบช่วงการประชุมนี้", f"No session {session_id} in this workshop", code="unknown-session")


def _start_of(s: Session, day: dt.date) -> dt.datetime:
    hh, mm = (int(x) for x in (s.starts or "00:00").split(":"))
    return dt.datetime.combine(day, dt.time(hh, mm), BANGKOK)


def current_session_of(db: sqlite3.Connection, workshop_id: str, now: dt.datetime | None = None) -> Session:
    """The session the door is at, by the clock (see the module's doc)."""
    sessions = sessions_of(db, workshop_id)
    start, end = _workshop_dates(db, workshop_id)
    now = now or now_lampang()
    now = now.replace(tzinfo=BANGKOK) if now.tzinfo is None else now.astimezone(BANGKOK)
    today = now.date()
    in_workshop = (start is None or start <= today) and (end is None or today <= (end or start))
    todays = [s for s in sessions if s.day == today or (s.day is None and in_workshop)]
    if not todays:
        return sessions[0]
    todays.sort(key=lambda s: (s.starts or "", s.number, s.id))
    begun = [s for s in todays if _start_of(s, today) - LEAD <= now]
    return begun[-1] if begun else todays[0]


def current_session(store: Store, workshop_id: str, now: dt.datetime | None = None) -> Session:
    return current_session_of(store.db, workshop_id, now)


def resolve_session(db: sqlite3.Connection, workshop_id: str, session_id: str | None, now=None) -> str:
    """The id to record a check-in under: the one given (checked), else the current session by the clock."""
    if session_id:
        return session_by_id(db, workshop_id, session_id).id
    return current_session_of(db, workshop_id, now).id


# --- changing sessions ---------------------------------------------------------------------------------------------


def _clock(v: object) -> str | None:
    text = str(v or "").strip()
    if not text:
        return None
    m = re.match(_TIME, text)
    if not m:
        raise ValueError(text)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def clean_session(db: sqlite3.Connection, workshop_id: str, fields: dict, current: Session | None = None) -> dict:
    """Validated session fields. Raises ValidationError (Thai, English) per field; nothing is written then."""
    out: dict = {}
    problems: dict[str, tuple[str, str]] = {}
    start, end = _workshop_dates(db, workshop_id)
    if "name" in fields:
        name = " ".join(str(fields.get("name") or "").split())
        if len(name) > 80:
            problems["name"] = ("ชื่อช่วงยาวเกินไป (ไม่เกิน 80 ตัวอักษร)", "Session name too long (80 characters at most)")
        out["name"] = name or None
    if "day" in fields:
        try:
            day = as_date(fields.get("day")) if fields.get("day") not in (None, "") else None
        except ValueError:
            day = None
            problems["day"] = ("วันที่ไม่ถูกต้อง", f"Not a date: {fields.get('day')!r}")
        if day and start and not (start <= day <= (end or start)):
            problems["day"] = ("วันของช่วงต้องอยู่ในวันประชุม", "The session's day is outside the workshop's dates")
        out["day"] = day
    parse_given(fields, ("starts", "ends"), _clock, out, problems,
                ("เวลาไม่ถูกต้อง (เช่น 09:00)", "Not a time of day (e.g. 09:00): {!r}"))
    starts = out.get("starts", current.starts if current else None) if "starts" not in problems else None
    ends = out.get("ends", current.ends if current else None) if "ends" not in problems else None
    if starts and ends and ends <= starts:
        problems["ends"] = ("เวลาสิ้นสุดต้องหลังเวลาเริ่ม", "The session ends before it starts")
    if problems:
        raise ValidationError(problems)
    return out


def add_session(store: Store, workshop_id: str, fields: dict) -> str:
    """Add a session after the others. Returns its id."""
    clean = clean_session(store.db, workshop_id, fields)
    with store.transaction() as tx:
        number = max(s.number for s in sessions_of(tx.db, workshop_id)) + 1
        return tx.insert("session", {**clean, "workshop_id": workshop_id, "number": number})


def update_session(store: Store, workshop_id: str, session_id: str, fields: dict) -> bool:
    """Edit a session; the implied first session gets its row (under its derived id) on its first edit."""
    current = session_by_id(store.db, workshop_id, session_id)
    clean = clean_session(store.db, workshop_id, fields, current)
    with store.transaction() as tx:
        if current.implied and tx.read("session", session_id) is None:
            tx.insert("session", {**clean, "workshop_id": workshop_id, "number": 1}, session_id)
            return True
        return tx.update("session", session_id, clean)


def delete_session(store: Store, workshop_id: str, session_id: str) -> bool:
    """Remove a session nobody checked in at. The last session of a workshop stays."""
    session_by_id(store.db, workshop_id, session_id)
    if len(sessions_of(store.db, workshop_id)) == 1:
        raise UserError("ต้องมีอย่างน้อยหนึ่งช่วง", "A workshop keeps at least one session", code="last-session")
    used = store.scalar("SELECT COUNT(*) FROM attendance WHERE session_id=? AND deleted=0", (session_id,))
    if used:
        raise UserError(
            f"ลบไม่ได้: มีผู้ลงทะเบียนในช่วงนี้แล้ว {used} คน",
            f"Not removed: {used} people checked in at this session",
            code="session-in-use",
        )
    with store.transaction() as tx:
        if tx.read("session", session_id) is None:  # the implied first session: write its row as removed
            tx.insert("session", {"workshop_id": workshop_id, "number": 1, "deleted": True}, session_id)
            return True
        return tx.delete("session", session_id)
