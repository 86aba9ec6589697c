"""Hybrid logical clock (Kulkarni et al.): wall time + counter + device id, encoded so string order is stamp order.

A stamp looks like ``01472099000000.0000.a1b2c3d4e5f60789``: 14 digits of wall-clock milliseconds, 4 hex digits of
counter, the 16-hex-digit device id. Comparing two stamps as strings compares (wall, counter, device).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS = 14
COUNTER_DIGITS = 4
MAX_COUNTER = 16**COUNTER_DIGITS - 1
SKEW_WARNING_MS = 3600 * 1000  # an import reports a device whose clock runs ahead by more than this (and ≤ a day)
# A received stamp further ahead of this computer's wall clock than this never moves the clock: the import refuses
# such a bundle, or takes its writes in as of the import (core.sync.restamp).
MAX_AHEAD_MS = 24 * 3600 * 1000


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """A hybrid logical clock stamp: wall milliseconds, a counter within the millisecond, the device; ordered so."""

    wall: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall:0{WALL_DIGITS}d}.{self.counter:0{COUNTER_DIGITS}x}.{self.device}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        try:
            wall, counter, device = text.split(".", 2)
            if len(wall) != WALL_DIGITS or len(counter) != COUNTER_DIGITS or not device:
                raise ValueError(text)
            return cls(int(wall), int(counter, 16), device)
        except ValueError as exc:
            raise ValueError(f"not an HLC stamp: {text!r}") from exc

    def __str__(self) -> str:
        return self.encode()


def wall_ms_of(stamp: str) -> int:
    return int(stamp[:WALL_DIGITS])


class HybridClock:
    """Issues strictly increasing stamps for one device, even when the wall clock jumps back."""

    def __init__(self, device: str, last: str | None = None, wall: Callable[[], int] | None = None) -> None:
        self.device = device
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self.load(last)

    def load(self, last: str | None) -> None:
        """Take the folder's stored clock as this clock's state (read under the write lock at the start of every
        write transaction, so every program on one folder continues one clock)."""
        if last:
            s = Stamp.decode(last)
            self._l, self._c = s.wall, s.counter
        else:
            self._l, self._c = 0, 0

    @property
    def last(self) -> str:
        return Stamp(self._l, self._c, self.device).encode()

    def now(self) -> str:
        """A new stamp for a local write, later than every stamp issued or received before."""
        pt = self._wall()
        if pt > self._l:
            self._l, self._c = pt, 0
        else:
            self._bump()
        return self.last

    def wall_ms(self) -> int:
        """This computer's wall clock, in the stamps' unit (ms since the epoch)."""
        return self._wall()

    def ahead_ms(self, stamp: str) -> int:
        """How far ``stamp`` is ahead of this computer's wall clock (ms; negative when behind)."""
        return wall_ms_of(stamp) - self._wall()

    def receive(self, remote: str) -> int:
        """Advance past a stamp seen in an imported change. Returns the remote's skew ahead of our wall clock (ms).

        A stamp more than :data:`MAX_AHEAD_MS` ahead of the wall clock does not move the clock (the importer refuses
        or re-stamps it before it gets here; this is the last guard, so one wrong clock cannot run every clock that
        merges with it into the future, nor a stamp of the highest value make the next local stamp overflow)."""
        r = Stamp.decode(remote)
        pt = self._wall()
        if r.wall - pt > MAX_AHEAD_MS:
            return r.wall - pt
        if r.wall > self._l or (r.wall == self._l and r.counter > self._c):
            self._l, self._c = r.wall, r.counter
        return r.wall - pt

    def _bump(self) -> None:
        if self._c >= MAX_COUNTER:
            # Counter exhausted within one millisecond of logical time: move logical time forward instead.
            self._l, self._c = self._l + 1, 0
        else:
            self._c += 1
