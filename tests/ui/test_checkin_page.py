"""The check-in screen through the window: scanner bursts wherever focus is, green / amber / red, undo, name search,
walk-ins, live counts, kiosk mode with its PIN, the camera's absence, and the table models."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.ops.checkin import check_in, live_counts
from lampang_planner.core.qr import make_code, payload
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.keyboard import us_to_thai
from lampang_planner.ui import settings as S

KOKHA = "เวทีประชาคมแผนพัฒนา อำเภอเกาะคา"


def key_of(ch: str) -> Qt.Key:
    if ch.isascii() and ch.isalnum():
        return Qt.Key(ord(ch.upper()))
    return Qt.Key.Key_unknown


_STAMP = [1_000]  # the key events' own time stamps (ms), rising across the module


def send_keys(widget, text: str, gap_ms: int = 2, enter: bool = True) -> None:
    """Key events carrying their text (Thai too), ``gap_ms`` apart, as a keyboard-wedge scanner types them into
    ``widget``, which has the keyboard focus (where a keyboard's keys arrive, and where the scan catcher watches).

    The gaps are in the events' time stamps, as a keyboard's are, and the catcher reads those: a burst is not waited
    out in real time, where a loaded machine pausing this process for 80 ms let the catcher's timer end the burst
    halfway (a real scanner's next keys would already be waiting). Slow typing (``gap_ms`` ≥ 50) also lets the time
    pass, as a person's does."""
    widget.setFocus()
    keys = [(key_of(ch), ch) for ch in text] + ([(Qt.Key.Key_Return, "\r")] if enter else [])
    for key, ch in keys:
        if gap_ms >= 50:
            QTest.qWait(gap_ms)
        _STAMP[0] += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(_STAMP[0])
            QApplication.sendEvent(widget, event)


_PENDING: dict[str, list] = {}


def pending(store, wid) -> list[tuple[str, str, str]]:
    """(person id, code, first name) of the people invited to ``wid`` and not checked in when the module started;
    each test takes its own."""
    if wid not in _PENDING:
        _PENDING[wid] = store.query(
            "SELECT p.id, p.code, p.first_name FROM invitation i JOIN person p ON p.id = i.person_id "
            "WHERE i.workshop_id = ? AND i.deleted = 0 AND p.deleted = 0 AND i.person_id NOT IN "
            "(SELECT person_id FROM attendance WHERE workshop_id = ? AND deleted = 0) ORDER BY p.code",
            (wid, wid),
        )
    return _PENDING[wid]


def attended(store, wid, pid) -> bool:
    row = store.db.execute("SELECT deleted FROM attendance WHERE id=?", (natural_id(Attendance, wid, pid),)).fetchone()
    return row is not None and not row[0]


@pytest.fixture(scope="module")
def shared_window(qapp, demo_folder, tmp_path_factory):
    """One window on one copy of the demo for the whole module: each test uses other people of the Ko Kha visit, and
    ``desk`` puts the page back as it was (fewer windows keeps the module fast)."""
    import shutil

    from PySide6.QtCore import QCoreApplication, QEvent

    from lampang_planner.core.db import Store
    from lampang_planner.ui.app import make_application
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.main_window import MainWindow
    from lampang_planner.ui.settings import Settings

    app = make_application()
    folder = tmp_path_factory.mktemp("checkin") / "demo"
    shutil.copytree(demo_folder, folder)
    store = Store.open(folder)
    i18n = Translations(app)
    i18n.set_language("th")
    ctx = AppContext.create(store, Settings.for_data_dir(folder), i18n)
    w = MainWindow(ctx)
    w.show()
    yield w
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ctx.close()
    i18n.uninstall()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()


@pytest.fixture
def window(shared_window, qtbot):
    qtbot.waitExposed(shared_window)
    return shared_window


@pytest.fixture
def desk(window, qtbot):
    """The check-in page on the Ko Kha district visit of the demo (99 invited, 84 checked in), desk "1"."""
    store = window.ctx.store
    wid = store.scalar("SELECT id FROM workshop WHERE title = ?", (KOKHA,))
    window.ctx.settings.reset(S.KIOSK_PIN)
    window.navigate("checkin", workshop_id=wid)
    page = window.pages["checkin"]
    qtbot.waitUntil(lambda: page.workshop_id() == wid and page.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: page.wedge.active)
    page.desk_edit.setText("1")
    page.desk_edit.editingFinished.emit()
    page.search.clear()
    page.undo_target = None
    page.show_idle()
    page._update_buttons()
    page.sound.enabled = False  # the test still sees what would have played in sound.played
    # keys 2 ms apart are a scanner, 300 ms apart a person; a wider gap than the desk's 50 ms keeps a busy test
    # machine from splitting a burst
    page.wedge.set_timing(120, 150)
    yield page, store, wid
    if page.kiosk_on:
        page.leave_kiosk()
    for w in QApplication.topLevelWidgets():  # a dialog a failed test left open
        if w is not window and w.isVisible() and w.isModal():
            w.close()


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


def test_walk_in_registration_invites_and_checks_in_in_one_step(desk, qtbot):
    page, store, wid = desk
    before = live_counts(store, wid)
    people_before = counts(store.db)["people"]
    dialog = page.open_walkin()
    qtbot.waitExposed(dialog)
    assert dialog.places.district_code() == "5203"  # the workshop's district is offered first
    qtbot.mouseClick(dialog.quick[2], Qt.MouseButton.LeftButton)
    assert dialog.prefix.currentText() == "นางสาว"
    dialog.first_name.setText("ปราณี")
    dialog.last_name.setText("ทดสอบเดินเข้า")
    dialog.organisation.setText("กลุ่มแม่บ้านบ้านนาแก้ว")
    dialog.places.tambon.setCurrentIndex(dialog.places.tambon.findData("520303"))
    dialog.phone.setText("089-123-4567")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # consent not asked yet
    assert dialog.isVisible() and dialog.error_text("consent")
    assert counts(store.db)["people"] == people_before
    dialog.consent.setChecked(True)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.panel.state == "green" and "นางสาวปราณี ทดสอบเดินเข้า" in page.panel.title.text()
    result = page.last_result
    assert result.person_created and result.this_desk == page.desk()
    after = live_counts(store, wid)
    assert (after.checked_in, after.invited) == (before.checked_in + 1, before.invited + 1)
    assert store.scalar("SELECT phone FROM person WHERE id=?", (result.person_id,)) == "0891234567"
    assert page.badge_person == (result.person_id, result.name)
    # Undo takes the whole registration back
    page.undo_last()
    assert counts(store.db)["people"] == people_before


def test_walk_in_form_offers_the_person_already_on_file(desk, qtbot):
    page, store, wid = desk
    pid, _code, first = pending(store, wid)[6]
    people_before = counts(store.db)["people"]
    dialog = page.open_walkin()
    dialog.first_name.setText(first)
    dialog.find_matches()
    assert dialog.matches.isVisible() and dialog.matches.count() >= 1
    ids = [dialog.matches.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.matches.count())]
    dialog.matches.setCurrentRow(ids.index(pid))
    assert dialog.use_match.isEnabled()
    qtbot.mouseClick(dialog.use_match, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert counts(store.db)["people"] == people_before  # no duplicate made


def test_walk_in_problems_are_shown_per_field_and_nothing_is_written(desk, qtbot):
    page, store, _wid = desk
    before = digest(store.db)
    dialog = page.open_walkin()
    dialog.phone.setText("123")
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("first_name") == "ต้องระบุชื่อ"
    assert dialog.error_text("phone")
    assert digest(store.db) == before
    dialog.reject()


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


def test_kiosk_mode_is_full_screen_and_needs_the_pin_to_leave(desk, qtbot, window):
    page, store, wid = desk
    assert not page.ctx.settings.get(S.KIOSK_PIN)
    dialog = page.enter_kiosk()  # no PIN yet: choose one first
    assert dialog is not None and dialog.mode == "set"
    dialog.first.setText("2559")
    dialog.second.setText("2560")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and not dialog.error.isHidden() and not page.kiosk_on
    dialog.first.setText("๒๕๕๙")  # Thai digits are digits
    dialog.second.setText("2559")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.kiosk_on
    stored = page.ctx.settings.get(S.KIOSK_PIN)
    assert json.loads(stored)["alg"] == "scrypt" and "2559" not in stored  # the core's scheme, as the office PIN
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert window.sidebar.isHidden() and window.menuBar().isHidden()
    assert page.search.isHidden() and page.walkin_button.isHidden() and page.recent.isHidden()
    assert not window.close() and window.isVisible()  # the kiosk window refuses to close

    # scanning still works, and the result goes back to the welcome prompt so the next person sees no name
    page._idle_timer.setInterval(600)  # long enough for a loaded test machine to look at the green first
    pid, code, _first = pending(store, wid)[9]
    send_keys(page.panel, us_to_thai(payload(code)))
    assert page.panel.state == "green" and attended(store, wid, pid)
    qtbot.waitUntil(lambda: page.panel.state == "idle")

    ask = page.ask_leave_kiosk()
    ask.first.setText("1234")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ask.isVisible() and ask.error.text() and page.kiosk_on
    ask.first.setText("2559")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not page.kiosk_on
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.sidebar.isHidden() and not page.search.isHidden()


def test_a_pin_prepared_by_hand_in_the_settings_file_works(desk):
    page, _store, _wid = desk
    page.ctx.settings.set(S.KIOSK_PIN, "4321")
    assert page.enter_kiosk() is None and page.kiosk_on
    assert "4321" not in page.ctx.settings.get(S.KIOSK_PIN)  # hashed as soon as the desk read it: no plain digits
    ask = page.ask_leave_kiosk()
    ask.first.setText("4321")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not page.kiosk_on


def test_an_older_pbkdf2_kiosk_pin_opens_and_is_replaced_by_the_cores_scrypt_hash(desk):
    import hashlib

    page, _store, _wid = desk
    salt = "00112233445566778899aabbccddeeff"
    digest = hashlib.pbkdf2_hmac("sha256", b"8642", bytes.fromhex(salt), 1000).hex()
    page.ctx.settings.set(S.KIOSK_PIN, f"pbkdf2_sha256$1000${salt}${digest}")  # as versions before #14 stored it
    assert page.enter_kiosk() is None and page.kiosk_on
    ask = page.ask_leave_kiosk()
    ask.first.setText("8642")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not page.kiosk_on
    assert json.loads(page.ctx.settings.get(S.KIOSK_PIN))["alg"] == "scrypt"


def test_without_a_camera_the_button_is_disabled_with_the_reason(desk):
    from lampang_planner.ui.widgets.camera import NO_MODULE, camera_problem

    page, _store, _wid = desk
    problem = camera_problem()
    if problem is None:
        pytest.skip("this machine has a camera")
    assert not page.camera_button.isEnabled()
    reason = page.camera_button.toolTip()
    assert reason and reason == page.camera_note.text() and page.camera_note.isVisible()
    if problem == NO_MODULE:
        assert "PySide6-Addons" in reason


def test_a_camera_frame_checks_in_through_the_same_path(desk, qtbot):
    from PySide6.QtGui import QImage

    from lampang_planner.core.qr import qr_png_bytes

    page, store, wid = desk
    pid, code, _first = pending(store, wid)[10]
    page.camera.handle_image(QImage.fromData(qr_png_bytes(code, box_size=6)))
    qtbot.waitUntil(lambda: page.panel.state == "green")
    assert attended(store, wid, pid) and page.last_result.person_id == pid


def test_the_result_follows_the_language(desk, qtbot, window):
    page, store, wid = desk
    _pid, code, _first = pending(store, wid)[11]
    send_keys(page.search, payload(code))
    assert "ลงทะเบียนเรียบร้อย" in page.panel.message.text()
    window.set_language("en")
    qtbot.waitUntil(lambda: "checked in at" in page.panel.message.text())
    assert page.by_type_model.data(page.by_type_model.index(0, 0)) in {
        "Network coordinating committee", "Network member", "State agency", "Private sector",
        "Local government organisation", "Tambon community council", "Other",
    }  # fmt: skip
    window.set_language("th")
    qtbot.waitUntil(lambda: "ลงทะเบียนเรียบร้อย" in page.panel.message.text())


def test_the_checkin_models_pass_the_model_tester(desk, qtmodeltester):
    page, store, wid = desk
    _pid, code, first = pending(store, wid)[12]
    check_in(store, wid, code)
    page.refresh_live()
    page.search.setText(first[:2])
    page.run_search()
    for model in (page.results_model, page.recent_model, page.by_type_model, page.by_district_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def _walk_in(page, store, wid, first: str):
    from lampang_planner.core.ops.checkin import register_walk_in

    result = register_walk_in(store, wid, {"first_name": first, "last_name": "ทดสอบพิมพ์", "consent": True}, desk="1")
    page.show_result(result)
    return result


def test_without_a_printer_the_badge_opens_in_the_viewer_or_the_screen_says_where_it_is(desk, qtbot, monkeypatch):
    from lampang_planner.ui.views import checkin_badge

    page, store, wid = desk
    if checkin_badge.badge_renderer() is None:
        pytest.skip("this version has no badge renderer (core.reports.badges.badge_pdf)")
    monkeypatch.setattr(checkin_badge, "printer_names", lambda: [])
    opened: list[str] = []
    monkeypatch.setattr(checkin_badge.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    _walk_in(page, store, wid, "พิมพ์หนึ่ง")
    assert page.badge_button.isEnabled() and "พิมพ์หนึ่ง" in page.badge_button.toolTip()
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0].endswith(".pdf") and open(opened[0], "rb").read(5) == b"%PDF-"
    assert "PDF" in page.badge_note.text() and page.badge_note.isVisible()
    qtbot.waitUntil(page.badge_button.isEnabled)
    monkeypatch.setattr(checkin_badge.QDesktopServices, "openUrl", lambda url: False)  # no viewer either
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "บันทึกไว้ที่" in page.badge_note.text(), timeout=20_000)  # said on screen, with the file
    assert str(page.badges.last_pdf) in page.badge_note.text()


def test_the_first_badge_asks_for_the_printer_and_paper_and_remembers_them(desk, qtbot, monkeypatch):
    from lampang_planner.ui.views import checkin_badge
    from lampang_planner.ui.widgets.badge_printer import BADGE_PAPER, BADGE_PRINTER, PrintOutcome

    page, store, wid = desk
    if checkin_badge.badge_renderer() is None:
        pytest.skip("this version has no badge renderer (core.reports.badges.badge_pdf)")
    sent: list[tuple] = []
    monkeypatch.setattr(checkin_badge, "printer_names", lambda: ["Brother-QL", "Office"])
    def fake_print(_pdf, printer, paper, _title):
        sent.append((printer, paper))
        return PrintOutcome(True, f"sent to {printer}")

    monkeypatch.setattr(checkin_badge, "print_badge_pdf", fake_print)
    page.ctx.settings.reset(BADGE_PRINTER)
    _walk_in(page, store, wid, "พิมพ์สอง")
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.badges.dialog is not None and page.badges.dialog.isVisible(), timeout=20_000)
    dialog = page.badges.dialog
    dialog.printer.setCurrentIndex(dialog.printer.findText("Office"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.accept()
    assert sent == [("Office", "a4")] and "Office" in page.badge_note.text()
    assert (page.ctx.settings.get(BADGE_PRINTER), page.ctx.settings.get(BADGE_PAPER)) == ("Office", "a4")
    qtbot.waitUntil(page.badge_button.isEnabled)
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)  # the second time: no question
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=20_000)
    assert page.badges.dialog is None and sent[1] == ("Office", "a4")
    page.ctx.settings.reset(BADGE_PRINTER)
    page.ctx.settings.reset(BADGE_PAPER)


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


def _not_invited(store, wid) -> tuple[str, str, str]:
    """(id, code, first name) of someone on file who is not on ``wid``'s invitation list and not checked in to it."""
    return store.query(
        "SELECT p.id, p.code, p.first_name FROM person p WHERE p.deleted = 0 AND p.merged_into IS NULL AND p.id NOT IN "
        "(SELECT person_id FROM invitation WHERE workshop_id = ? AND deleted = 0) AND p.id NOT IN "
        "(SELECT person_id FROM attendance WHERE workshop_id = ?) ORDER BY p.code",
        (wid, wid),
    )


def test_someone_not_invited_is_amber_and_f2_checks_them_in_with_the_invitation(desk, qtbot):
    from lampang_planner.core.model import Invitation

    page, store, wid = desk
    pid, code, first = _not_invited(store, wid)[0]
    before = (digest(store.db), counts(store.db))
    send_keys(page.search, payload(code))
    assert page.panel.state == "amber" and first in page.panel.title.text()
    assert "ไม่อยู่ในรายชื่อเชิญ" in page.panel.message.text() and page.panel.action.isVisible()
    assert "F2" in page.panel.action.text() and page.sound.played[-1] == "amber"
    assert (digest(store.db), counts(store.db)) == before and not attended(store, wid, pid)  # nothing written yet
    QTest.keyClick(page.search, Qt.Key.Key_F2)
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert not page.panel.action.isVisible()
    invitation = store.db.execute("SELECT deleted FROM invitation WHERE id=?",
                                  (natural_id(Invitation, wid, pid),)).fetchone()
    assert invitation == (0,)
    QTest.keyClick(page.search, Qt.Key.Key_F2)  # again: nothing more
    assert page.panel.state == "green"


def test_a_red_scan_replaces_the_amber_at_once_and_f2_then_does_nothing(desk, qtbot):
    page, store, wid = desk
    pid, code, _first = _not_invited(store, wid)[1]
    send_keys(page.search, payload(code))
    assert page.panel.state == "amber"
    send_keys(page.search, "ศญญๅซกกกกกกกก")  # a garbled scan
    assert page.panel.state == "red" and page.sound.played[-1] == "red" and not page.panel.action.isVisible()
    QTest.keyClick(page.search, Qt.Key.Key_F2)
    assert page.panel.state == "red" and not attended(store, wid, pid)


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
