"""Local settings of this data folder kept in the ``setting`` table (never synced, never in the digest)."""

from __future__ import annotations

from lampang_planner.core.db import Store

OFFICE_PIN = "privacy/office_pin"
"""JSON: the office PIN's scrypt parameters, salt and hash (see :mod:`.pin`)."""
OPERATOR = "privacy/operator"
"""The signed-in name written on every change made here (see :mod:`.operator`)."""
CONTACT = "privacy/contact"
"""Who people contact about their data, as printed in the notice (see :mod:`.notice`)."""


def get_setting(store: Store, key: str) -> str | None:
    row = store.db.execute("SELECT value FROM setting WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def set_setting(store: Store, key: str, value: str | None) -> None:
    """Store (or with None remove) one setting, atomically, under the store's write lock."""
    with store._lock:  # the connection is shared with the write path: never interleave with an open transaction
        store.db.execute("BEGIN IMMEDIATE")
        try:
            if value is None:
                store.db.execute("DELETE FROM setting WHERE key=?", (key,))
            else:
                store.db.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )
        except BaseException:
            store.db.execute("ROLLBACK")
            raise
        store.db.execute("COMMIT")
