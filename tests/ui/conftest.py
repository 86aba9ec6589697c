"""Fixtures for the window's tests: the application as ``ui.app`` makes it, a context on a data folder, the window."""

from __future__ import annotations

import pytest


@pytest.fixture
def app(qapp):
    """The QApplication with Sarabun, the style and Thai translations, as ``lampang-planner`` starts it."""
    from lampang_planner.ui.app import make_application

    make_application()
    return qapp


def _context(app, store, lang: str = "th"):
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.settings import Settings

    i18n = Translations(app)
    i18n.set_language(lang)
    return AppContext.create(store, Settings.for_data_dir(store.data_dir), i18n)


def _close(ctx) -> None:
    """Stop the context's tasks and take its translator out before its data folder closes; windows built on it are
    deleted first (the ``window`` fixture), so no late event reaches a closed store."""
    from PySide6.QtCore import QCoreApplication, QEvent

    ctx.close()
    ctx.i18n.uninstall()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def demo_ctx(app, demo_store):
    """An AppContext on a private copy of the demo data, in Thai."""
    ctx = _context(app, demo_store)
    yield ctx
    _close(ctx)


@pytest.fixture
def empty_ctx(app, empty_store):
    """An AppContext on an empty data folder, in Thai."""
    ctx = _context(app, empty_store)
    yield ctx
    _close(ctx)


@pytest.fixture
def window(qtbot, demo_ctx):
    """The main window on the demo data, shown."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from lampang_planner.ui.main_window import MainWindow

    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window_on(app, qtbot):
    """window_on(store, lang="th"): the main window on a data folder the test made, shown; it and its context are
    closed after the test (before the test's own fixtures close the store)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from lampang_planner.ui.main_window import MainWindow

    made = []

    def make(store, lang: str = "th"):
        ctx = _context(app, store, lang)
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append((w, ctx))
        return w

    yield make
    for w, ctx in made:
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        _close(ctx)


@pytest.fixture
def type_text(qtbot):
    """type_text(widget, text): key presses for each character, Thai included (QTest.keyClicks aborts on characters
    outside Latin-1, so each key event carries the character as its text, as a real keyboard's does)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    def type_into(widget, text: str) -> None:
        for ch in text:
            key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        QCoreApplication.processEvents()

    return type_into
