"""The kiosk PIN: leaving the check-in desk's kiosk mode needs it. It is hashed as the office PIN is (scrypt with a
random salt, :func:`.pin.hash_pin`); the window keeps the hashed form in its settings file (``checkin/kiosk_pin``), so
each desk has its own.

Older versions stored a salted PBKDF2 hash (``pbkdf2_sha256$rounds$salt$hash``) there, and a kiosk folder prepared by
hand may hold the plain digits. :func:`migrate_kiosk_pin` turns plain digits into the scrypt form at once (they are
never compared as they are); a PBKDF2 hash cannot be turned without the PIN, so :func:`check_kiosk_pin` checks it
one last time and hands back the scrypt form to store in its place.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import check_pin_shape, hash_pin, normalise_pin, pin_matches

_PBKDF2 = "pbkdf2_sha256$"


def new_kiosk_pin(pin: str) -> str:
    """The stored form of a new kiosk PIN (4–12 digits, Thai digits accepted); UserError for any other shape."""
    return hash_pin(check_pin_shape(pin))


def migrate_kiosk_pin(stored: str | None) -> str:
    """What the settings file should hold: plain digits put there by hand become their hashed form, "" stays "",
    anything else is kept (a hash already)."""
    stored = (stored or "").strip()
    if stored and re.fullmatch(r"\d+", normalise_pin(stored)):
        try:
            return new_kiosk_pin(stored)
        except UserError:
            return ""  # too short or too long to be a PIN: no kiosk PIN, the desk asks for a new one
    return stored


@dataclass(frozen=True)
class KioskCheck:
    ok: bool
    upgraded: str | None = None  # the scrypt form to store instead of an older PBKDF2 hash, after a right PIN


def check_kiosk_pin(stored: str | None, pin: str) -> KioskCheck:
    """Whether ``pin`` leaves kiosk mode, given what the settings file holds (after :func:`migrate_kiosk_pin`)."""
    stored = (stored or "").strip()
    if stored.startswith(_PBKDF2):
        ok = _pbkdf2_matches(stored, normalise_pin(pin))
        return KioskCheck(ok, hash_pin(pin) if ok else None)
    return KioskCheck(pin_matches(stored, pin))


def _pbkdf2_matches(stored: str, pin: str) -> bool:
    try:
        _scheme, rounds, salt, digest = stored.split("$")
        mine = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds)).hex()
    except ValueError:
        return False
    return bool(pin) and hmac.compare_digest(mine, digest)
