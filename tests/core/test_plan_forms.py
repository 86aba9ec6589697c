"""A need becomes a project proposal; the plan's forms ผ.01 / ผ.02 / ผ.02/1 cell by cell and as LibreOffice prints them."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from openpyxl import load_workbook
from plan_support import GROUPS, budgets_of, lo_convert, make_plan

from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.needs import get_need, list_needs, status_history
from lampang_planner.core.plan.proposals import (
    get_proposal,
    list_proposals,
    proposal_from_need,
    update_proposal,
)
from lampang_planner.core.plan.settings import get_plan, set_plan
from lampang_planner.core.plan.workbook import (
    FIRST_BODY_ROW,
    HEADER_ROW,
    SHEET_NAMES,
    budget_columns,
    export_plan_workbook,
)


def test_a_need_becomes_a_project_proposal_linked_to_it(demo_store):
    need = next(n for n in list_needs(demo_store) if n.status == "proposed" and n.village_no)
    pid = proposal_from_need(demo_store, need.id)
    p = get_proposal(demo_store, pid)
    assert p.need_id == need.id and p.district_code == need.district_code
    assert p.title.startswith("โครงการ") and need.title in p.title
    assert p.objective.startswith("เพื่อ")  # an objective, not the problem statement
    assert f"หมู่ที่ {need.village_no}" in p.output_place and need.tambon_th in p.output_place
    assert p.status == "draft" and p.budgets == {}
    # the need moved on with a dated history row, in the same transaction
    assert get_need(demo_store, need.id).status == "accepted"
    assert [h.status for h in status_history(demo_store, need.id)][-1] == "accepted"
    with pytest.raises(UserError) as e:
        proposal_from_need(demo_store, need.id)
    assert e.value.code == "already-proposed" and len(list_proposals(demo_store)) == 1

    set_plan(demo_store, first_year=2566, years=5)  # 2567 is a year of the plan
    update_proposal(demo_store, pid, {"output_qty": "๕๐๐", "output_unit": "เมตร", "budgets": {"2567": "1,500,000"},
                                      "division": "กองช่าง", "kpi": "ถนนใช้งานได้ 1 สาย", "status": "บรรจุในแผนพัฒนา"})
    p = get_proposal(demo_store, pid)
    assert p.output_qty == 500 and p.output_text.startswith("500 เมตร หมู่ที่")
    assert p.budgets == {2567: 1_500_000} and p.status == "in_plan" and p.division == "กองช่าง"

    before = demo_store.scalar("SELECT COUNT(*) FROM change")
    with pytest.raises(ValidationError) as e:
        update_proposal(demo_store, pid, {"budgets": {"2567": "หนึ่งล้าน"}, "kpi": "x"})
    assert "budgets" in e.value.problems and demo_store.scalar("SELECT COUNT(*) FROM change") == before


def test_the_plan_period_and_edition_are_set_by_the_office(demo_store):
    assert set_plan(demo_store, first_year="๒๕๖๑", years=4).period_th == "แผนพัฒนาท้องถิ่น (พ.ศ. 2561 – 2564)"
    plan = set_plan(demo_store, first_year=2566, years=5, edition="เพิ่มเติม ครั้งที่ 1/2567")
    assert plan.period_th == "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1/2567"
    assert get_plan(demo_store).plan_years == [2566, 2567, 2568, 2569, 2570]
    with pytest.raises(ValidationError) as e:
        set_plan(demo_store, first_year=66, years=9, edition="ฉบับใหม่")
    assert set(e.value.problems) == {"first_year", "years", "edition"}


@pytest.fixture
def plan_workbook(demo_store, tmp_path):
    ids = make_plan(demo_store)
    out = export_plan_workbook(demo_store, tmp_path / "plan.xlsx")
    return demo_store, ids, out


def _rows(ws):
    return list(ws.iter_rows(values_only=True))


def test_pho02_is_laid_out_as_the_form(plan_workbook):
    store, ids, out = plan_workbook
    wb = load_workbook(out)
    assert wb.sheetnames == ["แบบ ผ.01", "แบบ ผ.02", "แบบ ผ.01-1", "แบบ ผ.02-1"]
    ws = wb[SHEET_NAMES["ผ.02"]]
    assert ws["A1"].value == "รายละเอียดโครงการพัฒนา"
    assert ws["A3"].value == "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1/2567"
    assert ws["A4"].value == "องค์การบริหารส่วนจังหวัดลำปาง"
    head = [ws.cell(HEADER_ROW, c).value for c in range(1, 13)]
    sub = [ws.cell(HEADER_ROW + 1, c).value for c in range(1, 13)]
    assert head[:4] == ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย\n(ผลผลิตของโครงการ)"] and head[4] == "งบประมาณ"
    assert sub[4:9] == [f"{y}\n(บาท)" for y in range(2566, 2571)]
    assert head[9:] == ["ตัวชี้วัด\n(KPI)", "ผลลัพธ์ที่คาดว่า\nจะได้รับ", "หน่วยงาน\nรับผิดชอบหลัก"]
    # form number and page number on every page; A4 landscape fitted to the width; header rows repeated
    assert ws.oddHeader.right.text == "แบบ ผ.02" and ws.oddFooter.center.text == "หน้า &P จาก &N"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert ws.print_area.startswith("'แบบ ผ.02'!$A$1:$L$")  # สถานะ / ที่มา stay outside the printed form

    col_a = [r[0] for r in _rows(ws)]
    assert col_a[FIRST_BODY_ROW - 1 : FIRST_BODY_ROW + 4] == [
        "ก. ยุทธศาสตร์จังหวัดที่ 3", "ข. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ 4",
        "1. ยุทธศาสตร์การพัฒนาคุณภาพชีวิต", "1.1 แผนงานสาธารณสุข", 1]
    assert "2.1 แผนงานการเกษตร" in col_a and "2.2 แผนงานอุตสาหกรรมและการโยธา" in col_a
    # every project of ผ.02 (not from a community plan) with its budget per year, KPI and division
    expected = {pid: i for i, pid in enumerate(ids) if i % 4 != 0}
    seen = {}
    for r in range(FIRST_BODY_ROW, ws.max_row + 1):
        pid = ws.cell(r, 15).value
        if pid:
            i = expected[pid]
            seen[pid] = r
            assert [ws.cell(r, c).value for c in budget_columns(get_plan(store))] == [
                budgets_of(i).get(y) for y in range(2566, 2571)]
            assert ws.cell(r, 10).value == "ร้อยละ 80 ของครัวเรือนได้ใช้ประโยชน์" and ws.cell(r, 12).value == GROUPS[i % 3][4]
            assert ws.cell(r, 4).value.startswith(f"{500 + i} เมตร หมู่ที่")
            assert ws.cell(r, 13).value == "บรรจุในแผนพัฒนา" and ws.cell(r, 16).value == get_proposal(store, pid).hlc
    assert set(seen) == set(expected)
    assert ws.column_dimensions["O"].hidden and ws.column_dimensions["P"].hidden


def test_totals_are_formulas_equal_to_the_sums(plan_workbook, tmp_path):
    _store, ids, out = plan_workbook
    ws = load_workbook(out)[SHEET_NAMES["ผ.02"]]
    totals = [r for r in range(FIRST_BODY_ROW, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("รวม")]
    assert [ws.cell(r, 1).value for r in totals] == [
        "รวม 3 โครงการ", "รวมยุทธศาสตร์ที่ 1 (3 โครงการ)", "รวม 3 โครงการ", "รวม 3 โครงการ",
        "รวมยุทธศาสตร์ที่ 2 (6 โครงการ)", "รวมทั้งสิ้น 9 โครงการ"]
    assert all(str(ws.cell(r, c).value).startswith("=SUM(") for r in totals for c in range(5, 10))
    # LibreOffice computes them: each equals the sum of the projects' budgets it covers
    calc = load_workbook(lo_convert(out, "xlsx", tmp_path), data_only=True)
    got = calc[SHEET_NAMES["ผ.02"]]
    in_02 = [i for i in range(len(ids)) if i % 4 != 0]
    for k, year in enumerate(range(2566, 2571)):
        assert got.cell(totals[-1], 5 + k).value == sum(budgets_of(i).get(year, 0) for i in in_02)
    farm = [i for i in in_02 if GROUPS[i % 3][3] == "การเกษตร"]
    assert got.cell(totals[2], 5).value == sum(budgets_of(i).get(2566, 0) for i in farm)
    # ผ.01 reads ผ.02: projects and budget per strategy per year, and the plan's total
    summary = calc[SHEET_NAMES["ผ.01"]]
    rows = {r[0]: r for r in summary.iter_rows(min_row=7, values_only=True) if r[0]}
    grand = rows["รวมทั้งสิ้น"]
    for k, year in enumerate(range(2566, 2571)):
        assert grand[1 + 2 * k] == sum(1 for i in in_02 if year in budgets_of(i))
        assert grand[2 + 2 * k] == sum(budgets_of(i).get(year, 0) for i in in_02)
    assert grand[12] == sum(sum(budgets_of(i).values()) for i in in_02)
    assert rows["2.1 แผนงานการเกษตร"][12] == sum(sum(budgets_of(i).values()) for i in farm)
    formulas = load_workbook(out)[SHEET_NAMES["ผ.01"]]
    assert all(str(c.value).startswith("=") for row in formulas.iter_rows(min_row=8, min_col=2) for c in row if c.value)
    # ผ.02/1 holds the projects from community plans
    community = calc[SHEET_NAMES["ผ.02/1"]]
    assert community["A2"].value == "สำหรับโครงการพัฒนาที่นำมาจากแผนพัฒนาหมู่บ้านและแผนชุมชน"
    assert {r[14] for r in community.iter_rows(min_row=FIRST_BODY_ROW, values_only=True) if r[14]} == {
        ids[i] for i in range(len(ids)) if i % 4 == 0}


def test_libreoffice_prints_every_sheet_within_the_page_width(plan_workbook, tmp_path):
    _store, _ids, out = plan_workbook
    pdf = lo_convert(out, "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert sizes and all(abs(float(w) - 841.89) < 1 and abs(float(h) - 595.3) < 1 for w, h in sizes)  # A4 landscape
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = bbox.split("<page ")[1:]
    assert len(pages) == len(sizes)
    forms = 0
    for n, page in enumerate(pages, start=1):
        words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)
        assert all(float(x1) <= 841.89 - 10 and float(x0) >= 10 for x0, _y0, x1, _y1, _t in words)
        text = " ".join(w[4] for w in words)
        assert f"หน้า {n} จาก {len(pages)}" in text  # page numbers in the footer
        if "วัตถุประสงค์" in text:  # a ผ.02 page: the form number, the whole header (first to last column)
            forms += 1
            compact = text.replace(" ", "")
            assert "แบบผ.02" in compact and "รับผิดชอบหลัก" in compact and "จากเวทีประชาคม" not in compact
            body = [float(y1) - float(y0) for _x0, y0, _x1, y1, t in words if t.startswith("เพื่อแก้ไข")]
            assert body and min(body) >= 9.0  # printed at a readable size, not shrunk to fit
    assert forms >= 2
    assert json.dumps(sizes)  # the conversion produced pages
