"""Record the vote of a workshop on a clause or an amendment, by show of hands or by name.

The quorum (people checked in now, against those registered) is shown first and follows check-ins while the dialog
is open. By show of hands the facilitator types the three counts (Tab between them, Enter saves); they may not add up
to more than the people checked in. By name each person's ballot is saved as it is given: pick the person (type to
search), then 1 for, 2 against, 3 abstain, 0 to take the ballot back.

When the quorum is not met, the first Save only warns; a second Save records the vote anyway (the record keeps the
number present, so the office sees it).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.resolutions import (
    ballots,
    get_vote,
    record_ballot,
    record_vote,
    vote_id_for,
    voters,
    withdraw_ballot,
)
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.vocabulary import VoteChoice, VoteMethod
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs import resolution_vote_layout
from lampang_planner.ui.dialogs.base import ERROR_STYLE, DialogBase
from lampang_planner.ui.dialogs.resolution_vote_layout import CHOICE_KEYS, _BallotTable, _SearchProxy  # noqa: F401
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.quorum import QUORUM_TABLES


class VoteDialog(DialogBase):
    MESSAGE_ON_TOP = False

    def __init__(self, ctx: AppContext, workshop_id: str, clause_id: str, amendment_id: str | None, *,
                 heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, message_name="voteError", name="VoteDialog")
        self.ctx = ctx
        self.store: Store = ctx.store
        self.workshop_id, self.clause_id, self.amendment_id = workshop_id, clause_id, amendment_id
        self.vote_id = vote_id_for(workshop_id, clause_id, amendment_id)
        self.saved = False
        self._warned_quorum = False
        self._problem: UserError | None = None

        resolution_vote_layout.build(self, heading, text)
        self.error = self.message
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)

        existing = get_vote(self.store, self.vote_id)
        if existing and existing.method == VoteMethod.NAMED.value:
            self.named_radio.setChecked(True)
        else:
            self.hands_radio.setChecked(True)
            if existing:
                self.for_count.setValue(existing.for_count)
                self.against_count.setValue(existing.against_count)
                self.abstain_count.setValue(existing.abstain_count)
        self.hands_radio.toggled.connect(lambda _on: self._method_changed())
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.table.setFocus)
        ctx.events.changed.connect(self._data_changed)
        self.finished.connect(lambda _r: self._disconnect())
        self._method_changed(initial=True)
        self.retranslate()
        self.fit(720)  # after the texts: the quorum line wraps at this width

    # --- method -----------------------------------------------------------------------------------------------------

    def is_named(self) -> bool:
        return self.named_radio.isChecked()

    def _method_changed(self, initial: bool = False) -> None:
        self.hands_page.setVisible(not self.is_named())
        self.named_page.setVisible(self.is_named())
        self._problem = None
        self._render_problem()
        if self.is_named():
            self._load_voters()
            self.search.setFocus()
        else:
            self.for_count.setFocus()
            self.for_count.selectAll()
        self._retext_save()
        if not initial:
            self.fit()

    def _load_voters(self) -> None:
        choices = {b.person_id: b.choice for b in ballots(self.store, self.vote_id)}
        self.voters.load(voters(self.store, self.workshop_id), choices)
        self._show_tally()
        if self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    # --- show of hands ------------------------------------------------------------------------------------------------

    def counts(self) -> tuple[int, int, int]:
        return self.for_count.value(), self.against_count.value(), self.abstain_count.value()

    def _show_total(self) -> None:
        q = self.quorum.quorum
        total = sum(self.counts())
        present = q.present if q else 0
        text = self.tr("Total {total} of the {present} people checked in").format(total=f"{total:,}",
                                                                                   present=f"{present:,}")
        self.total.setText(text)
        self.total.setStyleSheet(ERROR_STYLE if total > present else "")

    # --- by name ------------------------------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def current_person(self) -> str | None:
        ix = self.table.currentIndex()
        return self.proxy.data(ix, Qt.ItemDataRole.UserRole) if ix.isValid() else None

    def set_choice(self, choice: str | None) -> None:
        """Save the current person's ballot now (None takes it back)."""
        pid = self.current_person()
        if not pid:
            return
        self._problem = None
        try:
            self._ensure_named_vote()
            if choice:
                record_ballot(self.store, self.vote_id, pid, choice)
            elif pid in self.voters.choices:
                withdraw_ballot(self.store, self.vote_id, pid)
        except UserError as exc:
            self._problem = exc
        else:
            self.saved = True
            self.voters.set_choice(pid, choice)
            row = self.table.currentIndex().row()
            if choice and row + 1 < self.proxy.rowCount() and not self.search.text():
                self.table.selectRow(row + 1)  # on to the next person
        self._render_problem()
        self._show_tally()

    def _ensure_named_vote(self) -> None:
        """The vote record exists and is a vote by name (a show of hands recorded before becomes one: the facilitator
        chose to vote by name)."""
        v = get_vote(self.store, self.vote_id)
        if v is None or v.method != VoteMethod.NAMED.value:
            record_vote(self.store, self.workshop_id, self.clause_id, self.amendment_id, method="named")

    def _show_tally(self) -> None:
        counts = {c.value: 0 for c in VoteChoice}
        for choice in self.voters.choices.values():
            counts[choice] = counts.get(choice, 0) + 1
        lang = current_language()
        parts = [f"{c.label(lang)} {counts[c.value]:,}" for c in VoteChoice]
        left = self.voters.rowCount() - sum(counts.values())
        self.tally.setText(" · ".join(parts) + " · " + self.tr("not yet voted {n}").format(n=f"{left:,}"))

    # --- saving -------------------------------------------------------------------------------------------------------

    def save(self) -> None:
        self._problem = None
        q = self.quorum.refresh()
        if q is not None and not q.met and not self._warned_quorum:
            self._warned_quorum = True
            self._problem = UserError(
                "ยังไม่ครบองค์ประชุม กด บันทึก อีกครั้งเพื่อบันทึกผลการลงมติ (จำนวนผู้อยู่ในที่ประชุมจะถูกบันทึกไว้ด้วย)",
                "There is no quorum. Press Save again to record the vote anyway (the number present is recorded "
                "with it).")
            self._render_problem()
            self._retext_save()
            return
        try:
            if self.is_named():
                self._ensure_named_vote()
            else:
                f, a, ab = self.counts()
                record_vote(self.store, self.workshop_id, self.clause_id, self.amendment_id, for_count=f,
                            against_count=a, abstain_count=ab, method="hands")
        except UserError as exc:
            self._problem = exc
            self._render_problem()
            return
        self.saved = True
        self.accept()

    def on_ok(self) -> None:
        self.save()

    def _render_problem(self) -> None:
        exc = self._problem
        if exc is None:
            self.error.hide()
            for spin in (self.for_count, self.against_count, self.abstain_count):
                spin.setStyleSheet("")
            return
        self.error.setText(exc.message(current_language()))
        self.error.show()
        fields = exc.problems if isinstance(exc, ValidationError) else {}
        for name, spin in (("for_count", self.for_count), ("against_count", self.against_count),
                           ("abstain_count", self.abstain_count)):
            spin.setStyleSheet("border: 1px solid #b3261e;" if name in fields else "")

    def _retext_save(self) -> None:
        if self._warned_quorum:
            self.save_button.setText(self.tr("Record without quorum"))
        elif self.is_named():
            self.save_button.setText(self.tr("Done"))
        else:
            self.save_button.setText(self.tr("Save"))

    # --- live ---------------------------------------------------------------------------------------------------------

    def _data_changed(self, result: ApplyResult) -> None:
        if QUORUM_TABLES & set(result.changed):
            self.quorum.refresh()
            self._show_total()
            if self.is_named() and "attendance" in result.changed:
                self._load_voters()

    def _disconnect(self) -> None:
        try:
            self.ctx.events.changed.disconnect(self._data_changed)
        except (RuntimeError, TypeError):
            pass

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record the vote"))
        self.method_label.setText(self.tr("Voting:"))
        self.hands_radio.setText(self.tr("Show of hands"))
        self.named_radio.setText(self.tr("By name"))
        for label, text in zip(self.count_labels, (self.tr("For"), self.tr("Against"), self.tr("Abstain")),
                               strict=True):
            label.setText(text)
        self.search.setPlaceholderText(self.tr("Find a person by name or organisation…"))
        for choice, text in (("for", self.tr("1 For")), ("against", self.tr("2 Against")),
                             ("abstain", self.tr("3 Abstain")), (None, self.tr("0 Take back"))):
            self.choice_buttons[choice].setText(text)
        super().retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self._retext_save()
        self._show_total()
        self._show_tally()
        self._render_problem()
