"""Issue #18: desks at one venue see each other live, with no internet — four desk processes on loopback."""

from __future__ import annotations

from merge_support import dig
from venue_support import DeskProcess, desks_from_kit, office_with_people, wait_for

from lampang_planner.core.sync.exchange import export_bundle, import_bundles


def _one_digest(desks: list[DeskProcess]) -> bool:
    return len({d.digest() for d in desks}) == 1


def test_four_desk_processes_end_with_one_digest_and_the_office_imports_it_once(tmp_path):
    office, wid, codes = office_with_people(tmp_path / "office", 40)
    folders = desks_from_kit(office, tmp_path, [f"โต๊ะ {i}" for i in range(1, 5)], enrolled=4)
    d1 = DeskProcess(folders[0])
    d2 = DeskProcess(folders[1], joins=(d1.address,))
    d3 = DeskProcess(folders[2], joins=(d1.address, d2.address))
    desks = [d1, d2, d3]
    try:
        first = {c: d.scan(wid, c) for d, part in zip(desks, (codes[0:4], codes[4:8], codes[8:12]), strict=True)
                 for c in part}
        assert all(r["kind"] == "checked-in" for r in first.values())
        wait_for(lambda: _one_digest(desks), what="three desks agree")
        # Desk 2 scans someone desk 1 checked in: amber "already", desk 1's desk and time from the synced row.
        again = d2.scan(wid, codes[0])
        assert again["kind"] == "already" and again["desk"] == "1" and again["at"] == first[codes[0]]["at"]
        assert again["this_desk"] == "2" and again["message_en"].startswith("already checked in at desk 1, ")
        assert again["message_th"].startswith("ลงทะเบียนแล้วที่โต๊ะ 1 เมื่อ ")
        # Desk 3 is killed (SIGKILL) in the middle of a burst of scans; the others carry on.
        d3.proc.stdin.write(f"burst {wid} {' '.join(codes[12:20])}\n")
        d3.proc.stdin.flush()
        d3.read()
        d3.read()
        d3.kill()
        for c in codes[20:24]:
            assert d1.scan(wid, c)["kind"] == "checked-in"
        for c in codes[24:28]:
            assert d2.scan(wid, c)["kind"] == "checked-in"
        d3 = desks[2] = DeskProcess(folders[2], port=d3.port, joins=(d1.address,))
        for c in codes[14:20]:  # the people whose scans desk 3 never confirmed scan again: nobody is lost
            assert d3.scan(wid, c)["kind"] in ("checked-in", "already")
        for c in codes[28:30]:
            assert d3.scan(wid, c)["kind"] == "checked-in"
        # A late joiner knows only desk 1's address: it catches up and finds the others through it.
        d4 = DeskProcess(folders[3], joins=(d1.address,))
        desks.append(d4)
        wait_for(lambda: _one_digest(desks), what="four desks agree")
        assert d4.scan(wid, codes[25])["desk"] == "2"  # scanned at desk 2 while desk 4 was not there
        for c in codes[30:34]:  # the same people at two desks at once: one attendance each, both scans kept
            d1.scan(wid, c)
            d4.scan(wid, c)
        wait_for(lambda: _one_digest(desks), what="four desks agree after the double scans")
        wait_for(lambda: {p["desk"] for p in d4.ask("status")["peers"] if p["connected"]} == {"1", "2", "3"},
                 what="the late joiner is connected to every desk")
        wait_for(lambda: all(p["behind_them"] == p["they_behind"] == 0 for p in d4.ask("status")["peers"]),
                 what="the late joiner is behind nobody and nobody behind it")
        halls = [d.ask(f"quorum {wid}") for d in desks]  # the hall's count and quorum, the same at every desk
        assert {(q["present"], q["registered"], q["met"]) for q in halls} == {(34, 40, True)}
        final = d1.digest()
        attended = d1.ask("digest")["counts"]["attendance"]
    finally:
        for d in desks:
            d.quit()
    assert attended == 34  # everyone scanned once, nobody twice
    # Each desk's bundle to the office: the office's import gives the same digest, nothing taken twice.
    from lampang_planner.core.db import Store

    paths = []
    for f in folders:
        with Store.open(f, create=False) as s:
            assert dig(s) == final
            paths.append(export_bundle(s, tmp_path / "bundles" if (tmp_path / "bundles").mkdir(exist_ok=True) is None
                                       else tmp_path, full=False).path)
    report = import_bundles(office, paths)
    assert dig(office) == final
    changes = office.scalar("SELECT COUNT(*) FROM change")
    with Store.open(folders[0], create=False) as s:
        assert changes == s.scalar("SELECT COUNT(*) FROM change")
    assert report.added + report.updated + report.merged > 0
    again = import_bundles(office, paths)
    assert {f.status for f in again.files} == {"already"} and dig(office) == final
    office.close()


def test_a_desk_that_falls_silent_is_dropped_and_catches_up_when_it_returns(tmp_path):
    """A desk that drops off the hotspot sends nothing, not even a goodbye: SIGSTOP gives exactly that (its sockets
    stay open, the kernel still acknowledges bytes). The others notice the silence, carry on, and it catches up."""
    import signal

    office, wid, codes = office_with_people(tmp_path / "office", 12)
    folders = desks_from_kit(office, tmp_path, ["โต๊ะ 1", "โต๊ะ 2", "โต๊ะ 3"], enrolled=3)
    office.close()
    d1 = DeskProcess(folders[0])
    desks = [d1, DeskProcess(folders[1], joins=(d1.address,)), DeskProcess(folders[2], joins=(d1.address,))]
    d2, d3 = desks[1], desks[2]

    def connected(desk) -> set[str]:
        return {p["desk"] for p in desk.ask("status")["peers"] if p["connected"]}

    try:
        wait_for(lambda: all(len(connected(d)) == 2 for d in desks), what="three desks connected")
        d3.proc.send_signal(signal.SIGSTOP)
        for c1, c2 in zip(codes[0:2], codes[2:4], strict=True):
            assert d1.scan(wid, c1)["kind"] == d2.scan(wid, c2)["kind"] == "checked-in"
        wait_for(lambda: connected(d1) == {"2"} and connected(d2) == {"1"}, what="the silent desk is dropped")
        assert d1.digest() == d2.digest()
        d3.proc.send_signal(signal.SIGCONT)
        assert d3.scan(wid, codes[5])["kind"] == "checked-in"
        wait_for(lambda: all(len(connected(d)) == 2 for d in desks), what="the desk is back")
        wait_for(lambda: _one_digest(desks), what="it caught up and the others have its scan")
        assert d3.ask("digest")["counts"]["attendance"] == 5
    finally:
        for d in desks:
            if d.proc.poll() is None:
                d.proc.send_signal(signal.SIGCONT)
            d.quit()
