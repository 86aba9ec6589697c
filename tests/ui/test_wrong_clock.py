"""The window says a wrong laptop clock before anything is written: continue, or quit with nothing written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lampang_planner.ui.app import confirm_clock


def kit_from_the_future(store, days: float = 2) -> None:
    made = (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat()
    store.db.execute(
        "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, hlc_max, "
        "file_name, report) VALUES ('k', 'in', 'kit', 'office', ?, ?, 0, '', '', 'kit.lpb', '{}')", (made, made))


def answer(button_text: str, seen: list) -> None:
    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, act)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if button_text in b.text()).click()
    QTimer.singleShot(50, act)


def test_a_clock_behind_the_newest_kit_asks_before_the_window_opens(qtbot, empty_store):
    kit_from_the_future(empty_store)
    seen: list = []
    answer("Quit", seen)
    assert confirm_clock(empty_store) is False
    assert "ย้อนหลัง" in seen[0] and "newest kit" in seen[0]
    answer("Continue", seen)
    assert confirm_clock(empty_store) is True
    assert empty_store.scalar("SELECT COUNT(*) FROM change") == 0


def test_a_right_clock_asks_nothing(qtbot, empty_store):
    assert confirm_clock(empty_store) is True
