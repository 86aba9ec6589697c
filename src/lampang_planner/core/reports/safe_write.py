"""Writing an output file atomically: a temporary file beside the target, flushed to disk, then renamed over it.

A full disk, a pulled USB stick or a crash mid-write leaves the old file (or none), never half a file.
"""

from __future__ import annotations

from pathlib import Path

from lampang_planner.core import atomic
from lampang_planner.core.errors import UserError


def check_output_path(path: Path | str, suffix: str = ".pdf") -> Path:
    """The target as a Path, or a Thai-first UserError when it cannot be written (no folder, a folder, wrong type)."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise UserError(
            f"{target} เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์", f"{target} is a folder; give a file name", code="bad-output"
        )
    if not target.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ {target.parent}", f"The folder {target.parent} does not exist", code="bad-output")
    if suffix and target.suffix.lower() != suffix:
        raise UserError(
            f"ชื่อไฟล์ต้องลงท้ายด้วย {suffix}", f"The file name must end in {suffix}: {target.name}", code="bad-output"
        )
    return target


def write_atomically(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once or not at all (the project's one helper, :mod:`core.atomic`)."""
    return atomic.write_atomically(Path(path).expanduser(), data)
