"""Issue #18: only enrolled devices of the same kit join a venue network; anyone else is refused and gets nothing."""

from __future__ import annotations

import pytest
from merge_support import clone_folder, dig
from venue_support import desks_from_kit, office_with_people, wait_for

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.venue.node import VenueNode


@pytest.fixture
def venue(tmp_path):
    office, wid, codes = office_with_people(tmp_path / "office", 3)
    folders = desks_from_kit(office, tmp_path, ["โต๊ะ 1", "โต๊ะ 2", "เครื่องแปลกหน้า"], enrolled=2)
    other, _, _ = office_with_people(tmp_path / "other-office", 1)
    foreign = desks_from_kit(other, tmp_path / "other", ["เครื่องสำนักงานอื่น"], enrolled=1)[0]
    stores = []

    def node(folder, *joins):
        s = Store.open(folder, create=False)
        stores.append(s)
        n = VenueNode(s, host="127.0.0.1", joins=joins)
        n.start()
        return s, n

    yield node, folders, foreign, wid, codes
    for s in stores:
        s.close()
    office.close()
    other.close()


def _codes(status) -> set[str]:
    return {r.code for r in status.refusals}


def test_enrolled_desks_exchange_and_strangers_are_refused(venue, tmp_path):
    node, folders, foreign, wid, codes = venue
    s1, n1 = node(folders[0])
    s2, n2 = node(folders[1], f"127.0.0.1:{n1.port}")
    stranger, n3 = node(folders[2], f"127.0.0.1:{n1.port}")  # took the kit, but the office never enrolled it
    outsider, n4 = node(foreign, f"127.0.0.1:{n1.port}")  # enrolled by another office
    twin_dir = clone_folder(folders[1], tmp_path / "twin", new_identity=False)  # desk 2's id, another key
    twin, n5 = node(twin_dir, f"127.0.0.1:{n1.port}")
    try:
        before = dig(stranger), dig(outsider), dig(twin)
        assert check_in(s1, wid, codes[0]).kind == "checked-in"
        wait_for(lambda: dig(s2) == dig(s1), what="desk 2 has desk 1's check-in")
        wait_for(lambda: {"not-enrolled", "other-kit", "impostor"} <= _codes(n1.status()), what="refusals seen")
        assert "not-enrolled" in _codes(n3.status()) and "other-kit" in _codes(n4.status())
        assert "impostor" in _codes(n5.status())
        assert [p.desk for p in n1.status().connected] == ["2"]
        assert (dig(stranger), dig(outsider), dig(twin)) == before  # nothing reached them
        assert s1.scalar("SELECT COUNT(*) FROM change WHERE device IN (?,?,?)",
                         (stranger.device_id, outsider.device_id, twin.device_id)) == 0
        refusal = next(r for r in n1.status().refusals if r.code == "not-enrolled")
        assert "ไม่ได้ลงทะเบียน" in refusal.th and "not enrolled" in refusal.en
    finally:
        for n in (n1, n2, n3, n4, n5):
            n.stop()


def test_a_folder_without_a_kit_cannot_start(tmp_path):
    with new_store(tmp_path / "fresh") as s:
        with pytest.raises(UserError) as err:
            VenueNode(s, host="127.0.0.1").start()
        assert err.value.code == "no-kit"


def test_desks_of_one_kit_find_each_other_by_mdns_without_an_address(venue):
    node, folders, _foreign, wid, codes = venue
    (s1, n1), (s2, n2) = node(folders[0]), node(folders[1])
    for n in (n1, n2):  # started again with discovery: no address typed anywhere
        n.stop()
    n1, n2 = VenueNode(s1, discover=True), VenueNode(s2, discover=True)
    n1.start()
    n2.start()
    try:
        wait_for(lambda: [p.desk for p in n1.status().connected] == ["2"], what="desk 1 found desk 2 by mDNS")
        check_in(s2, wid, codes[1])
        wait_for(lambda: dig(s1) == dig(s2), what="desk 2's check-in reached desk 1")
    finally:
        n1.stop()
        n2.stop()


def test_the_command_line_joins_and_leaves_on_sigterm(venue):
    import json
    import os
    import signal
    import subprocess
    import sys
    import threading

    node, folders, *_ = venue
    _s1, n1 = node(folders[0])
    cmd = [sys.executable, "-m", "lampang_planner", "--data-dir", str(folders[1]), "venue", "--no-discovery",
           "--json", "--join", f"127.0.0.1:{n1.port}"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    lines: list[dict] = []
    reader = threading.Thread(target=lambda: lines.extend(json.loads(ln) for ln in proc.stdout), daemon=True)
    reader.start()
    try:
        wait_for(lambda: any(p["connected"] and p["desk"] == "1" for ln in list(lines) for p in ln["peers"]),
                 what="the command's desk connected to desk 1")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        n1.stop()
