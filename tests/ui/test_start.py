"""What the window's start pays for (issue #14: first paint at 100,000 people): it builds only the page it opens on
and imports none of the libraries of the other pages (PDF, Excel, QR, encryption, shaping, SQLAlchemy, sound and
camera, the About box's licence reading); each page is built, and its libraries imported, when it is first shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from lampang_planner.core.db import Store
from lampang_planner.ui import settings as S
from lampang_planner.ui.app import make_application
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import Translations
from lampang_planner.ui.main_window import MainWindow

app = make_application()
i18n = Translations(app)
store = Store.open(sys.argv[1])
settings = S.Settings.for_data_dir(store.data_dir)
settings.set(S.LAST_PAGE, "people")
ctx = AppContext.create(store, settings, i18n)
w = MainWindow(ctx)
w.show()
for _ in range(3):
    QApplication.processEvents()
at_start = {"pages": sorted(w.pages), "shown": w.current_page().objectName(),
            "rows": w.pages["people"].model.rowCount(), "modules": sorted(sys.modules)}
w.navigate("reports")
QApplication.processEvents()
after = {"pages": sorted(w.pages), "shown": w.current_page().objectName(), "modules": sorted(sys.modules)}
print(json.dumps([at_start, after]))
w.close()
ctx.close()
store.close()
"""

LATER = ("reportlab", "openpyxl", "qrcode", "cryptography", "uharfbuzz", "sqlalchemy", "sqlmodel", "alembic",
         "PySide6.QtMultimedia", "lampang_planner.core.reports", "lampang_planner.ui.views.checkin",
         "lampang_planner.core.licences", "importlib.metadata")  # fmt: skip


def loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_window_starts_with_its_first_page_only_and_builds_another_when_shown(demo_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_dir)], capture_output=True, text=True, env=env,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    at_start, after = json.loads(proc.stdout.splitlines()[-1])
    assert at_start["pages"] == ["people"] and at_start["shown"] == "page_people"
    assert at_start["rows"] == 1113
    assert [m for m in LATER if loaded(at_start["modules"], m)] == []
    assert after["pages"] == ["people", "reports"] and after["shown"] == "page_reports"
    assert loaded(after["modules"], "lampang_planner.ui.views.reports")
