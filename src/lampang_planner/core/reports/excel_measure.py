"""The workbook's font and how wide and tall its text is: column widths fitted to the content and row heights for
wrapped text, measured with Sarabun's metrics (the same design as TH SarabunPSK; only ratios to the width of "0" are
used)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList

from lampang_planner.core.reports.excel_model import (
    Col,
    Formula,
    Mark,
)

FONT_NAME = "TH SarabunPSK"  # the one place the workbook's font is named
FONT_SIZE = 16
THAI_CHARSET = 222


LINE_HEIGHT = 24.0  # points per line of TH SarabunPSK 16 pt (Excel's own row height for it)
FILTER_BUTTON = 2.0  # column units an autofilter button takes in a header cell
CELL_PADDING = 1.2  # column units of space a cell keeps around its text


@lru_cache(maxsize=2)
def _points(bold: bool) -> Callable[[str], float]:
    """The width of a string in points, measured in Sarabun (the same design as the workbook's font; only ratios to
    the width of "0" are used), regular or bold."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts

    register_reportlab_fonts()
    name = REPORTLAB_NAMES["Bold" if bold else "Regular"]
    return lambda s: stringWidth(s, name, FONT_SIZE)


@lru_cache(maxsize=1)
def _zero() -> float:
    return _points(False)("0")


def text_width(text: str, bold: bool = False) -> float:
    """Width of ``text`` in Excel column units (widths of "0" in the workbook font); the widest line counts."""
    measure, zero = _points(bold), _zero()
    return max((measure(line) for line in text.split("\n")), default=0.0) / zero


def line_count(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped at word boundaries in a column ``width`` units wide."""
    from lampang_planner.core.thai.segment import wrap_to_width

    available = max(width - CELL_PADDING, 1.0) * _zero()
    return len(wrap_to_width(text, available, _points(bold)))


def set_default_row_height(ws) -> None:
    """Rows of ``ws`` without a height of their own are one line of the workbook font high (openpyxl's default, 15
    points, fits 11 pt fonts, not TH SarabunPSK 16)."""
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = row_height(1), True


def row_height(lines: int) -> float:
    """The height in points of a row of ``lines`` lines of the workbook font (every sheet's default is one line)."""
    return round(lines * LINE_HEIGHT + 2.0, 1)


def _sample_text(kind: str) -> str | None:
    return {"date": "28 พฤศจิกายน 2559", "datetime": "28 พฤศจิกายน 2559 08:42"}.get(kind)


def _value_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Mark | Formula):
        return _value_text(v.value)
    if isinstance(v, bool):
        return "TRUE"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, dt.date):
        return ""
    return str(v)


def _header_width(text: str) -> float:
    """A header may wrap between words: it needs at least its widest word, and at most ~16 units before wrapping."""
    from lampang_planner.core.thai.segment import min_width

    return max(min_width(text, lambda s: text_width(s, bold=True)), min(text_width(text, bold=True), 16.0))


def fit_widths(columns: Sequence[Col], rows: Iterable[Sequence[object]], samples: dict[int, Iterable[str]],
               *, filter_buttons: bool = True) -> list[float]:
    """Column widths: the widest value (or given samples) in each column, within the column's limits."""
    button = FILTER_BUTTON if filter_buttons else 0.0
    best = [_header_width(c.header) + button for c in columns]
    for i, c in enumerate(columns):
        sample = _sample_text(c.kind)
        if sample:
            best[i] = max(best[i], text_width(sample))
        for text in samples.get(i, ()):
            best[i] = max(best[i], text_width(text))
    # the widest string is among the longest ones: measure only values longer (in characters) than the best so far
    longest = [0] * len(columns)
    for row in rows:
        role = getattr(row, "role", None)
        if role == "section":  # merged across the table: it needs no width of its own
            continue
        for i, v in enumerate(row.values if role else row):
            if v is None or isinstance(v, dt.date):
                continue
            text = _value_text(v)
            if len(text) > longest[i] or "\n" in text:
                longest[i] = max(longest[i], len(text))
                best[i] = max(best[i], text_width(text))
    out = []
    for c, width in zip(columns, best, strict=True):
        if c.width is not None:
            out.append(c.width)
        else:
            out.append(round(min(max(width + CELL_PADDING + 0.6, c.min_width), c.max_width), 1))
    return out


def setup_fonts(wb: Workbook) -> Font:
    """Make FONT_NAME the workbook's default font (font 0 and the Normal style), so unstyled cells use it too."""
    font = Font(name=FONT_NAME, sz=FONT_SIZE, family=2, charset=THAI_CHARSET)
    wb._fonts = IndexedList()  # openpyxl keeps font 0 as the default of every unstyled cell
    wb._fonts.add(font)
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    normal.font = copy(font)
    return font
