"""The data folder on disk: made, upgraded and repaired so that a kill at any instant leaves it as before or as after.

- **Creating** a folder builds the whole database (schema, reference data, this laptop's identity) under a temporary
  name (``.lampang_planner.sqlite3.creating-PID-RANDOM``) and links it into place only when it is complete: the
  folder never holds half a database. Leftovers of a killed creation are removed at the next start.
- **Upgrading** an older schema first writes one complete backup (a temporary name renamed when complete; one per
  old revision: a retried upgrade replaces the copy of the failed try instead of piling up), then runs every pending
  Alembic migration in **one** SQLite transaction (``BEGIN IMMEDIATE``; pysqlite's implicit transactions would skip
  the DDL): a kill or an error rolls all of it back.
- **Repairing**: a database that a killed older version left without a schema revision and without data (an
  unfinished creation) is built again; one with data but no revision is refused as damaged.
- **At rest**: the folder, the database (and its ``-wal``/``-shm``), the backups and the keys are readable by their
  owner only (0700 folders, 0600 files) — set when made and put right at every start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import sqlite3
from pathlib import Path

from lampang_planner.core.atomic import (
    PART_SUFFIX,
    atomic_path,
    fsync_dir,
    fsync_file,
    is_disk_failure,
    make_private,
    make_private_dir,
    storage_error,
)
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import BACKUP_DIRNAME, DB_FILENAME
from lampang_planner.core.thai.dates import now_lampang

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REV_FILE = re.compile(r"^(\d{4})_.*\.py$")
_CREATING = re.compile(r"^\." + re.escape(DB_FILENAME) + r"\.creating-(\d+)-[0-9a-f]+")
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


_REV_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+)['\"]?", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """Schema revisions this version knows, oldest first, in the order of the Alembic chain (each file's
    ``down_revision``), not of the file names: migrations written in parallel land in any order."""
    parent_of: dict[str, str | None] = {}
    for p in (MIGRATIONS_DIR / "versions").iterdir():
        if _REV_FILE.match(p.name):
            found = dict(m.groups() for m in _REV_LINE.finditer(p.read_text(encoding="utf-8")))
            parent_of[found["revision"]] = None if found.get("down_revision") in (None, "None") else found["down_revision"]
    child_of = {parent: rev for rev, parent in parent_of.items()}
    chain, rev = [], child_of.get(None)
    while rev is not None:
        chain.append(rev)
        rev = child_of.get(rev)
    if len(child_of) != len(parent_of) or len(chain) != len(parent_of):
        raise RuntimeError(f"the migrations do not form one chain: {sorted(parent_of.items(), key=str)}")
    return tuple(chain)


def schema_revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


# --- migrations ----------------------------------------------------------------------------------------------------


def migrate(path: Path, target: str = "head") -> None:
    """Bring the file at ``path`` to ``target`` with Alembic, every pending migration in one transaction."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # the driver must not open (or skip) transactions on its own

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # DDL included; the revision is read under the write lock

    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    finally:
        engine.dispose()


# --- backups -------------------------------------------------------------------------------------------------------


def backup_file(db_path: Path, reason: str, *, replace_same_reason: bool = False) -> Path:
    """Copy the database consistently (SQLite's backup API) into ``backups/``; returns the copy's path.

    The copy is written under a temporary name, flushed to disk and renamed when complete, so a kill or a full disk
    never leaves a half-written backup among the good ones. With ``replace_same_reason`` older copies made for the
    same reason are removed once the new one is complete (a retried upgrade keeps one copy, not one per try).
    """
    folder = db_path.parent / BACKUP_DIRNAME
    try:
        make_private_dir(folder)
    except OSError as exc:
        raise storage_error(exc, folder) from exc
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    try:
        with atomic_path(target, mode=0o600) as tmp:
            src = sqlite3.connect(db_path, timeout=30)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                finally:
                    dst.close()
            finally:
                src.close()
                for side in SQLITE_SIDE_FILES:
                    with contextlib.suppress(OSError):
                        os.unlink(f"{tmp}{side}")
            if replace_same_reason:
                # Before the new copy takes its name: a kill between the two steps then leaves at most one copy (or,
                # for an instant, none — the database itself is still the unchanged original this copy is made of).
                for old in folder.glob(f"{db_path.stem}-*-{reason}.sqlite3"):
                    with contextlib.suppress(OSError):
                        old.unlink()
    except sqlite3.Error as exc:
        if is_disk_failure(exc):
            raise storage_error(exc, folder) from exc
        raise
    return target


# --- opening -------------------------------------------------------------------------------------------------------


def prepare(data_dir: Path, *, create: bool, at_head: bool = False) -> Path:
    """Make sure ``data_dir`` holds a complete database at the newest schema; returns its path.

    Creates it when missing (if ``create``), finishes or repairs what a killed start left, backs up and upgrades an
    older schema, refuses a newer one or a damaged file, and makes folder and files owner-only. ``at_head``: the
    caller has read the newest revision in the database already (on the connection it keeps), so it is not looked at.
    """
    path = data_dir / DB_FILENAME
    if not path.exists() and not create:
        raise UserError(f"ไม่พบข้อมูลในโฟลเดอร์ {data_dir}", f"No Lampang Planner data in {data_dir}", code="no-data")
    try:
        make_private_dir(data_dir)
    except OSError as exc:
        raise UserError(
            f"สร้างโฟลเดอร์ข้อมูลไม่ได้: {data_dir}", f"Cannot create the data folder {data_dir}: {exc}",
            code="no-folder",
        ) from exc
    _remove_leftovers(data_dir)
    if not path.exists():
        _create(path)
    elif not at_head:
        _check_and_upgrade(path)
    secure(data_dir)
    return path


def secure(data_dir: Path) -> None:
    """Owner-only permissions on the folder, its database files, backups and keys (put right at every start)."""
    make_private(data_dir, 0o700)
    for p in data_dir.iterdir():
        if p.is_file():
            make_private(p)
    for sub in (BACKUP_DIRNAME, "keys"):
        if (data_dir / sub).is_dir():
            make_private(data_dir / sub, 0o700)
            for p in (data_dir / sub).iterdir():
                make_private(p)


def _remove_leftovers(data_dir: Path) -> None:
    """Temporary files of a killed creation or backup (never a finished file: those have their final names)."""
    for p in data_dir.iterdir():
        m = _CREATING.match(p.name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                p.unlink()
    backups = data_dir / BACKUP_DIRNAME
    if backups.is_dir():
        for p in backups.glob(f".*{PART_SUFFIX}*"):  # with the copy's own -journal
            with contextlib.suppress(OSError):
                p.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # Windows cannot delete a file another process holds open anyway
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _create(path: Path) -> None:
    """Build a complete database under a temporary name, then link it into place (the first creator wins)."""
    import secrets  # here, not at the top: only a new folder needs it, and every command imports this module

    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        migrate(tmp)
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            ensure_identity(db)
            db.execute("COMMIT")
        finally:
            db.close()
        fsync_file(tmp)
        try:
            os.link(tmp, path)  # atomic, and never replaces a database another process finished first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        fsync_dir(path.parent)
    except Exception as exc:  # sqlite3's errors, or SQLAlchemy's wrapping them during the migrations
        if isinstance(exc, OSError) or is_disk_failure(exc):
            raise storage_error(exc, path.parent) from exc
        raise
    finally:
        for p in (tmp, *(Path(f"{tmp}{s}") for s in SQLITE_SIDE_FILES)):
            with contextlib.suppress(OSError):
                p.unlink()


def ensure_identity(db: sqlite3.Connection) -> None:
    """Inside the caller's transaction: the reference data and this folder's one device row (idempotent)."""
    import secrets
    import socket

    from lampang_planner.core import refdata

    refdata.ensure_loaded(db)
    if db.execute("SELECT COUNT(*) FROM device").fetchone()[0] == 0:
        db.execute(
            "INSERT INTO device (id, name, role, desk, clock, created_at) VALUES (?,?,?,?,?,?)",
            (secrets.token_hex(8), socket.gethostname(), "laptop", "1", "",
             now_lampang().isoformat(timespec="seconds")),
        )  # fmt: skip


def _corrupt(path: Path, exc: object) -> UserError:
    return UserError(
        f"ไฟล์ฐานข้อมูลเสียหายหรือไม่ใช่ไฟล์ของโปรแกรมนี้: {path}",
        f"The database file is damaged or not ours: {path} ({exc})",
        code="corrupt",
    )


def _inspect(path: Path) -> tuple[str | None, bool]:
    """(schema revision, holds data). Opened read-write: SQLite rolls back what a killed writer left first."""
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            rev = schema_revision(db)
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            has_data = any(
                db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in ("change", "device", "person") if t in tables
            )
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        if is_disk_failure(exc):
            raise storage_error(exc, path.parent) from exc
        raise _corrupt(path, exc) from exc
    return rev, has_data


def _check_and_upgrade(path: Path) -> None:
    rev, has_data = _inspect(path)
    known = known_revisions()
    if rev == known[-1]:
        return
    if rev is not None and rev not in known:
        raise UserError(
            "ข้อมูลนี้สร้างโดยโปรแกรมรุ่นใหม่กว่า กรุณาอัปเดตโปรแกรมก่อนเปิด",
            f"This data folder was made by a newer version (schema {rev}; this version reads up to {known[-1]}). "
            "Update Lampang Planner to open it.",
            code="newer-schema",
        )
    if rev is None:
        if has_data:
            raise _corrupt(path, "no schema revision")
        _rebuild_unfinished(path)
        return
    backup_file(path, f"before-upgrade-{rev}", replace_same_reason=True)
    try:
        migrate(path)
    except Exception as exc:  # sqlite3's errors, or SQLAlchemy's wrapping them
        if is_disk_failure(exc):
            raise storage_error(exc, path.parent) from exc
        raise


def _rebuild_unfinished(path: Path) -> None:
    """An older version was killed while creating this database: it holds no data; build it again in place.

    Under the old file's write lock, and only if the name still points at that file, so two programs starting at
    once never throw away the database the other has just finished."""
    before = os.stat(path).st_ino
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        db.execute("BEGIN IMMEDIATE")
        if not path.exists() or os.stat(path).st_ino != before or schema_revision(db) is not None:
            db.close()
            if not path.exists():
                _create(path)
            return
        import secrets

        tmp = path.with_name(f".{path.name}.creating-{os.getpid()}-{secrets.token_hex(4)}.old")
        os.replace(path, tmp)  # the name is free; the old file goes once we let go of it
        for s in SQLITE_SIDE_FILES:
            with contextlib.suppress(OSError):
                os.replace(f"{path}{s}", f"{tmp}{s}")
    finally:
        db.close()
    for p in (tmp, *(Path(f"{tmp}{s}") for s in SQLITE_SIDE_FILES)):
        with contextlib.suppress(OSError):
            p.unlink()
    _create(path)
