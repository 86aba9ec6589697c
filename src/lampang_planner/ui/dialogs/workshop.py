"""Add or edit a workshop."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.ops.workshops import add_workshop, clean_workshop, get_workshop, update_workshop
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.widgets.divisions import DivisionCombos
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit


class WorkshopDialog(FormDialog):
    """``WorkshopDialog(store)`` adds a workshop; ``WorkshopDialog(store, workshop_id=...)`` edits one."""

    def __init__(self, store: Store, workshop_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="WorkshopDialog", store=store)
        self.workshop_id = workshop_id

        self.title = QLineEdit()
        self.start_date = ThaiDateEdit()
        self.end_date = ThaiDateEdit()
        self.places = DivisionCombos(self)
        self.venue = QLineEdit()
        self.topics = QPlainTextEdit()
        self.topics.setFixedHeight(100)
        self.facilitators = QPlainTextEdit()
        self.facilitators.setFixedHeight(70)
        self.retention = QSpinBox()
        self.retention.setRange(0, 36500)
        self.retention.setSingleStep(30)
        self.field("title", self.title, lambda: self.tr("Title"), required=True)
        self.field("start_date", self.start_date, lambda: self.tr("Starts"), required=True)
        self.field("end_date", self.end_date, lambda: self.tr("Ends"))
        self.field("district_code", self.places.district, lambda: self.tr("District"), required=True)
        self.field("subdistrict_code", self.places.tambon, lambda: self.tr("Tambon"))
        self.field("venue", self.venue, lambda: self.tr("Venue"))
        self.field("topics", self.topics, lambda: self.tr("Sessions and topics"))
        self.field("facilitators", self.facilitators, lambda: self.tr("Facilitators"))
        self.field("retention_days", self.retention, lambda: self.tr("Keep personal data for"))
        self.resize(620, 0)
        if workshop_id:
            self._load(workshop_id)
        self.retranslate()

    def _load(self, workshop_id: str) -> None:
        w = get_workshop(self.store, workshop_id)
        if w is None:
            raise KeyError(workshop_id)
        self.title.setText(w["title"] or "")
        self.start_date.set_date(w["start_date"])
        self.end_date.set_date(w["end_date"])
        self.places.set_codes(w["district_code"], w["subdistrict_code"])
        self.venue.setText(w["venue"] or "")
        self.topics.setPlainText(w["topics"] or "")
        self.facilitators.setPlainText(w["facilitators"] or "")
        self.retention.setValue(int(w["retention_days"] or 0))

    def values(self) -> dict:
        fields: dict = {
            "title": self.title.text(),
            "district_code": self.places.district_code() or None,
            "subdistrict_code": self.places.tambon_code() or None,
            "venue": self.venue.text(),
            "topics": _lines(self.topics.toPlainText()),
            "facilitators": _lines(self.facilitators.toPlainText()),
            "retention_days": self.retention.value() or None,
        }
        for key, edit in (("start_date", self.start_date), ("end_date", self.end_date)):
            self.read_date(key, edit, "25/8/2559", into=fields)
        return fields

    def save(self) -> None:
        fields = self.values()
        self.save_record(
            self.workshop_id,
            check=lambda: clean_workshop(fields, partial=bool(self.workshop_id)),
            update=lambda: update_workshop(self.store, self.workshop_id, fields),
            add=lambda: add_workshop(self.store, fields),
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit workshop") if self.workshop_id else self.tr("Add a workshop"))
        self.topics.setPlaceholderText(self.tr("One session or topic per line"))
        self.facilitators.setPlaceholderText(self.tr("One name per line"))
        self.end_date.setToolTip(self.tr("Leave empty for a one-day workshop"))
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setSpecialValueText(self.tr("no limit set"))
        super().retranslate()


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
