"""Time and desk of a check-in: Asia/Bangkok times (UTC+7, no daylight saving), ISO 8601 with the offset, to the
second; the desk name a data folder records."""

from __future__ import annotations

import datetime as dt
import time

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.thai.dates import BANGKOK, now_lampang

DEFAULT_DESK = "1"
_BANGKOK_OFFSET_S = 7 * 3600  # BANGKOK's offset (no daylight saving)


def now_bangkok() -> dt.datetime:
    return now_lampang().replace(microsecond=0)


def bangkok_iso(at: dt.datetime | str | None = None) -> str:
    """``at`` (default now) as Asia/Bangkok ISO 8601 with offset, to the second. Naive times are taken as Bangkok."""
    if at is None:  # now: the same text as now_bangkok().isoformat(), from the clock in one call (at every scan)
        return time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.gmtime(time.time() + _BANGKOK_OFFSET_S))
    if isinstance(at, str):
        value = dt.datetime.fromisoformat(at)
    else:
        value = at
    value = value.replace(tzinfo=BANGKOK) if value.tzinfo is None else value.astimezone(BANGKOK)
    return value.replace(microsecond=0).isoformat()


def clock_time(iso: str | None) -> str:
    """ "08:42" (Bangkok time) from an ISO time; "" for None."""
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone(BANGKOK).strftime("%H:%M")


def desk_of(store: Store, desk: str | None = None) -> str:
    """The desk name to record: the one given, else this data folder's (``store.desk``), else "1"."""
    name = (desk if desk is not None else store.desk or "").strip()
    return name or DEFAULT_DESK


def set_desk(store: Store, name: str) -> str:
    """Name this data folder's check-in desk (a device setting: not synced, not in the digest)."""
    clean = " ".join(str(name).split())
    if not clean:
        raise UserError("ต้องระบุชื่อโต๊ะลงทะเบียน", "A desk name is required", code="invalid")
    if len(clean) > 40:
        raise UserError("ชื่อโต๊ะยาวเกินไป (ไม่เกิน 40 ตัวอักษร)", "Desk name too long (40 characters at most)")
    store.set_device(desk=clean)
    return clean
