"""A USB barcode scanner in keyboard-wedge mode, read without clicking into a field first.

A wedge scanner "types" the code as a very fast burst of key presses and ends it with Enter. While it is started,
:class:`KeyboardWedge` watches every key press the application delivers to one window (an application-level event
filter) and holds back printable keys for a moment:

- if the keys keep coming faster than ``gap_ms`` apart and an Enter (or Tab, which some scanners send) follows
  after at least ``min_length`` characters, it was a scan: ``scanned(text)`` is emitted and none of the keys reaches the focused widget, whatever
  it is (a search field too);
- otherwise (a person typing, a pause, a short burst, another key) the held keys are replayed to the widget they were
  meant for, in order, before anything else happens; slow human typing arrives unchanged, only ``flush_ms`` later.

The text is passed on as typed; a burst typed under the Thai Kedmanee layout arrives as Thai characters, which
``core.qr.normalise_scan`` maps back. Dialogs, popups and other windows are never touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

GAP_MS = 50
"""Keys closer together than this belong to one burst (scanners type a key every 1–20 ms, people every 80+ ms)."""
MIN_LENGTH = 6
"""A burst shorter than this is not a scan (person codes are 9 characters, payloads 14)."""
FLUSH_MS = 80
"""How long held keys wait for the next one before they are given to the focused widget."""

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)  # scanners end a code with CR (some with Tab)
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@dataclass
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class KeyboardWedge(QObject):
    """``KeyboardWedge(scope)``: scans typed into ``scope``'s window while ``scope`` is visible; ``start``/``stop``
    install and remove the application-level filter (the check-in page does it when shown and hidden)."""

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        *,
        gap_ms: int = GAP_MS,
        min_length: int = MIN_LENGTH,
        flush_ms: int = FLUSH_MS,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.min_length = min_length
        self._held: list[_Held] = []
        self._last_ms: float | None = None
        self._last_stamp = 0
        self._replaying = False
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.set_timing(gap_ms, flush_ms)

    def set_timing(self, gap_ms: int, flush_ms: int | None = None) -> None:
        """Keys closer than ``gap_ms`` form a burst; held keys wait ``flush_ms`` (at least ``gap_ms``) for the next."""
        self.gap_ms = gap_ms
        self._timer.setInterval(max(flush_ms if flush_ms is not None else gap_ms + 30, gap_ms))

    # --- switching on and off --------------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._active:
            app.installEventFilter(self)
            self._active = True

    def stop(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if app is not None and self._active:
            app.removeEventFilter(self)
        self._active = False

    @property
    def holding(self) -> str:
        """The keys held back now (for tests and diagnostics)."""
        return "".join(h.text for h in self._held)

    # --- the filter -------------------------------------------------------------------------------------------------

    def _in_scope(self, obj: QObject) -> bool:
        if not isinstance(obj, QWidget) or not shiboken6.isValid(self.scope) or not self.scope.isVisible():
            return False
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return False
        return obj.window() is self.scope.window()

    def _elapsed_ms(self, event: QKeyEvent) -> float | None:
        """Milliseconds since the previous held key: from the events' own time stamps when both have one (true
        hardware timing even if the window was busy), else from the clock when the filter saw them."""
        now = time.monotonic() * 1000.0
        stamp = int(event.timestamp())
        last, last_stamp = self._last_ms, self._last_stamp
        self._last_ms, self._last_stamp = now, stamp
        if last is None:
            return None
        if stamp and last_stamp:
            return float(stamp - last_stamp)
        return now - last

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not self._in_scope(obj):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        text = event.text()
        if event.modifiers() & _COMMAND_MODIFIERS:
            self.flush()
            return False
        if key in _ENTER:
            if not self._held:
                return False
            if kind == QEvent.Type.ShortcutOverride:
                # Keep a shortcut on Enter from eating the end of a scan; decide on the key press itself.
                event.accept()
                return True
            elapsed = self._elapsed_ms(event)
            burst = self.holding
            if len(burst) >= self.min_length and (elapsed is None or elapsed < self.gap_ms):
                self._clear()
                self.scanned.emit(burst)
                return True
            self.flush()
            return False
        if text and all(ch.isprintable() for ch in text):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no single-key shortcut fires: the key comes as a key press, to us first
                return True
            elapsed = self._elapsed_ms(event)
            if self._held and elapsed is not None and elapsed >= self.gap_ms:
                self._replay()  # a pause: what came before was typed, not scanned
            self._held.append(_Held(obj, key, event.modifiers(), text))  # type: ignore[arg-type]
            self._timer.start()
            return True
        self.flush()  # arrows, Backspace, Tab, Escape (or their shortcuts): what was held goes first
        return False

    # --- giving keys back ----------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Give the held keys to the widgets they were meant for (nothing was a scan)."""
        if self._held:
            self._replay()
        self._timer.stop()

    def _clear(self) -> None:
        self._held = []
        self._last_ms = None
        self._last_stamp = 0
        self._timer.stop()

    def _replay(self) -> None:
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.target):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(h.target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
