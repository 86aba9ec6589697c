"""The venue network (issue #18): four desk processes on loopback, each its own data folder set up from one office
kit, joined through core.venue.

Measured: **propagation latency** — from the commit of a scan at one desk (``check_in`` returned) to the commit of
the same attendance at each other desk (the store's after-commit listener there, wall clock of the same machine),
while the four desks scan 10 people a second in total (2.5 each), for ``LAMPANG_BENCH_VENUE_S`` seconds (default 30);
median and p99 over every (scan, other desk) pair. **CPU and memory per desk**: CPU seconds per wall second and
resident memory of each desk process over 10 s connected and idle, then over the busy period.
Baseline in the same run: a round trip of one command line between this process and a desk process over a pipe
(the floor of two processes talking on this machine, measured while the desks idle); for the busy CPU, the same
desks' idle CPU.
Goal (issue #18): p99 < 2 s with 4 desks scanning 10 people a second in total.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import ROOT, figure, percentile

sys.path[:0] = [str(ROOT / "tests" / "core"), str(ROOT / "tests")]  # test helpers and theirs

DESKS = 4
RATE = 10.0  # scans a second, all desks together
SECONDS = float(os.environ.get("LAMPANG_BENCH_VENUE_S") or 30)
IDLE_S = 10.0


def _cpu(before: dict, after: dict) -> float:
    return (after["cpu_s"] - before["cpu_s"]) / (after["wall"] - before["wall"])


def _scan_loop(desk, wid: str, codes: list[str], period: float, out: dict, lock: threading.Lock) -> None:
    start = time.monotonic()
    for i, code in enumerate(codes):
        delay = start + i * period - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        r = desk.scan(wid, code)
        with lock:
            out[code] = (desk, r["t"], r["kind"])


def run() -> list[dict]:
    from venue_support import DeskProcess, desks_from_kit, office_with_people, wait_for

    from lampang_planner.core.schema import natural_id

    os.environ.setdefault("LAMPANG_KEY_STORE", "file")
    n_scans = int(SECONDS * RATE)
    tmp = Path(tempfile.mkdtemp(prefix="bench-venue-"))
    office, wid, codes = office_with_people(tmp / "office", n_scans + 20)
    pids = dict(office.query("SELECT code, id FROM person"))
    folders = desks_from_kit(office, tmp, [f"โต๊ะ {i + 1}" for i in range(DESKS)], enrolled=DESKS)
    office.close()
    desks = [DeskProcess(folders[0])]
    desks += [DeskProcess(f, joins=(desks[0].address,)) for f in folders[1:]]
    try:
        wait_for(lambda: all(len([p for p in d.ask("status")["peers"] if p["connected"]]) == DESKS - 1
                             for d in desks), what="all desks connected")
        pipe: list[float] = []
        for _ in range(50):
            t = time.perf_counter()
            desks[0].ask("usage")
            pipe.append(time.perf_counter() - t)
        idle0 = [d.ask("usage") for d in desks]
        time.sleep(IDLE_S)
        idle1 = [d.ask("usage") for d in desks]
        out: dict = {}
        lock = threading.Lock()
        period = DESKS / RATE
        threads = [threading.Thread(target=_scan_loop, args=(d, wid, codes[i::DESKS][: n_scans // DESKS], period,
                                                              out, lock)) for i, d in enumerate(desks)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        busy1 = [d.ask("usage") for d in desks]
        wait_for(lambda: len({d.digest() for d in desks}) == 1, what="desks agree")
        seen = [d.ask("seen") for d in desks]
    finally:
        for d in desks:
            d.quit()
    lat = []
    for code, (desk, t, _kind) in out.items():
        aid = natural_id("attendance", wid, pids[code])
        lat += [s[aid] - t for d, s in zip(desks, seen, strict=True) if d is not desk and aid in s]
    p99 = percentile(lat, 99)
    return [
        figure("venue.propagation_median", lat, "s", baseline=pipe, goal="p99 < 2 s", ok=p99 < 2,
               pairs=len(lat), scans=len(out)),
        figure("venue.propagation_p99", [p99], "s", baseline=pipe, goal="< 2 s (4 desks, 10 scans/s)", ok=p99 < 2),
        figure("venue.desk_cpu_idle", [_cpu(a, b) for a, b in zip(idle0, idle1, strict=True)], "cpu/s",
               goal="report", ok=None),
        figure("venue.desk_cpu_busy", [_cpu(a, b) for a, b in zip(idle1, busy1, strict=True)], "cpu/s",
               baseline=[_cpu(a, b) for a, b in zip(idle0, idle1, strict=True)], goal="report", ok=None),
        figure("venue.desk_rss_idle", [u["rss_kib"] / 1024 for u in idle1], "MiB", goal="report", ok=None),
        figure("venue.desk_rss_busy", [u["hwm_kib"] / 1024 for u in busy1], "MiB",
               baseline=[u["rss_kib"] / 1024 for u in idle1], goal="report", ok=None),
        figure("venue.pipe_round_trip", pipe, "s", goal="baseline", ok=None, median_s=statistics.median(pipe)),
    ]
