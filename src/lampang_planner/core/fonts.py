"""The bundled Thai font (Sarabun, OFL) and its registration with reportlab."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, Literal

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


_UNI_NAME_RE = re.compile(r"uni((?:[0-9A-F]{4})+)")
# Thai glyph names as font editors write them ("yoYingthai", "maiEkthai"), keyed like "yoying", "maiek".
_THAI_BY_NAME = {
    unicodedata.name(chr(cp)).removeprefix("THAI CHARACTER ").replace(" ", "").lower(): chr(cp)
    for cp in range(0x0E01, 0x0E5C)
    if unicodedata.name(chr(cp), "")
}


def _glyph_text(name: str) -> str | None:
    """The characters a shaped glyph stands for, from its name: "uni0E48.small" → "่", "yoYingthai.less" → "ญ"."""
    base = name.split(".", 1)[0]
    if m := _UNI_NAME_RE.fullmatch(base):
        hexes = m.group(1)
        text = "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
        # The ligature of ำ's circle with a tone mark: write tone + ํ so "น" ligature "า" reads as NFKC of "น้ำ".
        return re.sub("\u0e4d([\u0e48-\u0e4b])", "\\1\u0e4d", text)
    key = base.lower()
    if key.endswith("thai"):
        return _THAI_BY_NAME.get(key.removesuffix("thai"))
    return None


@cache
def _ttfont_class() -> type[Any]:
    """A reportlab TTFont whose PDF text layer maps shaped glyph variants back to real Thai characters.

    With shaping on, reportlab gives glyphs outside the font's cmap (raised tone marks, tail-less ญ ฐ, the ํ+้
    ligature in น้ำ) private-use code points and writes those into the ToUnicode CMap, so copied or extracted text
    shows U+E000… instead of "ที่". After reportlab has written the font objects, this rewrites the CMap entries
    of those code points with the characters named by the glyph.
    """
    from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

    class ThaiTTFont(TTFont):
        def _private_use_text(self) -> dict[int, str]:
            private: dict[str, int] = getattr(self, "_TTFont__hbUnis", None) or {}
            fixes = {}
            for name, code in private.items():
                text = _glyph_text(name)
                if text:
                    fixes[code] = text
            return fixes

        def addObjects(self, doc: Any) -> None:  # reportlab API name
            state = self.state.get(doc)
            subsets = [list(subset) for subset in state.subsets] if state is not None else []
            super().addObjects(doc)
            fixes = self._private_use_text()
            for n, subset in enumerate(subsets):
                if not any(code in fixes for code in subset):
                    continue
                base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
                stream = doc.idToObject.get("toUnicodeCMap:" + base)
                if stream is not None:
                    stream.content = _to_unicode_cmap(base, subset, fixes)

    return ThaiTTFont


def _to_unicode_cmap(font_name: str, subset: list[int], fixes: dict[int, str]) -> str:
    def utf16_hex(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = [f"<{i:02X}> <{utf16_hex(fixes.get(code) or chr(code))}>" for i, code in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name}) /Supplement 0 >> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            f"1 begincodespacerange <00> <{len(subset) - 1:02X}> endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_reportlab_fonts() -> None:
    """Register the four Sarabun TTFs and the "Sarabun" family with reportlab (safe to call repeatedly)."""
    from reportlab.pdfbase import pdfmetrics

    registered = set(pdfmetrics.getRegisteredFontNames())
    font_class = _ttfont_class()
    for style, name in REPORTLAB_NAMES.items():
        if name not in registered:
            pdfmetrics.registerFont(font_class(name, str(font_path(style))))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=REPORTLAB_NAMES["Regular"],
        bold=REPORTLAB_NAMES["Bold"],
        italic=REPORTLAB_NAMES["Italic"],
        boldItalic=REPORTLAB_NAMES["BoldItalic"],
    )
