"""Merging people who are one person: one transaction of ordinary synced writes (so it travels in bundles like any
edit). The survivor is the smallest id, its empty fields are filled from the others, every invitation, attendance and
named ballot of the others moves to it, and the others stay with ``merged_into`` set (their badges still check in).
Finding the candidates: :mod:`.duplicates`."""

from __future__ import annotations

import json
from collections.abc import Iterable

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import PERSON_FIELDS
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.schema import attendance_id, natural_id

_MERGE_FILL = tuple(f for f in PERSON_FIELDS if f not in ("consent", "consent_date"))


def _live_person(tx: Tx, pid: str) -> dict:
    row = tx.read("person", pid)
    if row is None or row["deleted"]:
        raise UserError("ไม่พบบุคคลนี้", f"No person with id {pid}", code="unknown-person")
    if row["merged_into"]:
        raise UserError(
            "บุคคลนี้ถูกรวมกับคนอื่นไปแล้ว", f"Person {pid} has already been merged into another", code="already-merged"
        )
    return row


def _move_facts(tx: Tx, survivor: str, other: str) -> dict[str, int]:
    moved = {"invitation": 0, "attendance": 0, "ballot": 0}
    db = tx.db
    tx.flush()
    for (wid,) in db.execute(
        "SELECT workshop_id FROM invitation WHERE person_id=? AND deleted=0", (other,)
    ).fetchall():
        tx.record("invitation", natural_id("invitation", wid, survivor), {"workshop_id": wid, "person_id": survivor})
        tx.delete("invitation", natural_id("invitation", wid, other))
        moved["invitation"] += 1
    for aid, wid, sid, scans, kinds, keyed in db.execute(
        "SELECT id, workshop_id, session_id, scans, kinds, keyed_by FROM attendance WHERE person_id=? AND deleted=0",
        (other,),
    ).fetchall():
        fields = {"workshop_id": wid, "person_id": survivor, "session_id": sid, "scans": json.loads(scans or "{}"),
                  "kinds": json.loads(kinds or "{}"), "keyed_by": json.loads(keyed or "{}")}  # fmt: skip
        tx.record("attendance", attendance_id(wid, survivor, sid), fields)
        tx.delete("attendance", aid)
        moved["attendance"] += 1
    for bid, vid, choice in db.execute(
        "SELECT id, vote_id, choice FROM ballot WHERE person_id=? AND deleted=0", (other,)
    ).fetchall():
        target = natural_id("ballot", vid, survivor)
        current = tx.read("ballot", target)
        if current is None or current["deleted"]:  # the survivor's own ballot, if any, stands
            tx.record("ballot", target, {"vote_id": vid, "person_id": survivor, "choice": choice})
        tx.delete("ballot", bid)
        moved["ballot"] += 1
    return moved


def merge_people(
    store: Store, person_ids: Iterable[str], prefer: str | None = None, *, office: OfficePass | str | None = None
) -> str:
    """Merge people into one (see the module docstring). One transaction; returns the survivor's id. Office-only
    (``office``: the office PIN or a pass for it, ``core.privacy.pin``)."""
    authorise_office(store, office)
    ids = sorted(set(person_ids))
    if len(ids) < 2:
        raise UserError("เลือกอย่างน้อยสองคนเพื่อรวมกัน", "Choose at least two people to merge", code="invalid")
    if prefer is not None and prefer not in ids:
        raise ValueError("prefer must be one of the people merged")
    survivor = ids[0]
    with store.transaction() as tx:
        people = {pid: _live_person(tx, pid) for pid in ids}
        order = [prefer] + [p for p in ids if p != prefer] if prefer else ids
        fill: dict = {}
        for f in _MERGE_FILL:
            for pid in order:
                v = people[pid][f]
                if v not in (None, ""):
                    if v != people[survivor][f]:
                        fill[f] = v
                    break
        if any(people[p]["consent"] for p in ids) and not people[survivor]["consent"]:
            src = next(p for p in order if people[p]["consent"])
            fill["consent"], fill["consent_date"] = True, people[src]["consent_date"]
        if fill:
            tx.update("person", survivor, fill)
        for other in ids[1:]:
            _move_facts(tx, survivor, other)
            tx.update("person", other, {"merged_into": survivor})
    return survivor


def tidy_merged(store: Store, *, office: OfficePass | str | None = None) -> int:
    """Move facts that still point at merged-away people (check-ins a laptop made before it heard of the merge)
    to the person they were merged into. One transaction; returns how many facts moved. Office-only (``office``)."""
    authorise_office(store, office)
    rows = store.query(
        "SELECT DISTINCT p.id, p.merged_into FROM person p WHERE p.merged_into IS NOT NULL AND p.deleted=0 AND ("
        " EXISTS (SELECT 1 FROM invitation i WHERE i.person_id=p.id AND i.deleted=0) OR"
        " EXISTS (SELECT 1 FROM attendance a WHERE a.person_id=p.id AND a.deleted=0) OR"
        " EXISTS (SELECT 1 FROM ballot b WHERE b.person_id=p.id AND b.deleted=0))"
    )
    if not rows:
        return 0
    target = dict(store.query("SELECT id, merged_into FROM person WHERE merged_into IS NOT NULL"))

    def final(pid: str) -> str:
        for _ in range(16):
            nxt = target.get(pid)
            if not nxt:
                break
            pid = nxt
        return pid

    n = 0
    with store.transaction() as tx:
        for pid, _into in rows:
            n += sum(_move_facts(tx, final(pid), pid).values())
    return n


def pending_moves(store: Store) -> int:
    """How many live facts point at merged-away people (see :func:`tidy_merged`)."""
    return int(
        store.scalar(
            "SELECT (SELECT COUNT(*) FROM invitation i JOIN person p ON p.id=i.person_id"
            "        WHERE i.deleted=0 AND p.merged_into IS NOT NULL)"
            " + (SELECT COUNT(*) FROM attendance a JOIN person p ON p.id=a.person_id"
            "        WHERE a.deleted=0 AND p.merged_into IS NOT NULL)"
            " + (SELECT COUNT(*) FROM ballot b JOIN person p ON p.id=b.person_id"
            "        WHERE b.deleted=0 AND p.merged_into IS NOT NULL)"
        )
        or 0
    )
