"""District → tambon combo boxes (the tambon list follows the district), names in the UI language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.ui.i18n import Retranslating, current_language, translate


class DivisionCombos(Retranslating, QWidget):
    """Not a layout item itself: owns ``district`` and ``tambon`` combos that the form places where it likes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()
        self.district = QComboBox(parent)
        self.tambon = QComboBox(parent)
        self.district.setObjectName("district")
        self.tambon.setObjectName("tambon")
        for combo in (self.district, self.tambon):
            combo.setMaxVisibleItems(20)
            combo.setMinimumContentsLength(16)
        self._fill_districts()
        self._fill_tambons()
        self.district.currentIndexChanged.connect(self._district_changed)
        self.tambon.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _fill_districts(self, keep: str | None = None) -> None:
        lang = current_language()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(translate("DivisionCombos", "— choose a district —"), "")
        for d in sorted(divisions().districts.values(), key=lambda d: thai_sort_key(d.name(lang))):
            self.district.addItem(d.name(lang), d.code)
        self.district.setCurrentIndex(max(0, self.district.findData(keep or "")))
        self.district.blockSignals(False)

    def _fill_tambons(self, keep: str | None = None) -> None:
        lang = current_language()
        self.tambon.blockSignals(True)
        self.tambon.clear()
        code = self.district_code()
        self.tambon.addItem(
            translate("DivisionCombos", "— choose a tambon —") if code else translate("DivisionCombos", "(choose the district first)"), ""
        )
        if code:
            for s in sorted(divisions().tambons_of(code), key=lambda s: thai_sort_key(s.name(lang))):
                self.tambon.addItem(s.name(lang), s.code)
        self.tambon.setCurrentIndex(max(0, self.tambon.findData(keep or "")))
        self.tambon.setEnabled(bool(code))
        self.tambon.blockSignals(False)

    def _district_changed(self, _index: int) -> None:
        self._fill_tambons()
        self.changed.emit()

    def district_code(self) -> str:
        return self.district.currentData() or ""

    def tambon_code(self) -> str:
        return self.tambon.currentData() or ""

    def set_codes(self, district: str | None, tambon: str | None) -> None:
        dv = divisions()
        if tambon and tambon in dv.subdistricts and not district:
            district = dv.subdistricts[tambon].parent
        self._fill_districts(district)
        self._fill_tambons(tambon)

    def retranslate(self) -> None:
        self.set_codes(self.district_code(), self.tambon_code())
