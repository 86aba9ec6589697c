"""Office outputs against bare library code doing the same drawing/writing, measured in the same run.

1. Excel: the whole office workbook of a data folder with 100,000 attendance rows (``export_workbook``: the read
   snapshot, queries, width fitting, every sheet, atomic write) against bare openpyxl write-only mode writing the
   same attendance cells (same values, the same two date number formats), rows already in memory. Goal ≤ 1.3×.
2. Badges: 600 QR badges of the demo's 25 August 2559 workshop (``badges.badges_pdf``: query, layout, names fitted
   and shaped, QR drawn) against bare reportlab drawing the same QR images (``qr.qr_image``) and names (shaped) on
   A4 sheets of 2 × 4. Goal ≤ 1.5×.

    python bench/run.py --only reports
"""

from __future__ import annotations

import gc
import io
import tempfile
import time
from pathlib import Path

BENCH_ATTENDANCE = 100_000
BADGES = 600


def _compare(bare, ours) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU times (this process: Python, openpyxl, reportlab and SQLite all run in it) of the baseline and of
    ours, run alternately, SAMPLES times each. The wall time is what the clerk waits for; the CPU time is steadier on
    a shared machine. Both sides are single-threaded and write to a local disk."""
    from bench.common import SAMPLES

    out: dict[str, dict[str, list[float]]] = {k: {"wall": [], "cpu": []} for k in ("bare", "ours")}
    for _ in range(SAMPLES):
        for name, fn in (("bare", bare), ("ours", ours)):
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            out[name]["wall"].append(time.perf_counter() - t0)
            out[name]["cpu"].append(time.process_time() - c0)
    return out


def _rows(name: str, times: dict[str, dict[str, list[float]]], goal: float) -> list[dict]:
    import statistics

    from bench.common import figure

    rows = []
    for kind, unit in (("wall", "s"), ("cpu", "cpu s")):
        ours, bare = times["ours"][kind], times["bare"][kind]
        ratio = statistics.median(ours) / statistics.median(bare)
        rows.append(figure(f"{name} ({kind})", ours, unit, baseline=bare, goal=f"≤ {goal}× baseline",
                           ok=ratio <= goal))  # fmt: skip
    return rows


def bench_excel(folder: Path) -> list[dict]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from bench.generate import make_database
    from lampang_planner.core.db import Store
    from lampang_planner.core.reports.excel import BE_DATE_FORMAT, BE_DATETIME_FORMAT, export_workbook
    from lampang_planner.core.reports.excel_sheets import ATTENDANCE_COLUMNS, attendance_sheet

    data = folder / "data"
    make_database(data, n_people=BENCH_ATTENDANCE, n_attendance=BENCH_ATTENDANCE)
    store = Store.open(data)
    try:
        rows = [list(r) for r in attendance_sheet(store, None).rows]  # the same cells, untimed
        assert len(rows) == BENCH_ATTENDANCE, len(rows)
        headers = [c.header for c in ATTENDANCE_COLUMNS]
        date_cols = [i for i, c in enumerate(ATTENDANCE_COLUMNS) if c.kind in ("date", "datetime")]
        formats = {i: BE_DATE_FORMAT if ATTENDANCE_COLUMNS[i].kind == "date" else BE_DATETIME_FORMAT
                   for i in date_cols}

        def bare() -> None:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("attendance")
            ws.append(headers)
            for row in rows:
                line = list(row)
                for i in date_cols:
                    cell = WriteOnlyCell(ws, line[i])
                    cell.number_format = formats[i]
                    line[i] = cell
                ws.append(line)
            wb.save(folder / "bare.xlsx")

        def ours() -> None:
            export_workbook(store, folder / "ours.xlsx")

        times = _compare(bare, ours)
    finally:
        store.close()
    return _rows(f"reports.excel_{BENCH_ATTENDANCE // 1000}k_attendance", times, 1.3)


def bench_badges(folder: Path) -> list[dict]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from lampang_planner.core.db import Store
    from lampang_planner.core.demo import load_demo
    from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts
    from lampang_planner.core.qr import qr_image
    from lampang_planner.core.reports.badges import badges_for, badges_pdf

    store = Store.open(folder / "demo")
    try:
        load_demo(store)
        workshop_id = store.db.execute(
            "SELECT workshop_id FROM invitation WHERE deleted=0 GROUP BY workshop_id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
        badges = badges_for(store, workshop_id)
        people = [(b.code, b.name) for b in badges]
        assert len(people) == BADGES, len(people)
        register_reportlab_fonts()
        bold = REPORTLAB_NAMES["Bold"]
        regular = REPORTLAB_NAMES["Regular"]
        badge_w, badge_h = 90 * mm, 65 * mm

        def bare() -> None:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
            x0, y0 = (A4[0] - 2 * badge_w) / 2, (A4[1] - 4 * badge_h) / 2
            for k, b in enumerate(badges):
                row, col = divmod(k % 8, 2)
                x, y = x0 + col * badge_w, y0 + (3 - row) * badge_h
                canvas.drawImage(ImageReader(qr_image(b.code, box_size=4, border=2)), x + 58 * mm, y + 5 * mm,
                                 29 * mm, 29 * mm)
                canvas.setFont(bold, 20)
                canvas.drawCentredString(x + badge_w / 2, y + 45 * mm, b.name, shaping=True)
                # the same texts the badge carries, each one bare drawString (no fitting, no wrapping)
                canvas.setFont(regular, 9)
                for i, text in enumerate((b.workshop_title, b.workshop_date, b.organisation, b.participant_type,
                                          b.place, b.code)):
                    canvas.drawString(x + 4 * mm, y + (58 - 5 * i) * mm, text, shaping=True)
                if k % 8 == 7 or k == len(people) - 1:
                    canvas.showPage()
            canvas.save()

        def ours() -> None:
            badges_pdf(store, workshop_id)

        times = _compare(bare, ours)
    finally:
        store.close()
    return _rows(f"reports.badges_{BADGES}", times, 1.5)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="lp-bench-reports-") as tmp:
        folder = Path(tmp)
        (folder / "badges").mkdir()
        (folder / "excel").mkdir()
        return [*bench_excel(folder / "excel"), *bench_badges(folder / "badges")]
