"""A date field that reads and shows Buddhist-era dates ("25/8/2559", "25 ส.ค. 2559", "2016-08-25")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from lampang_planner.core.thai.dates import format_date_th, parse_date_th
from lampang_planner.ui.i18n import Retranslating, translate


class ThaiDateEdit(Retranslating, QLineEdit):
    """Qt's date widgets only know Gregorian years; this one takes what Thai users type and shows พ.ศ."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)
        self.textChanged.connect(lambda _t: self.date_changed.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(translate("ThaiDateEdit", "e.g. 25/8/2559 or 25 Aug 2559"))
        self.setToolTip(translate("ThaiDateEdit", "Day/month/year in the Buddhist era (2559) or the Common era (2016)"))

    def date(self) -> dt.date | None:
        """The date typed, None when empty; raises ValueError when the text is not a date."""
        text = self.text().strip()
        return parse_date_th(_english_months(text)) if text else None

    def set_date(self, value: dt.date | str | None) -> None:
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value[:10])
        self.setText(format_date_th(value, "short") if value else "")

    def _tidy(self) -> None:
        try:
            d = self.date()
        except ValueError:
            return
        if d is not None:
            self.setText(format_date_th(d, "short"))


_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _english_months(text: str) -> str:
    """"25 Aug 2559" → "25/8/2559" so the Thai parser reads English month names too."""
    parts = text.replace(",", " ").split()
    if len(parts) == 3 and parts[1][:3].lower() in _EN_MONTHS and parts[0].isdigit():
        return f"{parts[0]}/{_EN_MONTHS.index(parts[1][:3].lower()) + 1}/{parts[2]}"
    return text
