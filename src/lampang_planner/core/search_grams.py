"""A search field with many distinct values (phones, codes: about one per row), answered at a cost that does not grow
with the number of rows: a trie of the values' substrings, kept only as deep as it is crowded.

Every substring of a value is the start of one of its suffixes. Level ``d`` of the index files the suffixes by their
first ``d`` characters (a *gram*), for the suffixes whose first ``d - 1`` characters are crowded:

* a crowded gram (more than :data:`LEAF` suffixes start with it) keeps the rows holding it as a compressed bitmap
  (``pyroaring``), and its suffixes go on to level ``d + 1``;
* a rare gram (:data:`LEAF` suffixes or fewer) keeps its rows as a short list, a *leaf*, and its suffixes stop there.

The levels end where no gram is crowded (at 300,000 phone numbers, four). A word is then looked up by its
prefixes, one dictionary lookup per character: every prefix crowded — the bitmap of the word itself; else it meets a
leaf (the rows of every suffix starting with that prefix, so of every row holding the word) and tests the word on at
most :data:`LEAF` rows; else no row holds it. So a key costs a few lookups plus at most :data:`LEAF` substring tests,
whether the field has 10,000 values or 300,000: :attr:`ManyValues.checked` counts those tests.

Until the levels are built (in steps, :attr:`ManyValues.steps`, off the window's first paint) a word is looked for in
the joined values, in C: a step per occurrence when it occurs in few rows, else a substring test of every value.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from functools import partial
from itertools import accumulate, compress, repeat

from pyroaring import AbstractBitMap, BitMap, FrozenBitMap

from lampang_planner.core.search_bits import EMPTY, flags_bitmap

LEAF = 512  # a gram with at most this many suffixes keeps a list of its rows: a word is tested on them
_CHUNK = 20_000  # rows filed per build step (a few milliseconds)


class ManyValues:
    """A field's values in row order and, once :attr:`steps` ran, their grams (see the module's docstring)."""

    def __init__(self, values: Sequence[str], n: int) -> None:
        # fresh strings laid out in row order: a pass over all of them then reads memory in order (the caller's
        # strings, visited in sort order, are scattered: the same pass took three to five times as long)
        self.blob = "\n".join(values)
        fresh = self.blob.split("\n")
        self.values, self.n = fresh if len(fresh) == len(values) else list(values), n
        self.crowded: dict[str, AbstractBitMap] | None = None  # None: not built yet
        self.leaves: dict[str, array] = {}
        # where each value starts in the joined values (the lengths before it and a separator each)
        self.starts = array("I", map(operator.add, accumulate(map(len, self.values), initial=0), range(n + 1)))
        self.checked = 0  # substring tests of one row's value made by lookups (a leaf's rows)
        self.steps = self._build()

    def _build(self) -> Iterator[None]:
        """The levels: the characters first (a substring test of every value per character, in C), then a gram
        length at a time (:meth:`_level`) until no gram is crowded."""
        values, n = self.values, self.n
        crowded: dict[str, AbstractBitMap] = {}
        leaves: dict[str, array] = {}
        level: dict[str, AbstractBitMap] = {}
        for c in dict.fromkeys(self.blob.replace("\n", "")):
            flags = bytes(map(operator.contains, values, repeat(c)))
            if flags.count(1) > LEAF:
                level[c] = flags_bitmap(flags)
            else:
                leaves[c] = array("I", compress(range(n), flags))
            yield
        crowded.update(level)
        lengths = list(map(len, values))
        by_length = sorted(range(n), key=lengths.__getitem__)
        longest = lengths[by_length[-1]] if n else 0
        # per offset k, the rows (by length) long enough for a pair at k whose character at k is crowded
        alive = [array("I", by_length[bisect_left(by_length, k + 2, key=lengths.__getitem__) :]) for k in range(longest)]
        del by_length
        if len(level) < len(leaves) + len(level):
            for k, rows in enumerate(alive):
                chars = map(operator.getitem, map(values.__getitem__, rows), repeat(k))
                alive[k] = array("I", compress(rows, map(level.__contains__, chars)))
                yield
        for size in range(2, longest + 1):
            if not level:
                break
            level = yield from self._level(size, alive, lengths, leaves)
            crowded.update(level)
        self.crowded, self.leaves = crowded, leaves

    def _level(self, size: int, alive: list[array], lengths: list[int], leaves: dict[str, array]
               ) -> Iterator[None]:  # fmt: skip
        """Files the grams of ``size`` characters at each offset ``k`` of the rows ``alive[k]`` (those long enough),
        per :data:`_CHUNK` rows, in C (a row holding a gram twice is filed twice; a list is read as a set): the
        rare ones into ``leaves``; returns the crowded ones, and leaves in ``alive[k]`` the rows whose gram at ``k``
        is crowded."""
        values = self.values
        filed: defaultdict = defaultdict(partial(array, "I"))
        for k, rows in enumerate(alive):
            alive[k] = rows = rows[bisect_left(rows, k + size, key=lengths.__getitem__) :]  # long enough
            for start in range(0, len(rows), _CHUNK):
                part = rows[start : start + _CHUNK]
                deque(map(array.append, map(filed.__getitem__, _grams(values, part, k, size)), part), maxlen=0)
                yield
        level = {}
        for g, rows in filed.items():
            if len(rows) > LEAF:
                level[g] = FrozenBitMap(rows)
            else:
                leaves[g] = rows
        del filed
        yield
        if level:
            for k, rows in enumerate(alive):  # the rows whose gram at k is crowded go on (their grams made again)
                kept = array("I")
                for start in range(0, len(rows), _CHUNK):
                    part = rows[start : start + _CHUNK]
                    kept.extend(compress(part, map(level.__contains__, _grams(values, part, k, size))))
                    yield
                alive[k] = kept
        return level

    def _scan(self, word: str) -> AbstractBitMap:
        """The rows holding ``word`` found in the joined values: where each occurrence is when they are few (a
        search of the text, in C, and a step per occurrence), else a substring test of every value."""
        blob = self.blob
        count = blob.count(word)
        if not count:
            return EMPTY
        if count > self.n >> 6:
            return flags_bitmap(bytes(map(operator.contains, self.values, repeat(word))))
        starts, find, rows = self.starts, blob.find, array("I")
        at = find(word)
        while at >= 0:
            row = bisect_right(starts, at) - 1
            rows.append(row)
            at = find(word, starts[row + 1])  # on from the next value
        return BitMap(rows)

    def value(self, row: int) -> str:
        return self.values[row]

    def column(self) -> list[str]:
        return self.values

    def find(self, word: str) -> AbstractBitMap:
        """The rows whose value holds ``word`` (not empty)."""
        crowded = self.crowded
        if crowded is None:  # not built yet: a pass over the values, in C
            return self._scan(word)
        leaves = self.leaves
        for size in range(1, len(word) + 1):
            gram = word[:size]
            hit = crowded.get(gram)
            if hit is not None:
                continue
            rows = leaves.get(gram)
            if rows is None:  # no suffix starts with this gram
                return EMPTY
            if size == len(word):  # every row of the leaf holds the word
                return BitMap(rows)
            self.checked += len(rows)
            values = self.values
            return BitMap(compress(rows, map(operator.contains, map(values.__getitem__, rows), repeat(word))))
        return crowded[word]


def _grams(values: Sequence[str], rows: Sequence[int], k: int, size: int) -> Iterator[str]:
    """The gram of ``size`` characters at offset ``k`` of each row's value (in C)."""
    return map(operator.getitem, map(values.__getitem__, rows), repeat(slice(k, k + size)))
