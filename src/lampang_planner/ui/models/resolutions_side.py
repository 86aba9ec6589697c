"""The office's side-by-side tree of the resolutions page: each clause, and under it the amendments moved, against
every workshop's vote (a column per workshop)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from lampang_planner.core.ops.resolutions import AmendmentStatus, ClauseVotes, ResolutionVotes
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.resolutions import (
    _CENTER,
    _LEFT,
    CARRIED,
    LOST,
    amendment_status_label,
    changed_part,
    one_line,
    vote_text,
    vote_tooltip,
)
from lampang_planner.ui.models.table import TwoLevelTreeModel


class SideBySideModel(TwoLevelTreeModel):
    """The office's view: one row per clause (its vote as drafted at each workshop), its amendments under it (each
    workshop's vote on them); columns: the text, the totals over workshops, whether the office adopted it, then one
    column per workshop."""

    CONTEXT = "ResolutionModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.side: ResolutionVotes | None = None

    def load(self, side: ResolutionVotes | None) -> None:
        self.beginResetModel()
        self.side = side
        self.endResetModel()

    @property
    def workshops(self) -> list:
        return self.side.workshops if self.side else []

    def clause_at(self, index: QModelIndex) -> ClauseVotes | None:
        if not index.isValid() or self.side is None:
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.side.clauses[row]

    def amendment_at(self, index: QModelIndex):
        if not index.isValid() or self.side is None or index.internalId() == 0:
            return None
        return self.side.clauses[index.internalId() - 1].amendments[index.row()]

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def top_count(self) -> int:
        return len(self.side.clauses) if self.side is not None else 0

    def child_count(self, top_row: int) -> int:
        return len(self.side.clauses[top_row].amendments) if self.side is not None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1 + len(self.workshops) + 2

    TOTAL, ADOPTED, FIRST_WORKSHOP = 1, 2, 3

    def workshop_of_column(self, col: int):
        i = col - self.FIRST_WORKSHOP
        return self.workshops[i] if 0 <= i < len(self.workshops) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.side is None:
            return None
        col = index.column()
        amendment = self.amendment_at(index)
        clause = self.clause_at(index)
        votes = amendment.votes if amendment else clause.votes
        totals = amendment.totals if amendment else clause.totals
        w = self.workshop_of_column(col)
        vote = votes.get(w.id) if w else None
        adopted = (amendment.amendment.status == AmendmentStatus.ADOPTED.value if amendment
                   else bool(clause.clause.adopted_text))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if amendment:
                    a = amendment.amendment
                    place = self._workshop_place(a.workshop_id)
                    change = one_line(changed_part(clause.clause.text, a.text), 80)
                    return f"↳ {place} ({amendment_status_label(a.status)}): {change}"
                return f"{clause.clause.number}. {one_line(clause.clause.text, 90)}"
            if col == self.TOTAL:
                return (f"{totals.for_count:,} / {totals.against_count:,} / {totals.abstain_count:,}"
                        if totals.workshops else "")
            if col == self.ADOPTED:
                return "✔" if adopted else ""
            return vote_text(vote)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                if amendment:
                    a = amendment.amendment
                    text = QCoreApplication.translate("ResolutionModels",
                                                      "Moved by {mover}, seconded by {seconder}:\n{text}")
                    return text.format(mover=a.mover, seconder=a.seconder, text=a.text)
                return clause.clause.text
            if col == self.TOTAL:
                return QCoreApplication.translate("ResolutionModels", "{n} workshops voted").format(n=totals.workshops)
            if col == self.ADOPTED:
                if amendment:
                    return amendment.amendment.text if adopted else None
                return clause.clause.adopted_text or QCoreApplication.translate("ResolutionModels", "Not adopted yet")
            return vote_tooltip(vote) if w else None
        if role == Qt.ItemDataRole.BackgroundRole and w is not None and vote is not None:
            return QBrush(QColor(CARRIED if vote.carried else LOST))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.ADOPTED:
            return QBrush(QColor("#1e7b34"))
        if role == Qt.ItemDataRole.FontRole and (col == self.ADOPTED or (not amendment and col in (0, self.TOTAL))):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if col == 0 else _CENTER
        return None

    def _workshop_place(self, workshop_id: str) -> str:
        w = next((w for w in self.workshops if w.id == workshop_id), None)
        if w is None:
            return ""
        d = divisions().districts.get(w.district_code)
        return d.name(current_language()) if d else w.title

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role not in (Qt.ItemDataRole.DisplayRole,
                                                                    Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return QCoreApplication.translate("ResolutionModels", "Clause, and the amendments to it")
        if section == self.TOTAL:
            return QCoreApplication.translate("ResolutionModels", "All workshops")
        if section == self.ADOPTED:
            return QCoreApplication.translate("ResolutionModels", "Adopted")
        w = self.workshop_of_column(section)
        if w is None:
            return None
        d = divisions().districts.get(w.district_code)
        place = d.name(current_language()) if d else w.title
        day = format_date_th(w.start_date, "short") if isinstance(w.start_date, dt.date) else ""
        return f"{place}\n{day}" if role == Qt.ItemDataRole.DisplayRole else w.title
