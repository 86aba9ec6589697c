"""The plan workbook comes back: the office edited status, budgets, KPI, division… in Excel; the program takes it in.

    preview = preview_plan_import(store, "plan.xlsx")   # every change, every conflict, nothing written
    applied = apply_plan_import(store, preview)         # a backup, then one transaction through the write path

Each project row carries its id and the stamp of its last write at export (two hidden columns). A row whose values
differ from the program's is a change; if the program's row was written since the export (its stamp moved on — an
edit here, or a bundle merged in), the row is a **conflict**: refused and listed with both values, so nobody's edit is
overwritten unseen. Rows whose values equal the program's are unchanged (so importing the same file twice does
nothing the second time). Only the proposals' editable fields are read; nothing else in the folder is touched.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.plan.proposals import (
    ProposalRow,
    get_proposal,
    parse_number,
    parse_status,
    update_proposal_in,
)
from lampang_planner.core.plan.workbook import FIRST_BODY_ROW, HEADER_ROW, OFFICE_COLUMNS, SHEET_NAMES
from lampang_planner.core.text import clean_text

# header text on ผ.02 → (field, Thai label, multi-line text)
EDITABLE = {
    "โครงการ": ("title", "โครงการ", False),
    "วัตถุประสงค์": ("objective", "วัตถุประสงค์", True),
    "ตัวชี้วัด\n(KPI)": ("kpi", "ตัวชี้วัด (KPI)", True),
    "ผลลัพธ์ที่คาดว่า\nจะได้รับ": ("expected_result", "ผลลัพธ์ที่คาดว่าจะได้รับ", True),
    "หน่วยงาน\nรับผิดชอบหลัก": ("division", "หน่วยงานรับผิดชอบหลัก", False),
    "สถานะ": ("status", "สถานะ", False),
}
ID_HEADER, STAMP_HEADER = OFFICE_COLUMNS[-2][0], OFFICE_COLUMNS[-1][0]
_YEAR = re.compile(r"^(25\d\d)\s*\(บาท\)$")


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str  # Thai column name
    old: object
    new: object


@dataclass
class RowChange:
    proposal_id: str
    title: str
    where: str  # "แบบ ผ.02 แถว 12"
    stamp: str
    changes: list[FieldChange] = field(default_factory=list)

    def fields(self) -> dict:
        out: dict = {}
        for c in self.changes:
            if c.field.startswith("budget:"):
                out.setdefault("budgets", {})[c.field.split(":")[1]] = c.new
            else:
                out[c.field] = c.new
        return out


@dataclass
class RowProblem:
    where: str
    th: str
    en: str
    proposal_id: str = ""


@dataclass
class ImportPreview:
    path: Path
    changes: list[RowChange] = field(default_factory=list)
    conflicts: list[RowChange] = field(default_factory=list)  # changed here since the export: refused
    problems: list[RowProblem] = field(default_factory=list)  # unreadable values, unknown rows: refused
    unchanged: int = 0

    def as_json(self) -> dict:
        def row(r: RowChange) -> dict:
            return {"id": r.proposal_id, "title": r.title, "where": r.where,
                    "changes": [{"field": c.field, "label": c.label, "old": c.old, "new": c.new} for c in r.changes]}

        return {"file": str(self.path), "changes": [row(r) for r in self.changes],
                "conflicts": [row(r) for r in self.conflicts], "unchanged": self.unchanged,
                "problems": [{"where": p.where, "th": p.th, "en": p.en, "id": p.proposal_id} for p in self.problems]}


def _open(path: Path):
    if not path.is_file():
        raise UserError(f"ไม่พบไฟล์ {path}", f"No such file: {path}", code="no-file")
    try:
        return load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"เปิดไฟล์ Excel นี้ไม่ได้ (เสียหายหรือไม่ใช่ .xlsx): {path.name}",
                        f"Cannot read this Excel file (damaged or not .xlsx): {path.name} ({exc})",
                        code="bad-workbook") from exc


def _columns(ws) -> dict[str, int]:
    """Header text → column number, from the two header rows (budget years as "budget:2566")."""
    cols: dict[str, int] = {}
    for c in range(1, ws.max_column + 1):
        top = str(ws.cell(HEADER_ROW, c).value or "").strip()
        sub = str(ws.cell(HEADER_ROW + 1, c).value or "").strip()
        year = _YEAR.match(re.sub(r"\s+", " ", sub))
        if year:
            cols[f"budget:{year.group(1)}"] = c
        elif top:
            cols[top] = c
    return cols


def _text(v: object, multiline: bool) -> str:
    return clean_text(v, multiline=multiline) or ""


def _compare(current: ProposalRow, ws, r: int, cols: dict[str, int]) -> list[FieldChange]:
    """What the sheet's row says differently from the program's row. Raises ValueError(th, en) on a bad value."""
    out = []
    for header, (name, label, multiline) in EDITABLE.items():
        if header not in cols:
            continue
        raw = ws.cell(r, cols[header]).value
        if name == "status":
            if raw in (None, ""):
                continue
            try:
                new = parse_status(raw).value
            except ValueError:
                raise ValueError(f"ไม่รู้จักสถานะ “{raw}”", f"Unknown status {raw!r}") from None
        else:
            new = _text(raw, multiline)
            if name == "title" and not new:
                raise ValueError("ชื่อโครงการว่าง", "The project's name is empty")
        if new != getattr(current, name):
            out.append(FieldChange(name, label, getattr(current, name), new))
    for key, c in cols.items():
        if not key.startswith("budget:"):
            continue
        year = int(key.split(":")[1])
        raw = ws.cell(r, c).value
        try:
            new = parse_number(raw)
        except ValueError:
            raise ValueError(f"งบประมาณปี {year} ไม่ใช่จำนวนเงิน: “{raw}”", f"Budget {year} is not an amount: {raw!r}") from None
        if new != current.budget(year):
            out.append(FieldChange(key, f"งบประมาณ {year} (บาท)", current.budget(year), new))
    return out


def preview_plan_import(store: Store, path: str | os.PathLike[str]) -> ImportPreview:
    """Read the edited workbook and compare it with the program's proposals. Writes nothing."""
    path = Path(path)
    wb = _open(path)
    sheets = [SHEET_NAMES[f] for f in ("ผ.02", "ผ.02/1") if SHEET_NAMES[f] in wb.sheetnames]
    if not sheets:
        raise UserError("ไฟล์นี้ไม่มีแผ่นงานแบบ ผ.02 ที่โปรแกรมส่งออก", "This workbook has no ผ.02 sheet exported by "
                        "Lampang Planner", code="not-a-plan-workbook")
    preview = ImportPreview(path)
    for name in sheets:
        ws = wb[name]
        cols = _columns(ws)
        if ID_HEADER not in cols or STAMP_HEADER not in cols:
            raise UserError(f"แผ่นงาน {name} ไม่มีคอลัมน์รหัสโครงการ (ส่งออกจากโปรแกรมใหม่แล้วแก้ในไฟล์นั้น)",
                            f"Sheet {name} lacks the hidden project-id columns (export again and edit that file)",
                            code="not-a-plan-workbook")
        for r in range(FIRST_BODY_ROW, ws.max_row + 1):
            pid = clean_text(ws.cell(r, cols[ID_HEADER]).value)
            if pid:
                _preview_row(store, preview, ws, r, cols, pid, f"{name} แถว {r}")
    return preview


def _preview_row(store: Store, preview: ImportPreview, ws, r: int, cols: dict[str, int], pid: str, where: str) -> None:
    current = get_proposal(store, pid)
    if current is None:
        preview.problems.append(RowProblem(where, "ไม่พบโครงการนี้ในโปรแกรม (ถูกลบแล้วหรือมาจากข้อมูลชุดอื่น)",
                                           "No such project here (deleted, or from another data folder)", pid))
        return
    try:
        changes = _compare(current, ws, r, cols)
    except ValueError as exc:
        th, en = exc.args
        preview.problems.append(RowProblem(where, th, en, pid))
        return
    if not changes:
        preview.unchanged += 1
        return
    row = RowChange(pid, current.title, where, str(ws.cell(r, cols[STAMP_HEADER]).value or ""), changes)
    (preview.changes if row.stamp == current.hlc else preview.conflicts).append(row)


def apply_plan_import(store: Store, preview: ImportPreview) -> int:
    """Write the previewed changes (not the conflicts or problems): a backup, then one transaction.

    Every row is checked again inside the transaction: if one was written since the preview, nothing is written and
    the user is asked to preview again. Returns the number of proposals changed.
    """
    if not preview.changes:
        return 0
    store.backup("before-plan-import")
    changed = 0
    with store.transaction() as tx:
        for row in preview.changes:
            now = tx.read("proposal", row.proposal_id)
            if now is None or now["deleted"] or now["hlc"] != row.stamp:
                raise UserError("ข้อมูลโครงการเปลี่ยนไประหว่างดูตัวอย่าง กรุณาดูตัวอย่างใหม่แล้วนำเข้าอีกครั้ง",
                                f"Project {row.proposal_id} changed since the preview; preview again",
                                code="changed-since-preview")
            fields = row.fields()
            if "budgets" in fields:
                merged = {str(k): v for k, v in ProposalRow.from_db(_as_tuple(now)).budgets.items()}
                merged.update(fields["budgets"])
                fields["budgets"] = {k: v for k, v in merged.items() if v is not None}
            changed += update_proposal_in(tx, row.proposal_id, fields)
    return changed


def _as_tuple(row: dict) -> tuple:
    from lampang_planner.core.plan.proposals import PROPOSAL_FIELDS

    return (row["id"], row["hlc"], *(row[k] for k in PROPOSAL_FIELDS))
