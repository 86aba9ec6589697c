"""A bundle's payload as bytes and lines, in bounded memory (issue #13; parsed by :mod:`.payload_lines`).

Read from the file in pieces of :data:`READ_CHUNK`, decrypted piece by piece when it is protected, inflated at most
:data:`INFLATE_PIECE` at a time and never beyond the size its signed manifest declares, cut into lines no longer than
:data:`MAX_LINE_BYTES`, in batches of at most :data:`BATCH_LINES` lines and :data:`BATCH_BYTES` bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lampang_planner.core.sync import seal

if TYPE_CHECKING:
    from lampang_planner.core.sync.bundle import Bundle

# Pieces of 256 KiB, not 1 MiB: a piece of each stage (read, inflated, cut into lines) is held while a batch is
# parsed and applied; at 1 MiB they were 4-5 MiB of an import's peak, for no measurable speed.
READ_CHUNK = 256 << 10  # bytes read from the file at a time
INFLATE_PIECE = 256 << 10  # bytes inflated at a time
MAX_LINE_BYTES = 256 << 10  # one change; a real one is under 2 KiB
BATCH_LINES = 5000  # lines parsed and applied together
BATCH_BYTES = 4 << 20  # ... and at most this much text


def _b():
    from lampang_planner.core.sync import bundle

    return bundle


def _err(code: str, th: str, en: str, path: Path | None):
    return _b()._err(code, th, en, path)


def _damaged(path: Path, detail: str = ""):
    return _err(
        "damaged", "ข้อมูลภายในไฟล์ผิดรูปแบบ", "the bundle's payload is malformed" + (f" ({detail})" if detail else ""), path
    )


def _bomb(path: Path):
    return _err(
        "bomb",
        "ปฏิเสธไฟล์: ข้อมูลภายในขยายตัวผิดปกติ",
        "Refused: the payload inflates beyond its declared size — a decompression bomb",
        path,
    )


# --- bytes ---------------------------------------------------------------------------------------------------------


def stored_chunks(bundle: Bundle) -> Iterator[bytes]:
    """The payload as stored in the file, piece by piece; its SHA-256 is checked again at the end (the file must not
    have changed since it was verified)."""
    start, size = bundle.payload_at
    digest = hashlib.sha256()
    try:
        with open(bundle.path, "rb") as fh:
            fh.seek(start)
            left = size
            while left > 0:
                chunk = fh.read(min(READ_CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                digest.update(chunk)
                yield chunk
    except OSError as exc:
        raise _err("unreadable", "เปิดไฟล์ไม่ได้", f"cannot read the file ({exc.strerror or exc})", bundle.path) from exc
    if left or digest.hexdigest() != bundle.manifest["payload"]["sha256"]:
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file changed while it was being imported", bundle.path)


def _passphrase_error(bundle: Bundle, exc: seal.SealError):
    if exc.code == "bad-passphrase":
        return _err(
            "bad-passphrase",
            "รหัสผ่านไม่ถูกต้อง เปิดไฟล์นี้ไม่ได้ ไม่มีการบันทึกข้อมูลใด",
            "Wrong passphrase: the bundle does not open with it; nothing was written",
            bundle.path,
        )
    return _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", f"the file is damaged or has been altered ({exc})", bundle.path)


def protected_key(bundle: Bundle) -> bytes:
    """The key that opens a protected payload, checked against the whole payload's tag (one pass, nothing kept).
    Raises BundleError (``passphrase-needed``, ``bad-passphrase``)."""
    if bundle.passphrase is None:
        raise _err(
            "passphrase-needed",
            "ไฟล์นี้ป้องกันด้วยรหัสผ่าน กรุณาใส่รหัสผ่านที่ได้รับจากสำนักงาน",
            "This bundle is protected with a passphrase: give the passphrase the office sent with it",
            bundle.path,
        )
    try:
        key = seal.protected_key(bundle.passphrase, bundle.protected)
        for _ in seal.unprotect_stream(stored_chunks(bundle), key, bundle.protected, bundle.id, verify_only=True):
            pass
    except seal.SealError as exc:
        raise _passphrase_error(bundle, exc) from None
    return key


def clear_chunks(bundle: Bundle, key: bytes | None = None) -> Iterator[bytes]:
    """The compressed payload, decrypted when protected (``key`` from :func:`protected_key`)."""
    if not bundle.protected:
        yield from stored_chunks(bundle)
        return
    key = key or protected_key(bundle)
    try:
        yield from seal.unprotect_stream(stored_chunks(bundle), key, bundle.protected, bundle.id)
    except seal.SealError as exc:
        raise _passphrase_error(bundle, exc) from None


def inflate_stream(chunks: Iterable[bytes], declared: int, path: Path, stored_size: int) -> Iterator[bytes]:
    """Decompress piece by piece, never more than ``declared`` bytes in all (itself capped, and at most
    :data:`.bundle.MAX_RATIO` times the stored size); more, or a broken stream, is refused."""
    b = _b()
    if not isinstance(declared, int) or declared < 0 or declared > b.MAX_PAYLOAD_BYTES:
        raise _bomb(path)
    if declared > (1 << 20) and declared > b.MAX_RATIO * max(stored_size, 1):
        raise _bomb(path)
    d = zlib.decompressobj()
    total = 0
    stored = 0
    try:
        for chunk in chunks:
            stored += len(chunk)
            data = chunk
            while data:
                out = d.decompress(data, INFLATE_PIECE)
                data = d.unconsumed_tail
                total += len(out)
                if total > declared or (total > (1 << 20) and total > b.MAX_RATIO * max(stored, 1)):
                    raise _bomb(path)
                if out:
                    yield out
                if d.eof:
                    break
            if d.eof and (d.unused_data or data):
                raise _damaged(path, "data after the end of the compressed stream")
    except zlib.error as exc:
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", f"the file is damaged or has been altered ({exc})", path) from exc
    if total != declared or not d.eof:
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)


def line_batches(pieces: Iterable[bytes], path: Path, max_lines: int | None = None) -> Iterator[list[bytes]]:
    """The payload's lines as bytes, in batches of at most ``max_lines`` (default :data:`BATCH_LINES`) lines and about
    :data:`BATCH_BYTES`; a line longer than :data:`MAX_LINE_BYTES` is refused as soon as it is seen. The parser
    decodes them a few hundred at a time (:func:`_decode`): a batch's text is never held twice (bytes and text, which
    is twice the bytes for Thai)."""
    max_lines = max_lines or BATCH_LINES
    too_long = _err(
        "too-big",
        f"ปฏิเสธไฟล์: มีรายการยาวเกิน {MAX_LINE_BYTES // 1024} KiB (ไฟล์ผิดปกติ)",
        f"Refused: a change longer than {MAX_LINE_BYTES // 1024} KiB (not a real bundle)",
        path,
    )
    rest = b""
    batch: list[bytes] = []
    size = 0
    for piece in pieces:
        buf = rest + piece if rest else piece
        cut = buf.rfind(b"\n")
        if cut < 0:
            if len(buf) > MAX_LINE_BYTES:
                raise too_long
            rest = buf
            continue
        rest = buf[cut + 1 :]
        if len(rest) > MAX_LINE_BYTES:
            raise too_long
        for line in buf[:cut].split(b"\n"):
            if len(line) > MAX_LINE_BYTES:
                raise too_long
            batch.append(line)
            size += len(line)
            if len(batch) >= max_lines or size >= BATCH_BYTES:
                yield batch
                batch, size = [], 0
    if rest:
        batch.append(rest)
    if batch:
        yield batch


def _decode(lines: list[bytes], path: Path) -> list[str]:
    """Lines as text."""
    try:
        return [x.decode("utf-8") for x in lines]
    except UnicodeDecodeError as exc:
        raise _damaged(path, "not UTF-8") from exc
