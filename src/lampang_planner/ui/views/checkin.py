"""Check-in: a later release fills this page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lampang_planner.ui.views.base import ComingSoonPage


class CheckinPage(ComingSoonPage):
    CONTEXT = "CheckinPage"
    TITLE = QT_TRANSLATE_NOOP("CheckinPage", "Check-in")
    WHAT = (
        QT_TRANSLATE_NOOP("CheckinPage", "check people in by scanning their QR badge with a USB scanner or a webcam, "
                                         "or by searching their name"),
        QT_TRANSLATE_NOOP("CheckinPage", "register walk-ins on the spot"),
        QT_TRANSLATE_NOOP("CheckinPage", "show live counts by participant type and tambon"),
        QT_TRANSLATE_NOOP("CheckinPage", "let several desks at one venue check in together; a person scanned at two "
                                         "desks counts once after the merge"),
    )
    MEANWHILE = QT_TRANSLATE_NOOP("CheckinPage", "The invited and checked-in people of each workshop can already be "
                                                 "seen on the People page (choose the workshop there).")
