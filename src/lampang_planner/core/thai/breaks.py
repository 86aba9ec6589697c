"""Where a Thai line may NOT end, on top of the word segmentation: the rules a Thai typesetter follows.

Given the segmenter's tokens (words, with spaces as their own tokens), :func:`glue` says for each gap between two
tokens whether a line break there is forbidden:

- a person's name is one unit: a person's title (นาย, นาง, นางสาว, ดร., ผศ., พ.ต.อ. …) with the first name written
  after it and the surname after the space (นางยุทธนา ทาแก้ว, never นาง|ยุทธนา or ทา|แก้ว); ``keep`` adds phrases
  known to be names (or anything else that must stay whole);
- never after an abbreviation with dots (ต. อ. จ. ส.ค. พ.ศ. ดร. …): it stays with what follows, across one space;
- never after ณ ("at", "as of"): it stays with the date or place it introduces (ณ วันที่ 25 สิงหาคม พ.ศ. 2559,
  ณ ที่ทำการ…, ข้อมูล ณ 30 ส.ค. 2559), across one space;
- never inside a number (08:42, 1/3, 12,000) nor between a number and its unit (500 คน, 12,000 บาท, 08:42 น.);
- never inside a date (30 ส.ค. 2559, 25 สิงหาคม พ.ศ. 2559) nor between a label and its number (ข้อ 4, หน้า 1/3,
  ร้อยละ 91.8, วันที่ 30);
- an item's number in brackets stays with the item: (6) เวทีประชาคม…, never (6)|เวทีประชาคม;
- closing punctuation stays with the word before it, opening punctuation with the word after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lampang_planner.core.thai.dates import MONTHS_LONG, MONTHS_SHORT
from lampang_planner.core.thai.names import COMMON_PREFIXES

_CLOSING = frozenset(".,;:!?)]}%\u0e2f\u0e46\u201d\u2019\u2026")  # also ฯ ๆ ” ’ …
_OPENING = frozenset("([{\u201c\u2018")
_NUMBER = re.compile(r"^[0-9\u0e50-\u0e59]+(?:[.,:/][0-9\u0e50-\u0e59]+)*$")
_NUMBER_JOINER = frozenset(".,:/-\u2013")
_ABBREVIATION = re.compile(r"^(?:[\u0e01-\u0e2e]{1,4}\.)+$")  # ต. จ. ส.ค. พ.ศ. ดร. ผศ. อบจ.
# Person titles after which a name follows (the surname after the next space is part of it). อ. (อำเภอ / อาจารย์)
# and คุณ are left out: too often something else.
PERSON_TITLES = frozenset(p for p in COMMON_PREFIXES if not p.isascii() and p not in ("อ.", "คุณ"))
MONTHS = frozenset((*MONTHS_LONG, *MONTHS_SHORT))
ERAS = frozenset(("พ.ศ.", "ค.ศ."))
UNITS = frozenset((
    "คน", "ราย", "บาท", "ล้าน", "ล้านบาท", "สตางค์", "วัน", "เดือน", "ปี", "ครั้ง", "ชั่วโมง", "ชม.", "นาที", "วินาที",
    "น.", "นาฬิกา", "กม.", "กิโลเมตร", "เมตร", "ม.", "ซม.", "ไร่", "งาน", "ตร.ว.", "ตารางวา", "ตารางเมตร", "แห่ง",
    "เวที", "หมู่บ้าน", "ตำบล", "อำเภอ", "ชุมชน", "โครงการ", "เรื่อง", "ข้อ", "หน้า", "แผ่น", "ชุด", "เล่ม", "คัน",
    "หลัง", "ครัวเรือน", "กิโลกรัม", "กก.", "ลิตร", "ตัน", "%", "เปอร์เซ็นต์",
))  # fmt: skip
LABELS = frozenset((
    "ข้อ", "หน้า", "ร้อยละ", "วันที่", "ครั้งที่", "ที่", "หมู่", "หมู่ที่", "ม.", "เลขที่", "มาตรา", "ลำดับที่", "ฉบับที่",
    "ปี", "พ.ศ.", "ค.ศ.", "จำนวน", "รวม", "เวลา",
))  # fmt: skip
STAYS_WITH_NEXT = frozenset(("ณ",))  # words that never end a line: they belong to what follows
_MAX_SURNAME = 30  # characters: a longer run after a title is text, not a surname


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


def _next_word(tokens: Sequence[str], i: int) -> int | None:
    """Index of the word after token ``i``: the next token, or the one after a single space; None if none."""
    if i + 1 < len(tokens) and not tokens[i + 1].isspace():
        return i + 1
    if i + 2 < len(tokens) and tokens[i + 1] == " " and not tokens[i + 2].isspace():
        return i + 2
    return None


def _join(glued: list[bool], a: int, b: int) -> None:
    """Forbid every break between tokens a and b (b after a)."""
    for k in range(a, b):
        glued[k] = True


def _run_end(tokens: Sequence[str], i: int) -> int:
    """Index of the last token of the run of non-space tokens that starts at ``i``."""
    while i + 1 < len(tokens) and not tokens[i + 1].isspace():
        i += 1
    return i


def _glue_name(tokens: Sequence[str], i: int, glued: list[bool]) -> None:
    """Token ``i`` is a person's title: glue it with the first name (rest of its run) and the surname after one
    space."""
    end = _run_end(tokens, i)
    if end == i and i + 2 < len(tokens) and tokens[i + 1] == " ":  # "นาย สมชาย ใจดี": title written apart
        end = _run_end(tokens, i + 2)
    _join(glued, i, end)
    if end + 2 < len(tokens) and tokens[end + 1] == " " and not tokens[end + 2].isspace():
        last = _run_end(tokens, end + 2)
        surname = "".join(tokens[end + 2 : last + 1])
        if len(surname) <= _MAX_SURNAME and not any(c in _CLOSING for c in surname[:1]):
            _join(glued, end, last)


def _glue_keep(tokens: Sequence[str], keep: Sequence[str], glued: list[bool]) -> None:
    text = "".join(tokens)
    starts, position = [], 0
    for t in tokens:
        starts.append(position)
        position += len(t)
    for phrase in keep:
        phrase = phrase.strip()
        if not phrase:
            continue
        for m in re.finditer(re.escape(phrase), text):
            inside = [k for k, s in enumerate(starts) if m.start() <= s < m.end()]
            if inside:
                _join(glued, inside[0], inside[-1])


def glue(tokens: Sequence[str], keep: Sequence[str] = (), *, labels: bool = True) -> list[bool]:
    """For each gap between ``tokens[k]`` and ``tokens[k + 1]``: True if a line must not break there. Without
    ``labels`` a label keeps no hold on its number (the first place to break a unit too long for its line)."""
    n = len(tokens)
    glued = [False] * max(n - 1, 0)
    for i, t in enumerate(tokens):
        if t.isspace():
            continue
        j = i + 1 if i + 1 < n and not tokens[i + 1].isspace() else None
        nxt = _next_word(tokens, i)
        if j is not None and (all(c in _CLOSING for c in tokens[j]) or all(c in _OPENING for c in t)):
            glued[i] = True
        if j is not None and _is_number(t) and (tokens[j] in _NUMBER_JOINER and j + 1 < n
                                                 and _is_number(tokens[j + 1])):
            _join(glued, i, j + 1)  # 08 : 42, 1 / 3
        if t == "(" and i + 2 < n and _is_number(tokens[i + 1]) and tokens[i + 2] == ")":
            after = _next_word(tokens, i + 2)
            if after is not None:
                _join(glued, i, after)  # (6) เวทีประชาคม…: an item's number stays with the item
        if t in PERSON_TITLES:
            _glue_name(tokens, i, glued)
        elif _ABBREVIATION.match(t) and nxt is not None and not (t in UNITS and i and _after_number(tokens, i)):
            _join(glued, i, nxt)  # ต.|บุญนาคพัฒนา, ส.ค. 2559, พ.ศ. 2559
        elif t in STAYS_WITH_NEXT and nxt is not None:
            _join(glued, i, nxt)  # ณ|วันที่ 25 …, ณ|ที่ทำการ
        if nxt is None:
            continue
        following = tokens[nxt]
        if _is_number(t) and (following in UNITS or following in MONTHS):
            _join(glued, i, nxt)  # 500 คน, 30 ส.ค.
        elif t in MONTHS and (_is_number(following) or following in ERAS):
            _join(glued, i, nxt)  # สิงหาคม 2559, ส.ค. พ.ศ.
        elif labels and t in LABELS and _is_number(following):
            _join(glued, i, nxt)  # ข้อ 4, หน้า 1/3, ร้อยละ 91.8
    if keep:
        _glue_keep(tokens, keep, glued)
    return glued


def _after_number(tokens: Sequence[str], i: int) -> bool:
    """Token ``i`` comes right after a number (directly or after one space): it is that number's unit."""
    if i >= 1 and _is_number(tokens[i - 1]):
        return True
    return i >= 2 and tokens[i - 1] == " " and _is_number(tokens[i - 2])


def units(tokens: Sequence[str], keep: Sequence[str] = (), *, labels: bool = True) -> list[str]:
    """The tokens joined into units a line may not break inside; spaces between units stay their own tokens."""
    if not tokens:
        return []
    glued = glue(tokens, keep, labels=labels)
    out = [tokens[0]]
    for k in range(1, len(tokens)):
        if glued[k - 1]:
            out[-1] += tokens[k]
        else:
            out.append(tokens[k])
    return out
