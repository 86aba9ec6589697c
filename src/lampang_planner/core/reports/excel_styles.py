"""How the workbook's cells look: number formats (Buddhist-era dates among them), fills and borders per role
(header, group, section, total, mark, note), as templates each new cell copies (the cheap way openpyxl styles cells)."""

from __future__ import annotations

from copy import copy

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from lampang_planner.core.reports.excel_measure import FONT_SIZE, THAI_CHARSET
from lampang_planner.core.reports.excel_model import (
    Mark,
)
from lampang_planner.core.thai.dates import EXCEL_BE_DATE_FORMAT, EXCEL_BE_DATETIME_FORMAT

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



class CellStyles:
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


def styled(styles: CellStyles, v: object, role: str, kind: str) -> object:
    if isinstance(v, Mark):
        return styles.cell(v.value, "mark", kind)
    return styles.cell(v, role, kind)
