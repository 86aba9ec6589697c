"""Kiosk mode for the check-in desk: the window full screen with only the scan result showing; leaving needs a PIN.

The PIN lives in the settings file (``checkin/kiosk_pin``), hashed by the core (``core.privacy.kiosk_pin``: scrypt,
as the office PIN; plain digits put there by hand are hashed when the desk first reads them). While kiosk mode is on,
the sidebar, menus and status bar are hidden and the window refuses to close.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.kiosk_pin import check_kiosk_pin, migrate_kiosk_pin, new_kiosk_pin
from lampang_planner.core.privacy.pin import MAX_DIGITS, MIN_DIGITS, check_pin_shape, normalise_pin
from lampang_planner.ui import settings as S
from lampang_planner.ui.dialogs.pin import PinDialogBase, pin_edit
from lampang_planner.ui.settings import Settings

PIN_MIN, PIN_MAX = MIN_DIGITS, MAX_DIGITS


def clean_pin(text: str) -> str:
    """Digits only (Thai digits accepted), spaces dropped."""
    return normalise_pin(text)


def pin_problem(pin: str) -> tuple[str, str] | None:
    """Why ``pin`` cannot be a kiosk PIN (Thai, English), or None (the core's rule, ``core.privacy.pin``)."""
    try:
        check_pin_shape(pin)
    except UserError as exc:
        return exc.th, exc.en
    return None


def stored_kiosk_pin(settings: Settings) -> str:
    """The kiosk PIN's hashed form ("" when none is set); plain digits found in the file are hashed and saved first."""
    stored = settings.get(S.KIOSK_PIN)
    migrated = migrate_kiosk_pin(stored)
    if migrated != stored:
        _save(settings, migrated)
    return migrated


def save_kiosk_pin(settings: Settings, pin: str) -> None:
    _save(settings, new_kiosk_pin(pin))


def kiosk_pin_ok(settings: Settings, pin: str) -> bool:
    """Whether ``pin`` leaves kiosk mode (an older PBKDF2 hash is replaced by the scrypt form once it matches)."""
    check = check_kiosk_pin(stored_kiosk_pin(settings), pin)
    if check.upgraded:
        _save(settings, check.upgraded)
    return check.ok


def _save(settings: Settings, value: str) -> None:
    settings.set(S.KIOSK_PIN, value)
    settings.sync()


class PinDialog(PinDialogBase):
    """``PinDialog(mode="ask")`` asks for the PIN; ``mode="set"`` asks for a new one twice. ``pin`` after Accepted.

    ``verify`` (ask mode) checks a PIN; a wrong one keeps the dialog open with a message.
    """

    def __init__(self, mode: str = "ask", verify=None, parent: QWidget | None = None) -> None:
        super().__init__(parent, "PinDialog")
        self.mode = mode
        self.verify = verify
        self.pin = ""
        self.failures = 0
        self.first = pin_edit("pin", sensitive=False)
        self.second = pin_edit("pinAgain", sensitive=False)
        self.first_label = QLabel()
        self.second_label = QLabel()
        self.form.addRow(self.first_label, self.first)
        if mode == "set":
            self.form.addRow(self.second_label, self.second)
        else:
            self.second.hide()
            self.second_label.hide()
        self.retranslate()
        self.first.setFocus()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.first.selectAll()
        self.first.setFocus()

    def on_ok(self) -> None:
        from lampang_planner.ui.i18n import current_language

        lang = current_language()
        pin = clean_pin(self.first.text())
        if self.mode == "set":
            problem = pin_problem(pin)
            if problem:
                self._fail(problem[1] if lang == "en" else problem[0])
                return
            if clean_pin(self.second.text()) != pin:
                self.second.clear()
                self._fail(self.tr("The two PINs differ; type the same PIN twice."))
                return
        elif self.verify is not None and not self.verify(pin):
            self.failures += 1
            self.first.clear()
            self._fail(self.tr("Wrong PIN."))
            return
        self.pin = pin
        self.accept()

    def retranslate(self) -> None:
        if self.mode == "set":
            self.setWindowTitle(self.tr("Set the kiosk PIN"))
            self.intro.setText(
                self.tr("Kiosk mode shows only the scan result, full screen. Choose a PIN of {min}–{max} digits: it "
                        "is needed to leave kiosk mode.").format(min=PIN_MIN, max=PIN_MAX)
            )
            self.first_label.setText(self.tr("New PIN"))
            self.second_label.setText(self.tr("The PIN again"))
        else:
            self.setWindowTitle(self.tr("Leave kiosk mode"))
            self.intro.setText(self.tr("Type the kiosk PIN to leave kiosk mode."))
            self.first_label.setText(self.tr("PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


class KioskMode(QObject):
    """Puts the page's window into kiosk mode and back. The page hides its own admin controls."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.active = False
        self._window: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._was_maximised = False

    def _chrome(self, window: QWidget) -> list[QWidget]:
        """The window's parts a kiosk hides: sidebar, menu bar, status bar."""
        parts: list[QWidget] = []
        if isinstance(window, QMainWindow):
            parts += [window.menuBar(), window.statusBar()]
        sidebar = window.findChild(QWidget, "sidebar")
        if sidebar is not None:
            parts.append(sidebar)
        return [w for w in parts if w is not None and w.isVisible()]

    def enter(self) -> None:
        if self.active:
            return
        window = self.page.window()
        self._window = window
        self._was_maximised = window.isMaximized()
        self._hidden = self._chrome(window)
        for w in self._hidden:
            w.hide()
        window.installEventFilter(self)
        window.showFullScreen()
        self.active = True

    def leave(self) -> None:
        if not self.active:
            return
        window = self._window
        self.active = False
        if window is not None:
            window.removeEventFilter(self)
            for w in self._hidden:
                w.show()
            if self._was_maximised:
                window.showMaximized()
            else:
                window.showNormal()
        self._hidden = []
        self._window = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.active and obj is self._window and event.type() == QEvent.Type.Close:
            event.ignore()  # the window stays while in kiosk mode; leave with the PIN first
            return True
        return False
