"""The reports page's widgets, layout and wiring: the scope (workshop, Thai digits), a box per output with its
button, the row of the running export (progress, status, Cancel, Open, Show folder), and the charts. Their fixed
texts are the page's (translation context "ReportsPage")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
)

from lampang_planner.ui.i18n import translate
from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.widgets.build import (
    STRETCH,
    Text,
    button,
    combo,
    hbox,
    label,
    panel,
    retranslated,
    scrolled,
    vbox,
)
from lampang_planner.ui.widgets.chart import BarChart

if TYPE_CHECKING:
    from lampang_planner.ui.views.reports import ReportsPage


def output_box(name: str, clicked, title: Text, about: Text, action_text: Text,
               ) -> tuple[QGroupBox, QLabel, QPushButton]:  # fmt: skip
    """A box: its ``title``, what the output holds (``about``) and the button that makes it."""
    box = retranslated(QGroupBox(), title=title)
    text = label(wrap=True, text=about)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    action = button(name, clicked, text=action_text)
    vbox((text, 1), (action, 0, Qt.AlignmentFlag.AlignLeft), parent=box)
    return box, text, action


def build(p: ReportsPage) -> None:
    _scope_and_outputs(p)
    _running(p)
    _charts(p)
    top = hbox(p.heading, STRETCH)
    scope = hbox(p.scope_label, (p.workshop, 1), 16, p.thai_digits)
    boxes = hbox(*((box, 1) for box in (p.excel_box, p.summary_box, p.resolution_box, p.payments_box)))
    running = hbox(p.progress, (p.status, 1), p.cancel_button, p.open_button, p.folder_button)
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    vbox(top, scope, boxes, running, line, p.charts_heading, (_chart_area(p), 1), parent=p)
    _wire(p)


def _scope_and_outputs(p: ReportsPage) -> None:
    p.heading = heading_label(text=lambda: translate("ReportsPage", "Reports"))
    p.scope_label = label(text=lambda: translate("ReportsPage", "&Workshop:"))
    p.workshop = combo("reportWorkshop", 40, max_visible=20)
    p.scope_label.setBuddy(p.workshop)
    p.thai_digits = retranslated(QCheckBox(),
                                 text=lambda: translate("ReportsPage", "Thai digits in PDF documents (๐๑๒)"))
    p.thai_digits.setObjectName("thaiDigits")

    # the outputs
    p.excel_box, p.excel_text, p.excel_button = output_box(
        "exportExcel", p._ask_excel, lambda: translate("ReportsPage", "Excel workbook"),
        lambda: translate("ReportsPage", "Attendance per workshop, a summary per district, needs, resolutions and "
                          "votes, and the needs routed to the PAO plan as project rows of form ผ.02. Dates are real "
                          "dates shown in the Buddhist era."),
        lambda: translate("ReportsPage", "Export Excel…"))
    p.summary_box, p.summary_text, p.summary_button = output_box(
        "exportSummary", p._ask_summary, lambda: translate("ReportsPage", "Workshop summary (PDF)"),
        lambda: translate("ReportsPage", "Attendance by participant type and district, the needs raised, and the "
                          "votes, with charts. For the workshop chosen above."),
        lambda: translate("ReportsPage", "Save summary PDF…"))
    p.resolution_box, p.resolution_text, p.resolution_button = output_box(
        "exportResolution", p._ask_resolution, lambda: translate("ReportsPage", "Resolution document (PDF)"),
        lambda: translate("ReportsPage", "The consolidated resolution, clause by clause, with every workshop's "
                          "amendments and votes."),
        lambda: translate("ReportsPage", "Save resolution PDF…"))
    p.payments_box, p.payments_text, p.payments_button = output_box(
        "exportPayments", p._ask_payments, lambda: translate("ReportsPage", "Sign-in sheet and payment list"),
        lambda: translate("ReportsPage", "The evidence for allowances, per session: the sign-in sheet to sign, and "
                          "the payment list at the office's rates with amounts in Thai words."),
        lambda: translate("ReportsPage", "Payment list…"))
    p.signsheet_button = button("exportSignsheet", p._ask_signsheet,
                                text=lambda: translate("ReportsPage", "Sign-in sheet…"))
    p.payments_box.layout().insertWidget(1, p.signsheet_button, 0, Qt.AlignmentFlag.AlignLeft)
    p.resolution = combo("reportResolution", 24)
    p.resolution_box.layout().insertWidget(1, p.resolution)


def _running(p: ReportsPage) -> None:
    # progress of the running export
    p.progress = QProgressBar()
    p.progress.setObjectName("reportProgress")
    p.progress.setMinimumWidth(260)
    p.status = label("reportStatus", wrap=True, selectable=True)
    p.cancel_button = button("cancelExport", p.cancel, text=lambda: translate("ReportsPage", "Cancel"))
    p.open_button = button("openReport", p._open_last, text=lambda: translate("ReportsPage", "Open"))
    p.folder_button = button("openReportFolder", p._open_folder, text=lambda: translate("ReportsPage", "Show folder"))


def _charts(p: ReportsPage) -> None:
    p.attendance_chart = BarChart()
    p.attendance_chart.setObjectName("attendanceChart")
    p.needs_chart = BarChart()
    p.needs_chart.setObjectName("needsChart")
    p.charts_heading = label("detailHeading")


def _chart_area(p: ReportsPage) -> QScrollArea:
    charts = QGridLayout()
    charts.addWidget(p.attendance_chart, 0, 0, Qt.AlignmentFlag.AlignTop)
    charts.addWidget(p.needs_chart, 0, 1, Qt.AlignmentFlag.AlignTop)
    charts.setColumnStretch(0, 1)
    charts.setColumnStretch(1, 1)
    charts.setHorizontalSpacing(24)
    return scrolled(panel(charts, STRETCH))


def _wire(p: ReportsPage) -> None:
    p.workshop.currentIndexChanged.connect(p._scope_changed)
    p.resolution.currentIndexChanged.connect(lambda _i: p._update_buttons())
    p._chart_timer = QTimer(p)
    p._chart_timer.setSingleShot(True)
    p._chart_timer.setInterval(400)
    p._chart_timer.timeout.connect(p.refresh_charts)
    p.ctx.events.changed.connect(p._data_changed)
    p.ctx.i18n.changed.connect(p._language_changed)
