"""Forgetting a person everywhere this data folder holds their values.

A purge or an erasure is an ordinary synced write (one write on the person's row: :data:`.fields.FORGOTTEN_FIELDS`
blanked, the first name a placeholder; an erasure also sets ``deleted``), so every copy that receives it shows the
blank row. But the folder also holds *older* values:

- the change log (``change.data``) keeps every write ever seen, old names and phone numbers included, and a bundle
  exported from it (delta or full) would carry them to the next machine;
- the ``conflict`` table keeps the losing values of concurrent writes;
- SQLite's free pages and the write-ahead log keep deleted bytes until they are overwritten.

So forgetting also rewrites, in place, the person fields of the older writes of that row in the change log to None
(a write keeps its stamp, so idempotence and merge order are unchanged: a machine that still has the old version of
a stamp ignores the scrubbed one and vice versa, until it receives the forgetting write and scrubs its own copy),
recomputes the row's conflicts from the scrubbed log, and runs with ``PRAGMA secure_delete`` so freed bytes are
zeroed. ``clocks`` columns hold only stamps, never values.

Which writes are scrubbed is a function of the set of writes of the row, so every machine converges on the same
log once it has the same writes:

- **erased** row (it has a write with ``deleted`` true and the erasure placeholder): every write's person fields are
  None, except the erasure placeholder in the erasure writes. If a write the erasure did not see (a laptop edited
  the person before hearing of the erasure, with a later clock) put a value back on the row, a new erasure write
  blanks it again.
- **purged** row (it has a write carrying the purge placeholder): the person fields of every write older than the
  newest purge write are None, except the placeholder in earlier purge writes. Newer writes are new data (someone
  registered again) and stay.

:func:`forget_after_import` is the hook a bundle import calls, inside its transaction, after ``tx.apply_remote``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.privacy.fields import ERASED_NAME, FORGOTTEN_FIELDS, PURGED_NAME, forgotten_values
from lampang_planner.core.sync.apply import Write, store_conflicts
from lampang_planner.core.sync.tables import TABLES

_CHUNK = 500


# As the write path stores ``change.data`` (``Write.log_row``), so equal content gives equal bytes everywhere; the
# encoder is built once (json.dumps with options builds one per call).
_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_decode = json.JSONDecoder().raw_decode  # one call instead of json.loads's three: a purge parses a million writes


def _load(text: str) -> dict:
    try:
        return _decode(text)[0]
    except ValueError:  # leading whitespace (a write as it arrived in a bundle): the full parser says what is wrong
        return json.loads(text)


def is_erasure(data: dict) -> bool:
    return data.get("first_name") == ERASED_NAME and data.get("deleted") is True


def is_purge(data: dict) -> bool:
    return data.get("first_name") == PURGED_NAME


@contextlib.contextmanager
def secure_delete(store_or_db) -> Iterator[None]:
    """Zero the bytes SQLite frees while inside (``PRAGMA secure_delete``), then restore the previous setting."""
    db = getattr(store_or_db, "db", store_or_db)
    before = db.execute("PRAGMA secure_delete").fetchone()[0]
    db.execute("PRAGMA secure_delete=ON")
    try:
        yield
    finally:
        db.execute(f"PRAGMA secure_delete={int(before)}")


@contextlib.contextmanager
def roomy_cache(store_or_db, kib: int = 32 * 1024) -> Iterator[None]:
    """SQLite's page cache at least ``kib`` KiB while inside (a bulk forgetting revisits the pages of the log, the
    rows and their indexes batch after batch: with the default 2 MiB they are read again, and dirty ones spilled to
    the write-ahead log before the commit), then the previous size again (the pages over it are freed)."""
    db = getattr(store_or_db, "db", store_or_db)
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size={before}")


def checkpoint(store: Store) -> None:
    """Copy the write-ahead log into the database file and empty it, so old page images leave the disk too
    (best effort: a reader still open elsewhere can keep part of the log; it is overwritten when reused)."""
    db = store.db
    before = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout=2000")  # another program reading this folder must not hold us up for long
    try:
        with contextlib.suppress(Exception):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.execute(f"PRAGMA busy_timeout={int(before)}")


def _forgetting_marks(writes: Sequence[Write]) -> tuple[bool, str]:
    """(erased, newest purge stamp or '') of one person row, from all its writes."""
    erased, purged = False, ""
    for w in writes:
        if is_erasure(w.data):
            erased = True
        elif is_purge(w.data):
            purged = max(purged, w.hlc)
    return erased, purged


def _scrubbed(data: dict, erased: bool, purge_hlc: str, hlc: str) -> dict | None:
    """The write's data with its person fields forgotten, or None when nothing changes."""
    if erased:
        keep = "first_name" if is_erasure(data) else None
    elif purge_hlc and hlc < purge_hlc:
        keep = "first_name" if is_purge(data) else None
    else:
        return None
    out = dict(data)
    changed = False
    for f in FORGOTTEN_FIELDS:
        if f in out and f != keep and out[f] is not None:
            out[f] = None
            changed = True
    return out if changed else None


def _conflicts_unchanged_by_scrub(writes: Sequence[Write]) -> bool:
    """True when scrubbing cannot change the row's conflict records (the write path derived them just now): the
    newest write forgets every personal field and names every other write (so none of those fields has a loser),
    and no older write deleted the row (no edit-versus-delete record can carry a scrubbed value). The common case
    of a purge or an erasure made here; anything else is re-derived."""
    last = writes[-1] if writes else None
    if last is None or not (is_purge(last.data) or is_erasure(last.data)):
        return False
    if not all(f in last.data for f in FORGOTTEN_FIELDS):
        return False
    if not {w.hlc for w in writes[:-1]} <= set(last.parents):
        return False
    return is_erasure(last.data) or not any(w.data.get("deleted") is True for w in writes[:-1])


def _marked_ids(db) -> list[str]:
    """Person rows with a write that may be a forgetting one (the placeholder appears in its data)."""
    q = "SELECT DISTINCT row_id FROM change WHERE tbl='person' AND (data LIKE ? OR data LIKE ?)"
    return sorted(r[0] for r in db.execute(q, (f"%{ERASED_NAME}%", f"%{PURGED_NAME}%")))


def enforce_forgetting(tx: Tx, person_ids: Iterable[str] | None = None) -> int:
    """Inside an open transaction: scrub the change log (and re-derive conflicts) of the erased and purged person
    rows among ``person_ids`` (None: all), and blank an erased row again if a write it did not see put a value back.
    Returns how many change-log writes were scrubbed. Call it with ``secure_delete`` on (the callers here do).

    In batches of rows: one read of the batch's writes (each parsed once), one batch of updates, the conflicts
    re-derived from the writes in hand — the cost follows the number of writes, not one round trip per person."""
    tx.flush()
    db = tx.db
    ids = _marked_ids(db) if person_ids is None else sorted(set(person_ids))
    spec = TABLES["person"]
    scrubbed = 0
    again: list[str] = []
    cols = "hlc, tbl, row_id, device, author, data, parents"
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        by_row: dict[str, list[Write]] = {row_id: [] for row_id in part}
        q = f"SELECT {cols} FROM change WHERE tbl='person' AND row_id IN ({','.join('?' * len(part))}) ORDER BY hlc"
        for r in db.execute(q, part):
            by_row[r[2]].append(Write.from_log(r))
        updates: list[tuple[str, str]] = []
        touched: dict[str, list[Write]] = {}
        for row_id, writes in by_row.items():
            erased, purge_hlc = _forgetting_marks(writes)
            if not erased and not purge_hlc:
                continue
            if erased:
                again.append(row_id)
            rederive = not _conflicts_unchanged_by_scrub(writes)
            for i, w in enumerate(writes):
                new = _scrubbed(w.data, erased, purge_hlc, w.hlc)
                if new is not None:
                    updates.append((_dump(new), w.hlc))
                    if rederive:
                        writes[i] = replace(w, data=new)
                        touched[row_id] = writes
        if updates:
            db.executemany("UPDATE change SET data=? WHERE hlc=?", updates)
            scrubbed += len(updates)
        if touched:
            store_conflicts(db, spec, touched)
    for row_id in again:
        _erase_again_if_needed(tx, row_id)
    return scrubbed


def erasure_write(tx: Tx, person_id: str) -> bool:
    """Inside an open transaction: one write that tombstones the person and blanks every personal field, naming
    every write of the row seen here (so older writes are superseded, not flagged as conflicts). False if no such
    row."""
    return forgetting_writes(tx, [person_id], ERASED_NAME, deleted=True) == 1


def purge_write(tx: Tx, person_id: str) -> bool:
    """Inside an open transaction: one write that blanks the person's personal fields (the row stays: it is still
    counted as a participant) naming every stamp the row has seen. False if no such row."""
    return forgetting_writes(tx, [person_id], PURGED_NAME, deleted=False) == 1


def forgetting_writes(tx: Tx, person_ids: Sequence[str], placeholder: str, *, deleted: bool) -> int:
    """Inside an open transaction: the forgetting write (:func:`purge_write`, :func:`erasure_write`) of each of these
    people, in batches through the write path, their older writes scrubbed on the way (:func:`forget_people`).
    Returns how many rows existed and got their write."""
    return forget_people(tx, person_ids, placeholder, deleted=deleted)[0]


_NEWEST = "\uffff"  # above every stamp: the forgetting write about to be made is the newest write of its row

# The older writes are scrubbed by SQLite (json_replace: the same keys set to null, everything else left as it was)
# when it reads their keys exactly as Python's parser does: no backslash in the text (no escaped key or value) and
# no key twice (a repeated key: SQLite's functions see the first, Python the last). Anything else — only a
# hand-made bundle holds it — is parsed and re-encoded in Python, as :func:`enforce_forgetting` does.
_PLAIN_TEXT = "instr(data, char(92)) = 0 AND (SELECT count(*) = count(DISTINCT key) FROM json_each(data))"
_OTHERS_HELD = " OR ".join(f"json_extract(data, '$.{f}') IS NOT NULL" for f in FORGOTTEN_FIELDS if f != "first_name")
_BLANK_ALL = ", ".join(f"'$.{f}', NULL" for f in FORGOTTEN_FIELDS)
_BLANK_BUT_NAME = ", ".join(f"'$.{f}', NULL" for f in FORGOTTEN_FIELDS if f != "first_name")


def forget_people(tx: Tx, person_ids: Sequence[str], placeholder: str, *, deleted: bool) -> tuple[int, int]:
    """Inside an open transaction: forget each of these people — their older writes in the change log scrubbed as
    :func:`enforce_forgetting` would once the forgetting write is there, then the forgetting write itself through
    the write path, which derives the row's conflicts from the scrubbed log (so they need no second pass).

    In batches: one read of a batch's writes (their stamps and what marks a forgetting write, read by SQLite; no
    write parsed in Python), one scrubbing UPDATE per kind (``json_replace`` in SQL), one apply.
    Returns (rows that existed and got their write, change-log writes scrubbed). Call it with ``secure_delete`` on.
    """
    tx.flush()
    data = forgotten_values(placeholder)
    if deleted:
        data["deleted"] = True
    erasing, purging = is_erasure(data), is_purge(data)
    db = tx.db
    done = scrubbed = 0
    for start in range(0, len(person_ids), _CHUNK):
        part = list(dict.fromkeys(person_ids[start : start + _CHUNK]))
        logged, odd = _logged_person_writes(db, part)
        blank_all: list[tuple[str]] = []
        blank_but_name: list[tuple[str]] = []
        forgetting: list[tuple[str, list[str]]] = []
        for pid in part:
            writes = logged.get(pid)
            if writes is None:
                continue
            # It names every write of the row this folder holds (not only the winning ones in ``clocks``): it saw
            # them all, so none of them — a concurrent loser included — is left as an open conflict on the row.
            # Every forgotten field is written, even one already empty here: a value another copy still holds for
            # it, from a write older than this one, then loses to this write there too.
            forgetting.append((pid, [w[0] for w in writes]))
            if pid in odd:
                continue
            erased = erasing or any(w[2] for w in writes)
            purge_hlc = _NEWEST if purging else max((w[0] for w in writes if w[1] == PURGED_NAME), default="")
            for hlc, first_name, erasure, others_held in writes:
                if erased:  # as _scrubbed: which writes lose their person fields, which keep their placeholder
                    keep_name = erasure
                elif purge_hlc and hlc < purge_hlc:
                    keep_name = first_name == PURGED_NAME
                else:
                    continue
                if keep_name:
                    if others_held:
                        blank_but_name.append((hlc,))
                elif others_held or first_name is not None:
                    blank_all.append((hlc,))
        if odd:
            scrubbed += _scrub_in_python(db, odd, erasing, purging)
        if blank_all:
            db.executemany(f"UPDATE change SET data = json_replace(data, {_BLANK_ALL}) WHERE hlc=?", blank_all)
        if blank_but_name:
            db.executemany(f"UPDATE change SET data = json_replace(data, {_BLANK_BUT_NAME}) WHERE hlc=?", blank_but_name)
        scrubbed += len(blank_all) + len(blank_but_name)
        tx.write_same("person", forgetting, data, now=True)
        done += len(forgetting)
    return done, scrubbed


def _logged_person_writes(db, ids: list[str]) -> tuple[dict[str, list[tuple]], set[str]]:
    """The person rows among ``ids`` that exist here → their logged writes (stamp, first name, whether an erasure,
    whether any other person field holds a value), oldest first; and the rows with a write SQLite may read otherwise
    than Python (see ``_PLAIN_TEXT``), to scrub in Python."""
    marks = ",".join("?" * len(ids))
    out: dict[str, list[tuple]] = {r[0]: [] for r in db.execute(f"SELECT id FROM person WHERE id IN ({marks})", ids)}
    odd: set[str] = set()
    q = (f"SELECT row_id, hlc, json_extract(data, '$.first_name'), json_type(data, '$.deleted') = 'true', "
         f"{_OTHERS_HELD}, {_PLAIN_TEXT} FROM change WHERE tbl='person' AND row_id IN ({marks}) ORDER BY hlc")  # fmt: skip
    for row_id, hlc, first_name, deletes, others_held, plain in db.execute(q, ids):
        writes = out.get(row_id)
        if writes is not None:
            writes.append((hlc, first_name, deletes and first_name == ERASED_NAME, others_held))
            if not plain:
                odd.add(row_id)
    return out, odd


def _scrub_in_python(db, row_ids: set[str], erasing: bool, purging: bool) -> int:
    """The scrub of rows holding a write SQLite may read otherwise than Python: each write parsed and re-encoded."""
    ids = sorted(row_ids)
    marks = ",".join("?" * len(ids))
    by_row: dict[str, list[tuple[str, dict]]] = {}
    q = f"SELECT row_id, hlc, data FROM change WHERE tbl='person' AND row_id IN ({marks}) ORDER BY hlc"
    for row_id, hlc, raw in db.execute(q, ids):
        by_row.setdefault(row_id, []).append((hlc, _load(raw)))
    updates: list[tuple[str, str]] = []
    for writes in by_row.values():
        erased = erasing or any(is_erasure(d) for _, d in writes)
        purge_hlc = _NEWEST if purging else max((h for h, d in writes if is_purge(d)), default="")
        for hlc, old in writes:
            new = _scrubbed(old, erased, purge_hlc, hlc)
            if new is not None:
                updates.append((_dump(new), hlc))
    if updates:
        db.executemany("UPDATE change SET data=? WHERE hlc=?", updates)
    return len(updates)


def _erase_again_if_needed(tx: Tx, row_id: str) -> None:
    row = tx.read("person", row_id)
    if row is None:
        return
    expected = forgotten_values(ERASED_NAME)
    if row["deleted"] and all(row.get(f) == v for f, v in expected.items()):
        return
    erasure_write(tx, row_id)


def forget_after_import(tx: Tx, writes: Sequence[Write]) -> int:
    """The hook for a bundle import: call it in the import's transaction right after ``tx.apply_remote(writes)``.

    A received erasure or purge makes this folder forget the values it held before (its change log and conflicts);
    a stale write arriving for a person already forgotten here is scrubbed as it lands. Returns the number of
    change-log writes scrubbed (0 almost always). Turns ``secure_delete`` on for its own statements."""
    ids = {w.row_id for w in writes if w.tbl == "person"}
    if not ids:
        return 0
    with secure_delete(tx.db):
        return enforce_forgetting(tx, ids)
