"""Folder roles and kits.

A data folder is an **office** or a **field laptop** of one office (``device.role``, ``device.office_device_id``).
``demo`` makes an office; :func:`set_role` sets the role of a folder that holds no data yet; a folder that is not an
office and has no office yet becomes a laptop of the office whose **kit** it imports (the first kit wins; a kit from
another office is refused afterwards).

A kit is a full export from an office (``bundle export --full`` on an office folder), optionally limited to some
workshops: those workshops, the people invited to or attending them with their invitations and attendance, the
needs raised there, and the province-wide draft resolutions with their clauses and the need categories. It is signed
by the office's key, and its manifest names the office (id, name, public key) so the laptop pins that key: later kits
claiming to come from that office with another key are refused as impostors.

The manifest's office section also carries the office's X25519 **encryption key** (``encryption_key``; made when
the folder becomes an office or first needs it, :func:`.keys.load_box_key`). A laptop records it (in its ``setting``
table, :data:`OFFICE_KEY_SETTING`, in the import's transaction) from every bundle its office signed, and seals the
personal fields of its own bundles to it (:mod:`.seal`). A laptop that adopted its office from an older kit, without
that key, learns it from the next kit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from lampang_planner.core.db import Store, write_setting
from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import keys
from lampang_planner.core.vocabulary import DeviceRole

OFFICE = DeviceRole.OFFICE.value
LAPTOP = DeviceRole.LAPTOP.value
LOG_COLUMNS = "hlc, tbl, row_id, device, author, data, parents"
OFFICE_KEY_SETTING = "sync/office_encryption_key"  # on a laptop: {"office_id", "public_key"} (X25519, hex)
_CHUNK = 900


def is_office(store: Store) -> bool:
    return store.role == OFFICE


def set_role(store: Store, role: str) -> None:
    """Make this folder an office or a field laptop. Only while it has no data and belongs to no office."""
    if role not in (OFFICE, LAPTOP):
        raise UserError(f"บทบาทไม่ถูกต้อง: {role}", f"Unknown role {role!r} (office or laptop)", code="bad-role")
    if role == store.role:
        return
    if store.office_device_id:
        raise UserError(
            "เครื่องนี้เป็นเครื่องภาคสนามของสำนักงานแล้ว เปลี่ยนบทบาทไม่ได้",
            "This folder is already a field laptop of an office; its role cannot change",
            code="role-fixed",
        )
    if not store.is_empty():
        raise UserError(
            "เปลี่ยนบทบาทได้เฉพาะโฟลเดอร์ที่ยังไม่มีข้อมูล",
            "The role can only be chosen while the data folder is still empty",
            code="role-fixed",
        )
    store.set_device(role=role)
    if role == OFFICE:
        keys.load_box_key(store.data_dir, create=True)


def encryption_key(store: Store) -> str:
    """The X25519 public key (hex) personal fields are sealed to: an office's own (made on first need), a laptop's
    office's as recorded from its kit; "" when a laptop does not know it (no office yet, or an office kit from before
    encryption keys)."""
    if is_office(store):
        key = keys.load_box_key(store.data_dir, create=True)
        assert key is not None
        return keys.box_public_hex(key.public_key())
    if not store.office_device_id:
        return ""
    raw = store.get_setting(OFFICE_KEY_SETTING)
    try:
        rec = json.loads(raw) if raw else {}
    except ValueError:
        return ""
    if not isinstance(rec, dict) or rec.get("office_id") != store.office_device_id:
        return ""
    return str(rec.get("public_key") or "")


def record_encryption_key(db: sqlite3.Connection, office_id: str, public_key_hex: str) -> None:
    """Inside the caller's (import) transaction: remember the encryption key of this laptop's office."""
    write_setting(db, OFFICE_KEY_SETTING, json.dumps({"office_id": office_id, "public_key": public_key_hex}))


def office_section(store: Store, own_public_key: str) -> dict | None:
    """The ``office`` a bundle from this folder names: this folder when it is an office, else its office (if any);
    with the office's encryption key when known."""
    if is_office(store):
        return {"id": store.device_id, "name": store.device_name, "public_key": own_public_key,
                "encryption_key": encryption_key(store)}
    if store.office_device_id:
        row = store.db.execute(
            "SELECT name, public_key FROM trusted_device WHERE id=?", (store.office_device_id,)
        ).fetchone()
        if row:
            out = {"id": store.office_device_id, "name": row[0], "public_key": row[1]}
            enc = encryption_key(store)
            if enc:
                out["encryption_key"] = enc
            return out
    return None


def office_name(store: Store) -> str:
    """The display name of this folder's office ("" when it has none)."""
    if is_office(store):
        return store.device_name
    if not store.office_device_id:
        return ""
    return str(store.scalar("SELECT name FROM trusted_device WHERE id=?", (store.office_device_id,)) or "")


# --- what a kit carries --------------------------------------------------------------------------------------------


def _ids(db: sqlite3.Connection, sql: str, keys: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(keys), _CHUNK):
        part = keys[i : i + _CHUNK]
        out.update(r[0] for r in db.execute(sql.format(marks=",".join("?" * len(part))), part))
    return out


def kit_row_ids(db: sqlite3.Connection, workshop_ids: Iterable[str]) -> dict[str, set[str]]:
    """The synced rows (table → ids) a kit for these workshops carries."""
    ws = sorted(set(workshop_ids))
    rows: dict[str, set[str]] = {"workshop": set(ws)}
    for tbl in ("session", "invitation", "attendance", "need", "amendment", "vote"):
        rows[tbl] = _ids(db, f"SELECT id FROM {tbl} WHERE workshop_id IN ({{marks}})", ws)
    rows["person"] = _ids(db, "SELECT person_id FROM invitation WHERE workshop_id IN ({marks})", ws) | _ids(
        db, "SELECT person_id FROM attendance WHERE workshop_id IN ({marks})", ws
    )
    rows["person"].discard(None)
    # People merged into those people stay resolvable (old badges), and the people they were merged into.
    merged = _ids(db, "SELECT id FROM person WHERE merged_into IN ({marks})", sorted(rows["person"]))
    targets = _ids(db, "SELECT merged_into FROM person WHERE id IN ({marks}) AND merged_into IS NOT NULL",
                   sorted(rows["person"]))
    rows["person"] |= merged | targets
    rows["need_status_change"] = _ids(db, "SELECT id FROM need_status_change WHERE need_id IN ({marks})",
                                      sorted(rows["need"]))
    rows["ballot"] = _ids(db, "SELECT id FROM ballot WHERE vote_id IN ({marks})", sorted(rows["vote"]))
    for tbl in ("resolution", "clause", "clause_version", "need_category"):
        rows[tbl] = {r[0] for r in db.execute(f"SELECT id FROM {tbl}")}
    return rows


def kit_changes(db: sqlite3.Connection, workshop_ids: Iterable[str], upto_rowid: int) -> list[tuple]:
    """Every logged write (stamp order) of the rows a kit for these workshops carries, up to a change-log rowid."""
    out: list[tuple] = []
    for tbl, ids in kit_row_ids(db, workshop_ids).items():
        keys = sorted(ids)
        for i in range(0, len(keys), _CHUNK):
            part = keys[i : i + _CHUNK]
            out += db.execute(
                f"SELECT {LOG_COLUMNS} FROM change WHERE tbl=? AND rowid<=? AND row_id IN ({','.join('?' * len(part))})",
                [tbl, upto_rowid, *part],
            ).fetchall()
    out.sort(key=lambda r: r[0])
    return out


def unknown_workshops(db: sqlite3.Connection, workshop_ids: Iterable[str]) -> list[str]:
    ids = sorted(set(workshop_ids))
    found = _ids(db, "SELECT id FROM workshop WHERE deleted=0 AND id IN ({marks})", ids)
    return [w for w in ids if w not in found]
