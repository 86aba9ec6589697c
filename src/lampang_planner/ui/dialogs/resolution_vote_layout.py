"""The vote dialog's widgets: the heading, the text voted on and the quorum banner; the method; the three counts of a
show of hands; the search, ballot table and choice buttons of a vote by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.thai.collation import fold_for_search
from lampang_planner.ui.models.resolutions import VotersModel
from lampang_planner.ui.widgets.build import radios
from lampang_planner.ui.widgets.quorum import QuorumBanner
from lampang_planner.ui.widgets.table import ResizeMode, rows_table

if TYPE_CHECKING:
    from lampang_planner.ui.dialogs.resolution_vote import VoteDialog

CHOICE_KEYS = {Qt.Key.Key_1: "for", Qt.Key.Key_2: "against", Qt.Key.Key_3: "abstain", Qt.Key.Key_0: None}


class _SearchProxy(QSortFilterProxyModel):
    """Filters the voters by every word typed, tone marks ignored."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold_for_search(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        hay = fold_for_search(" ".join(str(model.data(model.index(row, c, parent)) or "") for c in (0, 1)))
        return all(w in hay for w in self.words)


class _BallotTable(QTableView):
    """Keys 1/2/3/0 set the current person's ballot."""

    def __init__(self, on_choice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_choice = on_choice

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in CHOICE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._on_choice(CHOICE_KEYS[key])
            return
        super().keyPressEvent(event)


def build(d: VoteDialog, heading: str, text: str) -> None:
    _top(d, heading, text)
    methods = _methods(d)
    hands = _hands(d)
    named = _named(d)
    d.hands_page, d.named_page = hands, named
    for w in (d.heading, d.text, d.quorum):
        d.add_body(w)
    d.add_body(methods)
    d.add_body(hands)
    d.add_body(named, 1)


def _top(d: VoteDialog, heading: str, text: str) -> None:
    d.heading = QLabel(heading)
    d.heading.setObjectName("voteHeading")
    d.heading.setStyleSheet("QLabel { font-weight: bold; font-size: 12pt; }")
    d.text = QLabel(text)
    d.text.setWordWrap(True)
    d.text.setStyleSheet("QLabel { background: #f2f4f7; border-radius: 4px; padding: 6px; }")
    d.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    d.quorum = QuorumBanner()
    d.quorum.set_workshop(d.store, d.workshop_id)


def _methods(d: VoteDialog) -> QHBoxLayout:
    d.method, (d.hands_radio, d.named_radio) = radios(d, "methodHands", "methodNamed")
    methods = QHBoxLayout()
    d.method_label = QLabel()
    methods.addWidget(d.method_label)
    methods.addWidget(d.hands_radio)
    methods.addWidget(d.named_radio)
    methods.addStretch(1)
    return methods


def _hands(d: VoteDialog) -> QWidget:
    # show of hands
    d.for_count = QSpinBox()
    d.against_count = QSpinBox()
    d.abstain_count = QSpinBox()
    hands = QWidget()
    form = QFormLayout(hands)
    d.count_labels = []
    for name, spin in (("for_count", d.for_count), ("against_count", d.against_count),
                       ("abstain_count", d.abstain_count)):
        spin.setObjectName(name)
        spin.setRange(0, 100_000)
        spin.setMinimumWidth(110)
        spin.valueChanged.connect(lambda _v: d._show_total())
        label = QLabel()
        label.setBuddy(spin)
        d.count_labels.append(label)
        form.addRow(label, spin)
    d.total = QLabel()
    d.total.setObjectName("voteTotal")
    form.addRow(d.total)
    return hands


def _named(d: VoteDialog) -> QWidget:
    # by name
    named = QWidget()
    nl = QVBoxLayout(named)
    nl.setContentsMargins(0, 0, 0, 0)
    d.search = QLineEdit()
    d.search.setObjectName("voterSearch")
    d.search.setClearButtonEnabled(True)
    d.voters = VotersModel(d)
    d.proxy = _SearchProxy(d)
    d.proxy.setSourceModel(d.voters)
    d.table = rows_table(_BallotTable(d.set_choice), "voterTable", d.proxy, modes=ResizeMode.Stretch)
    d.table.setMinimumHeight(300)
    choice_row = QHBoxLayout()
    d.choice_buttons: dict[str | None, QPushButton] = {}
    for choice in ("for", "against", "abstain", None):
        b = QPushButton()
        b.setObjectName(f"ballot_{choice or 'clear'}")
        b.setAutoDefault(False)
        b.clicked.connect(lambda _c=False, choice=choice: d.set_choice(choice))
        choice_row.addWidget(b)
        d.choice_buttons[choice] = b
    d.tally = QLabel()
    d.tally.setObjectName("ballotTally")
    nl.addWidget(d.search)
    nl.addWidget(d.table, 1)
    nl.addLayout(choice_row)
    nl.addWidget(d.tally)
    return named
