"""The need entry form's widgets: two columns (where and who, kept between needs | what, cleared after each), the
photo row, the similar-needs note under the title, the tally and the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.ops.needs import FISCAL_YEAR_RANGE
from lampang_planner.ui.widgets.divisions import DivisionCombos

if TYPE_CHECKING:
    from lampang_planner.ui.dialogs.need_entry import NeedEntryDialog

NO_YEAR = FISCAL_YEAR_RANGE[0] - 1


class EnterTextEdit(QPlainTextEdit):
    """A multi-line field in a fast form: Enter submits, Shift+Enter starts a new line, Tab moves on."""

    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit.emit()
            return
        super().keyPressEvent(event)


def build(d: NeedEntryDialog) -> None:
    outer = _columns(d)
    photo_row = _where_widgets(d)
    title_box = _what_widgets(d)
    _rows(d, photo_row, title_box)
    _tally_and_buttons(d, outer)


def _columns(d: NeedEntryDialog) -> QVBoxLayout:
    # The two columns: where and who (kept between needs) | what (cleared after each).
    d.left_box = QGroupBox()
    d.right_box = QGroupBox()
    d.left_form = QFormLayout(d.left_box)
    d.right_form = QFormLayout(d.right_box)
    for f in (d.left_form, d.right_form):
        f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    columns = QHBoxLayout()
    columns.addWidget(d.left_box, 2)
    columns.addWidget(d.right_box, 3)
    outer: QVBoxLayout = d.layout()  # type: ignore[assignment]
    outer.insertLayout(1, columns, 1)
    return outer


def _where_widgets(d: NeedEntryDialog) -> QWidget:
    d.workshop = QComboBox()
    d.workshop.setMinimumContentsLength(24)
    d.workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    d.places = DivisionCombos(d)
    d.village_no = QLineEdit()
    d.village_no.setMaximumWidth(90)
    d.village_name = QLineEdit()
    d.group_name = QLineEdit()
    d.session = QComboBox()
    d.session.setEditable(True)
    d.session.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    d.session.lineEdit().setClearButtonEnabled(True)
    d.session.setMinimumContentsLength(24)
    d.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    d.photo = QLabel()
    d.photo.setObjectName("photoName")
    d.photo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    d.photo_button = QPushButton()
    d.photo_button.setObjectName("choosePhoto")
    d.photo_clear = QPushButton()
    d.photo_clear.setObjectName("clearPhoto")
    photo_row = QWidget()
    pr = QHBoxLayout(photo_row)
    pr.setContentsMargins(0, 0, 0, 0)
    pr.addWidget(d.photo, 1)
    pr.addWidget(d.photo_button)
    pr.addWidget(d.photo_clear)
    return photo_row


def _what_widgets(d: NeedEntryDialog) -> QWidget:
    d.title = QLineEdit()
    d.similar_label = QLabel()
    d.similar_label.setObjectName("similarNeeds")
    d.similar_label.setWordWrap(True)
    d.similar_label.setStyleSheet(
        "QLabel { color: #7a4a00; background: #fff4e0; border: 1px solid #f0c980; border-radius: 4px;"
        " padding: 4px 6px; }")
    d.similar_label.hide()
    title_box = QWidget()
    tb = QVBoxLayout(title_box)
    tb.setContentsMargins(0, 0, 0, 0)
    tb.setSpacing(3)
    tb.addWidget(d.title)
    tb.addWidget(d.similar_label)
    d.category = QComboBox()
    d.category.setMaxVisibleItems(16)
    d.category.setMinimumContentsLength(24)
    d.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    d.description = EnterTextEdit()
    d.description.setFixedHeight(64)
    d.dot_votes = QSpinBox()
    d.dot_votes.setRange(0, 9999)
    d.rank = QSpinBox()
    d.rank.setRange(0, 9999)
    d.raised_by = QLineEdit()
    d.route = QComboBox()
    d.plan_strategy = QLineEdit()
    d.fiscal_year = QSpinBox()
    d.fiscal_year.setRange(NO_YEAR, FISCAL_YEAR_RANGE[1])
    d.fiscal_year.setGroupSeparatorShown(False)
    return title_box


def _rows(d: NeedEntryDialog, photo_row: QWidget, title_box: QWidget) -> None:
    d.form = d.left_form
    for key, w in (("workshop_id", d.workshop), ("district_code", d.places.district),
                   ("subdistrict_code", d.places.tambon), ("village_no", d.village_no),
                   ("village_name", d.village_name), ("group_name", d.group_name),
                   ("session", d.session)):
        w.setObjectName(key)
        d.add_field(key, w)
    d.add_field("photo", d.photo_button, extra=photo_row)
    d.form = d.right_form
    d.title.setObjectName("title")
    d.add_field("title", d.title, extra=title_box)
    for key, w in (("category", d.category), ("description", d.description),
                   ("dot_votes", d.dot_votes), ("raised_by", d.raised_by), ("route", d.route),
                   ("plan_strategy", d.plan_strategy), ("fiscal_year", d.fiscal_year),
                   ("rank", d.rank)):
        w.setObjectName(key)
        d.add_field(key, w)


def _tally_and_buttons(d: NeedEntryDialog, outer: QVBoxLayout) -> None:
    d.tally = QLabel()
    d.tally.setObjectName("entryTally")
    d.tally.setWordWrap(True)
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    outer.insertWidget(outer.indexOf(d.buttons), line)
    outer.insertWidget(outer.indexOf(d.buttons), d.tally)
    d.save_button = d.buttons.button(QDialogButtonBox.StandardButton.Save)
    d.close_button = d.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    d.save_button.setDefault(True)
    d.save_button.setAutoDefault(True)
    d.close_button.setAutoDefault(False)
