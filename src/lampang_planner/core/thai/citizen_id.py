"""The 13-digit Thai citizen identification number (เลขประจำตัวประชาชน) and its check digit."""

from __future__ import annotations

import re

from lampang_planner.core.thai.digits import to_arabic_digits

_SEPARATORS_RE = re.compile(r"[\s\-\u2010-\u2015.]+")
_THIRTEEN_DIGITS_RE = re.compile(r"[0-9]{13}")


def normalise_citizen_id(text: str) -> str:
    """Drop spaces, dashes and dots and turn Thai digits into Arabic ("๑-๒๓๔๕ ..." → "12345...")."""
    return _SEPARATORS_RE.sub("", to_arabic_digits(text))


def check_digit(first12: str) -> int:
    """The 13th digit for the first 12: (11 − Σ digit[i]·(13 − i) mod 11) mod 10."""
    if len(first12) != 12 or not first12.isascii() or not first12.isdigit():
        raise ValueError(f"need exactly 12 digits, got {first12!r}")
    total = sum(int(c) * (13 - i) for i, c in enumerate(first12))
    return (11 - total % 11) % 10


def is_valid_citizen_id(s: str) -> bool:
    """True for 13 digits (after normalising) whose last digit is the correct check digit."""
    n = normalise_citizen_id(s)
    if not _THIRTEEN_DIGITS_RE.fullmatch(n):
        return False
    return check_digit(n[:12]) == int(n[12])


def format_citizen_id(s: str) -> str:
    """Format as "1-2345-67890-12-1" (from "1234567890121"); raises ValueError unless there are 13 digits."""
    n = normalise_citizen_id(s)
    if not _THIRTEEN_DIGITS_RE.fullmatch(n):
        raise ValueError(f"a citizen ID has 13 digits: {s!r}")
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"
