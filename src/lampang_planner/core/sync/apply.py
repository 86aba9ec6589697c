"""The one write path. Every change to synced data, typed on this laptop or imported from a bundle, is a ``Write``
applied here, inside the caller's transaction.

Merge rules (DESIGN.md §4), all functions of the *set* of writes seen, so order and repetition do not matter:

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
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from lampang_planner.core.privacy.fields import FORGOTTEN_FIELDS
from lampang_planner.core.sync.tables import TABLES, TableSpec

CHUNK = 900  # stay under SQLite's bound-parameter limit
MAX_ROW_WRITES = 10_000  # writes one record may hold (a real one gets a few dozen): keeps the conflict check bounded
_CONFLICT_NS = uuid.UUID("6f1c7c1e-3b1a-4c55-9f0e-52a1d2c0c001")
# Built once: json.dumps with options builds a new encoder on every call, which dominates for small objects.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ENCODE_STAMPS = json.JSONEncoder(separators=(",", ":")).encode
_BY_STAMP = attrgetter("hlc")


@dataclass(frozen=True, slots=True)
class Write:
    hlc: str
    tbl: str
    row_id: str
    device: str
    data: dict
    parents: tuple[str, ...] = ()
    author: str = ""
    data_json: str | None = field(default=None, compare=False, repr=False)  # ``data`` as it arrived, if known

    def log_row(self) -> tuple:
        return (
            self.hlc,
            self.tbl,
            self.row_id,
            self.device,
            self.author,
            self.data_json if self.data_json is not None else _ENCODE(self.data),
            _ENCODE_STAMPS(list(self.parents)) if self.parents else "[]",
        )

    @classmethod
    def from_log(cls, row: Sequence) -> Write:
        hlc, tbl, row_id, device, author, data, parents = row
        return cls(hlc, tbl, row_id, device, json.loads(data), tuple(json.loads(parents)), author)


class StampClash(ValueError):
    """One stamp carrying two different writes (a forged or corrupt bundle): refused whatever the order they came
    in, instead of keeping whichever was seen first."""

    def __init__(self, stamp: str, tbl: str, row_id: str) -> None:
        super().__init__(f"stamp {stamp} carries two different writes ({tbl} {row_id})")
        self.stamp, self.tbl, self.row_id = stamp, tbl, row_id

    def sentences(self) -> tuple[str, str]:
        device = self.stamp.split(".", 2)[-1]
        return (
            f"ปฏิเสธไฟล์: รายการแก้ไขเลขกำกับเวลา {self.stamp} ของเครื่อง {device} มีค่าสองแบบที่ไม่ตรงกัน "
            "(ไฟล์ถูกปลอมแปลงหรือเสียหาย) ไม่มีการบันทึกข้อมูลใด",
            f"Refused: the write stamped {self.stamp} (device {device}) comes with two different contents — a forged "
            "or damaged bundle; nothing was written",
        )


def _same_write(a: Write, stored: Sequence) -> bool:
    """``a`` is the write logged as ``stored`` = (hlc, tbl, row_id, device, author, data_json, parents_json)."""
    row = a.log_row()
    if row[1:5] != tuple(stored[1:5]):
        return False
    if row[5] != stored[5]:
        try:
            if not _same_data(a.tbl, json.loads(stored[5]), a.data):
                return False
        except ValueError:
            return False
    return row[6] == stored[6] or tuple(json.loads(stored[6] or "[]")) == a.parents


def _same_data(tbl: str, x: dict, y: dict) -> bool:
    """Equal, or equal but for personal fields one side has forgotten (a purge or an erasure rewrites the person
    fields of older writes to None in place, keeping their stamps: core.privacy.forget)."""
    if x == y:
        return True
    if tbl != "person" or x.keys() != y.keys():
        return False
    return all(x[k] == y[k] or (k in FORGOTTEN_FIELDS and (x[k] is None or y[k] is None)) for k in x)


def _same(a: Write, b: Write) -> bool:
    return _same_write(a, b.log_row())


@dataclass
class ApplyResult:
    """What a batch of writes did. ``changed`` maps table → ids whose stored values changed."""

    added: int = 0  # rows that did not exist before
    updated: int = 0  # rows that existed and changed
    merged: int = 0  # fact rows (deterministic ids) that already existed and took in another device's record
    unchanged: int = 0  # writes already seen, or that changed nothing
    conflicts: int = 0  # conflict records now open on the touched rows
    changed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_skew_ms: int = 0

    def add(self, other: ApplyResult) -> None:
        self.added += other.added
        self.updated += other.updated
        self.merged += other.merged
        self.unchanged += other.unchanged
        self.conflicts += other.conflicts
        self.max_skew_ms = max(self.max_skew_ms, other.max_skew_ms)
        for t, ids in other.changed.items():
            self.changed[t] |= ids

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }


def _chunks(seq: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def logged_writes(db: sqlite3.Connection, stamps: Sequence[str]) -> dict[str, tuple]:
    """The change-log rows of those stamps that are logged, by stamp."""
    found: dict[str, tuple] = {}
    for part in _chunks(stamps):
        q = f"SELECT hlc, tbl, row_id, device, author, data, parents FROM change WHERE hlc IN ({','.join('?' * len(part))})"
        found.update((r[0], r) for r in db.execute(q, part))
    return found


def load_rows(db: sqlite3.Connection, spec: TableSpec, ids: Sequence[str]) -> dict[str, dict]:
    cols = spec.columns
    out: dict[str, dict] = {}
    for part in _chunks(ids):
        q = f"SELECT {','.join(cols)} FROM {spec.name} WHERE id IN ({','.join('?' * len(part))})"
        for r in db.execute(q, part):
            out[r[0]] = dict(zip(cols, r, strict=True))
    return out


def _db_value(v: object) -> object:
    if isinstance(v, dict):
        return _ENCODE(v)
    return v


def _new_row(cols: tuple[str, ...], maps: frozenset[str], row_id: str, w: Write) -> tuple[dict, str]:
    """A row that did not exist, made by one write: exactly what :func:`_merge_write` gives on an empty row, without
    comparing stamps field by field (the common case of an import: most rows arrive with their one insert)."""
    row = dict.fromkeys(cols)
    row["id"], row["deleted"] = row_id, False
    for f, v in w.data.items():
        if f in maps:
            row[f] = _ENCODE(v or {})
        elif isinstance(v, dict):
            row[f] = _ENCODE(v)
        else:
            row[f] = v
    row["origin_device"], row["hlc"] = w.device, w.hlc
    return row, _one_stamp_clocks(tuple(w.data), w.hlc)


_CLOCK_TEMPLATES: dict[tuple[str, ...], str] = {}


def _one_stamp_clocks(fields: tuple[str, ...], hlc: str) -> str:
    """``_ENCODE({f: hlc for f in fields} | {"_origin": hlc})`` from a cached template (field names and stamps are
    plain ASCII without quotes or backslashes, so the text is the same)."""
    tmpl = _CLOCK_TEMPLATES.get(fields)
    if tmpl is None:
        keys = sorted({*fields, "_origin"})
        tmpl = _CLOCK_TEMPLATES[fields] = "{" + ",".join(f'"{k}":"\x00"' for k in keys) + "}"
    return tmpl.replace("\x00", hlc)


def _merge_write(spec: TableSpec, row: dict, clocks: dict, w: Write) -> bool:
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
                if w.hlc in seen and not _same_write(w, seen[w.hlc]):
                    raise StampClash(w.hlc, w.tbl, w.row_id)
            result.unchanged += sum(1 for w in writes if w.hlc in seen)
            writes = [w for w in writes if w.hlc not in seen]
        # One stamp twice in a batch: the same write repeated is taken once; two different writes are refused.
        uniq: dict[str, Write] = {}
        for w in writes:
            first = uniq.setdefault(w.hlc, w)
            if first is not w and not _same(first, w):
                raise StampClash(w.hlc, w.tbl, w.row_id)
        writes = list(uniq.values())
        if not writes:
            return result
    db.executemany(
        "INSERT INTO change (hlc, tbl, row_id, device, author, data, parents) VALUES (?,?,?,?,?,?,?)",
        [w.log_row() for w in writes],
    )
    by_table: dict[str, dict[str, list[Write]]] = defaultdict(lambda: defaultdict(list))
    for w in writes:
        by_table[w.tbl][w.row_id].append(w)
    for tbl, rows in by_table.items():
        _apply_table(db, TABLES[tbl], rows, result)
    return result


def _apply_table(db: sqlite3.Connection, spec: TableSpec, rows: dict[str, list[Write]], result: ApplyResult) -> None:
    existing = load_rows(db, spec, list(rows))
    cols = spec.columns
    values = itemgetter(*cols)
    maps = frozenset(f for f, rule in spec.merge.items() if rule == "map_min")
    inserts: list[tuple] = []  # rows that did not exist: a plain INSERT is twice as fast as the upsert
    upserts: list[tuple] = []
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
            row["clocks"] = _ENCODE(clocks)  # stamps and field names: ASCII, as json.dumps(sort_keys=True) gives
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
            upserts.append(values(row))
        if changed:
            result.changed[spec.name].add(row_id)
        if before is not None or len(ws) > 1:
            recheck.append(row_id)
    placeholders = ",".join("?" * len(cols))
    if inserts:
        db.executemany(f"INSERT INTO {spec.name} ({','.join(cols)}) VALUES ({placeholders})", inserts)
    if upserts:
        updates = ",".join(f"{c}=excluded.{c}" for c in cols if c != "id")
        db.executemany(
            f"INSERT INTO {spec.name} ({','.join(cols)}) VALUES ({placeholders}) ON CONFLICT(id) DO UPDATE SET {updates}",
            upserts,
        )
    if recheck:
        rest = _settle_superseding(db, spec, rows, existing, recheck, result)
        if rest:
            result.conflicts += refresh_conflicts(db, spec, rest)


def _may_supersede(ws: list[Write], before: dict | None) -> bool:
    """One new write to an existing row that names stamps, and leaves no tombstone it does not write itself (a
    tombstone would make it an edit racing the delete): a candidate for :func:`_settle_superseding`."""
    if before is None or len(ws) != 1 or not ws[0].parents:
        return False
    return "deleted" in ws[0].data or not before["deleted"]


def _settle_superseding(
    db: sqlite3.Connection,
    spec: TableSpec,
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
    for part in _chunks(candidates, CHUNK - 1):
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


def _drop_superseded(db: sqlite3.Connection, spec: TableSpec, by_row: dict[str, Write]) -> int:
    """Delete the records each row's superseding write settles; returns how many stay open on those rows."""
    kept, gone = 0, []
    ids = list(by_row)
    for part in _chunks(ids, CHUNK - 1):
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


def row_writes(db: sqlite3.Connection, tbl: str, row_id: str) -> list[Write]:
    q = "SELECT hlc, tbl, row_id, device, author, data, parents FROM change WHERE tbl=? AND row_id=? ORDER BY hlc"
    return [Write.from_log(r) for r in db.execute(q, (tbl, row_id))]


def derive_conflicts(spec: TableSpec, row_id: str, writes: list[Write]) -> list[tuple]:
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


def refresh_conflicts(db: sqlite3.Connection, spec: TableSpec, row_ids: Sequence[str]) -> int:
    """Recompute the conflict records of some rows from the log. Returns how many are open on them now.

    The log is read row by row (one row's writes in memory at a time); a row holding more than
    :data:`MAX_ROW_WRITES` writes raises :class:`RowFlood` (a crafted bundle, not field work)."""
    total = 0
    cols = "hlc, tbl, row_id, device, author, data, parents"
    for part in _chunks(list(dict.fromkeys(row_ids)), CHUNK - 1):
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


class RowFlood(ValueError):
    """More writes to one record than field work ever makes: refused (memory stays bounded)."""

    def __init__(self, tbl: str, row_id: str) -> None:
        super().__init__(f"more than {MAX_ROW_WRITES} writes to {tbl} {row_id}")
        self.tbl, self.row_id = tbl, row_id

    def sentences(self) -> tuple[str, str]:
        return (
            f"ปฏิเสธไฟล์: มีการแก้ไขข้อมูลรายการเดียว ({self.tbl} {self.row_id}) มากกว่า {MAX_ROW_WRITES:,} ครั้ง "
            "ซึ่งการทำงานจริงไม่เกิดขึ้น (ไฟล์ผิดปกติ) ไม่มีการบันทึกข้อมูลใด",
            f"Refused: more than {MAX_ROW_WRITES:,} changes to one record ({self.tbl} {self.row_id}) — not field "
            "work, a crafted file; nothing was written",
        )


def store_conflicts(db: sqlite3.Connection, spec: TableSpec, by_row: dict[str, list[Write]]) -> int:
    """Replace the conflict records of these rows by those derived from the given writes (all of each row's writes,
    sorted by stamp: the caller has just read them from the log). Returns how many are open on them now."""
    total = 0
    ids = list(by_row)
    for part in _chunks(ids, CHUNK - 1):
        db.execute(f"DELETE FROM conflict WHERE tbl=? AND row_id IN ({','.join('?' * len(part))})", (spec.name, *part))
        recs = [rec for row_id in part for rec in derive_conflicts(spec, row_id, by_row[row_id])]
        if recs:
            db.executemany("INSERT INTO conflict VALUES (?,?,?,?,?,?,?,?,?,?)", recs)
            total += len(recs)
    return total


def rebuild_rows(db: sqlite3.Connection, tbl: str, row_ids: Iterable[str]) -> None:
    """Materialise some rows again from the change log, inside the caller's transaction: each row becomes the fold
    of the writes logged for it (none left: the row goes), and its conflict records are derived again. Used when
    writes are taken out of the log (an import undone: :mod:`.journal`); other writes to those rows stay in."""
    spec = TABLES[tbl]
    ids = list(dict.fromkeys(row_ids))
    cols = "hlc, tbl, row_id, device, author, data, parents"
    for part in _chunks(ids, CHUNK - 1):
        marks = ",".join("?" * len(part))
        db.execute(f"DELETE FROM {tbl} WHERE id IN ({marks})", part)
        db.execute(f"DELETE FROM conflict WHERE tbl=? AND row_id IN ({marks})", (tbl, *part))
        rows: dict[str, list[Write]] = defaultdict(list)
        for r in db.execute(f"SELECT {cols} FROM change WHERE tbl=? AND row_id IN ({marks})", (tbl, *part)):
            rows[r[2]].append(Write.from_log(r))
        if rows:
            _apply_table(db, spec, rows, ApplyResult())
