"""Device keys and the trust store.

Every data folder has an Ed25519 key pair, made the first time it is needed and kept through ``keys/device.key``
inside the data folder: in the OS keyring where one works (the file then only points there), else in the file
(PKCS#8 PEM, mode 0600) — see :mod:`.key_store`. Bundles are signed with it.

An **office** also has an X25519 key pair, its *encryption key*, kept in ``keys/office-x25519.key`` (same form): made
when the folder becomes an office or first needs it (:func:`load_box_key` with ``create``). Its public half travels
in the office's kits next to the Ed25519 key, and laptops encrypt the personal fields of their bundles to it
(:mod:`.seal`); only the office can read them. It is never made on a laptop.

The trust store (``trusted_device``) pins device ids to public keys. Trust is given, not taken (issue #13, see
:mod:`.trust` for the rules): a device gets in only by the office's enrolment (accepted with its office PIN), by the
office-signed list of enrolled devices a kit carries, or — the office itself — by the first kit a laptop is set up
from. A bundle claiming a pinned device id with another key is an impostor and is refused. This folder's own id is
pinned to its own key.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import key_store
from lampang_planner.core.thai.dates import now_lampang

KEYS_DIRNAME = "keys"
DEVICE_KEY_FILENAME = "device.key"
BOX_KEY_FILENAME = "office-x25519.key"


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_DIRNAME / DEVICE_KEY_FILENAME


def box_key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_DIRNAME / BOX_KEY_FILENAME


def public_hex(key: Ed25519PublicKey | X25519PublicKey) -> str:
    """A public key (signing or encryption) as a manifest names it: its 32 raw bytes in hex."""
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def _public_key_from_hex(text: str, kind: type, name: str):
    raw = bytes.fromhex(text)
    if len(raw) != 32:
        raise ValueError(f"an {name} public key is 32 bytes")
    return kind.from_public_bytes(raw)


def public_key_from_hex(text: str) -> Ed25519PublicKey:
    """The public key named in a manifest; ValueError when it is not 32 bytes of hex."""
    return _public_key_from_hex(text, Ed25519PublicKey, "Ed25519")


def fingerprint(public_key_hex: str) -> str:
    """A short form to show people (first 16 hex digits, in groups of four)."""
    h = public_key_hex[:16]
    return " ".join(h[i : i + 4] for i in range(0, len(h), 4))


def load_or_create_device_key(data_dir: Path) -> Ed25519PrivateKey:
    """This folder's signing key; made on first use. Safe when two processes race to make it."""
    key = _load_key(key_path(data_dir), Ed25519PrivateKey, create=True,
                    what=("กุญแจของเครื่องนี้", "this device's key"))
    assert key is not None
    return key


box_public_hex = public_hex  # an office's encryption key is named the same way


def box_public_key_from_hex(text: str) -> X25519PublicKey:
    """An office's encryption key as named in a manifest; ValueError when it is not 32 bytes of hex."""
    return _public_key_from_hex(text, X25519PublicKey, "X25519")


def load_box_key(data_dir: Path, *, create: bool = False) -> X25519PrivateKey | None:
    """This office's X25519 encryption key (None when it has none and ``create`` is False). Made at most once, safe
    when two processes race to make it; only an office makes one."""
    return _load_key(box_key_path(data_dir), X25519PrivateKey, create=create,
                     what=("กุญแจเข้ารหัสของสำนักงาน", "the office's encryption key"))


def _load_key(path: Path, kind: type, *, create: bool, what: tuple[str, str]):
    """The private key of ``kind`` in ``path`` (PEM), made first when missing and ``create``; None when missing and
    not ``create``. A file that cannot be made or read, or holds another kind of key, is a UserError."""
    th, en = what
    if not path.exists():
        if not create:
            return None
        try:
            _create_key_file(path, kind.generate())
        except OSError as exc:
            raise UserError(f"สร้าง{th}ไม่ได้: {path}", f"Cannot create {en} {path}: {exc.strerror or exc}",
                            code="bad-device-key") from exc
    try:
        key = serialization.load_pem_private_key(key_store.read_key(path), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise UserError(f"{th}เสียหาย อ่านไม่ได้: {path}",
                        f"{en[0].upper()}{en[1:]} file is damaged or unreadable: {path} ({exc})",
                        code="bad-device-key") from exc
    if not isinstance(key, kind):
        raise UserError(f"ไฟล์{th}ไม่ใช่กุญแจชนิดที่ถูกต้อง: {path}",
                        f"{en[0].upper()}{en[1:]} file holds another kind of key: {path}", code="bad-device-key")
    return key


def _create_key_file(path: Path, new_key: Ed25519PrivateKey | X25519PrivateKey) -> None:
    pem = new_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key_store.create_key(path, pem)  # the OS keyring where one works, else an owner-only file; never replaces


def sign(key: Ed25519PrivateKey, message: bytes) -> bytes:
    return key.sign(message)


def signature_ok(public_key_hex: str, signature: bytes, message: bytes) -> bool:
    try:
        public_key_from_hex(public_key_hex).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- the trust store -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrustedDevice:
    id: str
    public_key: str
    name: str
    role: str
    first_seen: str
    last_seen: str

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "public_key": self.public_key,
            "fingerprint": fingerprint(self.public_key),
            "name": self.name,
            "role": self.role,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


def trusted_devices(db: sqlite3.Connection) -> list[TrustedDevice]:
    rows = db.execute("SELECT id, public_key, name, role, first_seen, last_seen FROM trusted_device ORDER BY id")
    return [TrustedDevice(*r) for r in rows]


def pinned_key(db: sqlite3.Connection, device_id: str) -> str | None:
    row = db.execute("SELECT public_key FROM trusted_device WHERE id=?", (device_id,)).fetchone()
    return row[0] if row else None


def check_not_impostor(
    db: sqlite3.Connection, own_id: str, own_public_hex: str, device_id: str, public_key_hex: str
) -> bool:
    """Raise UserError when ``device_id`` is pinned (or is this folder) with another key. True when first seen."""
    expected = own_public_hex if device_id == own_id else pinned_key(db, device_id)
    if expected is not None and expected != public_key_hex:
        raise UserError(
            "ปฏิเสธไฟล์: ลงนามด้วยกุญแจที่ไม่ตรงกับเครื่องที่อ้างถึง (อาจเป็นเครื่องปลอม) "
            f"เครื่อง {device_id} กุญแจที่รู้จัก {fingerprint(expected)} แต่ไฟล์ใช้ {fingerprint(public_key_hex)}",
            f"Refused: the file claims to come from device {device_id}, whose known key is {fingerprint(expected)}, "
            f"but it is signed with another key ({fingerprint(public_key_hex)}) — an impostor",
            code="impostor",
        )
    return expected is None


def pin(db: sqlite3.Connection, device_id: str, public_key_hex: str, name: str, role: str) -> None:
    """Inside the caller's transaction: pin a device on first sight, or refresh its name, role and last sighting."""
    now = now_lampang().isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO trusted_device (id, public_key, name, role, first_seen, last_seen) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, role=excluded.role, last_seen=excluded.last_seen "
        "WHERE trusted_device.public_key = excluded.public_key",
        (device_id, public_key_hex, name, role, now, now),
    )
