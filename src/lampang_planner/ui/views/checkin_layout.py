"""The check-in page's widgets, built and laid out: the top bar, the scan column (result, actions, search) and the
counts column. Each builder sets the widgets as attributes of the page (``page.search``, ``page.recent``…), the
names the page's methods and the tests use; ``checkin_wiring`` connects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from lampang_planner.ui import settings as S
from lampang_planner.ui.i18n import translate
from lampang_planner.ui.models.checkin import CountsModel, RecentModel, SearchResultsModel
from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.views.checkin_card import CardReaderController
from lampang_planner.ui.views.checkin_door import OPEN_AT_START
from lampang_planner.ui.views.checkin_panel import ResultPanel
from lampang_planner.ui.views.venue import VenueBar
from lampang_planner.ui.widgets.build import STRETCH, button, fill, hbox, label, line_edit, panel, retranslated, vbox
from lampang_planner.ui.widgets.camera import CameraScanner
from lampang_planner.ui.widgets.session_picker import SessionPicker
from lampang_planner.ui.widgets.steady_combo import SteadyComboBox
from lampang_planner.ui.widgets.table import plain_table

if TYPE_CHECKING:
    from lampang_planner.ui.views.checkin import CheckinPage

NOTE_STYLE = "color: #5f6b73;"
TOTALS_STYLE = "background: #f2f4f7; border: 1px solid #d5d9e0; border-radius: 8px; padding: 6px;"


def build_page(page: CheckinPage) -> None:
    """Every widget of the page, in the order the page always made them (the focus chain follows it)."""
    top = build_top_bar(page)
    left = build_scan_column(page)
    right = build_counts_column(page)
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setStyleSheet("color: #d5d9e0;")
    body = hbox((left, 1), line, right)
    vbox(top, (body, 1), parent=page)


def build_top_bar(page: CheckinPage) -> QHBoxLayout:
    """Heading, workshop chooser (or its title in kiosk mode), session, desk name, options, kiosk buttons."""
    page.heading = heading_label(text=lambda: translate("CheckinPage", "Check-in"))
    page.workshop = SteadyComboBox()  # no stray wheel, arrow or scanner key changes the workshop
    page.workshop.setObjectName("checkinWorkshop")
    page.workshop.setMinimumContentsLength(30)
    page.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    page.workshop.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    retranslated(page.workshop, toolTip=lambda: translate("CheckinPage", "The workshop people are checking in to"))
    # kiosk mode shows the title instead of the chooser
    page.workshop_title = label("kioskWorkshopTitle", style="font-size: 16pt; font-weight: bold; padding: 2px 8px;",
                                hidden=True)  # fmt: skip
    page.desk_label = label(text=lambda: translate("CheckinPage", "Desk"))
    page.desk_edit = line_edit("deskName", tip=lambda: translate(
        "CheckinPage", "This desk's name, recorded with each check-in (desk 1, desk 2…)"))
    page.desk_edit.setMaxLength(40)
    page.desk_edit.setFixedWidth(110)
    # a push button draws its menu arrow beside the text, not over it
    page.options = button("checkinOptions", text=lambda: translate("CheckinPage", "Options"))
    page.options.setMenu(_options_menu(page))
    page.kiosk_button = button("kioskButton", text=lambda: translate("CheckinPage", "Kiosk mode"), tip=lambda: translate(
        "CheckinPage", "Full screen with only the scan result; a PIN is needed to leave"))
    page.leave_kiosk_button = button("leaveKiosk", hidden=True, text=lambda: translate("CheckinPage", "Leave kiosk…"))
    top = hbox(page.heading, (page.workshop, 1), (page.workshop_title, 1))
    page.session_picker = SessionPicker()
    return fill(top, (page.session_picker, 12, page.desk_label, page.desk_edit, page.options, page.kiosk_button,
                      page.leave_kiosk_button))  # fmt: skip


def _options_menu(page: CheckinPage) -> QMenu:
    """The Options menu: sound, kiosk PIN, open at the door, badge printer."""
    ctx = page.ctx
    page.options_menu = QMenu(page)
    page.sound_action = QAction(page)
    page.sound_action.setCheckable(True)
    page.sound_action.setChecked(ctx.settings.get(S.CHECKIN_SOUND))
    page.sound_action.toggled.connect(page._sound_toggled)
    page.pin_action = QAction(page)
    page.pin_action.triggered.connect(page.set_kiosk_pin)
    page.door_action = QAction(page)  # open the window here each time: a laptop at the door
    page.door_action.setCheckable(True)
    page.door_action.setChecked(bool(ctx.settings.get(OPEN_AT_START)))
    page.door_action.toggled.connect(lambda on: ctx.settings.set(OPEN_AT_START, on))
    page.options_menu.addAction(page.sound_action)
    page.options_menu.addAction(page.pin_action)
    page.options_menu.addAction(page.door_action)
    page.printer_action = QAction(page)
    page.printer_action.triggered.connect(lambda: page.badges.choose())
    page.options_menu.addAction(page.printer_action)
    return page.options_menu


def build_scan_column(page: CheckinPage) -> QWidget:
    """The left column: the result panel (and the camera view), the action buttons, the card reader's line, the notes
    and the name search."""
    page.panel = ResultPanel()
    page.camera = CameraScanner(page.ctx.tasks)
    page.camera.hide()
    result_row = hbox((page.panel, 1), (page.camera, 0, Qt.AlignmentFlag.AlignTop))
    actions = _action_buttons(page)
    _build_search(page)
    page.left = panel(result_row, actions)
    page.card_reader = CardReaderController(page)  # the Thai ID card reader: its own thread and status line
    fill(page.left.layout(), (page.card_reader.bar, page.badge_note, page.camera_note, page.search, (page.results, 1),
                              page.search_hint))  # fmt: skip
    return page.left


def _action_buttons(page: CheckinPage) -> QHBoxLayout:
    """Undo, walk-in, paper, badge and camera buttons, and the badge and camera notes under them."""
    page.undo_button = button("undoLast", text=lambda: translate("CheckinPage", "Undo last check-in"))
    page.walkin_button = button("walkIn", text=lambda: translate("CheckinPage", "Register a walk-in…"))
    page.paper_button = button("paperKeyInButton", text=lambda: translate("CheckinPage", "Key in from paper…"),
                               tip=lambda: translate("CheckinPage",
                                                     "Tick this session's attendance from the signed paper sheet"))
    page.badge_button = button("printBadge", text=lambda: translate("CheckinPage", "Print badge"))
    page.camera_button = button("cameraButton", checkable=True)
    # what became of the last badge sent to the printer
    page.badge_note = label("badgeNote", wrap=True, hidden=True)
    page.camera_note = label("cameraNote", wrap=True, style=NOTE_STYLE)
    buttons = (page.undo_button, page.walkin_button, page.paper_button, page.badge_button, page.camera_button)
    for b in buttons:
        b.setMinimumHeight(36)
    return hbox(*buttons, STRETCH)


def _build_search(page: CheckinPage) -> None:
    """The name search field, its results table and its hint line."""
    page.search = line_edit("checkinSearch", clearable=True, placeholder=lambda: translate(
        "CheckinPage", "Search a name (Thai or English) if there is no badge…"))
    page.search.setMinimumHeight(34)
    page.results_model = SearchResultsModel(page)
    page.results = plain_table(page.results_model, page)
    page.results.setObjectName("searchResults")
    hh = page.results.horizontalHeader()  # name and organisation share the room; place and status fit their text
    hh.setStretchLastSection(False)
    for column, mode in enumerate(
        (
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents,
        )
    ):
        hh.setSectionResizeMode(column, mode)
    page.search_hint = label("searchHint", style=NOTE_STYLE)


def build_counts_column(page: CheckinPage) -> QWidget:
    """The right column: checked in / invited, counts by type and by district, the latest check-ins, the venue bar."""
    page.totals = label("checkinTotals", rich=True, style=TOTALS_STYLE)
    page.totals.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.by_type_model = CountsModel(page)
    page.by_district_model = CountsModel(page)
    page.by_type = plain_table(page.by_type_model, page)
    page.by_type.setObjectName("countsByType")
    page.by_district = plain_table(page.by_district_model, page)
    page.by_district.setObjectName("countsByDistrict")
    for view in (page.by_type, page.by_district):
        h = view.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    page.count_tabs = QTabWidget()
    page.count_tabs.setObjectName("countTabs")
    page.count_tabs.addTab(page.by_type, "")
    page.count_tabs.addTab(page.by_district, "")
    page.recent_label = label("recentLabel", text=lambda: translate("CheckinPage", "Latest check-ins"))
    page.recent_model = RecentModel(page)
    page.recent = plain_table(page.recent_model, page)
    page.recent.setObjectName("recentCheckins")
    rh = page.recent.horizontalHeader()
    rh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    rh.setStretchLastSection(False)
    rh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    page.recent.setColumnWidth(0, 56)
    page.recent.setColumnWidth(1, 170)
    page.recent.setColumnWidth(3, 50)

    page.right = panel(page.totals, (page.count_tabs, 3), page.recent_label, (page.recent, 2))
    page.right.setFixedWidth(400)
    page.venue = VenueBar(page.ctx)  # issue #18: desks at one venue share their scans live
    page.right.layout().addWidget(page.venue)
    return page.right
