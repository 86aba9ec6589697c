"""Printing one badge straight to a printer (QtPrintSupport), with no PDF viewer in between.

The badge comes from the core as a PDF (``core.reports.badges.badge_pdf``: the badge at the top left of an A4 page,
its Thai text drawn by reportlab). It is rendered at the printer's resolution with QtPdf and painted on the printer:

- ``label``: only the badge, on a 90 × 65 mm label (label printers, pre-cut badge card stock);
- ``a4``: the whole A4 page with its cut marks (an office printer).

The printer and the label size are remembered (``BADGE_PRINTER``, ``BADGE_PAPER``); the desk asks only the first time,
or when the remembered printer is gone. Without any printer the PDF is kept and opened for the viewer, and when
neither works the screen says where the file is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from lampang_planner.ui.settings import Setting

BADGE_PRINTER = Setting("checkin/badge_printer", str, "", "the printer the desk prints badges on (its queue name)")
BADGE_PAPER = Setting("checkin/badge_paper", str, "label", "badge paper: 'label' (90 × 65 mm) or 'a4' (cut marks)")

LABEL_MM = (90.0, 65.0)  # core.reports.badges BADGE_W × BADGE_H
A4_MM = (210.0, 297.0)
DPI = 300


def paper_names() -> dict[str, str]:
    return {"label": QCoreApplication.translate("BadgePrinter", "Badge label 90 × 65 mm"), "a4": QCoreApplication.translate("BadgePrinter", "A4 sheet with cut marks")}


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def _page_image(pdf: Path, paper: str) -> QImage:
    """The badge (``label``: cropped from the top left of the A4 page) or the whole A4 page at ``DPI``."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    if doc.load(str(pdf)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
        raise OSError(f"cannot read {pdf}")
    width_px = round(A4_MM[0] / 25.4 * DPI)
    height_px = round(A4_MM[1] / 25.4 * DPI)
    page = doc.render(0, QSize(width_px, height_px))
    doc.close()
    if paper != "label":
        return page
    from reportlab.lib.pagesizes import A4

    from lampang_planner.core.reports.badges import BADGE_H, BADGE_W, COLUMNS, ROWS

    scale = width_px / A4[0]  # pixels per point
    x0 = (A4[0] - COLUMNS * BADGE_W) / 2 * scale
    top = (A4[1] - ROWS * BADGE_H) / 2  # the badge grid's bottom, in points from the page's bottom
    y0 = (A4[1] - (top + ROWS * BADGE_H)) * scale  # the grid's top, in pixels from the page's top
    return page.copy(round(x0), round(y0), round(BADGE_W * scale), round(BADGE_H * scale))


@dataclass
class PrintOutcome:
    ok: bool
    message: str


def print_badge_pdf(pdf: Path, printer_name: str, paper: str, title: str) -> PrintOutcome:
    """Paint the badge in ``pdf`` on printer ``printer_name`` (a queue name) on ``paper``; says what happened."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        return PrintOutcome(False, QCoreApplication.translate("BadgePrinter", "The printer {name} is not available.").format(name=printer_name))
    image = _page_image(pdf, paper)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    w, h = LABEL_MM if paper == "label" else A4_MM
    portrait = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(portrait, orientation, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        return PrintOutcome(False, QCoreApplication.translate("BadgePrinter", "The printer {name} did not accept the badge.").format(name=printer_name))
    try:
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        return PrintOutcome(False, QCoreApplication.translate("BadgePrinter", "The printer {name} reported an error.").format(name=printer_name))
    return PrintOutcome(True, QCoreApplication.translate("BadgePrinter", "Badge sent to {name}.").format(name=printer_name))


class BadgePrintDialog(QDialog):
    """Which printer and which paper (asked the first time; remembered after)."""

    def __init__(self, printers: list[str], printer: str, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BadgePrintDialog")
        self.setWindowTitle(QCoreApplication.translate("BadgePrinter", "Print badge"))
        self.printer = QComboBox()
        self.printer.setObjectName("badgePrinter")
        self.printer.addItems(printers)
        self.printer.setCurrentIndex(max(0, self.printer.findText(printer)))
        self.paper = QComboBox()
        self.paper.setObjectName("badgePaper")
        for key, name in paper_names().items():
            self.paper.addItem(name, key)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BadgePrinter", "Printer"), self.printer)
        form.addRow(QCoreApplication.translate("BadgePrinter", "Paper"), self.paper)
        note = QLabel(QCoreApplication.translate("BadgePrinter", "The desk remembers this; change it under Options."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("BadgePrinter", "Print"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("BadgePrinter", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.printer.setFocus(Qt.FocusReason.OtherFocusReason)

    def choice(self) -> tuple[str, str]:
        return self.printer.currentText(), self.paper.currentData()
