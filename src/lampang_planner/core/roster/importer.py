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

import datetime as dt
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.people import PERSON_FIELDS, clean_person, create_person, invite_in
from lampang_planner.core.privacy.consent import refused, restrict_to_consent
from lampang_planner.core.roster.headers import LABELS, PERSON_KEYS, HeaderMap, find_header, map_header_row
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
from lampang_planner.core.roster.workbook import check_workbook_file, read_sheets
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.thai.names import full_name

ADD, UPDATE, UNCHANGED, DUPLICATE, REJECTED = "add", "update", "unchanged", "duplicate", "rejected"
STATUSES = (ADD, UPDATE, UNCHANGED, DUPLICATE, REJECTED)
STATUS_LABELS = {
    ADD: ("เพิ่ม", "added"),
    UPDATE: ("ปรับปรุง", "updated"),
    UNCHANGED: ("ไม่เปลี่ยนแปลง", "unchanged"),
    DUPLICATE: ("ซ้ำ", "duplicate"),
    REJECTED: ("ไม่รับ", "rejected"),
}
_TEXT_FIELDS = ("prefix", "first_name", "last_name", "organisation", "position", "phone", "citizen_id", "note")


# --- reading -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    sheet: str
    row: int  # Excel row number
    values: dict[str, object]  # field key (PERSON_KEYS) → raw cell value
    columns: dict[str, int] = field(default_factory=dict)  # field key → 0-based column index


@dataclass(frozen=True)
class ParsedRoster:
    path: Path
    headers: tuple[HeaderMap, ...]
    rows: tuple[SheetRow, ...]

    @property
    def multi_sheet(self) -> bool:
        return len(self.headers) > 1


def read_roster(path: Path | str) -> ParsedRoster:
    """Every visible sheet with a recognisable header, as rows of raw values under that header. Writes nothing."""
    path = Path(path)
    check_workbook_file(path)
    headers: list[HeaderMap] = []
    rows: list[SheetRow] = []
    for sheet in read_sheets(path):
        header = find_header(sheet.name, sheet.rows, sheet.banners)
        if header is None:
            continue
        headers.append(header)
        for index in range(header.row, len(sheet.rows)):
            number = index + 1
            cells = sheet.rows[index]
            if number in sheet.banners or map_header_row(sheet.name, number, cells) is not None:
                continue  # a section heading, or the header again (second header row, or repeated per page)
            values = {k: (cells[c] if c < len(cells) else None) for k, c in header.columns.items() if k in PERSON_KEYS}
            if all(cell_text(v) == "" for v in values.values()):
                continue  # empty, or only a running number
            rows.append(SheetRow(sheet.name, number, values, header.columns))
    if not headers:
        raise UserError(
            "ไม่พบแถวหัวตารางในไฟล์นี้ (ต้องมีคอลัมน์ชื่อ และอย่างน้อยหนึ่งคอลัมน์ เช่น นามสกุล หน่วยงาน ตำบล หรือโทรศัพท์)",
            f"No recognisable header row in {path.name}: a name column and at least one other column "
            "(surname, organisation, tambon, phone...) are needed",
            code="no-header",
        )
    return ParsedRoster(path, tuple(headers), tuple(rows))


# --- the plan ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    """What the import does (or did) with one sheet row."""

    sheet: str
    row: int
    status: str
    name: str = ""
    person_id: str | None = None  # the person on file (update / unchanged), or the new one after apply
    fields: dict = field(default_factory=dict)  # add: the person's fields; update: the changed fields
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # update: field → (on file, sheet)
    duplicate_of: int | None = None  # duplicate: the earlier row it repeats...
    duplicate_sheet: str | None = None  # ...on this sheet
    reasons: tuple[tuple[str, str], ...] = ()  # (Thai, English)

    @property
    def reason_th(self) -> str:
        return "; ".join(th for th, _ in self.reasons)

    @property
    def reason_en(self) -> str:
        return "; ".join(en for _, en in self.reasons)

    def where(self, with_sheet: bool = False) -> str:
        return f"{self.sheet}!{self.row}" if with_sheet else str(self.row)

    def line(self, with_sheet: bool = False) -> str:
        """One report line: "row 9: rejected — <Thai reason> (<English reason>)"."""
        th, en = STATUS_LABELS[self.status]
        head = f"แถว {self.where(with_sheet)}: {th} ({en})"
        who = f" {self.name}" if self.name else ""
        if self.reasons:
            return f"{head}{who} — {self.reason_th} ({self.reason_en})"
        return f"{head}{who}"

    def as_json(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "status": self.status,
            "name": self.name,
            "person_id": self.person_id,
            "duplicate_of": self.duplicate_of,
            "duplicate_sheet": self.duplicate_sheet,
            "changes": {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in self.changes.items()},
            "reason_th": self.reason_th,
            "reason_en": self.reason_en,
        }


def _jsonable(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date) else v


@dataclass(frozen=True)
class RosterPlan:
    """The preview (``applied`` False) or the result (``applied`` True) of importing one workbook."""

    source: ParsedRoster
    workshop_id: str | None
    rows: tuple[PlanRow, ...]
    basis: tuple[int, int]  # the change log's (max rowid, count) the plan was made against
    to_invite: int  # invitations to the workshop that are new
    applied: bool = False
    backup: Path | None = None

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for r in self.rows:
            out[r.status] += 1
        out["invited"] = self.to_invite
        return out

    @property
    def has_writes(self) -> bool:
        return self.to_invite > 0 or any(r.status in (ADD, UPDATE) for r in self.rows)

    def summary(self) -> str:
        c = self.counts()
        th = f"เพิ่ม {c[ADD]} · ปรับปรุง {c[UPDATE]} · ไม่เปลี่ยนแปลง {c[UNCHANGED]} · ซ้ำ {c[DUPLICATE]} · ไม่รับ {c[REJECTED]}"
        en = (
            f"added {c[ADD]}, updated {c[UPDATE]}, unchanged {c[UNCHANGED]}, duplicate {c[DUPLICATE]}, "
            f"rejected {c[REJECTED]}"
        )
        if self.workshop_id:
            th += f" · เชิญเพิ่ม {c['invited']}"
            en += f", newly invited {c['invited']}"
        return f"{th} ({en})"

    def report_lines(self, statuses: tuple[str, ...] = (UPDATE, DUPLICATE, REJECTED)) -> list[str]:
        multi = self.source.multi_sheet
        lines = []
        for r in self.rows:
            if r.status not in statuses:
                continue
            line = r.line(multi)
            if r.status == UPDATE and r.changes:
                changed = ", ".join(
                    f"{LABELS.get(k, (k, k))[1]}: {_show(a)} → {_show(b)}" for k, (a, b) in r.changes.items()
                )
                line += f" — {changed}"
            lines.append(line)
        return lines

    def as_json(self) -> dict:
        return {
            "file": str(self.source.path),
            "workshop_id": self.workshop_id,
            "applied": self.applied,
            "backup": str(self.backup) if self.backup else None,
            "headers": [h.as_json() for h in self.source.headers],
            "counts": self.counts(),
            "rows": [r.as_json() for r in self.rows],
        }


def _show(v: object) -> str:
    return "—" if v in (None, "") else str(_jsonable(v))


# --- matching ------------------------------------------------------------------------------------------------------

_PERSON_COLS = ("id", *PERSON_FIELDS)


def _key(text: object) -> str:
    t = unicodedata.normalize("NFC", to_arabic_digits(str(text or ""))).casefold()
    return re.sub(r"\s+", " ", t).strip()


def _name_key(first: object, last: object) -> str:
    return f"{_key(first)}\x1f{_key(last)}"


@dataclass(frozen=True, slots=True)
class _Who:
    """What tells people apart."""

    name: str
    cid: str
    phone: str
    tambon: str
    org: str
    district: str

    @classmethod
    def of(cls, r: dict) -> _Who:
        return cls(
            _name_key(r.get("first_name"), r.get("last_name")),
            r.get("citizen_id") or "",
            r.get("phone") or "",
            r.get("subdistrict_code") or "",
            re.sub(r"\s+", "", _key(r.get("organisation"))),
            r.get("district_code") or "",
        )

    @property
    def identifiable(self) -> bool:
        return bool(self.cid or self.phone or self.tambon or self.org or self.district)


class _Index:
    def __init__(self) -> None:
        self.by_cid: dict[str, list[object]] = {}
        self.by_name: dict[str, list[object]] = {}
        self.who: dict[object, _Who] = {}

    def add(self, key: object, who: _Who) -> None:
        self.who[key] = who
        if who.cid:
            self.by_cid.setdefault(who.cid, []).append(key)
        self.by_name.setdefault(who.name, []).append(key)

    def match(self, w: _Who) -> list[object]:
        if w.cid and w.cid in self.by_cid:
            return list(self.by_cid[w.cid])
        candidates = [k for k in self.by_name.get(w.name, []) if not (w.cid and self.who[k].cid)]
        if w.phone or w.tambon:
            return [
                k
                for k in candidates
                if (w.phone and self.who[k].phone == w.phone) or (w.tambon and self.who[k].tambon == w.tambon)
            ]
        if w.org:
            return [k for k in candidates if self.who[k].org == w.org]
        if w.district:
            return [k for k in candidates if self.who[k].district == w.district]
        return []


def _load_people(db: sqlite3.Connection) -> tuple[_Index, dict[str, dict]]:
    index, rows = _Index(), {}
    sql = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE deleted=0 AND merged_into IS NULL"
    for r in db.execute(sql):
        row = dict(zip(_PERSON_COLS, r, strict=True))
        rows[row["id"]] = row
        index.add(row["id"], _Who.of(row))
    return index, rows


def _basis(db: sqlite3.Connection) -> tuple[int, int]:
    return tuple(db.execute("SELECT COALESCE(MAX(rowid), 0), COUNT(*) FROM change").fetchone())  # type: ignore[return-value]


# --- cleaning one row ----------------------------------------------------------------------------------------------


def _clean_row(row: SheetRow) -> tuple[dict, set[str], list[tuple[str, str]], str]:
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


def _changes(old: dict, clean: dict, given: set[str]) -> dict[str, tuple[object, object]]:
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


def _require_workshop(db: sqlite3.Connection, workshop_id: str) -> None:
    row = db.execute("SELECT deleted FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    if row is None or row[0]:
        raise UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")


def _make_plan(db: sqlite3.Connection, source: ParsedRoster, workshop_id: str | None) -> RosterPlan:
    if workshop_id:
        _require_workshop(db, workshop_id)
    basis = _basis(db)
    existing, people = _load_people(db)
    seen = _Index()  # accepted rows of this import, keyed by position in `out`
    claimed: dict[str, int] = {}  # person id → position of the row that resolved to it
    out: list[PlanRow] = []
    for sr in source.rows:
        clean, given, reasons, display = _clean_row(sr)
        base = PlanRow(sr.sheet, sr.row, REJECTED, display)
        if reasons:
            out.append(replace(base, reasons=tuple(reasons)))
            continue
        who = _Who.of(clean)
        if not who.identifiable:
            withheld = refused(clean.get("consent")) and {"phone", "citizen_id"} & given
            out.append(replace(base, reasons=(_NOT_ENOUGH_WITHOUT_CONSENT if withheld else _NOT_ENOUGH,)))
            continue
        earlier = seen.match(who)
        if earlier:
            out.append(_duplicate(base, out[min(earlier)], source.multi_sheet))  # type: ignore[call-overload]
            continue
        hits = existing.match(who)
        if len(hits) > 1:
            names = ", ".join(sorted(str(h) for h in hits)[:3])
            out.append(
                replace(
                    base,
                    status=DUPLICATE,
                    reasons=(
                        (
                            f"ตรงกับรายชื่อที่มีอยู่แล้วมากกว่าหนึ่งคน ({len(hits)} คน) กรุณาตรวจสอบและแก้ไขด้วยตนเอง",
                            f"matches {len(hits)} people already on file ({names}); resolve by hand",
                        ),
                    ),
                )
            )
            continue
        if hits:
            pid = str(hits[0])
            if pid in claimed:
                out.append(_duplicate(base, out[claimed[pid]], source.multi_sheet))
                continue
            changes = _changes(people[pid], clean, given)
            status = UPDATE if changes else UNCHANGED
            row = replace(
                base,
                status=status,
                person_id=pid,
                fields={k: new for k, (_, new) in changes.items()},
                changes=changes,
            )
            claimed[pid] = len(out)
        else:
            row = replace(base, status=ADD, fields=clean)
        seen.add(len(out), who)
        out.append(row)
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
    if _basis(store.db) != plan.basis:
        current = _make_plan(store.db, plan.source, plan.workshop_id)
    if not current.has_writes:
        return replace(current, applied=True)
    backup = store.backup("before-roster-import")
    with store.transaction() as tx:
        if _basis(tx.db) != current.basis:
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
