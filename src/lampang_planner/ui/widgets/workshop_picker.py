"""The one way a screen fills its workshop combo box: a first row (all workshops, none, or a prompt), then each live
workshop as "dates · title" (its title as tooltip), keeping the selection when the list is filled again. Given as a
function (``lambda: self.tr("All workshops")``), the first row follows a language change by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox

from lampang_planner.core.db import Store
from lampang_planner.core.ops.workshops import workshop_choices
from lampang_planner.ui.models.workshops import date_text


class _FirstRow(QObject):
    """Sets its combo's first row from a function at every language change the combo receives."""

    def __init__(self, combo: QComboBox, text: Callable[[], str]) -> None:
        super().__init__(combo)
        self.text = text
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched.count():
            watched.setItemText(0, self.text())
        return False


def fill_workshop_combo(
    combo: QComboBox,
    store: Store,
    first: str | Callable[[], str],
    *,
    newest_first: bool = False,
    keep: str | None = None,
    quiet: bool = True,
) -> None:
    """Fill ``combo`` with ``first`` (data "") and the workshops (data: their ids), oldest first unless
    ``newest_first``; then select ``keep`` (default: what was selected). ``quiet`` fills it without emitting the
    combo's change signals. ``first`` given as a function: its text now and at every language change."""
    if callable(first):
        follower = combo.findChild(_FirstRow)
        if follower is None:
            follower = _FirstRow(combo, first)
        follower.text = first
        first = first()
    keep = (combo.currentData() or "") if keep is None else keep
    was = combo.blockSignals(True) if quiet else combo.signalsBlocked()
    combo.clear()
    combo.addItem(first, "")
    choices = workshop_choices(store)
    for wid, title, start, end in reversed(choices) if newest_first else choices:
        when = date_text(start, end)
        combo.addItem(f"{when} · {title}" if when else title, wid)
        combo.setItemData(combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(was)
