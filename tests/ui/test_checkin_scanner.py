"""The keyboard-wedge filter, the camera pipeline and the result sounds, each on its own."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from lampang_planner.core.qr import make_code, payload, qr_png_bytes
from lampang_planner.core.thai.keyboard import us_to_thai

CODE = make_code("scanner test")
SLACK_GAP_MS = 120
"""The tests' burst gap: "fast" keys are 2 ms apart, "slow" ones 300 ms, so a busy test machine cannot blur them."""


def key_of(ch: str) -> Qt.Key:
    if ch.isascii() and ch.isalnum():
        return Qt.Key(ord(ch.upper()))
    return Qt.Key.Key_unknown


def send_keys(widget: QWidget, text: str, gap_ms: int = 2, enter: bool = True) -> None:
    """Key presses (with their text, Thai too) as a wedge scanner or a person types them, ``gap_ms`` apart, into
    ``widget``, which has the keyboard focus (where a keyboard's keys arrive, and where the scan catcher watches)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key_of(ch), ch, Qt.KeyboardModifier.NoModifier, gap_ms)
    if enter:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.NoModifier,
                           gap_ms)


@pytest.fixture
def screen(qtbot):
    """A window with a text field and a button, and a wedge watching it."""
    from lampang_planner.ui.widgets.scanner import KeyboardWedge

    w = QWidget()
    field = QLineEdit(w)
    button = QPushButton("ok", w)
    layout = QVBoxLayout(w)
    layout.addWidget(field)
    layout.addWidget(button)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wedge = KeyboardWedge(w)
    assert (wedge.gap_ms, wedge.min_length) == (50, 6)  # the desk's own timing
    wedge.set_timing(SLACK_GAP_MS, SLACK_GAP_MS + 30)
    wedge.start()
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    yield w, field, button, wedge, scans, entered
    wedge.stop()


def test_a_burst_into_a_text_field_is_a_scan_and_leaves_nothing_in_it(screen):
    _w, field, _button, _wedge, scans, entered = screen
    field.setFocus()
    send_keys(field, payload(CODE))
    assert scans == [payload(CODE)]
    assert field.text() == "" and entered == []


def test_a_burst_under_the_thai_layout_arrives_as_typed(screen):
    _w, _field, button, _wedge, scans, _entered = screen
    thai = us_to_thai(payload(CODE))
    send_keys(button, thai)
    assert scans == [thai]


def test_slow_typing_reaches_the_field_unchanged(screen, qtbot):
    _w, field, _button, wedge, scans, entered = screen
    send_keys(field, "สมชาย", gap_ms=300, enter=False)
    qtbot.waitUntil(lambda: wedge.holding == "")
    send_keys(field, "", gap_ms=300)  # Enter, typed by hand
    assert field.text() == "สมชาย" and entered == ["สมชาย"] and scans == []


def test_a_short_fast_burst_is_typing_and_is_given_back_before_the_enter(screen):
    _w, field, _button, _wedge, scans, entered = screen
    send_keys(field, "abc")  # fast, but shorter than a code
    assert scans == [] and field.text() == "abc" and entered == ["abc"]


def test_a_fast_burst_without_enter_is_given_back_after_a_moment(screen, qtbot):
    _w, field, _button, wedge, scans, _entered = screen
    send_keys(field, "ABCDEFGH", enter=False)
    assert field.text() == "" and wedge.holding == "ABCDEFGH"  # held back for a moment...
    qtbot.waitUntil(lambda: field.text() == "ABCDEFGH")  # ...then typed into the field as it was
    assert scans == []


def test_backspace_and_command_keys_pass_and_let_held_keys_go_first(screen):
    _w, field, _button, _wedge, scans, _entered = screen
    send_keys(field, "xy", enter=False)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "x"
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert field.selectedText() == "x" and scans == []


def test_dialogs_and_other_windows_are_left_alone(screen, qtbot):
    w, _field, _button, _wedge, scans, _entered = screen
    dialog = QDialog(w)
    other = QLineEdit(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    send_keys(other, "LPP1:ABCDEFGH")
    assert scans == [] and other.text() == "LPP1:ABCDEFGH"
    dialog.close()


def test_a_stopped_wedge_watches_nothing(screen):
    _w, field, _button, wedge, scans, _entered = screen
    wedge.stop()
    assert not wedge.active
    send_keys(field, "ABCDEFGH", enter=False)
    assert field.text() == "ABCDEFGH" and scans == []


def test_shortcut_overrides_of_held_keys_are_taken(screen):
    """A single-key shortcut must not fire on a scanner's keys: the filter accepts their ShortcutOverride."""
    from PySide6.QtGui import QKeyEvent

    _w, field, _button, wedge, _scans, _entered = screen
    event = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    event.ignore()
    assert wedge.eventFilter(field, event) and event.isAccepted()


# --- camera --------------------------------------------------------------------------------------------------------


def qr_qimage(text_code: str, box: int = 6) -> QImage:
    image = QImage.fromData(qr_png_bytes(text_code, box_size=box))
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_decode_qr_reads_a_badge_code_from_a_frame(app):
    from lampang_planner.ui.widgets.camera import decode_qr

    assert decode_qr(qr_qimage(CODE)) == [payload(CODE)]
    blank = QImage(320, 240, QImage.Format.Format_RGB32)
    blank.fill(Qt.GlobalColor.white)
    assert decode_qr(blank) == [] and decode_qr(QImage()) == []


def test_camera_frames_are_decoded_off_the_gui_thread_once_per_sighting(app, qtbot):
    from lampang_planner.ui.tasks import TaskRunner
    from lampang_planner.ui.widgets import camera as cam

    runner = TaskRunner()
    scanner = cam.CameraScanner(runner)
    qtbot.addWidget(scanner)
    seen: list[str] = []
    scanner.decoded.connect(seen.append)
    frame = qr_qimage(CODE)
    scanner.handle_image(frame)
    assert scanner.busy  # the decode runs on the pool...
    scanner.handle_image(frame)  # ...and a frame arriving meanwhile is dropped, not queued
    qtbot.waitUntil(lambda: seen == [payload(CODE)])
    assert not scanner.busy and scanner.frames_decoded == 1 and scanner.frames_seen == 2
    assert not scanner.preview.pixmap().isNull()  # the preview shows the frame
    # the badge still in front of the camera: decoded again, not reported again
    qtbot.wait(int(cam.DECODE_EVERY_S * 1000) + 30)
    scanner.handle_image(frame)
    qtbot.waitUntil(lambda: scanner.frames_decoded == 2)
    assert seen == [payload(CODE)]
    scanner.forget_seen()
    qtbot.wait(int(cam.DECODE_EVERY_S * 1000) + 30)
    scanner.handle_image(frame)
    qtbot.waitUntil(lambda: len(seen) == 2)
    runner.wait(5000)


def test_camera_problem_names_a_missing_module_or_camera(app):
    from lampang_planner.ui.tasks import TaskRunner
    from lampang_planner.ui.widgets.camera import NO_CAMERA, NO_MODULE, CameraScanner, camera_problem

    problem = camera_problem()
    try:
        from PySide6 import QtMultimedia  # noqa: F401

        has_module = True
    except (ImportError, OSError):
        has_module = False
    if not has_module:
        assert problem == NO_MODULE
    else:
        assert problem in (None, NO_CAMERA)
    if problem:
        scanner = CameraScanner(TaskRunner())
        assert scanner.start() == problem and not scanner.running


# --- sound ---------------------------------------------------------------------------------------------------------


def test_the_three_sounds_are_distinct_wav_files(tmp_path):
    from lampang_planner.ui.views.checkin_sound import sound_files

    files = sound_files(tmp_path)
    assert set(files) == {"green", "amber", "red"}
    lengths = {}
    for kind, path in files.items():
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
            lengths[kind] = w.getnframes()
    assert len({path.read_bytes() for path in files.values()}) == 3
    assert lengths["red"] > lengths["green"]


def test_playing_never_raises_without_audio(app):
    from lampang_planner.ui.views.checkin_sound import FeedbackSound

    sound = FeedbackSound()
    assert sound.backend in ("qt", "winsound", "beep")
    for kind in ("green", "amber", "red", "nonsense"):
        sound.play(kind)
    sound.enabled = False
    sound.play("red")
    assert sound.played == ["green", "amber", "red", "red"]
    QApplication.processEvents()


def test_a_burst_ending_in_tab_is_a_scan_too(screen):
    _w, field, _button, _wedge, scans, _entered = screen
    for ch in CODE:
        QTest.sendKeyEvent(QTest.KeyAction.Click, field, key_of(ch), ch, Qt.KeyboardModifier.NoModifier, 2)
    QTest.sendKeyEvent(QTest.KeyAction.Click, field, Qt.Key.Key_Tab, "\t", Qt.KeyboardModifier.NoModifier, 2)
    assert scans == [CODE] and field.text() == ""


# --- key events as real scanners send them (Shift pressed for capitals, time stamps of their own) ------------------

OLD_BADGE = "LPP1:" + CODE  # badges printed before: Shift for every capital and ":"


@pytest.fixture
def desk_timing(screen):
    """The screen with the desk's own timing (50 ms gap): the events carry time stamps, so the machine's load does not
    matter."""
    from lampang_planner.ui.widgets.scanner import FLUSH_MS, GAP_MS

    w, field, button, wedge, scans, entered = screen
    wedge.set_timing(GAP_MS, FLUSH_MS)
    field.setFocus()
    return w, field, button, wedge, scans, entered


@pytest.mark.parametrize("layout", ["us", "th", "th-pat"])
@pytest.mark.parametrize("suffix", ["enter", "tab"])
@pytest.mark.parametrize("badge", ["old", "new"])
def test_shift_held_capitals_and_colon_are_one_scan_in_every_layout(desk_timing, layout, suffix, badge):
    from lampang_planner.core.qr import normalise_scan
    from lampang_planner.ui.widgets.scanner_keys import send_scan, strokes

    _w, field, _button, wedge, scans, entered = desk_timing
    text = OLD_BADGE if badge == "old" else payload(CODE)
    assert any(s.shift for s in strokes(text)) == (badge == "old")
    send_scan(text, layout, suffix=suffix, gap_ms=30)  # a Bluetooth scanner: 30 ms between key events
    assert len(scans) == 1 and normalise_scan(scans[0]) == CODE, scans
    assert field.text() == "" and entered == [] and wedge.holding == ""


def test_a_burst_with_no_suffix_is_a_scan_once_it_stops(desk_timing, qtbot):
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, _entered = desk_timing
    send_scan(OLD_BADGE, "th", suffix="none", gap_ms=30)
    assert scans == []  # not yet: the burst may go on
    qtbot.waitUntil(lambda: len(scans) == 1)
    assert scans == [us_to_thai(OLD_BADGE)] and field.text() == ""


def test_a_stopped_burst_that_is_no_code_is_typing(desk_timing, qtbot):
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, wedge, scans, _entered = desk_timing
    send_scan("Somchai Jaidee", suffix="none", gap_ms=10)  # very fast, but not a person code: given back as typed
    qtbot.waitUntil(lambda: field.text() == "Somchai Jaidee")
    assert scans == [] and wedge.holding == ""


@pytest.mark.parametrize("key", [Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_AltGr, Qt.Key.Key_Control,
                                 Qt.Key.Key_Meta])
def test_modifier_keys_inside_a_burst_neither_end_nor_break_it(desk_timing, key):
    from PySide6.QtGui import QKeyEvent

    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, _entered = desk_timing
    stamp = send_scan("LPP1:" + CODE[:4], suffix="none", gap_ms=20)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "")
        event.setTimestamp(stamp)
        QApplication.sendEvent(field, event)
        stamp += 20
    send_scan(CODE[4:], stamp=stamp, gap_ms=20)
    assert scans == ["LPP1:" + CODE] and field.text() == ""


def test_a_pause_inside_a_burst_makes_it_typing_with_its_capitals_intact(desk_timing):
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, entered = desk_timing
    stamp = send_scan("LPP1:" + CODE[:5], suffix="none", gap_ms=20)
    send_scan(CODE[5:], stamp=stamp + 400, gap_ms=20)  # a pause of 400 ms: not one burst
    assert scans == [] and field.text() == "LPP1:" + CODE and entered == ["LPP1:" + CODE]


def test_people_typing_with_shift_get_their_capitals(desk_timing, qtbot):
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, entered = desk_timing
    send_scan("Mae Tha: Ban Pong", gap_ms=130)  # a person: 130 ms between key events
    assert field.text() == "Mae Tha: Ban Pong" and entered == ["Mae Tha: Ban Pong"] and scans == []


def test_a_held_down_key_is_typing(desk_timing, qtbot):
    from PySide6.QtGui import QKeyEvent

    _w, field, _button, _wedge, scans, entered = desk_timing
    for i in range(12):  # auto-repeat: as fast as a scanner, but one key held down
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a", i > 0)
        event.setTimestamp(1000 + 30 * i)
        QApplication.sendEvent(field, event)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "a" * 12 and scans == [] and entered == ["a" * 12]


def test_an_established_burst_survives_one_hiccup_of_a_busy_computer(desk_timing):
    """A loaded computer can stamp one of a scanner's keys 200 ms late: still one scan, nothing typed."""
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, entered = desk_timing
    stamp = send_scan("LPP1:" + CODE[:3], suffix="none", gap_ms=8)
    send_scan(CODE[3:], stamp=stamp + 200, gap_ms=8)
    assert scans == ["LPP1:" + CODE] and field.text() == "" and entered == []


def test_three_fast_keys_then_a_pause_are_typing(desk_timing):
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    _w, field, _button, _wedge, scans, entered = desk_timing
    stamp = send_scan("abc", suffix="none", gap_ms=8)  # a person's rollover: fast, but not yet a machine's burst
    send_scan("defghij", stamp=stamp + 120, gap_ms=140)
    assert scans == [] and field.text() == "abcdefghij" and entered == ["abcdefghij"]
