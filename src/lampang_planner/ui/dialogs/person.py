"""Add or edit a person."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import clean_person, get_person, register_person, update_person
from lampang_planner.core.thai.citizen_id import format_citizen_id, normalise_citizen_id
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.widgets.divisions import DivisionCombos
from lampang_planner.ui.widgets.person_fields import (
    choose_participant_type,
    fill_participant_types,
    person_values,
    prefix_combo,
    set_prefix_hint,
)
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit


class PersonDialog(FormDialog):
    """``PersonDialog(store)`` adds a person (invited to ``workshop_id`` when given);
    ``PersonDialog(store, person_id=...)`` edits one. After ``exec()``, ``saved_id`` is the person's id."""

    def __init__(
        self,
        store: Store,
        person_id: str | None = None,
        *,
        workshop_id: str | None = None,
        workshop_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, name="PersonDialog", store=store)
        self.person_id = person_id
        self.workshop_id = workshop_id
        self.workshop_title = workshop_title
        self._build_fields()
        if workshop_id and not person_id:
            self.invite.setObjectName("invite")
            self.invite.setChecked(True)
            self.add_field("invite", self.invite)
        self.consent.toggled.connect(self._consent_toggled)
        self.resize(560, 0)

        fill_participant_types(self.participant_type)
        if person_id:
            self._load(person_id)
        else:
            choose_participant_type(self.participant_type)
        self._consent_toggled(self.consent.isChecked())
        self.retranslate()

    def _build_fields(self) -> None:
        self.prefix = prefix_combo()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.organisation = QLineEdit()
        self.position = QLineEdit()
        self.participant_type = QComboBox()
        self.places = DivisionCombos(self)
        self.phone = QLineEdit()
        self.citizen_id = QLineEdit()
        self.citizen_id.setMaxLength(20)
        self.consent = QCheckBox()
        self.consent_date = ThaiDateEdit()
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.invite = QCheckBox()
        self.field("prefix", self.prefix, lambda: self.tr("Prefix"))
        self.field("first_name", self.first_name, lambda: self.tr("First name"), required=True)
        self.field("last_name", self.last_name, lambda: self.tr("Last name"))
        self.field("organisation", self.organisation, lambda: self.tr("Organisation"))
        self.field("position", self.position, lambda: self.tr("Position"))
        self.field("participant_type", self.participant_type, lambda: self.tr("Participant type"))
        self.field("district_code", self.places.district, lambda: self.tr("District"))
        self.field("subdistrict_code", self.places.tambon, lambda: self.tr("Tambon"))
        self.field("phone", self.phone, lambda: self.tr("Phone"))
        self.field("citizen_id", self.citizen_id, lambda: self.tr("Citizen ID"))
        self.field("consent", self.consent, lambda: self.tr("PDPA consent"))
        self.field("consent_date", self.consent_date, lambda: self.tr("Consent date"))
        self.field("note", self.note, lambda: self.tr("Note"))

    def _load(self, person_id: str) -> None:
        p = get_person(self.store, person_id)
        if p is None:
            raise KeyError(person_id)
        self.prefix.setCurrentText(p["prefix"] or "")
        self.first_name.setText(p["first_name"] or "")
        self.last_name.setText(p["last_name"] or "")
        self.organisation.setText(p["organisation"] or "")
        self.position.setText(p["position"] or "")
        self.participant_type.setCurrentIndex(max(0, self.participant_type.findData(p["participant_type"] or "other")))
        self.places.set_codes(p["district_code"], p["subdistrict_code"])
        self.phone.setText(p["phone"] or "")
        cid = p["citizen_id"] or ""
        try:
            self.citizen_id.setText(format_citizen_id(cid) if cid else "")
        except ValueError:
            self.citizen_id.setText(cid)
        self._consent_before = None if p["consent"] is None else bool(p["consent"])
        self.consent.setChecked(bool(p["consent"]))
        self.consent_date.set_date(p["consent_date"])
        self.note.setPlainText(p["note"] or "")

    def _refused(self) -> bool:
        """Unticked when adding someone (the dialog asks, so that is their answer), or on someone who had answered (a
        refusal, or consent being withdrawn now). Unticked on someone never asked (an office roster) stays "not
        asked", and keeps their phone and citizen ID."""
        if self.consent.isChecked():
            return False
        return self.person_id is None or getattr(self, "_consent_before", None) is not None

    def _consent_toggled(self, on: bool) -> None:
        refused = self._refused()
        for w in (self.phone, self.citizen_id, self.note):  # core.privacy.fields.CONSENT_ONLY_FIELDS
            w.setEnabled(not refused)
            w.setToolTip(self.tr("Kept only with the person's consent (PDPA)") if refused else "")
        self.consent_date.setEnabled(on)
        if on and not self.consent_date.text().strip():
            self.consent_date.set_date(today_lampang())

    def values(self) -> dict:
        """The fields as the core takes them (the core validates and normalises)."""
        fields = person_values(self) | {
            "position": self.position.text(),
            "citizen_id": normalise_citizen_id(self.citizen_id.text()),
            "note": self.note.toPlainText(),
        }
        if self.consent.isChecked() or self._refused():
            fields["consent"] = self.consent.isChecked()
        if self.consent.isChecked():
            self.read_date("consent_date", self.consent_date, "25/8/2559", into=fields)
        return fields

    def save(self) -> None:
        fields = self.values()
        invite_to = self.workshop_id if self.workshop_id and self.invite.isChecked() else None
        self.save_record(
            self.person_id,
            check=lambda: clean_person(fields, partial=bool(self.person_id)),
            update=lambda: update_person(self.store, self.person_id, fields),
            add=lambda: register_person(self.store, fields, self.consent.isChecked(), workshop_id=invite_to),
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit person") if self.person_id else self.tr("Add a person"))
        set_prefix_hint(self.prefix, self.tr("e.g. Mr, Mrs, Ms, Dr or a rank"))
        self.phone.setPlaceholderText(self.tr("e.g. 081-234-5678"))
        self.citizen_id.setPlaceholderText(self.tr("13 digits, optional"))
        self.consent.setText(self.tr("Agrees that the PAO keeps and uses these details for its workshops"))
        if "invite" in self._labels:
            self.set_label("invite", self.tr("Workshop"))
            self.invite.setText(self.tr("Invite to {title}").format(title=self.workshop_title))
        fill_participant_types(self.participant_type)
        super().retranslate()
