"""The resolutions page's second tab: what the office compares and decides. Every workshop's votes on each clause and
on each amendment, side by side with the totals; the versions of the selected clause; the consolidated text; and the
actions that adopt a text for a clause and, finally, the resolution."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from lampang_planner.core.ops.resolutions import ClauseVersionRow, ResolutionVotes
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.models.resolutions import SideBySideModel, VersionsModel
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, panel, retranslated, splitter, vbox
from lampang_planner.ui.widgets.table import ResizeMode, rows_table


class OfficeView(Retranslating, QWidget):
    adopt_amendment = Signal()
    keep_clause = Signal()
    write_adopted = Signal()
    edit_text = Signal()
    adopt_resolution = Signal()
    clause_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side: ResolutionVotes | None = None
        self.model = SideBySideModel(self)
        buttons = self._build_tree_and_buttons()
        bottom = self._build_versions_and_text()
        top = panel((self.tree, 1), self.legend, buttons)
        split = splitter((top, 3), (bottom, 2), orientation=Qt.Orientation.Vertical)
        vbox((split, 1), parent=self)
        # the buttons' texts once the splitter has taken its first sizes (from the buttons as first made, empty)
        retranslated(self.adopt_amendment_button, text=lambda: self.tr("Adopt this amendment's text"))
        retranslated(self.keep_button, text=lambda: self.tr("Adopt the clause as it stands"))
        retranslated(self.write_button, text=lambda: self.tr("Write the adopted text…"))
        retranslated(self.edit_button, text=lambda: self.tr("Change the working text…"))
        retranslated(self.adopt_button, text=lambda: self.tr("Adopt the resolution…"))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    def _build_tree_and_buttons(self) -> QHBoxLayout:
        self.tree = QTreeView()
        self.tree.setObjectName("sideBySide")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = label(wrap=True, text=lambda: self.tr(
            "Each cell: for / against / abstain at that workshop; green where it carried, red where it did not. "
            "Hover a cell for the number present and the method."))
        self.adopt_amendment_button = button("adoptAmendment", self.adopt_amendment)
        self.keep_button = button("keepClause", self.keep_clause)
        self.write_button = button("writeAdopted", self.write_adopted)
        self.edit_button = button("editClauseText", self.edit_text)
        self.adopt_button = button("adoptResolution", self.adopt_resolution, style="QPushButton { font-weight: bold; }")
        return hbox(self.adopt_amendment_button, self.keep_button, self.write_button, self.edit_button, STRETCH,
                    self.adopt_button)  # fmt: skip

    def _build_versions_and_text(self) -> QSplitter:
        self.versions_title = label("detailLabel", text=lambda: self.tr(
            "Versions of the selected clause (✔ the adopted text)"))
        self.versions = VersionsModel(self)
        self.versions_view = rows_table(QTableView(), "clauseVersions", self.versions, single=False, wrap=True,
                                        modes=ResizeMode.ResizeToContents, stretch_last=True)
        self.text_title = label("detailLabel", text=lambda: self.tr("Consolidated text"))
        self.text = QTextBrowser()
        self.text.setObjectName("consolidatedText")
        left = panel(self.versions_title, self.versions_view)
        right = panel(self.text_title, self.text)
        return splitter(left, right, sizes=(560, 540))

    def load(self, side: ResolutionVotes | None) -> None:
        keep = self._position()
        self.side = side
        self.model.load(side)
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 430)
        self._restore(keep)
        self._show_text()
        self._enable()

    def _position(self) -> tuple[int, int]:
        ix = self.tree.currentIndex()
        if not ix.isValid():
            return (0, -1)
        return (ix.row(), -1) if ix.internalId() == 0 else (ix.internalId() - 1, ix.row())

    def _restore(self, pos: tuple[int, int]) -> None:
        clause_row, amendment_row = pos
        if self.model.rowCount() == 0:
            return
        clause_row = min(clause_row, self.model.rowCount() - 1)
        ix = self.model.index(clause_row, 0)
        if 0 <= amendment_row < self.model.rowCount(ix):
            ix = self.model.index(amendment_row, 0, ix)
        self.tree.setCurrentIndex(ix)

    def current_clause(self):
        return self.model.clause_at(self.tree.currentIndex())

    def current_amendment(self):
        return self.model.amendment_at(self.tree.currentIndex())

    def select(self, clause_row: int, amendment_row: int = -1) -> None:
        self._restore((clause_row, amendment_row))

    def show_versions(self, versions: list[ClauseVersionRow], adopted: str) -> None:
        self.versions.load(versions, adopted)
        self.versions_view.resizeRowsToContents()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        c = self.current_clause()
        self.clause_changed.emit(c.clause.id if c else "")
        self._enable()

    def _show_text(self) -> None:
        if self.side is None:
            self.text.clear()
            return
        r = self.side.resolution
        pending = _html(self.tr("not adopted yet"))
        lines = [f"<h3>{_html(r.title)}</h3>"]
        if r.preamble:
            lines.append(f"<p>{_html(r.preamble)}</p>")
        for c in self.side.clauses:
            text = c.clause.adopted_text or c.clause.text
            mark = "" if c.clause.adopted_text else f" <i style='color:#8a5300'>({pending})</i>"
            lines.append(f"<p><b>{c.clause.number}.</b> {_html(text)}{mark}</p>")
        self.text.setHtml("".join(lines))

    def _enable(self) -> None:
        open_ = self.side is not None and self.side.resolution.status != "adopted"
        a = self.current_amendment()
        c = self.current_clause()
        self.adopt_amendment_button.setEnabled(open_ and a is not None and a.amendment.status != "withdrawn")
        for b in (self.keep_button, self.write_button, self.edit_button):
            b.setEnabled(open_ and c is not None)
        self.adopt_button.setEnabled(open_ and bool(self.side and self.side.clauses))

    def retranslate(self) -> None:
        self.model.retranslate()
        self.versions.retranslate()
        self.tree.expandAll()
        self._show_text()


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
