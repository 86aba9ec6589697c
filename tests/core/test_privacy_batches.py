"""The purge writes in batches and skips re-deriving conflicts where the scrub cannot change them: the conflicts it
leaves must still be exactly those the change log implies, on the purging copy and on the copy that receives it."""

from __future__ import annotations

import datetime as dt

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person, delete_person, invite, update_person
from lampang_planner.core.privacy.fields import PURGED_NAME
from lampang_planner.core.privacy.forget import forget_after_import
from lampang_planner.core.privacy.retention import purge_expired
from lampang_planner.core.sync.apply import Write, derive_conflicts, row_writes
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.tables import TABLES

TODAY = dt.date(2027, 1, 1)


def _send(src: Store, dst: Store) -> None:
    q = "SELECT hlc, tbl, row_id, device, author, data, parents FROM change ORDER BY hlc"
    writes = [Write.from_log(r) for r in src.db.execute(q)]
    with dst.transaction() as tx:
        tx.apply_remote(writes)
        forget_after_import(tx, writes)


def _conflicts(store: Store) -> set[tuple]:
    return set(store.db.execute("SELECT * FROM conflict WHERE tbl='person'").fetchall())


def _implied_by_the_log(store: Store) -> set[tuple]:
    spec = TABLES["person"]
    ids = [r[0] for r in store.db.execute("SELECT id FROM person")]
    return {rec for pid in ids for rec in derive_conflicts(spec, pid, row_writes(store.db, "person", pid))}


def test_conflicts_after_a_batched_purge_are_exactly_those_the_log_implies(tmp_path):
    a, b = Store.open(tmp_path / "a"), Store.open(tmp_path / "b")
    try:
        with a.transaction() as tx:
            wid = tx.insert("workshop", {"title": "เวทีเก่า", "start_date": "2020-01-10", "retention_days": 30})
        people = [add_person(a, {"first_name": f"คน{i}", "last_name": "ทดสอบ", "phone": f"08100000{i:02d}"})
                  for i in range(12)]  # fmt: skip
        invite(a, wid, people)
        _send(a, b)
        # concurrent edits on both copies (real conflicts), an equal-valued concurrent edit, a delete racing an edit
        for i, pid in enumerate(people[:8]):
            update_person(a, pid, {"last_name": f"เอ{i}", "organisation": "อบต.ก"})
            update_person(b, pid, {"last_name": f"บี{i}" if i % 2 else f"เอ{i}", "organisation": "อบต.ข"})
        delete_person(b, people[9])
        update_person(a, people[9], {"phone": "0899999999"})
        _send(a, b)
        _send(b, a)
        assert _conflicts(a) and _conflicts(a) == _implied_by_the_log(a)
        report = purge_expired(a, TODAY)
        assert len(report.people) == len(people)
        update_person(b, people[3], {"position": "ประธาน"})  # an edit the purge has not seen yet, made elsewhere
        _send(a, b)
        _send(b, a)
        for store in (a, b):
            assert _conflicts(store) == _implied_by_the_log(store)
            names = {r[0] for r in store.db.execute("SELECT first_name FROM person")}
            assert names == {PURGED_NAME}
        assert digest(a.db) == digest(b.db)
    finally:
        a.close()
        b.close()


def test_scrubbing_before_the_forgetting_write_leaves_nothing_for_the_log_rule_to_scrub(tmp_path):
    """The purge and the erasure scrub the older writes before making the forgetting write; the rule that judges a
    log from its writes (run on every import) then finds nothing left to scrub, on either kind of forgetting."""
    from lampang_planner.core.privacy.forget import enforce_forgetting, secure_delete
    from lampang_planner.core.privacy.rights import erase_person

    a = Store.open(tmp_path / "a")
    try:
        with a.transaction() as tx:
            wid = tx.insert("workshop", {"title": "เวทีเก่า", "start_date": "2020-01-10", "retention_days": 30})
        people = [add_person(a, {"first_name": f"คน{i}", "last_name": "ทดสอบ", "phone": f"08100000{i:02d}"})
                  for i in range(6)]  # fmt: skip
        invite(a, wid, people[:4])
        for i, pid in enumerate(people):
            update_person(a, pid, {"last_name": f"ใหม่{i}", "organisation": "อบต.ก", "note": "โทรก่อน"})
        report = erase_person(a, people[5])
        assert report.scrubbed >= 2
        assert len(purge_expired(a, TODAY).people) == 4
        with secure_delete(a), a.transaction() as tx:
            assert enforce_forgetting(tx, people) == 0
        for pid in [*people[:4], people[5]]:
            for w in row_writes(a.db, "person", pid):
                assert not {w.data.get(f) for f in ("last_name", "phone", "organisation", "note")} - {None}, w
        assert _conflicts(a) == _implied_by_the_log(a)
    finally:
        a.close()
