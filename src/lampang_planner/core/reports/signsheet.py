"""The sign-in sheet (ใบลงทะเบียน) of one session: the paper fallback at the door and the evidence the finance section
pays travel and meal allowances from.

A4 portrait. Every page has the PAO heading (องค์การบริหารส่วนจังหวัดลำปาง, the workshop title, the session — name,
Buddhist-era date, hours — and the venue), the table header (ที่, ชื่อ–สกุล, ตำแหน่ง, หน่วยงาน, ตำบล, ลายมือชื่อ,
เวลามา only when asked, หมายเหตุ — repeated on every page), "หน้า 1/3" and a PDPA notice (purpose, how long the sheet
is kept — the workshop's ``retention_days`` — and whom to contact). People: the workshop's roster (invited, or checked
in at this session) in Thai order of first then last name; then blank rows for walk-ins; then "รวม N คน" and the
certification block (ลงชื่อ … ผู้รับรอง, the name in brackets, ตำแหน่ง, date) kept together on the last page.
Check-in times are not pre-printed unless asked (``show_times``): beside an empty signature box they would say the
person came before they signed. Every Thai text goes through ``core.reports.typeset``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.sessions import Session, resolve_session, session_by_id
from lampang_planner.core.privacy.notice import DEFAULT_CONTACT_TH, contact_line, retention_period_th
from lampang_planner.core.privacy.retention import expiry_date
from lampang_planner.core.reports.badges import require_workshop, space_lines, workshop_heading
from lampang_planner.core.reports.layout import numbered_canvas
from lampang_planner.core.reports.safe_write import check_output_path, write_atomically
from lampang_planner.core.reports.signsheet_rows import SignRow, sign_rows
from lampang_planner.core.reports.typeset import ThaiParagraph, frame_drawer, sheet_styles, text_width, thai_styles
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.thai.digits import to_thai_digits

PAO_TH = "องค์การบริหารส่วนจังหวัดลำปาง"
DEFAULT_CONTACT = DEFAULT_CONTACT_TH
PURPOSE_TH = "เพื่อยืนยันการเข้าร่วมประชุมและประกอบการเบิกจ่ายค่าใช้จ่าย"
MARGIN_X = 15 * mm
# ที่, name, position, organisation, tambon, signature, [time,] note: 180 mm
COLUMNS_MM = (8, 42, 26, 30, 22, 30, 22)
COLUMNS_TIMED_MM = (8, 40, 22, 28, 22, 25, 17, 18)
DOTS = "." * 44
SIGN_HEIGHT = 8.5 * mm  # room to sign in
HEADER_FILL = Color(0.88, 0.88, 0.88)
FOOTER_SIZE = 8.5
CELL_PAD = 3  # points left and right in every cell
NAME_MIN_SIZE = 9.0  # a name shrinks to this size before it is broken (at its space) into two lines
# A place inside an organisation's name stays whole on its line: "(อำเภอแม่ทะ)", "จังหวัดลำปาง", "ตำบลน้ำโจ้".
_PLACE = re.compile(r"\(?(?:อำเภอ|จังหวัด|ตำบล|อ\.|จ\.|ต\.) ?[^\s()]+\)?")


__all__ = ["DEFAULT_CONTACT", "SheetOptions", "SignRow", "pdpa_notice", "sign_rows", "signsheet_pdf", "write_signsheet"]


def pdpa_notice(workshop: dict, contact: str = DEFAULT_CONTACT) -> str:
    """The sign-in sheet's foot: the purpose of this form and the retention (``retention_days`` after the workshop,
    until the day the purge is due), then on its own line whom to contact. The period and the purge date are those
    of the PDPA notice on screen (``core.privacy.notice``), so paper and window never say different things."""
    days = workshop.get("retention_days")
    period = retention_period_th(int(days) if days else None, expiry_date(workshop))
    keep = f"เก็บรักษาไว้{period} แล้วทำลาย" if days else "เก็บรักษาไว้เท่าที่จำเป็นตามวัตถุประสงค์ แล้วทำลาย"
    purpose = f"คุ้มครองข้อมูลส่วนบุคคล (PDPA): ข้อมูลในแบบฟอร์มนี้เก็บ{PURPOSE_TH}เท่านั้น {keep}"
    return f"{purpose}\nติดต่อขอใช้สิทธิ์เกี่ยวกับข้อมูลของท่าน: {contact}"


def page_number_canvas(style: ParagraphStyle, x: float, width: float, digits=str) -> Callable[..., Canvas]:
    """A ``canvasmaker`` that writes "หน้า n/total" (through ``digits``) at the foot of every page, in ``style``
    (right-aligned) across ``width`` from ``x``."""

    def footer(canv: Canvas, n: int, total: int) -> None:
        text = digits(f"หน้า {n}/{total}")
        para = ThaiParagraph(text, ParagraphStyle("page", parent=style, alignment=TA_RIGHT), lines=[text])
        para.wrap(width, 100)
        para.drawOn(canv, x, 3 * mm)

    return numbered_canvas(footer)


def _styles() -> dict[str, ParagraphStyle]:
    base = thai_styles()
    styles = sheet_styles(base, "Sign", pao=16, line=12, cell=11)
    cell = styles["cell"]
    return {
        **styles,
        "foot": ParagraphStyle("SignFoot", parent=base["small"], fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.35),
        "total": ParagraphStyle("SignTotal", parent=cell, fontName=base["heading"].fontName, fontSize=12,
                                leading=12 * 1.35),
        "certify": ParagraphStyle("SignCertify", parent=base["body"], fontSize=12, leading=12 * 1.6,
                                  leftIndent=85 * mm),
    }  # fmt: skip


def spaced_cell(name: str, style: ParagraphStyle, width_mm: float) -> ThaiParagraph:
    """A name (or an address) is one unit: on one line, in a smaller size if need be (down to NAME_MIN_SIZE); only one
    too long even then breaks, at its spaces, never inside a word."""
    width = width_mm * mm - 2 * CELL_PAD
    size = style.fontSize
    while text_width(name, style.fontName, size) > width and size > NAME_MIN_SIZE:
        size -= 0.25
    if text_width(name, style.fontName, size) <= width:
        if size != style.fontSize:
            style = ParagraphStyle(style.name + "-fit", parent=style, fontSize=size, leading=style.leading)
        return ThaiParagraph(name, style, lines=[name])
    lines = space_lines(name, width, lambda s: text_width(s, style.fontName, style.fontSize))
    return ThaiParagraph(name, style, lines=lines) if lines else ThaiParagraph(name, style, keep=[name])


def organisation_cell(text: str, style: ParagraphStyle, width_mm: float) -> ThaiParagraph:
    """An organisation's name wrapped between words, the places in it (อำเภอแม่ทะ, จังหวัดลำปาง) never broken where
    they fit on one line."""
    width = width_mm * mm - 2 * CELL_PAD
    keep = [m for m in _PLACE.findall(text) if text_width(m, style.fontName, style.fontSize) <= width]
    return ThaiParagraph(text, style, keep=keep)


def session_line(workshop: dict, session: Session | None) -> str:
    """ "ภาคเช้า วันที่ 8 ธันวาคม 2569 เวลา 09:00–12:00 น.": the session's name (if it has one), its day (else the
    workshop's dates) and hours, as known."""
    _, when = workshop_heading(workshop)
    day = f"วันที่ {format_date_th(session.day)}" if session and session.day else f"วันที่ {when}" if when else ""
    name = session.name if session else ""
    hours = f"เวลา {session.hours()}" if session and session.hours() else ""
    return " ".join(x for x in (name, day, hours) if x)


def _table_rows(rows: list[SignRow], blank_rows: int, show_times: bool, styles: dict, digits) -> list[list]:
    head = ["ที่", "ชื่อ – สกุล", "ตำแหน่ง", "หน่วยงาน", "ตำบล", "ลายมือชื่อ", *(["เวลามา"] if show_times else []),
            "หมายเหตุ"]  # fmt: skip
    widths = COLUMNS_TIMED_MM if show_times else COLUMNS_MM
    data: list[list] = [[ThaiParagraph(h, styles["head"]) for h in head]]
    for r in rows:
        data.append(
            [
                ThaiParagraph(digits(str(r.number)), styles["cell_c"]),
                spaced_cell(r.name, styles["cell"], widths[1]),
                ThaiParagraph(r.position, styles["cell"]),
                organisation_cell(r.organisation, styles["cell"], widths[3]),
                spaced_cell(r.tambon, styles["cell"], widths[4]),  # a tambon's name is never broken
                Spacer(1, SIGN_HEIGHT),
                *([ThaiParagraph(digits(r.time), styles["cell_c"])] if show_times else []),
                "",
            ]
        )
    for k in range(blank_rows):
        number = ThaiParagraph(digits(str(len(rows) + k + 1)), styles["cell_c"])
        data.append([number, "", "", "", "", Spacer(1, SIGN_HEIGHT), *([""] if show_times else []), ""])
    return data


def _closing(n: int, blank_rows: int, styles: dict, digits) -> list:
    """The flowables of "รวม N คน" and the certification block (one spanning cell at the table's end)."""
    total = f"รวม {n} คน" + (" และผู้ลงทะเบียนเพิ่มท้ายแบบ ........ คน" if blank_rows else "")
    certify = [
        "ขอรับรองว่าผู้มีรายชื่อข้างต้นได้เข้าร่วมประชุมจริง",
        f"ลงชื่อ {DOTS} ผู้รับรอง",
        f"( {DOTS} )",
        f"ตำแหน่ง {DOTS}",
        "วันที่ ........ / ........ / ........",
    ]
    block = [ThaiParagraph(digits(total), styles["total"]), Spacer(1, 5 * mm)]
    return block + [ThaiParagraph(line, styles["certify"]) for line in certify]


@dataclass(frozen=True)
class SheetOptions:
    """What a sign-in sheet is asked for: empty rows at the end for walk-ins, the PDPA contact line, Thai digits, the
    session (None: the current one by the clock) and each person's check-in time pre-printed."""

    blank_rows: int = 0
    contact: str = DEFAULT_CONTACT
    thai_digits: bool = False
    session_id: str | None = None
    show_times: bool = False


def render_signsheet(workshop: dict, rows: list[SignRow], session: Session | None, opts: SheetOptions) -> bytes:
    """The sign-in sheet of one session as PDF bytes."""
    styles = _styles()
    digits = to_thai_digits if opts.thai_digits else (lambda s: s)
    title, top_margin, bottom_margin, on_page = _page_frame(workshop, session, opts.contact, styles, digits)
    table = _sign_table(rows, opts.blank_rows, opts.show_times, styles, digits)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top_margin,
        bottomMargin=bottom_margin,
        title=f"ใบลงทะเบียน — {title}",
        author=PAO_TH,
        creator="Lampang Planner",
    )

    page_style = ParagraphStyle(
        "page", parent=thai_styles()["small"], fontSize=FOOTER_SIZE + 1, leading=(FOOTER_SIZE + 1) * 1.3
    )
    numbered = page_number_canvas(page_style, MARGIN_X, A4[0] - 2 * MARGIN_X, digits)
    doc.build([table], onFirstPage=on_page, onLaterPages=on_page, canvasmaker=numbered)
    return buffer.getvalue()


def _page_frame(workshop: dict, session: Session | None, contact: str, styles: dict, digits):
    """What every page carries: the heading at the top, the privacy notice at the foot. Returns the title, the top
    and bottom margins they leave, and the function drawing them."""
    title, _ = workshop_heading(workshop)
    venue = workshop.get("venue") or ""
    width = A4[0] - 2 * MARGIN_X
    where = " ".join(x for x in (session_line(workshop, session), f"ณ {venue}" if venue else "") if x)

    heading = [
        ThaiParagraph(PAO_TH, styles["pao"]),
        ThaiParagraph(f"ใบลงทะเบียนผู้เข้าร่วม {title}".strip(), styles["title"]),
        ThaiParagraph(digits(where), styles["line"]),
    ]
    heading_h = sum(p.wrap(width, 1000)[1] for p in heading)
    notice = ThaiParagraph(digits(pdpa_notice(workshop, contact)), styles["foot"])
    notice_h = notice.wrap(width, 1000)[1]
    top_margin = 10 * mm + heading_h + 4 * mm
    bottom_margin = 8 * mm + notice_h + 3 * mm

    on_page = frame_drawer(heading, notice, page=A4, margin=MARGIN_X, top=10 * mm, stroke=black)
    return title, top_margin, bottom_margin, on_page


def _sign_table(rows: list[SignRow], blank_rows: int, show_times: bool, styles: dict, digits) -> Table:
    """The names, the blank rows and, as the table's last row, the closing certification."""
    data = _table_rows(rows, blank_rows, show_times, styles, digits)
    last = len(data) - 1
    # The closing is the table's last row, one cell across: the header repeats above it if it starts a page, and the
    # last two rows of names stay on its page (the certification never stands alone).
    data.append([_closing(len(rows), blank_rows, styles, digits)] + [""] * (len(data[0]) - 1))
    widths = COLUMNS_TIMED_MM if show_times else COLUMNS_MM
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, last), 0.5, black),
                ("SPAN", (0, last + 1), (-1, last + 1)),
                ("NOSPLIT", (0, max(1, last - 1)), (-1, last + 1)),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, last + 1), (-1, last + 1), 3 * mm),
            ]
        )
    )
    return table


def _build(store: Store, workshop_id: str, opts: SheetOptions) -> tuple[bytes, int, Session]:
    workshop = require_workshop(store, workshop_id)
    blank_rows = opts.blank_rows
    if blank_rows < 0:
        raise UserError("จำนวนแถวว่างต้องไม่ติดลบ", "The number of blank rows cannot be negative", code="invalid")
    session = session_by_id(store.db, workshop_id, resolve_session(store.db, workshop_id, opts.session_id))
    rows = sign_rows(store, workshop_id, session.id)
    if not rows and not blank_rows:
        raise UserError(
            "ยังไม่มีรายชื่อผู้ได้รับเชิญในการประชุมนี้ (ขอแถวว่างเพื่อพิมพ์แบบฟอร์มเปล่า เช่น --blank-rows 30)",
            "No one is invited to this workshop yet (ask for blank rows to print a blank form, e.g. --blank-rows 30)",
            code="empty",
        )
    contact = opts.contact or DEFAULT_CONTACT
    if contact == DEFAULT_CONTACT:
        contact = contact_line(store) or DEFAULT_CONTACT  # the folder's own line (privacy contact), if set
    return render_signsheet(workshop, rows, session, replace(opts, contact=contact)), len(rows), session


def signsheet_pdf(store: Store, workshop_id: str, **options) -> bytes:
    """The sign-in sheet of a session as PDF bytes (``options``: those of :class:`SheetOptions`). Refuses a workshop
    with no one on it unless blank rows are asked for (a blank form)."""
    return _build(store, workshop_id, SheetOptions(**options))[0]


def write_signsheet(store: Store, workshop_id: str, out: Path | str, **options) -> tuple[Path, int]:
    """``signsheet --workshop ID [--session S] --out F.pdf``: write atomically (``options``: those of
    :class:`SheetOptions`); returns (path, named rows)."""
    target = check_output_path(out)
    data, n, _ = _build(store, workshop_id, SheetOptions(**options))
    return write_atomically(target, data), n
