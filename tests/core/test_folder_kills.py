"""Power cuts, simulated with real SIGKILLs of real processes, at random instants of: making a new folder, upgrading
the schema 0001→0002, importing a bundle, importing a roster and checking people in. After every kill the folder
opens, holds the state from before or after the interrupted step (never between), the next start finishes or
repairs what was left, no half-written backup sits among the good ones, and a retried upgrade keeps one backup.

About 60 kills in all; the scenarios run through one fork server (see kill_support) to stay within seconds.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from kill_support import ForkServer, leftovers, set_schema
from merge_support import enrol_folder, export, new_device

from lampang_planner.core.db import SCHEMA_HEAD, Store, schema_revision
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import create_person, invite_in
from lampang_planner.core.ops.workshops import create_workshop
from lampang_planner.core.paths import DB_FILENAME
from lampang_planner.core.sync import journal
from lampang_planner.core.sync.digest import digest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture(scope="module")
def server():
    s = ForkServer()
    yield s
    s.close()


class Delays:
    """Kill instants spread over the step: random within the shortest time the step took unkilled (the first,
    calibrating run is slower: imports warm up), so that nearly every run is killed somewhere inside it."""

    def __init__(self, rng: random.Random, took: float, kills: int) -> None:
        self.rng, self.window, self.target, self.kills, self.runs = rng, took, kills, 0, 0

    def __iter__(self):
        while self.kills < self.target and self.runs < self.target + 8:
            self.runs += 1
            yield self.rng.uniform(0.0, self.window * 0.9)

    def saw(self, killed: bool, took: float) -> None:
        self.kills += killed
        if not killed:
            self.window = min(self.window, took)


def delays(rng: random.Random, took: float, kills: int) -> Delays:
    """Runs until ``kills`` of them were killed inside the step."""
    return Delays(rng, took, kills)


def raw_revision(path: Path) -> str | None:
    db = sqlite3.connect(path)
    try:
        return schema_revision(db)
    finally:
        db.close()


def check_backups(folder: Path, people: int) -> list[Path]:
    """Every backup is a complete, consistent database holding the data from before the step."""
    found = sorted((folder / "backups").glob("*.sqlite3")) if (folder / "backups").is_dir() else []
    found = [p for p in found if not p.name.endswith(journal.SUFFIX)]  # an import's undo journal: see below
    for p in found:
        db = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", p
            assert db.execute("SELECT COUNT(*) FROM person").fetchone()[0] == people, p
        finally:
            db.close()
    return found


def seeded_folder(folder: Path, people: int) -> str:
    """A laptop folder with a workshop and ``people`` invited people; returns the workshop id."""
    with new_device(folder, "โต๊ะ 1") as s, s.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวทีอำเภอเกาะคา", "start_date": "2026-12-01", "district_code": "5201"})
        pids = [create_person(tx, {"first_name": f"สมชาย{i}", "last_name": "ใจดี"}) for i in range(people)]
        invite_in(tx, wid, pids)
    return wid


def test_kills_while_a_new_folder_is_made_leave_no_folder_or_a_whole_one(server, tmp_path):
    rng = random.Random(1301)
    _, code, took = server.run({"what": "create", "folder": str(tmp_path / "calibrate")})
    assert code == 0
    killed = 0
    plan = delays(rng, took, 10)
    for i, delay in enumerate(plan):
        folder = tmp_path / f"new{i}"
        k, code, t = server.run({"what": "create", "folder": str(folder)}, kill_after=delay)
        plan.saw(k, t)
        killed += k
        assert k or code == 0
        if (folder / DB_FILENAME).exists():  # after: a complete folder
            assert raw_revision(folder / DB_FILENAME) == SCHEMA_HEAD
            with Store.open(folder, create=False) as s:
                assert s.scalar("SELECT COUNT(*) FROM subdistrict") == 100 and s.device_id
        else:  # before: no database at all, and the next start makes one
            with pytest.raises(UserError) as err:
                Store.open(folder, create=False)
            assert err.value.code == "no-data"
            Store.open(folder, create=True).close()
        assert leftovers(folder) == [], leftovers(folder)
    assert killed == 10


def test_kills_during_an_upgrade_roll_it_back_and_keep_one_backup(server, tmp_path):
    rng = random.Random(1302)
    old = tmp_path / "old"
    seeded_folder(old, 1500)
    set_schema(old / DB_FILENAME, "0001")  # the same data at the first schema
    shutil.rmtree(old / "backups", ignore_errors=True)
    assert raw_revision(old / DB_FILENAME) == "0001"

    def fresh(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(old, folder)
        return folder

    _, code, took = server.run({"what": "upgrade", "folder": str(fresh("calibrate"))})
    assert code == 0
    killed = 0
    plan = delays(rng, took, 12)
    for round_ in range(4):  # each folder is killed again and again, as a laptop that loses power at every start
        folder = fresh(f"up{round_}")
        for delay in itertools.islice(plan, 4):
            k, code, t = server.run({"what": "upgrade", "folder": str(folder)}, kill_after=delay)
            plan.saw(k, t)
            killed += k
            assert raw_revision(folder / DB_FILENAME) in ("0001", SCHEMA_HEAD)
            assert len(check_backups(folder, 1500)) <= 1, "a retried upgrade piled up backups"
        with Store.open(folder, create=False) as s:
            assert schema_revision(s.db) == SCHEMA_HEAD and s.scalar("SELECT COUNT(*) FROM person") == 1500
        assert len(check_backups(folder, 1500)) == 1 and leftovers(folder) == []
    assert killed == 12


@pytest.mark.parametrize("statement", ["CREATE TABLE BUNDLE_LOG", "CREATE TABLE TRUSTED_DEVICE"])
def test_a_kill_right_after_a_create_table_of_the_upgrade_leaves_the_old_schema(server, tmp_path, statement):
    folder = tmp_path / "f"
    seeded_folder(folder, 10)
    set_schema(folder / DB_FILENAME, "0001")
    killed, _, _ = server.run({"what": "upgrade", "folder": str(folder), "kill_on": statement})
    assert killed
    db = sqlite3.connect(folder / DB_FILENAME)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert schema_revision(db) == "0001" and "bundle_log" not in tables and "trusted_device" not in tables
    db.close()
    with Store.open(folder, create=False) as s:  # the next start finishes the upgrade
        assert schema_revision(s.db) == SCHEMA_HEAD and s.scalar("SELECT COUNT(*) FROM person") == 10


def test_kills_during_a_bundle_import_leave_it_all_or_nothing_and_whole_backups(server, tmp_path):
    rng = random.Random(1303)
    with new_device(tmp_path / "laptop", "laptop") as laptop, laptop.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวที", "start_date": "2026-12-01", "district_code": "5201"})
        invite_in(tx, wid, [create_person(tx, {"first_name": f"คน{i}", "last_name": "ดี"}) for i in range(600)])
    with Store.open(tmp_path / "laptop") as laptop:
        bundle = export(laptop, tmp_path / "bundle")
    pristine = tmp_path / "pristine"
    seeded_folder(pristine, 20)
    enrol_folder(pristine, tmp_path / "laptop")  # it enrolled that laptop (issue #13)
    with Store.open(pristine) as s:
        before = digest(s.db)

    def fresh(name: str) -> Path:
        shutil.copytree(pristine, tmp_path / name)
        return tmp_path / name

    _, code, took = server.run({"what": "import", "folder": str(fresh("calibrate")), "bundle": str(bundle)})
    assert code == 0
    with Store.open(tmp_path / "calibrate") as s:
        after = digest(s.db)
    killed = 0
    plan = delays(rng, took, 8)
    for i, delay in enumerate(plan):
        folder = fresh(f"imp{i}")
        k, code, t = server.run({"what": "import", "folder": str(folder), "bundle": str(bundle)}, kill_after=delay)
        plan.saw(k, t)
        killed += k
        check_backups(folder, 20)
        with Store.open(folder, create=False) as s:
            found = digest(s.db)
            assert found in (before, after)
            # The import's backup (its undo journal, a killed import's written out as the next import does) takes
            # the folder back to before.
            journal.export_leftovers(s.db, s.path, s.device_id)
            undo_files = sorted((folder / "backups").glob(f"*{journal.SUFFIX}"))
            assert len(undo_files) == (found == after)
            for p in undo_files:
                journal.restore(s, p)
            assert digest(s.db) == before
        assert leftovers(folder) == []
    assert killed == 8


def roster_workbook(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ชื่อ", "นามสกุล", "เบอร์โทรศัพท์"])
    for i in range(rows):
        ws.append([f"สมหญิง{i}", "รักดี", f"08{i:08d}"])
    wb.save(path)
    return path


def test_kills_during_a_roster_import_leave_it_all_or_nothing(server, tmp_path):
    rng = random.Random(1304)
    pristine = tmp_path / "pristine"
    wid = seeded_folder(pristine, 20)
    roster = roster_workbook(tmp_path / "roster.xlsx", 200)

    def fresh(name: str) -> Path:
        shutil.copytree(pristine, tmp_path / name)
        return tmp_path / name

    args = {"what": "roster", "roster": str(roster), "workshop": wid}
    _, code, took = server.run({**args, "folder": str(fresh("calibrate"))})
    assert code == 0
    killed = 0
    plan = delays(rng, took, 8)
    for i, delay in enumerate(plan):
        folder = fresh(f"ros{i}")
        k, code, t = server.run({**args, "folder": str(folder)}, kill_after=delay)
        plan.saw(k, t)
        killed += k
        check_backups(folder, 20)
        with Store.open(folder, create=False) as s:
            assert s.scalar("SELECT COUNT(*) FROM person") in (20, 220)
        assert leftovers(folder) == []
    assert killed == 8


def test_kills_at_the_door_lose_no_check_in_that_was_reported(server, tmp_path):
    rng = random.Random(1305)
    folder = tmp_path / "door"
    wid = seeded_folder(folder, 240)
    with Store.open(folder) as s:
        codes = [r[0] for r in s.query("SELECT code FROM person ORDER BY code")]
    progress = tmp_path / "progress.txt"
    progress.touch()
    args = {"what": "checkin", "folder": str(folder), "workshop": wid, "progress": str(progress)}
    _, code, took = server.run({**args, "codes": codes[:10]})  # a desk's start and ten scans
    assert code == 0
    plan = delays(rng, took, 12)
    in_flight: set[str] = set()
    for delay in plan:  # each run: a desk starts and scans the next ten people, until the power goes
        todo = [c for c in codes if c not in in_flight and c not in progress.read_text()][:10]
        k, _, t = server.run({**args, "codes": todo}, kill_after=delay)
        plan.saw(k, t)
        reported = [line.split()[1] for line in progress.read_text().splitlines()]
        with Store.open(folder, create=False) as s:
            present = {r[0] for r in s.query(
                "SELECT p.code FROM attendance a JOIN person p ON p.id=a.person_id WHERE a.deleted=0")}
        assert set(reported) <= present, "a check-in the desk showed was lost"
        unreported = present - set(reported) - in_flight
        assert len(unreported) <= 1  # at most the one in flight when the power went
        in_flight |= unreported
    killed, done = plan.kills, len(present)
    assert killed == 12 and done > 10
