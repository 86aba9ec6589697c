"""The rows a search shows, without listing them all: the search's answer over the rows in sort order, read lazily.

A keystroke that matches most of 300,000 rows (the first letter of a name, the first digit of a phone) used to build
a list of every matching row index, so every key paid a Python object per match. A table shows about twenty rows at
a time, so :class:`MatchView` keeps only the answer (``core.search_index.Matches``: a bitmap over the rows in sort
order, and its count) and turns positions into rows when the table asks for them: the first screenful costs a
screenful, scrolling further finds more in order. The row of a given record is the count of matches before it (C
speed), not a search of a list.
"""

from __future__ import annotations

from collections.abc import Sequence

from lampang_planner.core.search_index import Matches


class MatchView:
    """Row ``r`` of the view is ``order[p]`` for the r-th position ``p`` of ``matches`` (None: every row). ``where``
    maps a row index to its position in ``order`` (the inverse permutation), for :meth:`index`."""

    __slots__ = ("_matches", "count", "order", "where")

    def __init__(self, order: Sequence[int], where: Sequence[int], matches: Matches | None = None) -> None:
        self.order, self.where, self._matches = order, where, matches
        self.count = len(order) if matches is None else len(matches)

    def __len__(self) -> int:
        return self.count

    @property
    def _found(self) -> list[int]:
        """The positions found so far (only those the table asked for, and a few more)."""
        return [] if self._matches is None else self._matches._found

    def __getitem__(self, r: int) -> int:
        """The row index shown at view row ``r`` (0 ≤ r < count)."""
        if self._matches is None:
            return self.order[r]
        return self.order[self._matches.nth(r)]

    def index(self, row: int) -> int:
        """The view row showing row index ``row``; ValueError when it is not shown."""
        p = self.where[row] if 0 <= row < len(self.where) else -1
        if p < 0:
            raise ValueError(row)
        if self._matches is None:
            return p
        if p not in self._matches:
            raise ValueError(row)
        return self._matches.rank(p)

    def rows(self) -> list[int]:
        """Every row index shown, in order (a full pass: for callers that need them all)."""
        if self._matches is None:
            return list(self.order)
        return list(map(self.order.__getitem__, self._matches.rows()))


def inverse(order: Sequence[int]) -> list[int]:
    """``where[order[p]] == p`` for every position ``p``."""
    where = [0] * len(order)
    for p, i in enumerate(order):
        where[i] = p
    return where
