"""A USB barcode scanner in keyboard-wedge mode, read without clicking into a field first.

A wedge scanner "types" the code as a very fast burst of key presses, the way a keyboard would: a capital letter or
``:`` is Shift pressed, the key pressed and released, Shift released. While it is started, :class:`KeyboardWedge`
watches the key events of one window where they arrive, at the widget that has keyboard focus (or the window itself
when nothing has), and holds back printable keys for a moment:

- keys closer together than ``gap_ms`` (measured from the previous key event of any kind, press or release,
  modifiers included, so a Bluetooth scanner's 30 ms gaps and its Shift presses keep one burst together) form a
  burst; once a burst holds ``ESTABLISHED`` characters, a pause up to ``HICCUP_MS`` (a busy computer) does not end it;
- a burst of at least ``min_length`` characters followed by Enter or Tab, or one that simply stops and reads as a
  person code (scanners set to send no suffix), is a scan: ``scanned(text)`` is emitted and none of its keys reaches
  the focused widget, whatever it is (the search field too);
- otherwise (a person typing, a pause, a short burst, an arrow or Backspace, a Ctrl shortcut) the held keys are
  replayed to the widget they were meant for, in order, with their modifiers, before anything else happens; slow
  human typing arrives unchanged, only ``flush_ms`` later.

Modifier-only keys (Shift, Ctrl, Alt, AltGr, CapsLock, NumLock, Meta) never end or break a burst: they only count as
activity. Outside a burst they pass through; inside one they are kept from the widget with the burst's other keys
(given back, the held keys carry their modifiers), and so are the releases of every key held back. A character typed with AltGr (Ctrl+Alt on Windows) is a character. Auto-repeated keys
(a key held down) are always typing.

The text is passed on as typed; a burst typed under a Thai layout arrives as Thai characters, which
``core.qr.normalise_scan`` maps back. Dialogs, popups and other windows are never touched.

The filter sits on the focus widget and moves with the focus (``QApplication.focusChanged``), so each key event passes
through Python once, where it arrives. An application-wide filter would run for every event of the program, and for
every key event again at each parent widget it propagates to (a key release or a Shift the field ignores climbs the
whole window): five times per key on the check-in page, most of a scan's time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from lampang_planner.core.qr import normalise_scan

GAP_MS = 50
"""Key events closer together than this belong to one burst (scanners: 1–30 ms; people: rarely all under 50 ms)."""
MIN_LENGTH = 6
"""A burst shorter than this is not a scan (person codes are 9 characters, payloads 14)."""
FLUSH_MS = 80
"""How long held keys wait for the next key event before the burst counts as stopped."""
ESTABLISHED = 4
"""Held characters after which a burst is surely a machine's: no person types four keys under ``gap_ms`` apart."""
HICCUP_MS = 250
"""An established burst survives one pause up to this long: a busy computer (or X server) can stamp a scanner's key
late; without it, a scan caught by a hiccup would be typed into the search field instead of checking the person in."""

_SUFFIX = frozenset({int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter), int(Qt.Key.Key_Tab)})  # CR, some Tab
_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})
_RELEASE, _OVERRIDE = QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride
_UNKNOWN = int(Qt.Key.Key_unknown)
_MODIFIER_KEYS = frozenset(
    int(k)
    for k in {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Mode_switch,
    }
)
_CTRL = Qt.KeyboardModifier.ControlModifier.value
_ALT = Qt.KeyboardModifier.AltModifier.value
_COMMAND = _CTRL | _ALT | Qt.KeyboardModifier.MetaModifier.value


def is_modifier_only(key: int, text: str) -> bool:
    """A key that only changes what the next key types (Shift, AltGr, CapsLock…), or an unnamed key typing nothing."""
    return key in _MODIFIER_KEYS or (key == _UNKNOWN and not text)


def is_command(modifiers: Qt.KeyboardModifier, text: str) -> bool:
    """Ctrl/Alt/Meta + key is a command (Ctrl+A), except a character typed with AltGr, which Windows reports as
    Ctrl+Alt with the character as text."""
    held = modifiers.value
    if not held & _COMMAND:
        return False
    altgr_char = bool(text) and text.isprintable() and (held & _CTRL) and (held & _ALT)
    return not altgr_char


@dataclass
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class KeyboardWedge(QObject):
    """``KeyboardWedge(scope)``: scans typed into ``scope``'s window while ``scope`` is visible; ``start``/``stop``
    install and remove the application-level filter (the check-in page does it when shown and hidden).

    A scan is given to ``on_scan`` (called directly: the desk checks the person in before anything else runs), then
    emitted as ``scanned``."""

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        *,
        gap_ms: int = GAP_MS,
        min_length: int = MIN_LENGTH,
        flush_ms: int = FLUSH_MS,
        on_scan: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.on_scan = on_scan
        self.min_length = min_length
        self._held: list[_Held] = []
        self._last_ms: float | None = None  # the previous key event's time (monotonic clock)
        self._last_stamp = 0  # ... and its own time stamp (ms, 0 = none)
        self._replaying = False
        self._active = False
        self._watched: QWidget | None = None  # where key events arrive now: the focus widget, or the window
        self._taken: set[int] = set()  # keys whose press the filter took: their release is not the widget's either
        self._overridden: tuple[int, int] | None = None  # (key, time stamp) whose ShortcutOverride was just taken
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # precise: a coarse timer (Qt's default) may fire up to 5% early, ending a burst 12 ms before HICCUP_MS
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._burst_stopped)
        self.set_timing(gap_ms, flush_ms)

    def set_timing(self, gap_ms: int, flush_ms: int | None = None) -> None:
        """Key events closer than ``gap_ms`` form a burst; a burst has stopped after ``flush_ms`` (≥ ``gap_ms``)."""
        self.gap_ms = gap_ms
        self.flush_ms = max(flush_ms if flush_ms is not None else gap_ms + 30, gap_ms)
        self._timer.setInterval(self.flush_ms)

    # --- switching on and off --------------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        app = QCoreApplication.instance()
        if isinstance(app, QApplication) and not self._active:
            app.focusChanged.connect(self._focus_changed)
            self._active = True
            self._watch(QApplication.focusWidget())

    def stop(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if isinstance(app, QApplication) and self._active:
            app.focusChanged.disconnect(self._focus_changed)
        self._watch(None, keep=False)
        self._active = False

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._watch(new)

    def _watch(self, focus: QWidget | None, keep: bool = True) -> None:
        """Move the filter to where key events arrive: ``focus``, or the scope's window when nothing has focus; nowhere
        when that is another window (a dialog) or ``keep`` is False."""
        target = None
        if keep and shiboken6.isValid(self.scope):
            window = self.scope.window()
            target = focus if focus is not None and focus.window() is window else None
            target = window if focus is None else target
        if target is self._watched:
            return
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = target
        self._taken.clear()
        if target is not None:
            target.installEventFilter(self)

    @property
    def holding(self) -> str:
        """The keys held back now (for tests and diagnostics)."""
        return "".join(h.text for h in self._held)

    # --- the filter -------------------------------------------------------------------------------------------------

    def _in_scope(self) -> bool:
        """Keys are ours while the scope shows and no modal dialog or popup (a completer's list) takes them."""
        if not shiboken6.isValid(self.scope) or not self.scope.isVisible():
            return False
        return QApplication.activeModalWidget() is None and QApplication.activePopupWidget() is None

    def _elapsed_ms(self, event: QKeyEvent) -> float | None:
        """Milliseconds since the previous key event: from the events' own time stamps when both have one (true
        hardware timing even if the window was busy), else from the clock when the filter saw them."""
        now = time.monotonic() * 1000.0
        stamp = int(event.timestamp())
        last, last_stamp = self._last_ms, self._last_stamp
        self._last_ms, self._last_stamp = now, stamp
        if last is None:
            return None
        if stamp and last_stamp and stamp >= last_stamp:
            return float(stamp - last_stamp)
        return now - last

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _KEY_EVENTS or self._replaying:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if kind != _OVERRIDE and self._overridden is not None:
            pair, self._overridden = self._overridden, None
            if kind != _RELEASE and pair == (key, event.timestamp()):
                return self._key_press(obj, event, key, event.text())  # checked a moment ago, at its override
        if not self._in_scope():
            return False
        text = event.text()
        if kind == _RELEASE:
            self._activity(event)
            if key in self._taken:  # its press was held back (or ended a scan): the widget never had it
                self._taken.discard(key)
                return True
            return False
        if is_modifier_only(key, text):
            if kind == _OVERRIDE:
                event.setAccepted(bool(self._held))  # inside a burst: taken, no shortcut is looked up for it
                return bool(self._held)
            self._activity(event)
            if self._held:  # inside a burst (Shift for a capital): the widget has none of its keys yet
                self._taken.add(key)
                return True
            return False  # Shift and friends go on to the widget; the burst goes on too
        if event.isAutoRepeat() or is_command(event.modifiers(), text):
            self.flush()
            return False
        if kind == _OVERRIDE:
            if (text and text.isprintable()) or (key in _SUFFIX and self._held):
                event.accept()  # no shortcut fires on a scanner's key: it comes as a key press, to us first
                # Qt sends the key press itself right after, nothing in between: it need not be checked again
                self._overridden = (key, event.timestamp())
                return True
            self.flush()
            return False
        return self._key_press(obj, event, key, text)

    def _key_press(self, obj: QObject, event: QKeyEvent, key: int, text: str) -> bool:
        """A key press in scope that is neither a modifier, a command nor auto-repeat."""
        if key in _SUFFIX:
            taken = self._suffix(event)
            if taken:
                self._taken.add(key)
            return taken
        if text and text.isprintable():
            self._printable(obj, event)  # type: ignore[arg-type]
            self._taken.add(key)
            return True
        self.flush()  # arrows, Backspace, Escape, function keys: what was held goes first
        return False

    def _pause_ms(self) -> float:
        """The pause that ends the burst held now."""
        return max(self.gap_ms, HICCUP_MS) if len(self._held) >= ESTABLISHED else self.gap_ms

    def _restart_timer(self) -> None:
        self._timer.start(int(max(self.flush_ms, self._pause_ms())))

    def _activity(self, event: QKeyEvent) -> None:
        elapsed = self._elapsed_ms(event)
        if self._held:
            if elapsed is not None and elapsed >= self._pause_ms():
                self.flush()  # a pause: what came before was typed, not scanned
            else:
                self._restart_timer()

    def _printable(self, obj: QWidget, event: QKeyEvent) -> None:
        elapsed = self._elapsed_ms(event)
        if self._held and elapsed is not None and elapsed >= self._pause_ms():
            self._replay()  # a pause: what came before was typed, not scanned
        self._held.append(_Held(obj, event.key(), event.modifiers(), event.text()))
        self._restart_timer()

    def _suffix(self, event: QKeyEvent) -> bool:
        """Enter or Tab: the end of a scan (eaten), or a key for the widget after the held keys."""
        if not self._held:
            self._elapsed_ms(event)
            return False
        elapsed = self._elapsed_ms(event)
        burst = self.holding
        if len(burst) >= self.min_length and (elapsed is None or elapsed < self._pause_ms()):
            self._held = []
            self._scan(burst)
            self._timer.stop()  # after the check-in: with nothing held, the timer would end nothing anyway
            return True
        self.flush()
        return False

    def _burst_stopped(self) -> None:
        """No key event for ``flush_ms``: a burst that reads as a person code is a scan (a scanner set to send no
        suffix); anything else was typing and goes to its widget."""
        if not self._held:
            return
        before = len(self._held)
        QCoreApplication.processEvents()  # key events queued while the window was busy belong to this burst
        if not self._held or len(self._held) != before or self._timer.isActive():
            return
        burst = self.holding
        if len(burst) >= self.min_length and normalise_scan(burst) is not None:
            self._clear()
            self._scan(burst)
            return
        self.flush()

    def _scan(self, burst: str) -> None:
        if self.on_scan is not None:
            self.on_scan(burst)
        self.scanned.emit(burst)

    # --- giving keys back ----------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Give the held keys to the widgets they were meant for (nothing was a scan)."""
        if self._held:
            self._replay()
        self._timer.stop()

    def _clear(self) -> None:
        self._held = []
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
