"""Which fields of a person are personal data, and what is left once a person is forgotten.

Decisions (issue #8):

- **Without consent** a person keeps only what attendance needs: the name and its prefix (to find them at the desk
  and on the sign-in sheet), organisation and position (printed on the sign-in sheet, the evidence for allowances),
  participant type and tambon/district (the counts by organisation type and tambon), the badge code, and the consent
  record itself. Phone number, citizen ID, address and the free-text note are kept **only with consent** (citizen ID
  and address come from an ID card only for a workshop that pays allowances: ``ops.card_checkin``).
- **Purge** (retention passed) and **erasure** (a rights request) forget :data:`FORGOTTEN_FIELDS`: every name part,
  organisation, position, phone, citizen ID and note. Organisation goes too: with the position ("นายก อบต.ศาลา")
  it names one person. What stays is not personal on its own and keeps the statistics true: participant type,
  tambon/district, the badge code (a random short code), consent record, merge link, and every attendance,
  invitation, ballot, need and vote row (they carry only the person's random id).
- After a purge the first name reads :data:`PURGED_NAME`; after an erasure :data:`ERASED_NAME` and the row is a
  tombstone. These placeholders also mark, in the change log, the writes that did the forgetting
  (see :mod:`lampang_planner.core.privacy.forget`).
"""

from __future__ import annotations

from lampang_planner.core.schema import SCHEMA

CONSENT_ONLY_FIELDS: tuple[str, ...] = ("phone", "citizen_id", "address", "note")
"""Kept only for a person who gave consent."""

ATTENDANCE_FIELDS: tuple[str, ...] = tuple(c for c in SCHEMA["person"].content if c not in CONSENT_ONLY_FIELDS)
"""What a person without consent keeps: what attendance needs."""

FORGOTTEN_FIELDS: tuple[str, ...] = (
    "prefix",
    "first_name",
    "last_name",
    "organisation",
    "position",
    "phone",
    "citizen_id",
    "address",
    "note",
)
"""Blanked by a retention purge and by an erasure (``first_name`` takes the placeholder)."""

PURGED_NAME = "(ลบข้อมูลตามระยะเวลาเก็บรักษา)"
"""The first name of a person whose data was purged at the end of its retention period."""

ERASED_NAME = "(ลบข้อมูลตามคำขอของเจ้าของข้อมูล)"
"""The first name of a person erased at their own request."""

PLACEHOLDERS = (PURGED_NAME, ERASED_NAME)


def forgotten_values(placeholder: str) -> dict:
    """The values a purge (``PURGED_NAME``) or an erasure (``ERASED_NAME``) writes."""
    out: dict = dict.fromkeys(FORGOTTEN_FIELDS)
    out["first_name"] = placeholder
    return out


def is_forgotten(row: dict) -> bool:
    """True when a person row holds nothing of :data:`FORGOTTEN_FIELDS` but a placeholder."""
    return row.get("first_name") in PLACEHOLDERS and all(row.get(f) in (None, "") for f in FORGOTTEN_FIELDS
                                                           if f != "first_name")
