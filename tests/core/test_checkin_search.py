"""Check-in at the door: the desk's name search and its live counts."""

from __future__ import annotations

import checkin_support
from checkin_support import AT, LATER, WALK_IN

from lampang_planner.core.ops import checkin as C
from lampang_planner.core.ops.people import delete_person, invite
from lampang_planner.core.qr import payload
from lampang_planner.core.thai.keyboard import thai_to_us, us_to_thai

venue = checkin_support.venue  # the fixture: a workshop with four invited people and one who was not


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
