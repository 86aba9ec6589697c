"""Add or edit one session of a workshop: name, day, start and end (the core checks them)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.ops.sessions import add_session, clean_session, session_by_id, update_session
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit


class SessionDialog(FormDialog):
    """``SessionDialog(store, workshop_id)`` adds a session; with ``session_id=...`` it edits that one."""

    def __init__(self, store: Store, workshop_id: str, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="SessionDialog", store=store)
        self.workshop_id, self.session_id = workshop_id, session_id
        self.name = QLineEdit()
        self.name.setMaxLength(120)  # the core says when it is over 80
        self.day = ThaiDateEdit()
        self.starts = QLineEdit()
        self.ends = QLineEdit()
        for w in (self.starts, self.ends):
            w.setMaxLength(5)
            w.setPlaceholderText("09:00")
        for key, w in (("name", self.name), ("day", self.day), ("starts", self.starts), ("ends", self.ends)):
            w.setObjectName(f"session_{key}")
            self.add_field(key, w)
        self.resize(460, 0)
        if session_id:
            s = session_by_id(store.db, workshop_id, session_id)
            self.name.setText(s.name)
            self.day.set_date(s.day)
            self.starts.setText(s.starts)
            self.ends.setText(s.ends)
        self.retranslate()

    def values(self) -> dict:
        fields: dict = {"name": self.name.text(), "starts": self.starts.text(), "ends": self.ends.text()}
        self.read_date("day", self.day, "8/12/2569", into=fields)
        return fields

    def save(self) -> None:
        fields = self.values()
        self.save_record(
            self.session_id,
            check=lambda: clean_session(self.store.db, self.workshop_id, fields),
            update=lambda: update_session(self.store, self.workshop_id, self.session_id, fields),
            add=lambda: add_session(self.store, self.workshop_id, fields),
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit session") if self.session_id else self.tr("Add a session"))
        self.set_label("name", self.tr("Name"))
        self.set_label("day", self.tr("Day"))
        self.set_label("starts", self.tr("Starts at"))
        self.set_label("ends", self.tr("Ends at"))
        self.name.setPlaceholderText(self.tr("e.g. ภาคเช้า (empty: Session 1, 2, …)"))
        self.day.setToolTip(self.tr("Leave empty: every day of the workshop"))
        super().retranslate()
