"""Counts of needs by district, tambon, category or status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import (
    category_labels,
    list_categories,
)
from lampang_planner.core.ops.needs.rows import _STATUS_ORDER
from lampang_planner.core.refdata import divisions
from lampang_planner.core.rows_json import fields_json
from lampang_planner.core.vocabulary import NeedStatus

# --- summaries ---------------------------------------------------------------------------------------------------

SUMMARY_BY = ("district", "tambon", "category", "status")


@dataclass
class SummaryRow:
    """One group's totals. ``key`` is the district code, tambon code, category key or status."""

    district_code: str
    key: str
    label_th: str
    label_en: str
    count: int = 0
    dot_votes: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    def take(self, status: str, n: int, dots: int) -> None:
        """Count ``n`` needs of ``status`` with ``dots`` dot votes into this group."""
        self.count += n
        self.dot_votes += dots
        self.by_status[status] = self.by_status.get(status, 0) + n

    def as_json(self) -> dict:
        return {**fields_json(self, "district_code key label_th label_en count dot_votes"), "by_status": dict(self.by_status)}


@dataclass
class NeedsSummary:
    """Totals per group within each district (``rows``), per district (``districts``), per group over the whole
    province (``groups``) and overall. With ``by="district"`` the rows are the district totals."""

    by: str
    rows: list[SummaryRow]
    districts: list[SummaryRow]
    groups: list[SummaryRow]
    total: int
    by_status: dict[str, int]

    def as_json(self) -> dict:
        return {"by": self.by, "total": self.total, "by_status": dict(self.by_status),
                "rows": [r.as_json() for r in self.rows], "districts": [r.as_json() for r in self.districts],
                "groups": [r.as_json() for r in self.groups]}


def needs_summary(store: Store, by: str = "district", *, workshop_id: str | None = None) -> NeedsSummary:
    """Counts (and dot votes, and counts per status) of live needs grouped ``by`` district, tambon, category or
    status, with district totals. Every district appears in the district totals, with zero where none was raised."""
    if by not in SUMMARY_BY:
        raise UserError(f"สรุปตาม {by!r} ไม่ได้ (ใช้: {', '.join(SUMMARY_BY)})",
                        f"Cannot summarise by {by!r} (one of: {', '.join(SUMMARY_BY)})", code="bad-summary")
    dv = divisions()
    col = {"district": "district_code", "tambon": "subdistrict_code", "category": "category", "status": "status"}[by]
    sql = (f"SELECT district_code, {col}, status, COUNT(*), SUM(COALESCE(dot_votes, 0)) FROM need WHERE deleted=0"
           + (" AND workshop_id=?" if workshop_id else "") + f" GROUP BY district_code, {col}, status")
    data = store.db.execute(sql, (workshop_id,) if workshop_id else ()).fetchall()
    cats = category_labels(store) if by == "category" else {}
    cat_order = {c.key: i for i, c in enumerate(list_categories(store))} if by == "category" else {}

    label = _labeller(by, dv, cats)

    def add(table: dict, dcode: str, key: str, status: str, n: int, dots: int) -> None:
        row = table.get((dcode, key))
        if row is None:
            row = table[(dcode, key)] = SummaryRow(dcode, key, *label(key))
        row.take(status, n, dots)

    rows: dict = {}
    districts: dict = {}
    groups: dict = {}
    by_status: dict[str, int] = defaultdict(int)
    for dcode, key, status, n, dots in data:
        dcode, key, status = dcode or "", key or "", status or ""
        add(rows, dcode, key, status, n, dots or 0)
        d = districts.get(dcode)
        if d is None:
            d_th, d_en = (dv.districts[dcode].name_th, dv.districts[dcode].name_en) if dcode in dv.districts \
                else ("ไม่ระบุ", "Not given")
            d = districts[dcode] = SummaryRow(dcode, dcode, d_th, d_en)
        d.take(status, n, dots or 0)
        add(groups, "", key, status, n, dots or 0)
        by_status[status] += n
    for dcode, d in dv.districts.items():
        districts.setdefault(dcode, SummaryRow(dcode, dcode, d.name_th, d.name_en))

    def group_order(r: SummaryRow) -> tuple:
        if by == "status":
            return (_STATUS_ORDER.get(r.key, 99), r.key)
        if by == "category":
            return (cat_order.get(r.key, 999), r.key)
        return (r.key == "", r.key)

    district_list = sorted(districts.values(), key=lambda r: (r.district_code == "", r.district_code))
    if by == "district":
        row_list = district_list
    else:
        row_list = sorted(rows.values(), key=lambda r: (r.district_code == "", r.district_code, *group_order(r)))
    return NeedsSummary(
        by=by,
        rows=row_list,
        districts=district_list,
        groups=sorted(groups.values(), key=group_order),
        total=sum(r.count for r in district_list),
        by_status=dict(sorted(by_status.items(), key=lambda kv: _STATUS_ORDER.get(kv[0], 99))),
    )


def _labeller(by: str, dv, cats: dict):
    """The (Thai, English) label of a group key, for the grouping ``by``."""

    def label(key: str) -> tuple[str, str]:
        if not key:
            return ("ไม่ระบุ", "Not given")
        if by == "district":
            d = dv.districts.get(key)
            return (d.name_th, d.name_en) if d else (key, key)
        if by == "tambon":
            s = dv.subdistricts.get(key)
            return (s.name_th, s.name_en) if s else (key, key)
        if by == "category":
            return cats.get(key, (key, key))
        try:
            s = NeedStatus(key)
        except ValueError:
            return (key, key)
        return (s.th, s.en)

    return label
