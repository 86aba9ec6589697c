"""Taking turns at the folder's write lock: a long writer lets a waiting one in between its chunks (issue #13).

SQLite's write lock is not a queue. A program that finds it taken sleeps and tries again (its busy handler: after
the first quarter second, every 100 ms), and a long import that commits a chunk and begins the next within
microseconds wins every race: a desk scanning during an import could wait for chunk after chunk.

So a writer that finds the lock taken says it is waiting — a shared ``flock`` on the side file ``<database>-turn``,
held until its transaction ends — and tries again every few milliseconds (:func:`begin_waiting`). A long writer
asks between two chunks whether anyone is waiting (:class:`LongWriter`): if so it waits until they are done (for at
most :data:`MAX_YIELD_S`), then goes on. A desk's wait is then the rest of one chunk, at most.

``flock`` locks belong to an open file, so two threads of one process, each with its own file, take turns as two
processes do. Where ``flock`` does not exist (Windows) nobody announces a wait and everything works as before.

Every write transaction on the folder is one :func:`immediate` block (the store's, a journal's undo).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from lampang_planner.core.atomic import is_disk_failure, storage_error
from lampang_planner.core.errors import UserError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TURN_SUFFIX = "-turn"
RETRY_MS = 20  # a waiting writer's busy timeout per try: SQLite polls at 1, 2, 5, 10 ms within it
MAX_YIELD_S = 5.0  # a long writer waits for those waiting at most this long between two chunks


def turn_file(db_path: Path) -> Path:
    return Path(f"{db_path}{TURN_SUFFIX}")


def _open(db_path: Path) -> int | None:
    if fcntl is None:
        return None
    try:
        return os.open(turn_file(db_path), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:  # a read-only folder, a full disk: no turns, SQLite's own waiting still works
        return None


def _is_locked(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _busy_timeout(db: sqlite3.Connection, ms: int) -> None:
    db.execute(f"PRAGMA busy_timeout={int(ms)}")


@contextlib.contextmanager
def begin_waiting(db: sqlite3.Connection, db_path: Path | None) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` on ``db``; when the lock is taken, wait as a turn-taker (see the module docstring) for as
    long as the connection's busy timeout. The turn is held until the block ends (the caller's transaction)."""
    timeout_ms = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    _busy_timeout(db, 0)
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        if not _is_locked(exc) or timeout_ms <= 0 or db_path is None:
            _busy_timeout(db, timeout_ms)
            raise
    else:
        _busy_timeout(db, timeout_ms)
        yield
        return
    fd = _open(db_path)
    try:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        _retry_begin(db, timeout_ms)
        yield
    finally:
        if fd is not None:
            os.close(fd)  # releases the shared lock


def _retry_begin(db: sqlite3.Connection, timeout_ms: int) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    try:
        while True:
            _busy_timeout(db, max(1, min(RETRY_MS, int((deadline - time.monotonic()) * 1000))))
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.Error as exc:
                if not _is_locked(exc) or time.monotonic() >= deadline:
                    raise
    finally:
        _busy_timeout(db, timeout_ms)


class LongWriter:
    """A writer of many transactions in a row (a chunked import): :meth:`let_others_in` between two of them."""

    def __init__(self, db_path: Path) -> None:
        self.fd = _open(db_path)
        self.yielded = 0  # how many times someone was let in

    def let_others_in(self) -> None:
        """Outside any transaction: when another writer waits for the lock, wait until it has had its turn."""
        if self.fd is None:
            return
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.yielded += 1
            self._wait_for_them()
        except OSError:
            return
        with contextlib.suppress(OSError):
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def _wait_for_them(self) -> None:
        deadline = time.monotonic() + MAX_YIELD_S
        while time.monotonic() < deadline:
            time.sleep(0.002)
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                continue
            except OSError:
                return

    def close(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


@contextlib.contextmanager
def immediate(db: sqlite3.Connection, place: Path | None = None) -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE``: the folder's write lock, taken before anything is read).

    On any error it is rolled back if SQLite has not already done so (a full disk may end it on its own: the
    "cannot rollback - no transaction is active" that followed must never hide the real reason), and a full disk,
    a refused write or a lock held too long by another program becomes a Thai/English sentence."""
    with contextlib.ExitStack() as turn:
        try:  # when another program holds the lock, wait as one that takes turns (begin_waiting)
            turn.enter_context(begin_waiting(db, place))
        except sqlite3.Error as exc:
            if err := user_error(exc, place):
                raise err from exc
            raise
        try:
            yield
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and (err := user_error(exc, place)):
                raise err from exc
            raise


def user_error(exc: sqlite3.Error, place: Path | None) -> UserError | None:
    """The sentence for a failed open or write on the database at ``place``: a full or failing disk, a lock held too
    long by another program; None for anything else."""
    if is_disk_failure(exc):
        return storage_error(exc, place.parent if place else None)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return UserError(
            "โปรแกรมอื่นกำลังบันทึกข้อมูลในโฟลเดอร์นี้นานเกินไป ข้อมูลยังเหมือนเดิม กรุณาลองอีกครั้ง",
            "Another program has been writing to this data folder for too long; nothing was changed. Try again.",
            code="busy",
        )
    return None
