"""Conflicts to review: the losing value of two concurrent edits, or an edit that raced a delete.

Conflict records are derived from the change log (:mod:`lampang_planner.core.sync.apply`), identical on every machine
holding the same writes. Resolving one is an ordinary synced write that names the stamps it saw and replaced (its
``parents``): the value chosen for the field, or the row deleted or restored. Every machine that imports that write
then derives no conflict on that field either, whichever order the bundles arrive in.

- ``concurrent`` (field ``f`` of a row): keep the value now shown (``keep``) or take the other one (``take``). All
  open conflicts of that field of that row are settled together (the new write names all their stamps).
- ``edit_vs_delete``: keep the row deleted (``keep``: a new delete naming the edits) or bring it back (``restore``:
  the row undeleted, with the edits' values where they won their fields).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lampang_planner.core.audit import TABLE_LABELS, label
from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.refdata import divisions
from lampang_planner.core.rows_json import fields_json
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.names import full_name

KEEP, TAKE, RESTORE = "keep", "take", "restore"
CONCURRENT, EDIT_VS_DELETE = "concurrent", "edit_vs_delete"

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "deleted": ("ลบ", "deleted"),
    "prefix": ("คำนำหน้า", "prefix"),
    "first_name": ("ชื่อ", "first name"),
    "last_name": ("นามสกุล", "last name"),
    "organisation": ("หน่วยงาน", "organisation"),
    "position": ("ตำแหน่ง", "position"),
    "participant_type": ("ประเภทผู้เข้าร่วม", "participant type"),
    "district_code": ("อำเภอ", "district"),
    "subdistrict_code": ("ตำบล", "tambon"),
    "phone": ("โทรศัพท์", "phone"),
    "citizen_id": ("เลขประจำตัวประชาชน", "citizen ID"),
    "address": ("ที่อยู่", "address"),
    "consent": ("ความยินยอม", "consent"),
    "consent_date": ("วันที่ยินยอม", "consent date"),
    "merged_into": ("รวมเข้ากับ", "merged into"),
    "note": ("หมายเหตุ", "note"),
    "title": ("ชื่อเรื่อง", "title"),
    "start_date": ("วันเริ่ม", "start date"),
    "end_date": ("วันสิ้นสุด", "end date"),
    "venue": ("สถานที่", "venue"),
    "topics": ("หัวข้อ", "topics"),
    "facilitators": ("วิทยากร", "facilitators"),
    "description": ("รายละเอียด", "description"),
    "category": ("หมวด", "category"),
    "status": ("สถานะ", "status"),
    "rank": ("ลำดับ", "rank"),
    "dot_votes": ("คะแนนโหวต", "dot votes"),
    "text": ("ข้อความ", "text"),
    "choice": ("การลงคะแนน", "choice"),
    "for_count": ("เห็นด้วย", "for"),
    "against_count": ("ไม่เห็นด้วย", "against"),
    "abstain_count": ("งดออกเสียง", "abstain"),
    "objective": ("วัตถุประสงค์", "objective"),
    "kpi": ("ตัวชี้วัด (KPI)", "KPI"),
    "expected_result": ("ผลลัพธ์ที่คาดว่าจะได้รับ", "expected result"),
    "division": ("หน่วยงานรับผิดชอบหลัก", "responsible division"),
    "budgets": ("งบประมาณ", "budgets"),
    "strategy": ("ยุทธศาสตร์", "strategy"),
    "work_plan": ("แผนงาน", "work plan"),
    "output_qty": ("จำนวนเป้าหมาย", "output quantity"),
    "output_unit": ("หน่วยนับ", "output unit"),
    "output_place": ("สถานที่", "output place"),
    "fund_source": ("แหล่งงบประมาณ", "source of funds"),
    "edition": ("ฉบับของแผน", "plan edition"),
    "first_year": ("ปีเริ่มแผน", "plan's first year"),
    "code": ("รหัส", "code"),
    "workshop_id": ("การประชุม", "workshop"),
    "person_id": ("บุคคล", "person"),
    "session_id": ("ช่วงการประชุม", "session"),
    "session": ("ช่วงการประชุม", "session"),
    "kinds": ("วิธีลงทะเบียน", "how checked in"),
    "scans": ("เวลาลงทะเบียนแต่ละโต๊ะ", "scans per desk"),
    "present": ("ผู้อยู่ในที่ประชุม", "present"),
    "retention_days": ("ระยะเวลาเก็บข้อมูลส่วนบุคคล", "retention period"),
    "need_id": ("ความต้องการ", "need"),
    "village_no": ("หมู่ที่", "village no."),
    "village_name": ("ชื่อหมู่บ้าน", "village name"),
    "group_name": ("กลุ่ม", "group"),
    "raised_by": ("ผู้เสนอความต้องการ", "raised by"),
    "route": ("ส่งต่อไปยัง", "goes to"),
    "plan_strategy": ("ยุทธศาสตร์ของแผน", "plan strategy"),
    "fiscal_year": ("ปีงบประมาณ", "fiscal year"),
    "photo": ("รูปฟลิปชาร์ต", "flipchart photo"),
    "status_date": ("วันที่ของสถานะ", "status date"),
    "changed_by": ("ผู้บันทึก", "changed by"),
    "changed_on": ("วันที่เปลี่ยน", "changed on"),
    "created_on": ("วันที่สร้าง", "created on"),
    "recorded_at": ("เวลาที่บันทึก", "recorded at"),
    "community_plan": ("จากแผนชุมชน", "from a community plan"),
    "source": ("ที่มา", "source"),
    "key": ("รหัสหมวด", "key"),
    "name_th": ("ชื่อภาษาไทย", "Thai name"),
    "name_en": ("ชื่อภาษาอังกฤษ", "English name"),
    "sort_order": ("ลำดับ", "order"),
    "resolution_id": ("ร่างมติ", "draft resolution"),
    "clause_id": ("ข้อ", "clause"),
    "amendment_id": ("คำแปรญัตติ", "amendment"),
    "number": ("เลขข้อ", "number"),
    "preamble": ("หลักการและเหตุผล", "preamble"),
    "year_be": ("ปี (พ.ศ.)", "year (BE)"),
    "mover": ("ผู้เสนอ", "moved by"),
    "seconder": ("ผู้รับรอง", "seconded by"),
    "method": ("วิธีลงคะแนน", "voting method"),
}


def table_label(tbl: str, lang: str = "th") -> str:
    return label(TABLE_LABELS, tbl, lang)


def field_label(f: str, lang: str = "th") -> str:
    th, en = FIELD_LABELS.get(f, (f, f.replace("_", " ")))
    return en if lang == "en" else th


@dataclass(frozen=True)
class ConflictRow:
    id: str
    tbl: str
    row_id: str
    field: str
    kind: str
    winner_hlc: str
    winner_value: object
    loser_hlc: str
    loser_value: object
    loser_device: str
    loser_device_name: str
    winner_device_name: str
    record: str  # what the row is, for people: a name, a title...

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "table": self.tbl,
            **fields_json(self, "row_id field kind record"),
            "kept": {"value": self.winner_value, "stamp": self.winner_hlc, "device": self.winner_device_name},
            "other": {"value": self.loser_value, "stamp": self.loser_hlc, "device": self.loser_device_name},
        }


def _loads(v: str | None) -> object:
    try:
        return json.loads(v) if v is not None else None
    except ValueError:
        return v


def _names(store: Store) -> dict[str, str]:
    names = dict(store.query("SELECT id, name FROM trusted_device"))
    names[store.device_id] = store.device_name
    return names


def _record_labels(store: Store, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}

    def person(pid: str | None) -> str:
        r = store.db.execute("SELECT prefix, first_name, last_name FROM person WHERE id=?", (pid,)).fetchone()
        return full_name(*(x or "" for x in r)) if r else ""

    def workshop(wid: str | None) -> str:
        return str(store.scalar("SELECT title FROM workshop WHERE id=?", (wid,)) or "")

    for tbl, rid in pairs:
        if tbl == "person":
            label = person(rid)
        elif tbl == "workshop":
            label = workshop(rid)
        elif tbl in ("invitation", "attendance"):
            r = store.db.execute(f"SELECT person_id, workshop_id FROM {tbl} WHERE id=?", (rid,)).fetchone()
            label = f"{person(r[0])} · {workshop(r[1])}" if r else ""
        elif tbl in ("need", "resolution"):
            label = str(store.scalar(f"SELECT title FROM {tbl} WHERE id=?", (rid,)) or "")
        elif tbl == "clause":
            r = store.db.execute("SELECT number, text FROM clause WHERE id=?", (rid,)).fetchone()
            label = f"{r[0]}. {r[1] or ''}"[:80] if r else ""
        elif tbl == "need_category":
            label = str(store.scalar("SELECT name_th FROM need_category WHERE id=?", (rid,)) or "")
        else:
            label = ""
        out[(tbl, rid)] = label or rid
    return out


def list_conflicts(store: Store) -> list[ConflictRow]:
    """Open conflicts, grouped by record and field, newest losing write first within each."""
    rows = store.query(
        "SELECT id, tbl, row_id, field, kind, winner_hlc, winner_value, loser_hlc, loser_value, loser_device "
        "FROM conflict ORDER BY tbl, row_id, field, loser_hlc DESC"
    )
    names = _names(store)
    labels = _record_labels(store, {(r[1], r[2]) for r in rows})
    out = []
    for cid, tbl, rid, f, kind, whlc, wval, lhlc, lval, ldev in rows:
        wdev = whlc.rsplit(".", 1)[-1]
        out.append(
            ConflictRow(cid, tbl, rid, f, kind, whlc, _loads(wval), lhlc, _loads(lval), ldev,
                        names.get(ldev, ldev), names.get(wdev, wdev), labels[(tbl, rid)])
        )  # fmt: skip
    return out


def display_value(tbl: str, f: str, value: object, lang: str = "th") -> str:
    """A conflict value as people read it (places by name, yes/no, empty as a dash)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        if f == "deleted":
            return ("deleted" if value else "present") if lang == "en" else ("ถูกลบ" if value else "มีอยู่")
        return ("yes" if value else "no") if lang == "en" else ("ใช่" if value else "ไม่ใช่")
    if f in ("district_code", "subdistrict_code"):
        dv = divisions()
        place = dv.districts.get(str(value)) or dv.subdistricts.get(str(value))
        if place is not None:
            return place.name(lang)
    return str(value)


def _stamp_write(tx: Tx, tbl: str, row_id: str, data: dict, parents: set[str]) -> ApplyResult:
    """A local write that names exactly the stamps it saw and replaced (``Tx.write``; ``Tx.update`` names only the
    current one)."""
    tx.write(tbl, row_id, data, parents=parents)
    return tx.flush()


def resolve(store: Store, conflict_id: str, choice: str, *, office: OfficePass | str | None = None) -> ApplyResult:
    """Settle one conflict (and the others on the same field of the same row) by ``choice``; one transaction.
    Office-only (``office``: the office PIN or a pass for it, ``core.privacy.pin``)."""
    authorise_office(store, office)
    r = store.db.execute(
        "SELECT tbl, row_id, field, kind, winner_hlc, winner_value, loser_value FROM conflict WHERE id=?", (conflict_id,)
    ).fetchone()
    if r is None:
        raise UserError(
            "ข้อขัดแย้งนี้ได้รับการแก้ไขแล้ว หรือไม่มีอยู่", "This conflict has been settled already or does not exist",
            code="no-conflict",
        )
    tbl, row_id, f, kind, winner_hlc, winner_value, loser_value = r
    allowed = (KEEP, TAKE) if kind == CONCURRENT else (KEEP, RESTORE)
    if choice not in allowed:
        raise ValueError(f"choice for a {kind} conflict is one of {allowed}")
    with store.transaction() as tx:
        if kind == CONCURRENT:
            siblings = tx.db.execute(
                "SELECT winner_hlc, loser_hlc FROM conflict WHERE tbl=? AND row_id=? AND field=? AND kind=?",
                (tbl, row_id, f, CONCURRENT),
            ).fetchall()
            parents = {h for pair in siblings for h in pair}
            value = _loads(loser_value if choice == TAKE else winner_value)
            return _stamp_write(tx, tbl, row_id, {f: value}, parents)
        siblings = tx.db.execute(
            "SELECT winner_hlc, loser_hlc FROM conflict WHERE tbl=? AND row_id=? AND kind=?",
            (tbl, row_id, EDIT_VS_DELETE),
        ).fetchall()
        if choice == KEEP:
            parents = {h for pair in siblings for h in pair}
            return _stamp_write(tx, tbl, row_id, {"deleted": True}, parents)
        return _stamp_write(tx, tbl, row_id, {"deleted": False}, {winner_hlc})


def resolve_all(store: Store, choice: str = KEEP, *, office: OfficePass | str | None = None) -> int:
    """Keep the shown value of every open conflict (``keep``): one transaction. Returns how many were settled.
    Office-only (``office``)."""
    authorise_office(store, office)
    if choice != KEEP:
        raise ValueError("only 'keep' can be applied to every conflict at once")
    n = 0
    with store.transaction() as tx:
        rows = tx.db.execute(
            "SELECT tbl, row_id, field, kind, winner_hlc, winner_value, loser_hlc FROM conflict"
        ).fetchall()
        by_key: dict[tuple, tuple[object, set[str]]] = {}
        for tbl, row_id, f, kind, w, wval, loser in rows:
            key = (tbl, row_id, f if kind == CONCURRENT else "deleted", kind)
            value = _loads(wval) if kind == CONCURRENT else True
            by_key.setdefault(key, (value, set()))[1].update((w, loser))
            n += 1
        for (tbl, row_id, f, _kind), (value, parents) in sorted(by_key.items(), key=lambda kv: kv[0]):
            _stamp_write(tx, tbl, row_id, {f: value}, parents)
    return n
