"""The door's session picker and the paper key-in dialog, driven with real key events (offscreen)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from lampang_planner.core.ops.checkin import check_in_person, live_counts
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.session_attendance import checkin_entries
from lampang_planner.core.ops.sessions import add_session, list_sessions, update_session
from lampang_planner.core.ops.workshops import add_workshop

DAY = "2026-12-08"


def ticked(dialog) -> int:
    """The count the dialog shows ("2 of 4 …" / "… 2 จาก 4 คน")."""
    return int(re.findall(r"\d+", dialog.count.text())[0])


@pytest.fixture
def door(qtbot, empty_ctx):
    from lampang_planner.ui.views.checkin import CheckinPage

    store = empty_ctx.store
    wid = add_workshop(store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": DAY, "district_code": "5203"})
    morning = list_sessions(store, wid)[0].id
    update_session(store, wid, morning, {"name": "ภาคเช้า", "day": DAY, "starts": "09:00", "ends": "12:00"})
    afternoon = add_session(store, wid, {"name": "ภาคบ่าย", "day": DAY, "starts": "13:00", "ends": "16:00"})
    ids = {
        first: add_person(store, {"prefix": "นาย", "first_name": first, "last_name": last}, workshop_id=wid)
        for first, last in (("สมชาย", "ใจดี"), ("แก้วตา", "ปิ่นเงิน"), ("ทองสุข", "วงศ์ษา"), ("บุญมา", "คำแก้ว"))
    }
    page = CheckinPage(empty_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate(workshop_id=wid)
    qtbot.waitUntil(lambda: page.workshop_id() == wid)
    return page, store, wid, morning, afternoon, ids


def test_the_picker_follows_the_clock_and_can_be_switched(door, qtbot):
    page, store, wid, morning, afternoon, _ = door
    picker = page.session_picker
    assert [picker.itemText(i).split(" · ")[0] for i in range(picker.count())] == ["ภาคเช้า", "ภาคบ่าย"]
    assert page.session_id() == morning and not picker.pinned  # not the workshop's day: its first session
    picker.setCurrentIndex(1)
    picker.activated.emit(1)  # what a click on the item does
    assert picker.pinned and page.session_id() == afternoon
    page.search.setText("สมชาย")
    page.run_search()
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 1)
    result = page.check_in_row(0)
    assert result.session_id == afternoon
    assert live_counts(store, wid, afternoon).checked_in == 1 and live_counts(store, wid, morning).checked_in == 0
    qtbot.waitUntil(lambda: page._counts is not None and page._counts.checked_in == 1)
    # A session added elsewhere shows up; the hand-picked one stays.
    add_session(store, wid, {"name": "ภาคค่ำ", "day": DAY, "starts": "18:00"})
    qtbot.waitUntil(lambda: picker.count() == 3)
    assert page.session_id() == afternoon


def test_the_picker_follows_the_clock_only_while_shown_and_never_reads_a_closed_folder(door):
    """A door screen left behind (its window hidden, its folder closed) must not read any more when its
    half-minute tick comes: before, the tick raised "Cannot operate on a closed database" into whatever ran next."""
    page, store, *_ = door
    picker = page.session_picker
    assert picker.isVisible() and picker._timer.isActive()
    page.hide()
    assert not picker._timer.isActive()
    page.show()
    assert picker._timer.isActive()
    store.close()
    picker.follow_clock()  # what the timer's tick runs: nothing, no error
    assert picker.session_id() is not None  # what it showed stays


def test_key_in_from_paper_with_the_keyboard(door, qtbot, type_text):
    page, store, wid, _, afternoon, ids = door
    page.session_picker.setCurrentIndex(1)
    page.session_picker.activated.emit(1)
    check_in_person(store, wid, ids["สมชาย"], session_id=afternoon, at=f"{DAY}T13:02:00+07:00")
    dialog = page.open_paper_keyin()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert "ภาคบ่าย" in dialog.heading.text()
    assert ticked(dialog) == 1
    # Nobody named as keying in: a clear message, nothing written.
    type_text(dialog.filter, "ปินเงิน")  # without the tone mark
    assert dialog.model.rowCount() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert "ผู้บันทึก" in dialog.message.text() and live_counts(store, wid, afternoon).checked_in == 1
    dialog.keyed_by.setText("นางสมศรี ผู้บันทึก")
    dialog.filter.setFocus()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.filter.text() == "" and ticked(dialog) == 2
    [entry] = checkin_entries(store, wid, afternoon)[(afternoon, ids["แก้วตา"])]
    assert entry.via == "paper" and entry.keyed_by == "นางสมศรี ผู้บันทึก"
    # Down into the list, Space ticks, Space again unticks; the door check-in cannot be unticked.
    type_text(dialog.filter, "บุญมา")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.table.hasFocus() or dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert ticked(dialog) == 3
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert ticked(dialog) == 2
    dialog.filter.setText("สมชาย")  # checked in at the door before the laptop failed
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert ticked(dialog) == 2 and "สมชาย" in dialog.message.text()
    assert live_counts(store, wid, afternoon).checked_in == 2
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["ปิด"]  # Thai first, as every button
    dialog.reject()
