"""The lookups the screens and the door make read only the rows they need: SQLite's own plan (EXPLAIN QUERY PLAN) of
every statement a hot path runs, with the planner's statistics as the store keeps them and with none at all (a folder
made by an older version before its first large write), and the merge group found from one person."""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.dbstats import refresh_statistics, stale_tables
from lampang_planner.core.model import Invitation, natural_id
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.ops.people import get_person, person_workshops
from lampang_planner.core.privacy.links import merge_group, merge_roots
from lampang_planner.core.privacy.rights import erase_person

N_PEOPLE = 1200  # the store takes statistics from 1,000 rows (core.dbstats.MIN_ROWS)
BIG = ("person", "invitation", "attendance", "change", "ballot")
# A plan step that reads a whole big table ("SCAN person", "SCAN a USING COVERING INDEX ...") or a large share of it
# (all of a workshop's rows, all the change log's rows of a table). Aliases are resolved below.
_BROAD = re.compile(r"^(?:SCAN (\w+)|SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((?:workshop_id|tbl)=\?\)(?: LEFT-JOIN)?$)")


def _fill(folder: Path) -> tuple[list[str], list[str], list[str]]:
    with new_store(folder) as s:
        with s.transaction() as tx:
            workshops = [tx.insert("workshop", {"title": f"เวที {k}", "start_date": f"2026-01-{k + 1:02d}"})
                         for k in range(13)]  # fmt: skip
        people, codes = [], []
        with s.transaction() as tx:
            for i in range(N_PEOPLE):
                code = f"T{i:05d}"
                pid = tx.insert("person", {"first_name": f"สมชาย{i}", "last_name": "ใจดี", "code": code})
                wid = workshops[i % 13]
                tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, natural_id(Invitation, wid, pid))
                people.append(pid)
                codes.append(code)
        for code in codes[::29]:
            check_in(s, workshops[0], code)
    return workshops, people, codes


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("plans")
    return folder, *_fill(folder)


def _statements(store: Store, action: Callable[[], object]) -> list[str]:
    seen: list[str] = []
    store.db.set_trace_callback(seen.append)
    try:
        action()
    finally:
        store.db.set_trace_callback(None)
    return [s for s in seen if re.match(r"\s*(SELECT|UPDATE|DELETE|INSERT|WITH)\b", s, re.I)]


def _broad_reads(db: sqlite3.Connection, sql: str) -> list[str]:
    """Big tables the statement reads whole, by SQLite's plan."""
    aliases = {m.group(2) or m.group(1): m.group(1)
               for m in re.finditer(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|JOIN|ON|LEFT|GROUP|ORDER)(\w+))?",
                                    sql, re.I)}  # fmt: skip
    out = []
    for *_, detail in db.execute("EXPLAIN QUERY PLAN " + sql):
        if (m := _BROAD.match(detail)) and aliases.get(t := m.group(1) or m.group(2), t) in BIG:
            out.append(f"{detail}  ←  {sql.strip()[:160]}")
    return out


def _hot_paths(store: Store, workshops: list[str], people: list[str], codes: list[str]) -> dict[str, Callable]:
    pid = people[N_PEOPLE // 2]
    return {
        "detail pane": lambda: (get_person(store, pid), person_workshops(store, pid)),
        "check-in by code": lambda: check_in(store, workshops[1], codes[N_PEOPLE // 3]),
        "repeat scan": lambda: check_in(store, workshops[1], codes[N_PEOPLE // 3]),
        "merge group": lambda: merge_group(store.db, pid),
        "erase one person": lambda: erase_person(store, people[N_PEOPLE // 4]),
    }


@pytest.mark.parametrize("statistics", ["kept by the store", "none", "sampled"])
def test_hot_paths_never_read_a_whole_big_table(filled, tmp_path, statistics):
    """``sampled``: taken from a sample of every index, as an import refreshes them (``PRAGMA analysis_limit``,
    core.sync.exchange_chunks; a smaller sample here than the 1,200 people, so the figures really are estimates)."""
    src, workshops, people, codes = filled
    folder = tmp_path / "copy"
    folder.mkdir()
    with Store.open(src) as s:
        s.db.execute("VACUUM INTO ?", (str(folder / s.path.name),))
    if statistics == "none":
        raw = sqlite3.connect(next(folder.glob("*.sqlite3")))
        raw.execute("DROP TABLE IF EXISTS sqlite_stat1")
        raw.commit()
        raw.close()
    if statistics == "sampled":
        raw = sqlite3.connect(next(folder.glob("*.sqlite3")))
        raw.execute("PRAGMA analysis_limit=100")
        raw.execute("ANALYZE")
        raw.commit()
        raw.close()
    with Store.open(folder) as store:
        has_stats = store.db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name='sqlite_stat1'").fetchone()[0]
        assert bool(has_stats) == (statistics != "none")
        problems = []
        for name, action in _hot_paths(store, workshops, people, codes).items():
            for sql in _statements(store, action):
                problems += [f"{name}: {p}" for p in _broad_reads(store.db, sql)]
        assert not problems, "\n".join(problems)


def test_a_persons_workshops_come_from_the_person_index(filled):
    folder, _workshops, people, _codes = filled
    with Store.open(folder) as store:
        pid = people[5]
        plan = " | ".join(r[3] for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT workshop_id FROM invitation WHERE person_id=? AND deleted=0 UNION ALL "
            "SELECT workshop_id FROM attendance WHERE person_id=? AND deleted=0", (pid, pid)))  # fmt: skip
        assert "ix_invitation_person" in plan and "ix_attendance_person" in plan, plan
        rows = person_workshops(store, pid)
        assert [(r[0], r[3]) for r in rows] == [("เวที 5", True)]


def test_statistics_are_taken_after_a_large_write_and_kept_current(tmp_path):
    with new_store(tmp_path) as s:
        assert "person" not in stale_tables(s.db)  # empty: nothing to analyse yet
        with s.transaction() as tx:
            for i in range(1200):
                tx.insert("person", {"first_name": f"ก{i}", "code": f"C{i}"})
        stat = dict(s.db.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl='person'").fetchall())
        assert stat["ix_person_code"].split()[0] == "1200"
        assert stale_tables(s.db) == []
        with s.transaction() as tx:  # a small write does not pay for a check
            tx.insert("person", {"first_name": "ข", "code": "D"})
        raw = s.db
        raw.execute("DELETE FROM sqlite_stat1 WHERE tbl='person'")  # as if the data had outgrown them
        assert "person" in stale_tables(raw)
    with Store.open(tmp_path) as s:  # closing refreshed them
        assert s.db.execute("SELECT stat FROM sqlite_stat1 WHERE idx='ix_person_code'").fetchone()[0].startswith("1201")
        assert refresh_statistics(s.db) == []


def _merge_graph(db: sqlite3.Connection, rng: random.Random, n: int) -> list[str]:
    ids = [f"p{i:03d}" for i in range(n)]
    db.execute("CREATE TABLE person (id TEXT PRIMARY KEY, merged_into TEXT)")
    db.execute("CREATE INDEX ix_person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL")
    for pid in ids:
        r = rng.random()
        target = None if r < 0.5 else rng.choice(ids) if r < 0.9 else f"gone{rng.randrange(3)}"  # missing targets too
        db.execute("INSERT INTO person VALUES (?, ?)", (pid, target))
    return ids


@pytest.mark.parametrize("seed", range(8))
def test_merge_group_from_one_person_equals_grouping_every_person(seed):
    rng = random.Random(seed)
    db = sqlite3.connect(":memory:")
    ids = _merge_graph(db, rng, 60)  # chains, trees, cycles (two copies merged into each other) and missing targets
    roots = merge_roots(db)
    for pid in [*ids, "gone0", "gone1", "nobody"]:
        root = roots.get(pid, pid)
        expected = sorted(p for p, r in roots.items() if r == root)
        if root in expected:
            expected.remove(root)
            expected.insert(0, root)
        assert merge_group(db, pid) == (expected or [pid]), pid
