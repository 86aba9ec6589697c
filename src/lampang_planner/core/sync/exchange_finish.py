"""The last writes of an import, in its last chunk: the bundles logged, their signers pinned, a kit's office
adopted, the office's encryption key and enrolled devices learnt; then the report's reads."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, kits, trust
from lampang_planner.core.sync.exchange_common import now_iso
from lampang_planner.core.sync.exchange_report import IMPORTED, FileReport, ImportReport


def finish_import(
    store: Store,
    todo: list[tuple[FileReport, B.Bundle]],
    adopt: B.Bundle | None,
    report: ImportReport,
    tx: Tx,
) -> None:
    """The import's last writes, in its last chunk: log the bundles, pin their signers, adopt a kit's office, learn
    the office's encryption key and enrolled devices; then the count of open conflicts for the report."""
    imported = [(fr, b) for fr, b in todo if fr.status == IMPORTED]
    for fr, b in imported:
        _log_bundle(tx, fr, b)
        keys.pin(tx.db, b.device_id, b.public_key, b.device_name, b.device_role)
    if adopt is not None and any(b is adopt for _fr, b in imported):
        office = adopt.office or {}
        if office.get("id") == adopt.device_id and office.get("public_key") == adopt.public_key:
            name = office.get("name") or adopt.device_name
        else:
            name = adopt.device_name
        keys.pin(tx.db, adopt.device_id, adopt.public_key, name, kits.OFFICE)
        tx.db.execute("UPDATE device SET role=?, office_device_id=?", (kits.LAPTOP, adopt.device_id))
        report.office_adopted = name
    else:
        adopt = None
    _learn_encryption_key(store, tx, imported, adopt)
    _take_enrolment(store, tx, imported, adopt)
    tx.flush()
    report.conflicts_open = int(tx.db.execute("SELECT COUNT(*) FROM conflict").fetchone()[0])


def possible_duplicates(store: Store, touched: Iterable[str], before_full_pass: Callable[[], object] | None = None) -> int:
    """Step 4's duplicate check: groups of possible duplicate people among those the import ``touched``. Read-only,
    run after the last commit (on this thread's own connection), so no other program waits for it. ``touched`` is
    streamed into the check's own temporary table, never held as a set (it is the size of the bundle).
    ``before_full_pass``: see :func:`.duplicates.find_duplicates`."""
    from lampang_planner.core.ops.duplicates import count_duplicates

    return count_duplicates(store, among=touched, before_full_pass=before_full_pass)


IMPORT_LOG_PAGES = 16_384  # an import's write-ahead log is copied back when it holds this many pages


class LogCopy:
    """The write-ahead log an import grew, copied back into the database once, by a thread of its own while the
    import writes its journal out and checks for duplicate people (both read or write elsewhere), instead of by
    whichever commit next found the log over SQLite's limit (1,000 pages): into an office of 500,000 people a
    1,000-change import dirties 2,200 pages (index pages far apart), so the journal's last commit copied and synced
    them while the user waited; into 10,000 people (780 pages) a later commit did. A passive checkpoint waits for no
    lock and blocks no one; it is joined before the import returns, or before a duplicate check over everyone."""

    def __init__(self, store: Store) -> None:
        self.store, self.thread = store, None

    @classmethod
    @contextlib.contextmanager
    def around(cls, store: Store) -> Iterator[LogCopy]:
        """While the import commits its chunks, the log is copied back only once it holds ``IMPORT_LOG_PAGES``
        (64 MiB of 4 KiB pages), not at SQLite's 1,000 pages (each chunk's commit would copy and sync it) and not
        never (a 300,000-change import grew a 2 GB log on the laptop's disk); SQLite's default (as
        :func:`.db.connect` leaves it) back when it ends, whatever happened."""
        copy = cls(store)
        store.db.execute(f"PRAGMA wal_autocheckpoint={IMPORT_LOG_PAGES}")
        try:
            yield copy
        finally:
            copy.join()
            store.db.execute("PRAGMA wal_autocheckpoint=1000")

    def join(self) -> None:
        """Wait for the copy (if it was started): a duplicate check over everyone (a large import) waits first, so
        the copy's memory (its connection, the log's index) and the check's do not add up."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def start(self) -> None:
        """After the import's last chunk is committed."""
        self.thread = threading.Thread(target=_checkpoint, args=(self.store.path,), name="import-checkpoint")
        self.thread.start()


def _checkpoint(path: Path) -> None:
    with contextlib.suppress(sqlite3.Error):  # a failed copy leaves the log as it was, for the next checkpoint
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            db.close()


def _log_bundle(tx: Tx, fr: FileReport, b: B.Bundle) -> None:
    tx.db.execute(
        "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, "
        "hlc_max, file_name, report) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "done_at=excluded.done_at, report=excluded.report",
        (
            b.id, "in", b.kind, b.device_id, b.manifest["created_at"], now_iso(), b.changes,
            b.manifest["hlc"]["min"] or "", b.manifest["hlc"]["max"] or "", b.path.name,
            json.dumps({**{k: v for k, v in fr.as_json().items() if k in ("added", "updated", "merged",
                        "unchanged", "skew_ms", "restamped")}, "payload_sha256": b.manifest["payload"]["sha256"]}),
        ),
    )  # fmt: skip


def _take_enrolment(store: Store, tx: Tx, todo: list[tuple[FileReport, B.Bundle]], adopt: B.Bundle | None) -> None:
    """On a laptop: enrol the devices its office's kits list (oldest kit first, so the newest list is the last word)."""
    office_id = adopt.device_id if adopt is not None else store.office_device_id
    if kits.is_office(store) or not office_id:
        return
    for _fr, b in sorted(todo, key=lambda t: t[1].manifest["created_at"]):
        if b.is_kit and b.device_id == office_id:
            trust.take_enrolment(tx.db, store.device_id, office_id, b.manifest.get(trust.ENROLLED, []))


def _learn_encryption_key(
    store: Store, tx: Tx, todo: list[tuple[FileReport, B.Bundle]], adopt: B.Bundle | None
) -> None:
    """On a laptop: record the encryption key its office names in the bundles it signed (the newest wins)."""
    if kits.is_office(store):
        return
    office_id = adopt.device_id if adopt is not None else store.office_device_id
    if not office_id:
        return
    found = ""
    for _fr, b in sorted(todo, key=lambda t: t[1].manifest["created_at"]):
        sec = b.office or {}
        if (
            b.device_id == office_id
            and b.device_role == kits.OFFICE
            and sec.get("id") == b.device_id
            and sec.get("public_key") == b.public_key
            and sec.get("encryption_key")
        ):
            try:
                keys.box_public_key_from_hex(sec["encryption_key"])
            except ValueError:
                continue
            found = sec["encryption_key"]
    if found:
        kits.record_encryption_key(tx.db, office_id, found)
