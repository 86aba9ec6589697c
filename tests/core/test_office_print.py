"""The office workbook prints: page numbers on every page, names in their own columns with the position, a wide sheet
split into column sets that repeat the name, totals as formulas that LibreOffice computes to the sums."""

from __future__ import annotations

import re
import subprocess

from openpyxl import load_workbook
from plan_support import lo_convert

from lampang_planner.core.reports.excel import column_sets, export_workbook
from lampang_planner.core.reports.excel_sheets import (
    ALL_WORKSHOPS,
    SHEET_ATTENDANCE,
    SHEET_DISTRICTS,
    SHEET_RESOLUTIONS,
)


def test_column_sets_repeat_the_key_columns_and_fit():
    assert column_sets([10, 20, 30], 1, 100) == []
    widths = [10, 20, 20, 40, 40, 40, 40]
    breaks = column_sets(widths, 2, 100)
    assert breaks == [4, 5, 6]  # after the 4th, 5th, 6th column
    sets = [list(range(2, 4)), [4], [5], [6]]
    assert all(sum(widths[:2]) + sum(widths[i] for i in s) <= 100 for s in sets)


def test_office_workbook_prints_with_page_numbers_names_and_formulas(demo_store, tmp_path):
    from lampang_planner.core.ops.resolutions import list_clauses, list_resolutions, present_count, record_vote

    clause = list_clauses(demo_store, list_resolutions(demo_store)[0].id)[0]
    for (wid,) in demo_store.query("SELECT id FROM workshop WHERE deleted=0 ORDER BY start_date LIMIT 2"):
        present = present_count(demo_store, wid)  # the first clause voted at two workshops: a total row
        record_vote(demo_store, wid, clause.id, for_count=present - 3, against_count=2, abstain_count=1)
    out = tmp_path / "office.xlsx"
    export_workbook(demo_store, out)
    wb = load_workbook(out)
    ws = wb[SHEET_ATTENDANCE]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["รหัส QR", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง"]
    code, prefix, first, last, position = demo_store.query(
        "SELECT code, prefix, first_name, last_name, position FROM person WHERE code=?", (ws["A2"].value,))[0]
    assert [c.value for c in ws[2]][:5] == [code, prefix, first, last, position]
    for sheet in wb.worksheets:
        assert sheet.oddFooter.center.text == "หน้า &P จาก &N" and sheet.oddHeader.right.text == sheet.title
    assert ws.print_title_cols == "$A:$D" and ws.col_breaks.brk  # printed in column sets, the name on each
    districts = wb[SHEET_DISTRICTS]
    total_row = next(r for r in range(1, districts.max_row + 1) if districts.cell(r, 1).value == "รวมทั้งจังหวัด")
    assert all(str(districts.cell(total_row, c).value).startswith("=") for c in range(2, 5))

    calc = load_workbook(lo_convert(out, "xlsx", tmp_path), data_only=True)[SHEET_DISTRICTS]
    body = [[calc.cell(r, c).value for c in range(1, 4)] for r in range(3, total_row)]
    total = [calc.cell(total_row, c).value for c in range(1, 5)]
    assert total[1] == sum(r[1] for r in body) and total[2] == sum(r[2] for r in body)
    assert abs(total[3] - total[2] / total[1]) < 1e-9

    votes = load_workbook(tmp_path / "converted" / "office.xlsx", data_only=True)[SHEET_RESOLUTIONS]
    header = [c.value for c in votes[1]]
    meeting, yes, no, result = (header.index(h) for h in ("การประชุม", "เห็นด้วย", "ไม่เห็นด้วย", "ผล"))
    lines = list(votes.iter_rows(min_row=2, values_only=True))
    totals = [i for i, r in enumerate(lines) if r[meeting] == ALL_WORKSHOPS]
    assert totals  # the demo votes a clause at several workshops
    for i in totals:  # LibreOffice's value of each total = the sum of the workshop rows above it
        above = []
        for r in reversed(lines[:i]):
            if r[meeting] in (None, ALL_WORKSHOPS) or not isinstance(r[yes], int):
                break
            above.append(r)
            if r[2] is not None and r[3] is not None:  # the first row of the item carries its text
                break
        assert lines[i][yes] == sum(r[yes] for r in above) and lines[i][no] == sum(r[no] for r in above)
        assert lines[i][result] == ("ผ่าน" if lines[i][yes] > lines[i][no] else "ไม่ผ่าน")

    pdf = lo_convert(out, "pdf", tmp_path)
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = bbox.split("<page ")[1:]
    later_sets = 0
    for n, page in enumerate(pages, start=1):
        words = re.findall(r'xMin="([\d.]+)" [^>]*xMax="([\d.]+)"[^>]*>([^<]*)<', page)
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        assert all(float(x1) <= width for _x0, x1, _t in words)
        text = " ".join(w[2] for w in words)
        assert f"หน้า {n} จาก {len(pages)}" in text
        if "เวลาลงทะเบียน" in text:  # a later column set of the attendance sheet: the code and name repeated
            later_sets += 1
            assert "QR" in text and "นามสกุล" in text and "คำนำหน้า" in text
    assert later_sets >= 1
