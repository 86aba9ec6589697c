"""Folders broken by older versions (non-transactional migrations) are repaired at the next start, and a backup
is never half-written or piled up."""

from __future__ import annotations

import sqlite3

import pytest
from kill_support import leftovers, set_schema

from lampang_planner.core.db import SCHEMA_HEAD, Store, schema_revision
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import DB_FILENAME


def test_a_creation_an_older_version_left_half_done_is_built_again(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    db = sqlite3.connect(folder / DB_FILENAME)  # a few tables, no schema revision, no data: killed mid-creation
    db.execute("CREATE TABLE amendment (id TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE person (id TEXT PRIMARY KEY)")
    db.commit()
    db.close()
    with Store.open(folder, create=False) as s:
        assert schema_revision(s.db) == SCHEMA_HEAD and s.scalar("SELECT COUNT(*) FROM district") == 13
    assert leftovers(folder) == [] and not (folder / "backups").exists()


def test_an_empty_file_is_an_unfinished_creation_not_a_damaged_database(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / DB_FILENAME).write_bytes(b"")
    with Store.open(folder, create=False) as s:
        assert schema_revision(s.db) == SCHEMA_HEAD


def test_a_database_with_data_but_no_revision_is_refused_untouched(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    db = sqlite3.connect(folder / DB_FILENAME)
    db.execute("CREATE TABLE person (id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO person VALUES ('somebody')")
    db.commit()
    db.close()
    before = (folder / DB_FILENAME).read_bytes()
    with pytest.raises(UserError) as err:
        Store.open(folder, create=False)
    assert err.value.code == "corrupt" and (folder / DB_FILENAME).read_bytes() == before


def test_an_upgrade_an_older_version_left_after_its_first_create_table_finishes(tmp_path):
    folder = tmp_path / "f"
    with Store.open(folder) as s, s.transaction() as tx:
        tx.insert("person", {"first_name": "สมศรี"})
    set_schema(folder / DB_FILENAME, "0001")
    db = sqlite3.connect(folder / DB_FILENAME)  # what the old runner left: 0002's first table, schema still 0001
    db.execute("CREATE TABLE bundle_log (id VARCHAR NOT NULL PRIMARY KEY)")
    db.commit()
    db.close()
    for _ in range(3):  # and it was tried again and again
        with Store.open(folder, create=False) as s:
            assert schema_revision(s.db) == SCHEMA_HEAD and s.scalar("SELECT COUNT(*) FROM person") == 1
            assert s.scalar("SELECT COUNT(*) FROM bundle_log") == 0
    assert len(list((folder / "backups").glob("*before-upgrade-0001*"))) == 1


def test_a_failed_upgrade_keeps_one_backup_however_often_it_is_retried(tmp_path):
    folder = tmp_path / "f"
    with Store.open(folder) as s, s.transaction() as tx:
        tx.insert("person", {"first_name": "สมศรี"})
    set_schema(folder / DB_FILENAME, "0001")
    db = sqlite3.connect(folder / DB_FILENAME)  # something in the way of the upgrade: a view named like its table
    db.execute("CREATE VIEW trusted_device AS SELECT 1")
    db.commit()
    db.close()
    for _ in range(3):
        with pytest.raises(Exception):  # noqa: B017  (the migration's own error; the point is what stays behind)
            Store.open(folder, create=False)
        db = sqlite3.connect(folder / DB_FILENAME)
        assert schema_revision(db) == "0001"  # rolled back as a whole: no table of 0002 half made
        assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name='bundle_log'").fetchone()[0] == 0
        db.close()
    assert len(list((folder / "backups").glob("*before-upgrade-0001*"))) == 1
    assert leftovers(folder) == []
