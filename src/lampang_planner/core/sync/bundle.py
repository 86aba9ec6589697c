"""The bundle file: one zip holding a signed manifest and the changes. Build, read, verify.

Layout (every member *stored*, in this order, with fixed header fields, so the file is canonical)::

    manifest.json       UTF-8 JSON: format and schema versions, bundle id, device, HLC range, counts, payload hash
    changes.jsonl.z     the writes, one JSON array per line, zlib-compressed
    signature           Ed25519 signature over the exact bytes of manifest.json, as 128 hex digits

The signature covers the manifest, the manifest names the SHA-256 of the compressed payload, and the reader rebuilds
the archive's header bytes from what it read and compares them with the file: so one altered byte *anywhere* (a
payload byte, a header's timestamp, a padding bit of the compressed stream) is refused, as are a truncated file, a
file that is not a bundle, a newer format, path tricks in member names and decompression bombs. Reading never
extracts anything to disk and never inflates more than the manifest declares (capped).

A payload line is ``[hlc, table, row_id, device, author, data, parents]`` — the change log's columns, with ``data``
an object and ``parents`` a list. The reader parses the payload once, straight into :class:`Write` records.

The payload is built in exactly one place, :func:`encode_payload`, and read in exactly one place,
:func:`parse_payload`: a per-field transformation of the writes belongs there and nowhere else.

**Format versions.** Format 1: the above, in clear. Format 2 (issue #8) adds two optional layers, described in the
signed manifest (see :mod:`.seal` for the cryptography and what counts as personal):

- ``"sealed"``: the personal fields of the writes are sealed to the office's X25519 key (a laptop's bundle, once
  its kit told it the office's key). A line with personal fields carries them as ``data["~"] = "field,…:token"``;
  only the office opens them, and a line whose fields were opened never reuses the sealed text for the change log.
  A folder without the office's private key refuses such a bundle (``not-office``), before anything is written;
- ``"protected"``: the compressed payload is encrypted under a passphrase (scrypt; optional, for kits). Without the
  passphrase the import is refused (``passphrase-needed``), with a wrong one too (``bad-passphrase``).

A bundle that uses neither is written as format 1, byte for byte what the previous version wrote, so a laptop one
version behind still reads the office's clear kits; a format-1 bundle from before still imports here.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from lampang_planner import __version__
from lampang_planner.core import atomic
from lampang_planner.core.db import SCHEMA_HEAD
from lampang_planner.core.errors import UserError
from lampang_planner.core.schema import uuid7
from lampang_planner.core.sync import keys, seal

# Every name below stays importable from here (the modules each hold one part of the file).
from lampang_planner.core.sync.bundle_format import (  # noqa: F401
    CLEAR_FORMAT_VERSION,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_PAYLOAD_BYTES,
    MAX_RATIO,
    MEMBERS,
    PAYLOAD,
    SIGNATURE,
    SIGNATURE_BYTES,
    BundleError,
)
from lampang_planner.core.sync.bundle_format import refusal as _err  # noqa: F401
from lampang_planner.core.sync.bundle_manifest import Bundle, ManifestFacts, peek_manifest, read_bundle  # noqa: F401
from lampang_planner.core.sync.bundle_payload import (  # noqa: F401
    _ENCODE,
    _ENCODE_FAST,
    _ENCODE_STAMPS,
    _PLAIN,
    _STAMP,
    _STAMP_PREFIX,
    SEALED,
    STAMP_PREFIX,
    Payload,
    clear_personal_refused,
    encode_payload,
    is_stamp,
    payload_line,
)
from lampang_planner.core.sync.bundle_zip import ReadAt, pack, unpack  # noqa: F401
from lampang_planner.core.sync.writes import Write  # noqa: F401
from lampang_planner.core.thai.dates import now_lampang

# The newest schema revision that changed a synced table (what a payload's writes may name). A reader that knows this
# revision reads the bundle even when the writer's own schema is newer (0002 only added local bookkeeping). Set it to
# your revision with any migration that adds or changes a synced table or field (0005: proposals and the plan;
# 0007: person.address and workshop.pays_allowances, from ID cards; 0004, after 0007 and 0006 in the chain: sessions,
# attendance per session with kinds and keyed_by).
PAYLOAD_SCHEMA = "0004"


@dataclass(frozen=True)
class BuiltBundle(ManifestFacts):
    """A bundle just written at ``path``, and its manifest."""

    path: Path
    manifest: dict


def build_bundle(
    out: str | os.PathLike[str],
    rows: Iterable[tuple[str, str, str, str, str, str, str]],
    *,
    key,
    device: dict,
    kind: str,
    office: dict | None = None,
    bundle_id: str | None = None,
    progress: Callable[[int], None] | None = None,
    seal_to: dict | None = None,
    passphrase: str | None = None,
    refuse_personal: bool = False,
    extra: dict | None = None,
) -> BuiltBundle:
    """Write a bundle of change-log rows ``(hlc, tbl, row_id, device, author, data_json, parents_json)``.

    ``device`` is ``{"id", "name", "role"}`` of the signer; ``key`` its Ed25519 private key. ``seal_to``
    (``{"id", "encryption_key"}`` of an office) seals personal fields to that office; ``passphrase`` protects the
    whole payload; ``refuse_personal``: see :func:`encode_payload`. A bundle that ends up using neither layer is
    written as format 1. The file appears atomically (written beside, flushed, renamed).
    """
    out = Path(out)
    bundle_id = bundle_id or str(uuid7())
    if passphrase is not None:
        _check_passphrase(passphrase)
    sealer = _sealer(seal_to, bundle_id) if seal_to is not None else None
    payload = encode_payload(rows, progress, sealer=sealer, refuse_personal=refuse_personal and passphrase is None)
    blob = zlib.compress(payload.raw, 6)
    protected = None
    if passphrase is not None:
        blob, protected = seal.protect(blob, passphrase, bundle_id)
    sealed = sealer.section() if sealer is not None and payload.sealed_lines else None
    version = FORMAT_VERSION if (sealed or protected) else CLEAR_FORMAT_VERSION
    manifest = _manifest(bundle_id, kind, version, device, key, office, payload, blob)
    manifest.update(extra or {})
    if sealed:
        manifest["sealed"] = sealed
    if protected:
        manifest["protected"] = protected
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    signature = keys.sign(key, manifest_bytes).hex().encode("ascii")
    data = pack(((MANIFEST, manifest_bytes), (PAYLOAD, blob), (SIGNATURE, signature)))
    if len(data) > MAX_FILE_BYTES:
        raise UserError(
            "ข้อมูลมากเกินกว่าจะใส่ในไฟล์เดียว", f"Too much data for one bundle file ({len(data)} bytes)", code="too-big"
        )
    write_atomically(out, data)
    return BuiltBundle(out, manifest)


def _check_passphrase(passphrase: str) -> None:
    try:
        seal.check_passphrase(passphrase)
    except seal.SealError:
        raise UserError(
            f"รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย {seal.MIN_PASSPHRASE} ตัวอักษร",
            f"The passphrase is too short: at least {seal.MIN_PASSPHRASE} characters",
            code="weak-passphrase",
        ) from None


def _sealer(seal_to: dict, bundle_id: str) -> seal.Sealer:
    """What seals the personal fields to the office ``seal_to`` (``{"id", "encryption_key"}``)."""
    try:
        return seal.Sealer(seal_to["id"], seal_to["encryption_key"], bundle_id)
    except seal.SealError:
        raise UserError(
            "กุญแจเข้ารหัสของสำนักงานที่บันทึกไว้ใช้ไม่ได้ กรุณานำเข้าชุดข้อมูลตั้งต้นจากสำนักงานอีกครั้ง",
            "The office encryption key on record is not usable; import the office's kit again",
            code="bad-office-key",
        ) from None


def _manifest(
    bundle_id: str, kind: str, version: int, device: dict, key, office: dict | None, payload: Payload, blob: bytes
) -> dict:
    """The manifest's common part; the caller adds the sealed/protected sections."""
    return {
        "format": FORMAT_NAME,
        "format_version": version,
        "schema_version": SCHEMA_HEAD,
        "min_reader_schema": PAYLOAD_SCHEMA,
        "app_version": __version__,
        "bundle_id": bundle_id,
        "kind": kind,
        "device": {
            "id": device["id"],
            "name": device.get("name", ""),
            "role": device.get("role", ""),
            "public_key": keys.public_hex(key.public_key()),
        },
        "office": office,
        "created_at": now_lampang().isoformat(timespec="seconds"),
        "hlc": {"min": payload.hlc_min, "max": payload.hlc_max},
        "changes": payload.changes,
        "counts": payload.counts,
        "payload": {
            "name": PAYLOAD,
            "compression": "zlib",
            "size": len(payload.raw),
            "stored_size": len(blob),
            "sha256": hashlib.sha256(blob).hexdigest(),
        },
    }


def write_atomically(out: Path, data: bytes) -> None:
    """All of the bundle or nothing, through the project's one helper (a full disk is told as such)."""
    atomic.write_atomically(out, data)
