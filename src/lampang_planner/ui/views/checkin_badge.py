"""Printing a badge at the desk: the PDF is made off the GUI thread (``core.reports.badges.badge_pdf``), then printed
straight to the remembered printer on the remembered paper (``widgets.badge_printer``). The first time, or when that
printer is gone, the desk asks which printer and paper. With no printer at all the PDF opens in the viewer; with no
viewer either, the screen says where the file was saved. Every outcome is said on screen, never only on stderr."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from lampang_planner.core.atomic import write_atomically
from lampang_planner.core.errors import UserError
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.badge_printer import (
    BADGE_PAPER,
    BADGE_PRINTER,
    BadgePrintDialog,
    print_badge_pdf,
    printer_names,
)

log = logging.getLogger(__name__)
BADGE_MODULE = "lampang_planner.core.reports.badges"


def badge_renderer() -> Callable | None:
    """``core.reports.badges.badge_pdf(store, workshop_id, person_id) -> bytes`` (one person's badge on an A4 page),
    or None if this version has no badges."""
    try:
        module = importlib.import_module(BADGE_MODULE)
    except ImportError as exc:
        log.info("no badge printing: %s", exc)
        return None
    fn = getattr(module, "badge_pdf", None)
    return fn if callable(fn) else None


class BadgeDesk(QObject):
    """``print(workshop_id, person_id, name)``; ``said(text, ok)`` tells the page what to show; ``busy(bool)``."""

    said = Signal(str, bool)
    busy = Signal(bool)

    def __init__(self, ctx, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.task = None
        self.dialog: BadgePrintDialog | None = None
        self.last_pdf: Path | None = None

    def print(self, workshop_id: str, person_id: str, name: str) -> None:
        renderer = badge_renderer()
        if renderer is None:
            return
        out = Path(self.ctx.store.data_dir) / "print" / f"badge-{person_id}.pdf"

        def work(_control, store, wid, pid, path):
            data = renderer(store, wid, pid)
            path.parent.mkdir(exist_ok=True)
            return write_atomically(path, data)

        self.task = self.ctx.tasks.start(work, self.ctx.store, workshop_id, person_id, out, name="badge")
        self.busy.emit(True)
        self.task.finished.connect(lambda path: self._made(Path(path), name))
        self.task.failed.connect(self._failed)
        self.task.done.connect(lambda: self.busy.emit(False))

    def choose(self, then: Callable[[str, str], None] | None = None) -> BadgePrintDialog:
        """Ask for the printer and paper (window-modal); remembered when confirmed, then ``then(printer, paper)``."""
        settings = self.ctx.settings
        dialog = BadgePrintDialog(printer_names(), settings.get(BADGE_PRINTER), settings.get(BADGE_PAPER),
                                  self.parent_widget)
        self.dialog = dialog

        def finished(code: int) -> None:
            if code:
                printer, paper = dialog.choice()
                settings.set(BADGE_PRINTER, printer)
                settings.set(BADGE_PAPER, paper)
                settings.sync()
                if then is not None:
                    then(printer, paper)
            dialog.deleteLater()
            self.dialog = None

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _made(self, pdf: Path, name: str) -> None:
        self.last_pdf = pdf
        printers = printer_names()
        if not printers:
            if QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))):
                self.said.emit(self.tr("No printer on this computer: the badge opened in the PDF viewer."), True)
            else:
                self.said.emit(self.tr("No printer and no PDF viewer on this computer. The badge is saved in {path}")
                               .format(path=str(pdf)), False)
            return
        printer, paper = self.ctx.settings.get(BADGE_PRINTER), self.ctx.settings.get(BADGE_PAPER)
        if printer in printers:
            self._send(pdf, name, printer, paper)
        else:
            self.choose(lambda p, q: self._send(pdf, name, p, q))

    def _send(self, pdf: Path, name: str, printer: str, paper: str) -> None:
        try:
            outcome = print_badge_pdf(pdf, printer, paper, f"badge {name}")
        except OSError as exc:
            self.said.emit(self.tr("The badge was not printed: {error}").format(error=str(exc)), False)
            return
        self.said.emit(outcome.message, outcome.ok)

    def _failed(self, exc: object) -> None:
        text = exc.message(current_language()) if isinstance(exc, UserError) else str(exc)
        self.said.emit(self.tr("The badge was not printed: {error}").format(error=text), False)
