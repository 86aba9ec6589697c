"""The one write path. Every change to synced data, typed on this laptop or imported from a bundle, is a ``Write``
applied here, inside the caller's transaction.

Merge rules (DESIGN.md §4), all functions of the *set* of writes seen, so order and repetition do not matter:

- a write is identified by its HLC stamp; a stamp already in the change log is ignored (idempotence);
- ordinary fields: last writer wins on the stamp (which orders by wall time, counter, device id);
- ``map_min`` fields (attendance scans): union of keys, earliest value per key;
- ``deleted`` is an ordinary field, so a tombstone beats older writes and a stale bundle never undoes it;
- conflicts are derived per row from the log: a write to a field that lost, that no later write of that field saw
  (it is not named in any write's ``parents``), with a different value, is a concurrent loser; writes to a deleted
  row that the delete did not see are edits racing the delete.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lampang_planner.core.sync.tables import TABLES, TableSpec

CHUNK = 900  # stay under SQLite's bound-parameter limit
_CONFLICT_NS = uuid.UUID("6f1c7c1e-3b1a-4c55-9f0e-52a1d2c0c001")


@dataclass(frozen=True, slots=True)
class Write:
    hlc: str
    tbl: str
    row_id: str
    device: str
    data: dict
    parents: tuple[str, ...] = ()
    author: str = ""

    def log_row(self) -> tuple:
        return (
            self.hlc,
            self.tbl,
            self.row_id,
            self.device,
            self.author,
            json.dumps(self.data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            json.dumps(list(self.parents), separators=(",", ":")),
        )

    @classmethod
    def from_log(cls, row: Sequence) -> Write:
        hlc, tbl, row_id, device, author, data, parents = row
        return cls(hlc, tbl, row_id, device, json.loads(data), tuple(json.loads(parents)), author)


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


def known_stamps(db: sqlite3.Connection, stamps: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(stamps):
        q = f"SELECT hlc FROM change WHERE hlc IN ({','.join('?' * len(part))})"
        found.update(r[0] for r in db.execute(q, part))
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
        return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return v


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
        seen = known_stamps(db, [w.hlc for w in writes])
        if seen:
            result.unchanged += sum(1 for w in writes if w.hlc in seen)
            writes = [w for w in writes if w.hlc not in seen]
        # A bundle may carry one stamp twice only if it is malformed; keep the first.
        uniq: dict[str, Write] = {}
        for w in writes:
            uniq.setdefault(w.hlc, w)
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
    upserts: list[tuple] = []
    recheck: list[str] = []
    for row_id, ws in rows.items():
        ws.sort(key=lambda w: w.hlc)
        before = existing.get(row_id)
        if before is None:
            row = dict.fromkeys(cols)
            row.update(id=row_id, deleted=False, hlc="", origin_device="")
            clocks: dict = {}
        else:
            row = dict(before)
            clocks = json.loads(row["clocks"] or "{}")
        changed = False
        for w in ws:
            changed |= _merge_write(spec, row, clocks, w)
        if spec.derive:
            spec.derive(row)
        row["clocks"] = json.dumps(clocks, sort_keys=True, separators=(",", ":"))
        row["deleted"] = bool(row["deleted"])
        if before is None:
            result.added += 1
            changed = True
        elif changed:
            if spec.model.__natural_key__:
                result.merged += 1
            else:
                result.updated += 1
        else:
            result.unchanged += 1
        if changed or row["clocks"] != (before or {}).get("clocks"):
            upserts.append(tuple(row[c] for c in cols))
        if changed:
            result.changed[spec.name].add(row_id)
        if before is not None or len(ws) > 1:
            recheck.append(row_id)
    if upserts:
        placeholders = ",".join("?" * len(cols))
        updates = ",".join(f"{c}=excluded.{c}" for c in cols if c != "id")
        db.executemany(
            f"INSERT INTO {spec.name} ({','.join(cols)}) VALUES ({placeholders}) ON CONFLICT(id) DO UPDATE SET {updates}",
            upserts,
        )
    if recheck:
        result.conflicts += refresh_conflicts(db, spec, recheck)


def row_writes(db: sqlite3.Connection, tbl: str, row_id: str) -> list[Write]:
    q = "SELECT hlc, tbl, row_id, device, author, data, parents FROM change WHERE tbl=? AND row_id=? ORDER BY hlc"
    return [Write.from_log(r) for r in db.execute(q, (tbl, row_id))]


def derive_conflicts(spec: TableSpec, row_id: str, writes: list[Write]) -> list[tuple]:
    """The conflict records of one row, as a pure function of all its writes (sorted by stamp)."""
    out: list[tuple] = []
    if len(writes) < 2:
        return out
    named = {p for w in writes for p in w.parents}
    by_field: dict[str, list[Write]] = defaultdict(list)
    for w in writes:
        for f in w.data:
            if spec.merge.get(f, "lww") == "lww":
                by_field[f].append(w)
    for f, ws in by_field.items():
        if len(ws) < 2:
            continue
        winner = ws[-1]
        for w in ws[:-1]:
            if w.hlc in named or w.data[f] == winner.data[f]:
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
    """Recompute the conflict records of some rows from the log. Returns how many are open on them now."""
    total = 0
    for row_id in row_ids:
        db.execute("DELETE FROM conflict WHERE tbl=? AND row_id=?", (spec.name, row_id))
        recs = derive_conflicts(spec, row_id, row_writes(db, spec.name, row_id))
        if recs:
            db.executemany("INSERT INTO conflict VALUES (?,?,?,?,?,?,?,?,?,?)", recs)
            total += len(recs)
    return total
