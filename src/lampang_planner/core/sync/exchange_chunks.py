"""Step 3 of an import: every file's payload applied through the one write path, one transaction per chunk, each
chunk journaled (:mod:`.journal`); a refused file, a cancel or an error taken out again."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.dbstats import stale_tables
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.fields import ERASED_NAME, PURGED_NAME
from lampang_planner.core.privacy.forget import forget_after_import
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import journal, restamp, trust
from lampang_planner.core.sync.apply import ApplyResult, RowFlood, StampClash, Write, apply_writes, logged_writes
from lampang_planner.core.sync.exchange_common import Check, Progress
from lampang_planner.core.sync.exchange_finish import LogCopy, finish_import, possible_duplicates
from lampang_planner.core.sync.exchange_report import IMPORTED, REFUSED, FileReport, ImportReport
from lampang_planner.core.sync.exchange_verify import refusal
from lampang_planner.core.sync.writes import CHUNK, chunks, padded
from lampang_planner.core.write_turns import LongWriter

STATISTICS_SAMPLE = 1000  # rows per index an import's statistics refresh reads (SQLite suggests a few hundred)


def apply_all(
    store: Store,
    todo: list[tuple[FileReport, B.Bundle]],
    adopt: B.Bundle | None,
    report: ImportReport,
    find_duplicates: bool,
    progress: Progress,
    check: Check,
    skip_refused: bool = False,
) -> None:
    """Step 3 of an import, committed in chunks: each batch of a file's payload (:meth:`.bundle.Bundle.iter_writes`:
    5,000 lines or 4 MiB, memory flat whatever the size) is one transaction, so another program on the folder (a
    desk scanning) waits one chunk at most. Each chunk journals what it changed (:mod:`.journal`, the before-import
    backup) in its own transaction. The last chunk also logs the bundles, pins the signers and adopts a kit's office:
    a kill before it leaves writes a re-import completes (stamps already logged are skipped), never a bundle logged
    as imported that is not. A file refused while streaming (a bad line, totals that do not match its manifest) is
    taken out again from the journal — with ``skip_refused`` the others go on, else the whole import is taken out,
    as it is when ``check`` cancels it.

    With no file to apply (each one imported already, or refused and skipped) nothing is written: no transaction, no
    journal, no backup — the folder's write lock is not taken for a stick of files the office has seen."""
    if not todo:
        report.conflicts_open = int(store.scalar("SELECT COUNT(*) FROM conflict") or 0)
        return
    state = {"done": 0, "total": sum(b.changes for _fr, b in todo), "finished": False, "result": report.result}
    state["turns"] = turns = LongWriter(store.path)  # between chunks, a desk waiting for the lock goes first
    finish = functools.partial(finish_import, store, todo, adopt, report)
    failure: BaseException | None = None
    with TouchedPeople(store.db, find_duplicates) as touched, LogCopy.around(store) as log_copy:
        state["touched"] = touched
        deferred, store.statistics_deferred = store.statistics_deferred, True
        with journal.Recorder.recording(store.db, [b.path.name for _fr, b in todo]) as rec:
            try:
                for i, (fr, b) in enumerate(todo):
                    check()
                    last = i == len(todo) - 1
                    _apply_file(store, rec, fr, b, skip_refused, progress, check, state, finish if last else None)
                if not state["finished"]:
                    _durable(store, True)
                    turns.let_others_in()
                    with store.transaction() as tx:
                        rec.begin_chunk()
                        finish(tx)
                        tx.flush()
                        rec.end_chunk()
            except BaseException as exc:
                failure = exc
            finally:
                _after_chunks(store, deferred, turns)
        if failure is not None:
            _take_out(store, rec, 0)  # with the journal's triggers gone: taking out is not journaled
            raise failure
        log_copy.start()
        _write_out_journal(store, todo, rec, report)
        if find_duplicates:  # read-only, after the last commit: no other program waits for it
            report.duplicates = possible_duplicates(store, touched.ids(), log_copy.join)


class TouchedPeople:
    """The people an import changed, for the duplicate check after it: noted chunk by chunk (in the chunk's
    transaction) in a temporary table of the import's connection, not in a Python set that grows with the bundle."""

    def __init__(self, db: sqlite3.Connection, wanted: bool) -> None:
        self.db, self.wanted = db, wanted
        if wanted:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS import_touched (id TEXT PRIMARY KEY) WITHOUT ROWID")
            db.execute("DELETE FROM temp.import_touched")

    def __call__(self, tx: Tx) -> None:
        ids = tx.result.changed.get("person") if self.wanted else None
        if ids:
            tx.db.executemany("INSERT OR IGNORE INTO temp.import_touched (id) VALUES (?)", ((i,) for i in ids))

    def ids(self) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT id FROM temp.import_touched"))

    def __enter__(self) -> TouchedPeople:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.wanted:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("DROP TABLE IF EXISTS temp.import_touched")


def _after_chunks(store: Store, deferred: bool, turns: LongWriter) -> None:
    """The folder's settings back as they were, and the planner's statistics of the tables the import grew
    refreshed: one table at a time, letting waiting writers in between two, each from a sample of
    :data:`STATISTICS_SAMPLE` rows per index (``PRAGMA analysis_limit``: a bounded cost however big the table, where a
    full ANALYZE reads every index whole; committed already: statistics are only advice)."""
    _durable(store, True)
    store.statistics_deferred = deferred
    with contextlib.suppress(sqlite3.Error):
        store.db.execute(f"PRAGMA analysis_limit={STATISTICS_SAMPLE}")
        try:
            for tbl in stale_tables(store.db):
                turns.let_others_in()
                with store._lock:
                    store.db.execute(f'ANALYZE "{tbl}"')
        finally:
            store.db.execute("PRAGMA analysis_limit=0")
    turns.close()


def _write_out_journal(
    store: Store, todo: list[tuple[FileReport, B.Bundle]], rec: journal.Recorder, report: ImportReport
) -> None:
    """The import's undo journal, written to ``backups/`` (the report's backup) and removed from the folder."""
    if not any(fr.status == IMPORTED for fr, _b in todo):  # every file refused: nothing to take out later
        with store.transaction() as tx:
            journal.forget(tx.db, rec.id)
        return
    try:
        report.backup = journal.export(store.db, store.path, rec.id, store.device_id)
    except UserError:  # imported; the journal stays in the folder and is written out by the next import
        report.backup = None


def _durable(store: Store, flush: bool) -> None:
    """A chunk before the last commits without waiting for the disk (``synchronous=NORMAL``: in WAL mode a power cut
    may lose the newest such chunks, never leave half of one); the last one flushes them all (``FULL``, the folder's
    setting). A kill of the program loses nothing committed either way, and what a power cut loses is a tail of
    chunks that a re-import completes — with their journal, which commits with them."""
    store.db.execute(f"PRAGMA synchronous={'FULL' if flush else 'NORMAL'}")


def _take_out(store: Store, rec: journal.Recorder, since: int) -> None:
    """Undo what this import committed after journal position ``since`` (a refused file, a cancel, an error)."""
    with contextlib.suppress(sqlite3.Error, UserError):  # a full disk may refuse even this: the journal stays
        with store.transaction() as tx:
            clock = journal.undo_running(tx.db, rec, since)
            if clock:
                store.clock.load(clock)
            if since == 0:
                journal.forget(tx.db, rec.id)


def _with_last(batches: Iterator[list[Write]], declared: int) -> Iterator[tuple[list[Write], bool]]:
    """Each batch and whether it is the last, holding one batch at a time. The last is the one that brings the lines
    read to the count the manifest ``declared`` (the parser refuses a line beyond it, and a stream that ends short):
    before it is yielded the stream is read to its end, which runs the end checks (totals against the manifest), so
    they pass before the last batch is committed. Reading a whole batch ahead instead kept two batches in memory."""
    it = iter(batches)
    done = 0
    for batch in it:
        done += len(batch)
        if done < declared:
            yield batch, False
            batch = None  # not held while the next batch is parsed
            continue
        if next(it, None) is not None:  # the end checks ran; the parser refuses a line beyond the declared count
            raise RuntimeError("a payload batch beyond the count its manifest declares")
        yield batch, True
        return


def _apply_file(
    store: Store,
    rec: journal.Recorder,
    fr: FileReport,
    b: B.Bundle,
    skip_refused: bool,
    progress: Progress,
    check: Check,
    state: dict,
    finish: Callable[[Tx], None] | None,
) -> None:
    """One file of an import, streamed and committed chunk by chunk (see :func:`apply_all`); ``finish`` runs in
    the last chunk of the last file."""
    mark = rec.mark()
    touched = state["touched"]
    try:
        for batch, last in _with_last(b.iter_writes(), b.changes):
            check()
            _durable(store, last and finish is not None)
            state["turns"].let_others_in()
            with store.transaction() as tx:
                rec.begin_chunk()
                r = _apply_remote(tx, batch, fr)
                _forget_after_import(tx, batch)  # a received erasure or purge scrubs what this folder held before
                n = len(batch)
                del batch  # not held while the next batch is read
                if last:
                    fr.status = IMPORTED
                    if finish is not None:
                        finish(tx)
                        state["finished"] = True
                tx.flush()
                touched(tx)
                rec.end_chunk()
            _count(fr, r, report_result=state["result"], chunk=tx.result)
            state["done"] += n
            progress("merge", state["done"], state["total"], b.path.name)
    except B.BundleError as exc:
        _take_out(store, rec, mark)
        state["finished"] = False
        if not skip_refused:
            raise
        fr.status, fr.error = REFUSED, exc
        fr.added = fr.updated = fr.merged = fr.unchanged = fr.restamped = 0
        return
    if fr.status != IMPORTED and b.changes == 0:
        fr.status = IMPORTED


# The people of a batch whose change log may hold a forgetting write (first name the erasure or purge placeholder):
# a write whose text holds either placeholder, or an escape (the placeholder may be written escaped), so a superset
# of the rows core.privacy.forget scrubs, found by SQLite without parsing.
_MAY_BE_FORGOTTEN = (
    "SELECT DISTINCT row_id FROM change WHERE tbl='person' AND row_id IN ({}) "
    "AND (instr(data, ?) > 0 OR instr(data, ?) > 0 OR instr(data, '\\') > 0)"
)


def _forget_after_import(tx: Tx, batch: Sequence[Write]) -> None:
    """:func:`.forget_after_import` for the batch's people who may have been forgotten here or by the batch (see
    :data:`_MAY_BE_FORGOTTEN`): the others' change log is not read back and parsed in Python chunk after chunk (a
    cost the bare write never pays, a sixth of a merge's CPU) to find nothing to scrub."""
    ids = sorted({w.row_id for w in batch if w.tbl == "person"})
    marked: set[str] = set()
    for part in chunks(ids, CHUNK - 2):
        part = padded(part, CHUNK - 2)
        q = _MAY_BE_FORGOTTEN.format(",".join("?" * len(part)))
        marked.update(r[0] for r in tx.db.execute(q, (*part, ERASED_NAME, PURGED_NAME)))
    if marked:
        forget_after_import(tx, [w for w in batch if w.tbl == "person" and w.row_id in marked])


def _count(fr: FileReport, r: ApplyResult, *, report_result: ApplyResult, chunk: ApplyResult) -> None:
    fr.added += r.added
    fr.updated += r.updated
    fr.merged += r.merged
    fr.unchanged += r.unchanged
    fr.skew_ms = max(fr.skew_ms, r.max_skew_ms)  # measured by this folder's clock as it advanced
    # The import's total keeps the counts, not the ids (the people the duplicate check needs are in
    # temp.import_touched). The chunk's own result stays whole: the store's listeners were handed it, and the window
    # reads it later, on its own thread (emptying it here told the pages that nothing had changed).
    report_result.add(dataclasses.replace(chunk, changed=defaultdict(set)))


def _apply_remote(tx: Tx, writes: Sequence[Write], fr: FileReport) -> ApplyResult:
    """``tx.apply_remote`` with one clock step per chunk: the clock keeps the maximum, so advancing it past the
    newest stamp is advancing it past each (and the skew of the newest is the largest). A file taken in as of the
    import gets its stamps that are too far ahead replaced first (:mod:`.restamp`)."""
    tx.flush()
    if fr.taken_in:
        before = writes
        writes = restamp.take_in(tx, writes)
        fr.restamped += sum(1 for a, b in zip(before, writes, strict=True) if a.hlc != b.hlc)
    if fr.hub is False:
        _check_own_lines(tx, writes, fr)
    skew = tx.store.clock.receive(max(w.hlc for w in writes))
    try:
        r = apply_writes(tx.db, writes)
    except StampClash as exc:
        raise refusal(fr.path, "stamp-clash", *exc.sentences()) from None
    except RowFlood as exc:
        raise refusal(fr.path, "too-big", *exc.sentences()) from None
    r.max_skew_ms = max(r.max_skew_ms, skew)
    tx.result.add(r)
    return r


def _check_own_lines(tx: Tx, writes: Sequence[Write], fr: FileReport) -> None:
    """Lines claiming to come from this folder, forwarded by anyone but its office, must be ones it logged (their
    content is compared by the write path: :class:`.apply.StampClash`)."""
    own = tx.store.device_id
    mine = [w.hlc for w in writes if w.device == own]
    if not mine:
        return
    logged = logged_writes(tx.db, mine)
    for h in mine:
        if h not in logged:
            err = trust.forged_line_error(fr.path.name, fr.device_id, own, h, own=True)
            raise B.BundleError(err.th, err.en, code=err.code)
