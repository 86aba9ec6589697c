"""Check-in at the door: scans (US or Thai layout), repeats, unknown codes that write nothing, and the desk and
session a scan goes to. Undo and walk-ins: test_checkin_walk_ins.py; name search and live counts:
test_checkin_search.py."""

from __future__ import annotations

import checkin_support
import pytest
from checkin_support import AT, LATER, attendance, malformed, snapshot

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops import checkin as C
from lampang_planner.core.ops.people import delete_person, invite
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.qr import is_valid_code, payload
from lampang_planner.core.sync.digest import counts
from lampang_planner.core.thai.keyboard import thai_to_us, us_to_thai

venue = checkin_support.venue  # the fixture: a workshop with four invited people and one who was not


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
