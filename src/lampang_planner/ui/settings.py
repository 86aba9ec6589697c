"""The window's settings, each declared once with its type and default.

They live in ``ui-settings.ini`` inside the data folder (QSettings, INI format, UTF-8), so a data folder carries its
own window preferences, tests never touch the user's real settings, and a kiosk folder can be prepared by hand.
Values that fail to parse read as their default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, bytes)

FILENAME = "ui-settings.ini"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    doc: str


LANGUAGE = Setting("ui/language", str, "th", "window language: 'th' or 'en'")
LAST_PAGE = Setting("ui/last_page", str, "workshops", "the page shown when the window opens (a key of views.PAGES)")
LAST_WORKSHOP = Setting("ui/last_workshop", str, "", "id of the workshop last selected; pages start on it")
WINDOW_GEOMETRY = Setting("ui/window_geometry", bytes, b"", "QMainWindow.saveGeometry()")
WINDOW_STATE = Setting("ui/window_state", bytes, b"", "QMainWindow.saveState()")
DESK_NAME = Setting("checkin/desk_name", str, "", "this check-in desk's label; empty means the data folder's desk")
FONT_SIZE = Setting("ui/font_size", int, 10, "base font size in points (Sarabun)")
KIOSK_PIN = Setting("checkin/kiosk_pin", str, "", "PIN that leaves check-in kiosk mode: its scrypt hash (core.privacy."
                    "kiosk_pin); plain digits put here by hand are hashed when the desk first reads them")
CHECKIN_SOUND = Setting("checkin/sound", bool, True, "play a sound for each check-in result")

ALL: tuple[Setting, ...] = (LANGUAGE, LAST_PAGE, LAST_WORKSHOP, WINDOW_GEOMETRY, WINDOW_STATE, DESK_NAME, FONT_SIZE,
                            KIOSK_PIN, CHECKIN_SOUND)


class Settings:
    """Typed access to the settings file: ``settings.get(LANGUAGE)``, ``settings.set(LANGUAGE, "en")``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> Settings:
        return cls(Path(data_dir) / FILENAME)

    def get(self, setting: Setting[T]) -> T:
        raw = self._q.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return _convert(raw, setting.type)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.type is bytes:
            if not isinstance(value, bytes | bytearray | QByteArray):
                raise TypeError(f"{setting.key} takes bytes, not {type(value).__name__}")
            self._q.setValue(setting.key, QByteArray(bytes(value)))
        else:
            if not isinstance(value, setting.type) or (setting.type is int and isinstance(value, bool)):
                raise TypeError(f"{setting.key} takes {setting.type.__name__}, not {type(value).__name__}")
            self._q.setValue(setting.key, value)

    def reset(self, setting: Setting) -> None:
        self._q.remove(setting.key)

    def sync(self) -> None:
        self._q.sync()


def _convert(raw: object, kind: type) -> object:
    if kind is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes):
            return raw
        raise TypeError("not bytes")
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        raise ValueError(text)
    if kind is int:
        return int(str(raw))
    if isinstance(raw, list):  # QSettings reads "a, b" as a list in INI files
        return ", ".join(map(str, raw))
    return str(raw)
