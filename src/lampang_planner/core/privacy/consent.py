"""Consent: a person without consent keeps only what attendance needs (:data:`.fields.ATTENDANCE_FIELDS`).

Consent is recorded on the person (``consent`` True with ``consent_date``, or False). The rule applies when consent
is *refused* (False): phone, citizen ID and note are not stored — values given with a refusal are checked (a
malformed one is still reported) and then dropped — and removing consent from someone who had given it blanks them
(a synced change, so every copy forgets). ``None`` means the question was never asked, as for people on an office
roster the PAO holds for its own workshops (its public task); the walk-in form and the person dialog always ask, so
everyone registered at a venue is True or False.

The rule is enforced in the core, on every write path that creates or edits a person: ``ops.people.clean_person``
(add, walk-in registration, roster rows) and ``ops.people.update_person`` (edits that do not mention consent are
checked against the person's stored consent)."""

from __future__ import annotations

from lampang_planner.core.privacy.fields import CONSENT_ONLY_FIELDS


def refused(consent: object) -> bool:
    """True for a recorded refusal (False, 0); None / missing means not asked."""
    return consent is not None and not bool(consent)


def restrict_to_consent(fields: dict, current: dict | None = None) -> dict:
    """``fields`` (a person's new values) with the consent-only fields set to None when consent is refused — by
    ``fields["consent"]`` if present, else by the ``current`` row's. Returns a new dict; other fields untouched.

    Fields are set to None (not dropped) so that an edit withdrawing consent also blanks what was stored."""
    consent = fields["consent"] if "consent" in fields else (current or {}).get("consent")
    if not refused(consent):
        return fields
    out = dict(fields)
    for f in CONSENT_ONLY_FIELDS:
        if f in out or (current or {}).get(f) not in (None, ""):
            out[f] = None
    return out
