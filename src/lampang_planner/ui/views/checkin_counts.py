"""The check-in page's live counts: checked in / invited, by type and district, the latest check-ins, refreshed when
the data changes (a part of ``CheckinPage``). Its strings are translated in the ``CheckinPage`` context (the class
they were written in; the Thai catalogue keeps them there)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import latest_checkins, live_counts
from lampang_planner.core.sync.apply import ApplyResult

_WATCHED = frozenset({"invitation", "attendance", "person", "workshop", "session"})


class DeskCounts:
    """Mixed into ``CheckinPage``: uses the page's widgets (``checkin_layout``)."""

    def _data_changed(self, result: ApplyResult) -> None:
        changed = set(result.changed)
        if "session" in changed and self.loaded:
            self.session_picker.reload()
        if "workshop" in changed and self.loaded:
            self._fill_workshops()
        if changed & _WATCHED:
            self._needs_refresh = True
            if self.isVisible():
                self._refresh_timer.start()

    def refresh_live(self) -> None:
        """Counts and the latest check-ins of the chosen workshop, from the core."""
        self._needs_refresh = False
        wid = self.workshop_id()
        if not wid:
            self.by_type_model.set_rows([])
            self.by_district_model.set_rows([])
            self.recent_model.set_rows([])
            self._counts = None
            self._show_totals()
            return
        try:
            counts = live_counts(self.ctx.store, wid, self.session_id())
        except UserError:  # the workshop was removed meanwhile
            self._fill_workshops()
            return
        self._counts = counts
        self.by_type_model.set_rows(counts.by_type)
        self.by_district_model.set_rows(counts.by_district)
        self.recent_model.set_rows(latest_checkins(self.ctx.store, wid, limit=30, session_id=self.session_id()))
        self._show_totals()
        if self.search.text().strip():
            self.run_search()

    def _show_totals(self) -> None:
        counts = self._counts
        if counts is None:
            self.totals.setText("")
            return
        self.totals.setText(
            f"<span style='font-size:30pt; font-weight:bold;'>{counts.checked_in:,}</span>"
            f"<span style='font-size:16pt; color:#5f6b73;'> / {counts.invited:,}</span><br>"
            + QCoreApplication.translate("CheckinPage", "checked in / invited")
        )
