"""The one Thai typesetting module for every PDF: one way to draw text, and line breaks a Thai typesetter accepts.

- :func:`draw_thai` (from :mod:`.shaping`) draws one line: HarfBuzz glyphs with the font's GPOS mark positions, and
  a text layer that copies and searches as typed. Every text on every page goes through it::

      draw_thai(canvas, x, baseline_y, "นายปั้น ฝั่งน้ำ", REPORTLAB_NAMES["Bold"], 14, align="left"|"center"|"right")
      text_width("ลำปาง", REPORTLAB_NAMES["Regular"], 14)   # the same shaped width draw_thai uses

- :class:`ThaiParagraph` is the Flowable for running text and table cells: lines end only where
  :func:`~lampang_planner.core.thai.segment.wrap_to_width` allows (between words; never inside a person's name,
  after a title or abbreviation, inside a date or a number with its unit), and each line is drawn by
  :func:`draw_thai`. Names that must stay whole go in ``keep=[...]``; ``style.keepWithNext`` keeps a heading with
  what follows (:func:`keep_headings`). Styles come from :func:`thai_styles` (Sarabun; the body has the look of
  TH Sarabun 16 pt, the size of official documents).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts
from lampang_planner.core.reports.shaping import draw_thai, shape, shape_ascent, text_width
from lampang_planner.core.thai.segment import min_width, wrap_to_width

__all__ = ["ThaiParagraph", "draw_thai", "keep_headings", "shape", "text_width", "thai_paragraph", "thai_styles"]

# TH Sarabun PSK 16 pt, the size of official documents, sets Thai as wide as Sarabun 10.5 pt (widths of a Thai
# sentence: 1.53 : 1) with letters as tall as Sarabun 10.9 pt (cap height 476 vs 700 per em); the body is set between.
BODY_SIZE = 10.75
LEADING_FACTOR = 1.45  # room for stacked marks above and below Thai letters


def thai_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in Sarabun: body (the look of TH Sarabun 16 pt), indented, title, heading, small, cell.
    Headings and titles keep with what follows (:func:`keep_headings`)."""
    register_reportlab_fonts()
    regular, bold = REPORTLAB_NAMES["Regular"], REPORTLAB_NAMES["Bold"]

    def style(name: str, size: float, font: str = regular, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * LEADING_FACTOR, shaping=1, **extra)

    return {
        "body": style("ThaiBody", BODY_SIZE, spaceAfter=BODY_SIZE * 0.4),
        "body_indent": style("ThaiBodyIndent", BODY_SIZE, spaceAfter=BODY_SIZE * 0.4, firstLineIndent=2.5 * cm),
        "title": style("ThaiTitle", 14, bold, alignment=TA_CENTER, spaceAfter=8, keepWithNext=1),  # TH Sarabun 21
        "heading": style("ThaiHeading", 12, bold, spaceBefore=8, spaceAfter=3, keepWithNext=1),  # TH Sarabun 18
        "small": style("ThaiSmall", 8.5),
        "cell": style("ThaiCell", 10, alignment=TA_LEFT),  # TH Sarabun 15
    }


def frame_drawer(heading: Sequence[Flowable], notice: Flowable, *, page: tuple[float, float], margin: float,
                 top: float, stroke=None) -> Callable:
    """A sheet's ``onPage`` function (the sign-in sheet, the payment list): the ``heading`` paragraphs from ``top``
    below the page's top edge, and at its foot the ``notice`` under a thin rule (stroked in ``stroke`` if given)."""
    width = page[0] - 2 * margin
    notice_h = notice.wrap(width, 1000)[1]

    def on_page(canvas, doc) -> None:
        y = page[1] - top
        for p in heading:
            _, h = p.wrap(width, 1000)
            p.drawOn(canvas, margin, y - h)
            y -= h
        canvas.saveState()
        if stroke is not None:
            canvas.setStrokeColor(stroke)
        canvas.setLineWidth(0.5)
        canvas.line(margin, 8 * mm + notice_h + 1.5 * mm, page[0] - margin, 8 * mm + notice_h + 1.5 * mm)
        canvas.restoreState()
        notice.drawOn(canvas, margin, 8 * mm)

    return on_page  # fmt: skip


def sheet_styles(
    base: dict[str, ParagraphStyle], name: str, *, pao: float, line: float, cell: float
) -> dict[str, ParagraphStyle]:
    """The styles a sheet's heading and table share (the sign-in sheet, the payment list), from :func:`thai_styles`
    ``base``: the PAO's name, the title, a centred line, the table's cell (as is and centred) and its bold centred
    column head, in these sizes; ``name`` starts the styles' names."""
    cell_style = ParagraphStyle(f"{name}Cell", parent=base["cell"], fontSize=cell, leading=cell * 1.35)
    return {
        "pao": ParagraphStyle(f"{name}Pao", parent=base["title"], fontSize=pao, leading=pao * 1.35, spaceAfter=0),
        "title": ParagraphStyle(f"{name}Title", parent=base["title"], fontSize=13.5, leading=13.5 * 1.35, spaceAfter=0),
        "line": ParagraphStyle(f"{name}Line", parent=base["body"], fontSize=line, leading=line * 1.35,
                               alignment=TA_CENTER),
        "cell": cell_style,
        "cell_c": ParagraphStyle(f"{name}CellC", parent=cell_style, alignment=TA_CENTER),
        "head": ParagraphStyle(f"{name}Head", parent=cell_style, fontName=base["heading"].fontName,
                               alignment=TA_CENTER),
    }  # fmt: skip


def _measure_for(style: ParagraphStyle) -> Callable[[str], float]:
    font, size = style.fontName, style.fontSize
    return lambda s: text_width(s, font, size)


class ThaiParagraph(Flowable):
    """A plain-text paragraph whose lines end only where Thai typesetting allows (see :func:`wrap_to_width`), each
    line drawn by :func:`draw_thai`.

    Newlines in the text are line breaks. Alignment comes from the style (left, centre, right; justified is set
    left). ``keep`` lists phrases (people's names) that must not be broken. ``style.keepWithNext`` (headings) keeps
    the paragraph on the page of what follows.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, lines: list[str] | None = None,
                 keep: Sequence[str] = ()) -> None:
        super().__init__()
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.style = style
        self.keep = tuple(keep)
        # Not reportlab's keepWithNext (that wraps heading + next in a KeepTogether, which pushes a heading and a long
        # table to a new page even with room left): keep_headings() below puts a CondPageBreak before it instead.
        self.keep_with_next = bool(getattr(style, "keepWithNext", 0))
        self.keepWithNext = False  # reportlab would otherwise read the style's
        self._fixed_lines = lines
        self._lines: list[str] = []
        self._built_for: float | None = None

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text[:30]!r}…)"

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def _build(self, avail_width: float) -> None:
        if self._built_for == avail_width:
            return
        if self._fixed_lines is not None:
            self._lines = list(self._fixed_lines)
        else:
            width = self._text_width(avail_width)
            self._lines = wrap_to_width(self.text, width, _measure_for(self.style),
                                        first_line_width=width - self.style.firstLineIndent, keep=self.keep)
        self._built_for = avail_width

    @property
    def lines(self) -> list[str]:
        """The lines as last wrapped (empty before `wrap`)."""
        return list(self._lines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._build(availWidth)
        self.width, self.height = availWidth, len(self._lines) * self.style.leading
        return availWidth, self.height

    def draw(self) -> None:
        """Each line through draw_thai: the first baseline one font ascent below the top (as reportlab's
        Paragraph sets it), then one leading per line."""
        st = self.style
        canv = self.canv
        canv.saveState()
        canv.setFillColor(st.textColor)
        ascent = shape_ascent(st.fontName) * st.fontSize / 1000
        left, right = st.leftIndent, self.width - st.rightIndent
        for i, line in enumerate(self._lines):
            y = self.height - ascent - i * st.leading
            x0 = left + (st.firstLineIndent if i == 0 else 0)
            text = line.strip(" ")
            if st.alignment == TA_CENTER:
                draw_thai(canv, (x0 + right) / 2, y, text, st.fontName, st.fontSize, align="center")
            elif st.alignment == TA_RIGHT:
                draw_thai(canv, right, y, text, st.fontName, st.fontSize, align="right")
            else:
                draw_thai(canv, x0, y, line.rstrip(" "), st.fontName, st.fontSize)
        canv.restoreState()

    def minWidth(self) -> float:
        indents = self.style.leftIndent + self.style.rightIndent + max(self.style.firstLineIndent, 0)
        return min_width(self.text, _measure_for(self.style)) + indents

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._build(availWidth)
        leading = self.style.leading
        fit = int((availHeight + 1e-6) // leading)
        total = len(self._lines)
        if fit >= total:  # only rounding could bring us here; let the frame move the paragraph on
            return []
        if not self.style.allowWidows and total - fit == 1:
            fit -= 1
        if fit <= 0 or (not self.style.allowOrphans and fit == 1):
            return []
        head = ThaiParagraph(self.text, self.style, lines=self._lines[:fit])
        tail_style = ParagraphStyle(self.style.name + "-cont", parent=self.style, firstLineIndent=0, spaceBefore=0)
        head.style = ParagraphStyle(self.style.name + "-head", parent=self.style, spaceAfter=0)
        return [head, ThaiParagraph(self._remainder(fit), tail_style, keep=self.keep)]

    def _remainder(self, consumed_lines: int) -> str:
        """The text after the first `consumed_lines` lines (each line is a slice of the text)."""
        position = 0
        for line in self._lines[:consumed_lines]:
            found = self.text.find(line, position)
            if found < 0:  # cannot happen for lines made by wrap_to_width
                raise AssertionError(f"line not found in text: {line!r}")
            position = found + len(line)
        rest = self.text[position:]
        return rest.lstrip(" \t").removeprefix("\n")


def _first_part_height(flowable: Flowable, width: float) -> float:
    """The least of ``flowable`` that must share a page with a heading before it: a table's header and first body
    row, a paragraph's first two lines, anything else whole."""
    _, height = flowable.wrap(width, 10_000)
    rows = getattr(flowable, "_rowHeights", None)
    if rows:
        head = getattr(flowable, "repeatRows", 0) or 0
        return sum(rows[: head + 1])
    if isinstance(flowable, ThaiParagraph):
        return min(height, 2 * flowable.style.leading)
    return height


def keep_headings(story: Sequence[Flowable], width: float) -> list[Flowable]:
    """The story with a ``CondPageBreak`` before every heading (a ThaiParagraph whose style has keepWithNext) big
    enough for the heading, the headings right after it and the first part of what follows, so a heading is never
    left alone at the foot of a page."""
    out: list[Flowable] = []
    items = list(story)
    for i, f in enumerate(items):
        if isinstance(f, ThaiParagraph) and f.keep_with_next and not (
            i and isinstance(items[i - 1], ThaiParagraph) and items[i - 1].keep_with_next
        ):
            need, j = 0.0, i
            while j < len(items) and isinstance(items[j], ThaiParagraph) and items[j].keep_with_next:
                need += items[j].wrap(width, 10_000)[1] + items[j].getSpaceBefore() + items[j].getSpaceAfter()
                j += 1
            while j < len(items) and isinstance(items[j], CondPageBreak | Spacer):
                j += 1
            if j < len(items):
                need += _first_part_height(items[j], width) + items[j].getSpaceBefore()
            out.append(CondPageBreak(need + 1))
        out.append(f)
    return out


def thai_paragraph(text: str, style: ParagraphStyle | None = None, *, keep: Sequence[str] = ()) -> ThaiParagraph:
    """A Flowable for plain Thai text (no markup) in `style` (default: the body style)."""
    return ThaiParagraph(text, style if style is not None else thai_styles()["body"], keep=keep)
