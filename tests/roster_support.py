"""A roster workbook as the offices send it, for the core and the window's import tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def office_workbook(path: Path, title: str, merged: str, date: str, headers: list, rows: list) -> Path:
    """One sheet "รายชื่อ": a title row merged across the table (``merged``), a date row, a blank row, ``headers``
    and ``rows``; saved at ``path``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "รายชื่อ"
    ws["A1"] = title
    ws.merge_cells(merged)
    ws["A2"] = date
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
