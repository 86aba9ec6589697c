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
        """The heading and these label/value rows. When the labels are those already shown (another record of the
        same kind), only the texts change: no widgets are made or destroyed (a list's selection moving as the user
        types repaints the values, not the whole panel)."""
        self.heading.setText(heading)
        self.subheading.setText(subheading)
        self.subheading.setVisible(bool(subheading))
        shown = self._shown_rows()
        if [label for label, _ in rows] == [head.text() for head, _ in shown]:
            for (_, value), (_, v) in zip(rows, shown, strict=True):
                v.setText(value or "–")
            return
        self.clear_rows()
        for label, value in rows:
            self.add_row(label, value)

    def _shown_rows(self) -> list[tuple[QLabel, QLabel]]:
        out = []
        for i in range(self._form.rowCount()):
            head = self._form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            value = self._form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            if head is None or value is None or not isinstance(head.widget(), QLabel):
                return []
            if not isinstance(value.widget(), QLabel):
                return []
            out.append((head.widget(), value.widget()))
        return out
