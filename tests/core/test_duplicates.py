"""The same walk-in registered on two laptops: found after the merge, offered, merged only when asked, and the merge
travels like any other change."""

from __future__ import annotations

import json

import pytest
from merge_support import dig, export, office_and_laptops

from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.model import Attendance, Ballot, Invitation, natural_id
from lampang_planner.core.ops.duplicates import (
    CITIZEN_ID,
    NAME_PHONE,
    NAME_TAMBON,
    count_duplicates,
    dismiss,
    find_duplicates,
    merge_people,
    pending_moves,
    person_cards,
    tidy_merged,
)
from lampang_planner.core.ops.people import create_person
from lampang_planner.core.sync.digest import counts
from lampang_planner.core.sync.exchange import import_bundles

WALK_IN = {"prefix": "นาย", "first_name": "บุญเรือง", "last_name": "อินต๊ะ", "subdistrict_code": "520303"}


@pytest.fixture
def field(tmp_path):
    """An office with a workshop, and two laptops that started from its kit."""
    office, a, b, wid = office_and_laptops(tmp_path)
    yield office, a, b, wid
    for s in (office, a, b):
        s.close()


def register(store: Store, wid: str, fields: dict, at: str) -> str:
    with store.transaction() as tx:
        pid = create_person(tx, fields)
        tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, natural_id(Invitation, wid, pid))
        tx.insert("attendance", {"workshop_id": wid, "person_id": pid, "scans": {store.device_name: at}},
                  natural_id(Attendance, wid, pid))
    return pid


def test_a_walk_in_registered_on_two_laptops_is_found_and_not_merged_silently(field, tmp_path):
    office, a, b, wid = field
    pa = register(a, wid, {**WALK_IN, "phone": "081-234-5678"}, "2016-08-30T08:50:00+07:00")
    pb = register(b, wid, {**WALK_IN, "prefix": None, "first_name": "บุญเรือง ", "phone": "0812345678"},
                  "2016-08-30T08:41:00+07:00")
    report = import_bundles(office, [export(a, tmp_path / "a"), export(b, tmp_path / "b")])
    assert counts(office.db)["people"] == 2 and counts(office.db)["attendance"] == 2  # nothing merged on import
    assert report.duplicates == 1
    [group] = find_duplicates(office)
    assert set(group.person_ids) == {pa, pb} and group.reasons == (NAME_PHONE, NAME_TAMBON)
    assert group.reason_text("en") == "Same name and phone, Same name and tambon"
    cards = person_cards(office, group.person_ids)
    assert {c.origin_device for c in cards} == {"โต๊ะ 1", "โต๊ะ 2"} and all(c.attendance == 1 for c in cards)


def test_merging_moves_invitations_and_attendance_and_travels_in_bundles(field, tmp_path):
    office, a, b, wid = field
    pa = register(a, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:50:00+07:00")
    pb = register(b, wid, {**WALK_IN, "citizen_id": "1520300012342", "organisation": "อบต.ศาลา"},
                  "2016-08-30T08:41:00+07:00")
    bundles = [export(a, tmp_path / "a"), export(b, tmp_path / "b")]
    import_bundles(office, bundles)
    survivor = merge_people(office, [pb, pa])
    assert survivor == min(pa, pb)
    other = max(pa, pb)
    p = office.query("SELECT phone, organisation, citizen_id, merged_into FROM person WHERE id=?", (survivor,))[0]
    assert p == ("0812345678", "อบต.ศาลา", "1520300012342", None)  # details combined
    assert office.scalar("SELECT merged_into FROM person WHERE id=?", (other,)) == survivor
    assert counts(office.db)["people"] == 1
    live = office.query("SELECT id, person_id, scans, checked_in_at FROM attendance WHERE deleted=0")
    assert len(live) == 1
    aid, person, scans, at = live[0]
    assert aid == natural_id(Attendance, wid, survivor) and person == survivor
    assert json.loads(scans) == {"โต๊ะ 1": "2016-08-30T08:50:00+07:00", "โต๊ะ 2": "2016-08-30T08:41:00+07:00"}
    assert at == "2016-08-30T08:41:00+07:00"
    assert office.query("SELECT person_id FROM invitation WHERE deleted=0") == [(survivor,)]
    assert find_duplicates(office) == []
    # The merge is a synced change: a laptop that gets the office's bundle sees the same.
    import_bundles(a, [bundles[1], export(office, tmp_path / "o")])
    assert dig(a) == dig(office)


def test_two_machines_merging_the_same_people_converge(field, tmp_path):
    office, a, b, wid = field
    pa = register(a, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:50:00+07:00")
    pb = register(b, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:41:00+07:00")
    ba, bb = export(a, tmp_path / "a"), export(b, tmp_path / "b")
    import_bundles(office, [ba, bb])
    import_bundles(a, [bb])
    merge_people(office, [pa, pb], prefer=pb)
    merge_people(a, [pb, pa], prefer=pa)  # same group, chosen the other way round
    import_bundles(office, [export(a, tmp_path / "a2")])
    import_bundles(a, [export(office, tmp_path / "o")])
    assert dig(a) == dig(office)
    merged = office.query("SELECT id, merged_into FROM person WHERE merged_into IS NOT NULL")
    assert merged == [(max(pa, pb), min(pa, pb))]  # one survivor, no cycle
    assert counts(office.db)["attendance"] == 1


def test_matches_by_citizen_id_or_name_with_phone_or_tambon_only(empty_store):
    s = empty_store
    with s.transaction() as tx:
        ids = {
            "cid1": create_person(tx, {"first_name": "สมชาย", "last_name": "ใจดี", "citizen_id": "1101700207030"}),
            "cid2": create_person(tx, {"first_name": "สมชัย", "last_name": "ใจดี", "citizen_id": "1101700207030"}),
            "tam1": create_person(tx, {"first_name": "คำปัน", "last_name": "แก้วมา", "subdistrict_code": "520101"}),
            "tam2": create_person(tx, {"first_name": "คำปัน", "last_name": "แก้วมา", "subdistrict_code": "520101"}),
            "far": create_person(tx, {"first_name": "คำปัน", "last_name": "แก้วมา", "subdistrict_code": "520102"}),
            "ph1": create_person(tx, {"first_name": "ศรีนวล", "last_name": "ดวงแก้ว", "phone": "0811111111"}),
            "ph2": create_person(tx, {"first_name": "ศรีนวล", "last_name": "ดวงแก้ว", "phone": "0822222222"}),
            "same_phone_other_name": create_person(tx, {"first_name": "อินสม", "phone": "0811111111"}),
        }
    groups = {frozenset(g.person_ids): g.reasons for g in find_duplicates(s)}
    assert groups == {
        frozenset((ids["cid1"], ids["cid2"])): (CITIZEN_ID,),
        frozenset((ids["tam1"], ids["tam2"])): (NAME_TAMBON,),
    }
    assert [g.person_ids for g in find_duplicates(s, among=[ids["tam2"]])] == [tuple(sorted((ids["tam1"],
                                                                                             ids["tam2"])))]
    dismiss(s, [ids["tam1"], ids["tam2"]])
    assert [g.reasons for g in find_duplicates(s)] == [(CITIZEN_ID,)]


def test_merging_moves_named_ballots_and_refuses_bad_requests(empty_store):
    s = empty_store
    with s.transaction() as tx:
        p = create_person(tx, {"first_name": "ก"}, person_id="00000000-0000-7000-8000-000000000001")
        q = create_person(tx, {"first_name": "ก"}, person_id="00000000-0000-7000-8000-000000000002")
        tx.insert("ballot", {"vote_id": "v1", "person_id": q, "choice": "for"}, natural_id(Ballot, "v1", q))
    with pytest.raises(UserError):
        merge_people(s, [p])
    assert merge_people(s, [q, p]) == p
    assert s.query("SELECT id, person_id, choice FROM ballot WHERE deleted=0") == [(natural_id(Ballot, "v1", p), p,
                                                                                     "for")]
    with pytest.raises(UserError) as err:
        merge_people(s, [p, q])
    assert err.value.code == "already-merged"


def test_check_ins_of_a_merged_person_made_elsewhere_can_be_tidied(field, tmp_path):
    office, a, b, wid = field
    pa = register(a, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:50:00+07:00")
    pb = register(b, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:41:00+07:00")
    import_bundles(office, [export(a, tmp_path / "a"), export(b, tmp_path / "b")])
    keep = merge_people(office, [pa, pb])
    gone = max(pa, pb)
    laptop = a if gone == pa else b
    with laptop.transaction() as tx:  # the laptop, not knowing, checks the merged-away person in elsewhere
        tx.insert("attendance", {"workshop_id": "w2", "person_id": gone, "scans": {"x": "2016-09-02T09:00:00+07:00"}},
                  natural_id(Attendance, "w2", gone))
    import_bundles(office, [export(laptop, tmp_path / "late")])
    assert pending_moves(office) == 1
    assert tidy_merged(office) == 1 and pending_moves(office) == 0
    assert office.scalar("SELECT person_id FROM attendance WHERE workshop_id='w2' AND deleted=0") == keep


def test_duplicates_on_the_command_line(field, tmp_path, capsys):
    office, a, b, wid = field
    pa = register(a, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:50:00+07:00")
    pb = register(b, wid, {**WALK_IN, "phone": "0812345678"}, "2016-08-30T08:41:00+07:00")
    import_bundles(office, [export(a, tmp_path / "a"), export(b, tmp_path / "b")])
    folder = str(office.data_dir)
    office.close()
    assert main(["--data-dir", folder, "duplicates", "list", "--json"]) == 0
    [g] = json.loads(capsys.readouterr().out)
    assert set(g["person_ids"]) == {pa, pb} and len(g["people"]) == 2
    assert main(["--data-dir", folder, "duplicates", "merge", pa, pb, "--prefer", pb]) == 0
    assert "รวมเป็นบุคคลเดียวแล้ว" in capsys.readouterr().out
    assert main(["--data-dir", folder, "duplicates", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_check_among_a_few_finds_what_a_full_pass_finds_whatever_the_typing(empty_store):
    """The check after an import looks people up by tambon and the initials of their names (indexed, migration 0008);
    names that fold to one key but start differently (tone marks, a zero-width space, a decomposed Latin letter,
    capitals) or are typed with spaces, marks or ํา inside must still be found, as the full pass finds them (the
    lookups' name patterns keep only what folding leaves)."""
    s = empty_store
    spellings = [("คำปัน", "แก้วมา"), ("คําปั้น", "แกัวมา"), ("\u200bคำปัน", "แก้วมา"), ("ค่ำปัน", "\u0e49แก้วมา"),
                 ("คำ ปัน", "แก้ว\u200bมา"), ("ค\u0e4d\u0e48\u0e32ปัน", "แก้วมา "),
                 ("E\u0301lise", "Martin"), ("élise", "MARTIN"), ("Élise", "martin"), ("ÉLISE", "Mar tin")]
    with s.transaction() as tx:
        ids = [create_person(tx, {"first_name": f, "last_name": la, "subdistrict_code": "520101"})
               for f, la in spellings]
        create_person(tx, {"first_name": "คำปัน", "last_name": "แก้วมา", "subdistrict_code": "520102"})  # elsewhere
        for i in range(40):  # enough people that a check among one of them looks them up instead of reading all
            create_person(tx, {"first_name": f"คน{i}", "last_name": "อื่น", "subdistrict_code": "520101"})
    assert s.scalar("SELECT COUNT(*) FROM person") > 20
    full = {g.person_ids for g in find_duplicates(s)}
    assert full  # the spellings do group
    for pid in ids:
        assert {g.person_ids for g in find_duplicates(s, among=[pid])} == {g for g in full if pid in g}


def test_the_check_streams_its_people_and_leaves_nothing_behind(empty_store):
    """The check after an import is given the people it touched as a stream (as many as the bundle held) and files
    them, and every person's keys, in temporary tables of its own: the same groups as from a list, no table left
    behind, and a transaction the caller had open is still open after it."""
    s = empty_store
    with s.transaction() as tx:
        twins = [create_person(tx, {**WALK_IN, "phone": "0812345678"}) for _ in range(3)]
        alone = create_person(tx, {**WALK_IN, "first_name": "สมศรี"})
        others = [create_person(tx, {**WALK_IN, "subdistrict_code": "520101", "last_name": f"คน{i}"}) for i in range(5)]
    full = find_duplicates(s)
    assert [g.person_ids for g in full] == [tuple(sorted(twins))] and full[0].reasons == (NAME_PHONE, NAME_TAMBON)
    assert find_duplicates(s, among=iter([alone, *others])) == []
    assert find_duplicates(s, among=(p for p in [alone, twins[1]])) == full
    assert find_duplicates(s, among=iter([])) == []
    s.db.execute("BEGIN")
    assert find_duplicates(s, among=iter(twins)) == full
    assert s.db.in_transaction
    s.db.execute("COMMIT")
    assert s.query("SELECT name FROM sqlite_temp_master WHERE name LIKE 'duplicate%'") == []


def test_a_pass_over_everyone_is_announced_before_it_reads(empty_store):
    """An import waits for its checkpoint before a duplicate check over everyone (their memory must not add up):
    the check says when it is about to read every person, and only then."""
    s = empty_store
    with s.transaction() as tx:
        twins = [create_person(tx, {**WALK_IN, "phone": "0812345678"}) for _ in range(2)]
        for i in range(40):
            create_person(tx, {**WALK_IN, "subdistrict_code": "520101", "last_name": f"คน{i}"})
    calls = []
    few = find_duplicates(s, among=[twins[0]], before_full_pass=lambda: calls.append("few"))
    assert calls == [] and [g.person_ids for g in few] == [tuple(sorted(twins))]
    everyone = [r[0] for r in s.query("SELECT id FROM person")]
    assert find_duplicates(s, among=everyone, before_full_pass=lambda: calls.append("all")) == few
    assert calls == ["all"]


def test_an_import_counts_the_groups_a_check_finds_without_making_them(empty_store):
    """An import reports only how many groups it found (count_duplicates, issue #13: the list of 26,908 groups was
    11 MiB of a 300,000-change import's peak): the same number as find_duplicates, among a few, a large share or
    everyone, with a dismissed pair splitting a group and a big bucket linked as a chain."""
    s = empty_store
    with s.transaction() as tx:
        twins = [create_person(tx, {**WALK_IN, "phone": "0812345678"}) for _ in range(3)]
        crowd = [create_person(tx, {**WALK_IN, "first_name": "สมศรี", "subdistrict_code": "520101"}) for _ in range(30)]
        cids = [create_person(tx, {"first_name": f"ก{i}", "citizen_id": "1101700207030"}) for i in range(2)]
        alone = [create_person(tx, {**WALK_IN, "subdistrict_code": "520101", "last_name": f"คน{i}"}) for i in range(40)]
    everyone = [*twins, *crowd, *cids, *alone]

    def same(among=None):
        n = count_duplicates(s, among=None if among is None else iter(among))
        assert n == len(find_duplicates(s, among=among))
        return n

    assert same() == 3
    assert [same(a) for a in ([twins[1]], [crowd[7], alone[0]], alone, [], everyone)] == [1, 1, 0, 0, 3]
    dismiss(s, sorted(crowd)[10:12])  # neighbours in the chain: the crowd splits in two
    dismiss(s, cids)
    assert [same(), same([crowd[0]]), same(crowd), same(cids)] == [3, 1, 2, 0]
    assert s.query("SELECT name FROM sqlite_temp_master WHERE name LIKE 'duplicate%'") == []
