"""Lookups that must not grow with the number of people, at each scale (default 100,000; run with
``--people 10000,100000,300000`` to see the growth): the People page's detail pane for one person, and a merge group
found from one person (what erasing one person starts with).

- ``lookups.detail_pane_<n>``: ``get_person`` + ``person_workshops`` (the pane's two queries), for 200 people spread
  over the file, each sample one person. Baseline: a bare sqlite3 primary-key read of the same person row.
- ``lookups.merge_group_<n>``: ``links.merge_group`` from one person, 200 people. Baseline: the same bare read.
Both in ms per person; the goal is that the figure stays flat from 10k to 300k (a B-tree probe grows with log n).
"""

from __future__ import annotations

import json
import sqlite3
import time

from bench.common import figure, kilo, scales
from bench.generate import cached_database, cached_ids
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import get_person, person_workshops
from lampang_planner.core.privacy.links import merge_group

PEOPLE = 200


def _per_person(action, people: list[str]) -> list[float]:
    out = []
    for pid in people:
        t = time.perf_counter()
        action(pid)
        out.append((time.perf_counter() - t) * 1000)
    return out


def run() -> list[dict]:
    rows = []
    for n in scales():
        folder = cached_database(n, n // 2)
        ids = cached_ids(folder)["people"]
        people = [ids[(2 * i + 1) * len(ids) // (2 * PEOPLE)] for i in range(PEOPLE)]
        k = kilo(n)
        with Store.open(folder, create=False) as store:
            bare = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
            try:
                read = bare.execute
                plain = _per_person(lambda pid, read=read: read("SELECT * FROM person WHERE id=?", (pid,)).fetchone(),
                                    people)  # fmt: skip
                detail = _per_person(lambda pid: (get_person(store, pid), person_workshops(store, pid)), people)
                group = _per_person(lambda pid: merge_group(store.db, pid), people)
            finally:
                bare.close()
        rows += [
            figure(f"lookups.detail_pane_{k}", detail, "ms", baseline=plain, goal="flat from 10k to 300k"),
            figure(f"lookups.merge_group_{k}", group, "ms", baseline=plain, goal="flat from 10k to 300k"),
        ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
