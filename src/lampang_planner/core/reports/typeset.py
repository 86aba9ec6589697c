"""The one Thai typesetting helper for every PDF: word-boundary line breaks and shaped tone marks.

reportlab only breaks lines at spaces and, without shaping, draws Thai tone marks on top of upper vowels. Here the
text is pre-wrapped at Thai word boundaries (`thai.segment.wrap_to_width`, measured with reportlab's `stringWidth`)
when the available width is known, and handed to a `Paragraph` as explicit lines with `shaping=1`, so uharfbuzz
positions the marks. The inner Paragraph gets a little extra width so it never re-wraps a line differently.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts
from lampang_planner.core.reports.shaping import draw_thai, shape, text_width
from lampang_planner.core.thai.segment import min_width, wrap_to_width

__all__ = ["ThaiParagraph", "draw_thai", "shape", "text_width", "thai_paragraph", "thai_styles"]

BODY_SIZE = 14.0
LEADING_FACTOR = 1.45  # room for stacked marks above and below Thai letters
_SLACK = 1.0  # points of extra width given to the inner Paragraph


def thai_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in Sarabun with shaping on: body (14 pt), indented, title, heading, small, cell."""
    register_reportlab_fonts()
    regular, bold = REPORTLAB_NAMES["Regular"], REPORTLAB_NAMES["Bold"]

    def style(name: str, size: float, font: str = regular, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * LEADING_FACTOR, shaping=1, **extra)

    return {
        "body": style("ThaiBody", BODY_SIZE, spaceAfter=BODY_SIZE * 0.4),
        "body_indent": style("ThaiBodyIndent", BODY_SIZE, spaceAfter=BODY_SIZE * 0.4, firstLineIndent=2.5 * cm),
        "title": style("ThaiTitle", 18, bold, alignment=TA_CENTER, spaceAfter=10),
        "heading": style("ThaiHeading", 16, bold, spaceBefore=8, spaceAfter=4),
        "small": style("ThaiSmall", 11),
        "cell": style("ThaiCell", 12, alignment=TA_LEFT),
    }


def _measure_for(style: ParagraphStyle) -> Callable[[str], float]:
    font, size = style.fontName, style.fontSize
    return lambda s: stringWidth(s, font, size)


class ThaiParagraph(Flowable):
    """A plain-text paragraph whose lines end only at Thai word boundaries (or spaces).

    Newlines in the text are line breaks. Alignment comes from the style; justification is not applied.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not style.shaping or style.splitLongWords:
            style = ParagraphStyle(style.name, parent=style, shaping=1, splitLongWords=0)
        self.style = style
        self._fixed_lines = lines
        self._lines: list[str] = []
        self._para: Paragraph | None = None
        self._built_for: float | None = None

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text[:30]!r}…)"

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def _build(self, avail_width: float) -> None:
        if self._built_for == avail_width and self._para is not None:
            return
        if self._fixed_lines is not None:
            self._lines = list(self._fixed_lines)
        else:
            width = self._text_width(avail_width)
            self._lines = wrap_to_width(
                self.text, width, _measure_for(self.style), first_line_width=width - self.style.firstLineIndent
            )
        markup = "<br/>".join(escape(line) for line in self._lines)
        self._para = Paragraph(markup, self.style)
        self._built_for = avail_width

    @property
    def lines(self) -> list[str]:
        """The lines as last wrapped (empty before `wrap`)."""
        return list(self._lines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._build(availWidth)
        assert self._para is not None
        _, height = self._para.wrap(availWidth + _SLACK, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def draw(self) -> None:
        assert self._para is not None
        self._para.drawOn(self.canv, 0, 0)

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
        return [head, ThaiParagraph(self._remainder(fit), tail_style)]

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


def thai_paragraph(text: str, style: ParagraphStyle | None = None) -> ThaiParagraph:
    """A Flowable for plain Thai text (no markup) in `style` (default: the 14 pt body style)."""
    return ThaiParagraph(text, style if style is not None else thai_styles()["body"])
