"""Small questions the window and the command line ask of the data, answered here so that no SQL lives in ``ui/`` or
``commands/`` (tests/test_architecture.py checks)."""

from __future__ import annotations

import sqlite3

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError

COMPLETED_NEED_FIELDS = ("group_name", "plan_strategy", "village_name")


def workshop_has_needs(store: Store, workshop_id: str) -> bool:
    """True when the workshop has at least one live need."""
    q = "SELECT 1 FROM need WHERE workshop_id=? AND deleted=0 LIMIT 1"
    return store.db.execute(q, (workshop_id,)).fetchone() is not None


def need_values_typed(store: Store, field: str, limit: int = 500) -> list[str]:
    """The distinct values typed before in one of :data:`COMPLETED_NEED_FIELDS` of live needs, in order (the need
    form completes them as you type)."""
    if field not in COMPLETED_NEED_FIELDS:
        raise ValueError(f"no completion for need field {field!r}")
    q = f"SELECT DISTINCT {field} FROM need WHERE deleted=0 AND {field} IS NOT NULL ORDER BY {field} LIMIT ?"
    return [r[0] for r in store.db.execute(q, (limit,))]


def changes_logged(store: Store) -> int:
    """How many writes the change log holds (an import that committed raised it)."""
    return int(store.scalar("SELECT COUNT(*) FROM change") or 0)


def exports_made(store: Store) -> int:
    """How many bundles this folder has written (its bundle log's outgoing rows)."""
    return int(store.scalar("SELECT COUNT(*) FROM bundle_log WHERE direction='out'") or 0)


def open_conflicts(store: Store) -> int:
    """How many conflicts wait to be settled."""
    return int(store.scalar("SELECT COUNT(*) FROM conflict") or 0)


def workshop_exists(store: Store, workshop_id: str) -> bool:
    """True when a workshop row with this id exists (deleted or not)."""
    return store.db.execute("SELECT 1 FROM workshop WHERE id=?", (workshop_id,)).fetchone() is not None


def unknown_workshop(workshop_id: str) -> UserError:
    """The refusal of a workshop id that names no live workshop (the one wording, Thai first)."""
    return UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")


def require_live_workshop(db: sqlite3.Connection, workshop_id: str) -> None:
    """Raise :func:`unknown_workshop` unless a workshop with this id exists and is not deleted."""
    row = db.execute("SELECT deleted FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    if row is None or row[0]:
        raise unknown_workshop(workshop_id)
