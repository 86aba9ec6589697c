"""Workshops: the list (search, Thai sorting, Buddhist-era dates), a detail panel, add and edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from lampang_planner.core.ops.session_attendance import day_summary
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.dates import format_date_range_th, format_date_th
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.sessions import SessionsDialog
from lampang_planner.ui.dialogs.workshop import WorkshopDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.workshops import WorkshopsModel
from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.views.list_page import ListPage
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, line_edit, splitter, vbox
from lampang_planner.ui.widgets.detail import DetailPanel
from lampang_planner.ui.widgets.table import make_table, select_row

WATCHED = {"workshop", "invitation", "attendance", "person", "session"}


class WorkshopsPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = WorkshopsModel(self)
        self.heading = heading_label(text=lambda: self.tr("Workshops"))
        self.search = line_edit("workshopSearch", clearable=True, min_width=320,
                                placeholder=lambda: self.tr("Search by title, district, venue or date…"))
        self.add_button = button(clicked=self.add, text=lambda: self.tr("Add workshop…"))
        self.edit_button = button(clicked=self.edit_current, text=lambda: self.tr("Edit…"))
        self.sessions_button = button("editSessions", self.edit_sessions, text=lambda: self.tr("Sessions…"))
        self.table = make_table(self.model, self)
        self.table.setObjectName("workshopTable")
        self.detail = DetailPanel()
        self.people_button = button("showPeople", self._show_people,
                                    text=lambda: self.tr("Show the people of this workshop"))
        self.detail.footer.addWidget(self.people_button)
        self.count = QLabel()
        top = hbox(self.heading, STRETCH, self.search, self.add_button, self.edit_button, self.sessions_button)
        split = splitter((self.table, 3), (self.detail, 1), sizes=(900, 340))
        vbox(top, (split, 1), self.count, parent=self)

        self.search.textChanged.connect(self.model.set_search)
        self.model.counts_changed.connect(self._show_count)
        self.model.modelReset.connect(self._show_detail)
        self.wire_list(add=self.add, enter=self.edit_current)

        self.loaded = False
        self._stale = False  # data changed while the page was hidden
        self.retranslate()

    def activate(self, **kwargs: object) -> None:
        """Loads the workshops the first time the page is shown (the window may open on another page)."""
        if not self.loaded:
            self.loaded = True
            self.model.load(self.ctx.store)
            last = self.ctx.settings.get(S.LAST_WORKSHOP)
            select_row(self.table, self.model.row_of(last) if last else 0)

    # --- actions ----------------------------------------------------------------------------------------------------

    def add(self) -> None:
        self.add_in(WorkshopDialog(self.ctx.store, parent=self))

    def edit_current(self) -> None:
        self.edit_in(lambda wid: WorkshopDialog(self.ctx.store, wid, parent=self))

    def edit_sessions(self) -> None:
        """The sessions of the chosen workshop (morning, afternoon, a second day): add, edit, remove."""
        wid = self.current_id()
        if wid:
            self.run_form(SessionsDialog(self.ctx.store, wid, parent=self))
            self._show_detail()

    def _show_people(self) -> None:
        wid = self.current_id()
        if wid:
            self.ctx.navigate("people", workshop_id=wid)

    # --- reacting ---------------------------------------------------------------------------------------------------

    def _data_changed(self, result: ApplyResult) -> None:
        if self.loaded and WATCHED & set(result.changed):
            if not self.isVisible():
                # reloaded when shown: the list counts every invitation and check-in (4 s with 100,000 people on a
                # busy machine), and a scan at the door must not wait for a page nobody is looking at
                self._stale = True
                return
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        keep = self.current_id()
        self.model.load(self.ctx.store)
        self.select(keep)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.loaded and self._stale:
            self._reload()

    def _language_changed(self, _lang: str) -> None:
        self.model.refresh_labels()
        self._show_detail()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        wid = self.model.row_id(current.row())
        if wid:
            self.ctx.settings.set(S.LAST_WORKSHOP, wid)
        self._show_detail()

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count.setText(self.tr("{total} workshops").format(total=f"{total:,}"))
        else:
            text = self.tr("Showing {shown} of {total} workshops")
            self.count.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))

    def _show_detail(self) -> None:
        wid = self.current_id()
        w = get_workshop(self.ctx.store, wid) if wid else None
        self.edit_button.setEnabled(w is not None)
        self.sessions_button.setEnabled(w is not None)
        self.people_button.setVisible(w is not None)
        if w is None:
            self.detail.show_record(self.tr("No workshop selected"), "", [])
            return
        lang = current_language()
        dv = divisions()
        start = dt.date.fromisoformat(w["start_date"]) if w["start_date"] else None
        end = dt.date.fromisoformat(w["end_date"]) if w["end_date"] else None
        when = ""
        if start and end and end >= start:
            when = format_date_range_th(start, end, "long")
        elif start:
            when = format_date_th(start, "long")
        row = self.model.record(self.table.currentIndex().row())
        invited, attended = (row[7], row[8]) if row else (0, 0)
        district = dv.districts.get(w["district_code"] or "")
        tambon = dv.subdistricts.get(w["subdistrict_code"] or "")
        share = f" ({attended * 100 // invited}%)" if invited else ""
        rows = [
            (self.tr("District"), district.name(lang) if district else ""),
            (self.tr("Tambon"), tambon.name(lang) if tambon else ""),
            (self.tr("Venue"), w["venue"] or ""),
            (self.tr("Sessions"), self._sessions_text(wid, lang)),
            (self.tr("Sessions and topics"), _bullets(w["topics"])),
            (self.tr("Facilitators"), _bullets(w["facilitators"])),
            (self.tr("Invited"), f"{invited:,}"),
            (self.tr("Attended"), f"{attended:,}{share}"),
        ]
        if w["retention_days"]:
            rows.append((self.tr("Keep personal data for"), self.tr("{n} days").format(n=w["retention_days"])))
        self.detail.show_record(w["title"] or "", when, rows)

    def _sessions_text(self, workshop_id: str, lang: str) -> str:
        """Each session with how many came, and per day how many came to any and to every session."""
        lines = []
        for day in day_summary(self.ctx.store, workshop_id):
            for c in day.sessions:
                lines.append(self.tr("• {session}: {n} came").format(session=c.session.describe(lang),
                                                                      n=f"{c.checked_in:,}"))
            if len(day.sessions) > 1:
                lines.append(self.tr("  the day: {any} at one session at least, {every} at every one").format(
                    any=f"{day.any_session:,}", every=f"{day.every_session:,}"))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self._show_count(self.model.shown, self.model.total)
        self._show_detail()


def _bullets(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "\n".join(f"• {line}" for line in lines) if len(lines) > 1 else "".join(lines)
