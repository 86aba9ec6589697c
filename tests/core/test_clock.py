"""The hybrid logical clock: stamps only go forward, whatever the wall clock does."""

from hypothesis import given
from hypothesis import strategies as st

from lampang_planner.core.sync.clock import MAX_COUNTER, WALL_DIGITS, HybridClock, Stamp


class FakeWall:
    def __init__(self, t: int) -> None:
        self.t = t

    def __call__(self) -> int:
        return self.t


def test_monotonic_when_wall_clock_jumps_back():
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock("aaaaaaaaaaaaaaaa", wall=wall)
    first = clock.now()
    wall.t -= 3_600_000  # someone set the laptop's clock back an hour
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert Stamp.decode(third).wall == 1_700_000_000_000


def test_advances_past_a_received_stamp_from_a_clock_running_a_little_ahead():
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock("bbbbbbbbbbbbbbbb", wall=wall)
    remote = Stamp(1_700_000_000_000 + 5 * 3_600_000, 7, "cccccccccccccccc").encode()
    skew = clock.receive(remote)
    assert skew == 5 * 3_600_000
    assert clock.now() > remote


def test_a_stamp_more_than_a_day_ahead_never_moves_the_clock():
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock("bbbbbbbbbbbbbbbb", wall=wall)
    before = clock.now()
    remote = Stamp(1_700_000_000_000 + 5 * 86_400_000, 7, "cccccccccccccccc").encode()
    assert clock.receive(remote) == 5 * 86_400_000
    nxt = clock.now()
    assert before < nxt < remote and Stamp.decode(nxt).wall == 1_700_000_000_000


def test_the_highest_possible_stamp_leaves_the_next_stamp_well_formed():
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock("bbbbbbbbbbbbbbbb", wall=wall)
    highest = Stamp(10**WALL_DIGITS - 1, MAX_COUNTER, "cccccccccccccccc").encode()
    clock.receive(highest)
    stamp = clock.now()
    assert len(stamp) == len(highest) and Stamp.decode(stamp).wall == 1_700_000_000_000


def test_resumes_after_restart_from_the_persisted_stamp():
    wall = FakeWall(1_000)
    clock = HybridClock("dddddddddddddddd", wall=wall)
    for _ in range(3):
        last = clock.now()
    wall.t = 10  # the machine rebooted with a broken clock
    resumed = HybridClock("dddddddddddddddd", last=clock.last, wall=wall)
    assert resumed.now() > last


def test_string_order_is_stamp_order():
    a = Stamp(5, 0xFFFF, "ffffffffffffffff").encode()
    b = Stamp(6, 0, "0000000000000000").encode()
    assert a < b
    assert Stamp.decode(a) == Stamp(5, 0xFFFF, "ffffffffffffffff")


@given(st.lists(st.integers(min_value=0, max_value=10**13), min_size=1, max_size=60))
def test_every_issued_stamp_is_greater_than_the_last(walls):
    wall = FakeWall(walls[0])
    clock = HybridClock("eeeeeeeeeeeeeeee", wall=wall)
    last = ""
    for t in walls:
        wall.t = t
        s = clock.now()
        assert s > last
        last = s
