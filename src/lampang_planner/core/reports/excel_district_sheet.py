"""The summary sheet per district: who was invited and came (by the person's district and type), the community
needs (by the need's district) and the votes (by the workshop's district)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lampang_planner.core.db import Store
from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.ops.resolutions import (
    ResolutionVotes,
    VoteRow,
)
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.excel_lookups import district_name, workshops
from lampang_planner.core.reports.excel_model import NOT_GIVEN, SHEET_DISTRICTS, Col, Sheet
from lampang_planner.core.vocabulary import NeedRoute, ParticipantType

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


def _people_by_district(store: Store, workshop_id: str | None) -> dict[str, dict[str, list[int]]]:
    """District → participant type ('' when not one of ours) → [invited, came], by the person's district."""
    w1 = w2 = ""
    params: tuple = ()
    if workshop_id:
        w1, w2, params = " AND workshop_id = ?", " AND workshop_id = ?", (workshop_id, workshop_id)
    people: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for dcode, ptype, inv, att in store.db.execute(_PEOPLE_BY_DISTRICT_SQL.format(w1=w1, w2=w2), params):
        acc = people[dcode][ptype if ptype in {t.value for t in ParticipantType} else ""]
        acc[0] += inv or 0
        acc[1] += att or 0
    return people


def _needs_by_district(store: Store, workshop_id: str | None) -> dict[str, list[int]]:
    """District → [needs, proposed for the PAO plan, dot votes], by the need's district."""
    needs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for n in list_needs(store, workshop_id=workshop_id):
        acc = needs[n.district_code]
        acc[0] += 1
        acc[1] += n.route == NeedRoute.PAO_PLAN.value
        acc[2] += n.dot_votes
    return needs


def _votes_by_district(
    store: Store, workshop_id: str | None, resolutions: list[ResolutionVotes]
) -> dict[str, list[int]]:
    """District → [votes, for, against, abstain], by the district of the workshop that voted."""
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
    return votes


def district_sheet(store: Store, workshop_id: str | None, resolutions: list[ResolutionVotes]) -> Sheet:
    people = _people_by_district(store, workshop_id)
    needs = _needs_by_district(store, workshop_id)
    votes = _votes_by_district(store, workshop_id, resolutions)
    dv = divisions()

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
