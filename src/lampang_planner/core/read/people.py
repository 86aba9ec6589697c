"""The People page's rows: live people (not deleted, not merged away), or a workshop's roster with check-in times
(``core.read.presence``, so the page counts the same people as the desk and the quorum).

The page's order by name (:func:`name_order_key`): first name, then last name, then prefix, each in Thai dictionary
order. At start the page shows :func:`first_people` (the first screenful in that order, from a query that reads a
few hundred rows) and reads everyone with :func:`people_in_chunks` afterwards, a chunk per turn of its event loop.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from lampang_planner.core.ops.people import LIST_COLUMNS
from lampang_planner.core.read.presence import ROSTER
from lampang_planner.core.thai.collation import LEADING_VOWELS, thai_sort_key

_COLUMNS = ", ".join(f"IFNULL(p.{c}, '')" for c in LIST_COLUMNS)
_CHUNK = 500  # ids per query (SQLite's limit on parameters is far above; this keeps each statement small)
_LIVE = "SELECT {cols}, NULL FROM person p WHERE p.deleted = 0 AND p.merged_into IS NULL"
PREFIX, FIRST, LAST = (LIST_COLUMNS.index(c) for c in ("prefix", "first_name", "last_name"))


def name_order_key(row: tuple, key: Callable[[str], tuple] = thai_sort_key) -> tuple:
    """The People page's order by name for a row of :func:`people_rows`: first name, last name, prefix, each by
    ``thai_sort_key`` (rows equal in all three keep their order); ``key``: that function, or a cache of it."""
    return key(row[FIRST]), key(row[LAST]), key(row[PREFIX])


def people_rows(db: sqlite3.Connection, workshop_id: str | None = None, ids: Iterable[str] | None = None) -> list:
    """Live people as tuples: ``LIST_COLUMNS``, then the check-in time at ``workshop_id`` ('' = invited, not come;
    None without a workshop). With ``workshop_id`` only its roster (a merged-away record's invitation or check-in
    counts for the person it was merged into); with ``ids`` only those people."""
    if workshop_id:
        sql = (
            f"WITH RECURSIVE {ROSTER} SELECT {_COLUMNS}, IFNULL(r.checked_in_at, '') FROM roster r "
            "JOIN person p ON p.id = r.person_id WHERE 1"
        )
        params: dict = {"workshop": workshop_id, "session": None}
    else:
        sql = _LIVE.format(cols=_COLUMNS)
        params = {}
    if ids is None:
        return db.execute(sql, params).fetchall()
    ids = list(ids)
    out: list = []
    for start in range(0, len(ids), _CHUNK):
        chunk = {f"id{i}": pid for i, pid in enumerate(ids[start : start + _CHUNK])}
        marks = ",".join(f":{k}" for k in chunk)
        out += db.execute(f"{sql} AND p.id IN ({marks})", {**params, **chunk}).fetchall()
    return out


def first_people(db: sqlite3.Connection, at_least: int) -> tuple[list, int]:
    """The first ``at_least`` live people in :func:`name_order_key` order (more when the last first name taken is
    shared: every holder of a first name taken), and how many live people there are; rows as :func:`people_rows`
    without a workshop, equal names in the order of :func:`people_in_chunks`.

    One grouped count per first name (SQLite, no row handed to Python), the first names in Thai order until they hold
    ``at_least`` people, then only their rows: the first screenful of 100,000 people without reading them all."""
    counts = db.execute(
        "SELECT IFNULL(p.first_name, ''), COUNT(*) FROM person p WHERE p.deleted = 0 AND p.merged_into IS NULL "
        "GROUP BY 1"
    ).fetchall()
    names = first_names(counts, at_least)
    marks = ",".join("?" * len(names))  # at most ``at_least`` names: a screenful, far under SQLite's limit
    sql = _LIVE.format(cols=_COLUMNS) + f" AND IFNULL(p.first_name, '') IN ({marks}) ORDER BY p.rowid"
    rows = db.execute(sql, names).fetchall()
    key = functools.cache(thai_sort_key)  # the rows share a few first and last names
    rows.sort(key=lambda r: name_order_key(r, key))
    return rows, sum(n for _, n in counts)


def first_names(counts: list[tuple[str, int]], at_least: int) -> list[str]:
    """The first names, in Thai order, that the first ``at_least`` people hold (``counts``: each first name with how
    many hold it). Only the names that can come first are given a full ``thai_sort_key``: the key compares its
    first character first, which the name's first one or two characters tell (a consonant, a leading vowel before
    a consonant, an ASCII character); names starting otherwise are always keyed."""
    buckets: dict[str, list[tuple[str, int]]] = {}
    unsure: list[tuple[str, int]] = []
    for name, n in counts:
        lead = _sort_lead(name)
        if lead is None:
            unsure.append((name, n))
        else:
            buckets.setdefault(lead, []).append((name, n))
    candidates, taken = unsure, 0
    for lead in sorted(buckets):
        if taken >= at_least:
            break
        candidates = candidates + buckets[lead]
        taken += sum(n for _, n in buckets[lead])
    names: list[str] = []
    taken = 0
    for name, n in sorted(candidates, key=lambda c: thai_sort_key(c[0])):
        if taken >= at_least:
            break
        names.append(name)
        taken += n
    return names


def _sort_lead(name: str) -> str | None:
    """``thai_sort_key(name)[0][0]`` when the name's first characters tell it: a Thai consonant, a leading vowel
    (before a consonant: that consonant), or an ASCII character (lower case); None otherwise (or for "")."""
    c = name[:1]
    if "\u0e01" <= c <= "\u0e2e":
        return c
    if c and c in LEADING_VOWELS:
        after = name[1:2]
        return after if "\u0e01" <= after <= "\u0e2e" else c
    if c and c.isascii():
        return c.lower()
    return None


def people_in_chunks(db: sqlite3.Connection, rowids: int = 10_000) -> Iterator[list]:
    """Every live person, as :func:`people_rows` without a workshop, in rowid order: one query per ``rowids``
    rowids, each run to its end before it is handed over (no statement stays open while the caller waits, so it may
    take one chunk per turn of an event loop). A person written after the first chunk may be missed or read as
    before: the caller re-reads the people the store's change events name."""
    top = db.execute("SELECT IFNULL(MAX(rowid), 0) FROM person").fetchone()[0]
    sql = _LIVE.format(cols=_COLUMNS) + " AND p.rowid > ? AND p.rowid <= ? ORDER BY p.rowid"
    for low in range(0, top, rowids):
        yield db.execute(sql, (low, low + rowids)).fetchall()
