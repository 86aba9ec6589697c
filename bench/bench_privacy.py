"""PDPA at scale: the retention purge, one erasure, and the audit log, on 100,000 people and 50,000 attendances.

Measured, in the same run, on private copies of the shared bench database (``bench.generate.cached_database``):
- ``privacy_purge_100k``: ``retention.purge_expired`` when every workshop is past its retention period: the plan
  (workshop links, merge groups), one synced write per person through the write path, the change-log scrub and
  conflict re-derivation, with ``secure_delete`` on, one transaction committed, then the WAL checkpoint.
  Baseline: the least a synced purge can cost: one transaction of ``tx.update`` blanking the same fields of the same
  100,000 people (no plan, no scrub, no secure delete). Goal: within 3×.
- ``privacy_erase_one``: ``rights.erase_person`` of one person among 100,000 (preview with merge groups and free-text
  mentions, the write, the scrub, secure delete, checkpoint). Baseline: ``ops.people.update_person`` of one field.
  Goal: under 0.5 s.
- ``privacy_audit_list``: ``audit.audit_entries`` over the whole change log (some 250,000 writes after the above).
  Baseline: a bare ``SELECT`` of the same change-log columns, fetched. Goal: within 8× (every row's JSON is parsed
  and its author split).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from bench.generate import cached_database, cached_ids
from lampang_planner.core.audit import audit_entries
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import update_person
from lampang_planner.core.privacy.fields import PURGED_NAME, forgotten_values
from lampang_planner.core.privacy.retention import purge_expired
from lampang_planner.core.privacy.rights import erase_person

N_PEOPLE = 100_000
N_ATTENDANCE = 50_000
TODAY = dt.date(2027, 1, 1)


def _copy(src: Path, root: Path, name: str) -> Store:
    target = root / name
    shutil.copytree(src, target)
    store = Store.open(target)
    with store.transaction(author="bench") as tx:  # every workshop keeps personal data 30 days
        for (wid,) in store.db.execute("SELECT id FROM workshop").fetchall():
            tx.update("workshop", wid, {"retention_days": 30})
    return store


def _row(name: str, value: float, baseline: float, goal: str, ok: bool, unit: str = "s") -> dict:
    return {"name": name, "value": value, "unit": unit, "baseline": baseline,
            "ratio": value / baseline if baseline else None, "goal": goal, "ok": ok}


def run() -> list[dict]:
    src = cached_database(N_PEOPLE, N_ATTENDANCE)
    people = cached_ids(src)["people"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-privacy-") as tmp:
        root = Path(tmp)
        base = _copy(src, root, "baseline")
        t0 = time.perf_counter()
        blank = forgotten_values(PURGED_NAME)
        with base.transaction(author="bench") as tx:
            for pid in people:
                tx.update("person", pid, blank)
        t_base = time.perf_counter() - t0

        t0 = time.perf_counter()
        one_edit = update_person(base, people[1], {"position": "อาสาสมัคร"})
        t_edit = time.perf_counter() - t0
        assert one_edit
        base.close()

        store = _copy(src, root, "purge")
        t0 = time.perf_counter()
        report = purge_expired(store, TODAY)
        t_purge = time.perf_counter() - t0
        assert len(report.people) == N_PEOPLE, len(report.people)
        rows.append(_row("privacy_purge_100k", t_purge, t_base, "within 3x", t_purge <= 3 * t_base))
        store.close()

        store = _copy(src, root, "erase")
        t0 = time.perf_counter()
        erase_person(store, people[N_PEOPLE // 2])
        t_erase = time.perf_counter() - t0
        rows.append(_row("privacy_erase_one", t_erase, t_edit, "< 0.5 s", t_erase < 0.5))

        purge_expired(store, TODAY)
        t0 = time.perf_counter()
        raw = store.db.execute("SELECT hlc, tbl, row_id, device, author, data FROM change").fetchall()
        t_raw = time.perf_counter() - t0
        t0 = time.perf_counter()
        entries = audit_entries(store)
        t_audit = time.perf_counter() - t0
        assert len(entries) == len(raw)
        rows.append(_row("privacy_audit_list", t_audit, t_raw, "within 8x", t_audit <= 8 * t_raw))
        rows.append(_row("privacy_audit_list_rows", float(len(entries)), float(len(raw)), "", True, unit="rows"))
        store.close()
    return rows
