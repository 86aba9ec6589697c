"""The big result panel of the check-in desk: readable from two metres, colour and symbol both say the result.

green ✔ name + organisation + "checked in 08:42 (desk 1)"; amber ! "already checked in at desk 2, 08:42", or a
person not on this workshop's invitation list (not checked in: the panel's button, F2, checks them in anyway); red ✘
unknown or malformed code (and what was scanned); grey for the idle prompt and for notes such as an undo.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from lampang_planner.core.ops.checkin import CheckinResult, Kind
from lampang_planner.ui.i18n import current_language

COLOURS = {  # state → (background, text, border)
    "idle": ("#eef1f5", "#37474f", "#cfd8dc"),
    "note": ("#e3ecf7", "#1f3b57", "#9fb7d3"),
    "green": ("#1b7a34", "#ffffff", "#135c26"),
    "amber": ("#f4b400", "#1d1d1d", "#c98f00"),
    "red": ("#c62828", "#ffffff", "#8e1b1b"),
}
SYMBOLS = {"idle": "", "note": "↶", "green": "✔", "amber": "!", "red": "✘"}
STATE_OF_KIND = {Kind.CHECKED_IN: "green", Kind.ALREADY: "amber", Kind.NOT_INVITED: "amber", Kind.UNKNOWN: "red"}


def _font(point_size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


class ResultPanel(QFrame):
    """Shows one result at a time. ``state`` is "idle", "note", "green", "amber" or "red"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a resting place for focus that is not a text field
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(210)
        self.state = "idle"
        self.symbol = QLabel()
        self.symbol.setObjectName("resultSymbol")
        self.symbol.setFont(_font(64, True))
        self.symbol.setFixedWidth(110)
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("resultTitle")
        self.title.setFont(_font(30, True))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("resultSubtitle")
        self.subtitle.setFont(_font(18))
        self.message = QLabel()
        self.message.setObjectName("resultMessage")
        self.message.setFont(_font(20, True))
        for label in (self.title, self.subtitle, self.message):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.action = QPushButton()  # "check in anyway (F2)" for a person not invited; hidden otherwise
        self.action.setObjectName("checkInAnyway")
        self.action.setFont(_font(14, True))
        self.action.setMinimumHeight(40)
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays where typing goes; F2 or a click
        self.action.setStyleSheet("QPushButton#checkInAnyway { background: #ffffff; color: #1d1d1d; "
                                  "border: 2px solid #1d1d1d; border-radius: 6px; padding: 4px 14px; }")
        self.action.hide()
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addStretch(1)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        text.addWidget(self.message)
        text.addWidget(self.action, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 14, 24, 14)
        row.addWidget(self.symbol)
        row.addLayout(text, 1)
        self._painted_state = False
        self._colour("idle")

    def paintEvent(self, _event: QPaintEvent) -> None:
        _bg, _fg, border = COLOURS[self.state]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(border), 2))
        painter.setBrush(QColor(COLOURS[self.state][0]))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)

    def set_large(self, large: bool) -> None:
        """Kiosk mode: bigger still, the panel has the whole screen."""
        sizes = (96, 46, 26, 30) if large else (64, 30, 18, 20)
        self.symbol.setFont(_font(sizes[0], True))
        self.symbol.setFixedWidth(160 if large else 110)
        self.title.setFont(_font(sizes[1], True))
        self.subtitle.setFont(_font(sizes[2]))
        self.message.setFont(_font(sizes[3], True))

    def _colour(self, state: str) -> None:
        """Switch the colours: the panel paints its own background and border (``paintEvent``), and its labels take
        the text colour from their palettes. A style sheet set for each result made Qt parse it and restyle the whole
        panel, a large part of the time between a scan and its result on screen."""
        if state != self.state or not self._painted_state:
            self._painted_state = True
            palette = self.symbol.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(COLOURS[state][1]))
            for label in (self.symbol, self.title, self.subtitle, self.message):
                label.setPalette(palette)
            self.update()
        self.state = state
        self.symbol.setText(SYMBOLS[state])
        self.symbol.setVisible(bool(SYMBOLS[state]))
        self.action.hide()  # every new state starts without it; show_result offers it again if it applies

    def show_idle(self, title: str, hint: str = "") -> None:
        self._show_text("idle", title, hint)

    def show_note(self, title: str, detail: str = "") -> None:
        self._show_text("note", title, detail)

    def show_error(self, title: str, detail: str = "") -> None:
        """Red, for a problem that is not a scan result (the workshop was removed meanwhile, say)."""
        self._show_text("red", title, detail)

    def _show_text(self, state: str, title: str, detail: str) -> None:
        """A state that is not a scan result: its colours, a title and a line under it (hidden when empty)."""
        self._colour(state)
        self.title.setText(title)
        self.subtitle.setText(detail)
        self.subtitle.setVisible(bool(detail))
        self.message.clear()
        self.message.hide()

    def show_result(self, result: CheckinResult, unknown_title: str, scanned_label: str) -> None:
        """``unknown_title`` ("Unknown code") and ``scanned_label`` ("Scanned: {text}") come translated."""
        lang = current_language()
        state = STATE_OF_KIND[result.kind]
        self._colour(state)
        if result.kind is Kind.UNKNOWN:
            self.title.setText(unknown_title)
            self.subtitle.setText(result.message(lang))
            shown = " ".join(result.scanned.split())
            if len(shown) > 60:
                shown = shown[:57] + "…"
            self.message.setText(scanned_label.format(text=shown) if shown else "")
        else:
            self.title.setText(result.name)
            self.subtitle.setText(result.organisation)
            self.message.setText(result.message(lang))
        self.subtitle.setVisible(bool(self.subtitle.text()))
        self.message.setVisible(bool(self.message.text()))
