"""The ID card at the check-in desk, through the window, on the real PC/SC stack (pcscd + vsmartcard-vpcd + the
virtual card of tests/pcsc_support.py): insert → green panel and an attendance in the database; a stranger's card →
the walk-in form filled from the card; a bad card → red panel, nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox

from lampang_planner.core.devices.thai_id_card import CardError
from lampang_planner.core.ops.card_checkin import CardCheckin
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.sync.digest import digest
from pcsc_support import ATR_3B67, CardPerson

MALI = CardPerson(citizen_id="1520100987650", name_th="นางสาว#มะลิ##ศรีสุข", name_en="Miss#Mali##Srisuk",
                  address="7#หมู่ที่ 2#####ตำบลพระบาท#อำเภอเมืองลำปาง#จังหวัดลำปาง", expiry="25680101")  # fmt: skip


@pytest.fixture
def desk(qtbot, empty_ctx, pcsc):
    from lampang_planner.ui.main_window import MainWindow

    store = empty_ctx.store
    wid = add_workshop(store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2016-09-03", "district_code": "5203"})
    pid = add_person(store, {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "citizen_id": "3520100123457",
                             "subdistrict_code": "520305"}, workshop_id=wid)  # fmt: skip
    w = MainWindow(empty_ctx)
    w.resize(1366, 768)
    w.show()
    w.navigate("checkin", workshop_id=wid)
    page = w.pages["checkin"]
    qtbot.waitUntil(lambda: page.workshop_id() == wid and page.isVisible())
    page.sound.enabled = False
    qtbot.waitUntil(lambda: page.card_reader.status.ready, timeout=10000)
    yield page, store, wid, pid
    page.card_reader.stop()
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def insert(qtbot, page, card):
    with qtbot.waitSignal(page.card_reader.handled, timeout=10000) as blocker:
        card.insert()
    card.pull()
    return blocker.args[0]


def test_a_registered_person_inserts_the_card_and_is_checked_in(desk, qtbot, pcsc):
    page, store, wid, pid = desk
    done = insert(qtbot, page, pcsc.card(atr=ATR_3B67))
    assert isinstance(done, CardCheckin) and done.result.person_id == pid
    assert page.panel.state == "green" and page.panel.title.text() == "นายสมชาย ใจดี"
    assert page.sound.played[-1] == "green"  # the same sound as a scan
    assert store.scalar("SELECT COUNT(*) FROM attendance WHERE workshop_id=? AND person_id=? AND deleted=0",
                        (wid, pid)) == 1  # fmt: skip
    page.grab().save(str(pytest_screenshot_dir() / "idcard-checked-in.png"))


def test_a_stranger_gets_the_walk_in_form_filled_and_consent_decides_the_citizen_id(desk, qtbot, pcsc):
    page, store, wid, _ = desk
    page.card_reader.allowances.setChecked(True)  # this workshop pays allowances
    before = digest(store.db)
    done = insert(qtbot, page, pcsc.card(MALI))
    assert digest(store.db) == before  # reading the card wrote nothing
    dialog = page.card_reader.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.prefix.currentText(), dialog.first_name.text(), dialog.last_name.text()) == ("นางสาว", "มะลิ", "ศรีสุข")
    assert (dialog.places.district_code(), dialog.places.tambon_code()) == ("5201", "520105")
    assert "หมดอายุ" in dialog.card_note.text() and done.note_th  # expired: accepted, with a note
    dialog.grab().save(str(pytest_screenshot_dir() / "idcard-walkin-filled.png"))
    dialog.organisation.setText("สภาองค์กรชุมชนตำบลพระบาท")
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.state == "green")
    row = store.db.execute("SELECT citizen_id, address, consent, subdistrict_code FROM person WHERE first_name='มะลิ'"
                           ).fetchone()  # fmt: skip
    assert row == ("1520100987650", "7 หมู่ที่ 2 ตำบลพระบาท อำเภอเมืองลำปาง จังหวัดลำปาง", 1, "520105")
    assert store.scalar("SELECT pays_allowances FROM workshop WHERE id=?", (wid,)) == 1  # the switch is the workshop's


def test_without_consent_the_citizen_id_from_the_card_is_not_kept(desk, qtbot, pcsc):
    page, store, _, _ = desk
    page.card_reader.allowances.setChecked(True)
    insert(qtbot, page, pcsc.card(MALI))
    dialog = page.card_reader.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.no_consent.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.state == "green")
    assert store.db.execute("SELECT citizen_id, address FROM person WHERE first_name='มะลิ'").fetchone() == (None, None)


def test_in_kiosk_mode_a_stranger_is_sent_to_the_desk_not_given_the_form(desk, qtbot, pcsc):
    page, store, _, _ = desk
    before = digest(store.db)
    page.kiosk_on = True
    page._apply_kiosk()
    try:
        assert page.card_reader.allowances.isHidden()  # participants do not switch what is kept
        done = insert(qtbot, page, pcsc.card(MALI))
        assert done.walk_in is not None and page.card_reader.dialog is None
        assert page.panel.state == "red" and page.panel.title.text() == "ไม่มีชื่อในรายชื่อ"
        assert digest(store.db) == before
    finally:
        page.kiosk_on = False
        page._apply_kiosk()


def test_a_card_that_is_not_a_thai_id_card_turns_the_panel_red(desk, qtbot, pcsc):
    page, store, _, _ = desk
    before = digest(store.db)
    error = insert(qtbot, page, pcsc.card(applet={"thai_id": False}))
    assert isinstance(error, CardError) and page.panel.state == "red"
    assert page.panel.subtitle.text().startswith("บัตรนี้ไม่ใช่บัตรประจำตัวประชาชน")
    assert digest(store.db) == before
    page.grab().save(str(pytest_screenshot_dir() / "idcard-not-thai-id.png"))


def pytest_screenshot_dir():
    from pathlib import Path

    out = Path(__file__).resolve().parents[2] / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out
