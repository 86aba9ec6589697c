"""Community needs: recording what groups raise at a workshop, following each need through its status, and the light
rows, summaries and look-ups the window, the command line and the Excel/PDF outputs read.

Every function that changes data is one transaction; bad input raises :class:`ValidationError` / :class:`UserError`
(Thai first, English second) before anything is written.

Status follows the network's public audit (issue 4)::

    proposed → accepted → budgeted → in_progress → done
                  │           │            └──────→ not_done
                  └───────────┴───────────────────→ not_done → accepted (re-planned in another fiscal year)
    dropped: from every status except done (and dropped itself)

Every change is one ``need_status_change`` row (date, who, note) written in the same transaction as the need's own
``status``/``status_date``; the first row (proposed) is written with the need. A mistaken change is corrected with
:func:`revert_status`, which records the step back as a new dated row, so the history never loses an entry.

Stable reading API (the window, ``need list/summary/history`` and the Excel/PDF reports use these; keep the names):

- :func:`list_needs` (filters: workshop, district, tambon, category, status) → :class:`NeedRow`, in the order
  district, workshop, rank, Thai title; :func:`get_need`; :func:`status_history` → :class:`StatusChange` oldest first;
- :func:`needs_summary` (by district / tambon / category / status, with every district's totals) →
  :class:`NeedsSummary`; :func:`similar_needs`; :func:`status_labels`, :func:`allowed_statuses`, :data:`TRANSITIONS`;
- categories: ``core.ops.categories.list_categories`` and ``category_labels`` (names of removed ones too).

Writing: :func:`add_need` (with an optional flipchart photo), :func:`update_need`, :func:`delete_need`,
:func:`restore_need`, :func:`change_status`, :func:`revert_status`, :func:`rank_needs`, :func:`set_dot_votes`,
:func:`attach_photo`, :func:`detach_photo` — one transaction each.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lampang_planner.core.atomic import PRIVATE_FILE, make_private_dir, write_atomically
from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.categories import (
    category_labels,
    category_labels_in,
    list_categories,
    live_category_keys,
    seed_defaults_in,
)
from lampang_planner.core.refdata import divisions
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.thai.segment import words
from lampang_planner.core.vocabulary import NeedRoute, NeedStatus

MEDIA_DIRNAME = "media"
MAX_PHOTO_BYTES = 25 * 1024 * 1024
FISCAL_YEAR_RANGE = (2500, 2700)
MAX_VILLAGE_NO = 99
SIMILARITY_THRESHOLD = 0.5

# Fields a caller may set with add_need / update_need. status and photo have their own functions.
NEED_FIELDS = (
    "workshop_id",
    "district_code",
    "subdistrict_code",
    "village_no",
    "village_name",
    "title",
    "description",
    "category",
    "group_name",
    "session",
    "raised_by",
    "rank",
    "dot_votes",
    "route",
    "plan_strategy",
    "fiscal_year",
)
_ROW_COLUMNS = (*NEED_FIELDS, "status", "status_date", "photo")

S = NeedStatus
TRANSITIONS: dict[NeedStatus, frozenset[NeedStatus]] = {
    S.PROPOSED: frozenset({S.ACCEPTED, S.DROPPED}),
    S.ACCEPTED: frozenset({S.BUDGETED, S.NOT_DONE, S.DROPPED}),
    S.BUDGETED: frozenset({S.IN_PROGRESS, S.NOT_DONE, S.DROPPED}),
    S.IN_PROGRESS: frozenset({S.DONE, S.NOT_DONE, S.DROPPED}),
    S.NOT_DONE: frozenset({S.ACCEPTED, S.DROPPED}),
    S.DONE: frozenset(),
    S.DROPPED: frozenset(),
}
_STATUS_ORDER = {s: i for i, s in enumerate(NeedStatus)}


# --- light rows --------------------------------------------------------------------------------------------------




@dataclass(frozen=True, slots=True)
class NeedRow:
    """One need as lists, tables and reports read it (no ORM session behind it)."""

    id: str
    workshop_id: str
    district_code: str
    subdistrict_code: str
    village_no: str
    village_name: str
    title: str
    description: str
    category: str
    group_name: str
    session: str
    raised_by: str
    rank: int | None
    dot_votes: int
    route: str
    plan_strategy: str
    fiscal_year: int | None
    status: str
    status_date: dt.date | None
    photo: str

    @classmethod
    def from_db(cls, r: tuple) -> NeedRow:
        d = {k: ("" if v is None else v) for k, v in zip(("id", *_ROW_COLUMNS), r, strict=True)}
        for k in ("rank", "fiscal_year"):
            d[k] = int(d[k]) if d[k] != "" else None
        d["dot_votes"] = int(d["dot_votes"] or 0)
        d["status_date"] = as_date(d["status_date"])
        return cls(**d)

    @property
    def district_th(self) -> str:
        d = divisions().districts.get(self.district_code)
        return d.name_th if d else ""

    @property
    def tambon_th(self) -> str:
        s = divisions().subdistricts.get(self.subdistrict_code)
        return s.name_th if s else ""

    def as_json(self) -> dict:
        out = {k: getattr(self, k) for k in ("id", *_ROW_COLUMNS)}
        out["status_date"] = self.status_date.isoformat() if self.status_date else None
        return out


@dataclass(frozen=True, slots=True)
class StatusChange:
    id: str
    need_id: str
    status: str
    changed_on: dt.date | None
    changed_by: str
    note: str

    def as_json(self) -> dict:
        return {"id": self.id, "need_id": self.need_id, "status": self.status,
                "changed_on": self.changed_on.isoformat() if self.changed_on else None,
                "changed_by": self.changed_by, "note": self.note}


@dataclass(frozen=True, slots=True)
class SimilarNeed:
    id: str
    title: str
    score: float
    workshop_id: str
    status: str
    village_no: str


# --- validation --------------------------------------------------------------------------------------------------


def _text(v: object, *, multiline: bool = False) -> str | None:
    return clean_text(v, multiline=multiline)


def _int(v: object) -> int | None:
    """An integer from an int or a string (Thai digits accepted); None for empty; ValueError otherwise."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, int):
        return v
    s = to_arabic_digits(str(v)).strip()
    if not re.fullmatch(r"[+-]?\d+", s):
        raise ValueError(v)
    return int(s)


_VILLAGE_PREFIX = re.compile(r"^\s*(หมู่ที่|หมู่|ม\.|moo|m\.)\s*", re.IGNORECASE)


def _village_no(v: object) -> str | None:
    if v is None or str(v).strip() == "":
        return None
    n = _int(_VILLAGE_PREFIX.sub("", to_arabic_digits(str(v))))
    if n is None or not 1 <= n <= MAX_VILLAGE_NO:
        raise ValueError(v)
    return str(n)


def _route(v: object) -> str | None:
    if v in (None, ""):
        return None
    v = getattr(v, "value", v)
    for r in NeedRoute:
        if v in (r.value, r.th, r.en):
            return r.value
    raise ValueError(v)


def status_labels(value: str) -> tuple[str, str]:
    """(Thai, English) label of a status value (the value itself if this version does not know it)."""
    try:
        s = NeedStatus(value)
    except ValueError:
        return (value, value)
    return (s.th, s.en)


def parse_status(v: object) -> NeedStatus:
    """A status from its value, Thai or English label. Raises UserError otherwise."""
    v = getattr(v, "value", v)
    for s in NeedStatus:
        if str(v).strip().lower() in (s.value, s.th, s.en.lower()):
            return s
    raise UserError(
        f"ไม่รู้จักสถานะ {v!r} (ใช้: {', '.join(s.value for s in NeedStatus)})",
        f"Unknown status {v!r} (one of: {', '.join(s.value for s in NeedStatus)})",
        code="unknown-status",
    )


def _category(db, v: object) -> str | None:
    if v in (None, ""):
        return None
    keys = live_category_keys(db)
    s = str(v).strip()
    if s in keys:
        return s
    folded = fold_for_search(s)
    for key, (th, en) in category_labels_in(db).items():
        if key in keys and folded in (fold_for_search(th), fold_for_search(en)):
            return key
    raise ValueError(v)


def _workshop(db, workshop_id: str) -> tuple[str | None, str | None] | None:
    r = db.execute("SELECT district_code, start_date FROM workshop WHERE id=? AND deleted=0", (workshop_id,)).fetchone()
    return (r[0], r[1]) if r else None


def clean_need(db, fields: dict, *, partial: bool = False, current: dict | None = None) -> dict:
    """Validate and normalise need fields. Raises ValidationError (Thai + English per field)."""
    unknown = set(fields) - set(NEED_FIELDS)
    if unknown:
        raise ValidationError({k: (f"ไม่มีช่องข้อมูล {k}", f"Unknown need field {k!r} (status and photo have their "
                                                             "own functions)") for k in sorted(unknown)})
    out: dict = {}
    problems: dict[str, tuple[str, str]] = {}
    dv = divisions()
    cur = current or {}

    for k in ("title", "village_name", "group_name", "session", "raised_by", "plan_strategy"):
        if k in fields:
            out[k] = _text(fields[k])
    if "description" in fields:
        out["description"] = _text(fields["description"], multiline=True)
    if (not partial or "title" in fields) and not out.get("title"):
        problems["title"] = ("ต้องระบุชื่อเรื่องความต้องการ", "The title of the need is required")

    workshop_id = cur.get("workshop_id")
    if "workshop_id" in fields:
        workshop_id = _text(fields["workshop_id"])
        if workshop_id and _workshop(db, workshop_id) is None:
            problems["workshop_id"] = ("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}")
        out["workshop_id"] = workshop_id

    if "district_code" in fields or "subdistrict_code" in fields or not partial:
        dis = _text(fields["district_code"]) if "district_code" in fields else cur.get("district_code")
        sub = _text(fields["subdistrict_code"]) if "subdistrict_code" in fields else cur.get("subdistrict_code")
        if not dis and not sub and not partial and workshop_id and "workshop_id" not in problems:
            dis = _workshop(db, workshop_id)[0]  # type: ignore[index]
        if sub and sub not in dv.subdistricts:
            problems["subdistrict_code"] = ("ไม่พบตำบลนี้ในจังหวัดลำปาง", f"Unknown tambon code {sub}")
        elif sub:
            parent = dv.subdistricts[sub].parent
            if dis and dis != parent and "district_code" in fields:
                problems["subdistrict_code"] = ("ตำบลไม่อยู่ในอำเภอที่เลือก",
                                                f"Tambon {sub} is not in district {dis}")
            dis = parent
        if dis and dis not in dv.districts:
            problems["district_code"] = ("ไม่พบอำเภอนี้ในจังหวัดลำปาง", f"Unknown district code {dis}")
        if not dis and "district_code" not in problems and "subdistrict_code" not in problems:
            problems["district_code"] = ("ต้องระบุอำเภอหรือตำบล", "The district or tambon is required")
        out["district_code"], out["subdistrict_code"] = dis, sub

    if "village_no" in fields:
        try:
            out["village_no"] = _village_no(fields["village_no"])
        except ValueError:
            problems["village_no"] = (f"หมู่ที่ต้องเป็นตัวเลข 1–{MAX_VILLAGE_NO}",
                                      f"The village number must be 1–{MAX_VILLAGE_NO}")

    if "category" in fields or not partial:
        try:
            out["category"] = _category(db, fields.get("category"))
        except ValueError:
            problems["category"] = ("ไม่มีหมวดนี้ในรายการหมวด", f"Unknown category {fields.get('category')!r}")
        else:
            if not out["category"]:
                problems["category"] = ("ต้องระบุหมวด", "The category is required")

    if "route" in fields:
        try:
            out["route"] = _route(fields["route"])
        except ValueError:
            problems["route"] = ("ช่องทางดำเนินการไม่ถูกต้อง",
                                 f"Route must be one of {', '.join(r.value for r in NeedRoute)}")

    if "fiscal_year" in fields:
        lo, hi = FISCAL_YEAR_RANGE
        try:
            fy = _int(fields["fiscal_year"])
            if fy is not None and not lo <= fy <= hi:
                raise ValueError(fy)
            out["fiscal_year"] = fy
        except ValueError:
            problems["fiscal_year"] = (f"ปีงบประมาณต้องเป็น พ.ศ. {lo}–{hi}",
                                       f"The fiscal year must be Buddhist era, {lo}–{hi}")

    if "rank" in fields:
        try:
            rank = _int(fields["rank"])
            if rank is not None and rank < 1:
                raise ValueError(rank)
            out["rank"] = rank
        except ValueError:
            problems["rank"] = ("ลำดับความสำคัญต้องเป็นจำนวนเต็มตั้งแต่ 1", "Rank must be a whole number from 1")

    if "dot_votes" in fields or not partial:
        try:
            dots = _int(fields.get("dot_votes"))
            if dots is not None and dots < 0:
                raise ValueError(dots)
            out["dot_votes"] = dots or 0
        except ValueError:
            problems["dot_votes"] = ("จำนวนคะแนนโหวตต้องไม่ติดลบ", "Dot votes must be a whole number, 0 or more")

    if problems:
        raise ValidationError(problems)
    return out


# --- reading -----------------------------------------------------------------------------------------------------


def _need_sql(where: str = "") -> str:
    return f"SELECT id, {','.join(_ROW_COLUMNS)} FROM need WHERE deleted=0{where}"


def get_need(store: Store, need_id: str) -> NeedRow | None:
    r = store.db.execute(_need_sql(" AND id=?"), (need_id,)).fetchone()
    return NeedRow.from_db(r) if r else None


def _need_or_error(db, need_id: str) -> dict:
    r = db.execute(f"SELECT id, {','.join(_ROW_COLUMNS)} FROM need WHERE id=? AND deleted=0", (need_id,)).fetchone()
    if r is None:
        raise UserError("ไม่พบความต้องการนี้", f"No need with id {need_id}", code="unknown-need")
    return dict(zip(("id", *_ROW_COLUMNS), r, strict=True))


def _sort_key(n: NeedRow) -> tuple:
    return (n.district_code, n.workshop_id, n.rank if n.rank is not None else 1 << 30, thai_sort_key(n.title), n.id)


def list_needs(
    store: Store,
    *,
    workshop_id: str | None = None,
    district_code: str | None = None,
    subdistrict_code: str | None = None,
    category: str | None = None,
    status: str | NeedStatus | None = None,
    ids: Iterable[str] | None = None,
) -> list[NeedRow]:
    """Live needs matching every filter given (``ids``: only these needs), by district, workshop, rank, then title in
    Thai order."""
    where, params = [], []
    for col, val in (("workshop_id", workshop_id), ("district_code", district_code),
                     ("subdistrict_code", subdistrict_code), ("category", category),
                     ("status", getattr(status, "value", status))):
        if val:
            where.append(f" AND {col}=?")
            params.append(val)
    sql = _need_sql("".join(where))
    if ids is None:
        rows = [NeedRow.from_db(r) for r in store.db.execute(sql, params)]
    else:
        wanted, rows = list(dict.fromkeys(ids)), []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            q = f"{sql} AND id IN ({','.join('?' * len(chunk))})"
            rows += [NeedRow.from_db(r) for r in store.db.execute(q, [*params, *chunk])]
    rows.sort(key=_sort_key)
    return rows


def status_history(store: Store, need_id: str) -> list[StatusChange]:
    """Every status change of a need, oldest first (by date, then by when it was recorded)."""
    rows = store.db.execute(
        "SELECT id, need_id, status, changed_on, changed_by, note FROM need_status_change"
        " WHERE need_id=? AND deleted=0 ORDER BY changed_on, hlc, id",
        (need_id,),
    )
    return [StatusChange(r[0], r[1], r[2] or "", as_date(r[3]), r[4] or "", r[5] or "") for r in rows]


# --- writing -----------------------------------------------------------------------------------------------------


def _next_rank(db, workshop_id: str) -> int:
    r = db.execute("SELECT MAX(rank) FROM need WHERE workshop_id=? AND deleted=0", (workshop_id,)).fetchone()
    return (r[0] or 0) + 1


def _on(v: object, field_name: str = "on") -> dt.date:
    if v in (None, ""):
        return dt.date.today()
    try:
        if isinstance(v, dt.date | dt.datetime):
            return as_date(v)  # type: ignore[return-value]
        from lampang_planner.core.thai.dates import parse_date_th

        return parse_date_th(str(v))
    except ValueError:
        raise ValidationError({field_name: ("วันที่ไม่ถูกต้อง", f"Not a date: {v!r}")}) from None


def _raised_on(db, workshop_id: str | None) -> dt.date:
    """The day a need was raised when none is given: today during (or before) its workshop; the workshop's last day
    when the needs are typed in afterwards from the flipcharts."""
    today = dt.date.today()
    if not workshop_id:
        return today
    r = db.execute("SELECT start_date, end_date FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    start, end = (as_date(r[0]), as_date(r[1])) if r else (None, None)
    end = end or start
    return end if end is not None and end < today else today


def add_need_in(tx: Tx, fields: dict, *, on: object = None, by: str | None = None, need_id: str | None = None) -> str:
    """Inside an open transaction: validate and insert a need with its first status change (proposed)."""
    tx.flush()
    seed_defaults_in(tx)
    tx.flush()
    clean = clean_need(tx.db, fields)
    day = _on(on) if on not in (None, "") else _raised_on(tx.db, clean.get("workshop_id"))
    if day > dt.date.today():
        raise ValidationError({"on": ("วันที่เสนอต้องไม่เป็นวันในอนาคต", "A need cannot be raised on a future date")})
    if clean.get("rank") is None and clean.get("workshop_id"):
        clean["rank"] = _next_rank(tx.db, clean["workshop_id"])
    clean["status"] = NeedStatus.PROPOSED.value
    clean["status_date"] = day
    nid = tx.insert("need", clean, need_id)
    tx.insert("need_status_change", {"need_id": nid, "status": NeedStatus.PROPOSED.value, "changed_on": day,
                                     "changed_by": _text(by) or tx.author, "note": None})
    return nid


def add_need(store: Store, fields: dict, *, on: object = None, by: str | None = None,
             photo: str | os.PathLike[str] | None = None) -> str:
    """Record a need raised at a workshop (status proposed, dated ``on``; by default today, or the workshop's last day
    when it is already over). Returns its id.

    ``fields``: title (required), category (a live key, required), district_code and/or subdistrict_code (the
    district defaults to the workshop's), workshop_id, village_no, village_name, description, group_name, session,
    raised_by, rank (default: after the workshop's last), dot_votes, route (NeedRoute), plan_strategy, fiscal_year (BE).
    ``photo``: an image file of the flipchart, copied into the data folder's media/ in the same step.
    """
    image = read_photo(photo) if photo else None
    with store.transaction() as tx:
        nid = add_need_in(tx, fields, on=on, by=by)
        if image is not None:
            tx.update("need", nid, {"photo": _store_photo(store, *image)})
        return nid


def update_need(store: Store, need_id: str, fields: dict) -> bool:
    """Change some fields of a need. Returns False when nothing changed."""
    with store.transaction() as tx:
        current = _need_or_error(tx.db, need_id)
        clean = clean_need(tx.db, fields, partial=True, current=current)
        return tx.update("need", need_id, clean)


def delete_need(store: Store, need_id: str) -> bool:
    """Remove a need recorded by mistake (a tombstone; its status history stays as the audit trail)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        return tx.delete("need", need_id)


def restore_need(store: Store, need_id: str) -> bool:
    """Bring back a deleted need."""
    with store.transaction() as tx:
        row = tx.read("need", need_id)
        if row is None:
            raise UserError("ไม่พบความต้องการนี้", f"No need with id {need_id}", code="unknown-need")
        return tx.update("need", need_id, {"deleted": False})


def allowed_statuses(current: str | NeedStatus | None) -> list[NeedStatus]:
    """The statuses a need in ``current`` may move to, in the order of the status list."""
    try:
        cur = NeedStatus(getattr(current, "value", current) or NeedStatus.PROPOSED.value)
    except ValueError:  # an unknown status from a newer version: only dropping is safe
        return [NeedStatus.DROPPED]
    return sorted(TRANSITIONS[cur], key=_STATUS_ORDER.__getitem__)


def _record_status(tx: Tx, need: dict, new: NeedStatus, day: dt.date, by: str | None, note: str | None) -> StatusChange:
    since = as_date(need["status_date"])
    if since and day < since:
        raise ValidationError({"on": (
            f"วันที่เปลี่ยนสถานะต้องไม่ก่อนวันที่ของสถานะปัจจุบัน ({since.isoformat()})",
            f"The change cannot be dated before the current status's date ({since.isoformat()})")})
    if day > dt.date.today():
        raise ValidationError({"on": ("วันที่เปลี่ยนสถานะต้องไม่เป็นวันในอนาคต", "The change cannot be dated in the future")})
    who = _text(by) or tx.author
    tx.update("need", need["id"], {"status": new.value, "status_date": day})
    cid = tx.insert("need_status_change", {"need_id": need["id"], "status": new.value, "changed_on": day,
                                           "changed_by": who, "note": _text(note, multiline=True)})
    return StatusChange(cid, need["id"], new.value, day, who, _text(note, multiline=True) or "")


def change_status(store: Store, need_id: str, status: str | NeedStatus, *, on: object = None, by: str | None = None,
                  note: str | None = None) -> StatusChange:
    """Move a need to ``status`` (dated ``on``, default today; ``by`` who, default this laptop and desk; a note).

    One transaction: the need's status and status date, and a ``need_status_change`` row. An impossible move (see
    the module's diagram) is refused with nothing written.
    """
    new = parse_status(status)
    day = _on(on)
    with store.transaction() as tx:
        return change_status_in(tx, need_id, new, day=day, by=by, note=note)


def change_status_in(tx: Tx, need_id: str, new: NeedStatus, *, day: dt.date | None = None, by: str | None = None,
                     note: str | None = None) -> StatusChange:
    """:func:`change_status` inside a caller's transaction (e.g. a need turned into a plan project)."""
    need = _need_or_error(tx.db, need_id)
    cur_value = need["status"] or NeedStatus.PROPOSED.value
    ok = allowed_statuses(cur_value)
    if new not in ok:
        cur_th, cur_en = status_labels(cur_value)
        raise UserError(
            f"เปลี่ยนสถานะจาก “{cur_th}” เป็น “{new.th}” ไม่ได้"
            + (f" (เปลี่ยนได้เป็น: {', '.join(s.th for s in ok)})" if ok else " (สถานะนี้สิ้นสุดแล้ว)"),
            f"A need that is {cur_en.lower()} cannot become {new.en.lower()}"
            + (f" (allowed: {', '.join(s.value for s in ok)})" if ok else " (this status is final)"),
            code="bad-transition",
        )
    return _record_status(tx, need, new, day or dt.date.today(), by, note)


def revert_status(store: Store, need_id: str, *, note: str, on: object = None, by: str | None = None) -> StatusChange:
    """Correct a mistaken status change: go back to the status before the current one, recorded as a new dated
    change with its reason (``note``, required), so the history keeps the mistake and its correction."""
    if not _text(note):
        raise ValidationError({"note": ("ต้องระบุเหตุผลของการแก้ไขสถานะ", "A note explaining the correction is required")})
    day = _on(on)
    with store.transaction() as tx:
        need = _need_or_error(tx.db, need_id)
        rows = tx.db.execute(
            "SELECT status FROM need_status_change WHERE need_id=? AND deleted=0 ORDER BY changed_on, hlc, id",
            (need_id,),
        ).fetchall()
        path = effective_path([r[0] for r in rows])
        if len(path) < 2 or path[-1] != need["status"]:
            raise UserError("ไม่มีสถานะก่อนหน้าให้ย้อนกลับ", "There is no earlier status to go back to",
                            code="nothing-to-revert")
        return _record_status(tx, need, parse_status(path[-2]), day, by, note)


def effective_path(statuses: list[str]) -> list[str]:
    """The statuses a need really went through, from its history: a step that is not an allowed move from the one
    before it but returns to an earlier status is a correction, and cancels the steps after that status."""
    path: list[str] = []
    for s in statuses:
        if path and s in path:
            try:
                forward = NeedStatus(s) in TRANSITIONS[NeedStatus(path[-1])]
            except ValueError:
                forward = False
            if not forward:
                del path[path.index(s) + 1 :]
                continue
        path.append(s)
    return path


def rank_needs(store: Store, workshop_id: str, ordered_ids: list[str]) -> int:
    """Rewrite the ranks of a workshop's needs: ``ordered_ids`` get 1, 2, 3…; the workshop's other needs follow in
    their current order. One transaction. Returns how many needs changed rank."""
    if len(set(ordered_ids)) != len(ordered_ids):
        raise UserError("มีรายการซ้ำในลำดับ", "The order names a need twice", code="bad-order")
    with store.transaction() as tx:
        rows = tx.db.execute("SELECT id, rank, title FROM need WHERE workshop_id=? AND deleted=0", (workshop_id,))
        current = sorted(rows, key=lambda r: (r[1] if r[1] is not None else 1 << 30, thai_sort_key(r[2] or ""), r[0]))
        ids = {r[0] for r in current}
        stray = [i for i in ordered_ids if i not in ids]
        if stray:
            raise UserError("บางรายการไม่ใช่ความต้องการของการประชุมนี้",
                            f"Not needs of this workshop: {', '.join(stray)}", code="bad-order")
        chosen = set(ordered_ids)
        order = list(ordered_ids) + [r[0] for r in current if r[0] not in chosen]
        return sum(tx.update("need", nid, {"rank": i}) for i, nid in enumerate(order, start=1))


def set_dot_votes(store: Store, need_id: str, votes: int | str) -> bool:
    """Set the dot votes a need received (0 or more)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        clean = clean_need(tx.db, {"dot_votes": votes}, partial=True)
        return tx.update("need", need_id, clean)


# --- photos ------------------------------------------------------------------------------------------------------

_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)


def _image_kind(head: bytes) -> str | None:
    for magic, ext in _IMAGE_MAGIC:
        if head.startswith(magic):
            return ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heim", b"heis"):
        return "heic"
    return None


def media_dir(store: Store) -> Path:
    return store.data_dir / MEDIA_DIRNAME


def photo_path(store: Store, name: str) -> Path:
    """Where the photo stored as ``name`` (a need's ``photo``) lives."""
    return media_dir(store) / Path(name).name


def read_photo(image_path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes and kind (file extension) of a flipchart photo; UserError when it cannot be used."""
    src = Path(image_path)
    try:
        if src.stat().st_size > MAX_PHOTO_BYTES:
            raise UserError(f"ไฟล์รูปใหญ่เกิน {MAX_PHOTO_BYTES // (1024 * 1024)} MB",
                            f"The image is larger than {MAX_PHOTO_BYTES // (1024 * 1024)} MB", code="bad-photo")
        data = src.read_bytes()
    except OSError as exc:
        raise UserError(f"อ่านไฟล์รูปไม่ได้: {src}", f"Cannot read the image {src}: {exc.strerror or exc}",
                        code="bad-photo") from exc
    kind = _image_kind(data[:16])
    if kind is None:
        raise UserError("ไฟล์นี้ไม่ใช่รูปภาพ (JPEG, PNG, WebP, HEIC หรือ GIF)",
                        f"{src.name} is not a JPEG, PNG, WebP, HEIC or GIF image", code="bad-photo")
    return data, kind


def attach_photo(store: Store, need_id: str, image_path: str | os.PathLike[str]) -> str:
    """Copy a photo of the flipchart into the data folder's ``media/`` (named by its SHA-256, so the same picture is
    stored once) and set it as the need's photo. Returns the stored file name."""
    data, kind = read_photo(image_path)
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        name = _store_photo(store, data, kind)
        tx.update("need", need_id, {"photo": name})
    return name


def _store_photo(store: Store, data: bytes, kind: str) -> str:
    """Write the image into media/ under its SHA-256 (once; an unused file left by a failed transaction is harmless:
    the same picture gets the same name). Returns the file name."""
    name = f"{hashlib.sha256(data).hexdigest()}.{kind}"
    target = photo_path(store, name)
    if not target.exists():
        try:
            make_private_dir(target.parent)
        except OSError as exc:
            raise UserError("บันทึกรูปลงโฟลเดอร์ข้อมูลไม่ได้", f"Cannot store the image in {target.parent}: {exc}",
                            code="bad-photo") from exc
        write_atomically(target, data, mode=PRIVATE_FILE)  # a full disk is told as such
    return name


def detach_photo(store: Store, need_id: str) -> bool:
    """Take the photo off a need (the file stays in media/, other needs or old versions may use it)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        return tx.update("need", need_id, {"photo": None})


# --- similar needs -----------------------------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    fold_for_search(w)
    for w in "และ ที่ ใน ของ ให้ การ ความ เพื่อ กับ จาก ขอ โดย แก่ ต่อ ไม่ ได้ มี เป็น เรื่อง โครงการ หมู่ หมู่ที่ ที ต "
    "ตำบล อ อำเภอ ม จ จังหวัด บ้าน ชุมชน".split()
)
# Words that say what is to be done rather than to what: they count, but less (สร้างถนน is not like สร้างฝาย).
_WEAK_WORDS = frozenset(
    fold_for_search(w)
    for w in "สร้าง ซ่อม ซ่อมแซม ปรับปรุง ส่งเสริม พัฒนา ติดตั้ง จัดทำ จัด ทำ แก้ ปัญหา แก้ปัญหา ขยาย ระบบ หมู่บ้าน "
    "สาย เข้า ฟื้นฟู สนับสนุน เพิ่ม ใหม่".split()
)
WEAK_WEIGHT = 0.4
_TRIM = " .,;:!?()[]{}\"'“”‘’-–/\\|*+"


@lru_cache(maxsize=8192)
def title_tokens(title: str, tambon_name: str = "") -> frozenset[str]:
    """The words of a title that carry its meaning: segmented (newmm), folded (no tone marks, Arabic digits), without
    common function words, numbers and the tambon's own name."""
    text = unicodedata.normalize("NFC", title or "")
    if tambon_name:
        text = re.sub(rf"(ต\.|ตำบล)?\s*{re.escape(tambon_name)}", " ", text)
    out = set()
    for w in words(text):
        f = fold_for_search(w).strip(_TRIM)
        if not f or f in _STOP_WORDS or f.isdigit() or not any(c.isalnum() for c in f):
            continue
        out.add(f)
    return frozenset(out)


def _weight(word: str) -> float:
    return WEAK_WEIGHT if word in _WEAK_WORDS else 1.0


def _matches(a: str, others: frozenset[str]) -> bool:
    if a in others:
        return True
    return any(min(len(a), len(b)) >= 3 and (a in b or b in a) for b in others)


def title_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two titles' words are, 0–1: the mean of a weighted Dice coefficient (the weight of the words of each
    title found in the other, over the weight of all) and a weighted overlap coefficient (the share of the shorter
    title found in the longer, so that ห้องสมุดชุมชน still looks like ห้องสมุดและอินเทอร์เน็ตสำหรับเด็ก). A word also
    matches a longer word containing it (ซ่อม ~ ซ่อมแซม, ประปา ~ น้ำประปา), since the segmenter does not always cut
    compounds the same way; words of doing (สร้าง, ซ่อม…) weigh less."""
    if not a or not b:
        return 0.0
    hits_a = sum(_weight(x) for x in a if _matches(x, b))
    hits_b = sum(_weight(y) for y in b if _matches(y, a))
    wa, wb = sum(map(_weight, a)), sum(map(_weight, b))
    dice = (hits_a + hits_b) / (wa + wb)
    overlap = hits_a / wa if wa <= wb else hits_b / wb
    return (dice + overlap) / 2


def similar_needs(store: Store, subdistrict_code: str | None, title: str, exclude_id: str | None = None,
                  *, threshold: float = SIMILARITY_THRESHOLD) -> list[SimilarNeed]:
    """Live needs already raised in the same tambon whose titles look like ``title``, most alike first."""
    if not subdistrict_code or not _text(title):
        return []
    sub = divisions().subdistricts.get(subdistrict_code)
    tambon = sub.name_th if sub else ""
    mine = title_tokens(_text(title), tambon)  # type: ignore[arg-type]
    folded = fold_for_search(_text(title) or "")
    out = []
    rows = store.db.execute(
        "SELECT id, title, workshop_id, status, village_no FROM need WHERE deleted=0 AND subdistrict_code=?",
        (subdistrict_code,),
    )
    for nid, other, wid, status, village in rows:
        if nid == exclude_id or not other:
            continue
        score = 1.0 if fold_for_search(other) == folded else title_similarity(mine, title_tokens(other, tambon))
        if score >= threshold:
            out.append(SimilarNeed(nid, other, round(score, 3), wid or "", status or "", village or ""))
    out.sort(key=lambda s: (-s.score, thai_sort_key(s.title), s.id))
    return out


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

    def as_json(self) -> dict:
        return {"district_code": self.district_code, "key": self.key, "label_th": self.label_th,
                "label_en": self.label_en, "count": self.count, "dot_votes": self.dot_votes,
                "by_status": dict(self.by_status)}


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

    def add(table: dict, dcode: str, key: str, status: str, n: int, dots: int) -> None:
        row = table.get((dcode, key))
        if row is None:
            row = table[(dcode, key)] = SummaryRow(dcode, key, *label(key))
        row.count += n
        row.dot_votes += dots
        row.by_status[status] = row.by_status.get(status, 0) + n

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
        d.count += n
        d.dot_votes += dots or 0
        d.by_status[status] = d.by_status.get(status, 0) + n
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
