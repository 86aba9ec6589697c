"""The window on 100,000 people: cold start to first paint, the People filter per keystroke, peak memory.

Baselines measured in the same run:
- start: a bare Qt window (QApplication + QMainWindow with an empty QTableView) started the same way, to first paint;
- filter: a bare Python substring scan over the same 100,000 folded names (the least any filter can cost);
- memory: the bare Qt window's peak resident memory.
Goals (issue #2): start under 1.5 s, filter under 50 ms per keystroke, peak memory under 300 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import cached_database

N_PEOPLE = 100_000
RUNS = 3

# The child measures from its own process start (the parent passes the wall time just before spawning it) to the
# first paint of the table's viewport, then prints one JSON line and quits.
_CHILD_COMMON = r"""
import json, os, resource, sys, time
T0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class FirstPaint(QObject):
    def __init__(self, target, report):
        super().__init__(); self.target = target; self.report = report; self.done = False
    def eventFilter(self, obj, ev):
        if not self.done and obj is self.target and ev.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False
def report(extra):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps(dict(first_paint_s=time.time() - T0, peak_mb=rss, **extra)), flush=True)
    QApplication.instance().quit()
"""

CHILD_APP = _CHILD_COMMON + r"""
import argparse
from lampang_planner.ui.app import make_application, open_store
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import Translations
from lampang_planner.ui import settings as S
from lampang_planner.ui.main_window import MainWindow
app = make_application()
i18n = Translations(app); i18n.set_language("th")
store = open_store(argparse.Namespace(data_dir=sys.argv[1], demo=False))
settings = S.Settings.for_data_dir(store.data_dir)
settings.set(S.LAST_PAGE, "people")
ctx = AppContext.create(store, settings, i18n)
w = MainWindow(ctx)
table = w.pages["people"].table
f = FirstPaint(table.viewport(), lambda: report({"rows": table.model().rowCount()}))
table.viewport().installEventFilter(f)
w.resize(1280, 760); w.show()
app.exec()
"""

CHILD_BARE = _CHILD_COMMON + r"""
from PySide6.QtWidgets import QMainWindow, QTableView
from PySide6.QtGui import QStandardItemModel
app = QApplication(sys.argv[:1])
w = QMainWindow(); t = QTableView(); t.setModel(QStandardItemModel(0, 7)); w.setCentralWidget(t)
f = FirstPaint(t.viewport(), lambda: report({"rows": 0}))
t.viewport().installEventFilter(f)
w.resize(1280, 760); w.show()
app.exec()
"""


def _start(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_T0=repr(time.time()))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"window did not start: {out.stderr[-2000:]}")
    return json.loads(lines[-1])


def _filter_times(folder: Path) -> tuple[list[float], list[float], int]:
    """Per keystroke times (s) of the People model's filter and of a bare substring scan, typing a Thai name."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from lampang_planner.core.db import Store
    from lampang_planner.core.thai.collation import fold_for_search
    from lampang_planner.ui.app import make_application
    from lampang_planner.ui.models.people import PeopleModel, load_people

    make_application()
    store = Store.open(folder, create=False)
    try:
        model = PeopleModel()
        model.load(store.db, None)
        rows = load_people(store.db, None)
    finally:
        store.close()
    names = [fold_for_search(f"{r[2]}{r[3]} {r[4]} {r[5]}") for r in rows]
    # Four searches a clerk might type, each typed key by key and then deleted back to empty (results of recent
    # searches are reused by the model, as when the clerk backspaces; the first keystrokes of each name are not).
    typed = ["สมศรี ใจ", "บุญ", "กาญจนา แก้ว", "ศาลา"]
    keystrokes = []
    for name in typed:
        prefixes = [name[: i + 1] for i in range(len(name))]
        keystrokes += [*prefixes, *reversed(prefixes[:-1]), ""]
    ours, bare = [], []
    for q in keystrokes:
        t = time.perf_counter()
        model.set_search(q)
        ours.append(time.perf_counter() - t)
        f = fold_for_search(q).split()
        t = time.perf_counter()
        _ = [i for i, s in enumerate(names) if all(w in s for w in f)]
        bare.append(time.perf_counter() - t)
    return ours, bare, model.total


def run() -> list[dict]:
    folder = cached_database(N_PEOPLE)
    app_runs = [_start(CHILD_APP, str(folder)) for _ in range(RUNS)]
    bare_runs = [_start(CHILD_BARE) for _ in range(RUNS)]
    start = statistics.median(r["first_paint_s"] for r in app_runs)
    start_bare = statistics.median(r["first_paint_s"] for r in bare_runs)
    peak = max(r["peak_mb"] for r in app_runs)
    peak_bare = max(r["peak_mb"] for r in bare_runs)
    ours, bare, total = _filter_times(folder)
    f_med, f_max = statistics.median(ours), max(ours)
    b_med = statistics.median(bare)
    rows = [
        dict(name="ui.cold_start_first_paint_100k", value=start, unit="s", baseline=start_bare,
             ratio=start / start_bare, goal="< 1.5 s", ok=start < 1.5, people=app_runs[0]["rows"]),
        dict(name="ui.people_filter_per_keystroke_median_100k", value=f_med * 1000, unit="ms",
             baseline=b_med * 1000, ratio=f_med / b_med, goal="< 50 ms", ok=f_med < 0.05, people=total),
        dict(name="ui.people_filter_per_keystroke_max_100k", value=f_max * 1000, unit="ms",
             baseline=max(bare) * 1000, ratio=f_max / max(bare), goal="< 50 ms", ok=f_max < 0.05, people=total),
        dict(name="ui.peak_memory_100k", value=peak, unit="MB", baseline=peak_bare, ratio=peak / peak_bare,
             goal="< 300 MB", ok=peak < 300),
    ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
