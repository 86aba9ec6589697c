"""How a sheet of the office workbook prints: A4 in the sheet's orientation, header rows repeated, a sheet too wide
for the page printed in column sets with its key columns repeated."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter

from lampang_planner.core.reports.excel_model import (
    Sheet,
)

# Printable width of A4 in column units of the workbook font at 100 % (margins 0.5 in): what one column set may take.
# Measured with LibreOffice: a unit of Sarabun 11 pt prints ~5.8 pt wide; A4 landscape holds 770 pt between margins.
PAGE_UNITS = {"landscape": 120.0, "portrait": 82.0}


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


def print_setup(ws, sheet: Sheet, widths: Sequence[float], title_rows: str) -> None:
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
