"""The bundled Thai font (Sarabun, OFL) and its registration with reportlab."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

FontStyle = Literal["Regular", "Bold", "Italic", "BoldItalic"]

FAMILY = "Sarabun"
STYLES: tuple[FontStyle, ...] = ("Regular", "Bold", "Italic", "BoldItalic")
REPORTLAB_NAMES: dict[FontStyle, str] = {
    "Regular": "Sarabun",
    "Bold": "Sarabun-Bold",
    "Italic": "Sarabun-Italic",
    "BoldItalic": "Sarabun-BoldItalic",
}


def _resources_dir() -> Path:
    """`resources/` beside the frozen executable or at the top of the checkout."""
    try:
        from lampang_planner.core.paths import resources_dir
    except ImportError:  # pragma: no cover - paths.py is written separately
        frozen = getattr(sys, "_MEIPASS", None)
        if frozen:
            return Path(frozen) / "resources"
        return Path(__file__).resolve().parents[3] / "resources"
    return resources_dir()


def font_path(style: FontStyle = "Regular") -> Path:
    """The TTF file of a Sarabun style; raises FileNotFoundError if it is missing."""
    if style not in STYLES:
        raise ValueError(f"unknown font style {style!r}; expected one of {STYLES}")
    path = _resources_dir() / "fonts" / f"{FAMILY}-{style}.ttf"
    if not path.is_file():
        raise FileNotFoundError(f"bundled font missing: {path}")
    return path


def register_reportlab_fonts() -> None:
    """Register the four Sarabun TTFs and the "Sarabun" family with reportlab (safe to call repeatedly)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = set(pdfmetrics.getRegisteredFontNames())
    for style, name in REPORTLAB_NAMES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=REPORTLAB_NAMES["Regular"],
        bold=REPORTLAB_NAMES["Bold"],
        italic=REPORTLAB_NAMES["Italic"],
        boldItalic=REPORTLAB_NAMES["BoldItalic"],
    )
