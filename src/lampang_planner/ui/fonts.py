"""The bundled Sarabun font, registered with Qt so Thai renders on a machine with no Thai font installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from lampang_planner.core.fonts import FAMILY, STYLES, font_path

THAI_SAMPLE = "กขคงจฉ่้๊๋ำิีึืุูเแโใไ"
"""Consonants, the four tone marks, sara am, the above/below vowels and the leading vowels."""

UI_POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Add the four Sarabun TTFs to Qt's font database (safe to call again); returns the families they provide.

    Raises FileNotFoundError if a TTF is missing and RuntimeError if Qt refuses one.
    """
    families: set[str] = set()
    for style in STYLES:
        path = font_path(style)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the font {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def ui_font(point_size: int = UI_POINT_SIZE) -> QFont:
    font = QFont(FAMILY, point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def missing_thai_glyphs(font: QFont, sample: str = THAI_SAMPLE) -> str:
    """The characters of ``sample`` that ``font`` has no glyph for ("" when Thai is fully covered)."""
    metrics = QFontMetrics(font)
    return "".join(ch for ch in sample if not metrics.inFontUcs4(ord(ch)))
