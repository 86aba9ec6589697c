"""Person short codes and their QR payloads, designed to survive a USB scanner typing under the Thai layout.

Alphabet (23 symbols, a prime): ``234589ACDEFGKMPQRSTVWXZ`` — the digits and upper-case letters without
  * keys that type Thai combining marks under Kedmanee: B H J N U Y 6 7 (they would merge with the previous
    character or be dropped by the input method), and
  * look-alikes: 0 and O, 1 and I and L.
The last symbol is a check character: Σ wᵢ·vᵢ ≡ 0 (mod 23) over all symbols with weights wᵢ = (i mod 22) + 1.
All weights are non-zero and neighbouring weights differ, and 23 is prime, so every single substitution and every
transposition of two adjacent symbols changes the sum and is detected.

Badges carry the payload ``lpp1;<code in lower case>``: every character of it is typed WITHOUT Shift on a US
keyboard, so a keyboard-wedge scanner sends one key press per character (half the key events of a capital, no
Shift state to lose or invert over Bluetooth or a remote desktop, no CapsLock inversion, and under Kedmanee only
unshifted keys, none of them combining: l p 1 ; → ส ย ๅ ว). It still fits a version-1 QR code (14 bytes, level M).
Badges printed before carry ``LPP1:<code>`` (Shift for every capital and ":"); both read the same, in either case,
with ":" or ";", typed under US, Kedmanee or Pattachote.
"""

from __future__ import annotations

import hashlib
import io
import re

from lampang_planner.core.thai.keyboard import pattachote_to_us, thai_to_us

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # Pillow loads with the first QR image, not with every check-in
    from PIL import Image

ALPHABET = "234589" + "ACDEFGKMPQRSTVWXZ"
BASE = len(ALPHABET)  # 23, prime
PAYLOAD_PREFIX = "lpp1;"
"""What badges print before the code (lower case: no Shift); ``LPP1:`` on older badges reads the same."""
DEFAULT_LENGTH = 8

_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_INVISIBLE_RE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
# A scanner whose shift state is inverted types ";" for ":"; accept both after the prefix.
_PAYLOAD_RE = re.compile(r"LPP1[:;]")


def _weight(position: int) -> int:
    return position % (BASE - 1) + 1


def _checksum(values: list[int]) -> int:
    return sum(_weight(i) * v for i, v in enumerate(values)) % BASE


def check_symbol(body: str) -> str:
    """The check symbol to append to `body` (symbols of ALPHABET) so the whole code is valid."""
    values = [_VALUE[c] for c in body]
    partial = _checksum(values)
    w = _weight(len(values))
    return ALPHABET[(-partial * pow(w, -1, BASE)) % BASE]


def make_code(seed: bytes | str, length: int = DEFAULT_LENGTH, salt: int = 0) -> str:
    """A deterministic code: `length` symbols from SHA-256 of `seed` (and `salt`, for collision retries) + 1 check."""
    if length < 1:
        raise ValueError("length must be at least 1")
    data = seed.encode("utf-8") if isinstance(seed, str) else bytes(seed)
    if salt:
        data += b"\x00salt:" + str(salt).encode("ascii")
    number = int.from_bytes(hashlib.sha256(data).digest(), "big")
    body = []
    for _ in range(length):
        number, value = divmod(number, BASE)
        body.append(ALPHABET[value])
    code = "".join(body)
    return code + check_symbol(code)


def is_valid_code(code: str) -> bool:
    """True for at least two symbols of ALPHABET (upper case) whose check symbol is right."""
    if len(code) < 2 or any(c not in _VALUE for c in code):
        return False
    return _checksum([_VALUE[c] for c in code]) == 0


def _as_code(text: str) -> str | None:
    text = text.upper()
    if match := _PAYLOAD_RE.match(text):
        text = text[match.end() :]
    return text if is_valid_code(text) else None


def normalise_scan(text: str) -> str | None:
    """The code in what a scanner or keyboard delivered, or None.

    Accepts the bare code or the payload (``lpp1;<code>``, or ``LPP1:<code>`` of older badges), in either case, with
    surrounding whitespace and CR/LF, typed under the US, the Thai Kedmanee or the Thai Pattachote layout.
    """
    cleaned = _INVISIBLE_RE.sub("", text)
    if not cleaned:
        return None
    return _as_code(cleaned) or _as_code(thai_to_us(cleaned)) or _as_code(pattachote_to_us(cleaned))


def payload(code: str) -> str:
    """What the QR code of a new badge holds: ``lpp1;<code>`` in lower case (typed without Shift)."""
    return PAYLOAD_PREFIX + code.lower()


def qr_image(code: str, box_size: int = 10, border: int = 2) -> Image.Image:
    """A black-on-white QR code (error correction M) of ``payload(code)`` as a PIL image."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    qr.add_data(payload(code))
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white")
    return image.get_image().convert("L")


def qr_png_bytes(code: str, box_size: int = 10, border: int = 2) -> bytes:
    """The QR code of `code` as PNG file bytes."""
    buffer = io.BytesIO()
    qr_image(code, box_size=box_size, border=border).save(buffer, format="PNG")
    return buffer.getvalue()
