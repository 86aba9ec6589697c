"""A power cut mid-import leaves the database as it was: the importing process is killed (SIGKILL) at random moments
and the folder afterwards holds either nothing of the bundle or all of it, never part.

The importer is a real separate process. To make 60 runs quick, a helper subprocess imports the code once and forks
one fresh child per run (``os.fork`` before any database is opened); the test kills the child after a random delay.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from merge_support import enrol, export, new_device

from lampang_planner.core.db import Store
from lampang_planner.core.sync.digest import digest

RUNS = 60

HELPER = r"""
import os, sys, time
from pathlib import Path
from lampang_planner.core.db import Store
from lampang_planner.core.sync.exchange import import_bundles

print("ready", flush=True)
for line in sys.stdin:
    folder, bundle = line.rstrip("\n").split("\t")
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            with Store.open(Path(folder), create=False) as s:
                import_bundles(s, [bundle], find_duplicates=False)
            code = 0
        finally:
            os._exit(code)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, time.perf_counter() - t0, flush=True)
"""


def snapshot(folder: Path) -> tuple[str, int, int, int]:
    with Store.open(folder, create=False) as s:
        return (
            digest(s.db),
            s.scalar("SELECT COUNT(*) FROM change"),
            s.scalar("SELECT COUNT(*) FROM bundle_log WHERE direction='in'"),
            s.scalar("SELECT COUNT(*) FROM trusted_device"),
        )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_killing_the_import_at_random_moments_never_leaves_a_partial_import(tmp_path):
    laptop = new_device(tmp_path / "laptop", "laptop")
    with laptop.transaction() as tx:
        wid = tx.insert("workshop", {"title": "เวที", "start_date": "2016-09-01"})
        for i in range(700):
            pid = tx.insert("person", {"first_name": f"คน{i}", "last_name": "ทดสอบ", "phone": f"08{i:08d}"})
            tx.insert("invitation", {"workshop_id": wid, "person_id": pid})
            tx.insert("attendance", {"workshop_id": wid, "person_id": pid,
                                     "scans": {"1": f"2016-09-01T08:{i % 60:02d}:00+07:00"}})
    bundle = export(laptop, tmp_path / "bundle")
    laptop.close()
    pristine = tmp_path / "pristine"
    with new_device(pristine, "office", role="office") as office, office.transaction() as tx:
        tx.insert("person", {"first_name": "สมศรี"})
    with Store.open(pristine) as office:
        enrol(office, laptop)  # the office enrolled this laptop (issue #13)
        office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = snapshot(pristine)
    work = tmp_path / "work"
    work.mkdir()

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    helper = subprocess.Popen([sys.executable, "-c", HELPER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, env=env)
    try:
        assert helper.stdout.readline().strip() == "ready"

        def run(kill_after: float | None) -> tuple[int, float]:
            helper.stdin.write(f"{work}\t{bundle}\n")
            helper.stdin.flush()
            child = int(helper.stdout.readline())
            if kill_after is not None:
                time.sleep(kill_after)
                try:
                    os.kill(child, signal.SIGKILL)
                except ProcessLookupError:
                    pass  # it had finished
            status, elapsed = helper.stdout.readline().split()
            return int(status), float(elapsed)

        times = []
        for _ in range(3):  # undisturbed imports: how long one takes, and what "after" is
            shutil.rmtree(work)
            shutil.copytree(pristine, work)
            status, elapsed = run(None)
            assert status == 0
            times.append(elapsed)
        full_time = sorted(times)[1]
        after = snapshot(work)
        assert after[0] != before[0] and after[1] == before[1] + 2101 and after[2] == 1
        rng = random.Random(52)
        outcomes = {"before": 0, "after": 0}
        killed = 0
        for _ in range(RUNS):
            shutil.rmtree(work)
            shutil.copytree(pristine, work)
            status, _ = run(rng.uniform(0, full_time * 1.1))
            killed += os.WIFSIGNALED(status)
            found = snapshot(work)
            assert found in (before, after), "a partial import"
            outcomes["before" if found == before else "after"] += 1
        assert killed >= RUNS // 3  # many runs really were killed before they ended
        assert outcomes["before"] > 0 and outcomes["after"] > 0, outcomes
    finally:
        helper.stdin.close()
        helper.wait(10)
