"""Conflict records: derived per row from the change log, as a pure function of the set of the row's writes, so
every machine holding the same writes holds the same records (the rules: :mod:`.apply`'s docstring). Also the quick
path for a write that supersedes every logged write of its row (a purge, an erasure, a resolution)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Sequence

from lampang_planner.core.schema import SyncedTable
from lampang_planner.core.sync.writes import (
    CHUNK,
    LOG_COLUMNS,
    MAX_ROW_WRITES,
    ApplyResult,
    RowFlood,
    Write,
    chunks,
    padded,
)

_CONFLICT_NS = uuid.UUID("6f1c7c1e-3b1a-4c55-9f0e-52a1d2c0c001")


def _may_supersede(ws: list[Write], before: dict | None) -> bool:
    """One new write to an existing row that names stamps, and leaves no tombstone it does not write itself (a
    tombstone would make it an edit racing the delete): a candidate for :func:`settle_superseding`."""
    if before is None or len(ws) != 1 or not ws[0].parents:
        return False
    return "deleted" in ws[0].data or not before["deleted"]


def settle_superseding(
    db: sqlite3.Connection,
    spec: SyncedTable,
    rows: dict[str, list[Write]],
    existing: dict[str, dict],
    row_ids: list[str],
    result: ApplyResult,
) -> list[str]:
    """Update the conflicts of rows whose one new write is newer than every logged write of the row and names them
    all (a purge, an erasure, a resolution): by :func:`derive_conflicts`, such a write loses nothing and leaves no
    loser on the fields it writes, changes nothing on the others, and (writing ``deleted``) clears every
    edit-versus-delete. So the row's records stay but those, with no re-read of the log's data. Returns the rows
    that need the full re-derivation."""
    candidates = [r for r in row_ids if _may_supersede(rows[r], existing.get(r))]
    if not candidates:
        return row_ids
    quick: set[str] = set()
    for part in chunks(candidates, CHUNK - 1):
        q = f"SELECT row_id, hlc FROM change WHERE tbl=? AND row_id IN ({','.join('?' * len(part))})"
        stamps: dict[str, list[str]] = defaultdict(list)
        for row_id, hlc in db.execute(q, (spec.name, *part)):
            stamps[row_id].append(hlc)
        for row_id in part:
            w = rows[row_id][0]
            older = [h for h in stamps[row_id] if h != w.hlc]
            if len(older) < MAX_ROW_WRITES and all(h < w.hlc for h in older) and set(older) <= set(w.parents):
                quick.add(row_id)
    if quick:
        result.conflicts += _drop_superseded(db, spec, {r: rows[r][0] for r in quick})
    return [r for r in row_ids if r not in quick]


def _drop_superseded(db: sqlite3.Connection, spec: SyncedTable, by_row: dict[str, Write]) -> int:
    """Delete the records each row's superseding write settles; returns how many stay open on those rows."""
    kept, gone = 0, []
    ids = list(by_row)
    for part in chunks(ids, CHUNK - 1):
        q = f"SELECT id, row_id, field, kind FROM conflict WHERE tbl=? AND row_id IN ({','.join('?' * len(part))})"
        for cid, row_id, f, kind in db.execute(q, (spec.name, *part)).fetchall():
            w = by_row[row_id]
            if kind == "edit_vs_delete":
                settled = "deleted" in w.data
            else:
                settled = f in w.data and spec.merge.get(f, "lww") == "lww"
            if settled:
                gone.append((cid,))
            else:
                kept += 1
    if gone:
        db.executemany("DELETE FROM conflict WHERE id=?", gone)
    return kept


def derive_conflicts(spec: SyncedTable, row_id: str, writes: list[Write]) -> list[tuple]:
    """The conflict records of one row, as a pure function of all its writes (sorted by stamp)."""
    out: list[tuple] = []
    if len(writes) < 2:
        return out
    # A write's value of field f was knowingly replaced when a later write *of f* names it as seen. (Naming by a
    # write of another field says nothing about f: that write may have lost f to a concurrent one.)
    named: dict[str, set[str]] = defaultdict(set)
    by_field: dict[str, list[Write]] = defaultdict(list)
    for w in writes:
        for f in w.data:
            if spec.merge.get(f, "lww") == "lww":
                by_field[f].append(w)
                named[f].update(w.parents)
    for f, ws in by_field.items():
        if len(ws) < 2:
            continue
        winner = ws[-1]
        seen = named[f]
        for w in ws[:-1]:
            if w.hlc in seen or w.data[f] == winner.data[f]:
                continue
            out.append(_conflict(spec.name, row_id, f, "concurrent", winner, w))
    deletes = by_field.get("deleted", [])
    if deletes and deletes[-1].data["deleted"]:
        tomb = deletes[-1]
        seen = _ancestors(tomb, {w.hlc: w for w in writes})
        for w in writes:
            if w is tomb or w.hlc in seen or "deleted" in w.data:
                continue
            for f in sorted(w.data):
                out.append(_conflict(spec.name, row_id, f, "edit_vs_delete", tomb, w))
    return out


def _ancestors(w: Write, index: dict[str, Write]) -> set[str]:
    seen: set[str] = set()
    stack = list(w.parents)
    while stack:
        h = stack.pop()
        if h in seen:
            continue
        seen.add(h)
        if h in index:
            stack.extend(index[h].parents)
    return seen


def _conflict(tbl: str, row_id: str, f: str, kind: str, winner: Write, loser: Write) -> tuple:
    cid = str(uuid.uuid5(_CONFLICT_NS, f"{tbl}/{row_id}/{f}/{kind}/{loser.hlc}"))
    dump = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)  # noqa: E731
    return (
        cid,
        tbl,
        row_id,
        f,
        kind,
        winner.hlc,
        dump(winner.data.get(f, True)),
        loser.hlc,
        dump(loser.data[f]),
        loser.device,
    )


def refresh_conflicts(db: sqlite3.Connection, spec: SyncedTable, row_ids: Sequence[str]) -> int:
    """Recompute the conflict records of some rows from the log. Returns how many are open on them now.

    The log is read row by row (one row's writes in memory at a time); a row holding more than
    :data:`MAX_ROW_WRITES` writes raises :class:`RowFlood` (a crafted bundle, not field work)."""
    total = 0
    cols = LOG_COLUMNS
    for part in chunks(list(dict.fromkeys(row_ids)), CHUNK - 1):
        part = padded(part, CHUNK - 1)
        marks = ",".join("?" * len(part))
        db.execute(f"DELETE FROM conflict WHERE tbl=? AND row_id IN ({marks})", (spec.name, *part))
        q = f"SELECT {cols} FROM change WHERE tbl=? AND row_id IN ({marks}) ORDER BY row_id, hlc"
        recs: list[tuple] = []
        current, ws = None, []
        for r in db.execute(q, (spec.name, *part)):
            if r[2] != current:
                recs += derive_conflicts(spec, current, ws) if ws else []
                current, ws = r[2], []
            ws.append(Write.from_log(r))
            if len(ws) > MAX_ROW_WRITES:
                raise RowFlood(spec.name, current)
        recs += derive_conflicts(spec, current, ws) if ws else []
        if recs:
            db.executemany("INSERT INTO conflict VALUES (?,?,?,?,?,?,?,?,?,?)", recs)
            total += len(recs)
    return total


def store_conflicts(db: sqlite3.Connection, spec: SyncedTable, by_row: dict[str, list[Write]]) -> int:
    """Replace the conflict records of these rows by those derived from the given writes (all of each row's writes,
    sorted by stamp: the caller has just read them from the log). Returns how many are open on them now."""
    total = 0
    ids = list(by_row)
    for part in chunks(ids, CHUNK - 1):
        ids_in = padded(part, CHUNK - 1)
        marks = ",".join("?" * len(ids_in))
        db.execute(f"DELETE FROM conflict WHERE tbl=? AND row_id IN ({marks})", (spec.name, *ids_in))
        recs = [rec for row_id in part for rec in derive_conflicts(spec, row_id, by_row[row_id])]
        if recs:
            db.executemany("INSERT INTO conflict VALUES (?,?,?,?,?,?,?,?,?,?)", recs)
            total += len(recs)
    return total
