"""The payment list (หลักฐานการจ่ายเงิน / บัญชีรายชื่อผู้รับเงิน) of a session or a workshop, as PDF and as an Excel sheet.

PDF: A4 landscape. Every page: the PAO heading, what is paid (ค่าเบี้ยเลี้ยงและค่าพาหนะ), the workshop, the session or
the workshop's dates, the venue, the rates; the table header (ที่, ชื่อ–สกุล, ที่อยู่, เลขประจำตัวประชาชน, the amounts,
the amount in words, ลายมือชื่อผู้รับเงิน) repeated; "หน้า n/N" and the PDPA line of the sign-in sheet (the list holds
citizen IDs). At the end: the totals in figures and in words, how many receive money, and the payer's and
certifier's blocks (ลงชื่อ … ผู้จ่ายเงิน / ผู้รับรองการจ่ายเงิน, name in brackets, position, date), kept with the last rows.

Excel: the same rows on one sheet; each row's total is a formula (allowance + travel) and so are the totals (SUM)
and the count of receivers. The amounts in words are text written by the app: Excel's ``BAHTTEXT`` would follow a
corrected amount, but LibreOffice does not read it from .xlsx (#NAME?), and offices use both.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.payments import PaymentList, PaymentRow, payment_list
from lampang_planner.core.privacy.notice import contact_line
from lampang_planner.core.reports.badges import workshop_heading
from lampang_planner.core.reports.export_io import atomic_output
from lampang_planner.core.reports.safe_write import check_output_path, write_atomically
from lampang_planner.core.reports.signsheet import (
    DEFAULT_CONTACT,
    HEADER_FILL,
    PAO_TH,
    page_number_canvas,
    pdpa_notice,
    session_line,
    spaced_cell,
)
from lampang_planner.core.reports.typeset import ThaiParagraph, frame_drawer, sheet_styles, thai_styles
from lampang_planner.core.thai.baht import baht_figures, baht_text
from lampang_planner.core.vocabulary import ParticipantType

TITLE_TH = "หลักฐานการจ่ายเงินค่าเบี้ยเลี้ยงและค่าพาหนะ (บัญชีรายชื่อผู้รับเงิน)"
NOT_PAID = "ไม่เบิก"
PAGE = landscape(A4)
MARGIN = 12 * mm
# ที่, name, address, citizen ID, [days,] allowance, travel, total, words, signature: 273 mm
COLUMNS_MM = (8, 42, 48, 36, 22, 19, 21, 45, 32)
COLUMNS_DAYS_MM = (8, 40, 44, 36, 8, 22, 19, 21, 44, 31)
DOTS = "." * 40


def _styles() -> dict[str, ParagraphStyle]:
    base = thai_styles()
    styles = sheet_styles(base, "Pay", pao=15, line=11.5, cell=10.5)
    cell = styles["cell"]
    bold = base["heading"].fontName
    return {
        **styles,
        "cell_r": ParagraphStyle("PayCellR", parent=cell, alignment=TA_RIGHT),
        "total": ParagraphStyle("PayTotal", parent=cell, fontName=bold),
        "total_r": ParagraphStyle("PayTotalR", parent=cell, fontName=bold, alignment=TA_RIGHT),
        "sign": ParagraphStyle("PaySign", parent=base["body"], fontSize=11.5, leading=11.5 * 1.6, alignment=TA_CENTER),
        "foot": ParagraphStyle("PayFoot", parent=base["small"], fontSize=8.5, leading=8.5 * 1.35),
    }


def rates_line(plist: PaymentList) -> str:
    """ "อัตราต่อวัน: สภาองค์กรชุมชน เบี้ยเลี้ยง 240.00 บาท ค่าพาหนะ 100.00 บาท; ..." (types that are paid)."""
    parts = []
    for p in ParticipantType:
        rate = plist.rates.get(p.value)
        if rate and rate.pays:
            parts.append(f"{p.th} เบี้ยเลี้ยง {baht_figures(rate.allowance)} บาท ค่าพาหนะ {baht_figures(rate.travel)} บาท")
    return ("อัตราต่อวัน: " + "; ".join(parts)) if parts else "ยังไม่ได้กำหนดอัตรา"


def _row_cells(r: PaymentRow, st: dict, with_days: bool) -> list:
    widths = COLUMNS_DAYS_MM if with_days else COLUMNS_MM
    money = (lambda v: ThaiParagraph(baht_figures(v), st["cell_r"])) if r.paid else (lambda v: ThaiParagraph("-", st["cell_c"]))
    return [
        ThaiParagraph(str(r.number), st["cell_c"]),
        spaced_cell(r.name, st["cell"], widths[1]),
        spaced_cell(r.address, st["cell"], widths[2]),
        ThaiParagraph(r.citizen_id or ("" if not r.paid else " "), st["cell_c"]),
        *([ThaiParagraph(str(r.days), st["cell_c"])] if with_days else []),
        money(r.allowance),
        money(r.travel),
        money(r.amount),
        ThaiParagraph(baht_text(r.amount) if r.paid else NOT_PAID, st["cell"]),
        Spacer(1, 8 * mm),  # room to sign
    ]


def _signatures(st: dict) -> Table:
    def block(role: str) -> list:
        lines = [f"ลงชื่อ {DOTS} {role}", f"( {DOTS} )", f"ตำแหน่ง {DOTS}", "วันที่ ........ / ........ / ........"]
        return [ThaiParagraph(line, st["sign"]) for line in lines]

    t = Table([[block("ผู้จ่ายเงิน"), block("ผู้รับรองการจ่ายเงิน")]], colWidths=[(PAGE[0] - 2 * MARGIN) / 2] * 2)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def _table(plist: PaymentList, st: dict) -> Table:
    with_days = plist.session is None
    head = ["ที่", "ชื่อ – สกุล", "ที่อยู่", "เลขประจำตัวประชาชน", *(["วัน"] if with_days else []), "ค่าเบี้ยเลี้ยง",
            "ค่าพาหนะ", "รวมเงิน (บาท)", "จำนวนเงิน (ตัวอักษร)", "ลายมือชื่อผู้รับเงิน"]  # fmt: skip
    data: list[list] = [[ThaiParagraph(h, st["head"]) for h in head]]
    data += [_row_cells(r, st, with_days) for r in plist.rows]
    last = len(data) - 1
    first_money = 5 if with_days else 4
    totals = [ThaiParagraph("รวมทั้งสิ้น", st["total"])] + [""] * (first_money - 1)
    totals += [ThaiParagraph(baht_figures(v), st["total_r"]) for v in (plist.total_allowance, plist.total_travel, plist.total)]
    totals += [ThaiParagraph(baht_text(plist.total), st["total"]), ""]
    data.append(totals)
    n_paid, missing = len(plist.paid_rows), plist.missing_ids
    summary = [
        ThaiParagraph(f"รวมจ่ายเงินทั้งสิ้น {baht_figures(plist.total)} บาท ({baht_text(plist.total)})", st["total"]),
        ThaiParagraph(f"ผู้รับเงิน {n_paid} คน จากผู้เข้าร่วม {len(plist.rows)} คน"
                      + (f" (ยังไม่มีเลขประจำตัวประชาชน {missing} คน ให้กรอกด้วยลายมือ)" if missing else ""), st["cell"]),
        Spacer(1, 6 * mm),
        _signatures(st),
    ]  # fmt: skip
    data.append([summary] + [""] * (len(head) - 1))
    widths = COLUMNS_DAYS_MM if with_days else COLUMNS_MM
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, last + 1), 0.5, black),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("SPAN", (0, last + 1), (first_money - 1, last + 1)),
                ("SPAN", (0, last + 2), (-1, last + 2)),
                ("TOPPADDING", (0, last + 2), (-1, last + 2), 3 * mm),
                ("NOSPLIT", (0, max(1, last - 1)), (-1, last + 2)),
            ]
        )
    )
    return table


def render_payments(plist: PaymentList, *, contact: str = DEFAULT_CONTACT) -> bytes:
    st = _styles()
    title, _ = workshop_heading(plist.workshop)
    venue = plist.workshop.get("venue") or ""
    width = PAGE[0] - 2 * MARGIN
    where = " ".join(x for x in (session_line(plist.workshop, plist.session), f"ณ {venue}" if venue else "") if x)
    heading = [ThaiParagraph(PAO_TH, st["pao"]), ThaiParagraph(TITLE_TH, st["title"]),
               ThaiParagraph(f"{title}", st["line"]), ThaiParagraph(where, st["line"]),
               ThaiParagraph(rates_line(plist), st["line"])]  # fmt: skip
    heading_h = sum(p.wrap(width, 1000)[1] for p in heading)
    notice = ThaiParagraph(pdpa_notice(plist.workshop, contact), st["foot"])
    notice_h = notice.wrap(width, 1000)[1]

    on_page = frame_drawer(heading, notice, page=PAGE, margin=MARGIN, top=8 * mm)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=8 * mm + heading_h + 3 * mm, bottomMargin=8 * mm + notice_h + 3 * mm,
                            title=f"หลักฐานการจ่ายเงิน — {title}", author=PAO_TH, creator="Lampang Planner")  # fmt: skip

    numbered = page_number_canvas(st["foot"], MARGIN, width)
    doc.build([_table(plist, st)], onFirstPage=on_page, onLaterPages=on_page, canvasmaker=numbered)
    return buffer.getvalue()


def _checked_list(store: Store, workshop_id: str, session_id: str | None) -> PaymentList:
    plist = payment_list(store, workshop_id, session_id)
    if not plist.rows:
        raise UserError("ยังไม่มีผู้ลงทะเบียนเข้าประชุม จึงไม่มีรายชื่อผู้รับเงิน",
                        "No one is checked in, so there is no one to pay", code="empty")  # fmt: skip
    return plist


def payments_pdf(store: Store, workshop_id: str, session_id: str | None = None) -> bytes:
    """The payment list of a session (or, without one, the workshop) as PDF bytes."""
    plist = _checked_list(store, workshop_id, session_id)
    return render_payments(plist, contact=contact_line(store) or DEFAULT_CONTACT)


def write_payments_pdf(store: Store, workshop_id: str, out: Path | str, session_id: str | None = None) -> tuple[Path, PaymentList]:
    target = check_output_path(out)
    plist = _checked_list(store, workshop_id, session_id)
    data = render_payments(plist, contact=contact_line(store) or DEFAULT_CONTACT)
    return write_atomically(target, data), plist


# --- Excel ---------------------------------------------------------------------------------------------------------

_FONT = Font(name="Sarabun", size=11, charset=222)
_BOLD = Font(name="Sarabun", size=11, charset=222, bold=True)
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MONEY = "#,##0.00"


def _put(ws, row: int, col: int, value, *, font=_FONT, fmt: str | None = None, box: bool = True, wrap=False):
    cell = ws.cell(row=row, column=col, value=value)
    cell.font = font
    if fmt:
        cell.number_format = fmt
    if box:
        cell.border = _BOX
    cell.alignment = Alignment(vertical="center", wrap_text=wrap)
    return cell


def payments_workbook(plist: PaymentList) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "บัญชีผู้รับเงิน"
    title, _ = workshop_heading(plist.workshop)
    venue = plist.workshop.get("venue") or ""
    where = " ".join(x for x in (session_line(plist.workshop, plist.session), f"ณ {venue}" if venue else "") if x)
    head = ["ที่", "ชื่อ – สกุล", "ที่อยู่", "เลขประจำตัวประชาชน", "วัน", "ค่าเบี้ยเลี้ยง", "ค่าพาหนะ", "รวมเงิน (บาท)",
            "จำนวนเงิน (ตัวอักษร)", "ลายมือชื่อผู้รับเงิน"]  # fmt: skip
    for i, text in enumerate((PAO_TH, TITLE_TH, title, where, rates_line(plist)), start=1):
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(head))
        c = _put(ws, i, 1, text, font=_BOLD if i <= 2 else _FONT, box=False)
        c.alignment = Alignment(horizontal="center")
    top = 7
    fill = PatternFill("solid", fgColor="DDDDDD")
    for j, h in enumerate(head, start=1):
        _put(ws, top, j, h, font=_BOLD).fill = fill
    first = top + 1
    for k, r in enumerate(plist.rows):
        n = first + k
        values = [r.number, r.name, r.address, r.citizen_id or None, r.days]
        for j, v in enumerate(values, start=1):
            _put(ws, n, j, v, wrap=j in (2, 3))
        _put(ws, n, 6, float(r.allowance), fmt=_MONEY)
        _put(ws, n, 7, float(r.travel), fmt=_MONEY)
        _put(ws, n, 8, f"=F{n}+G{n}", fmt=_MONEY)
        _put(ws, n, 9, baht_text(r.amount) if r.paid else NOT_PAID, wrap=True)
        _put(ws, n, 10, None)
    last = first + len(plist.rows) - 1
    t = last + 1
    _put(ws, t, 1, "รวมทั้งสิ้น", font=_BOLD)
    ws.merge_cells(start_row=t, start_column=1, end_row=t, end_column=5)
    for col in "FGH":
        _put(ws, t, "FGH".index(col) + 6, f"=SUM({col}{first}:{col}{last})", font=_BOLD, fmt=_MONEY)
    _put(ws, t, 9, baht_text(plist.total), font=_BOLD, wrap=True)
    _put(ws, t, 10, None)
    _put(ws, t + 1, 1, f'=COUNTIF(H{first}:H{last},">0")&" คนรับเงิน จากผู้เข้าร่วม {len(plist.rows)} คน"', box=False)
    for i, role in enumerate(("ผู้จ่ายเงิน", "ผู้รับรองการจ่ายเงิน")):
        col = 2 if i == 0 else 7
        for k, line in enumerate((f"ลงชื่อ {DOTS} {role}", f"( {DOTS} )", f"ตำแหน่ง {DOTS}", "วันที่ ...... / ...... / ......")):
            _put(ws, t + 3 + k, col, line, box=False)
    for col, w in zip("ABCDEFGHIJ", (6, 28, 30, 20, 6, 13, 13, 15, 38, 22), strict=True):
        ws.column_dimensions[col].width = w
    ws.print_title_rows = f"{top}:{top}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = ws.cell(row=first, column=1)
    return wb


def write_payments_xlsx(store: Store, workshop_id: str, out: Path | str, session_id: str | None = None) -> tuple[Path, PaymentList]:
    target = check_output_path(out, ".xlsx")
    plist = _checked_list(store, workshop_id, session_id)
    wb = payments_workbook(plist)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target, plist
