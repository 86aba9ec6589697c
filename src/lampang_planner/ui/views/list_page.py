"""A page that lists records (people, workshops, needs): its ``table`` shows its ``model``, which knows each row's
record id (``row_id``) and each record's row (``row_of``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from lampang_planner.ui.views.base import Page
from lampang_planner.ui.widgets.table import select_row


class ListPage(Page):
    def current_id(self) -> str | None:
        """The id of the record in the current row (None when there is none)."""
        return self.model.row_id(self.table.currentIndex().row())

    def select(self, record_id: str | None) -> None:
        """Make the record's row current and show it (None, or a record not listed: no row)."""
        select_row(self.table, self.model.row_of(record_id) if record_id else -1)

    def edit_in(self, form: Callable[[str], QDialog]) -> None:
        """Edit the current record in the modal form ``form(record_id)`` makes; its row is chosen again once saved."""
        record_id = self.current_id()
        if record_id and form(record_id).exec():
            self.select(record_id)
