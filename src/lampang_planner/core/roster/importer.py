"""Roster import from the office's Excel workbook: read → plan (a preview that writes nothing) → apply.

``plan_import(store, path, workshop_id)`` reads the workbook (refusing what is not a readable .xlsx, an encrypted
or old-style file, or a sheet without a recognisable header, with a Thai-first ``UserError``), cleans every row and
decides, row by row:

- **rejected**: a value is wrong (bad citizen ID check digit, unknown tambon, phone, type...) or the row does not say
  enough to tell the person apart (only a name); the reason is given in Thai and English;
- **duplicate**: the same person as an earlier row of the sheet, or a row that matches more than one person on file;
- **update**: a person on file — same citizen ID, else the same name and the same phone or tambon (else, for rows
  with neither, the same organisation or district), never one with a different citizen ID — whose details the sheet
  changes; cells left empty never erase what is on file;
- **unchanged**: that person, already as the sheet says;
- **add**: a new person.

``apply_import(store, plan)`` backs the database up (``store.backup``) and writes the adds, updates and (with a
workshop) the invitations in ONE transaction. If the data changed since the preview, the plan is made again inside
that transaction, so what is written always matches the data it was checked against. Importing the same sheet again
plans only "unchanged" rows and writes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import create_person, invite_in
from lampang_planner.core.privacy.consent import refused
from lampang_planner.core.read.lookups import require_live_workshop
from lampang_planner.core.roster.matching import PeopleIndex, Who, data_basis, load_people
from lampang_planner.core.roster.plan import (
    ADD,
    DUPLICATE,
    REJECTED,
    STATUS_LABELS,
    STATUSES,
    UNCHANGED,
    UPDATE,
    PlanRow,
    RosterPlan,
)
from lampang_planner.core.roster.reading import ParsedRoster, SheetRow, read_roster
from lampang_planner.core.roster.row_cleaning import changes_to, clean_row

# Importable from here, as before the split into reading / plan / matching / row_cleaning.
__all__ = [
    "ADD",
    "DUPLICATE",
    "REJECTED",
    "STATUSES",
    "STATUS_LABELS",
    "UNCHANGED",
    "UPDATE",
    "ParsedRoster",
    "PlanRow",
    "RosterPlan",
    "SheetRow",
    "apply_import",
    "import_roster",
    "plan_import",
    "read_roster",
    "report_json",
]

# --- planning ------------------------------------------------------------------------------------------------------

_NOT_ENOUGH = (
    "ข้อมูลไม่พอแยกแยะบุคคล ต้องมีเบอร์โทรศัพท์ ตำบล อำเภอ หน่วยงาน หรือเลขประจำตัวประชาชนอย่างน้อยหนึ่งอย่าง",
    "not enough to tell this person apart: give a phone, tambon, district, organisation or citizen ID",
)


_NOT_ENOUGH_WITHOUT_CONSENT = (
    "ไม่ได้รับความยินยอมจึงไม่เก็บเบอร์โทรศัพท์และเลขประจำตัวประชาชน ต้องมีตำบล อำเภอ หรือหน่วยงานเพื่อแยกแยะบุคคล",
    "consent refused, so phone and citizen ID are not kept: give a tambon, district or organisation to tell this "
    "person apart",
)


def _make_plan(db: sqlite3.Connection, source: ParsedRoster, workshop_id: str | None) -> RosterPlan:
    if workshop_id:
        require_live_workshop(db, workshop_id)
    basis = data_basis(db)
    planner = _Planner(*load_people(db), multi_sheet=source.multi_sheet)
    for sr in source.rows:
        planner.plan(sr)
    out = planner.out
    to_invite = 0
    if workshop_id:
        invited = {
            r[0]
            for r in db.execute("SELECT person_id FROM invitation WHERE workshop_id=? AND deleted=0", (workshop_id,))
        }
        to_invite = sum(
            1 for r in out if r.status == ADD or (r.status in (UPDATE, UNCHANGED) and r.person_id not in invited)
        )
    return RosterPlan(source, workshop_id, tuple(out), basis, to_invite)


class _Planner:
    """Decides the rows of one sheet in order: each against the people on file and the rows accepted before it."""

    def __init__(self, existing: PeopleIndex, people: dict[str, dict], *, multi_sheet: bool) -> None:
        self.existing, self.people, self.multi_sheet = existing, people, multi_sheet
        self.seen = PeopleIndex()  # accepted rows of this import, keyed by position in `out`
        self.claimed: dict[str, int] = {}  # person id → position of the row that resolved to it
        self.out: list[PlanRow] = []

    def plan(self, sr: SheetRow) -> None:
        clean, given, reasons, display = clean_row(sr)
        base = PlanRow(sr.sheet, sr.row, REJECTED, display)
        if reasons:
            self.out.append(replace(base, reasons=tuple(reasons)))
            return
        who = Who.of(clean)
        if not who.identifiable:
            withheld = refused(clean.get("consent")) and {"phone", "citizen_id"} & given
            self.out.append(replace(base, reasons=(_NOT_ENOUGH_WITHOUT_CONSENT if withheld else _NOT_ENOUGH,)))
            return
        earlier = self.seen.match(who)
        if earlier:
            self.out.append(_duplicate(base, self.out[min(earlier)], self.multi_sheet))  # type: ignore[call-overload]
            return
        hits = self.existing.match(who)
        if len(hits) > 1:
            self.out.append(_ambiguous(base, hits))
            return
        if hits:
            pid = str(hits[0])
            if pid in self.claimed:
                self.out.append(_duplicate(base, self.out[self.claimed[pid]], self.multi_sheet))
                return
            changes = changes_to(self.people[pid], clean, given)
            status = UPDATE if changes else UNCHANGED
            fields = {k: new for k, (_, new) in changes.items()}
            row = replace(base, status=status, person_id=pid, fields=fields, changes=changes)
            self.claimed[pid] = len(self.out)
        else:
            row = replace(base, status=ADD, fields=clean)
        self.seen.add(len(self.out), who)
        self.out.append(row)


def _ambiguous(base: PlanRow, hits) -> PlanRow:
    names = ", ".join(sorted(str(h) for h in hits)[:3])
    reason = (
        f"ตรงกับรายชื่อที่มีอยู่แล้วมากกว่าหนึ่งคน ({len(hits)} คน) กรุณาตรวจสอบและแก้ไขด้วยตนเอง",
        f"matches {len(hits)} people already on file ({names}); resolve by hand",
    )
    return replace(base, status=DUPLICATE, reasons=(reason,))


def _duplicate(base: PlanRow, first: PlanRow, multi: bool) -> PlanRow:
    where = first.where(multi and first.sheet != base.sheet)
    return replace(
        base,
        status=DUPLICATE,
        person_id=first.person_id,
        duplicate_of=first.row,
        duplicate_sheet=first.sheet,
        reasons=((f"ซ้ำกับแถว {where}", f"same person as row {where}"),),
    )


def plan_import(store: Store, source: Path | str | ParsedRoster, workshop_id: str | None = None) -> RosterPlan:
    """The preview: what importing the workbook would do. Reads the file and the data; writes nothing.

    Raises UserError (Thai first) for a file that is not a readable .xlsx, is encrypted, has no recognisable header,
    or for an unknown workshop."""
    parsed = source if isinstance(source, ParsedRoster) else read_roster(source)
    return _make_plan(store.db, parsed, workshop_id)


def apply_import(store: Store, plan: RosterPlan) -> RosterPlan:
    """Write what ``plan`` says, after a backup, in one transaction; returns the plan as applied.

    If the data changed since the plan was made, the plan is made again inside the transaction first."""
    if plan.applied:
        raise ValueError("this plan has already been applied")
    current = plan
    if data_basis(store.db) != plan.basis:
        current = _make_plan(store.db, plan.source, plan.workshop_id)
    if not current.has_writes:
        return replace(current, applied=True)
    backup = store.backup("before-roster-import")
    with store.transaction() as tx:
        if data_basis(tx.db) != current.basis:
            current = _make_plan(tx.db, plan.source, plan.workshop_id)
        rows: list[PlanRow] = []
        for r in current.rows:
            if r.status == ADD:
                pid = create_person(tx, r.fields)
                r = replace(r, person_id=pid)
            elif r.status == UPDATE and r.person_id:
                tx.update("person", r.person_id, r.fields)
            rows.append(r)
        by_row = {(r.sheet, r.row): r.person_id for r in rows}
        rows = [
            replace(r, person_id=by_row.get((r.duplicate_sheet, r.duplicate_of)))
            if r.status == DUPLICATE and r.duplicate_of is not None and r.person_id is None
            else r
            for r in rows
        ]
        invited = 0
        if current.workshop_id:
            ids = list(dict.fromkeys(r.person_id for r in rows if r.status in (ADD, UPDATE, UNCHANGED) and r.person_id))
            invited = invite_in(tx, current.workshop_id, ids)
    return replace(current, rows=tuple(rows), to_invite=invited, applied=True, backup=backup)


def import_roster(
    store: Store, path: Path | str, workshop_id: str | None = None, *, dry_run: bool = False
) -> RosterPlan:
    """Plan and (unless ``dry_run``) apply: the command line's ``roster import``."""
    plan = plan_import(store, path, workshop_id)
    return plan if dry_run else apply_import(store, plan)


def report_json(plan: RosterPlan) -> str:
    return json.dumps(plan.as_json(), ensure_ascii=False)
