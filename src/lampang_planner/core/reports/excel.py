"""The office workbook: attendance, a summary per district, needs, resolutions and votes — one .xlsx the office uses
as it comes. The development plan's forms (ผ.01 / ผ.02 / ผ.02/1) are a workbook of their own: :mod:`core.plan.workbook`.

    result = export_workbook(store, "out.xlsx", workshop_id=None, progress=lambda done, total: ..., should_cancel=...)

What the file looks like:

- **Real cells**: dates and times are date cells with a Thai Buddhist-era number format (:data:`BE_DATE_FORMAT`,
  shown "25 สิงหาคม 2559"; the value stays a date, so sorting and filtering work); counts, years and votes are
  numbers, never text.
- **Font**: the workbook's default font is **TH SarabunPSK 16 pt**, charset Thai (222): the font Thai government PCs
  have (the Cabinet's standard font for official documents since 2010, one of SIPA's national fonts) at the size
  offices type in. Naming a font in a workbook ships nothing, so its licence does not bind us; the PDFs keep the
  bundled Sarabun (OFL). Where TH SarabunPSK is missing (a Linux PC), fontconfig's Thai rules substitute Laksaman, the
  TLWG font derived from it. Column widths are measured with Sarabun's metrics: both are drawings of the same design,
  and a width in Excel's units (the width of "0" in the default font) is a ratio, the same in both.
- **Tables**: the header row is bold, frozen and carries an autofilter; column widths are fitted to the content
  (measured with Sarabun's metrics, long text wraps at a maximum width).
- **Streaming**: openpyxl's write-only mode; rows go to disk as they are produced, so 100,000 attendance rows never sit
  in memory as cells. ``progress(done, total)`` is called every 1,000 rows; ``should_cancel()`` stops the export with
  :class:`~lampang_planner.core.reports.export_io.ExportCancelled`, and nothing is written.
- The file is written to a temporary name and moved into place only when complete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList

from lampang_planner.core.db import Store
from lampang_planner.core.reports.excel_sheets import (
    Col,
    Formula,
    Mark,
    Sheet,
    build_sheets,
)
from lampang_planner.core.reports.export_io import (
    CancelFn,
    Progress,
    ProgressFn,
    atomic_output,
    check_output_path,
    read_snapshot,
)
from lampang_planner.core.thai.dates import EXCEL_BE_DATE_FORMAT, EXCEL_BE_DATETIME_FORMAT

FONT_NAME = "TH SarabunPSK"  # the one place the workbook's font is named
FONT_SIZE = 16
THAI_CHARSET = 222

BE_DATE_FORMAT = EXCEL_BE_DATE_FORMAT  # "25 สิงหาคม 2559" from a real date cell
BE_DATETIME_FORMAT = EXCEL_BE_DATETIME_FORMAT

NUMBER_FORMATS = {
    "int": "0",
    "seq": "0",
    "count": "#,##0",
    "money": "#,##0",
    "pct": "0.0%",
    "date": BE_DATE_FORMAT,
    "datetime": BE_DATETIME_FORMAT,
}
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_MARK_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="9BA6B5")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP_RULE = Border(top=Side(style="thin", color="000000"))


@dataclass
class SheetResult:
    title: str
    rows: int


@dataclass
class WorkbookResult:
    path: Path
    sheets: list[SheetResult] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(s.rows for s in self.sheets)

    def as_json(self) -> dict:
        return {"path": str(self.path), "sheets": [{"title": s.title, "rows": s.rows} for s in self.sheets]}


# --- measuring ---------------------------------------------------------------------------------------------------


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


# --- writing -----------------------------------------------------------------------------------------------------


def _setup_fonts(wb: Workbook) -> Font:
    """Make FONT_NAME the workbook's default font (font 0 and the Normal style), so unstyled cells use it too."""
    font = Font(name=FONT_NAME, sz=FONT_SIZE, family=2, charset=THAI_CHARSET)
    wb._fonts = IndexedList()  # openpyxl keeps font 0 as the default of every unstyled cell
    wb._fonts.add(font)
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    normal.font = copy(font)
    return font


class _Styles:
    """Style templates; each new cell copies a template's style array (the cheap way openpyxl styles cells)."""

    def __init__(self, ws, base: Font, *, grid: bool = False) -> None:
        self.ws = ws
        self.base = base
        self.grid = grid
        self._templates: dict[tuple, WriteOnlyCell] = {}

    def template(self, key: tuple) -> WriteOnlyCell:
        t = self._templates.get(key)
        if t is None:
            role, kind = key
            t = WriteOnlyCell(self.ws)
            bold = role in ("header", "group", "total", "section", "title")
            if bold:
                size = {"title": FONT_SIZE + 3}.get(role, FONT_SIZE)
                t.font = Font(name=self.base.name, sz=size, family=2, charset=THAI_CHARSET, b=True)
            elif role == "subtitle":
                t.font = Font(name=self.base.name, sz=FONT_SIZE + 1, family=2, charset=THAI_CHARSET)
            if role in ("header", "group"):
                t.fill = _HEADER_FILL
                t.border = _BOX
                t.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif role in ("title", "subtitle"):
                t.alignment = Alignment(horizontal="center", vertical="center")
            elif role == "note":
                t.alignment = Alignment(vertical="top", wrap_text=False)
            else:
                wrap = kind == "wrap"
                center = "center" if kind in ("date", "datetime", "seq") and role != "section" else None
                t.alignment = Alignment(horizontal=center, vertical="top", wrap_text=wrap)
                if self.grid:
                    t.border = _BOX
                if role == "section":
                    t.fill = _SECTION_FILL
                elif role == "total" and not self.grid:
                    t.border = _TOP_RULE
                elif role == "mark":
                    t.fill = _MARK_FILL
                    t.border = _BOX
                if kind in NUMBER_FORMATS:
                    t.number_format = NUMBER_FORMATS[kind]
            self._templates[key] = t
        return t

    def cell(self, value: object, role: str, kind: str = "text") -> WriteOnlyCell:
        c = WriteOnlyCell(self.ws, value)
        c._style = copy(self.template((role, kind))._style)
        return c


def _write_sheet(wb: Workbook, sheet: Sheet, base: Font, progress: Progress) -> int:
    ws = wb.create_sheet(sheet.title)
    set_default_row_height(ws)
    styles = _Styles(ws, base, grid=sheet.grid)
    columns = sheet.columns
    ncols = len(columns)
    form_cols = sheet.print_cols or ncols
    rows = sheet.rows
    if not sheet.streaming:
        rows = list(rows)
    widths = fit_widths(columns, rows if not sheet.streaming else (), sheet.samples, filter_buttons=sheet.filter)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    header_row = len(sheet.title_rows) + (2 if sheet.group_headers else 1)
    # Column widths, frozen panes and sheet properties go out with the first row: set them before appending.
    ws.freeze_panes = f"A{header_row + 1}"
    _print_setup(ws, sheet, widths[:form_cols], f"{header_row - (1 if sheet.group_headers else 0)}:{header_row}")

    # rows above the table: form titles, then group headers, then the column headers
    r = 0
    for text, role in sheet.title_rows:
        r += 1
        if role == "title-right":
            ws.append([None] * (form_cols - 1) + [styles.cell(text, "subtitle")])
            continue
        ws.row_dimensions[r].height = row_height(1) + (4 if role == "title" else 0)
        ws.append([styles.cell(text, role)])
        ws.merged_cells.add(f"A{r}:{get_column_letter(form_cols)}{r}")
    button = FILTER_BUTTON if sheet.filter else 0.0
    grouped = [any(first <= i <= last for _t, first, last in sheet.group_headers) for i in range(ncols)]
    if sheet.group_headers:  # a row of group headers; a column outside every group spans both header rows
        r += 1
        top: list[object] = [None if g else styles.cell(c.header, "header") for c, g in zip(columns, grouped, strict=True)]
        lines = 1
        for text, first, last in sheet.group_headers:
            for i in range(first, last + 1):
                top[i] = styles.cell(text if i == first else None, "group")
            if last > first:
                ws.merged_cells.add(f"{get_column_letter(first + 1)}{r}:{get_column_letter(last + 1)}{r}")
            lines = max(lines, line_count(text, sum(widths[first : last + 1]), bold=True))
        for i, g in enumerate(grouped):
            if not g:
                ws.merged_cells.add(f"{get_column_letter(i + 1)}{r}:{get_column_letter(i + 1)}{r + 1}")
        ws.row_dimensions[r].height = row_height(lines)
        ws.append(top)
    r += 1
    lines = max(line_count(c.header, widths[i] - button, bold=True) for i, c in enumerate(columns) if grouped[i]
                or not sheet.group_headers) if ncols else 1
    ws.row_dimensions[r].height = row_height(max(lines, 1))
    ws.append([styles.cell(c.header if g or not sheet.group_headers else None, "header")
               for c, g in zip(columns, grouped, strict=True)])

    # body
    plain = sheet.streaming
    kinds = [c.kind for c in columns]
    wrapped = [i for i, k in enumerate(kinds) if k == "wrap"] if not plain else []
    styled_cols = [i for i, k in enumerate(kinds) if not plain or k in NUMBER_FORMATS]
    templates = [styles.template(("body", k))._style for k in kinds]
    # Streaming sheets reuse one styled cell per column: openpyxl's write-only writer serialises each appended row
    # before append() returns, so a cell object can carry the next row's value (the tests check every row's values).
    reused = {i: styles.cell(None, "body", kinds[i]) for i in styled_cols} if plain else {}
    n = 0
    for row in rows:
        r += 1
        role = getattr(row, "role", None)
        values = row.values if role else row
        if wrapped and role != "section":
            lines = max((line_count(str(values[i]), widths[i]) for i in wrapped if values[i]), default=1)
            if lines > 1:
                ws.row_dimensions[r].height = row_height(lines)
        if role:
            values = [v.render(get_column_letter(i + 1), r) if isinstance(v, Formula) else v
                      for i, v in enumerate(values)]
            ws.append([_styled(styles, v, role, k) for v, k in zip(values, kinds, strict=False)])
            if role == "section" and sheet.merge_sections:
                ws.merged_cells.add(f"A{r}:{get_column_letter(sheet.merge_sections)}{r}")
        else:
            line = list(values)
            for i in styled_cols:
                v = line[i]
                if isinstance(v, Mark):
                    line[i] = styles.cell(v.value, "mark", kinds[i])
                elif plain:
                    if v is not None:
                        c = reused[i]
                        c.value = v
                        line[i] = c
                else:
                    c = WriteOnlyCell(ws, v)
                    c._style = copy(templates[i])
                    line[i] = c
            ws.append(line)
        n += 1
        progress.advance()
    last_row = header_row + n
    if sheet.filter:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{max(last_row, header_row)}"
    for t, totals in enumerate(sheet.totals, start=1):
        values = _total_formulas(columns, totals, header_row + 1, last_row, last_row + t)
        ws.append([_styled(styles, v, "total", k) for v, k in zip(values, kinds, strict=False)])
    if sheet.notes:
        ws.append([])
        for note in sheet.notes:
            ws.append([styles.cell(note, "note")])
    if sheet.print_cols:
        ws.print_area = f"A1:{get_column_letter(sheet.print_cols)}{last_row + len(sheet.totals)}"
    return n


# Printable width of A4 in column units of the workbook font at 100 % (margins 0.5 in): what one column set may take.
# Measured with LibreOffice: a unit of Sarabun 11 pt prints ~5.8 pt wide; A4 landscape holds 770 pt between margins.
PAGE_UNITS = {"landscape": 120.0, "portrait": 82.0}
SUMMED = ("count", "int", "money")


def column_sets(widths: Sequence[float], key_cols: int, limit: float) -> list[int]:
    """Where to break a wide sheet into column sets that each fit ``limit`` with the ``key_cols`` repeated at their
    left: the 1-based columns after which a new page starts (empty when everything fits on one page width)."""
    if sum(widths) <= limit:
        return []
    key = sum(widths[:key_cols])
    breaks, used = [], key
    for i in range(key_cols, len(widths)):
        if used + widths[i] > limit and used > key:
            breaks.append(i)  # column i (0-based) starts the next set: break after the 1-based column i
            used = key
        used += widths[i]
    return breaks


def _print_setup(ws, sheet: Sheet, widths: Sequence[float], title_rows: str) -> None:
    """A4 in the sheet's orientation, the header rows on every page, the sheet's name and "หน้า X จาก Y" in the
    header and footer of every page; a sheet too wide for the page is printed in column sets (its key columns
    repeated on each) rather than shrunk to an unreadable size."""
    from openpyxl.worksheet.pagebreak import Break

    orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = "9"  # A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "องค์การบริหารส่วนจังหวัดลำปาง"
    ws.oddHeader.right.text = sheet.title
    ws.oddFooter.center.text = "หน้า &P จาก &N"
    breaks = column_sets(widths, sheet.key_cols, PAGE_UNITS[orientation]) if sheet.key_cols else []
    if breaks:
        ws.print_title_cols = f"A:{get_column_letter(sheet.key_cols)}"
        ws.page_setup.pageOrder = "overThenDown"  # the column sets of the same rows print one after the other
        for b in breaks:
            ws.col_breaks.append(Break(id=b))
        return
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _total_formulas(columns: Sequence[Col], totals: Sequence[object], first: int, last: int, row: int) -> list:
    """A totals row as formulas: sums of the body above for counts and amounts, ratios of two totals for shares."""
    out = list(totals)
    if last < first:
        return out
    for i, c in enumerate(columns[: len(out)]):
        letter = get_column_letter(i + 1)
        if c.ratio is not None:
            num, den = (get_column_letter(k + 1) for k in c.ratio)
            out[i] = f'=IF({den}{row}=0,"",{num}{row}/{den}{row})'
        elif c.kind in SUMMED and isinstance(out[i], int | float) and not isinstance(out[i], bool):
            out[i] = f"=SUM({letter}{first}:{letter}{last})"
    return out


def _styled(styles: _Styles, v: object, role: str, kind: str) -> object:
    if isinstance(v, Mark):
        return styles.cell(v.value, "mark", kind)
    return styles.cell(v, role, kind)


def _discard(wb: Workbook) -> None:
    """Close the half-written sheets of an abandoned workbook and delete openpyxl's temporary files."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):
            if getattr(ws, "_rows", None) is not None:
                ws._rows.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def export_workbook(
    store: Store,
    out: str | os.PathLike[str],
    *,
    workshop_id: str | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    today: dt.date | None = None,
) -> WorkbookResult:
    """Write the office workbook to ``out`` (.xlsx), for every workshop or only ``workshop_id``.

    Raises UserError for a bad path or an unknown workshop, ExportCancelled when ``should_cancel()`` turned true; in both cases no file is written.
    """
    target = check_output_path(out, ".xlsx")
    with read_snapshot(store) as snap:
        sheets = build_sheets(snap, workshop_id=workshop_id, today=today)
        tracker = Progress(sum(s.count for s in sheets), progress, should_cancel)
        tracker.check()
        result = WorkbookResult(target)
        with atomic_output(target) as tmp:
            wb = Workbook(write_only=True)
            base = _setup_fonts(wb)
            wb.properties.title = sheets[0].doc_title if sheets else "Lampang Planner"
            wb.properties.creator = "Lampang Planner (อบจ.ลำปาง)"
            try:
                for sheet in sheets:
                    n = _write_sheet(wb, sheet, base, tracker)
                    result.sheets.append(SheetResult(sheet.title, n))
                tracker.check()
            except BaseException:
                _discard(wb)
                raise
            wb.save(tmp)
    tracker.finish()
    return result


__all__ = ["WorkbookResult", "export_workbook", "fit_widths", "text_width"]
