"""Answering modal dialogs that the code under test opens with ``exec()`` (the office PIN, confirmations)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def on_modal(kind: type, act, timeout_ms: int = 5000) -> list:
    """Run ``act(dialog)`` once a modal dialog of ``kind`` is up (for code that calls ``exec()``). The list it
    returns gets the dialog, so a test can check it was reached."""
    seen: list = []
    waited = [0]

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            seen.append(w)
            act(w)
        elif waited[0] < timeout_ms:
            waited[0] += 20
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def ok(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


def type_office_pin(pin: str):
    """An ``act`` for :func:`on_modal`: type ``pin`` into the office PIN dialog (setting it when none is set yet)."""

    def act(dialog) -> None:
        if dialog.mode == "set":
            dialog.new.setText(pin)
            dialog.again.setText(pin)
        else:
            dialog.pin.setText(pin)
        ok(dialog)

    return act
