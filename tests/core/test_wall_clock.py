"""A laptop whose own clock cannot be right says so at start, before writing: run for real under ``faketime``
(behind its own newest write, before the office's newest kit, years ahead), and silent when the clock is right."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from folder_support import new_store
from lampang_planner.core import wall_clock

FAKETIME = shutil.which("faketime")
needs_faketime = pytest.mark.skipif(FAKETIME is None and not os.environ.get("CI"), reason="faketime not installed")


def run_cli(folder, *args, fake: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    cmd = [sys.executable, "-m", "lampang_planner", "--data-dir", str(folder), *args]
    if fake:
        assert FAKETIME, "faketime must be installed (scripts/setup.sh installs it for the tests)"
        cmd = [FAKETIME, "-f", fake, *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def used_folder(tmp_path):
    folder = tmp_path / "laptop"
    with new_store(folder) as s, s.transaction() as tx:
        tx.insert("person", {"first_name": "สมศรี"})
    return folder


@needs_faketime
def test_a_clock_two_years_ahead_is_said_before_the_command_runs(used_folder):
    r = run_cli(used_folder, "info", "--json", fake="+730d")
    assert r.returncode == 0
    assert "เร็วเกินจริง" in r.stderr and "looks wrong" in r.stderr and "730 days after" in r.stderr, r.stderr
    right = run_cli(used_folder, "info", "--json")
    assert right.returncode == 0 and "clock" not in right.stderr


@needs_faketime
def test_a_clock_behind_this_laptops_own_newest_write_is_said(used_folder):
    r = run_cli(used_folder, "info", "--json", fake="-3d")
    assert "ย้อนหลัง" in r.stderr and "is behind" in r.stderr and "the newest data this laptop wrote" in r.stderr


@needs_faketime
def test_a_dead_cmos_battery_date_is_said_even_on_a_new_folder(tmp_path):
    r = run_cli(tmp_path / "new", "demo", fake="@2000-01-01 08:00:00")
    assert "is behind" in r.stderr and "this version of the program was made" in r.stderr, r.stderr


def test_a_clock_before_the_newest_kit_is_said(empty_store):
    kit_made = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)  # the office's clock, two days after ours
    empty_store.db.execute(
        "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, hlc_max, "
        "file_name, report) VALUES ('k', 'in', 'kit', 'office', ?, ?, 0, '', '', 'kit.lpb', '{}')",
        (kit_made.isoformat(), kit_made.isoformat()),
    )
    problem = empty_store.clock_problem()
    assert problem is not None and problem.reference == "kit" and not problem.ahead
    assert "newest kit" in problem.error().en and problem.error().code == "wrong-clock"


def test_a_right_clock_and_a_year_away_clock(empty_store):
    with empty_store.transaction() as tx:
        tx.insert("person", {"first_name": "ก"})
    now = int(empty_store.clock.last[:14])
    assert wall_clock.check(empty_store.db, empty_store.device_id, now + 60_000) is None
    assert wall_clock.check(empty_store.db, empty_store.device_id, now + 300 * 86_400_000) is None
    far = wall_clock.check(empty_store.db, empty_store.device_id, now + 400 * 86_400_000)
    assert far is not None and far.ahead and far.reference == "own-write"
