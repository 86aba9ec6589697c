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

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.privacy.fields import ERASED_NAME, FORGOTTEN_FIELDS, PURGED_NAME, forgotten_values
from lampang_planner.core.sync.apply import Write, refresh_conflicts
from lampang_planner.core.sync.tables import TABLES

_CHUNK = 500


def _dump(data: dict) -> str:
    """As the write path stores ``change.data`` (``Write.log_row``), so equal content gives equal bytes everywhere."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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


def _marked_rows(db, person_ids: Sequence[str] | None) -> dict[str, tuple[bool, str]]:
    """Person rows with a forgetting write: id → (erased, newest purge stamp or '')."""
    out: dict[str, tuple[bool, str]] = {}
    like = "(data LIKE ? OR data LIKE ?)"
    args = (f"%{ERASED_NAME}%", f"%{PURGED_NAME}%")
    if person_ids is None:
        batches: Iterable = [None]
    else:
        ids = sorted(set(person_ids))
        batches = (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK))
    for part in batches:
        sql = f"SELECT row_id, hlc, data FROM change WHERE tbl='person' AND {like}"
        params: list = list(args)
        if part is not None:
            if not part:
                continue
            sql += f" AND row_id IN ({','.join('?' * len(part))})"
            params += part
        for row_id, hlc, raw in db.execute(sql, params).fetchall():
            data = json.loads(raw)
            erased, purged = out.get(row_id, (False, ""))
            if is_erasure(data):
                erased = True
            elif is_purge(data):
                purged = max(purged, hlc)
            else:
                continue
            out[row_id] = (erased, purged)
    return out


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


def enforce_forgetting(tx: Tx, person_ids: Iterable[str] | None = None) -> int:
    """Inside an open transaction: scrub the change log (and re-derive conflicts) of the erased and purged person
    rows among ``person_ids`` (None: all), and blank an erased row again if a write it did not see put a value back.
    Returns how many change-log writes were scrubbed. Call it with ``secure_delete`` on (the callers here do)."""
    tx.flush()
    db = tx.db
    ids = None if person_ids is None else list(person_ids)
    marked = _marked_rows(db, ids)
    if not marked:
        return 0
    scrubbed = 0
    touched: list[str] = []
    spec = TABLES["person"]
    for row_id, (erased, purge_hlc) in sorted(marked.items()):
        updates = []
        for hlc, raw in db.execute("SELECT hlc, data FROM change WHERE tbl='person' AND row_id=?", (row_id,)):
            new = _scrubbed(json.loads(raw), erased, purge_hlc, hlc)
            if new is not None:
                updates.append((_dump(new), hlc))
        if updates:
            db.executemany("UPDATE change SET data=? WHERE hlc=?", updates)
            scrubbed += len(updates)
            touched.append(row_id)
        if erased:
            _erase_again_if_needed(tx, row_id)
    if touched:
        refresh_conflicts(db, spec, touched)
    return scrubbed


def erasure_write(tx: Tx, person_id: str) -> bool:
    """Inside an open transaction: one write that tombstones the person and blanks every personal field, naming
    every write of the row seen here (so older writes are superseded, not flagged as conflicts). False if no such
    row."""
    return _forgetting_write(tx, person_id, ERASED_NAME, deleted=True)


def purge_write(tx: Tx, person_id: str) -> bool:
    """Inside an open transaction: one write that blanks the person's personal fields (the row stays: it is still
    counted as a participant) naming every stamp the row has seen. False if no such row."""
    return _forgetting_write(tx, person_id, PURGED_NAME, deleted=False)


def _forgetting_write(tx: Tx, person_id: str, placeholder: str, *, deleted: bool) -> bool:
    if tx.read("person", person_id) is None:
        return False
    # It names every write of the row this folder holds (not only the winning ones in ``clocks``): it saw them all,
    # so none of them — a concurrent loser included — is left as an open conflict on the forgotten row.
    parents = tuple(r[0] for r in tx.db.execute(
        "SELECT hlc FROM change WHERE tbl='person' AND row_id=? ORDER BY hlc", (person_id,)))
    data = forgotten_values(placeholder)
    if deleted:
        data["deleted"] = True
    # Every forgotten field is written, even one already empty here: a value another copy still holds for it, from a
    # write older than this one, then loses to this write there too. (Tx.update would skip the empty ones.)
    tx._stamp("person", person_id, data, parents)
    tx.flush()
    return True


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
