"""The bundle's zip container: a canonical zip of *stored* members (fixed dates, attributes and versions, no extras,
no comment), written by :func:`pack` and checked by :func:`member_spans` from its headers alone, so a reader can rebuild
every header byte (:func:`layout`) and compare it with the file."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from lampang_planner.core.sync.bundle_format import (
    MANIFEST,
    MAX_MEMBERS,
    MAX_PAYLOAD_BYTES,
    MAX_RATIO,
    MEMBERS,
    damaged,
    not_a_bundle,
    refusal,
)

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: stored members, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_ATTRS = 0o100644 << 16


ReadAt = Callable[[int, int], bytes]


def pack(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A canonical zip of stored members: fixed dates, attributes and versions, no extras, no comment."""
    members = list(members)
    headers, central = layout([(name, len(data), zlib.crc32(data)) for name, data in members])
    return b"".join(head + data for (_offset, head), (_name, data) in zip(headers, members, strict=True)) + central


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
    for name, (start, size, crc) in member_spans(lambda at, n: blob[at : at + n], len(blob), path).items():
        data = blob[start : start + size]
        if zlib.crc32(data) != crc:
            raise damaged(path)
        out[name] = data
    return out


def member_spans(read_at: ReadAt, size: int, path: Path | None) -> dict[str, tuple[int, int, int]]:
    """Check a bundle container's structure by reading only its headers (``read_at(offset, n)``): member name →
    (offset of its data, size, CRC-32). The data itself is not read (a file's payload is streamed later)."""
    n, cd_size, cd_offset = _end_record(read_at, size, path)
    entries = _central_entries(read_at(cd_offset, cd_size), n, path)
    _check_members(entries, path)
    out: dict[str, tuple[int, int, int]] = {}
    for name, method, crc, csize, usize, offset, flags in entries:
        if method != 0 or flags != 0 or csize != usize:
            raise damaged(path)
        if offset + _LOCAL.size > cd_offset:
            raise damaged(path)
        lf = _LOCAL.unpack(read_at(offset, _LOCAL.size))
        nlen, xlen = lf[9], lf[10]
        start = offset + _LOCAL.size + nlen + xlen
        if lf[0] != _LOCAL_SIG or start + csize > cd_offset:
            raise damaged(path)
        out[name] = (start, csize, crc)
    return out


def _end_record(read_at: ReadAt, size: int, path: Path | None) -> tuple[int, int, int]:
    """(members, central directory size, its offset) from the end record of a file that starts like a zip."""
    head = read_at(0, 4)
    if len(head) < 4 or head != b"PK\x03\x04":
        if size == 0:
            raise refusal("not-a-bundle", "ไฟล์ว่างเปล่า ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน", "the file is empty, not a bundle", path)
        raise not_a_bundle(path)
    end_at = size - _END.size
    end = read_at(end_at, _END.size) if end_at >= 0 else b""
    if end[:4] != b"PK\x05\x06":
        tail_at = max(0, size - 65557)
        if read_at(tail_at, size - tail_at).rfind(b"PK\x05\x06") >= 0:
            raise refusal("not-a-bundle", "เป็นไฟล์ zip แต่ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน", "a zip file, but not a bundle", path)
        raise refusal(
            "truncated",
            "ไฟล์ไม่สมบูรณ์ (ถูกตัดหรือคัดลอกไม่ครบ)",
            "the file is incomplete (truncated or not fully copied)",
            path,
        )
    _sig, disk, cd_disk, n_here, n, cd_size, cd_offset, comment = _END.unpack(end)
    if disk or cd_disk or n_here != n or comment or cd_offset + cd_size != end_at:
        raise damaged(path)
    if n > MAX_MEMBERS:
        raise refusal(
            "not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน (มีไฟล์ภายในมากเกินไป)", "not a bundle (too many members)", path
        )
    if cd_size > MAX_MEMBERS * (_CENTRAL.size + 255 + 2 * 65535):
        raise damaged(path)
    return n, cd_size, cd_offset


def _central_entries(cd: bytes, n: int, path: Path | None) -> list[tuple]:
    """The ``n`` entries of a central directory: (name, method, crc, stored size, size, local offset, flags)."""
    entries = []
    pos = 0
    for _ in range(n):
        if pos + _CENTRAL.size > len(cd):
            raise damaged(path)
        f = _CENTRAL.unpack_from(cd, pos)
        if f[0] != _CENTRAL_SIG:
            raise damaged(path)
        method, crc, csize, usize, nlen, xlen, clen, offset = f[4], f[7], f[8], f[9], f[10], f[11], f[12], f[16]
        name = cd[pos + _CENTRAL.size : pos + _CENTRAL.size + nlen].decode("utf-8", "replace")
        entries.append((name, method, crc, csize, usize, offset, f[3]))
        pos += _CENTRAL.size + nlen + xlen + clen
    if pos != len(cd):
        raise damaged(path)
    return entries


def _check_members(entries: list[tuple], path: Path | None) -> None:
    """Safe names, no bomb, exactly the bundle's members, each once."""
    names = [e[0] for e in entries]
    tricks = [nm for nm in names if not _safe_name(nm)]
    if tricks:
        raise refusal(
            "path-trick",
            f"ปฏิเสธไฟล์: มีชื่อไฟล์ภายในที่อันตราย ({tricks[0]!r})",
            f"Refused: the archive holds a dangerous member name ({tricks[0]!r})",
            path,
        )
    for name, _method, _crc, csize, usize, _offset, _flags in entries:
        if usize > MAX_PAYLOAD_BYTES or (usize > (1 << 20) and usize > MAX_RATIO * max(csize, 1)):
            raise refusal(
                "bomb",
                f"ปฏิเสธไฟล์: ข้อมูลภายในขยายตัวผิดปกติ ({name})",
                f"Refused: a member inflates to an unreasonable size ({name}: {usize} bytes) — a decompression bomb",
                path,
            )
    if MANIFEST not in names or set(names) - set(MEMBERS):
        raise not_a_bundle(path)
    if len(set(names)) != len(names):
        raise damaged(path)


def layout(members: list[tuple[str, int, int]]) -> tuple[list[tuple[int, bytes]], bytes]:
    """What :func:`pack` writes around the data of members (name, size, CRC-32), without the data: each local
    header with its offset, and the central directory with the end record."""
    headers, central = [], bytearray()
    offset = 0
    for name, size, crc in members:
        raw = name.encode("ascii")
        headers.append(
            (offset, _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, 0, 0, _DOS_DATE, crc, size, size, len(raw), 0) + raw)
        )
        central += _CENTRAL.pack(
            _CENTRAL_SIG, _MADE_BY, _VERSION, 0, 0, 0, _DOS_DATE, crc, size, size, len(raw), 0, 0, 0, 0, _ATTRS, offset,
        )  # fmt: skip
        central += raw
        offset += _LOCAL.size + len(raw) + size
    end = _END.pack(_END_SIG, 0, 0, len(members), len(members), len(central), offset, 0)
    return headers, bytes(central) + end
