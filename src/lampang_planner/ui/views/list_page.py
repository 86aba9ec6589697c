"""A page that lists records (people, workshops, needs): its ``table`` shows its ``model``, which knows each row's
record id (``row_id``) and each record's row (``row_of``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog

from lampang_planner.ui.views.base import Page
from lampang_planner.ui.widgets.table import select_row


class ListPage(Page):
    """Also has ``search`` (a line edit), ``edit_current()``, and the slots :meth:`wire_list` connects."""

    def wire_list(self, *, add: Callable[[], object], enter: Callable[[], object]) -> None:
        """The list's signals and keys: the current row's changes go to ``_current_changed``, a double-click edits
        (``edit_current``), Ctrl+F goes to the search field, Ctrl+N does ``add``, Enter on the table ``enter``; the
        data's and the language's changes go to ``_data_changed`` and ``_language_changed``."""
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _ix: self.edit_current())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, add)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, enter)
        self.ctx.events.changed.connect(self._data_changed)
        self.ctx.i18n.changed.connect(self._language_changed)

    def current_id(self) -> str | None:
        """The id of the record in the current row (None when there is none)."""
        return self.model.row_id(self.table.currentIndex().row())

    def select(self, record_id: str | None) -> None:
        """Make the record's row current and show it (None, or a record not listed: no row)."""
        select_row(self.table, self.model.row_of(record_id) if record_id else -1)

    def edit_in(self, form: Callable[[str], QDialog]) -> None:
        """Edit the current record in the modal form ``form(record_id)`` makes; its row is chosen again once saved."""
        record_id = self.current_id()
        if record_id and self.run_form(form(record_id)):
            self.select(record_id)

    def add_in(self, form: QDialog) -> None:
        """Add a record in the modal ``form`` (it has ``saved_id``); the new record's row is chosen, the search
        cleared if it hid it."""
        if self.run_form(form) and form.saved_id:
            if self.model.row_of(form.saved_id) < 0:
                self.search.clear()
            self.select(form.saved_id)

    @staticmethod
    def run_form(form: QDialog) -> bool:
        """Run the modal ``form`` and delete it once closed (True: saved)."""
        try:
            return bool(form.exec())
        finally:
            form.deleteLater()
