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


def test_the_first_run_can_make_this_laptop_open_at_the_door(empty_ctx, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from lampang_planner.ui.first_run import FirstRunDialog
    from lampang_planner.ui.settings import Settings
    from lampang_planner.ui.views.checkin_door import OPEN_AT_START

    dialog = FirstRunDialog(empty_ctx.store, empty_ctx.settings)
    qtbot.addWidget(dialog)
    assert not dialog.door.isChecked() and "ลงทะเบียน" in dialog.door.text()
    dialog.name.setText("เครื่องหน้างาน")
    dialog.district.setCurrentIndex(dialog.district.findText("เกาะคา"))
    dialog.door.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert Settings.for_data_dir(empty_ctx.store.data_dir).get(OPEN_AT_START)


def _empty_checkin(ctx, qtbot, role: str, name: str):
    """The window of an empty folder of this role, on the check-in screen: (window, page)."""
    from lampang_planner.ui.main_window import MainWindow

    ctx.store.set_device(role=role, name=name)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.navigate("checkin")
    return window, window.pages["checkin"]


def test_a_new_field_laptop_is_told_to_import_the_office_kit(empty_ctx, qtbot):
    window, page = _empty_checkin(empty_ctx, qtbot, "laptop", "เครื่องหน้างาน")
    assert "ชุดข้อมูล" in page.panel.subtitle.text() or "kit" in page.panel.subtitle.text()
    assert "เพิ่มเวที" not in page.panel.subtitle.text()  # not "add a workshop": a laptop gets them from the office
    assert page.panel.action.isVisible()
    page.panel.action.click()
    assert window.current_page() is window.pages["exchange"]
    window.close()


def test_the_office_with_no_workshop_is_told_to_add_one(empty_ctx, qtbot):
    window, page = _empty_checkin(empty_ctx, qtbot, "office", "สำนักงาน")
    assert not page.panel.action.isVisible()
    window.close()


def test_once_the_office_kit_is_imported_the_door_offers_its_workshops(empty_ctx, qtbot, demo_folder, tmp_path):
    """The first morning of a new field laptop: told to import the office kit, the desk imports it on the Exchange
    page and comes back to Check-in — which must now offer the kit's workshops, not still say there is none."""
    import shutil

    from lampang_planner.core.db import Store
    from lampang_planner.core.sync.exchange import export_bundle

    shutil.copytree(demo_folder, tmp_path / "office")
    with Store.open(tmp_path / "office") as office:
        kit = export_bundle(office, tmp_path, full=True).path
    window, page = _empty_checkin(empty_ctx, qtbot, "laptop", "เครื่องหน้างาน")
    assert page.workshop.count() == 0
    page.panel.action.click()  # → the Exchange page
    exchange = window.pages["exchange"]
    qtbot.waitUntil(lambda: not exchange.duplicates.searching(), timeout=10_000)
    task = exchange.import_files([kit])
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    qtbot.waitUntil(lambda: not empty_ctx.tasks.active, timeout=30_000)
    window.navigate("checkin")
    qtbot.waitUntil(lambda: page.workshop.count() == 14, timeout=5_000)
    assert page.workshop_id() and not page.panel.action.isVisible()
    assert "ยังไม่มี" not in page.panel.title.text()
    window.close()
