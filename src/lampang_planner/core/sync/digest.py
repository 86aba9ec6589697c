"""Counts per kind of record and a content digest that is equal on every machine holding the same data."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from lampang_planner.core.sync.tables import TABLES

# Built once: json.dumps with options builds a new encoder per call, which was 40% of the digest's time. Same bytes.
_ROW = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
_CONFLICT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# Keys of ``info --json`` → the SQL that counts them (live rows: tombstones and merged-away people excluded).
COUNTS: dict[str, str] = {
    "districts": "SELECT COUNT(*) FROM district",
    "subdistricts": "SELECT COUNT(*) FROM subdistrict",
    "people": "SELECT COUNT(*) FROM person WHERE deleted=0 AND merged_into IS NULL",
    "workshops": "SELECT COUNT(*) FROM workshop WHERE deleted=0",
    "invitations": "SELECT COUNT(*) FROM invitation WHERE deleted=0",
    "attendance": "SELECT COUNT(*) FROM attendance WHERE deleted=0",
    "needs": "SELECT COUNT(*) FROM need WHERE deleted=0",
    "need_status_changes": "SELECT COUNT(*) FROM need_status_change WHERE deleted=0",
    "resolutions": "SELECT COUNT(*) FROM resolution WHERE deleted=0",
    "clauses": "SELECT COUNT(*) FROM clause WHERE deleted=0",
    "amendments": "SELECT COUNT(*) FROM amendment WHERE deleted=0",
    "votes": "SELECT COUNT(*) FROM vote WHERE deleted=0",
    "ballots": "SELECT COUNT(*) FROM ballot WHERE deleted=0",
    "tombstones": "SELECT " + " + ".join(f"(SELECT COUNT(*) FROM {t} WHERE deleted=1)" for t in TABLES),
    "conflicts": "SELECT COUNT(*) FROM conflict",
    "changes": "SELECT COUNT(*) FROM change",
}


def counts(db: sqlite3.Connection) -> dict[str, int]:
    return {k: db.execute(q).fetchone()[0] for k, q in COUNTS.items()}


def digest(db: sqlite3.Connection) -> str:
    """SHA-256 over a canonical dump of the logical data: every synced row's id, field values and tombstone, and the
    open conflicts. Local bookkeeping (clocks, origin, change log, device, settings) is left out.

    Each row is one line of JSON (``_ROW``: compact, non-ASCII as is). SQLite's ``json_array`` writes exactly those
    bytes for text, integers and NULL, so it makes the lines (no Python object per value); a row holding a real
    number or a blob (which SQLite would write differently) is encoded by ``_ROW`` instead."""
    h = hashlib.sha256()
    for name in sorted(TABLES):
        spec = TABLES[name]
        cols = ("id", *spec.fields, *spec.derived)
        h.update(f"\x1e{name}\x1f{','.join(cols)}\n".encode())
        _hash_rows(h, db, name, cols, "id", _ROW)
    h.update(b"\x1econflict\n")
    _hash_rows(h, db, "conflict", ("tbl", "row_id", "field", "kind", "winner_hlc", "loser_hlc", "loser_value"), "id",
               _CONFLICT)  # fmt: skip
    return h.hexdigest()


def _hash_rows(h, db: sqlite3.Connection, table: str, cols: tuple[str, ...], order: str, encode) -> None:
    """Feed ``h`` one line per row of ``table`` (``encode(row)`` and a newline), in ``order``."""
    listed = ",".join(cols)
    odd = " OR ".join(f"typeof({c}) IN ('real','blob')" for c in _not_text(db, table, cols)) or "0"
    cur = db.execute(f"SELECT CASE WHEN {odd} THEN NULL ELSE json_array({listed}) END, rowid FROM {table} "
                     f"ORDER BY {order}")  # fmt: skip
    while part := cur.fetchmany(4096):
        lines = [text if text is not None else _encoded(db, table, listed, rowid, encode) for text, rowid in part]
        lines.append("")
        h.update("\n".join(lines).encode())


def _not_text(db: sqlite3.Connection, table: str, cols: tuple[str, ...]) -> list[str]:
    """The columns that can hold a real number or a blob: those without TEXT affinity (a TEXT column stores a number
    as text, and the write path never writes bytes)."""
    declared = {r[1]: (r[2] or "").upper() for r in db.execute(f"PRAGMA table_info({table})")}
    return [c for c in cols if not any(t in declared.get(c, "") for t in ("CHAR", "CLOB", "TEXT"))]


def _encoded(db: sqlite3.Connection, table: str, listed: str, rowid: int, encode) -> str:
    return encode(db.execute(f"SELECT {listed} FROM {table} WHERE rowid=?", (rowid,)).fetchone())
