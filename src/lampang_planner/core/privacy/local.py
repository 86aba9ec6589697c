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
    return store.get_setting(key)


def set_setting(store: Store, key: str, value: str | None) -> None:
    """Store (or with None remove) one setting, atomically, under the store's write lock."""
    store.set_setting(key, value)
