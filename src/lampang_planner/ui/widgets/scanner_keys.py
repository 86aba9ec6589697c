"""The key events a keyboard-wedge barcode scanner produces, for the self-test, the tests and the benchmark.

A USB (or Bluetooth) scanner is a keyboard: for each character of the code it presses the US key position that types
it, holding Shift for a capital or ":" — Shift down, key down, key up, Shift up — and the operating system turns the
key into text with whatever layout is active (US, Thai Kedmanee, Thai Pattachote). :func:`strokes` gives those key
strokes; :func:`key_events` lists a burst's key events; :func:`deliver` gives one to the widget that has focus the way Qt
delivers real key events (ShortcutOverride, then KeyPress; KeyRelease); :func:`send_scan` delivers a whole burst at
once, the events' own time stamps ``gap_ms`` apart (``bench/bench_scanner.py`` paces them in real time). The ShortcutOverride
comes from Qt itself: for a key press that does not come from the window system, ``QApplication::notify`` sends it
(and tries the shortcuts) before the press, as the window system's key path does for a real key; sending one more
here would deliver it twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from lampang_planner.core.thai.keyboard import US_SHIFTED, US_TO_PATTACHOTE, US_TO_THAI, US_UNSHIFTED

LAYOUTS = {"us": None, "th": US_TO_THAI, "th-pat": US_TO_PATTACHOTE}
"""Layout name (as ``setxkbmap`` names them: us, th, th(pat)) → what each US key types under it."""
SUFFIXES = {"enter": (Qt.Key.Key_Return, "\r"), "tab": (Qt.Key.Key_Tab, "\t"), "none": None}


@dataclass(frozen=True)
class Stroke:
    key: str  # the US key, unshifted: "l", ";", "2"
    shift: bool
    text: str  # what it types under the active layout


def strokes(text: str, layout: str = "us") -> list[Stroke]:
    """The key strokes that type ``text`` (US characters) under ``layout``."""
    table = LAYOUTS[layout]
    out = []
    for ch in text:
        if ch in US_UNSHIFTED or ch == " ":
            key, shift = ch, False
        elif ch in US_SHIFTED:
            key, shift = US_UNSHIFTED[US_SHIFTED.index(ch)], True
        else:
            raise ValueError(f"no key types {ch!r}")
        out.append(Stroke(key, shift, table.get(ch, ch) if table else ch))
    return out


def qt_key(stroke: Stroke) -> int:
    """The Qt key code a platform reports: the Latin key for US text, the (upper-cased) character otherwise."""
    ch = stroke.text
    return ord(ch.upper()) if len(ch) == 1 else int(Qt.Key.Key_unknown)


KeyEvent = tuple[QEvent.Type, int, Qt.KeyboardModifier, str]
"""One key event as a scanner's burst has it: (KeyPress or KeyRelease, Qt key, modifiers, text)."""


def key_events(text: str, layout: str = "us", *, suffix: str = "enter") -> list[KeyEvent]:
    """The key events of a scanner's burst typing ``text`` (Shift down, key down, key up, Shift up for a capital),
    then the suffix key's press and release (none for ``suffix="none"``)."""
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    none, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    out: list[KeyEvent] = []
    for s in strokes(text, layout):
        if s.shift:
            out.append((press, Qt.Key.Key_Shift, none, ""))
        mods = shift if s.shift else none
        out += [(press, qt_key(s), mods, s.text), (release, qt_key(s), mods, s.text)]
        if s.shift:
            out.append((release, Qt.Key.Key_Shift, shift, ""))
    if SUFFIXES[suffix] is not None:
        key, ch = SUFFIXES[suffix]
        out += [(press, key, none, ch), (release, key, none, ch)]
    return out


def prepare(event: KeyEvent, stamp: int) -> tuple[QWidget, QKeyEvent]:
    """The widget that has keyboard focus and the Qt key event, time-stamped ``stamp`` (ms), ready to send: what Qt's
    platform plugin has made (in C++) by the time a real key event is delivered."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    if target is None:
        raise RuntimeError("no widget has keyboard focus")
    kind, key, mods, text = event
    qt_event = QKeyEvent(kind, key, mods, text)
    qt_event.setTimestamp(int(stamp))
    return target, qt_event


def deliver(event: KeyEvent, stamp: int) -> None:
    """Deliver one key event, time-stamped ``stamp`` (ms), to whichever widget has keyboard focus at that moment."""
    QCoreApplication.sendEvent(*prepare(event, stamp))


def send_scan(text: str, layout: str = "us", *, suffix: str = "enter", gap_ms: float = 2, stamp: int = 1) -> int:
    """Deliver a scanner's burst typing ``text`` to the focused widget at once, the events' time stamps ``gap_ms``
    apart (no real time passes between them); returns the next free time stamp."""
    at = float(stamp)
    for event in key_events(text, layout, suffix=suffix):
        deliver(event, int(at))
        at += gap_ms
    return int(at)
