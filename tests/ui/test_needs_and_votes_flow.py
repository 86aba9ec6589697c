"""A facilitator at a district visit, from the keyboard: 20 needs typed into the entry form as the groups present
them, then the votes on 3 clauses by show of hands with the quorum in view. Afterwards ``info --json`` counts them."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lampang_planner.cli import main as cli_main
from lampang_planner.core.ops import needs as N
from lampang_planner.core.ops import resolutions as R
from lampang_planner.core.sync.digest import counts
from lampang_planner.core.vocabulary import DEFAULT_NEED_CATEGORIES

NEEDS = [
    ("ซ่อมแซมถนนเข้าหมู่บ้านสายบ้านนา", "infrastructure"),
    ("ขุดลอกลำเหมืองสาธารณะ", "water"),
    ("ตลาดนัดสินค้าเกษตรปลอดภัย", "agriculture"),
    ("ฝึกอาชีพตัดเย็บเสื้อผ้า", "economy"),
    ("รถรับส่งผู้ป่วยติดเตียง", "health"),
    ("ทุนการศึกษาเด็กยากจน", "education"),
    ("เบี้ยยังชีพผู้พิการ", "welfare"),
    ("คัดแยกขยะในครัวเรือน", "environment"),
    ("ซ่อมแซมวิหารวัดประจำหมู่บ้าน", "culture"),
    ("กล้องวงจรปิดทางแยก", "safety"),
    ("ประชุมประชาคมหมู่บ้านทุกไตรมาส", "governance"),
    ("ขยายเขตไฟฟ้าเข้าไร่นา", "infrastructure"),
    ("ธนาคารน้ำใต้ดิน", "water"),
    ("ปุ๋ยอินทรีย์ชีวภาพ", "agriculture"),
    ("กลุ่มออมทรัพย์แม่บ้าน", "economy"),
    ("ออกกำลังกายผู้สูงอายุ", "health"),
    ("ห้องเรียนคอมพิวเตอร์", "education"),
    ("ศูนย์พักพิงคนไร้บ้าน", "welfare"),
    ("ปลูกป่าต้นน้ำ", "environment"),
    ("ซ่อมแซมถนนเข้าหมู่บ้านสายบ้านนา ช่วงสะพาน", "infrastructure"),  # like the first: pointed out
]


def press(widget, key, times: int = 1) -> None:
    """Key presses as a keyboard makes them: each one goes to whatever has the focus by then."""
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget() or widget, key)


def focused():
    return QApplication.focusWidget()


def back_to(qtbot, window) -> None:
    """A dialog closed: offscreen, nothing hands the activation back to the main window (a desktop does)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_line(qtbot, type_text, edit, text: str) -> None:
    """Type into a field that has a completer. Offscreen there is no window manager to give the activation back to
    the form when the completer's popup closes (on a desktop there is), so the test hands it back."""
    type_text(edit, text)
    if QApplication.activeWindow() is not edit.window():
        edit.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is edit.window())
    assert focused() is edit


def arrow_to(combo, value) -> None:
    """With the focus on ``combo``, arrow keys until it shows ``value``."""
    target = combo.findData(value)
    assert target >= 0
    key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
    press(combo, key, abs(target - combo.currentIndex()))
    assert combo.currentData() == value


def test_a_facilitator_records_20_needs_and_the_votes_on_3_clauses(window, qtbot, type_text, capsys):
    store = window.ctx.store
    before = counts(store.db)
    (res,) = R.list_resolutions(store)
    clauses = R.list_clauses(store, res.id)
    # the district visit of Mae Mo (5202): no clause voted there as drafted yet
    wid = store.scalar("SELECT id FROM workshop WHERE district_code='5202' AND deleted=0")
    tambon = store.scalar("SELECT code FROM subdistrict WHERE district_code='5202' ORDER BY code LIMIT 1")

    # --- the needs ----------------------------------------------------------------------------------------------
    window.navigate("needs")
    page = window.pages["needs"]
    page.workshop.setFocus()
    arrow_to(page.workshop, wid)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: record needs
    dialog = page.entry_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.workshop.currentData() == wid and dialog.places.district_code() == "5202"
    qtbot.waitUntil(lambda: focused() is dialog.title)  # the form opens with the cursor in the title

    # once: where the group comes from (Shift+Tab back from the title through the place fields)
    press(dialog.title, Qt.Key.Key_Backtab, 2)  # the photo button, then the session
    press(focused(), Qt.Key.Key_Backtab)  # the group
    assert focused() is dialog.group_name
    type_line(qtbot, type_text, dialog.group_name, "กลุ่มที่ 1")
    press(dialog.group_name, Qt.Key.Key_Backtab, 3)  # village name, village no., tambon
    assert focused() is dialog.places.tambon
    arrow_to(dialog.places.tambon, tambon)
    press(dialog.places.tambon, Qt.Key.Key_Tab)
    type_text(focused(), "7")  # village no.
    press(focused(), Qt.Key.Key_Tab, 5)  # village name, group, session, photo, title
    assert focused() is dialog.title

    categories = [k for k, _th, _en in DEFAULT_NEED_CATEGORIES]
    for i, (title, category) in enumerate(NEEDS):
        if i == 10:  # the second group takes the floor
            press(dialog.title, Qt.Key.Key_Backtab, 3)
            assert focused() is dialog.group_name
            dialog.group_name.selectAll()
            type_line(qtbot, type_text, dialog.group_name, "กลุ่มที่ 2")
            press(dialog.group_name, Qt.Key.Key_Tab, 3)
        assert focused() is dialog.title
        type_text(dialog.title, title)
        if i == len(NEEDS) - 1:
            dialog.check_similar()  # (the form also does this itself a moment after typing stops)
            assert dialog.similar_label.isVisible() and NEEDS[0][0] in dialog.similar_label.text()
        press(dialog.title, Qt.Key.Key_Tab)
        assert focused() is dialog.category
        press(dialog.category, Qt.Key.Key_Down, categories.index(category) + 1)
        assert dialog.category.currentData() == category
        press(dialog.category, Qt.Key.Key_Tab)
        assert focused() is dialog.description
        type_text(dialog.description, f"เสนอโดยกลุ่มในหมู่ที่ 7 ลำดับ {i + 1}")
        press(dialog.description, Qt.Key.Key_Tab)
        assert focused() is dialog.dot_votes
        type_text(dialog.dot_votes, str(20 - i))
        press(dialog.dot_votes, Qt.Key.Key_Return)  # Enter saves and clears for the next
        assert not dialog.general_error.isVisible(), dialog.general_error.text()
        assert len(dialog.saved_ids) == i + 1
    assert dialog.places.tambon_code() == tambon and dialog.group_name.text() == "กลุ่มที่ 2"  # kept
    assert "20" in dialog.tally.text()
    press(dialog.title, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_to(qtbot, window)

    mine = [N.get_need(store, nid) for nid in dialog.saved_ids]
    assert [n.title for n in mine] == [t for t, _c in NEEDS]
    assert [n.category for n in mine] == [c for _t, c in NEEDS]
    assert all(n.subdistrict_code == tambon and n.village_no == "7" and n.workshop_id == wid for n in mine)
    assert [n.group_name for n in mine] == ["กลุ่มที่ 1"] * 10 + ["กลุ่มที่ 2"] * 10
    assert [n.dot_votes for n in mine] == list(range(20, 0, -1))
    assert all(N.status_history(store, n.id)[0].status == "proposed" for n in mine)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(N.list_needs(store, workshop_id=wid)))

    # --- the votes ----------------------------------------------------------------------------------------------
    window.navigate("resolutions")
    rpage = window.pages["resolutions"]
    delib = rpage.deliberation
    delib.workshop.setFocus()
    arrow_to(delib.workshop, wid)
    quorum = R.quorum(store, wid)
    assert f"{quorum.present}" in delib.quorum.text() and f"{quorum.required}" in delib.quorum.text()
    delib.clause_table.setFocus()
    press(delib.clause_table, Qt.Key.Key_Home)
    results = [(30, 5, 3), (25, 10, 2), (12, 20, 6)]
    for k, (f, a, ab) in enumerate(results):
        assert delib.clause_table.currentIndex().row() == k
        press(delib.clause_table, Qt.Key.Key_Return)  # Enter on a clause: the vote on it
        vote = rpage.dialog
        qtbot.waitUntil(lambda vote=vote: vote is not None and vote.isVisible())
        assert f"{quorum.present}" in vote.quorum.text()  # the quorum is in view before the vote
        qtbot.waitUntil(lambda vote=vote: focused() is vote.for_count)
        type_text(vote.for_count, str(f))
        press(vote.for_count, Qt.Key.Key_Tab)
        type_text(focused(), str(a))
        press(focused(), Qt.Key.Key_Tab)
        type_text(focused(), str(ab))
        press(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda vote=vote: not vote.isVisible())
        back_to(qtbot, window)
        delib.clause_table.setFocus()
        press(delib.clause_table, Qt.Key.Key_Down)

    for clause, (f, a, ab) in zip(clauses, results, strict=False):
        v = R.get_vote(store, R.vote_id_for(wid, clause.id))
        assert (v.for_count, v.against_count, v.abstain_count, v.method) == (f, a, ab, "hands")
        assert v.present == quorum.present
    model = delib.clauses
    assert [model.data(model.index(r, 2)) for r in range(3)] == ["30", "25", "12"]

    # --- what `info --json` reports -------------------------------------------------------------------------------
    after = counts(store.db)
    assert after["needs"] == before["needs"] + 20
    assert after["need_status_changes"] == before["need_status_changes"] + 20
    assert after["votes"] == before["votes"] + 3
    capsys.readouterr()
    assert cli_main(["info", "--json", "--data-dir", str(store.data_dir)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["needs"] == after["needs"] and info["counts"]["votes"] == after["votes"]
