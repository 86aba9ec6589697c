"""A distinct sound for each check-in result, so the desk hears it without looking.

green: two short rising notes; amber: two equal middle notes; red: one long low buzz.
Played with QSoundEffect when QtMultimedia (PySide6-Addons, the optional ``camera`` extra) can be imported, else with
``winsound`` on Windows, else as one, two or three system beeps. A machine without audio stays silent; nothing here
may raise.
"""

from __future__ import annotations

import logging
import math
import struct
import sys
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RATE = 22050
# kind → notes (frequency Hz, milliseconds; frequency 0 is a pause), and the beeps of the fallback
TUNES: dict[str, tuple[tuple[tuple[int, int], ...], int]] = {
    "green": (((880, 90), (0, 30), (1320, 150)), 1),
    "amber": (((660, 120), (0, 90), (660, 120)), 2),
    "red": (((220, 450),), 3),
}


def tone_wav(path: Path, notes: tuple[tuple[int, int], ...]) -> Path:
    """Write a 16-bit mono WAV of ``notes`` (a soft attack and release on each, so nothing clicks)."""
    frames = bytearray()
    for freq, ms in notes:
        n = int(RATE * ms / 1000)
        ramp = max(1, int(RATE * 0.008))
        for i in range(n):
            if not freq:
                frames += struct.pack("<h", 0)
                continue
            envelope = min(1.0, i / ramp, (n - i) / ramp)
            wave_value = math.sin(2 * math.pi * freq * i / RATE)
            if freq < 400:  # the low buzz: add odd harmonics so small laptop speakers can play it
                wave_value += 0.4 * math.sin(6 * math.pi * freq * i / RATE) + 0.2 * math.sin(10 * math.pi * freq * i / RATE)
                wave_value /= 1.6
            frames += struct.pack("<h", int(0.6 * 32767 * envelope * wave_value))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return path


def sound_files(folder: Path | None = None) -> dict[str, Path]:
    """The three WAV files (written once into a temporary folder)."""
    folder = folder or Path(tempfile.gettempdir()) / "lampang-planner-sounds-1"
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for kind, (notes, _beeps) in TUNES.items():
        path = folder / f"checkin-{kind}.wav"
        if not path.is_file() or path.stat().st_size < 100:
            tone_wav(path, notes)
        out[kind] = path
    return out


class FeedbackSound(QObject):
    """``play("green" | "amber" | "red")``; ``backend`` says which way it sounds ("qt", "winsound", "beep")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.backend = "beep"
        self.played: list[str] = []  # what was asked for, newest last (tests and diagnostics)
        self._effects: dict = {}
        self._files: dict[str, Path] = {}
        try:
            self._files = sound_files()
        except OSError as exc:
            log.info("no sound files: %s", exc)
        if self._files:
            self._effects = self._qt_effects()
            if self._effects:
                self.backend = "qt"
            elif sys.platform == "win32":
                self.backend = "winsound"

    def _qt_effects(self) -> dict:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except (ImportError, OSError) as exc:  # no PySide6-Addons, or its libraries (libpulse...) are missing
            log.info("QtMultimedia unavailable, using the fallback sound: %s", exc)
            return {}
        effects = {}
        try:
            for kind, path in self._files.items():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.9)
                effects[kind] = effect
        except Exception as exc:  # a broken multimedia back end must not stop the check-in desk
            log.info("QSoundEffect failed: %s", exc)
            return {}
        return effects

    def play(self, kind: str) -> None:
        if kind not in TUNES:
            return
        self.played.append(kind)
        del self.played[:-20]
        if not self.enabled:
            return
        try:
            if self.backend == "qt":
                effect = self._effects[kind]
                for other in self._effects.values():
                    other.stop()
                effect.play()
            elif self.backend == "winsound":
                import winsound  # type: ignore[import-not-found]

                flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
                winsound.PlaySound(str(self._files[kind]), flags)
            else:
                self._beep(TUNES[kind][1])
        except Exception as exc:  # no audio device: stay silent
            log.info("sound failed: %s", exc)

    def _beep(self, times: int) -> None:
        QApplication.beep()
        for i in range(1, times):
            QTimer.singleShot(180 * i, self, QApplication.beep)
