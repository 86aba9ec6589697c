"""The attendance sheet of the office workbook: one row per person and workshop, streamed from SQL (100,000 rows
never sit in memory)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lampang_planner.core.db import Store
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.excel_lookups import local_time, workshops
from lampang_planner.core.reports.excel_model import SHEET_ATTENDANCE, Col, Sheet
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import ParticipantType

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
