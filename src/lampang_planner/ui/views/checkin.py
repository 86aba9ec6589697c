"""Check-in: the desk at the workshop door.

A USB scanner in keyboard mode works wherever focus is on this screen (``widgets.scanner.KeyboardWedge``), a webcam
where QtMultimedia and a camera exist (``widgets.camera``), a name search as the fallback, and walk-in registration.
Every path ends in one core call (``core.ops.checkin``); the big panel shows green / amber / red with a sound for
each, the counts and the latest check-ins follow ``ctx.events.changed``. Kiosk mode shows only the result, full
screen, and needs the PIN to leave.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import (
    CheckinResult,
    Kind,
    check_in,
    check_in_person,
    latest_checkins,
    live_counts,
    search_people,
    set_desk,
    undo_checkin,
    warm_search,
)
from lampang_planner.core.ops.workshops import get_workshop, workshop_choices
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.paper_keyin import PaperKeyInDialog
from lampang_planner.ui.dialogs.walkin import WalkinDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.checkin import CountsModel, RecentModel, SearchResultsModel
from lampang_planner.ui.models.workshops import date_text
from lampang_planner.ui.views.base import Page, heading_label
from lampang_planner.ui.views.checkin_badge import BadgeDesk, badge_renderer
from lampang_planner.ui.views.checkin_card import CardReaderController
from lampang_planner.ui.views.checkin_door import OPEN_AT_START
from lampang_planner.ui.views.checkin_kiosk import KioskMode, PinDialog, kiosk_pin_ok, save_kiosk_pin, stored_kiosk_pin
from lampang_planner.ui.views.checkin_panel import STATE_OF_KIND, ResultPanel
from lampang_planner.ui.views.checkin_sound import FeedbackSound
from lampang_planner.ui.views.venue import VenueBar
from lampang_planner.ui.widgets.camera import NO_MODULE, CameraScanner, camera_problem
from lampang_planner.ui.widgets.scanner import KeyboardWedge
from lampang_planner.ui.widgets.session_picker import SessionPicker
from lampang_planner.ui.widgets.steady_combo import SteadyComboBox

log = logging.getLogger(__name__)

KIOSK_IDLE_MS = 6000  # in kiosk mode the result goes back to the prompt after this, so the next person sees no name
_WATCHED = frozenset({"invitation", "attendance", "person", "workshop", "session"})
def _table(model, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


class CheckinPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.kiosk_on = False
        self.last_result: CheckinResult | None = None  # the last result shown (any colour)
        self.undo_target: CheckinResult | None = None  # the last check-in this desk made that can be undone
        self.badge_person: tuple[str, str] | None = None  # (person id, name) whose badge "Print badge" prints
        self.invite_target: CheckinResult | None = None  # the not-invited result that F2 checks in anyway
        self._shown: tuple = ("idle",)
        self._camera_problem: str | None = None
        self._camera_checked = False
        self._needs_refresh = True
        self._badge: Callable | bool | None = None  # the badge renderer, False when there is none
        self._counts = None  # the LiveCounts shown
        self._current_wid: str | None = None  # the workshop the page was last set up for
        self.badge_task = None

        # --- top bar ---
        self.heading = heading_label()
        self.workshop = SteadyComboBox()  # no stray wheel, arrow or scanner key changes the workshop
        self.workshop.setObjectName("checkinWorkshop")
        self.workshop.setMinimumContentsLength(30)
        self.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.workshop.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.workshop_title = QLabel()  # kiosk mode shows the title instead of the chooser
        self.workshop_title.setObjectName("kioskWorkshopTitle")
        self.workshop_title.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 2px 8px;")
        self.workshop_title.hide()
        self.desk_label = QLabel()
        self.desk_edit = QLineEdit()
        self.desk_edit.setObjectName("deskName")
        self.desk_edit.setMaxLength(40)
        self.desk_edit.setFixedWidth(110)
        self.options = QPushButton()  # a push button draws its menu arrow beside the text, not over it
        self.options.setObjectName("checkinOptions")
        self.options_menu = QMenu(self)
        self.sound_action = QAction(self)
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(ctx.settings.get(S.CHECKIN_SOUND))
        self.sound_action.toggled.connect(self._sound_toggled)
        self.pin_action = QAction(self)
        self.pin_action.triggered.connect(self.set_kiosk_pin)
        self.door_action = QAction(self)  # open the window here each time: a laptop at the door
        self.door_action.setCheckable(True)
        self.door_action.setChecked(bool(ctx.settings.get(OPEN_AT_START)))
        self.door_action.toggled.connect(lambda on: ctx.settings.set(OPEN_AT_START, on))
        self.options_menu.addAction(self.sound_action)
        self.options_menu.addAction(self.pin_action)
        self.options_menu.addAction(self.door_action)
        self.printer_action = QAction(self)
        self.printer_action.triggered.connect(lambda: self.badges.choose())
        self.options_menu.addAction(self.printer_action)
        self.options.setMenu(self.options_menu)
        self.kiosk_button = QPushButton()
        self.kiosk_button.setObjectName("kioskButton")
        self.leave_kiosk_button = QPushButton()
        self.leave_kiosk_button.setObjectName("leaveKiosk")
        self.leave_kiosk_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.workshop, 1)
        top.addWidget(self.workshop_title, 1)
        self.session_picker = SessionPicker()
        top.addWidget(self.session_picker)
        top.addSpacing(12)
        top.addWidget(self.desk_label)
        top.addWidget(self.desk_edit)
        top.addWidget(self.options)
        top.addWidget(self.kiosk_button)
        top.addWidget(self.leave_kiosk_button)

        # --- left: result, actions, search ---
        self.panel = ResultPanel()
        self.camera = CameraScanner(ctx.tasks)
        self.camera.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.panel, 1)
        result_row.addWidget(self.camera, 0, Qt.AlignmentFlag.AlignTop)

        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoLast")
        self.walkin_button = QPushButton()
        self.walkin_button.setObjectName("walkIn")
        self.paper_button = QPushButton()
        self.paper_button.setObjectName("paperKeyInButton")
        self.badge_button = QPushButton()
        self.badge_button.setObjectName("printBadge")
        self.camera_button = QPushButton()
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setCheckable(True)
        self.badge_note = QLabel()  # what became of the last badge sent to the printer
        self.badge_note.setObjectName("badgeNote")
        self.badge_note.setWordWrap(True)
        self.badge_note.hide()
        self.camera_note = QLabel()
        self.camera_note.setObjectName("cameraNote")
        self.camera_note.setWordWrap(True)
        self.camera_note.setStyleSheet("color: #5f6b73;")
        actions = QHBoxLayout()
        for b in (self.undo_button, self.walkin_button, self.paper_button, self.badge_button, self.camera_button):
            b.setMinimumHeight(36)
            actions.addWidget(b)
        actions.addStretch(1)

        self.search = QLineEdit()
        self.search.setObjectName("checkinSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(34)
        self.results_model = SearchResultsModel(self)
        self.results = _table(self.results_model, self)
        self.results.setObjectName("searchResults")
        hh = self.results.horizontalHeader()  # name and organisation share the room; place and status fit their text
        hh.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            hh.setSectionResizeMode(column, mode)
        self.search_hint = QLabel()
        self.search_hint.setObjectName("searchHint")
        self.search_hint.setStyleSheet("color: #5f6b73;")

        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(result_row)
        left.addLayout(actions)
        self.card_reader = CardReaderController(self)  # the Thai ID card reader: its own thread and status line
        left.addWidget(self.card_reader.bar)
        left.addWidget(self.badge_note)
        left.addWidget(self.camera_note)
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        left.addWidget(self.search_hint)

        # --- right: counts and the latest check-ins ---
        self.totals = QLabel()
        self.totals.setObjectName("checkinTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setStyleSheet("background: #f2f4f7; border: 1px solid #d5d9e0; border-radius: 8px; padding: 6px;")
        self.by_type_model = CountsModel(self)
        self.by_district_model = CountsModel(self)
        self.by_type = _table(self.by_type_model, self)
        self.by_type.setObjectName("countsByType")
        self.by_district = _table(self.by_district_model, self)
        self.by_district.setObjectName("countsByDistrict")
        for view in (self.by_type, self.by_district):
            h = view.horizontalHeader()
            h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for c in (1, 2, 3):
                h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.count_tabs = QTabWidget()
        self.count_tabs.setObjectName("countTabs")
        self.count_tabs.addTab(self.by_type, "")
        self.count_tabs.addTab(self.by_district, "")
        self.recent_label = QLabel()
        self.recent_label.setObjectName("recentLabel")
        self.recent_model = RecentModel(self)
        self.recent = _table(self.recent_model, self)
        self.recent.setObjectName("recentCheckins")
        rh = self.recent.horizontalHeader()
        rh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rh.setStretchLastSection(False)
        rh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.recent.setColumnWidth(0, 56)
        self.recent.setColumnWidth(1, 170)
        self.recent.setColumnWidth(3, 50)

        self.right = QWidget()
        self.right.setFixedWidth(400)
        right = QVBoxLayout(self.right)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.totals)
        right.addWidget(self.count_tabs, 3)
        right.addWidget(self.recent_label)
        right.addWidget(self.recent, 2)
        self.venue = VenueBar(ctx)  # issue #18: desks at one venue share their scans live
        right.addWidget(self.venue)

        body = QHBoxLayout()
        body.addWidget(self.left, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setStyleSheet("color: #d5d9e0;")
        body.addWidget(line)
        body.addWidget(self.right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        # --- behaviour ---
        self.wedge = KeyboardWedge(self)
        self.wedge.scanned.connect(self.handle_scan)
        self.camera.decoded.connect(self.handle_scan)
        self.camera.failed.connect(self._camera_failed)
        self.sound = FeedbackSound(self)
        self.sound.enabled = self.sound_action.isChecked()
        self.kiosk = KioskMode(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(180)
        self._search_timer.timeout.connect(self.run_search)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh_live)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(KIOSK_IDLE_MS)
        self._idle_timer.timeout.connect(self.show_idle)

        self.workshop.currentIndexChanged.connect(self._workshop_changed)
        self.session_picker.session_changed.connect(self._session_changed)
        self.paper_button.clicked.connect(self.open_paper_keyin)
        self.desk_edit.editingFinished.connect(self._desk_edited)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.check_in_selected)
        self.search.installEventFilter(self)
        self.results.doubleClicked.connect(lambda ix: self.check_in_row(ix.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.results, self.check_in_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.results, self.check_in_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.check_in_anyway,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.panel.action.clicked.connect(self._panel_action)
        self.undo_button.clicked.connect(self.undo_last)
        self.walkin_button.clicked.connect(self.open_walkin)
        self.badges = BadgeDesk(ctx, self)
        self.badges.said.connect(self._badge_said)
        self.badges.busy.connect(lambda on: self.badge_button.setEnabled(not on and self.badge_person is not None))
        self.badge_button.clicked.connect(self.print_badge)
        self.camera_button.toggled.connect(self._camera_toggled)
        self.kiosk_button.clicked.connect(self.enter_kiosk)
        self.leave_kiosk_button.clicked.connect(self.ask_leave_kiosk)
        ctx.events.changed.connect(self._data_changed)
        ctx.i18n.changed.connect(self._language_changed)
        self._update_buttons()
        self.retranslate()

    # --- loading ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        """First show: the workshops and the desk. ``workshop_id=`` picks that workshop."""
        if not self.loaded:
            self.loaded = True
            self._fill_workshops()
            self.desk_edit.setText(self.desk())
            # the name-search index (a second at 100,000 people) is built off the GUI thread before the first search
            self.ctx.tasks.start(lambda _control, store: warm_search(store), self.ctx.store, name="warm-search")
        wid = kwargs.get("workshop_id")
        if wid:
            self._select_workshop(str(wid))
        if not self._camera_checked:
            self._check_camera()
        self.refresh_live()
        if self._shown == ("idle",):
            self.show_idle()
        QTimer.singleShot(0, self._rest_focus)

    def _rest_focus(self) -> None:
        """Focus goes where typing by hand is most likely: the search field (scans are caught wherever it is)."""
        if not self.isVisible():
            return
        (self.panel if self.kiosk_on else self.search).setFocus(Qt.FocusReason.OtherFocusReason)

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def _fill_workshops(self) -> None:
        keep = self.workshop_id() or self.ctx.settings.get(S.LAST_WORKSHOP)
        choices = workshop_choices(self.ctx.store)
        self.workshop.blockSignals(True)
        self.workshop.clear()
        for wid, title, start, end in choices:
            self.workshop.addItem(f"{date_text(start, end)} · {title}", wid)
            self.workshop.setItemData(self.workshop.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        index = self.workshop.findData(keep) if keep else -1
        if index < 0 and choices:
            index = self._default_index(choices)
        self.workshop.setCurrentIndex(index)
        self.workshop.blockSignals(False)
        self._after_workshop_change()

    @staticmethod
    def _default_index(choices: list) -> int:
        """Today's workshop, else the next one, else the latest."""
        today = dt.date.today()
        for i, (_wid, _title, start, end) in enumerate(choices):
            if start and start <= today <= (end or start):
                return i
        for i, (_wid, _title, start, _end) in enumerate(choices):
            if start and start >= today:
                return i
        return len(choices) - 1

    def _select_workshop(self, wid: str) -> None:
        index = self.workshop.findData(wid)
        if index >= 0 and index != self.workshop.currentIndex():
            self.workshop.setCurrentIndex(index)  # → _workshop_changed

    def _workshop_changed(self, _index: int) -> None:
        wid = self.workshop_id()
        if wid:
            self.ctx.settings.set(S.LAST_WORKSHOP, wid)
        self._after_workshop_change()
        self.refresh_live()
        self.show_idle()
        QTimer.singleShot(0, self._rest_focus)  # typing and scans go back where they belong, not to the chooser

    def _after_workshop_change(self) -> None:
        self.workshop_title.setText(self.workshop.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        wid = self.workshop_id()
        self.session_picker.set_workshop(self.ctx.store, wid)
        if wid != self._current_wid:  # not when the list was only refilled (a workshop added elsewhere)
            self._current_wid = wid
            if self.last_result is not None and self.last_result.workshop_id != wid:
                self.undo_target = None  # Undo and Print badge act on this workshop's last check-in only
                self.badge_person = None
            self.search.clear()
            self.results_model.set_rows([])
            self.camera.forget_seen()
        self.card_reader.sync_workshop()
        self._update_buttons()

    # --- the session ------------------------------------------------------------------------------------------------

    def session_id(self) -> str | None:
        """The session check-ins go to: the picker's (the current one by the clock unless switched by hand)."""
        return self.session_picker.session_id()

    def _session_changed(self, _sid: str) -> None:
        self.refresh_live()

    def open_paper_keyin(self) -> PaperKeyInDialog | None:
        """Key in this session's attendance from the paper sheet (window-modal, not blocking)."""
        wid, sid = self.workshop_id(), self.session_id()
        if not wid or not sid:
            return None
        dialog = PaperKeyInDialog(self.ctx.store, wid, sid, self.ctx.store.operator or "", parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # --- the desk ---------------------------------------------------------------------------------------------------

    def desk(self) -> str:
        """This desk's name: the window setting, else the data folder's desk, else "1"."""
        return (self.ctx.settings.get(S.DESK_NAME) or self.ctx.store.desk or "1").strip() or "1"

    def _desk_edited(self) -> None:
        text = self.desk_edit.text()
        if " ".join(text.split()) == self.desk():
            self.desk_edit.setText(self.desk())
            return
        try:
            name = set_desk(self.ctx.store, text)
        except UserError as exc:
            self.desk_edit.setText(self.desk())
            self.panel.show_error(self.tr("The desk name was not changed"), exc.message(current_language()))
            self._shown = ("error",)
            return
        self.ctx.settings.reset(S.DESK_NAME)  # the data folder's desk (the command line's too) is the one name
        self.desk_edit.setText(name)
        refresh = getattr(self.window(), "retranslate", None)  # the status bar names the desk
        if callable(refresh) and self.window() is not self:
            refresh()

    # --- checking in ------------------------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> CheckinResult | None:
        """A scanner burst or a camera read: check in whoever's code it holds (or join the desk whose venue code it is)."""
        if self.venue.take_scan(text):
            return None
        wid = self.workshop_id()
        if not wid:
            self.panel.show_error(self.tr("Choose a workshop first"), self.tr("There is no workshop to check in to."))
            self._shown = ("error",)
            self.sound.play("red")
            return None
        try:
            result = check_in(self.ctx.store, wid, text, desk=self.desk(), session_id=self.session_id())
        except UserError as exc:
            return self._not_checked_in(exc)
        self.show_result(result)
        return result

    def check_in_row(self, row: int) -> CheckinResult | None:
        """Check in the person on row ``row`` of the search results."""
        pid = self.results_model.person_id(row)
        wid = self.workshop_id()
        if not pid or not wid:
            return None
        try:
            result = check_in_person(self.ctx.store, wid, pid, desk=self.desk(), session_id=self.session_id())
        except UserError as exc:
            return self._not_checked_in(exc)
        self.search.clear()
        self.results_model.set_rows([])
        self.show_result(result)
        self.search.setFocus()
        return result

    def check_in_selected(self) -> CheckinResult | None:
        row = self.results.currentIndex().row()
        if row < 0 and self.results_model.rowCount() == 1:
            row = 0
        return self.check_in_row(row) if row >= 0 else None

    def _panel_action(self) -> None:
        """The panel's button: "check in anyway" for a person not invited, "import the office kit" with no workshop."""
        if self.workshop_id():
            self.check_in_anyway()
        elif not self.kiosk_on:
            self.ctx.navigate("exchange")

    def _not_checked_in(self, exc: UserError) -> None:
        """Red at once, with the sound: the check-in was refused (the workshop was removed meanwhile, say)."""
        self.panel.show_error(self.tr("Not checked in"), exc.message(current_language()))
        self._shown = ("error",)
        self.sound.play("red")

    def check_in_anyway(self) -> CheckinResult | None:
        """F2 (or the panel's button) on a person not invited to this workshop: check them in and add the invitation.
        Only while that result is what the panel shows, never in kiosk mode."""
        target = self.invite_target
        if target is None or self.kiosk_on or self._shown != ("result", target) or target.workshop_id != self.workshop_id():
            return None
        try:
            result = check_in_person(
                self.ctx.store,
                target.workshop_id,
                target.person_id,
                desk=self.desk(),
                invite=True,
                session_id=target.session_id,  # the session the refused scan was for
            )
        except UserError as exc:
            return self._not_checked_in(exc)
        self.show_result(result)
        return result

    def show_result(self, result: CheckinResult) -> None:
        self.invite_target = result if result.kind is Kind.NOT_INVITED else None
        self.last_result = result
        if result.kind is Kind.CHECKED_IN and result.attendance_created:
            self.undo_target = result
        if result.person_id:
            self.badge_person = (result.person_id, result.name)
        self._shown = ("result", result)
        self._render_result(result)
        self.sound.play(STATE_OF_KIND[result.kind])
        self._update_buttons()
        if self.kiosk_on:
            self._idle_timer.start()

    def _render_result(self, result: CheckinResult) -> None:
        self.panel.show_result(result, self.tr("Unknown code"), self.tr("Scanned: {text}"))
        if result.kind is Kind.NOT_INVITED:
            if self.kiosk_on:
                self.panel.message.setText(self.tr("Not on the invitation list: please see the desk staff."))
            else:
                title = self.workshop.currentData(Qt.ItemDataRole.ToolTipRole) or ""
                self.panel.message.setText(self.tr("Not on the invitation list of «{workshop}»: not checked in.")
                                           .format(workshop=title))
                self.panel.action.setText(self.tr("Check in anyway and add to the list (F2)"))
                self.panel.action.show()

    def show_idle(self) -> None:
        self._shown = ("idle",)
        if not self.workshop_id():
            self._show_no_workshop()
        elif self.kiosk_on:
            self.panel.show_idle(self.tr("Show your badge's QR code to the scanner"),
                                 self.tr("Welcome! Scan your badge to check in."))
        else:
            self.panel.show_idle(self.tr("Ready to scan"),
                                 self.tr("Scan a badge, or search a name below. Walk-ins: Register a walk-in."))

    def _show_no_workshop(self) -> None:
        """A new field laptop gets its workshops from the office kit; the office adds them itself."""
        if self.ctx.store.role == DeviceRole.OFFICE.value:
            self.panel.show_idle(self.tr("No workshop yet"), self.tr("Add a workshop on the Workshops page first."))
            return
        self.panel.show_idle(
            self.tr("No workshop on this laptop yet"),
            self.tr("Import the office kit (the file the office gives you, e.g. on a USB stick): it brings the "
                    "workshop and its invitation list. Exchange page → Import."),
        )
        self.panel.action.setText(self.tr("Import the office kit…"))
        self.panel.action.show()

    def undo_last(self) -> None:
        target = self.undo_target
        if target is None:
            return
        try:
            outcome = undo_checkin(self.ctx.store, target)
        except UserError as exc:
            self.panel.show_error(self.tr("Not undone"), exc.message(current_language()))
            self._shown = ("error",)
            return
        self.undo_target = None
        if self.badge_person and self.badge_person[0] == target.person_id and target.person_created and outcome.done:
            self.badge_person = None
        self._shown = ("note", outcome)
        self.panel.show_note(outcome.message(current_language()))
        self._update_buttons()

    # --- walk-ins and badges ----------------------------------------------------------------------------------------

    def open_walkin(self) -> WalkinDialog | None:
        """Open the walk-in form (window-modal, not blocking); a registration is shown like a scan."""
        wid = self.workshop_id()
        if not wid:
            return None
        workshop = get_workshop(self.ctx.store, wid) or {}
        dialog = WalkinDialog(
            self.ctx.store,
            wid,
            desk=self.desk(),
            workshop_title=workshop.get("title") or "",
            district_code=workshop.get("district_code"),
            parent=self,
        )
        dialog.session_id = self.session_id()
        dialog.finished.connect(lambda code, d=dialog: self._walkin_done(d, code))
        dialog.open()
        return dialog

    def _walkin_done(self, dialog: WalkinDialog, code: int) -> None:
        if code and dialog.result is not None:
            self.show_result(dialog.result)
            if dialog.result.person_created and self.badge_button.isEnabled():
                self.badge_button.setFocus()
        dialog.deleteLater()

    def print_badge(self) -> None:
        """Print the person's badge straight to the desk's printer (``checkin_badge.BadgeDesk``)."""
        wid = self.workshop_id()
        if self.badge_person is None or not wid:
            return
        pid, name = self.badge_person
        self.badges.print(wid, pid, name)

    def _badge_said(self, text: str, ok: bool) -> None:
        self.badge_note.setText(text)
        self.badge_note.setStyleSheet("color: #1b7a34;" if ok else "color: #c62828; font-weight: bold;")
        self.badge_note.setVisible(not self.kiosk_on)

    # --- search -----------------------------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        if not self.kiosk_on:
            self.search.setFocus()
            self.search.selectAll()

    def run_search(self) -> None:
        text = self.search.text().strip()
        wid = self.workshop_id()
        keep = self.results_model.person_id(self.results.currentIndex().row())
        if not text or not wid:
            self.results_model.set_rows([])
        else:
            self.results_model.set_rows(search_people(self.ctx.store, text, wid, limit=50))
        if self.results_model.rowCount():
            ids = [self.results_model.person_id(r) for r in range(self.results_model.rowCount())]
            self.results.selectRow(ids.index(keep) if keep in ids else 0)  # a refresh keeps the person chosen
        self._show_search_hint()

    def _show_search_hint(self) -> None:
        text = self.search.text().strip()
        n = self.results_model.rowCount()
        if not text:
            self.search_hint.setText(self.tr("Type part of a name, organisation or phone number; Enter or a double "
                                             "click checks the selected person in."))
        elif n == 0:
            self.search_hint.setText(self.tr("No one found. Register a walk-in?"))
        else:
            self.search_hint.setText(self.tr("{n} found; Enter checks in the selected person, ↑ ↓ choose.").format(n=n))

    def eventFilter(self, obj, event: QEvent) -> bool:
        """Up and Down in the search field move through the results."""
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results_model.rowCount():
                row = self.results.currentIndex().row()
                row = row + 1 if key == Qt.Key.Key_Down else row - 1
                self.results.selectRow(max(0, min(row, self.results_model.rowCount() - 1)))
                return True
        return super().eventFilter(obj, event)

    # --- live counts ------------------------------------------------------------------------------------------------

    def _data_changed(self, result: ApplyResult) -> None:
        changed = set(result.changed)
        if "session" in changed and self.loaded:
            self.session_picker.reload()
        if "workshop" in changed and self.loaded:
            self._fill_workshops()
        if changed & _WATCHED:
            self._needs_refresh = True
            if self.isVisible():
                self._refresh_timer.start()

    def refresh_live(self) -> None:
        """Counts and the latest check-ins of the chosen workshop, from the core."""
        self._needs_refresh = False
        wid = self.workshop_id()
        if not wid:
            self.by_type_model.set_rows([])
            self.by_district_model.set_rows([])
            self.recent_model.set_rows([])
            self._counts = None
            self._show_totals()
            return
        try:
            counts = live_counts(self.ctx.store, wid, self.session_id())
        except UserError:  # the workshop was removed meanwhile
            self._fill_workshops()
            return
        self._counts = counts
        self.by_type_model.set_rows(counts.by_type)
        self.by_district_model.set_rows(counts.by_district)
        self.recent_model.set_rows(latest_checkins(self.ctx.store, wid, limit=30, session_id=self.session_id()))
        self._show_totals()
        if self.search.text().strip():
            self.run_search()

    def _show_totals(self) -> None:
        counts = self._counts
        if counts is None:
            self.totals.setText("")
            return
        self.totals.setText(
            f"<span style='font-size:30pt; font-weight:bold;'>{counts.checked_in:,}</span>"
            f"<span style='font-size:16pt; color:#5f6b73;'> / {counts.invited:,}</span><br>"
            + self.tr("checked in / invited")
        )

    # --- camera -----------------------------------------------------------------------------------------------------

    def _check_camera(self) -> None:
        self._camera_checked = True
        self._camera_problem = camera_problem()
        self._update_camera_texts()

    def _camera_toggled(self, on: bool) -> None:
        if on:
            problem = self.camera.start()
            if problem:
                self._camera_problem = problem
                self.camera_button.setChecked(False)
                self._update_camera_texts()
                return
            self.camera.show()
        else:
            self.camera.stop()
            self.camera.hide()
        self._update_camera_texts()

    def _camera_failed(self, text: str) -> None:
        self.camera_button.setChecked(False)
        self.camera_note.setText(self.tr("The camera stopped: {error}").format(error=text))

    def _camera_reason(self) -> str:
        if self._camera_problem == NO_MODULE:
            return self.tr("No webcam scanning: this copy of the program was installed without its camera part. "
                           "Ask the office for the full installer, or use the USB scanner or the name search.")
        if self._camera_problem:
            return self.tr("No webcam scanning: no camera was found on this computer. Use the USB scanner or the "
                           "name search.")
        return ""

    def _update_camera_texts(self) -> None:
        reason = self._camera_reason()
        self.camera_button.setEnabled(not reason)
        self.camera_button.setToolTip(reason or self.tr("Read QR codes with the webcam"))
        self.camera_note.setText(reason)
        self.camera_note.setVisible(bool(reason) and not self.kiosk_on)
        self.camera_button.setText(self.tr("Stop camera") if self.camera.running else self.tr("Camera"))

    # --- kiosk ------------------------------------------------------------------------------------------------------

    def set_kiosk_pin(self) -> PinDialog:
        dialog = PinDialog("set", parent=self)
        dialog.finished.connect(lambda code, d=dialog: self._pin_set(d, code))
        dialog.open()
        return dialog

    def _pin_set(self, dialog: PinDialog, code: int, then: Callable[[], None] | None = None) -> None:
        if code and dialog.pin:
            save_kiosk_pin(self.ctx.settings, dialog.pin)
            if then is not None:
                then()
        dialog.deleteLater()

    def enter_kiosk(self) -> PinDialog | None:
        """Kiosk mode; asks for a new PIN first when none is set (returns that dialog)."""
        if not self.workshop_id():
            return None
        if not stored_kiosk_pin(self.ctx.settings):
            dialog = PinDialog("set", parent=self)
            dialog.finished.connect(lambda code, d=dialog: self._pin_set(d, code, then=self._kiosk_on))
            dialog.open()
            return dialog
        self._kiosk_on()
        return None

    def _kiosk_on(self) -> None:
        self.kiosk_on = True
        self.kiosk.enter()
        self._apply_kiosk()
        self.show_idle()
        self._rest_focus()

    def ask_leave_kiosk(self) -> PinDialog:
        dialog = PinDialog("ask", verify=lambda pin: kiosk_pin_ok(self.ctx.settings, pin), parent=self)
        dialog.finished.connect(lambda code, d=dialog: self._leave_answer(d, code))
        dialog.open()
        return dialog

    def _leave_answer(self, dialog: PinDialog, code: int) -> None:
        if code:
            self.leave_kiosk()
        dialog.deleteLater()

    def leave_kiosk(self) -> None:
        self.kiosk_on = False
        self._idle_timer.stop()
        self.kiosk.leave()
        self._apply_kiosk()
        self.show_idle()
        self._rest_focus()

    def _apply_kiosk(self) -> None:
        on = self.kiosk_on
        # admin and names of others hidden; the counts (no names) stay
        for w in (self.workshop, self.desk_label, self.desk_edit, self.options, self.kiosk_button, self.undo_button,
                  self.session_picker, self.paper_button, self.walkin_button, self.badge_button, self.search,
                  self.results, self.search_hint, self.recent_label, self.recent, self.heading,
                  self.card_reader.allowances):
            w.setVisible(not on)
        self.camera_note.setVisible(not on and bool(self.camera_note.text()))
        self.camera_button.setVisible(not on or self.camera_button.isEnabled())
        self.workshop_title.setVisible(on)
        self.leave_kiosk_button.setVisible(on)
        self.panel.set_large(on)

    # --- state ------------------------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_workshop = bool(self.workshop_id())
        self.walkin_button.setEnabled(has_workshop)
        self.paper_button.setEnabled(has_workshop)
        self.kiosk_button.setEnabled(has_workshop)
        self.search.setEnabled(has_workshop)
        self.undo_button.setEnabled(self.undo_target is not None)
        self.undo_button.setToolTip(
            self.tr("Undo the check-in of {name}").format(name=self.undo_target.name) if self.undo_target else ""
        )
        if self._badge is None:
            self._badge = badge_renderer() or False
        can_print = bool(self._badge)
        self.badge_button.setEnabled(can_print and self.badge_person is not None)
        if not can_print:
            self.badge_button.setToolTip(self.tr("Badge printing is not available in this version yet"))
        elif self.badge_person:
            self.badge_button.setToolTip(self.tr("Print the badge of {name}").format(name=self.badge_person[1]))
        else:
            self.badge_button.setToolTip("")

    def _sound_toggled(self, on: bool) -> None:
        self.sound.enabled = on
        self.ctx.settings.set(S.CHECKIN_SOUND, on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.wedge.start()
        self.card_reader.start()
        if self._needs_refresh and self.loaded:
            self.refresh_live()

    def hideEvent(self, event: QEvent) -> None:
        self.wedge.stop()
        self.card_reader.stop()
        if self.camera.running and not self.window().isMinimized():
            self.camera_button.setChecked(False)
        super().hideEvent(event)

    def _language_changed(self, _lang: str) -> None:
        for model in (self.results_model, self.recent_model, self.by_type_model, self.by_district_model):
            model.refresh_labels()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check-in"))
        self.workshop.setToolTip(self.tr("The workshop people are checking in to"))
        self.desk_label.setText(self.tr("Desk"))
        self.desk_edit.setToolTip(self.tr("This desk's name, recorded with each check-in (desk 1, desk 2…)"))
        self.options.setText(self.tr("Options"))
        self.sound_action.setText(self.tr("Sound for each result"))
        self.pin_action.setText(self.tr("Set the kiosk PIN…"))
        self.door_action.setText(self.tr("Open on this screen when the program starts"))
        self.printer_action.setText(self.tr("Badge printer and paper…"))
        self.kiosk_button.setText(self.tr("Kiosk mode"))
        self.kiosk_button.setToolTip(self.tr("Full screen with only the scan result; a PIN is needed to leave"))
        self.leave_kiosk_button.setText(self.tr("Leave kiosk…"))
        self.undo_button.setText(self.tr("Undo last check-in"))
        self.walkin_button.setText(self.tr("Register a walk-in…"))
        self.paper_button.setText(self.tr("Key in from paper…"))
        self.paper_button.setToolTip(self.tr("Tick this session's attendance from the signed paper sheet"))
        self.badge_button.setText(self.tr("Print badge"))
        self.search.setPlaceholderText(self.tr("Search a name (Thai or English) if there is no badge…"))
        self.count_tabs.setTabText(0, self.tr("By participant type"))
        self.count_tabs.setTabText(1, self.tr("By district"))
        self.recent_label.setText(self.tr("Latest check-ins"))
        self._update_camera_texts()
        self._update_buttons()
        self._show_search_hint()
        self._show_totals()
        kind = self._shown[0]
        if kind == "idle":
            self.show_idle()
        elif kind == "result":
            self._render_result(self._shown[1])
        elif kind == "note":
            self.panel.show_note(self._shown[1].message(current_language()))
