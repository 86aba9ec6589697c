"""Look-ups the office workbook's sheets share: workshops, local times, and the Thai labels of codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.read.lookups import unknown_workshop
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.dates import BANGKOK, as_date


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    title: str
    start_date: dt.date | None
    district_code: str




def local_time(iso: str | None) -> dt.datetime | None:
    """An ISO time with offset as a naive Bangkok date-time (Excel has no time zones); None when empty or bad."""
    if not iso:
        return None
    if len(iso) == 25 and iso.endswith("+07:00"):  # the usual case, already Bangkok time: 2016-08-25T07:45:12+07:00
        try:
            return dt.datetime.fromisoformat(iso[:19])
        except ValueError:
            return None
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(BANGKOK).replace(tzinfo=None)
    return t.replace(microsecond=0)


def workshops(store: Store) -> dict[str, WorkshopInfo]:
    rows = store.db.execute(
        "SELECT id, title, start_date, district_code FROM workshop WHERE deleted=0 ORDER BY start_date, title, id"
    )
    return {r[0]: WorkshopInfo(r[0], r[1] or "", as_date(r[2]), r[3] or "") for r in rows}


def require_workshop(store: Store, workshop_id: str) -> WorkshopInfo:
    w = workshops(store).get(workshop_id)
    if w is None:
        raise unknown_workshop(workshop_id)
    return w


def district_name(code: str) -> str:
    d = divisions().districts.get(code or "")
    return d.name_th if d else ""


def tambon_name(code: str) -> str:
    s = divisions().subdistricts.get(code or "")
    return s.name_th if s else ""


def workshop_label(w: WorkshopInfo | None) -> str:
    return w.title if w else ""
