"""Form ผ.01 (บัญชีสรุปโครงการพัฒนา): per strategy and แผนงาน, per plan year the number of projects and their budget.

Every figure is a formula over ผ.02 (or ผ.02/1 for ผ.01/1): the count is ``COUNT`` of the แผนงาน's budget cells in
that year's column, the budget is its รวม cell; a strategy's รวม and รวมทั้งสิ้น are ``SUM``s of the lines above.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from lampang_planner.core.plan.workbook import (
    SECTION_HEIGHT,
    FormLayout,
    body_cell,
    budget_columns,
    header_cell,
    print_setup,
    section_row,
    title_block,
)
from lampang_planner.core.reports.excel import set_default_row_height

STRATEGY_WIDTH = 38.0
COUNT_WIDTH = 8.0
MONEY_WIDTH = 12.5
HEADER_ROW = 5


def _ref(sheet: str, cell: str) -> str:
    return f"'{sheet}'!{cell}"


def write_form_01(wb: Workbook, layout: FormLayout, form: str, title: str):
    """The summary sheet of the ผ.02-type sheet ``layout`` describes; returns the worksheet."""
    plan = layout.plan
    ws = wb.create_sheet(title)
    set_default_row_height(ws)
    ncols = 1 + 2 * (plan.years + 1)
    ws.column_dimensions["A"].width = STRATEGY_WIDTH
    for i in range(plan.years + 1):
        ws.column_dimensions[get_column_letter(2 + 2 * i)].width = COUNT_WIDTH
        ws.column_dimensions[get_column_letter(3 + 2 * i)].width = MONEY_WIDTH
    subtitle = "สำหรับโครงการพัฒนาที่นำมาจากแผนพัฒนาหมู่บ้านและแผนชุมชน" if form == "ผ.01/1" else ""
    title_block(ws, ["บัญชีสรุปโครงการพัฒนา", subtitle, plan.period_th, plan.org_name], ncols)
    _header(ws, plan)
    r = HEADER_ROW + 1
    strategy_totals = []
    for s in layout.strategies:
        r += 1
        section_row(ws, r, s.label, ncols)
        lines = []
        for p in s.plans:
            r += 1
            lines.append(r)
            body_cell(ws, r, 1, p.label, "wrap")
            ws.cell(r, 1).alignment = Alignment(indent=1, vertical="top", wrap_text=True)
            for i, col in enumerate(budget_columns(plan)):
                letter = get_column_letter(col)
                count = f"=COUNT({_ref(layout.sheet, f'{letter}{p.first}:{letter}{p.last}')})" if p.last >= p.first else "=0"
                body_cell(ws, r, 2 + 2 * i, count, "count")
                body_cell(ws, r, 3 + 2 * i, f"={_ref(layout.sheet, f'{letter}{p.total}')}", "money")
            _row_total(ws, r, plan.years)
        r += 1
        strategy_totals.append(r)
        _sum_row(ws, r, "รวม", lines, plan.years)
    r += 1
    if strategy_totals:
        _sum_row(ws, r, "รวมทั้งสิ้น", strategy_totals, plan.years)
    else:
        section_row(ws, r, "ไม่มีโครงการ", ncols)
    ws.freeze_panes = f"B{HEADER_ROW + 2}"
    print_setup(ws, form, ncols, f"{HEADER_ROW}:{HEADER_ROW + 1}")
    return ws


def _header(ws, plan) -> None:
    header_cell(ws, HEADER_ROW, 1, "ยุทธศาสตร์")
    header_cell(ws, HEADER_ROW + 1, 1, None)
    ws.merge_cells(start_row=HEADER_ROW, start_column=1, end_row=HEADER_ROW + 1, end_column=1)
    labels = [f"ปี {y}" for y in plan.plan_years] + [f"รวม {plan.years} ปี"]
    for i, label in enumerate(labels):
        c = 2 + 2 * i
        header_cell(ws, HEADER_ROW, c, label)
        header_cell(ws, HEADER_ROW, c + 1, None)
        ws.merge_cells(start_row=HEADER_ROW, start_column=c, end_row=HEADER_ROW, end_column=c + 1)
        header_cell(ws, HEADER_ROW + 1, c, "จำนวน\nโครงการ")
        header_cell(ws, HEADER_ROW + 1, c + 1, "งบประมาณ\n(บาท)")
    ws.row_dimensions[HEADER_ROW + 1].height = 32.0


def _row_total(ws, r: int, years: int) -> None:
    """The รวม N ปี pair of a line: the sum of its yearly counts and budgets."""
    for offset, kind in ((0, "count"), (1, "money")):
        cells = ",".join(f"{get_column_letter(2 + 2 * i + offset)}{r}" for i in range(years))
        body_cell(ws, r, 2 + 2 * years + offset, f"=SUM({cells})", kind, bold=True)


def _sum_row(ws, r: int, label: str, rows: list[int], years: int) -> None:
    ws.row_dimensions[r].height = SECTION_HEIGHT
    body_cell(ws, r, 1, label, "text", bold=True)
    ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="top")
    for i in range(years + 1):
        for offset, kind in ((0, "count"), (1, "money")):
            letter = get_column_letter(2 + 2 * i + offset)
            body_cell(ws, r, 2 + 2 * i + offset, f"=SUM({','.join(f'{letter}{x}' for x in rows)})", kind, bold=True)
