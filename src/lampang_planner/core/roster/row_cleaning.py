"""Cleaning one roster row: each cell parsed and checked (Thai and English reasons), consent applied, and what the
row would change on a person already on file."""

from __future__ import annotations

from lampang_planner.core.errors import ValidationError
from lampang_planner.core.ops.people import clean_person
from lampang_planner.core.privacy.consent import restrict_to_consent
from lampang_planner.core.roster.headers import LABELS
from lampang_planner.core.roster.reading import SheetRow
from lampang_planner.core.roster.values import (
    FIELD_LIMITS,
    CellProblem,
    cell_text,
    column_letter,
    name_parts,
    parse_citizen_id,
    parse_consent,
    parse_participant_type,
    parse_phone,
    parse_place,
)
from lampang_planner.core.thai.names import full_name

_TEXT_FIELDS = ("prefix", "first_name", "last_name", "organisation", "position", "phone", "citizen_id", "note")

def clean_row(row: SheetRow) -> tuple[dict, set[str], list[tuple[str, str]], str]:
    """(person fields ready for clean_person, keys the sheet gave a value for, reasons to reject, display name)."""
    reasons = _too_long(row)
    v = {k: (None if k in {key for key, _ in reasons} else x) for k, x in row.values.items()}
    reasons = [r for _key, r in reasons]
    bad: set[str] = set()
    prefix, first, last = name_parts(
        cell_text(v.get("prefix")),
        cell_text(v.get("first_name")),
        cell_text(v.get("last_name")),
        cell_text(v.get("full_name")),
    )
    fields: dict = {"prefix": prefix or None, "first_name": first or None, "last_name": last or None}
    for k in ("organisation", "position", "note"):
        fields[k] = cell_text(v.get(k)) or None

    def attempt(key: str, parse, *args):
        try:
            return parse(*args)
        except CellProblem as p:
            reasons.append((p.th, p.en))
            bad.add(key)
            return None

    fields["phone"] = attempt("phone", parse_phone, v.get("phone")) or None
    fields["citizen_id"] = attempt("citizen_id", parse_citizen_id, v.get("citizen_id")) or None
    place = attempt("place", parse_place, v.get("district"), v.get("subdistrict")) or (None, None)
    fields["district_code"], fields["subdistrict_code"] = place
    ptype = attempt("participant_type", parse_participant_type, v.get("participant_type"))
    if ptype is not None:
        fields["participant_type"] = ptype.value
    consent = attempt("consent", parse_consent, v.get("consent"))
    if consent is not None:
        fields["consent"] = consent
    given = {k for k, val in fields.items() if val not in (None, "")}
    display = full_name(prefix, first, last) or next((cell_text(x) for x in v.values() if cell_text(x)), "")
    try:
        clean = clean_person(fields)
    except ValidationError as exc:
        for key, (th, en) in exc.problems.items():
            if key not in bad:
                reasons.append((th, en))
        clean = fields
    return clean, given, reasons, display


def _too_long(row: SheetRow) -> list[tuple[str, tuple[str, str]]]:
    """(field, reason) for each cell longer than its field allows (:data:`.values.FIELD_LIMITS`)."""
    out = []
    for key, value in row.values.items():
        limit = FIELD_LIMITS.get(key)
        if limit is None or value is None:
            continue
        n = len(cell_text(value))
        if n > limit:
            col = column_letter(row.columns[key]) if key in row.columns else "?"
            th_label, en_label = LABELS.get(key, (key, key))
            out.append((key, (
                f"คอลัมน์ {col} ({th_label}) ยาว {n:,} ตัวอักษร เกินที่ช่องนี้รับได้ ({limit:,} ตัวอักษร)",
                f"column {col} ({en_label}) holds {n:,} characters, more than the field allows ({limit:,})",
            )))
    return out


def changes_to(old: dict, clean: dict, given: set[str]) -> dict[str, tuple[object, object]]:
    """Field → (on file, from the sheet) for what the sheet changes; empty cells never erase."""
    out: dict[str, tuple[object, object]] = {}
    for k in _TEXT_FIELDS:
        if k in given and clean.get(k) and clean[k] != old[k]:
            out[k] = (old[k], clean[k])
    if "participant_type" in given and clean["participant_type"] != old["participant_type"]:
        out["participant_type"] = (old["participant_type"], clean["participant_type"])
    sub, dis = clean.get("subdistrict_code"), clean.get("district_code")
    if sub:
        if sub != old["subdistrict_code"]:
            out["subdistrict_code"] = (old["subdistrict_code"], sub)
        if dis != old["district_code"]:
            out["district_code"] = (old["district_code"], dis)
    elif dis and dis != old["district_code"]:
        out["district_code"] = (old["district_code"], dis)
        if old["subdistrict_code"]:
            out["subdistrict_code"] = (old["subdistrict_code"], None)
    if "consent" in given:
        on_file = None if old["consent"] is None else bool(old["consent"])
        if on_file != clean["consent"]:
            out["consent"] = (on_file, clean["consent"])
            out["consent_date"] = (old["consent_date"], clean["consent_date"])
    # Without consent, phone, citizen ID and note are not kept (core.privacy.consent): a refusal in the sheet blanks
    # them, and the sheet cannot add them to someone on file who refused.
    allowed = restrict_to_consent({k: new for k, (_, new) in out.items()}, old)
    return {
        k: (old.get(k), v) for k, v in allowed.items() if v != old.get(k) and not (v in (None, "") and not old.get(k))
    }
