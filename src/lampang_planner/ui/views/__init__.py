"""The pages of the main window, in sidebar order. To bring a screen in, point its entry at the real page class
(a :class:`~lampang_planner.ui.views.base.Page` subclass, one module per page, named "module:Class" under
``ui.views``); nothing else needs to change. A page's module is imported when the page is first built (the main
window builds a page when it is first shown), so the window's start does not pay for the other pages' libraries.

``title`` is the English source text in the translation context "Pages" (the sidebar translates it).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from lampang_planner.ui.views.base import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    where: str  # "module:Class" under lampang_planner.ui.views

    @property
    def page(self) -> type[Page]:
        """The page class (its module imported on first use)."""
        module, name = self.where.split(":")
        return getattr(import_module(f"lampang_planner.ui.views.{module}"), name)

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


PAGES: list[PageSpec] = [
    PageSpec("workshops", QT_TRANSLATE_NOOP("Pages", "Workshops"), "workshops:WorkshopsPage"),
    PageSpec("people", QT_TRANSLATE_NOOP("Pages", "People"), "people:PeoplePage"),
    PageSpec("checkin", QT_TRANSLATE_NOOP("Pages", "Check-in"), "checkin:CheckinPage"),
    PageSpec("needs", QT_TRANSLATE_NOOP("Pages", "Needs"), "needs:NeedsPage"),
    PageSpec("resolutions", QT_TRANSLATE_NOOP("Pages", "Resolutions"), "resolutions:ResolutionsPage"),
    PageSpec("plan", QT_TRANSLATE_NOOP("Pages", "Development plan"), "plan:PlanPage"),
    PageSpec("exchange", QT_TRANSLATE_NOOP("Pages", "Exchange"), "exchange:ExchangePage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), "reports:ReportsPage"),
]


def page_spec(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
