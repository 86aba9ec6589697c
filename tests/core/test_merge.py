"""Merging bundles at the office: any order, any grouping, any number of times, the same database; conflicts kept
and resolvable; tombstones stay; clocks advance and skew is reported."""

from __future__ import annotations

import itertools
import json
import shutil
import time

import pytest
from merge_support import dig, enrol, enrol_all, exchange, export, new_device

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.ops.conflicts import KEEP, RESTORE, TAKE, list_conflicts, resolve, resolve_all
from lampang_planner.core.sync.clock import HybridClock, wall_ms_of
from lampang_planner.core.sync.digest import counts
from lampang_planner.core.sync.exchange import import_bundles


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """An office kit, three laptops working on it, four overlapping bundles (A's second carries B's first)."""
    root = tmp_path_factory.mktemp("scenario")
    office = new_device(root / "office", "สำนักงาน", role="office")
    with office.transaction() as tx:
        wid = tx.insert("workshop", {"title": "เวทีประชาคม อำเภอเถิน", "start_date": "2016-09-01",
                                     "district_code": "5205"})
        people = [tx.insert("person", {"first_name": n, "last_name": "ทองมา", "phone": f"08{i}0000000"})
                  for i, n in enumerate(("บุญมี", "คำแปง", "ศรีนวล", "อินสม"))]
    kit = export(office, root / "kit", full=True)
    office.close()
    shutil.copytree(root / "office", root / "office-base")
    laptops = {}
    for name in "ABC":
        s = new_store(root / f"laptop-{name}")
        s.set_device(name=f"laptop {name}")
        import_bundles(s, [kit])
        laptops[name] = s
    a, b, c = laptops["A"], laptops["B"], laptops["C"]
    enrol_all(a, b, c)  # the office enrolled its three laptops; its next kit told each of the others
    with Store.open(root / "office-base") as base:
        enrol(base, a, b, c)
    p1, p2, p3, p4 = people
    aid = natural_id(Attendance, wid, p1)
    with a.transaction() as tx:
        tx.update("person", p1, {"phone": "0811111111"})
        tx.record("attendance", aid, {"workshop_id": wid, "person_id": p1, "scans": {"A1": "2016-09-01T08:50:00+07:00"}})
        tx.insert("person", {"first_name": "เดินเข้า", "last_name": "ใหม่", "phone": "0899999999"})
        tx.delete("person", p3)
    time.sleep(0.002)
    with b.transaction() as tx:
        tx.update("person", p1, {"phone": "0822222222", "organisation": "อบต.เถินบุรี"})
        tx.record("attendance", aid, {"workshop_id": wid, "person_id": p1, "scans": {"B1": "2016-09-01T08:42:00+07:00"}})
        tx.update("person", p3, {"organisation": "สภาองค์กรชุมชนตำบลล้อมแรด"})
    with c.transaction() as tx:
        tx.update("person", p2, {"position": "ประธาน"})
        tx.record("attendance", natural_id(Attendance, wid, p2),
                  {"workshop_id": wid, "person_id": p2, "scans": {"C1": "2016-09-01T09:05:00+07:00"}})
        tx.delete("person", p4)
    bundles = {"A1": export(a, root / "A1"), "B1": export(b, root / "B1"), "C1": export(c, root / "C1")}
    import_bundles(a, [bundles["B1"]])
    with a.transaction() as tx:
        tx.update("person", p2, {"position": "รองประธาน"})  # concurrent with C's edit
        tx.update("person", p1, {"organisation": "เทศบาลตำบลเถิน"})  # saw B's value: replaces it knowingly
    bundles["A2"] = export(a, root / "A2")
    for s in laptops.values():
        s.close()
    return {"root": root, "bundles": bundles, "wid": wid, "people": people}


def office_copy(scenario, tmp_path, name="office") -> Store:
    target = tmp_path / name
    shutil.copytree(scenario["root"] / "office-base", target)
    return Store.open(target)


def test_every_order_gives_the_same_database_and_importing_twice_changes_nothing(scenario, tmp_path, capsys):
    bundles = scenario["bundles"]
    assert sorted(bundles) == ["A1", "A2", "B1", "C1"]
    digests = set()
    for i, order in enumerate(itertools.permutations(sorted(bundles))):
        with office_copy(scenario, tmp_path, f"o{i}") as office:
            for name in order:
                import_bundles(office, [bundles[name]])
            d = dig(office)
            digests.add(d)
            again = import_bundles(office, [bundles[n] for n in order])
            assert again.added == again.updated == again.merged == 0
            assert dig(office) == d
        shutil.rmtree(tmp_path / f"o{i}")
    assert len(digests) == 1
    # ... which is what `info` prints.
    with office_copy(scenario, tmp_path, "cli") as office:
        import_bundles(office, [bundles[n] for n in sorted(bundles)])
    assert main(["--data-dir", str(tmp_path / "cli"), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["digest"] in digests
    # Grouped differently: all at once, or two and two.
    with office_copy(scenario, tmp_path, "all") as office:
        import_bundles(office, [bundles[n] for n in ("C1", "A2", "B1", "A1")])
        assert dig(office) in digests
    with office_copy(scenario, tmp_path, "pairs") as office:
        import_bundles(office, [bundles["A2"], bundles["C1"]])
        import_bundles(office, [bundles["B1"], bundles["A1"]])
        assert dig(office) in digests


def test_the_merged_office_holds_what_each_laptop_did(scenario, tmp_path):
    p1, p2, p3, p4 = scenario["people"]
    wid = scenario["wid"]
    with office_copy(scenario, tmp_path) as office:
        report = import_bundles(office, list(scenario["bundles"].values()))
        assert report.conflicts_open == counts(office.db)["conflicts"] > 0
        # One attendance for P1, both desks recorded, the earliest time kept.
        at, desk, scans = office.query("SELECT checked_in_at, desk, scans FROM attendance WHERE id=?",
                                       (natural_id(Attendance, wid, p1),))[0]
        assert (at, desk) == ("2016-09-01T08:42:00+07:00", "B1") and set(json.loads(scans)) == {"A1", "B1"}
        # A saw B's organisation and replaced it: no conflict there. The phones were concurrent: one kept in a conflict.
        assert office.scalar("SELECT organisation FROM person WHERE id=?", (p1,)) == "เทศบาลตำบลเถิน"
        by_field = {(c.row_id, c.field): c for c in list_conflicts(office)}
        assert (p1, "organisation") not in by_field
        phone = by_field[(p1, "phone")]
        assert {phone.winner_value, phone.loser_value} == {"0811111111", "0822222222"}
        assert phone.loser_device_name in ("laptop A", "laptop B") and phone.record == "บุญมี ทองมา"
        assert {by_field[(p2, "position")].winner_value, by_field[(p2, "position")].loser_value} == {"ประธาน",
                                                                                                  "รองประธาน"}
        # A deleted P3 while B edited it: deleted, and B's edit flagged, not lost.
        assert office.scalar("SELECT deleted FROM person WHERE id=?", (p3,)) == 1
        race = by_field[(p3, "organisation")]
        assert race.kind == "edit_vs_delete" and race.loser_value == "สภาองค์กรชุมชนตำบลล้อมแรด"
        assert office.scalar("SELECT deleted FROM person WHERE id=?", (p4,)) == 1
        assert office.scalar("SELECT COUNT(*) FROM person WHERE first_name='เดินเข้า'") == 1


def test_a_stale_bundle_never_undoes_a_tombstone(tmp_path):
    a, b = new_device(tmp_path / "a", "a"), new_device(tmp_path / "b", "b")
    enrol_all(a, b)
    with a.transaction() as tx:
        pid = tx.insert("person", {"first_name": "สมชาย", "phone": "0811111111"})
    stale = export(a, tmp_path / "stale", full=True)
    import_bundles(b, [stale])
    with b.transaction() as tx:
        tx.delete("person", pid)
    for _ in range(2):
        report = import_bundles(b, [stale, export(a, tmp_path / "again", full=True)])
        assert report.added == report.updated == 0
        assert b.scalar("SELECT deleted FROM person WHERE id=?", (pid,)) == 1
    assert counts(b.db)["conflicts"] == 0  # the delete saw everything it replaced
    a.close()
    b.close()


def test_resolving_a_conflict_is_a_synced_change_every_machine_agrees_on(tmp_path):
    a, b, o = (new_device(tmp_path / n, n) for n in "abo")
    enrol_all(a, b, o)
    with o.transaction() as tx:
        pid = tx.insert("person", {"first_name": "คำปัน", "phone": "0800000000"})
    exchange(o, a, tmp_path / "x1")
    exchange(o, b, tmp_path / "x2")
    with a.transaction() as tx:
        tx.update("person", pid, {"phone": "0811111111"})
    with b.transaction() as tx:
        tx.update("person", pid, {"phone": "0822222222"})
    import_bundles(o, [export(a, tmp_path / "a"), export(b, tmp_path / "b")])
    [c] = list_conflicts(o)
    shown, other = c.winner_value, c.loser_value
    assert o.scalar("SELECT phone FROM person WHERE id=?", (pid,)) == shown
    with pytest.raises(ValueError):
        resolve(o, c.id, RESTORE)  # not a choice for concurrent edits
    resolve(o, c.id, TAKE)
    assert o.scalar("SELECT phone FROM person WHERE id=?", (pid,)) == other
    assert list_conflicts(o) == []
    # The laptops still show the conflict until they receive the resolution; then everyone agrees.
    for lap in (a, b):
        import_bundles(lap, [export(a, tmp_path / "a2", full=True), export(b, tmp_path / "b2", full=True)])
    assert counts(a.db)["conflicts"] == 1
    res = export(o, tmp_path / "o")
    for lap in (a, b):
        import_bundles(lap, [res])
    assert dig(a) == dig(b) == dig(o)
    assert counts(a.db)["conflicts"] == 0
    for s in (a, b, o):
        s.close()


def test_an_edit_racing_a_delete_can_be_restored_or_kept_deleted(tmp_path):
    a, b = new_device(tmp_path / "a", "a"), new_device(tmp_path / "b", "b")
    with a.transaction() as tx:
        p, q = tx.insert("person", {"first_name": "ก"}), tx.insert("person", {"first_name": "ข"})
    exchange(a, b, tmp_path / "1")
    with a.transaction() as tx:
        tx.delete("person", p)
        tx.delete("person", q)
    with b.transaction() as tx:
        tx.update("person", p, {"phone": "0811111111"})
        tx.update("person", q, {"phone": "0822222222"})
    exchange(b, a, tmp_path / "2")
    races = {c.row_id: c for c in list_conflicts(a)}
    assert {c.kind for c in races.values()} == {"edit_vs_delete"}
    resolve(a, races[p].id, RESTORE)
    resolve(a, races[q].id, KEEP)
    assert a.query("SELECT deleted, phone FROM person WHERE id=?", (p,)) == [(0, "0811111111")]
    assert a.scalar("SELECT deleted FROM person WHERE id=?", (q,)) == 1
    assert list_conflicts(a) == []
    exchange(a, b, tmp_path / "3")
    assert dig(a) == dig(b)
    a.close()
    b.close()


def test_keep_all_settles_every_conflict(scenario, tmp_path):
    with office_copy(scenario, tmp_path) as office:
        import_bundles(office, list(scenario["bundles"].values()))
        before = {r[0]: r[1:] for r in office.query("SELECT id, phone, position, deleted FROM person")}
        n = resolve_all(office)
        assert n > 0 and list_conflicts(office) == []
        assert {r[0]: r[1:] for r in office.query("SELECT id, phone, position, deleted FROM person")} == before


def test_importing_advances_the_clock_and_reports_a_clock_running_ahead(tmp_path):
    ahead = new_device(tmp_path / "ahead", "นาฬิกาเร็ว")
    office = new_device(tmp_path / "office", "office", role="office")
    enrol_all(ahead, office)
    three_hours = 3 * 3600 * 1000  # within the bound (a day): merged as stamped, with a warning
    ahead.clock = HybridClock(ahead.device_id, None, wall=lambda: time.time_ns() // 1_000_000 + three_hours)
    with ahead.transaction() as tx:
        pid = tx.insert("person", {"first_name": "เร็ว"})
    report = import_bundles(office, [export(ahead, tmp_path / "x")])
    [warning] = report.skew
    assert warning.device_name == "นาฬิกาเร็ว" and 2.9 < warning.hours <= 3
    assert "เร็วกว่าเครื่องนี้ 3 ชั่วโมง" in warning.message("th")
    remote = ahead.scalar("SELECT hlc FROM change")
    assert office.clock.last[:19] >= remote[:19]  # wall and counter caught up; the next local stamp passes it
    assert office.scalar("SELECT clock FROM device") == office.clock.last
    with office.transaction() as tx:  # a local edit after the import wins over the imported write
        tx.update("person", pid, {"first_name": "ช้า"})
    mine = office.scalar("SELECT hlc FROM change WHERE device=?", (office.device_id,))
    assert mine > remote and wall_ms_of(mine) >= wall_ms_of(remote)
    assert office.scalar("SELECT first_name FROM person") == "ช้า"
    # A bundle from a clock that is right raises no warning.
    with office.transaction() as tx:
        tx.insert("person", {"first_name": "ปกติ"})
    assert import_bundles(ahead, [export(office, tmp_path / "y")]).skew == []
    ahead.close()
    office.close()


def test_cancelling_during_the_merge_writes_nothing(scenario, tmp_path):
    from merge_support import state

    class Stop(Exception):
        pass

    calls = {"n": 0, "merging": 0}

    def progress(phase, done, total, detail):
        calls["merging"] += phase == "merge"

    def check():
        calls["n"] += 1
        if calls["merging"]:  # the first check after merging began: inside the transaction
            raise Stop()

    with office_copy(scenario, tmp_path) as office:
        before, clock = state(office), office.clock.last
        with pytest.raises(Stop):
            import_bundles(office, list(scenario["bundles"].values()), progress=progress, check=check)
        assert calls["merging"] >= 1
        after = state(office)
        assert after[:5] == before[:5]  # data, log, trust, bundle log, device clock: as before (a backup was made)
        assert office.clock.last == clock  # not advanced past stamps that were rolled back
        report = import_bundles(office, list(scenario["bundles"].values()))
        assert report.added > 0
