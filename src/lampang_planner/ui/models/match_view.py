"""The rows a search shows, without listing them all: a mask over the rows in sort order, read lazily.

A keystroke that matches most of 300,000 rows (the first letter of a name, the first digit of a phone) used to build
a list of every matching row index, so every key paid a Python object per match. A table shows about twenty rows at
a time, so :class:`MatchView` keeps only the mask (one byte per row, in sort order) and its count (a C pass), and
turns positions into rows when the table asks for them: the first screenful costs a screenful, scrolling further
extends what is found in C (``itertools.compress`` stopping after the rows asked for). The row of a given record is
found by counting the mask's ones before it (C speed), not by searching a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, islice

_STEP = 256  # positions found at a time beyond the ones asked for (a screenful and some scrolling)


class MatchView:
    """Row ``r`` of the view is ``order[p]`` for the r-th position ``p`` whose mask byte is 1 (``mask`` None: every
    row). ``where`` maps a row index to its position in ``order`` (the inverse permutation), for :meth:`index`."""

    __slots__ = ("_found", "_mask", "_n", "_next", "count", "order", "where")

    def __init__(self, order: Sequence[int], where: Sequence[int], mask: bytes | None = None) -> None:
        self.order, self.where, self._mask = order, where, mask
        self._n = len(order)
        self.count = self._n if mask is None else mask.count(1)
        self._found: list[int] = []  # the positions of the first matches, in order
        self._next = 0  # where the search for the next match starts

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, r: int) -> int:
        """The row index shown at view row ``r`` (0 ≤ r < count)."""
        if self._mask is None:
            return self.order[r]
        found = self._found
        if r >= len(found):
            self._extend(r + 1 - len(found) + _STEP)
        return self.order[found[r]]

    def index(self, row: int) -> int:
        """The view row showing row index ``row``; ValueError when it is not shown."""
        p = self.where[row] if 0 <= row < len(self.where) else -1
        if p < 0:
            raise ValueError(row)
        if self._mask is None:
            return p
        if not self._mask[p]:
            raise ValueError(row)
        return self._mask.count(1, 0, p)

    def rows(self) -> list[int]:
        """Every row index shown, in order (a full pass: for callers that need them all)."""
        if self._mask is None:
            return list(self.order)
        return list(compress(self.order, self._mask))

    def _extend(self, k: int) -> None:
        """Find the next ``k`` matches: one ``find`` per match when they are sparse (its cost follows the matches),
        else ``compress`` in C, which stops after ``k`` (its cost follows the positions it passes)."""
        start, mask = self._next, self._mask
        if start >= self._n:
            return
        if self.count * 32 < self._n:
            more, at = [], mask.find(1, start)
            while at >= 0 and len(more) < k:
                more.append(at)
                at = mask.find(1, at + 1)
        else:
            more = list(islice(compress(range(start, self._n), memoryview(mask)[start:]), k))
        self._found += more
        self._next = more[-1] + 1 if len(more) == k else self._n


def inverse(order: Sequence[int]) -> list[int]:
    """``where[order[p]] == p`` for every position ``p``."""
    where = [0] * len(order)
    for p, i in enumerate(order):
        where[i] = p
    return where
