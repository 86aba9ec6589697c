"""The data folder: one SQLite file (WAL, foreign keys on), migrated by Alembic, and the transactional write path.

Every change to synced data goes through :meth:`Store.transaction`: a ``Tx`` turns field changes into HLC-stamped
writes, :func:`~lampang_planner.core.sync.apply.apply_writes` folds them into the tables, and the whole thing commits
or rolls back as one SQLite transaction. Listeners hear what changed after the commit (the window refreshes from it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import re
import secrets
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from lampang_planner.core.errors import UserError
from lampang_planner.core.model import new_id
from lampang_planner.core.paths import BACKUP_DIRNAME, DB_FILENAME
from lampang_planner.core.sync.apply import ApplyResult, Write, apply_writes
from lampang_planner.core.sync.clock import HybridClock
from lampang_planner.core.sync.tables import spec

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REV_FILE = re.compile(r"^(\d{4})_.*\.py$")


def known_revisions() -> list[str]:
    """Schema revisions this version knows, oldest first (files are numbered 0001, 0002, ...)."""
    names = (m.group(1) for p in (MIGRATIONS_DIR / "versions").iterdir() if (m := _REV_FILE.match(p.name)))
    return sorted(names)


SCHEMA_HEAD = known_revisions()[-1]


def read_setting(db: sqlite3.Connection, key: str) -> str | None:
    """One local setting of the folder (the ``setting`` table: never synced, never in the digest)."""
    row = db.execute("SELECT value FROM setting WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def write_setting(db: sqlite3.Connection, key: str, value: str | None) -> None:
    """Inside the caller's transaction: store (or with None remove) one local setting."""
    if value is None:
        db.execute("DELETE FROM setting WHERE key=?", (key,))
    else:
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, value),
        )


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=30000")
    return db


def schema_revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def migrate(path: Path) -> None:
    """Bring the file at ``path`` to the newest schema with Alembic."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def backup_file(db_path: Path, reason: str) -> Path:
    """Copy the database (consistently, with SQLite's backup API) into ``backups/``; returns the copy's path."""
    folder = db_path.parent / BACKUP_DIRNAME
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _plain(v: object) -> object:
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, dt.datetime):
        return v.isoformat(timespec="seconds")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


class Tx:
    """One transaction's writes. Obtain it from :meth:`Store.transaction`."""

    def __init__(self, store: Store, author: str) -> None:
        self.store = store
        self.db = store.db
        self.author = author
        self.result = ApplyResult()
        self._pending: list[Write] = []

    def _stamp(self, tbl: str, row_id: str, data: dict, parents: tuple[str, ...] = ()) -> None:
        clock = self.store.clock
        self._pending.append(Write(clock.now(), tbl, row_id, clock.device, data, parents, self.author))

    def flush(self) -> ApplyResult:
        if self._pending:
            r = apply_writes(self.db, self._pending, fresh=True)
            self._pending = []
            self.result.add(r)
            return r
        return ApplyResult()

    def insert(self, tbl: str, fields: dict, row_id: str | None = None) -> str:
        """Create a row (a new UUIDv7 unless ``row_id`` is given)."""
        s = spec(tbl)
        data = {k: _plain(v) for k, v in fields.items()}
        bad = set(data) - set(s.fields)
        if bad:
            raise ValueError(f"{tbl} has no field(s) {sorted(bad)}")
        row_id = row_id or new_id()
        data.setdefault("deleted", False)
        self._stamp(tbl, row_id, data)
        return row_id

    def read(self, tbl: str, row_id: str) -> dict | None:
        self.flush()
        s = spec(tbl)
        r = self.db.execute(f"SELECT {','.join(s.columns)} FROM {tbl} WHERE id=?", (row_id,)).fetchone()
        return dict(zip(s.columns, r, strict=True)) if r else None

    def update(self, tbl: str, row_id: str, fields: dict) -> bool:
        """Change some fields of an existing row; fields whose value is unchanged are not written."""
        s = spec(tbl)
        row = self.read(tbl, row_id)
        if row is None:
            raise KeyError(f"{tbl} {row_id} does not exist")
        clocks = json.loads(row["clocks"])
        data = {}
        for k, v in fields.items():
            if k not in s.fields:
                raise ValueError(f"{tbl} has no field {k!r}")
            v = _plain(v)
            if s.merge.get(k) is None and _same(row.get(k), v):
                continue
            data[k] = v
        if not data:
            return False
        parents = tuple(sorted({clocks[k] for k in data if k in clocks}))
        self._stamp(tbl, row_id, data, parents)
        return True

    def record(self, tbl: str, row_id: str, fields: dict) -> bool:
        """Create or update a fact row with a deterministic id (attendance, invitation, vote...)."""
        if self.read(tbl, row_id) is None:
            self.insert(tbl, fields, row_id)
            return True
        return self.update(tbl, row_id, {**fields, "deleted": False})

    def delete(self, tbl: str, row_id: str) -> bool:
        """Tombstone a row. The delete names every field stamp it saw, so later-seen edits are flagged, not lost."""
        row = self.read(tbl, row_id)
        if row is None or row["deleted"]:
            return False
        clocks = json.loads(row["clocks"])
        parents = tuple(sorted({v for k, v in clocks.items() if k != "_origin"}))
        self._stamp(tbl, row_id, {"deleted": True}, parents)
        return True

    def apply_remote(self, writes: list[Write]) -> ApplyResult:
        """Fold in writes from elsewhere (a bundle) and advance our clock past each of them."""
        self.flush()
        skew = 0
        for w in writes:
            skew = max(skew, self.store.clock.receive(w.hlc))
        r = apply_writes(self.db, writes)
        r.max_skew_ms = max(r.max_skew_ms, skew)
        self.result.add(r)
        return r


def _same(a: object, b: object) -> bool:
    if isinstance(b, bool) or isinstance(a, bool):
        return a is not None and b is not None and bool(a) == bool(b)
    return a == b


class Store:
    """An open data folder."""

    def __init__(self, data_dir: Path, db: sqlite3.Connection) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_FILENAME
        self._main_db = db
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._others: list[sqlite3.Connection] = []
        self._closed = False
        self._lock = threading.RLock()
        self.listeners: list[Callable[[ApplyResult], None]] = []
        row = db.execute("SELECT id, name, role, desk, clock, office_device_id FROM device").fetchone()
        self.device_id, self.device_name, self.role, self.desk, last, self.office_device_id = row
        self.clock = HybridClock(self.device_id, last or None)
        self.operator: str = read_setting(db, "privacy/operator") or ""  # the signed-in name (core.privacy.operator), part of every author

    # --- opening ---------------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> Store:
        data_dir = Path(data_dir)
        path = data_dir / DB_FILENAME
        fresh = not path.exists()
        if fresh and not create:
            raise UserError(f"ไม่พบข้อมูลในโฟลเดอร์ {data_dir}", f"No Lampang Planner data in {data_dir}", code="no-data")
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                f"สร้างโฟลเดอร์ข้อมูลไม่ได้: {data_dir}", f"Cannot create the data folder {data_dir}: {exc}"
            ) from exc
        if not fresh:
            cls._check_and_upgrade(path)
        else:
            migrate(path)
        db = connect(path)
        from lampang_planner.core import refdata

        with _immediate(db):
            refdata.ensure_loaded(db)
            if db.execute("SELECT COUNT(*) FROM device").fetchone()[0] == 0:
                db.execute(
                    "INSERT INTO device (id, name, role, desk, clock, created_at) VALUES (?,?,?,?,?,?)",
                    (
                        secrets.token_hex(8),
                        socket.gethostname(),
                        "laptop",
                        "1",
                        "",
                        dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    ),
                )
        return cls(data_dir, db)

    @staticmethod
    def _check_and_upgrade(path: Path) -> None:
        try:
            probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                rev = schema_revision(probe)
                probe.execute("SELECT 1 FROM sqlite_master").fetchone()
            finally:
                probe.close()
        except sqlite3.DatabaseError as exc:
            raise UserError(
                f"ไฟล์ฐานข้อมูลเสียหายหรือไม่ใช่ไฟล์ของโปรแกรมนี้: {path}",
                f"The database file is damaged or not ours: {path} ({exc})",
                code="corrupt",
            ) from exc
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
        backup_file(path, f"before-upgrade-{rev or 'none'}")
        migrate(path)

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection to the folder's database.

        The thread that opened the store uses the first connection; any other thread (a long import, an export, a
        report running off the window's thread) gets its own, made on first use. So each thread reads committed data
        only — the window never sees half of an import — while writers still take turns through the store's lock and
        share one clock.
        """
        if threading.get_ident() == self._owner:
            return self._main_db
        db = getattr(self._local, "db", None)
        if db is None:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            db = self._local.db = connect(self.path)
            with self._lock:
                self._others.append(db)
        return db

    def close(self) -> None:
        self._closed = True
        with self._lock:
            others, self._others = self._others, []
        for db in [*others, self._main_db]:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, author: str | None = None) -> Iterator[Tx]:
        """One all-or-nothing change. Listeners are told what changed after the commit."""
        with self._lock:
            tx = Tx(self, author if author is not None else self.author)
            with _immediate(self.db):
                yield tx
                tx.flush()
                self.db.execute("UPDATE device SET clock=?", (self.clock.last,))
        for listener in list(self.listeners):
            listener(tx.result)

    @property
    def author(self) -> str:
        """Who writes: "device/desk", or "device/desk (name)" with a signed-in name (core.audit reads it back)."""
        return f"{self.device_name}/{self.desk} ({self.operator})" if self.operator else f"{self.device_name}/{self.desk}"

    def set_device(self, **fields: str | None) -> None:
        allowed = {"name", "role", "desk", "office_device_id"}
        if set(fields) - allowed:
            raise ValueError(f"device has no field(s) {sorted(set(fields) - allowed)}")
        with self._lock, _immediate(self.db):
            for k, v in fields.items():
                self.db.execute(f"UPDATE device SET {k}=?", (v,))
        row = self.db.execute("SELECT name, role, desk, office_device_id FROM device").fetchone()
        self.device_name, self.role, self.desk, self.office_device_id = row

    def get_setting(self, key: str) -> str | None:
        return read_setting(self.db, key)

    def set_setting(self, key: str, value: str | None) -> None:
        """Store (or with None remove) one local setting, in its own transaction under the write lock."""
        with self._lock, _immediate(self.db):
            write_setting(self.db, key, value)

    # --- reading ---------------------------------------------------------------------------------------------------

    def query(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        return self.db.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | list = ()) -> object:
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    def is_empty(self) -> bool:
        """True when the folder holds no synced data yet."""
        return self.scalar("SELECT COUNT(*) FROM change") == 0

    def backup(self, reason: str) -> Path:
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        return backup_file(self.path, reason)


@contextlib.contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")
