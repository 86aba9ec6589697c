"""Help → About: the version, this data folder and device, and the licences — the Sarabun font's SIL Open Font
License and every bundled component's licence, read from the installed packages' metadata (core.licences)."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from lampang_planner import __version__
from lampang_planner.core.db import schema_revision
from lampang_planner.core.licences import Component, components, font_licence_text, python_component
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui.app import app_icon
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import Retranslating, current_language
from lampang_planner.ui.widgets.build import STRETCH, hbox, label, panel, vbox
from lampang_planner.ui.widgets.table import ResizeMode, rows_table

SARABUN = Component("Sarabun (Cadson Demak)", "1.000", "OFL-1.1")
"""The bundled font: resources/fonts/README.md names the version and the source."""


def licence_rows() -> list[Component]:
    """What the About box lists, in order: the font, Python, Qt itself, then the Python packages (ours first)."""
    qt = Component("Qt", qVersion(), "LGPL-3.0-only")
    return [SARABUN, python_component(), qt, *components()]


class AboutDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.ctx = ctx
        self.setWindowIcon(app_icon())

        self.tabs = QTabWidget()
        self.tabs.setObjectName("aboutTabs")
        # 1. this program and this data folder
        self.program = label("aboutProgram", wrap=True, selectable=True)
        self.program.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(panel(self.program, margins=None), "")
        self.tabs.addTab(self._licences_page(), "")  # 2. the components and their licences
        # 3. the font's licence, in full (the OFL asks for it to travel with the font)
        self.ofl = QPlainTextEdit()
        self.ofl.setObjectName("oflText")
        self.ofl.setReadOnly(True)
        self.ofl.setPlainText(font_licence_text())
        self.ofl_intro = label(wrap=True)
        self.tabs.addTab(panel(self.ofl_intro, (self.ofl, 1), margins=None), "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        vbox(self._head(), (self.tabs, 1), self.buttons, parent=self)
        self.resize(720, 560)
        self.retranslate()

    def _head(self) -> QHBoxLayout:
        """The program's icon beside its name and version, and what it is for."""
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(f"Lampang Planner {__version__}")
        self.heading.setObjectName("aboutHeading")
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = label(wrap=True)
        return hbox(icon, (vbox(self.heading, self.summary, STRETCH), 1))

    def _licences_page(self) -> QWidget:
        self.licences_intro = label(wrap=True)
        self.table = rows_table(QTableWidget(0, 3), "licenceTable", single=False, alternating=True,
                                modes=(ResizeMode.ResizeToContents, ResizeMode.ResizeToContents, ResizeMode.Stretch))
        self.rows = licence_rows()
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            for col, text in enumerate((c.name, c.version, c.licence)):
                self.table.setItem(r, col, QTableWidgetItem(text))
        return panel(self.licences_intro, (self.table, 1), margins=None)

    def licence_of(self, name: str) -> str | None:
        """The licence the table shows for component ``name`` (None if it is not listed)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == name:
                return self.table.item(r, 2).text()
        return None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Lampang Planner"))
        self.summary.setText(self.tr(
            "Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative "
            "Organization and the Lampang citizens' network council. Works without internet; laptops exchange "
            "signed bundle files with the office."))
        self.tabs.setTabText(0, self.tr("Program"))
        self.tabs.setTabText(1, self.tr("Licences"))
        self.tabs.setTabText(2, self.tr("Font licence (OFL)"))
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.licences_intro.setText(self.tr(
            "Lampang Planner is free software under the MIT licence. It includes the components below, each under "
            "its own licence. The Thai font Sarabun is under the SIL Open Font License 1.1 (full text in the next "
            "tab). Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the "
            "program's folder and can be replaced with other builds."))
        self.ofl_intro.setText(self.tr(
            "Sarabun © 2018 The Sarabun Project Authors (Cadson Demak), shipped unmodified with its licence:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._fill_program()

    def _fill_program(self) -> None:
        store = self.ctx.store
        try:
            role = DeviceRole(store.role).label(current_language())
        except ValueError:
            role = store.role
        device = self.tr("{name} ({role}), desk {desk}").format(name=store.device_name, role=role, desk=store.desk or "-")
        built = f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {PYSIDE_VERSION}"
        if getattr(sys, "frozen", False):
            built += " · " + self.tr("installed program")
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Data folder"), str(store.data_dir)),
            (self.tr("Database schema"), schema_revision(store.db) or "?"),
            (self.tr("This device"), device),
            (self.tr("Built with"), built),
            (self.tr("System"), f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ]
        html = "".join(
            f"<tr><td style='padding:3px 14px 3px 0; color:#5a5a5a'>{k}</td><td style='padding:3px 0'>"
            f"{_escape(v)}</td></tr>"
            for k, v in rows
        )
        self.program.setText(f"<table>{html}</table>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
