"""Check-in at the workshop door: the logic the scan screen, the name search and ``checkin`` on the command line share.

One scan is one call and at most one transaction:

- an unreadable or unknown code gives an ``unknown`` result and writes nothing;
- a person with no live attendance yet is ``checked-in``: the attendance fact (id = natural key of workshop and
  person, ``scans`` = {desk: time});
- a known person who is not on this workshop's invitation list is ``not-invited`` and nothing is written (the wrong
  workshop may be chosen at the desk): the desk confirms with ``invite=True``, which writes the invitation and the
  attendance together;
- a person already attending is ``already``, reported with the earliest time and desk. If *this* desk had not
  scanned them yet, its scan is added to the attendance's ``scans`` map. That is exactly what the merge would give if
  the two desks were two laptops, so the data does not depend on whether desks share a data folder. A repeated scan
  at the same desk writes nothing.

Times are Asia/Bangkok (UTC+7, no daylight saving) ISO 8601 with the offset, to the second.

The package is split into rooms: ``desk`` (times, desk name), ``results`` (what a check-in did), ``lookup`` (the
person a code or id names), ``scan`` (checking in by code or pick), ``walk_in``, ``undo``, ``search`` (name search
at the desk) and ``counts`` (live counts, latest check-ins). Every name is importable from the package as before;
the rooms a one-code check-in does not use (undo, walk-ins, search, counts) are imported on first use, so the command
line's ``checkin`` does not pay for them.
"""

from __future__ import annotations

from lampang_planner.core.ops.checkin.desk import DEFAULT_DESK, bangkok_iso, clock_time, desk_of, now_bangkok, set_desk
from lampang_planner.core.ops.checkin.lookup import _follow_merges, _person, _person_by_code, _require_workshop
from lampang_planner.core.ops.checkin.results import CheckinResult, Kind, Via
from lampang_planner.core.ops.checkin.scan import check_in, check_in_person
from lampang_planner.core.thai.dates import BANGKOK

_LATER = {
    "undo_checkin": "undo",
    "UndoResult": "undo",
    "register_walk_in": "walk_in",
    "PersonMatch": "search",
    "search_people": "search",
    "warm_search": "search",
    "CountRow": "counts",
    "LiveCounts": "counts",
    "live_counts": "counts",
    "RecentCheckin": "counts",
    "latest_checkins": "counts",
}

__all__ = [
    "BANGKOK",
    "DEFAULT_DESK",
    "CheckinResult",
    "Kind",
    "Via",
    "bangkok_iso",
    "check_in",
    "check_in_person",
    "clock_time",
    "desk_of",
    "now_bangkok",
    "set_desk",
    "_follow_merges",
    "_person",
    "_person_by_code",
    "_require_workshop",
    *_LATER,
]


def __getattr__(name: str):
    """The names of the rooms imported on first use (PEP 562). The imports are written out, not computed, so the
    packaged program's import analysis (PyInstaller) still finds the rooms."""
    room = _LATER.get(name)
    if room == "undo":
        from lampang_planner.core.ops.checkin import undo as module
    elif room == "walk_in":
        from lampang_planner.core.ops.checkin import walk_in as module
    elif room == "search":
        from lampang_planner.core.ops.checkin import search as module
    elif room == "counts":
        from lampang_planner.core.ops.checkin import counts as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(module, name)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LATER))
