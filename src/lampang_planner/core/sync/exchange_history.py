"""The bundles exported and imported here, and forgetting a device's pinned key."""

from __future__ import annotations

import json
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError

# --- history and trust ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogRow:
    bundle_id: str
    direction: str
    kind: str
    device_id: str
    device_name: str
    created_at: str
    done_at: str
    changes: int
    file_name: str
    report: dict

    def as_json(self) -> dict:
        return {
            "bundle_id": self.bundle_id,
            "direction": self.direction,
            "kind": self.kind,
            "device": {"id": self.device_id, "name": self.device_name},
            "created_at": self.created_at,
            "done_at": self.done_at,
            "changes": self.changes,
            "file": self.file_name,
            "report": self.report,
        }


def history(store: Store, limit: int = 500) -> list[LogRow]:
    """Bundles exported and imported here, newest first."""
    q = (
        "SELECT b.id, b.direction, b.kind, b.device_id, COALESCE(t.name, CASE WHEN b.device_id=d.id THEN d.name END, ''),"
        " b.created_at, b.done_at, b.changes, b.file_name, b.report FROM bundle_log b"
        " LEFT JOIN trusted_device t ON t.id=b.device_id CROSS JOIN device d ORDER BY b.done_at DESC, b.id DESC LIMIT ?"
    )
    out = []
    for r in store.db.execute(q, (limit,)):
        try:
            rep = json.loads(r[9] or "{}")
        except ValueError:
            rep = {}
        out.append(LogRow(*r[:9], rep))
    return out


def forget_device(store: Store, device_id: str) -> bool:
    """Drop a device's pinned key (after it was reinstalled with a new key, say). Its data stays."""
    if device_id == store.device_id:
        raise UserError("ลืมกุญแจของเครื่องนี้เองไม่ได้", "This folder's own key cannot be forgotten", code="bad-option")
    if device_id == store.office_device_id:
        raise UserError(
            "ลืมกุญแจของสำนักงานของเครื่องนี้ไม่ได้",
            "The key of this laptop's office cannot be forgotten",
            code="bad-option",
        )
    with store.transaction() as tx:
        n = tx.db.execute("DELETE FROM trusted_device WHERE id=?", (device_id,)).rowcount
    return n > 0
