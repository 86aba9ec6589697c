"""Checking and normalising a need's fields before it is written."""

from __future__ import annotations

import re

from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.categories import (
    category_labels_in,
    live_category_keys,
)
from lampang_planner.core.ops.needs.rows import FISCAL_YEAR_RANGE, MAX_VILLAGE_NO, NEED_FIELDS
from lampang_planner.core.refdata import divisions
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.collation import fold_for_search
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.vocabulary import NeedRoute, NeedStatus

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
        out["district_code"], out["subdistrict_code"] = _clean_place(db, fields, cur, partial, workshop_id, problems)

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

    _clean_numbers(fields, partial, out, problems)

    if problems:
        raise ValidationError(problems)
    return out


def _clean_place(db, fields: dict, cur: dict, partial: bool, workshop_id: str | None,
                 problems: dict[str, tuple[str, str]]) -> tuple[str | None, str | None]:
    """District and tambon, checked against each other (the tambon's district wins), defaulting to the workshop's
    district; problems are added to ``problems``."""
    dv = divisions()
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
    return dis, sub


def _clean_numbers(fields: dict, partial: bool, out: dict, problems: dict[str, tuple[str, str]]) -> None:
    """Fiscal year, rank and dot votes into ``out``; problems into ``problems``."""
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
