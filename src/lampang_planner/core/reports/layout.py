"""The page template of the office's PDF documents (workshop summary, resolution document), on top of the one Thai
typesetting module (:mod:`.typeset`).

- Every page: the PAO's name and the document's short title at the top, "พิมพ์เมื่อ <BE date>" and "หน้า x/y" at
  the bottom (the total is known only at the end: pages are kept and numbered when the document is saved).
- Every paragraph and table cell is a :class:`~.typeset.ThaiParagraph` (shaped, broken only between words).
- Thai digits (๐–๙) are an option for official documents: with ``thai_digits`` every text that goes through a
  :class:`Typesetter` — numbers, dates, page numbers, and the data's own text — is written with Thai digits.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from lampang_planner.core.fonts import REPORTLAB_NAMES
from lampang_planner.core.reports.safe_write import write_atomically
from lampang_planner.core.reports.typeset import ThaiParagraph, draw_thai, keep_headings, text_width, thai_styles
from lampang_planner.core.thai.dates import format_date_range_th, format_date_th, today_lampang
from lampang_planner.core.thai.digits import to_thai_digits

ORG_TH = "องค์การบริหารส่วนจังหวัดลำปาง"
ORG_SHORT = "อบจ.ลำปาง"
APP = "Lampang Planner"

PAGE_SIZE = A4
LEFT, RIGHT, TOP, BOTTOM = 2.5 * cm, 2.0 * cm, 2.6 * cm, 2.0 * cm
HEADER_SIZE = 9.0
FOOTER_SIZE = 8.5

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A6270")
RULE = colors.HexColor("#9BA6B5")
HEAD_FILL = colors.HexColor("#DCE6F1")
ZEBRA = colors.HexColor("#F5F7FA")
TOTAL_FILL = colors.HexColor("#EEF1F5")


@dataclass(frozen=True)
class DocOptions:
    """How a document is set: Thai digits or not, and the date printed on it (default today, Bangkok)."""

    thai_digits: bool = False
    today: dt.date | None = None

    @property
    def printed_on(self) -> dt.date:
        return self.today or today_lampang()


class Typesetter:
    """Text helpers bound to one document's options: digits, numbers, dates, paragraphs and tables in Thai."""

    def __init__(self, options: DocOptions | None = None) -> None:
        self.options = options or DocOptions()
        base = thai_styles()
        bold = REPORTLAB_NAMES["Bold"]
        cell = base["cell"]

        def derived(name: str, parent: ParagraphStyle, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **kw)

        self.styles: dict[str, ParagraphStyle] = {
            **base,
            "subtitle": derived("ThaiSubtitle", base["body"], alignment=TA_CENTER, spaceAfter=2),
            "title_small": derived("ThaiTitleSmall", base["heading"], alignment=TA_CENTER, spaceBefore=0),
            "subheading": derived("ThaiSubheading", base["body"], fontName=bold, spaceBefore=6, spaceAfter=2,
                                  keepWithNext=1),
            "muted": derived("ThaiMuted", base["small"], textColor=MUTED),
            "cell_right": derived("ThaiCellRight", cell, alignment=TA_RIGHT),
            "cell_center": derived("ThaiCellCenter", cell, alignment=TA_CENTER),
            "cell_bold": derived("ThaiCellBold", cell, fontName=bold),
            "cell_bold_right": derived("ThaiCellBoldRight", cell, fontName=bold, alignment=TA_RIGHT),
            "cell_bold_center": derived("ThaiCellBoldCenter", cell, fontName=bold, alignment=TA_CENTER),
            "cell_head": derived("ThaiCellHead", cell, fontName=bold, alignment=TA_CENTER, fontSize=9.5,
                                 leading=9.5 * 1.4),
            "cell_small": derived("ThaiCellSmall", cell, fontSize=8.75, leading=8.75 * 1.45, textColor=MUTED),
        }

    # --- text ----------------------------------------------------------------------------------------------------

    def t(self, text: object) -> str:
        """The text as printed: Thai digits when the document asks for them."""
        s = "" if text is None else str(text)
        return to_thai_digits(s) if self.options.thai_digits else s

    def num(self, n: int | float | None) -> str:
        if n is None:
            return ""
        return self.t(f"{n:,}" if isinstance(n, int) else f"{n:,.1f}")

    def pct(self, part: int, whole: int) -> str:
        """"91.8" (percent of ``whole``), or "–" when there is no whole."""
        return self.t(f"{100 * part / whole:.1f}") if whole else "–"

    def date(self, d: dt.date | None, style: str = "long") -> str:
        return format_date_th(d, style, self.options.thai_digits) if d else ""  # type: ignore[arg-type]

    def date_range(self, a: dt.date | None, b: dt.date | None, style: str = "long") -> str:
        if a and b and b > a:
            return format_date_range_th(a, b, style, self.options.thai_digits)  # type: ignore[arg-type]
        return self.date(a or b, style)

    def para(self, text: object, style: str = "body", *, keep: Sequence[str] = ()) -> ThaiParagraph:
        """A paragraph in one of :attr:`styles`; ``keep`` names phrases (people's names) never to break."""
        return ThaiParagraph(self.t(text), self.styles[style], keep=[self.t(k) for k in keep])

    # --- tables ----------------------------------------------------------------------------------------------------

    _ALIGN: ClassVar[dict[str, str]] = {"L": "cell", "R": "cell_right", "C": "cell_center"}
    _BOLD: ClassVar[dict[str, str]] = {"L": "cell_bold", "R": "cell_bold_right", "C": "cell_bold_center"}

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        align: str | None = None,
        totals: Sequence[Sequence[object]] = (),
        bold_rows: Sequence[int] = (),
        zebra: bool = True,
    ) -> Table:
        """A table whose every cell is a ThaiParagraph: ``align`` is one letter per column (L, R, C); the header row
        repeats on every page; ``totals`` are bold rows at the end; ``bold_rows`` index ``rows`` to set in bold."""
        n = len(widths)
        align = (align or "L" * n).ljust(n, "L")
        data: list[list[object]] = []
        if header is not None:
            data.append([self.para(h, "cell_head") for h in header])
        bold = set(bold_rows)
        for i, row in enumerate(rows):
            styles = self._BOLD if i in bold else self._ALIGN
            data.append([self._cell(v, styles[a]) for v, a in zip(row, align, strict=False)])
        for row in totals:
            data.append([self._cell(v, self._BOLD[a]) for v, a in zip(row, align, strict=False)])
        head = 1 if header is not None else 0
        widths = _fit_columns(list(widths), data, align, bool(head))
        commands: list[tuple] = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if head:
            commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
        body_end = len(data) - len(totals) - 1
        if zebra and body_end > head:
            commands.append(("ROWBACKGROUNDS", (0, head), (-1, body_end), [colors.white, ZEBRA]))
        if totals:
            commands.append(("BACKGROUND", (0, body_end + 1), (-1, -1), TOTAL_FILL))
        table = Table(data, colWidths=list(widths), repeatRows=head, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, value: object, style: str) -> Flowable | list[Flowable]:
        if isinstance(value, Flowable):
            return value
        if isinstance(value, list | tuple) and all(isinstance(v, Flowable) for v in value):
            return list(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.para(self.num(value), style)
        return self.para("" if value is None else value, style)


CELL_PADDING = 8.0  # left + right padding of a table cell
MAX_HEADER_WIDTH = 1.7 * cm  # a number column grows to show its header on one line up to this width


def _min_width(cell: object) -> float:
    if isinstance(cell, list):
        return max((_min_width(c) for c in cell), default=0.0)
    return cell.minWidth() if isinstance(cell, ThaiParagraph) else 0.0


def _fit_columns(widths: list[float], rows: list[list[object]], align: str, header: bool) -> list[float]:
    """Widen columns so no cell has to break inside a word (a number column's header also stays on one line when
    that takes at most MAX_HEADER_WIDTH), taking the room from the widest text columns (L)."""
    out = list(widths)
    need = [0.0] * len(out)
    for r, row in enumerate(rows):
        for i, cell in enumerate(row[: len(out)]):
            need[i] = max(need[i], _min_width(cell) + CELL_PADDING + 1)
            if r == 0 and header and align[i] != "L" and isinstance(cell, ThaiParagraph):
                style = cell.style
                one_line = text_width(cell.text, style.fontName, style.fontSize) + CELL_PADDING + 1
                need[i] = max(need[i], min(one_line, MAX_HEADER_WIDTH))
    for i in sorted(range(len(out)), key=lambda k: need[k] - out[k], reverse=True):
        while out[i] < need[i] - 0.01:
            donors = [j for j in range(len(out)) if j != i and align[j] == "L" and out[j] - 1 > max(need[j],
                                                                                               widths[j] * 0.5)]
            if not donors:
                break
            j = max(donors, key=lambda k: out[k])
            give = min(need[i] - out[i], out[j] - max(need[j], widths[j] * 0.5))
            out[i] += give
            out[j] -= give
    return out


# --- the page template --------------------------------------------------------------------------------------------


def _draw_text(canv: Canvas, x: float, y: float, text: str, *, size: float, bold: bool = False,
               align: str = "left", color: colors.Color = INK) -> None:
    canv.setFillColor(color)
    draw_thai(canv, x, y, text, REPORTLAB_NAMES["Bold" if bold else "Regular"], size, align=align)


class _NumberedCanvas(Canvas):
    """Keeps every page until the document is saved, then draws "หน้า x/y" on each (y is known only then)."""

    def __init__(self, *args: object, footer: Callable[[Canvas, int, int], None], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:  # reportlab API name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> Callable[..., Canvas]:
    """A reportlab ``canvasmaker`` whose pages get ``footer(canvas, page, pages)`` once the page count is known."""

    def make(*args: object, **kwargs: object) -> _NumberedCanvas:
        return _NumberedCanvas(*args, footer=footer, **kwargs)

    return make


def render_pdf(story: list[Flowable], *, title: str, short_title: str, ts: Typesetter, subject: str = "") -> bytes:
    """Lay ``story`` out on A4 pages with the PAO header and the numbered footer; returns the PDF's bytes."""
    width, height = PAGE_SIZE
    printed = "พิมพ์เมื่อ " + ts.date(ts.options.printed_on) + f" · {APP}"

    def header(canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        y = height - 1.45 * cm
        _draw_text(canv, LEFT, y, ORG_TH, size=HEADER_SIZE, bold=True)
        _draw_text(canv, width - RIGHT, y, ts.t(short_title), size=HEADER_SIZE, align="right", color=MUTED)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(LEFT, y - 0.3 * cm, width - RIGHT, y - 0.3 * cm)
        canv.restoreState()

    def footer(canv: Canvas, number: int, total: int) -> None:
        canv.saveState()
        y = 1.1 * cm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(LEFT, y + 0.45 * cm, width - RIGHT, y + 0.45 * cm)
        _draw_text(canv, LEFT, y, printed, size=FOOTER_SIZE, color=MUTED)
        _draw_text(canv, width - RIGHT, y, ts.t(f"หน้า {number}/{total}"), size=FOOTER_SIZE, align="right")
        canv.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=PAGE_SIZE, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=ts.t(title), author=ORG_TH, subject=ts.t(subject), creator=APP, lang="th-TH",
    )
    frame = Frame(LEFT, BOTTOM, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header)])

    doc.build(keep_headings(story, doc.width), canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def column_widths(*parts: float) -> list[float]:
    """Column widths in these proportions (cm), scaled to fill the text column exactly."""
    total = sum(parts)
    return [p / total * frame_width() for p in parts]


def frame_width() -> float:
    """The width of the text column on a page."""
    return PAGE_SIZE[0] - LEFT - RIGHT


def write_pdf(target: Path, story: list[Flowable], *, title: str, short_title: str, ts: Typesetter,
              subject: str = "") -> Path:
    """Render and write the PDF atomically (all or nothing)."""
    data = render_pdf(story, title=title, short_title=short_title, ts=ts, subject=subject)
    return write_atomically(target, data)
