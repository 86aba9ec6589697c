"""Search-as-you-type whose cost per keystroke follows the answer, not the number of rows.

Each row is described by a few folded text fields (for a person: first name, last name, organisation, phone, code,
place, kind). A query word never holds whitespace, so it occurs in a row's text exactly when it occurs inside one of
its fields. Answers are **bitmaps**: a Python integer whose bit ``p`` is row ``p`` (rows in the index's order, e.g.
a table's sort order), so a count is ``int.bit_count`` and two words combine with ``&`` — C operations over one bit
per row (37 KB at 300,000 rows: microseconds), never a test per row. Built once (in steps, off a window's first
paint), per field, by how many distinct values it has:

* up to :data:`_CODED` (names, organisations, places, kinds): each distinct value's rows as a bitmap, and each
  character's rows (the values holding it, combined). A one-letter word is one lookup; a longer one tests the
  distinct values (not the rows) and combines the bitmaps of the ones that hold it;
* more (phones, codes: about one value per row): posting lists of the rows holding each character and each pair of
  characters (kept as a bitmap when a list would be larger). A word of one or two characters is one lookup; a longer
  one is looked for only in its candidates — the rows of a shorter word it contains that was asked for just before
  (typing narrows: ``0874`` after ``087``) or else of its rarest pair — in C (``map``/``compress``).

Recent answers are kept (a backspace, or the first word while the second one is typed, costs a lookup).
:class:`Matches` reads an answer in row order lazily: the first screenful costs a screenful.
"""

from __future__ import annotations

import operator
from array import array
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Iterator, Sequence
from functools import partial
from itertools import compress, repeat

_CODED = 1024  # at most this many distinct values: a bitmap per value (n/8 bytes each)
_LE = "little"
_RECENT = 64  # answers kept per index (each n/8 bytes)

_BITS = [tuple(j for j in range(8) if b >> j & 1) for b in range(256)]  # the set bits of each byte
_NONZERO = bytes([0] + [1] * 255)  # translate: a byte with any bit set -> 1


def bitmap(positions: Sequence[int], n: int) -> int:
    """The bitmap of ``positions`` (each < ``n``; in any order, repeats allowed)."""
    if len(positions) * 32 < n:  # few: a bit each
        buf = bytearray((n + 7) >> 3)
        for p in positions:
            buf[p >> 3] |= 1 << (p & 7)
        return int.from_bytes(buf, _LE)
    flags = bytearray(n)  # many: a byte each (in C)
    deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)
    return pack(flags)


def pack(flags: bytes | bytearray) -> int:
    """The bitmap of one 0/1 byte per row: bit ``8i + j`` comes from byte ``j`` of every eighth one (eight strided
    slices, in C)."""
    out = 0
    for j in range(8):
        out |= int.from_bytes(flags[j::8], _LE) << j
    return out


def postings(keys: Iterable[Hashable], rows: Iterable[int], into: defaultdict | None = None) -> defaultdict:
    """The rows of each key (``keys[i]`` is a key of ``rows[i]``), appended to ``into``'s arrays: in C (a map of
    ``array.append``), no Python step per row."""
    out = defaultdict(partial(array, "I")) if into is None else into
    deque(map(array.append, map(out.__getitem__, keys), rows), maxlen=0)
    return out


class Matches:
    """The rows of an answer, in order: ``bits`` (None: every row of ``n``), read lazily."""

    __slots__ = ("_bytes", "_flags", "_found", "_next", "bits", "count", "n")

    def __init__(self, bits: int | None, n: int) -> None:
        self.bits, self.n = bits, n
        self.count = n if bits is None else bits.bit_count()
        self._bytes = self._flags = b""
        self._found: list[int] = []  # the first matches' rows, in order
        self._next = 0  # the byte where the search for more starts

    def __len__(self) -> int:
        return self.count

    def __contains__(self, p: int) -> bool:
        if not 0 <= p < self.n:
            return False
        return self.bits is None or bool(self.bits >> p & 1)

    def rank(self, p: int) -> int:
        """How many matches come before row ``p``."""
        return p if self.bits is None else (self.bits & ((1 << p) - 1)).bit_count()

    def nth(self, r: int) -> int:
        """The row of match ``r`` (0 ≤ r < count): matches are found in order as they are asked for."""
        if self.bits is None:
            return r
        found = self._found
        if r >= len(found):
            self._more(r + 1 - len(found) + 256)
        return found[r]

    def rows(self) -> list[int]:
        """Every matching row, in order (a pass over them all)."""
        if self.bits is None:
            return list(range(self.n))
        self._more(self.count)
        return list(self._found)

    def mask(self) -> bytes:
        """One byte per row: 1 for a match."""
        out = bytearray(self.n)
        for p in self.rows():
            out[p] = 1
        return bytes(out)

    def _more(self, k: int) -> None:
        if not self._flags and self.bits is not None:
            self._bytes = self.bits.to_bytes((self.n + 7) >> 3, _LE)
            self._flags = self._bytes.translate(_NONZERO)
        found, data, find, i = self._found, self._bytes, self._flags.find, self._next
        want = len(found) + k
        while len(found) < want:
            i = find(1, i)
            if i < 0:
                i = len(data)
                break
            base = i << 3
            found += [base + j for j in _BITS[data[i]]]
            i += 1
        self._next = i


class _Coded:
    """A field with few distinct values: each row's value number, each value's rows and each character's rows."""

    def __init__(self, values: list[str], ids: array, n: int) -> None:
        self.values, self.ids, self.n = values, ids, n
        rows = postings(ids, range(n))
        self.rows = [bitmap(rows[i], n) for i in range(len(values))]
        chars: dict[str, int] = {}
        for value, bits in zip(values, self.rows, strict=True):
            for c in set(value):
                chars[c] = chars.get(c, 0) | bits
        self.chars = chars

    def value(self, row: int) -> str:
        return self.values[self.ids[row]]

    def column(self) -> list[str]:
        return list(map(self.values.__getitem__, self.ids))

    def find(self, word: str) -> int:
        if len(word) == 1:
            return self.chars.get(word, 0)
        acc = 0
        rows = self.rows
        for i, v in enumerate(self.values):
            if word in v:
                acc |= rows[i]
        return acc


class _Many:
    """A field with many distinct values (about one per row): the values in row order, and, once :meth:`build` ran,
    the rows holding each character, each pair of characters and, when some pairs are common, each three (an
    ``array`` of rows, or a bitmap when that is smaller). Until then a word is a substring test of every value, in C."""

    def __init__(self, values: Sequence[str], n: int) -> None:
        # fresh strings laid out in row order: a pass over all of them then reads memory in order (the caller's
        # strings, visited in sort order, are scattered: the same pass took three to five times as long)
        self.blob = "\n".join(values)
        fresh = self.blob.split("\n")
        self.values, self.n = fresh if len(fresh) == len(values) else list(values), n
        self.grams: dict[str, array | int] | None = None  # None: not built yet
        self.size = 0  # the longest grams filed (2, or 3 when some pairs are common)
        self._recent: dict[str, array | list[int]] = {}  # recent words' rows here (short lists only), for narrowing
        self.steps = self._build()

    def _build(self) -> Iterator[None]:
        """Each character's rows as a bitmap (a substring test of every value per character, in C); then the pairs'
        rows and the threes': per offset into the values (the values long enough only) and per 50,000 rows, every
        row's gram at that offset filed in C (a row holding a gram twice is filed twice; a list is read as a set)."""
        values, n = self.values, self.n
        grams: dict[str, array | int] = {}
        for c in dict.fromkeys("".join(values)):
            grams[c] = pack(bytes(map(operator.contains, values, repeat(c))))
            yield
        lengths = list(map(len, values))
        by_length = sorted(range(n), key=lengths.__getitem__)
        dense = n >> 5  # a bitmap (n/8 bytes) is smaller than a list of more than n/32 rows (4 bytes each)
        size = 1
        for size in (2, 3):
            filed: defaultdict = defaultdict(partial(array, "I"))
            at = 0
            for k in range((lengths[by_length[-1]] if n else 0) - size + 1):
                while at < n and lengths[by_length[at]] < k + size:
                    at += 1
                cut = slice(k, k + size)
                for start in range(at, n, 50_000):
                    tail = by_length[start : start + 50_000]  # rows with a gram of this size at offset k
                    postings(map(operator.getitem, map(values.__getitem__, tail), repeat(cut)), tail, filed)
                    yield
            for g, a in filed.items():
                grams[g] = bitmap(a, n) if len(a) > dense else a
            yield
            if not any(len(g) == 2 and isinstance(b, int) for g, b in grams.items()):
                break  # every pair is rare: a longer word is looked for among the rows of its rarest pair
        self.grams, self.size = grams, size

    def value(self, row: int) -> str:
        return self.values[row]

    def column(self) -> list[str]:
        return self.values

    def find(self, word: str) -> int:
        grams = self.grams
        if grams is None:  # not built yet: a substring test of every value (none when the joined values lack it)
            if word not in self.blob:
                return 0
            return pack(bytes(map(operator.contains, self.values, repeat(word))))
        if len(word) <= self.size:
            hit = grams.get(word, 0)
            return hit if isinstance(hit, int) else bitmap(hit, self.n)
        recent = self._recent
        cands = recent.get(word[:-1])  # typing narrows: the rows of the word without its last character
        if cands is None:
            cands = recent.get(word[1:])
        if cands is None:
            size = self.size
            parts = [grams.get(word[i : i + size], 0) for i in range(len(word) - size + 1)]
            if not all(parts):  # a part of it no row holds
                return 0
            lists = [a for a in parts if not isinstance(a, int)]
            if lists:
                cands = min(lists, key=len)
            else:  # every part of it is common: the rows holding them all
                acc = -1
                for b in parts:
                    acc &= b
                cands = Matches(acc, self.n).rows() if acc else []
        values = self.values
        hits = list(compress(cands, map(operator.contains, map(values.__getitem__, cands), repeat(word))))
        if len(hits) <= self.n >> 5:
            recent[word] = hits
            if len(recent) > 32:
                recent.pop(next(iter(recent)))
        return bitmap(hits, self.n)


def _column(texts: Sequence[str], n: int) -> _Coded | _Many:
    number = dict.fromkeys(texts)  # the distinct values in order of appearance (C speed)
    if len(number) > _CODED:
        return _Many(texts, n)
    for i, text in enumerate(number):
        number[text] = i
    return _Coded(list(number), array("H", map(number.__getitem__, texts)), n)


class SearchIndex:
    """Rows as tuples of folded fields (the same number per row). :meth:`find` tells which rows hold every query
    word in one of their fields: the answer of ``all(w in "\\t".join(fields) for w in words)``.

    A field with many distinct values answers with a pass over its values until its posting lists are built
    (:meth:`refine`); the answers are the same before and after."""

    def __init__(self, rows: Sequence[Sequence[str]] = (), order: Sequence[int] | None = None, *,
                 refine: bool = True) -> None:  # fmt: skip
        """``rows``: the fields of each row; with ``order``, the index's row k is ``rows[order[k]]``; with
        ``refine=False`` the posting lists are left to :meth:`refine`."""
        self.n = len(rows)
        self._columns: list[_Coded | _Many] = []
        self._recent: dict[str, int] = {}
        for _ in self._add_columns(rows, order):
            pass
        if refine:
            for _ in self.refine():
                pass

    @classmethod
    def in_steps(cls, rows: Sequence[Sequence[str]], order: Sequence[int] | None = None) -> tuple[SearchIndex, Iterator[None]]:
        """The index of ``SearchIndex(rows, order, refine=False)`` and the steps that build it (a field per step: for
        a caller that builds it between other work, e.g. a window's events); the index answers only once every step
        ran; its posting lists are left to :meth:`refine`."""
        out = cls()
        out.n = len(rows)
        return out, out._add_columns(rows, order)

    def refine(self) -> Iterator[None]:
        """The steps that build the posting lists not built yet (each a few milliseconds at 100,000 rows). The
        index answers between them, the same."""
        for col in self._columns:
            if isinstance(col, _Many):
                yield from col.steps

    @property
    def refined(self) -> bool:
        """True once every posting list is built."""
        return all(col.grams is not None for col in self._columns if isinstance(col, _Many))

    def _add_columns(self, rows: Sequence[Sequence[str]], order: Sequence[int] | None) -> Iterator[None]:
        columns: list[Sequence[str]] = list(zip(*rows, strict=True)) if rows else []
        pick = operator.itemgetter(*order) if order is not None and len(order) > 1 else None
        yield
        while columns:
            col = columns.pop(0)
            self._columns.append(_column(pick(col) if pick else col, self.n))
            yield

    def fields(self, row: int) -> tuple[str, ...]:
        """Row ``row``'s fields, as given."""
        return tuple(col.value(row) for col in self._columns)

    def all_fields(self) -> list[tuple[str, ...]]:
        """Every row's fields, as given (in this index's order)."""
        return list(zip(*(col.column() for col in self._columns), strict=True)) if self.n else []

    def permuted(self, order: Sequence[int]) -> SearchIndex:
        """The same rows in another order: row k of the result is row ``order[k]`` of this one (its posting lists
        left to :meth:`refine`)."""
        if self.n < 2:
            return self
        return SearchIndex(self.all_fields(), order, refine=False)

    def word_bits(self, word: str) -> int:
        """The rows holding ``word`` (no whitespace) in a field, as a bitmap."""
        recent = self._recent
        bits = recent.pop(word, None)
        if bits is None:
            bits = 0
            for col in self._columns:
                bits |= col.find(word)
        recent[word] = bits  # the most recent last
        if len(recent) > _RECENT:
            recent.pop(next(iter(recent)))
        return bits

    def find(self, words: Sequence[str]) -> Matches:
        """The rows holding every word in one of their fields (no words: every row)."""
        if not words:
            return Matches(None, self.n)
        acc = -1
        for w in sorted(words, key=len, reverse=True):  # the longest first: usually the fewest rows
            acc &= self.word_bits(w)
            if not acc:
                break
        return Matches(acc if self.n else 0, self.n)

    def word_mask(self, word: str) -> int:
        """The rows holding ``word`` as an integer whose byte i is 1 for row i (see :meth:`mask`)."""
        return int.from_bytes(self.mask((word,)), _LE)

    def mask(self, words: Sequence[str]) -> bytes:
        """One byte per row: 1 when every word occurs in one of its fields (no words: every row)."""
        if not words:
            return b"\x01" * self.n
        return self.find(words).mask()
