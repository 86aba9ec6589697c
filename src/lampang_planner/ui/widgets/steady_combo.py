"""A combo box that only changes when someone really chooses: the check-in desk's workshop chooser.

A stray mouse wheel over it, arrow keys, or letters typed into it (a person typing while it has focus, or a scanner's
keys given back by the scan catcher) never change the choice. It changes only through its list: a click, or Space /
F4 / Alt+Down to open the list, then the arrows and Enter inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox

_OPEN_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_F4, Qt.Key.Key_Select)


class SteadyComboBox(QComboBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the page around it may scroll; the choice stays

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt_down = key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key in _OPEN_KEYS or alt_down:
            self.showPopup()
            event.accept()
            return
        event.ignore()  # arrows, Home/End, Page Up/Down and letters would change the choice: they go to the parent
