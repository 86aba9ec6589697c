"""What an import reports: per file (:class:`FileReport`), in all (:class:`ImportReport`), clocks ahead
(:class:`SkewWarning`), and one error for the refused files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.sync.writes import Counts

# --- import --------------------------------------------------------------------------------------------------------

IMPORTED, ALREADY, REFUSED, READY = "imported", "already", "refused", "ready"


@dataclass
class FileReport(Counts):
    path: Path
    status: str = READY  # until imported, skipped as already imported, or refused
    bundle_id: str = ""
    kind: str = ""
    device_id: str = ""
    device_name: str = ""
    created_at: str = ""
    changes: int = 0  # and what they did (Counts)
    skew_ms: int = 0
    taken_in: bool = False  # its clock ran too far ahead and the office took it in as of the import
    accepted: bool = False  # its signer was unknown and the office enrolled it with its PIN
    hub: bool | None = None  # signed by this folder's office (may forward any device's lines)
    restamped: int = 0  # writes that got a stamp as of the import
    error: UserError | None = None

    def as_json(self) -> dict:
        out = {
            "file": str(self.path),
            "status": self.status,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "device": {"id": self.device_id, "name": self.device_name},
            "created_at": self.created_at,
            "changes": self.changes,
            **self.counts_json(),
            "skew_ms": self.skew_ms,
            "restamped": self.restamped,
            "accepted_signer": self.accepted,
        }
        if self.error is not None:
            out["error"] = {"code": self.error.code, "th": self.error.th, "en": self.error.en}
        return out


@dataclass
class SkewWarning:
    device_id: str
    device_name: str
    ahead_ms: int

    @property
    def hours(self) -> float:
        return self.ahead_ms / 3_600_000

    def message(self, lang: str = "th") -> str:
        if lang == "en":
            return (
                f"The clock of {self.device_name or self.device_id} runs {self.hours:.0f} hours ahead of this "
                "computer's: check its date and time"
            )
        return (
            f"นาฬิกาของเครื่อง {self.device_name or self.device_id} เร็วกว่าเครื่องนี้ {self.hours:.0f} ชั่วโมง "
            "กรุณาตรวจสอบวันที่และเวลาของเครื่องนั้น"
        )


@dataclass
class ImportReport(Counts):
    """The import's files, their counts added up (:class:`Counts`), and what it found."""

    files: list[FileReport] = field(default_factory=list)
    conflicts_before: int = 0
    conflicts_open: int = 0
    duplicates: int = 0  # groups of possible duplicate people involving people this import touched
    skew: list[SkewWarning] = field(default_factory=list)
    backup: Path | None = None
    office_adopted: str = ""  # the office this folder became a laptop of
    result: ApplyResult = field(default_factory=ApplyResult)

    @property
    def imported(self) -> list[FileReport]:
        return [f for f in self.files if f.status == IMPORTED]

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.status == REFUSED]

    @property
    def conflicts_new(self) -> int:
        return max(0, self.conflicts_open - self.conflicts_before)

    def as_json(self) -> dict:
        return {
            "files": [f.as_json() for f in self.files],
            **self.counts_json(),
            "conflicts_new": self.conflicts_new,
            "conflicts_open": self.conflicts_open,
            "duplicates": self.duplicates,
            "skew": [
                {"device_id": s.device_id, "device_name": s.device_name, "ahead_ms": s.ahead_ms} for s in self.skew
            ],
            "backup": str(self.backup) if self.backup else None,
            "office_adopted": self.office_adopted or None,
        }


def refused_error(refused: Sequence[FileReport]) -> UserError:
    """One error for the refused files of an import (the first file's reason, and how many others)."""
    first = refused[0].error
    assert first is not None
    if len(refused) == 1:
        return first
    return B.BundleError(
        f"{first.th} (และอีก {len(refused) - 1} ไฟล์ถูกปฏิเสธ ไม่ได้นำเข้าไฟล์ใดเลย)",
        f"{first.en} (and {len(refused) - 1} more file(s) refused; nothing was imported)",
        code=first.code,
    )
