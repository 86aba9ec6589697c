"""What every page has: the shared context, live retranslation, and a hook for being shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from lampang_planner.ui.context import AppContext


class Page(QWidget):
    """A main-window page. ``AVAILABLE`` False marks a page a later release fills (the sidebar shows it muted)."""

    AVAILABLE = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activate(self, **kwargs: object) -> None:
        """The page is about to be shown (``kwargs`` from ``ctx.navigate``). Load lazily here."""

    def retranslate(self) -> None:
        """Set every text from its English source through ``tr``; called on each language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def heading_label(object_name: str = "pageHeading") -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    return label


class ComingSoonPage(Page):
    """An honest placeholder for a screen a later release brings: says what it will do and that it is not here yet.

    Subclasses give ``CONTEXT`` (their translation context) and ``TITLE``/``WHAT``/``MEANWHILE`` marked with
    ``QT_TRANSLATE_NOOP(CONTEXT, ...)``; ``facts()`` may add real lines about the data already in the folder.
    """

    AVAILABLE = False
    CONTEXT = "ComingSoonPage"
    TITLE = ""
    WHAT: tuple[str, ...] = ()
    MEANWHILE = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self.heading = heading_label()
        self.badge = QLabel()
        self.badge.setObjectName("comingSoonBadge")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("comingSoonBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.meanwhile = QLabel()
        self.meanwhile.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        for w in (self.heading, self.badge, line, self.intro, self.body, self.meanwhile, self.facts_label):
            layout.addWidget(w)
        layout.addStretch(1)
        self.retranslate()

    def _t(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text) if text else ""

    def facts(self) -> list[str]:
        return []

    def activate(self, **kwargs: object) -> None:
        self._show_facts()

    def _show_facts(self) -> None:
        facts = self.facts()
        self.facts_label.setText("\n".join(facts))
        self.facts_label.setVisible(bool(facts))

    def retranslate(self) -> None:
        self.heading.setText(self._t(self.TITLE))
        self.badge.setText(QCoreApplication.translate("ComingSoonPage", "Not available yet in this version"))
        self.intro.setText(QCoreApplication.translate("ComingSoonPage", "When it is ready, this screen will:"))
        self.body.setText("<ul>" + "".join(f"<li>{self._t(w)}</li>" for w in self.WHAT) + "</ul>")
        self.meanwhile.setText(self._t(self.MEANWHILE))
        self.meanwhile.setVisible(bool(self.MEANWHILE))
        self._show_facts()
