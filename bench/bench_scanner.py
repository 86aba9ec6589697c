"""Scan to committed check-in through the scan catcher, as a USB scanner drives the check-in screen.

Data: 100,000 people, 50,000 attendances (``bench.generate``), copied to a private folder because scans write.
Measured: the real check-in page (``MainWindow``, offscreen) with focus in its search field; a scanner's key events
(``ui.widgets.scanner_keys.send_scan``: KeyPress, with the ShortcutOverride Qt sends before it, and KeyRelease for
every key, and for an old badge Shift down/up around every capital and ":") go in through Qt's event delivery to the
focused widget and the scan catcher on it, which recognises the burst at Enter and checks the person in
(``core.ops.checkin.check_in``: the
transaction is committed, ``synchronous=FULL`` in WAL mode) and shows the result. Timed from the first key event to
the commit (the store's first commit listener, called once the transaction is on disk) — the goal — and to the return
of the last key event, when the panel shows the result (reported too); the row is then checked in the database. New badges (``lpp1;<code>``, no Shift) and old ones (``LPP1:<CODE>``, Shift for 6 of 14 characters)
alternate. Between people the event loop runs (the page's live counts refresh), as at a real door.
Baseline, in the same run, on the same database file through a second connection with the same settings: a bare
sqlite3 lookup of the person by code plus an INSERT of one attendance row and COMMIT, alternating with the scans.
Goal (issue #11): median within 3× of the bare figure, p99 under 20 ms.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_checkin import bare_insert, people_to_check_in
from bench.generate import cached_database, cached_ids

N_PEOPLE = 100_000
N_ATTENDANCE = 50_000
SCANS = 300  # half new badges, half old
WARMUP = 10


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.99 * len(ordered)) - 1]


def _open_page(store, wid: str):
    from PySide6.QtWidgets import QApplication

    from lampang_planner.ui.app import make_application
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.main_window import MainWindow
    from lampang_planner.ui.settings import Settings

    app = make_application()
    i18n = Translations(app)
    i18n.set_language("th")
    ctx = AppContext.create(store, Settings.for_data_dir(store.data_dir), i18n)
    window = MainWindow(ctx)
    window.show()
    window.navigate("checkin", workshop_id=wid)
    page = window.pages["checkin"]
    page.sound.enabled = False
    window.activateWindow()
    page.search.setFocus()
    end = time.monotonic() + 30
    while QApplication.focusWidget() is not page.search or not page.wedge.active:
        app.processEvents()
        if time.monotonic() > end:
            raise RuntimeError("the check-in page did not get focus")
    ctx.tasks.wait(60_000)  # the name-search index, built off the GUI thread
    return app, ctx, window, page


def _settle(app, ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def run() -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from lampang_planner.core.db import Store, connect
    from lampang_planner.core.qr import payload
    from lampang_planner.ui.widgets.scanner_keys import send_scan

    source = cached_database(N_PEOPLE, N_ATTENDANCE)
    wid = cached_ids(source)["workshops"][0]
    times: dict[str, list[float]] = {"new": [], "old": [], "shown": []}
    bare_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="lp-bench-scanner-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(source, folder)
        store = Store.open(folder)
        bare = connect(store.path)
        app, ctx, window, page = _open_page(store, wid)
        committed_at: list[float] = []
        store.listeners.insert(0, lambda _result: committed_at.append(time.perf_counter()))  # right after COMMIT
        try:
            need = 2 * (SCANS + WARMUP)
            todo = people_to_check_in(store, wid, need)
            stamp = 1_000
            for k in range(SCANS + WARMUP):
                pid, code = todo[2 * k]
                badge = "new" if k % 2 == 0 else "old"
                text = payload(code) if badge == "new" else "LPP1:" + code
                committed_at.clear()
                t0 = time.perf_counter()
                stamp = send_scan(text, "us", gap_ms=2, stamp=stamp) + 5_000  # the next person, 5 s later
                t_shown = time.perf_counter()
                if len(committed_at) != 1:
                    raise RuntimeError(f"the scan of {text} committed {len(committed_at)} times")
                t1 = committed_at[0]
                last = page.last_result
                if last is None or last.person_id != pid or not last.attendance_created:
                    raise RuntimeError(f"the scan of {text} did not check {pid} in")
                base = bare_insert(bare, wid, todo[2 * k + 1][1])
                if k >= WARMUP:
                    times[badge].append((t1 - t0) * 1000)
                    times["shown"].append((t_shown - t0) * 1000)
                    bare_ms.append(base)
                _settle(app)
            committed = store.scalar(
                "SELECT COUNT(*) FROM attendance WHERE workshop_id = ? AND deleted = 0 AND person_id IN "
                f"({','.join('?' * (SCANS + WARMUP))})",
                (wid, *[todo[2 * k][0] for k in range(SCANS + WARMUP)]),
            )
            if committed != SCANS + WARMUP:
                raise RuntimeError(f"{committed} of {SCANS + WARMUP} scans are in the database")
        finally:
            window.close()
            ctx.close()
            bare.close()
            store.close()
    rows = []
    base_med, base_p99 = statistics.median(bare_ms), _p99(bare_ms)
    every = times["new"] + times["old"]
    for label, values in (("all", every), ("new_badges", times["new"]), ("old_badges_shift", times["old"])):
        med, p99 = statistics.median(values), _p99(values)
        common = {"unit": "ms", "scans": len(values), "people": N_PEOPLE, "attendance_before": N_ATTENDANCE}
        rows.append({"name": f"scanner_scan_to_commit_median_{label}", "value": med, "baseline": base_med,
                     "ratio": med / base_med, "goal": "≤ 3× bare sqlite3 lookup+insert+commit",
                     "ok": med <= 3 * base_med, **common})
        rows.append({"name": f"scanner_scan_to_commit_p99_{label}", "value": p99, "baseline": base_p99,
                     "ratio": p99 / base_p99, "goal": "< 20 ms", "ok": p99 < 20, **common})
    shown = times["shown"]
    rows.append({"name": "scanner_scan_to_panel_shown_median", "value": statistics.median(shown), "baseline": None,
                 "ratio": None, "goal": "(reported: until the panel shows the result)", "ok": True,
                 "unit": "ms", "scans": len(shown)})
    rows.append({"name": "scanner_scan_to_panel_shown_p99", "value": _p99(shown), "baseline": None, "ratio": None,
                 "goal": "(reported)", "ok": True, "unit": "ms", "scans": len(shown)})
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
