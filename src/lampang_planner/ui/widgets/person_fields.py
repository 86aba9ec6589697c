"""Fields the person forms share (add/edit a person, register a walk-in): the name prefix and the participant type."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from lampang_planner.core.thai.names import COMMON_PREFIXES
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.build import refill


def prefix_combo(first: tuple[str, ...] = ()) -> QComboBox:
    """An editable drop-down of the common name prefixes, blank at the top; ``first`` come first, then a separator."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("")
    if first:
        combo.addItems(list(first))
        combo.insertSeparator(combo.count())
    combo.addItems([p for p in COMMON_PREFIXES if p not in first])
    combo.setMaxVisibleItems(15)
    return combo


def set_prefix_hint(combo: QComboBox, hint: str) -> None:
    """The prefix box's hint ("เช่น นาย นาง นางสาว ดร. หรือยศ"), with the box made wide enough to show it whole (it
    was cut to "เช่น นาย นาง นางส…": the box is as wide as its longest prefix)."""
    combo.lineEdit().setPlaceholderText(hint)
    per_char = combo.fontMetrics().horizontalAdvance("X")
    combo.setMinimumContentsLength(-(-combo.fontMetrics().horizontalAdvance(hint) // per_char) + 1)


def person_values(form: Any) -> dict:
    """What a person form's shared fields hold, as the core takes them (it validates and normalises): ``form`` has
    ``prefix`` (:func:`prefix_combo`), ``first_name``, ``last_name``, ``organisation``, ``phone`` (line edits),
    ``participant_type`` (:func:`fill_participant_types`) and ``places`` (``DivisionCombos``)."""
    return {
        "prefix": form.prefix.currentText(),
        "first_name": form.first_name.text(),
        "last_name": form.last_name.text(),
        "organisation": form.organisation.text(),
        "participant_type": form.participant_type.currentData(),
        "district_code": form.places.district_code() or None,
        "subdistrict_code": form.places.tambon_code() or None,
        "phone": form.phone.text(),
    }


def fill_participant_types(combo: QComboBox) -> None:
    """The participant types in the current language, the one chosen kept (quietly: no change signals)."""
    lang = current_language()
    refill(combo, [(p.label(lang), p.value) for p in ParticipantType])


def choose_participant_type(combo: QComboBox, value: str = ParticipantType.NETWORK_MEMBER.value) -> None:
    """Choose type ``value`` (by default a network member, the usual answer) in a :func:`fill_participant_types`."""
    combo.setCurrentIndex(combo.findData(value))
