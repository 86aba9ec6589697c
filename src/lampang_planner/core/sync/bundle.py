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

import datetime as dt
import hashlib
import json
import os
import re
import struct
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner import __version__
from lampang_planner.core import atomic
from lampang_planner.core.db import SCHEMA_HEAD, known_revisions
from lampang_planner.core.errors import UserError
from lampang_planner.core.schema import uuid7
from lampang_planner.core.sync import keys, seal
from lampang_planner.core.sync.apply import Write

FORMAT_NAME = "lampang-planner-bundle"
FORMAT_VERSION = 2  # the newest format this version reads and writes (2: sealed personal fields, passphrase)
CLEAR_FORMAT_VERSION = 1  # what a bundle that uses neither is written as (the previous version reads it)
# The newest schema revision that changed a synced table (what a payload's writes may name). A reader that knows this
# revision reads the bundle even when the writer's own schema is newer (0002 only added local bookkeeping). Set it to
# your revision with any migration that adds or changes a synced table or field (0005: proposals and the plan;
# 0007: person.address and workshop.pays_allowances, from ID cards; 0004, after 0007 and 0006 in the chain: sessions,
# attendance per session with kinds and keyed_by).
PAYLOAD_SCHEMA = "0004"

MANIFEST = "manifest.json"
PAYLOAD = "changes.jsonl.z"
SIGNATURE = "signature"
MEMBERS = (MANIFEST, PAYLOAD, SIGNATURE)

MAX_FILE_BYTES = 1 << 30  # 1 GiB on disk
MAX_MANIFEST_BYTES = 1 << 20
MAX_PAYLOAD_BYTES = 1 << 30  # inflated
MAX_RATIO = 200  # inflated / compressed; JSON lines of this data compress 5–20×
MAX_MEMBERS = 16
SIGNATURE_BYTES = 128  # hex of a 64-byte Ed25519 signature

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: stored members, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_ATTRS = 0o100644 << 16

_STAMP = re.compile(r"\d{14}\.[0-9a-f]{4}\.([0-9A-Za-z_-]{1,64})")
_PLAIN = frozenset((str, int, float, bool, type(None)))  # JSON scalars (exact types, as json.loads gives them)
_STAMP_PREFIX = 20  # "wwwwwwwwwwwwww.cccc." before the device id in a stamp
STAMP_PREFIX = _STAMP_PREFIX


def is_stamp(text: str) -> bool:
    """True when ``text`` is a well-formed HLC stamp as a bundle may carry it."""
    return _STAMP.fullmatch(text) is not None
# As the write path stores ``change.data`` (writes.ENCODE): a re-encoded line keeps the log's exact text form.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ENCODE_STAMPS = json.JSONEncoder(separators=(",", ":")).encode  # json.dumps(…, separators) without its set-up
SEALED = seal.SEAL_KEY


def _fast_encoder() -> Callable[[dict, int], Iterable[str]]:
    """``_ENCODE`` without rebuilding the C encoder on every call (json.JSONEncoder.encode does): a third faster for
    the small objects of opened lines. Checked against ``_ENCODE`` once; the pure-Python form where there is no C."""
    try:
        from json.encoder import c_make_encoder, encode_basestring

        def refuse(o: object) -> None:
            raise TypeError(f"not JSON: {type(o).__name__}")

        enc = c_make_encoder(None, refuse, encode_basestring, None, ":", ",", True, False, True)
        sample = {"b": "ชื่อ \"x\"\n", "a": 1.5, "c": None, "d": True, "e": -3, "f": {"z": "1", "y": "2"}}
        if "".join(enc(sample, 0)) == _ENCODE(sample):
            return enc
    except (ImportError, TypeError):
        pass
    return lambda obj, _level: (_ENCODE(obj),)


_ENCODE_FAST = _fast_encoder()


class BundleError(UserError):
    """A file refused before anything was written. ``code`` says why (see the module docstring)."""


def _err(code: str, th: str, en: str, path: Path | None = None) -> BundleError:
    if path is not None:
        th, en = f"{path.name}: {th}", f"{path.name}: {en}"
    return BundleError(th, en, code=code)


# --- the zip container --------------------------------------------------------------------------------------------


def pack(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A canonical zip of stored members: fixed dates, attributes and versions, no extras, no comment."""
    body, central = bytearray(), bytearray()
    n = 0
    for name, data in members:
        raw = name.encode("ascii")
        crc = zlib.crc32(data)
        offset = len(body)
        body += _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, 0, 0, _DOS_DATE, crc, len(data), len(data), len(raw), 0)
        body += raw
        body += data
        central += _CENTRAL.pack(
            _CENTRAL_SIG, _MADE_BY, _VERSION, 0, 0, 0, _DOS_DATE, crc, len(data), len(data), len(raw), 0, 0, 0, 0,
            _ATTRS, offset,
        )  # fmt: skip
        central += raw
        n += 1
    end = _END.pack(_END_SIG, 0, 0, n, n, len(central), len(body), 0)
    return bytes(body + central + end)


def _safe_name(name: str) -> bool:
    if not name or len(name) > 255 or name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return False
    if any(ord(c) < 32 for c in name):
        return False
    parts = re.split(r"[/\\]", name)
    return ".." not in parts


def unpack(blob: bytes, path: Path | None = None) -> dict[str, bytes]:
    """The members of a bundle container held in memory, after checking its structure. Raises BundleError."""
    out = {}
    for name, (start, size, crc) in _entries(lambda at, n: blob[at : at + n], len(blob), path).items():
        data = blob[start : start + size]
        if zlib.crc32(data) != crc:
            raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)
        out[name] = data
    return out


ReadAt = Callable[[int, int], bytes]


def _entries(read_at: ReadAt, size: int, path: Path | None) -> dict[str, tuple[int, int, int]]:
    """Check a bundle container's structure by reading only its headers (``read_at(offset, n)``): member name →
    (offset of its data, size, CRC-32). The data itself is not read (a file's payload is streamed later)."""
    head = read_at(0, 4)
    if len(head) < 4 or head != b"PK\x03\x04":
        if size == 0:
            raise _err("not-a-bundle", "ไฟล์ว่างเปล่า ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน", "the file is empty, not a bundle", path)
        raise _err("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยนของโปรแกรมนี้", "not a Lampang Planner bundle", path)
    end_at = size - _END.size
    end = read_at(end_at, _END.size) if end_at >= 0 else b""
    if end[:4] != b"PK\x05\x06":
        tail_at = max(0, size - 65557)
        if read_at(tail_at, size - tail_at).rfind(b"PK\x05\x06") >= 0:
            raise _err("not-a-bundle", "เป็นไฟล์ zip แต่ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน", "a zip file, but not a bundle", path)
        raise _err(
            "truncated",
            "ไฟล์ไม่สมบูรณ์ (ถูกตัดหรือคัดลอกไม่ครบ)",
            "the file is incomplete (truncated or not fully copied)",
            path,
        )
    _sig, disk, cd_disk, n_here, n, cd_size, cd_offset, comment = _END.unpack(end)
    damaged = _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)
    if disk or cd_disk or n_here != n or comment or cd_offset + cd_size != end_at:
        raise damaged
    if n > MAX_MEMBERS:
        raise _err("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน (มีไฟล์ภายในมากเกินไป)", "not a bundle (too many members)", path)
    if cd_size > MAX_MEMBERS * (_CENTRAL.size + 255 + 2 * 65535):
        raise damaged
    cd = read_at(cd_offset, cd_size)
    entries = []
    pos = 0
    for _ in range(n):
        if pos + _CENTRAL.size > cd_size:
            raise damaged
        f = _CENTRAL.unpack_from(cd, pos)
        if f[0] != _CENTRAL_SIG:
            raise damaged
        method, crc, csize, usize, nlen, xlen, clen, offset = f[4], f[7], f[8], f[9], f[10], f[11], f[12], f[16]
        name = cd[pos + _CENTRAL.size : pos + _CENTRAL.size + nlen].decode("utf-8", "replace")
        entries.append((name, method, crc, csize, usize, offset, f[3]))
        pos += _CENTRAL.size + nlen + xlen + clen
    if pos != cd_size:
        raise damaged
    names = [e[0] for e in entries]
    tricks = [nm for nm in names if not _safe_name(nm)]
    if tricks:
        raise _err(
            "path-trick",
            f"ปฏิเสธไฟล์: มีชื่อไฟล์ภายในที่อันตราย ({tricks[0]!r})",
            f"Refused: the archive holds a dangerous member name ({tricks[0]!r})",
            path,
        )
    for name, _method, _crc, csize, usize, _offset, _flags in entries:
        if usize > MAX_PAYLOAD_BYTES or (usize > (1 << 20) and usize > MAX_RATIO * max(csize, 1)):
            raise _err(
                "bomb",
                f"ปฏิเสธไฟล์: ข้อมูลภายในขยายตัวผิดปกติ ({name})",
                f"Refused: a member inflates to an unreasonable size ({name}: {usize} bytes) — a decompression bomb",
                path,
            )
    if MANIFEST not in names or set(names) - set(MEMBERS):
        raise _err("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยนของโปรแกรมนี้", "not a Lampang Planner bundle", path)
    if len(set(names)) != len(names):
        raise damaged
    out: dict[str, tuple[int, int, int]] = {}
    for name, method, crc, csize, usize, offset, flags in entries:
        if method != 0 or flags != 0 or csize != usize:
            raise damaged
        if offset + _LOCAL.size > cd_offset:
            raise damaged
        lf = _LOCAL.unpack(read_at(offset, _LOCAL.size))
        nlen, xlen = lf[9], lf[10]
        start = offset + _LOCAL.size + nlen + xlen
        if lf[0] != _LOCAL_SIG or start + csize > cd_offset:
            raise damaged
        out[name] = (start, csize, crc)
    return out


def _layout(members: list[tuple[str, int, int]]) -> tuple[list[tuple[int, bytes]], bytes]:
    """What :func:`pack` writes around the data of members (name, size, CRC-32), without the data: each local
    header with its offset, and the central directory with the end record."""
    headers, central = [], bytearray()
    offset = 0
    for name, size, crc in members:
        raw = name.encode("ascii")
        headers.append((offset, _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, 0, 0, _DOS_DATE, crc, size, size, len(raw), 0)
                        + raw))
        central += _CENTRAL.pack(
            _CENTRAL_SIG, _MADE_BY, _VERSION, 0, 0, 0, _DOS_DATE, crc, size, size, len(raw), 0, 0, 0, 0, _ATTRS, offset,
        )  # fmt: skip
        central += raw
        offset += _LOCAL.size + len(raw) + size
    end = _END.pack(_END_SIG, 0, 0, len(members), len(members), len(central), offset, 0)
    return headers, bytes(central) + end


# --- manifest and payload -----------------------------------------------------------------------------------------


@dataclass
class Bundle:
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
    damaged = _err("damaged", "ข้อมูลกำกับไฟล์ (manifest) ผิดรูปแบบ", "the bundle's manifest is malformed", path)
    if not isinstance(m, dict):
        raise damaged
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
        raise damaged
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
            raise _err("too-big", "ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์ข้อมูลแลกเปลี่ยน", f"the file is too large ({size} bytes)", path)
        with open(path, "rb") as fh:
            return _read_open_bundle(fh, size, path)
    except OSError as exc:
        raise _err("unreadable", "เปิดไฟล์ไม่ได้", f"cannot read the file ({exc.strerror or exc})", path) from exc


def _read_open_bundle(fh, size: int, path: Path) -> Bundle:
    """:func:`read_bundle` on an open file: only the headers, the manifest and the signature are held in memory; the
    payload is hashed in pieces (memory stays flat whatever the file's size)."""

    def read_at(at: int, n: int) -> bytes:
        fh.seek(at)
        return fh.read(n)

    damaged = _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)
    entries = _entries(read_at, size, path)
    m_at, m_size, m_crc = entries[MANIFEST]
    if m_size > MAX_MANIFEST_BYTES:
        raise _err("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยนของโปรแกรมนี้", "not a Lampang Planner bundle", path)
    manifest_bytes = read_at(m_at, m_size)
    if zlib.crc32(manifest_bytes) != m_crc:
        raise damaged
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _err("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยนของโปรแกรมนี้", "not a Lampang Planner bundle", path)
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)
    if version > FORMAT_VERSION:
        raise _err(
            "newer-format",
            f"ไฟล์นี้สร้างด้วยโปรแกรมรุ่นใหม่กว่า (รูปแบบ {version}) กรุณาอัปเดตโปรแกรมก่อนนำเข้า",
            f"This bundle was made by a newer version (format {version}; this version reads format "
            f"{FORMAT_VERSION}). Update Lampang Planner to import it.",
            path,
        )
    needs = manifest.get("min_reader_schema")
    if not isinstance(needs, str) or not re.fullmatch(r"\d{4}", needs):
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)
    if needs not in known_revisions():  # revision ids are names in a chain, not ordered numbers
        raise _err(
            "newer-schema",
            "ไฟล์นี้ใช้โครงสร้างข้อมูลของโปรแกรมรุ่นใหม่กว่า กรุณาอัปเดตโปรแกรมก่อนนำเข้า",
            f"This bundle needs a newer data schema ({needs}; this version has {SCHEMA_HEAD}). "
            "Update Lampang Planner to import it.",
            path,
        )
    manifest = _check_manifest_shape(manifest, path)
    if set(entries) != set(MEMBERS) or entries[SIGNATURE][1] > 4 * SIGNATURE_BYTES:
        raise damaged
    sig_at, sig_size, sig_crc = entries[SIGNATURE]
    sig_hex = read_at(sig_at, sig_size)
    p_at, p_size, p_crc = entries[PAYLOAD]
    digest, crc = hashlib.sha256(), 0
    fh.seek(p_at)
    left = p_size
    while left > 0:
        chunk = fh.read(min(left, 1 << 20))
        if not chunk:
            raise damaged
        digest.update(chunk)
        crc = zlib.crc32(chunk, crc)
        left -= len(chunk)
    if zlib.crc32(sig_hex) != sig_crc or crc != p_crc:
        raise damaged
    # The file must be exactly what pack() writes for these members: every header byte rebuilt and compared.
    headers, central = _layout([(MANIFEST, m_size, m_crc), (PAYLOAD, p_size, p_crc), (SIGNATURE, sig_size, sig_crc)])
    starts = [m_at, p_at, sig_at]
    for (offset, head), start in zip(headers, starts, strict=True):
        if offset + len(head) != start or read_at(offset, len(head)) != head:
            raise damaged
    if sig_at + sig_size + len(central) != size or read_at(sig_at + sig_size, len(central)) != central:
        raise damaged
    try:
        signature = bytes.fromhex(sig_hex.decode("ascii")) if len(sig_hex) == SIGNATURE_BYTES else b""
    except (UnicodeDecodeError, ValueError):
        signature = b""
    if not signature or not keys.signature_ok(manifest["device"]["public_key"], signature, manifest_bytes):
        raise _err(
            "bad-signature",
            "ปฏิเสธไฟล์: ลายเซ็นดิจิทัลไม่ถูกต้อง (ไฟล์ถูกแก้ไขหรือเสียหาย)",
            "Refused: the digital signature does not match (the file was altered or damaged)",
            path,
        )
    if digest.hexdigest() != manifest["payload"]["sha256"]:
        raise damaged
    return Bundle(path, manifest, manifest_bytes, signature, (p_at, p_size))


# --- building -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltBundle:
    path: Path
    manifest: dict

    @property
    def id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def changes(self) -> int:
        return self.manifest["changes"]


def payload_line(hlc: str, tbl: str, row_id: str, device: str, author: str, data_json: str, parents_json: str) -> str:
    """One payload line from a change-log row, without re-parsing its stored JSON."""
    head = json.dumps([hlc, tbl, row_id, device, author], ensure_ascii=False, separators=(",", ":"))
    return f"{head[:-1]},{data_json},{parents_json}]"


@dataclass
class Payload:
    raw: bytes  # the JSON lines, uncompressed
    changes: int
    counts: dict[str, int]
    hlc_min: str | None
    hlc_max: str | None
    sealed_lines: int = 0


def clear_personal_refused() -> UserError:
    return UserError(
        "ส่งออกไม่ได้: มีข้อมูลส่วนบุคคล (ชื่อ เบอร์โทรศัพท์ เลขประจำตัวประชาชน) แต่เครื่องนี้ยังไม่มีกุญแจเข้ารหัสของสำนักงาน "
        "จึงเข้ารหัสไม่ได้ กรุณานำเข้าชุดข้อมูลตั้งต้นจากสำนักงานก่อน หรือถ้าจำเป็นจริง ๆ ให้ส่งออกแบบไม่เข้ารหัส (--clear) "
        "หรือตั้งรหัสผ่าน (--passphrase-file) ไม่มีการเขียนไฟล์ใด",
        "Not exported: the changes hold personal data (names, phone numbers, citizen IDs) and this laptop has no "
        "office encryption key to protect them. Import the office's kit first; or, if you must, export them in clear "
        "(--clear) or under a passphrase (--passphrase-file). No file was written",
        code="clear-personal",
    )


def encode_payload(
    rows: Iterable[tuple[str, str, str, str, str, str, str]],
    progress: Callable[[int], None] | None = None,
    *,
    sealer: seal.Sealer | None = None,
    refuse_personal: bool = False,
) -> Payload:
    """The payload of change-log rows ``(hlc, tbl, row_id, device, author, data_json, parents_json)``.

    The one place a bundle's content is built. With a ``sealer`` the personal fields of each line
    (:data:`.seal.PERSONAL_FIELDS`) are sealed to the office (one AEAD call per line, nonce = the line's index);
    its inverse is in :func:`parse_payload`. Without one, ``refuse_personal`` raises ``clear-personal`` at the first
    line holding a personal value (nothing is written): a laptop with no office key does not put people in clear on a
    USB stick unless told to.
    """
    lines: list[str] = []
    counts: Counter = Counter()
    lo = hi = None
    personal = seal.PERSONAL_FIELDS if (sealer is not None or refuse_personal) else {}
    sealed = 0
    for n, (hlc, tbl, row_id, dev, author, data, parents) in enumerate(rows, 1):
        fields = personal.get(tbl)
        if fields is not None:
            values = json.loads(data)
            present = [f for f in fields if f in values]
            if present:
                if sealer is not None:
                    secret = [values.pop(f) for f in present]
                    values[SEALED] = sealer.seal(n - 1, hlc, tbl, row_id, present, secret)
                    data = _ENCODE(values)
                    sealed += 1
                elif seal.has_personal_values(values, present):
                    raise clear_personal_refused()
        lines.append(payload_line(hlc, tbl, row_id, dev, author, data, parents))
        counts[tbl] += 1
        if lo is None or hlc < lo:
            lo = hlc
        if hi is None or hlc > hi:
            hi = hlc
        if progress and n % 10000 == 0:
            progress(n)
    raw = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    return Payload(raw, len(lines), dict(sorted(counts.items())), lo, hi, sealed)


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
        try:
            seal.check_passphrase(passphrase)
        except seal.SealError:
            raise UserError(
                f"รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย {seal.MIN_PASSPHRASE} ตัวอักษร",
                f"The passphrase is too short: at least {seal.MIN_PASSPHRASE} characters",
                code="weak-passphrase",
            ) from None
    sealer = None
    if seal_to is not None:
        try:
            sealer = seal.Sealer(seal_to["id"], seal_to["encryption_key"], bundle_id)
        except seal.SealError:
            raise UserError(
                "กุญแจเข้ารหัสของสำนักงานที่บันทึกไว้ใช้ไม่ได้ กรุณานำเข้าชุดข้อมูลตั้งต้นจากสำนักงานอีกครั้ง",
                "The office encryption key on record is not usable; import the office's kit again",
                code="bad-office-key",
            ) from None
    payload = encode_payload(rows, progress, sealer=sealer, refuse_personal=refuse_personal and passphrase is None)
    raw = payload.raw
    blob = zlib.compress(raw, 6)
    protected = None
    if passphrase is not None:
        blob, protected = seal.protect(blob, passphrase, bundle_id)
    sealed = sealer.section() if sealer is not None and payload.sealed_lines else None
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION if (sealed or protected) else CLEAR_FORMAT_VERSION,
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
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "hlc": {"min": payload.hlc_min, "max": payload.hlc_max},
        "changes": payload.changes,
        "counts": payload.counts,
        "payload": {
            "name": PAYLOAD,
            "compression": "zlib",
            "size": len(raw),
            "stored_size": len(blob),
            "sha256": hashlib.sha256(blob).hexdigest(),
        },
    }
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


def write_atomically(out: Path, data: bytes) -> None:
    """All of the bundle or nothing, through the project's one helper (a full disk is told as such)."""
    atomic.write_atomically(out, data)
