"""Looking things up in the demo data."""

from __future__ import annotations


def first_workshop(store) -> str:
    """The id of the earliest workshop."""
    return store.db.execute("SELECT id FROM workshop ORDER BY start_date LIMIT 1").fetchone()[0]
