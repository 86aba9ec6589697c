"""The door shortcut: ``--checkin [WORKSHOP_ID] [--kiosk]`` opens the window on that workshop's check-in screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from lampang_planner.cli import build_parser

KOKHA = "เวทีประชาคมแผนพัฒนา อำเภอเกาะคา"


def test_the_command_line_takes_checkin_with_or_without_an_id_and_kiosk():
    parser = build_parser()
    assert parser.parse_args(["--checkin", "W1", "--kiosk"]).checkin == "W1"
    assert parser.parse_args(["--checkin", "W1", "--kiosk"]).kiosk
    assert parser.parse_args(["--checkin"]).checkin == ""  # today's workshop
    assert parser.parse_args([]).checkin is None


def test_open_door_shows_that_workshops_check_in(window, qtbot):
    from lampang_planner.ui.views.checkin_door import open_door

    wid = window.ctx.store.scalar("SELECT id FROM workshop WHERE title = ?", (KOKHA,))
    window.navigate("people")
    open_door(window, wid)
    page = window.pages["checkin"]
    assert window.current_page() is page and page.workshop_id() == wid
    qtbot.waitUntil(lambda: page.wedge.active)


def test_open_door_in_kiosk_mode_asks_for_a_pin_first(window, qtbot):
    from lampang_planner.ui.views.checkin_door import open_door

    wid = window.ctx.store.scalar("SELECT id FROM workshop WHERE title = ?", (KOKHA,))
    open_door(window, wid, kiosk=True)
    page = window.pages["checkin"]
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "PinDialog"]
    assert page.kiosk_on or dialogs


def test_an_unknown_workshop_id_is_said_on_screen_thai_first(window, qtbot, capsys):
    from lampang_planner.ui.views.checkin_door import open_door

    open_door(window, "no-such-workshop")
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and boxes[0].objectName() == "doorError"
    text = boxes[0].text()
    assert text.index("ไม่พบเวที") < text.index("No workshop") and "kit" in text
    assert window.current_page() is window.pages["checkin"]
    boxes[0].close()
    assert "ไม่พบเวที" in capsys.readouterr().err
