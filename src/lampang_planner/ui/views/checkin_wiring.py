"""The check-in page's behaviour wired up: the scanner and camera, the sound, kiosk mode, the timers (search as
you type, counts refresh, kiosk idle), the keys and every button of the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from lampang_planner.ui.views.checkin_badge import BadgeDesk
from lampang_planner.ui.views.checkin_kiosk import KioskMode
from lampang_planner.ui.views.checkin_sound import FeedbackSound
from lampang_planner.ui.widgets.scanner import KeyboardWedge

if TYPE_CHECKING:
    from lampang_planner.ui.views.checkin import CheckinPage

KIOSK_IDLE_MS = 6000  # in kiosk mode the result goes back to the prompt after this, so the next person sees no name


def wire_page(page: CheckinPage) -> None:
    """Scanner, camera, sound and kiosk helpers, the timers, then the signals of the widgets."""
    ctx = page.ctx
    page.wedge = KeyboardWedge(page, on_scan=page.handle_scan)  # called directly, not through a signal
    page.camera.decoded.connect(page.handle_scan)
    page.camera.failed.connect(page._camera_failed)
    page.sound = FeedbackSound(page)
    page.sound.enabled = page.sound_action.isChecked()
    page.kiosk = KioskMode(page)
    page._search_timer = QTimer(page)
    page._search_timer.setSingleShot(True)
    page._search_timer.setInterval(180)
    page._search_timer.timeout.connect(page.run_search)
    page._refresh_timer = QTimer(page)
    page._refresh_timer.setSingleShot(True)
    page._refresh_timer.setInterval(120)
    page._refresh_timer.timeout.connect(page.refresh_live)
    page._idle_timer = QTimer(page)
    page._idle_timer.setSingleShot(True)
    page._idle_timer.setInterval(KIOSK_IDLE_MS)
    page._idle_timer.timeout.connect(page.show_idle)
    _connect_widgets(page)
    ctx.events.changed.connect(page._data_changed)
    ctx.i18n.changed.connect(page._language_changed)


def _connect_widgets(page: CheckinPage) -> None:
    """Buttons, the search field and its results, the shortcuts (Enter, Ctrl+F, F2) and the badge desk."""
    page.workshop.currentIndexChanged.connect(page._workshop_changed)
    page.session_picker.session_changed.connect(page._session_changed)
    page.paper_button.clicked.connect(page.open_paper_keyin)
    page.desk_edit.editingFinished.connect(page._desk_edited)
    page.search.textChanged.connect(lambda _t: page._search_timer.start())
    page.search.returnPressed.connect(page.check_in_selected)
    page.search.installEventFilter(page)
    page.results.doubleClicked.connect(lambda ix: page.check_in_row(ix.row()))
    QShortcut(
        QKeySequence(Qt.Key.Key_Return), page.results, page.check_in_selected, context=Qt.ShortcutContext.WidgetShortcut
    )
    QShortcut(
        QKeySequence(Qt.Key.Key_Enter), page.results, page.check_in_selected, context=Qt.ShortcutContext.WidgetShortcut
    )
    QShortcut(QKeySequence.StandardKey.Find, page, page._focus_search)
    QShortcut(
        QKeySequence(Qt.Key.Key_F2), page, page.check_in_anyway, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    page.panel.action.clicked.connect(page._panel_action)
    page.undo_button.clicked.connect(page.undo_last)
    page.walkin_button.clicked.connect(page.open_walkin)
    page.badges = BadgeDesk(page.ctx, page)
    page.badges.said.connect(page._badge_said)
    page.badges.busy.connect(lambda on: page.badge_button.setEnabled(not on and page.badge_person is not None))
    page.badge_button.clicked.connect(page.print_badge)
    page.camera_button.toggled.connect(page._camera_toggled)
    page.kiosk_button.clicked.connect(page.enter_kiosk)
    page.leave_kiosk_button.clicked.connect(page.ask_leave_kiosk)
