"""The resolutions page's first tab: deliberation at one workshop. Its quorum (live), the clauses with this workshop's
vote on each, the amendments moved here with their votes, and the actions: vote on a clause, move an amendment,
vote on it, withdraw it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QWidget,
)

from lampang_planner.core.ops.resolutions import ClauseVotes, ResolutionVotes
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.models.resolutions import AmendmentsModel, ClausesModel
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, panel, splitter, vbox
from lampang_planner.ui.widgets.quorum import QuorumBanner
from lampang_planner.ui.widgets.table import rows_table
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

CLAUSE_STYLE = ("QLabel { background: #f7f8fa; border: 1px solid #dde1e7; border-radius: 4px; padding: 8px;"
                " font-size: 11pt; }")


def table_view(model, name: str) -> QTableView:
    return rows_table(QTableView(), name, model, alternating=True, wrap=False)


def select_first(view: QTableView, row: int = 0) -> None:
    model = view.model()
    if model.rowCount() == 0:
        view.selectionModel().clearSelection()
        return
    row = min(max(row, 0), model.rowCount() - 1)
    view.selectionModel().setCurrentIndex(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def widget_shortcut(key: QKeySequence | str, widget: QWidget, slot) -> QShortcut:
    """A shortcut that works only while ``widget`` has the focus."""
    s = QShortcut(QKeySequence(key), widget, slot)
    s.setContext(Qt.ShortcutContext.WidgetShortcut)
    return s


class DeliberationView(Retranslating, QWidget):
    workshop_changed = Signal(str)
    vote_clause = Signal()
    propose_amendment = Signal()
    vote_amendment = Signal()
    withdraw_amendment = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side: ResolutionVotes | None = None
        self.workshop_label = label(text=lambda: self.tr("Workshop:"))
        self.workshop = combo("voteWorkshop", 40)
        self.quorum = QuorumBanner()
        self.clauses = ClausesModel(self)
        self.clause_table = table_view(self.clauses, "clauseTable")
        hh = self.clause_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.clause_text = label("clauseText", wrap=True, selectable=True, style=CLAUSE_STYLE)
        self.amendments_title = label("detailLabel", text=lambda: self.tr("Amendments moved at this workshop"))
        self.amendments = AmendmentsModel(self)
        self.amendment_table = table_view(self.amendments, "amendmentTable")
        ah = self.amendment_table.horizontalHeader()
        ah.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ah.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.vote_clause_button = button("voteClause", self.vote_clause, text=lambda: self.tr("Vote on the clause…"))
        self.amend_button = button("proposeAmendment", self.propose_amendment,
                                   text=lambda: self.tr("Move an amendment…"))
        self.vote_amendment_button = button("voteAmendment", self.vote_amendment,
                                            text=lambda: self.tr("Vote on the amendment…"))
        self.withdraw_button = button("withdrawAmendment", self.withdraw_amendment,
                                      text=lambda: self.tr("Withdrawn by the mover"))
        self.hint = label("deliberationHint", wrap=True)
        top = hbox(self.workshop_label, (self.workshop, 1))
        vbox(top, self.quorum, (self._tables(), 1), self.hint, parent=self)
        self.workshop.currentIndexChanged.connect(lambda _i: self.workshop_changed.emit(self.workshop_id() or ""))
        self.clause_table.selectionModel().currentRowChanged.connect(lambda *_: self._clause_changed())
        self.amendment_table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        widget_shortcut(Qt.Key.Key_Return, self.clause_table, self.vote_clause.emit)
        widget_shortcut(Qt.Key.Key_Enter, self.clause_table, self.vote_clause.emit)
        widget_shortcut("A", self.clause_table, self.propose_amendment.emit)
        widget_shortcut(Qt.Key.Key_Return, self.amendment_table, self.vote_amendment.emit)
        widget_shortcut(Qt.Key.Key_Enter, self.amendment_table, self.vote_amendment.emit)
        self.retranslate()

    def _tables(self) -> QSplitter:
        buttons = QGridLayout()
        buttons.addWidget(self.vote_clause_button, 0, 0)
        buttons.addWidget(self.amend_button, 0, 1)
        abuttons = hbox(self.vote_amendment_button, self.withdraw_button, STRETCH)
        right = panel(self.clause_text, buttons, self.amendments_title, (self.amendment_table, 1), abuttons)
        return splitter((self.clause_table, 1), (right, 1), sizes=(560, 540))

    # --- filling ----------------------------------------------------------------------------------------------------

    def fill_workshops(self, store, keep: str | None = None) -> None:
        fill_workshop_combo(self.workshop, store, lambda: self.tr("— choose the workshop where the vote is taken —"),
                            newest_first=True, keep=keep)

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def set_workshop(self, workshop_id: str) -> None:
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(workshop_id)))

    def load(self, side: ResolutionVotes | None) -> None:
        clause_row = max(self.clause_table.currentIndex().row(), 0)
        amendment = self.current_amendment()
        self.side = side
        self.clauses.load(side, self.workshop_id())
        select_first(self.clause_table, clause_row)
        self._clause_changed(keep_amendment=amendment.id if amendment else None)

    def current_clause(self) -> ClauseVotes | None:
        return self.clauses.row(self.clause_table.currentIndex().row())

    def current_amendment(self):
        return self.amendments.amendment(self.amendment_table.currentIndex().row())

    def _clause_changed(self, keep_amendment: str | None = None) -> None:
        c = self.current_clause()
        self.amendments.load(c, self.workshop_id())
        rows = [self.amendments.amendment(r).id for r in range(self.amendments.rowCount())]
        select_first(self.amendment_table, rows.index(keep_amendment) if keep_amendment in rows else 0)
        if c is None:
            self.clause_text.setText(self.tr("No clause selected"))
        else:
            self.clause_text.setText(self.tr("Clause {n}").format(n=c.clause.number) + "\n" + c.clause.text)
        self._enable()

    def _enable(self) -> None:
        has_workshop = self.workshop_id() is not None
        c = self.current_clause()
        a = self.current_amendment()
        open_ = self.side is not None and self.side.resolution.status != "adopted"
        self.vote_clause_button.setEnabled(has_workshop and c is not None and open_)
        self.amend_button.setEnabled(has_workshop and c is not None and open_)
        self.vote_amendment_button.setEnabled(has_workshop and a is not None and a.status != "withdrawn" and open_)
        self.withdraw_button.setEnabled(has_workshop and a is not None and a.status == "proposed" and open_)
        if self.side is not None and not open_:
            self.hint.setText(self.tr("This resolution has been adopted; its text and votes no longer change."))
        elif not has_workshop:
            self.hint.setText(self.tr("Choose the workshop first: amendments and votes are recorded for it."))
        else:
            self.hint.setText(self.tr("Enter on a clause records the vote on it; A moves an amendment. Enter on an "
                                      "amendment records the vote on the amendment."))

    def retranslate(self) -> None:
        self.clauses.retranslate()
        self.amendments.retranslate()
        self._clause_changed()
