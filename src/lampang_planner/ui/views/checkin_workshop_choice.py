"""The check-in page's workshop chooser, its session and its desk name (a part of ``CheckinPage``). Its strings are
translated in the ``CheckinPage`` context (the class they were written in; the Thai catalogue keeps them there)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import set_desk
from lampang_planner.core.ops.workshops import workshop_choices
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.ui import settings as S
from lampang_planner.ui.dialogs.paper_keyin import PaperKeyInDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.workshops import date_text


class WorkshopChoice:
    """Mixed into ``CheckinPage``: uses the page's widgets (``checkin_layout``)."""

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def _fill_workshops(self) -> None:
        keep = self.workshop_id() or self.ctx.settings.get(S.LAST_WORKSHOP)
        choices = workshop_choices(self.ctx.store)
        self.workshop.blockSignals(True)
        self.workshop.clear()
        for wid, title, start, end in choices:
            self.workshop.addItem(f"{date_text(start, end)} · {title}", wid)
            self.workshop.setItemData(self.workshop.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        index = self.workshop.findData(keep) if keep else -1
        if index < 0 and choices:
            index = self._default_index(choices)
        self.workshop.setCurrentIndex(index)
        self.workshop.blockSignals(False)
        self._after_workshop_change()

    @staticmethod
    def _default_index(choices: list) -> int:
        """Today's workshop, else the next one, else the latest."""
        today = today_lampang()
        for i, (_wid, _title, start, end) in enumerate(choices):
            if start and start <= today <= (end or start):
                return i
        for i, (_wid, _title, start, _end) in enumerate(choices):
            if start and start >= today:
                return i
        return len(choices) - 1

    def _select_workshop(self, wid: str) -> None:
        index = self.workshop.findData(wid)
        if index >= 0 and index != self.workshop.currentIndex():
            self.workshop.setCurrentIndex(index)  # → _workshop_changed

    def _workshop_changed(self, _index: int) -> None:
        wid = self.workshop_id()
        if wid:
            self.ctx.settings.set(S.LAST_WORKSHOP, wid)
        self._after_workshop_change()
        self.refresh_live()
        self.show_idle()
        QTimer.singleShot(0, self._rest_focus)  # typing and scans go back where they belong, not to the chooser

    def _after_workshop_change(self) -> None:
        self.workshop_title.setText(self.workshop.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        wid = self.workshop_id()
        self.session_picker.set_workshop(self.ctx.store, wid)
        if wid != self._current_wid:  # not when the list was only refilled (a workshop added elsewhere)
            self._current_wid = wid
            if self.last_result is not None and self.last_result.workshop_id != wid:
                self.undo_target = None  # Undo and Print badge act on this workshop's last check-in only
                self.badge_person = None
            self.search.clear()
            self.results_model.set_rows([])
            self.camera.forget_seen()
        self.card_reader.sync_workshop()
        self._update_buttons()

    # --- the session ------------------------------------------------------------------------------------------------

    def session_id(self) -> str | None:
        """The session check-ins go to: the picker's (the current one by the clock unless switched by hand)."""
        return self.session_picker.session_id()

    def _session_changed(self, _sid: str) -> None:
        self.refresh_live()

    def open_paper_keyin(self) -> PaperKeyInDialog | None:
        """Key in this session's attendance from the paper sheet (window-modal, not blocking)."""
        wid, sid = self.workshop_id(), self.session_id()
        if not wid or not sid:
            return None
        dialog = PaperKeyInDialog(self.ctx.store, wid, sid, self.ctx.store.operator or "", parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # --- the desk ---------------------------------------------------------------------------------------------------

    def desk(self) -> str:
        """This desk's name: the window setting, else the data folder's desk, else "1"."""
        return (self.ctx.settings.get(S.DESK_NAME) or self.ctx.store.desk or "1").strip() or "1"

    def _desk_edited(self) -> None:
        text = self.desk_edit.text()
        if " ".join(text.split()) == self.desk():
            self.desk_edit.setText(self.desk())
            return
        try:
            name = set_desk(self.ctx.store, text)
        except UserError as exc:
            self.desk_edit.setText(self.desk())
            self.panel.show_error(
                QCoreApplication.translate("CheckinPage", "The desk name was not changed"),
                exc.message(current_language()),
            )
            self._shown = ("error",)
            return
        self.ctx.settings.reset(S.DESK_NAME)  # the data folder's desk (the command line's too) is the one name
        self.desk_edit.setText(name)
        refresh = getattr(self.window(), "retranslate", None)  # the status bar names the desk
        if callable(refresh) and self.window() is not self:
            refresh()
