"""A budget belongs to a year of the plan's period: a year outside it is refused when typed, and every total (the
forms, the public follow-up, the list) counts only the period's years. When the period changes, budgets left outside
it stay in the data (they come back if the period does), are neither shown nor counted, and the command that
changed the period says how many there are."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from plan_support import budgets_of, make_plan

from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.plan.followup import district_followup
from lampang_planner.core.plan.proposals import get_proposal, list_proposals, update_proposal
from lampang_planner.core.plan.settings import set_plan
from lampang_planner.core.plan.workbook import SHEET_NAMES, export_plan_workbook


def _cli(demo_dir, capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--data-dir", str(demo_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_budget_year_outside_the_period_is_refused_at_entry(demo_dir, capsys):
    with Store.open(demo_dir) as store:
        pid = make_plan(store, 1)[0]
        set_plan(store, first_year=2566, years=5)
        before = get_proposal(store, pid).budgets
        with pytest.raises(ValidationError) as refused:
            update_proposal(store, pid, {"budgets": {"2599": 1}})
        assert "2599" in refused.value.message("th") and "2566–2570" in refused.value.message("th")
    code, _, err = _cli(demo_dir, capsys, "plan", "set", pid, "budget:2599=1")
    assert code != 0
    assert 0 <= err.index("นอกระยะเวลาของแผน") < err.index("outside the plan's period")  # Thai first, then English
    with Store.open(demo_dir) as store:
        assert get_proposal(store, pid).budgets == before  # nothing written


def test_after_the_period_changes_budgets_outside_it_are_kept_but_neither_shown_nor_counted(demo_dir, capsys, tmp_path):
    with Store.open(demo_dir) as store:
        ids = make_plan(store, 6)  # 2566–2570; project i has budgets_of(i): 2566 + i % 5 and 2568
        district = get_proposal(store, ids[0]).district_code
    outside = sum(1 for i in range(6) for y in budgets_of(i) if y < 2568)  # 2566 and 2567 fall out of 2568–2570
    code, out, _ = _cli(demo_dir, capsys, "plan", "settings", "--first-year", "2568", "--years", "3")
    assert code == 0 and f"งบประมาณนอกระยะเวลาแผน {outside} รายการ" in out, out
    with Store.open(demo_dir) as store:
        rows = list_proposals(store)
        assert all(set(r.budgets) <= {2568, 2569, 2570} for r in rows)
        follow = district_followup(store, district)
        in_period = sum(v for r in rows if r.district_code == district for v in r.budgets.values())
        assert follow.budget_total == in_period
        assert all("2566" not in r.budget and "2567" not in r.budget for r in follow.rows)
        ws = load_workbook(export_plan_workbook(store, tmp_path / "plan.xlsx"), data_only=False)[SHEET_NAMES["ผ.02"]]
        assert not any("2566" in str(c.value or "") or "2567" in str(c.value or "") for row in ws.iter_rows()
                       for c in row if c.row > 4)
        update_proposal(store, ids[0], {"budgets": {"2569": 7}})  # the period's budgets replaced; 2566 is kept
        set_plan(store, first_year=2566, years=5)
        assert get_proposal(store, ids[0]).budgets == {2566: 100_000.0, 2569: 7.0}
    code, out, _ = _cli(demo_dir, capsys, "plan", "list", "--json")
    first = next(r for r in json.loads(out) if r["id"] == ids[0])
    assert first["budgets"] == {"2566": 100_000.0, "2569": 7.0}  # shown again with the period that holds it
