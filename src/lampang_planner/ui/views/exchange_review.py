"""The Exchange screen's review tabs: conflicts to settle, and groups of possible duplicate people to merge or dismiss.

Settling a conflict and merging people are ordinary core changes (one transaction each, synced in the next bundle);
nothing here merges anyone without a person pressing the button and confirming.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops import conflicts as C
from lampang_planner.core.ops import duplicates as D
from lampang_planner.core.thai.names import full_name
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.pin import ask_office_pass, pin_recently_given, require_office_pin
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.exchange import ConflictsModel, DuplicateGroupsModel, GroupPeopleModel
from lampang_planner.ui.tasks import TaskControl
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, panel, splitter, vbox
from lampang_planner.ui.widgets.table import make_table, select_row


def _error_text(exc: object) -> str:
    if isinstance(exc, UserError):
        return exc.message(current_language())
    return str(exc)


class ConflictsPanel(QWidget):
    """Open conflicts, each with its two values, and the choice that settles it."""

    counts_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ConflictsModel(self)
        self.table = make_table(self.model, self)
        self.table.setObjectName("conflictsTable")
        self.intro = label(wrap=True)
        self.detail = label("conflictDetail", wrap=True, rich=True)
        self.keep_button = button("keepShown", lambda: self._office_only() and self.settle(C.KEEP))
        self.take_button = button("takeOther", self._take_or_restore)
        self.keep_all_button = button("keepAll", self._ask_keep_all)
        self.message = label("conflictMessage", wrap=True)
        buttons = hbox(self.keep_button, self.take_button, STRETCH, self.keep_all_button)
        vbox(self.intro, (self.table, 1), self.detail, buttons, self.message, parent=self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.retranslate()

    def reload(self) -> None:
        keep = self.current()
        rows = C.list_conflicts(self.ctx.store)
        self.model.set_records([(c.id, c) for c in rows])
        row = self.model.row_of(keep.id) if keep else -1
        select_row(self.table, row if row >= 0 else (0 if self.model.shown else -1))
        self._show_detail()
        self.counts_changed.emit(self.model.total)

    def current(self) -> C.ConflictRow | None:
        rec = self.model.record(self.table.currentIndex().row())
        return rec[1] if rec else None

    def _current_changed(self, _c: QModelIndex, _p: QModelIndex) -> None:
        self.message.clear()
        self._show_detail()

    def _office_only(self) -> bool:
        """Settling conflicts is an office decision (PDPA issue: office-only actions behind the office PIN); the pass
        is kept for a few minutes (``ui.dialogs.pin``) and handed to the core by :meth:`settle` and :meth:`keep_all`."""
        return require_office_pin(self, self.ctx, self.tr("settle conflicts"))

    def _take_or_restore(self) -> None:
        c = self.current()
        if c is not None and self._office_only():
            self.settle(C.RESTORE if c.kind == C.EDIT_VS_DELETE else C.TAKE)

    def settle(self, choice: str) -> bool:
        """Settle the selected conflict (and its siblings on the same field) by ``choice``."""
        c = self.current()
        if c is None:
            return False
        try:
            C.resolve(self.ctx.store, c.id, choice, office=pin_recently_given(self.ctx))
        except UserError as exc:
            self.message.setText(_error_text(exc))
            self.reload()
            return False
        self.reload()
        self.message.setText(self.tr("Settled. The choice is sent with the next bundle, so every device agrees."))
        return True

    def _ask_keep_all(self) -> None:
        n = self.model.total
        if not n or not self._office_only():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Keep every value shown"),
            self.tr("Keep the value shown for all {n} conflicts and set the other values aside?").format(n=n),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.keep_all()

    def keep_all(self) -> int:
        n = C.resolve_all(self.ctx.store, office=pin_recently_given(self.ctx))
        self.reload()
        self.message.setText(self.tr("{n} conflicts settled by keeping the values shown.").format(n=n))
        return n

    def _show_detail(self) -> None:
        c = self.current()
        has = c is not None
        for b in (self.keep_button, self.take_button):
            b.setEnabled(has)
        self.keep_all_button.setEnabled(self.model.total > 0)
        if c is None:
            self.detail.setText(self.tr("No conflicts to review.") if self.model.total == 0 else "")
            self.keep_button.setText(self.tr("Keep the value shown"))
            self.take_button.setText(self.tr("Use the other value"))
            return
        lang = current_language()
        record = f"{C.table_label(c.tbl, lang)}: {c.record}"
        field = C.field_label(c.field, lang)
        other = C.display_value(c.tbl, c.field, c.loser_value, lang)
        if c.kind == C.EDIT_VS_DELETE:
            text = self.tr("<b>{record}</b> was deleted on {winner}, while {loser} changed its <b>{field}</b> to "
                           "“{other}” without knowing of the delete.")
            self.keep_button.setText(self.tr("Keep it deleted"))
            self.take_button.setText(self.tr("Restore it"))
        else:
            text = self.tr("<b>{record}</b>: two devices changed <b>{field}</b> at about the same time. "
                           "“{shown}” (from {winner}) is shown; “{other}” from {loser} was kept aside.")
            self.keep_button.setText(self.tr("Keep the value shown"))
            self.take_button.setText(self.tr("Use the other value"))
        self.detail.setText(text.format(
            record=_esc(record), field=_esc(field), other=_esc(other), winner=_esc(c.winner_device_name),
            loser=_esc(c.loser_device_name), shown=_esc(C.display_value(c.tbl, c.field, c.winner_value, lang))))

    def refresh_labels(self) -> None:
        self.model.refresh_labels()
        self._show_detail()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("When two devices changed the same thing without seeing each other's change, the "
                                   "newer change is shown and the other is kept here. Nothing is lost: choose which "
                                   "value stays."))
        self.keep_all_button.setText(self.tr("Keep every value shown…"))
        self._show_detail()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _find_work(control: TaskControl, store: Store) -> tuple[list[D.DuplicateGroup], dict[str, str], int]:
    control.progress(0, 0)
    groups = D.find_duplicates(store)
    ids = [p for g in groups for p in g.person_ids]
    names = {c.id: full_name(c.prefix, c.first_name, c.last_name) for c in D.person_cards(store, ids)} if ids else {}
    return groups, names, D.pending_moves(store)


class DuplicatesPanel(QWidget):
    """Groups of people who may be one person (same citizen ID, or same name with the same phone or tambon)."""

    counts_changed = Signal(int)
    busy = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.groups = DuplicateGroupsModel(self)
        self.people = GroupPeopleModel(self)
        self.groups_table = make_table(self.groups, self)
        self.groups_table.setObjectName("duplicateGroups")
        self.people_table = make_table(self.people, self)
        self.people_table.setObjectName("groupPeople")
        self.intro = label(wrap=True)
        self.prefer_label = label()
        self.prefer = combo("preferDetails")
        self.merge_button = button("mergePeople", self._ask_merge)
        self.dismiss_button = button("notSamePerson", self.dismiss_selected)
        self.message = label("duplicateMessage", wrap=True)
        self.pending = label(wrap=True)
        self.tidy_button = button("tidyMerged", self.tidy)
        actions = hbox(self.prefer_label, (self.prefer, 1), self.merge_button, self.dismiss_button)
        right = panel((self.people_table, 1), actions)
        split = splitter(self.groups_table, right, sizes=(260, 260), orientation=Qt.Orientation.Vertical)
        tidy = hbox((self.pending, 1), self.tidy_button)
        vbox(self.intro, (split, 1), tidy, self.message, parent=self)
        self.groups_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_group())
        self._pending_moves = 0
        self._again = False
        self.retranslate()

    # --- loading (off the GUI thread: a big office has 100,000 people) -----------------------------------------------

    def searching(self) -> bool:
        return self.task is not None and self.task.running

    def reload(self) -> None:
        if self.searching():
            self._again = True  # the data changed during the search: search again when it ends
            return
        self._again = False
        self.task = self.ctx.tasks.start(_find_work, self.ctx.store, name="find-duplicates")
        self.busy.emit(True)
        self.task.finished.connect(self._loaded)
        self.task.failed.connect(lambda exc: (self.message.setText(_error_text(exc)), self.busy.emit(False)))
        self.task.cancelled.connect(lambda: self.busy.emit(False))

    def _loaded(self, result: tuple) -> None:
        groups, names, pending = result
        keep = self.current()
        self.groups.names = names
        self.groups.set_records([(g.key, g) for g in groups])
        row = self.groups.row_of(keep.key) if keep else -1
        select_row(self.groups_table, row if row >= 0 else (0 if self.groups.shown else -1))
        self._pending_moves = pending
        self._show_group()
        self._show_pending()
        self.busy.emit(False)
        self.counts_changed.emit(self.groups.total)
        if self._again:
            self.reload()

    def current(self) -> D.DuplicateGroup | None:
        rec = self.groups.record(self.groups_table.currentIndex().row())
        return rec[1] if rec else None

    def _show_group(self) -> None:
        g = self.current()
        self.prefer.clear()
        if g is None:
            self.people.set_records([])
        else:
            cards = D.person_cards(self.ctx.store, g.person_ids)
            self.people.set_records([(c.id, c) for c in cards])
            for c in cards:
                label = f"{full_name(c.prefix, c.first_name, c.last_name)} · {c.origin_device}"
                self.prefer.addItem(label, c.id)
        for w in (self.prefer, self.merge_button, self.dismiss_button):
            w.setEnabled(g is not None)

    def _show_pending(self) -> None:
        n = self._pending_moves
        self.pending.setText(self.tr("{n} invitations or check-ins still belong to people merged into others (made "
                                     "on a laptop that had not heard of the merge).").format(n=n) if n else "")
        self.tidy_button.setVisible(n > 0)

    # --- actions ------------------------------------------------------------------------------------------------

    def _ask_merge(self) -> None:
        g = self.current()
        if g is None or not require_office_pin(self, self.ctx, self.tr("merge people")):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Merge people"),
            self.tr("Merge these {n} records into one person? Their invitations and check-ins are combined, and the "
                    "merge is sent with the next bundle.").format(n=len(g.person_ids)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge_selected()

    def merge_selected(self) -> str | None:
        """Merge the selected group, keeping the details of the person chosen in the combo box where they differ."""
        g = self.current()
        if g is None:
            return None
        try:
            survivor = D.merge_people(self.ctx.store, g.person_ids, prefer=self.prefer.currentData(),
                                      office=pin_recently_given(self.ctx))
        except UserError as exc:
            self.message.setText(_error_text(exc))
            return None
        self.message.setText(self.tr("Merged into one person."))
        self.reload()
        return survivor

    def dismiss_selected(self) -> None:
        g = self.current()
        office = None if g is None else ask_office_pass(self, self.ctx, self.tr("say these are not one person"))
        if office is None:
            return
        D.dismiss(self.ctx.store, g.person_ids, office=office)
        self.message.setText(self.tr("Noted: not the same person. They will not be offered again."))
        self.reload()

    def tidy(self) -> int:
        office = ask_office_pass(self, self.ctx, self.tr("move check-ins to merged people"))
        if office is None:
            return 0
        n = D.tidy_merged(self.ctx.store, office=office)
        self.message.setText(self.tr("{n} invitations or check-ins moved to the people they were merged into.")
                             .format(n=n))
        self.reload()
        return n

    def refresh_labels(self) -> None:
        self.groups.refresh_labels()
        self.people.refresh_labels()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("People registered on more than one laptop may be the same person: the same "
                                   "citizen ID, or the same name with the same phone or tambon. Nothing is merged "
                                   "until you choose to."))
        self.prefer_label.setText(self.tr("Keep the details of:"))
        self.merge_button.setText(self.tr("Merge into one person…"))
        self.dismiss_button.setText(self.tr("Not the same person"))
        self.tidy_button.setText(self.tr("Move them"))
        self._show_pending()
