"""The quorum of a workshop now, shown before every vote: present (checked in), registered, required, met or not."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.resolutions import Quorum, quorum
from lampang_planner.ui.i18n import current_language

MET_STYLE = ("QLabel { color: #14532d; background: #e3f3e6; border: 1px solid #9fd3aa; border-radius: 4px;"
             " padding: 6px 10px; }")
NOT_MET_STYLE = ("QLabel { color: #7f1d1d; background: #fbe4e2; border: 1px solid #eba8a2; border-radius: 4px;"
                 " padding: 6px 10px; }")
NONE_STYLE = "QLabel { color: #4a4a4a; background: #f2f4f7; border-radius: 4px; padding: 6px 10px; }"

# Tables whose changes can move the quorum: check-ins, invitations (the registered), people (merged or removed).
QUORUM_TABLES = frozenset({"attendance", "invitation", "person", "workshop", "session"})


class QuorumBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.store: Store | None = None
        self.workshop_id: str | None = None
        self.quorum: Quorum | None = None
        self._render()

    def set_workshop(self, store: Store, workshop_id: str | None) -> None:
        self.store, self.workshop_id = store, workshop_id
        self.refresh()

    def refresh(self) -> Quorum | None:
        """Recount from the people checked in now."""
        self.quorum = None
        if self.store is not None and self.workshop_id:
            try:
                self.quorum = quorum(self.store, self.workshop_id)
            except UserError:
                self.quorum = None
        self._render()
        return self.quorum

    def _render(self) -> None:
        q = self.quorum
        if q is None:
            self.setStyleSheet(NONE_STYLE)
            self.setText(self.tr("Choose the workshop where the vote is taken to see its quorum."))
            return
        rule = q.rule.describe(current_language())
        head = self.tr("Quorum met") if q.met else self.tr("No quorum")
        body = self.tr("{present} checked in now of {registered} registered; {required} needed ({rule}).").format(
            present=f"{q.present:,}", registered=f"{q.registered:,}", required=f"{q.required:,}", rule=rule)
        self.setText(f"<b>{head}</b> — {body}")
        self.setStyleSheet(MET_STYLE if q.met else NOT_MET_STYLE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
