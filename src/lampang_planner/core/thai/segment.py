"""Thai word segmentation (newmm) and line filling that breaks only between words.

Thai is written without spaces between words, so a line may only end where the segmenter found a word boundary
(or at a space). A word wider than the whole line is split between character clusters, never between a consonant
and its vowel or tone mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from newmm_tokenizer.tokenizer import word_tokenize

Measure = Callable[[str], float]

# A Thai character cluster: leading vowels, one base character, its combining marks, then ะ า ำ ๅ and ๆ ฯ.
_CLUSTER_RE = re.compile("[\u0e40-\u0e44]*.[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*(?:[\u0e30\u0e32\u0e33\u0e45][\u0e47-\u0e4e]*)?", re.S)
_CLOSING = frozenset(".,;:!?)]}%\u0e2f\u0e46\u201d\u2019\u2026")  # also ฯ ๆ ” ’ …
_OPENING = frozenset("([{\u201c\u2018")
_LATIN_WORD_CHAR = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=4096)
def _words_cached(text: str) -> tuple[str, ...]:
    return tuple(word_tokenize(text))


def words(text: str) -> list[str]:
    """Segment into words with newmm; spaces and newlines come back as their own tokens, nothing is dropped."""
    return list(_words_cached(text))


def clusters(text: str) -> list[str]:
    """Split into Thai character clusters (a consonant with its vowels and marks); other characters one by one."""
    return _CLUSTER_RE.findall(text)


def _units(paragraph: str) -> list[str]:
    """Words, with closing punctuation glued to the word before it and opening punctuation to the word after."""
    units: list[str] = []
    glue_next = False
    for token in words(paragraph):
        if token.isspace():
            units.append(token)
            glue_next = False
        elif glue_next or (units and not units[-1].isspace() and all(c in _CLOSING for c in token)):
            units[-1] += token
            glue_next = all(c in _OPENING for c in token)
        else:
            units.append(token)
            glue_next = all(c in _OPENING for c in token)
    return units


def _split_long_word(word: str, max_width: float, measure: Measure) -> list[str]:
    pieces: list[str] = []
    current = ""
    for cluster in clusters(word):
        if current and measure(current + cluster) > max_width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    pieces.append(current)
    return pieces


def _wrap_paragraph(paragraph: str, max_width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    line = ""
    space = ""
    for unit in _units(paragraph):
        if unit.isspace():
            if line:
                space += unit
            continue
        candidate = line + space + unit
        if measure(candidate) <= max_width:
            line, space = candidate, ""
            continue
        if line:
            lines.append(line)
            line, space = "", ""
        if measure(unit) <= max_width:
            line = unit
        else:
            *full, line = _split_long_word(unit, max_width, measure)
            lines.extend(full)
    if line or not lines:
        lines.append(line)
    return lines


def wrap_to_width(text: str, max_width: float, measure: Measure) -> list[str]:
    """Fill lines greedily up to `max_width` (as measured by `measure`), breaking only between words.

    Spaces are break opportunities and are dropped at line ends; newlines force a break (an empty line stays
    empty). Example: ``wrap_to_width(text, 200, lambda s: stringWidth(s, "Sarabun", 14))``.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width, measure))
    return lines


def _joined_with_offsets(lines: Sequence[str]) -> tuple[str, list[int]]:
    parts: list[str] = []
    ends: list[int] = []
    length = 0
    for i, line in enumerate(lines):
        if i and parts and line:
            previous = parts[-1]
            if previous and _LATIN_WORD_CHAR.match(previous[-1]) and _LATIN_WORD_CHAR.match(line[0]):
                parts.append(" ")  # a break between two Latin words was a space
                length += 1
        parts.append(line)
        length += len(line)
        ends.append(length)
    return "".join(parts), ends


def broken_words(lines: Sequence[str]) -> list[int]:
    """Indexes of lines whose end falls inside a word when the lines are joined again and re-segmented.

    Lines are joined without spaces (Thai), except that a space is assumed between two Latin letters or digits.
    The last line never counts. Empty lines are ignored.
    """
    stripped = [line.strip() for line in lines]
    joined, ends = _joined_with_offsets(stripped)
    boundaries = {0}
    position = 0
    for token in words(joined):
        position += len(token)
        boundaries.add(position)
    return [i for i, end in enumerate(ends[:-1]) if stripped[i] and end not in boundaries]
