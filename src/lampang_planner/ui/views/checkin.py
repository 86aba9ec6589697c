"""Check-in: the desk at the workshop door.

A USB scanner in keyboard mode works wherever focus is on this screen (``widgets.scanner.KeyboardWedge``), a webcam
where QtMultimedia and a camera exist (``widgets.camera``), a name search as the fallback, and walk-in registration.
Every path ends in one core call (``core.ops.checkin``); the big panel shows green / amber / red with a sound for
each, the counts and the latest check-ins follow ``ctx.events.changed``. Kiosk mode shows only the result, full
screen, and needs the PIN to leave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import (
    CheckinResult,
    Kind,
    check_in,
    check_in_person,
    undo_checkin,
    warm_search,
)
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.walkin import WalkinDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.views.base import Page
from lampang_planner.ui.views.checkin_badge import badge_renderer
from lampang_planner.ui.views.checkin_camera_controls import CameraControls
from lampang_planner.ui.views.checkin_counts import _WATCHED, DeskCounts
from lampang_planner.ui.views.checkin_kiosk_controls import KioskControls
from lampang_planner.ui.views.checkin_layout import build_page
from lampang_planner.ui.views.checkin_panel import STATE_OF_KIND
from lampang_planner.ui.views.checkin_search import DeskSearch
from lampang_planner.ui.views.checkin_wiring import KIOSK_IDLE_MS, wire_page
from lampang_planner.ui.views.checkin_workshop_choice import WorkshopChoice
from lampang_planner.ui.widgets.table import plain_table as _table

__all__ = ["KIOSK_IDLE_MS", "_WATCHED", "CheckinPage", "_table"]  # the names this module always had

log = logging.getLogger(__name__)


class CheckinPage(WorkshopChoice, DeskSearch, DeskCounts, CameraControls, KioskControls, Page):
    """The desk. Its widgets are built in ``checkin_layout`` and connected in ``checkin_wiring``; the workshop and
    desk, the name search, the live counts, the camera and kiosk mode are its parts in ``checkin_*`` modules (mixins
    over the same widgets, so every attribute and method stays on the page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.kiosk_on = False
        self.last_result: CheckinResult | None = None  # the last result shown (any colour)
        self.undo_target: CheckinResult | None = None  # the last check-in this desk made that can be undone
        self.badge_person: tuple[str, str] | None = None  # (person id, name) whose badge "Print badge" prints
        self.invite_target: CheckinResult | None = None  # the not-invited result that F2 checks in anyway
        self._shown: tuple = ("idle",)
        self._camera_problem: str | None = None
        self._camera_checked = False
        self._needs_refresh = True
        self._badge: Callable | bool | None = None  # the badge renderer, False when there is none
        self._counts = None  # the LiveCounts shown
        self._current_wid: str | None = None  # the workshop the page was last set up for
        self.badge_task = None

        build_page(self)
        wire_page(self)
        self._update_buttons()
        self.retranslate()

    # --- loading ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        """First show: the workshops and the desk. ``workshop_id=`` picks that workshop."""
        if not self.loaded:
            self.loaded = True
            self._fill_workshops()
            self.desk_edit.setText(self.desk())
            # the name-search index (a second at 100,000 people) is built off the GUI thread before the first search
            self.ctx.tasks.start(lambda _control, store: warm_search(store), self.ctx.store, name="warm-search")
        wid = kwargs.get("workshop_id")
        if wid:
            self._select_workshop(str(wid))
        if not self._camera_checked:
            self._check_camera()
        self.refresh_live()
        if self._shown == ("idle",):
            self.show_idle()
        QTimer.singleShot(0, self._rest_focus)

    def _rest_focus(self) -> None:
        """Focus goes where typing by hand is most likely: the search field (scans are caught wherever it is)."""
        if not self.isVisible():
            return
        (self.panel if self.kiosk_on else self.search).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- checking in ------------------------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> CheckinResult | None:
        """A scanner burst or a camera read: check in whoever's code it holds (or join the desk whose venue code it is)."""
        if self.venue.take_scan(text):
            return None
        wid = self.workshop_id()
        if not wid:
            self.panel.show_error(self.tr("Choose a workshop first"), self.tr("There is no workshop to check in to."))
            self._shown = ("error",)
            self.sound.play("red")
            return None
        try:
            result = check_in(self.ctx.store, wid, text, desk=self.desk(), session_id=self.session_id())
        except UserError as exc:
            return self._not_checked_in(exc)
        self.show_result(result)
        return result

    def check_in_row(self, row: int) -> CheckinResult | None:
        """Check in the person on row ``row`` of the search results."""
        pid = self.results_model.person_id(row)
        wid = self.workshop_id()
        if not pid or not wid:
            return None
        try:
            result = check_in_person(self.ctx.store, wid, pid, desk=self.desk(), session_id=self.session_id())
        except UserError as exc:
            return self._not_checked_in(exc)
        self.search.clear()
        self.results_model.set_rows([])
        self.show_result(result)
        self.search.setFocus()
        return result

    def check_in_selected(self) -> CheckinResult | None:
        row = self.results.currentIndex().row()
        if row < 0 and self.results_model.rowCount() == 1:
            row = 0
        return self.check_in_row(row) if row >= 0 else None

    def _panel_action(self) -> None:
        """The panel's button: "check in anyway" for a person not invited, "import the office kit" with no workshop."""
        if self.workshop_id():
            self.check_in_anyway()
        elif not self.kiosk_on:
            self.ctx.navigate("exchange")

    def _not_checked_in(self, exc: UserError) -> None:
        """Red at once, with the sound: the check-in was refused (the workshop was removed meanwhile, say)."""
        self.panel.show_error(self.tr("Not checked in"), exc.message(current_language()))
        self._shown = ("error",)
        self.sound.play("red")

    def check_in_anyway(self) -> CheckinResult | None:
        """F2 (or the panel's button) on a person not invited to this workshop: check them in and add the invitation.
        Only while that result is what the panel shows, never in kiosk mode."""
        target = self.invite_target
        if target is None or self.kiosk_on or self._shown != ("result", target) or target.workshop_id != self.workshop_id():
            return None
        try:
            result = check_in_person(
                self.ctx.store,
                target.workshop_id,
                target.person_id,
                desk=self.desk(),
                invite=True,
                session_id=target.session_id,  # the session the refused scan was for
            )
        except UserError as exc:
            return self._not_checked_in(exc)
        self.show_result(result)
        return result

    def show_result(self, result: CheckinResult) -> None:
        self.invite_target = result if result.kind is Kind.NOT_INVITED else None
        self.last_result = result
        if result.kind is Kind.CHECKED_IN and result.attendance_created:
            self.undo_target = result
        if result.person_id:
            self.badge_person = (result.person_id, result.name)
        self._shown = ("result", result)
        self._render_result(result)
        self.sound.play(STATE_OF_KIND[result.kind])
        self._update_buttons()
        if self.kiosk_on:
            self._idle_timer.start()

    def _render_result(self, result: CheckinResult) -> None:
        self.panel.show_result(result, self.tr("Unknown code"), self.tr("Scanned: {text}"))
        if result.kind is Kind.NOT_INVITED:
            if self.kiosk_on:
                self.panel.message.setText(self.tr("Not on the invitation list: please see the desk staff."))
            else:
                title = self.workshop.currentData(Qt.ItemDataRole.ToolTipRole) or ""
                self.panel.message.setText(self.tr("Not on the invitation list of «{workshop}»: not checked in.")
                                           .format(workshop=title))
                self.panel.action.setText(self.tr("Check in anyway and add to the list (F2)"))
                self.panel.action.show()

    def show_idle(self) -> None:
        self._shown = ("idle",)
        if not self.workshop_id():
            self._show_no_workshop()
        elif self.kiosk_on:
            self.panel.show_idle(self.tr("Show your badge's QR code to the scanner"),
                                 self.tr("Welcome! Scan your badge to check in."))
        else:
            self.panel.show_idle(self.tr("Ready to scan"),
                                 self.tr("Scan a badge, or search a name below. Walk-ins: Register a walk-in."))

    def _show_no_workshop(self) -> None:
        """A new field laptop gets its workshops from the office kit; the office adds them itself."""
        if self.ctx.store.role == DeviceRole.OFFICE.value:
            self.panel.show_idle(self.tr("No workshop yet"), self.tr("Add a workshop on the Workshops page first."))
            return
        self.panel.show_idle(
            self.tr("No workshop on this laptop yet"),
            self.tr("Import the office kit (the file the office gives you, e.g. on a USB stick): it brings the "
                    "workshop and its invitation list. Exchange page → Import."),
        )
        self.panel.action.setText(self.tr("Import the office kit…"))
        self.panel.action.show()

    def undo_last(self) -> None:
        target = self.undo_target
        if target is None:
            return
        try:
            outcome = undo_checkin(self.ctx.store, target)
        except UserError as exc:
            self.panel.show_error(self.tr("Not undone"), exc.message(current_language()))
            self._shown = ("error",)
            return
        self.undo_target = None
        if self.badge_person and self.badge_person[0] == target.person_id and target.person_created and outcome.done:
            self.badge_person = None
        self._shown = ("note", outcome)
        self.panel.show_note(outcome.message(current_language()))
        self._update_buttons()

    # --- walk-ins and badges ----------------------------------------------------------------------------------------

    def open_walkin(self) -> WalkinDialog | None:
        """Open the walk-in form (window-modal, not blocking); a registration is shown like a scan."""
        wid = self.workshop_id()
        if not wid:
            return None
        workshop = get_workshop(self.ctx.store, wid) or {}
        dialog = WalkinDialog(
            self.ctx.store,
            wid,
            desk=self.desk(),
            workshop_title=workshop.get("title") or "",
            district_code=workshop.get("district_code"),
            parent=self,
        )
        dialog.session_id = self.session_id()
        dialog.finished.connect(lambda code, d=dialog: self._walkin_done(d, code))
        dialog.open()
        return dialog

    def _walkin_done(self, dialog: WalkinDialog, code: int) -> None:
        if code and dialog.result is not None:
            self.show_result(dialog.result)
            if dialog.result.person_created and self.badge_button.isEnabled():
                self.badge_button.setFocus()
        dialog.deleteLater()

    def print_badge(self) -> None:
        """Print the person's badge straight to the desk's printer (``checkin_badge.BadgeDesk``)."""
        wid = self.workshop_id()
        if self.badge_person is None or not wid:
            return
        pid, name = self.badge_person
        self.badges.print(wid, pid, name)

    def _badge_said(self, text: str, ok: bool) -> None:
        self.badge_note.setText(text)
        self.badge_note.setStyleSheet("color: #1b7a34;" if ok else "color: #c62828; font-weight: bold;")
        self.badge_note.setVisible(not self.kiosk_on)

    # --- state ------------------------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_workshop = bool(self.workshop_id())
        self.walkin_button.setEnabled(has_workshop)
        self.paper_button.setEnabled(has_workshop)
        self.kiosk_button.setEnabled(has_workshop)
        self.search.setEnabled(has_workshop)
        self.undo_button.setEnabled(self.undo_target is not None)
        self.undo_button.setToolTip(
            self.tr("Undo the check-in of {name}").format(name=self.undo_target.name) if self.undo_target else ""
        )
        if self._badge is None:
            self._badge = badge_renderer() or False
        can_print = bool(self._badge)
        self.badge_button.setEnabled(can_print and self.badge_person is not None)
        if not can_print:
            self.badge_button.setToolTip(self.tr("Badge printing is not available in this version yet"))
        elif self.badge_person:
            self.badge_button.setToolTip(self.tr("Print the badge of {name}").format(name=self.badge_person[1]))
        else:
            self.badge_button.setToolTip("")

    def _sound_toggled(self, on: bool) -> None:
        self.sound.enabled = on
        self.ctx.settings.set(S.CHECKIN_SOUND, on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.wedge.start()
        self.card_reader.start()
        if self._needs_refresh and self.loaded:
            self.refresh_live()

    def hideEvent(self, event: QEvent) -> None:
        self.wedge.stop()
        self.card_reader.stop()
        if self.camera.running and not self.window().isMinimized():
            self.camera_button.setChecked(False)
        super().hideEvent(event)

    def _language_changed(self, _lang: str) -> None:
        for model in (self.results_model, self.recent_model, self.by_type_model, self.by_district_model):
            model.refresh_labels()

    def retranslate(self) -> None:
        self.sound_action.setText(self.tr("Sound for each result"))
        self.pin_action.setText(self.tr("Set the kiosk PIN…"))
        self.door_action.setText(self.tr("Open on this screen when the program starts"))
        self.printer_action.setText(self.tr("Badge printer and paper…"))
        self.count_tabs.setTabText(0, self.tr("By participant type"))
        self.count_tabs.setTabText(1, self.tr("By district"))
        self._update_camera_texts()
        self._update_buttons()
        self._show_search_hint()
        self._show_totals()
        kind = self._shown[0]
        if kind == "idle":
            self.show_idle()
        elif kind == "result":
            self._render_result(self._shown[1])
        elif kind == "note":
            self.panel.show_note(self._shown[1].message(current_language()))
