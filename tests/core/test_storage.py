"""The data folder: where it is, WAL and foreign keys, migrations on open, refusal of newer schemas."""

from __future__ import annotations

import sqlite3

import pytest

from lampang_planner.core.db import SCHEMA_HEAD, Store, known_revisions, schema_revision
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import DB_FILENAME, resolve_data_dir


def test_data_dir_flag_beats_environment_beats_per_user_default(tmp_path, monkeypatch):
    monkeypatch.setenv("LAMPANG_PLANNER_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("LAMPANG_PLANNER_HOME")
    assert "lampang-planner" in str(resolve_data_dir(None))


def test_new_folder_has_reference_data_wal_and_foreign_keys(empty_store):
    db = empty_store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM district").fetchone()[0] == 13
    assert db.execute("SELECT COUNT(*) FROM subdistrict").fetchone()[0] == 100
    assert schema_revision(db) == SCHEMA_HEAD
    with pytest.raises(sqlite3.IntegrityError), empty_store.transaction() as tx:
        tx.insert("person", {"first_name": "x", "subdistrict_code": "999999"})


def test_device_identity_survives_reopening(tmp_path):
    with Store.open(tmp_path) as s:
        device, stamp = s.device_id, None
        with s.transaction() as tx:
            tx.insert("person", {"first_name": "ก"})
        stamp = s.clock.last
    with Store.open(tmp_path) as s:
        assert s.device_id == device
        assert s.clock.now() > stamp


@pytest.mark.skipif(len(known_revisions()) < 2, reason="needs a second schema revision")
def test_older_schema_is_backed_up_then_upgraded(tmp_path):
    from kill_support import set_schema

    path = tmp_path / DB_FILENAME
    old = known_revisions()[-2]
    set_schema(path, old)
    with Store.open(tmp_path) as s:
        assert schema_revision(s.db) == SCHEMA_HEAD
    assert len(list((tmp_path / "backups").glob(f"*before-upgrade-{old}*"))) == 1


def test_newer_schema_is_refused_with_a_clear_message_and_left_untouched(tmp_path):
    with Store.open(tmp_path):
        pass
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = (tmp_path / DB_FILENAME).read_bytes()
    with pytest.raises(UserError) as err:
        Store.open(tmp_path)
    assert err.value.code == "newer-schema"
    assert "รุ่นใหม่กว่า" in err.value.th and "newer version" in err.value.en
    assert (tmp_path / DB_FILENAME).read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    (tmp_path / DB_FILENAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError) as err:
        Store.open(tmp_path)
    assert err.value.code == "corrupt"


def test_revisions_follow_the_migration_chain_not_the_file_numbers(tmp_path, monkeypatch):
    """Parallel work numbers migration files by area (0004, 0007…) and chains them in the order they land: the
    schema head is the end of the chain, whatever its number."""
    from lampang_planner.core import folder as D

    versions = tmp_path / "versions"
    versions.mkdir()
    for rev, down in (("0001", None), ("0002", "0001"), ("0007", "0002"), ("0004", "0007")):
        (versions / f"{rev}_x.py").write_text(
            f"revision = '{rev}'\ndown_revision = {down!r}\n" if down else f"revision = '{rev}'\ndown_revision = None\n"
        )
    monkeypatch.setattr(D, "MIGRATIONS_DIR", tmp_path)
    D.known_revisions.cache_clear()
    try:
        assert list(D.known_revisions()) == ["0001", "0002", "0007", "0004"]
    finally:
        monkeypatch.undo()
        D.known_revisions.cache_clear()
