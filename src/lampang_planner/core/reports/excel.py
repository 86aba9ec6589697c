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
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from lampang_planner.core.db import Store
from lampang_planner.core.reports.excel_measure import (
    FILTER_BUTTON,
    FONT_NAME,
    FONT_SIZE,
    THAI_CHARSET,
    fit_widths,
    line_count,
    row_height,
    set_default_row_height,
    setup_fonts,
    text_width,
)
from lampang_planner.core.reports.excel_model import Col, Formula, Mark, Sheet
from lampang_planner.core.reports.excel_print import PAGE_UNITS, column_sets, print_setup
from lampang_planner.core.reports.excel_sheets import build_sheets
from lampang_planner.core.reports.excel_styles import (
    BE_DATE_FORMAT,
    BE_DATETIME_FORMAT,
    NUMBER_FORMATS,
    CellStyles,
    styled,
)
from lampang_planner.core.reports.export_io import (
    CancelFn,
    Progress,
    ProgressFn,
    atomic_output,
    check_output_path,
    read_snapshot,
)

_setup_fonts = setup_fonts  # the name core.plan.workbook imports

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


def _write_sheet(wb: Workbook, sheet: Sheet, base: Font, progress: Progress) -> int:
    ws = wb.create_sheet(sheet.title)
    set_default_row_height(ws)
    styles = CellStyles(ws, base, grid=sheet.grid)
    columns = sheet.columns
    form_cols = sheet.print_cols or len(columns)
    rows = sheet.rows
    if not sheet.streaming:
        rows = list(rows)
    widths = fit_widths(columns, rows if not sheet.streaming else (), sheet.samples, filter_buttons=sheet.filter)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    header_row = len(sheet.title_rows) + (2 if sheet.group_headers else 1)
    # Column widths, frozen panes and sheet properties go out with the first row: set them before appending.
    ws.freeze_panes = f"A{header_row + 1}"
    print_setup(ws, sheet, widths[:form_cols], f"{header_row - (1 if sheet.group_headers else 0)}:{header_row}")
    _write_titles(ws, sheet, styles, form_cols)
    _write_headers(ws, sheet, styles, widths, len(sheet.title_rows))
    n = _write_body(ws, sheet, styles, widths, rows, header_row, progress)
    _write_footer(ws, sheet, styles, header_row, header_row + n)
    return n


def _write_titles(ws, sheet: Sheet, styles: CellStyles, form_cols: int) -> None:
    """The rows above the table: form titles, centred across the printed columns (or a subtitle at the right)."""
    for r, (text, role) in enumerate(sheet.title_rows, start=1):
        if role == "title-right":
            ws.append([None] * (form_cols - 1) + [styles.cell(text, "subtitle")])
            continue
        ws.row_dimensions[r].height = row_height(1) + (4 if role == "title" else 0)
        ws.append([styles.cell(text, role)])
        ws.merged_cells.add(f"A{r}:{get_column_letter(form_cols)}{r}")


def _write_headers(ws, sheet: Sheet, styles: CellStyles, widths: list[float], r: int) -> None:
    """The group headers (a column outside every group spans both header rows), then the column headers."""
    columns = sheet.columns
    ncols = len(columns)
    button = FILTER_BUTTON if sheet.filter else 0.0
    grouped = [any(first <= i <= last for _t, first, last in sheet.group_headers) for i in range(ncols)]
    if sheet.group_headers:
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


def _write_body(ws, sheet: Sheet, styles: CellStyles, widths: list[float], rows, r: int, progress: Progress) -> int:
    """The table's rows after header row ``r``; returns how many."""
    plain = sheet.streaming
    kinds = [c.kind for c in sheet.columns]
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
            ws.append([styled(styles, v, role, k) for v, k in zip(values, kinds, strict=False)])
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
    return n


def _write_footer(ws, sheet: Sheet, styles: CellStyles, header_row: int, last_row: int) -> None:
    """The autofilter, the totals rows (formulas), the notes and the print area."""
    kinds = [c.kind for c in sheet.columns]
    if sheet.filter:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(sheet.columns))}{max(last_row, header_row)}"
    for t, totals in enumerate(sheet.totals, start=1):
        values = _total_formulas(sheet.columns, totals, header_row + 1, last_row, last_row + t)
        ws.append([styled(styles, v, "total", k) for v, k in zip(values, kinds, strict=False)])
    if sheet.notes:
        ws.append([])
        for note in sheet.notes:
            ws.append([styles.cell(note, "note")])
    if sheet.print_cols:
        ws.print_area = f"A1:{get_column_letter(sheet.print_cols)}{last_row + len(sheet.totals)}"


SUMMED = ("count", "int", "money")


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
            base = setup_fonts(wb)
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


__all__ = [
    "BE_DATETIME_FORMAT",
    "BE_DATE_FORMAT",
    "FONT_NAME",
    "FONT_SIZE",
    "NUMBER_FORMATS",
    "PAGE_UNITS",
    "THAI_CHARSET",
    "WorkbookResult",
    "column_sets",
    "export_workbook",
    "fit_widths",
    "line_count",
    "row_height",
    "set_default_row_height",
    "text_width",
]
