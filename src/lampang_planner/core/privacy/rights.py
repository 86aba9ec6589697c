"""Rights requests of a data subject: everything held on one person (:func:`export_person`), and erasure
(:func:`erase_person`) that travels through bundles like a delete and leaves no personal value behind here.

A "person" is a merge group: the row asked for, the row it was merged into and every row merged into that
(:func:`.links.merge_group`), since duplicates of one person registered on two laptops hold the same person's data.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner import __version__
from lampang_planner.core.atomic import PRIVATE_FILE, write_atomically
from lampang_planner.core.audit import parse_author, stamp_time
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import BACKUP_DIRNAME
from lampang_planner.core.privacy.fields import ERASED_NAME, PLACEHOLDERS, is_forgotten
from lampang_planner.core.privacy.forget import checkpoint, forget_people, secure_delete
from lampang_planner.core.privacy.links import merge_group
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.privacy.retention import expiry_date
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.tables import TABLES
from lampang_planner.core.thai.collation import fold_for_search
from lampang_planner.core.thai.dates import now_lampang
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType, VoteChoice

EXPORT_FORMAT = "lampang-planner/person-export"
EXPORT_VERSION = 1

ABOUT_TH = (
    "ข้อมูลทั้งหมดที่โปรแกรม Lampang Planner ในเครื่องนี้เก็บเกี่ยวกับบุคคลนี้ ส่งออกตามคำขอของเจ้าของข้อมูล "
    "(พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562): ข้อมูลบุคคล (person) ระเบียนที่รวมเข้าด้วยกัน (merged_records) "
    "การเชิญ (invitations) การลงทะเบียนเข้าร่วมพร้อมโต๊ะและเวลา (attendance) การลงคะแนนรายบุคคล (ballots) "
    "ข้อความที่ระบุชื่อบุคคลนี้ในความต้องการของชุมชนและคำแปรญัตติ (mentions) "
    "ประวัติการแก้ไขข้อมูลบุคคล (history) และข้อขัดแย้งที่รอตรวจสอบ (conflicts)"
)
ABOUT_EN = (
    "Everything Lampang Planner on this machine holds about this person, exported at the data subject's request "
    "(Personal Data Protection Act B.E. 2562): the person record, records merged into it, invitations, attendance "
    "with desks and times, ballots cast by name, free-text mentions of the name in community needs and amendments, "
    "the change history of the person's record, and open conflicts on it."
)

_PERSON_COLS = tuple(c for c in TABLES["person"].columns if c != "clocks")


def _now() -> dt.datetime:
    return now_lampang().replace(microsecond=0)


def _person_rows(store: Store, ids: list[str]) -> list[dict]:
    q = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE id IN ({','.join('?' * len(ids))})"
    rows = {r[0]: dict(zip(_PERSON_COLS, r, strict=True)) for r in store.db.execute(q, ids)}
    return [rows[i] for i in ids if i in rows]


def _group(store: Store, person_id: str) -> list[str]:
    if store.db.execute("SELECT 1 FROM person WHERE id=?", (person_id,)).fetchone() is None:
        raise UserError(f"ไม่พบบุคคลรหัส {person_id}", f"No person with id {person_id}", code="unknown-person")
    return merge_group(store.db, person_id)


def _describe(p: dict) -> dict:
    """A person row for people to read: the stored values plus labels for codes."""
    out = {k: (bool(v) if k in ("deleted", "consent") and v is not None else v) for k, v in p.items()}
    dv = divisions()
    try:
        pt = ParticipantType(p.get("participant_type") or "")
        out["participant_type_label"] = {"th": pt.th, "en": pt.en}
    except ValueError:
        pass
    if (d := dv.districts.get(p.get("district_code") or "")) is not None:
        out["district"] = {"th": d.name_th, "en": d.name_en}
    if (s := dv.subdistricts.get(p.get("subdistrict_code") or "")) is not None:
        out["subdistrict"] = {"th": s.name_th, "en": s.name_en}
    return out


def _in(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def _workshop(row: tuple) -> dict:
    wid, title, start, end, days = row
    expires = expiry_date({"start_date": start, "end_date": end, "retention_days": days})
    return {"workshop_id": wid, "workshop_title": title, "start_date": start, "end_date": end,
            "personal_data_purge_due_on": expires.isoformat() if expires else None}


def name_patterns(p: dict) -> list[str]:
    """Folded texts that name this person in free text: "first last" (or the first name alone when it is all)."""
    first, last = (p.get("first_name") or "").strip(), (p.get("last_name") or "").strip()
    if not first or first in PLACEHOLDERS:
        return []
    return [fold_for_search(f"{first} {last}" if last else first)]


def _mentions(store: Store, rows: list[dict]) -> dict[str, list[dict]]:
    pats = sorted({pat for p in rows for pat in name_patterns(p)})
    out: dict[str, list[dict]] = {"needs": [], "need_status_changes": [], "amendments": []}
    if not pats:
        return out

    def hit(text: str | None) -> bool:
        return bool(text) and any(p in fold_for_search(text) for p in pats)

    for nid, wid, title, raised_by in store.db.execute(
        "SELECT id, workshop_id, title, raised_by FROM need WHERE deleted=0 AND raised_by IS NOT NULL"
    ):
        if hit(raised_by):
            out["needs"].append({"need_id": nid, "workshop_id": wid, "title": title, "raised_by": raised_by})
    for sid, nid, changed_by, note in store.db.execute(
        "SELECT id, need_id, changed_by, note FROM need_status_change WHERE deleted=0"
    ):
        if hit(changed_by) or hit(note):
            out["need_status_changes"].append({"id": sid, "need_id": nid, "changed_by": changed_by, "note": note})
    for aid, cid, wid, mover, seconder, text in store.db.execute(
        "SELECT id, clause_id, workshop_id, mover, seconder, text FROM amendment WHERE deleted=0"
    ):
        if hit(mover) or hit(seconder):
            out["amendments"].append({"amendment_id": aid, "clause_id": cid, "workshop_id": wid, "mover": mover,
                                      "seconder": seconder, "text": text})
    return out


_WORKSHOP_COLS = "w.id, w.title, w.start_date, w.end_date, w.retention_days"


def person_record(store: Store, person_id: str) -> dict:
    """Everything held on one person (see :data:`ABOUT_EN`), as a JSON-ready dict."""
    ids = _group(store, person_id)
    rows = _person_rows(store, ids)
    db = store.db
    invitations = _invitations(db, ids)
    attendance = _attendance(db, ids)
    ballots = _ballots(db, ids)
    history = _history(db, ids)
    conflicts = _conflicts(db, ids)
    main = rows[0] if rows else {"id": person_id}
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "about": {"th": ABOUT_TH, "en": ABOUT_EN},
        "exported_at": _now().isoformat(),
        "exported_by": store.author,
        "program": f"Lampang Planner {__version__}",
        "data_folder": {"device_id": store.device_id, "device_name": store.device_name, "role": store.role},
        "person": _describe(main),
        "merged_records": [_describe(p) for p in rows[1:]],
        "invitations": invitations,
        "attendance": attendance,
        "ballots": ballots,
        "mentions": _mentions(store, rows),
        "history": history,
        "conflicts": conflicts,
    }



def _invitations(db, ids: list[str]) -> list[dict]:
    """The person's invitations (withdrawn ones too), with their workshops."""
    wcols = _WORKSHOP_COLS
    invitations = [
        {"invitation_id": r[0], "person_id": r[1], "withdrawn": bool(r[2]), **_workshop(r[3:])}
        for r in db.execute(
            f"SELECT i.id, i.person_id, i.deleted, {wcols} FROM invitation i LEFT JOIN workshop w ON w.id=i.workshop_id"
            f" WHERE i.person_id IN ({_in(ids)}) ORDER BY w.start_date, i.id", ids)
    ]  # fmt: skip
    return invitations


def _attendance(db, ids: list[str]) -> list[dict]:
    """The person's check-ins (undone ones too): desks, scans and how, with their workshops."""
    wcols = _WORKSHOP_COLS
    attendance = []
    for r in db.execute(
        f"SELECT a.id, a.person_id, a.deleted, a.checked_in_at, a.desk, a.scans, {wcols}, a.session_id, a.kinds "
        "FROM attendance a "
        f"LEFT JOIN workshop w ON w.id=a.workshop_id WHERE a.person_id IN ({_in(ids)}) ORDER BY a.checked_in_at, a.id",
        ids,
    ):
        scans = json.loads(r[5]) if r[5] else {}
        attendance.append({"attendance_id": r[0], "person_id": r[1], "undone": bool(r[2]), "checked_in_at": r[3],
                           "first_desk": r[4], "scans_by_desk": scans, **_workshop(r[6:-2]), "session_id": r[-2],
                           "how_by_desk": json.loads(r[-1]) if r[-1] else {}})
    return attendance


def _ballots(db, ids: list[str]) -> list[dict]:
    """The person's named ballots, with the vote, clause and resolution they were cast in."""
    ballots = []
    for r in db.execute(
        "SELECT b.id, b.person_id, b.deleted, b.choice, v.id, v.workshop_id, w.title, c.number, r.title, "
        "v.amendment_id FROM ballot b LEFT JOIN vote v ON v.id=b.vote_id LEFT JOIN workshop w ON w.id=v.workshop_id "
        "LEFT JOIN clause c ON c.id=v.clause_id LEFT JOIN resolution r ON r.id=c.resolution_id "
        f"WHERE b.person_id IN ({_in(ids)}) ORDER BY w.start_date, c.number, b.id",
        ids,
    ):
        try:
            ch = VoteChoice(r[3] or "")
            choice_label = {"th": ch.th, "en": ch.en}
        except ValueError:
            choice_label = None
        ballots.append({"ballot_id": r[0], "person_id": r[1], "withdrawn": bool(r[2]), "choice": r[3],
                        "choice_label": choice_label, "vote_id": r[4], "workshop_id": r[5], "workshop_title": r[6],
                        "clause_number": r[7], "resolution_title": r[8], "amendment_id": r[9]})
    return ballots


def _history(db, ids: list[str]) -> list[dict]:
    """Every logged write to the person's records: when, from which device, desk and operator."""
    history = []
    for hlc, row_id, device, author, data in db.execute(
        f"SELECT hlc, row_id, device, author, data FROM change WHERE tbl='person' AND row_id IN ({_in(ids)})"
        " ORDER BY hlc",
        ids,
    ):
        name, desk, op = parse_author(author)
        history.append({"time": stamp_time(hlc).isoformat(timespec="seconds"), "person_id": row_id,
                        "device_id": device, "device_name": name, "desk": desk, "operator": op,
                        "values": json.loads(data), "hlc": hlc})
    return history


def _conflicts(db, ids: list[str]) -> list[dict]:
    """Open conflicts on the person's records."""
    conflicts = [
        {"person_id": r[0], "field": r[1], "kind": r[2], "kept_value": json.loads(r[3]) if r[3] else None,
         "other_value": json.loads(r[4]) if r[4] else None, "other_device": r[5]}
        for r in db.execute(
            "SELECT row_id, field, kind, winner_value, loser_value, loser_device FROM conflict WHERE tbl='person' "
            f"AND row_id IN ({_in(ids)}) ORDER BY row_id, field", ids)
    ]  # fmt: skip
    return conflicts


def export_person(store: Store, person_id: str, out: str | os.PathLike[str]) -> dict:
    """Write :func:`person_record` to ``out`` as indented UTF-8 JSON (Thai as is, not escaped), atomically.
    Returns the record written."""
    out = Path(out)
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ {out.parent}", f"No such folder: {out.parent}", code="no-folder")
    record = person_record(store, person_id)
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    write_atomically(out, text.encode("utf-8"), mode=PRIVATE_FILE)  # one person's data: readable by the owner only
    return record


# --- erasure -------------------------------------------------------------------------------------------------------


@dataclass
class ErasureReport:
    person_id: str
    name: str  # the name before erasure (for the confirmation; not stored anywhere)
    person_ids: list[str] = field(default_factory=list)  # the merge group erased
    already_erased: bool = False
    dry_run: bool = False
    attendance: int = 0  # rows kept (they hold only the person's random id): the counts stay true
    invitations: int = 0
    ballots: int = 0
    mentions: int = 0  # free-text mentions of the name (needs, amendments) the office should review by hand
    scrubbed: int = 0  # change-log writes scrubbed of the person's values
    backups: list[str] = field(default_factory=list)  # backup copies made before now that still hold the person

    def as_json(self) -> dict:
        return {"person_id": self.person_id, "person_ids": self.person_ids, "already_erased": self.already_erased,
                "dry_run": self.dry_run, "kept": {"attendance": self.attendance, "invitations": self.invitations,
                "ballots": self.ballots}, "free_text_mentions": self.mentions,
                "change_log_writes_scrubbed": self.scrubbed, "backups_holding_older_copies": self.backups}  # fmt: skip


def erasure_preview(store: Store, person_id: str) -> ErasureReport:
    """What :func:`erase_person` would do, without writing."""
    ids = _group(store, person_id)
    rows = _person_rows(store, ids)
    main = rows[0]
    db = store.db
    rep = ErasureReport(person_id=person_id, name=full_name(main.get("prefix") or "", main.get("first_name") or "",
                                                           main.get("last_name") or ""), person_ids=ids, dry_run=True)
    rep.already_erased = all(p["deleted"] and p["first_name"] == ERASED_NAME and is_forgotten(p) for p in rows)
    for attr, tbl in (("attendance", "attendance"), ("invitations", "invitation"), ("ballots", "ballot")):
        n = db.execute(f"SELECT COUNT(*) FROM {tbl} WHERE deleted=0 AND person_id IN ({_in(ids)})", ids).fetchone()[0]
        setattr(rep, attr, n)
    rep.mentions = sum(len(v) for v in _mentions(store, rows).values())
    folder = store.data_dir / BACKUP_DIRNAME
    rep.backups = sorted(str(p) for p in folder.glob("*.sqlite3")) if folder.is_dir() else []
    return rep


def erase_person(store: Store, person_id: str, *, office: OfficePass | str | None = None) -> ErasureReport:
    """Erase a person at their request, as ONE transaction:

    - each row of the merge group gets one synced write: tombstone, every personal field blanked
      (:data:`.fields.FORGOTTEN_FIELDS`), first name :data:`.fields.ERASED_NAME` — so it propagates through bundles
      like a delete, beats every older edit, and the receiving copy forgets too (:func:`.forget.forget_after_import`);
    - this folder's change log is scrubbed of the person's older values and the row's conflicts re-derived
      (:mod:`.forget`), with SQLite's secure delete on and the write-ahead log emptied after;
    - attendance, invitations and ballots stay (they carry only the random id), so counts and vote tallies stay.

    Backups made earlier (``backups/``) still hold the person: the report lists them. Erasing again does nothing.
    Office-only (``office``: the office PIN or a pass for it, ``core.privacy.pin``).
    """
    authorise_office(store, office)
    rep = erasure_preview(store, person_id)
    rep.dry_run = False
    if rep.already_erased:
        return rep
    with secure_delete(store), store.transaction() as tx:
        rep.scrubbed = forget_people(tx, rep.person_ids, ERASED_NAME, deleted=True)[1]
    checkpoint(store)
    return rep
