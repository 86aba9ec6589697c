"""The content of the office workbook's sheets: columns, rows and notes, read from a data snapshot.

Rows hold plain Python values (str, int, float, date, datetime, None); :mod:`.excel` turns them into cells. Everything
here reads through the core's public look-ups (needs, categories, resolutions) where they exist, and plain SQL for
attendance, which may be 100,000 rows and is streamed.
"""

from __future__ import annotations

import datetime as dt

from lampang_planner.core.db import Store
from lampang_planner.core.ops.categories import category_labels
from lampang_planner.core.ops.needs import NeedRow, list_needs, status_labels
from lampang_planner.core.ops.resolutions import (
    AmendmentStatus,
    ResolutionVotes,
    Tally,
    list_resolutions,
    votes_side_by_side,
)
from lampang_planner.core.reports.excel_attendance_sheet import (
    ATTENDANCE_COLUMNS,
    ATTENDANCE_KEY_COLS,
    attendance_sheet,
)
from lampang_planner.core.reports.excel_district_sheet import district_sheet
from lampang_planner.core.reports.excel_lookups import (
    WorkshopInfo,
    district_name,
    local_time,
    require_workshop,
    tambon_name,
    workshop_label,
    workshops,
)
from lampang_planner.core.reports.excel_model import (
    NOT_GIVEN,
    ORG_TH,
    SHEET_ABOUT,
    SHEET_ATTENDANCE,
    SHEET_DISTRICTS,
    SHEET_NEEDS,
    SHEET_RESOLUTIONS,
    Col,
    Formula,
    Mark,
    Row,
    Sheet,
)
from lampang_planner.core.thai.dates import format_date_th, format_datetime_th, now_lampang, today_lampang
from lampang_planner.core.vocabulary import NeedRoute, ResolutionStatus, VoteMethod, carried_th, th_label

# The sheets' parts, importable from here as before the split.
__all__ = [
    "ALL_WORKSHOPS",
    "ATTENDANCE_COLUMNS",
    "ATTENDANCE_KEY_COLS",
    "NEEDS_COLUMNS",
    "NOT_GIVEN",
    "ORG_TH",
    "RESOLUTION_COLUMNS",
    "SHEET_ABOUT",
    "SHEET_ATTENDANCE",
    "SHEET_DISTRICTS",
    "SHEET_NEEDS",
    "SHEET_RESOLUTIONS",
    "Col",
    "Formula",
    "Mark",
    "Row",
    "Sheet",
    "WorkshopInfo",
    "about_sheet",
    "attendance_sheet",
    "build_sheets",
    "district_sheet",
    "local_time",
    "needs_sheet",
    "require_workshop",
    "resolutions_sheet",
    "workshops",
]

# --- needs -------------------------------------------------------------------------------------------------------

NEEDS_COLUMNS = [
    Col("การประชุม", max_width=36),
    Col("วันที่ประชุม", "date"),
    Col("อำเภอ"),
    Col("ตำบล"),
    Col("หมู่ที่", "int", min_width=6),
    Col("บ้าน/ชุมชน", max_width=20),
    Col("เรื่อง", "wrap", max_width=40),
    Col("รายละเอียด", "wrap", max_width=50),
    Col("หมวด", max_width=26),
    Col("กลุ่ม", max_width=16),
    Col("ผู้เสนอ", max_width=24),
    Col("ลำดับความสำคัญ", "int", max_width=11),
    Col("คะแนนโหวต", "count", max_width=10),
    Col("ช่องทางดำเนินการ", max_width=26),
    Col("ยุทธศาสตร์", "wrap", max_width=32),
    Col("ปีงบประมาณ", "int", max_width=11),
    Col("สถานะ"),
    Col("วันที่สถานะ", "date"),
]


def _village_no(v: str) -> int | str | None:
    if not v:
        return None
    return int(v) if v.isdigit() else v


def needs_sheet(store: Store, needs: list[NeedRow], ws: dict[str, WorkshopInfo]) -> Sheet:
    cats = category_labels(store)

    def row(n: NeedRow) -> tuple:
        w = ws.get(n.workshop_id)
        return (
            workshop_label(w),
            w.start_date if w else None,
            district_name(n.district_code),
            tambon_name(n.subdistrict_code),
            _village_no(n.village_no),
            n.village_name or None,
            n.title,
            n.description or None,
            cats.get(n.category, (n.category, n.category))[0] if n.category else None,
            n.group_name or None,
            n.raised_by or None,
            n.rank,
            n.dot_votes,
            th_label(NeedRoute, n.route) or None,
            n.plan_strategy or None,
            n.fiscal_year,
            status_labels(n.status)[0] if n.status else None,
            n.status_date,
        )

    rows = [row(n) for n in needs]
    return Sheet(SHEET_NEEDS, NEEDS_COLUMNS, rows, len(rows), notes=[] if rows else ["ยังไม่มีการบันทึกความต้องการ"],
                 landscape=True)


# --- resolutions and votes ------------------------------------------------------------------------------------------

RESOLUTION_COLUMNS = [
    Col("ร่างมติ", "wrap", max_width=30),
    Col("ข้อ", "int", min_width=5),
    Col("รายการ", "wrap", max_width=30),
    Col("ข้อความ", "wrap", max_width=60),
    Col("ข้อความที่รับรอง", "wrap", max_width=40),
    Col("ผู้เสนอ", max_width=24),
    Col("ผู้รับรอง", max_width=24),
    Col("สถานะ"),
    Col("การประชุม", max_width=36),
    Col("วันที่ประชุม", "date"),
    Col("วิธีลงคะแนน"),
    Col("ผู้อยู่ในที่ประชุม", "count", max_width=11),
    Col("เห็นด้วย", "count", min_width=9),
    Col("ไม่เห็นด้วย", "count", min_width=9),
    Col("งดออกเสียง", "count", min_width=9),
    Col("ผล"),
    Col("บันทึกเมื่อ", "datetime"),
]
ALL_WORKSHOPS = "รวมทุกเวที"


# ผล of a total row, from its own เห็นด้วย (M) and ไม่เห็นด้วย (N) cells: the same rule as carried_th
CARRIED_FORMULA = '=IF(M{r}>N{r},"ผ่าน","ไม่ผ่าน")'


def resolutions_sheet(store: Store, resolutions: list[ResolutionVotes], workshop_id: str | None,
                      ws: dict[str, WorkshopInfo]) -> Sheet:
    rows: list = []
    for vs in resolutions:
        res = vs.resolution
        res_status = ResolutionStatus.ADOPTED.th if res.status == ResolutionStatus.ADOPTED.value else \
            ResolutionStatus.DRAFT.th
        for c in vs.clauses:
            items = [("ข้อตามร่าง", c.clause.text, c.clause.adopted_text or None, None, None, res_status, c.votes,
                      c.totals)]
            for a in c.amendments:
                if workshop_id and a.amendment.workshop_id != workshop_id and workshop_id not in a.votes:
                    continue
                moved_at = ws.get(a.amendment.workshop_id)
                label = "คำแปรญัตติ" + (f" ({moved_at.title})" if moved_at and not workshop_id else "")
                items.append((label, a.amendment.text, None, a.amendment.mover, a.amendment.seconder,
                              th_label(AmendmentStatus, a.amendment.status), a.votes, a.totals))
            for label, text, adopted, mover, seconder, status, votes, totals in items:
                head = (res.title, c.clause.number, label)
                first = (*head, text, adopted, mover, seconder, status)
                blank = (*head, None, None, None, None, None)
                chosen = [v for wid, v in votes.items() if not workshop_id or wid == workshop_id]
                if not chosen:
                    rows.append((*first, *(None,) * 9))
                    continue
                for k, v in enumerate(chosen):
                    w = ws.get(v.workshop_id)
                    rows.append((*(first if k == 0 else blank), workshop_label(w), w.start_date if w else None,
                                 th_label(VoteMethod, v.method), v.present, v.for_count, v.against_count, v.abstain_count,
                                 carried_th(v.for_count, v.against_count), local_time(v.recorded_at)))
                if not workshop_id and len(chosen) > 1:
                    t: Tally = totals
                    n = len(chosen)
                    rows.append(Row((*blank, ALL_WORKSHOPS, None, None, Formula.sum_above(n, t.present),
                                     Formula.sum_above(n, t.for_count), Formula.sum_above(n, t.against_count),
                                     Formula.sum_above(n, t.abstain_count),
                                     Formula(CARRIED_FORMULA, carried_th(t.for_count, t.against_count)), None),
                                    "total"))
    notes = [] if rows else ["ยังไม่มีร่างมติ"]
    if rows and not workshop_id:
        notes.append(f"แถว “{ALL_WORKSHOPS}” คือผลรวมของทุกเวทีที่ลงมติในรายการนั้น")
    return Sheet(SHEET_RESOLUTIONS, RESOLUTION_COLUMNS, rows, len(rows), notes=notes, landscape=True)


# --- about -------------------------------------------------------------------------------------------------------


def about_sheet(store: Store, workshop_id: str | None, ws: dict[str, WorkshopInfo], counts: dict[str, int],
                today: dt.date) -> Sheet:
    now = now_lampang()
    scope = ws[workshop_id].title if workshop_id else f"ทุกการประชุม ({len(ws)} ครั้ง)"
    rows = [
        ("หน่วยงาน", ORG_TH),
        ("ขอบเขต", scope),
        ("จัดทำเมื่อ", format_datetime_th(now, "long") if today == now.date() else format_date_th(today, "long")),
        ("จากข้อมูลของ", f"{store.device_name} ({store.device_id})"),
        *((k, f"{v:,} แถว") for k, v in counts.items()),
        ("วันที่", "เซลล์วันที่เป็นวันที่จริง แสดงเป็นปีพุทธศักราช (รูปแบบตัวเลข [$-107041E])"),
        ("โปรแกรม", "Lampang Planner"),
    ]
    return Sheet(SHEET_ABOUT, [Col("หัวข้อ"), Col("รายละเอียด", max_width=70)], rows, len(rows), filter=False)


# --- all of it ---------------------------------------------------------------------------------------------------


def build_sheets(store: Store, *, workshop_id: str | None = None, today: dt.date | None = None) -> list[Sheet]:
    """Every sheet of the workbook (attendance streams; the others are read now)."""
    day = today or today_lampang()
    ws = workshops(store)
    if workshop_id:
        require_workshop(store, workshop_id)
    resolutions = [votes_side_by_side(store, r.id) for r in list_resolutions(store)]
    needs = list_needs(store, workshop_id=workshop_id)
    sheets = [
        attendance_sheet(store, workshop_id),
        district_sheet(store, workshop_id, resolutions),
        needs_sheet(store, needs, ws),
        resolutions_sheet(store, resolutions, workshop_id, ws),
    ]
    counts = {s.title: s.count for s in sheets}
    sheets.append(about_sheet(store, workshop_id, ws, counts, day))
    sheets[0].doc_title = "ข้อมูลเวทีประชาคม อบจ.ลำปาง" + (f" – {ws[workshop_id].title}" if workshop_id else "")
    return sheets
