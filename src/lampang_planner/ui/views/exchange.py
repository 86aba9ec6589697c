"""Exchange of bundle files: a later release fills this page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lampang_planner.ui.views.base import ComingSoonPage


class ExchangePage(ComingSoonPage):
    CONTEXT = "ExchangePage"
    TITLE = QT_TRANSLATE_NOOP("ExchangePage", "Exchange")
    WHAT = (
        QT_TRANSLATE_NOOP("ExchangePage", "export this laptop's work as one signed bundle file, for example onto a USB "
                                          "stick"),
        QT_TRANSLATE_NOOP("ExchangePage", "import and merge the bundles of all districts at the office, in any order "
                                          "and any number of times"),
        QT_TRANSLATE_NOOP("ExchangePage", "list the real conflicts for review"),
        QT_TRANSLATE_NOOP("ExchangePage", "prepare a kit of workshops, invited people and draft resolutions for a "
                                          "district team"),
    )
