"""What the exchange modules share: file suffix, backup naming, the progress and cancel callbacks, and this
folder's own identity (its signing key, its role, its office)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.sync import keys, kits
from lampang_planner.core.thai.dates import now_lampang

BUNDLE_SUFFIX = ".lpbundle"
BACKUP_REASON = "before-import"
KEEP_IMPORT_BACKUPS = 10
APPLY_CHUNK = 5000

Progress = Callable[[str, int, int, str], None]
"""progress(phase, done, total, detail): phase "read" (detail: file name), "merge" or "export"."""
Check = Callable[[], None]
"""Raises to cancel (e.g. ``TaskControl.check``); called between steps, also inside the import transaction."""


def now_iso() -> str:
    return now_lampang().isoformat(timespec="seconds")


def nothing(*_a: object) -> None:
    return None


# --- this device ---------------------------------------------------------------------------------------------------


def device_key(store: Store):
    """This folder's Ed25519 signing key, made the first time it is needed."""
    return keys.load_or_create_device_key(store.data_dir)


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    role: str
    desk: str
    public_key: str
    office_id: str
    office_name: str
    encryption_key: str = ""  # the office's X25519 key personal fields are sealed to ("": a laptop that lacks it)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    @property
    def encrypts(self) -> bool:
        """True on a laptop whose bundles seal personal fields to its office."""
        return self.role != kits.OFFICE and bool(self.encryption_key)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "desk": self.desk,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
            "office": {"id": self.office_id, "name": self.office_name} if self.office_id else None,
            "encryption_key": self.encryption_key or None,
            "encryption_fingerprint": keys.fingerprint(self.encryption_key) if self.encryption_key else None,
        }


def identity(store: Store) -> Identity:
    pub = keys.public_hex(device_key(store).public_key())
    office_id = store.device_id if kits.is_office(store) else (store.office_device_id or "")
    return Identity(
        store.device_id,
        store.device_name,
        store.role,
        store.desk,
        pub,
        office_id,
        kits.office_name(store),
        kits.encryption_key(store),
    )


def office_box_key(store: Store):
    """The X25519 private key that opens sealed personal fields: an office's own, None elsewhere."""
    return keys.load_box_key(store.data_dir) if kits.is_office(store) else None
