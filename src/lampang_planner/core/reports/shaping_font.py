"""The PDF font object behind :func:`~.shaping.draw_thai`: per document and style one Type0/CIDFontType2 font whose
codes each stand for one (glyph id, text, width), its ``CIDToGIDMap``, ``W`` widths, ``ToUnicode`` map and a
HarfBuzz subset of the bundled font program (glyph ids kept).

A glyph that stands for no character of its own — HarfBuzz draws ำ as two glyphs, ํ and า, and the text goes on
one of them — gets a code from :data:`TEXTLESS_CODES`, code points of invisible format characters (Unicode Cf), and
an empty ``ToUnicode`` entry. Readers that take the empty entry give nothing (pypdf); pdf.js, which falls back to the
code as a character when the entry is empty, gets an invisible format character and drops it from copy and find as
it drops every Cf character. Readers of ActualText (poppler, PDFium, MuPDF) read the span's text instead.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

if TYPE_CHECKING:
    from lampang_planner.core.reports.shaping import _Face

_STATE_ATTR = "_lampang_thai_fonts"
# zero width space … right-to-left mark, word joiner … invisible plus, the deprecated format controls, BOM,
# interlinear annotation marks: each is Unicode category Cf (format), which pdf.js leaves out of its text layer
TEXTLESS_CODES: tuple[int, ...] = (
    *range(0x200B, 0x2010),
    *range(0x2060, 0x2065),
    *range(0x206A, 0x2070),
    0xFEFF,
    *range(0xFFF9, 0xFFFC),
)
_RESERVED = frozenset(TEXTLESS_CODES)
NO_TEXT = "\u2060"  # what a textless glyph reads as once TEXTLESS_CODES are used up (word joiner, also Cf)


@dataclass
class DocFont:
    """One style's Type0 font in one document: the codes handed out so far and the font's resource name."""

    face: _Face
    name: str  # resource name without the slash, e.g. "LPThai1"
    codes: dict[tuple[int, str, int], int] = field(default_factory=dict)  # (glyph id, text, width) → code
    _next: int = 1  # code 0 stays .notdef
    _textless: int = 0  # TEXTLESS_CODES handed out

    def code(self, gid: int, text: str, width: int) -> int:
        key = (gid, text, width)
        c = self.codes.get(key)
        if c is None:
            c = self.codes[key] = self._new_code(text)
        return c

    def _new_code(self, text: str) -> int:
        if not text and self._textless < len(TEXTLESS_CODES):
            self._textless += 1
            return TEXTLESS_CODES[self._textless - 1]
        while self._next in _RESERVED:
            self._next += 1
        if self._next > 0xFFFF:
            raise ValueError("too many distinct glyphs in one PDF")
        self._next += 1
        return self._next - 1


class DocFonts:
    """The Thai fonts used by one reportlab document; their PDF objects are written when the document is saved
    (reportlab calls ``addObjects`` on every entry of ``doc.delayedFonts``)."""

    def __init__(self, doc: pdfdoc.PDFDocument) -> None:
        self.fonts: dict[str, DocFont] = {}
        self.doc = doc
        doc.delayedFonts.append(self)

    def font(self, font_name: str, face: _Face) -> DocFont:
        f = self.fonts.get(font_name)
        if f is None:
            name = f"LPThai{len(self.fonts) + 1}"
            f = self.fonts[font_name] = DocFont(face, name)
            self.doc.fontMapping["lampang-thai:" + font_name] = "/" + name
        return f

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # reportlab API name
        fonts = doc.idToObject["BasicFonts"].dict
        for f in self.fonts.values():
            fonts[f.name] = _type0_font(doc, f)


def doc_fonts(canvas: Canvas) -> DocFonts:
    """The Thai fonts of the document ``canvas`` draws on (made on first use)."""
    doc = canvas._doc
    state = getattr(doc, _STATE_ATTR, None)
    if state is None:
        state = DocFonts(doc)
        setattr(doc, _STATE_ATTR, state)
    return state


def _stream(doc: pdfdoc.PDFDocument, content: bytes | str, **entries: object) -> pdfdoc.PDFStream:
    s = pdfdoc.PDFStream(pdfdoc.PDFDictionary(dict(entries)), content)
    s.filters = [pdfdoc.PDFZCompress]
    return s


def _subset_program(face: _Face, gids: set[int]) -> bytes:
    """The font program with only ``gids`` (and .notdef), glyph ids unchanged."""
    inp = hb.SubsetInput()
    inp.sets(hb.SubsetInputSets.GLYPH_INDEX).update({0, *gids})
    inp.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    drop = inp.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in (b"GSUB", b"GPOS", b"GDEF"):  # shaping happened already; viewers only draw glyphs
        drop.add(int.from_bytes(tag, "big"))
    sub = hb.subset(face.face, inp)
    if sub is None:  # pragma: no cover - harfbuzz refuses only broken fonts
        return bytes(face.blob.data)
    return bytes(sub.blob.data)


def _unicode_hex(text: str, code: int) -> str:
    if not text and code not in _RESERVED:
        text = NO_TEXT
    return text.encode("utf-16-be").hex().upper()


def _to_unicode(name: str, codes: dict[tuple[int, str, int], int]) -> str:
    # a textless glyph's entry is empty (see the module's doc); NO_TEXT when its code is an ordinary one
    entries = [
        f"<{c:04X}> <{_unicode_hex(text, c)}>" for (_g, text, _w), c in sorted(codes.items(), key=lambda kv: kv[1])
    ]
    blocks = []
    for i in range(0, len(entries), 100):  # at most 100 entries per bfchar block
        chunk = entries[i : i + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{name}-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _type0_font(doc: pdfdoc.PDFDocument, f: DocFont) -> pdfdoc.PDFObjectReference:
    face = f.face
    n = max(f.codes.values(), default=0) + 1
    cid_to_gid = bytearray(2 * n)
    widths: list[object] = []
    for (gid, _text, width), code in sorted(f.codes.items(), key=lambda kv: kv[1]):
        cid_to_gid[2 * code : 2 * code + 2] = gid.to_bytes(2, "big")
        widths += [code, pdfdoc.PDFArray([width])]
    base = f"{_subset_tag(f)}+Sarabun-{face.style}"
    N = pdfdoc.PDFName
    program = _subset_program(face, {g for g, _t, _w in f.codes})
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": N("FontDescriptor"),
            "FontName": N(base),
            "Flags": 4,
            "FontBBox": pdfdoc.PDFArray([-600, face.descent - 300, 1600, face.ascent + 300]),
            "ItalicAngle": -12 if "Italic" in face.style else 0,
            "Ascent": face.ascent,
            "Descent": face.descent,
            "CapHeight": face.ascent,
            "StemV": 120 if "Bold" in face.style else 80,
            "FontFile2": doc.Reference(_stream(doc, program, Length1=len(program)), f"{f.name}:program"),
        }
    )
    cid_font = pdfdoc.PDFDictionary(
        {
            "Type": N("Font"),
            "Subtype": N("CIDFontType2"),
            "BaseFont": N(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary(
                {"Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"), "Supplement": 0}
            ),
            "FontDescriptor": doc.Reference(descriptor, f"{f.name}:descriptor"),
            "DW": 1000,
            "W": pdfdoc.PDFArray(widths),
            "CIDToGIDMap": doc.Reference(_stream(doc, bytes(cid_to_gid)), f"{f.name}:cidtogid"),
        }
    )
    font = pdfdoc.PDFDictionary(
        {
            "Type": N("Font"),
            "Subtype": N("Type0"),
            "BaseFont": N(base),
            "Encoding": N("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font, f"{f.name}:cidfont")]),
            "ToUnicode": doc.Reference(_stream(doc, _to_unicode(f.name, f.codes)), f"{f.name}:tounicode"),
        }
    )
    return doc.Reference(font, f.name)


def _subset_tag(f: DocFont) -> str:
    """Six capital letters naming the subset (PDF convention), derived from the glyphs it holds."""
    h = zlib.crc32(repr(sorted(f.codes)).encode())
    return "".join(chr(65 + (h >> (5 * i)) % 26) for i in range(6))
