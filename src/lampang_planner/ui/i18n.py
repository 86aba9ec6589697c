"""Translations: the UI's source strings are English (``self.tr``/``QCoreApplication.translate``), Thai is the default
language, and the language can be switched while the window is open.

Switching installs another QTranslator; Qt then sends every widget a ``LanguageChange`` event, and each widget
re-applies its texts in ``retranslate()`` (see ``views.base.Page``). Things that are not widgets (table models,
cached labels) listen to :attr:`Translations.changed`. Domain labels come from ``core.vocabulary`` via
:func:`current_language`, and core errors carry both languages (``UserError.message(lang)``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from lampang_planner.ui import i18n_build

log = logging.getLogger(__name__)

LANGS = ("th", "en")
DEFAULT_LANG = "th"
LANGUAGE_NAMES = {"th": "ภาษาไทย", "en": "English"}
"""Each language named in itself: the language menu never translates these."""

_current = DEFAULT_LANG


def current_language() -> str:
    """'th' or 'en': the language the window shows now."""
    return _current


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def ensure_compiled(lang: str) -> bool:
    """Make sure the .qm of ``lang`` exists and is not older than its .ts (compiles it in a source checkout)."""
    qm, ts = i18n_build.qm_path(lang), i18n_build.ts_path(lang)
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return True
    if not ts.is_file():
        return False
    try:
        i18n_build.compile_ts(lang)
    except (OSError, RuntimeError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return qm.is_file()
    return True


def load_translator(lang: str, parent: QObject | None = None) -> QTranslator | None:
    """A QTranslator loaded with our catalogue for ``lang``, or None if it cannot be loaded."""
    if not ensure_compiled(lang):
        return None
    translator = QTranslator(parent)
    if not translator.load(str(i18n_build.qm_path(lang))):
        return None
    return translator


class Translations(QObject):
    """The application's current language. One per QApplication."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self._lang: str | None = None

    @property
    def language(self) -> str:
        return self._lang or DEFAULT_LANG

    def set_language(self, lang: str | None) -> str:
        """Switch to ``lang`` ('th' or 'en'; anything else means Thai). Returns the language now in use."""
        global _current
        lang = lang if lang in LANGS else DEFAULT_LANG
        if lang == self._lang:
            return lang
        app = QCoreApplication.instance()
        new = load_translator(lang, self)
        if new is None:
            log.warning("no translation catalogue for %s; showing the English source texts", lang)
        _current = lang
        self._lang = lang
        QLocale.setDefault(
            QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
            if lang == "th"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        old, self._translator = self._translator, new
        if app is not None:
            if new is not None:
                app.installTranslator(new)  # sends LanguageChange to every widget
            if old is not None:
                app.removeTranslator(old)
        if old is not None:
            old.deleteLater()
        self.changed.emit(lang)
        return lang

    def uninstall(self) -> None:
        """Remove this object's translator from the application (when a window's context closes)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = None
        self._lang = None


class Retranslating:
    """Mixed in before a widget class that has ``retranslate()``: a language change sets its texts again (the one copy
    of that ``changeEvent``)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]
