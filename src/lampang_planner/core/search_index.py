"""Search-as-you-type whose cost per keystroke does not grow with the number of rows beyond a few steps per block of
65,536 rows.

Each row is described by a few folded text fields (for a person: first name, last name, organisation, phone, code,
place, kind). A query word never holds whitespace, so it occurs in a row's text exactly when it occurs inside one of
its fields. Answers are compressed bitmaps over the rows in the index's order, e.g. a table's sort order
(``core.search_bits``: counted, combined and read a screenful at a time in C). Built once (in steps, off a window's
first paint), per field, by how many distinct values it has:

* up to :data:`_CODED` (names, organisations, places, kinds): each distinct value's rows, and each character's rows
  (the values holding it, combined). A one-letter word is one lookup; a longer one tests the distinct values (at most
  :data:`_CODED`, however many rows) and combines the bitmaps of the ones that hold it;
* more (phones, codes: about one value per row): the crowded start of a trie of their substrings, bitmaps for the
  common grams and short lists of rows for the rare ones (``core.search_grams``): a word costs a lookup per character
  and at most ``search_grams.LEAF`` substring tests.

Recent answers are kept (a backspace, or the first word while the second one is typed, costs a lookup).
:class:`~lampang_planner.core.search_bits.Matches` reads an answer in row order lazily: the first screenful costs a
screenful. :attr:`SearchIndex.checked` counts the values and rows a lookup tested one by one.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Iterator, Sequence

from pyroaring import AbstractBitMap, BitMap, FrozenBitMap

from lampang_planner.core.search_bits import EMPTY, Matches, postings
from lampang_planner.core.search_grams import ManyValues

__all__ = ["Matches", "SearchIndex"]

_CODED = 1024  # at most this many distinct values: a bitmap per value
_RECENT = 64  # answers kept per index


class _Coded:
    """A field with few distinct values: each row's value number, each value's rows and each character's rows."""

    def __init__(self, values: list[str], ids: array, n: int) -> None:
        self.values, self.ids, self.n = values, ids, n
        rows = postings(ids, range(n))  # each value's rows, in order
        self.rows = [FrozenBitMap(rows[i]) for i in range(len(values))]
        holding: dict[str, list[FrozenBitMap]] = {}
        for value, bits in zip(values, self.rows, strict=True):
            for c in set(value):
                holding.setdefault(c, []).append(bits)
        self.chars = {c: FrozenBitMap.union(*bms) for c, bms in holding.items()}
        self.checked = 0  # distinct values tested by lookups

    def value(self, row: int) -> str:
        return self.values[self.ids[row]]

    def column(self) -> list[str]:
        return list(map(self.values.__getitem__, self.ids))

    def find(self, word: str) -> AbstractBitMap:
        if len(word) == 1:
            return self.chars.get(word, EMPTY)
        self.checked += len(self.values)
        hits = [bits for v, bits in zip(self.values, self.rows, strict=True) if word in v]
        return BitMap.union(*hits) if hits else EMPTY


def _column(texts: Sequence[str], n: int) -> _Coded | ManyValues:
    number = dict.fromkeys(texts)  # the distinct values in order of appearance (C speed)
    if len(number) > _CODED:
        return ManyValues(texts, n)
    for i, text in enumerate(number):
        number[text] = i
    return _Coded(list(number), array("H", map(number.__getitem__, texts)), n)


class SearchIndex:
    """Rows as tuples of folded fields (the same number per row). :meth:`find` tells which rows hold every query
    word in one of their fields: the answer of ``all(w in "\\t".join(fields) for w in words)``.

    A field with many distinct values answers with a pass over its values until its grams are built
    (:meth:`refine`); the answers are the same before and after."""

    def __init__(self, rows: Sequence[Sequence[str]] = (), order: Sequence[int] | None = None, *,
                 refine: bool = True) -> None:  # fmt: skip
        """``rows``: the fields of each row; with ``order``, the index's row k is ``rows[order[k]]``; with
        ``refine=False`` the grams of fields with many values are left to :meth:`refine`."""
        self.n = len(rows)
        self._columns: list[_Coded | ManyValues] = []
        self._recent: dict[str, AbstractBitMap] = {}
        for _ in self._add_columns(rows, order):
            pass
        if refine:
            for _ in self.refine():
                pass

    @classmethod
    def in_steps(cls, rows: Sequence[Sequence[str]], order: Sequence[int] | None = None) -> tuple[SearchIndex, Iterator[None]]:
        """The index of ``SearchIndex(rows, order, refine=False)`` and the steps that build it (a field per step: for
        a caller that builds it between other work, e.g. a window's events); the index answers only once every step
        ran; its grams are left to :meth:`refine`."""
        out = cls()
        out.n = len(rows)
        return out, out._add_columns(rows, order)

    def refine(self) -> Iterator[None]:
        """The steps that build the grams not built yet (each a few milliseconds at 100,000 rows). The index answers
        between them, the same."""
        for col in self._columns:
            if isinstance(col, ManyValues):
                yield from col.steps

    @property
    def refined(self) -> bool:
        """True once every field's grams are built."""
        return all(col.crowded is not None for col in self._columns if isinstance(col, ManyValues))

    @property
    def checked(self) -> int:
        """How many distinct values and rows the lookups so far tested one by one (the work that is not a lookup
        or a bitmap operation)."""
        return sum(col.checked for col in self._columns)

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
        """The same rows in another order: row k of the result is row ``order[k]`` of this one (its grams left to
        :meth:`refine`)."""
        if self.n < 2:
            return self
        return SearchIndex(self.all_fields(), order, refine=False)

    def word_bits(self, word: str) -> AbstractBitMap:
        """The rows holding ``word`` (no whitespace) in a field (not to be changed: it is kept for the next keys)."""
        recent = self._recent
        bits = recent.pop(word, None)
        if bits is None:
            parts = [col.find(word) for col in self._columns]
            bits = BitMap.union(*parts) if parts else EMPTY
        recent[word] = bits  # the most recent last
        if len(recent) > _RECENT:
            recent.pop(next(iter(recent)))
        return bits

    def find(self, words: Sequence[str]) -> Matches:
        """The rows holding every word in one of their fields (no words: every row)."""
        if not words:
            return Matches(None, self.n)
        acc: AbstractBitMap | None = None
        for w in sorted(words, key=len, reverse=True):  # the longest first: usually the fewest rows
            bits = self.word_bits(w)
            acc = bits if acc is None else acc & bits  # a new bitmap: the kept answers stay as they are
            if not acc:
                break
        return Matches(acc, self.n)

    def mask(self, words: Sequence[str]) -> bytes:
        """One byte per row: 1 when every word occurs in one of its fields (no words: every row)."""
        if not words:
            return b"\x01" * self.n
        return self.find(words).mask()
