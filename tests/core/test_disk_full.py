"""A disk that fills up: a real tmpfs of a few megabytes, filled to different levels, so that a bundle import, a roster
import, a check-in and the making of a new folder run out of space at different moments (while backing up, while
writing the change log, while committing). Each time: the Thai/English sentence (never a traceback, never "cannot
rollback"), the data exactly as before, no half-written backup and no temporary file left.

Needs root to mount the tmpfs (CI runs as root); elsewhere the tests are skipped, except under CI where that fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from kill_support import leftovers
from merge_support import enrol_folder, export, new_device

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.ops.people import create_person, invite_in
from lampang_planner.core.ops.workshops import create_workshop
from lampang_planner.core.roster.importer import apply_import, plan_import
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.exchange import import_bundles

MB = 1024 * 1024


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m,mode=0700", "tmpfs", str(mount)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs for the full-disk tests: {r.stderr}")
        pytest.skip(f"cannot mount a tmpfs (needs root): {r.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill the disk with a ballast file until only ``leave`` bytes are free."""
    ballast = disk / "ballast"
    with contextlib.suppress(FileNotFoundError):
        ballast.unlink()
    free = shutil.disk_usage(disk).free
    with open(ballast, "wb") as f:
        f.truncate(0)
        chunk = b"\0" * 65536
        todo = max(free - leave, 0)
        while todo > 0:
            todo -= f.write(chunk[: min(len(chunk), todo)])
        f.flush()
        os.fsync(f.fileno())


def snapshot(folder: Path) -> tuple[str, int]:
    with Store.open(folder, create=False) as s:
        return digest(s.db), s.scalar("SELECT COUNT(*) FROM change")


def check_backups(folder: Path) -> None:
    for p in (folder / "backups").glob("*.sqlite3") if (folder / "backups").is_dir() else []:
        db = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", p
        finally:
            db.close()


def assert_sentence(err: UserError) -> None:
    assert err.code == "disk-full", err
    assert "ดิสก์เต็ม" in err.th and "disk is full" in err.en
    assert "rollback" not in err.en


def laptop_bundle(tmp_path: Path, people: int) -> Path:
    with new_device(tmp_path / "laptop", "laptop") as laptop, laptop.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวที", "start_date": "2026-12-01", "district_code": "5201"})
        invite_in(tx, wid, [create_person(tx, {"first_name": f"คน{i}", "last_name": "ดี", "phone": f"08{i:08d}"})
                            for i in range(people)])
    with Store.open(tmp_path / "laptop") as laptop:
        return export(laptop, tmp_path / "bundle")


def office_on(disk: Path, laptop: Path) -> tuple[Path, tuple[str, int]]:
    """An office folder on the small disk that has enrolled ``laptop``, and its state."""
    folder = disk / "office"
    with new_device(folder, "office", role="office"):
        pass
    enrol_folder(folder, laptop)
    return folder, snapshot(folder)


def test_a_disk_filling_up_during_a_bundle_import_gives_the_sentence_and_changes_nothing(small_disk, tmp_path):
    bundle = laptop_bundle(tmp_path, 1500)
    folder, before = office_on(small_disk, tmp_path / "laptop")
    outcomes = []
    # The import's backup is its undo journal, written with each chunk: from "no room for the first chunk" up.
    for leave in (160 * 1024, 256 * 1024, 512 * 1024, 1 * MB, 2 * MB, 4 * MB):
        fill(small_disk, leave)
        try:
            with Store.open(folder, create=False) as s:
                import_bundles(s, [bundle], find_duplicates=False)
            outcomes.append("imported")
            break
        except UserError as exc:
            assert_sentence(exc)
            outcomes.append("refused")
        (small_disk / "ballast").unlink()
        assert snapshot(folder) == before, "a full disk left part of the import"
        with Store.open(folder, create=False) as s:
            assert s.scalar("SELECT COUNT(*) FROM import_undo") == 0  # nothing half-journaled either
        check_backups(folder)
        assert leftovers(folder) == []
    assert outcomes.count("refused") >= 2, outcomes


def test_the_command_line_says_disk_full_in_thai_and_english_without_a_traceback(small_disk, tmp_path):
    bundle = laptop_bundle(tmp_path, 1500)
    folder, before = office_on(small_disk, tmp_path / "laptop")
    fill(small_disk, (folder / "lampang_planner.sqlite3").stat().st_size + 256 * 1024)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    r = subprocess.run([sys.executable, "-m", "lampang_planner", "--data-dir", str(folder), "bundle", "import",
                        str(bundle)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode != 0
    assert "ดิสก์เต็ม" in r.stderr and "disk is full" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "rollback" not in r.stderr
    (small_disk / "ballast").unlink()
    assert snapshot(folder) == before and leftovers(folder) == []


def test_a_full_disk_during_a_roster_import_a_check_in_or_a_new_folder(small_disk, tmp_path):
    folder = small_disk / "desk"
    with Store.open(folder) as s, s.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวที", "start_date": "2026-12-01", "district_code": "5201"})
        invite_in(tx, wid, [create_person(tx, {"first_name": f"คน{i}", "last_name": "ดี"}) for i in range(30)])
    wb = openpyxl.Workbook()
    wb.active.append(["ชื่อ", "นามสกุล", "เบอร์โทรศัพท์"])
    for i in range(3000):
        wb.active.append([f"สมหญิง{i}", "รักดี", f"08{i:08d}"])
    roster = tmp_path / "roster.xlsx"
    wb.save(roster)
    before = snapshot(folder)
    with Store.open(folder, create=False) as s:
        plan = plan_import(s, roster, wid)
        code = s.scalar("SELECT code FROM person LIMIT 1")
        fill(small_disk, 0)
        with pytest.raises(UserError) as err:
            apply_import(s, plan)
        assert_sentence(err.value)
        with pytest.raises(UserError) as err:
            check_in(s, wid, code)
        assert_sentence(err.value)
    with pytest.raises(UserError) as err:
        Store.open(small_disk / "new-folder", create=True)
    assert_sentence(err.value)
    assert not (small_disk / "new-folder" / "lampang_planner.sqlite3").exists()
    assert leftovers(small_disk / "new-folder") == []
    (small_disk / "ballast").unlink()
    assert snapshot(folder) == before and leftovers(folder) == []
    check_backups(folder)
