"""``lampang-planner --selftest``: check the installation on a temporary data folder, one line per check.

Exit 0 when everything works; otherwise 1, with the reason on the failing line(s).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def _check_fonts() -> str:
    from lampang_planner.core.fonts import FAMILY
    from lampang_planner.ui.fonts import THAI_SAMPLE, missing_thai_glyphs, register_fonts, ui_font

    families = register_fonts()
    if FAMILY not in families:
        raise RuntimeError(f"the bundled TTFs registered as {families}, not {FAMILY}")
    missing = missing_thai_glyphs(ui_font())
    if missing:
        raise RuntimeError(f"no glyphs for {missing!r} in {FAMILY}")
    return f"{FAMILY} registered; Thai glyphs present ({len(THAI_SAMPLE)} checked)"


def _check_translations() -> str:
    from lampang_planner.ui.i18n import load_translator

    translator = load_translator("th")
    if translator is None:
        raise RuntimeError("the Thai catalogue (translations/lampang_planner_th.qm) cannot be loaded")
    got = translator.translate("Pages", "Workshops")
    if got != "การประชุม":
        raise RuntimeError(f"'Workshops' translates to {got!r}, expected 'การประชุม'")
    english = load_translator("en")
    if english is None or english.translate("Pages", "Workshops") != "Workshops":
        raise RuntimeError("the English catalogue does not load")
    return "Thai and English catalogues load; 'Workshops' → 'การประชุม'"


def _check_database(folder: Path) -> str:
    from lampang_planner.core.db import SCHEMA_HEAD, Store, schema_revision
    from lampang_planner.core.demo import load_demo
    from lampang_planner.core.sync.digest import counts

    with Store.open(folder, create=True) as store:
        rev = schema_revision(store.db)
        if rev != SCHEMA_HEAD:
            raise RuntimeError(f"schema is {rev}, expected {SCHEMA_HEAD}")
        load_demo(store)
        store.set_device(role="office", name="selftest")
        c = counts(store.db)
    if c["workshops"] != 14 or c["people"] < 600:
        raise RuntimeError(f"demo data incomplete: {c['workshops']} workshops, {c['people']} people")
    return f"schema {rev}; demo loaded ({c['workshops']} workshops, {c['people']} people)"


def _check_window(folder: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from lampang_planner.core.db import Store
    from lampang_planner.ui.app import make_application
    from lampang_planner.ui.context import AppContext
    from lampang_planner.ui.i18n import Translations
    from lampang_planner.ui.main_window import MainWindow
    from lampang_planner.ui.settings import Settings
    from lampang_planner.ui.views import PAGES

    app = make_application()
    i18n = Translations(app)
    i18n.set_language("th")
    with Store.open(folder, create=False) as store:
        ctx = AppContext.create(store, Settings.for_data_dir(folder), i18n)
        window = MainWindow(ctx)
        try:
            window.show()
            QApplication.processEvents()
            window.navigate("people")
            QApplication.processEvents()
            shown = window.pages["people"].model.rowCount()
            image = window.grab()
            if image.isNull() or image.width() < 200:
                raise RuntimeError("the window did not paint")
            title = window.sidebar.item(0).text()
            if title != "การประชุม":
                raise RuntimeError(f"the sidebar reads {title!r}, not Thai")
            for spec in PAGES:  # each page's module is imported by name when first shown: all must be in the build
                spec.page  # noqa: B018
        finally:
            window.close()
            ctx.close()
            window.deleteLater()
            QApplication.processEvents()
    return (f"main window opened ({QApplication.platformName()}), {shown} people listed, sidebar in Thai, "
            f"{len(PAGES)} pages found")


def _check_documents() -> str:
    import openpyxl
    import qrcode
    import reportlab
    import zxingcpp

    from lampang_planner.core.fonts import register_reportlab_fonts
    from lampang_planner.core.qr import make_code, payload, qr_image

    register_reportlab_fonts()
    _check_thai_pdf()
    code = make_code("selftest")
    results = zxingcpp.read_barcodes(qr_image(code))
    texts = [r.text for r in results]
    if texts != [payload(code)]:
        raise RuntimeError(f"QR round trip read {texts!r}, expected {[payload(code)]!r}")
    return (
        f"reportlab {reportlab.Version}, openpyxl {openpyxl.__version__}, qrcode {_version('qrcode', qrcode)}, "
        f"zxing-cpp {_version('zxing-cpp', zxingcpp)}; QR {payload(code)} round-trips"
    )


def _check_thai_pdf() -> None:
    """A name drawn by the one Thai text drawer (HarfBuzz glyphs, a HarfBuzz font subset) gets its text layer: the
    page says the name as typed (its ActualText span) and the font carries a ToUnicode map (pypdf is not in the
    build, so the streams are read here: Flate, or ASCII85 then Flate as reportlab writes page content)."""
    import io
    import re

    from reportlab.pdfgen.canvas import Canvas

    from lampang_planner.core.fonts import REPORTLAB_NAMES
    from lampang_planner.core.reports.typeset import draw_thai

    name = "นายปั้น ฝั่งน้ำ"
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_thai(canvas, 72, 720, name, REPORTLAB_NAMES["Bold"], 20)
    canvas.save()
    streams = b"".join(_decoded(m) for m in re.findall(rb"stream\r?\n(.*?)endstream", buffer.getvalue(), re.S))
    if b"beginbfchar" not in streams and b"beginbfrange" not in streams:
        raise RuntimeError("Thai PDF font has no ToUnicode map")
    if name.encode("utf-16-be").hex().upper().encode() not in streams:
        raise RuntimeError(f"Thai PDF text layer does not give back {name!r}")


def _decoded(stream: bytes) -> bytes:
    import base64
    import re
    import zlib

    body = stream.strip()
    if body.endswith(b"~>"):
        body = base64.a85decode(re.sub(rb"\s", b"", body)[:-2])
    try:
        return zlib.decompress(body)
    except zlib.error:
        return body


def _check_binding() -> str:
    """PySide6 6.12.0 loses a reference to None (True for bool signals) per signal delivered to a Python slot; on
    Python 3.11 the program then dies mid-session unless ui.pyside_guard pinned those objects. Emit a few hundred
    signals and make sure the counts hold (or the guard is in place)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    calls = []
    edit.textChanged.connect(lambda _text: calls.append(1))
    before = sys.getrefcount(None)
    for i in range(300):
        edit.setText(str(i))
    lost = before - sys.getrefcount(None)
    edit.deleteLater()
    if len(calls) != 300:
        raise RuntimeError(f"{len(calls)} of 300 signals reached their slot")
    if lost > 150 and getattr(sys, "_lampang_pinned", False):  # ui.pyside_guard made None/True/False immortal
        return f"PySide6 {pyside_version} drops a reference per signal; harmless here (ui.pyside_guard)"
    if lost > 150:
        raise RuntimeError(f"PySide6 {pyside_version} loses a reference to None per signal ({lost} in 300); "
                           "the program would crash after a while: use another PySide6 version")
    return f"PySide6 {pyside_version}: 300 signals delivered, reference counts intact"


def _check_card_reader() -> str:
    """pyscard's PC/SC binding loads, and asking for readers gives a sentence, not a crash (no service on a build
    machine is fine: the desk then says so)."""
    from smartcard import scard

    from lampang_planner.core.devices.pcsc import list_readers
    from lampang_planner.core.devices.thai_id_card import CardError

    try:
        readers = list_readers()
        state = f"{len(readers)} reader(s)"
    except CardError as exc:
        state = exc.en
    return f"pyscard {_version('pyscard', scard)}: {state}"


def _check_licences() -> str:
    from lampang_planner.core.licences import components, font_licence_text

    listed = components()
    unknown = [c.name for c in listed if not c.version]
    if unknown:
        raise RuntimeError(f"no package metadata for {', '.join(unknown)} (the About box cannot list their licences)")
    if "SIL OPEN FONT LICENSE" not in font_licence_text().upper():
        raise RuntimeError("resources/fonts/OFL.txt is not the Sarabun font's licence")
    return f"{len(listed)} components with their licences; Sarabun OFL present"


def _check_door() -> str:
    """What the check-in desk needs beyond the window: the webcam module, the badge PDF renderer, the print system."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from lampang_planner.ui.widgets.camera import NO_MODULE, camera_problem

    problem = camera_problem()
    if problem == NO_MODULE:
        raise RuntimeError("the webcam module (QtMultimedia) is missing or cannot load")
    from PySide6.QtPdf import QPdfDocument

    QPdfDocument()
    printers = len(QPrinterInfo.availablePrinters())
    camera = "no camera on this machine" if problem else "a camera found"
    return f"QtMultimedia loads ({camera}); QtPdf; QtPrintSupport ({printers} printers)"


def _version(dist: str, module: object) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return str(getattr(module, "__version__", "?"))


def run_selftest(args: argparse.Namespace | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from lampang_planner import __version__

    print(f"Lampang Planner {__version__} self-test (Python {sys.version.split()[0]})")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="lampang-selftest-") as tmp:
        folder = Path(tmp) / "data"
        checks: list[tuple[str, Callable[[], str]]] = [
            ("documents", _check_documents),
            ("database", lambda: _check_database(folder)),
            ("qt-binding", _check_binding),
            ("font", _check_fonts),
            ("licences", _check_licences),
            ("card-reader", _check_card_reader),
            ("translations", _check_translations),
            ("window", lambda: _check_window(folder)),
            ("door", _check_door),
        ]
        from lampang_planner.ui.app import make_application

        make_application()
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check()
            except Exception as exc:
                failures += 1
                print(f"FAIL  {name:<12} {type(exc).__name__}: {exc}")
                if getattr(args, "verbose", False):
                    traceback.print_exc()
                continue
            print(f"ok    {name:<12} {detail} [{(time.perf_counter() - started) * 1000:.0f} ms]")
    print("self-test passed" if not failures else f"self-test FAILED: {failures} check(s)")
    return 0 if not failures else 1
