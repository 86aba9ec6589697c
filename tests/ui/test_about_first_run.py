"""Help → About (version, licences: Sarabun's OFL and every component's) and the first-run questions of a new
data folder (this laptop's name, role, district and desk — or the demo data, or quit)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from lampang_planner import __version__
from lampang_planner.ui.settings import Settings


def test_about_box_lists_the_sarabun_ofl_and_pyside6_licence_in_thai(demo_ctx, qtbot):
    from lampang_planner.ui.about import AboutDialog

    dialog = AboutDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "เกี่ยวกับโปรแกรมวางแผนพัฒนา อบจ.ลำปาง"
    assert dialog.tabs.tabText(1) == "สัญญาอนุญาต"
    assert __version__ in dialog.heading.text()
    assert __version__ in dialog.program.text() and str(demo_ctx.store.data_dir) in dialog.program.text()
    assert dialog.licence_of("Sarabun (Cadson Demak)") == "OFL-1.1"
    assert dialog.licence_of("PySide6_Essentials").startswith("LGPL-3.0")
    assert dialog.licence_of("Qt").startswith("LGPL-3.0")
    assert dialog.licence_of("lampang-planner") == "MIT"
    # the dependencies come from the installed packages' metadata: each with its version and a licence
    names = {dialog.table.item(r, 0).text().lower().replace("_", "-") for r in range(dialog.table.rowCount())}
    assert {"sqlalchemy", "alembic", "reportlab", "openpyxl", "cryptography", "zxing-cpp", "uharfbuzz"} <= names
    assert "pytest" not in names  # development tools are not part of the program
    for r in range(dialog.table.rowCount()):
        assert dialog.table.item(r, 1).text(), dialog.table.item(r, 0).text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.ofl.toPlainText()


def test_help_about_opens_the_about_box(window, qtbot):
    seen = []

    def close_it():
        box = QApplication.activeModalWidget()
        seen.append(box.objectName() if box else None)
        if box:
            box.reject()

    QTimer.singleShot(0, close_it)
    window.about_action.trigger()
    assert seen == ["AboutDialog"]


@pytest.fixture
def first_run(empty_ctx, qtbot):
    from lampang_planner.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(empty_ctx.store, empty_ctx.settings)
    qtbot.addWidget(dialog)
    return dialog


def test_first_run_records_name_role_district_and_desk(first_run, empty_ctx):
    from lampang_planner.ui.first_run import DISTRICT, FirstRunChoice, needs_first_run

    store, settings = empty_ctx.store, empty_ctx.settings
    assert needs_first_run(store, settings)
    assert first_run.windowTitle() == "ยินดีต้อนรับสู่โปรแกรมวางแผนพัฒนา อบจ.ลำปาง"
    assert first_run.role.currentText() == "เครื่องภาคสนาม"  # a field laptop unless told otherwise
    first_run.name.setText("  ทีมอำเภอเกาะคา   เครื่อง 2 ")
    first_run.district.setCurrentIndex(first_run.district.findText("เกาะคา"))
    first_run.desk.setText("โต๊ะ 2")
    first_run.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert first_run.choice is FirstRunChoice.SET_UP
    assert first_run.result() == first_run.DialogCode.Accepted
    assert (store.device_name, store.role, store.desk) == ("ทีมอำเภอเกาะคา เครื่อง 2", "laptop", "โต๊ะ 2")
    assert store.query("SELECT name, role, desk FROM device") == [("ทีมอำเภอเกาะคา เครื่อง 2", "laptop", "โต๊ะ 2")]
    reread = Settings.for_data_dir(store.data_dir)
    assert reread.get(DISTRICT) == "5203"  # Ko Kha's DOPA code
    assert not needs_first_run(store, reread)  # not asked again


def test_first_run_office_needs_no_district(first_run, empty_ctx):
    from lampang_planner.ui.first_run import DISTRICT

    first_run.name.setText("อบจ.ลำปาง สำนักงาน")
    first_run.role.setCurrentIndex(first_run.role.findData("office"))
    first_run.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert empty_ctx.store.role == "office" and empty_ctx.store.device_name == "อบจ.ลำปาง สำนักงาน"
    assert Settings.for_data_dir(empty_ctx.store.data_dir).get(DISTRICT) == ""


def test_first_run_explains_bad_answers_in_thai_and_writes_nothing(first_run, empty_ctx):
    from lampang_planner.ui.first_run import SETUP_DONE

    store = empty_ctx.store
    before = store.query("SELECT name, role, desk FROM device")
    first_run.name.setText("   ")
    first_run.desk.setText("x" * 41)
    first_run.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert first_run.isVisible() or first_run.result() != first_run.DialogCode.Accepted
    assert first_run.error_text("name") == "ต้องระบุชื่อเครื่องนี้"
    assert first_run.error_text("district") == "เครื่องภาคสนามต้องระบุอำเภอที่ทำงาน"
    assert "40" in first_run.error_text("desk")
    assert store.query("SELECT name, role, desk FROM device") == before
    assert not Settings.for_data_dir(store.data_dir).get(SETUP_DONE)


def test_first_run_demo_and_quit_write_nothing(first_run, empty_ctx):
    from lampang_planner.ui.first_run import FirstRunChoice, needs_first_run

    before = empty_ctx.store.query("SELECT name, role, desk FROM device")
    first_run.demo_button.click()
    assert first_run.choice is FirstRunChoice.DEMO
    first_run.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert first_run.choice is FirstRunChoice.QUIT
    assert empty_ctx.store.query("SELECT name, role, desk FROM device") == before
    assert needs_first_run(empty_ctx.store, empty_ctx.settings)


def _run_window_with(monkeypatch, choice, folder, demo=False):
    """ui.app.run_window on ``folder`` with the first-run dialog answering ``choice`` and the event loop stubbed;
    returns (exit code, the data folder the window was built on or None)."""
    from lampang_planner.ui import app as app_module
    from lampang_planner.ui import first_run as first_run_module
    from lampang_planner.ui import main_window

    opened = []

    class FakeWindow(QWidget):
        def __init__(self, ctx):
            super().__init__()
            opened.append(ctx.store.data_dir)

        def show(self):
            pass

    asked = []
    monkeypatch.setattr(first_run_module, "run_first_run", lambda store, settings: asked.append(1) or choice)
    monkeypatch.setattr(main_window, "MainWindow", FakeWindow)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "close_on_signals", lambda window: None, raising=False)  # keep pytest's handlers
    ns = argparse.Namespace(data_dir=str(folder), demo=demo, lang=None)
    code = app_module.run_window(ns)
    return code, (opened[0] if opened else None), bool(asked)


def test_quitting_the_first_run_quits_without_a_window(app, monkeypatch, tmp_path):
    from lampang_planner.ui.first_run import FirstRunChoice

    code, opened, asked = _run_window_with(monkeypatch, FirstRunChoice.QUIT, tmp_path / "new")
    assert (code, opened, asked) == (0, None, True)


def test_choosing_the_demo_opens_it_in_its_own_folder(app, monkeypatch, tmp_path):
    from lampang_planner.core.db import Store
    from lampang_planner.ui.first_run import FirstRunChoice

    code, opened, _ = _run_window_with(monkeypatch, FirstRunChoice.DEMO, tmp_path / "new")
    assert code == 0 and opened == tmp_path / "new" / "demo"
    with Store.open(tmp_path / "new" / "demo", create=False) as demo:
        assert demo.scalar("SELECT COUNT(*) FROM workshop") == 14
    with Store.open(tmp_path / "new", create=False) as real:
        assert real.is_empty()  # the real folder got none of it


def test_a_folder_with_data_opens_without_the_questions(app, monkeypatch, demo_dir):
    from lampang_planner.ui.first_run import FirstRunChoice

    code, opened, asked = _run_window_with(monkeypatch, FirstRunChoice.QUIT, demo_dir)
    assert (code, opened, asked) == (0, demo_dir, False)


def test_demo_flag_skips_the_questions(app, monkeypatch, tmp_path):
    from lampang_planner.ui.first_run import FirstRunChoice

    code, opened, asked = _run_window_with(monkeypatch, FirstRunChoice.QUIT, tmp_path / "d", demo=True)
    assert (code, opened, asked) == (0, tmp_path / "d", False)


def test_the_qt_binding_keeps_reference_counts_across_signals(app):
    """The installed PySide6 must not drop a reference to None per signal delivered to a Python slot (6.12.0 does;
    on Python 3.11 the window, the test suite and the packaged program then crash after a few thousand signals),
    unless the guard is active."""
    import sys

    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    got = []
    edit.textChanged.connect(lambda text: got.append(text))
    before = sys.getrefcount(None)
    for i in range(500):
        edit.setText(str(i))
    assert len(got) == 500
    # either the binding keeps its counts, or ui.pyside_guard has made None/True/False immortal (as Python 3.12 does)
    assert before - sys.getrefcount(None) < 250 or getattr(sys, "_lampang_pinned", False)
