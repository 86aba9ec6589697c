"""Check-in at the door on a big data folder: scan-to-committed time of the core ``check_in``.

Data: 100,000 people, 50,000 attendances (``bench.generate``), copied to a private folder because scans write.
Measured: ``check_in(store, workshop, "LPP1:<code>")`` from the call to its return (the transaction is committed,
``synchronous=FULL`` in WAL mode, so the attendance is on disk), for people invited and not yet checked in.
Baseline, in the same run, on the same database file through a second connection with the same settings
(``core.db.connect``: WAL, synchronous=FULL, foreign keys on): a bare sqlite3 lookup of the person by code plus an
INSERT of one attendance row and COMMIT. Core scans and bare ones alternate so both see the same disk and cache.
Goal (issue #3): median within 3× of the bare figure, p99 under 20 ms.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import cached_database, cached_ids
from lampang_planner.core.db import Store, connect
from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.ops.checkin import Kind, check_in
from lampang_planner.core.qr import payload

N_PEOPLE = 100_000
N_ATTENDANCE = 50_000
SCANS = 300
WARMUP = 10


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.99 * len(ordered)) - 1]


def people_to_check_in(store: Store, wid: str, need: int) -> list[tuple[str, str]]:
    """(person id, code) of ``need`` people invited to ``wid`` and not checked in yet."""
    todo = store.query(
        "SELECT p.id, p.code FROM invitation i JOIN person p ON p.id = i.person_id "
        "WHERE i.workshop_id = ? AND i.deleted = 0 AND NOT EXISTS (SELECT 1 FROM attendance a "
        "WHERE a.workshop_id = i.workshop_id AND a.person_id = i.person_id) ORDER BY p.id",
        (wid,),
    )
    if len(todo) < need:
        raise RuntimeError(f"only {len(todo)} people to check in, need {need}")
    return todo


def bare_insert(bare, wid: str, code: str) -> float:
    """The baseline: milliseconds for a bare lookup of ``code`` + INSERT of its attendance + COMMIT."""
    t0 = time.perf_counter()
    pid = bare.execute("SELECT id FROM person WHERE code = ?", (code,)).fetchone()[0]
    at = "2026-01-05T08:30:00+07:00"
    bare.execute("BEGIN IMMEDIATE")
    bare.execute(
        "INSERT INTO attendance (id, origin_device, hlc, deleted, clocks, workshop_id, person_id, scans, "
        "checked_in_at, desk) VALUES (?, ?, ?, 0, '{}', ?, ?, ?, ?, '1')",
        (natural_id(Attendance, wid, pid), "bench", "", wid, pid, json.dumps({"1": at}), at),
    )
    bare.execute("COMMIT")
    return (time.perf_counter() - t0) * 1000


def run() -> list[dict]:
    source = cached_database(N_PEOPLE, N_ATTENDANCE)
    wid = cached_ids(source)["workshops"][0]
    with tempfile.TemporaryDirectory(prefix="lp-bench-checkin-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(source, folder)
        store = Store.open(folder)
        bare = connect(store.path)
        try:
            need = 2 * (SCANS + WARMUP)
            todo = people_to_check_in(store, wid, need)
            attended = store.scalar("SELECT COUNT(*) FROM attendance WHERE deleted = 0")
            core_ms: list[float] = []
            bare_ms: list[float] = []
            for k in range(SCANS + WARMUP):
                _, code = todo[2 * k]
                t0 = time.perf_counter()
                result = check_in(store, wid, payload(code))
                t1 = time.perf_counter()
                if result.kind is not Kind.CHECKED_IN:
                    raise RuntimeError(f"scan of {code} gave {result.kind}")

                base = bare_insert(bare, wid, todo[2 * k + 1][1])
                if k >= WARMUP:
                    core_ms.append((t1 - t0) * 1000)
                    bare_ms.append(base)
            assert store.scalar("SELECT COUNT(*) FROM attendance WHERE deleted = 0") == attended + need
            people = store.scalar("SELECT COUNT(*) FROM person")
        finally:
            bare.close()
            store.close()
    med, base_med = statistics.median(core_ms), statistics.median(bare_ms)
    p99, base_p99 = _p99(core_ms), _p99(bare_ms)
    common = {"unit": "ms", "scans": SCANS, "people": people, "attendance_before": attended}
    return [
        {
            "name": "checkin_scan_to_commit_median",
            "value": med,
            "baseline": base_med,
            "ratio": med / base_med,
            "goal": "≤ 3× bare sqlite3 lookup+insert+commit",
            "ok": med <= 3 * base_med,
            **common,
        },
        {
            "name": "checkin_scan_to_commit_p99",
            "value": p99,
            "baseline": base_p99,
            "ratio": p99 / base_p99,
            "goal": "< 20 ms",
            "ok": p99 < 20,
            **common,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
