"""Draft resolutions: a later release fills this page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lampang_planner.ui.views.base import ComingSoonPage


class ResolutionsPage(ComingSoonPage):
    CONTEXT = "ResolutionsPage"
    TITLE = QT_TRANSLATE_NOOP("ResolutionsPage", "Draft resolutions")
    WHAT = (
        QT_TRANSLATE_NOOP("ResolutionsPage", "prepare the assembly's draft resolutions clause by clause"),
        QT_TRANSLATE_NOOP("ResolutionsPage", "record the amendments proposed during deliberation"),
        QT_TRANSLATE_NOOP("ResolutionsPage", "record the votes for, against and abstaining, with the quorum taken from "
                                             "the people checked in"),
    )

    def facts(self) -> list[str]:
        r = self.ctx.store.scalar("SELECT COUNT(*) FROM resolution WHERE deleted = 0")
        c = self.ctx.store.scalar("SELECT COUNT(*) FROM clause WHERE deleted = 0")
        return [
            QCoreApplication.translate(
                "ResolutionsPage", "This data folder already holds {r} draft resolutions with {c} clauses."
            ).format(r=f"{r:,}", c=f"{c:,}")
        ]
