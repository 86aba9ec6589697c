"""Imports one after another into one open folder (the office's window stays open all day): files imported already
are read and checked, reported as imported before, and nothing is written — no transaction, no undo journal, no
backup; each import is journaled on its own, and what the office types between two imports is not part of either."""

from __future__ import annotations

import sqlite3

from merge_support import dig, export, office_and_laptops, state

from lampang_planner.core.sync import journal
from lampang_planner.core.sync.exchange import import_bundles
from lampang_planner.core.sync.exchange_report import ALREADY, IMPORTED


def _bundles(a, b, tmp_path, tag: str):
    with a.transaction() as tx:
        tx.insert("person", {"first_name": f"บุญมี{tag}", "last_name": "ทองมา", "phone": "0811111111"})
    with b.transaction() as tx:
        tx.insert("person", {"first_name": f"บุญมี{tag}", "last_name": "ทองมา", "phone": "0811111111"})
    return [export(a, tmp_path / f"a{tag}"), export(b, tmp_path / f"b{tag}")]


def test_files_imported_already_are_reported_and_nothing_is_written(tmp_path):
    office, a, b, _wid = office_and_laptops(tmp_path)
    files = _bundles(a, b, tmp_path, "1")
    first = import_bundles(office, files)
    assert [f.status for f in first.files] == [IMPORTED, IMPORTED] and first.added >= 2 and first.duplicates == 1
    before = state(office)
    watcher = sqlite3.connect(office.path)  # PRAGMA data_version: changes when another connection commits
    version = watcher.execute("PRAGMA data_version").fetchone()[0]

    again = import_bundles(office, files)
    assert [f.status for f in again.files] == [ALREADY, ALREADY]
    assert again.added == again.updated == again.merged == 0 and again.backup is None and again.duplicates == 0
    assert again.conflicts_open == first.conflicts_open == again.conflicts_before
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == version, "the folder was written"
    assert state(office) == before  # data, change log, trust, bundle log, device row, backups
    watcher.close()
    for s in (office, a, b):
        s.close()


def test_each_import_on_one_connection_is_journaled_and_the_edits_between_are_not(tmp_path):
    office, a, b, _wid = office_and_laptops(tmp_path)
    first = import_bundles(office, _bundles(a, b, tmp_path, "1"))
    pid = a.scalar("SELECT id FROM person WHERE first_name='บุญมี1'")  # made on laptop a
    with office.transaction() as tx:  # typed at the office between two imports
        tx.update("person", pid, {"organisation": "อบต.ศาลา"})
        tx.insert("person", {"first_name": "เดินเข้า", "phone": "0899999999"})
    assert office.scalar("SELECT COUNT(*) FROM import_undo") == 0, "an edit between imports was journaled"
    with a.transaction() as tx:
        tx.update("person", pid, {"position": "ประธาน"})
    between = dig(office)

    second = import_bundles(office, _bundles(a, b, tmp_path, "2"))
    assert second.backup is not None and second.backup != first.backup and second.added >= 2
    assert office.scalar("SELECT position FROM person WHERE id=?", (pid,)) == "ประธาน"
    assert office.scalar("SELECT COUNT(*) FROM import_undo") == 0
    journal.restore(office, second.backup)  # the second import taken out: the office's edits stay, the first's rows
    assert dig(office) == between
    assert office.scalar("SELECT organisation FROM person WHERE id=?", (pid,)) == "อบต.ศาลา"
    for s in (office, a, b):
        s.close()
