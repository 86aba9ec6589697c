"""The window at each scale (default 100,000 people): cold start to first paint, a real keystroke in the People
search, and the window's peak memory — every sample a fresh process (bench/window_session.py).

A keystroke is a key event delivered to the focused search field of the real window, offscreen, with the table and
the detail pane attached, timed until the window has nothing left to do: the filter, the kept selection, the detail
pane's queries, the repaint. Each session types three searches a clerk might type (a first name and the start of a
surname, a surname, the start of a phone number), picked from the data, different in every session, so every key is
a new prefix (no backspaces answered from a cache); the field is cleared between searches (not timed). Those three
are typed at once after the first paint (``ui.keystroke_*``): the first key waits for the rest of the load, and the
phones and codes are searched in their joined text (in C), the search's grams for them being built only once the
typing pauses (0.3 s). The session then waits for those (``ui.search_indexed``, not timed as a key) and types
three other searches (``ui.keystroke_indexed_*``): a clerk's keys once the page has been open a moment.

Baselines, measured in the same run the same way: a bare Qt window (a QLineEdit over a QTableView with a minimal
model, its filter one substring test per row over the same people) started, typed into and measured like the app.
Goals: start < 1.5 s (issue #2); keystroke p95 < 50 ms and window memory < 300 MB at 100,000 people (issue #19).

``ui.first_paint_<n>`` is the first paint of the People table with rows in it; its ``painted_rows`` says how many
(the window shows a large folder's first screenful in name order at once and loads the rest after the first paint).
``ui.first_paint_cpu_<n>``: the window process's CPU time by then (on a shared machine the wall time adds waiting for
a core). ``ui.search_ready_<n>``: when every row is loaded and searchable; the session types right after the first
paint, so its first key waits for the rest of the load (``worst_ms`` of the keystrokes); the bare window is ready at
its first paint.

``ui.filter_cpu_p95_<n>``: the search's own share of a keystroke, to show how it grows with the people — the People
model (loaded as the window loads it) typed the same keys in this process, CPU time per key; baseline: the bare
window's filter (one substring test per row) over the same people, typed the same keys. Its
``tested_per_key_max``/``_median``: the values and rows the search tested one by one per key (the distinct names,
organisations and places of a word of two letters or more, and at most ``core.search_grams.LEAF`` phones or codes per
field), a count that does not grow with the people.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
from pathlib import Path

from bench.common import ROOT, SAMPLES, figure, kilo, percentile, run_child, scales
from bench.generate import cached_database, private_copy
from lampang_planner.core.paths import DB_FILENAME

SESSION = str(ROOT / "bench" / "window_session.py")


def session_queries(folder, n_sessions: int) -> list[list[str]]:
    """Per session six searches from the data (three typed at once, three once the search's index is built), each
    of a three starting with a different character."""
    db = sqlite3.connect(f"file:{folder / DB_FILENAME}?mode=ro", uri=True)
    try:
        people = db.execute(
            "SELECT first_name, last_name, phone FROM person WHERE deleted=0 AND merged_into IS NULL "
            "AND first_name IS NOT NULL AND last_name IS NOT NULL AND phone IS NOT NULL ORDER BY rowid LIMIT 5000"
        ).fetchall()
    finally:
        db.close()
    out = []
    for k in range(n_sessions):
        three = []
        for seed in (k, 1000 + k):
            rng = random.Random(seed)
            a, b, c = rng.sample(people, 3)
            while b[1][0] == a[0][0]:
                b = rng.choice(people)
            three += [f"{a[0]} {a[1][:3]}", b[1], c[2][:6]]
        out.append(three)
    return out


def _filter_keys(folder, queries: list[list[str]]) -> tuple[list[float], list[float], list[int]]:
    """Per session, the p95 CPU time (ms) per key of the People model's search and of a plain substring filter; and
    per key, how many values and rows the search tested one by one (``SearchIndex.checked``: the rest of its work is
    lookups and bitmap operations)."""
    import time

    from PySide6.QtCore import QCoreApplication

    from lampang_planner.ui.models.people import PeopleModel, load_people

    _app = QCoreApplication.instance() or QCoreApplication([])
    db = sqlite3.connect(f"file:{folder / DB_FILENAME}?mode=ro", uri=True)
    try:
        model = PeopleModel()
        model.set_rows(load_people(db))
        model.finish_indexing()  # the window builds the search's grams once the typing pauses
        hay = [f"{r[2]}{r[3]} {r[4]} {r[5]} {r[9]}".casefold() for r in model._rows]  # as the bare window's rows
    finally:
        db.close()
    ours, plain, tested = [], [], []
    for session in queries:
        a, b = [], []
        for q in session[:3]:
            for k in range(1, len(q) + 1):
                checked = model._index.checked
                c = time.process_time()
                model.set_search(q[:k])
                a.append((time.process_time() - c) * 1000)
                tested.append(model._index.checked - checked)
                words = q[:k].casefold().split()
                c = time.process_time()
                [i for i, h in enumerate(hay) if all(w in h for w in words)]
                b.append((time.process_time() - c) * 1000)
            model.set_search("")
        ours.append(percentile(a, 95))
        plain.append(percentile(b, 95))
    return ours, plain, tested


def _sessions(kind: str, folder, queries: list[list[str]]) -> list[dict]:
    return [run_child([SESSION, kind, str(folder), json.dumps(q, ensure_ascii=False)],
                      env={"QT_QPA_PLATFORM": "offscreen"}) for q in queries]  # fmt: skip


def run() -> list[dict]:
    rows = []
    for n in scales():
        source = cached_database(n, n // 2)
        queries = session_queries(source, SAMPLES)
        with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
            folder = private_copy(source, Path(tmp) / "data")  # the window writes its settings, keys and WAL
            app = _sessions("app", folder, queries)
            bare = _sessions("bare", folder, queries)
            filt, filt_plain, tested = _filter_keys(folder, queries)
        k = kilo(n)
        start = [r["first_paint_s"] for r in app]
        ready = [r["ready_s"] for r in app]
        p95 = [percentile(r["keys_ms"], 95) for r in app]
        cpu95 = [percentile(r["keys_cpu_ms"], 95) for r in app]
        med = [statistics.median(r["keys_ms"]) for r in app]
        mem = [r["peak_mb"] for r in app]
        i95 = [percentile(r["keys_indexed_ms"], 95) for r in app]
        i_cpu95 = [percentile(r["keys_indexed_cpu_ms"], 95) for r in app]
        i_med = [statistics.median(r["keys_indexed_ms"]) for r in app]
        rows += [
            figure(f"ui.first_paint_{k}", start, "s", baseline=[r["first_paint_s"] for r in bare], goal="< 1.5 s",
                   ok=statistics.median(start) < 1.5, people=app[0]["rows"],
                   painted_rows=sorted({r["painted_rows"] for r in app})),
            figure(f"ui.first_paint_cpu_{k}", [r["first_paint_cpu_s"] for r in app], "s",
                   baseline=[r["first_paint_cpu_s"] for r in bare]),
            figure(f"ui.search_ready_{k}", ready, "s", baseline=[r["first_paint_s"] for r in bare]),
            figure(f"ui.keystroke_p95_{k}", p95, "ms", baseline=[percentile(r["keys_ms"], 95) for r in bare],
                   goal="< 50 ms at 100k", ok=statistics.median(p95) < 50,
                   keys=sum(len(r["keys_ms"]) for r in app), worst_ms=max(max(r["keys_ms"]) for r in app)),
            figure(f"ui.keystroke_cpu_p95_{k}", cpu95, "ms", baseline=[percentile(r["keys_cpu_ms"], 95) for r in bare]),
            figure(f"ui.keystroke_median_{k}", med, "ms", baseline=[statistics.median(r["keys_ms"]) for r in bare]),
            figure(f"ui.search_indexed_{k}", [r["indexed_s"] for r in app], "s",
                   baseline=[r["first_paint_s"] for r in bare]),
            figure(f"ui.keystroke_indexed_p95_{k}", i95, "ms",
                   baseline=[percentile(r["keys_indexed_ms"], 95) for r in bare], goal="< 50 ms at 100k",
                   ok=statistics.median(i95) < 50, keys=sum(len(r["keys_indexed_ms"]) for r in app)),
            figure(f"ui.keystroke_indexed_cpu_p95_{k}", i_cpu95, "ms",
                   baseline=[percentile(r["keys_indexed_cpu_ms"], 95) for r in bare]),
            figure(f"ui.keystroke_indexed_median_{k}", i_med, "ms",
                   baseline=[statistics.median(r["keys_indexed_ms"]) for r in bare]),
            figure(f"ui.window_memory_{k}", mem, "MB", baseline=[r["peak_mb"] for r in bare],
                   goal="< 300 MB at 100k", ok=statistics.median(mem) < 300),
            figure(f"ui.filter_cpu_p95_{k}", filt, "ms", baseline=filt_plain, tested_per_key_max=max(tested),
                   tested_per_key_median=statistics.median(tested)),
        ]  # fmt: skip
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
