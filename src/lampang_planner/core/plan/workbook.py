"""The plan workbook: forms ผ.01, ผ.02, ผ.01/1, ผ.02/1 laid out as the regulation's forms, print-ready, round-trippable.

    export_plan_workbook(store, "plan.xlsx")

- Every total is a formula: a แผนงาน's รวม is ``SUM`` of its projects, a strategy's รวม the ``SUM`` of its แผนงาน
  totals, รวมทั้งสิ้น the ``SUM`` of the strategies; ผ.01 reads ผ.02 (``COUNT`` of a แผนงาน's budget cells per year,
  its รวม cell), so a budget edited in ผ.02 updates ผ.01.
- Print: A4 landscape, fitted to the page width (never split across pages sideways), the header rows repeated on
  every page, the form number ("แบบ ผ.02") top right and "หน้า X จาก Y" at the foot of every page (header/footer).
  Only the form's own columns are in the print area; สถานะ and ที่มา sit to the right of it for the office.
- Round trip: each project row carries its id and the row's write stamp in two hidden columns; see :mod:`.roundtrip`.
- Sheet names cannot hold "/": ผ.02/1 is the sheet "แบบ ผ.02-1" (its title and header read ผ.02/1).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lampang_planner.core.db import Store
from lampang_planner.core.plan.forms import (
    FORM_02,
    FORM_02_1,
    FormData,
    StrategyGroup,
    form_data,
    strategy_line,
    work_plan_line,
)
from lampang_planner.core.plan.settings import PlanInfo, get_plan
from lampang_planner.core.plan.sources import need_sources
from lampang_planner.core.reports.excel import (
    FONT_NAME,
    FONT_SIZE,
    THAI_CHARSET,
    line_count,
    row_height,
    set_default_row_height,
)
from lampang_planner.core.reports.excel import _setup_fonts as setup_default_font
from lampang_planner.core.reports.export_io import atomic_output, check_output_path, read_snapshot
from lampang_planner.core.vocabulary import ProposalStatus

SHEET_NAMES = {"ผ.01": "แบบ ผ.01", FORM_02: "แบบ ผ.02", "ผ.01/1": "แบบ ผ.01-1", FORM_02_1: "แบบ ผ.02-1"}
SUMMARY_OF = {FORM_02: "ผ.01", FORM_02_1: "ผ.01/1"}
MONEY = '#,##0;-#,##0;"-"'
COUNT_FORMAT = '0;-0;"-"'
# ผ.02 columns: (header, width, kind); the budget columns go in at BUDGET_AT, one per plan year.
LEFT_COLUMNS = [("ที่", 4.5, "seq"), ("โครงการ", 22, "wrap"), ("วัตถุประสงค์", 20, "wrap"),
                ("เป้าหมาย\n(ผลผลิตของโครงการ)", 19, "wrap")]
RIGHT_COLUMNS = [("ตัวชี้วัด\n(KPI)", 15, "wrap"), ("ผลลัพธ์ที่คาดว่า\nจะได้รับ", 16, "wrap"),
                 ("หน่วยงาน\nรับผิดชอบหลัก", 11, "wrap")]
OFFICE_COLUMNS = [("สถานะ", 15, "text"), ("ที่มา (ความต้องการจากเวทีประชาคม)", 40, "wrap"), ("รหัสโครงการ", 10, "text"),
                  ("รหัสการแก้ไข", 10, "text")]
BUDGET_WIDTH = 10.5
SECTION_HEIGHT = 28.0  # points: one line of the workbook font with room for the vowels below it (ยุ, ฎุ), bold
TITLE_ROWS = 4  # title, subtitle (ผ.02/1) or blank, period, organisation
HEADER_ROW = TITLE_ROWS + 1  # two header rows: HEADER_ROW and HEADER_ROW + 1
FIRST_BODY_ROW = HEADER_ROW + 2

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_OFFICE_FILL = PatternFill("solid", fgColor="FFF2CC")


@dataclass
class PlanRows:
    """Where a แผนงาน's rows ended up on ผ.02 (ผ.01 refers to them)."""

    label: str
    first: int  # first project row (first > last: none)
    last: int
    total: int


@dataclass
class StrategyRows:
    label: str
    plans: list[PlanRows] = field(default_factory=list)
    total: int = 0  # the strategy's รวม row


@dataclass
class FormLayout:
    sheet: str
    plan: PlanInfo
    strategies: list[StrategyRows] = field(default_factory=list)
    projects: int = 0


def _font(bold: bool = False, size: float = FONT_SIZE) -> Font:
    return Font(name=FONT_NAME, sz=size, b=bold, family=2, charset=THAI_CHARSET)


def _columns(plan: PlanInfo) -> list[tuple[str, float, str]]:
    years = [(f"{y}\n(บาท)", BUDGET_WIDTH, "money") for y in plan.plan_years]
    return [*LEFT_COLUMNS, *years, *RIGHT_COLUMNS, *OFFICE_COLUMNS]


def budget_columns(plan: PlanInfo) -> range:
    """1-based column numbers of the budget years on ผ.02."""
    return range(len(LEFT_COLUMNS) + 1, len(LEFT_COLUMNS) + 1 + plan.years)


def form_width(plan: PlanInfo) -> int:
    """The number of the form's own (printed) columns on ผ.02."""
    return len(LEFT_COLUMNS) + plan.years + len(RIGHT_COLUMNS)


def print_setup(ws, form_label: str, last_col: int, title_rows: str) -> None:
    """A4 landscape, fitted to the page width, header rows repeated, form number and page numbers on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = title_rows
    ws.oddHeader.right.text = f"แบบ {form_label}"
    ws.oddHeader.right.font = f"{FONT_NAME},Bold"
    ws.oddHeader.right.size = FONT_SIZE + 1
    ws.oddFooter.center.text = "หน้า &P จาก &N"
    ws.oddFooter.center.font = f"{FONT_NAME},Regular"
    ws.oddFooter.center.size = FONT_SIZE
    ws.print_area = f"A1:{get_column_letter(last_col)}{max(ws.max_row, 1)}"


def title_block(ws, lines: list[str], width: int) -> None:
    for r, text in enumerate(lines, start=1):
        c = ws.cell(r, 1, text or None)
        c.font = _font(bold=True, size=FONT_SIZE + 2) if r == 1 else _font(bold=r != 2 or bool(text))
        c.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)


def header_cell(ws, r: int, col: int, text: str | None) -> None:
    c = ws.cell(r, col, text)
    c.font = _font(bold=True)
    c.fill = _HEADER_FILL
    c.border = _BOX
    c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def body_cell(ws, r: int, col: int, value: object, kind: str, *, bold: bool = False, fill: PatternFill | None = None):
    c = ws.cell(r, col, value)
    c.font = _font(bold=bold)
    c.border = _BOX
    c.alignment = Alignment(horizontal="center" if kind == "seq" else None, vertical="top", wrap_text=kind == "wrap")
    if kind == "money":
        c.number_format = MONEY
    elif kind == "count":
        c.number_format = COUNT_FORMAT
        c.alignment = Alignment(horizontal="center", vertical="top")
    if fill is not None:
        c.fill = fill
    return c


def section_row(ws, r: int, text: str, width: int, *, indent: int = 0) -> None:
    for col in range(1, width + 1):
        body_cell(ws, r, col, text if col == 1 else None, "text", bold=True, fill=_SECTION_FILL)
    ws.cell(r, 1).alignment = Alignment(indent=indent, vertical="center")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    ws.row_dimensions[r].height = SECTION_HEIGHT


def _height(ws, r: int, values: list[tuple[str, float]]) -> None:
    lines = max((line_count(text, width) for text, width in values if text), default=1)
    if lines > 1:
        ws.row_dimensions[r].height = row_height(lines)


def _sum(col: str, rows: list[int]) -> str:
    return f"=SUM({','.join(f'{col}{r}' for r in rows)})" if rows else "=0"


def write_form_02(wb: Workbook, data: FormData, sources: dict[str, str]) -> FormLayout:
    """Sheet ผ.02 or ผ.02/1 of ``data``; returns where each แผนงาน landed (for ผ.01)."""
    plan = data.plan
    sheet = SHEET_NAMES[data.form]
    ws = wb.create_sheet(sheet)
    set_default_row_height(ws)
    cols = _columns(plan)
    width = form_width(plan)
    for i, (_h, w, _k) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for hidden in (len(cols) - 1, len(cols)):
        ws.column_dimensions[get_column_letter(hidden)].hidden = True
    title_block(ws, [data.title, data.subtitle, plan.period_th, plan.org_name], width)
    _form_header(ws, cols, plan)
    layout = FormLayout(sheet, plan)
    r = FIRST_BODY_ROW - 1
    for g in data.groups:
        r = _write_strategy(ws, g, r, layout, cols, sources)
    r += 1
    if not layout.strategies:
        section_row(ws, r, "ไม่มีโครงการ", width)
    else:
        totals = [s_rows.total for s_rows in layout.strategies]
        _total_row(ws, r, f"รวมทั้งสิ้น {layout.projects} โครงการ", plan, totals, width)
    ws.freeze_panes = f"C{FIRST_BODY_ROW}"
    print_setup(ws, data.form, width, f"{HEADER_ROW}:{HEADER_ROW + 1}")
    _status_choices(ws, len(LEFT_COLUMNS) + plan.years + len(RIGHT_COLUMNS) + 1, r)
    return layout


def _form_header(ws, cols: list[tuple[str, float, str]], plan: PlanInfo) -> None:
    budget = budget_columns(plan)
    for i, (header, _w, _k) in enumerate(cols, start=1):
        if i in budget:
            header_cell(ws, HEADER_ROW, i, "งบประมาณ" if i == budget[0] else None)
            header_cell(ws, HEADER_ROW + 1, i, header)
        else:
            header_cell(ws, HEADER_ROW, i, header)
            header_cell(ws, HEADER_ROW + 1, i, None)
            ws.merge_cells(start_row=HEADER_ROW, start_column=i, end_row=HEADER_ROW + 1, end_column=i)
    ws.merge_cells(start_row=HEADER_ROW, start_column=budget[0], end_row=HEADER_ROW, end_column=budget[-1])
    ws.row_dimensions[HEADER_ROW + 1].height = 32.0


def _write_strategy(ws, g: StrategyGroup, r: int, layout: FormLayout, cols, sources: dict[str, str]) -> int:
    plan = layout.plan
    width = form_width(plan)
    lines = strategy_line(g)
    for line in lines:
        r += 1
        section_row(ws, r, line, width)
    s_rows = StrategyRows(lines[-1])
    for k, w in enumerate(g.work_plans, start=1):
        r += 1
        label = work_plan_line(g, k, w)
        section_row(ws, r, label, width, indent=1)
        first = r + 1
        for seq, p in enumerate(w.projects, start=1):
            r += 1
            _project_row(ws, r, seq, p, cols, plan, sources)
        r += 1
        _total_row(ws, r, f"รวม {len(w.projects)} โครงการ", plan, list(range(first, r)), width, contiguous=True)
        s_rows.plans.append(PlanRows(label, first, r - 1, r))
        layout.projects += len(w.projects)
    r += 1
    s_rows.total = r
    _total_row(ws, r, f"รวมยุทธศาสตร์ที่ {g.number} ({g.project_count} โครงการ)", plan,
               [p.total for p in s_rows.plans], width)
    layout.strategies.append(s_rows)
    return r


def _project_row(ws, r: int, seq: int, p, cols, plan: PlanInfo, sources: dict[str, str]) -> None:
    values = [seq, p.title, p.objective, p.output_text, *(p.budget(y) for y in plan.plan_years), p.kpi,
              p.expected_result, p.division, ProposalStatus(p.status).th, sources.get(p.need_id, ""), p.id, p.hlc]
    for col, ((_h, _w, kind), v) in enumerate(zip(cols, values, strict=True), start=1):
        office = col > form_width(plan)
        body_cell(ws, r, col, v if v != "" else None, kind, fill=_OFFICE_FILL if office and col == form_width(plan) + 1
                   else None)
    _height(ws, r, [(str(v or ""), w) for (_h, w, k), v in zip(cols, values, strict=True) if k == "wrap"])


def _total_row(ws, r: int, label: str, plan: PlanInfo, rows: list[int], width: int, *, contiguous: bool = False):
    for col in range(1, width + 1):
        body_cell(ws, r, col, None, "money" if col in budget_columns(plan) else "text", bold=True)
    ws.row_dimensions[r].height = SECTION_HEIGHT
    ws.cell(r, 1, label).alignment = Alignment(horizontal="center", vertical="top")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(LEFT_COLUMNS))
    for col in budget_columns(plan):
        letter = get_column_letter(col)
        if contiguous:
            ws.cell(r, col, f"=SUM({letter}{rows[0]}:{letter}{rows[-1]})" if rows else "=0")
        else:
            ws.cell(r, col, _sum(letter, rows))


def _status_choices(ws, col: int, last_row: int) -> None:
    """A drop-down of the Thai status labels in the สถานะ column (typing any label is still accepted on import)."""
    choices = ",".join(s.th for s in ProposalStatus)
    dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    dv.error = "เลือกสถานะจากรายการ"
    ws.add_data_validation(dv)
    letter = get_column_letter(col)
    dv.add(f"{letter}{FIRST_BODY_ROW}:{letter}{max(last_row, FIRST_BODY_ROW)}")


def export_plan_workbook(store: Store, out: str | os.PathLike[str]) -> Path:
    """Write ผ.01, ผ.02, ผ.01/1 and ผ.02/1 of the plan to ``out`` (.xlsx), atomically."""
    from lampang_planner.core.plan.summary import write_form_01

    target = check_output_path(out, ".xlsx")
    with read_snapshot(store) as snap:
        plan = get_plan(snap)
        sources = need_sources(snap)
        forms = [form_data(snap, plan, FORM_02), form_data(snap, plan, FORM_02_1)]
    wb = Workbook()
    setup_default_font(wb)
    wb.remove(wb.active)
    wb.properties.title = f"{plan.period_th} – {plan.org_name}"
    wb.properties.creator = "Lampang Planner (อบจ.ลำปาง)"
    for data in forms:
        layout = write_form_02(wb, data, sources)
        summary = write_form_01(wb, layout, SUMMARY_OF[data.form], SHEET_NAMES[SUMMARY_OF[data.form]])
        wb.move_sheet(summary, offset=-1)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target
