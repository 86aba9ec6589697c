"""What the write path knows about each synced table: its :class:`~lampang_planner.core.schema.SyncedTable` (columns,
the fields a write may carry, how each merges, what is derived), by name."""

from __future__ import annotations

from lampang_planner.core.schema import META_COLUMNS, SCHEMA, SyncedTable

__all__ = ["META_COLUMNS", "TABLES", "spec"]

TABLES: dict[str, SyncedTable] = SCHEMA


def spec(tbl: str) -> SyncedTable:
    try:
        return TABLES[tbl]
    except KeyError:
        raise ValueError(f"not a synced table: {tbl!r}") from None
