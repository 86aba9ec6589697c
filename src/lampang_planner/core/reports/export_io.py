"""Plumbing the office outputs (Excel workbook, workshop summary, resolution document) share: writing a file
atomically from a path, a consistent read snapshot of the data folder, progress and cancel.

- :func:`atomic_output` yields a temporary path beside the target and moves it into place with ``os.replace`` only
  when the whole document was written, so a failed or cancelled export leaves the old file (or no file) as it was.
  (``safe_write.write_atomically`` does the same for documents already in memory.)
- :func:`read_snapshot` opens a second, read-only connection to the data folder inside one read transaction: a long
  export on a worker thread sees one consistent state of the data (SQLite WAL) and never shares the window's
  connection.
- :class:`Progress` calls ``progress(done, total)`` at most every ``step`` units and asks ``should_cancel()``; a
  cancelled export raises :class:`ExportCancelled`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from lampang_planner.core.atomic import atomic_path
from lampang_planner.core.db import Store
from lampang_planner.core.reports.safe_write import check_output_path

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

__all__ = ["CancelFn", "ExportCancelled", "Progress", "ProgressFn", "atomic_output", "check_output_path",
           "read_snapshot"]


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


class Progress:
    """Reports ``done`` of ``total`` units to a callback and checks for a cancel request every ``step`` units."""

    def __init__(self, total: int, progress: ProgressFn | None = None, should_cancel: CancelFn | None = None,
                 *, step: int = 1000) -> None:
        self.total = max(int(total), 0)
        self.done = 0
        self._progress = progress
        self._cancel = should_cancel
        self._step = max(step, 1)
        self._next = 0

    def check(self) -> None:
        """Raise ExportCancelled if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelled()

    def advance(self, n: int = 1) -> None:
        """``n`` more units are done; reports and checks for cancel every ``step`` units."""
        self.done += n
        if self.done >= self._next:
            self._next = self.done + self._step
            self.check()
            if self._progress is not None:
                self._progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success move it onto ``target``, on any error remove it."""
    with atomic_path(Path(target)) as tmp:  # the project's one helper (core.atomic): flushed, renamed, never half
        yield tmp


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[Store]:
    """A read-only Store over its own connection, inside one read transaction (a consistent view while it lasts)."""
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
                           timeout=30)
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("BEGIN")
        yield Store(store.data_dir, conn)  # its first read starts the snapshot
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()
