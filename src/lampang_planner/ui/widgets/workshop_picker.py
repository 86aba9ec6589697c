"""The one way a screen fills its workshop combo box: a first row (all workshops, none, or a prompt), then each live
workshop as "dates · title" (its title as tooltip), keeping the selection when the list is filled again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from lampang_planner.core.db import Store
from lampang_planner.core.ops.workshops import workshop_choices
from lampang_planner.ui.models.workshops import date_text


def fill_workshop_combo(
    combo: QComboBox,
    store: Store,
    first: str,
    *,
    newest_first: bool = False,
    keep: str | None = None,
    quiet: bool = True,
) -> None:
    """Fill ``combo`` with ``first`` (data "") and the workshops (data: their ids), oldest first unless
    ``newest_first``; then select ``keep`` (default: what was selected). ``quiet`` fills it without emitting the
    combo's change signals."""
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
