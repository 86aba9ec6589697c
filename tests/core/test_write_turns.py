"""Taking turns at the write lock (core.write_turns): a writer that waits gets in between two chunks of a long
writer in another process, instead of losing every race until the long writer is done."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from folder_support import new_store
from lampang_planner.core.db import Store

# A long writer: CHUNKS transactions back to back, each holding the lock a while (as an import's chunk does), letting
# waiting writers in between two when asked to. It logs each chunk in the settings table, numbered.
LONG = r"""
import sys, time
from pathlib import Path
from lampang_planner.core.db import Store
from lampang_planner.core.write_turns import LongWriter
folder, chunks, take_turns = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
with Store.open(folder, create=False) as s:
    turns = LongWriter(s.path)
    for i in range(chunks):
        if take_turns:
            turns.let_others_in()
        with s.transaction():
            s.db.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"chunk/{i:04d}", str(time.monotonic_ns())))
            if i == 2:
                Path(sys.argv[4]).write_text("started")
            time.sleep(0.03)
    turns.close()
"""

# A desk: one short write, through the store's ordinary transaction (its normal busy timeout).
DESK = r"""
import sys, time
from pathlib import Path
from lampang_planner.core.db import Store
with Store.open(Path(sys.argv[1]), create=False) as s:
    asked = time.monotonic_ns()
    with s.transaction():
        s.db.execute("INSERT INTO setting (key, value) VALUES ('desk', ?)", (str(asked),))
"""


def _chunks_before_the_desk(tmp_path: Path, take_turns: bool) -> tuple[int, int]:
    folder = tmp_path / ("turns" if take_turns else "no-turns")
    new_store(folder).close()
    started = tmp_path / f"started-{take_turns}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    chunks = 60
    long = subprocess.Popen([sys.executable, "-c", LONG, str(folder), str(chunks), "1" if take_turns else "0",
                             str(started)], env=env, stderr=subprocess.PIPE, text=True)
    while not started.exists():
        assert long.poll() is None, long.stderr.read() if long.stderr else ""
    desk = subprocess.run([sys.executable, "-c", DESK, str(folder)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert desk.returncode == 0, desk.stderr
    assert long.wait(timeout=120) == 0
    with Store.open(folder, create=False) as s:
        asked = int(s.get_setting("desk") or 0)
        order = [k for (k,) in s.query("SELECT key FROM setting WHERE key LIKE 'chunk/%' OR key='desk' ORDER BY rowid")]
        began = [int(v) for (v,) in s.query("SELECT value FROM setting WHERE key LIKE 'chunk/%' ORDER BY key")]
    assert len(began) == chunks
    # Chunks that began after the desk asked for the lock and committed before the desk's write.
    return sum(1 for k, t in zip(sorted(k for k in order if k != "desk"), began, strict=True)
               if t > asked and order.index(k) < order.index("desk")), chunks


def test_a_waiting_desk_gets_in_between_two_chunks_of_a_long_writer(tmp_path):
    overtaken, _chunks = _chunks_before_the_desk(tmp_path, take_turns=True)
    # The desk asked for the lock during a chunk: it is let in when that chunk commits, before the next begins (one
    # more at most, when that chunk commits in the microseconds between the desk's first try and its saying it waits).
    # Without turns the long writer wins nearly every race: here the desk was overtaken by 7 to 34 chunks.
    assert overtaken <= 1, f"{overtaken} chunks began after the desk asked for the lock and went before it"


def test_the_long_writer_waits_for_nobody_when_nobody_waits(tmp_path):
    folder = tmp_path / "alone"
    new_store(folder).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", LONG, str(folder), "5", "1", str(tmp_path / "s")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with Store.open(folder, create=False) as s:
        assert s.scalar("SELECT COUNT(*) FROM setting WHERE key LIKE 'chunk/%'") == 5
