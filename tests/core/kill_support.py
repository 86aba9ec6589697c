"""A fork server for the kill tests: a real separate process that imports the program once and forks one fresh child
per run, which the test then kills with a real SIGKILL after a chosen delay (so 50+ kills fit in well under a minute).

The child runs one of the scenarios below on a data folder. Nothing in the child knows it will be killed, except the
``kill_on`` option, with which the child sends itself SIGKILL right after SQLite executed a given statement (to hit
an exact instant, e.g. just after the first CREATE TABLE of an upgrade).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HELPER = r"""
import json, os, signal, sys, time
from pathlib import Path
from lampang_planner.core.db import Store
import lampang_planner.core.sync.exchange, lampang_planner.core.roster.importer, lampang_planner.core.ops.checkin
import alembic.command, sqlalchemy, sqlalchemy.event, sqlmodel

def kill_on(prefix):
    import sqlalchemy.engine
    def hook(conn, cursor, statement, *rest):
        if statement.lstrip().upper().startswith(prefix):
            os.kill(os.getpid(), signal.SIGKILL)
    sqlalchemy.event.listen(sqlalchemy.engine.Engine, "after_cursor_execute", hook)

def run(a):
    if a.get("kill_on"):
        kill_on(a["kill_on"])
    folder = Path(a["folder"])
    what = a["what"]
    if what in ("create", "upgrade"):
        Store.open(folder, create=(what == "create")).close()
    elif what == "import":
        from lampang_planner.core.sync import payload_reader
        from lampang_planner.core.sync.exchange import import_bundles
        payload_reader.BATCH_LINES = a.get("batch_lines", payload_reader.BATCH_LINES)  # smaller chunks: more kills land mid-import
        with Store.open(folder, create=False) as s:
            import_bundles(s, [a["bundle"]], find_duplicates=False)
    elif what == "roster":
        from lampang_planner.core.roster.importer import apply_import, plan_import
        with Store.open(folder, create=False) as s:
            apply_import(s, plan_import(s, a["roster"], a["workshop"]))
    elif what == "checkin":
        from lampang_planner.core.ops.checkin import check_in
        with Store.open(folder, create=False) as s, open(a["progress"], "a") as log:
            for code in a["codes"]:
                r = check_in(s, a["workshop"], code, desk=a.get("desk", "1"))
                log.write(f"{r.kind.value} {code}\n")
                log.flush()

print("ready", flush=True)
for line in sys.stdin:
    a = json.loads(line)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            run(a)
            code = 0
        except BaseException as exc:
            sys.stderr.write(f"child failed: {exc!r}\n")
        finally:
            os._exit(code)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, time.perf_counter() - t0, flush=True)
"""


class ForkServer:
    """``run(args, kill_after=seconds or None)`` → (killed, exit status, seconds)."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HELPER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def run(self, args: dict, kill_after: float | None = None) -> tuple[bool, int, float]:
        self.proc.stdin.write(json.dumps(args) + "\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline())
        if kill_after is not None:
            time.sleep(kill_after)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        status_text, took = self.proc.stdout.readline().split()
        status = int(status_text)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        return killed, code, float(took)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a finished start must not leave behind (half databases, half backups)."""
    names = [p.name for p in folder.iterdir() if ".creating-" in p.name or p.name.endswith(".part")]
    if (folder / "backups").is_dir():
        names += [p.name for p in (folder / "backups").iterdir() if not p.name.endswith(".sqlite3")]
    return names


def set_schema(path: Path, rev: str) -> None:
    """Bring the database at ``path`` up or down to revision ``rev`` with plain Alembic (as an older version of the
    program left it: the same data at an older schema)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from lampang_planner.core.folder import MIGRATIONS_DIR, known_revisions, schema_revision

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        current = schema_revision(conn.connection.dbapi_connection)
        older = current is not None and known_revisions().index(current) > known_revisions().index(rev)
        (command.downgrade if older else command.upgrade)(cfg, rev)
    engine.dispose()
