"""Check-in at the door on a big data folder, at each scale (default 100,000 people, half of them attending): the
scan-to-committed time of the core ``check_in``, and ``checkin`` with one code and ``info --json`` on the command line.

Data: ``bench.generate`` (n people, n/2 attendances), copied to a private folder because scans write.
Measured: ``check_in(store, workshop, "LPP1:<code>")`` from the call to its return (the transaction is committed,
``synchronous=FULL`` in WAL mode, so the attendance is on disk), for people invited and not yet checked in.
Baseline, in the same run, on the same database file through a second connection with the same settings
(``core.db.connect``: WAL, synchronous=FULL, foreign keys on): a bare sqlite3 lookup of the person by code plus an
INSERT of one attendance row and COMMIT. Core scans and bare ones alternate so both see the same disk and cache.
Goal (issue #3): median within 3× of the bare figure, p99 under 20 ms.

Command line (issue #19): ``lampang-planner checkin --workshop W CODE`` with one code, a fresh process per sample (a
different person each time), wall time from spawn to exit; ``info --json`` (counts and the digest, which reads every
row) likewise. Baselines in the same run: ``python -c pass`` (the interpreter's own start), and ``python -c "import
argparse, dataclasses, datetime, hashlib, json, re, sqlite3, uuid"`` (the standard modules the job truly needs).
Goal: one-code ``checkin`` ≤ 0.3 s and ≤ 2× the second baseline.

``cli.info_json_vs_read``: ``info --json`` against the least its job can cost — a bare ``python -c`` that opens the
file with sqlite3, counts nothing, and reads every row the digest covers (the same columns, in id order) into a
SHA-256 (each row's ``repr``): the digest has to read every synced row, so this is its floor.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import SAMPLES, child_env, ensure_bytecode, figure, kilo, scales
from bench.generate import cached_database, cached_ids
from lampang_planner.core.db import Store, connect
from lampang_planner.core.ops.checkin import Kind, check_in
from lampang_planner.core.paths import DB_FILENAME
from lampang_planner.core.qr import payload
from lampang_planner.core.schema import natural_id

NEEDS = "import argparse, dataclasses, datetime, hashlib, json, re, sqlite3, uuid"
# info --json's floor: read every row the digest covers, in id order, into a hash (run as python -c SCRIPT DB QUERIES)
READ_ALL = (
    "import hashlib, json, sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1]); h = hashlib.sha256()\n"
    "for q in json.loads(sys.argv[2]):\n"
    "    for row in db.execute(q): h.update(repr(row).encode())\n"
    "print(h.hexdigest())\n"
)


def digest_reads(folder: Path) -> list[str]:
    """The statements reading what the content digest covers: every synced table's id and fields, and the
    conflicts, in id order."""
    from lampang_planner.core.sync.tables import TABLES

    out = [f"SELECT {','.join(('id', *t.fields, *t.derived))} FROM {name} ORDER BY id" for name, t in TABLES.items()]
    return [*out, "SELECT tbl, row_id, field, kind, winner_hlc, loser_hlc, loser_value FROM conflict ORDER BY id"]
SCANS = 300
WARMUP = 10


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.99 * len(ordered)) - 1]


def people_to_check_in(store: Store, wid: str, need: int) -> list[tuple[str, str]]:
    """(person id, code) of the people invited to ``wid`` and not checked in yet (at least ``need`` of them)."""
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
    bare_attend(bare, wid, pid, "2026-01-05T08:30:00+07:00")
    return (time.perf_counter() - t0) * 1000


def bare_attend(bare, wid: str, pid: str, at: str) -> None:
    """The baselines' write (here and in bench_idcard): the person's attendance as one bare INSERT, committed."""
    bare.execute("BEGIN IMMEDIATE")
    bare.execute(
        "INSERT INTO attendance (id, origin_device, hlc, deleted, clocks, workshop_id, person_id, scans, "
        "checked_in_at, desk) VALUES (?, ?, ?, 0, '{}', ?, ?, ?, ?, '1')",
        (natural_id("attendance", wid, pid), "bench", "", wid, pid, json.dumps({"1": at}), at),
    )
    bare.execute("COMMIT")


def _wall(args: list[str], env: dict, cpu: list[float] | None = None) -> float:
    """Wall time of ``python ARGS`` from spawn to exit; its CPU time (user + system) appended to ``cpu``."""
    import resource
    import subprocess
    import sys

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=600)
    took = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{args} failed: {out.stderr[-1000:]}")
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return took


def command_line(folder: Path, wid: str, codes: list[str], k: str) -> list[dict]:
    """One-code ``checkin`` and ``info --json`` as fresh processes, against ``python -c`` baselines, interleaved."""
    ensure_bytecode()
    env = child_env()
    cli = ["-m", "lampang_planner", "--data-dir", str(folder)]
    checkin, info, bare, needs, read = [], [], [], [], []
    checkin_cpu, info_cpu, bare_cpu, needs_cpu, read_cpu = [], [], [], [], []
    reads = ["-c", READ_ALL, str(folder / DB_FILENAME), json.dumps(digest_reads(folder))]
    for i in range(SAMPLES):
        bare.append(_wall(["-c", "pass"], env, bare_cpu))
        needs.append(_wall(["-c", NEEDS], env, needs_cpu))
        checkin.append(_wall([*cli, "checkin", "--workshop", wid, payload(codes[i])], env, checkin_cpu))
        info.append(_wall([*cli, "info", "--json"], env, info_cpu))
        read.append(_wall(reads, env, read_cpu))
    med = statistics.median(checkin)
    return [
        figure(f"cli.checkin_one_code_{k}", checkin, "s", baseline=needs, goal="≤ 0.3 s, ≤ 2× python+stdlib",
               ok=med <= 0.3 and med <= 2 * statistics.median(needs), python_c_pass=statistics.median(bare)),
        figure(f"cli.checkin_one_code_cpu_{k}", checkin_cpu, "s", baseline=needs_cpu, goal="≤ 2× python+stdlib",
               ok=statistics.median(checkin_cpu) <= 2 * statistics.median(needs_cpu),
               python_c_pass=statistics.median(bare_cpu)),
        figure(f"cli.python_c_pass_{k}", bare, "s"),
        figure(f"cli.info_json_{k}", info, "s", baseline=needs),
        figure(f"cli.info_json_cpu_{k}", info_cpu, "s", baseline=needs_cpu),
        figure(f"cli.info_json_vs_read_{k}", info, "s", baseline=read, goal="≤ 1.5× reading every row",
               ok=statistics.median(info) <= 1.5 * statistics.median(read)),
        figure(f"cli.info_json_vs_read_cpu_{k}", info_cpu, "s", baseline=read_cpu),
    ]  # fmt: skip


def run() -> list[dict]:
    rows = []
    for n in scales():
        rows += _run_at(n)
    return rows


def _run_at(n: int) -> list[dict]:
    source = cached_database(n, n // 2)
    wid = cached_ids(source)["workshops"][0]
    with tempfile.TemporaryDirectory(prefix="lp-bench-checkin-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(source, folder)
        store = Store.open(folder)
        bare = connect(store.path)
        try:
            todo = people_to_check_in(store, wid, 0)
            scans = min(SCANS, (len(todo) - SAMPLES) // 2 - WARMUP)  # 10k people: some 300 invited to a workshop
            need = 2 * (scans + WARMUP)
            if scans < 50:
                raise RuntimeError(f"only {len(todo)} people to check in")
            attended = store.scalar("SELECT COUNT(*) FROM attendance WHERE deleted = 0")
            core_ms: list[float] = []
            bare_ms: list[float] = []
            for k in range(scans + WARMUP):
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
        cli_rows = command_line(folder, wid, [c for _, c in todo[need : need + SAMPLES]], kilo(n))
    med, base_med = statistics.median(core_ms), statistics.median(bare_ms)
    p99, base_p99 = _p99(core_ms), _p99(bare_ms)
    common = {"unit": "ms", "scans": len(core_ms), "people": people, "attendance_before": attended}
    k = kilo(n)
    return [
        {
            "name": f"checkin.scan_to_commit_median_{k}",
            "value": med,
            "baseline": base_med,
            "ratio": med / base_med,
            "goal": "≤ 3× bare sqlite3 lookup+insert+commit",
            "ok": med <= 3 * base_med,
            **common,
        },
        {
            "name": f"checkin.scan_to_commit_p99_{k}",
            "value": p99,
            "baseline": base_p99,
            "ratio": p99 / base_p99,
            "goal": "< 20 ms",
            "ok": p99 < 20,
            **common,
        },
        *cli_rows,
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
