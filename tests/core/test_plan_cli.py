"""The plan from the command line: period and edition, a need into a project, fields set, the forms out and back."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from lampang_planner.cli import main
from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.plan.workbook import FIRST_BODY_ROW, SHEET_NAMES


def test_plan_commands_from_settings_to_import(demo_dir, tmp_path, capsys):
    from lampang_planner.core.db import Store

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(demo_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    with Store.open(demo_dir) as store:
        need = list_needs(store)[0]
    code, out, _ = run("plan", "settings", "--first-year", "2561", "--years", "4", "--json")
    assert code == 0 and json.loads(out)["years"] == 4
    code, out, _ = run("plan", "propose", need.id, "--json")
    pid = json.loads(out)["id"]
    assert code == 0 and json.loads(out)["need_id"] == need.id
    code, out, _ = run("plan", "set", pid, "division=กองช่าง", "budget:2562=๕๐๐,๐๐๐", "status=in_plan", "kpi=ถนน 1 สาย")
    assert code == 0
    code, out, _ = run("plan", "set", pid, "budget:2563=120000")
    _, out, _ = run("plan", "list", "--json")
    row = json.loads(out)[0]
    assert row["budgets"] == {"2562": 500000.0, "2563": 120000.0} and row["division"] == "กองช่าง"
    code, _, err = run("plan", "set", pid, "budgets=lots")
    assert code != 0 and "งบประมาณ" in err  # Thai first, nothing written

    book = tmp_path / "plan.xlsx"
    assert run("plan", "export", "--out", str(book))[0] == 0
    wb = load_workbook(book)
    ws = wb[SHEET_NAMES["ผ.02"]]
    assert ws["A3"].value == "แผนพัฒนาท้องถิ่น (พ.ศ. 2561 – 2564)"
    r = next(r for r in range(FIRST_BODY_ROW, ws.max_row + 1) if ws.cell(r, 14).value == pid)  # 4 years: id in N
    ws.cell(r, 10).value = "ถนนผ่านการตรวจรับ"  # 4 budget years (E–H): J is ผลลัพธ์ที่คาดว่าจะได้รับ
    wb.save(book)
    code, out, _ = run("plan", "import", str(book), "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["dry_run"] and preview["applied"] == 0
    assert [c["label"] for row in preview["changes"] for c in row["changes"]] == ["ผลลัพธ์ที่คาดว่าจะได้รับ"]
    code, out, _ = run("plan", "import", str(book))
    assert code == 0 and "แก้ไขแล้ว (changed) 1" in out
    code, out, _ = run("plan", "import", str(book))
    assert code == 0 and "แก้ไขแล้ว (changed) 0" in out  # the same file again changes nothing
    site = tmp_path / "site"
    code, out, _ = run("plan", "followup", "--out", str(site), "--district", need.district_code)
    assert code == 0 and (site / f"district-{need.district_code}.html").is_file()
