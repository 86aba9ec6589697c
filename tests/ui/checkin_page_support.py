"""The check-in page's tests' shared window and helpers (tests/ui/test_checkin_*.py): one window per test module on
a copy of the demo, the page put back as it was for each test, key events as a scanner or a person types them,
and the people of the Ko Kha visit still to come."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.ui import settings as S

KOKHA = "เวทีประชาคมแผนพัฒนา อำเภอเกาะคา"


def key_of(ch: str) -> Qt.Key:
    if ch.isascii() and ch.isalnum():
        return Qt.Key(ord(ch.upper()))
    return Qt.Key.Key_unknown


_STAMP = [1_000]  # the key events' own time stamps (ms), rising across the modules


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


_PENDING: dict[tuple[str, str], list] = {}


def pending(store, wid) -> list[tuple[str, str, str]]:
    """(person id, code, first name) of the people invited to ``wid`` and not checked in when the module's copy of the
    demo was first asked; each test takes its own."""
    key = (str(store.data_dir), wid)
    if key not in _PENDING:
        _PENDING[key] = store.query(
            "SELECT p.id, p.code, p.first_name FROM invitation i JOIN person p ON p.id = i.person_id "
            "WHERE i.workshop_id = ? AND i.deleted = 0 AND p.deleted = 0 AND i.person_id NOT IN "
            "(SELECT person_id FROM attendance WHERE workshop_id = ? AND deleted = 0) ORDER BY p.code",
            (wid, wid),
        )
    return _PENDING[key]


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
