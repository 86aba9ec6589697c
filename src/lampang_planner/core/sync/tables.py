"""What the write path knows about each synced table: its columns and how each field merges."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from lampang_planner.core.schema import META_COLUMNS, SYNCED_TABLES, SyncedTable, first_session_id

__all__ = ["META_COLUMNS", "TABLES", "TableSpec", "spec"]


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]  # all stored columns, in table order
    fields: tuple[str, ...]  # fields a write may carry, "deleted" included
    merge: dict[str, str] = field(default_factory=dict)  # field → rule other than "lww"
    derived: tuple[str, ...] = ()
    natural_key: tuple[str, ...] = ()
    references: dict[str, str] = field(default_factory=dict)  # field → reference table (district, subdistrict)
    derive: Callable[[dict], None] | None = None


# uuid5 per attendance row was a tenth of an import's merge CPU; an import meets a few workshops
_first_session_id = functools.lru_cache(maxsize=256)(first_session_id)


def _derive_attendance(row: dict) -> None:
    scans = json.loads(row["scans"]) if row.get("scans") else {}
    if scans:
        desk, at = min(scans.items(), key=lambda kv: (kv[1], kv[0]))
        row["checked_in_at"], row["desk"] = at, desk
    else:
        row["checked_in_at"], row["desk"] = None, None
    if not row.get("session_id") and row.get("workshop_id"):
        row["session_id"] = _first_session_id(row["workshop_id"])  # written before sessions existed


_DERIVERS: dict[str, Callable[[dict], None]] = {"attendance": _derive_attendance}


def _spec(t: SyncedTable) -> TableSpec:
    content = tuple(c for c in t.content if c not in t.derived)
    return TableSpec(
        name=t.name,
        columns=t.columns,
        fields=(*content, "deleted"),
        merge=dict(t.merge),
        derived=t.derived,
        natural_key=t.natural_key,
        references=dict(t.references),
        derive=_DERIVERS.get(t.name),
    )


TABLES: dict[str, TableSpec] = {t.name: _spec(t) for t in SYNCED_TABLES}


def spec(tbl: str) -> TableSpec:
    try:
        return TABLES[tbl]
    except KeyError:
        raise ValueError(f"not a synced table: {tbl!r}") from None
