"""Community needs: a later release fills this page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lampang_planner.ui.views.base import ComingSoonPage


class NeedsPage(ComingSoonPage):
    CONTEXT = "NeedsPage"
    TITLE = QT_TRANSLATE_NOOP("NeedsPage", "Community needs")
    WHAT = (
        QT_TRANSLATE_NOOP("NeedsPage", "record the needs each group raises at a workshop: the place down to tambon "
                                       "and village, the category, who raised them"),
        QT_TRANSLATE_NOOP("NeedsPage", "rank them by priority or dot votes"),
        QT_TRANSLATE_NOOP("NeedsPage", "follow each need into a community, tambon or PAO development plan"),
    )

    def facts(self) -> list[str]:
        n = self.ctx.store.scalar("SELECT COUNT(*) FROM need WHERE deleted = 0")
        return [QCoreApplication.translate("NeedsPage", "This data folder already holds {n} needs.").format(n=f"{n:,}")]
