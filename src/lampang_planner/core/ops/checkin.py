"""Check-in at the workshop door: the logic the scan screen, the name search and ``checkin`` on the command line share.

One scan is one call and at most one transaction:

- an unreadable or unknown code gives an ``unknown`` result and writes nothing;
- a person with no live attendance yet is ``checked-in``: the attendance fact (id = natural key of workshop and
  person, ``scans`` = {desk: time});
- a known person who is not on this workshop's invitation list is ``not-invited`` and nothing is written (the wrong
  workshop may be chosen at the desk): the desk confirms with ``invite=True``, which writes the invitation and the
  attendance together;
- a person already attending is ``already``, reported with the earliest time and desk. If *this* desk had not
  scanned them yet, its scan is added to the attendance's ``scans`` map. That is exactly what the merge would give if
  the two desks were two laptops, so the data does not depend on whether desks share a data folder. A repeated scan
  at the same desk writes nothing.

Times are Asia/Bangkok (UTC+7, no daylight saving) ISO 8601 with the offset, to the second.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import threading
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from enum import StrEnum

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.people import clean_person, create_person
from lampang_planner.core.ops.sessions import resolve_session
from lampang_planner.core.qr import normalise_scan
from lampang_planner.core.read import presence
from lampang_planner.core.refdata import divisions
from lampang_planner.core.schema import attendance_id, natural_id
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.dates import BANGKOK, format_date_th
from lampang_planner.core.thai.keyboard import us_to_thai
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType

DEFAULT_DESK = "1"
_MERGE_HOPS = 8  # follow merged_into at most this far (a chain longer than this is a data error)


class Kind(StrEnum):
    CHECKED_IN = "checked-in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    NOT_INVITED = "not-invited"  # a known person not on this workshop's list: nothing written until confirmed


class Via(StrEnum):
    """How a check-in was made: recorded per desk in the attendance's ``kinds`` map (the attendance export shows it)."""

    SCAN = "scan"  # a badge's code, from a scanner, webcam or typed
    SEARCH = "search"  # picked by name search at the desk
    WALK_IN = "walk-in"  # registered at the desk
    PAPER = "paper"  # keyed in afterwards from the paper sign-in sheet (core.ops.paper)


# --- time and desk -------------------------------------------------------------------------------------------------


def now_bangkok() -> dt.datetime:
    return dt.datetime.now(BANGKOK).replace(microsecond=0)


def bangkok_iso(at: dt.datetime | str | None = None) -> str:
    """``at`` (default now) as Asia/Bangkok ISO 8601 with offset, to the second. Naive times are taken as Bangkok."""
    if at is None:
        value = now_bangkok()
    elif isinstance(at, str):
        value = dt.datetime.fromisoformat(at)
    else:
        value = at
    value = value.replace(tzinfo=BANGKOK) if value.tzinfo is None else value.astimezone(BANGKOK)
    return value.replace(microsecond=0).isoformat()


def clock_time(iso: str | None) -> str:
    """"08:42" (Bangkok time) from an ISO time; "" for None."""
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone(BANGKOK).strftime("%H:%M")


def desk_of(store: Store, desk: str | None = None) -> str:
    """The desk name to record: the one given, else this data folder's (``store.desk``), else "1"."""
    name = (desk if desk is not None else store.desk or "").strip()
    return name or DEFAULT_DESK


def set_desk(store: Store, name: str) -> str:
    """Name this data folder's check-in desk (a device setting: not synced, not in the digest)."""
    clean = " ".join(str(name).split())
    if not clean:
        raise UserError("ต้องระบุชื่อโต๊ะลงทะเบียน", "A desk name is required", code="invalid")
    if len(clean) > 40:
        raise UserError("ชื่อโต๊ะยาวเกินไป (ไม่เกิน 40 ตัวอักษร)", "Desk name too long (40 characters at most)")
    store.set_device(desk=clean)
    return clean


# --- results -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckinResult:
    """What one scan, name-search pick or walk-in registration did. The UI shows it; ``undo_checkin`` reverses it."""

    kind: Kind
    workshop_id: str
    scanned: str = ""  # what the scanner or keyboard delivered
    code: str | None = None  # the person's code (normalised), if the scan held a valid one
    person_id: str | None = None
    name: str = ""  # prefix + first + last, the Thai way
    organisation: str = ""
    participant_type: str = ""
    district_code: str = ""
    subdistrict_code: str = ""
    at: str | None = None  # checked-in: this scan's time; already: the earliest check-in time
    desk: str | None = None  # checked-in: this desk; already: the desk of the earliest check-in
    this_desk: str = ""  # the desk that scanned now
    scanned_at: str = ""  # the time of this scan
    was_invited: bool = False  # invited before this scan (False for a known person walking in)
    attendance_created: bool = False  # this call created (or revived) the attendance
    invitation_created: bool = False  # this call created (or revived) the invitation
    person_created: bool = False  # walk-in registration: this call created the person
    desk_added: bool = False  # "already", and this desk's scan was added to the attendance
    reason_th: str = ""  # why a scan is unknown
    reason_en: str = ""
    session_id: str | None = None  # the session the check-in was recorded at

    @property
    def ok(self) -> bool:
        """The person is checked in (now or before)."""
        return self.kind in (Kind.CHECKED_IN, Kind.ALREADY)

    @property
    def time(self) -> str:
        """The reported time as "08:42"."""
        return clock_time(self.at)

    def _when(self, lang: str) -> str:
        """ "08:42", or "24 ส.ค. 2559 08:42" when the reported check-in was on another day than this scan."""
        if not self.at:
            return ""
        at = dt.datetime.fromisoformat(self.at).astimezone(BANGKOK)
        same_day = not self.scanned_at or at.date() == dt.datetime.fromisoformat(self.scanned_at).date()
        if same_day:
            return at.strftime("%H:%M")
        day = format_date_th(at.date(), "short") if lang == "th" else at.date().isoformat()
        return f"{day} {at.strftime('%H:%M')}"

    @property
    def message_en(self) -> str:
        if self.kind is Kind.UNKNOWN:
            return self.reason_en
        if self.kind is Kind.NOT_INVITED:
            return "not on this workshop's invitation list — not checked in"
        if self.kind is Kind.ALREADY:
            return f"already checked in at desk {self.desk}, {self._when('en')}"
        walk_in = " — walk-in" if not self.was_invited else ""
        return f"checked in at {self._when('en')} (desk {self.desk}){walk_in}"

    @property
    def message_th(self) -> str:
        if self.kind is Kind.UNKNOWN:
            return self.reason_th
        if self.kind is Kind.NOT_INVITED:
            return "ไม่อยู่ในรายชื่อเชิญของเวทีนี้ — ยังไม่ได้ลงทะเบียน"
        if self.kind is Kind.ALREADY:
            return f"ลงทะเบียนแล้วที่โต๊ะ {self.desk} เมื่อ {self._when('th')} น."
        walk_in = " — ไม่ได้อยู่ในรายชื่อเชิญ" if not self.was_invited else ""
        return f"ลงทะเบียนเรียบร้อย {self._when('th')} น. (โต๊ะ {self.desk}){walk_in}"

    def message(self, lang: str = "th") -> str:
        return self.message_en if lang == "en" else self.message_th

    def line(self) -> str:
        """One line for the command line: kind, code, then the name and message (or the reason)."""
        if self.kind is Kind.UNKNOWN:
            shown = self.code or " ".join(self.scanned.split()) or "(empty)"
            return f"{self.kind} {shown}  {self.reason_en} / {self.reason_th}"
        org = f" ({self.organisation})" if self.organisation else ""
        return f"{self.kind} {self.code}  {self.name}{org}  {self.message_en} / {self.message_th}"

    def as_json(self) -> dict:
        return {
            "kind": str(self.kind),
            "scanned": self.scanned,
            "code": self.code,
            "person_id": self.person_id,
            "name": self.name,
            "organisation": self.organisation,
            "at": self.at,
            "desk": self.desk,
            "this_desk": self.this_desk,
            "session_id": self.session_id,
            "was_invited": self.was_invited,
            "message_th": self.message_th,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class UndoResult:
    done: bool
    message_th: str
    message_en: str

    def message(self, lang: str = "th") -> str:
        return self.message_en if lang == "en" else self.message_th


# --- checking in ---------------------------------------------------------------------------------------------------

_PERSON_COLS = (
    "id",
    "code",
    "prefix",
    "first_name",
    "last_name",
    "organisation",
    "participant_type",
    "district_code",
    "subdistrict_code",
    "deleted",
    "merged_into",
)


def _require_workshop(store: Store, workshop_id: str) -> None:
    row = store.db.execute("SELECT deleted FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    if row is None or row[0]:
        raise UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")


def _person(store: Store, person_id: str) -> dict | None:
    q = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE id=?"
    r = store.db.execute(q, (person_id,)).fetchone()
    return dict(zip(_PERSON_COLS, r, strict=True)) if r else None


def _follow_merges(store: Store, person: dict) -> dict | None:
    """The live person a (possibly merged-away) person now is; None if the chain ends in a deleted row."""
    for _ in range(_MERGE_HOPS):
        if not person["merged_into"]:
            return None if person["deleted"] else person
        nxt = _person(store, person["merged_into"])
        if nxt is None:
            return None
        person = nxt
    return None


def _person_by_code(store: Store, code: str) -> tuple[dict | None, bool]:
    """(live person with this code, whether any row — live or removed — carries it)."""
    q = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE code=? ORDER BY deleted, merged_into IS NOT NULL, id"
    rows = [dict(zip(_PERSON_COLS, r, strict=True)) for r in store.db.execute(q, (code,))]
    for row in rows:
        live = _follow_merges(store, row)
        if live is not None:
            return live, True
    return None, bool(rows)


def _unknown(workshop_id: str, scanned: str, code: str | None, th: str, en: str, desk: str, at: str) -> CheckinResult:
    return CheckinResult(
        Kind.UNKNOWN, workshop_id, scanned, code, reason_th=th, reason_en=en, this_desk=desk, scanned_at=at
    )


def check_in(
    store: Store,
    workshop_id: str,
    scanned_text: str,
    *,
    desk: str | None = None,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
    invite: bool = False,
) -> CheckinResult:
    """Check in whoever's code ``scanned_text`` holds (bare code or payload, US or Thai keyboard layout) at
    ``session_id`` (default: the workshop's current session by the clock, ``core.ops.sessions``).

    Raises UserError for an unknown workshop or session; an unreadable or unknown code is an ``unknown`` result,
    nothing written. A person not invited to this workshop is ``not-invited``, nothing written, unless ``invite``
    (the desk confirmed: the invitation is added with the check-in).
    """
    _require_workshop(store, workshop_id)
    this_desk, when = desk_of(store, desk), bangkok_iso(at)
    sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    code = normalise_scan(scanned_text or "")
    if code is None:
        return _unknown(
            workshop_id,
            scanned_text,
            None,
            "อ่านรหัสไม่ได้ หรือไม่ใช่รหัสของโปรแกรมนี้",
            "not a valid code",
            this_desk,
            when,
        )
    person, existed = _person_by_code(store, code)
    if person is None:
        if existed:
            return _unknown(
                workshop_id,
                scanned_text,
                code,
                "รายชื่อนี้ถูกลบออกแล้ว",
                "this person has been removed",
                this_desk,
                when,
            )
        return _unknown(
            workshop_id, scanned_text, code, "ไม่พบรหัสนี้ในรายชื่อ", "no one has this code", this_desk, when
        )
    return _check_in_live(store, workshop_id, person, this_desk, when, scanned_text, sid, Via.SCAN, invite=invite)


def check_in_person(
    store: Store,
    workshop_id: str,
    person_id: str,
    *,
    desk: str | None = None,
    at: dt.datetime | str | None = None,
    session_id: str | None = None,
    via: str = Via.SEARCH,
    keyed_by: str | None = None,
    invite: bool = False,
) -> CheckinResult:
    """Check in a person picked by name search (or another way: ``via``) at ``session_id`` (default: the current
    session by the clock); ``not-invited`` as for a scan, unless ``invite``. ``keyed_by`` (paper entries) records who
    keyed the check-in in, and when. Raises UserError for an unknown workshop, session or person."""
    _require_workshop(store, workshop_id)
    when = bangkok_iso(at)
    sid = resolve_session(store.db, workshop_id, session_id, dt.datetime.fromisoformat(when))
    row = _person(store, person_id)
    person = _follow_merges(store, row) if row else None
    if person is None:
        raise UserError("ไม่พบรายชื่อนี้", f"No person with id {person_id}", code="unknown-person")
    this_desk = desk_of(store, desk)
    extra = {"keyed_by": {this_desk: f"{bangkok_iso()} {keyed_by}"}} if keyed_by else None
    return _check_in_live(store, workshop_id, person, this_desk, when, "", sid, str(via), extra, invite=invite)


def _base_result(workshop_id: str, person: dict, scanned: str, desk: str, when: str, session_id: str) -> CheckinResult:
    return CheckinResult(
        Kind.CHECKED_IN,
        workshop_id,
        scanned,
        person["code"],
        person["id"],
        full_name(person["prefix"] or "", person["first_name"] or "", person["last_name"] or ""),
        person["organisation"] or "",
        person["participant_type"] or "",
        person["district_code"] or "",
        person["subdistrict_code"] or "",
        this_desk=desk,
        scanned_at=when,
        session_id=session_id,
    )


def _attendance_state(db, attendance_id: str) -> tuple[bool, dict, str | None, str | None]:
    r = db.execute("SELECT deleted, scans, checked_in_at, desk FROM attendance WHERE id=?", (attendance_id,)).fetchone()
    if r is None:
        return False, {}, None, None
    return (not r[0]), json.loads(r[1] or "{}"), r[2], r[3]


def _check_in_live(
    store: Store,
    workshop_id: str,
    person: dict,
    desk: str,
    when: str,
    scanned: str,
    session_id: str,
    via: str,
    extra: dict | None = None,
    *,
    invite: bool = False,
) -> CheckinResult:
    base = _base_result(workshop_id, person, scanned, desk, when, session_id)
    aid = attendance_id(workshop_id, person["id"], session_id)
    iid = natural_id("invitation", workshop_id, person["id"])
    live, scans, first_at, first_desk = _attendance_state(store.db, aid)
    if live and desk in scans:  # a repeat at this desk: nothing to write, no transaction
        return replace(base, kind=Kind.ALREADY, at=first_at, desk=first_desk, was_invited=_invited(store.db, iid))
    known = None if live else presence.presence_of(store.db, workshop_id, person["id"], session_id)
    if known is not None and known.present:  # checked in as a record since merged into this person
        return replace(base, kind=Kind.ALREADY, at=known.checked_in_at, desk=known.desk, was_invited=known.invited)
    invite = invite or (known is not None and known.invited)  # invited as a merged-away record
    if not live and not invite and not _invited(store.db, iid):
        return replace(base, kind=Kind.NOT_INVITED)  # nothing written: the desk confirms first
    with store.transaction() as tx:
        return _record_scan(tx, base, aid, iid, desk, when, via, extra, invite=invite)


def _invited(db, invitation_id: str) -> bool:
    r = db.execute("SELECT deleted FROM invitation WHERE id=?", (invitation_id,)).fetchone()
    return r is not None and not r[0]


def _record_scan(
    tx: Tx,
    base: CheckinResult,
    aid: str,
    iid: str,
    desk: str,
    when: str,
    via: str,
    extra: dict | None = None,
    *,
    invite: bool = True,
) -> CheckinResult:
    """Inside the scan's transaction (reads repeated under the write lock, so two desks on one folder agree). A person
    not invited is invited with the check-in only if ``invite``; otherwise nothing is written."""
    wid, pid = base.workshop_id, base.person_id
    live, scans, first_at, first_desk = _attendance_state(tx.db, aid)
    was_invited = _invited(tx.db, iid)
    if live:
        added = desk not in scans
        if added:
            tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {})})
            tx.flush()
            _, _, first_at, first_desk = _attendance_state(tx.db, aid)
        return replace(base, kind=Kind.ALREADY, at=first_at, desk=first_desk, was_invited=was_invited, desk_added=added)
    invitation_created = False
    if not was_invited:
        if not invite:
            return replace(base, kind=Kind.NOT_INVITED)
        if tx.db.execute("SELECT 1 FROM invitation WHERE id=?", (iid,)).fetchone() is None:
            tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, iid)
        else:
            tx.update("invitation", iid, {"deleted": False})
        invitation_created = True
    if tx.db.execute("SELECT 1 FROM attendance WHERE id=?", (aid,)).fetchone() is None:
        fields = {"workshop_id": wid, "person_id": pid, "session_id": base.session_id, "scans": {desk: when}}
        tx.insert("attendance", {**fields, "kinds": {desk: via}, **(extra or {})}, aid)
        first_at, first_desk = when, desk
    else:
        # Revive an undone attendance. Its old scans stay in the map (a map_min union never forgets a scan, or the
        # merge could bring them back), so the recorded time is the earliest scan ever: report what is stored.
        tx.update("attendance", aid, {"scans": {desk: when}, "kinds": {desk: via}, **(extra or {}), "deleted": False})
        tx.flush()
        _, _, first_at, first_desk = _attendance_state(tx.db, aid)
    return replace(
        base,
        kind=Kind.CHECKED_IN,
        at=first_at,
        desk=first_desk,
        was_invited=was_invited,
        attendance_created=True,
        invitation_created=invitation_created,
    )


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
        result = _record_scan(tx, base, aid, iid, this_desk, when, Via.WALK_IN)
    return replace(result, person_created=True)


def undo_checkin(store: Store, result: CheckinResult) -> UndoResult:
    """Undo the last check-in, in one transaction.

    - ``checked-in``: tombstone the attendance (and the invitation, and for a walk-in registration the person) this
      call created — unless another desk has scanned the person since, in which case they really are here and
      nothing is undone.
    - ``already``: the person was checked in before this scan, so the attendance stands. A desk added to its scans
      map stays there: the map is a union that merges by keeping every desk's earliest scan and cannot forget one,
      and it only says this desk saw the person too. Nothing to undo.
    - ``unknown``: nothing was written.

    A later re-scan revives the attendance; its time is then the earliest scan ever recorded at that desk.
    """
    if result.kind is Kind.UNKNOWN:
        return UndoResult(False, "ไม่มีอะไรให้ยกเลิก", "Nothing to undo: the scan was not recognised")
    if result.kind is Kind.NOT_INVITED:
        return UndoResult(False, "ไม่มีอะไรให้ยกเลิก: ยังไม่ได้ลงทะเบียน", "Nothing to undo: not checked in")
    if result.kind is Kind.ALREADY or not result.attendance_created:
        return UndoResult(
            False,
            "ไม่มีอะไรให้ยกเลิก: ผู้นี้ลงทะเบียนไว้ก่อนแล้ว",
            "Nothing to undo: this person had already checked in before",
        )
    aid = attendance_id(result.workshop_id, result.person_id, result.session_id)
    iid = natural_id("invitation", result.workshop_id, result.person_id)
    with store.transaction() as tx:
        live, scans, _, _ = _attendance_state(tx.db, aid)
        if not live:
            return UndoResult(False, "การลงทะเบียนนี้ถูกยกเลิกไปแล้ว", "This check-in was already undone")
        others = sorted(d for d in scans if d != result.this_desk)
        if others:
            return UndoResult(
                False,
                f"ยกเลิกไม่ได้: ผู้นี้ถูกสแกนที่โต๊ะ {', '.join(others)} ด้วย",
                f"Not undone: the person was also scanned at desk {', '.join(others)}",
            )
        tx.delete("attendance", aid)
        if result.invitation_created:
            tx.delete("invitation", iid)
        if result.person_created:
            tx.delete("person", result.person_id)
    return UndoResult(True, f"ยกเลิกการลงทะเบียนของ {result.name} แล้ว", f"Check-in of {result.name} undone")


# --- name search ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonMatch:
    person_id: str
    code: str
    name: str
    organisation: str
    participant_type: str
    district_code: str
    subdistrict_code: str
    invited: bool | None = None  # None when no workshop was given
    checked_in_at: str | None = None
    desk: str | None = None


_SEARCH_COLS = ("id", "code", "prefix", "first_name", "last_name", "organisation", "participant_type",
                "district_code", "subdistrict_code", "phone", "citizen_id")  # fmt: skip
_SEP = "\n"


@dataclass
class _PeopleIndex:
    """Folded search text of every live person, kept in step with the store (listeners and PRAGMA data_version)."""

    rows: dict[str, tuple] = field(default_factory=dict)  # id → row of _SEARCH_COLS
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (folded name, folded other)
    dirty: set[str] = field(default_factory=set)
    reload_all: bool = True
    data_version: int | None = None
    blob: str = ""
    starts: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    blob_ok: bool = False
    sort_keys: dict[str, tuple] = field(default_factory=dict)  # id → thai_sort_key of the folded name, made lazily
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on_apply(self, result: ApplyResult) -> None:
        """A store listener: may run on a task thread (an import), so it takes the lock the search holds."""
        changed = result.changed.get("person")
        if changed:
            with self.lock:
                self.dirty |= changed

    def _load(self, store: Store, ids: list[str] | None) -> None:
        cols = ",".join(_SEARCH_COLS)
        live = "deleted=0 AND merged_into IS NULL"
        if ids is None:
            self.rows.clear()
            self.texts.clear()
            self.sort_keys.clear()
            cursor = store.db.execute(f"SELECT {cols} FROM person WHERE {live}")
            fetched = cursor.fetchall()
        else:
            fetched = []
            for i in range(0, len(ids), 900):
                part = ids[i : i + 900]
                for pid in part:
                    self.rows.pop(pid, None)
                    self.texts.pop(pid, None)
                    self.sort_keys.pop(pid, None)
                marks = ",".join("?" * len(part))
                fetched += store.db.execute(f"SELECT {cols} FROM person WHERE {live} AND id IN ({marks})", part).fetchall()
        for r in fetched:
            pid, code, prefix, first, last, org, _, _, _, phone, cid = r
            self.rows[pid] = r
            name = fold_for_search(f"{first or ''} {last or ''}")
            other = fold_for_search(f"{prefix or ''} {org or ''} {(code or '').lower()} {phone or ''} {cid or ''}")
            self.texts[pid] = (name, other)
        self.blob_ok = False

    def sort_key(self, pid: str) -> tuple:
        key = self.sort_keys.get(pid)
        if key is None:
            key = self.sort_keys[pid] = thai_sort_key(self.texts[pid][0])
        return key

    def refresh(self, store: Store) -> None:
        version = store.db.execute("PRAGMA data_version").fetchone()[0]
        if self.reload_all or version != self.data_version:
            self._load(store, None)
            self.reload_all = False
            self.dirty.clear()
        elif self.dirty:
            dirty, self.dirty = sorted(self.dirty), set()
            self._load(store, dirty)
        self.data_version = version
        if not self.blob_ok:
            parts, starts, ids, pos = [], [], [], 0
            for pid, (name, other) in self.texts.items():
                text = f"{name}\t{other}{_SEP}"
                parts.append(text)
                starts.append(pos)
                ids.append(pid)
                pos += len(text)
            self.blob, self.starts, self.ids, self.blob_ok = "".join(parts), starts, ids, True

    def find(self, term: str) -> set[str]:
        """Ids whose text contains ``term`` (folded)."""
        out: set[str] = set()
        blob, starts, ids = self.blob, self.starts, self.ids
        i = blob.find(term)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            out.add(ids[k])
            nxt = starts[k + 1] if k + 1 < len(starts) else len(blob)
            i = blob.find(term, nxt)
        return out


_INDEXES: weakref.WeakKeyDictionary[Store, _PeopleIndex] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def _index_for(store: Store) -> _PeopleIndex:
    with _INDEXES_LOCK:
        index = _INDEXES.get(store)
        if index is None:
            index = _PeopleIndex()
            _INDEXES[store] = index
            store.listeners.append(index.on_apply)
        return index


def warm_search(store: Store) -> None:
    """Build the name-search index now (a second or so at 100,000 people), e.g. on a task thread when the check-in
    screen opens, so the first search at the desk does not wait for it."""
    index = _index_for(store)
    with index.lock:
        index.refresh(store)


def _terms(text: str) -> list[str]:
    return [t for t in fold_for_search(text).split(" ") if t and t != _SEP]


def search_people(
    store: Store,
    text: str,
    workshop_id: str | None = None,
    limit: int = 50,
    *,
    only_invited: bool = False,
    session_id: str | None = None,
) -> list[PersonMatch]:
    """People whose name, organisation, code, phone or citizen ID contains every word of ``text``.

    Thai or English, partial, ignoring tone marks and ็ ์ (``fold_for_search``), case and Thai digits. Text typed on
    the US layout while Thai was meant ("l;ylfu" for "สมชาย") is tried too. With ``workshop_id`` the matches say
    whether the person is invited and checked in, and invited people come first (``only_invited`` drops the rest).
    Best matches first: name starting with the text, a name word starting with it, elsewhere in the name, other
    fields; then Thai dictionary order.
    """
    terms = _terms(text)
    if not terms:
        return []
    index = _index_for(store)
    with index.lock:
        index.refresh(store)
        variants = [terms]
        if all(t.isascii() for t in terms):
            thai = _terms(us_to_thai(text))  # from the raw text: shifted keys type other Thai letters
            if thai and thai != terms:
                variants.append(thai)
        hits: dict[str, list[str]] = {}
        for words in variants:
            found = index.find(max(words, key=len))
            if len(words) == 1:  # find() already checked the one word
                for pid in found:
                    hits.setdefault(pid, words)
                continue
            for pid in found:
                name, other = index.texts[pid]
                if all(w in name or w in other for w in words):
                    hits.setdefault(pid, words)
        invited: set[str] = set()
        attending: dict[str, tuple[str, str]] = {}
        groups: list[set[str] | dict[str, list[str]]] = [hits]
        if workshop_id:
            on_roster = presence.roster(store.db, workshop_id, session_id)
            invited = {pid for pid, p in on_roster.items() if p.invited}
            attending = {pid: (p.checked_in_at, p.desk) for pid, p in on_roster.items() if p.present}
            groups = [hits.keys() & invited] if only_invited else [hits.keys() & invited, hits.keys() - invited]

        def score(pid: str) -> int:
            name = index.texts[pid][0]
            first = hits[pid][0]
            if name.startswith(first):
                return 0
            if any(part.startswith(first) for part in name.split(" ")):
                return 1
            return 2 if first in name else 3

        # Invited people first; within each group cheap score buckets, and Thai collation keys only for the buckets
        # that can still reach the first ``limit`` (a short word like "นาง" matches half the province).
        best: list[str] = []
        for group in groups:
            if len(best) >= limit:
                break
            buckets: dict[int, list[str]] = {}
            for pid in group:
                buckets.setdefault(score(pid), []).append(pid)
            for key in sorted(buckets):
                room = limit - len(best)
                if room <= 0:
                    break
                best += heapq.nsmallest(room, buckets[key], key=lambda pid: (index.sort_key(pid), pid))
        rows = [index.rows[pid] for pid in best]
    out = []
    for r in rows:
        pid, code, prefix, first, last, org, ptype, dcode, scode = r[:9]
        at, desk = attending.get(pid, (None, None))
        out.append(
            PersonMatch(
                pid,
                code or "",
                full_name(prefix or "", first or "", last or ""),
                org or "",
                ptype or "",
                dcode or "",
                scode or "",
                (pid in invited) if workshop_id else None,
                at,
                desk,
            )
        )
    return out


# --- live counts ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str  # participant type value or district code ("" = not given)
    label_th: str
    label_en: str
    checked_in: int
    invited: int


@dataclass(frozen=True)
class LiveCounts:
    checked_in: int
    invited: int
    by_type: list[CountRow]
    by_district: list[CountRow]

    def as_json(self) -> dict:
        def rows(items: list[CountRow]) -> list[dict]:
            return [{"key": r.key, "label": r.label_th, "checked_in": r.checked_in, "invited": r.invited} for r in items]

        return {
            "checked_in": self.checked_in,
            "invited": self.invited,
            "by_type": rows(self.by_type),
            "by_district": rows(self.by_district),
        }


_COUNTS_SQL = f"""
WITH RECURSIVE {presence.ROSTER}
SELECT COALESCE(p.participant_type, ''), COALESCE(p.district_code, ''), SUM(t.invited), SUM(t.checked_in_at IS NOT NULL)
FROM roster t JOIN person p ON p.id = t.person_id
GROUP BY 1, 2
"""


def live_counts(store: Store, workshop_id: str, session_id: str | None = None) -> LiveCounts:
    """Checked in / invited for a workshop, in total, by participant type and by district (live people only).

    With ``session_id`` "checked in" counts that session only; without it, anyone checked in at any session.

    "Invited" counts invitations (walk-ins are invited when they check in); a person checked in on another laptop
    whose invitation never reached this one is counted as checked in only.
    """
    _require_workshop(store, workshop_id)
    by_type: dict[str, list[int]] = {}
    by_district: dict[str, list[int]] = {}
    total = [0, 0]
    for ptype, dcode, inv, att in store.db.execute(_COUNTS_SQL, {"workshop": workshop_id, "session": session_id}):
        for bucket, key in ((by_type, ptype), (by_district, dcode)):
            acc = bucket.setdefault(key, [0, 0])
            acc[0] += att
            acc[1] += inv
        total[0] += att
        total[1] += inv
    types = {p.value: p for p in ParticipantType}
    order = list(types)
    type_rows = []
    for key in sorted(by_type, key=lambda k: (order.index(k) if k in types else len(order), k)):
        att, inv = by_type[key]
        if key in types:
            th, en = types[key].th, types[key].en
        else:
            th, en = ("ไม่ระบุ", "Not given") if not key else (key, key)
        type_rows.append(CountRow(key, th, en, att, inv))
    dv = divisions()
    district_rows = []
    for key in sorted(by_district, key=lambda k: (k == "", k)):
        att, inv = by_district[key]
        d = dv.districts.get(key)
        th, en = (d.name_th, d.name_en) if d else ("ไม่ระบุ", "Not given")
        district_rows.append(CountRow(key, th, en, att, inv))
    return LiveCounts(total[0], total[1], type_rows, district_rows)


# --- the latest check-ins --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecentCheckin:
    person_id: str
    name: str
    organisation: str
    participant_type: str
    district_code: str
    subdistrict_code: str
    at: str  # the attendance's check-in time (its earliest scan), ISO 8601 with offset
    desk: str


_RECENT_SQL = f"""
WITH RECURSIVE {presence.ROSTER}
SELECT p.id, IFNULL(p.prefix, ''), IFNULL(p.first_name, ''), IFNULL(p.last_name, ''), IFNULL(p.organisation, ''),
       IFNULL(p.participant_type, ''), IFNULL(p.district_code, ''), IFNULL(p.subdistrict_code, ''),
       a.checked_in_at, IFNULL(a.desk, '')
FROM roster a JOIN person p ON p.id = a.person_id
WHERE a.checked_in_at IS NOT NULL
ORDER BY a.checked_in_at DESC, p.id
LIMIT :limit
"""


def latest_checkins(
    store: Store, workshop_id: str, limit: int = 30, session_id: str | None = None
) -> list[RecentCheckin]:
    """The ``limit`` most recent check-ins at a workshop (any desk; one session with ``session_id``), newest first."""
    return [
        RecentCheckin(pid, full_name(prefix, first, last), org, ptype, dcode, scode, at, desk)
        for pid, prefix, first, last, org, ptype, dcode, scode, at, desk in store.db.execute(
            _RECENT_SQL, {"workshop": workshop_id, "session": session_id, "limit": max(0, int(limit))}
        )
    ]
