"""Workshops: validation, add/edit, and the list with invited and attended counts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import ValidationError, parse_given
from lampang_planner.core.refdata import divisions
from lampang_planner.core.rows_json import JsonRow
from lampang_planner.core.schema import SCHEMA
from lampang_planner.core.thai.dates import as_date

WORKSHOP_FIELDS = SCHEMA["workshop"].editable


@dataclass(frozen=True, slots=True)
class WorkshopRow(JsonRow):
    id: str
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    district_code: str
    subdistrict_code: str
    venue: str
    invited: int
    attended: int




def clean_workshop(fields: dict, *, partial: bool = False, current: dict | None = None) -> dict:
    out: dict = {}
    problems: dict[str, tuple[str, str]] = {}
    dv = divisions()
    for k in ("title", "venue", "topics", "facilitators"):
        if k in fields:
            v = fields.get(k)
            v = str(v).strip() if v is not None else ""
            out[k] = re.sub(r"[ \t]+", " ", v) or None
    if (not partial or "title" in fields) and not out.get("title"):
        problems["title"] = ("ต้องระบุชื่อการประชุม", "Title is required")
    parse_given(fields, ("start_date", "end_date"), as_date, out, problems, ("วันที่ไม่ถูกต้อง", "Not a date: {!r}"))
    if (not partial or "start_date" in fields) and not out.get("start_date") and "start_date" not in problems:
        problems["start_date"] = ("ต้องระบุวันเริ่ม", "Start date is required")
    start = out.get("start_date", (current or {}).get("start_date"))
    end = out.get("end_date", (current or {}).get("end_date"))
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    if isinstance(end, str):
        end = dt.date.fromisoformat(end)
    if "start_date" in out and not end and start:
        out["end_date"] = end = start
    if start and end and end < start:
        problems["end_date"] = ("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "The end date is before the start date")
    if "district_code" in fields or "subdistrict_code" in fields:
        dis = fields.get("district_code") or None
        sub = fields.get("subdistrict_code") or None
        if sub and sub not in dv.subdistricts:
            problems["subdistrict_code"] = ("ไม่พบตำบลนี้", f"Unknown tambon code {sub}")
        elif sub:
            dis = dis or dv.subdistricts[sub].parent
            if dv.subdistricts[sub].parent != dis:
                problems["subdistrict_code"] = ("ตำบลไม่อยู่ในอำเภอที่เลือก", "The tambon is not in that district")
        if dis and dis not in dv.districts:
            problems["district_code"] = ("ไม่พบอำเภอนี้", f"Unknown district code {dis}")
        out["district_code"], out["subdistrict_code"] = dis, sub
    if not partial and not out.get("district_code") and "district_code" not in problems:
        problems["district_code"] = ("ต้องระบุอำเภอ", "District is required")
    if "retention_days" in fields:
        v = fields.get("retention_days")
        try:
            out["retention_days"] = int(v) if v not in (None, "") else None
        except (TypeError, ValueError):
            problems["retention_days"] = ("ระยะเวลาเก็บข้อมูลต้องเป็นจำนวนวัน", "Retention must be a number of days")
    if "pays_allowances" in fields:
        v = fields.get("pays_allowances")
        out["pays_allowances"] = None if v is None else bool(v)
    if problems:
        raise ValidationError(problems)
    return out


def create_workshop(tx: Tx, fields: dict, workshop_id: str | None = None) -> str:
    return tx.insert("workshop", clean_workshop(fields), workshop_id)


def add_workshop(store: Store, fields: dict) -> str:
    with store.transaction() as tx:
        return create_workshop(tx, fields)


def update_workshop(store: Store, workshop_id: str, fields: dict) -> bool:
    current = get_workshop(store, workshop_id)
    if current is None:
        raise KeyError(workshop_id)
    clean = clean_workshop(fields, partial=True, current=current)
    with store.transaction() as tx:
        return tx.update("workshop", workshop_id, clean)


def get_workshop(store: Store, workshop_id: str) -> dict | None:
    cols = ("id", *WORKSHOP_FIELDS, "deleted")
    r = store.db.execute(f"SELECT {','.join(cols)} FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    return dict(zip(cols, r, strict=True)) if r else None


def workshop_choices(store: Store) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    """(id, title, start_date, end_date) of the live workshops, oldest first: for pickers, without the counts
    (which cost a pass over every invitation)."""
    sql = "SELECT id, title, start_date, end_date FROM workshop WHERE deleted = 0 ORDER BY start_date, title"
    return [(r[0], r[1] or "", as_date(r[2]), as_date(r[3])) for r in store.db.execute(sql)]


def list_workshops(store: Store) -> list[WorkshopRow]:
    sql = """
    SELECT w.id, w.title, w.start_date, w.end_date, w.district_code, w.subdistrict_code, w.venue,
           (SELECT COUNT(*) FROM invitation i JOIN person p ON p.id = i.person_id
             WHERE i.workshop_id = w.id AND i.deleted = 0 AND p.deleted = 0),
           (SELECT COUNT(DISTINCT a.person_id) FROM attendance a WHERE a.workshop_id = w.id AND a.deleted = 0)
    FROM workshop w WHERE w.deleted = 0 ORDER BY w.start_date, w.title
    """
    out = []
    for r in store.db.execute(sql):
        out.append(
            WorkshopRow(
                r[0],
                r[1] or "",
                as_date(r[2]),
                as_date(r[3]),
                r[4] or "",
                r[5] or "",
                r[6] or "",
                r[7],
                r[8],
            )
        )
    return out
