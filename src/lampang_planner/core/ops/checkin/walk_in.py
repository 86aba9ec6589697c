"""Registering a walk-in at the desk: the person, the invitation and the attendance in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.ops.checkin.desk import bangkok_iso, desk_of
from lampang_planner.core.ops.checkin.lookup import _PERSON_COLS, _require_workshop
from lampang_planner.core.ops.checkin.results import CheckinResult, Via
from lampang_planner.core.ops.checkin.scan import _base_result, _read_state, _record
from lampang_planner.core.ops.people import clean_person, create_person
from lampang_planner.core.ops.sessions import resolve_session
from lampang_planner.core.schema import attendance_id, natural_id


def register_walk_in(
    store: Store,
    workshop_id: str,
    fields: dict,
    desk: str | None = None,
    *,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
) -> CheckinResult:
    """Register someone not on any list: person (validated by ``clean_person``), invitation and attendance in ONE
    transaction. The result carries the new person's code (for printing their badge). Raises ValidationError with
    Thai and English reasons per field; nothing is written then.

    The desk must ask for PDPA consent: ``fields["consent"]`` is True or False, never missing. Without consent only
    what attendance needs is kept (``core.privacy.consent``: no phone, citizen ID or note).
    """
    _require_workshop(store, workshop_id)
    problems: dict[str, tuple[str, str]] = {}
    try:
        clean_person(fields)  # validate before taking the write lock
    except ValidationError as exc:
        problems.update(exc.problems)
    if fields.get("consent") is None:
        problems["consent"] = (
            "ต้องถามความยินยอมในการเก็บข้อมูลส่วนบุคคล (ยินยอม หรือ ไม่ยินยอม)",
            "Ask the person for consent to keep their personal data (agrees or does not agree)",
        )
    if problems:
        raise ValidationError(problems)
    this_desk, when = desk_of(store, desk), bangkok_iso(at)
    sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    with store.transaction() as tx:
        pid = create_person(tx, fields)
        tx.flush()
        person = dict(zip(_PERSON_COLS, tx.db.execute(
            f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE id=?", (pid,)
        ).fetchone(), strict=True))  # fmt: skip
        base = _base_result(workshop_id, person, "", this_desk, when, sid)
        aid = attendance_id(workshop_id, pid, sid)
        iid = natural_id("invitation", workshop_id, pid)
        outcome = _record(tx, base, aid, iid, _read_state(tx.db, aid, iid), Via.WALK_IN)
    return replace(base, **outcome, person_created=True)
