"""A need's photo: checked, stored once by content in the data folder's media folder, attached or detached."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from lampang_planner.core.atomic import PRIVATE_FILE, make_private_dir, write_atomically
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.needs.reading import _need_or_error
from lampang_planner.core.ops.needs.rows import MAX_PHOTO_BYTES, MEDIA_DIRNAME

# --- photos ------------------------------------------------------------------------------------------------------

_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)


def _image_kind(head: bytes) -> str | None:
    for magic, ext in _IMAGE_MAGIC:
        if head.startswith(magic):
            return ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heim", b"heis"):
        return "heic"
    return None


def media_dir(store: Store) -> Path:
    return store.data_dir / MEDIA_DIRNAME


def photo_path(store: Store, name: str) -> Path:
    """Where the photo stored as ``name`` (a need's ``photo``) lives."""
    return media_dir(store) / Path(name).name


def read_photo(image_path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes and kind (file extension) of a flipchart photo; UserError when it cannot be used."""
    src = Path(image_path)
    try:
        if src.stat().st_size > MAX_PHOTO_BYTES:
            raise UserError(f"ไฟล์รูปใหญ่เกิน {MAX_PHOTO_BYTES // (1024 * 1024)} MB",
                            f"The image is larger than {MAX_PHOTO_BYTES // (1024 * 1024)} MB", code="bad-photo")
        data = src.read_bytes()
    except OSError as exc:
        raise UserError(f"อ่านไฟล์รูปไม่ได้: {src}", f"Cannot read the image {src}: {exc.strerror or exc}",
                        code="bad-photo") from exc
    kind = _image_kind(data[:16])
    if kind is None:
        raise UserError("ไฟล์นี้ไม่ใช่รูปภาพ (JPEG, PNG, WebP, HEIC หรือ GIF)",
                        f"{src.name} is not a JPEG, PNG, WebP, HEIC or GIF image", code="bad-photo")
    return data, kind


def attach_photo(store: Store, need_id: str, image_path: str | os.PathLike[str]) -> str:
    """Copy a photo of the flipchart into the data folder's ``media/`` (named by its SHA-256, so the same picture is
    stored once) and set it as the need's photo. Returns the stored file name."""
    data, kind = read_photo(image_path)
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        name = _store_photo(store, data, kind)
        tx.update("need", need_id, {"photo": name})
    return name


def _store_photo(store: Store, data: bytes, kind: str) -> str:
    """Write the image into media/ under its SHA-256 (once; an unused file left by a failed transaction is harmless:
    the same picture gets the same name). Returns the file name."""
    name = f"{hashlib.sha256(data).hexdigest()}.{kind}"
    target = photo_path(store, name)
    if not target.exists():
        try:
            make_private_dir(target.parent)
        except OSError as exc:
            raise UserError("บันทึกรูปลงโฟลเดอร์ข้อมูลไม่ได้", f"Cannot store the image in {target.parent}: {exc}",
                            code="bad-photo") from exc
        write_atomically(target, data, mode=PRIVATE_FILE)  # a full disk is told as such
    return name


def detach_photo(store: Store, need_id: str) -> bool:
    """Take the photo off a need (the file stays in media/, other needs or old versions may use it)."""
    with store.transaction() as tx:
        _need_or_error(tx.db, need_id)
        return tx.update("need", need_id, {"photo": None})
