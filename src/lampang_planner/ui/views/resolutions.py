"""Draft resolutions: numbered clauses, deliberation at a workshop (quorum from the people checked in, amendments,
votes by show of hands or by name), and the office's side-by-side view where the consolidated text is adopted.

Every change goes through ``core.ops.resolutions`` (one transaction each); the page refreshes from
``ctx.events.changed``, so check-ins on another desk move the quorum shown here.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMessageBox,
    QTabWidget,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.resolutions import (
    ResolutionVotes,
    adopt_clause_text,
    clause_versions,
    list_resolutions,
    votes_side_by_side,
    withdraw_amendment,
)
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.resolution import (
    AdoptResolutionDialog,
    AdoptTextDialog,
    AmendmentDialog,
    ClauseDialog,
    ResolutionDialog,
)
from lampang_planner.ui.dialogs.resolution_vote import VoteDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.views.base import Page, heading_label
from lampang_planner.ui.views.resolutions_deliberation import DeliberationView
from lampang_planner.ui.views.resolutions_office import OfficeView
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, retranslated, vbox
from lampang_planner.ui.widgets.quorum import QUORUM_TABLES

WATCHED = frozenset({"resolution", "clause", "clause_version", "amendment", "vote", "ballot"})


class ResolutionsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.side: ResolutionVotes | None = None
        self.dialog: QWidget | None = None  # the dialog open now (tests and screenshots reach it here)

        self.heading = heading_label(text=lambda: self.tr("Draft resolutions"))
        self.resolution = retranslated(combo("resolutionChoice", 44),
                                       toolTip=lambda: self.tr("The draft resolution shown"))
        self.new_button = button("newResolution", self.new_resolution, text=lambda: self.tr("New…"))
        self.edit_button = button("editResolution", self.edit_resolution, text=lambda: self.tr("Edit…"))
        self.clause_button = button("addClause", self.add_clause, text=lambda: self.tr("Add clause…"))
        self.status = label("resolutionStatus")
        top = hbox(self.heading, STRETCH, (self.resolution, 2), self.new_button, self.edit_button, self.clause_button)

        self.deliberation = DeliberationView()
        self.office = OfficeView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resolutionTabs")
        self.tabs.addTab(self.deliberation, "")
        self.tabs.addTab(self.office, "")
        vbox(top, self.status, (self.tabs, 1), parent=self)

        self.resolution.currentIndexChanged.connect(lambda _i: self.reload())
        d = self.deliberation
        d.workshop_changed.connect(self._workshop_changed)
        d.vote_clause.connect(self.vote_on_clause)
        d.propose_amendment.connect(self.move_amendment)
        d.vote_amendment.connect(self.vote_on_amendment)
        d.withdraw_amendment.connect(self.withdraw)
        o = self.office
        o.adopt_amendment.connect(self.adopt_amendment)
        o.keep_clause.connect(self.keep_clause)
        o.write_adopted.connect(self.write_adopted)
        o.edit_text.connect(self.edit_clause_text)
        o.adopt_resolution.connect(self.adopt_resolution)
        o.clause_changed.connect(self._show_versions)
        ctx.events.changed.connect(self._data_changed)
        ctx.i18n.changed.connect(lambda _l: self._show_status())
        self.retranslate()

    # --- loading ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        """Loads the first time it is shown. ``workshop_id=`` opens deliberation at that workshop;
        ``resolution_id=`` shows that resolution; ``office=True`` the side-by-side tab."""
        if not self.loaded:
            self.loaded = True
            self._fill_resolutions()
            last = str(kwargs.get("workshop_id") or self.ctx.settings.get(S.LAST_WORKSHOP) or "")
            self.deliberation.fill_workshops(self.ctx.store, last)
            self.deliberation.quorum.set_workshop(self.ctx.store, self.deliberation.workshop_id())
        elif kwargs.get("workshop_id"):
            self.deliberation.set_workshop(str(kwargs["workshop_id"]))
        if kwargs.get("resolution_id"):
            self.resolution.setCurrentIndex(max(0, self.resolution.findData(kwargs["resolution_id"])))
        if kwargs.get("office"):
            self.tabs.setCurrentWidget(self.office)
        self.reload()

    def _fill_resolutions(self, select: str | None = None) -> None:
        keep = select or self.resolution_id() or ""
        self.resolution.blockSignals(True)
        self.resolution.clear()
        for r in list_resolutions(self.ctx.store):
            self.resolution.addItem(r.title, r.id)
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(keep)))
        self.resolution.blockSignals(False)

    def resolution_id(self) -> str | None:
        return self.resolution.currentData() or None

    def workshop_id(self) -> str | None:
        return self.deliberation.workshop_id()

    def reload(self) -> None:
        if not self.loaded:
            return
        rid = self.resolution_id()
        try:
            self.side = votes_side_by_side(self.ctx.store, rid) if rid else None
        except UserError:
            self.side = None
        self.deliberation.load(self.side)
        self.office.load(self.side)
        c = self.office.current_clause()
        self._show_versions(c.clause.id if c else "")
        self._show_status()

    def _show_status(self) -> None:
        r = self.side.resolution if self.side else None
        self.edit_button.setEnabled(r is not None and r.status != "adopted")
        self.clause_button.setEnabled(r is not None and r.status != "adopted")
        if r is None:
            self.status.setText(self.tr("No draft resolution yet: make one with “New…”.") if self.loaded else "")
            return
        if r.status == "adopted":
            head = self.tr("Adopted on {date}").format(
                date=format_date_th(r.adopted_on, "long") if r.adopted_on else "–")
        else:
            head = self.tr("Draft")
        parts = [head, self.tr("{n} clauses").format(n=r.clauses), self.tr("{n} amendments").format(n=r.amendments),
                 self.tr("{n} votes recorded").format(n=r.votes)]
        if r.year_be:
            parts.insert(1, self.tr("year {year}").format(year=r.year_be))
        self.status.setText(" · ".join(parts))

    def _show_versions(self, clause_id: str) -> None:
        c = next((c for c in self.side.clauses if c.clause.id == clause_id), None) if self.side else None
        self.office.show_versions(clause_versions(self.ctx.store, clause_id) if c else [],
                                  c.clause.adopted_text if c else "")

    # --- dialogs ----------------------------------------------------------------------------------------------------

    def _open(self, dialog, on_accept=None):
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _warn(self, exc: UserError) -> None:
        QMessageBox.warning(self, self.tr("Draft resolutions"), exc.message(current_language()))

    def _try(self, op, *args, **kwargs) -> None:
        """A core write; its refusal is shown."""
        try:
            op(*args, **kwargs)
        except UserError as exc:
            self._warn(exc)

    def new_resolution(self):
        d = ResolutionDialog(self.ctx.store, parent=self)
        return self._open(d, lambda: (self._fill_resolutions(d.saved_id), self.reload()))

    def edit_resolution(self):
        rid = self.resolution_id()
        if not rid:
            return None
        return self._open(ResolutionDialog(self.ctx.store, rid, parent=self))

    def add_clause(self):
        rid = self.resolution_id()
        if not rid:
            return None
        return self._open(ClauseDialog(self.ctx.store, rid, parent=self))

    def vote_on_clause(self):
        c, wid = self.deliberation.current_clause(), self.workshop_id()
        if c is None or not wid or not self.deliberation.vote_clause_button.isEnabled():
            return None
        d = VoteDialog(self.ctx, wid, c.clause.id, None,
                       heading=self.tr("Vote on clause {n} as it stands").format(n=c.clause.number),
                       text=c.clause.text, parent=self)
        return self._open(d)

    def move_amendment(self):
        c, wid = self.deliberation.current_clause(), self.workshop_id()
        if c is None or not wid or not self.deliberation.amend_button.isEnabled():
            return None
        return self._open(AmendmentDialog(self.ctx.store, c.clause.id, c.clause.number, c.clause.text, wid,
                                          parent=self))

    def vote_on_amendment(self):
        c, a, wid = self.deliberation.current_clause(), self.deliberation.current_amendment(), self.workshop_id()
        if c is None or a is None or not wid or not self.deliberation.vote_amendment_button.isEnabled():
            return None
        d = VoteDialog(self.ctx, wid, c.clause.id, a.id,
                       heading=self.tr("Vote on the amendment to clause {n} moved by {mover}").format(
                           n=c.clause.number, mover=a.mover),
                       text=a.text, parent=self)
        return self._open(d)

    def withdraw(self) -> None:
        a = self.deliberation.current_amendment()
        if a is None:
            return
        self._try(withdraw_amendment, self.ctx.store, a.id)

    def adopt_amendment(self) -> None:
        a = self.office.current_amendment()
        if a is None:
            return
        self._try(adopt_clause_text, self.ctx.store, a.amendment.clause_id, source=f"amendment:{a.amendment.id}")

    def keep_clause(self) -> None:
        c = self.office.current_clause()
        if c is None:
            return
        self._try(adopt_clause_text, self.ctx.store, c.clause.id, source="draft")

    def write_adopted(self):
        c = self.office.current_clause()
        if c is None:
            return None
        a = self.office.current_amendment()
        start = a.amendment.text if a else (c.clause.adopted_text or c.clause.text)
        return self._open(AdoptTextDialog(self.ctx.store, c.clause.id, c.clause.number, start, parent=self))

    def edit_clause_text(self):
        c, rid = self.office.current_clause(), self.resolution_id()
        if c is None or not rid:
            return None
        return self._open(ClauseDialog(self.ctx.store, rid, c.clause.id, parent=self))

    def adopt_resolution(self):
        rid = self.resolution_id()
        if not rid:
            return None
        return self._open(AdoptResolutionDialog(self.ctx.store, rid, parent=self))

    # --- reacting ---------------------------------------------------------------------------------------------------

    def _workshop_changed(self, workshop_id: str) -> None:
        if workshop_id:
            self.ctx.settings.set(S.LAST_WORKSHOP, workshop_id)
        self.deliberation.quorum.set_workshop(self.ctx.store, workshop_id or None)
        self.deliberation.load(self.side)

    def _data_changed(self, result: ApplyResult) -> None:
        if not self.loaded:
            return
        changed = set(result.changed)
        if "workshop" in changed:
            self.deliberation.fill_workshops(self.ctx.store)
        if QUORUM_TABLES & changed:
            self.deliberation.quorum.refresh()
        if "resolution" in changed:
            self._fill_resolutions()
        if WATCHED & changed or "workshop" in changed:
            self.reload()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Deliberation at a workshop"))
        self.tabs.setTabText(1, self.tr("All workshops side by side (office)"))
        self._show_status()

