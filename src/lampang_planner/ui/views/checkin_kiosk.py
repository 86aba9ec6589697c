"""Kiosk mode for the check-in desk: the window full screen with only the scan result showing; leaving needs a PIN.

The PIN lives in the settings file (``checkin/kiosk_pin``) as a salted PBKDF2 hash; a folder prepared by hand may
hold the plain digits instead. While kiosk mode is on, the sidebar, menus and status bar are hidden and the window
refuses to close.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.ui.dialogs.form import ERROR_STYLE

_SCHEME = "pbkdf2_sha256"
_ROUNDS = 120_000
PIN_MIN, PIN_MAX = 4, 12


def clean_pin(text: str) -> str:
    """Digits only (Thai digits accepted), spaces dropped."""
    return "".join(to_arabic_digits(text or "").split())


def pin_problem(pin: str) -> tuple[str, str] | None:
    """Why ``pin`` cannot be a kiosk PIN (Thai, English), or None."""
    if not (pin.isascii() and pin.isdigit()) or not PIN_MIN <= len(pin) <= PIN_MAX:
        return (f"PIN ต้องเป็นตัวเลข {PIN_MIN}–{PIN_MAX} หลัก", f"The PIN must be {PIN_MIN}–{PIN_MAX} digits")
    return None


def hash_pin(pin: str, *, rounds: int = _ROUNDS) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), rounds).hex()
    return f"{_SCHEME}${rounds}${salt}${digest}"


def check_pin(stored: str, pin: str) -> bool:
    """True when ``pin`` is the PIN ``stored`` (a hash from :func:`hash_pin`, or plain digits put there by hand)."""
    pin = clean_pin(pin)
    stored = (stored or "").strip()
    if not stored or not pin:
        return False
    if stored.startswith(_SCHEME + "$"):
        try:
            _scheme, rounds, salt, digest = stored.split("$")
            mine = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds)).hex()
        except ValueError:
            return False
        return hmac.compare_digest(mine, digest)
    return hmac.compare_digest(clean_pin(stored).encode(), pin.encode())


class PinDialog(QDialog):
    """``PinDialog(mode="ask")`` asks for the PIN; ``mode="set"`` asks for a new one twice. ``pin`` after Accepted.

    ``verify`` (ask mode) checks a PIN; a wrong one keeps the dialog open with a message.
    """

    def __init__(self, mode: str = "ask", verify=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinDialog")
        self.setModal(True)
        self.mode = mode
        self.verify = verify
        self.pin = ""
        self.failures = 0
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("pin")
        self.second = QLineEdit()
        self.second.setObjectName("pinAgain")
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PIN_MAX + 4)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.form = QFormLayout()
        self.first_label = QLabel()
        self.second_label = QLabel()
        self.form.addRow(self.first_label, self.first)
        if mode == "set":
            self.form.addRow(self.second_label, self.second)
        else:
            self.second.hide()
            self.second_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.first.setFocus()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.first.selectAll()
        self.first.setFocus()

    def _ok(self) -> None:
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


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
