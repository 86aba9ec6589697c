"""People: everyone in the data folder or a workshop's invited and checked-in people; search, detail, add, edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QToolButton,
    QWidget,
)

from lampang_planner.core.ops.people import get_person, person_workshops
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.person import PersonDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.people import PeopleModel, checkin_time, format_phone
from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.views.list_page import ListPage
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, line_edit, splitter, vbox
from lampang_planner.ui.widgets.detail import DetailPanel
from lampang_planner.ui.widgets.table import make_table, select_row
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo


def mask_citizen_id(cid: str) -> str:
    """Only the last four digits show on screen: x-xxxx-xxxxx-12-3."""
    if len(cid) != 13:
        return "x" * len(cid)
    return f"x-xxxx-xxxxx-{cid[10:12]}-{cid[12]}"


class PeoplePage(ListPage):
    FIRST_ROWS = 200  # shown at once from a large folder: a screenful and more (a tall screen shows under 100 rows)
    AT_ONCE = 5_000  # up to this many people are read at once (well under a tenth of a second)
    STEP_SECONDS = 0.02  # the rest is read in steps of about this long, between the window's events

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PeopleModel(self)
        self.loaded = False
        self._steps = QTimer(self)  # the rest of a large folder, a step per turn of the event loop
        self._steps.timeout.connect(self._load_step)
        self.heading = heading_label()
        self.search = line_edit("peopleSearch", clearable=True, min_width=320)
        self.workshop = combo("workshopFilter", 28)
        self.add_button = button("addPerson", self.add)
        self.edit_button = button("editPerson", self.edit_current)
        self.import_button = button("importRoster", self.import_roster)  # roster import with a preview
        self._build_rights_menu()
        self.table = make_table(self.model, self)
        self.table.setObjectName("peopleTable")
        self.table.setColumnHidden(PeopleModel.STATUS_COLUMN, True)
        self.detail = DetailPanel()
        self._detail_of: tuple[str | None, str, bool] | None = None  # (person, language, loaded) the detail shows
        self.count = label("peopleCount")
        top = hbox(self.heading, STRETCH, self.search, self.workshop, self.add_button, self.edit_button,
                   self.rights_button)
        split = splitter((self.table, 3), (self.detail, 1), sizes=(900, 340))
        # the import button sits at the bottom: the top row is already as wide as a 1280-px window allows
        vbox(top, (split, 1), hbox((self.count, 1), self.import_button), parent=self)

        self.search.textChanged.connect(self._search_changed)
        self.workshop.currentIndexChanged.connect(self._workshop_changed)
        self.model.counts_changed.connect(lambda *_: self._show_count())
        self.wire_list(add=self.add, enter=self.edit_current)
        self.retranslate()

    def _build_rights_menu(self) -> None:
        """PDPA rights requests, behind the office PIN (ui.dialogs.person_rights)."""
        self.rights_button = QToolButton()
        self.rights_button.setObjectName("personRights")
        self.rights_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.rights_menu = QMenu(self.rights_button)
        self.export_action = QAction(self.rights_menu)
        self.export_action.triggered.connect(self.export_current)
        self.erase_action = QAction(self.rights_menu)
        self.erase_action.triggered.connect(self.erase_current)
        self.rights_menu.addActions([self.export_action, self.erase_action])
        self.rights_button.setMenu(self.rights_menu)

    # --- loading ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        """Loads the people the first time the page is shown; ``workshop_id=`` shows that workshop's people. Everyone
        in a large folder: the first screenful at once, the rest in steps once the table has been painted (a search,
        sort or change meanwhile finishes them first, see ``PeopleModel.load_in_steps``)."""
        if not self.loaded:
            self._fill_workshops()
            self.loaded = True
            wid = kwargs.get("workshop_id")
            if wid:
                self._set_workshop_combo(str(wid))
            if self.workshop_id():
                self.model.load(self.ctx.store.db, self.workshop_id())
            else:
                self.model.load_in_steps(self.ctx.store.db, self.FIRST_ROWS, self.AT_ONCE)
            self._after_load()
            select_row(self.table, 0 if self.model.shown else -1)
            if self.model.loading:  # the steps start after the first paint (or soon, if the table is not painted)
                self.table.viewport().installEventFilter(self)
                self._steps.start(250)
        elif "workshop_id" in kwargs:
            self._set_workshop_combo(str(kwargs["workshop_id"] or ""))
            self._workshop_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.table.viewport():
            watched.removeEventFilter(self)
            if self._steps.isActive():
                self._steps.start(0)
        return False

    def _load_step(self) -> None:
        self._steps.setInterval(0)
        if self.ctx.store.closed or self.model.load_more(self.STEP_SECONDS):
            self._steps.stop()
            self.table.viewport().removeEventFilter(self)

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def _set_workshop_combo(self, wid: str) -> None:
        self.workshop.blockSignals(True)
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(wid)))
        self.workshop.blockSignals(False)

    def _fill_workshops(self) -> None:
        fill_workshop_combo(self.workshop, self.ctx.store, lambda: self.tr("All people"))

    def _workshop_changed(self, _index: int = 0) -> None:
        if not self.loaded:
            return
        keep = self.current_id()
        self.model.load(self.ctx.store.db, self.workshop_id())
        self._after_load()
        self.select(keep)
        if self.current_id() is None and self.model.shown:
            select_row(self.table, 0)

    def _after_load(self) -> None:
        self.table.setColumnHidden(PeopleModel.STATUS_COLUMN, self.model.workshop_id is None)
        self._show_count()

    # --- actions ----------------------------------------------------------------------------------------------------

    def add(self) -> None:
        wid = self.workshop_id()
        title = self.workshop.currentData(Qt.ItemDataRole.ToolTipRole) or ""
        self.add_in(PersonDialog(self.ctx.store, workshop_id=wid, workshop_title=title, parent=self))

    def edit_current(self) -> None:
        self.edit_in(lambda pid: PersonDialog(self.ctx.store, pid, parent=self))

    def import_roster(self, _checked: bool = False):
        """The roster import dialog (preview, then import), inviting to the workshop this page shows."""
        from lampang_planner.ui.dialogs.roster_import import RosterImportDialog

        dialog = RosterImportDialog(self.ctx, workshop_id=self.workshop_id(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_current(self, _checked: bool = False) -> None:
        from lampang_planner.ui.dialogs.person_rights import export_person_flow

        if pid := self.current_id():
            export_person_flow(self, self.ctx, pid)

    def erase_current(self, _checked: bool = False) -> None:
        from lampang_planner.ui.dialogs.person_rights import erase_person_flow

        if pid := self.current_id():
            erase_person_flow(self, self.ctx, pid)

    # --- reacting ---------------------------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        keep = self.current_id()
        self.model.set_search(text)
        row = self.model.row_of(keep) if keep else -1
        select_row(self.table, row if row >= 0 else (0 if self.model.shown else -1))

    def _data_changed(self, result: ApplyResult) -> None:
        if not self.loaded:
            return
        changed = result.changed
        if "workshop" in changed:
            self._fill_workshops()
        keep = self.current_id()
        if self.model.workshop_id and ({"invitation", "attendance"} & set(changed)):
            self.model.load(self.ctx.store.db, self.model.workshop_id)
        elif "person" in changed:
            self.model.refresh(self.ctx.store.db, changed["person"])
        else:
            return
        self.select(keep)
        self._show_detail(again=True)

    def _language_changed(self, _lang: str) -> None:
        self.model.refresh_labels()
        self._show_detail(again=True)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()

    def _show_count(self) -> None:
        shown, total = self.model.shown, self.model.total
        if not self.loaded:
            self.count.clear()
        elif self.model.workshop_id:
            text = self.tr("Showing {shown} of the {total} people invited to or attending this workshop")
            self.count.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))
        elif shown == total:
            self.count.setText(self.tr("{total} people").format(total=f"{total:,}"))
        else:
            self.count.setText(self.tr("Showing {shown} of {total} people").format(shown=f"{shown:,}", total=f"{total:,}"))

    def _show_detail(self, again: bool = False) -> None:
        """The selected person's detail. Read again only when the selection moved to another person, or ``again``
        (their data or the language changed): a search that keeps the same person selected costs no query."""
        pid = self.current_id()
        lang = current_language()
        if not again and self._detail_of == (pid, lang, self.loaded):
            return
        self._detail_of = (pid, lang, self.loaded)
        p = get_person(self.ctx.store, pid) if pid else None
        self.edit_button.setEnabled(p is not None)
        self.rights_button.setEnabled(p is not None)
        if p is None:
            self.detail.show_record(self.tr("No person selected") if self.loaded else "", "", [])
            return
        self._show_person(pid, p, lang)

    def _show_person(self, pid: str, p: dict, lang: str) -> None:
        dv = divisions()
        tambon = dv.subdistricts.get(p["subdistrict_code"] or "")
        district = dv.districts.get(p["district_code"] or "")
        place = ", ".join(x.name(lang) for x in (tambon, district) if x)
        try:
            ptype = ParticipantType(p["participant_type"]).label(lang)
        except ValueError:
            ptype = p["participant_type"] or ""
        if p["consent"]:
            when = p["consent_date"]
            consent = self.tr("Given")
            if when:
                consent += " " + format_date_th(dt.date.fromisoformat(str(when)[:10]), "long")
        else:
            consent = self.tr("Not given")
        rows = [
            (self.tr("Code"), p["code"] or ""),
            (self.tr("Participant type"), ptype),
            (self.tr("Position"), p["position"] or ""),
            (self.tr("Tambon, district"), place),
            (self.tr("Phone"), format_phone(p["phone"] or "")),
            (self.tr("Citizen ID"), mask_citizen_id(p["citizen_id"]) if p["citizen_id"] else ""),
            (self.tr("PDPA consent"), consent),
        ]
        if p["note"]:
            rows.append((self.tr("Note"), p["note"]))
        lines = []
        for title, start, checked_in, invited in person_workshops(self.ctx.store, pid):
            day = format_date_th(dt.date.fromisoformat(start), "short") if start else ""
            if checked_in:
                status = self.tr("checked in {time}").format(time=checkin_time(checked_in))
            else:
                status = self.tr("invited") if invited else ""
            lines.append(f"{day} · {title} ({status})")
        rows.append((self.tr("Workshops"), "\n".join(lines) or self.tr("none yet")))
        self.detail.show_record(full_name(p["prefix"] or "", p["first_name"] or "", p["last_name"] or ""),
                                p["organisation"] or "", rows)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("People"))
        self.search.setPlaceholderText(self.tr("Search by name, organisation, phone, code, tambon or district…"))
        self.add_button.setText(self.tr("Add person…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.import_button.setText(self.tr("Import roster…"))
        self.import_button.setToolTip(self.tr("Add people from the office's Excel roster, with a preview before "
                                              "anything is written"))
        self.rights_button.setText(self.tr("Personal data"))
        self.export_action.setText(self.tr("Export everything held on this person…"))
        self.erase_action.setText(self.tr("Erase this person…"))
        self.workshop.setToolTip(self.tr("Show everyone, or only the people invited to or attending one workshop"))
        self._show_count()
        self._show_detail(again=True)
