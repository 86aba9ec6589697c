"""People: validation, add/edit/delete, invitations, and the light rows the window and command line list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.privacy.consent import restrict_to_consent
from lampang_planner.core.qr import make_code
from lampang_planner.core.read.presence import MERGED, ROSTER
from lampang_planner.core.refdata import divisions
from lampang_planner.core.rows_json import fields_json
from lampang_planner.core.schema import PERSON_HEADLINE_COLUMNS, SCHEMA, natural_id
from lampang_planner.core.thai.citizen_id import is_valid_citizen_id, normalise_citizen_id
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.vocabulary import ParticipantType

PERSON_FIELDS = SCHEMA["person"].editable  # everything but the badge code and the merge link
LIST_COLUMNS = (*PERSON_HEADLINE_COLUMNS, "phone")


@dataclass(frozen=True, slots=True)
class PersonHead:
    """Who a person is at a glance (the first fields of every light person row): badge code, name, organisation."""

    id: str
    code: str
    prefix: str
    first_name: str
    last_name: str
    organisation: str


@dataclass(frozen=True, slots=True)
class PersonRow(PersonHead):
    """A light, read-only row for lists and tables."""

    participant_type: str
    district_code: str
    subdistrict_code: str
    phone: str

    def as_json(self) -> dict:
        return fields_json(self, "id code prefix first_name last_name organisation participant_type subdistrict_code")


def normalise_phone(text: str | None) -> str:
    """Digits only (Thai digits accepted); '+66 81…' becomes '081…'."""
    if not text:
        return ""
    digits = re.sub(r"\D", "", to_arabic_digits(str(text)))
    if digits.startswith("66") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def clean_person(fields: dict, *, partial: bool = False) -> dict:
    """Validate and normalise person fields. Raises ValidationError with Thai and English reasons per field."""
    out: dict = {}
    problems: dict[str, tuple[str, str]] = {}
    dv = divisions()

    def text(k: str) -> str | None:
        v = fields.get(k)
        return re.sub(r"\s+", " ", str(v)).strip() if v is not None and str(v).strip() else None

    for k in ("prefix", "first_name", "last_name", "organisation", "position", "address", "note"):
        if k in fields:
            out[k] = text(k)
    if not partial or "first_name" in fields:
        if not out.get("first_name"):
            problems["first_name"] = ("ต้องระบุชื่อ", "First name is required")
    if "participant_type" in fields or not partial:
        pt = fields.get("participant_type") or ParticipantType.OTHER.value
        pt = getattr(pt, "value", pt)
        if pt not in {p.value for p in ParticipantType}:
            problems["participant_type"] = ("ประเภทผู้เข้าร่วมไม่ถูกต้อง", f"Unknown participant type {pt!r}")
        out["participant_type"] = pt
    if "subdistrict_code" in fields or "district_code" in fields:
        sub = text("subdistrict_code")
        dis = text("district_code")
        if sub and sub not in dv.subdistricts:
            problems["subdistrict_code"] = ("ไม่พบตำบลนี้ในจังหวัดลำปาง", f"Unknown tambon code {sub}")
        elif sub:
            parent = dv.subdistricts[sub].parent
            if dis and dis != parent:
                problems["district_code"] = ("ตำบลไม่อยู่ในอำเภอที่เลือก", "The tambon is not in that district")
            dis = parent
        if dis and dis not in dv.districts:
            problems["district_code"] = ("ไม่พบอำเภอนี้ในจังหวัดลำปาง", f"Unknown district code {dis}")
        out["district_code"], out["subdistrict_code"] = dis, sub
    if "phone" in fields:
        phone = normalise_phone(fields.get("phone"))
        if phone and not re.fullmatch(r"0\d{8,9}", phone):
            problems["phone"] = ("เบอร์โทรศัพท์ไม่ถูกต้อง (9–10 หลัก ขึ้นต้นด้วย 0)", "Phone must be 9–10 digits from 0")
        out["phone"] = phone or None
    if "citizen_id" in fields:
        cid = normalise_citizen_id(fields.get("citizen_id") or "")
        if cid and not is_valid_citizen_id(cid):
            problems["citizen_id"] = ("เลขประจำตัวประชาชนไม่ถูกต้อง", "Citizen ID is not valid (13 digits, check digit)")
        out["citizen_id"] = cid or None
    if "consent" in fields:
        consent = bool(fields.get("consent"))
        out["consent"] = consent
        cdate = fields.get("consent_date")
        if consent and not cdate:
            cdate = today_lampang()
        out["consent_date"] = cdate if consent else None
        out = restrict_to_consent(out)  # without consent only what attendance needs is kept (core.privacy.consent)
    if problems:
        raise ValidationError(problems)
    return out


def _unique_code(tx: Tx, person_id: str) -> str:
    salt = 0
    while True:
        code = make_code(person_id, salt=salt)
        if tx.db.execute("SELECT 1 FROM person WHERE code=?", (code,)).fetchone() is None:
            return code
        salt += 1


def create_person(tx: Tx, fields: dict, person_id: str | None = None) -> str:
    """Inside an open transaction: validate and insert a person with a fresh short code."""
    clean = clean_person(fields)
    from lampang_planner.core.schema import new_id

    person_id = person_id or new_id()
    tx.flush()
    clean["code"] = _unique_code(tx, person_id)
    return tx.insert("person", clean, person_id)


def add_person(store: Store, fields: dict, *, workshop_id: str | None = None) -> str:
    """Add one person (and invite them to ``workshop_id``). One transaction. Without ``fields["consent"]`` the
    question counts as never asked (an office roster); a screen registering someone uses :func:`register_person`."""
    with store.transaction() as tx:
        pid = create_person(tx, fields)
        if workshop_id:
            invite_in(tx, workshop_id, [pid])
    return pid


def register_person(store: Store, fields: dict, consent: bool, *, workshop_id: str | None = None) -> str:
    """Add one person registered at a screen (the People page's dialog): ``consent`` is their answer, which a screen
    must give; without consent only what attendance needs is stored (phone, citizen ID and note are checked, then
    dropped: ``core.privacy.consent``). :func:`add_person` without a consent answer is for rosters the PAO holds."""
    return add_person(store, {**fields, "consent": bool(consent)}, workshop_id=workshop_id)


def update_person(store: Store, person_id: str, fields: dict) -> bool:
    clean = clean_person(fields, partial=True)
    with store.transaction() as tx:
        clean = restrict_to_consent(clean, tx.read("person", person_id))  # an edit that does not mention consent
        return tx.update("person", person_id, clean)


def delete_person(store: Store, person_id: str) -> bool:
    with store.transaction() as tx:
        return tx.delete("person", person_id)


def invite_in(tx: Tx, workshop_id: str, person_ids: list[str]) -> int:
    """Inside an open transaction: invite people (idempotent). Returns how many invitations were new."""
    n = 0
    for pid in person_ids:
        iid = natural_id("invitation", workshop_id, pid)
        row = tx.read("invitation", iid)
        if row is None:
            tx.insert("invitation", {"workshop_id": workshop_id, "person_id": pid}, iid)
            n += 1
        elif row["deleted"]:
            tx.update("invitation", iid, {"deleted": False})
            n += 1
    return n


def invite(store: Store, workshop_id: str, person_ids: list[str]) -> int:
    with store.transaction() as tx:
        return invite_in(tx, workshop_id, person_ids)


def get_person(store: Store, person_id: str) -> dict | None:
    cols = ("id", "code", *PERSON_FIELDS, "deleted", "merged_into")
    r = store.db.execute(f"SELECT {','.join(cols)} FROM person WHERE id=?", (person_id,)).fetchone()
    return dict(zip(cols, r, strict=True)) if r else None


# Driven from the person's own invitation and attendance rows (ix_*_person_workshop), then each workshop by its key:
# the cost follows the person's few workshops, not the number of people or of workshops.
_PERSON_WORKSHOPS = f"""
WITH RECURSIVE {MERGED}
SELECT w.title, w.start_date, IFNULL(MIN(x.checked_in_at), ''), MAX(x.invited)
FROM (SELECT workshop_id, 1 AS invited, NULL AS checked_in_at FROM invitation
      WHERE person_id IN (SELECT id FROM merged) AND deleted=0
      UNION ALL
      SELECT workshop_id, 0, checked_in_at FROM attendance
      WHERE person_id IN (SELECT id FROM merged) AND deleted=0 AND checked_in_at IS NOT NULL) AS x
JOIN workshop w ON w.id = x.workshop_id
WHERE w.deleted = 0
GROUP BY w.id
ORDER BY w.start_date, w.title
"""


def person_workshops(store: Store, person_id: str) -> list[tuple[str, str | None, str, bool]]:
    """The live workshops a person was invited to or attended: (title, start date, check-in time or "", invited),
    by start date, through every record merged into the person too. What the People page's detail pane lists."""
    rows = store.db.execute(_PERSON_WORKSHOPS, {"person": person_id})
    return [(title, start, at, bool(invited)) for title, start, at, invited in rows]


def list_people(store: Store, workshop_id: str | None = None) -> list[PersonRow]:
    """Live (not deleted, not merged) people, optionally only a workshop's roster (``core.read.presence``)."""
    cols = ",".join(f"p.{c}" for c in LIST_COLUMNS)
    if workshop_id:
        sql = f"WITH RECURSIVE {ROSTER} SELECT {cols} FROM roster r JOIN person p ON p.id = r.person_id"
        rows = store.db.execute(sql, {"workshop": workshop_id, "session": None})
    else:
        rows = store.db.execute(f"SELECT {cols} FROM person p WHERE p.deleted=0 AND p.merged_into IS NULL")
    return [PersonRow(*(v if v is not None else "" for v in r)) for r in rows]
