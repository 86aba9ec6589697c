"""The codes of the Thai PDF font (core.reports.shaping_font): a glyph without text of its own gets a code that pdf.js
reads as an invisible format character (Unicode Cf) and an empty ToUnicode entry; once those codes are used up it
gets an ordinary code that reads as U+2060 WORD JOINER (also Cf); ordinary codes never take the reserved values."""

from __future__ import annotations

import re
import unicodedata

from lampang_planner.core.reports.shaping_font import NO_TEXT, TEXTLESS_CODES, DocFont, _to_unicode


def _entries(cmap: str) -> dict[int, str]:
    return {
        int(c, 16): bytes.fromhex(t).decode("utf-16-be") for c, t in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]*)>", cmap)
    }


def test_textless_glyphs_read_as_nothing_then_as_a_word_joiner():
    font = DocFont(face=None, name="LPThai1")
    textless = [font.code(gid, "", 0) for gid in range(1, len(TEXTLESS_CODES) + 3)]
    assert textless[: len(TEXTLESS_CODES)] == list(TEXTLESS_CODES)
    assert {unicodedata.category(chr(c)) for c in TEXTLESS_CODES} == {"Cf"}
    assert unicodedata.category(NO_TEXT) == "Cf"
    assert textless[len(TEXTLESS_CODES) :] == [1, 2]
    assert font.code(1, "", 0) == TEXTLESS_CODES[0]  # the same glyph keeps its code
    entries = _entries(_to_unicode(font.name, font.codes))
    assert all(entries[c] == "" for c in TEXTLESS_CODES)
    assert entries[1] == entries[2] == NO_TEXT


def test_ordinary_codes_step_over_the_reserved_values():
    font = DocFont(face=None, name="LPThai1")
    font._next = TEXTLESS_CODES[0] - 1
    codes = [font.code(gid, "ก", 600) for gid in range(10)]
    assert not set(codes) & set(TEXTLESS_CODES)
    assert codes == sorted(set(codes))
    assert _entries(_to_unicode(font.name, font.codes))[codes[-1]] == "ก"
