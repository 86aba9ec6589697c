"""Small forms of the resolutions page: a resolution, a clause, an amendment, the adopted text of a clause, and the
adoption of the whole resolution. Each saves through one ``core.ops.resolutions`` function."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTextBrowser, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.ops.resolutions import (
    YEAR_RANGE,
    add_clause,
    add_resolution,
    adopt_clause_text,
    adopt_resolution,
    consolidated_text,
    edit_clause_text,
    get_resolution,
    list_clauses,
    propose_amendment,
    update_resolution,
    voters,
)
from lampang_planner.core.thai.dates import be_year, today_lampang
from lampang_planner.ui.dialogs.form import NOT_A_DATE, FormDialog
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit

NOTE_STYLE = "QLabel { background: #f2f4f7; border-radius: 4px; padding: 6px; }"


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _text_edit(height: int = 110) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class ResolutionDialog(FormDialog):
    """Add a draft resolution, or edit its title, year and preamble."""

    def __init__(self, store: Store, resolution_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="ResolutionDialog", store=store)
        self.resolution_id = resolution_id
        self.title = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(YEAR_RANGE[0] - 1, YEAR_RANGE[1])
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(be_year(today_lampang()))
        self.preamble = _text_edit(90)
        self.field("title", self.title, lambda: self.tr("Title"), required=True)
        self.field("year_be", self.year, lambda: self.tr("Year (BE)"))
        self.field("preamble", self.preamble, lambda: self.tr("Preamble"))
        if resolution_id:
            r = get_resolution(store, resolution_id)
            if r is None:
                raise KeyError(resolution_id)
            self.title.setText(r.title)
            self.year.setValue(r.year_be or YEAR_RANGE[0] - 1)
            self.preamble.setPlainText(r.preamble)
        self.resize(620, 0)
        self.retranslate()

    def save(self) -> None:
        y = self.year.value()
        fields = {"title": self.title.text(), "year_be": y if y >= YEAR_RANGE[0] else None,
                  "preamble": self.preamble.toPlainText()}
        self.save_record(self.resolution_id, update=lambda: update_resolution(self.store, self.resolution_id, fields),
                         add=lambda: add_resolution(self.store, fields))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit the draft resolution") if self.resolution_id
                            else self.tr("New draft resolution"))
        self.year.setSpecialValueText(self.tr("(none)"))
        super().retranslate()


class ClauseDialog(FormDialog):
    """Add a clause, or change a clause's working text (kept as a new version)."""

    def __init__(self, store: Store, resolution_id: str, clause_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="ClauseDialog", store=store)
        self.resolution_id = resolution_id
        self.clause_id = clause_id
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.text = _text_edit()
        self.field("number", self.number, lambda: self.tr("Number"))
        self.field("text", self.text, lambda: self.tr("Text"), required=True)
        if clause_id:
            c = next((c for c in list_clauses(store, resolution_id) if c.id == clause_id), None)
            if c is None:
                raise KeyError(clause_id)
            self.number.setValue(c.number or 0)
            self.number.setEnabled(False)
            self.text.setPlainText(c.text)
        self.resize(640, 0)
        self.retranslate()
        self.text.setFocus()

    def save(self) -> None:
        text = self.text.toPlainText()
        self.save_record(self.clause_id, update=lambda: edit_clause_text(self.store, self.clause_id, text, source="office"),
                         add=lambda: add_clause(self.store, self.resolution_id, text, self.number.value() or None))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the clause text") if self.clause_id else self.tr("Add a clause"))
        self.number.setSpecialValueText(self.tr("after the last"))
        if self.clause_id:
            self.text.setToolTip(self.tr("The earlier text is kept as a version"))
        super().retranslate()


class AmendmentDialog(FormDialog):
    """An amendment moved at a workshop: mover, seconder (names of people checked in complete as you type) and the
    text proposed for the clause (it starts as the clause's text, to be edited)."""

    def __init__(self, store: Store, clause_id: str, clause_number: int | None, clause_text: str, workshop_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="AmendmentDialog", store=store)
        self.clause_id = clause_id
        self.clause_number = clause_number
        self.workshop_id = workshop_id
        self.clause = _note()
        self.clause.setText(clause_text)
        self.layout().insertWidget(1, self.clause)
        self.mover = QLineEdit()
        self.seconder = QLineEdit()
        self.text = _text_edit(120)
        self.text.setPlainText(clause_text)
        names = [v.name for v in voters(store, workshop_id)]
        for key, w in (("mover", self.mover), ("seconder", self.seconder), ("text", self.text)):
            w.setObjectName(key)
            self.add_field(key, w)
        for edit in (self.mover, self.seconder):
            completer = QCompleter(names, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        self.resize(640, 0)
        self.retranslate()
        self.mover.setFocus()

    def save(self) -> None:
        self.saved_id = propose_amendment(self.store, self.clause_id, self.workshop_id, self.mover.text(),
                                          self.seconder.text(), self.text.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Amendment to clause {n}").format(n=self.clause_number or ""))
        self.set_label("mover", self.tr("Moved by"), required=True)
        self.set_label("seconder", self.tr("Seconded by"), required=True)
        self.set_label("text", self.tr("Proposed text"), required=True)
        self.clause.setToolTip(self.tr("The clause as it stands"))
        super().retranslate()


class AdoptTextDialog(FormDialog):
    """The office writes the text it adopts for a clause (kept as a version from "office")."""

    def __init__(self, store: Store, clause_id: str, clause_number: int | None, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="AdoptTextDialog", store=store)
        self.clause_id = clause_id
        self.clause_number = clause_number
        self.text = _text_edit(140)
        self.text.setPlainText(text)
        self.text.setObjectName("text")
        self.add_field("text", self.text)
        self.resize(680, 0)
        self.retranslate()

    def save(self) -> None:
        adopt_clause_text(self.store, self.clause_id, self.text.toPlainText(), source="office")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Adopted text of clause {n}").format(n=self.clause_number or ""))
        self.set_label("text", self.tr("Adopted text"), required=True)
        super().retranslate()


class AdoptResolutionDialog(FormDialog):
    """Adopt the consolidated resolution on a date; the text is shown as it will be adopted."""

    def __init__(self, store: Store, resolution_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="AdoptResolutionDialog", store=store)
        self.resolution_id = resolution_id
        self.warning = _note()
        self.layout().insertWidget(1, self.warning)
        self.on = ThaiDateEdit()
        self.on.set_date(today_lampang())
        self.preview = QTextBrowser()
        self.preview.setMinimumHeight(220)
        self.on.setObjectName("on")
        self.add_field("on", self.on)
        self.add_field("text", None, extra=self.preview)
        lines = [f"{c.number}. {c.text}" for c in consolidated_text(store, resolution_id)]
        self.preview.setPlainText("\n\n".join(lines))
        self.resize(720, 0)
        self.retranslate()

    def save(self) -> None:
        on = self.read_date("on", self.on, "1/10/2559")
        if on is NOT_A_DATE:
            return
        adopt_resolution(self.store, self.resolution_id, on)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Adopt the resolution"))
        self.warning.setText(self.tr("Clauses without an adopted text take their working text. Once adopted, the "
                                     "resolution no longer changes; every version stays on record."))
        self.set_label("on", self.tr("Adopted on"), required=True)
        self.set_label("text", self.tr("Consolidated text"))
        super().retranslate()
