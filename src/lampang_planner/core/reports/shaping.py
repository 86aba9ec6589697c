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
- **The font object** (``shaping_font``). Per document and style, one Type0/CIDFontType2 font: codes are handed out
  on first use, the ``CIDToGIDMap`` sends each code to its glyph, and the embedded font program is a HarfBuzz subset
  that keeps glyph ids (``RETAIN_GIDS``) holding only the glyphs used.
- **The text layer.** A code stands for one (glyph, text, width) triple. When a HarfBuzz cluster has one glyph per
  character (nearly every tone-marked cluster: ป ั ้, and น ํ้ า for น ้ ำ) each glyph maps to its own character in
  ``ToUnicode`` — what pdf.js (Firefox's viewer) and pypdf read; otherwise the first glyph carries the cluster's text
  (ำ on its า glyph) and a glyph left without text (the ํ of ทำ) gets a code that pdf.js reads as an invisible
  format character and leaves out (``shaping_font.TEXTLESS_CODES``). The run is also wrapped in
  ``/Span <</ActualText …>> BDC … EMC`` spans, which poppler (pdftotext, evince), PDFium (Chrome) and MuPDF read
  instead of ordering glyphs by position; a cluster with a textless glyph is a span of its own (MuPDF repeats text
  otherwise). So the text reads back as typed (NFC, ำ as U+0E33, no spaces inside words) in each of them — searching
  the sheet for a name finds it (tests/core/test_pdf_text_layer*.py).

Nothing here imports Qt. Costs: shaping is cached per (font, text); a badge sheet of 600 people shapes each text once.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from lampang_planner.core.fonts import REPORTLAB_NAMES, FontStyle, font_path
from lampang_planner.core.reports.shaping_font import DocFont, doc_fonts

_STYLE_OF: dict[str, FontStyle] = {name: style for style, name in REPORTLAB_NAMES.items()}


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
    clusters: tuple[int, ...]  # where each glyph's cluster starts in the (NFC) text


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
        tuple(i.cluster for i in infos),
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


# --- drawing ---------------------------------------------------------------------------------------------------------


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def run_operators(run: ShapedRun, font: DocFont, size: float, spans: list[tuple[int, int, str]]) -> list[str]:
    """PDF text-showing operators for ``run`` at the current text position (inside BT … ET, after Tf), each span
    ``(first glyph, end glyph, text)`` wrapped as ``/Span <</ActualText (text)>> BDC … EMC``."""
    ops: list[str] = []
    items: list[str] = []
    rise = 0
    pending = 0.0  # TJ adjustment (thousandths of an em, positive moves left) not yet written
    ends = {end for _start, end, _text in spans}
    actual = {start: text for start, _end, text in spans}
    for k, (gid, text, adv, dx, dy) in enumerate(
        zip(run.glyphs, run.texts, run.advances, run.x_offsets, run.y_offsets, strict=True)
    ):
        if items and (dy != rise or k in ends):
            ops.append(f"[{' '.join(items)}] TJ")
            items = []
        if k in ends:
            ops.append("EMC")
        if k in actual:
            ops.append(f"/Span <</ActualText <FEFF{actual[k].encode('utf-16-be').hex().upper()}>>> BDC")
        if dy != rise:
            ops.append(f"{_num(dy * size / 1000)} Ts")
            rise = dy
        pending -= dx
        if pending:
            items.append(_num(pending))
        items.append(f"<{font.code(gid, text, _code_width(font, gid, text, adv, dx)):04X}>")
        pending = _code_width(font, gid, text, adv, dx) - adv + dx  # back from the glyph's end to the pen position
    if items:
        ops.append(f"[{' '.join(items)}] TJ")
    ops.append("EMC")
    if rise:
        ops.append("0 Ts")
    return ops


def _code_width(font: DocFont, gid: int, text: str, adv: int, dx: int) -> int:
    """The code's width in the font: the advance minus the offset when that is not negative: after a mark drawn to
    the left of the pen, the pen comes back by the glyph's own width, with no move to the right that a text extractor
    would take for a space between words. A textless glyph is 0 wide: pdf.js skips it without moving."""
    if not text:
        return 0
    return adv - dx if adv - dx >= 0 else font.face.glyph_width(gid)


def actual_text_spans(run: ShapedRun, text: str) -> list[tuple[int, int, str]]:
    """The run cut into ActualText spans ``(first glyph, end glyph, text)``: a cluster holding a textless glyph (ำ
    drawn as ํ + า) is a span of its own, the glyphs between such clusters are one span each. MuPDF gives a span's
    text back right only when the span's glyphs carry as many characters as the span has."""
    n = len(run.glyphs)
    split = {c for c, t in zip(run.clusters, run.texts, strict=True) if not t}
    cuts = sorted(
        {0, n}
        | {
            k
            for k in range(1, n)
            if run.clusters[k] != run.clusters[k - 1] and (run.clusters[k] in split or run.clusters[k - 1] in split)
        }
    )
    return [
        (a, b, text[run.clusters[a] : run.clusters[b] if b < n else len(text)]) for a, b in itertools.pairwise(cuts)
    ]


def draw_thai(
    canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float, *, align: str = "left"
) -> float:
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
    font = doc_fonts(canvas).font(font_name, _face(font_name))
    # The run's text once more as ActualText: poppler (pdftotext, evince), PDFium (Chrome) and MuPDF read it instead
    # of ordering the glyphs by position, where a mark would land after the next letter; pdf.js and pypdf read the
    # glyphs' own characters (ToUnicode).
    ops = run_operators(run, font, size, actual_text_spans(run, unicodedata.normalize("NFC", text)))
    canvas._code.append(f"BT /{font.name} {_num(size)} Tf 1 0 0 1 {_num(x)} {_num(y)} Tm {' '.join(ops)} ET")
    return width
