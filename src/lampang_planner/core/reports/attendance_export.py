"""Attendance export: one Excel sheet per session, one row per check-in (every desk's time and how it was made),
with the columns the office chooses, in the order it chooses.

A person scanned at two desks has two rows (the first one marked); a paper entry has no desk and says who keyed it
in. Times are real date-time cells with the Buddhist-era format the office workbook uses. Citizen IDs and phone
numbers are not offered: this sheet travels further than the payment list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.session_attendance import checkin_entries
from lampang_planner.core.ops.sessions import Session, list_sessions, session_by_id
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.badges import require_workshop
from lampang_planner.core.reports.export_io import atomic_output
from lampang_planner.core.reports.safe_write import check_output_path
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.dates import EXCEL_BE_DATETIME_FORMAT
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType

VIA_TH = {"scan": "สแกนบัตร", "search": "ค้นหาชื่อ", "walk-in": "ลงทะเบียนหน้างาน", "paper": "จากใบลงทะเบียน",
          "idcard": "บัตรประชาชน", "": "ไม่ระบุ"}  # fmt: skip
# key → (Thai header, English); the order here is the default order.
COLUMNS: dict[str, tuple[str, str]] = {
    "number": ("ที่", "No."),
    "session": ("ช่วง", "Session"),
    "name": ("ชื่อ – สกุล", "Name"),
    "position": ("ตำแหน่ง", "Position"),
    "organisation": ("หน่วยงาน", "Organisation"),
    "type": ("ประเภทผู้เข้าร่วม", "Participant type"),
    "tambon": ("ตำบล", "Tambon"),
    "district": ("อำเภอ", "District"),
    "code": ("รหัสบัตร", "Badge code"),
    "time": ("เวลาลงทะเบียน", "Check-in time"),
    "desk": ("โต๊ะ", "Desk"),
    "kind": ("วิธีลงทะเบียน", "How"),
    "first": ("ครั้งแรกในช่วง", "First in session"),
    "keyed_by": ("ผู้บันทึกจากใบลงทะเบียน", "Keyed in by"),
    "keyed_at": ("เวลาที่บันทึก", "Keyed in at"),
}
DEFAULT_COLUMNS = ("number", "name", "organisation", "type", "tambon", "time", "desk", "kind", "first", "keyed_by")
_WIDTHS = {"number": 6, "session": 16, "name": 28, "position": 22, "organisation": 30, "type": 20, "tambon": 14,
           "district": 14, "code": 12, "time": 22, "desk": 8, "kind": 16, "first": 12, "keyed_by": 24,
           "keyed_at": 22}  # fmt: skip
_FONT = Font(name="Sarabun", size=11, charset=222)
_BOLD = Font(name="Sarabun", size=11, charset=222, bold=True)


def check_columns(columns: list[str] | None) -> list[str]:
    if not columns:
        return list(DEFAULT_COLUMNS)
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise UserError(f"ไม่รู้จักคอลัมน์: {', '.join(unknown)}",
                        f"Unknown column(s): {', '.join(unknown)}; choose from {', '.join(COLUMNS)}",
                        code="bad-option")  # fmt: skip
    return list(dict.fromkeys(columns))


def _time(iso: str) -> dt.datetime | None:
    if not iso:
        return None
    return dt.datetime.fromisoformat(iso).astimezone(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)


def _people(store: Store, ids: set[str]) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    cols = "id, code, prefix, first_name, last_name, position, organisation, participant_type, district_code, subdistrict_code"
    ordered = sorted(ids)
    for i in range(0, len(ordered), 900):
        part = ordered[i : i + 900]
        for r in store.db.execute(f"SELECT {cols} FROM person WHERE id IN ({','.join('?' * len(part))})", part):
            out[r[0]] = r
    return out


def _value_getters(session: Session) -> dict[str, Callable]:
    dv = divisions()
    types = {p.value: p.th for p in ParticipantType}

    def tambon(p):
        sub = dv.subdistricts.get(p[9] or "")
        return sub.name_th if sub else ""

    def district(p):
        d = dv.districts.get(p[8] or "") or (dv.districts.get(dv.subdistricts[p[9]].parent) if p[9] in dv.subdistricts else None)
        return d.name_th if d else ""

    return {
        "session": lambda p, e, first: session.label("th"),
        "name": lambda p, e, first: full_name(p[2] or "", p[3] or "", p[4] or ""),
        "position": lambda p, e, first: p[5] or "",
        "organisation": lambda p, e, first: p[6] or "",
        "type": lambda p, e, first: types.get(p[7] or "", p[7] or ""),
        "tambon": lambda p, e, first: tambon(p),
        "district": lambda p, e, first: district(p),
        "code": lambda p, e, first: p[1] or "",
        "time": lambda p, e, first: _time(e.at),
        "desk": lambda p, e, first: e.desk,
        "kind": lambda p, e, first: VIA_TH.get(e.via, e.via),
        "first": lambda p, e, first: "ใช่" if first else "",
        "keyed_by": lambda p, e, first: e.keyed_by,
        "keyed_at": lambda p, e, first: _time(e.keyed_at),
    }


def _sheet_title(session: Session, used: set[str]) -> str:
    base = "".join(ch for ch in session.label("th") if ch not in "[]:*?/\\")[:28] or "ช่วง"
    title, k = base, 2
    while title in used:
        title, k = f"{base[:26]}-{k}", k + 1
    used.add(title)
    return title


def _write_session(wb: Workbook, store: Store, workshop_id: str, session: Session, columns: list[str], used) -> int:
    ws = wb.create_sheet(_sheet_title(session, used))
    entries = checkin_entries(store, workshop_id, session.id)
    people = _people(store, {pid for _, pid in entries})
    getters = _value_getters(session)
    for j, key in enumerate(columns, start=1):
        c = ws.cell(row=1, column=j, value=COLUMNS[key][0])
        c.font, c.fill = _BOLD, PatternFill("solid", fgColor="DCE6F1")
        c.alignment = Alignment(horizontal="center")
        ws.column_dimensions[c.column_letter].width = _WIDTHS[key]
    persons = sorted((pid for _, pid in entries if pid in people),
                     key=lambda pid: (thai_sort_key(people[pid][3] or ""), thai_sort_key(people[pid][4] or ""), pid))  # fmt: skip
    row, n = 2, 0
    for number, pid in enumerate(persons, start=1):
        for k, e in enumerate(entries[(session.id, pid)]):
            values = {"number": number, **{key: getters[key](people[pid], e, k == 0) for key in getters}}
            for j, key in enumerate(columns, start=1):
                c = ws.cell(row=row, column=j, value=values[key])
                c.font = _FONT
                if key in ("time", "keyed_at"):
                    c.number_format = EXCEL_BE_DATETIME_FORMAT
            row += 1
            n += 1
    ws.freeze_panes = "A2"
    if row > 2:
        ws.auto_filter.ref = f"A1:{ws.cell(row=row - 1, column=len(columns)).coordinate}"
    return n


def write_attendance(
    store: Store,
    workshop_id: str,
    out: Path | str,
    *,
    sessions: list[str] | None = None,
    columns: list[str] | None = None,
) -> tuple[Path, int]:
    """Write the export; returns (path, number of check-in rows). Refuses unknown sessions and columns first."""
    require_workshop(store, workshop_id)
    target = check_output_path(out, ".xlsx")
    cols = check_columns(columns)
    chosen = [session_by_id(store.db, workshop_id, s) for s in sessions] if sessions else list_sessions(store, workshop_id)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    total = sum(_write_session(wb, store, workshop_id, s, cols, used) for s in chosen)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target, total
