"""Is this laptop's own clock plausible? Checked when a data folder opens, before anything is written.

Every write is stamped with the wall clock (through the HLC), and check-in times are the wall clock: a laptop whose
clock is wrong stamps wrong times, and one that runs years ahead pushes every later stamp of this folder ahead too.
The clock is implausible when it says a time

- **before** the newest write this laptop made itself, or before the office made the newest kit it imported (a
  flat CMOS battery, a date typed wrong) — more than :data:`BEHIND_TOLERANCE_MS` earlier; or before this version of
  the program existed;
- **years ahead**: more than :data:`AHEAD_LIMIT_DAYS` after the newest of those (a laptop unused for a year with a
  right clock is asked to confirm, which costs one click), and never more than :data:`FRESH_AHEAD_YEARS` after this
  version was made.

The window asks "continue or quit" before the main window opens; the command line prints the warning (Thai, then
English) on stderr before the command runs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from dataclasses import dataclass

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync.clock import WALL_DIGITS
from lampang_planner.core.thai.dates import format_datetime_th

RELEASED = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)  # this version was made after this day: no right clock is earlier
BEHIND_TOLERANCE_MS = 10 * 60 * 1000
AHEAD_LIMIT_DAYS = 366
FRESH_AHEAD_YEARS = 4
_OWN_STAMPS_LOOKED_AT = 500
_BKK = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class ClockProblem:
    """What is wrong with this laptop's clock: its time, the time it cannot be before (or far after), and which."""

    now_ms: int
    reference_ms: int
    reference: str  # "own-write" | "kit" | "release" | "fresh"
    ahead: bool

    @property
    def days(self) -> float:
        return abs(self.now_ms - self.reference_ms) / 86_400_000

    def error(self) -> UserError:
        now, ref = _show_th(self.now_ms), _show_th(self.reference_ms)
        now_en, ref_en = _show_en(self.now_ms), _show_en(self.reference_ms)
        what_th = {"own-write": "ข้อมูลที่เครื่องนี้บันทึกล่าสุด", "kit": "ชุดข้อมูลตั้งต้นล่าสุดจากสำนักงาน",
                   "release": "วันที่โปรแกรมรุ่นนี้ออก", "fresh": "วันที่โปรแกรมรุ่นนี้ออก"}[self.reference]
        what_en = {"own-write": "the newest data this laptop wrote", "kit": "the office's newest kit it imported",
                   "release": "this version of the program was made", "fresh": "this version of the program was made"
                   }[self.reference]  # fmt: skip
        if self.ahead:
            th = (f"นาฬิกาของเครื่องนี้ ({now}) เร็วเกินจริง: ช้ากว่า{what_th} ({ref}) ถึง {self.days:.0f} วัน "
                  "กรุณาตั้งวันเวลาของเครื่องให้ถูกต้องก่อนบันทึกข้อมูล")
            en = (f"This laptop's clock ({now_en}) looks wrong: it is {self.days:.0f} days after {what_en} ({ref_en}). "
                  "Set the date and time right before writing anything.")
        else:
            th = (f"นาฬิกาของเครื่องนี้ ({now}) ย้อนหลัง: ก่อน{what_th} ({ref}) "
                  "กรุณาตั้งวันเวลาของเครื่องให้ถูกต้องก่อนบันทึกข้อมูล")
            en = (f"This laptop's clock ({now_en}) is behind: it is before {what_en} ({ref_en}). "
                  "Set the date and time right before writing anything.")
        return UserError(th, en, code="wrong-clock")


def _show_th(ms: int) -> str:
    return format_datetime_th(dt.datetime.fromtimestamp(ms / 1000, _BKK))


def _show_en(ms: int) -> str:
    return f"{dt.datetime.fromtimestamp(ms / 1000, _BKK):%d %b %Y %H:%M}"


def _ms(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=_BKK)
    return int(t.timestamp() * 1000)


def references(db: sqlite3.Connection, device_id: str) -> dict[str, int]:
    """The times a right clock cannot be before: this laptop's newest own write, the newest kit it imported."""
    found: dict[str, int] = {}
    rows = db.execute("SELECT hlc FROM change ORDER BY hlc DESC LIMIT ?", (_OWN_STAMPS_LOOKED_AT,)).fetchall()
    own = next((h for (h,) in rows if h.endswith(f".{device_id}")), None)
    if own:
        found["own-write"] = int(own[:WALL_DIGITS])
    try:
        kit = db.execute("SELECT MAX(created_at) FROM bundle_log WHERE direction='in' AND kind='kit'").fetchone()[0]
    except sqlite3.OperationalError:
        kit = None
    if (kit_ms := _ms(kit)) is not None:
        found["kit"] = kit_ms
    return found


def check(db: sqlite3.Connection, device_id: str, now_ms: int | None = None) -> ClockProblem | None:
    """The problem with this laptop's clock, or None when it is plausible."""
    now = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    released = int(RELEASED.timestamp() * 1000)
    if now < released:
        return ClockProblem(now, released, "release", ahead=False)
    refs = references(db, device_id)
    for name, ms in sorted(refs.items(), key=lambda kv: -kv[1]):
        if now < ms - BEHIND_TOLERANCE_MS:
            return ClockProblem(now, ms, name, ahead=False)
    if refs:
        name, newest = max(refs.items(), key=lambda kv: kv[1])
        if now > newest + AHEAD_LIMIT_DAYS * 86_400_000:
            return ClockProblem(now, newest, name, ahead=True)
    fresh_limit = released + int(FRESH_AHEAD_YEARS * 365.25 * 86_400_000)
    if now > fresh_limit:
        return ClockProblem(now, released, "fresh", ahead=True)
    return None
