"""The People page's rows: live people (not deleted, not merged away), or a workshop's roster with check-in times
(``core.read.presence``, so the page counts the same people as the desk and the quorum)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from lampang_planner.core.ops.people import LIST_COLUMNS
from lampang_planner.core.read.presence import ROSTER

_COLUMNS = ", ".join(f"IFNULL(p.{c}, '')" for c in LIST_COLUMNS)
_CHUNK = 500  # ids per query (SQLite's limit on parameters is far above; this keeps each statement small)


def people_rows(db: sqlite3.Connection, workshop_id: str | None = None, ids: Iterable[str] | None = None) -> list:
    """Live people as tuples: ``LIST_COLUMNS``, then the check-in time at ``workshop_id`` ('' = invited, not come;
    None without a workshop). With ``workshop_id`` only its roster (a merged-away record's invitation or check-in
    counts for the person it was merged into); with ``ids`` only those people."""
    if workshop_id:
        sql = (
            f"WITH RECURSIVE {ROSTER} SELECT {_COLUMNS}, IFNULL(r.checked_in_at, '') FROM roster r "
            "JOIN person p ON p.id = r.person_id WHERE 1"
        )
        params: dict = {"workshop": workshop_id, "session": None}
    else:
        sql = f"SELECT {_COLUMNS}, NULL FROM person p WHERE p.deleted = 0 AND p.merged_into IS NULL"
        params = {}
    if ids is None:
        return db.execute(sql, params).fetchall()
    ids = list(ids)
    out: list = []
    for start in range(0, len(ids), _CHUNK):
        chunk = {f"id{i}": pid for i, pid in enumerate(ids[start : start + _CHUNK])}
        marks = ",".join(f":{k}" for k in chunk)
        out += db.execute(f"{sql} AND p.id IN ({marks})", {**params, **chunk}).fetchall()
    return out
