"""The project's one way of writing a file: all of it or nothing, and a full disk told as a sentence.

:func:`atomic_path` yields a temporary name beside the target (``.NAME.RANDOM.part``); when the body has written it,
the file is flushed to disk (``fsync``), given its permissions and renamed over the target, then the folder entry is
flushed too. A kill, a power cut, a full disk or an error at any moment leaves the old file (or none) and no half
file among the good ones; a leftover ``.part`` of a killed process is never mistaken for a finished file.

:func:`storage_error` turns the errors of a full or failing disk (``OSError`` ENOSPC, SQLite's "database or disk is
full" and I/O errors) into a :class:`~lampang_planner.core.errors.UserError` in Thai and English.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from lampang_planner.core.errors import UserError

PART_SUFFIX = ".part"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SHARED_FILE = 0o644

_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def is_disk_full(exc: BaseException) -> bool:
    """True for the errors of a disk (or quota, or file size limit) that has no room left."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(e, sqlite3.Error):
            code = getattr(e, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == _SQLITE_FULL:
                return True
            if "disk is full" in str(e):
                return True
    return False


def is_disk_failure(exc: BaseException) -> bool:
    """A full disk, or SQLite's I/O error (a write the disk refused: a pulled stick, a file size limit)."""
    if is_disk_full(exc):
        return True
    return any(
        isinstance(e, sqlite3.Error) and (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_IOERR
        for e in _chain(exc)
    )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__


def disk_full_error(place: Path | str | None = None) -> UserError:
    where_th = f" ({place})" if place else ""
    where_en = f" ({place})" if place else ""
    return UserError(
        f"ดิสก์เต็ม บันทึกไม่สำเร็จ ข้อมูลยังเหมือนเดิมทุกอย่าง กรุณาลบไฟล์ที่ไม่ใช้ให้มีที่ว่างแล้วลองอีกครั้ง{where_th}",
        f"The disk is full: nothing was saved and the data is exactly as it was. Free some space and try again"
        f"{where_en}.",
        code="disk-full",
    )


def storage_error(exc: BaseException, place: Path | str | None = None) -> UserError:
    """The user's sentence for a failed write: a full disk, or the disk refusing the write."""
    if is_disk_full(exc):
        return disk_full_error(place)
    detail = getattr(exc, "strerror", None) or str(exc)
    return UserError(
        f"เขียนข้อมูลลงดิสก์ไม่สำเร็จ ข้อมูลยังเหมือนเดิม{f' ({place})' if place else ''}",
        f"Could not write to the disk ({detail}); nothing was changed{f' ({place})' if place else ''}.",
        code="write-failed",
    )


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path | str, mode: int = SHARED_FILE) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` for the body to write; then flush it, set ``mode`` and rename it
    onto ``target``. Any error (a full disk too) removes the temporary file and leaves ``target`` as it was; an
    ``OSError`` becomes a Thai/English :class:`UserError`."""
    import tempfile  # here, not at the top: every command imports this module, few write a file this way

    target = Path(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise storage_error(exc, target.parent) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        try:
            yield tmp
            fsync_file(tmp)
            os.chmod(tmp, mode)
        except OSError as exc:
            raise storage_error(exc, target) from exc
        try:
            os.replace(tmp, target)
        except PermissionError as exc:  # Windows: the old file is open in Excel or a PDF viewer
            raise UserError(
                f"เขียนทับไฟล์ {target.name} ไม่ได้ ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น ปิดไฟล์แล้วลองอีกครั้ง",
                f"Cannot replace {target.name}: it may be open in another program; close it and try again",
                code="write-failed",
            ) from exc
        except OSError as exc:
            raise storage_error(exc, target) from exc
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomically(target: Path | str, data: bytes, mode: int = SHARED_FILE) -> Path:
    """Write ``data`` to ``target`` all at once or not at all."""
    target = Path(target).expanduser()
    with atomic_path(target, mode) as tmp:
        try:
            with open(tmp, "wb") as f:
                f.write(data)
        except OSError as exc:
            raise storage_error(exc, target) from exc
    return target


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) if missing and make it readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    make_private(folder, PRIVATE_DIR)


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Owner-only permissions on an existing file or folder we own; silently left alone otherwise (another user's
    folder, Windows where the per-user folder is private already)."""
    with contextlib.suppress(OSError):
        st = path.stat()
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return
        if st.st_mode & 0o777 != mode:
            os.chmod(path, mode)
