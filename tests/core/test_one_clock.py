"""One clock per folder, whatever program writes: four desk processes checking people in on one folder at once, the
window and the command line taking turns, and a full disk in the middle of a write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import create_person, invite_in
from lampang_planner.core.ops.workshops import create_workshop

DESK = r"""
import sys
from pathlib import Path
from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import check_in
folder, workshop, desk, *codes = sys.argv[1:]
with Store.open(Path(folder), create=False) as s:
    for code in codes:
        r = check_in(s, workshop, code, desk=desk)
        print(r.kind.value, code, flush=True)
"""


def seeded(folder: Path, people: int) -> tuple[str, list[str]]:
    with new_store(folder) as s:
        with s.transaction() as tx:
            wid = create_workshop(tx, {"title": "เวทีอำเภองาว", "start_date": "2026-12-05", "district_code": "5201"})
            invite_in(tx, wid, [create_person(tx, {"first_name": f"คน{i}", "last_name": "ดี"}) for i in range(people)])
        codes = [r[0] for r in s.query("SELECT code FROM person ORDER BY id")]
    return wid, codes


def test_four_desks_on_one_folder_for_several_rounds_lose_nothing_and_never_share_a_stamp(tmp_path):
    folder = tmp_path / "door"
    wid, codes = seeded(folder, 240)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    expected: set[str] = set()
    for round_ in range(3):
        batch = codes[round_ * 80 : (round_ + 1) * 80]
        procs = []
        for desk in range(4):
            mine = batch[desk * 20 : (desk + 1) * 20] + batch[((desk + 1) % 4) * 20 :][:3]  # some scanned twice
            procs.append(subprocess.Popen([sys.executable, "-c", DESK, str(folder), wid, f"desk{desk}", *mine],
                                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            assert "Traceback" not in err
            kinds = [line.split()[0] for line in out.splitlines()]
            assert len(kinds) == 23 and set(kinds) <= {"checked-in", "already"}
        expected |= set(batch)
    with Store.open(folder, create=False) as s:
        present = {r[0] for r in s.query(
            "SELECT p.code FROM attendance a JOIN person p ON p.id=a.person_id WHERE a.deleted=0")}
        assert present == expected, "a check-in was lost"
        stamps = [r[0] for r in s.query("SELECT hlc FROM change WHERE device=?", (s.device_id,))]
        assert len(stamps) == len(set(stamps))
        assert s.scalar("SELECT clock FROM device") == max(stamps)  # the stored clock is the newest stamp written
        desks = {r[0] for r in s.query("SELECT scans FROM attendance")}
        assert any("desk0" in d and "desk3" in d for d in desks)  # one person scanned at two desks: one row


def test_the_window_continues_the_clock_the_command_line_advanced(tmp_path):
    folder = tmp_path / "f"
    seeded(folder, 2)
    window = Store.open(folder)  # opened first, then left idle while the command line writes
    try:
        with Store.open(folder) as cli, cli.transaction() as tx:
            tx.insert("person", {"first_name": "จากบรรทัดคำสั่ง"})
            cli_stamp = cli.clock.last
        # Far ahead of the wall clock, as after importing from a laptop whose clock ran fast:
        ahead = f"{int(cli_stamp[:14]) + 3_600_000:014d}.0000.{window.device_id}"
        db = window.db
        db.execute("UPDATE device SET clock=?", (ahead,))
        with window.transaction() as tx:
            pid = tx.insert("person", {"first_name": "จากหน้าต่าง"})
        stamp = window.scalar("SELECT hlc FROM change WHERE row_id=? ORDER BY hlc DESC", (pid,))
        assert stamp > ahead > cli_stamp  # a later correction in the window wins over the command line's write
    finally:
        window.close()
