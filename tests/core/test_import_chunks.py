"""An import commits in chunks (issue #13): another program writes between two chunks, a kill leaves whole chunks
that importing the same bundle again completes (nothing lost, nothing doubled), and the import's backup — its undo
journal — takes the folder back to before, from any killed or finished import. Real processes, real SIGKILL.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from kill_support import ForkServer, leftovers
from merge_support import enrol_folder, export, new_device

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import create_person, invite_in
from lampang_planner.core.ops.workshops import create_workshop
from lampang_planner.core.sync import journal, payload_reader
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.exchange import import_bundles

BATCH = 15  # lines per chunk here (5,000 in use): a small bundle then makes many chunks


@pytest.fixture(scope="module")
def server():
    s = ForkServer()
    yield s
    s.close()


def state(folder: Path) -> tuple[str, int, int]:
    with Store.open(folder, create=False) as s:
        return digest(s.db), s.scalar("SELECT COUNT(*) FROM change"), s.scalar(
            "SELECT COUNT(*) FROM bundle_log WHERE direction='in'")


def laptop_bundle(tmp_path: Path, people: int) -> Path:
    with new_device(tmp_path / "laptop", "laptop") as laptop, laptop.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวทีตำบล", "start_date": "2026-12-02", "district_code": "5201"})
        invite_in(tx, wid, [create_person(tx, {"first_name": f"นำเข้า{i}", "last_name": "ทีละส่วน",
                                               "phone": f"08{i:08d}"}) for i in range(people)])
    with Store.open(tmp_path / "laptop") as laptop:
        return export(laptop, tmp_path / "bundle")


def office(tmp_path: Path) -> tuple[Path, str, str]:
    """An office that enrolled the laptop, with a workshop and one invited person; (folder, workshop, code)."""
    folder = tmp_path / "pristine"
    with new_device(folder, "office", role="office") as s, s.transaction() as tx:
        wid = create_workshop(tx, {"title": "เวทีสำนักงาน", "start_date": "2026-12-03", "district_code": "5201"})
        pid = create_person(tx, {"first_name": "มาก่อน", "last_name": "ใจดี"})
        invite_in(tx, wid, [pid])
    enrol_folder(folder, tmp_path / "laptop")
    with Store.open(folder) as s:
        code = s.scalar("SELECT code FROM person WHERE id=?", (pid,))
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder, wid, str(code)


def undo_all(folder: Path) -> None:
    """Write out a journal a killed import left (as the next import does) and take every import out, newest first."""
    with Store.open(folder, create=False) as s:
        journal.export_leftovers(s.db, s.path, s.device_id)
        for p in sorted((folder / "backups").glob(f"*{journal.SUFFIX}"), reverse=True):
            journal.restore(s, p)


def test_a_killed_chunked_import_is_completed_by_importing_again_or_undone_by_its_backup(server, tmp_path):
    bundle = laptop_bundle(tmp_path, 240)  # 481 changes: 33 chunks
    pristine, _wid, _code = office(tmp_path)
    before = state(pristine)
    calibrate = tmp_path / "calibrate"
    shutil.copytree(pristine, calibrate)
    _, code, took = server.run({"what": "import", "folder": str(calibrate), "bundle": str(bundle), "batch_lines": BATCH})
    assert code == 0
    after = state(calibrate)
    assert after[1] == before[1] + 481 and after[2] == 1
    rng = random.Random(1313)
    seen = {"before": 0, "part": 0, "after": 0}
    killed = 0
    for i in range(60):  # until enough kills landed between two chunks
        if killed >= 10 and seen["part"] >= 4:
            break
        folder = tmp_path / f"k{i}"
        shutil.copytree(pristine, folder)
        k, _code, _t = server.run({"what": "import", "folder": str(folder), "bundle": str(bundle),
                                   "batch_lines": BATCH}, kill_after=rng.uniform(0.2, 1.0) * took)
        killed += k
        found = state(folder)
        kind = "before" if found == before else "after" if found == after else "part"
        seen[kind] += 1
        # The machine's load moves the import's duration: kills that keep landing after it (or before it) move the
        # window in, so kills go on landing between chunks.
        took *= {"before": 1.15, "after": 0.85, "part": 1.0}[kind]
        if kind == "part":  # whole chunks, no bundle logged as imported
            assert before[1] < found[1] < after[1] and found[2] == 0
        assert leftovers(folder) == []
        undone = tmp_path / f"u{i}"
        shutil.copytree(folder, undone)
        undo_all(undone)
        assert state(undone)[:2] == before[:2], "the backup did not take the killed import out"
        with Store.open(folder, create=False) as s:
            again = import_bundles(s, [bundle], find_duplicates=False)
        assert state(folder) == after, "importing again did not complete the killed import"
        assert again.added + again.updated + again.merged + again.unchanged == 481 or kind == "after"
    assert killed >= 10 and seen["part"] >= 4, seen


CHECKIN = """
import sys
from pathlib import Path
from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import check_in
with Store.open(Path(sys.argv[1]), create=False) as s:
    s.db.execute("PRAGMA busy_timeout=0")  # the folder's write lock must be free: no waiting for it
    print(check_in(s, sys.argv[2], sys.argv[3], desk="2").kind.value)
"""


class Cancelled(Exception):
    pass


def test_another_program_writes_between_chunks_and_a_cancel_keeps_its_check_in(tmp_path, monkeypatch):
    bundle = laptop_bundle(tmp_path, 120)
    folder, wid, code = office(tmp_path)
    before = state(folder)
    monkeypatch.setattr(payload_reader, "BATCH_LINES", BATCH)
    chunks = []

    def progress(phase: str, done: int, _total: int, _name: str) -> None:
        if phase == "merge":
            chunks.append(done)
            if len(chunks) == 2:  # between two committed chunks: a desk in another process checks someone in
                out = subprocess.run([sys.executable, "-c", CHECKIN, str(folder), wid, code], capture_output=True,
                                     text=True, timeout=120)
                assert out.returncode == 0, out.stderr

    def check() -> None:
        if len(chunks) == 3:
            raise Cancelled

    with Store.open(folder, create=False) as s, pytest.raises(Cancelled):
        import_bundles(s, [bundle], progress=progress, check=check, find_duplicates=False)
    assert len(chunks) == 3
    with Store.open(folder, create=False) as s:
        # the cancelled import is gone, the check-in made while it ran stays, and nothing is left journaled
        assert s.scalar("SELECT COUNT(*) FROM person WHERE first_name LIKE 'นำเข้า%'") == 0
        assert s.scalar("SELECT COUNT(*) FROM change") == before[1] + 1
        assert s.scalar("SELECT COUNT(*) FROM attendance a JOIN person p ON p.id=a.person_id WHERE p.code=? "
                        "AND a.checked_in_at IS NOT NULL", (code,)) == 1
        assert s.scalar("SELECT COUNT(*) FROM import_undo") == 0
        assert s.scalar("SELECT COUNT(*) FROM bundle_log WHERE direction='in'") == 0
        report = import_bundles(s, [bundle], find_duplicates=False)  # and it imports whole afterwards
    assert report.added > 0 and report.backup is not None and report.backup.exists()


def test_a_finished_import_is_undone_by_its_backup_unless_written_after(tmp_path):
    bundle = laptop_bundle(tmp_path, 50)
    folder, wid, code = office(tmp_path)
    before = state(folder)
    with Store.open(folder, create=False) as s:
        report = import_bundles(s, [bundle])
        assert report.backup is not None and report.backup.name.endswith(journal.SUFFIX)
        from lampang_planner.core.ops.checkin import check_in

        check_in(s, wid, code, desk="1")
        with pytest.raises(journal.UserError) as err:
            journal.restore(s, report.backup)
        assert err.value.code == "written-after" and err.value.th != err.value.en
        r = journal.restore(s, report.backup, keep_later=True)
        assert r.writes_removed == 101 and r.files == (bundle.name,)
        assert s.scalar("SELECT COUNT(*) FROM change") == before[1] + 1  # the check-in made after it stays
        assert s.scalar("SELECT COUNT(*) FROM person WHERE first_name LIKE 'นำเข้า%'") == 0
        with pytest.raises(journal.UserError):  # renamed: never applied twice
            journal.restore(s, report.backup)
        again = import_bundles(s, [bundle])  # it can be imported again
        assert again.added == 101


def test_the_command_line_imports_and_undoes_an_import_from_its_backup(tmp_path, capsys):
    from lampang_planner.cli import main

    bundle = laptop_bundle(tmp_path, 30)
    folder, _wid, _code = office(tmp_path)
    before = state(folder)
    assert main(["--data-dir", str(folder), "bundle", "import", str(bundle)]) == 0
    out = capsys.readouterr().out
    backup = next((folder / "backups").glob(f"*{journal.SUFFIX}"))
    assert str(backup) in out and state(folder) != before
    assert main(["--data-dir", str(folder), "bundle", "undo", str(backup)]) == 0
    assert "undone: 61 changes taken out" in capsys.readouterr().out
    assert state(folder) == before


def _forged(tmp_path: Path, lines: int, declared: int) -> tuple[Path, Path]:
    """An office that enrolled a (forging) laptop, and that laptop's signed bundle of ``lines`` changes to one
    person whose manifest declares ``declared`` (counts and stamp range made to match the declared lines)."""
    import time

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from merge_support import enrol_key
    from test_exchange_memory import DEVICE, _line, forge_stream

    from lampang_planner.core.sync.clock import Stamp

    key = Ed25519PrivateKey.generate()
    folder = tmp_path / f"office-{lines}-{declared}"
    with new_device(folder, "office", role="office") as s:
        enrol_key(s, DEVICE, key)
    base = int(time.time() * 1000) - 3_600_000
    stamps = [Stamp(base + i, 0, DEVICE).encode() for i in range(max(lines, declared))]
    body = b"".join(_line(st, {"first_name": f"ส่วน{i}", "deleted": False}) for i, st in enumerate(stamps[:lines]))
    bundle = forge_stream(tmp_path / f"forged-{lines}-{declared}.lpbundle", key, [body], changes=declared,
                          counts={"person": declared}, hlc=(stamps[0], stamps[declared - 1]))
    return folder, bundle


@pytest.mark.parametrize("lines", [30, 45, 60])
def test_a_payload_longer_or_shorter_than_its_manifest_is_refused_before_its_last_chunk(tmp_path, monkeypatch, lines):
    """One batch is held at a time: the last chunk is the one that reaches the declared count, and the stream's end
    checks run before it commits. A payload with more lines, or fewer, than its signed manifest declares is refused,
    and the chunks it committed are taken out; the honest one imports whole, in its chunks."""
    folder, bundle = _forged(tmp_path, lines, 45)
    monkeypatch.setattr(payload_reader, "BATCH_LINES", BATCH)
    before = state(folder)
    chunks: list[int] = []
    with Store.open(folder, create=False) as s:
        if lines != 45:
            with pytest.raises(payload_reader._b().BundleError) as err:
                import_bundles(s, [bundle], progress=lambda p, done, *_: p == "merge" and chunks.append(done))
            assert err.value.code == "damaged"
        else:
            report = import_bundles(s, [bundle], progress=lambda p, done, *_: p == "merge" and chunks.append(done))
            assert report.added == 1 and report.files[0].status == "imported"
    if lines == 45:
        assert chunks == [15, 30, 45] and state(folder)[1] == before[1] + 45
    else:
        assert chunks == [15, 30] and state(folder) == before  # the chunk that would end it never committed


def test_duplicates_found_across_chunks_and_the_import_keeps_no_list_of_them(tmp_path, monkeypatch):
    """The people an import touched are noted chunk by chunk in a temporary table (not a set that grows with the
    bundle): a walk-in in a late chunk still meets the office's own record, and the table is gone afterwards."""
    laptop = tmp_path / "laptop"
    with new_device(laptop, "laptop") as s, s.transaction() as tx:
        for i in range(40):
            create_person(tx, {"first_name": f"นำเข้า{i}", "last_name": "ทีละส่วน", "phone": f"08{i:08d}"})
        create_person(tx, {"first_name": "บุญเรือง", "last_name": "อินต๊ะ", "phone": "0812345678"})
    folder = tmp_path / "office"
    with new_device(folder, "office", role="office") as s, s.transaction() as tx:
        create_person(tx, {"first_name": "บุญเรือง", "last_name": "อินต๊ะ", "phone": "081-234-5678"})
    enrol_folder(folder, laptop)
    with Store.open(laptop) as s:
        bundle = export(s, tmp_path / "bundle")
    monkeypatch.setattr(payload_reader, "BATCH_LINES", BATCH)
    with Store.open(folder, create=False) as s:
        report = import_bundles(s, [bundle])
        assert report.added == 41 and report.duplicates == 1
        assert s.scalar("SELECT COUNT(*) FROM sqlite_temp_master WHERE name='import_touched'") == 0


@pytest.mark.parametrize("escaped", [False, True])
def test_a_received_purge_scrubs_the_older_writes_even_written_escaped(tmp_path, escaped):
    """The import reads back the change log of the people a chunk touched only where a forgetting write may be (its
    text holds a placeholder, or an escape that may hide one): a purge arriving with its placeholder written as
    \\u escapes still makes this folder forget the values it held."""
    import json
    import time

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from merge_support import enrol_key
    from test_exchange_memory import DEVICE, forge_stream

    from lampang_planner.core.privacy.fields import PURGED_NAME, forgotten_values
    from lampang_planner.core.sync.clock import Stamp

    key = Ed25519PrivateKey.generate()
    folder = tmp_path / "office"
    with new_device(folder, "office", role="office") as s:
        with s.transaction() as tx:
            pid = create_person(tx, {"first_name": "ลืมได้", "last_name": "ทดสอบ", "phone": "0899999999"})
        enrol_key(s, DEVICE, key)
    stamp = Stamp(int(time.time() * 1000) + 1000, 0, DEVICE).encode()
    data = forgotten_values(PURGED_NAME)
    row = [stamp, "person", pid, DEVICE, "x/1", data, []]
    line = json.dumps(row, ensure_ascii=escaped, separators=(",", ":")).encode() + b"\n"  # kept as it came
    assert (b"\\u" in line) is escaped
    bundle = forge_stream(tmp_path / "purge.lpbundle", key, [line], changes=1, counts={"person": 1}, hlc=(stamp, stamp))
    with Store.open(folder, create=False) as s:
        import_bundles(s, [bundle])
        assert s.scalar("SELECT first_name FROM person WHERE id=?", (pid,)) == PURGED_NAME
        logged = [r[0] for r in s.query("SELECT data FROM change WHERE row_id=?", (pid,))]
        assert len(logged) == 2 and not any("0899999999" in d or "ลืมได้" in d for d in logged)


@pytest.mark.parametrize("find_duplicates", [True, False])
def test_the_import_copies_its_log_into_the_database_before_it_returns(tmp_path, find_duplicates):
    """The log the import grew is checkpointed by the import (a thread of its own, joined before it returns), not by
    whichever later commit finds it over SQLite's limit: the database file alone holds the import; the folder's
    automatic checkpoint is back to SQLite's default, and no thread is left running."""
    import threading

    bundle = laptop_bundle(tmp_path, 30)
    folder, _wid, _code = office(tmp_path)
    with Store.open(folder, create=False) as s:
        report = import_bundles(s, [bundle], find_duplicates=find_duplicates)
        assert report.added == 61
        assert s.scalar("PRAGMA wal_autocheckpoint") == 1000
        assert not [t for t in threading.enumerate() if t.name == "import-checkpoint"]
        alone = tmp_path / "alone.sqlite3"
        shutil.copyfile(s.path, alone)  # the database file without its log
    with closing(sqlite3.connect(alone)) as db:
        assert db.execute("SELECT COUNT(*) FROM person WHERE first_name LIKE 'นำเข้า%'").fetchone()[0] == 30


def test_a_long_import_keeps_its_log_on_disk_bounded(tmp_path, monkeypatch):
    """A long import copies its write-ahead log back once it holds ``IMPORT_LOG_PAGES`` pages, so the log on the
    laptop's disk stays near that size however long the bundle (never copying it back grew a 2 GB log for 300,000
    changes); with no bound the same import leaves a log many times larger, and both import the same."""
    from lampang_planner.core.sync import exchange_finish

    bundle = laptop_bundle(tmp_path, 200)
    folder, _wid, _code = office(tmp_path)
    monkeypatch.setattr(payload_reader, "BATCH_LINES", BATCH)
    sizes, digests = {}, {}
    for pages in (10**9, 16):
        copy = tmp_path / f"office-{pages}"
        shutil.copytree(folder, copy)
        monkeypatch.setattr(exchange_finish, "IMPORT_LOG_PAGES", pages)
        with Store.open(copy, create=False) as s:
            page = s.scalar("PRAGMA page_size")
            assert import_bundles(s, [bundle]).added == 401
            sizes[pages] = (copy / (s.path.name + "-wal")).stat().st_size // page
            digests[pages] = digest(s.db)
    assert digests[16] == digests[10**9]
    assert sizes[16] * 4 < sizes[10**9], sizes


def test_each_chunk_tells_the_listeners_what_it_changed_and_keeps_telling_them(tmp_path, monkeypatch):
    """The window hears of an import's chunks from the store's listeners and reads each result later, on its own
    thread (a queued signal): what a chunk changed must still be in that result once the import has gone on. The
    import emptied it right after the commit, so after a kit's import the check-in screen still said "no workshop on
    this laptop" and the other pages never heard which workshops, people or invitations came in."""
    bundle = laptop_bundle(tmp_path, 30)
    folder, _wid, _code = office(tmp_path)
    monkeypatch.setattr(payload_reader, "BATCH_LINES", BATCH)
    heard = []
    with Store.open(folder, create=False) as s:
        s.listeners.append(heard.append)  # kept, and read after the import, as a queued signal's receiver does
        report = import_bundles(s, [bundle])
        workshops = {r[0] for r in s.query("SELECT id FROM workshop WHERE title='เวทีตำบล'")}
        people = {r[0] for r in s.query("SELECT id FROM person WHERE last_name='ทีละส่วน'")}
    assert report.added > 60 and len(heard) > 3  # many chunks
    told = {}
    for result in heard:
        for tbl, ids in result.changed.items():
            told.setdefault(tbl, set()).update(ids)
    assert told.get("workshop") == workshops and told.get("person") == people
    assert len(told.get("invitation", ())) == 30
    assert not report.result.changed  # the import's own total keeps counts only (memory stays flat)
