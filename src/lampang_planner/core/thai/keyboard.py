"""Thai Kedmanee ↔ US QWERTY, for USB barcode scanners in keyboard-wedge mode.

A scanner "types" US key positions. With the Thai Kedmanee layout active the operating system turns them into Thai
characters, so `LPP1:` arrives as `ศญญๅซ`. `thai_to_us` undoes that.

The table is Kedmanee (TIS 820-2538) as shipped by Windows (KBDTH0; KBDTH2 "non-ShiftLock" types the same
characters) and by X11 (xkb `th` "basic"), checked against both. Each Thai character comes from exactly one key, so
Thai → US is a function with no choice to make for Thai characters. The only overlap is with ASCII: Kedmanee itself
types `_ / - " , . ( ) ? % +` (from `` ` 2 3 W } " Z X M ~ ! ``). Inside a burst those characters are mapped back to
the key that produced them (`/` → `2`, `-` → `3`), which is what the QR payload alphabet needs (its digits 2 and 3
arrive as `/` and `-`). ASCII letters, digits and `:` never come out of Kedmanee and pass through unchanged.

Pattachote is mapped too (``pattachote_to_us``), from X11 xkb ``th(pat)``; under it the digit row types Thai
digits (``2`` → ๒) and ``1`` types ``=``, and a, g, q and their capitals type combining marks — which is harmless
for a scanner's burst, as each key press still carries its own character. Manoonchai and vendor variants (e.g.
macOS's own Thai layouts) were not checked.
"""

from __future__ import annotations

import re
import unicodedata

US_UNSHIFTED = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
KEDMANEE_UNSHIFTED = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ"
US_SHIFTED = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
KEDMANEE_SHIFTED = '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'

US_TO_THAI: dict[str, str] = dict(zip(US_UNSHIFTED + US_SHIFTED, KEDMANEE_UNSHIFTED + KEDMANEE_SHIFTED, strict=True))
"""What each US key (unshifted and shifted) types under Kedmanee. Space types a space in both layouts."""

THAI_TO_US: dict[str, str] = {thai: us for us, thai in US_TO_THAI.items()}
"""The inverse of US_TO_THAI: each Kedmanee character → the US character on the same key."""

COMBINING_KEYS: frozenset[str] = frozenset(us for us, thai in US_TO_THAI.items() if unicodedata.category(thai) == "Mn")
"""US keys that type a Thai combining mark under Kedmanee (b h j n u y 6 7, and shifted B H J N U Y ^)."""

PATTACHOTE_UNSHIFTED = "_=๒๓๔๕ู๗๘๙๐๑๖็ตยอร่ดมวแใฌๅ้ทงกัีานเไขบปลหิคสะจพ"
PATTACHOTE_SHIFTED = '฿+"/,?ุ_.()-%๊ฤๆญษึฝซถฒฯฦํ๋ธำณ์ืผชโฆฑฎฏฐภฺศฮฟฉฬ'

US_TO_PATTACHOTE: dict[str, str] = dict(
    zip(US_UNSHIFTED + US_SHIFTED, PATTACHOTE_UNSHIFTED + PATTACHOTE_SHIFTED, strict=True)
)
"""What each US key types under Pattachote (X11 xkb ``th(pat)``)."""

PATTACHOTE_TO_US: dict[str, str] = {}
for _us, _thai in US_TO_PATTACHOTE.items():
    PATTACHOTE_TO_US.setdefault(_thai, _us)  # "_" comes from two keys (` and &); neither is in a code
"""The inverse of US_TO_PATTACHOTE."""

_US_TO_THAI_TABLE = str.maketrans(US_TO_THAI)
_US_TO_PATTACHOTE_TABLE = str.maketrans(US_TO_PATTACHOTE)
_PATTACHOTE_TO_US_TABLE = str.maketrans(PATTACHOTE_TO_US)
_THAI_TO_US_TABLE = str.maketrans(THAI_TO_US)
_THAI_RE = "[\u0e00-\u0e7f]"  # compiled on first use (re's cache): a scan never needs it


def us_to_thai(text: str) -> str:
    """What `text` typed on US key positions becomes under the Kedmanee layout."""
    return text.translate(_US_TO_THAI_TABLE)


def thai_to_us(text: str) -> str:
    """Map a burst typed under Kedmanee back to the US characters that were meant."""
    return text.translate(_THAI_TO_US_TABLE)


def us_to_pattachote(text: str) -> str:
    """What `text` typed on US key positions becomes under the Pattachote layout."""
    return text.translate(_US_TO_PATTACHOTE_TABLE)


def pattachote_to_us(text: str) -> str:
    """Map a burst typed under Pattachote back to the US characters that were meant."""
    return text.translate(_PATTACHOTE_TO_US_TABLE)


def looks_like_thai_layout(text: str) -> bool:
    """True when the text contains Thai characters, i.e. it was probably typed with the Thai layout active."""
    return re.search(_THAI_RE, text) is not None
