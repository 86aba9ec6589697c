"""The plan page at the office, driven from the keyboard: a need into a project, cells refined, a workbook back in."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from plan_support import make_plan

from lampang_planner.core.ops.needs import get_need
from lampang_planner.core.plan.proposals import get_proposal, list_proposals, update_proposal
from lampang_planner.core.plan.workbook import FIRST_BODY_ROW, SHEET_NAMES, export_plan_workbook


@pytest.fixture
def page(qtbot, demo_ctx):
    from lampang_planner.ui.views.plan import PlanPage

    p = PlanPage(demo_ctx)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    p.activate()
    return p


def _type_into_editor(qtbot, type_text, table, index, text: str) -> None:
    """Go to the cell, F2 opens its editor, type over the value, Enter saves."""
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [w for w in table.findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call


def test_a_need_becomes_a_project_and_is_refined_from_the_keyboard(qtbot, type_text, page, demo_ctx):
    store = demo_ctx.store
    need = next(n for n in page_needs(store) if "ห้องสมุด" in n.title)

    def pick():
        dialog = QApplication.activeModalWidget()
        type_text(dialog.search, "ห้องสมุด " + need.tambon_th)
        assert dialog.need_id() == need.id
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    pid = page.make_project()
    assert pid and get_proposal(store, pid).need_id == need.id and get_need(store, need.id).status == "accepted"
    model, table = page.model, page.table
    row = model.row_of(pid)
    assert table.currentIndex() == model.index(row, model.fields.index("objective"))  # ready to refine
    origin = model.data(model.index(row, model.fields.index("origin")))  # the need and who raised it stay in sight
    assert need.title in origin and (not need.raised_by or need.raised_by in origin)

    _type_into_editor(qtbot, type_text, table, model.index(row, model.fields.index("kpi")), "ห้องสมุดเปิดบริการทุกวัน")
    year = model.plan.plan_years[1]
    _type_into_editor(qtbot, type_text, table, model.index(row, model.fields.index(f"budget:{year}")), "350,000")
    p = get_proposal(store, pid)
    assert p.kpi == "ห้องสมุดเปิดบริการทุกวัน" and p.budgets == {year: 350000}
    assert model.data(model.index(row, model.fields.index(f"budget:{year}"))) == "350,000"

    before = store.scalar("SELECT COUNT(*) FROM change")
    _type_into_editor(qtbot, type_text, table, model.index(row, model.fields.index(f"budget:{year}")), "สามแสน")
    assert "งบประมาณ" in page.status.text()  # the reason, in Thai
    assert store.scalar("SELECT COUNT(*) FROM change") == before and get_proposal(store, pid).budgets == {year: 350000}


def page_needs(store):
    from lampang_planner.core.plan.proposals import unplanned_needs

    return unplanned_needs(store)


def test_the_edited_workbook_comes_back_after_a_preview(qtbot, page, demo_ctx, tmp_path):
    store = demo_ctx.store
    ids = make_plan(store, n=6)
    out = export_plan_workbook(store, tmp_path / "plan.xlsx")
    wb = load_workbook(out)
    ws = wb[SHEET_NAMES["ผ.02"]]
    rows = {ws.cell(r, 15).value: r for r in range(FIRST_BODY_ROW, ws.max_row + 1) if ws.cell(r, 15).value}
    ws.cell(rows[ids[1]], 12).value = "กองคลัง"
    ws.cell(rows[ids[2]], 12).value = "กองช่าง (งานทาง)"
    wb.save(tmp_path / "edited.xlsx")
    update_proposal(store, ids[2], {"division": "กองยุทธศาสตร์"})  # changed in the program since the export
    seen = {}

    def look(dialog) -> bool:
        tree = dialog.tree
        seen["groups"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        seen["conflict"] = [tree.topLevelItem(1).child(i).text(3) for i in range(tree.topLevelItem(1).childCount())]
        return True

    assert page.import_file(tmp_path / "edited.xlsx", ask=look) == 1
    assert seen["groups"][0].startswith("รายการที่จะนำเข้า") or "(1)" in seen["groups"][0]
    assert seen["conflict"] == ["กองช่าง (งานทาง)"]
    assert get_proposal(store, ids[1]).division == "กองคลัง" and get_proposal(store, ids[2]).division == "กองยุทธศาสตร์"
    assert "1" in page.status.text()
    assert len(list_proposals(store)) == 6


def test_a_new_period_says_how_many_budgets_it_leaves_out(page, demo_ctx, monkeypatch):
    from lampang_planner.ui.dialogs.plan import PlanSettingsDialog

    make_plan(demo_ctx.store, 6)  # 2566–2570; 2568–2570 leaves out each project's 2566 or 2567 (3 amounts)

    def exec_(dialog):  # the office types the new period and saves
        dialog.first_year.setValue(2568)
        dialog.years.setValue(3)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PlanSettingsDialog, "exec", exec_)
    page.edit_settings()
    assert "งบประมาณนอกระยะเวลาแผน 3 รายการ (3 โครงการ)" in page.status.text()
    assert all(set(p.budgets) <= {2568, 2569, 2570} for p in list_proposals(demo_ctx.store))
