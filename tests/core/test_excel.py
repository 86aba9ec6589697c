"""The office workbook: real cell types and Thai Buddhist-era formats, frozen headers, filters, fitted widths, the
ผ.02 layout, streaming with progress and cancel, atomic writes, and LibreOffice opening it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from office_fonts import fontconfig_file
from openpyxl import load_workbook

from demo_support import first_workshop
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.ops.resolutions import list_resolutions, votes_side_by_side
from lampang_planner.core.reports.excel import BE_DATE_FORMAT, BE_DATETIME_FORMAT, FONT_NAME, export_workbook
from lampang_planner.core.reports.excel_sheets import (
    SHEET_ATTENDANCE,
    SHEET_DISTRICTS,
    SHEET_NEEDS,
    SHEET_RESOLUTIONS,
)
from lampang_planner.core.reports.export_io import ExportCancelled

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _visit_with_needs(store) -> str:
    return store.db.execute(
        "SELECT workshop_id FROM need WHERE deleted=0 AND route='pao_plan' GROUP BY workshop_id LIMIT 1"
    ).fetchone()[0]


def _header(ws, row: int = 1) -> list:
    return [c.value for c in ws[row]]


@pytest.fixture
def workbook(demo_store, tmp_path):
    out = tmp_path / "office.xlsx"
    seen: list[tuple[int, int]] = []
    result = export_workbook(demo_store, out, progress=lambda done, total: seen.append((done, total)),
                             today=dt.date(2016, 10, 1))
    return demo_store, out, result, seen


def test_sheets_rows_and_progress(workbook):
    store, out, result, seen = workbook
    wb = load_workbook(out)
    assert wb.sheetnames[:4] == [SHEET_ATTENDANCE, SHEET_DISTRICTS, SHEET_NEEDS, SHEET_RESOLUTIONS]
    attended = store.db.execute("SELECT COUNT(*) FROM attendance WHERE deleted=0 AND checked_in_at IS NOT NULL")
    assert result.sheets[0].rows == attended.fetchone()[0] == wb[SHEET_ATTENDANCE].max_row - 1
    assert result.sheets[2].rows == len(list_needs(store))
    # progress: counts up to the total and ends exactly on it
    totals = {t for _d, t in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1] == totals.pop() == result.rows
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert len(seen) > 2


def test_cells_are_real_dates_and_numbers_with_thai_formats(workbook):
    store, out, _result, _seen = workbook
    wb = load_workbook(out)
    ws = wb[SHEET_ATTENDANCE]
    header = _header(ws)
    day, at = header.index("วันที่ประชุม"), header.index("เวลาลงทะเบียน")
    rows = list(ws.iter_rows(min_row=2, max_row=ws.max_row))
    for row in rows:
        assert isinstance(row[day].value, dt.datetime) and row[day].value.time() == dt.time(0)
        assert row[day].number_format == BE_DATE_FORMAT == "[$-107041E]d mmmm yyyy"
        assert isinstance(row[at].value, dt.datetime)
        assert row[at].number_format == BE_DATETIME_FORMAT
    # the reused cells carried each row's own value: times differ and are in Bangkok local time
    times = [r[at].value for r in rows]
    assert len(set(times)) > len(times) // 2
    first = store.db.execute(
        "SELECT MIN(checked_in_at) FROM attendance a JOIN workshop w ON w.id=a.workshop_id "
        "WHERE a.deleted=0 ORDER BY w.start_date LIMIT 1").fetchone()[0]
    assert times[0] == dt.datetime.fromisoformat(first).replace(tzinfo=None)
    assert times[0] == dt.datetime(2016, 8, 25, 7, 45) + (times[0] - dt.datetime(2016, 8, 25, 7, 45))
    assert dt.date(2016, 8, 25) == rows[0][day].value.date()

    districts = wb[SHEET_DISTRICTS]
    top, header = _header(districts, 1), _header(districts, 2)
    assert "การเข้าร่วม (ตามอำเภอที่อยู่ของผู้เข้าร่วม)" in top and top[0] == "อำเภอ"
    invited, attended, share = (header.index(h) for h in ("ได้รับเชิญ", "เข้าร่วม", "ร้อยละที่เข้าร่วม"))
    body = [r for r in districts.iter_rows(min_row=3, values_only=True) if r[0] and r[invited] is not None]
    assert len(body) == 14  # 13 districts and the province total
    for r in body[:-1]:
        assert isinstance(r[invited], int) and isinstance(r[attended], int)
        assert r[share] is None or 0 <= r[share] <= 1
    # the province total is a formula over the 13 district rows (LibreOffice's value: test_office_print)
    col = chr(ord("A") + attended)
    assert body[-1][0] == "รวมทั้งจังหวัด" and body[-1][attended] == f"=SUM({col}3:{col}15)"
    assert districts.cell(3, share + 1).number_format == "0.0%"
    assert districts.cell(3, invited + 1).number_format == "#,##0"

    needs = wb[SHEET_NEEDS]
    header = _header(needs)
    fy, status_day, village = header.index("ปีงบประมาณ"), header.index("วันที่สถานะ"), header.index("หมู่ที่")
    for r in needs.iter_rows(min_row=2, values_only=True):
        assert isinstance(r[fy], int) and r[fy] > 2500
        assert isinstance(r[status_day], dt.datetime)
        assert isinstance(r[village], int)
    assert needs.cell(2, status_day + 1).number_format == BE_DATE_FORMAT


def test_frozen_headers_filters_font_and_widths(workbook):
    _store, out, _result, _seen = workbook
    wb = load_workbook(out)
    assert wb._fonts[0].name == FONT_NAME == "TH SarabunPSK" and wb._fonts[0].charset == 222  # every cell's default
    assert wb._fonts[0].sz == 16  # the size offices type TH SarabunPSK in
    ws = wb[SHEET_ATTENDANCE]
    # a row without a height of its own is one line of TH SarabunPSK 16 (Excel's 24 pt), not openpyxl's 15
    assert ws.sheet_format.defaultRowHeight >= 24 and ws.sheet_format.customHeight
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:M{ws.max_row}"
    assert wb[SHEET_DISTRICTS].freeze_panes == "A3" and wb[SHEET_DISTRICTS].auto_filter.ref.startswith("A2:")
    header = _header(ws)
    widths = {h: ws.column_dimensions[chr(ord("A") + i)].width for i, h in enumerate(header)}
    assert 8 < widths["รหัส QR"] < widths["การประชุม"] <= 48 and widths["ชื่อ"] > 8 and widths["นามสกุล"] > 8
    assert widths["เวลาลงทะเบียน"] > widths["วันที่ประชุม"] > 14  # "28 พฤศจิกายน 2559 08:42" fits
    for cell in ws[1]:
        assert cell.font.b and cell.fill.fgColor.rgb.endswith("DCE6F1")
    # too wide for one page at a readable size: printed in column sets (tests/core/test_office_print.py)
    assert ws.page_setup.orientation == "landscape" and ws.col_breaks.brk and ws.print_title_cols == "$A:$D"
    assert wb[SHEET_NEEDS].sheet_properties.pageSetUpPr.fitToPage


def test_resolution_sheet_has_every_workshop_vote(workbook):
    store, out, _result, _seen = workbook
    ws = load_workbook(out)[SHEET_RESOLUTIONS]
    header = _header(ws)
    col = {h: header.index(h) for h in ("ข้อ", "รายการ", "การประชุม", "เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง", "ผล")}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    votes = [r for r in rows if isinstance(r[col["เห็นด้วย"]], int)]
    expected = sum(len(c.votes) + sum(len(a.votes) for a in c.amendments)
                   for r in list_resolutions(store) for c in votes_side_by_side(store, r.id).clauses)
    assert len(votes) == expected > 5
    assert all(r[col["ผล"]] in ("ผ่าน", "ไม่ผ่าน") for r in votes)
    assert {r[col["รายการ"]].split(" ")[0] for r in votes} == {"ข้อตามร่าง", "คำแปรญัตติ"}


def test_one_workshop_only(demo_store, tmp_path):
    wid = _visit_with_needs(demo_store)
    result = export_workbook(demo_store, tmp_path / "one.xlsx", workshop_id=wid)
    wb = load_workbook(tmp_path / "one.xlsx")
    workshop_col = _header(wb[SHEET_ATTENDANCE]).index("การประชุม")
    titles = {r[workshop_col] for r in wb[SHEET_ATTENDANCE].iter_rows(min_row=2, values_only=True)}
    assert len(titles) == 1
    assert result.sheets[2].rows == len(list_needs(demo_store, workshop_id=wid))
    ws = wb[SHEET_RESOLUTIONS]
    col = _header(ws).index("การประชุม")
    assert {r[col] for r in ws.iter_rows(min_row=2, values_only=True) if r[col]} == titles


def test_bad_input_writes_nothing(demo_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "x.xlsx"
    with pytest.raises(UserError) as err:
        export_workbook(demo_store, out, workshop_id="no-such-workshop")
    assert err.value.th.startswith("ไม่พบ")
    with pytest.raises(UserError):
        export_workbook(demo_store, tmp_path / "x.xls")
    with pytest.raises(UserError):
        export_workbook(demo_store, tmp_path / "missing" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_the_old_file_and_no_temporary(demo_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "office.xlsx"
    out.write_bytes(b"the old workbook")
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    with pytest.raises(ExportCancelled):
        export_workbook(demo_store, out, progress=progress, should_cancel=lambda: len(calls) >= 1)
    assert calls and calls[-1] < 1300  # stopped in the attendance sheet, long before the end
    assert out.read_bytes() == b"the old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["office.xlsx"]


def test_export_reads_a_snapshot_while_the_window_writes(demo_store, tmp_path):
    """Rows written while the export runs do not appear half-way: the export reads one snapshot."""
    from lampang_planner.core.ops.needs import add_need

    wid = _visit_with_needs(demo_store)
    before = len(list_needs(demo_store))
    added = []

    def progress(done: int, total: int) -> None:
        if not added:
            added.append(add_need(demo_store, {"workshop_id": wid, "title": "ขุดบ่อน้ำตื้น", "category": "water"}))

    result = export_workbook(demo_store, tmp_path / "snap.xlsx", progress=progress)
    assert added and result.sheets[2].rows == before
    assert len(list_needs(demo_store)) == before + 1


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_and_converts_it(workbook, tmp_path):
    from pypdf import PdfReader

    _store, out, _result, _seen = workbook
    conf = fontconfig_file(tmp_path)  # Sarabun, and a stand-in of the workbook's TH SarabunPSK at its size
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    profile = (tmp_path / "lo-profile").as_uri()
    # Its first six pages printed (the whole workbook is opened and laid out; all ~340 pages cost 3 s more of CPU,
    # and test_office_print checks every page of the office workbook).
    six = 'pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1-6"}}'
    proc = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", six, "--outdir",
         str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180, env=env,
    )
    pdf = tmp_path / "office.pdf"
    assert proc.returncode == 0 and pdf.is_file(), proc.stdout + proc.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) == 6  # the workbook has six pages at least
    text = "".join(p.extract_text() for p in reader.pages[:4])  # the date is in the second column set
    # LibreOffice understood the Buddhist-era format: the date reads 2559, not a serial number
    assert "25 สิงหาคม 2559" in text and "42607" not in text


def test_resolution_totals_over_workshops(demo_store, tmp_path):
    from lampang_planner.core.ops.resolutions import list_clauses, present_count, record_vote
    from lampang_planner.core.reports.excel_sheets import ALL_WORKSHOPS

    rid = list_resolutions(demo_store)[0].id
    clause = list_clauses(demo_store, rid)[0]
    wid = _visit_with_needs(demo_store)
    present = present_count(demo_store, wid)
    record_vote(demo_store, wid, clause.id, for_count=present - 3, against_count=2, abstain_count=1)
    export_workbook(demo_store, tmp_path / "votes.xlsx")
    ws = load_workbook(tmp_path / "votes.xlsx")[SHEET_RESOLUTIONS]
    header = _header(ws)
    col = {h: header.index(h) for h in ("ข้อ", "รายการ", "การประชุม", "เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง")}
    numbered = [(n, r) for n, r in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
                if r[col["ข้อ"]] == clause.number and r[col["รายการ"]] == "ข้อตามร่าง"]
    (first, _), (last, _), (total_row, totals) = numbered[0], numbered[-2], numbered[-1]
    assert len(numbered) == 3 and totals[col["การประชุม"]] == ALL_WORKSHOPS and total_row == last + 1
    for k in ("เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง"):  # a formula over exactly the two workshops' rows
        letter = chr(ord("A") + col[k])
        assert totals[col[k]] == f"=SUM({letter}{first}:{letter}{last})"
    assert ws.cell(total_row, 1).font.b


def test_a_merged_person_is_one_attendance_with_the_earliest_scan(demo_store, tmp_path):
    wid = first_workshop(demo_store)
    (a, at_a), (b, at_b) = demo_store.db.execute(
        "SELECT person_id, checked_in_at FROM attendance WHERE workshop_id=? ORDER BY checked_in_at LIMIT 2", (wid,)
    ).fetchall()
    with demo_store.transaction() as tx:  # b turned out to be a duplicate of a
        tx.update("person", a, {"merged_into": b})
    result = export_workbook(demo_store, tmp_path / "merged.xlsx", workshop_id=wid)
    ws = load_workbook(tmp_path / "merged.xlsx")[SHEET_ATTENDANCE]
    header = _header(ws)
    code = demo_store.db.execute("SELECT code FROM person WHERE id=?", (b,)).fetchone()[0]
    mine = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("รหัส QR")] == code]
    assert result.sheets[0].rows == 599 and len(mine) == 1
    assert mine[0][header.index("เวลาลงทะเบียน")] == dt.datetime.fromisoformat(min(at_a, at_b)).replace(tzinfo=None)
