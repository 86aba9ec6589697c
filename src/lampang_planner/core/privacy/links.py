"""Which rows are one person (merges) and which workshops a person is linked to."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict

from lampang_planner.core.thai.dates import as_date as _as_date


def merge_roots(db: sqlite3.Connection) -> dict[str, str]:
    """Every person row → the row at the end of its ``merged_into`` chain (itself when not merged; the target's id
    when that row has not arrived yet). A cycle (two copies merged into each other concurrently) resolves to its
    smallest id, the same on every machine."""
    parent: dict[str, str | None] = dict(db.execute("SELECT id, merged_into FROM person").fetchall())
    roots: dict[str, str] = {}
    for start in parent:
        if start in roots:
            continue
        path: list[str] = []
        index: dict[str, int] = {}
        cur = start
        while True:
            if cur in roots:
                root = roots[cur]
                break
            if cur in index:
                root = min(path[index[cur] :])
                break
            nxt = parent.get(cur)
            if cur not in parent or not nxt:
                root = cur
                break
            index[cur] = len(path)
            path.append(cur)
            cur = nxt
        for p in path:
            roots[p] = root
        roots.setdefault(start, root)
    return roots


def _root_of(db: sqlite3.Connection, person_id: str) -> str:
    """The end of ``person_id``'s ``merged_into`` chain, by the rules of :func:`merge_roots`, reading only the chain."""
    path: list[str] = []
    index: dict[str, int] = {}
    cur = person_id
    while True:
        if cur in index:  # a cycle: its smallest id
            return min(path[index[cur] :])
        row = db.execute("SELECT merged_into FROM person WHERE id=?", (cur,)).fetchone()
        if row is None or not row[0]:
            return cur
        index[cur] = len(path)
        path.append(cur)
        cur = row[0]


def merge_group(db: sqlite3.Connection, person_id: str) -> list[str]:
    """The person rows that are one person with ``person_id``: the surviving row first (when it is here), then every
    row merged into it, sorted. Equal to grouping :func:`merge_roots`, but it reads only the group's rows: up the
    chain, then down through ``ix_person_merged_into`` (the cost of erasing one person does not grow with the number
    of people)."""
    root = _root_of(db, person_id)
    seen = {root}
    todo = [root]
    while todo:
        cur = todo.pop()
        for (child,) in db.execute("SELECT id FROM person WHERE merged_into=?", (cur,)):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    here = db.execute("SELECT 1 FROM person WHERE id=?", (root,)).fetchone() is not None
    members = sorted(seen - {root})
    if here:
        members.insert(0, root)
    return members or [person_id]


def as_date(v: object) -> dt.date | None:
    return _as_date(v, strict=False)


def workshop_links(db: sqlite3.Connection) -> dict[str, set[str]]:
    """person id → ids of the workshops they were invited to or attended (tombstoned rows count: the link existed)."""
    links: dict[str, set[str]] = defaultdict(set)
    for pid, wid in db.execute(
        "SELECT person_id, workshop_id FROM invitation UNION SELECT person_id, workshop_id FROM attendance"
    ):
        if pid and wid:
            links[pid].add(wid)
    return links
