"""The session editor of the Workshops screen: add, edit and remove a workshop's sessions with key events, through
the core; bad input is said next to its field and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from lampang_planner.core.ops.checkin import check_in_person
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.sessions import list_sessions
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.ui.dialogs.session_form import SessionDialog
from lampang_planner.ui.dialogs.sessions import SessionsDialog

DAY = "2026-12-08"


def _workshop(store) -> str:
    return add_workshop(store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": DAY, "end_date": "2026-12-09",
                                "district_code": "5203"})


def _fill(type_text, dialog: SessionDialog, **fields: str) -> None:
    for key, text in fields.items():
        edit = getattr(dialog, key)
        edit.clear()
        type_text(edit, text)


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_edit_the_first_session_and_add_a_second(qtbot, empty_ctx, type_text):
    store = empty_ctx.store
    wid = _workshop(store)
    editor = SessionsDialog(store, wid)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.table.rowCount() == 1 and editor.table.item(0, 0).text() == "ช่วงที่ 1"
    assert not editor.remove_button.isEnabled()  # a workshop keeps one session

    first = SessionDialog(store, wid, editor.current_id(), parent=editor)
    qtbot.addWidget(first)
    _fill(type_text, first, name="ภาคเช้า", day="8/12/2569", starts="09.00", ends="12:00")
    _save(qtbot, first)
    assert first.result() and first.saved_id == list_sessions(store, wid)[0].id

    second = SessionDialog(store, wid, parent=editor)
    qtbot.addWidget(second)
    _fill(type_text, second, name="ภาคบ่าย", day="8/12/2569", starts="25:00", ends="16:00")
    _save(qtbot, second)
    assert not second.result() and "เวลา" in second.error_text("starts")
    assert len(list_sessions(store, wid)) == 1  # nothing written
    _fill(type_text, second, starts="16:30")
    _save(qtbot, second)
    assert "หลังเวลาเริ่ม" in second.error_text("ends") and len(list_sessions(store, wid)) == 1
    _fill(type_text, second, day="12/12/2569", starts="13:00")
    _save(qtbot, second)
    assert "วันประชุม" in second.error_text("day")
    _fill(type_text, second, day="8/12/2569")
    _save(qtbot, second)
    assert second.result()

    editor.reload(select=second.saved_id)
    rows = [[editor.table.item(r, c).text() for c in range(3)] for r in range(editor.table.rowCount())]
    assert rows == [["ภาคเช้า", "8 ธ.ค. 2569", "09:00–12:00 น."], ["ภาคบ่าย", "8 ธ.ค. 2569", "13:00–16:00 น."]]
    assert editor.current_id() == second.saved_id and editor.remove_button.isEnabled()


def test_remove_a_session_unless_people_checked_in_at_it(qtbot, empty_ctx):
    store = empty_ctx.store
    wid = _workshop(store)
    editor = SessionsDialog(store, wid)
    qtbot.addWidget(editor)
    editor.show()
    from lampang_planner.core.ops.sessions import add_session

    evening = add_session(store, wid, {"name": "ภาคค่ำ", "day": DAY, "starts": "18:00"})
    pid = add_person(store, {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี"}, workshop_id=wid)
    check_in_person(store, wid, pid, session_id=evening, at=f"{DAY}T18:05:00+07:00")
    editor.reload(select=evening)
    assert not editor.remove_current(confirm=False)
    assert "ลบไม่ได้" in editor.problem.text() and editor.problem.isVisible()
    assert len(list_sessions(store, wid)) == 2
    editor.reload(select=list_sessions(store, wid)[0].id)  # the first session: nobody there, so it may go
    assert editor.remove_current(confirm=False)
    assert [s.name for s in list_sessions(store, wid)] == ["ภาคค่ำ"] and editor.table.rowCount() == 1
    assert not editor.problem.isVisible()


def test_the_workshops_screen_opens_the_session_editor(qtbot, empty_ctx):
    from lampang_planner.ui.views.workshops import WorkshopsPage

    store = empty_ctx.store
    wid = _workshop(store)
    page = WorkshopsPage(empty_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.select(wid)
    assert page.sessions_button.isEnabled()
    seen: list[int] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionsDialog)
        seen.append(dialog.table.rowCount())
        dialog.accept()

    QTimer.singleShot(200, look_and_close)
    qtbot.mouseClick(page.sessions_button, Qt.MouseButton.LeftButton)
    assert seen == [1]


def test_the_detail_pane_counts_each_session_and_rolls_up_the_day(qtbot, empty_ctx):
    from PySide6.QtWidgets import QLabel

    from lampang_planner.core.ops.sessions import add_session, update_session
    from lampang_planner.ui.views.workshops import WorkshopsPage

    store = empty_ctx.store
    wid = _workshop(store)
    morning = list_sessions(store, wid)[0].id
    update_session(store, wid, morning, {"name": "ภาคเช้า", "day": DAY, "starts": "09:00", "ends": "12:00"})
    afternoon = add_session(store, wid, {"name": "ภาคบ่าย", "day": DAY, "starts": "13:00", "ends": "16:00"})
    people = [add_person(store, {"prefix": "นาย", "first_name": f, "last_name": "ใจดี"}, workshop_id=wid)
              for f in ("สมชาย", "สมศักดิ์", "สมหมาย")]
    for pid in people:
        check_in_person(store, wid, pid, session_id=morning, at=f"{DAY}T08:55:00+07:00")
    check_in_person(store, wid, people[0], session_id=afternoon, at=f"{DAY}T12:50:00+07:00")
    page = WorkshopsPage(empty_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.select(wid)
    texts = [lbl.text() for lbl in page.detail.findChildren(QLabel)]
    summary = next(t for t in texts if "ภาคเช้า" in t)
    assert "ภาคเช้า · 8 ธ.ค. 2569 · 09:00–12:00 น.: มา\u00a03\u00a0คน" in summary  # a number stays with its unit
    assert "ภาคบ่าย · 8 ธ.ค. 2569 · 13:00–16:00 น.: มา\u00a01\u00a0คน" in summary
    assert "มาอย่างน้อยหนึ่งช่วง\u00a03\u00a0คน ครบทุกช่วง\u00a01\u00a0คน" in summary
    assert any(t == "3 (100%)" for t in texts)  # attended: three people, not four check-ins
