"""A read-only detail panel: a heading and label/value rows whose values can be selected and copied."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class DetailPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subheading = QLabel()
        self.subheading.setObjectName("detailSubheading")
        self.subheading.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.subheading)
        self._layout.addLayout(self._form)
        self.footer = QVBoxLayout()
        self._layout.addLayout(self.footer)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.setMinimumWidth(280)

    def clear_rows(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)

    def add_row(self, label: str, value: str) -> QLabel:
        v = QLabel(value or "–")
        v.setWordWrap(True)
        v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QLabel(label)
        head.setObjectName("detailLabel")
        self._form.addRow(head, v)
        return v

    def show_record(self, heading: str, subheading: str, rows: list[tuple[str, str]]) -> None:
        self.heading.setText(heading)
        self.subheading.setText(subheading)
        self.subheading.setVisible(bool(subheading))
        self.clear_rows()
        for label, value in rows:
            self.add_row(label, value)
