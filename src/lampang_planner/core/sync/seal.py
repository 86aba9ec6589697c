"""Encryption inside bundles (issue #8): personal fields sealed to the office, and passphrase-protected payloads.

Two independent layers, both an AEAD (AES-256-GCM from ``cryptography``: on the x86 PCs this runs on, with AES
instructions, twice as fast as ChaCha20-Poly1305 for the many short messages of layer 1), both described in the
signed manifest (so the Ed25519 signature also covers which keys, salts and parameters were used). Only
:func:`.bundle.encode_payload` / :func:`.bundle.build_bundle` seal and only :func:`.bundle.parse_payload` /
:meth:`.bundle.Bundle.writes` open; this module holds the cryptography and the rules.

**1. Personal fields sealed to the office** (manifest ``"sealed"``, bundle format 2). What is personal —
:data:`PERSONAL_FIELDS`, decided here:

- ``person``: every field :data:`~lampang_planner.core.privacy.fields.FORGOTTEN_FIELDS` names (what a purge or an
  erasure forgets): prefix, first and last name, organisation, position, phone, citizen ID and the free-text note.
  Organisation and position are included because together they name one person ("นายก อบต.ศาลา"); the note is free
  text about the person. Left in clear: the badge code (random), participant type, tambon/district (the counts need
  them and they name nobody), consent and its date, the merge link.
- ``amendment``: ``mover`` and ``seconder`` (participants' names, typed at the venue);
- ``need``: ``raised_by`` (often a participant's name, sometimes a group's).

Not sealed: free-text titles and descriptions of needs and resolutions (content, not people), staff names
(``need_status_change.changed_by``, the ``author`` of a write — the facilitator's desk and signed-in name), row ids
(random UUIDs). The laptop's own database is not encrypted by this (a lost *laptop* is a separate risk; the bundle on
a USB stick is what this protects).

Keys: one fresh X25519 key per bundle (ephemeral), ECDH with the office's X25519 public key (from the kit),
HKDF-SHA256 (salt: ephemeral ‖ office public key; info: :data:`SEAL_INFO` ‖ bundle id) → one 256-bit key per bundle.
Per payload line: the personal fields present in the write are taken out of ``data`` and replaced by ONE string
``"~": "field,field,…:base64(ciphertext ‖ tag)"``; the plaintext is the compact JSON array of their values in that
order; ONE AEAD call per line (not per field: cheaper, and the field list is bound anyway); the nonce is the line's
index in the payload (96-bit big-endian: unique under the per-bundle key); the associated data binds the write's
stamp, table, row id and the field names (``hlc ␟ table ␟ row_id ␟ field,field``), so a ciphertext moved to another
line, row or field, or a field list altered, does not open. Opening needs the office's X25519 private key
(``keys/office-x25519.key``): a laptop cannot read another laptop's personal fields.

**2. Passphrase** (manifest ``"protected"``, bundle format 2; optional, meant for kits leaving the office, which
carry the roster): the compressed payload as a whole — so every personal field inside too — is encrypted with a key
from scrypt (:data:`SCRYPT_N`, r 8, p 1, a random 16-byte salt per bundle) and a random nonce; the associated data is
the bundle id. A wrong passphrase fails the tag check: nothing is written.

The manifest (device names, counts, stamps) stays readable, so ``bundle verify`` checks a file's signature anywhere.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lampang_planner.core.privacy.fields import FORGOTTEN_FIELDS, PLACEHOLDERS
from lampang_planner.core.sync import keys

PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "person": tuple(FORGOTTEN_FIELDS),
    "amendment": ("mover", "seconder"),
    "need": ("raised_by",),
}
"""Table → the fields a laptop's bundle seals to the office (see the module docstring)."""

SEAL_KEY = "~"  # the data key holding a line's sealed fields (not a field name: field names are identifiers)
SEAL_SCHEME = "x25519-hkdf-sha256-aes256gcm"
SEAL_INFO = b"lampang-planner bundle personal fields v1|"
TAG_BYTES = 16

PROTECT_SCHEME = "scrypt-aes256gcm"
PROTECT_AAD = b"lampang-planner bundle payload v1|"
SCRYPT_N = 1 << 17  # 128 MiB and ~0.3 s on the test machine (OWASP's scrypt minimum): once per kit import
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE = 8  # characters, when exporting
_MAX_SCRYPT_MEMORY = 256 << 20  # what a reader agrees to spend (128·r·n bytes)

_ENCODE_VALUES = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_raw_decode = json.JSONDecoder().raw_decode
_b64decode = binascii.a2b_base64


class SealError(Exception):
    """Why a sealed or protected bundle cannot be opened. ``code`` is the refusal code (see :mod:`.bundle`)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


def has_personal_values(data: dict, fields: Sequence[str]) -> bool:
    """True when a write carries a personal value worth protecting: not empty, and not a placeholder a purge or an
    erasure writes (those name nobody)."""
    for f in fields:
        v = data.get(f)
        if v is not None and v != "" and v not in PLACEHOLDERS:
            return True
    return False


def _aad(hlc: str, tbl: str, row_id: str, names: str) -> bytes:
    return f"{hlc}\x1f{tbl}\x1f{row_id}\x1f{names}".encode()


def _nonce(index: int) -> bytes:
    return index.to_bytes(NONCE_BYTES, "big")


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes, bundle_id: str) -> bytes:
    if shared == bytes(32):  # a low-order point: no secret at all
        raise SealError("damaged", "degenerate key agreement")
    return HKDF(hashes.SHA256(), 32, ephemeral + recipient, SEAL_INFO + bundle_id.encode()).derive(shared)


class Sealer:
    """The writer's side of layer 1: one ephemeral key per bundle, one AEAD call per line with personal fields."""

    def __init__(self, office_id: str, recipient_hex: str, bundle_id: str) -> None:
        try:
            recipient = keys.box_public_key_from_hex(recipient_hex)
        except ValueError as exc:
            raise SealError("bad-office-key", str(exc)) from exc
        eph = X25519PrivateKey.generate()
        eph_raw = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        rec_raw = bytes.fromhex(recipient_hex)
        self._aead = AESGCM(_seal_key(eph.exchange(recipient), eph_raw, rec_raw, bundle_id))
        self.office_id = office_id
        self.recipient = recipient_hex
        self.ephemeral = eph_raw.hex()
        self.lines = 0

    def seal(self, index: int, hlc: str, tbl: str, row_id: str, fields: Sequence[str], values: Sequence) -> str:
        """The ``"~"`` string of a line: its personal fields' names, and their values sealed."""
        self.lines += 1
        names = ",".join(fields)
        ct = self._aead.encrypt(_nonce(index), _ENCODE_VALUES(list(values)).encode(), _aad(hlc, tbl, row_id, names))
        return f"{names}:{base64.b64encode(ct).decode('ascii')}"

    def section(self) -> dict:
        return {"scheme": SEAL_SCHEME, "office_id": self.office_id, "recipient": self.recipient,
                "ephemeral": self.ephemeral, "lines": self.lines}


def check_sealed_section(section: object) -> dict:
    """The manifest's ``sealed`` section, or SealError("damaged")."""
    if not isinstance(section, dict) or section.get("scheme") != SEAL_SCHEME:
        raise SealError("damaged", "unknown sealing scheme")
    for k in ("recipient", "ephemeral"):
        v = section.get(k)
        if not isinstance(v, str) or len(v) != 64:
            raise SealError("damaged", f"bad {k}")
        try:
            bytes.fromhex(v)
        except ValueError as exc:
            raise SealError("damaged", f"bad {k}") from exc
    if not isinstance(section.get("office_id"), str) or type(section.get("lines")) is not int or section["lines"] < 1:
        raise SealError("damaged", "bad sealed section")
    return section


class Opener:
    """The office's side of layer 1. Raises SealError: ``wrong-office`` when the bundle was sealed to another key."""

    def __init__(self, section: dict, private_key: X25519PrivateKey, bundle_id: str) -> None:
        check_sealed_section(section)
        own = keys.box_public_hex(private_key.public_key())
        if section["recipient"] != own:
            raise SealError("wrong-office", "sealed to another office's key")
        try:
            eph = keys.box_public_key_from_hex(section["ephemeral"])
        except ValueError as exc:
            raise SealError("damaged", "bad ephemeral key") from exc
        try:
            shared = private_key.exchange(eph)
        except ValueError as exc:  # cryptography refuses a low-order point
            raise SealError("damaged", "degenerate key agreement") from exc
        self._decrypt = AESGCM(
            _seal_key(shared, bytes.fromhex(section["ephemeral"]), bytes.fromhex(own), bundle_id)).decrypt

    def open(self, index: int, hlc: str, tbl: str, row_id: str, names: str, n_fields: int, token: str) -> list:
        """The values of a line's sealed fields (``names``: as in the line, comma-separated, ``n_fields`` of them);
        SealError("damaged") when they were altered or moved."""
        try:
            # _nonce and _aad inline: this runs once per sealed line of an import
            pt = self._decrypt(index.to_bytes(NONCE_BYTES, "big"), _b64decode(token, strict_mode=True),
                               f"{hlc}\x1f{tbl}\x1f{row_id}\x1f{names}".encode())
            text = pt.decode("utf-8")
            values, end = _raw_decode(text)  # json.loads without its wrapper: this runs once per sealed line
            if end != len(text):
                raise ValueError("trailing data")
        except (InvalidTag, binascii.Error, ValueError, TypeError) as exc:
            raise SealError("damaged", f"sealed fields of line {index + 1} do not open") from exc
        if type(values) is not list or len(values) != n_fields:
            raise SealError("damaged", f"sealed fields of line {index + 1} are malformed")
        return values


def token_ok(token: str) -> bool:
    """Shape check of a sealed token without opening it (``bundle verify`` away from the office)."""
    try:
        return len(base64.b64decode(token, validate=True)) >= TAG_BYTES
    except (binascii.Error, ValueError):
        return False


# --- layer 2: a passphrase over the whole payload -----------------------------------------------------------------


def _normal(passphrase: str) -> bytes:
    """NFC, so a Thai passphrase typed on another keyboard or system (other composition of the same text) matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    """SealError("weak-passphrase") when a passphrase is too short to protect a roster."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE:
        raise SealError("weak-passphrase", f"at least {MIN_PASSPHRASE} characters")


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(_normal(passphrase), salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p) + (16 << 20),
                          dklen=32)


def protect(blob: bytes, passphrase: str, bundle_id: str) -> tuple[bytes, dict]:
    """``blob`` encrypted under a key derived from ``passphrase``, and the manifest's ``protected`` section."""
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    key = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ct = AESGCM(key).encrypt(nonce, blob, PROTECT_AAD + bundle_id.encode())
    return ct, {"scheme": PROTECT_SCHEME, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": salt.hex(), "nonce": nonce.hex()}


def check_protected_section(section: object) -> dict:
    """The manifest's ``protected`` section with sane scrypt costs (a reader must not be made to spend gigabytes),
    or SealError("damaged")."""
    if not isinstance(section, dict) or section.get("scheme") != PROTECT_SCHEME or section.get("kdf") != "scrypt":
        raise SealError("damaged", "unknown protection scheme")
    n, r, p = section.get("n"), section.get("r"), section.get("p")
    if not all(type(x) is int for x in (n, r, p)):
        raise SealError("damaged", "bad scrypt parameters")
    if not (1 << 10 <= n <= 1 << 20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 4
            and 128 * r * n <= _MAX_SCRYPT_MEMORY):
        raise SealError("damaged", "unreasonable scrypt parameters")
    try:
        salt, nonce = bytes.fromhex(section.get("salt", "")), bytes.fromhex(section.get("nonce", ""))
    except (TypeError, ValueError) as exc:
        raise SealError("damaged", "bad salt or nonce") from exc
    if not 16 <= len(salt) <= 64 or len(nonce) != NONCE_BYTES:
        raise SealError("damaged", "bad salt or nonce")
    return section


def protected_key(passphrase: str, section: dict) -> bytes:
    """The AES key a passphrase gives for a protected payload (scrypt: deliberately slow; derive it once)."""
    check_protected_section(section)
    return _scrypt(passphrase, bytes.fromhex(section["salt"]), section["n"], section["r"], section["p"])


def unprotect_stream(chunks: Iterable[bytes], key: bytes, section: dict, bundle_id: str, *,
                     verify_only: bool = False) -> Iterator[bytes]:
    """The clear payload of a protected bundle, decrypted piece by piece (memory stays flat whatever its size).
    ``chunks`` are the stored bytes (ciphertext then the 16-byte tag). The tag is checked at the end: a wrong key
    raises SealError("bad-passphrase") then; run once with ``verify_only`` (nothing yielded) to know before using the
    output."""
    pending = b""
    dec = None
    for chunk in chunks:
        pending += chunk
        if len(pending) <= TAG_BYTES:
            continue
        body, pending = pending[:-TAG_BYTES], pending[-TAG_BYTES:]
        if dec is None:
            dec = _decryptor(key, section, bundle_id)
        out = dec.update(body)
        if out and not verify_only:
            yield out
    if len(pending) != TAG_BYTES:
        raise SealError("bad-passphrase", "the protected payload is too short")
    if dec is None:
        dec = _decryptor(key, section, bundle_id)
    try:
        tail = dec.finalize_with_tag(pending)
    except InvalidTag as exc:
        raise SealError("bad-passphrase", "the passphrase does not open this bundle") from exc
    if tail and not verify_only:
        yield tail


def _decryptor(key: bytes, section: dict, bundle_id: str):
    dec = Cipher(algorithms.AES(key), modes.GCM(bytes.fromhex(section["nonce"]))).decryptor()
    dec.authenticate_additional_data(PROTECT_AAD + bundle_id.encode())
    return dec
