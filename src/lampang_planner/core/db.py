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
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lampang_planner.core.dbstats import refresh_statistics
from lampang_planner.core.folder import (  # noqa: F401  (re-exported: the folder's schema and backups)
    MIGRATIONS_DIR,
    backup_file,
    ensure_identity,
    known_revisions,
    migrate,
    prepare,
    schema_revision,
)
from lampang_planner.core.paths import DB_FILENAME
from lampang_planner.core.schema import new_id
from lampang_planner.core.sync.apply import ApplyResult, Write, apply_writes, fold_newest
from lampang_planner.core.sync.clock import HybridClock
from lampang_planner.core.sync.tables import spec
from lampang_planner.core.write_turns import immediate, user_error

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a one-code check-in never needs it)
if TYPE_CHECKING:
    from lampang_planner.core.wall_clock import ClockProblem

SCHEMA_HEAD = known_revisions()[-1]
# A transaction that changed at least this many rows (an import, a roster, a purge) re-checks the planner's statistics.
STATS_CHECK_ROWS = 200


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
    return _settings(sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30))


def _settings(db: sqlite3.Connection) -> sqlite3.Connection:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=30000")
    return db


def _connect_at_head(path: Path) -> sqlite3.Connection | None:
    """The usual start: a connection to the folder's database, when it exists and is at this version's schema, the
    revision read on the connection kept (no second one opened just to look); else None, and
    :func:`~lampang_planner.core.folder.prepare` makes, repairs or upgrades it (or says why it cannot) first. Nothing
    is set on a database found otherwise (not even WAL mode): a damaged or foreign file is left as it was."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    except sqlite3.Error:
        return None
    try:
        if schema_revision(db) == SCHEMA_HEAD:
            return _settings(db)
    except sqlite3.Error:
        pass
    db.close()
    return None


_AS_IS = frozenset((str, int, bool, float, type(None)))


def _plain(v: object) -> object:
    if v.__class__ in _AS_IS:  # most values: no isinstance checks (a purge passes a million of them)
        return v
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

    def write(self, tbl: str, row_id: str, fields: dict, *, parents: Iterable[str] = ()) -> None:
        """One local write of ``fields`` on a row, naming exactly the stamps it saw and replaces (``parents``); every
        field given is written, unchanged or not. Applied with the transaction's other writes (:meth:`flush`). For decisions that must close
        what they saw: settling a conflict (``core.ops.conflicts``, both stamps of a concurrent pair) and the
        forgetting write of an erasure or purge (``core.privacy.forget``, every stamp of the row). :meth:`update`
        names only the current stamps and skips unchanged fields. Logged in the change log like every write."""
        self.write_same(tbl, [(row_id, parents)], fields)

    def write_same(
        self, tbl: str, rows: Iterable[tuple[str, Iterable[str]]], fields: dict, *, now: bool = False
    ) -> None:
        """:meth:`write` of the same ``fields`` on each of ``rows`` (row id, the stamps it saw and replaces), the
        fields checked and encoded once for all (a purge writes the same blanking on every person).

        With ``now``, the writes are applied at once (after the pending ones), and those on existing rows that they
        are newer than every write of (a fresh stamp always is) are folded in set form
        (:func:`~lampang_planner.core.sync.apply.fold_newest`)."""
        s = spec(tbl)
        data = {k: _plain(v) for k, v in fields.items()}
        bad = set(data) - set(s.fields)
        if bad:
            raise ValueError(f"{tbl} has no field(s) {sorted(bad)}")
        text = Write("", tbl, "", "", data).log_row()[5]  # the data as the change log writes it, for all of them
        clock, pending = self.store.clock, self._pending
        if now:
            self.flush()
        for row_id, parents in rows:
            pending.append(Write(clock.now(), tbl, row_id, clock.device, data, tuple(sorted(set(parents))),
                                 self.author, text))  # fmt: skip
        if now:
            self._pending, done = fold_newest(self.db, s, data, pending)
            self.result.add(done)
            self.flush()

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
        # A chunked import sets this: its tables double many times over; it refreshes the statistics once at its end.
        self.statistics_deferred = False
        row = db.execute("SELECT id, name, role, desk, clock, office_device_id FROM device").fetchone()
        self.device_id, self.device_name, self.role, self.desk, last, self.office_device_id = row
        self.clock = HybridClock(self.device_id, last or None)
        self.operator: str = read_setting(db, "privacy/operator") or ""  # the signed-in name (core.privacy.operator), part of every author

    # --- opening ---------------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> Store:
        """Open (with ``create``, make) the data folder: see :mod:`lampang_planner.core.folder` for how a kill at
        any instant leaves it as before or after, and how the next start repairs or finishes it."""
        data_dir = Path(data_dir)
        path = data_dir / DB_FILENAME
        db = _connect_at_head(path)
        try:
            prepare(data_dir, create=create, at_head=db is not None)
            if db is None:
                db = connect(path)
        except BaseException as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.Error) and (err := user_error(exc, path)):
                raise err from exc
            raise
        try:
            if db.execute("SELECT COUNT(*) FROM device").fetchone()[0] == 0:  # made by a version killed mid-start
                with immediate(db, path):
                    ensure_identity(db)
            return cls(data_dir, db)
        except BaseException:
            db.close()
            raise

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

    @property
    def closed(self) -> bool:
        """True once ``close()`` ran: a screen left behind (a timer still ticking) must not read any more."""
        return self._closed

    def close(self) -> None:
        if not self._closed and threading.get_ident() == self._owner:
            with contextlib.suppress(sqlite3.Error), self._lock:  # best effort: another program may be writing
                self._main_db.execute("PRAGMA busy_timeout=1000")
                refresh_statistics(self._main_db)
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
            with immediate(self.db, self.path):
                # One clock per folder: read it under the write lock (another program on this folder may have
                # advanced it), stamp, and store it before the commit.
                self.clock.load(self.db.execute("SELECT clock FROM device").fetchone()[0] or None)
                yield tx
                tx.flush()
                self.db.execute("UPDATE device SET clock=?", (self.clock.last,))
            r = tx.result
            if r.added + r.updated + r.merged >= STATS_CHECK_ROWS and not self.statistics_deferred:
                with contextlib.suppress(sqlite3.Error):  # committed already; statistics are only advice
                    refresh_statistics(self.db)
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
        with self._lock, immediate(self.db, self.path):
            for k, v in fields.items():
                self.db.execute(f"UPDATE device SET {k}=?", (v,))
        row = self.db.execute("SELECT name, role, desk, office_device_id FROM device").fetchone()
        self.device_name, self.role, self.desk, self.office_device_id = row

    def clock_problem(self) -> ClockProblem | None:
        """What is wrong with this laptop's wall clock (before its own newest write or its newest kit, years ahead),
        or None; the window and the command line say it at start, before writing."""
        from lampang_planner.core import wall_clock

        return wall_clock.check(self.db, self.device_id)

    def get_setting(self, key: str) -> str | None:
        return read_setting(self.db, key)

    def set_setting(self, key: str, value: str | None) -> None:
        """Store (or with None remove) one local setting, in its own transaction under the write lock."""
        with self._lock, immediate(self.db, self.path):
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
        """A complete copy in ``backups/`` (written under a temporary name, renamed when complete)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        return backup_file(self.path, reason)
