"""Check-in from the Thai national ID card: the card identifies the person; what it may leave behind is decided here.

- A person on file with the card's citizen ID (merges followed: a merged-away row leads to the person it became) is
  checked in exactly as a scan would (:func:`ops.checkin.check_in_person`, one transaction).
- No one on file with it: nothing is written; the desk gets :attr:`CardCheckin.walk_in`, the walk-in form's fields
  filled from the card, and registers the person through ``register_walk_in`` with consent asked as always.
- An expired card is accepted; the result carries a note for the desk.

What the card may store (PDPA, see :mod:`lampang_planner.core.privacy`): the name and its prefix, and the district
and tambon of the address (attendance fields, kept with or without consent: the counts by tambon need them). The
citizen ID and the registered address only for a workshop that pays allowances (``Workshop.pays_allowances``: the
finance section needs them for the payment), and only with consent (``ops.people.clean_person`` drops them on a
refusal; they are among the fields a purge or an erasure forgets and a field laptop seals in its bundles). Birth date, sex, English name, issuer, card dates and
the photo are never stored (the photo is not even read).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.devices.thai_id_card import ThaiIdCard
from lampang_planner.core.ops.checkin import CheckinResult, _require_workshop, check_in_person
from lampang_planner.core.ops.workshops import update_workshop
from lampang_planner.core.thai.citizen_id import normalise_citizen_id

_HOPS = 8


@dataclass(frozen=True)
class CardCheckin:
    """What inserting a card did: ``result`` (checked in / already) or ``walk_in`` (no one on file: the form's
    fields), and ``note_th``/``note_en`` for an expired card."""

    card: ThaiIdCard
    result: CheckinResult | None = None
    walk_in: dict | None = None
    note_th: str = ""
    note_en: str = ""

    def note(self, lang: str = "th") -> str:
        return self.note_en if lang == "en" else self.note_th


def _live_person_id(store: Store, person_id: str) -> str | None:
    """The live person a row is, following ``merged_into``; None when the chain ends in a removed row."""
    pid: str | None = person_id
    for _ in range(_HOPS):
        row = store.db.execute("SELECT deleted, merged_into FROM person WHERE id=?", (pid,)).fetchone()
        if row is None:
            return None
        deleted, merged_into = row
        if not merged_into:
            return None if deleted else pid
        pid = merged_into
    return None


def find_by_citizen_id(store: Store, citizen_id: str, workshop_id: str | None = None) -> str | None:
    """The live person id holding ``citizen_id`` (a merged-away row leads to its survivor). When two live people
    share it (a duplicate not merged yet), the one invited to ``workshop_id`` wins, then the oldest row."""
    cid = normalise_citizen_id(citizen_id)
    if not cid:
        return None
    rows = [r[0] for r in store.db.execute("SELECT id FROM person WHERE citizen_id=? ORDER BY id", (cid,))]
    live: list[str] = []
    for pid in rows:
        target = _live_person_id(store, pid)
        if target is not None and target not in live:
            live.append(target)
    if len(live) > 1 and workshop_id:
        invited = {
            r[0]
            for r in store.db.execute(
                "SELECT person_id FROM invitation WHERE workshop_id=? AND deleted=0", (workshop_id,)
            )
        }
        live.sort(key=lambda p: p not in invited)
    return live[0] if live else None


def workshop_pays_allowances(store: Store, workshop_id: str) -> bool:
    """Whether the workshop pays allowances (``Workshop.pays_allowances``, synced: the office sets it in the kit or
    the desk at the venue): ID cards then leave the citizen ID and address, with consent. Off unless set."""
    row = store.db.execute("SELECT pays_allowances FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    return bool(row and row[0])


def set_pays_allowances(store: Store, workshop_id: str, on: bool) -> bool:
    """Record whether the workshop pays allowances (one synced write). Returns whether anything changed."""
    return update_workshop(store, workshop_id, {"pays_allowances": bool(on)})


def walk_in_fields(card: ThaiIdCard, *, pays_allowances: bool) -> dict:
    """The walk-in form's fields from the card (consent is left for the desk to ask)."""
    fields: dict = {
        "prefix": card.name_th.prefix,
        "first_name": card.name_th.given,
        "last_name": card.name_th.last,
        "district_code": card.address.district_code or None,
        "subdistrict_code": card.address.subdistrict_code or None,
    }
    if pays_allowances:
        fields["citizen_id"] = card.citizen_id
        fields["address"] = card.address.text or None
    return fields


def check_in_card(
    store: Store,
    workshop_id: str,
    card: ThaiIdCard,
    *,
    pays_allowances: bool | None = None,
    desk: str | None = None,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
) -> CardCheckin:
    """Check in the card's holder if they are on file (one transaction), else return the walk-in fields (nothing
    written). ``pays_allowances`` None: the workshop's own flag (:func:`workshop_pays_allowances`). Raises UserError for an
    unknown workshop."""
    _require_workshop(store, workshop_id)
    note_th, note_en = card.expiry_note()
    pid = find_by_citizen_id(store, card.citizen_id, workshop_id)
    if pid is None:
        paid = workshop_pays_allowances(store, workshop_id) if pays_allowances is None else pays_allowances
        store_fields = walk_in_fields(card, pays_allowances=paid)
        return CardCheckin(card, walk_in=store_fields, note_th=note_th, note_en=note_en)
    result = check_in_person(store, workshop_id, pid, desk=desk, at=at, session_id=session_id, via="idcard")
    return CardCheckin(card, result=result, note_th=note_th, note_en=note_en)
