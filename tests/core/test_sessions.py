"""Sessions: the current one by the clock, check-in per session through the core, counts and quorum per session, the
day's roll-up, paper key-in, an existing (schema 0002) folder upgraded, and sessions merged through real bundles."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from merge_support import dig, enrol, export, new_device
from session_support import DAY, two_sessions

from lampang_planner.core.db import SCHEMA_HEAD, Store, schema_revision
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops import paper
from lampang_planner.core.ops.checkin import Kind, check_in, check_in_person, live_counts, undo_checkin
from lampang_planner.core.ops.resolutions import quorum
from lampang_planner.core.ops.session_attendance import checkin_entries, day_summary
from lampang_planner.core.ops.sessions import (
    add_session,
    current_session,
    delete_session,
    list_sessions,
    update_session,
)
from lampang_planner.core.schema import attendance_id, first_session_id
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys
from lampang_planner.core.sync.exchange import import_bundles

OLD = Path(__file__).parent / "old_folders"
BKK = dt.timezone(dt.timedelta(hours=7))


def at(hhmm: str, day: str = DAY) -> str:
    return f"{day}T{hhmm}:00+07:00"


@pytest.fixture
def ws(empty_store):
    return two_sessions(empty_store)


def test_the_door_picks_the_session_by_the_clock(ws):
    s, wid = ws.store, ws.wid
    names = [x.name for x in list_sessions(s, wid)]
    assert names == ["ภาคเช้า", "ภาคบ่าย"]

    def now(hhmm, day=DAY):
        return current_session(s, wid, dt.datetime.fromisoformat(at(hhmm, day))).name

    assert now("07:10") == "ภาคเช้า"  # before the day's first session: the first one
    assert now("11:59") == "ภาคเช้า"
    assert now("12:25") == "ภาคเช้า"
    assert now("12:30") == "ภาคบ่าย"  # half an hour early: people come before the start
    assert now("17:30") == "ภาคบ่าย"
    assert now("10:00", "2026-12-09") == "ภาคเช้า"  # a day without sessions: the first


def test_a_two_session_workshop_checked_in_through_the_core(ws):
    s, wid, ids = ws.store, ws.wid, ws.ids
    code = {k: s.scalar("SELECT code FROM person WHERE id=?", (pid,)) for k, pid in ids.items()}
    # Morning: three people, by scanner (session from the clock) and by name search.
    assert check_in(s, wid, code["somchai"], at=at("08:47")).session_id == ws.morning
    check_in(s, wid, code["chanphen"], at=at("09:02"), desk="2")
    check_in_person(s, wid, ids["kaew"], at=at("09:15"))
    # Afternoon: two of them again and one new; the same badge is a new check-in in a new session.
    r = check_in(s, wid, code["somchai"], at=at("12:50"))
    assert r.kind is Kind.CHECKED_IN and r.session_id == ws.afternoon and r.time == "12:50"
    assert check_in(s, wid, code["somchai"], at=at("13:20"), desk="2").kind is Kind.ALREADY
    check_in_person(s, wid, ids["thong"], at=at("13:05"))
    check_in_person(s, wid, ids["kaew"], at=at("13:06"))
    # Switched by hand: a late morning check-in typed in the afternoon.
    late = check_in_person(s, wid, ids["thong"], at=at("13:30"), session_id=ws.morning)
    assert late.kind is Kind.CHECKED_IN and late.session_id == ws.morning

    assert live_counts(s, wid, ws.morning).checked_in == 4
    assert live_counts(s, wid, ws.afternoon).checked_in == 3
    assert live_counts(s, wid).checked_in == 4  # anyone at any session
    [day] = day_summary(s, wid)
    assert day.day == dt.date(2026, 12, 8) and [c.checked_in for c in day.sessions] == [4, 3]
    assert (day.any_session, day.every_session) == (4, 3)
    # Quorum per session: half of the 4 registered.
    assert quorum(s, wid, session_id=ws.afternoon).present == 3
    assert quorum(s, wid, at=dt.datetime.fromisoformat(at("10:00"))).present == 3  # Thong was keyed in at 13:30
    # Undo in the afternoon leaves the morning alone.
    r = check_in_person(s, wid, ids["chanphen"], at=at("13:40"))
    assert undo_checkin(s, r).done
    assert live_counts(s, wid, ws.afternoon).checked_in == 3 and live_counts(s, wid, ws.morning).checked_in == 4
    # Every check-in is kept with its desk and how it was made.
    entries = checkin_entries(s, wid, ws.afternoon)[(ws.afternoon, ids["somchai"])]
    assert [(e.desk, e.at, e.via) for e in entries] == [("1", at("12:50"), "scan"), ("2", at("13:20"), "scan")]


def test_people_at_two_sessions_count_once_in_the_workshop_list_and_the_office_workbook(ws):
    from lampang_planner.core.ops.workshops import list_workshops
    from lampang_planner.core.reports.excel_sheets import attendance_sheet

    s, wid, ids = ws.store, ws.wid, ws.ids
    for key in ("somchai", "kaew"):
        check_in_person(s, wid, ids[key], at=at("08:55"))
        check_in_person(s, wid, ids[key], at=at("12:55"))
    check_in_person(s, wid, ids["thong"], at=at("13:10"))
    [row] = [w for w in list_workshops(s) if w.id == wid]
    assert row.attended == 3
    sheet = attendance_sheet(s, wid)
    rows = list(sheet.rows)
    assert sheet.count == len(rows) == 3
    times = {r[2]: r[11] for r in rows}  # first name → the earliest check-in of the day
    assert times["สมชาย"].hour == 8 and times["ทองสุข"].hour == 13


def test_sessions_are_validated_and_guarded(ws):
    s, wid = ws.store, ws.wid
    with pytest.raises(ValidationError) as e:
        add_session(s, wid, {"name": "เย็น", "day": "2026-12-20", "starts": "18:00", "ends": "17:00"})
    assert set(e.value.problems) == {"day", "ends"}
    with pytest.raises(ValidationError):
        update_session(s, wid, ws.afternoon, {"starts": "25:00"})
    check_in_person(s, wid, ws.ids["somchai"], at=at("13:01"))
    with pytest.raises(UserError) as e:
        delete_session(s, wid, ws.afternoon)
    assert e.value.code == "session-in-use"
    extra = add_session(s, wid, {"name": "ภาคค่ำ", "day": DAY, "starts": "18:00"})
    assert delete_session(s, wid, extra)
    with pytest.raises(UserError):
        check_in_person(s, wid, ws.ids["somchai"], session_id=extra)


def test_key_in_from_paper(ws):
    s, wid, ids = ws.store, ws.wid, ws.ids
    check_in_person(s, wid, ids["somchai"], at=at("13:01"))  # the door worked for one person, then the laptop failed
    with pytest.raises(UserError):
        paper.tick(s, wid, ws.afternoon, ids["kaew"], "  ")
    rows = paper.paper_roster(s, wid, ws.afternoon)
    assert [r.name for r in rows][:2] == ["นางสาวแก้วตา ปิ่นเงิน", "นางจันทร์เพ็ญ อินต๊ะ"]  # Thai order: ก before จ
    assert [r.name for r in paper.filter_roster(rows, "ปินเงิน")] == ["นางสาวแก้วตา ปิ่นเงิน"]  # tone marks ignored
    r = paper.tick(s, wid, ws.afternoon, ids["kaew"], "นางสมศรี ผู้บันทึก")
    assert r.kind is Kind.CHECKED_IN and r.at == at("13:00")  # the session's start
    paper.tick(s, wid, ws.afternoon, ids["thong"], "นางสมศรี ผู้บันทึก")
    ticked = {r.person_id: r.by_paper_only for r in paper.paper_roster(s, wid, ws.afternoon) if r.ticked}
    assert ticked == {ids["somchai"]: False, ids["kaew"]: True, ids["thong"]: True}
    [e] = checkin_entries(s, wid, ws.afternoon)[(ws.afternoon, ids["kaew"])]
    assert (e.via, e.desk, e.keyed_by) == ("paper", "", "นางสมศรี ผู้บันทึก") and e.keyed_at
    assert not paper.untick(s, wid, ws.afternoon, ids["somchai"])  # a door check-in stays
    assert paper.untick(s, wid, ws.afternoon, ids["thong"])
    assert live_counts(s, wid, ws.afternoon).checked_in == 2 and live_counts(s, wid, ws.morning).checked_in == 0


def test_an_existing_folder_made_before_sessions_is_upgraded(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(OLD / "schema-0002.sqlite3", folder / "lampang_planner.sqlite3")
    store = Store.open(folder)
    try:
        assert schema_revision(store.db) == SCHEMA_HEAD  # 0004 and what follows it
        assert list((folder / "backups").glob("*before-upgrade-0002*"))
        [wid] = [r[0] for r in store.query("SELECT id FROM workshop")]
        [only] = list_sessions(store, wid)
        assert only.id == first_session_id(wid) and only.implied and only.label() == "ช่วงที่ 1"
        rows = store.query("SELECT id, person_id, session_id, scans FROM attendance ORDER BY checked_in_at")
        assert [r[2] for r in rows] == [only.id, only.id]
        assert all(r[0] == attendance_id(wid, r[1], only.id) for r in rows)
        assert json.loads(rows[1][3]) == {"1": "2026-11-20T09:07:00+07:00", "2": "2026-11-20T09:05:00+07:00"}
        assert live_counts(store, wid, only.id).checked_in == 2
        # It keeps working: the old check-ins are "already", a new one lands in the one session.
        people = [r[0] for r in store.query("SELECT person_id FROM invitation ORDER BY person_id")]
        done = {r[1] for r in rows}
        new = next(p for p in people if p not in done)
        assert check_in_person(store, wid, rows[0][1], at="2026-11-20T10:00:00+07:00").kind is Kind.ALREADY
        assert check_in_person(store, wid, new, at="2026-11-20T10:01:00+07:00").session_id == only.id
        # Renaming the first session gives it a row under its derived id; a second session can be added.
        update_session(store, wid, only.id, {"name": "ภาคเช้า", "starts": "09:00"})
        add_session(store, wid, {"name": "ภาคบ่าย", "starts": "13:00"})
        assert [x.name for x in list_sessions(store, wid)] == ["ภาคเช้า", "ภาคบ่าย"]
    finally:
        store.close()


def test_a_bundle_from_before_sessions_lands_in_the_first_session(tmp_path):
    office = new_device(tmp_path / "office", "office")
    try:
        old = B.read_bundle(OLD / "schema-0002-full.lpbundle").manifest["device"]
        with office.transaction() as tx:  # the office enrolled the old laptop (trust is given, issue #13)
            keys.pin(tx.db, old["id"], old["public_key"], old.get("name", ""), old.get("role", "laptop"))
        import_bundles(office, [OLD / "schema-0002-full.lpbundle"])
        [wid] = [r[0] for r in office.query("SELECT id FROM workshop")]
        assert {r[0] for r in office.query("SELECT session_id FROM attendance")} == {first_session_id(wid)}
        assert live_counts(office, wid, first_session_id(wid)).checked_in == 2
        # The same data reached by upgrading the old folder itself digests the same.
        folder = tmp_path / "old"
        folder.mkdir()
        shutil.copy(OLD / "schema-0002.sqlite3", folder / "lampang_planner.sqlite3")
        with Store.open(folder) as upgraded:
            assert dig(upgraded) == dig(office)
    finally:
        office.close()


def test_sessions_merge_through_real_bundles(tmp_path):
    office = new_device(tmp_path / "office", "office", role="office")
    laptop = new_device(tmp_path / "laptop", "laptop")
    try:
        enrol(office, laptop)
        enrol(laptop, office)
        ws = two_sessions(office)
        kit = export(office, tmp_path / "kit", full=True)
        import_bundles(laptop, [kit])
        assert [x.name for x in list_sessions(laptop, ws.wid)] == ["ภาคเช้า", "ภาคบ่าย"]
        # The laptop works the door; the office adds an evening session and moves the afternoon's end meanwhile.
        check_in_person(laptop, ws.wid, ws.ids["somchai"], at=at("08:55"))
        check_in_person(laptop, ws.wid, ws.ids["somchai"], at=at("12:45"))
        check_in_person(office, ws.wid, ws.ids["somchai"], at=at("12:47"), desk="office")
        paper.tick(laptop, ws.wid, ws.afternoon, ws.ids["kaew"], "ผู้บันทึก ก")
        paper.tick(office, ws.wid, ws.afternoon, ws.ids["kaew"], "ผู้บันทึก ข")
        evening = add_session(office, ws.wid, {"name": "ภาคค่ำ", "day": DAY, "starts": "18:00"})
        update_session(office, ws.wid, ws.afternoon, {"ends": "16:30"})
        a = export(laptop, tmp_path / "a")
        b = export(office, tmp_path / "b")
        import_bundles(office, [a])
        import_bundles(laptop, [b])
        assert dig(office) == dig(laptop)
        for s in (office, laptop):
            names = [(x.name, x.ends) for x in list_sessions(s, ws.wid)]
            assert names == [("ภาคเช้า", "12:00"), ("ภาคบ่าย", "16:30"), ("ภาคค่ำ", "")]
            assert live_counts(s, ws.wid, ws.afternoon).checked_in == 2
            assert live_counts(s, ws.wid, ws.morning).checked_in == 1
            both = checkin_entries(s, ws.wid, ws.afternoon)[(ws.afternoon, ws.ids["somchai"])]
            assert [(e.desk, e.at) for e in both] == [("1", at("12:45")), ("office", at("12:47"))]
            [p] = checkin_entries(s, ws.wid, ws.afternoon)[(ws.afternoon, ws.ids["kaew"])]
            assert p.via == "paper" and p.keyed_by in ("ผู้บันทึก ก", "ผู้บันทึก ข")
            assert s.scalar("SELECT COUNT(*) FROM conflict") == 0
        # Applying the bundles again changes nothing.
        r = import_bundles(office, [a, b])
        assert r.added == r.updated == r.merged == 0
        assert evening in {x.id for x in list_sessions(laptop, ws.wid)}
    finally:
        office.close()
        laptop.close()
