"""Importing at the office, issue #13: the cost follows the bundle, not the database; memory stays flat.

Measured, in the same run:

- ``exchange_1000_changes_into_500k_people`` — ``exchange.import_bundles`` of one laptop's bundle of 1,000 changes
  (walk-ins, invitations, check-ins, a few corrections, needs: ``bench_merge.make_rows``) into an office of 500,000
  people, from the call to its return (verify, back up, apply in one transaction, report with the duplicate-people
  check), the user's path, into a copy of the cached folder written to disk first (the copy's writeback is not the
  import's). Baseline: the same file into an office of 10,000 people. Goal: within 2×. Beside it, ``cpu_s``:
  the process's CPU time of both imports (on a shared machine the wall time follows the load). Reported beside
  it for both (``full_copy_s``): what a full copy of the folder (:func:`.db.Store.backup`) costs — the before-import
  backup an import took until its undo journal (:mod:`.sync.journal`) replaced it.
- ``exchange_peak_rss_<n>_changes`` for n = 10,000 / 100,000 / 300,000 — the import of one laptop's bundle of n
  changes into a fresh office, in a child process: its peak resident memory (``ru_maxrss``) above the same process's
  resident memory just before the import (folder open, modules loaded; /proc/self/statm). Baseline: the 10,000-change
  import's. Goal: flat — within the budget of ``tests/core/test_exchange_memory.py`` (64 MiB) at every size. Beside
  it, ``extra_before_duplicate_check_mib``: the same peak just before the report's duplicate-people check
  (``core.ops.duplicates``, run after the last commit), whose memory follows the people it groups; and
  ``sqlite_peak_mib``: SQLite's own share at its highest (``sqlite3_memory_highwater``: page caches, prepared
  statements, sorters), the part of the peak that is not Python's.
- ``exchange_peak_rss_crafted_<kind>`` — the crafted bundles of that test (zip bombs, a huge line, deep JSON, a
  million tiny changes), same measure, same budget.
- ``exchange_scan_wait_during_import`` — a desk checking people in (``core.ops.checkin.check_in``, one transaction
  each, in this process) while ``lampang-planner bundle import`` of an 18,000-change bundle runs as its own process
  on the same folder: the longest a check-in took while the import ran. Baseline: the median time between two
  committed chunks of the same import into the same folder (``import_bundles`` in this process, in the same run).
  Goal: a check-in waits one chunk at most (ratio ≤ 1.5).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_merge import make_rows, write_bundles
from bench.generate import cached_database
from lampang_planner.core.db import Store
from lampang_planner.core.sync import keys
from lampang_planner.core.sync.exchange import import_bundles

HERE = Path(__file__).resolve().parent
BUDGET_MIB = 64
ROUNDS = 5  # every figure the median of at least five samples, with its spread (bench/README.md)

# Linux carries a process's peak RSS across fork and exec: a child forked straight from this (large) process would
# report this process's peak. A small launcher forks the measured process instead, so its ru_maxrss is its own.
LAUNCH = "import subprocess, sys; sys.exit(subprocess.call([sys.executable, '-c', *sys.argv[1:]]))"

CHILD = """
import ctypes, ctypes.util, json, resource, sys
from lampang_planner.core.db import Store
from lampang_planner.core.sync import payload_reader  # noqa: F401
from lampang_planner.core.ops import duplicates  # noqa: F401
from lampang_planner.core.sync.bundle import BundleError
from lampang_planner.core.sync import exchange_chunks
from lampang_planner.core.sync.exchange import import_bundles
checks = exchange_chunks.possible_duplicates
def before_check(*args):  # the import's peak before its duplicate-people check (core.ops.duplicates), told apart
    global dup_base
    dup_base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return checks(*args)
exchange_chunks.possible_duplicates = before_check
dup_base = None
try:  # the library the sqlite3 module uses (a process loads one)
    lib = ctypes.CDLL(ctypes.util.find_library("sqlite3"))
    lib.sqlite3_memory_highwater.restype = ctypes.c_int64
except (OSError, TypeError, AttributeError):
    lib = None
store = Store.open(sys.argv[1], create=False)
with open("/proc/self/statm") as fh:  # resident now (KiB); ru_maxrss is the peak so far
    base = int(fh.read().split()[1]) * resource.getpagesize() // 1024
before_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if lib is not None:
    lib.sqlite3_memory_highwater(1)  # from here
try:
    r = import_bundles(store, [sys.argv[2]])
    code = f"imported {r.added}"
except BundleError as exc:
    code = exc.code
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "extra_mib": (peak - base) / 1024, "peak_mib": peak / 1024,
                  "rss_before_mib": base / 1024, "peak_before_mib": before_peak / 1024,
                  "before_duplicate_check_mib": None if dup_base is None else (dup_base - base) / 1024,
                  "sqlite_peak_mib": None if lib is None else lib.sqlite3_memory_highwater(0) / 2**20}))
"""


def _office(folder: Path, laptops) -> Store:
    store = Store.open(folder)
    store.set_device(role="office", name="office")
    with store.transaction() as tx:  # the office enrolled these laptops
        for lap in laptops:
            keys.pin(tx.db, lap.id, keys.public_hex(lap.key.public_key()), lap.name, "laptop")
    return store


def _at_rest(folder: Path) -> None:
    """The copied folder written to disk, as a folder in use is: else the import's first checkpoint (its first fsync
    of the database file) also waits for the copy's writeback — 0.86 s of a 500,000-person folder's, 0.02 s of a
    10,000-person one's — which is the copy's cost, not the import's."""
    for f in folder.rglob("*"):
        if f.is_file():
            fd = os.open(f, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _import_time(template: Path, work: Path, bundle: Path, laptops) -> tuple[float, float, float]:
    """(import seconds, its CPU seconds, backup-alone seconds) of ``bundle`` into a copy of the folder ``template``
    (the backup made after the import is timed: before it, the full copy's writeback ran during the import). The CPU
    time is the process's (the import's checkpoint thread included): on a shared machine it says what the wall time
    cannot."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)
    _at_rest(work)
    store = _office(work, laptops)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        import_bundles(store, [bundle])
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        t0 = time.perf_counter()  # after the import: the copy's writeback (500 MB) then slowed its commits down
        store.backup("bench").unlink()
        return took, cpu, time.perf_counter() - t0
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)


def cost_follows_the_bundle(tmp: Path) -> list[dict]:
    laptops = make_rows(1000, 1, seed=13)
    [bundle] = write_bundles(laptops, tmp / "b1000", "d")
    small, big = cached_database(10_000), cached_database(500_000)
    smalls, bigs, small_b, big_b, small_c, big_c = [], [], [], [], [], []
    for r in range(ROUNDS):  # alternate, so both see the same machine load
        t, c, b = _import_time(small, tmp / f"s{r}", bundle, laptops)
        smalls.append(t)
        small_c.append(c)
        small_b.append(b)
        t, c, b = _import_time(big, tmp / f"b{r}", bundle, laptops)
        bigs.append(t)
        big_c.append(c)
        big_b.append(b)
    s, b = statistics.median(smalls), statistics.median(bigs)
    sc, bc = statistics.median(small_c), statistics.median(big_c)
    return [{"name": "exchange_1000_changes_into_500k_people", "value": b, "unit": "s", "baseline": s,
             "ratio": b / s, "goal": "≤ 2× the same bundle into 10,000 people", "ok": b <= 2 * s,
             "runs": [round(x, 3) for x in bigs], "baseline_runs": [round(x, 3) for x in smalls],
             "cpu_s": {"500k": round(bc, 3), "10k": round(sc, 3), "ratio": round(bc / sc, 2),
                       "runs_500k": [round(x, 3) for x in big_c], "runs_10k": [round(x, 3) for x in small_c]},
             "full_copy_s": {"500k": round(statistics.median(big_b), 3), "10k": round(statistics.median(small_b), 3)}}]


def _child_rss(folder: Path, bundle: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", LAUNCH, CHILD, str(folder), str(bundle)], capture_output=True, text=True,
                          timeout=3600)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def memory_is_flat(tmp: Path) -> list[dict]:
    rows, base = [], None
    for n in (10_000, 100_000, 300_000):
        laptops = make_rows(n, 1, seed=n)
        [bundle] = write_bundles(laptops, tmp / f"m{n}", "d")
        folder = tmp / f"office-m{n}"
        _office(folder, laptops).close()
        r = _child_rss(folder, bundle)
        shutil.rmtree(folder, ignore_errors=True)
        base = r["extra_mib"] if base is None else base
        rows.append({"name": f"exchange_peak_rss_{n}_changes", "value": r["extra_mib"], "unit": "MiB",
                     "baseline": base, "ratio": r["extra_mib"] / base if base else None,
                     "goal": f"≤ {BUDGET_MIB} MiB above the open folder at every size", "ok": r["extra_mib"] <= BUDGET_MIB,
                     "result": r["code"], "peak_mib": round(r["peak_mib"], 1),
                     "rss_before_mib": round(r["rss_before_mib"], 1),
                     "extra_before_duplicate_check_mib": r["before_duplicate_check_mib"],
                     "sqlite_peak_mib": r["sqlite_peak_mib"] and round(r["sqlite_peak_mib"], 1)})
    return rows


def crafted_bundles(tmp: Path) -> list[dict]:
    spec = importlib.util.spec_from_file_location("crafted", HERE.parent / "tests/core/test_exchange_memory.py")
    mod = importlib.util.module_from_spec(spec)
    sys.path[:0] = [str(HERE.parent / "tests/core"), str(HERE.parent / "tests")]  # test helpers and theirs
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    folder = tmp / "office-crafted"
    store = Store.open(folder)
    store.set_device(role="office")
    with store.transaction() as tx:
        keys.pin(tx.db, mod.DEVICE, keys.public_hex(key.public_key()), "crafted", "laptop")
    store.close()
    rows = []
    for name, (path, _codes) in mod.crafted(tmp, key).items():
        r = _child_rss(folder, path)
        rows.append({"name": f"exchange_peak_rss_crafted_{name}", "value": r["extra_mib"], "unit": "MiB",
                     "baseline": BUDGET_MIB, "ratio": r["extra_mib"] / BUDGET_MIB,
                     "goal": f"≤ {BUDGET_MIB} MiB above the open folder", "ok": r["extra_mib"] <= BUDGET_MIB,
                     "result": r["code"], "file_mib": round(path.stat().st_size / 2**20, 2)})
        path.unlink()
    return rows


def _desk_office(folder: Path, laptops, people: int) -> tuple[str, list[str]]:
    """An office with a workshop of ``people`` invited people; (workshop id, their codes)."""
    from lampang_planner.core.ops.people import create_person, invite_in
    from lampang_planner.core.ops.workshops import create_workshop

    store = _office(folder, laptops)
    with store.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวทีสำนักงาน", "start_date": "2026-12-03", "district_code": "5201"})
        invite_in(tx, wid, [create_person(tx, {"first_name": f"โต๊ะ{i}", "last_name": "รอคิว"}) for i in range(people)])
    codes = [r[0] for r in store.query("SELECT code FROM person WHERE last_name='รอคิว'")]
    store.close()
    return wid, codes


def _chunk_time(folder: Path, bundle: Path) -> float:
    """The median time between two committed chunks of the import of ``bundle`` into ``folder`` (in this process)."""
    marks = [time.perf_counter()]
    store = Store.open(folder, create=False)
    try:
        import_bundles(store, [bundle], progress=lambda phase, *_: phase == "merge" and marks.append(time.perf_counter()))
    finally:
        store.close()
    return statistics.median(b - a for a, b in itertools.pairwise(marks[1:])) if len(marks) > 2 else marks[-1] - marks[0]


def scans_wait_one_chunk(tmp: Path) -> list[dict]:
    from lampang_planner.core.ops.checkin import check_in

    laptops = make_rows(18_000, 1, seed=18)
    [bundle] = write_bundles(laptops, tmp / "b18k", "d")
    waits, chunk_times = [], []
    for r in range(ROUNDS):
        _desk_office(tmp / f"chunks{r}", laptops, 2000)
        chunk_times.append(_chunk_time(tmp / f"chunks{r}", bundle))
        shutil.rmtree(tmp / f"chunks{r}", ignore_errors=True)
        folder = tmp / f"desk{r}"
        wid, codes = _desk_office(folder, laptops, 2000)
        store = Store.open(folder, create=False)
        proc = subprocess.Popen([sys.executable, "-m", "lampang_planner", "--data-dir", str(folder), "bundle", "import",
                                 str(bundle)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        longest, i = 0.0, 0
        while proc.poll() is None and i < len(codes):
            t = time.perf_counter()
            check_in(store, wid, codes[i], desk="2")
            longest = max(longest, time.perf_counter() - t)
            i += 1
        proc.wait()
        store.close()
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
        waits.append(longest)
        shutil.rmtree(folder, ignore_errors=True)
    w, c = statistics.median(waits), statistics.median(chunk_times)
    return [{"name": "exchange_scan_wait_during_import", "value": w, "unit": "s", "baseline": c, "ratio": w / c,
             "goal": "≤ 1.5× the import's time per chunk", "ok": w <= 1.5 * c,
             "runs": [round(x, 3) for x in waits], "baseline_runs": [round(x, 3) for x in chunk_times]}]


def run() -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="lp-bench-exchange-"))
    try:
        return (memory_is_flat(tmp) + crafted_bundles(tmp) + cost_follows_the_bundle(tmp)
                + scans_wait_one_chunk(tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
