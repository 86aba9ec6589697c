"""The session the door is checking in to: the current one by the clock (``core.ops.sessions.current_session``),
followed every half minute, until someone picks another by hand; choosing the clock's own session again (or another
workshop) goes back to following the clock."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.sessions import Session, current_session, list_sessions
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.steady_combo import SteadyComboBox

FOLLOW_MS = 30_000


class SessionPicker(SteadyComboBox):
    """Steady like the workshop chooser: a scan or a stray wheel never switches the session."""

    session_changed = Signal(str)  # the session id ("" when there is none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinSession")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.store: Store | None = None
        self.workshop_id: str | None = None
        self.pinned = False  # picked by hand: stop following the clock
        self.sessions: list[Session] = []
        self._timer = QTimer(self)
        self._timer.setInterval(FOLLOW_MS)
        self._timer.timeout.connect(self.follow_clock)  # ticks only while the picker is shown
        self.activated.connect(self._picked)

    def session_id(self) -> str | None:
        return self.currentData() or None

    def set_workshop(self, store: Store, workshop_id: str | None) -> None:
        """A new workshop: list its sessions and follow the clock again."""
        changed = workshop_id != self.workshop_id
        self.store, self.workshop_id = store, workshop_id
        if changed:
            self.pinned = False
        self.reload()

    def reload(self) -> None:
        """Sessions may have been added, edited or merged in: list them again, keeping the choice."""
        keep = self.session_id()
        self.blockSignals(True)
        self.clear()
        self.sessions = []
        if self.store is not None and self.workshop_id:
            try:
                self.sessions = list_sessions(self.store, self.workshop_id)
            except UserError:
                self.sessions = []
        lang = current_language()
        for s in self.sessions:
            self.addItem(s.describe(lang), s.id)
        self.setEnabled(bool(self.sessions))
        index = self.findData(keep) if keep and self.pinned else -1
        self.setCurrentIndex(index if index >= 0 else self._clock_index())
        self.blockSignals(False)
        if self.session_id() != keep:
            self.session_changed.emit(self.session_id() or "")
        self._tip()

    def _clock_index(self) -> int:
        if not self.sessions or self.store is None or not self.workshop_id:
            return -1
        try:
            now = current_session(self.store, self.workshop_id).id
        except UserError:
            return 0
        return max(0, self.findData(now))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()
        self.follow_clock()  # back on screen after a while: the session now, not the one of when it was hidden

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def follow_clock(self) -> None:
        if self.pinned or not self.sessions or self.store is None or self.store.closed:
            return
        index = self._clock_index()
        if index != self.currentIndex():
            self.setCurrentIndex(index)
            self.session_changed.emit(self.session_id() or "")
        self._tip()

    def _picked(self, index: int) -> None:
        self.pinned = index != self._clock_index()
        self.session_changed.emit(self.session_id() or "")
        self._tip()

    def _tip(self) -> None:
        if self.pinned:
            self.setToolTip(self.tr("Chosen by hand (the clock would pick another session)"))
        else:
            self.setToolTip(self.tr("Follows the clock: the session now"))
