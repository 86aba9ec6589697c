"""The one write path. Every change to synced data, typed on this laptop or imported from a bundle, is a ``Write``
applied here, inside the caller's transaction.

Merge rules (the README's "How it is built" says them too), all functions of the *set* of writes seen, so order and
repetition do not matter:

- a write is identified by its HLC stamp; a stamp already in the change log is ignored (idempotence);
- ordinary fields: last writer wins on the stamp (which orders by wall time, counter, device id);
- ``map_min`` fields (attendance scans): union of keys, earliest value per key;
- ``deleted`` is an ordinary field, so a tombstone beats older writes and a stale bundle never undoes it;
- conflicts are derived per row from the log: a write to a field that lost, that no write of that field saw (it is
  not named in the ``parents`` of a write of the same field), with a different value, is a concurrent loser; writes
  to a deleted row that the delete did not see are edits racing the delete.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter, itemgetter

from lampang_planner.core.schema import SyncedTable
from lampang_planner.core.sync.conflict_records import (
    derive_conflicts,
    refresh_conflicts,
    settle_superseding,
    store_conflicts,
)
from lampang_planner.core.sync.tables import TABLES
from lampang_planner.core.sync.writes import (
    CHUNK,
    ENCODE,
    LOG_COLUMNS,
    MAX_ROW_WRITES,
    ApplyResult,
    RowFlood,
    StampClash,
    Write,
    chunks,
    padded,
    same_logged_write,
    same_write,
)

__all__ = [
    "CHUNK",
    "MAX_ROW_WRITES",
    "ApplyResult",
    "RowFlood",
    "StampClash",
    "Write",
    "apply_writes",
    "derive_conflicts",
    "fold_newest",
    "load_rows",
    "logged_writes",
    "rebuild_rows",
    "refresh_conflicts",
    "row_writes",
    "store_conflicts",
]
_BY_STAMP = attrgetter("hlc")


def logged_writes(db: sqlite3.Connection, stamps: Sequence[str]) -> dict[str, tuple]:
    """The change-log rows of those stamps that are logged, by stamp."""
    found: dict[str, tuple] = {}
    for part in chunks(stamps):
        part = padded(part)
        q = f"SELECT {LOG_COLUMNS} FROM change WHERE hlc IN ({','.join('?' * len(part))})"
        found.update((r[0], r) for r in db.execute(q, part))
    return found


def load_rows(db: sqlite3.Connection, spec: SyncedTable, ids: Sequence[str]) -> dict[str, dict]:
    cols = spec.columns
    out: dict[str, dict] = {}
    for part in chunks(ids):
        part = padded(part)
        q = f"SELECT {','.join(cols)} FROM {spec.name} WHERE id IN ({','.join('?' * len(part))})"
        for r in db.execute(q, part):
            out[r[0]] = dict(zip(cols, r, strict=True))
    return out


def _db_value(v: object) -> object:
    if isinstance(v, dict):
        return ENCODE(v)
    return v


def _new_row(cols: tuple[str, ...], maps: frozenset[str], row_id: str, w: Write) -> tuple[dict, str]:
    """A row that did not exist, made by one write: exactly what :func:`_merge_write` gives on an empty row, without
    comparing stamps field by field (the common case of an import: most rows arrive with their one insert)."""
    row = dict.fromkeys(cols)
    row["id"], row["deleted"] = row_id, False
    for f, v in w.data.items():
        if f in maps:
            row[f] = ENCODE(v or {})
        elif isinstance(v, dict):
            row[f] = ENCODE(v)
        else:
            row[f] = v
    row["origin_device"], row["hlc"] = w.device, w.hlc
    return row, _one_stamp_clocks(tuple(w.data), w.hlc)


def _clocks_text(clocks: dict) -> str:
    """``ENCODE(clocks)``: the same text, built directly when every field name and stamp is printable ASCII without
    a quote or backslash (as they are; the encoder took twice as long, and a purge writes 100,000 of these)."""
    keys = sorted(clocks)
    try:
        body = "".join(keys) + "".join(clocks.values())
    except TypeError:
        return ENCODE(clocks)
    if body.isascii() and body.isprintable() and '"' not in body and "\\" not in body:
        return '{"' + '","'.join([k + '":"' + clocks[k] for k in keys]) + '"}' if keys else "{}"
    return ENCODE(clocks)


_CLOCK_TEMPLATES: dict[tuple[str, ...], str] = {}


def _one_stamp_clocks(fields: tuple[str, ...], hlc: str) -> str:
    """``ENCODE({f: hlc for f in fields} | {"_origin": hlc})`` from a cached template (field names and stamps are
    plain ASCII without quotes or backslashes, so the text is the same)."""
    tmpl = _CLOCK_TEMPLATES.get(fields)
    if tmpl is None:
        keys = sorted({*fields, "_origin"})
        tmpl = _CLOCK_TEMPLATES[fields] = "{" + ",".join(f'"{k}":"\x00"' for k in keys) + "}"
    return tmpl.replace("\x00", hlc)


def _merge_write(spec: SyncedTable, row: dict, clocks: dict, w: Write) -> bool:
    """Fold one write into a materialised row. Returns True when a stored value changed."""
    changed = False
    if "_origin" not in clocks or w.hlc < clocks["_origin"]:
        clocks["_origin"] = w.hlc
        row["origin_device"] = w.device
    for f, v in w.data.items():
        rule = spec.merge.get(f, "lww")
        if rule == "lww":
            if w.hlc > clocks.get(f, ""):
                clocks[f] = w.hlc
                v = _db_value(v)
                if row.get(f) != v:
                    row[f] = v
                    changed = True
        elif rule == "map_min":
            cur = json.loads(row[f]) if row.get(f) else {}
            before = dict(cur)
            for k, val in (v or {}).items():
                if k not in cur or val < cur[k]:
                    cur[k] = val
            if w.hlc > clocks.get(f, ""):
                clocks[f] = w.hlc
            if cur != before or row.get(f) is None:
                row[f] = _db_value(cur)
                changed = True
        else:  # pragma: no cover - guarded by the table specs
            raise ValueError(f"unknown merge rule {rule!r} for {spec.name}.{f}")
    if w.hlc > row.get("hlc", ""):
        row["hlc"] = w.hlc
    return changed


def apply_writes(db: sqlite3.Connection, writes: Sequence[Write], *, fresh: bool = False) -> ApplyResult:
    """Apply writes inside the caller's open transaction. ``fresh`` skips the already-seen check (new local stamps)."""
    result = ApplyResult()
    if not writes:
        return result
    if not fresh:
        seen = logged_writes(db, [w.hlc for w in writes])
        if seen:
            for w in writes:
                if w.hlc in seen and not same_logged_write(w, seen[w.hlc]):
                    raise StampClash(w.hlc, w.tbl, w.row_id)
            result.unchanged += sum(1 for w in writes if w.hlc in seen)
            writes = [w for w in writes if w.hlc not in seen]
        # One stamp twice in a batch: the same write repeated is taken once; two different writes are refused.
        uniq: dict[str, Write] = {}
        for w in writes:
            first = uniq.setdefault(w.hlc, w)
            if first is not w and not same_write(first, w):
                raise StampClash(w.hlc, w.tbl, w.row_id)
        writes = list(uniq.values())
        if not writes:
            return result
    _log(db, writes)
    by_table: dict[str, dict[str, list[Write]]] = defaultdict(lambda: defaultdict(list))
    for w in writes:
        by_table[w.tbl][w.row_id].append(w)
    for tbl, rows in by_table.items():
        _apply_table(db, TABLES[tbl], rows, result)
    return result


def _apply_table(db: sqlite3.Connection, spec: SyncedTable, rows: dict[str, list[Write]], result: ApplyResult) -> None:
    existing = load_rows(db, spec, list(rows))
    cols = spec.columns
    values = itemgetter(*cols)
    maps = frozenset(f for f, rule in spec.merge.items() if rule == "map_min")
    inserts: list[tuple] = []  # rows that did not exist: a plain INSERT is twice as fast as the upsert
    # rows that existed, by the columns that changed: an UPDATE of those only leaves the other columns' indexes alone
    updates: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    recheck: list[str] = []
    for row_id, ws in rows.items():
        before = existing.get(row_id)
        changed = False
        if before is None and len(ws) == 1:
            row, row["clocks"] = _new_row(cols, maps, row_id, ws[0])
        else:
            ws.sort(key=_BY_STAMP)
            if before is None:
                row = dict.fromkeys(cols)
                row.update(id=row_id, deleted=False, hlc="", origin_device="")
                clocks = {}
            else:
                row = dict(before)
                clocks = json.loads(row["clocks"] or "{}")
            for w in ws:
                changed |= _merge_write(spec, row, clocks, w)
            row["clocks"] = _clocks_text(clocks)
        if spec.derive:
            spec.derive(row)
        row["deleted"] = bool(row["deleted"])
        if before is None:
            result.added += 1
            changed = True
        elif changed:
            if spec.natural_key:
                result.merged += 1
            else:
                result.updated += 1
        else:
            result.unchanged += 1
        if before is None:
            inserts.append(values(row))
        elif changed or row["clocks"] != before["clocks"]:
            moved = tuple(c for c in cols if row[c] != before[c])
            updates[moved].append((*(row[c] for c in moved), row_id))
        if changed:
            result.changed[spec.name].add(row_id)
        if before is not None or len(ws) > 1:
            recheck.append(row_id)
    placeholders = ",".join("?" * len(cols))
    if inserts:
        db.executemany(f"INSERT INTO {spec.name} ({','.join(cols)}) VALUES ({placeholders})", inserts)
    _store(db, spec, updates, rows, existing, recheck, result)


def _log(db: sqlite3.Connection, writes: Iterable[Write]) -> None:
    """Log the writes in the change log (the caller has made sure their stamps are new)."""
    db.executemany(
        "INSERT INTO change (hlc, tbl, row_id, device, author, data, parents) VALUES (?,?,?,?,?,?,?)",
        [w.log_row() for w in writes],
    )


def _store(
    db: sqlite3.Connection,
    spec: SyncedTable,
    updates: dict[tuple[str, ...], list[tuple]],
    rows: dict[str, list[Write]],
    existing: dict[str, dict],
    recheck: list[str],
    result: ApplyResult,
) -> None:
    """The end of every fold: the existing rows' new values written, one UPDATE per set of columns that changed
    (``updates``: columns → (their values..., id) per row; the other columns' indexes are left alone), then the
    conflicts of the ``recheck`` rows settled (:func:`settle_superseding`) or derived again from the log."""
    for moved, params in updates.items():
        db.executemany(f"UPDATE {spec.name} SET {','.join(f'{c}=?' for c in moved)} WHERE id=?", params)
    if recheck:
        rest = settle_superseding(db, spec, rows, existing, recheck, result)
        if rest:
            result.conflicts += refresh_conflicts(db, spec, rest)


def fold_newest(db: sqlite3.Connection, spec: SyncedTable, data: dict, writes: list[Write]) -> tuple[list, ApplyResult]:
    """The set-form fold of fresh writes of the same ``data`` (one per row, as :meth:`Tx.write_same` makes them: a
    purge writes the same blanking on every person): those that fall on an existing row and are newer than its
    newest write are applied here; the others are returned, for :func:`apply_writes`, with what was done.

    Exactly what :func:`apply_writes` does with them, without its field-by-field fold: such a write wins every field
    it writes (its stamp is above every stamp in the row's ``clocks``), leaves the row's origin as it is, and changes
    the values that differ. The change-log rows, the rows' new values and ``clocks``, the counts and the conflicts
    are the same (:func:`_log`, :func:`_store`); a table or a value :func:`apply_writes` would fold otherwise (derived
    columns, a natural key, a merge rule, a JSON value, a row twice) is all left to it."""
    result = ApplyResult()
    ids = [w.row_id for w in writes]
    plain = not spec.derive and not spec.natural_key and all(spec.merge.get(f, "lww") == "lww" for f in data)
    if not plain or any(isinstance(v, dict) for v in data.values()) or len(set(ids)) != len(ids):
        return writes, result
    cols = ("id", "hlc", "deleted", "clocks", *(f for f in data if f != "deleted"))
    found: dict[str, tuple] = {}
    for part in chunks(ids, CHUNK):
        q = f"SELECT {','.join(cols)} FROM {spec.name} WHERE id IN ({','.join('?' * len(part))})"
        found.update((r[0], r) for r in db.execute(q, part))
    rest: list[Write] = []
    by_row: dict[str, list[Write]] = {}
    existing: dict[str, dict] = {}
    updates: dict[tuple[str, ...], list[tuple]] = {}
    same_moved: dict[tuple[str, ...], tuple[tuple, list[tuple]]] = {}  # columns that moved → (values, UPDATE params)
    at = [(c, cols.index(c), v) for c, v in data.items()]
    for w in writes:
        row = found.get(w.row_id)
        clocks = json.loads(row[3] or "{}") if row is not None and w.hlc > row[1] else None
        if clocks is None or "_origin" not in clocks or max(clocks.values()) >= w.hlc:
            rest.append(w)
            continue
        moved = tuple(c for c, i, v in at if row[i] != v)
        clocks.update(dict.fromkeys(data, w.hlc))
        same = same_moved.get(moved)
        if same is None:
            same = same_moved[moved] = (tuple(data[c] for c in moved), updates.setdefault(("hlc", "clocks", *moved), []))
        same[1].append((w.hlc, _clocks_text(clocks), *same[0], w.row_id))
        if moved:
            result.changed[spec.name].add(w.row_id)
            result.updated += 1
        else:
            result.unchanged += 1
        existing[w.row_id] = {"deleted": row[2]}  # what settle_superseding reads of the row before
        by_row[w.row_id] = [w]
    if by_row:
        _log(db, (ws[0] for ws in by_row.values()))
        _store(db, spec, updates, by_row, existing, list(by_row), result)
    return rest, result


def row_writes(db: sqlite3.Connection, tbl: str, row_id: str) -> list[Write]:
    q = f"SELECT {LOG_COLUMNS} FROM change WHERE tbl=? AND row_id=? ORDER BY hlc"
    return [Write.from_log(r) for r in db.execute(q, (tbl, row_id))]


def rebuild_rows(db: sqlite3.Connection, tbl: str, row_ids: Iterable[str]) -> None:
    """Materialise some rows again from the change log, inside the caller's transaction: each row becomes the fold
    of the writes logged for it (none left: the row goes), and its conflict records are derived again. Used when
    writes are taken out of the log (an import undone: :mod:`.journal`); other writes to those rows stay in."""
    spec = TABLES[tbl]
    ids = list(dict.fromkeys(row_ids))
    cols = LOG_COLUMNS
    for part in chunks(ids, CHUNK - 1):
        marks = ",".join("?" * len(part))
        db.execute(f"DELETE FROM {tbl} WHERE id IN ({marks})", part)
        db.execute(f"DELETE FROM conflict WHERE tbl=? AND row_id IN ({marks})", (tbl, *part))
        rows: dict[str, list[Write]] = defaultdict(list)
        for r in db.execute(f"SELECT {cols} FROM change WHERE tbl=? AND row_id IN ({marks})", (tbl, *part)):
            rows[r[2]].append(Write.from_log(r))
        if rows:
            _apply_table(db, spec, rows, ApplyResult())
