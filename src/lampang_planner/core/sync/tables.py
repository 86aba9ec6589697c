"""What the write path knows about each synced table: its columns and how each field merges."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from lampang_planner.core.model import SYNCED_MODELS, Attendance, Synced

META_COLUMNS = ("id", "origin_device", "hlc", "deleted", "clocks")


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[Synced]
    fields: tuple[str, ...]  # fields a write may carry, "deleted" included
    merge: dict[str, str] = field(default_factory=dict)  # field → rule other than "lww"
    derived: tuple[str, ...] = ()
    derive: Callable[[dict], None] | None = None

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """All stored columns, in table order (asked of SQLAlchemy once: the write path reads it per row)."""
        return tuple(self.model.__table__.columns.keys())


def _derive_attendance(row: dict) -> None:
    scans = json.loads(row["scans"]) if row.get("scans") else {}
    if scans:
        desk, at = min(scans.items(), key=lambda kv: (kv[1], kv[0]))
        row["checked_in_at"], row["desk"] = at, desk
    else:
        row["checked_in_at"], row["desk"] = None, None


_DERIVERS: dict[type[Synced], Callable[[dict], None]] = {Attendance: _derive_attendance}


def _spec(model: type[Synced]) -> TableSpec:
    cols = tuple(model.__table__.columns.keys())
    content = tuple(c for c in cols if c not in META_COLUMNS and c not in model.__derived__)
    return TableSpec(
        name=model.__tablename__,
        model=model,
        fields=(*content, "deleted"),
        merge=dict(model.__merge__),
        derived=tuple(model.__derived__),
        derive=_DERIVERS.get(model),
    )


TABLES: dict[str, TableSpec] = {m.__tablename__: _spec(m) for m in SYNCED_MODELS}


def spec(tbl: str) -> TableSpec:
    try:
        return TABLES[tbl]
    except KeyError:
        raise ValueError(f"not a synced table: {tbl!r}") from None
