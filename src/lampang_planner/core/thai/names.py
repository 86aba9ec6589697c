"""Personal-name prefixes (คำนำหน้าชื่อ): recognising them and writing full names the Thai way."""

from __future__ import annotations

import re

COMMON_PREFIXES: tuple[str, ...] = (
    # civil
    "นาย", "นาง", "นางสาว", "น.ส.", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.", "คุณ",
    # academic and professional
    "ดร.", "ศ.", "รศ.", "ผศ.", "ศ.ดร.", "รศ.ดร.", "ผศ.ดร.", "อ.", "ศาสตราจารย์", "รองศาสตราจารย์",
    "ผู้ช่วยศาสตราจารย์", "อาจารย์", "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.",
    # clergy
    "พระ", "พระครู", "พระมหา", "พระอธิการ", "สามเณร", "แม่ชี",
    # reserve officer candidates
    "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "ว่าที่ ร.ต.หญิง", "ว่าที่ร.ต.หญิง",
    # army
    "พลทหาร", "พลฯ", "ส.ต.", "ส.ท.", "ส.อ.", "จ.ส.ต.", "จ.ส.ท.", "จ.ส.อ.", "ร.ต.", "ร.ท.", "ร.อ.",
    "พ.ต.", "พ.ท.", "พ.อ.", "พล.ต.", "พล.ท.", "พล.อ.", "ร้อยตรี", "ร้อยโท", "ร้อยเอก",
    # police
    "ส.ต.ต.", "ส.ต.ท.", "ส.ต.อ.", "ด.ต.", "ร.ต.ต.", "ร.ต.ท.", "ร.ต.อ.", "พ.ต.ต.", "พ.ต.ท.", "พ.ต.อ.",
    "พล.ต.ต.", "พล.ต.ท.", "พล.ต.อ.",
    # navy and air force (commissioned)
    "น.ต.", "น.ท.", "น.อ.", "พ.จ.อ.", "พ.อ.อ.",
    # English
    "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.",
)  # fmt: skip

# (form as typed, canonical prefix), longest form first so "นางสาว" wins over "นาง" and "ร.ต.อ." over "ร.ต.".
# English prefixes are also recognised without their dot ("Mr Smith").
_FORMS: list[tuple[str, str]] = sorted(
    {(p.casefold(), p) for p in COMMON_PREFIXES}
    | {(p[:-1].casefold(), p) for p in COMMON_PREFIXES if p.isascii() and p.endswith(".")},
    key=lambda form: len(form[0]),
    reverse=True,
)

# A name cannot start with a combining mark or a following vowel: "นายิกา" is a name, not "นาย" + "ิกา".
# (patterns compiled on first use, by re's own cache: writing a name never needs them)
_CANNOT_START = "[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]"
_SPACES_RE = r"\s+"


def split_prefix(full_name: str) -> tuple[str, str]:
    """Split a leading known prefix off: "นายสมชาย ใจดี" → ("นาย", "สมชาย ใจดี"); ("", name) if there is none.

    Thai prefixes may be attached or followed by a space; English ones need a dot or a space ("Missy" is a name).
    The prefix is returned in its canonical spelling from COMMON_PREFIXES.
    """
    text = re.sub(_SPACES_RE, " ", full_name).strip()
    folded = text.casefold()
    for form, prefix in _FORMS:
        if not folded.startswith(form):
            continue
        rest = text[len(form) :]
        if form.isascii() and not (form.endswith(".") or rest.startswith(" ")):
            continue
        rest = rest.lstrip(" ")
        if rest and not re.match(_CANNOT_START, rest):
            return prefix, rest
    return "", text


def full_name(prefix: str, first: str, last: str = "") -> str:
    """Thai convention: "นายสมชาย ใจดี", "ดร.สมชาย ใจดี" (prefix attached); "Mr. John Smith" (with a space)."""
    prefix, first, last = prefix.strip(), first.strip(), last.strip()
    name = f"{first} {last}".strip()
    if not prefix:
        return name
    if not name:
        return prefix
    separator = " " if prefix.isascii() else ""
    return f"{prefix}{separator}{name}"
