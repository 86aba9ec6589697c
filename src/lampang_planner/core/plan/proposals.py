"""Project proposals of the development plan: made from a community need (the link stays), refined at the office.

Every change is one transaction through the write path; bad input raises :class:`ValidationError` (Thai, English)
before anything is written. Reading: :func:`list_proposals`, :func:`get_proposal` → :class:`ProposalRow`.
Writing: :func:`proposal_from_need`, :func:`add_proposal`, :func:`update_proposal`, :func:`delete_proposal`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.plan.settings import get_plan, read_plan
from lampang_planner.core.refdata import divisions
from lampang_planner.core.schema import SCHEMA
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.vocabulary import NeedRoute, NeedStatus, ProposalStatus

TEXT_FIELDS = ("province_strategy", "area_strategy", "strategy", "work_plan", "title", "output_unit", "output_place",
               "division", "fund_source")
LONG_FIELDS = ("objective", "kpi", "expected_result")
# The proposal's columns: the need, the text fields, the long ones, then the rest in table order.
_GROUPED = ("need_id", *TEXT_FIELDS, *LONG_FIELDS)
PROPOSAL_FIELDS = (*_GROUPED, *(c for c in SCHEMA["proposal"].editable if c not in _GROUPED))
_COLUMNS = PROPOSAL_FIELDS
YEAR_RANGE = (2500, 2700)
MAX_BUDGET = 10_000_000_000  # ten billion baht: more is a typing slip


@dataclass(frozen=True)
class ProposalRow:
    id: str
    hlc: str  # the row's newest write stamp: the workbook carries it to detect edits made since the export
    need_id: str
    province_strategy: str
    area_strategy: str
    strategy: str
    work_plan: str
    title: str
    output_unit: str
    output_place: str
    division: str
    fund_source: str
    objective: str
    kpi: str
    expected_result: str
    output_qty: float | None
    budgets: dict[int, float] = field(default_factory=dict)
    community_plan: bool = False
    status: str = ProposalStatus.DRAFT.value
    district_code: str = ""

    @classmethod
    def from_db(cls, r: tuple, years: Sequence[int] | None = None) -> ProposalRow:
        """From a database row; with ``years`` (the plan's period) only the budgets of those years."""
        d = dict(zip(("id", "hlc", *_COLUMNS), r, strict=True))
        for k in (*TEXT_FIELDS, *LONG_FIELDS, "need_id", "district_code"):
            d[k] = d[k] or ""
        budgets = {int(y): float(v) for y, v in json.loads(d["budgets"] or "{}").items()}
        d["budgets"] = budgets if years is None else {y: v for y, v in budgets.items() if y in years}
        d["community_plan"] = bool(d["community_plan"])
        d["status"] = d["status"] or ProposalStatus.DRAFT.value
        return cls(**d)

    def budget(self, year: int) -> float | None:
        return self.budgets.get(year)

    @property
    def output_text(self) -> str:
        """เป้าหมาย (ผลผลิตของโครงการ): quantity, unit and place, e.g. "ถนน คสล. 1 สาย ยาว 500 เมตร หมู่ที่ 3 …"."""
        qty = "" if self.output_qty is None else f"{self.output_qty:,.{0 if self.output_qty == int(self.output_qty) else 2}f}"
        return " ".join(x for x in (qty, self.output_unit, self.output_place) if x)

    def as_json(self) -> dict:
        out = {k: getattr(self, k) for k in ("id", *_COLUMNS)}
        out["budgets"] = {str(y): v for y, v in sorted(self.budgets.items())}
        return out


# --- validation --------------------------------------------------------------------------------------------------


def parse_number(v: object) -> float | None:
    """A number typed by a person: Thai digits, thousands separators, "บาท", "-" for none. ValueError otherwise."""
    if v is None or isinstance(v, bool):
        if isinstance(v, bool):
            raise ValueError(v)
        return None
    if isinstance(v, int | float):
        return float(v)
    s = to_arabic_digits(str(v)).replace(",", "").replace("บาท", "").strip()
    if s in ("", "-", "–", "—"):
        return None
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        raise ValueError(v)
    return float(s)


def parse_status(v: object) -> ProposalStatus:
    v = getattr(v, "value", v)
    text = str(v or "").strip()
    for s in ProposalStatus:
        if text.lower() in (s.value, s.th, s.en.lower()):
            return s
    raise ValueError(v)


def _budgets(v: object) -> dict[str, float]:
    if isinstance(v, str):
        v = json.loads(v or "{}")
    if not isinstance(v, dict):
        raise ValueError(v)
    out: dict[str, float] = {}
    for year, amount in v.items():
        y = int(to_arabic_digits(str(year)))
        if not YEAR_RANGE[0] <= y <= YEAR_RANGE[1]:
            raise ValueError(year)
        a = parse_number(amount)
        if a is None:
            continue
        if a > MAX_BUDGET:
            raise ValueError(amount)
        out[str(y)] = a
    return dict(sorted(out.items()))


def _clean_budgets(db, raw: object, stored: str | None, problems: dict) -> str | None:
    """The budgets JSON to store. A year outside the plan's period is refused (unless it is an amount already kept
    there); amounts kept outside it (the period changed since) stay in the data, neither shown nor counted."""
    try:
        given = _budgets(raw) if raw else {}
    except (ValueError, TypeError, json.JSONDecodeError):
        problems["budgets"] = ("งบประมาณต้องเป็นจำนวนเงิน (บาท) ต่อปี พ.ศ. 2500–2700",
                               "Budgets must be amounts in baht per Buddhist-era year 2500–2700")
        return None
    period = read_plan(db).plan_years
    kept = {y: v for y, v in json.loads(stored or "{}").items() if int(y) not in period}
    outside = [y for y, v in given.items() if int(y) not in period and kept.get(y) != v]
    if outside:
        span = f"{period[0]}–{period[-1]}"
        problems["budgets"] = (f"ปีงบประมาณ {', '.join(outside)} อยู่นอกระยะเวลาของแผน (พ.ศ. {span})",
                               f"Budget year {', '.join(outside)} is outside the plan's period ({span})")
        return None
    merged = dict(sorted({**kept, **{y: v for y, v in given.items() if int(y) in period}}.items()))
    return json.dumps(merged, ensure_ascii=False) if merged else None


def clean_proposal(db, fields: dict, *, partial: bool = False, stored: str | None = None) -> dict:
    """Validate and normalise proposal fields (Thai + English per field); ``stored``: the row's budgets JSON."""
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise ValidationError({k: (f"ไม่มีช่องข้อมูล {k}", f"Unknown proposal field {k!r}") for k in sorted(unknown)})
    out: dict = {}
    problems: dict[str, tuple[str, str]] = {}
    for k in TEXT_FIELDS:
        if k in fields:
            out[k] = clean_text(fields[k])
    for k in LONG_FIELDS:
        if k in fields:
            out[k] = clean_text(fields[k], multiline=True)
    if (not partial or "title" in fields) and not out.get("title"):
        problems["title"] = ("ต้องระบุชื่อโครงการ", "The project's name is required")
    if "need_id" in fields:
        out["need_id"] = clean_text(fields["need_id"])
        if out["need_id"] and not db.execute("SELECT 1 FROM need WHERE id=? AND deleted=0", (out["need_id"],)).fetchone():
            problems["need_id"] = ("ไม่พบความต้องการนี้", f"No need with id {out['need_id']}")
    if "output_qty" in fields:
        try:
            out["output_qty"] = parse_number(fields["output_qty"])
        except ValueError:
            problems["output_qty"] = ("จำนวนเป้าหมายต้องเป็นตัวเลข", "The output quantity must be a number")
    if "budgets" in fields:
        out["budgets"] = _clean_budgets(db, fields["budgets"], stored, problems)
    if "status" in fields or not partial:
        try:
            out["status"] = parse_status(fields.get("status") or ProposalStatus.DRAFT).value
        except ValueError:
            problems["status"] = (f"ไม่รู้จักสถานะโครงการ {fields.get('status')!r}",
                                  f"Unknown project status {fields.get('status')!r}")
    if "community_plan" in fields:
        out["community_plan"] = bool(fields["community_plan"])
    if "district_code" in fields:
        out["district_code"] = clean_text(fields["district_code"])
        if out["district_code"] and out["district_code"] not in divisions().districts:
            problems["district_code"] = ("ไม่พบอำเภอนี้ในจังหวัดลำปาง", f"Unknown district code {out['district_code']}")
    if problems:
        raise ValidationError(problems)
    return out


# --- reading -----------------------------------------------------------------------------------------------------

_SQL = f"SELECT id, hlc, {', '.join(_COLUMNS)} FROM proposal WHERE deleted=0"


def list_proposals(store: Store, *, district_code: str | None = None) -> list[ProposalRow]:
    """Live proposals, in entry order (UUIDv7 ids are time-ordered)."""
    sql, params = _SQL, ()
    if district_code:
        sql, params = sql + " AND district_code=?", (district_code,)
    years = get_plan(store).plan_years  # budgets outside the plan's period are neither shown nor counted
    return [ProposalRow.from_db(r, years) for r in store.query(sql + " ORDER BY id", params)]


def get_proposal(store: Store, proposal_id: str) -> ProposalRow | None:
    rows = store.query(_SQL + " AND id=?", (proposal_id,))
    return ProposalRow.from_db(rows[0], get_plan(store).plan_years) if rows else None


def budgets_outside(store: Store) -> tuple[int, int]:
    """Budget amounts kept outside the plan's period (after it changed), and the projects they belong to."""
    period = get_plan(store).plan_years
    amounts = projects = 0
    for (raw,) in store.query("SELECT budgets FROM proposal WHERE deleted=0 AND budgets IS NOT NULL"):
        n = sum(1 for y in json.loads(raw or "{}") if int(y) not in period)
        amounts, projects = amounts + n, projects + (n > 0)
    return amounts, projects


def outside_note(amounts: int, projects: int) -> tuple[str, str]:
    """What the period's change left outside it (:func:`budgets_outside`), in Thai and English."""
    return (f"งบประมาณนอกระยะเวลาแผน {amounts} รายการ ({projects} โครงการ): เก็บไว้ แต่ไม่แสดงและไม่นับรวม",
            f"{amounts} budget amount(s) of {projects} project(s) outside the plan's period: kept, "
            "neither shown nor counted")


def _live(tx: Tx, proposal_id: str) -> dict:
    row = tx.read("proposal", proposal_id)
    if row is None or row["deleted"]:
        raise UserError("ไม่พบโครงการนี้", f"No project proposal with id {proposal_id}", code="unknown-proposal")
    return row


# --- writing -----------------------------------------------------------------------------------------------------


def draft_from_need(need: dict) -> dict:
    """The proposal's first draft from a need's own words; the office refines objective, output, KPI and budget."""
    title = need.get("title") or ""
    dv = divisions()
    tambon = dv.subdistricts.get(need.get("subdistrict_code") or "")
    district = dv.districts.get(need.get("district_code") or "")
    place = " ".join(x for x in (
        f"หมู่ที่ {need['village_no']}" if need.get("village_no") else "",
        need.get("village_name") and (need["village_name"] if need["village_name"].startswith("บ้าน")
                                      else f"บ้าน{need['village_name']}"),
        f"ตำบล{tambon.name_th}" if tambon else "",
        f"อำเภอ{district.name_th}" if district else "",
    ) if x)
    return {
        "need_id": need["id"],
        "title": title if title.startswith("โครงการ") else f"โครงการ{title}",
        "objective": f"เพื่อแก้ไขปัญหา{title}" if title else None,
        "output_place": place or None,
        "strategy": need.get("plan_strategy"),
        "district_code": need.get("district_code"),
        "community_plan": need.get("route") == NeedRoute.COMMUNITY_PLAN.value,
        "status": ProposalStatus.DRAFT.value,
    }


def proposal_from_need(store: Store, need_id: str, fields: dict | None = None) -> str:
    """Turn a need into a project proposal (one transaction): the draft from the need's words, ``fields`` over it.

    A proposed need becomes "accepted into a plan" in the same transaction (with its dated history row). A need that
    already has a live proposal is refused: refine that one instead.
    """
    with store.transaction() as tx:
        need = tx.read("need", need_id)
        if need is None or need["deleted"]:
            raise UserError("ไม่พบความต้องการนี้", f"No need with id {need_id}", code="unknown-need")
        existing = tx.db.execute("SELECT id FROM proposal WHERE need_id=? AND deleted=0", (need_id,)).fetchone()
        if existing:
            raise UserError("ความต้องการนี้เป็นโครงการแล้ว แก้ไขโครงการเดิมแทน",
                            f"This need is already the project {existing[0]}; refine that one",
                            code="already-proposed")
        data = clean_proposal(tx.db, {**draft_from_need(need), **(fields or {})})
        pid = tx.insert("proposal", data)
        if (need["status"] or NeedStatus.PROPOSED.value) == NeedStatus.PROPOSED.value:
            from lampang_planner.core.ops.needs import change_status_in

            change_status_in(tx, need_id, NeedStatus.ACCEPTED, note="เป็นโครงการในแผนพัฒนา")
        return pid


def add_proposal(store: Store, fields: dict) -> str:
    """A proposal the office enters itself (with or without a need behind it)."""
    with store.transaction() as tx:
        return tx.insert("proposal", clean_proposal(tx.db, fields))


def update_proposal_in(tx: Tx, proposal_id: str, fields: dict) -> bool:
    row = _live(tx, proposal_id)
    return tx.update("proposal", proposal_id, clean_proposal(tx.db, fields, partial=True, stored=row["budgets"]))


def update_proposal(store: Store, proposal_id: str, fields: dict) -> bool:
    """Change some fields; True when anything changed."""
    with store.transaction() as tx:
        return update_proposal_in(tx, proposal_id, fields)


def delete_proposal(store: Store, proposal_id: str) -> bool:
    with store.transaction() as tx:
        _live(tx, proposal_id)
        return tx.delete("proposal", proposal_id)


def unplanned_needs(store: Store) -> list:
    """Needs not yet made into a project (and not dropped), in the needs' usual order: what the office picks from."""
    from lampang_planner.core.ops.needs import list_needs

    planned = {p.need_id for p in list_proposals(store) if p.need_id}
    return [n for n in list_needs(store) if n.id not in planned and n.status != NeedStatus.DROPPED.value]
