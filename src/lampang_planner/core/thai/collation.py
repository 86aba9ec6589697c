"""Thai dictionary order for sorting, and accent-insensitive folding for search.

Thai code points are already in dictionary order (consonants ก–ฮ, then vowels ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ),
except that the leading vowels เ แ โ ใ ไ are written before the consonant they follow in speech. The key therefore swaps each
leading vowel behind the next consonant (as ICU does), compares without tone marks and other diacritics first, and
uses them only to break ties (unmarked before ่ before ้ before ๊ before ๋).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from lampang_planner.core.thai.digits import ARABIC_DIGITS, THAI_DIGITS

T = TypeVar("T")

LEADING_VOWELS = "เแโใไ"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# ็ (maitaikhu), ์ (thanthakhat), ํ (nikhahit), ๎ (yamakkan), ฺ (phinthu)
OTHER_DIACRITICS = "\u0e47\u0e4c\u0e4d\u0e4e\u0e3a"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_LEADING_VOWEL_RE = re.compile(f"([{LEADING_VOWELS}])([\u0e01-\u0e2e])")
_SPACES_RE = re.compile(r"\s+")
# ำ typed as ํ + า, possibly with the tone mark in between (น ํ ้ า for น้ำ): recompose to (tone) + ำ.
_SARA_AM_SPLIT_RE = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")

# Sort: Thai digits as Arabic, zero-width characters dropped.
_SECONDARY_TABLE = str.maketrans(THAI_DIGITS, ARABIC_DIGITS, ZERO_WIDTH)
# Primary: additionally drop tone marks and diacritics.
_PRIMARY_TABLE = str.maketrans(THAI_DIGITS, ARABIC_DIGITS, ZERO_WIDTH + TONE_MARKS + OTHER_DIACRITICS)
# Search folding: tone marks, ็ ์ ํ and zero-width characters dropped, Thai digits as Arabic.
_FOLD_TABLE = str.maketrans(THAI_DIGITS, ARABIC_DIGITS, ZERO_WIDTH + TONE_MARKS + "\u0e47\u0e4c\u0e4d")


def thai_sort_key(s: str) -> tuple[str, str, str]:
    """A key for `sorted()` giving Thai dictionary order (Latin case-insensitive, ๑ = 1)."""
    t = s.lower()
    if "\u0e4d" in t:
        t = _SARA_AM_SPLIT_RE.sub("\\1\u0e33", t)
    t = _LEADING_VOWEL_RE.sub(r"\2\1", t)
    return t.translate(_PRIMARY_TABLE), t.translate(_SECONDARY_TABLE), s


def thai_sorted(iterable: Iterable[T], key: Callable[[T], str] | None = None, reverse: bool = False) -> list[T]:
    """`sorted()` in Thai dictionary order; `key` extracts the text to compare (default: the item itself)."""
    if key is None:
        return sorted(iterable, key=cast(Callable[[T], Any], thai_sort_key), reverse=reverse)
    extract = key
    return sorted(iterable, key=lambda item: thai_sort_key(extract(item)), reverse=reverse)


def fold_for_search(s: str) -> str:
    """Fold text for matching: lower case, no tone marks or ็ ์ ํ, Arabic digits, NFC, single spaces."""
    t = unicodedata.normalize("NFC", s).lower()
    if "\u0e4d" in t:
        t = _SARA_AM_SPLIT_RE.sub("\\1\u0e33", t)
    t = t.translate(_FOLD_TABLE)
    return _SPACES_RE.sub(" ", t).strip()
