"""Checks of an import before anything is written: the signer's trust and kit rules, a clock too far ahead, and
:func:`verify_bundle` (every check, without writing)."""

from __future__ import annotations

from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, kits, restamp, trust
from lampang_planner.core.sync.clock import MAX_AHEAD_MS
from lampang_planner.core.sync.exchange_common import device_key, office_box_key

# --- verify --------------------------------------------------------------------------------------------------------


def refusal(path: Path, code: str, th: str, en: str) -> B.BundleError:
    return B.BundleError(f"{path.name}: {th}", f"{path.name}: {en}", code=code)


def check_signer(
    store: Store, b: B.Bundle, own_public_key: str, seen: dict[str, str] | None = None, *, accept: bool = False
) -> bool:
    """Trust and kit rules for one verified bundle (:mod:`.trust`). Raises BundleError. ``seen`` holds the keys met
    earlier in a batch. Returns True when the signer is unknown and ``accept`` enrols it (the caller checks the PIN);
    also sets which devices' lines the bundle may carry (``b.forwardable``)."""
    pinned = (seen or {}).get(b.device_id)
    if pinned is not None and pinned != b.public_key:
        raise refusal(
            b.path,
            "impostor",
            "ปฏิเสธไฟล์: ลงนามด้วยกุญแจที่ไม่ตรงกับเครื่องที่อ้างถึง (อาจเป็นเครื่องปลอม)",
            f"Refused: device {b.device_id} signed another file of this import with another key — an impostor",
        )
    try:
        keys.check_not_impostor(store.db, store.device_id, own_public_key, b.device_id, b.public_key)
    except UserError as exc:
        raise B.BundleError(f"{b.path.name}: {exc.th}", f"{b.path.name}: {exc.en}", code=exc.code) from None
    if b.is_kit:
        if b.device_role != kits.OFFICE:
            raise refusal(b.path, "damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "a kit not signed by an office")
        if kits.is_office(store) and b.device_id != store.device_id:
            raise refusal(
                b.path,
                "kit-into-office",
                "เครื่องนี้เป็นสำนักงาน นำเข้าชุดข้อมูลตั้งต้นของสำนักงานอื่นไม่ได้",
                "This folder is an office: it does not import another office's kit",
            )
        if store.office_device_id and b.device_id != store.office_device_id:
            raise refusal(
                b.path,
                "other-office",
                "ปฏิเสธไฟล์: ชุดข้อมูลตั้งต้นนี้มาจากสำนักงานอื่น ไม่ใช่สำนักงานของเครื่องนี้",
                "Refused: this kit comes from another office than the one this laptop belongs to",
            )
        try:
            trust.check_enrolled_section(b.manifest.get(trust.ENROLLED, []))
        except ValueError:
            raise refusal(
                b.path, "damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the kit's list of enrolled devices is malformed"
            ) from None
    if b.is_kit and not kits.is_office(store) and not store.office_device_id:
        b.forwardable = None  # the office this laptop adopts: the hub
        return False  # a laptop being set up takes its office from the first kit it is given
    b.forwardable = trust.forwardable(store, b.device_id, seen or ())
    if b.device_id == store.device_id or keys.pinned_key(store.db, b.device_id) or b.device_id in (seen or {}):
        return False
    if accept:
        return True
    err = trust.unknown_signer_error(b.path.name, b.device_id, b.device_name, b.public_key)
    raise B.BundleError(err.th, err.en, code=err.code)


def verify_bundle(store: Store | None, path: str | Path, *, passphrase: str | None = None) -> B.Bundle:
    """Every check an import makes before writing, without writing: file, signature, payload, and (with a data
    folder) the signer's trust and kit rules. Sealed personal fields are opened at the office; elsewhere their shape
    is checked (they cannot be opened there). A protected payload needs its passphrase. Raises BundleError."""
    b = B.read_bundle(path)
    if store is not None:
        check_signer(store, b, keys.public_hex(device_key(store).public_key()))
        b.unlock(box_key=office_box_key(store))
    b.unlock(passphrase=passphrase)
    b.check_payload()
    return b


def clock_ahead(store: Store, b: B.Bundle, take_in: bool) -> bool:
    """True when the bundle's newest stamp is too far ahead and the office takes it in as of the import; raises the
    ``clock-ahead`` refusal when it is too far ahead otherwise. (The manifest's range is checked against every line
    when the payload is parsed.)"""
    top = (b.manifest.get("hlc") or {}).get("max")
    if not isinstance(top, str) or not B.is_stamp(top):
        return False
    ahead = store.clock.ahead_ms(top)
    if ahead <= MAX_AHEAD_MS:
        return False
    if take_in:
        return True
    culprit = top[B.STAMP_PREFIX :]
    name = (
        b.device_name
        if culprit == b.device_id
        else str(store.scalar("SELECT name FROM trusted_device WHERE id=?", (culprit,)) or "")
    )
    err = restamp.clock_ahead_error(b.path.name, culprit, name, ahead)
    raise B.BundleError(err.th, err.en, code=err.code)
