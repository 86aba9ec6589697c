"""The one way Thai text is put on a PDF page: HarfBuzz glyphs and positions, and a text layer that reads back.

Every text of every PDF (badges, headers, footers, chart labels, table cells, paragraphs, sign-in sheets) is drawn by
:func:`draw_thai` (or :class:`~.typeset.ThaiParagraph`, which calls it line by line)::

    from lampang_planner.core.reports.typeset import draw_thai, text_width

    canvas.setFillColor(black)                       # colour as usual; the font is named by its reportlab name
    w = draw_thai(canvas, x, y, "นายปั้น ฝั่งน้ำ", "Sarabun-Bold", 14, align="center")   # y is the baseline
    text_width("ลำปาง", "Sarabun", 14)                 # the shaped width in points (what draw_thai advances)

How it works:

- **Glyphs and positions.** The text is shaped by HarfBuzz (uharfbuzz) with the bundled Sarabun TTF; each glyph is
  written by its glyph id with HarfBuzz's advance and x/y offsets (TJ adjustments, text rise for y), so a tone mark
  sits where the font's GPOS puts it (above an upper vowel, lowered when alone, moved left over ป ฝ ฟ).
- **The font object.** Per document and style, one Type0/CIDFontType2 font: codes are handed out on first use, the
  ``CIDToGIDMap`` sends each code to its glyph, and the embedded font program is a HarfBuzz subset that keeps glyph
  ids (``RETAIN_GIDS``) holding only the glyphs used.
- **The text layer.** A code stands for one (glyph, text, width) triple. When a HarfBuzz cluster has one glyph per
  character (nearly every tone-marked cluster: ป ั ้, and น ํ้ า for น ้ ำ) each glyph maps to its own character in
  ``ToUnicode`` — what pdf.js (browsers) and pypdf read; otherwise the first glyph carries the cluster's text (ำ on
  its า glyph). Each run is also wrapped in ``/Span <</ActualText …>> BDC … EMC``, which poppler (pdftotext) reads
  instead of ordering glyphs by position. So the text reads back as typed (NFC, ำ as U+0E33, no spaces inside
  words) — searching the sheet for a name finds it.

Nothing here imports Qt. Costs: shaping is cached per (font, text); a badge sheet of 600 people shapes each text once.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from lampang_planner.core.fonts import REPORTLAB_NAMES, FontStyle, font_path

_STYLE_OF: dict[str, FontStyle] = {name: style for style, name in REPORTLAB_NAMES.items()}
_STATE_ATTR = "_lampang_thai_fonts"


@dataclass(frozen=True, slots=True)
class ShapedRun:
    """One shaped text in font units (1000 per em): glyph ids, the text each glyph stands for in the text layer,
    advances and offsets."""

    glyphs: tuple[int, ...]
    texts: tuple[str, ...]  # the cluster's source text on its first glyph, "" on the others
    advances: tuple[int, ...]
    x_offsets: tuple[int, ...]
    y_offsets: tuple[int, ...]
    width: int  # sum of advances


class _Face:
    """A Sarabun style opened by HarfBuzz: its blob (for subsetting), font, scale and metrics."""

    def __init__(self, style: FontStyle) -> None:
        self.style = style
        self.blob = hb.Blob.from_file_path(str(font_path(style)))
        self.face = hb.Face(self.blob)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self.scale = 1000 / self.upem
        extents = self.font.get_font_extents("ltr")
        self.ascent = round(extents.ascender * self.scale)
        self.descent = round(extents.descender * self.scale)

    def to_1000(self, value: int) -> int:
        return round(value * self.scale)

    def glyph_width(self, gid: int) -> int:
        return self.to_1000(self.font.get_glyph_h_advance(gid))


@lru_cache(maxsize=8)
def _face(font_name: str) -> _Face:
    style = _STYLE_OF.get(font_name)
    if style is None:
        raise ValueError(f"not a bundled Thai font: {font_name!r}; use one of {sorted(_STYLE_OF)}")
    return _Face(style)


@lru_cache(maxsize=20000)
def shape(text: str, font_name: str) -> ShapedRun:
    """HarfBuzz's glyphs and positions for ``text`` (NFC) in the bundled font called ``font_name`` (reportlab name)."""
    text = unicodedata.normalize("NFC", text)
    f = _face(font_name)
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in text])
    buf.guess_segment_properties()
    hb.shape(f.font, buf, {})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({i.cluster for i in infos})
    ends = {a: b for a, b in zip(starts, [*starts[1:], len(text)], strict=True)}
    texts = [""] * len(infos)
    for c in starts:
        members = [k for k, i in enumerate(infos) if i.cluster == c]
        _spread_cluster_text(text[c : ends[c]], members, [positions[k].x_advance for k in members], texts)
    advances = tuple(f.to_1000(p.x_advance) for p in positions)
    return ShapedRun(
        tuple(i.codepoint for i in infos),
        tuple(texts),
        advances,
        tuple(f.to_1000(p.x_offset) for p in positions),
        tuple(f.to_1000(p.y_offset) for p in positions),
        sum(advances),
    )


def _spread_cluster_text(cluster: str, members: list[int], advances: list[int], texts: list[str]) -> None:
    """Give a cluster's text to its glyphs: all of it to the first glyph, except that ำ goes to the glyph of its า
    part when HarfBuzz drew that separately after the base (น้ำ → น ํ้ า), so no spacing glyph is left without text
    and text extraction sees no gap inside the word."""
    if len(members) == len(cluster):  # one glyph per character, in order (ป ั ้, น ํ้ า ↔ น ้ ำ): each its own
        for k, ch in zip(members, cluster, strict=True):
            texts[k] = ch
        return
    spacing = [k for k, adv in zip(members, advances, strict=True) if adv > 0]
    if cluster.endswith("\u0e33") and len(cluster) > 1 and len(spacing) >= 2 and spacing[-1] == members[-1]:
        texts[members[0]] = cluster[:-1]
        texts[members[-1]] = "\u0e33"
    else:
        texts[members[0]] = cluster


def hb_font(font_name: str) -> hb.Font:
    """The HarfBuzz font of a bundled style (reportlab name), e.g. to name glyphs."""
    return _face(font_name).font


def shape_ascent(font_name: str) -> int:
    """The font's ascent in thousandths of an em (where reportlab's Paragraph puts a first baseline)."""
    return _face(font_name).ascent


def text_width(text: str, font_name: str, size: float) -> float:
    """The shaped width of ``text`` in points: how far :func:`draw_thai` moves along the line."""
    return shape(text, font_name).width * size / 1000 if text else 0.0


# --- the PDF font object ---------------------------------------------------------------------------------------------


@dataclass
class _DocFont:
    """One style's Type0 font in one document: the codes handed out so far and the font's resource name."""

    face: _Face
    name: str  # resource name without the slash, e.g. "LPThai1"
    codes: dict[tuple[int, str, int], int] = field(default_factory=dict)  # (glyph id, text, width) → code

    def code(self, gid: int, text: str, width: int) -> int:
        key = (gid, text, width)
        c = self.codes.get(key)
        if c is None:
            c = self.codes[key] = len(self.codes) + 1  # code 0 stays .notdef
            if c > 0xFFFF:
                raise ValueError("too many distinct glyphs in one PDF")
        return c


class _DocFonts:
    """The Thai fonts used by one reportlab document; their PDF objects are written when the document is saved
    (reportlab calls ``addObjects`` on every entry of ``doc.delayedFonts``)."""

    def __init__(self, doc: pdfdoc.PDFDocument) -> None:
        self.fonts: dict[str, _DocFont] = {}
        self.doc = doc
        doc.delayedFonts.append(self)

    def font(self, font_name: str) -> _DocFont:
        f = self.fonts.get(font_name)
        if f is None:
            name = f"LPThai{len(self.fonts) + 1}"
            f = self.fonts[font_name] = _DocFont(_face(font_name), name)
            self.doc.fontMapping["lampang-thai:" + font_name] = "/" + name
        return f

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # reportlab API name
        fonts = doc.idToObject["BasicFonts"].dict
        for f in self.fonts.values():
            fonts[f.name] = _type0_font(doc, f)


def _doc_fonts(canvas: Canvas) -> _DocFonts:
    doc = canvas._doc
    state = getattr(doc, _STATE_ATTR, None)
    if state is None:
        state = _DocFonts(doc)
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


def _to_unicode(name: str, codes: dict[tuple[int, str], int]) -> str:
    entries = [f"<{c:04X}> <{text.encode('utf-16-be').hex().upper()}>" for (_g, text, _w), c in sorted(
        codes.items(), key=lambda kv: kv[1])]
    blocks = []
    for i in range(0, len(entries), 100):  # at most 100 entries per bfchar block
        chunk = entries[i : i + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        f"/CMapName /{name}-UCS def", "/CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange", *blocks,
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _type0_font(doc: pdfdoc.PDFDocument, f: _DocFont) -> pdfdoc.PDFObjectReference:
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
    descriptor = pdfdoc.PDFDictionary({
        "Type": N("FontDescriptor"), "FontName": N(base), "Flags": 4,
        "FontBBox": pdfdoc.PDFArray([-600, face.descent - 300, 1600, face.ascent + 300]),
        "ItalicAngle": -12 if "Italic" in face.style else 0, "Ascent": face.ascent, "Descent": face.descent,
        "CapHeight": face.ascent, "StemV": 120 if "Bold" in face.style else 80,
        "FontFile2": doc.Reference(_stream(doc, program, Length1=len(program)), f"{f.name}:program"),
    })
    cid_font = pdfdoc.PDFDictionary({
        "Type": N("Font"), "Subtype": N("CIDFontType2"), "BaseFont": N(base),
        "CIDSystemInfo": pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"),
                                               "Ordering": pdfdoc.PDFString("Identity"), "Supplement": 0}),
        "FontDescriptor": doc.Reference(descriptor, f"{f.name}:descriptor"), "DW": 1000,
        "W": pdfdoc.PDFArray(widths),
        "CIDToGIDMap": doc.Reference(_stream(doc, bytes(cid_to_gid)), f"{f.name}:cidtogid"),
    })
    font = pdfdoc.PDFDictionary({
        "Type": N("Font"), "Subtype": N("Type0"), "BaseFont": N(base), "Encoding": N("Identity-H"),
        "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font, f"{f.name}:cidfont")]),
        "ToUnicode": doc.Reference(_stream(doc, _to_unicode(f.name, f.codes)), f"{f.name}:tounicode"),
    })
    return doc.Reference(font, f.name)


def _subset_tag(f: _DocFont) -> str:
    """Six capital letters naming the subset (PDF convention), derived from the glyphs it holds."""
    h = zlib.crc32(repr(sorted(f.codes)).encode())
    return "".join(chr(65 + (h >> (5 * i)) % 26) for i in range(6))


# --- drawing ---------------------------------------------------------------------------------------------------------


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def run_operators(run: ShapedRun, font: _DocFont, size: float) -> list[str]:
    """PDF text-showing operators for ``run`` at the current text position (inside BT … ET, after Tf)."""
    ops: list[str] = []
    items: list[str] = []
    rise = 0
    pending = 0.0  # TJ adjustment (thousandths of an em, positive moves left) not yet written
    for gid, text, adv, dx, dy, in zip(run.glyphs, run.texts, run.advances, run.x_offsets, run.y_offsets,
                                       strict=True):
        if dy != rise:
            if items:
                ops.append(f"[{' '.join(items)}] TJ")
                items = []
            ops.append(f"{_num(dy * size / 1000)} Ts")
            rise = dy
        pending -= dx
        if pending:
            items.append(_num(pending))
        # The code's width in the font is the advance minus the offset when that is not negative: after a mark
        # drawn to the left of the pen, the pen comes back by the glyph's own width, with no move to the right that
        # a text extractor would take for a space between words.
        width = adv - dx if adv - dx >= 0 else font.face.glyph_width(gid)
        items.append(f"<{font.code(gid, text, width):04X}>")
        pending = width - adv + dx  # back from the drawn glyph's end to the pen position
    if items:
        ops.append(f"[{' '.join(items)}] TJ")
    if rise:
        ops.append("0 Ts")
    return ops


def draw_thai(canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float, *,
              align: str = "left") -> float:
    """Draw ``text`` (one line) with its baseline at ``y``, starting at ``x`` (``align="left"``), centred on ``x``
    (``"center"``) or ending at ``x`` (``"right"``), in the canvas's current fill colour. Returns the width drawn.

    ``font_name`` is one of the bundled Sarabun styles by its reportlab name (``fonts.REPORTLAB_NAMES``)."""
    if not text:
        return 0.0
    run = shape(text, font_name)
    width = run.width * size / 1000
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    font = _doc_fonts(canvas).font(font_name)
    ops = run_operators(run, font, size)
    # The run's text once more as ActualText: poppler (pdftotext, evince) reads it instead of ordering the glyphs by
    # position, where a mark would land after the next letter; pdf.js and pypdf read the glyphs' own characters.
    actual = unicodedata.normalize("NFC", text).encode("utf-16-be").hex().upper()
    canvas._code.append(f"/Span <</ActualText <FEFF{actual}>>> BDC BT /{font.name} {_num(size)} Tf "
                        f"1 0 0 1 {_num(x)} {_num(y)} Tm {' '.join(ops)} ET EMC")
    return width
