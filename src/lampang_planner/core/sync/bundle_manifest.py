"""Reading a bundle file: its container (:mod:`.bundle_zip`), versions, signed manifest and payload hash are
checked before anything is parsed; :class:`Bundle` is a file that passed, whose payload is then streamed by
:mod:`.payload_reader`."""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.db import SCHEMA_HEAD, known_revisions
from lampang_planner.core.sync import keys, seal
from lampang_planner.core.sync.bundle_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_MANIFEST_BYTES,
    MEMBERS,
    PAYLOAD,
    SIGNATURE,
    SIGNATURE_BYTES,
    damaged,
    not_a_bundle,
    refusal,
)
from lampang_planner.core.sync.bundle_zip import _LOCAL, _LOCAL_SIG, layout, member_spans
from lampang_planner.core.sync.writes import Write


class ManifestFacts:
    """What a bundle's manifest says, read one way: a bundle being read (:class:`Bundle`) and one just built
    (``bundle.BuiltBundle``) both have it as ``manifest``."""

    manifest: dict

    @property
    def id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def device_id(self) -> str:
        return self.manifest["device"]["id"]

    @property
    def device_name(self) -> str:
        return self.manifest["device"].get("name", "")

    @property
    def device_role(self) -> str:
        return self.manifest["device"].get("role", "")

    @property
    def public_key(self) -> str:
        return self.manifest["device"]["public_key"]

    @property
    def changes(self) -> int:
        return self.manifest["changes"]

    @property
    def office(self) -> dict | None:
        return self.manifest.get("office")

    @property
    def is_kit(self) -> bool:
        return self.kind == "kit"

    @property
    def sealed(self) -> dict | None:
        """The manifest's ``sealed`` section: personal fields inside are encrypted to the office (None: none)."""
        return self.manifest.get("sealed")

    @property
    def protected(self) -> dict | None:
        """The manifest's ``protected`` section: the payload is encrypted under a passphrase (None: it is not)."""
        return self.manifest.get("protected")


@dataclass
class Bundle(ManifestFacts):
    """A bundle whose container, signature and payload hash have been checked (the payload is not parsed yet)."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    payload_at: tuple[int, int]  # (offset, size) in the file of the payload as stored: compressed, maybe encrypted
    passphrase: str | None = field(default=None, repr=False)  # opens a protected payload
    _protected_key: bytes | None = field(default=None, repr=False)
    box_key: object | None = field(default=None, repr=False)  # the office's X25519 private key: opens sealed fields
    # The devices whose lines this bundle may carry into the folder importing it (None: any). Set by the importer's
    # trust rules (core.sync.trust) before the payload is parsed; a line of another device is refused.
    forwardable: frozenset[str] | None = field(default=None, repr=False)

    def unlock(self, *, passphrase: str | None = None, box_key: object | None = None) -> Bundle:
        """Give the keys that open this bundle (before :meth:`writes`): a passphrase for a protected payload, the
        office's X25519 private key for sealed personal fields."""
        if passphrase is not None:
            self.passphrase = passphrase
        if box_key is not None:
            self.box_key = box_key
        return self

    def summary(self) -> dict:
        m = self.manifest
        return {
            "file": str(self.path),
            "bundle_id": self.id,
            "kind": self.kind,
            "format_version": m["format_version"],
            "schema_version": m["schema_version"],
            "device": {**m["device"], "fingerprint": keys.fingerprint(self.public_key)},
            "office": m.get("office"),
            "created_at": m["created_at"],
            "hlc": m["hlc"],
            "changes": m["changes"],
            "counts": m["counts"],
            "sealed": bool(self.sealed),
            "protected": bool(self.protected),
        }

    def iter_writes(self, *, check_only: bool = False) -> Iterator[list[Write]]:
        """The payload's writes, batch by batch, streamed from the file in bounded memory and checked line by line
        (:mod:`.payload_reader`); sealed fields are opened (the office's key must be given: :meth:`unlock`). The
        stream's totals are checked after the last batch: a consumer applies each batch inside a transaction it
        rolls back on the BundleError raised at the first bad line or at the end."""
        from lampang_planner.core.sync.payload_reader import iter_writes

        key = self._protected_key if self.protected else None
        return iter_writes(self, check_only=check_only, key=key)

    def open_protected(self) -> None:
        """Check the passphrase of a protected payload now (one streaming pass), before anything is written."""
        if self.protected and self._protected_key is None:
            from lampang_planner.core.sync.payload_reader import protected_key

            self._protected_key = protected_key(self)

    def writes(self) -> list[Write]:
        """Every write of the payload in one list (for small bundles and tests; an import streams them)."""
        self.open_protected()
        return [w for batch in self.iter_writes() for w in batch]

    def check_payload(self) -> None:
        """Every check an import makes of the payload, streamed, keeping nothing; sealed personal fields are only
        checked for shape when this folder has no key for them (``bundle verify`` on a laptop). A protected payload
        still needs its passphrase."""
        self.open_protected()
        for _batch in self.iter_writes(check_only=self.box_key is None):
            pass


def _check_manifest_shape(m: object, path: Path) -> dict:
    malformed = refusal("damaged", "ข้อมูลกำกับไฟล์ (manifest) ผิดรูปแบบ", "the bundle's manifest is malformed", path)
    if not isinstance(m, dict):
        raise malformed
    try:
        dev, pl, hlc = m["device"], m["payload"], m["hlc"]
        ok = (
            isinstance(m["bundle_id"], str)
            and m["kind"] in ("delta", "full", "kit")
            and isinstance(dev["id"], str)
            and isinstance(dev.get("name", ""), str)
            and isinstance(dev["public_key"], str)
            and isinstance(m["changes"], int)
            and isinstance(m["counts"], dict)
            and isinstance(pl["sha256"], str)
            and isinstance(pl["size"], int)
            and pl["name"] == PAYLOAD
            and isinstance(hlc, dict)
            and isinstance(m["created_at"], str)
        )
        office = m.get("office")
        if office is not None:
            ok = ok and isinstance(office, dict) and isinstance(office.get("encryption_key", ""), str)
        if m["format_version"] < 2:
            ok = ok and "sealed" not in m and "protected" not in m
        if m.get("sealed") is not None:
            seal.check_sealed_section(m["sealed"])
        if m.get("protected") is not None:
            seal.check_protected_section(m["protected"])
    except (KeyError, TypeError, seal.SealError):
        ok = False
    if not ok:
        raise malformed
    return m


def peek_manifest(path: str | os.PathLike[str]) -> dict | None:
    """The manifest of a bundle file, read cheaply (its first member) and NOT verified: for the window to ask for a
    passphrase before an import. None when the file does not start like a bundle. :func:`read_bundle` checks all."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_LOCAL.size)
            if len(head) < _LOCAL.size:
                return None
            f = _LOCAL.unpack(head)
            if f[0] != _LOCAL_SIG or f[7] > MAX_MANIFEST_BYTES:
                return None
            if fh.read(f[9]) != MANIFEST.encode("ascii"):
                return None
            fh.read(f[10])
            m = json.loads(fh.read(f[7]).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, struct.error):
        return None
    return m if isinstance(m, dict) and m.get("format") == FORMAT_NAME else None


def read_bundle(path: str | os.PathLike[str]) -> Bundle:
    """Read and check a bundle file: container, versions, signature, payload hash. Raises BundleError.

    Trust (is this device id pinned to another key?) needs a data folder: see :func:`exchange.verify_bundles`.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refusal("too-big", "ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์ข้อมูลแลกเปลี่ยน", f"the file is too large ({size} bytes)", path)
        with open(path, "rb") as fh:
            return _read_open_bundle(fh, size, path)
    except OSError as exc:
        raise refusal("unreadable", "เปิดไฟล์ไม่ได้", f"cannot read the file ({exc.strerror or exc})", path) from exc


def _read_open_bundle(fh, size: int, path: Path) -> Bundle:
    """:func:`read_bundle` on an open file: only the headers, the manifest and the signature are held in memory; the
    payload is hashed in pieces (memory stays flat whatever the file's size)."""

    def read_at(at: int, n: int) -> bytes:
        fh.seek(at)
        return fh.read(n)

    spans = member_spans(read_at, size, path)
    manifest_bytes = _manifest_bytes(read_at, spans[MANIFEST], path)
    manifest = _check_manifest_shape(_readable_manifest(manifest_bytes, path), path)
    if set(spans) != set(MEMBERS) or spans[SIGNATURE][1] > 4 * SIGNATURE_BYTES:
        raise damaged(path)
    sig_at, sig_size, sig_crc = spans[SIGNATURE]
    sig_hex = read_at(sig_at, sig_size)
    digest = _payload_digest(fh, spans[PAYLOAD], path)
    if zlib.crc32(sig_hex) != sig_crc:
        raise damaged(path)
    _check_canonical_layout(read_at, spans, size, path)
    signature = _checked_signature(sig_hex, manifest, manifest_bytes, path)
    if digest != manifest["payload"]["sha256"]:
        raise damaged(path)
    return Bundle(path, manifest, manifest_bytes, signature, spans[PAYLOAD][:2])


def _manifest_bytes(read_at, span: tuple[int, int, int], path: Path) -> bytes:
    m_at, m_size, m_crc = span
    if m_size > MAX_MANIFEST_BYTES:
        raise not_a_bundle(path)
    manifest_bytes = read_at(m_at, m_size)
    if zlib.crc32(manifest_bytes) != m_crc:
        raise damaged(path)
    return manifest_bytes


def _readable_manifest(manifest_bytes: bytes, path: Path) -> dict:
    """The manifest as JSON, of a format and a schema this version reads (its shape is checked next)."""
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise damaged(path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise not_a_bundle(path)
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise damaged(path)
    if version > FORMAT_VERSION:
        raise refusal(
            "newer-format",
            f"ไฟล์นี้สร้างด้วยโปรแกรมรุ่นใหม่กว่า (รูปแบบ {version}) กรุณาอัปเดตโปรแกรมก่อนนำเข้า",
            f"This bundle was made by a newer version (format {version}; this version reads format "
            f"{FORMAT_VERSION}). Update Lampang Planner to import it.",
            path,
        )
    needs = manifest.get("min_reader_schema")
    if not isinstance(needs, str) or not re.fullmatch(r"\d{4}", needs):
        raise damaged(path)
    if needs not in known_revisions():  # revision ids are names in a chain, not ordered numbers
        raise refusal(
            "newer-schema",
            "ไฟล์นี้ใช้โครงสร้างข้อมูลของโปรแกรมรุ่นใหม่กว่า กรุณาอัปเดตโปรแกรมก่อนนำเข้า",
            f"This bundle needs a newer data schema ({needs}; this version has {SCHEMA_HEAD}). "
            "Update Lampang Planner to import it.",
            path,
        )
    return manifest


def _payload_digest(fh, span: tuple[int, int, int], path: Path) -> str:
    """The SHA-256 of the stored payload, read in pieces; its CRC-32 must be the one its header names."""
    p_at, p_size, p_crc = span
    digest, crc = hashlib.sha256(), 0
    fh.seek(p_at)
    left = p_size
    while left > 0:
        chunk = fh.read(min(left, 1 << 20))
        if not chunk:
            raise damaged(path)
        digest.update(chunk)
        crc = zlib.crc32(chunk, crc)
        left -= len(chunk)
    if crc != p_crc:
        raise damaged(path)
    return digest.hexdigest()


def _check_canonical_layout(read_at, spans: dict[str, tuple[int, int, int]], size: int, path: Path) -> None:
    """The file must be exactly what pack() writes for these members: every header byte rebuilt and compared."""
    members = [MANIFEST, PAYLOAD, SIGNATURE]
    headers, central = layout([(name, spans[name][1], spans[name][2]) for name in members])
    for (offset, head), name in zip(headers, members, strict=True):
        if offset + len(head) != spans[name][0] or read_at(offset, len(head)) != head:
            raise damaged(path)
    sig_end = spans[SIGNATURE][0] + spans[SIGNATURE][1]
    if sig_end + len(central) != size or read_at(sig_end, len(central)) != central:
        raise damaged(path)


def _checked_signature(sig_hex: bytes, manifest: dict, manifest_bytes: bytes, path: Path) -> bytes:
    try:
        signature = bytes.fromhex(sig_hex.decode("ascii")) if len(sig_hex) == SIGNATURE_BYTES else b""
    except (UnicodeDecodeError, ValueError):
        signature = b""
    if not signature or not keys.signature_ok(manifest["device"]["public_key"], signature, manifest_bytes):
        raise refusal(
            "bad-signature",
            "ปฏิเสธไฟล์: ลายเซ็นดิจิทัลไม่ถูกต้อง (ไฟล์ถูกแก้ไขหรือเสียหาย)",
            "Refused: the digital signature does not match (the file was altered or damaged)",
            path,
        )
    return signature
