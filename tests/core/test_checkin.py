"""Check-in at the door: scans (US or Thai layout), repeats, unknown codes that write nothing, undo, walk-ins,
name search and live counts."""

from __future__ import annotations

import json

import pytest

from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.model import Attendance, Invitation, natural_id
from lampang_planner.core.ops import checkin as C
from lampang_planner.core.ops.people import add_person, delete_person, invite
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.qr import ALPHABET, is_valid_code, payload
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.keyboard import thai_to_us, us_to_thai

AT = "2016-08-30T08:42:00+07:00"
LATER = "2016-08-30T09:15:30+07:00"


def snapshot(store) -> tuple[str, dict]:
    return digest(store.db), counts(store.db)


@pytest.fixture
def venue(empty_store):
    """A workshop in อำเภอเกาะคา with four invited people and one person who was not invited."""
    store = empty_store
    wid = add_workshop(
        store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2016-09-03", "district_code": "5203"}
    )
    people = {
        "somchai": {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "organisation": "สภาองค์กรชุมชนตำบลศาลา",
                    "participant_type": "community_council", "subdistrict_code": "520305", "phone": "0811111111"},
        "chanphen": {"prefix": "นาง", "first_name": "จันทร์เพ็ญ", "last_name": "อินต๊ะ", "organisation": "อบต.ไหล่หิน",
                     "participant_type": "local_government", "subdistrict_code": "520306"},
        "somsri": {"prefix": "นางสาว", "first_name": "สมศรี", "last_name": "แก้วมา", "organisation": "ที่ว่าการอำเภอ",
                   "participant_type": "state_agency", "district_code": "5201"},
        "john": {"prefix": "Mr.", "first_name": "John", "last_name": "Smith", "organisation": "Lampang Rotary",
                 "participant_type": "private_sector"},
    }  # fmt: skip
    ids = {key: add_person(store, fields, workshop_id=wid) for key, fields in people.items()}
    ids["stranger"] = add_person(
        store, {"prefix": "นาย", "first_name": "เกรียงศักดิ์", "last_name": "ทองคำ", "participant_type": "other"}
    )
    codes = {key: store.scalar("SELECT code FROM person WHERE id=?", (pid,)) for key, pid in ids.items()}
    return store, wid, ids, codes


def attendance(store, wid, pid) -> dict | None:
    row = store.db.execute(
        "SELECT deleted, scans, checked_in_at, desk FROM attendance WHERE id=?", (natural_id(Attendance, wid, pid),)
    ).fetchone()
    if row is None:
        return None
    return {"deleted": bool(row[0]), "scans": json.loads(row[1]), "at": row[2], "desk": row[3]}


def malformed(code: str) -> str:
    """``code`` with its first symbol replaced: the check character catches every single substitution."""
    other = next(c for c in ALPHABET if c != code[0])
    return other + code[1:]


# --- scanning --------------------------------------------------------------------------------------------------------


def test_a_scan_of_an_invited_person_checks_them_in(venue):
    store, wid, ids, codes = venue
    r = C.check_in(store, wid, codes["somchai"], desk="1", at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.ok
    assert (r.person_id, r.code, r.at, r.desk, r.this_desk) == (ids["somchai"], codes["somchai"], AT, "1", "1")
    assert r.name == "นายสมชาย ใจดี" and r.organisation == "สภาองค์กรชุมชนตำบลศาลา"
    assert r.was_invited and r.attendance_created and not r.invitation_created
    assert attendance(store, wid, ids["somchai"]) == {"deleted": False, "scans": {"1": AT}, "at": AT, "desk": "1"}
    assert r.message("th") == "ลงทะเบียนเรียบร้อย 08:42 น. (โต๊ะ 1)"
    assert r.message("en") == "checked in at 08:42 (desk 1)"
    assert r.line().startswith(f"checked-in {codes['somchai']} ")


@pytest.mark.parametrize(
    "shape",
    [
        lambda code: payload(code),
        lambda code: f"  {payload(code).lower()}\r\n",
        lambda code: code.lower(),
        lambda code: us_to_thai(payload(code)),  # a USB scanner typing under the Thai Kedmanee layout
        lambda code: us_to_thai(code) + "\n",
    ],
    ids=["payload", "payload-lower-crlf", "bare-lower", "thai-layout-payload", "thai-layout-bare"],
)
def test_every_shape_a_scanner_delivers_is_read(venue, shape):
    store, wid, ids, codes = venue
    scanned = shape(codes["chanphen"])
    r = C.check_in(store, wid, scanned, at=AT)
    assert r.kind is C.Kind.CHECKED_IN, r.line()
    assert r.person_id == ids["chanphen"] and r.scanned == scanned


def test_a_thai_layout_burst_really_is_thai(venue):
    store, wid, _ids, codes = venue
    burst = us_to_thai(payload(codes["john"]))
    assert burst.startswith("สยยๅว") and thai_to_us(burst) == payload(codes["john"])  # new badges: no Shift
    assert C.check_in(store, wid, burst, at=AT).kind is C.Kind.CHECKED_IN
    old_badge = us_to_thai("LPP1:" + codes["john"])
    assert old_badge.startswith("ศญญๅซ") and C.check_in(store, wid, old_badge, at=AT).kind is C.Kind.ALREADY


def test_a_repeat_at_the_same_desk_is_amber_with_the_first_time_and_writes_nothing(venue):
    store, wid, _ids, codes = venue
    C.check_in(store, wid, codes["somchai"], desk="2", at=AT)
    before = snapshot(store)
    r = C.check_in(store, wid, codes["somchai"], desk="2", at=LATER)
    assert r.kind is C.Kind.ALREADY and r.ok
    assert (r.at, r.desk, r.scanned_at) == (AT, "2", LATER)
    assert r.message("en") == "already checked in at desk 2, 08:42"
    assert r.message("th") == "ลงทะเบียนแล้วที่โต๊ะ 2 เมื่อ 08:42 น."
    assert r.line().startswith("already ")
    assert not r.desk_added
    assert snapshot(store) == before


def test_a_scan_at_another_desk_is_amber_and_records_that_desk_too(venue):
    store, wid, ids, codes = venue
    C.check_in(store, wid, codes["somchai"], desk="1", at=AT)
    r = C.check_in(store, wid, codes["somchai"], desk="2", at=LATER)
    assert r.kind is C.Kind.ALREADY and (r.at, r.desk) == (AT, "1") and r.desk_added
    # exactly what merging two laptops' attendances would give: both desks, the earliest time
    assert attendance(store, wid, ids["somchai"]) == {
        "deleted": False, "scans": {"1": AT, "2": LATER}, "at": AT, "desk": "1"
    }  # fmt: skip
    assert counts(store.db)["attendance"] == 1


def _another_desk_writes_first(store, other_desk):
    """Make ``other_desk`` (a second program on the same folder) commit its check-in after this store has read and
    before it takes the write lock: the moment two desks on one folder race."""
    plain = store.transaction

    def transaction(*args, **kwargs):
        store.transaction = plain
        other_desk()
        return plain(*args, **kwargs)

    store.transaction = transaction


def test_two_desks_on_one_folder_agree_when_the_other_writes_between_the_read_and_the_lock(venue):
    from lampang_planner.core.db import Store

    store, wid, ids, codes = venue
    other = Store.open(store.data_dir)
    try:
        _another_desk_writes_first(store, lambda: C.check_in(other, wid, codes["somchai"], desk="2", at=AT))
        r = C.check_in(store, wid, codes["somchai"], desk="1", at=LATER)
        assert r.kind is C.Kind.ALREADY and (r.at, r.desk) == (AT, "2") and r.desk_added and r.was_invited
        assert not r.attendance_created
        assert attendance(store, wid, ids["somchai"]) == {
            "deleted": False, "scans": {"2": AT, "1": LATER}, "at": AT, "desk": "2"
        }  # fmt: skip
        # the other desk invited a stranger with their check-in: this desk's confirmation adds no second invitation
        _another_desk_writes_first(
            store, lambda: C.check_in(other, wid, codes["stranger"], desk="2", at=AT, invite=True)
        )
        r = C.check_in(store, wid, codes["stranger"], desk="1", at=LATER, invite=True)
        assert r.kind is C.Kind.ALREADY and r.was_invited and not r.invitation_created and r.desk_added
        assert counts(store.db)["attendance"] == 2
        assert store.scalar("SELECT COUNT(*) FROM invitation WHERE workshop_id=?", (wid,)) == 5
    finally:
        other.close()


def test_an_earlier_day_is_named_in_the_amber_message(venue):
    store, wid, _ids, codes = venue
    C.check_in(store, wid, codes["somsri"], desk="1", at="2016-08-29T16:05:00+07:00")
    r = C.check_in(store, wid, codes["somsri"], desk="1", at=AT)
    assert r.message("th") == "ลงทะเบียนแล้วที่โต๊ะ 1 เมื่อ 29 ส.ค. 2559 16:05 น."
    assert r.message("en") == "already checked in at desk 1, 2016-08-29 16:05"


@pytest.mark.parametrize(
    "scanned",
    ["", "   \r\n", "hello world", "LPP1:", "LPP2:ZZZZ", "http://example.com/?q=1", "ศญญๅซ", "ก" * 500],
)
def test_malformed_scans_are_red_and_write_nothing(venue, scanned):
    store, wid, _ids, _codes = venue
    before = snapshot(store)
    r = C.check_in(store, wid, scanned, at=AT)
    assert r.kind is C.Kind.UNKNOWN and not r.ok and r.code is None
    assert r.reason_th and r.reason_en == "not a valid code"
    assert r.line().startswith("unknown ")
    assert snapshot(store) == before


def test_a_mistyped_code_fails_its_check_character_and_writes_nothing(venue):
    store, wid, _ids, codes = venue
    before = snapshot(store)
    r = C.check_in(store, wid, malformed(codes["somchai"]), at=AT)
    assert r.kind is C.Kind.UNKNOWN and r.code is None
    assert snapshot(store) == before


def test_a_well_formed_code_nobody_has_is_red_and_writes_nothing(venue):
    store, wid, _ids, _codes = venue
    from lampang_planner.core.qr import make_code

    stranger = make_code("nobody at all")
    assert is_valid_code(stranger)
    before = snapshot(store)
    r = C.check_in(store, wid, payload(stranger), at=AT)
    assert r.kind is C.Kind.UNKNOWN and r.code == stranger
    assert r.reason_en == "no one has this code" and r.reason_th == "ไม่พบรหัสนี้ในรายชื่อ"
    assert snapshot(store) == before


def test_the_code_of_a_removed_person_is_red(venue):
    store, wid, ids, codes = venue
    delete_person(store, ids["somsri"])
    before = snapshot(store)
    r = C.check_in(store, wid, codes["somsri"], at=AT)
    assert r.kind is C.Kind.UNKNOWN and r.reason_en == "this person has been removed"
    assert snapshot(store) == before


def test_a_code_two_records_share_goes_to_the_live_one_whatever_their_order(venue):
    """A removed record and a merged-away one keep their code; when another record carries it too, the live one is
    checked in (then the one merged away, followed to its survivor), by scan and on the command line's path alike."""
    store, wid, ids, codes = venue
    delete_person(store, ids["somsri"])
    with store.transaction() as tx:  # the removed record and a merged-away one carry john's code as well
        tx.update("person", ids["somsri"], {"code": codes["john"]})
        tx.update("person", ids["somchai"], {"code": codes["john"], "merged_into": ids["chanphen"]})  # an older row
    assert store.scalar("SELECT COUNT(*) FROM person WHERE code=?", (codes["john"],)) == 3
    r = C.check_in(store, wid, payload(codes["john"]), at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_id == ids["john"]
    assert C._person_by_code(store, codes["john"])[0]["id"] == ids["john"]
    delete_person(store, ids["john"])
    r = C.check_in(store, wid, payload(codes["john"]), at=LATER)
    assert r.kind is C.Kind.CHECKED_IN and r.person_id == ids["chanphen"]
    assert C._person_by_code(store, codes["john"])[0]["id"] == ids["chanphen"]


def test_the_code_of_a_merged_away_duplicate_checks_in_the_person_it_was_merged_into(venue):
    store, wid, ids, codes = venue
    with store.transaction() as tx:
        tx.update("person", ids["stranger"], {"merged_into": ids["somchai"]})
    r = C.check_in(store, wid, codes["stranger"], at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_id == ids["somchai"] and r.code == codes["somchai"]


def test_a_known_person_who_was_not_invited_is_not_invited_and_nothing_is_written(venue):
    """The desk may have the wrong workshop chosen: a person not on its list is not checked in silently."""
    store, wid, ids, codes = venue
    before = snapshot(store)
    r = C.check_in(store, wid, codes["stranger"], at=AT)
    assert r.kind is C.Kind.NOT_INVITED and r.person_id == ids["stranger"] and not r.ok
    assert r.message("th").startswith("ไม่อยู่ในรายชื่อเชิญ") and "not checked in" in r.message("en")
    assert C.check_in_person(store, wid, ids["stranger"], at=AT).kind is C.Kind.NOT_INVITED
    assert not C.undo_checkin(store, r).done
    assert snapshot(store) == before


def test_a_known_person_who_was_not_invited_is_invited_and_checked_in_together_when_confirmed(venue):
    store, wid, _ids, codes = venue
    before = counts(store.db)
    r = C.check_in(store, wid, codes["stranger"], at=AT, invite=True)
    assert r.kind is C.Kind.CHECKED_IN and not r.was_invited and r.invitation_created
    assert r.message("en") == "checked in at 08:42 (desk 1) — walk-in"
    after = counts(store.db)
    assert after["invitations"] == before["invitations"] + 1 and after["attendance"] == before["attendance"] + 1


def test_an_unknown_workshop_is_refused_before_anything_is_written(venue):
    store, _wid, _ids, codes = venue
    before = snapshot(store)
    with pytest.raises(UserError) as err:
        C.check_in(store, "no-such-workshop", codes["somchai"])
    assert err.value.code == "unknown-workshop" and err.value.th
    assert snapshot(store) == before


def test_the_desk_defaults_to_the_data_folders_desk(venue):
    store, wid, _ids, codes = venue
    assert C.set_desk(store, "  โต๊ะ   ลงทะเบียน 3 ") == "โต๊ะ ลงทะเบียน 3"
    assert store.desk == "โต๊ะ ลงทะเบียน 3"
    r = C.check_in(store, wid, codes["john"], at=AT)
    assert r.desk == r.this_desk == "โต๊ะ ลงทะเบียน 3"
    for bad in ("", "   ", "x" * 41):
        with pytest.raises(UserError):
            C.set_desk(store, bad)
    assert store.desk == "โต๊ะ ลงทะเบียน 3"


def test_times_are_recorded_in_bangkok_time():
    assert C.bangkok_iso("2016-08-30T01:42:05+00:00") == AT.replace(":00+", ":05+")
    assert C.bangkok_iso("2016-08-30T08:42:00") == AT  # naive: already Bangkok
    assert C.clock_time("2016-08-30T01:42:05+00:00") == "08:42"
    assert C.bangkok_iso().endswith("+07:00")
    # now, read from the clock in one call: the same text as the datetime way (tried again across a second's edge)
    for _ in range(3):
        before, now, after = C.now_bangkok().isoformat(), C.bangkok_iso(), C.now_bangkok().isoformat()
        if before == after:
            assert now == before
            break
    else:
        raise AssertionError("the clock crossed a second three times running")


def test_a_scan_goes_to_the_session_the_desk_names_and_never_to_one_that_is_not_this_workshops(empty_store):
    """The desk names its session: a live session of this workshop (the implied first one has no row) is taken as it
    is; another workshop's session, a removed one or a made-up id is refused before anything is written, and an
    unknown or removed workshop is refused as such whatever session is named."""
    from session_support import two_sessions

    from lampang_planner.core.ops.sessions import add_session, delete_session
    from lampang_planner.core.schema import first_session_id

    ws = two_sessions(empty_store)
    store, wid, ids = ws.store, ws.wid, ws.ids
    code = {k: store.scalar("SELECT code FROM person WHERE id=?", (pid,)) for k, pid in ids.items()}
    r = C.check_in(store, wid, payload(code["somchai"]), at=AT, session_id=ws.afternoon)
    assert r.kind is C.Kind.CHECKED_IN and r.session_id == ws.afternoon
    other = add_workshop(store, {"title": "อีกเวที", "start_date": "2026-12-09", "district_code": "5203"})
    implied = first_session_id(other)  # never edited: no row
    assert store.scalar("SELECT COUNT(*) FROM session WHERE id=?", (implied,)) == 0
    invite(store, other, [ids["kaew"]])
    r = C.check_in(store, other, payload(code["kaew"]), at=AT, session_id=implied)
    assert r.kind is C.Kind.CHECKED_IN and r.session_id == implied
    removed = add_session(store, wid, {"name": "ภาคค่ำ", "day": "2026-12-08", "starts": "18:00"})
    assert delete_session(store, wid, removed)
    before = snapshot(store)
    for sid in (implied, ws.morning.replace(ws.morning[:8], "00000000"), removed):
        with pytest.raises(UserError) as err:
            C.check_in(store, wid, payload(code["chanphen"]), at=AT, session_id=sid)
        assert err.value.code == "unknown-session", sid
        with pytest.raises(UserError) as err:
            C.check_in_person(store, wid, ids["chanphen"], at=AT, session_id=sid)
        assert err.value.code == "unknown-session", sid
    with pytest.raises(UserError) as err:
        C.check_in(store, other, payload(code["chanphen"]), at=AT, session_id=ws.morning)
    assert err.value.code == "unknown-session"
    with store.transaction() as tx:
        tx.delete("workshop", other)
    for text in (payload(code["kaew"]), "not a code"):
        with pytest.raises(UserError) as err:
            C.check_in(store, other, text, at=AT, session_id=implied)
        assert err.value.code == "unknown-workshop"
    assert store.scalar("SELECT COUNT(*) FROM attendance") == 2
    assert counts(store.db)["attendance"] == before[1]["attendance"]


# --- undo ------------------------------------------------------------------------------------------------------------


def test_undo_takes_back_the_last_check_in_and_a_rescan_brings_it_back(venue):
    store, wid, ids, codes = venue
    before = counts(store.db)
    r = C.check_in(store, wid, codes["somchai"], desk="1", at=AT)
    u = C.undo_checkin(store, r)
    assert u.done and "สมชาย" in u.message("th") and "undone" in u.message("en")
    assert attendance(store, wid, ids["somchai"])["deleted"]
    assert {k: v for k, v in counts(store.db).items() if k not in ("tombstones", "changes")} == {
        k: v for k, v in before.items() if k not in ("tombstones", "changes")
    }
    again = C.undo_checkin(store, r)
    assert not again.done and again.message("en") == "This check-in was already undone"
    # a re-scan revives the attendance; the stored time is the earliest scan ever made at this desk
    r2 = C.check_in(store, wid, codes["somchai"], desk="1", at=LATER)
    assert r2.kind is C.Kind.CHECKED_IN and r2.attendance_created
    stored = attendance(store, wid, ids["somchai"])
    assert not stored["deleted"] and (r2.at, r2.desk) == (stored["at"], stored["desk"]) == (AT, "1")


def test_undo_of_a_check_in_of_someone_not_invited_removes_the_invitation_too(venue):
    store, wid, ids, codes = venue
    before = counts(store.db)
    r = C.check_in(store, wid, codes["stranger"], at=AT, invite=True)
    assert C.undo_checkin(store, r).done
    inv = store.db.execute(
        "SELECT deleted FROM invitation WHERE id=?", (natural_id(Invitation, wid, ids["stranger"]),)
    ).fetchone()
    assert inv == (1,)
    assert counts(store.db)["invitations"] == before["invitations"]


def test_nothing_to_undo_after_amber_or_red(venue):
    store, wid, _ids, codes = venue
    C.check_in(store, wid, codes["john"], at=AT)
    amber = C.check_in(store, wid, codes["john"], at=LATER)
    red = C.check_in(store, wid, "nonsense", at=LATER)
    before = snapshot(store)
    for r in (amber, red):
        u = C.undo_checkin(store, r)
        assert not u.done and u.message("th") and u.message("en")
    assert snapshot(store) == before


def test_undo_leaves_a_person_another_desk_has_seen_since(venue):
    store, wid, ids, codes = venue
    r = C.check_in(store, wid, codes["somsri"], desk="1", at=AT)
    C.check_in(store, wid, codes["somsri"], desk="2", at=LATER)
    u = C.undo_checkin(store, r)
    assert not u.done and "2" in u.message("en")
    assert not attendance(store, wid, ids["somsri"])["deleted"]


# --- walk-ins --------------------------------------------------------------------------------------------------------

WALK_IN = {
    "prefix": "นาง",
    "first_name": "บุญศรี",
    "last_name": "คำแสน",
    "organisation": "กลุ่มแม่บ้านบ้านนาแก้ว",
    "participant_type": "network_member",
    "subdistrict_code": "520303",
    "phone": "๐๘๙-๑๒๓-๔๕๖๗",
    "consent": True,
}


def test_a_walk_in_is_registered_invited_and_checked_in_in_one_call(venue):
    store, wid, _ids, _codes = venue
    before = counts(store.db)
    changes_before = before["changes"]
    r = C.register_walk_in(store, wid, dict(WALK_IN), desk="2", at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_created and r.invitation_created and not r.was_invited
    assert r.name == "นางบุญศรี คำแสน" and is_valid_code(r.code)
    assert (r.at, r.desk, r.district_code, r.subdistrict_code) == (AT, "2", "5203", "520303")
    after = counts(store.db)
    assert (after["people"], after["invitations"], after["attendance"]) == (
        before["people"] + 1, before["invitations"] + 1, before["attendance"] + 1
    )  # fmt: skip
    hlcs = {h for (h,) in store.db.execute("SELECT hlc FROM change ORDER BY rowid LIMIT -1 OFFSET ?", (changes_before,))}
    assert len(hlcs) == 3  # person, invitation, attendance — written by one transaction
    person = store.db.execute("SELECT phone, consent, consent_date FROM person WHERE id=?", (r.person_id,)).fetchone()
    assert person[0] == "0891234567" and person[1] == 1 and person[2]
    # their new badge works at once
    assert C.check_in(store, wid, payload(r.code), desk="2", at=LATER).kind is C.Kind.ALREADY


def test_a_walk_in_who_does_not_consent_is_checked_in_without_phone(venue):
    store, wid, _ids, _codes = venue
    r = C.register_walk_in(store, wid, {**WALK_IN, "consent": False}, at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_created
    row = store.db.execute("SELECT first_name, phone, consent, consent_date FROM person WHERE id=?", (r.person_id,))
    assert row.fetchone() == ("บุญศรี", None, 0, None)


def test_undo_of_a_walk_in_removes_the_person_as_well(venue):
    store, wid, _ids, _codes = venue
    before = counts(store.db)
    r = C.register_walk_in(store, wid, dict(WALK_IN), at=AT)
    assert C.undo_checkin(store, r).done
    after = counts(store.db)
    assert [after[k] for k in ("people", "invitations", "attendance")] == [
        before[k] for k in ("people", "invitations", "attendance")
    ]
    assert C.check_in(store, wid, r.code, at=LATER).reason_en == "this person has been removed"


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"first_name": "  "}, {"first_name"}),
        ({"consent": None}, {"consent"}),
        ({"phone": "12345"}, {"phone"}),
        ({"subdistrict_code": "999999"}, {"subdistrict_code"}),
        ({"first_name": "", "consent": None, "subdistrict_code": "9"}, {"first_name", "consent", "subdistrict_code"}),
    ],
)
def test_a_walk_in_with_problems_is_refused_per_field_and_nothing_is_written(venue, change, fields):
    store, wid, _ids, _codes = venue
    before = snapshot(store)
    with pytest.raises(ValidationError) as err:
        C.register_walk_in(store, wid, {**WALK_IN, **change}, at=AT)
    assert set(err.value.problems) == fields
    assert all(th and en for th, en in err.value.problems.values())
    assert snapshot(store) == before


# --- name search -----------------------------------------------------------------------------------------------------


def names(matches) -> list[str]:
    return [m.name for m in matches]


def test_search_finds_thai_names_by_part_and_ignores_tone_marks(venue):
    store, wid, _ids, _codes = venue
    assert names(C.search_people(store, "สมช", wid)) == ["นายสมชาย ใจดี"]
    assert names(C.search_people(store, "ใจด", wid)) == ["นายสมชาย ใจดี"]
    assert names(C.search_people(store, "สม", wid)) == ["นายสมชาย ใจดี", "นางสาวสมศรี แก้วมา"]
    # typed without ั ์ ็ tone marks and with them in other places
    assert names(C.search_people(store, "จันทรเพญ อินตะ", wid)) == ["นางจันทร์เพ็ญ อินต๊ะ"]
    assert names(C.search_people(store, "อิ่นต้ะ", wid)) == ["นางจันทร์เพ็ญ อินต๊ะ"]


def test_search_finds_english_names_organisations_codes_and_phones(venue):
    store, wid, _ids, codes = venue
    assert names(C.search_people(store, "smi", wid)) == ["Mr. John Smith"]
    assert names(C.search_people(store, "JOHN rotary", wid)) == ["Mr. John Smith"]
    assert names(C.search_people(store, codes["somsri"][:5], wid)) == ["นางสาวสมศรี แก้วมา"]
    assert names(C.search_people(store, "๐๘๑๑๑", wid)) == ["นายสมชาย ใจดี"]  # Thai digits
    assert C.search_people(store, "   ", wid) == []
    assert C.search_people(store, "ไม่มีใครชื่อนี้", wid) == []


def test_search_tries_thai_typed_on_the_us_layout(venue):
    store, wid, _ids, _codes = venue
    typed = thai_to_us("สมศรี")  # the facilitator forgot to switch the keyboard to Thai
    assert typed.isascii()
    assert names(C.search_people(store, typed, wid)) == ["นางสาวสมศรี แก้วมา"]


def test_search_says_who_is_invited_and_checked_in_and_puts_the_invited_first(venue):
    store, wid, ids, codes = venue
    C.check_in(store, wid, codes["somchai"], desk="3", at=AT)
    with store.transaction() as tx:  # a second person named สม… who is not invited
        tx.update("person", ids["stranger"], {"first_name": "สมควร"})
    found = C.search_people(store, "สม", wid)
    assert [(m.name, m.invited, m.checked_in_at, m.desk) for m in found] == [
        ("นายสมชาย ใจดี", True, AT, "3"),
        ("นางสาวสมศรี แก้วมา", True, None, None),
        ("นายสมควร ทองคำ", False, None, None),
    ]
    assert names(C.search_people(store, "สม", wid, only_invited=True)) == ["นายสมชาย ใจดี", "นางสาวสมศรี แก้วมา"]
    assert [m.invited for m in C.search_people(store, "สม")] == [None, None, None]


def test_search_follows_new_changed_and_removed_people(venue):
    store, wid, ids, _codes = venue
    assert C.search_people(store, "บุญศรี", wid) == []
    r = C.register_walk_in(store, wid, dict(WALK_IN), at=AT)
    assert [m.person_id for m in C.search_people(store, "บุญศรี", wid)] == [r.person_id]
    delete_person(store, ids["john"])
    assert C.search_people(store, "john", wid) == []
    assert len(C.search_people(store, "ส", wid, limit=2)) == 2


# --- live counts -----------------------------------------------------------------------------------------------------


def by_key(rows) -> dict[str, tuple[int, int]]:
    return {r.key: (r.checked_in, r.invited) for r in rows}


def test_live_counts_by_participant_type_and_district(venue):
    store, wid, _ids, codes = venue
    c0 = C.live_counts(store, wid)
    assert (c0.checked_in, c0.invited) == (0, 4)
    assert by_key(c0.by_district) == {"5203": (0, 2), "5201": (0, 1), "": (0, 1)}
    C.check_in(store, wid, codes["somchai"], at=AT)
    C.check_in(store, wid, codes["somchai"], desk="2", at=LATER)  # a second desk: still one person
    C.check_in(store, wid, codes["stranger"], at=AT, invite=True)  # not invited: invited on the spot
    C.register_walk_in(store, wid, dict(WALK_IN), at=AT)
    c = C.live_counts(store, wid)
    assert (c.checked_in, c.invited) == (3, 6)
    assert by_key(c.by_type) == {
        "network_member": (1, 1),
        "state_agency": (0, 1),
        "private_sector": (0, 1),
        "local_government": (0, 1),
        "community_council": (1, 1),
        "other": (1, 1),
    }
    assert [r.key for r in c.by_type][:2] == ["network_member", "state_agency"]  # vocabulary order
    assert by_key(c.by_district) == {"5203": (2, 3), "5201": (0, 1), "": (1, 2)}
    labels = {r.key: (r.label_th, r.label_en) for r in c.by_district}
    assert labels["5203"] == ("เกาะคา", "Ko Kha") and labels[""] == ("ไม่ระบุ", "Not given")
    assert sum(r.checked_in for r in c.by_type) == sum(r.checked_in for r in c.by_district) == c.checked_in
    assert c.as_json()["checked_in"] == 3


def test_latest_check_ins_come_newest_first(venue):
    store, wid, _ids, codes = venue
    C.check_in(store, wid, codes["somchai"], at=AT)
    C.check_in(store, wid, codes["john"], desk="2", at=LATER)
    C.check_in(store, wid, codes["somsri"], at="2016-08-30T08:50:00+07:00")
    recent = C.latest_checkins(store, wid)
    assert [(r.name, r.desk) for r in recent] == [
        ("Mr. John Smith", "2"), ("นางสาวสมศรี แก้วมา", "1"), ("นายสมชาย ใจดี", "1")
    ]  # fmt: skip
    assert [r.name for r in C.latest_checkins(store, wid, limit=1)] == ["Mr. John Smith"]


def test_on_the_demo_data_the_counts_match_the_rows(demo_store):
    wid = "abe49dd5-2bab-57b9-9424-d1b42f1a893d"  # เวทีประชาคมแผนพัฒนา อำเภอเมืองลำปาง
    c = C.live_counts(demo_store, wid)
    attended = demo_store.scalar("SELECT COUNT(*) FROM attendance WHERE workshop_id=? AND deleted=0", (wid,))
    invited = demo_store.scalar("SELECT COUNT(*) FROM invitation WHERE workshop_id=? AND deleted=0", (wid,))
    assert (c.checked_in, c.invited) == (attended, invited) and 0 < attended < invited
    pending = demo_store.scalar(
        "SELECT p.code FROM invitation i JOIN person p ON p.id = i.person_id WHERE i.workshop_id=? AND i.deleted=0 "
        "AND i.person_id NOT IN (SELECT person_id FROM attendance WHERE workshop_id=? AND deleted=0) ORDER BY p.code",
        (wid, wid),
    )
    assert C.check_in(demo_store, wid, us_to_thai(payload(pending))).kind is C.Kind.CHECKED_IN
    assert C.live_counts(demo_store, wid).checked_in == attended + 1


def test_invite_then_scan_counts_the_invitation_once(venue):
    store, wid, ids, codes = venue
    invite(store, wid, [ids["stranger"]])
    r = C.check_in(store, wid, codes["stranger"], at=AT)
    assert r.was_invited and not r.invitation_created
    assert C.live_counts(store, wid).invited == 5
