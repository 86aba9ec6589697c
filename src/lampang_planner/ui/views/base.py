"""What every page has: the shared context, live retranslation, and a hook for being shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.widgets.build import label


class Page(Retranslating, QWidget):
    """A main-window page. ``AVAILABLE`` False marks a page a later release fills (the sidebar shows it muted)."""

    AVAILABLE = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activate(self, **kwargs: object) -> None:
        """The page is about to be shown (``kwargs`` from ``ctx.navigate``). Load lazily here."""

    def retranslate(self) -> None:
        """Set every text from its English source through ``tr``; called on each language change."""


def heading_label(object_name: str = "pageHeading", text: Callable[[], str] | None = None) -> QLabel:
    """A page's heading; ``text`` as in ``widgets.build`` (set now and at every language change)."""
    return label(object_name, text=text)
