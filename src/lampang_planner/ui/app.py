"""Starting the window: QApplication, the bundled Thai font, translations, the data folder, the main window."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lampang_planner import APP_NAME, __version__
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import resolve_data_dir, resources_dir
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.fonts import register_fonts, ui_font
from lampang_planner.ui.i18n import Translations

STYLE = """
QLabel#pageHeading { font-size: 17pt; font-weight: bold; padding: 2px 8px 2px 0; }
QLabel#detailHeading { font-size: 14pt; font-weight: bold; }
QLabel#detailSubheading { color: #4a4a4a; }
QLabel#detailLabel { color: #5a5a5a; }
QListWidget#sidebar { background: #f2f4f7; border: none; border-right: 1px solid #d5d9e0; font-size: 11pt;
                      padding-top: 8px; outline: 0; }
QListWidget#sidebar::item { padding: 9px 14px; }
QListWidget#sidebar::item:selected { background: #1f5fa8; color: white; }
"""


def demo_data_dir(args: argparse.Namespace) -> Path:
    """--demo opens ``--data-dir`` when given, else ``demo/`` inside the usual data folder (so it never mixes with
    real data)."""
    if getattr(args, "data_dir", None):
        return resolve_data_dir(args.data_dir)
    return resolve_data_dir(None) / "demo"


def open_demo_store(folder: Path) -> Store:
    """The demo data folder ``folder``, filled with the demo data first if it is empty."""
    store = Store.open(folder, create=True)
    try:
        if store.is_empty():
            from lampang_planner.core.demo import load_demo

            load_demo(store)
            store.set_device(role="office", name="อบจ.ลำปาง (ข้อมูลตัวอย่าง)")
    except BaseException:
        store.close()
        raise
    return store


def open_store(args: argparse.Namespace) -> Store:
    """The data folder the window works on; with --demo, filled with the demo data first if it is empty."""
    if getattr(args, "demo", False):
        return open_demo_store(demo_data_dir(args))
    return Store.open(resolve_data_dir(getattr(args, "data_dir", None)), create=True)


ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The program's icon, every size rendered from resources/icons/lampang-planner.svg (packaging/make_icons.py)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"lampang-planner-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def make_application() -> QApplication:
    """The QApplication (reused if one exists) with Sarabun registered and made the application font."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Lampang Planner")
    app.setOrganizationName("LampangPAO")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_NAME)  # packaging/lampang-planner.desktop: the desktop pairs windows and menu entry
    register_fonts()
    app.setFont(ui_font())
    app.setStyleSheet(STYLE)
    return app  # type: ignore[return-value]


def show_open_error(exc: UserError) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Lampang Planner", f"{exc.th}\n\n{exc.en}")
    box.setObjectName("openError")
    box.addButton("ปิด (Close)", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm_clock(store: Store) -> bool:
    """A laptop clock that cannot be right is said before anything is written: continue (True) or quit."""
    problem = store.clock_problem()
    if problem is None:
        return True
    err = problem.error()
    box = QMessageBox(QMessageBox.Icon.Warning, "Lampang Planner", f"{err.th}\n\n{err.en}")
    box.setObjectName("wrongClock")
    go_on = box.addButton("ทำงานต่อ (Continue)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("ปิดโปรแกรม (Quit)", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go_on


def close_on_signals(window: QWidget) -> None:
    """Ctrl+C in the terminal, or SIGTERM when the desktop session ends, closes the window the normal way (settings
    saved, exit code 0). Python runs signal handlers only between bytecodes, so a timer gives it the chance."""
    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(200)


def run_window(args: argparse.Namespace) -> int:
    """Open the window; returns the exit code (0 when closed normally, 2 when the data folder cannot be opened)."""
    app = make_application()
    i18n = Translations(app)
    i18n.set_language(getattr(args, "lang", None) or "th")
    try:
        store = open_store(args)
    except UserError as exc:
        show_open_error(exc)
        return 2
    try:
        if not confirm_clock(store):
            return 0
        settings = S.Settings.for_data_dir(store.data_dir)
        lang = getattr(args, "lang", None) or settings.get(S.LANGUAGE)
        i18n.set_language(lang)
        if not getattr(args, "demo", False):
            from lampang_planner.ui.first_run import FirstRunChoice, needs_first_run, run_first_run

            if needs_first_run(store, settings):
                choice = run_first_run(store, settings)
                if choice is FirstRunChoice.QUIT:
                    return 0
                if choice is FirstRunChoice.DEMO:  # the demo lives in demo/ inside this folder, never mixed in
                    demo = open_demo_store(store.data_dir / "demo")
                    store.close()
                    store = demo
                    settings = S.Settings.for_data_dir(store.data_dir)
        ctx = AppContext.create(store, settings, i18n)
        from lampang_planner.ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
        from lampang_planner.ui.views.checkin_door import OPEN_AT_START, open_door

        door = getattr(args, "checkin", None)
        if door is not None or getattr(args, "kiosk", False) or settings.get(OPEN_AT_START):
            open_door(window, door or None, kiosk=getattr(args, "kiosk", False))
        close_on_signals(window)
        code = app.exec()
        ctx.close()
        settings.sync()
        return code
    finally:
        store.close()
