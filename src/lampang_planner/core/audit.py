"""The audit log: who changed what and when, read from the change log (``change`` table).

Every write carries its HLC stamp (wall time in milliseconds first), the device that made it and the author
(``Store.author``: "device name/desk", with the signed-in name as "device name/desk (name)"). The log is a union over
every machine, so the audit log of the office shows the laptops' changes too, as recorded there.

An entry names the table, the row, the action (add, edit, delete, restore, and the privacy actions purge and erase)
and which fields changed — not their values: the audit log itself must not become a second copy of people's data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lampang_planner.core.atomic import atomic_path
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.forget import is_erasure, is_purge
from lampang_planner.core.sync.clock import wall_ms_of
from lampang_planner.core.thai.dates import BANGKOK

TABLE_LABELS: dict[str, tuple[str, str]] = {
    "person": ("ผู้เข้าร่วม", "Person"),
    "workshop": ("การประชุม", "Workshop"),
    "invitation": ("การเชิญ", "Invitation"),
    "attendance": ("การลงทะเบียน", "Attendance"),
    "need_category": ("หมวดความต้องการ", "Need category"),
    "need": ("ความต้องการของชุมชน", "Community need"),
    "need_status_change": ("สถานะความต้องการ", "Need status"),
    "resolution": ("ร่างมติ", "Resolution"),
    "clause": ("ข้อมติ", "Clause"),
    "clause_version": ("ฉบับของข้อมติ", "Clause version"),
    "amendment": ("คำแปรญัตติ", "Amendment"),
    "vote": ("การลงมติ", "Vote"),
    "ballot": ("บัตรลงคะแนน", "Ballot"),
    "proposal": ("โครงการในแผนพัฒนา", "Plan project"),
    "dev_plan": ("แผนพัฒนา (ช่วงแผนและฉบับ)", "Development plan (period, edition)"),
}
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "add": ("เพิ่ม", "Add"),
    "edit": ("แก้ไข", "Edit"),
    "delete": ("ลบ", "Delete"),
    "restore": ("กู้คืน", "Restore"),
    "purge": ("ลบข้อมูลครบกำหนดเก็บ", "Purge (retention)"),
    "erase": ("ลบตามคำขอ", "Erase (request)"),
}
_AUTHOR = re.compile(r"^(?P<device>[^/]*)/(?P<desk>.*?)(?: \((?P<operator>.+)\))?$", re.S)


def label(labels: dict[str, tuple[str, str]], key: str, lang: str = "th") -> str:
    pair = labels.get(key)
    return (pair[1] if lang == "en" else pair[0]) if pair else key


def parse_author(author: str) -> tuple[str, str, str]:
    """"เครื่อง 3/1 (สมศรี)" → ("เครื่อง 3", "1", "สมศรี"); an author without a desk ("demo") is a device name."""
    m = _AUTHOR.match(author or "")
    if not m:
        return author or "", "", ""
    return m["device"], m["desk"], m["operator"] or ""


def stamp_time(hlc: str) -> dt.datetime:
    """The wall time of an HLC stamp, in Bangkok time."""
    return dt.datetime.fromtimestamp(wall_ms_of(hlc) / 1000, BANGKOK)


def _stamp_bound(day: dt.date) -> str:
    """The smallest stamp on or after Bangkok midnight of ``day`` (stamps compare as strings)."""
    ms = int(dt.datetime.combine(day, dt.time(0), BANGKOK).timestamp() * 1000)
    return f"{ms:014d}"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    hlc: str
    when: dt.datetime  # Bangkok time
    table: str
    row_id: str
    action: str  # a key of ACTION_LABELS
    fields: tuple[str, ...]
    device_id: str
    device_name: str
    desk: str
    operator: str
    author: str

    def as_json(self) -> dict:
        return {
            "time": self.when.isoformat(timespec="seconds"),
            "table": self.table,
            "row_id": self.row_id,
            "action": self.action,
            "fields": list(self.fields),
            "device_id": self.device_id,
            "device_name": self.device_name,
            "desk": self.desk,
            "operator": self.operator,
            "author": self.author,
            "hlc": self.hlc,
        }


def _action(tbl: str, data: dict, first: bool) -> str:
    if tbl == "person":
        if is_erasure(data):
            return "erase"
        if is_purge(data):
            return "purge"
    if data.get("deleted") is True:
        return "delete"
    if first:
        return "add"
    if data.get("deleted") is False:
        return "restore"
    return "edit"


def audit_entries(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    table: str | None = None,
    author: str | None = None,
    limit: int | None = None,
    check: Callable[[], None] | None = None,
) -> list[AuditEntry]:
    """Changes in stamp order (oldest first): from Bangkok midnight of ``since`` to the end of ``until``
    (inclusive), of one ``table``, by one ``author`` (exactly as recorded); the newest ``limit`` when given."""
    where, params = [], []
    if since:
        where.append("c.hlc >= ?")
        params.append(_stamp_bound(since))
    if until:
        where.append("c.hlc < ?")
        params.append(_stamp_bound(until + dt.timedelta(days=1)))
    if table:
        where.append("c.tbl = ?")
        params.append(table)
    if author is not None:
        where.append("c.author = ?")
        params.append(author)
    sql = (
        "SELECT c.hlc, c.tbl, c.row_id, c.device, c.author, c.data, "
        "(SELECT MIN(f.hlc) FROM change f WHERE f.tbl = c.tbl AND f.row_id = c.row_id) FROM change c"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.hlc DESC" if limit else " ORDER BY c.hlc"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out: list[AuditEntry] = []
    who_cache: dict[str, tuple[str, str, str]] = {}
    loads = json.loads
    for i, (hlc, tbl, row_id, device, who, raw, first) in enumerate(store.db.execute(sql, params)):
        if check is not None and i % 5000 == 0:
            check()
        data = loads(raw)
        parsed = who_cache.get(who)
        if parsed is None:
            parsed = who_cache[who] = parse_author(who)
        fields = tuple(k for k in data if k != "deleted")  # stored with sorted keys
        out.append(AuditEntry(hlc, stamp_time(hlc), tbl, row_id, _action(tbl, data, hlc == first), fields, device,
                              *parsed, who))
    if limit:
        out.reverse()
    return out


def authors(store: Store) -> list[str]:
    """Every author in the change log, sorted."""
    return [r[0] for r in store.db.execute("SELECT DISTINCT author FROM change ORDER BY author")]


# --- export ------------------------------------------------------------------------------------------------------

COLUMNS = ("time", "table", "action", "row_id", "fields", "device_name", "desk", "operator", "device_id", "hlc")
HEADERS: dict[str, tuple[str, str]] = {
    "time": ("วันเวลา", "Time"),
    "table": ("ข้อมูล", "Data"),
    "action": ("การกระทำ", "Action"),
    "row_id": ("รหัสรายการ", "Record id"),
    "fields": ("ช่องที่เปลี่ยน", "Fields changed"),
    "device_name": ("เครื่อง", "Device"),
    "desk": ("โต๊ะ", "Desk"),
    "operator": ("ผู้ใช้งาน", "Signed-in name"),
    "device_id": ("รหัสเครื่อง", "Device id"),
    "hlc": ("ตราเวลา (HLC)", "Stamp (HLC)"),
}


def _cells(e: AuditEntry, lang: str) -> list:
    return [e.when, label(TABLE_LABELS, e.table, lang), label(ACTION_LABELS, e.action, lang), e.row_id,
            ", ".join(e.fields), e.device_name, e.desk, e.operator, e.device_id, e.hlc]


def export_audit(entries: Sequence[AuditEntry], out: str | os.PathLike[str], lang: str = "th") -> Path:
    """Write the entries to ``out``: ``.csv`` (UTF-8 with BOM, ISO times with offset: Excel opens the Thai right) or
    ``.xlsx`` (real date-time cells shown in the Buddhist era). Written to a temporary file and renamed: a failed
    export leaves no half file."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise UserError("ส่งออกบันทึกการแก้ไขได้เฉพาะไฟล์ .csv หรือ .xlsx", "The audit log exports to .csv or .xlsx only",
                        code="bad-extension")
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ {out.parent}", f"No such folder: {out.parent}", code="no-folder")
    headers = [label(HEADERS, c, lang) for c in COLUMNS]
    with atomic_path(out) as tmp:
        if kind == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                w.writerow(headers)
                for e in entries:
                    cells = _cells(e, lang)
                    cells[0] = e.when.isoformat(timespec="seconds")
                    w.writerow(cells)
        else:
            _write_xlsx(tmp, headers, entries, lang)
    return out


def _write_xlsx(path: Path, headers: list[str], entries: Iterable[AuditEntry], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from lampang_planner.core.thai.dates import EXCEL_BE_DATETIME_FORMAT

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("บันทึกการแก้ไข" if lang != "en" else "Audit log")
    widths = (22, 18, 14, 38, 40, 22, 8, 18, 18, 36)
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    head = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = Font(bold=True)
        head.append(c)
    ws.append(head)
    fmt = EXCEL_BE_DATETIME_FORMAT + ":ss"
    for e in entries:
        cells = _cells(e, lang)
        when = WriteOnlyCell(ws, value=e.when.replace(tzinfo=None))  # Excel has no time zones: Bangkok wall time
        when.number_format = fmt
        ws.append([when, *cells[1:]])
    wb.save(path)
