"""The search's answers: sets of rows as compressed bitmaps (``pyroaring``, Roaring bitmaps in C), read lazily.

A Roaring bitmap cuts the rows into blocks of 65,536 and keeps each block as a sorted list of up to 4,096 rows or
as a bitset of 8 KB, whichever is smaller: combining two answers (``&``, ``|``), counting one (kept per block),
finding the r-th row or the rank of a row cost a step per block (5 at 300,000 rows) plus work within a block that
is bounded, and an answer of a few rows is a few rows, not one bit per row of the table.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable
from functools import partial
from itertools import accumulate, islice, repeat

from pyroaring import AbstractBitMap, BitMap, FrozenBitMap

EMPTY = FrozenBitMap()
_LE = "little"
_NO_RUNS = 12346  # the portable format's cookie for bitmaps without run containers


def postings(keys: Iterable[Hashable], rows: Iterable[int], into: defaultdict | None = None) -> defaultdict:
    """The rows of each key (``keys[i]`` is a key of ``rows[i]``), appended to ``into``'s arrays: in C (a map of
    ``array.append``), no Python step per row."""
    out = defaultdict(partial(array, "I")) if into is None else into
    deque(map(array.append, map(out.__getitem__, keys), rows), maxlen=0)
    return out


def flags_bitmap(flags: bytes) -> BitMap:
    """The rows ``i`` whose byte ``flags[i]`` is 1 (each byte 0 or 1), without a Python step per row: the bytes
    packed into bits in C, then each block of 65,536 rows written as Roaring's portable format reads it (a bitset
    of 8 KB, or when it holds 4,096 rows or fewer their sorted list, found with ``bytes.find``)."""
    n = len(flags)
    bits = pack(flags).to_bytes(((n + 0xFFFF) >> 16) << 13, _LE)
    head: list[int] = []  # per block kept: its number and its count less one
    blocks = []
    for key in range(len(bits) >> 13):
        block = bits[key << 13 : (key + 1) << 13]
        card = int.from_bytes(block, _LE).bit_count()
        if card > 4096:
            blocks.append(block)
        elif card:
            find, lows, at = flags[key << 16 : (key + 1) << 16].find, array("H"), 0
            while (at := find(1, at)) >= 0:
                lows.append(at)
                at += 1
            if sys.byteorder != "little":
                lows.byteswap()
            blocks.append(lows.tobytes())
        else:
            continue
        head += (key, card - 1)
    k = len(blocks)
    offsets = list(accumulate(map(len, blocks), initial=8 + 8 * k))[:-1]  # where each block's data starts
    return BitMap.deserialize(struct.pack(f"<II{2 * k}H{k}I", _NO_RUNS, k, *head, *offsets) + b"".join(blocks))


def pack(flags: bytes) -> int:
    """The bitmap of one 0/1 byte per row as an integer: bit ``8i + j`` comes from byte ``j`` of every eighth one
    (eight strided slices, in C)."""
    out = 0
    for j in range(8):
        out |= int.from_bytes(flags[j::8], _LE) << j
    return out


class Matches:
    """The rows of an answer, in order: ``bits`` (None: every row of ``n``), read lazily."""

    __slots__ = ("_found", "bits", "count", "n")

    def __init__(self, bits: AbstractBitMap | None, n: int) -> None:
        self.bits, self.n = bits, n
        self.count = n if bits is None else len(bits)
        self._found: list[int] = []  # the first matches' rows, in order

    def __len__(self) -> int:
        return self.count

    def __contains__(self, p: int) -> bool:
        if not 0 <= p < self.n:
            return False
        return self.bits is None or p in self.bits

    def rank(self, p: int) -> int:
        """How many matches come before row ``p``."""
        if self.bits is None:
            return p
        return self.bits.rank(p - 1) if p > 0 else 0

    def nth(self, r: int) -> int:
        """The row of match ``r`` (0 ≤ r < count): matches are listed in order as they are asked for, a screenful
        and a few more at a time."""
        if self.bits is None:
            return r
        found = self._found
        if r >= len(found):
            start = found[-1] + 1 if found else 0
            found += islice(self.bits.iter_equal_or_larger(start), r + 1 - len(found) + 256)
        return found[r]

    def rows(self) -> list[int]:
        """Every matching row, in order."""
        if self.bits is None:
            return list(range(self.n))
        return self.bits.to_array().tolist()

    def mask(self) -> bytes:
        """One byte per row: 1 for a match."""
        out = bytearray(self.n)
        deque(map(out.__setitem__, self.rows(), repeat(1)), maxlen=0)
        return bytes(out)
