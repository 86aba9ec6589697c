"""The check-in screen through the window: kiosk mode with its PIN, the camera (or its absence), the result in the
window's language, and the page's table models."""

from __future__ import annotations

import json

import checkin_page_support
import pytest
from checkin_page_support import attended, pending, send_keys
from PySide6.QtWidgets import QDialogButtonBox

from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.qr import payload
from lampang_planner.core.thai.keyboard import us_to_thai
from lampang_planner.ui import settings as S

shared_window = checkin_page_support.shared_window  # one window per module (the fixtures: checkin_page_support.py)
window = checkin_page_support.window
desk = checkin_page_support.desk


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
