"""The content of the office workbook's sheets: columns, rows and notes, read from a data snapshot.

Rows hold plain Python values (str, int, float, date, datetime, None); :mod:`.excel` turns them into cells. Everything
here reads through the core's public look-ups (needs, categories, resolutions) where they exist, and plain SQL for
attendance, which may be 100,000 rows and is streamed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import category_labels
from lampang_planner.core.ops.needs import NeedRow, list_needs, status_labels
from lampang_planner.core.ops.resolutions import (
    AmendmentStatus,
    ResolutionVotes,
    Tally,
    VoteRow,
    list_resolutions,
    votes_side_by_side,
)
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.dates import BANGKOK, as_date, format_date_th, format_datetime_th
from lampang_planner.core.vocabulary import NeedRoute, ParticipantType, ResolutionStatus, VoteMethod

ORG_TH = "องค์การบริหารส่วนจังหวัดลำปาง"
NOT_GIVEN = "ไม่ระบุ"

SHEET_ATTENDANCE = "ลงทะเบียน"
SHEET_DISTRICTS = "สรุปรายอำเภอ"
SHEET_NEEDS = "ความต้องการ"
SHEET_RESOLUTIONS = "มติและการลงคะแนน"
SHEET_ABOUT = "เกี่ยวกับรายงาน"


@dataclass(frozen=True)
class Col:
    header: str
    kind: str = "text"  # text | wrap | int | seq (centred) | count | money | pct | date | datetime
    width: float | None = None  # fixed width; None: fitted to the content
    min_width: float = 6.0
    max_width: float = 40.0
    ratio: tuple[int, int] | None = None  # on a totals row: a formula, this column = column a / column b (0-based)


@dataclass(frozen=True)
class Mark:
    """A highlighted cell (on ผ.02: the fiscal year the need was proposed for)."""

    value: object = None


@dataclass(frozen=True)
class Formula:
    """A cell written as a formula: ``text`` with ``{r}`` for its own row and ``{above}`` for the first of the
    ``rows`` rows right above it (``{col}`` is its column's letter); ``value`` is what it comes to (widths, readers)."""

    text: str
    value: object = None
    rows: int = 0

    @classmethod
    def sum_above(cls, rows: int, value: object) -> Formula:
        return cls("=SUM({col}{above}:{col}{last})", value, rows)

    def render(self, col: str, r: int) -> str:
        return self.text.format(col=col, r=r, above=r - self.rows, last=r - 1)


@dataclass(frozen=True)
class Row:
    """A body row with a role: "section" (a heading inside the table, merged across) or "total" (bold)."""

    values: tuple
    role: str


@dataclass
class Sheet:
    title: str
    columns: list[Col]
    rows: Iterable
    count: int
    streaming: bool = False  # rows are a generator over the database; widths come from ``samples``
    samples: dict[int, list[str]] = field(default_factory=dict)
    title_rows: list[tuple[str, str]] = field(default_factory=list)  # (text, "title" | "subtitle" | "title-right")
    group_headers: list[tuple[str, int, int]] = field(default_factory=list)  # (text, first column, last column)
    totals: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    filter: bool = True
    grid: bool = False  # thin borders round every body cell (a printed form)
    landscape: bool = False
    print_cols: int | None = None
    merge_sections: int | None = None  # section rows are merged across this many columns
    key_cols: int = 0  # columns repeated at the left of every printed column set when the sheet is too wide
    doc_title: str = ""


# --- look-ups ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    title: str
    start_date: dt.date | None
    district_code: str




def local_time(iso: str | None) -> dt.datetime | None:
    """An ISO time with offset as a naive Bangkok date-time (Excel has no time zones); None when empty or bad."""
    if not iso:
        return None
    if len(iso) == 25 and iso.endswith("+07:00"):  # the usual case, already Bangkok time: 2016-08-25T07:45:12+07:00
        try:
            return dt.datetime.fromisoformat(iso[:19])
        except ValueError:
            return None
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(BANGKOK).replace(tzinfo=None)
    return t.replace(microsecond=0)


def workshops(store: Store) -> dict[str, WorkshopInfo]:
    rows = store.db.execute(
        "SELECT id, title, start_date, district_code FROM workshop WHERE deleted=0 ORDER BY start_date, title, id"
    )
    return {r[0]: WorkshopInfo(r[0], r[1] or "", as_date(r[2]), r[3] or "") for r in rows}


def require_workshop(store: Store, workshop_id: str) -> WorkshopInfo:
    w = workshops(store).get(workshop_id)
    if w is None:
        raise UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")
    return w


def type_label(value: str) -> str:
    if not value:
        return ""
    try:
        return ParticipantType(value).th
    except ValueError:
        return value


def district_name(code: str) -> str:
    d = divisions().districts.get(code or "")
    return d.name_th if d else ""


def tambon_name(code: str) -> str:
    s = divisions().subdistricts.get(code or "")
    return s.name_th if s else ""


def route_label(value: str) -> str:
    if not value:
        return ""
    try:
        return NeedRoute(value).th
    except ValueError:
        return value


def workshop_label(w: WorkshopInfo | None) -> str:
    return w.title if w else ""


# --- attendance (streamed) -----------------------------------------------------------------------------------------

_ATTENDANCE_FROM = """
FROM attendance a
JOIN workshop w ON w.id = a.workshop_id AND w.deleted = 0
JOIN person p ON p.id = a.person_id
JOIN person q ON q.id = COALESCE(p.merged_into, p.id) AND q.deleted = 0
WHERE a.deleted = 0 AND a.checked_in_at IS NOT NULL{where}
"""
# One row per workshop and person (a person merged into another counts as that one; the earliest check-in wins —
# SQLite takes the bare columns of a MIN() aggregate from the row holding the minimum).
_ATTENDANCE_SQL = (
    "SELECT w.title, w.start_date, q.code, q.prefix, q.first_name, q.last_name, q.position, q.participant_type,"
    " q.organisation,"
    " q.subdistrict_code, q.district_code, MIN(a.checked_in_at), a.desk"
    + _ATTENDANCE_FROM
    + " GROUP BY a.workshop_id, q.id ORDER BY w.start_date, w.title, w.id, MIN(a.checked_in_at), q.id"
)
# Without merged people and without second sessions an attendance row is already one per workshop and person (its id
# is their natural key): the same rows without the grouping, which costs a second sort of every row. (A person at two
# sessions of a workshop has a row for each: one line of this sheet, at the earliest check-in.)
_ATTENDANCE_SQL_UNMERGED = (
    "SELECT w.title, w.start_date, q.code, q.prefix, q.first_name, q.last_name, q.position, q.participant_type,"
    " q.organisation,"
    " q.subdistrict_code, q.district_code, a.checked_in_at, a.desk"
    + _ATTENDANCE_FROM
    + " ORDER BY w.start_date, w.title, w.id, a.checked_in_at, q.id"
)

# Names in their own columns (title, first, last) with the position, as the office sorts, filters and mail-merges
# them; the code and the name are repeated at the left of every printed column set.
ATTENDANCE_COLUMNS = [
    Col("รหัส QR"),
    Col("คำนำหน้า", min_width=8),
    Col("ชื่อ"),
    Col("นามสกุล"),
    Col("ตำแหน่ง", max_width=30),
    Col("ประเภทผู้เข้าร่วม", max_width=34),
    Col("หน่วยงาน/องค์กร", max_width=40),
    Col("ตำบล"),
    Col("อำเภอ"),
    Col("การประชุม", max_width=48),
    Col("วันที่ประชุม", "date"),
    Col("เวลาลงทะเบียน", "datetime"),
    Col("จุดลงทะเบียน", min_width=8),
]
ATTENDANCE_KEY_COLS = 4


def _longest(store: Store, expr: str, where: str, params: tuple, n: int = 12) -> list[str]:
    """The ``n`` longest values (in characters) of a column of the attendance rows: candidates for the widest."""
    if not where:  # every attendance: the people table alone is a cheaper place to look (a little wider at worst)
        table_expr = expr.replace("q.", "")
        if table_expr != expr and "." not in table_expr:
            sql = f"SELECT {table_expr} AS v FROM person WHERE deleted = 0 ORDER BY LENGTH(v) DESC LIMIT {n}"
            return [r[0] for r in store.db.execute(sql) if r[0]]
    sql = f"SELECT {expr} AS v {_ATTENDANCE_FROM.format(where=where)} ORDER BY LENGTH(v) DESC LIMIT {n}"
    return [r[0] for r in store.db.execute(sql, params) if r[0]]


def attendance_sheet(store: Store, workshop_id: str | None) -> Sheet:
    where, params = ("", ()) if not workshop_id else (" AND a.workshop_id = ?", (workshop_id,))
    merged = store.db.execute("SELECT 1 FROM person WHERE merged_into IS NOT NULL LIMIT 1").fetchone() is not None
    sessions = store.db.execute("SELECT 1 FROM session WHERE number > 1 LIMIT 1").fetchone() is not None
    sql = _ATTENDANCE_SQL if merged or sessions else _ATTENDANCE_SQL_UNMERGED
    count_sql = "SELECT COUNT(DISTINCT a.workshop_id || '/' || q.id)" if merged or sessions else "SELECT COUNT(*)"
    count = store.db.execute(count_sql + _ATTENDANCE_FROM.format(where=where), params).fetchone()[0]
    dv = divisions()
    samples = {
        0: _longest(store, "q.code", where, params, 1),
        1: _longest(store, "q.prefix", where, params, 4),
        2: _longest(store, "q.first_name", where, params),
        3: _longest(store, "q.last_name", where, params),
        4: _longest(store, "q.position", where, params),
        5: [t.th for t in ParticipantType],
        6: _longest(store, "q.organisation", where, params),
        7: [s.name_th for s in dv.subdistricts.values()],
        8: [d.name_th for d in dv.districts.values()],
        9: [w.title for w in workshops(store).values() if not workshop_id or w.id == workshop_id],
        12: _longest(store, "a.desk", where, params, 4),
    }
    types = {t.value: t.th for t in ParticipantType}
    tambons = {c: s.name_th for c, s in dv.subdistricts.items()}
    districts = {c: d.name_th for c, d in dv.districts.items()}

    def rows() -> Iterator[tuple]:
        dates: dict[str, dt.date | None] = {}
        for (title, start, code, prefix, first, last, position, ptype, org, sub, dis, at, desk) in store.db.execute(
            sql.format(where=where), params
        ):
            day = dates.get(start)
            if day is None and start:
                day = dates[start] = as_date(start)
            yield (
                code,
                prefix,
                first,
                last,
                position,
                types.get(ptype, ptype) if ptype else None,
                org,
                tambons.get(sub) if sub else None,
                districts.get(dis) if dis else None,
                title,
                day,
                local_time(at),
                desk,
            )

    return Sheet(SHEET_ATTENDANCE, ATTENDANCE_COLUMNS, rows(), count, streaming=True, samples=samples,
                 notes=[] if count else ["ยังไม่มีผู้ลงทะเบียน"], landscape=True, key_cols=ATTENDANCE_KEY_COLS)


# --- summary per district ------------------------------------------------------------------------------------------

_PEOPLE_BY_DISTRICT_SQL = """
WITH s AS (
    SELECT workshop_id, person_id, 1 AS inv, 0 AS att FROM invitation WHERE deleted = 0{w1}
    UNION ALL
    SELECT workshop_id, person_id, 0, 1 FROM attendance WHERE deleted = 0 AND checked_in_at IS NOT NULL{w2}
), t AS (
    SELECT s.workshop_id, COALESCE(p.merged_into, p.id) AS pid, MAX(s.inv) AS inv, MAX(s.att) AS att
    FROM s JOIN person p ON p.id = s.person_id JOIN workshop w ON w.id = s.workshop_id AND w.deleted = 0
    GROUP BY s.workshop_id, COALESCE(p.merged_into, p.id)
)
SELECT COALESCE(q.district_code, ''), COALESCE(q.participant_type, ''), SUM(t.inv), SUM(t.att)
FROM t JOIN person q ON q.id = t.pid WHERE q.deleted = 0
GROUP BY 1, 2
"""


def _iter_votes(vs: ResolutionVotes) -> Iterator[VoteRow]:
    for c in vs.clauses:
        yield from c.votes.values()
        for a in c.amendments:
            yield from a.votes.values()


def district_sheet(store: Store, workshop_id: str | None, resolutions: list[ResolutionVotes]) -> Sheet:
    dv = divisions()
    w1 = w2 = ""
    params: tuple = ()
    if workshop_id:
        w1, w2, params = " AND workshop_id = ?", " AND workshop_id = ?", (workshop_id, workshop_id)
    people: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for dcode, ptype, inv, att in store.db.execute(_PEOPLE_BY_DISTRICT_SQL.format(w1=w1, w2=w2), params):
        acc = people[dcode][ptype if ptype in {t.value for t in ParticipantType} else ""]
        acc[0] += inv or 0
        acc[1] += att or 0
    needs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for n in list_needs(store, workshop_id=workshop_id):
        acc = needs[n.district_code]
        acc[0] += 1
        acc[1] += n.route == NeedRoute.PAO_PLAN.value
        acc[2] += n.dot_votes
    ws = workshops(store)
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for vs in resolutions:
        for v in _iter_votes(vs):
            if workshop_id and v.workshop_id != workshop_id:
                continue
            w = ws.get(v.workshop_id)
            acc = votes[w.district_code if w else ""]
            acc[0] += 1
            acc[1] += v.for_count
            acc[2] += v.against_count
            acc[3] += v.abstain_count

    types = list(ParticipantType)
    untyped = any(by_type.get("", [0, 0]) != [0, 0] for by_type in people.values())
    type_cols = [Col(t.th, "count", max_width=16) for t in types] + ([Col(NOT_GIVEN, "count")] if untyped else [])
    columns = [
        Col("อำเภอ"),
        Col("ได้รับเชิญ", "count", min_width=9),
        Col("เข้าร่วม", "count", min_width=9),
        Col("ร้อยละที่เข้าร่วม", "pct", min_width=9, ratio=(2, 1)),
        *type_cols,
        Col("ความต้องการ (เรื่อง)", "count", max_width=14),
        Col("เสนอเข้าแผนพัฒนา อบจ.", "count", max_width=14),
        Col("คะแนนโหวตความต้องการ", "count", max_width=14),
        Col("การลงมติ (ครั้ง)", "count", max_width=12),
        Col("เห็นด้วย", "count", min_width=9),
        Col("ไม่เห็นด้วย", "count", min_width=9),
        Col("งดออกเสียง", "count", min_width=9),
    ]
    nt = len(type_cols)
    first_need = 4 + nt
    group_headers = [
        ("การเข้าร่วม (ตามอำเภอที่อยู่ของผู้เข้าร่วม)", 1, 3),
        ("ผู้เข้าร่วมจำแนกตามประเภท", 4, 3 + nt),
        ("ความต้องการของชุมชน (ตามพื้นที่)", first_need, first_need + 2),
        ("การลงมติ (ตามอำเภอที่จัดเวที)", first_need + 3, first_need + 6),
    ]
    keys = list(dv.districts)
    if any("" in d for d in (people, needs, votes)):
        keys.append("")
    total = [0] * (len(columns) - 1)

    def line(code: str) -> tuple:
        by_type = people.get(code, {})
        inv = sum(v[0] for v in by_type.values())
        att = sum(v[1] for v in by_type.values())
        per_type = [by_type.get(t.value, [0, 0])[1] for t in types] + ([by_type.get("", [0, 0])[1]] if untyped else [])
        values = [inv, att, None, *per_type, *needs.get(code, [0, 0, 0]), *votes.get(code, [0, 0, 0, 0])]
        for i, v in enumerate(values):
            if v is not None:
                total[i] += v
        values[2] = round(att / inv, 4) if inv else None
        return (district_name(code) or NOT_GIVEN, *values)

    rows = [line(code) for code in keys]
    total[2] = round(total[1] / total[0], 4) if total[0] else None
    notes = [
        "ได้รับเชิญและเข้าร่วม: นับตามอำเภอที่อยู่ของผู้เข้าร่วม ผู้ที่เข้าร่วมหลายเวทีนับทุกเวที",
        "ร้อยละที่เข้าร่วม: ผู้เข้าร่วมที่ได้รับเชิญหรือลงทะเบียนหน้างาน เทียบกับผู้ได้รับเชิญ",
        "ความต้องการ: นับตามอำเภอที่ตั้งของความต้องการ   การลงมติ: นับตามอำเภอที่จัดเวที (ร่างเดิมและคำแปรญัตติ)",
    ]
    return Sheet(SHEET_DISTRICTS, columns, rows, len(rows), group_headers=group_headers,
                 totals=[("รวมทั้งจังหวัด" if not workshop_id else "รวม", *total)], notes=notes, landscape=True,
                 key_cols=1)


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
            route_label(n.route) or None,
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


def carried_label(for_count: int, against_count: int) -> str:
    return "ผ่าน" if for_count > against_count else "ไม่ผ่าน"


# ผล of a total row, from its own เห็นด้วย (M) and ไม่เห็นด้วย (N) cells: the same rule as carried_label
CARRIED_FORMULA = '=IF(M{r}>N{r},"ผ่าน","ไม่ผ่าน")'


def _method_label(value: str) -> str:
    try:
        return VoteMethod(value).th
    except ValueError:
        return value


def _status_label(value: str) -> str:
    try:
        return AmendmentStatus(value).th
    except ValueError:
        return value


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
                              _status_label(a.amendment.status), a.votes, a.totals))
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
                                 _method_label(v.method), v.present, v.for_count, v.against_count, v.abstain_count,
                                 carried_label(v.for_count, v.against_count), local_time(v.recorded_at)))
                if not workshop_id and len(chosen) > 1:
                    t: Tally = totals
                    n = len(chosen)
                    rows.append(Row((*blank, ALL_WORKSHOPS, None, None, Formula.sum_above(n, t.present),
                                     Formula.sum_above(n, t.for_count), Formula.sum_above(n, t.against_count),
                                     Formula.sum_above(n, t.abstain_count),
                                     Formula(CARRIED_FORMULA, carried_label(t.for_count, t.against_count)), None),
                                    "total"))
    notes = [] if rows else ["ยังไม่มีร่างมติ"]
    if rows and not workshop_id:
        notes.append(f"แถว “{ALL_WORKSHOPS}” คือผลรวมของทุกเวทีที่ลงมติในรายการนั้น")
    return Sheet(SHEET_RESOLUTIONS, RESOLUTION_COLUMNS, rows, len(rows), notes=notes, landscape=True)


# --- about -------------------------------------------------------------------------------------------------------


def about_sheet(store: Store, workshop_id: str | None, ws: dict[str, WorkshopInfo], counts: dict[str, int],
                today: dt.date) -> Sheet:
    now = dt.datetime.now(BANGKOK)
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
    day = today or dt.datetime.now(BANGKOK).date()
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
