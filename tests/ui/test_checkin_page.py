"""The check-in screen through the window: scanner bursts wherever focus is, green / amber / red, undo, name search,
live counts, the desk's name and workshop. Kiosk mode, camera, language and models: test_checkin_kiosk.py;
walk-ins, their badges and people not invited: test_checkin_walk_in_form.py."""

from __future__ import annotations

import checkin_page_support
import pytest
from checkin_page_support import attended, pending, send_keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lampang_planner.core.ops.checkin import check_in, live_counts
from lampang_planner.core.qr import make_code, payload
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.keyboard import us_to_thai
from lampang_planner.ui import settings as S

shared_window = checkin_page_support.shared_window  # one window per module (the fixtures: checkin_page_support.py)
window = checkin_page_support.window
desk = checkin_page_support.desk


def test_a_thai_layout_scanner_burst_is_green_while_focus_is_elsewhere(desk, qtbot):
    page, store, wid = desk
    pid, code, first = pending(store, wid)[0]
    before = live_counts(store, wid)
    page.results.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.results)
    burst = us_to_thai(payload(code))  # what a USB scanner types with the Thai Kedmanee layout active
    assert burst.startswith("สยยๅว")  # a new badge: no Shift
    send_keys(page.results, burst)
    assert page.panel.state == "green"
    assert first in page.panel.title.text()
    assert "ลงทะเบียนเรียบร้อย" in page.panel.message.text()
    assert page.sound.played[-1] == "green"
    assert attended(store, wid, pid)
    qtbot.waitUntil(lambda: page.recent_model.rowCount() and page.recent_model.row(0).person_id == pid)
    assert live_counts(store, wid).checked_in == before.checked_in + 1
    qtbot.waitUntil(lambda: f"{before.checked_in + 1}" in page.totals.text())


def test_a_burst_while_typing_in_the_search_field_leaves_nothing_in_it(desk, qtbot):
    page, store, wid = desk
    pid, code, _first = pending(store, wid)[1]
    page.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    send_keys(page.search, payload(code))
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert page.search.text() == ""


def test_a_duplicate_scan_is_amber_with_the_first_time_and_desk(desk, qtbot):
    page, store, wid = desk
    _pid, code, first = pending(store, wid)[2]
    send_keys(page.search, payload(code))
    assert page.panel.state == "green"
    before = digest(store.db)
    send_keys(page.search, us_to_thai(payload(code)))
    assert page.panel.state == "amber"
    assert first in page.panel.title.text()
    assert page.panel.message.text().startswith("ลงทะเบียนแล้วที่โต๊ะ 1 เมื่อ ")
    assert page.sound.played[-2:] == ["green", "amber"]
    assert digest(store.db) == before  # the same desk again writes nothing


def test_an_unknown_code_is_red_and_writes_nothing(desk, qtbot):
    page, store, _wid = desk
    before = (digest(store.db), counts(store.db))
    send_keys(page.results, payload(make_code("no one has this")))
    assert page.panel.state == "red" and page.sound.played[-1] == "red"
    assert "ไม่พบรหัสนี้ในรายชื่อ" in page.panel.subtitle.text()
    send_keys(page.results, "ศญญๅซกกกกกกกก")  # malformed
    assert page.panel.state == "red"
    assert (digest(store.db), counts(store.db)) == before
    assert not page.undo_button.isEnabled()


def test_undo_takes_back_the_last_check_in(desk, qtbot):
    page, store, wid = desk
    pid, code, first = pending(store, wid)[3]
    before = live_counts(store, wid).checked_in
    assert not page.undo_button.isEnabled()
    send_keys(page.search, payload(code))
    assert page.undo_button.isEnabled() and first in page.undo_button.toolTip()
    send_keys(page.search, payload(make_code("nobody")))  # a red scan in between does not change what Undo undoes
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert not attended(store, wid, pid)
    assert page.panel.state == "note" and first in page.panel.title.text()
    assert not page.undo_button.isEnabled()
    assert live_counts(store, wid).checked_in == before
    qtbot.waitUntil(lambda: f"{before:,}" in page.totals.text())


def test_slow_typing_searches_and_enter_checks_the_selected_person_in(desk, qtbot):
    page, store, wid = desk
    pid, _code, first = pending(store, wid)[4]
    page.search.setFocus()
    send_keys(page.search, first[:3], gap_ms=300, enter=False)  # a person typing, not a scanner
    qtbot.waitUntil(lambda: page.search.text() == first[:3])
    qtbot.waitUntil(lambda: page.results_model.rowCount() > 0 and not page._search_timer.isActive())
    rows = [page.results_model.person_id(r) for r in range(page.results_model.rowCount())]
    assert pid in rows
    page.results.selectRow(rows.index(pid))
    QTest.qWait(100)
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert page.search.text() == "" and page.results_model.rowCount() == 0


def test_a_double_click_on_a_search_result_checks_in(desk, qtbot):
    page, store, wid = desk
    pid, _code, first = pending(store, wid)[5]
    page.search.setText(first)
    page.run_search()
    rows = [page.results_model.person_id(r) for r in range(page.results_model.rowCount())]
    row = rows.index(pid)
    rect = page.results.visualRect(page.results_model.index(row, 0))
    # a real double click is press, release, double-click, release (QTest's mouseDClick alone lacks the first press)
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.panel.state == "green" and attended(store, wid, pid)


def test_counts_follow_check_ins_made_elsewhere(desk, qtbot):
    page, store, wid = desk
    pid, code, _first = pending(store, wid)[7]
    before = live_counts(store, wid)
    check_in(store, wid, code, desk="9")  # another desk on this data folder, or an import
    qtbot.waitUntil(lambda: page.recent_model.rowCount() and page.recent_model.row(0).person_id == pid)
    qtbot.waitUntil(lambda: f"{before.checked_in + 1:,}" in page.totals.text())
    total = sum(page.by_type_model.row(r).checked_in for r in range(page.by_type_model.rowCount()))
    assert total == before.checked_in + 1
    assert page.recent_model.data(page.recent_model.index(0, 3)) == "9"


def test_the_desk_name_is_editable_and_recorded(desk, qtbot):
    page, store, wid = desk
    _pid, code, _first = pending(store, wid)[8]
    page.desk_edit.setText("ทางเข้า 2")
    page.desk_edit.editingFinished.emit()
    assert store.desk == "ทางเข้า 2" and page.desk() == "ทางเข้า 2"
    send_keys(page.results, payload(code))
    assert page.last_result.desk == "ทางเข้า 2" and "(โต๊ะ ทางเข้า 2)" in page.panel.message.text()
    page.desk_edit.setText("   ")
    page.desk_edit.editingFinished.emit()
    assert store.desk == "ทางเข้า 2" and page.desk_edit.text() == "ทางเข้า 2"


def test_the_workshop_choice_is_remembered(desk, qtbot):
    page, store, wid = desk
    _pid, code, _first = pending(store, wid)[14]
    send_keys(page.results, payload(code))
    assert page.undo_button.isEnabled()
    other = page.workshop.itemData(0)
    assert other != wid
    page.workshop.setCurrentIndex(0)
    assert page.ctx.settings.get(S.LAST_WORKSHOP) == other
    assert page.panel.state == "idle"
    assert not page.undo_button.isEnabled()  # Undo belongs to the workshop it was made at
    page.workshop.setCurrentIndex(page.workshop.findData(wid))
    assert page.ctx.settings.get(S.LAST_WORKSHOP) == wid


@pytest.mark.parametrize(("layout", "badge", "index"), [("us", "old", 0), ("th", "old", 1), ("th-pat", "new", 2)])
def test_a_real_scanners_shifted_burst_into_the_search_field_checks_in(desk, qtbot, layout, badge, index):
    """Shift down, key, Shift up for every capital and ":" (old badges), 30 ms between key events, at the desk's own
    timing: green, written, and nothing left in the search field."""
    from lampang_planner.ui.widgets.scanner import FLUSH_MS, GAP_MS
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    page, store, _kokha = desk
    wid = store.scalar(  # another workshop with people still to come, so the Ko Kha list stays for the other tests
        "SELECT i.workshop_id FROM invitation i WHERE i.deleted = 0 AND i.workshop_id != ? AND i.person_id NOT IN "
        "(SELECT person_id FROM attendance a WHERE a.workshop_id = i.workshop_id AND a.deleted = 0) "
        "GROUP BY i.workshop_id ORDER BY count(*) DESC, i.workshop_id LIMIT 1", (_kokha,))
    page._select_workshop(wid)
    pid, code, first = pending(store, wid)[index]
    page.wedge.set_timing(GAP_MS, FLUSH_MS)
    page.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    send_scan("LPP1:" + code if badge == "old" else payload(code), layout, gap_ms=30)
    assert page.panel.state == "green" and first in page.panel.title.text()
    assert attended(store, wid, pid)
    assert page.search.text() == ""


def test_the_workshop_chooser_ignores_the_wheel_arrows_letters_and_scans(desk, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    page, _store, wid = desk
    combo = page.workshop
    index = combo.currentIndex()
    assert combo.count() > 2
    centre = QPointF(combo.rect().center())
    for delta in (-120, 120, -120):
        wheel = QWheelEvent(centre, combo.mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(combo, wheel)
    combo.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_End, Qt.Key.Key_PageDown):
        QTest.keyClick(combo, key)
    send_keys(combo, "ก", gap_ms=300, enter=False)
    qtbot.wait(200)
    send_keys(combo, payload(make_code("no one at all")))  # a scan while the chooser has focus: red, same workshop
    assert combo.currentIndex() == index and page.workshop_id() == wid
    assert page.panel.state == "red"
