"""The kiosk PIN in the core (issue #14): scrypt as the office PIN, no plain digits kept or compared, and the PBKDF2
hashes older versions stored are replaced at the next right PIN."""

from __future__ import annotations

import hashlib
import json

import pytest

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.kiosk_pin import check_kiosk_pin, migrate_kiosk_pin, new_kiosk_pin


def old_pbkdf2(pin: str, salt: str = "00112233445566778899aabbccddeeff", rounds: int = 1000) -> str:
    """What versions before issue #14 stored (ui/views/checkin_kiosk.hash_pin)."""
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), rounds).hex()
    return f"pbkdf2_sha256${rounds}${salt}${digest}"


def only_salt_and_scrypt_of(stored: str, pin: str) -> bool:
    """The record holds the parameters, a salt and the scrypt of the PIN with that salt - nothing else, so no
    plaintext (a bare `pin not in stored` fails by chance when the random hex happens to contain the digits)."""
    rec = json.loads(stored)
    if set(rec) != {"alg", "hash", "n", "p", "r", "salt"} or rec["alg"] != "scrypt":
        return False
    derived = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(rec["salt"]), n=rec["n"], r=rec["r"], p=rec["p"],
                             dklen=len(rec["hash"]) // 2)
    return derived.hex() == rec["hash"]


def test_a_new_kiosk_pin_is_an_scrypt_hash_that_only_its_pin_matches():
    stored = new_kiosk_pin("๒๕๕๙")  # Thai digits are digits
    assert only_salt_and_scrypt_of(stored, "2559")
    assert check_kiosk_pin(stored, "2559").ok and not check_kiosk_pin(stored, "2560").ok
    assert check_kiosk_pin(stored, "2559").upgraded is None
    with pytest.raises(UserError) as err:
        new_kiosk_pin("12")
    assert err.value.code == "pin-shape"


def test_plain_digits_are_hashed_on_sight_and_never_compared():
    assert not check_kiosk_pin("4321", "4321").ok  # no plaintext fallback
    migrated = migrate_kiosk_pin(" 4321 ")
    assert only_salt_and_scrypt_of(migrated, "4321") and check_kiosk_pin(migrated, "4321").ok
    assert migrate_kiosk_pin(migrated) == migrated and migrate_kiosk_pin("") == ""
    assert migrate_kiosk_pin("12") == ""  # not a PIN at all: none set, the desk asks for a new one


def test_an_old_pbkdf2_hash_still_opens_once_and_is_replaced_by_scrypt():
    stored = old_pbkdf2("2559")
    assert migrate_kiosk_pin(stored) == stored  # cannot be turned without the PIN
    wrong = check_kiosk_pin(stored, "1111")
    assert not wrong.ok and wrong.upgraded is None
    right = check_kiosk_pin(stored, "2559")
    assert right.ok and json.loads(right.upgraded)["alg"] == "scrypt"
    assert check_kiosk_pin(right.upgraded, "2559").ok
