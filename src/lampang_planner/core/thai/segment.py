"""Thai word segmentation (newmm) and line filling that breaks only between words.

Thai is written without spaces between words, so a line may only end where the segmenter found a word boundary
(or at a space). A word wider than the whole line is split after a dictionary word inside it if possible, else between
character clusters — never between a consonant and its vowel or tone mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from lampang_planner.core.thai.breaks import units

_DICTIONARY = None  # the segmenter's dictionary (a trie), loaded on first use: see _segmenter()
_WORD_TOKENIZE = None


def _segmenter():
    """newmm's word_tokenize, imported on first use: loading its 62,000-word dictionary takes half a second and
    ~100 MB, which a window that never wraps Thai text (most start-ups) should not pay."""
    global _DICTIONARY, _WORD_TOKENIZE
    if _WORD_TOKENIZE is None:
        from newmm_tokenizer.tokenizer import word_tokenize

        try:  # the dictionary, to split over-long compounds into real words
            from newmm_tokenizer.newmm import DEFAULT_WORD_DICT_TRIE as dictionary
        except ImportError:  # pragma: no cover - internal name of newmm-tokenizer 0.2
            dictionary = None
        _DICTIONARY, _WORD_TOKENIZE = dictionary, word_tokenize
    return _WORD_TOKENIZE

Measure = Callable[[str], float]

# A Thai character cluster: leading vowels, one base character, its combining marks, then ะ า ำ ๅ.
_CLUSTER_RE = re.compile(
    "[\u0e40-\u0e44]*.[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*(?:[\u0e30\u0e32\u0e33\u0e45][\u0e47-\u0e4e]*)?", re.S
)
_LATIN_WORD_CHAR = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


_PLACES_ADDED = False
# Words of the workshops' own documents that newmm's dictionary lacks and would split (ผู้ได้|รับเชิญ).
DOMAIN_WORDS = frozenset((
    "ผู้ได้รับเชิญ", "ได้รับเชิญ", "ผู้เข้าร่วม", "ผู้ลงทะเบียน", "ลงทะเบียน", "องค์ประชุม", "คำแปรญัตติ", "ร่างมติ",
    "ผู้รับรอง", "ผู้เสนอ", "ผู้ดำเนินการ", "เวทีประชาคม", "แผนพัฒนา", "แผนชุมชน", "สภาองค์กรชุมชน",
    "สภาเครือข่ายพลเมือง", "ลายมือชื่อ", "งดออกเสียง",
))  # fmt: skip


def _add_place_names() -> None:
    """Teach the segmenter Lampang's district and tambon names (วังเหนือ, เกาะคา, บ้านแลง …) and the documents' own
    words (:data:`DOMAIN_WORDS`), so a line never breaks inside a proper noun or term that happens to be made of
    dictionary words. Once per process; cheap (a few hundred trie adds).
    """
    global _PLACES_ADDED
    _segmenter()
    if _PLACES_ADDED or _DICTIONARY is None:
        return
    _PLACES_ADDED = True
    from lampang_planner.core.refdata import divisions

    dv = divisions()
    places = {"ลำปาง", *(d.name_th for d in dv.districts.values()), *(s.name_th for s in dv.subdistricts.values())}
    for name in places | DOMAIN_WORDS:
        _DICTIONARY.add(name)


@lru_cache(maxsize=4096)
def _words_cached(text: str) -> tuple[str, ...]:
    _add_place_names()
    return tuple(_segmenter()(text))


def words(text: str) -> list[str]:
    """Segment into words with newmm; spaces and newlines come back as their own tokens, nothing is dropped."""
    return list(_words_cached(text))


def clusters(text: str) -> list[str]:
    """Split into Thai character clusters (a consonant with its vowels and marks); other characters one by one."""
    return _CLUSTER_RE.findall(text)


def _units(paragraph: str, keep: Sequence[str] = ()) -> list[str]:
    """Words joined into the units a line may not break inside (:mod:`.breaks`: names, titles and abbreviations
    with what follows, numbers with their units, dates, punctuation); spaces between units are their own tokens."""
    return units(words(paragraph), keep)


def _dictionary_cuts(word: str) -> set[int]:
    """Inner cut positions of the split of `word` into the fewest dictionary words (at least two); empty if none."""
    _segmenter()
    if _DICTIONARY is None:
        return set()
    n = len(word)
    inf = n + 1
    fewest = [inf] * n + [0]  # fewest[i]: fewest dictionary words that make up word[i:]
    step = [0] * n
    for i in range(n - 1, -1, -1):
        for prefix in _DICTIONARY.prefixes(word[i:]):
            j = i + len(prefix)
            if (i, j) != (0, n) and fewest[j] + 1 <= fewest[i]:
                fewest[i], step[i] = fewest[j] + 1, j  # prefixes come shortest first: ties go to the longest
    if fewest[0] >= inf:
        return set()
    cuts: set[int] = set()
    i = step[0]
    while i < n:
        cuts.add(i)
        i = step[i]
    return cuts


def _cut_long_word(word: str, limit: float, measure: Measure) -> int:
    """Where to cut an over-long word: between dictionary words inside it if that fills at least half the line,
    else after as many character clusters as fit (at least one)."""
    boundaries: list[int] = []
    position = 0
    for cluster in clusters(word):
        position += len(cluster)
        boundaries.append(position)
    fitting = [n for n in boundaries[:-1] if measure(word[:n]) <= limit]
    cuts = _dictionary_cuts(word)
    for n in reversed(fitting):
        if n in cuts and measure(word[:n]) >= limit / 2:
            return n
    return fitting[-1] if fitting else boundaries[0]


def _split_long_word(word: str, first_width: float, width: float, measure: Measure) -> list[str]:
    """An over-long unit in lines: between a label and its number first (วันที่ | 25 สิงหาคม 2559), then at its own
    spaces (a name too long for the line breaks between first name and surname), then inside its words (dictionary
    words, else character clusters)."""
    if " " in word.strip():
        for pieces in (units(words(word), labels=False), re.split("( +)", word)):
            lines = _wrap_parts(pieces, first_width, width, measure) if len(pieces) > 1 else None
            if lines is not None:
                return lines
    pieces: list[str] = []
    rest = word
    while rest:
        limit = width if pieces else first_width
        if measure(rest) <= limit:
            pieces.append(rest)
            break
        cut = _cut_long_word(rest, limit, measure)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return pieces


def _wrap_parts(pieces: list[str], first_width: float, width: float, measure: Measure) -> list[str] | None:
    """``pieces`` (a unit cut into parts and the spaces between them) filled into lines, each a slice of the unit
    with its end spaces dropped; None if one part is wider than its line."""
    lines: list[str] = []
    line = space = ""
    for piece in pieces:
        if piece.isspace():
            space += piece if line else ""
            continue
        limit = first_width if not lines else width
        if line and measure(line + space + piece) <= limit:
            line, space = line + space + piece, ""
            continue
        if line:
            lines.append(line)
            limit = width
        if measure(piece) > limit:
            return None
        line, space = piece, ""
    return [*lines, line] if line else lines


def _wrap_paragraph(paragraph: str, first_width: float, width: float, measure: Measure,
                    keep: Sequence[str] = ()) -> list[str]:
    lines: list[str] = []
    line = ""
    space = ""
    for unit in _units(paragraph, keep):
        if unit.isspace():
            if line:
                space += unit
            continue
        limit = width if lines else first_width
        candidate = line + space + unit
        if measure(candidate) <= limit:
            line, space = candidate, ""
            continue
        if line:
            lines.append(line)
            line, space = "", ""
            limit = width
        if measure(unit) <= limit:
            line = unit
        else:
            *full, line = _split_long_word(unit, limit, width, measure)
            lines.extend(full)
    if line or not lines:
        lines.append(line)
    return lines


def wrap_to_width(text: str, max_width: float, measure: Measure, *, first_line_width: float | None = None,
                  keep: Sequence[str] = ()) -> list[str]:
    """Fill lines greedily up to `max_width` (as measured by `measure`), breaking only between words and only where
    :mod:`.breaks` allows (never inside a name — also any phrase in `keep` —, after a title or abbreviation, inside
    a date or a number with its unit).

    Spaces are break opportunities and are dropped at line ends; newlines force a break (an empty line stays
    empty). `first_line_width` (default `max_width`) applies to the very first line, for a first-line indent.
    Every line is an unchanged slice of `text`. Example: ``wrap_to_width(text, 200, lambda s: stringWidth(s,
    "Sarabun", 14))``.
    """
    first = max_width if first_line_width is None else first_line_width
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width if lines else first, max_width, measure, keep))
    return lines


def min_width(text: str, measure: Measure, keep: Sequence[str] = ()) -> float:
    """The width of the widest unbreakable unit (word with its punctuation, a name, a date…) in `text`."""
    widths = [measure(unit) for unit in _units(text.replace("\n", " "), keep) if not unit.isspace()]
    return max(widths, default=0.0)


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


def _skeleton(text: str) -> tuple[str, list[int]]:
    """NFKD of `text` without whitespace, and for each of its characters the index of its source character.

    NFKD never composes, so decomposing character by character and then canonically reordering marks keeps the
    length, and the index map stays valid (marks only move within their cluster).
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        if c.isspace() or c in _INVISIBLE:
            continue
        for d in unicodedata.normalize("NFKD", c):
            chars.append(d)
            origin.append(i)
    return unicodedata.normalize("NFKD", "".join(chars)), origin


def _line_ends_in_source(lines: Sequence[str], source: str) -> list[int]:
    """Source index just after each line; lines may differ from the source in whitespace and NFKD form."""
    skeleton, origin = _skeleton(source)
    ends: list[int] = []
    position = 0
    for line in lines:
        piece = _skeleton(line)[0]
        if skeleton[position : position + len(piece)] != piece:
            raise ValueError(f"line {len(ends)} does not continue the source text: {line!r}")
        position += len(piece)
        ends.append(origin[position - 1] + 1 if position else 0)
    return ends


def broken_words(lines: Sequence[str], source: str | None = None) -> list[int]:
    """Indexes of lines whose end falls inside a word (the last line never counts; empty lines are ignored).

    With `source` (the text the lines were made from, e.g. when checking text extracted from a PDF), each line end
    is located in the source and must fall on a word boundary of the segmented source; whitespace and NFKD
    differences (ำ written as ํ + า) between the lines and the source are ignored. Without it the lines are joined
    without spaces (with one between two Latin letters or digits) and re-segmented — then a break at a space
    between two words that happen to form a longer word (พัฒนา + การ) is reported too.
    """
    stripped = [line.strip() for line in lines]
    if source is None:
        text, ends = _joined_with_offsets(stripped)
    else:
        text, ends = source, _line_ends_in_source(stripped, source)
    boundaries = {0}
    position = 0
    for token in words(text):
        position += len(token)
        boundaries.add(position)
    return [i for i, end in enumerate(ends[:-1]) if stripped[i] and end not in boundaries]
