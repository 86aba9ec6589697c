"""The pages of the main window, in sidebar order. To bring a screen in, point its entry at the real page class
(a :class:`~lampang_planner.ui.views.base.Page` subclass, one module per page); nothing else needs to change.

``title`` is the English source text in the translation context "Pages" (the sidebar translates it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lampang_planner.ui.views.base import Page
from lampang_planner.ui.views.checkin import CheckinPage
from lampang_planner.ui.views.exchange import ExchangePage
from lampang_planner.ui.views.needs import NeedsPage
from lampang_planner.ui.views.people import PeoplePage
from lampang_planner.ui.views.plan import PlanPage
from lampang_planner.ui.views.reports import ReportsPage
from lampang_planner.ui.views.resolutions import ResolutionsPage
from lampang_planner.ui.views.workshops import WorkshopsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    page: type[Page]

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


PAGES: list[PageSpec] = [
    PageSpec("workshops", QT_TRANSLATE_NOOP("Pages", "Workshops"), WorkshopsPage),
    PageSpec("people", QT_TRANSLATE_NOOP("Pages", "People"), PeoplePage),
    PageSpec("checkin", QT_TRANSLATE_NOOP("Pages", "Check-in"), CheckinPage),
    PageSpec("needs", QT_TRANSLATE_NOOP("Pages", "Needs"), NeedsPage),
    PageSpec("resolutions", QT_TRANSLATE_NOOP("Pages", "Resolutions"), ResolutionsPage),
    PageSpec("plan", QT_TRANSLATE_NOOP("Pages", "Development plan"), PlanPage),
    PageSpec("exchange", QT_TRANSLATE_NOOP("Pages", "Exchange"), ExchangePage),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), ReportsPage),
]


def page_spec(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
