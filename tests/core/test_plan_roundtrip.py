"""The plan workbook edited at the office comes back: a preview of every change, a conflicting row refused, one
transaction, nothing else touched, and the same file again changes nothing."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook
from plan_support import lo_convert, make_plan

from lampang_planner.core.errors import UserError
from lampang_planner.core.plan.proposals import get_proposal, update_proposal
from lampang_planner.core.plan.roundtrip import apply_plan_import, preview_plan_import
from lampang_planner.core.plan.workbook import FIRST_BODY_ROW, SHEET_NAMES, export_plan_workbook


def _row_of(ws, pid: str) -> int:
    return next(r for r in range(FIRST_BODY_ROW, ws.max_row + 1) if ws.cell(r, 15).value == pid)


def test_round_trip_with_one_conflicting_row(demo_store, tmp_path):
    ids = make_plan(demo_store)
    out = export_plan_workbook(demo_store, tmp_path / "plan.xlsx")
    a, b, c, d = ids[2], ids[1], ids[3], ids[5]  # all on ผ.02
    # the office edits the workbook: a KPI, a budget, a status, a division
    wb = load_workbook(out)
    ws = wb[SHEET_NAMES["ผ.02"]]
    ws.cell(_row_of(ws, a), 10).value = "ถนนผ่านการตรวจรับ 1 สาย"
    ws.cell(_row_of(ws, b), 7).value = 750000  # 2568
    ws.cell(_row_of(ws, c), 13).value = "ตั้งงบประมาณแล้ว"
    ws.cell(_row_of(ws, d), 12).value = "กองคลัง"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    # …while someone changes project d in the program
    update_proposal(demo_store, d, {"division": "กองยุทธศาสตร์และงบประมาณ"})
    before = {t: n for t, n in demo_store.query("SELECT tbl, COUNT(*) FROM change GROUP BY tbl")}

    preview = preview_plan_import(demo_store, edited)
    by_id = {r.proposal_id: r for r in preview.changes}
    assert set(by_id) == {a, b, c}
    assert [(f.field, f.new) for f in by_id[a].changes] == [("kpi", "ถนนผ่านการตรวจรับ 1 สาย")]
    assert [(f.field, f.old, f.new) for f in by_id[b].changes] == [("budget:2568", 50000.0, 750000.0)]
    assert [(f.field, f.new) for f in by_id[c].changes] == [("status", "budgeted")]
    assert [(r.proposal_id, [(f.field, f.old, f.new) for f in r.changes]) for r in preview.conflicts] == [
        (d, [("division", "กองยุทธศาสตร์และงบประมาณ", "กองคลัง")])]
    assert preview.problems == [] and preview.unchanged == 12 - 4  # the other rows of ผ.02 and ผ.02/1
    assert {t: n for t, n in demo_store.query("SELECT tbl, COUNT(*) FROM change GROUP BY tbl")} == before  # preview wrote nothing

    assert apply_plan_import(demo_store, preview) == 3
    assert get_proposal(demo_store, a).kpi == "ถนนผ่านการตรวจรับ 1 สาย"
    assert get_proposal(demo_store, b).budgets[2568] == 750000
    assert get_proposal(demo_store, b).budgets[2567] == 200000  # its other year kept
    assert get_proposal(demo_store, c).status == "budgeted"
    assert get_proposal(demo_store, d).division == "กองยุทธศาสตร์และงบประมาณ"  # the program's edit was not overwritten
    after = {t: n for t, n in demo_store.query("SELECT tbl, COUNT(*) FROM change GROUP BY tbl")}
    assert {t: after[t] - before.get(t, 0) for t in after if after[t] != before.get(t, 0)} == {"proposal": 3}
    # the import went through the write path: one stamped write per changed row, a backup first
    assert list((demo_store.data_dir).glob("**/*before-plan-import*"))

    again = preview_plan_import(demo_store, edited)
    assert again.changes == [] and [r.proposal_id for r in again.conflicts] == [d]
    assert apply_plan_import(demo_store, again) == 0
    assert {t: n for t, n in demo_store.query("SELECT tbl, COUNT(*) FROM change GROUP BY tbl")} == after


def test_a_workbook_saved_by_libreoffice_imports_as_no_change(demo_store, tmp_path):
    make_plan(demo_store, n=6)
    out = export_plan_workbook(demo_store, tmp_path / "plan.xlsx")
    saved = lo_convert(out, "xlsx", tmp_path)  # the office opened and saved it in LibreOffice Calc
    preview = preview_plan_import(demo_store, saved)
    assert preview.changes == [] and preview.conflicts == [] and preview.problems == []
    assert preview.unchanged == 6


def test_bad_files_and_values_are_refused_with_reasons(demo_store, tmp_path):
    ids = make_plan(demo_store, n=4)
    out = export_plan_workbook(demo_store, tmp_path / "plan.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(out.read_bytes()[:2000])
    with pytest.raises(UserError) as e:
        preview_plan_import(demo_store, broken)
    assert e.value.code == "bad-workbook" and e.value.th.startswith("เปิดไฟล์ Excel")
    wb = load_workbook(out)
    ws = wb[SHEET_NAMES["ผ.02"]]
    ws.cell(_row_of(ws, ids[1]), 5).value = "ห้าแสน"
    ws.cell(_row_of(ws, ids[2]), 13).value = "เสร็จเรียบร้อย"
    wb.save(tmp_path / "bad.xlsx")
    preview = preview_plan_import(demo_store, tmp_path / "bad.xlsx")
    assert sorted(p.proposal_id for p in preview.problems) == sorted([ids[1], ids[2]]) and preview.changes == []
    assert any("ห้าแสน" in p.th for p in preview.problems)
    shutil.copy(out, tmp_path / "other.xlsx")
    wb = load_workbook(tmp_path / "other.xlsx")
    del wb[SHEET_NAMES["ผ.02"]], wb[SHEET_NAMES["ผ.02/1"]]
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UserError) as e:
        preview_plan_import(demo_store, tmp_path / "other.xlsx")
    assert e.value.code == "not-a-plan-workbook"


def test_proposals_and_the_plan_travel_in_bundles_and_converge(demo_dir, tmp_path):
    """The office and a laptop holding a copy refine the plan apart; bundles both ways bring the same plan, a
    concurrent edit of one field is kept as a conflict record (the write path's rule), the plan's period is one row."""
    from merge_support import clone_folder, dig, exchange, new_device

    from lampang_planner.core.plan.settings import get_plan

    a = new_device(demo_dir, "office-a")
    ids = make_plan(a, n=3)
    a.close()
    b = new_device(clone_folder(demo_dir, tmp_path / "b"), "laptop-b", role="laptop")
    a = new_device(demo_dir, "office-a")
    update_proposal(a, ids[0], {"kpi": "ของเครื่อง A", "budgets": {"2567": 1}})
    update_proposal(b, ids[0], {"kpi": "ของเครื่อง B"})
    update_proposal(b, ids[1], {"division": "กองคลัง"})
    exchange(a, b, tmp_path / "ab", full=False)
    exchange(b, a, tmp_path / "ba", full=False)
    assert dig(a) == dig(b)
    pa, pb = get_proposal(a, ids[0]), get_proposal(b, ids[0])
    assert pa == pb and pa.kpi in ("ของเครื่อง A", "ของเครื่อง B") and pa.budgets == {2567: 1}
    assert get_proposal(a, ids[1]).division == "กองคลัง"
    assert a.scalar("SELECT COUNT(*) FROM conflict WHERE tbl='proposal' AND field='kpi'") == 1
    assert get_plan(a) == get_plan(b) and get_plan(b).edition == "เพิ่มเติม ครั้งที่ 1/2567"
    a.close()
    b.close()
