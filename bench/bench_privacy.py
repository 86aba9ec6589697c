"""PDPA at each scale (default 100,000 people, half of them attending): the retention purge of everyone, erasing one
person, and the audit list — on private copies of the shared bench database, every figure the median of several
samples (each purge on a fresh copy) with its spread.

- ``privacy.purge_<n>``: ``retention.purge_expired`` when every workshop is past its retention period (the plan; per
  batch of 500 people one read of their logged writes, the older writes scrubbed, one synced write per person
  through the write path, which folds them at once; ``secure_delete`` on, a 32 MiB page cache, one transaction, the
  WAL checkpoint), wall and CPU time. Baseline: the plainest SQL doing the same job on an identical copy, with the
  same ``secure_delete``, page cache and checkpoint: the ids in a temporary table with a stamp each, one
  INSERT…SELECT of a forgetting write per person into the change log naming the row's older writes (``parents``),
  one UPDATE blanking the older writes' personal fields (``json_replace``), one UPDATE blanking the person rows and
  moving their stamps (``hlc``, and ``clocks`` by ``json_set``), one DELETE of the conflicts on those fields. (Before,
  it left out the parents, the row's stamps and the conflicts — without them an older write arriving later would
  win the blanked fields back, and every other copy would keep the older values as open conflicts.) Goal: ≤ 3×.
- ``privacy.erase_one_<n>``: ``rights.erase_person`` of one person (merge group, free-text mentions, the write, the
  scrub, secure delete, checkpoint), a different person each sample. Baseline: ``update_person`` of one field (an
  ordinary edit through the same write path). Goal: < 0.1 s at 500,000 people — it must not grow with the people.
- ``privacy.audit_list_<n>``: ``audit.audit_entries`` over the whole change log after the purge. Baseline: one SQL
  query doing the same job — each write's stamp, table, row, device and author, the fields it changed
  (``json_each``), whether it deleted or forgot, and whether it is the row's first write (``MIN(hlc)`` per row),
  fetched. Goal: ≤ 4×.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import SAMPLES, figure, kilo, scales
from bench.generate import cached_database, cached_ids, private_copy
from lampang_planner.core.audit import audit_entries
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import update_person
from lampang_planner.core.privacy.fields import FORGOTTEN_FIELDS, PURGED_NAME
from lampang_planner.core.privacy.forget import checkpoint, roomy_cache, secure_delete
from lampang_planner.core.privacy.retention import purge_expired
from lampang_planner.core.privacy.rights import erase_person

TODAY = dt.date(2027, 1, 1)


def _copy(src: Path, target: Path) -> Store:
    store = Store.open(private_copy(src, target))
    with store.transaction(author="bench") as tx:  # every workshop keeps personal data 30 days
        for (wid,) in store.db.execute("SELECT id FROM workshop").fetchall():
            tx.update("workshop", wid, {"retention_days": 30})
    return store


def plain_sql_purge(store: Store, people: list[str]) -> None:
    """The same job as the purge in plain SQL (see the module docstring)."""
    db = store.db
    blank = ", ".join(f"'$.{f}', NULL" for f in FORGOTTEN_FIELDS if f != "first_name")
    sets = ", ".join(f"{f}=NULL" for f in FORGOTTEN_FIELDS if f != "first_name")
    clocks = ", ".join(f"'$.{f}', s.hlc" for f in FORGOTTEN_FIELDS)
    fields = ", ".join(f"'{f}'" for f in FORGOTTEN_FIELDS)
    newest = db.execute("SELECT MAX(hlc) FROM change").fetchone()[0]  # the copy's own writes can share this ms
    wall = max(int(time.time() * 1000), int(newest.split(".")[0]) + 1 if newest else 0)
    with secure_delete(store), roomy_cache(store):  # the purge's settings
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TEMP TABLE purge_ids (id TEXT PRIMARY KEY, hlc TEXT NOT NULL)")
        db.executemany(  # a stamp per person, above every stamp in the log (wall time, counter, device)
            "INSERT INTO purge_ids VALUES (?, printf('%014d.%04x.%s', ? + ? / 65536, ? % 65536, ?))",
            [(p, wall, k, k, store.device_id) for k, p in enumerate(people)],
        )
        db.execute(  # naming every older write of the row (so none is left a concurrent loser anywhere)
            "INSERT INTO change (hlc, tbl, row_id, device, author, data, parents) "
            "SELECT s.hlc, 'person', p.id, ?, 'bench', "
            f"json_set(json_object(), '$.first_name', ?, {blank}), "
            "(SELECT json_group_array(hlc) FROM "
            " (SELECT hlc FROM change c WHERE c.tbl='person' AND c.row_id=p.id ORDER BY hlc)) "
            "FROM person p JOIN purge_ids s USING (id)",
            (store.device_id, PURGED_NAME),
        )
        db.execute(
            f"UPDATE change SET data = json_replace(data, '$.first_name', NULL, {blank}) "
            f"WHERE tbl='person' AND hlc < '{wall:014d}' AND row_id IN (SELECT id FROM purge_ids)"
        )
        db.execute(  # the row's values, and its stamps (clocks: each field's winning write; hlc: its newest)
            f"UPDATE person SET first_name=?, {sets}, hlc=s.hlc, clocks=json_set(clocks, {clocks}) "
            "FROM purge_ids s WHERE person.id = s.id",
            (PURGED_NAME,),
        )
        db.execute(  # the conflicts the forgetting write settles (their losing values are personal data)
            f"DELETE FROM conflict WHERE tbl='person' AND field IN ({fields}) AND row_id IN (SELECT id FROM purge_ids)"
        )
        db.execute("DROP TABLE purge_ids")
        db.execute("COMMIT")
    checkpoint(store)


_AUDIT_SQL = (
    "SELECT c.hlc, c.tbl, c.row_id, c.device, c.author, "
    "(SELECT group_concat(key) FROM json_each(c.data) WHERE key <> 'deleted'), "
    "json_extract(c.data, '$.deleted'), json_extract(c.data, '$.first_name'), "
    "c.hlc = (SELECT MIN(f.hlc) FROM change f WHERE f.tbl = c.tbl AND f.row_id = c.row_id) "
    "FROM change c ORDER BY c.hlc"
)


def _purges(src: Path, root: Path, people: list[str]) -> tuple[list[float], list[float], Path, dict]:
    """Wall times of the purge and of the plain SQL, the folder of one purge, and the CPU times' medians (this
    process's CPU: SQLite runs in it; on a shared machine CPU is the steadier comparison)."""
    ours, plain, ours_cpu, plain_cpu = [], [], [], []
    kept = root / "purged"
    for k in range(SAMPLES):
        store = _copy(src, root / "ours")
        t, c = time.perf_counter(), time.process_time()
        report = purge_expired(store, TODAY)
        ours.append(time.perf_counter() - t)
        ours_cpu.append(time.process_time() - c)
        assert len(report.people) == len(people), len(report.people)
        store.close()
        if k == 0:
            shutil.rmtree(kept, ignore_errors=True)
            shutil.move(root / "ours", kept)
        store = _copy(src, root / "plain")
        t, c = time.perf_counter(), time.process_time()
        plain_sql_purge(store, people)
        plain.append(time.perf_counter() - t)
        plain_cpu.append(time.process_time() - c)
        store.close()
    cpu = {"cpu": statistics.median(ours_cpu), "cpu_baseline": statistics.median(plain_cpu)}
    cpu["cpu_ratio"] = cpu["cpu"] / cpu["cpu_baseline"]
    return ours, plain, kept, cpu


def _erasures(src: Path, root: Path, people: list[str]) -> tuple[list[float], list[float]]:
    store = _copy(src, root / "erase")
    ours, edit = [], []
    try:
        for k in range(SAMPLES):
            t = time.perf_counter()
            erase_person(store, people[(2 * k + 1) * len(people) // (2 * SAMPLES)])
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            update_person(store, people[k], {"position": f"อาสาสมัคร {k}"})
            edit.append(time.perf_counter() - t)
    finally:
        store.close()
    return ours, edit


def _audits(folder: Path) -> tuple[list[float], list[float], int]:
    ours, plain = [], []
    with Store.open(folder) as store:
        n = 0
        for _ in range(SAMPLES):
            t = time.perf_counter()
            n = len(audit_entries(store))
            ours.append(time.perf_counter() - t)
            db = sqlite3.connect(store.path)
            t = time.perf_counter()
            m = len(db.execute(_AUDIT_SQL).fetchall())
            plain.append(time.perf_counter() - t)
            db.close()
            assert m == n, (m, n)
    return ours, plain, n


def run() -> list[dict]:
    """``LAMPANG_BENCH_PRIVACY=erase`` runs only the erasure (e.g. at 500,000 people, where a purge per sample on a
    fresh copy of the file takes long)."""
    only_erase = os.environ.get("LAMPANG_BENCH_PRIVACY") == "erase"
    rows = []
    for n in scales():
        src = cached_database(n, n // 2)
        people = cached_ids(src)["people"]
        k = kilo(n)
        with tempfile.TemporaryDirectory(prefix="bench-privacy-") as tmp:
            root = Path(tmp)
            erase, edit = _erasures(src, root, people)
            rows.append(figure(f"privacy.erase_one_{k}", erase, "s", baseline=edit, goal="< 0.1 s at 500k",
                               ok=sorted(erase)[len(erase) // 2] < 0.1))  # fmt: skip
            if only_erase:
                continue
            shutil.rmtree(root / "erase")
            ours, plain, purged, cpu = _purges(src, root, people)
            rows.append(figure(f"privacy.purge_{k}", ours, "s", baseline=plain, goal="≤ 3× plain SQL",
                               ok=_median_ratio(ours, plain) <= 3, **cpu))  # fmt: skip
            audit, audit_sql, entries = _audits(purged)
            rows.append(figure(f"privacy.audit_list_{k}", audit, "s", baseline=audit_sql, goal="≤ 4× one SQL query",
                               ok=_median_ratio(audit, audit_sql) <= 4, entries=entries))  # fmt: skip
    return rows


def _median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(a) / statistics.median(b)


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
