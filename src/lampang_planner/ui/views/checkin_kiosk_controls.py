"""The check-in page's kiosk mode: set the PIN, enter, leave with the PIN, what stays visible (a part of
``CheckinPage``)."""

from __future__ import annotations

from collections.abc import Callable

from lampang_planner.ui.views.checkin_kiosk import PinDialog, kiosk_pin_ok, save_kiosk_pin, stored_kiosk_pin


class KioskControls:
    """Mixed into ``CheckinPage``: uses the page's widgets (``checkin_layout``)."""

    def set_kiosk_pin(self) -> PinDialog:
        dialog = PinDialog("set", parent=self)
        dialog.finished.connect(lambda code, d=dialog: self._pin_set(d, code))
        dialog.open()
        return dialog

    def _pin_set(self, dialog: PinDialog, code: int, then: Callable[[], None] | None = None) -> None:
        if code and dialog.pin:
            save_kiosk_pin(self.ctx.settings, dialog.pin)
            if then is not None:
                then()
        dialog.deleteLater()

    def enter_kiosk(self) -> PinDialog | None:
        """Kiosk mode; asks for a new PIN first when none is set (returns that dialog)."""
        if not self.workshop_id():
            return None
        if not stored_kiosk_pin(self.ctx.settings):
            dialog = PinDialog("set", parent=self)
            dialog.finished.connect(lambda code, d=dialog: self._pin_set(d, code, then=self._kiosk_on))
            dialog.open()
            return dialog
        self._kiosk_on()
        return None

    def _kiosk_on(self) -> None:
        self.kiosk_on = True
        self.kiosk.enter()
        self._apply_kiosk()
        self.show_idle()
        self._rest_focus()

    def ask_leave_kiosk(self) -> PinDialog:
        dialog = PinDialog("ask", verify=lambda pin: kiosk_pin_ok(self.ctx.settings, pin), parent=self)
        dialog.finished.connect(lambda code, d=dialog: self._leave_answer(d, code))
        dialog.open()
        return dialog

    def _leave_answer(self, dialog: PinDialog, code: int) -> None:
        if code:
            self.leave_kiosk()
        dialog.deleteLater()

    def leave_kiosk(self) -> None:
        self.kiosk_on = False
        self._idle_timer.stop()
        self.kiosk.leave()
        self._apply_kiosk()
        self.show_idle()
        self._rest_focus()

    def _apply_kiosk(self) -> None:
        on = self.kiosk_on
        # admin and names of others hidden; the counts (no names) stay
        for w in (
            self.workshop,
            self.desk_label,
            self.desk_edit,
            self.options,
            self.kiosk_button,
            self.undo_button,
            self.session_picker,
            self.paper_button,
            self.walkin_button,
            self.badge_button,
            self.search,
            self.results,
            self.search_hint,
            self.recent_label,
            self.recent,
            self.heading,
            self.card_reader.allowances,
        ):
            w.setVisible(not on)
        self.camera_note.setVisible(not on and bool(self.camera_note.text()))
        self.camera_button.setVisible(not on or self.camera_button.isEnabled())
        self.workshop_title.setVisible(on)
        self.leave_kiosk_button.setVisible(on)
        self.panel.set_large(on)
