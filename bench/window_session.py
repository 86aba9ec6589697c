"""One window session in a fresh process, for bench_ui: start, first paint, then a clerk's typing into the search
field, each key a real key event delivered to the focused field with the table and the detail pane attached, timed
from the event to the moment the window has nothing left to do (filter, selection, detail pane, repaint).

    python bench/window_session.py app|bare FOLDER QUERIES_JSON

``app`` is the program's own window on the People page; ``bare`` is the least a search-as-you-type window over the
same people can cost: a QLineEdit and a QTableView on a minimal model whose filter is one substring test per row.
Prints one JSON line: first_paint_s (from BENCH_T0, the parent's clock just before spawning) and first_paint_cpu_s
(this process's CPU time by then), painted_rows (the table's rows at that paint: the first paint counted is the first
one with rows in the table, so a "loading" table does not count), ready_s (when every row is loaded and searchable:
the app loads a large folder's rest after the first paint, and its first key waits for that), keys_ms and
keys_cpu_ms (one per key: wall and CPU time) of the first three queries, typed at once; indexed_s (when the search's
posting lists are built: the app builds them once the typing pauses, and answers with a pass over the phones and
codes until then) and keys_indexed_ms, keys_indexed_cpu_ms of the other queries, typed after that,
peak_mb (VmHWM: this process's own peak resident memory, not inherited from the parent) and rows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time

T0 = float(os.environ.get("BENCH_T0") or time.time())

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget  # noqa: E402


def vm_hwm_mb() -> float:
    """Peak resident memory of this process (Linux VmHWM, reset at exec, so a child does not inherit its parent's)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class FirstPaint(QObject):
    """The first paint of ``table`` with rows in it (its viewport's Paint event): then ``then(painted_rows, cpu)``."""

    def __init__(self, table: QTableView, then) -> None:
        super().__init__()
        self.table, self.target, self.then, self.done = table, table.viewport(), then, False

    def eventFilter(self, obj, ev) -> bool:
        if not self.done and obj is self.target and ev.type() == QEvent.Type.Paint:
            rows = self.table.model().rowCount()
            if rows > 0:
                self.done = True
                cpu = time.process_time()
                QTimer.singleShot(0, lambda: self.then(rows, cpu))
        return False


def settle(app: QApplication) -> None:
    """Run everything the key set off: posted events (selection, layout, paint requests), twice over."""
    for _ in range(2):
        app.processEvents()


def type_text(app: QApplication, field: QLineEdit, text: str) -> list[tuple[float, float]]:
    """Type ``text`` key by key into ``field``; each key's (wall, CPU) time in ms. The CPU time (this process, all
    threads) is what the key costs; on a shared machine the wall time adds the time spent waiting for a core."""
    out = []
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
        t, c = time.perf_counter(), time.process_time()
        app.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch))
        app.sendEvent(field, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, ch))
        settle(app)
        out.append(((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000))
    return out


def type_queries(app: QApplication, field: QLineEdit, queries: list[str], each_key=None) -> list[tuple[float, float]]:
    keys: list[tuple[float, float]] = []
    for q in queries:
        for key in type_text(app, field, q):
            keys.append(key)
            if each_key:
                each_key()
        field.clear()  # not timed: the next query starts from the full list, as after the clerk clears the field
        settle(app)
    return keys


def session(app: QApplication, field: QLineEdit, queries: list[str], table: QTableView, loading, painted: int,
            cpu: float, indexed=lambda: True) -> None:  # fmt: skip
    """Type the first three ``queries`` into ``field`` at once; ``loading()`` tells whether the window is still
    loading its rows. Then wait (not timed) until ``indexed()`` (the search's posting lists, built once the typing
    pauses) and type the others."""
    first_paint = time.time() - T0
    field.setFocus()
    ready = [None if loading() else first_paint]

    def each_key() -> None:
        if ready[0] is None and not loading():
            ready[0] = time.time() - T0

    keys = type_queries(app, field, queries[:3], each_key)
    while not indexed() and time.time() - T0 < 600:
        app.processEvents()
        time.sleep(0.005)
    built = time.time() - T0
    later = type_queries(app, field, queries[3:])
    print(json.dumps({"first_paint_s": first_paint, "first_paint_cpu_s": cpu, "painted_rows": painted,
                      "ready_s": ready[0], "keys_ms": [k[0] for k in keys], "keys_cpu_ms": [k[1] for k in keys],
                      "indexed_s": built, "keys_indexed_ms": [k[0] for k in later],
                      "keys_indexed_cpu_ms": [k[1] for k in later],
                      "peak_mb": vm_hwm_mb(), "rows": table.model().rowCount()}), flush=True)  # fmt: skip
    app.quit()


def run_app(folder: str, queries: list[str]) -> None:
    import argparse

    from lampang_planner.ui import settings as S
    from lampang_planner.ui.app import make_application, open_store
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.main_window import MainWindow

    app = make_application()
    i18n = Translations(app)
    i18n.set_language("th")
    store = open_store(argparse.Namespace(data_dir=folder, demo=False))
    settings = S.Settings.for_data_dir(store.data_dir)
    settings.set(S.LAST_PAGE, "people")
    ctx = AppContext.create(store, settings, i18n)
    w = MainWindow(ctx)
    page = w.pages["people"]
    table = page.table
    model = page.model
    hook = FirstPaint(table, lambda n, cpu: session(app, page.search, queries, table, lambda: model.loading, n, cpu,
                                                    lambda: not model.loading and model._index.refined))
    table.viewport().installEventFilter(hook)
    w.resize(1366, 768)
    w.show()
    app.exec()
    store.close()


class BareModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple]) -> None:
        super().__init__()
        self.rows = rows
        self.hay = [" ".join(r).casefold() for r in rows]
        self.view = list(range(len(rows)))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.view)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[self.view[index.row()]][index.column()]
        return None

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        self.beginResetModel()
        self.view = [i for i, h in enumerate(self.hay) if all(w in h for w in words)]
        self.endResetModel()


def run_bare(folder: str, queries: list[str]) -> None:
    from lampang_planner.core.paths import DB_FILENAME

    db = sqlite3.connect(f"file:{folder}/{DB_FILENAME}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT IFNULL(prefix,'') || IFNULL(first_name,''), IFNULL(last_name,''), IFNULL(organisation,''), "
        "IFNULL(phone,'') FROM person WHERE deleted=0 AND merged_into IS NULL"
    ).fetchall()
    db.close()
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    body = QWidget()
    lay = QVBoxLayout(body)
    field = QLineEdit()
    table = QTableView()
    model = BareModel(rows)
    table.setModel(model)
    field.textChanged.connect(model.set_search)
    lay.addWidget(field)
    lay.addWidget(table)
    w.setCentralWidget(body)
    hook = FirstPaint(table, lambda n, cpu: session(app, field, queries, table, lambda: False, n, cpu))
    table.viewport().installEventFilter(hook)
    w.resize(1366, 768)
    w.show()
    app.exec()


def main() -> None:
    kind, folder, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    (run_app if kind == "app" else run_bare)(folder, queries)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
