"""Thai digits (๐–๙) ↔ Arabic digits (0–9)."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(s: str) -> str:
    """Replace every 0–9 by ๐–๙; everything else is left alone."""
    return s.translate(_TO_THAI)


def to_arabic_digits(s: str) -> str:
    """Replace every ๐–๙ by 0–9; everything else is left alone."""
    return s.translate(_TO_ARABIC)
