"""Search-as-you-type over many rows without a Python test per row.

Each row is described by a few folded text fields (for a person: first name, last name, organisation, phone, code,
place, kind). A query word never holds whitespace, so it occurs in a row's text exactly when it occurs inside one of
its fields. The index answers ``word in field`` once per *distinct value* of a field and turns the answer into a
row mask with C-level operations. Per field, by how many distinct values it has:

* up to 4,096 (places, kinds, first names, organisations): each row's value number in one byte, or two (a low and
  a high byte plane); a keystroke tests the distinct values and maps the byte planes through 256-byte tables
  (``bytes.translate``: a pass over one byte per row, in C);
* more (phones, codes: about one value per row): the values in row order and joined into one string; a keystroke
  counts the word's occurrences in that string (C speed), then finds them one by one when they are few, or tests
  every row's value in C (``map``) when they are many.

A mask is ``bytes`` of 0/1, one per row; several words are combined with integer ``&``. Rows can be put in any
order (:meth:`SearchIndex.permuted`), e.g. a table's sort order, so that a mask reads in that order. Memory: one or
two bytes per row and field, or a reference per row to a value the caller already holds, plus the joined string.
"""

from __future__ import annotations

import bisect
import operator
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat

_CODED = 4096  # at most this many distinct values: byte planes (at most 16 high bytes, so ≤ 32 passes per word)
_LE = "little"


def _ints(mask: bytes) -> int:
    return int.from_bytes(mask, _LE)


class _Coded:
    """A field with few distinct values: each row's value number as one or two byte planes (low, high)."""

    def __init__(self, values: list[str], planes: list[bytes]) -> None:
        self.values, self.planes = values, planes

    def value(self, row: int) -> str:
        p = self.planes
        return self.values[p[0][row] | (p[1][row] << 8 if len(p) > 1 else 0)]

    def permuted(self, pick: operator.itemgetter) -> _Coded:
        return _Coded(self.values, [bytes(pick(p)) for p in self.planes])

    def column(self) -> list[str]:
        p = self.planes
        ids = p[0] if len(p) == 1 else map(operator.or_, p[0], map(operator.lshift, p[1], repeat(8)))
        return list(map(self.values.__getitem__, ids))

    def mask(self, word: str, n: int) -> int:
        hits = [i for i, v in enumerate(self.values) if word in v]
        if not hits:
            return 0
        tables: dict[int, bytearray] = {}
        for i in hits:
            tables.setdefault(i >> 8, bytearray(256))[i & 255] = 1
        if len(self.planes) == 1:
            return _ints(self.planes[0].translate(tables[0]))
        low, high = self.planes
        acc = 0
        for h, table in tables.items():
            this_high = bytearray(256)
            this_high[h] = 1
            acc |= _ints(high.translate(this_high)) & _ints(low.translate(table))
        return acc


class _Many:
    """A field with many distinct values: the values in row order, and joined into one string."""

    def __init__(self, values: Sequence[str]) -> None:
        self.blob = "\n".join(values)
        # fresh strings laid out in row order: a pass over all of them then reads memory in order (the caller's
        # strings, visited in sort order, are scattered: the same pass took five times as long)
        self.values = self.blob.split("\n")
        # where each value starts in the joined string: the lengths before it, plus one separator per value
        self.starts = array("q", map(operator.add, accumulate(map(len, self.values), initial=0), range(len(values) + 1)))

    def value(self, row: int) -> str:
        return self.values[row]

    def permuted(self, pick: operator.itemgetter) -> _Many:
        return _Many(pick(self.values))

    def column(self) -> list[str]:
        return self.values

    def mask(self, word: str, n: int) -> int:
        blob = self.blob
        at = blob.find(word)
        if at < 0:
            return 0
        sample = len(blob) // 16 + 1
        if blob.count(word, 0, sample) * 16 > n // 32:  # many (judged on a 16th): test every row's value in C
            return _ints(bytes(map(operator.contains, self.values, repeat(word))))
        out = bytearray(n)
        starts, find = self.starts, blob.find
        while at >= 0:
            row = bisect.bisect_right(starts, at) - 1
            out[row] = 1
            at = find(word, starts[row + 1])
        return _ints(out)


def _column(texts: Sequence[str]) -> _Coded | _Many:
    if len(dict.fromkeys(texts[: 4 * _CODED])) > _CODED:  # phones, codes: already many in the first rows
        return _Many(texts)
    number = dict.fromkeys(texts)  # the distinct values in order of appearance (C speed)
    if len(number) > _CODED:
        return _Many(texts)
    for i, text in enumerate(number):
        number[text] = i
    ids = list(map(number.__getitem__, texts))
    if len(number) <= 256:
        return _Coded(list(number), [bytes(ids)])
    return _Coded(list(number), [bytes(map((255).__and__, ids)), bytes(map((8).__rrshift__, ids))])


class SearchIndex:
    """Rows as tuples of folded fields (the same number per row). :meth:`mask` tells, per row, whether every query
    word occurs in one of the row's fields: the answer of ``all(w in "\\t".join(fields) for w in words)``."""

    def __init__(self, rows: Sequence[Sequence[str]] = (), order: Sequence[int] | None = None) -> None:
        """``rows``: the fields of each row; with ``order``, the index's row k is ``rows[order[k]]``."""
        self.n = len(rows)
        self._columns: list[_Coded | _Many] = []
        for _ in self._add_columns(rows, order):
            pass

    @classmethod
    def in_steps(cls, rows: Sequence[Sequence[str]], order: Sequence[int] | None = None) -> tuple[SearchIndex, Iterator[None]]:
        """The index of ``SearchIndex(rows, order)`` and the steps that build it, a field per step (for a caller
        that builds it between other work, e.g. a window's events); the index answers only once every step ran."""
        out = cls()
        out.n = len(rows)
        return out, out._add_columns(rows, order)

    def _add_columns(self, rows: Sequence[Sequence[str]], order: Sequence[int] | None) -> Iterator[None]:
        columns: list[Sequence[str]] = list(zip(*rows, strict=True)) if rows else []
        pick = operator.itemgetter(*order) if order is not None and len(order) > 1 else None
        yield
        while columns:
            col = columns.pop(0)
            self._columns.append(_column(pick(col) if pick else col))
            yield

    def fields(self, row: int) -> tuple[str, ...]:
        """Row ``row``'s fields, as given."""
        return tuple(col.value(row) for col in self._columns)

    def all_fields(self) -> list[tuple[str, ...]]:
        """Every row's fields, as given (in this index's order)."""
        return list(zip(*(col.column() for col in self._columns), strict=True)) if self.n else []

    def permuted(self, order: Sequence[int]) -> SearchIndex:
        """The same rows in another order: row k of the result is row ``order[k]`` of this one."""
        if self.n < 2:
            return self
        pick = operator.itemgetter(*order)
        out = SearchIndex()
        out.n, out._columns = len(order), [col.permuted(pick) for col in self._columns]
        return out

    def word_mask(self, word: str) -> int:
        """The rows holding ``word`` (no whitespace) in a field, as an integer whose byte i is 1 for row i."""
        acc = 0
        for col in self._columns:
            acc |= col.mask(word, self.n)
        return acc

    def mask(self, words: Sequence[str]) -> bytes:
        """One byte per row: 1 when every word occurs in one of its fields (no words: every row)."""
        if not words:
            return b"\x01" * self.n
        acc = -1
        for w in sorted(words, key=len, reverse=True):  # the longest first: usually the fewest rows
            acc &= self.word_mask(w)
            if not acc:
                break
        return acc.to_bytes(self.n, _LE)
