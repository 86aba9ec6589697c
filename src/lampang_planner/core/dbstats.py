"""Statistics for SQLite's query planner, kept current as the data grows.

Without statistics SQLite guesses, and at 100,000 people it guessed wrong on the People page (a person's workshops
read through the ``workshop_id`` index: every invitation of every workshop). ``ANALYZE`` stores each index's row
count and selectivity in ``sqlite_stat1``; ``PRAGMA optimize`` in SQLite 3.40 only refreshes tables analysed before
and grown 25-fold, and never a table that was empty when analysed — the normal life of a new data folder.

So :func:`refresh_statistics` analyses a table of 1,000 rows or more when it has no statistics, or when its size has
doubled or halved since it was analysed. Rows are never physically deleted (tombstones), so ``max(rowid)`` is the row count up
to a few stray rows and costs one index probe. The check is a few dozen microseconds per table; the ANALYZE it
triggers costs about as much as the writes that made it necessary (amortised: sizes double between two).
:class:`~lampang_planner.core.db.Store` calls it after a large transaction (an import, a roster, a purge) and when
it closes.
"""

from __future__ import annotations

import sqlite3

GROWTH = 2.0  # re-analyse when a table has grown or shrunk by this factor since its statistics were taken
MIN_ROWS = 1000  # below this a wrong plan costs little, and a desk's first scans should not pay for an ANALYZE


def _tables(db: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type='index' AND i.tbl_name=sqlite_master.name)"
        )
    ]


def _analysed_rows(db: sqlite3.Connection) -> dict[str, int]:
    try:
        rows = db.execute("SELECT tbl, stat FROM sqlite_stat1").fetchall()
    except sqlite3.OperationalError:  # never analysed: the table does not exist yet
        return {}
    out: dict[str, int] = {}
    for tbl, stat in rows:
        head = (stat or "").split(" ", 1)[0]
        if head.isdigit():
            out[tbl] = max(out.get(tbl, 0), int(head))
    return out


def stale_tables(db: sqlite3.Connection) -> list[str]:
    """Tables of :data:`MIN_ROWS` rows or more whose statistics are missing or off by :data:`GROWTH` or more."""
    analysed = _analysed_rows(db)
    out = []
    for tbl in _tables(db):
        now = db.execute(f'SELECT IFNULL(MAX(rowid), 0) FROM "{tbl}"').fetchone()[0]
        then = analysed.get(tbl)
        if now >= MIN_ROWS and (then is None or now >= GROWTH * then or now * GROWTH <= then):
            out.append(tbl)
    return out


def refresh_statistics(db: sqlite3.Connection) -> list[str]:
    """Analyse the tables whose statistics are stale (each its own short write); returns their names. Call it
    outside any open transaction, holding the store's write lock."""
    stale = stale_tables(db)
    for tbl in stale:
        db.execute(f'ANALYZE "{tbl}"')
    return stale
