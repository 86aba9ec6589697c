"""Helpers of the venue tests: an office with a workshop and its invited people, desks set up from its kit (the
office enrolled them), and desk processes driven through stdin (tests/core/venue_desk.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from merge_support import enrol, export, new_device

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import create_workshop
from lampang_planner.core.sync import kits
from lampang_planner.core.sync.exchange import device_key, import_bundles

DESK = Path(__file__).with_name("venue_desk.py")


def office_with_people(folder: Path, n: int) -> tuple[Store, str, list[str]]:
    office = new_device(folder, "สำนักงาน อบจ.ลำปาง")
    kits.set_role(office, kits.OFFICE)
    with office.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2026-12-07", "district_code": "5203"})
    pids = [add_person(office, {"first_name": f"สมชาย{i:02d}", "last_name": "ใจดี", "participant_type": "community_council", "subdistrict_code": "520305"}, workshop_id=wid)
            for i in range(n)]
    codes = [office.scalar("SELECT code FROM person WHERE id=?", (p,)) for p in pids]
    return office, wid, codes


def desks_from_kit(office: Store, root: Path, names: list[str], enrolled: int) -> list[Path]:
    """Folders of desks set up from the office's kit; the first ``enrolled`` are enrolled by the office before the
    kit is made (so they trust each other), the rest are not."""
    stores = []
    for i, name in enumerate(names):
        s = new_device(root / f"desk{i + 1}", name)
        s.set_device(desk=str(i + 1))
        device_key(s)
        stores.append(s)
    enrol(office, *stores[:enrolled])
    kit = export(office, root / "kit", full=True)
    for s in stores:
        import_bundles(s, [kit])
        assert s.office_device_id == office.device_id
        s.close()
    return [s.data_dir for s in stores]


class DeskProcess:
    """A desk program on this machine: its own process, its own data folder, the venue network on loopback."""

    def __init__(self, folder: Path, port: int = 0, joins: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.proc = subprocess.Popen(
            [sys.executable, str(DESK), str(folder), str(port), *joins],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", env=os.environ.copy(),
        )
        hello = self.read()
        self.port, self.device = hello["ready"], hello["device"]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"desk {self.folder.name} ended (exit {self.proc.wait()})")
        return json.loads(line)

    def ask(self, command: str) -> dict:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.read()

    def scan(self, workshop: str, code: str) -> dict:
        return self.ask(f"scan {workshop} {code}")

    def digest(self) -> str:
        return self.ask("digest")["digest"]

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL
        self.proc.wait()

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.ask("quit")
            self.proc.wait(30)


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, what: str = "") -> None:
    """Poll until ``condition()`` holds; a generous bound, not a timing claim."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not reached within {timeout:.0f} s: {what}")
        time.sleep(0.1)
