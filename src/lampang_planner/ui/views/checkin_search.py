"""The check-in page's name search: results as you type, the hint under them, ↑ ↓ from the field (a part of
``CheckinPage``). Its strings are translated in the ``CheckinPage`` context (the class they were written in; the
Thai catalogue keeps them there)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from lampang_planner.core.ops.checkin import search_people


class DeskSearch:
    """Mixed into ``CheckinPage``: uses the page's widgets (``checkin_layout``)."""

    def _focus_search(self) -> None:
        if not self.kiosk_on:
            self.search.setFocus()
            self.search.selectAll()

    def run_search(self) -> None:
        text = self.search.text().strip()
        wid = self.workshop_id()
        keep = self.results_model.person_id(self.results.currentIndex().row())
        if not text or not wid:
            self.results_model.set_rows([])
        else:
            self.results_model.set_rows(search_people(self.ctx.store, text, wid, limit=50))
        if self.results_model.rowCount():
            ids = [self.results_model.person_id(r) for r in range(self.results_model.rowCount())]
            self.results.selectRow(ids.index(keep) if keep in ids else 0)  # a refresh keeps the person chosen
        self._show_search_hint()

    def _show_search_hint(self) -> None:
        text = self.search.text().strip()
        n = self.results_model.rowCount()
        if not text:
            self.search_hint.setText(
                QCoreApplication.translate(
                    "CheckinPage",
                    "Type part of a name, organisation or phone number; Enter or a double "
                    "click checks the selected person in.",
                )
            )
        elif n == 0:
            self.search_hint.setText(QCoreApplication.translate("CheckinPage", "No one found. Register a walk-in?"))
        else:
            self.search_hint.setText(
                QCoreApplication.translate(
                    "CheckinPage", "{n} found; Enter checks in the selected person, ↑ ↓ choose."
                ).format(n=n)
            )

    def eventFilter(self, obj, event: QEvent) -> bool:
        """Up and Down in the search field move through the results."""
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results_model.rowCount():
                row = self.results.currentIndex().row()
                row = row + 1 if key == Qt.Key.Key_Down else row - 1
                self.results.selectRow(max(0, min(row, self.results_model.rowCount() - 1)))
                return True
        return super().eventFilter(obj, event)
