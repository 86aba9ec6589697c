"""The Reports screen: charts of the chosen workshop or of all, exports on a task thread with progress, Cancel that
leaves no file, errors shown in the user's language."""

from __future__ import annotations

import re
import time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QColor

from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.reports.charts import SERIES_COLOURS, attendance_by_district
from lampang_planner.ui.views import reports as reports_view
from lampang_planner.ui.views.reports import ReportsPage


@pytest.fixture
def page(window, qtbot) -> ReportsPage:
    window.navigate("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage) and page.AVAILABLE
    return page


def _wait_done(qtbot, page: ReportsPage) -> None:
    assert page.task is not None
    qtbot.waitUntil(lambda: not page.task.running, timeout=30_000)


def _choose_workshop(page: ReportsPage, workshop_id: str) -> None:
    page.workshop.setCurrentIndex(page.workshop.findData(workshop_id))


def test_charts_show_all_workshops_then_the_chosen_one(page, window):
    store = window.ctx.store
    assert page.workshop.currentData() == "" and page.workshop.count() == 15
    bars = page.attendance_chart.bars()
    assert [b[0] for b in bars][:2] == ["เมืองลำปาง", "แม่เมาะ"] and len(bars) == 13
    assert bars == [(i.label_th, i.values) for i in attendance_by_district(store).items]
    assert sum(v[0] for _l, v in page.needs_chart.bars()) == len(list_needs(store))
    assert not page.summary_button.isEnabled() and page.excel_button.isEnabled()

    wid = store.db.execute("SELECT id FROM workshop ORDER BY start_date LIMIT 1").fetchone()[0]
    _choose_workshop(page, wid)
    counts = live_counts(store, wid)
    assert [v for _l, v in page.attendance_chart.bars()] == [(r.invited, r.checked_in) for r in counts.by_district]
    assert page.needs_chart.bars() == []  # the main workshop recorded no needs
    assert page.summary_button.isEnabled()


def test_chart_widget_paints_bars_in_the_series_colours(page, qtbot):
    chart = page.attendance_chart
    chart.resize(600, chart.sizeHint().height())
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert QColor(SERIES_COLOURS[1]).name() in colours and QColor(SERIES_COLOURS[0]).name() in colours
    assert "เมืองลำปาง: ได้รับเชิญ 159, เข้าร่วม 146" in chart.accessibleDescription()


def test_excel_export_runs_as_a_task_with_progress(page, qtbot, tmp_path):
    progress: list[tuple[int, int]] = []
    task = page.export_excel(tmp_path / "office.xlsx")
    task.progress.connect(lambda done, total, _t: progress.append((done, total)))
    assert not page.excel_button.isEnabled() and page.progress.isVisible() and page.cancel_button.isVisible()
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: page.open_button.isVisible())
    assert "office.xlsx" in page.status.text()
    assert page.excel_button.isEnabled() and not page.progress.isVisible()
    assert progress and progress[-1][0] == progress[-1][1] > 1000
    assert load_workbook(tmp_path / "office.xlsx", read_only=True).sheetnames[0] == "ลงทะเบียน"


def test_summary_pdf_with_thai_digits(page, window, qtbot, tmp_path):
    wid = window.ctx.store.db.execute(
        "SELECT workshop_id FROM need GROUP BY workshop_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    _choose_workshop(page, wid)
    page.thai_digits.setChecked(True)
    page.export_summary(tmp_path / "summary.pdf")
    assert not page.cancel_button.isVisible()  # a PDF takes a moment: nothing to cancel
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: page.open_button.isVisible())
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    assert "หน้า ๑/" in text and re.search("[0-9]", text) is None

    page.export_resolution(tmp_path / "resolution.pdf")
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: "resolution.pdf" in page.status.text())
    assert PdfReader(tmp_path / "resolution.pdf").pages


def test_cancel_leaves_the_old_file(page, qtbot, tmp_path, monkeypatch):
    real = reports_view._excel_work

    def waits_for_cancel(control, *args):
        deadline = time.monotonic() + 20
        while not control.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(control, *args)

    monkeypatch.setattr(reports_view, "_excel_work", waits_for_cancel)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "office.xlsx"
    out.write_bytes(b"last week's workbook")
    page.export_excel(out)
    page.cancel()
    assert page.status.text()
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: page.excel_button.isEnabled())
    assert page.status.text() == "Cancelled; no file was written." or "ยกเลิก" in page.status.text()
    assert out.read_bytes() == b"last week's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.xlsx"]


def test_failure_is_reported_in_the_window_language(page, window, qtbot, tmp_path):
    page.export_excel(tmp_path / "no-such-folder" / "office.xlsx")
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: "ไม่พบโฟลเดอร์" in page.status.text())
    window.set_language("en")
    qtbot.waitUntil(lambda: page.heading.text() == "Reports")
    assert page.attendance_chart.bars()[0][0] == "Mueang Lampang"
    page.export_excel(tmp_path / "no-such-folder" / "office.xlsx")
    _wait_done(qtbot, page)
    qtbot.waitUntil(lambda: "does not exist" in page.status.text())
    window.set_language("th")


def test_new_data_redraws_the_charts(page, window, qtbot):
    from lampang_planner.core.ops.needs import add_need

    store = window.ctx.store
    before = sum(v[0] for _l, v in page.needs_chart.bars())
    wid = store.db.execute("SELECT workshop_id FROM need GROUP BY workshop_id LIMIT 1").fetchone()[0]
    add_need(store, {"workshop_id": wid, "title": "ขุดบ่อน้ำตื้นเพื่อการเกษตร", "category": "water"})
    qtbot.waitUntil(lambda: sum(v[0] for _l, v in page.needs_chart.bars()) == before + 1, timeout=5000)
