"""The office PIN: office-only actions (resolving conflicts, merging people or saying they differ, moving late facts of
merged people, erasing, purging, building kits) ask for it. It is hashed with scrypt and a random salt and kept in this folder's ``setting`` table (local: never synced, never
in a bundle), so each machine has its own. A PIN is 4–12 digits (Thai digits accepted).

It guards the window and the command line against a passer-by at an unlocked laptop; it is not encryption: someone
with the database file can try every PIN offline (scrypt makes each try cost ~50 ms of work and 16 MiB).

The core checks it, not the front ends: each office-only core function takes ``office=``, either the PIN itself or an
:class:`OfficePass` that :func:`office_pass` gave for a right PIN (the window keeps one for a few minutes, so a run of
merges does not ask every time), and calls :func:`authorise_office`, which refuses with a Thai/English UserError when
a PIN is set here and no proof of it was given. On a machine where no PIN was ever set nothing can be proved, and
the action passes (a fresh office; the window asks the user to set a PIN first).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.local import OFFICE_PIN, get_setting, set_setting
from lampang_planner.core.thai.digits import to_arabic_digits

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
MIN_DIGITS, MAX_DIGITS = 4, 12


def normalise_pin(pin: str) -> str:
    """Thai digits read as Arabic, spaces ignored."""
    return re.sub(r"\s+", "", to_arabic_digits(pin or ""))


def check_pin_shape(pin: str) -> str:
    """The normalised PIN, or UserError if it is not 4–12 digits."""
    p = normalise_pin(pin)
    if not re.fullmatch(rf"\d{{{MIN_DIGITS},{MAX_DIGITS}}}", p):
        raise UserError(
            f"รหัส PIN ต้องเป็นตัวเลข {MIN_DIGITS}–{MAX_DIGITS} หลัก",
            f"The PIN must be {MIN_DIGITS}–{MAX_DIGITS} digits",
            code="pin-shape",
        )
    return p


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def has_pin(store: Store) -> bool:
    """True once an office PIN has been set on this machine."""
    return bool(get_setting(store, OFFICE_PIN))


def hash_pin(pin: str) -> str:
    """The stored form of a PIN (office or kiosk): JSON with scrypt's parameters, a random salt and the hash. The PIN
    is normalised first (Thai digits, spaces) but not shape-checked (:func:`check_pin_shape` does that)."""
    salt = os.urandom(SALT_BYTES)
    rec = {"alg": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
           "hash": _hash(normalise_pin(pin), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex()}
    return json.dumps(rec, sort_keys=True)


def pin_matches(stored: str | None, pin: str) -> bool:
    """True when ``pin`` is the PIN whose :func:`hash_pin` form is ``stored`` (compared in constant time); False for
    anything else stored, plain digits included."""
    try:
        rec = json.loads(stored or "")
        salt, want = bytes.fromhex(rec["salt"]), bytes.fromhex(rec["hash"])
        got = _hash(normalise_pin(pin), salt, int(rec["n"]), int(rec["r"]), int(rec["p"]))
    except (ValueError, KeyError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def verify_pin(store: Store, pin: str) -> bool:
    """True when ``pin`` is this machine's office PIN (compared in constant time). False when none is set."""
    return pin_matches(get_setting(store, OFFICE_PIN), pin)


def set_pin(store: Store, new_pin: str, *, current_pin: str | None = None) -> None:
    """Set the office PIN. Changing an existing PIN needs the current one (UserError otherwise)."""
    new = check_pin_shape(new_pin)
    if has_pin(store) and not verify_pin(store, current_pin or ""):
        raise UserError("รหัส PIN เดิมไม่ถูกต้อง", "The current PIN is wrong", code="bad-pin")
    set_setting(store, OFFICE_PIN, hash_pin(new))


def clear_pin(store: Store, current_pin: str) -> None:
    """Remove the office PIN (needs the current one)."""
    if not verify_pin(store, current_pin):
        raise UserError("รหัส PIN ไม่ถูกต้อง", "The PIN is wrong", code="bad-pin")
    set_setting(store, OFFICE_PIN, None)


def require_pin(store: Store, pin: str | None) -> None:
    """For office-only actions outside the window: passes when no PIN is set or ``pin`` is right; otherwise
    UserError (Thai first) saying the office PIN is needed or wrong."""
    if not has_pin(store):
        return
    if not pin:
        raise UserError(
            "คำสั่งนี้สำหรับสำนักงานเท่านั้น ต้องใส่รหัส PIN ของสำนักงาน",
            "This is an office-only action: the office PIN is needed",
            code="pin-needed",
        )
    if not verify_pin(store, pin):
        raise UserError("รหัส PIN ของสำนักงานไม่ถูกต้อง", "The office PIN is wrong", code="bad-pin")


_SEAL = object()  # only this module makes passes


@dataclass(frozen=True, eq=False)
class OfficePass:
    """Proof that the office PIN of the data folder ``data_dir`` was given (from :func:`office_pass`)."""

    data_dir: Path
    _seal: object = field(repr=False, default=None)


def office_pass(store: Store, pin: str | None) -> OfficePass:
    """A pass for office-only actions on ``store``: the PIN must be right (UserError otherwise), unless none is set."""
    require_pin(store, pin)
    return OfficePass(Path(store.data_dir).resolve(), _SEAL)


def authorise_office(store: Store, office: OfficePass | str | None) -> None:
    """The check every office-only core function makes first: passes with a pass made here for this data folder, or
    the right PIN, or when no PIN is set; otherwise UserError (``pin-needed`` / ``bad-pin``), nothing done."""
    if isinstance(office, OfficePass):
        if office._seal is _SEAL and office.data_dir == Path(store.data_dir).resolve():
            return
        office = None
    require_pin(store, office)
