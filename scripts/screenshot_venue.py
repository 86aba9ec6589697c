"""Screenshot of the venue panel (issue #18): desk 1's check-in page joined to three desk processes, after scanning
someone desk 2 checked in. Run under a virtual screen:

    Xvfb :1801 -screen 0 1366x768x24 & DISPLAY=:1801 QT_QPA_PLATFORM=xcb LAMPANG_KEY_STORE=file \\
        .venv/bin/python scripts/screenshot_venue.py docs/screenshots/venue-status.png
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))

from venue_support import DeskProcess, desks_from_kit, office_with_people  # noqa: E402

from lampang_planner.core.db import Store  # noqa: E402
from lampang_planner.core.ops.checkin import now_bangkok  # noqa: E402


def _wait(app, condition, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("not reached in time")
        app.processEvents()
        time.sleep(0.05)


def main(out: Path) -> None:
    from lampang_planner.ui.app import make_application
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.main_window import MainWindow
    from lampang_planner.ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    office, wid, codes = office_with_people(tmp / "office", 40)
    folders = desks_from_kit(office, tmp, [f"โต๊ะ {i}" for i in range(1, 5)], enrolled=4)
    office.close()
    d2 = DeskProcess(folders[1])
    others = [d2, DeskProcess(folders[2], joins=(d2.address,)), DeskProcess(folders[3], joins=(d2.address,))]
    for i, d in enumerate(others):
        for c in codes[i * 5 : i * 5 + 5]:
            d.scan(wid, c)
    app = make_application()
    store = Store.open(folders[0], create=False)
    i18n = Translations(app)
    i18n.set_language("th")
    ctx = AppContext.create(store, Settings.for_data_dir(store.data_dir), i18n)
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.navigate("checkin", workshop_id=wid)
    page = window.pages["checkin"]
    page.venue.start()
    _wait(app, lambda: page.venue.node is not None)
    page.venue.address.setText(d2.address)
    page.venue.join_button.click()
    _wait(app, lambda: len(page.venue.node.status().connected) == 3
          and store.scalar("SELECT COUNT(*) FROM attendance") == 15)
    for c in codes[20:24]:
        page.handle_scan(c)
    _wait(app, lambda: now_bangkok() > dt.datetime.fromisoformat(store.scalar(
        "SELECT checked_in_at FROM attendance ORDER BY checked_in_at DESC LIMIT 1")))
    page.handle_scan(codes[6])  # checked in at desk 3: amber here
    _wait(app, lambda: all(p.behind_them == 0 for p in page.venue.node.status().peers), 30)
    page.venue.refresh()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.05)
    window.grab().save(str(out))
    page.venue.leave()
    for d in others:
        d.quit()
    window.close()
    ctx.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
