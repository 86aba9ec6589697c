"""The one write path: transactions, per-field last-writer-wins, facts, tombstones and derived conflicts."""

from __future__ import annotations

import json

import pytest
from log_support import exchange, writes_of

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.sync.apply import apply_writes, derive_conflicts, row_writes
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.sync.tables import TABLES


@pytest.fixture
def pair(tmp_path):
    a, b = new_store(tmp_path / "a"), new_store(tmp_path / "b")
    yield a, b
    a.close()
    b.close()


def person(tx, name="สมชาย"):
    return tx.insert("person", {"first_name": name, "last_name": "ใจดี", "participant_type": "other"})


def shared_person(a: Store, b: Store) -> str:
    """A person added on ``a`` and exchanged to ``b``."""
    with a.transaction() as tx:
        pid = person(tx)
    exchange(a, b)
    return pid


def update(store: Store, pid: str, fields: dict) -> None:
    with store.transaction() as tx:
        tx.update("person", pid, fields)


def test_a_failed_transaction_writes_nothing(empty_store):
    before = digest(empty_store.db)
    with pytest.raises(RuntimeError), empty_store.transaction() as tx:
        person(tx)
        tx.flush()
        raise RuntimeError("power cut")
    assert digest(empty_store.db) == before
    assert counts(empty_store.db)["changes"] == 0


def test_update_writes_only_changed_fields_and_names_what_it_replaced(empty_store):
    with empty_store.transaction() as tx:
        pid = person(tx)
    with empty_store.transaction() as tx:
        assert tx.update("person", pid, {"first_name": "สมชาย", "phone": "0811111111"})
    _first, second = writes_of(empty_store)
    assert second.data == {"phone": "0811111111"}
    assert second.parents == ()  # phone had never been written
    with empty_store.transaction() as tx:
        assert not tx.update("person", pid, {"phone": "0811111111"})  # nothing changed, nothing written
        tx.update("person", pid, {"phone": "0822222222"})
    assert writes_of(empty_store)[-1].parents == (second.hlc,)


def test_concurrent_edits_converge_and_keep_the_loser_as_a_conflict(pair):
    a, b = pair
    pid = shared_person(a, b)
    update(a, pid, {"phone": "0811111111"})
    update(b, pid, {"phone": "0899999999", "organisation": "อบต.ศาลา"})
    exchange(a, b)
    exchange(b, a)
    assert digest(a.db) == digest(b.db)
    wa = next(w for w in writes_of(a) if w.data.get("phone") == "0811111111")
    wb = next(w for w in writes_of(a) if w.data.get("phone") == "0899999999")
    winner, loser = (wb, wa) if wb.hlc > wa.hlc else (wa, wb)
    assert a.scalar("SELECT phone FROM person WHERE id=?", (pid,)) == winner.data["phone"]
    assert a.scalar("SELECT organisation FROM person WHERE id=?", (pid,)) == "อบต.ศาลา"
    conflicts = a.query("SELECT field, kind, loser_value FROM conflict")
    assert conflicts == [("phone", "concurrent", json.dumps(loser.data["phone"]))]
    # Importing everything again changes nothing.
    d = digest(a.db)
    exchange(b, a)
    assert digest(a.db) == d


def test_an_edit_that_saw_the_previous_value_is_not_a_conflict(pair):
    a, b = pair
    with a.transaction() as tx:
        pid = person(tx)
        tx.flush()
        tx.update("person", pid, {"phone": "0811111111"})
    exchange(a, b)
    update(b, pid, {"phone": "0822222222"})
    exchange(b, a)
    assert a.scalar("SELECT phone FROM person WHERE id=?", (pid,)) == "0822222222"
    assert counts(a.db)["conflicts"] == 0


def test_tombstone_is_never_undone_by_a_stale_bundle_and_a_racing_edit_is_flagged(pair):
    a, b = pair
    pid = shared_person(a, b)
    update(b, pid, {"phone": "0811111111"})  # b edits, not yet seen by a
    with a.transaction() as tx:
        tx.delete("person", pid)
    exchange(b, a)
    exchange(a, b)
    for s in (a, b):
        assert s.scalar("SELECT deleted FROM person WHERE id=?", (pid,)) == 1
        assert s.query("SELECT field, kind FROM conflict") == [("phone", "edit_vs_delete")]
    assert digest(a.db) == digest(b.db)


def test_same_person_checked_in_at_two_desks_is_one_attendance_with_both_desks(pair):
    a, b = pair
    with a.transaction() as tx:
        wid = tx.insert("workshop", {"title": "เวที", "start_date": "2016-08-25", "district_code": "5203"})
        pid = person(tx)
    exchange(a, b)
    aid = natural_id(Attendance, wid, pid)
    with a.transaction() as tx:
        tx.insert(
            "attendance", {"workshop_id": wid, "person_id": pid, "scans": {"1": "2016-08-25T08:50:00+07:00"}}, aid
        )
    with b.transaction() as tx:
        tx.insert(
            "attendance", {"workshop_id": wid, "person_id": pid, "scans": {"2": "2016-08-25T08:42:00+07:00"}}, aid
        )
    exchange(a, b)
    exchange(b, a)
    for s in (a, b):
        assert counts(s.db)["attendance"] == 1
        at, desk, scans = s.query("SELECT checked_in_at, desk, scans FROM attendance")[0]
        assert (at, desk) == ("2016-08-25T08:42:00+07:00", "2")
        assert set(json.loads(scans)) == {"1", "2"}
    assert digest(a.db) == digest(b.db)


def test_applying_the_same_writes_in_any_order_gives_the_same_state(pair, tmp_path):
    a, b = pair
    pid = shared_person(a, b)
    update(a, pid, {"phone": "0811111111"})
    with b.transaction() as tx:
        tx.update("person", pid, {"phone": "0822222222"})
        tx.flush()
        tx.delete("person", pid)
    everything = writes_of(a) + [w for w in writes_of(b) if w.hlc not in {x.hlc for x in writes_of(a)}]
    digests = set()
    for i, order in enumerate((everything, everything[::-1], everything[1:] + everything[:1])):
        with new_store(tmp_path / f"c{i}") as c:
            with c.transaction() as tx:
                for w in order:  # one write at a time, in this order
                    apply_writes(tx.db, [w])
            digests.add(digest(c.db))
    assert len(digests) == 1


def test_importing_advances_the_local_clock_past_the_remote_stamps(pair):
    a, b = pair
    pid = shared_person(a, b)
    update(b, pid, {"phone": "0811111111"})
    assert b.clock.last > max(w.hlc for w in writes_of(a))


def test_tx_write_names_the_stamps_it_saw_and_writes_even_unchanged_fields(pair):
    """``Tx.write`` (the public form of the write path used by settling conflicts and by forgetting): a write that
    saw both sides of a concurrent pair closes the conflict, writes an unchanged value too, and is logged."""
    a, b = pair
    pid = shared_person(a, b)
    update(a, pid, {"phone": "0811111111"})
    update(b, pid, {"phone": "0822222222"})
    exchange(b, a)
    pair_stamps = a.query("SELECT winner_hlc, loser_hlc FROM conflict WHERE row_id=?", (pid,))
    assert len(pair_stamps) == 1
    phone_now = a.scalar("SELECT phone FROM person WHERE id=?", (pid,))
    logged = a.scalar("SELECT COUNT(*) FROM change")
    with a.transaction() as tx:
        tx.write("person", pid, {"phone": phone_now}, parents=pair_stamps[0])
    assert a.scalar("SELECT COUNT(*) FROM conflict") == 0  # the decision saw both: nothing left open
    assert a.scalar("SELECT COUNT(*) FROM change") == logged + 1  # written although the value did not change
    parents = json.loads(a.scalar("SELECT parents FROM change ORDER BY hlc DESC LIMIT 1"))
    assert sorted(parents) == sorted(pair_stamps[0])
    with pytest.raises(ValueError), a.transaction() as tx:
        tx.write("person", pid, {"no_such_field": 1})


# A write newer than every logged write of its row that names them all (a purge, an erasure, a resolution) settles
# the row's conflict records without the log being read again: they must be exactly those a full re-derivation from
# the log gives, whatever the row held (concurrent losers, a tombstone raced by edits).


def _stored(store: Store) -> set[tuple]:
    return set(store.query("SELECT * FROM conflict"))


def _derived(store: Store) -> set[tuple]:
    rows = store.query("SELECT DISTINCT tbl, row_id FROM change")
    return {rec for tbl, rid in rows for rec in derive_conflicts(TABLES[tbl], rid, row_writes(store.db, tbl, rid))}


def _stamps(store: Store, pid: str) -> list[str]:
    return [r[0] for r in store.query("SELECT hlc FROM change WHERE row_id=?", (pid,))]


def _racing_edits(a: Store, b: Store) -> str:
    """A person both laptops edited at once (phone and organisation), merged on ``a``: two concurrent losers."""
    pid = shared_person(a, b)
    with a.transaction() as tx:
        tx.write("person", pid, {"phone": "0811111111", "organisation": "อบต.ศาลา"})
    with b.transaction() as tx:
        tx.write("person", pid, {"phone": "0899999999", "organisation": "อบต.บ้านเอื้อม"})
    exchange(b, a)
    return pid


def _write(store: Store, pid: str, data: dict, parents: list[str]) -> None:
    with store.transaction() as tx:
        tx.write("person", pid, data, parents=parents)


def test_a_write_naming_every_stamp_settles_only_its_own_fields(pair):
    a, b = pair
    pid = _racing_edits(a, b)
    assert {r[3] for r in _stored(a)} == {"phone", "organisation"}
    _write(a, pid, {"phone": "0822222222"}, _stamps(a, pid))
    assert {r[3] for r in _stored(a)} == {"organisation"}
    assert _stored(a) == _derived(a)
    _write(a, pid, {"organisation": "อบต.ศาลา"}, _stamps(a, pid)[:-1])  # misses one stamp: re-derived
    assert _stored(a) == _derived(a)
    _write(a, pid, {"organisation": "อบต.ศาลา", "deleted": True}, _stamps(a, pid))
    assert _stored(a) == _derived(a) == set()


def test_an_edit_racing_a_delete_is_cleared_by_a_restore_and_kept_by_an_edit(pair):
    a, b = pair
    pid = _racing_edits(a, b)
    with a.transaction() as tx:
        tx.delete("person", pid)
    with b.transaction() as tx:
        tx.write("person", pid, {"position": "ผู้ใหญ่บ้าน"})
    exchange(b, a)
    assert "edit_vs_delete" in {r[4] for r in _stored(a)}
    _write(a, pid, {"phone": "0833333333"}, _stamps(a, pid))  # the row stays deleted: an edit racing it
    assert _stored(a) == _derived(a)
    _write(a, pid, {"deleted": False, "position": "กำนัน"}, _stamps(a, pid))
    assert "edit_vs_delete" not in {r[4] for r in _stored(a)}
    assert _stored(a) == _derived(a)
    assert len(_stored(a)) == 1  # the organisation loser stays


@pytest.mark.parametrize("parents", [(), ("0001767225600000.0000.a1b2c3d4",),
                                     ("0001767225600000.0000.a1b2", "0001767225600001.0003.ffee"),
                                     ('x"y', "z"), ("a\\b",), ("ไทย",), ("tab\there",), ("\x7f",)])
def test_the_logged_parents_are_the_encoders_text_whatever_the_stamps(parents):
    """The change log's parents are written without the JSON encoder when the stamps are plain, as real ones are; a
    stamp from a crafted bundle (a quote, a backslash, a control or non-ASCII character) still goes through it, so
    the text, and the content digest over it, never depend on the path."""
    import json

    from lampang_planner.core.sync.writes import Write

    row = Write("0001767225600002.0000.dev", "person", "p1", "dev", {"first_name": "ก"}, parents).log_row()
    assert row[6] == json.dumps(list(parents), separators=(",", ":"))
    assert tuple(json.loads(row[6])) == parents


def test_in_lists_use_few_lengths_and_find_the_same_rows(empty_store):
    """The write path's ``IN (?,…)`` reads are padded to a power of two (the last id repeated, which matches nothing
    more), so an import keeps a few statements prepared instead of one per length (issue #13: 128 statements of up
    to 900 parameters filled SQLite's memory)."""
    from lampang_planner.core.sync.apply import load_rows, logged_writes
    from lampang_planner.core.sync.writes import CHUNK, chunks, padded

    lengths = set()
    for n in range(1, 2 * CHUNK + 3):
        for part in chunks(list(range(n))):
            p = padded(part)
            assert list(p[: len(part)]) == list(part) and set(p) == set(part) and len(part) <= len(p) <= CHUNK
            lengths.add(len(p))
    assert lengths == {1 << k for k in range(10)} | {CHUNK}
    assert padded([]) == [] and padded((1, 2, 3), 3) == (1, 2, 3)
    with empty_store.transaction() as tx:
        ids = [person(tx, f"คน{i}") for i in range(37)]
    spec = TABLES["person"]
    rows = load_rows(empty_store.db, spec, [*ids, "not-there"])
    assert sorted(rows) == sorted(ids) and all(rows[i]["id"] == i for i in ids)
    stamps = [r[0] for r in empty_store.db.execute("SELECT hlc FROM change")]
    assert sorted(logged_writes(empty_store.db, stamps[:5])) == sorted(stamps[:5])
