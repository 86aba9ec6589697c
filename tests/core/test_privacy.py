"""PDPA: the notice, consent, retention purge, rights requests (export, erasure) and forgetting everywhere."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from log_support import writes_of

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.model import Ballot, natural_id
from lampang_planner.core.ops.people import add_person, get_person, update_person
from lampang_planner.core.privacy.fields import ERASED_NAME, FORGOTTEN_FIELDS, PURGED_NAME
from lampang_planner.core.privacy.forget import forget_after_import
from lampang_planner.core.privacy.notice import consent_question, notice_for_workshop, privacy_notice, set_contact
from lampang_planner.core.privacy.retention import expiry_date, plan_purge, purge_expired
from lampang_planner.core.privacy.rights import erase_person, erasure_preview, export_person, person_record
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.dates import today_lampang

MAIN_DAY = "2016-08-25"
KEPT_COUNTS = ("people", "workshops", "invitations", "attendance", "needs", "need_status_changes", "amendments",
               "votes", "ballots", "conflicts")


def send(src: Store, dst: Store) -> None:
    """Stand-in for a bundle until bundles call the hook themselves: every change row of ``src`` applied to ``dst``
    through the write path, then the import hook."""
    writes = writes_of(src)
    with dst.transaction() as tx:
        tx.apply_remote(writes)
        forget_after_import(tx, writes)


def log_text(store: Store) -> str:
    """Everything the change log and the conflicts hold, as one string."""
    parts = [r[0] for r in store.db.execute("SELECT data FROM change")]
    parts += [f"{r[0]} {r[1]}" for r in store.db.execute("SELECT winner_value, loser_value FROM conflict")]
    return "\n".join(parts)


def raw_bytes(store: Store) -> bytes:
    out = b""
    for suffix in ("", "-wal"):
        p = Path(str(store.path) + suffix)
        if p.exists():
            out += p.read_bytes()
    return out


def main_workshop(store: Store) -> str:
    return store.scalar("SELECT id FROM workshop WHERE start_date=?", (MAIN_DAY,))


# --- notice ----------------------------------------------------------------------------------------------------------


def test_the_notice_says_purpose_what_how_long_and_whom_to_contact_in_thai_and_english(demo_store):
    th = privacy_notice("th", 1825)
    for part in ("อบจ.ลำปาง", "ชื่อ–นามสกุล", "เบอร์โทรศัพท์", "เลขประจำตัวประชาชน", "5 ปีหลังวันประชุม", "ขอให้ลบ",
                 "ตำบลศาลา อำเภอเกาะคา"):
        assert part in th
    en = privacy_notice("en", 90)
    assert "for 90 days after the workshop" in en and "citizen ID" in en and "Ko Kha" in en
    assert "until the PAO sets a retention period" in privacy_notice("en", None)
    assert "ยินยอม" in consent_question("th") and "agree" in consent_question("en")

    assert "(until 24 August 2021)" in privacy_notice("en", 1825, until=dt.date(2021, 8, 24))
    wid = main_workshop(demo_store)
    own = notice_for_workshop(demo_store, wid, "th")  # the workshop's own period (1,825 days) and purge date
    assert own == privacy_notice("th", 1825, until=dt.date(2021, 8, 24))
    assert "5 ปีหลังวันประชุม (ถึงวันที่ 24 สิงหาคม 2564)" in own
    set_contact(demo_store, "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล อบจ.ลำปาง โทร 054-000-000")
    assert notice_for_workshop(demo_store, wid, "th").endswith("โทร 054-000-000")


# --- consent ---------------------------------------------------------------------------------------------------------


def test_without_consent_the_phone_citizen_id_and_note_are_not_stored(empty_store):
    base = {"first_name": "สมศักดิ์", "last_name": "ไม่ยินยอม", "phone": "081-234-5678", "citizen_id": "1101700230708",
            "note": "มากับกลุ่มเยาวชน", "organisation": "อบต.ศาลา", "position": "สมาชิก"}
    refused = get_person(empty_store, add_person(empty_store, {**base, "consent": False}))
    assert refused["phone"] is None and refused["citizen_id"] is None and refused["note"] is None
    assert refused["first_name"] == "สมศักดิ์" and refused["organisation"] == "อบต.ศาลา"  # what attendance needs
    assert refused["consent"] == 0
    # nothing of it reached the change log either
    assert "0812345678" not in log_text(empty_store) and "1101700230708" not in log_text(empty_store)

    given = get_person(empty_store, add_person(empty_store, {**base, "consent": True}))
    assert given["phone"] == "0812345678" and given["citizen_id"] == "1101700230708"
    assert given["consent_date"] == today_lampang().isoformat()

    # withdrawing consent blanks what was kept; a later edit cannot put a phone back without consent
    update_person(empty_store, given["id"], {"consent": False})
    after = get_person(empty_store, given["id"])
    assert after["phone"] is None and after["citizen_id"] is None and after["note"] is None
    update_person(empty_store, given["id"], {"phone": "0899999999"})
    assert get_person(empty_store, given["id"])["phone"] is None

    # consent never asked (an office roster): kept as given
    roster = get_person(empty_store, add_person(empty_store, base))
    assert roster["consent"] is None and roster["phone"] == "0812345678"


def test_a_walk_in_without_consent_is_checked_in_without_phone_or_citizen_id(demo_store):
    from lampang_planner.core.ops.checkin import register_walk_in

    wid = main_workshop(demo_store)
    result = register_walk_in(demo_store, wid, {"first_name": "มาใหม่", "last_name": "หน้างาน", "phone": "0812223333",
                                                "citizen_id": "1101700230708", "consent": False}, "2")
    pid = demo_store.scalar("SELECT id FROM person WHERE first_name='มาใหม่'")
    p = get_person(demo_store, pid)
    assert p["phone"] is None and p["citizen_id"] is None
    assert demo_store.scalar("SELECT COUNT(*) FROM attendance WHERE person_id=? AND deleted=0", (pid,)) == 1
    assert result.person_created


# --- retention -------------------------------------------------------------------------------------------------------


def test_expiry_is_the_last_day_plus_the_period_and_needs_both():
    assert expiry_date({"start_date": "2016-08-25", "end_date": "2016-08-26", "retention_days": 10}) == dt.date(2016, 9, 5)
    assert expiry_date({"start_date": "2016-08-25", "end_date": None, "retention_days": 1}) == dt.date(2016, 8, 26)
    assert expiry_date({"start_date": "2016-08-25", "end_date": None, "retention_days": None}) is None
    assert expiry_date({"start_date": None, "end_date": None, "retention_days": 30}) is None


def test_a_purge_forgets_the_names_and_leaves_every_count(demo_store):
    db = demo_store.db
    before = counts(db)
    dry = purge_expired(demo_store, dt.date(2030, 1, 1), dry_run=True)
    assert len(dry.people) == before["people"] and counts(db) == before  # a dry run writes nothing

    report = purge_expired(demo_store, dt.date(2030, 1, 1))
    after = counts(db)
    for key in KEPT_COUNTS:
        assert after[key] == before[key], key
    assert len(report.people) == before["people"] and report.scrubbed > 0
    names = db.execute("SELECT DISTINCT first_name FROM person").fetchall()
    assert names == [(PURGED_NAME,)]
    for f in FORGOTTEN_FIELDS:
        if f != "first_name":
            assert db.execute(f"SELECT COUNT(*) FROM person WHERE {f} IS NOT NULL").fetchone()[0] == 0, f
    # the change log forgot too: no write of a person row carries a phone number or a name any more
    for (data,) in db.execute("SELECT data FROM change WHERE tbl='person'"):
        values = json.loads(data)
        assert values.get("phone") is None and values.get("last_name") is None
        assert values.get("first_name") in (None, PURGED_NAME)
    # counts by tambon and by organisation type stay (those fields are kept)
    assert db.execute("SELECT COUNT(*) FROM person WHERE participant_type IS NULL").fetchone()[0] == 0
    # running it again purges nobody twice
    again = purge_expired(demo_store, dt.date(2030, 1, 1))
    assert again.people == [] and again.already == before["people"] and counts(db)["changes"] == after["changes"]


def test_a_person_is_purged_only_when_every_workshop_they_came_to_has_expired(demo_store):
    db = demo_store.db
    main_id = main_workshop(demo_store)
    # main workshop 25 Aug 2559 + 1,825 days = 24 Aug 2564 (2021); the district visits end later
    only_main = db.execute(
        "SELECT person_id FROM invitation WHERE workshop_id=? AND person_id NOT IN "
        "(SELECT person_id FROM invitation WHERE workshop_id<>?) LIMIT 1", (main_id, main_id)).fetchone()[0]
    both = db.execute(
        "SELECT person_id FROM invitation WHERE workshop_id=? AND person_id IN "
        "(SELECT person_id FROM invitation WHERE workshop_id<>?) LIMIT 1", (main_id, main_id)).fetchone()[0]
    assert plan_purge(demo_store, dt.date(2021, 8, 23)).people == []  # the day before expiry: nobody
    report = purge_expired(demo_store, dt.date(2021, 8, 24))
    assert only_main in report.people and both not in report.people
    assert [w.id for w in report.workshops] == [main_id]
    assert get_person(demo_store, only_main)["first_name"] == PURGED_NAME
    assert get_person(demo_store, both)["first_name"] not in (PURGED_NAME, None)
    # a workshop without a retention period never expires, so its people are kept
    lone = add_person(demo_store, {"first_name": "ไม่มีกำหนด", "phone": "0811111111"}, workshop_id=None)
    from lampang_planner.core.ops.people import invite
    from lampang_planner.core.ops.workshops import add_workshop

    wid = add_workshop(demo_store, {"title": "ไม่กำหนดระยะเวลา", "start_date": "2010-01-01", "district_code": "5201"})
    invite(demo_store, wid, [lone])
    assert lone not in plan_purge(demo_store, dt.date(2099, 1, 1)).people


def test_a_purge_reaches_another_copy_and_that_copy_forgets_its_log_too(tmp_path, demo_store):
    other = new_store(tmp_path / "laptop")
    try:
        send(demo_store, other)
        assert digest(other.db) == digest(demo_store.db)
        purge_expired(demo_store, dt.date(2030, 1, 1))
        send(demo_store, other)
        assert digest(other.db) == digest(demo_store.db)
        assert other.scalar("SELECT COUNT(*) FROM person WHERE phone IS NOT NULL OR last_name IS NOT NULL") == 0
        assert '"phone":"0' not in log_text(other)
    finally:
        other.close()


def test_purge_on_the_command_line(demo_dir, capsys):
    d = str(demo_dir)
    assert main(["privacy", "purge", "--dry-run", "--today", "2021-08-24", "--json", "--data-dir", d]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["dry_run"] and dry["purged"] > 0 and len(dry["workshops"]) == 1
    assert main(["privacy", "purge", "--today", "24/8/2564", "--data-dir", d]) == 0  # a Buddhist-era date
    out = capsys.readouterr().out
    assert f"{dry['purged']} คน" in out
    assert main(["privacy", "purge", "--today", "someday", "--data-dir", d]) == 2
    assert "วันที่ไม่ถูกต้อง" in capsys.readouterr().err


# --- rights: export ----------------------------------------------------------------------------------------------


def _person_with_everything(store: Store) -> tuple[str, str]:
    """A person of the main workshop with a unique name and phone, scanned at two desks, a ballot, a need raised."""
    wid = main_workshop(store)
    pid = store.scalar("SELECT person_id FROM attendance WHERE workshop_id=? AND person_id NOT IN (SELECT person_id "
                       "FROM invitation WHERE workshop_id<>?) ORDER BY id LIMIT 1", (wid, wid))
    update_person(store, pid, {"first_name": "ทองคำ", "last_name": "ลบได้จริง", "phone": "0897776655",
                               "citizen_id": "1101700230708", "consent": True})
    vote_id = store.scalar("SELECT id FROM vote WHERE workshop_id=? LIMIT 1", (wid,))
    aid = store.scalar("SELECT id FROM attendance WHERE workshop_id=? AND person_id=?", (wid, pid))
    with store.transaction() as tx:
        tx.update("attendance", aid, {"scans": {"3": "2016-08-25T09:59:00+07:00"}})
        tx.record("ballot", natural_id(Ballot, vote_id, pid), {"vote_id": vote_id, "person_id": pid, "choice": "for"})
        need = store.scalar("SELECT id FROM need LIMIT 1")
        tx.update("need", need, {"raised_by": "นายทองคำ ลบได้จริง และกลุ่มเยาวชน"})
    return pid, wid


def test_the_person_export_holds_every_record_of_the_person(demo_store, tmp_path):
    pid, wid = _person_with_everything(demo_store)
    out = tmp_path / "person.json"
    export_person(demo_store, pid, out)
    text = out.read_text(encoding="utf-8")
    assert "ลบได้จริง" in text and "\\u0e" not in text  # Thai as is, human-readable
    rec = json.loads(text)
    assert rec["person"]["id"] == pid and rec["person"]["phone"] == "0897776655"
    assert rec["person"]["participant_type_label"]["th"]
    assert [i["workshop_id"] for i in rec["invitations"]] == [wid]
    assert rec["invitations"][0]["personal_data_purge_due_on"] == "2021-08-24"  # 25 Aug 2016 + 1,825 days
    [att] = rec["attendance"]
    assert att["workshop_id"] == wid and set(att["scans_by_desk"]) >= {"3"} and len(att["scans_by_desk"]) == 2
    [ballot] = rec["ballots"]
    assert ballot["choice"] == "for" and ballot["choice_label"]["th"] and ballot["clause_number"] is not None
    assert len(rec["mentions"]["needs"]) == 1
    # the history is every write of the person's row, with who and when
    n = demo_store.scalar("SELECT COUNT(*) FROM change WHERE tbl='person' AND row_id=?", (pid,))
    assert len(rec["history"]) == n == 2
    assert rec["history"][-1]["values"]["phone"] == "0897776655" and rec["history"][-1]["desk"] == "1"
    assert "about" in rec and rec["about"]["th"]

    with pytest.raises(UserError):
        person_record(demo_store, "no-such-person")
    with pytest.raises(UserError):
        export_person(demo_store, pid, tmp_path / "missing" / "x.json")
    assert main(["person", "export", pid, "--out", str(tmp_path / "cli.json"), "--data-dir",
                 str(demo_store.data_dir)]) == 0
    assert json.loads((tmp_path / "cli.json").read_text(encoding="utf-8"))["person"]["id"] == pid


# --- rights: erasure ---------------------------------------------------------------------------------------------


def test_erasure_blanks_the_person_keeps_the_counts_and_leaves_no_trace_in_the_file(demo_store):
    pid, _wid = _person_with_everything(demo_store)
    before = counts(demo_store.db)
    preview = erasure_preview(demo_store, pid)
    assert preview.name == f"{get_person(demo_store, pid)['prefix']}ทองคำ ลบได้จริง"
    assert (preview.attendance, preview.invitations, preview.ballots, preview.mentions) == (1, 1, 1, 1)

    report = erase_person(demo_store, pid)
    p = get_person(demo_store, pid)
    assert p["deleted"] and p["first_name"] == ERASED_NAME
    assert all(p[f] is None for f in FORGOTTEN_FIELDS if f != "first_name")
    after = counts(demo_store.db)
    assert after["people"] == before["people"] - 1 and after["tombstones"] == before["tombstones"] + 1
    for key in ("attendance", "invitations", "ballots", "votes", "needs"):
        assert after[key] == before[key]
    assert report.scrubbed >= 2
    person_log = "\n".join(r[0] for r in demo_store.db.execute("SELECT data FROM change WHERE row_id=?", (pid,)))
    for value in ("0897776655", "1101700230708", "ลบได้จริง", "ทองคำ"):
        assert value not in person_log
    for value in ("0897776655", "1101700230708"):
        assert value not in log_text(demo_store)
    # the free-text mention in a need is not rewritten (the report counted it, for the office to review by hand)
    assert demo_store.scalar("SELECT COUNT(*) FROM need WHERE raised_by LIKE '%ลบได้จริง%'") == 1
    # SQLite's free pages and the write-ahead log do not keep the bytes either
    raw = raw_bytes(demo_store)
    for value in ("0897776655", "1101700230708"):
        assert value.encode() not in raw, value
    # erasing again changes nothing
    n = demo_store.scalar("SELECT COUNT(*) FROM change")
    assert erase_person(demo_store, pid).already_erased and demo_store.scalar("SELECT COUNT(*) FROM change") == n


def test_erasure_on_one_laptop_reaches_another_folder_through_the_write_path(tmp_path):
    """Two data folders exchange all their change rows with ``tx.apply_remote`` (what a bundle import does) and the
    import hook; the person erased on A is erased on B, B's own log forgets, and a full copy of either carries
    nothing of the person to a third folder."""
    a, b, c = (new_store(tmp_path / n) for n in ("a", "b", "c"))
    try:
        pid = add_person(a, {"first_name": "สายใจ", "last_name": "ลืมฉันที", "phone": "0861112222",
                             "citizen_id": "1101700230708", "consent": True})
        send(a, b)
        update_person(b, pid, {"phone": "0863334444", "position": "อาสาสมัคร"})  # B's own edit, sent back to A
        send(b, a)
        assert get_person(a, pid)["phone"] == "0863334444"

        erase_person(a, pid)
        send(a, b)
        pb = get_person(b, pid)
        assert pb["deleted"] and pb["first_name"] == ERASED_NAME and pb["phone"] is None
        assert digest(a.db) == digest(b.db)
        for store in (a, b):
            text = log_text(store)
            for value in ("0861112222", "0863334444", "ลืมฉันที", "อาสาสมัคร", "1101700230708"):
                assert value not in text, (store.data_dir.name, value)

        # a full export of B (every change row) into a fresh folder resurrects nothing
        send(b, c)
        assert digest(c.db) == digest(a.db)
        assert "ลืมฉันที" not in log_text(c) and "0863334444" not in log_text(c)
    finally:
        for s in (a, b, c):
            s.close()


def test_an_edit_made_before_hearing_of_the_erasure_is_erased_too(tmp_path):
    a, b = new_store(tmp_path / "a"), new_store(tmp_path / "b")
    try:
        pid = add_person(a, {"first_name": "มานะ", "last_name": "ไม่รู้ข่าว", "consent": True})
        send(a, b)
        erase_person(a, pid)
        update_person(b, pid, {"phone": "0845556666"})  # B has not heard: a later stamp than the erasure
        send(b, a)
        send(a, b)
        for store in (a, b):
            p = get_person(store, pid)
            assert p["deleted"] and p["phone"] is None and p["first_name"] == ERASED_NAME
            assert "0845556666" not in log_text(store)
        assert digest(a.db) == digest(b.db)
    finally:
        a.close()
        b.close()


def test_erasure_takes_the_duplicates_merged_into_the_person(empty_store):
    keep = add_person(empty_store, {"first_name": "ซ้ำ", "last_name": "สองเครื่อง", "phone": "0870000001",
                                    "consent": True})
    dup = add_person(empty_store, {"first_name": "ซ้ำ", "last_name": "สองเครื่อง", "phone": "0870000002",
                                   "consent": True})
    with empty_store.transaction() as tx:
        tx.update("person", dup, {"merged_into": keep})
    report = erase_person(empty_store, dup)  # asked through the merged-away copy: the whole person goes
    assert sorted(report.person_ids) == sorted([keep, dup])
    for pid in (keep, dup):
        assert get_person(empty_store, pid)["first_name"] == ERASED_NAME
    assert "087000000" not in log_text(empty_store)


def test_erase_on_the_command_line_needs_confirmation_and_the_office_pin(demo_dir, capsys, tmp_path):
    from lampang_planner.core.privacy.pin import set_pin

    d = str(demo_dir)
    with Store.open(demo_dir) as store:
        pid = store.scalar("SELECT id FROM person ORDER BY id LIMIT 1")
        set_pin(store, "2559")
    pin = tmp_path / "pin.txt"
    pin.write_text("2559\n", encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("1234\n", encoding="utf-8")

    assert main(["person", "erase", pid, "--yes", "--data-dir", d]) == 2  # no PIN given (stdin is no terminal)
    assert "PIN" in capsys.readouterr().err
    assert main(["person", "erase", pid, "--yes", "--pin-file", str(wrong), "--data-dir", d]) == 2
    assert "ไม่ถูกต้อง" in capsys.readouterr().err
    assert main(["person", "erase", pid, "--pin-file", str(pin), "--data-dir", d]) == 2  # not confirmed
    assert "--yes" in capsys.readouterr().err
    assert main(["person", "erase", pid, "--dry-run", "--json", "--pin-file", str(pin), "--data-dir", d]) == 0
    assert json.loads(capsys.readouterr().out)["dry_run"] is True
    with Store.open(demo_dir) as store:
        assert not get_person(store, pid)["deleted"]
    assert main(["person", "erase", pid, "--yes", "--pin-file", str(pin), "--data-dir", d]) == 0
    assert "ลบข้อมูลบุคคลแล้ว" in capsys.readouterr().out
    with Store.open(demo_dir) as store:
        assert get_person(store, pid)["first_name"] == ERASED_NAME
    assert main(["person", "erase", "nobody", "--yes", "--pin-file", str(pin), "--data-dir", d]) == 2


def test_erasure_closes_the_conflicts_that_held_the_persons_values(tmp_path):
    a, b = new_store(tmp_path / "a"), new_store(tmp_path / "b")
    try:
        pid = add_person(a, {"first_name": "ขัดแย้ง", "last_name": "สองเครื่อง", "consent": True})
        send(a, b)
        update_person(a, pid, {"first_name": "ขัดแย้งหนึ่ง", "phone": "0811110000"})  # both correct at once
        update_person(b, pid, {"first_name": "ขัดแย้งสอง", "phone": "0822220000"})
        send(a, b)
        send(b, a)
        assert a.scalar("SELECT COUNT(*) FROM conflict WHERE row_id=?", (pid,)) == 2  # real conflicts to review
        erase_person(a, pid)
        send(a, b)
        for store in (a, b):
            assert store.scalar("SELECT COUNT(*) FROM conflict WHERE row_id=?", (pid,)) == 0
            for value in ("0811110000", "0822220000", "ขัดแย้งหนึ่ง", "ขัดแย้งสอง"):
                assert value not in log_text(store)
        assert digest(a.db) == digest(b.db)
    finally:
        a.close()
        b.close()


def test_a_person_registered_at_a_screen_without_consent_keeps_only_attendance_fields(empty_store):
    """register_person (the People page's add): the screen must give the answer, and a refusal stores no phone,
    citizen ID or note — while add_person without an answer stays "never asked" (an office roster)."""
    from lampang_planner.core.ops.people import register_person

    fields = {"first_name": "สมหมาย", "phone": "0812345678", "citizen_id": "1101700230708", "note": "แพ้อาหารทะเล"}
    refused = get_person(empty_store, register_person(empty_store, fields, False))
    assert (refused["phone"], refused["citizen_id"], refused["note"], refused["consent"]) == (None, None, None, False)
    agreed = get_person(empty_store, register_person(empty_store, {**fields, "consent": False}, True))
    assert (agreed["phone"], agreed["citizen_id"], agreed["consent"]) == ("0812345678", "1101700230708", True)
    roster = get_person(empty_store, add_person(empty_store, fields))
    assert (roster["phone"], roster["consent"]) == ("0812345678", None)
