"""Each migration is history: the schema it leaves (``sqlite_master``: type, name, table, SQL, in order) is pinned in
``migration_schema.json`` for every step of the chain on a fresh folder, so a rewrite of a migration's Python (its
shared helpers in ``core/migrations/ddl.py``) cannot change what a folder migrated by an older version holds.

A new migration is recorded with ``python tests/core/test_migration_schema.py`` (it adds the steps not yet pinned
and never rewrites a pinned one)."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from lampang_planner.core.folder import known_revisions, migrate

PINNED = Path(__file__).with_name("migration_schema.json")


def schema_after_each_step(folder: Path) -> dict[str, list[list[str]]]:
    path, steps = folder / "planner.sqlite3", {}
    for rev in known_revisions():
        migrate(path, rev)
        with closing(sqlite3.connect(path)) as db:
            steps[rev] = [
                list(r) for r in db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")
            ]
    return steps


def load_pinned() -> dict[str, list[list[str]]]:
    """The file keeps each distinct row once (``rows``) and each step as the indexes of its rows, in order."""
    data = json.loads(PINNED.read_text(encoding="utf-8"))
    return {rev: [data["rows"][i] for i in idx] for rev, idx in data["steps"].items()}


def test_every_pinned_migration_step_leaves_the_same_schema(tmp_path):
    pinned, steps = load_pinned(), schema_after_each_step(tmp_path)
    assert list(steps)[: len(pinned)] == list(pinned)
    for rev, rows in pinned.items():
        assert steps[rev] == rows, f"migration {rev} now leaves another schema"


def _record(folder: Path) -> None:
    steps = {**schema_after_each_step(folder), **(load_pinned() if PINNED.exists() else {})}
    rows: list[list[str]] = []
    for step in steps.values():
        rows += [r for r in step if r not in rows]
    index = {json.dumps(r): i for i, r in enumerate(rows)}
    data = {"rows": rows, "steps": {rev: [index[json.dumps(r)] for r in s] for rev, s in steps.items()}}
    PINNED.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        _record(Path(d))
    sys.exit(0)
