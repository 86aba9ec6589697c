"""What a bundle file is made of, for the modules that write and read it: the format's name and versions, its three
members, the limits a reader holds a file to, and :class:`BundleError` (a file refused before anything was written).
The layout and the checks: :mod:`.bundle`'s docstring."""

from __future__ import annotations

from pathlib import Path

from lampang_planner.core.errors import UserError

FORMAT_NAME = "lampang-planner-bundle"
FORMAT_VERSION = 2  # the newest format this version reads and writes (2: sealed personal fields, passphrase)
CLEAR_FORMAT_VERSION = 1  # what a bundle that uses neither is written as (the previous version reads it)

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


class BundleError(UserError):
    """A file refused before anything was written. ``code`` says why (see the module docstring)."""


def refusal(code: str, th: str, en: str, path: Path | None = None) -> BundleError:
    """A :class:`BundleError` whose sentences name the file (when there is one)."""
    if path is not None:
        th, en = f"{path.name}: {th}", f"{path.name}: {en}"
    return BundleError(th, en, code=code)


def damaged(path: Path | None) -> BundleError:
    return refusal("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the file is damaged or has been altered", path)


def not_a_bundle(path: Path | None) -> BundleError:
    return refusal("not-a-bundle", "ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยนของโปรแกรมนี้", "not a Lampang Planner bundle", path)
