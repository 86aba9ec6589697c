"""Reports: a later release fills this page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lampang_planner.ui.views.base import ComingSoonPage


class ReportsPage(ComingSoonPage):
    CONTEXT = "ReportsPage"
    TITLE = QT_TRANSLATE_NOOP("ReportsPage", "Reports")
    WHAT = (
        QT_TRANSLATE_NOOP("ReportsPage", "Excel workbooks: attendance per workshop and district, needs, resolutions "
                                         "and votes, summaries per district"),
        QT_TRANSLATE_NOOP("ReportsPage", "PDF documents: QR badges, sign-in sheets, the workshop summary and the "
                                         "consolidated resolution document"),
        QT_TRANSLATE_NOOP("ReportsPage", "Thai text set correctly, with Buddhist-era dates"),
    )
