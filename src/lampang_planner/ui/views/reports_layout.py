"""The reports page's widgets, layout and wiring: the scope (workshop, Thai digits), a box per output with its
button, the row of the running export (progress, status, Cancel, Open, Show folder), and the charts."""

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

from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.widgets.build import STRETCH, button, combo, hbox, label, panel, scrolled, vbox
from lampang_planner.ui.widgets.chart import BarChart

if TYPE_CHECKING:
    from lampang_planner.ui.views.reports import ReportsPage


def output_box(name: str, clicked) -> tuple[QGroupBox, QLabel, QPushButton]:
    box = QGroupBox()
    text = label(wrap=True)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    action = button(name, clicked)
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
    p.heading = heading_label()
    p.scope_label = label()
    p.workshop = combo("reportWorkshop", 40, max_visible=20)
    p.scope_label.setBuddy(p.workshop)
    p.thai_digits = QCheckBox()
    p.thai_digits.setObjectName("thaiDigits")

    # the outputs
    p.excel_box, p.excel_text, p.excel_button = output_box("exportExcel", p._ask_excel)
    p.summary_box, p.summary_text, p.summary_button = output_box("exportSummary", p._ask_summary)
    p.resolution_box, p.resolution_text, p.resolution_button = output_box("exportResolution", p._ask_resolution)
    p.payments_box, p.payments_text, p.payments_button = output_box("exportPayments", p._ask_payments)
    p.signsheet_button = button("exportSignsheet", p._ask_signsheet)
    p.payments_box.layout().insertWidget(1, p.signsheet_button, 0, Qt.AlignmentFlag.AlignLeft)
    p.resolution = combo("reportResolution", 24)
    p.resolution_box.layout().insertWidget(1, p.resolution)


def _running(p: ReportsPage) -> None:
    # progress of the running export
    p.progress = QProgressBar()
    p.progress.setObjectName("reportProgress")
    p.progress.setMinimumWidth(260)
    p.status = label("reportStatus", wrap=True, selectable=True)
    p.cancel_button = button("cancelExport", p.cancel)
    p.open_button = button("openReport", p._open_last)
    p.folder_button = button("openReportFolder", p._open_folder)


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
