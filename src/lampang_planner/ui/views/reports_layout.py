"""The reports page's widgets, layout and wiring: the scope (workshop, Thai digits), a box per output with its
button, the row of the running export (progress, status, Cancel, Open, Show folder), and the charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.ui.views.base import heading_label
from lampang_planner.ui.widgets.chart import BarChart

if TYPE_CHECKING:
    from lampang_planner.ui.views.reports import ReportsPage


def output_box(name: str) -> tuple[QGroupBox, QLabel, QPushButton]:
    box = QGroupBox()
    text = QLabel()
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    button = QPushButton()
    button.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.addWidget(text, 1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return box, text, button


def build(p: ReportsPage) -> None:
    _scope_and_outputs(p)
    _running(p)
    _charts(p)
    top, scope, boxes, running, charts = _rows(p)
    scroll, line = _chart_area(charts)
    _lay_out(p, top, scope, boxes, running, scroll, line)
    _wire(p)


def _scope_and_outputs(p: ReportsPage) -> None:
    p.heading = heading_label()
    p.scope_label = QLabel()
    p.workshop = QComboBox()
    p.workshop.setObjectName("reportWorkshop")
    p.workshop.setMinimumContentsLength(40)
    p.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    p.workshop.setMaxVisibleItems(20)
    p.scope_label.setBuddy(p.workshop)
    p.thai_digits = QCheckBox()
    p.thai_digits.setObjectName("thaiDigits")

    # the three outputs
    p.excel_box, p.excel_text, p.excel_button = output_box("exportExcel")
    p.summary_box, p.summary_text, p.summary_button = output_box("exportSummary")
    p.resolution_box, p.resolution_text, p.resolution_button = output_box("exportResolution")
    p.payments_box, p.payments_text, p.payments_button = output_box("exportPayments")
    p.signsheet_button = QPushButton()
    p.signsheet_button.setObjectName("exportSignsheet")
    p.payments_box.layout().insertWidget(1, p.signsheet_button, 0, Qt.AlignmentFlag.AlignLeft)
    p.resolution = QComboBox()
    p.resolution.setObjectName("reportResolution")
    p.resolution.setMinimumContentsLength(24)
    p.resolution.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    p.resolution_box.layout().insertWidget(1, p.resolution)


def _running(p: ReportsPage) -> None:
    # progress of the running export
    p.progress = QProgressBar()
    p.progress.setObjectName("reportProgress")
    p.progress.setMinimumWidth(260)
    p.status = QLabel()
    p.status.setObjectName("reportStatus")
    p.status.setWordWrap(True)
    p.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    p.cancel_button = QPushButton()
    p.cancel_button.setObjectName("cancelExport")
    p.open_button = QPushButton()
    p.open_button.setObjectName("openReport")
    p.folder_button = QPushButton()
    p.folder_button.setObjectName("openReportFolder")


def _charts(p: ReportsPage) -> None:
    # charts
    p.attendance_chart = BarChart()
    p.attendance_chart.setObjectName("attendanceChart")
    p.needs_chart = BarChart()
    p.needs_chart.setObjectName("needsChart")
    p.charts_heading = QLabel()
    p.charts_heading.setObjectName("detailHeading")


def _rows(p: ReportsPage) -> tuple[QHBoxLayout, QHBoxLayout, QHBoxLayout, QHBoxLayout, QGridLayout]:
    top = QHBoxLayout()
    top.addWidget(p.heading)
    top.addStretch(1)
    scope = QHBoxLayout()
    scope.addWidget(p.scope_label)
    scope.addWidget(p.workshop, 1)
    scope.addSpacing(16)
    scope.addWidget(p.thai_digits)
    boxes = QHBoxLayout()
    for box in (p.excel_box, p.summary_box, p.resolution_box, p.payments_box):
        boxes.addWidget(box, 1)
    running = QHBoxLayout()
    running.addWidget(p.progress)
    running.addWidget(p.status, 1)
    running.addWidget(p.cancel_button)
    running.addWidget(p.open_button)
    running.addWidget(p.folder_button)
    charts = QGridLayout()
    charts.addWidget(p.attendance_chart, 0, 0, Qt.AlignmentFlag.AlignTop)
    charts.addWidget(p.needs_chart, 0, 1, Qt.AlignmentFlag.AlignTop)
    charts.setColumnStretch(0, 1)
    charts.setColumnStretch(1, 1)
    charts.setHorizontalSpacing(24)
    return top, scope, boxes, running, charts


def _chart_area(charts: QGridLayout) -> tuple[QScrollArea, QFrame]:
    chart_area = QWidget()
    chart_layout = QVBoxLayout(chart_area)
    chart_layout.setContentsMargins(0, 0, 0, 0)
    chart_layout.addLayout(charts)
    chart_layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(chart_area)
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    return scroll, line


def _lay_out(p: ReportsPage, top, scope, boxes, running, scroll: QScrollArea, line: QFrame) -> None:
    layout = QVBoxLayout(p)
    layout.addLayout(top)
    layout.addLayout(scope)
    layout.addLayout(boxes)
    layout.addLayout(running)
    layout.addWidget(line)
    layout.addWidget(p.charts_heading)
    layout.addWidget(scroll, 1)


def _wire(p: ReportsPage) -> None:
    p.excel_button.clicked.connect(p._ask_excel)
    p.summary_button.clicked.connect(p._ask_summary)
    p.resolution_button.clicked.connect(p._ask_resolution)
    p.payments_button.clicked.connect(p._ask_payments)
    p.signsheet_button.clicked.connect(p._ask_signsheet)
    p.cancel_button.clicked.connect(p.cancel)
    p.open_button.clicked.connect(p._open_last)
    p.folder_button.clicked.connect(p._open_folder)
    p.workshop.currentIndexChanged.connect(p._scope_changed)
    p.resolution.currentIndexChanged.connect(lambda _i: p._update_buttons())
    p._chart_timer = QTimer(p)
    p._chart_timer.setSingleShot(True)
    p._chart_timer.setInterval(400)
    p._chart_timer.timeout.connect(p.refresh_charts)
    p.ctx.events.changed.connect(p._data_changed)
    p.ctx.i18n.changed.connect(p._language_changed)
