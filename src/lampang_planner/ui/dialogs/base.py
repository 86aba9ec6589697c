"""The one dialog base: modal, a message area (the reason something cannot be done, in red), the body, and the
button row (Save and Cancel unless the dialog says otherwise) with Thai/English texts; the texts follow the language.

    class VoteDialog(DialogBase):
        MESSAGE_ON_TOP = False                       # the message sits above the buttons instead
        def __init__(self, ...):
            super().__init__(parent, message_name="voteError", name="VoteDialog")   # name: the object name
            self.add_body(widget_or_layout, stretch)  # in order, between the message and the buttons
        def on_ok(self): ...                         # Save / OK pressed: check, save, then self.accept()
        def retranslate(self): ...; super().retranslate()

``FormDialog`` (labelled fields with an error under each) is the base of the add/edit forms.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from lampang_planner.ui.i18n import Retranslating, translate

ERROR_STYLE = "color: #b3261e;"
SB = QDialogButtonBox.StandardButton
# context "FormDialog", as the forms always had (spelt out so that lupdate keeps them in the catalogue)
BUTTON_TEXTS = (
    (SB.Save, QT_TRANSLATE_NOOP("FormDialog", "Save")),
    (SB.Cancel, QT_TRANSLATE_NOOP("FormDialog", "Cancel")),
)


class DialogBase(Retranslating, QDialog):
    MESSAGE_ON_TOP = True
    BUTTONS = SB.Save | SB.Cancel

    def __init__(self, parent: QWidget | None = None, *, message_name: str = "dialogMessage", name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setModal(True)
        self.outer = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setObjectName(message_name)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(self.BUTTONS)
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.message)  # the body goes after it (on top) or before it (at the bottom)
        self.outer.addWidget(self.buttons)

    # --- building ---------------------------------------------------------------------------------------------------

    def add_body(self, item: QWidget | QLayout, stretch: int = 0) -> None:
        """Add to the body, after what was added before (above the message when it sits at the bottom)."""
        at = self.outer.indexOf(self.buttons if self.MESSAGE_ON_TOP else self.message)
        if isinstance(item, QLayout):
            self.outer.insertLayout(at, item, stretch)
        else:
            self.outer.insertWidget(at, item, stretch)

    def button(self, which: QDialogButtonBox.StandardButton) -> QPushButton:
        return self.buttons.button(which)

    def fit(self, width: int = 0) -> None:
        """Be ``width`` wide (default: as now) and as tall as the body needs at that width — wrapped texts take
        more lines when narrow, which a height taken before the texts were set leaves out — and, once shown, move
        (and if need be shorten) so that the whole dialog, its buttons too, stays on its screen."""
        width = width or self.width()
        need = self.heightForWidth(width) if self.hasHeightForWidth() else -1  # the size hint is for its own width
        self.resize(width, need if need > 0 else self.sizeHint().height())
        if not self.isVisible() or self.screen() is None:
            return  # QDialog places a dialog on its screen when it shows it
        room, frame = self.screen().availableGeometry(), self.frameGeometry()
        extra = frame.height() - self.height()  # the title bar and borders the desktop adds
        if frame.height() > room.height():
            self.resize(width, max(self.minimumSizeHint().height(), room.height() - extra))
            frame = self.frameGeometry()
        x = min(max(frame.left(), room.left()), room.right() + 1 - frame.width())
        y = min(max(frame.top(), room.top()), room.bottom() + 1 - frame.height())
        if (x, y) != (frame.left(), frame.top()):
            self.move(x, y)

    # --- the message ------------------------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    # --- acting and language ----------------------------------------------------------------------------------------

    def on_ok(self) -> None:
        """Save / OK pressed; subclasses check and save, then accept."""
        self.accept()

    def retranslate(self) -> None:
        """Subclasses set their texts, then call this (or set their own button texts after it)."""
        for which, text in BUTTON_TEXTS:
            b = self.buttons.button(which)
            if b is not None:
                b.setText(translate("FormDialog", text))
