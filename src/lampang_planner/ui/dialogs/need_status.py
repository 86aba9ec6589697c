"""Change a need's status (dated, with who and a note), or correct a mistaken change by going back one step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.ops.needs import (
    allowed_statuses,
    change_status,
    effective_path,
    get_need,
    revert_status,
    status_history,
)
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.ui.dialogs.form import NOT_A_DATE, FormDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.needs import short_date, status_label
from lampang_planner.ui.widgets.build import refill
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit

REVERT = "__revert__"


class NeedStatusDialog(FormDialog):
    """The choices are the moves the workflow allows from the current status, and "back to <previous>" when the last
    step can be corrected (a note is then required)."""

    def __init__(self, store: Store, need_id: str, *, by: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, name="NeedStatusDialog", store=store)
        self.need_id = need_id
        self.need = get_need(store, need_id)
        if self.need is None:
            raise KeyError(need_id)
        self.changed_by = ""
        self.current = QLabel()
        self.current.setObjectName("currentStatus")
        self.current.setWordWrap(True)
        self.status = QComboBox()
        self.on = ThaiDateEdit()
        self.on.set_date(today_lampang())
        self.by = QLineEdit(by or store.author)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.current.setStyleSheet("QLabel { background: #f2f4f7; border-radius: 4px; padding: 6px; }")
        self.layout().insertWidget(1, self.current)  # above the form: a wrapped label sizes itself there
        self.field("status", self.status, lambda: self.tr("New status"), required=True)
        self.field("on", self.on, lambda: self.tr("Date"), required=True)
        self.field("by", self.by, lambda: self.tr("Changed by"))
        self.field("note", self.note, lambda: self.tr("Note"))
        history = [h.status for h in status_history(store, need_id)]
        path = effective_path(history)
        self.back_to = path[-2] if len(path) >= 2 and path[-1] == self.need.status else None
        self.resize(520, 0)
        self.retranslate()
        self.status.setFocus()

    def _fill(self) -> None:
        lang = current_language()
        choices = [(s.label(lang), s.value) for s in allowed_statuses(self.need.status)]
        if self.back_to:
            choices.append((self.tr("Back to “{status}” (correct a mistake)").format(
                status=status_label(self.back_to, lang)), REVERT))
        refill(self.status, choices, quiet=False)

    def save(self) -> None:
        choice = self.status.currentData()
        on = self.read_date("on", self.on, "15/11/2559")
        if on is NOT_A_DATE:
            return
        by, note = self.by.text(), self.note.toPlainText()
        if not choice:
            self.add_local_problem("status", "สถานะนี้สิ้นสุดแล้ว เปลี่ยนไม่ได้", "This status is final")
            return
        if choice == REVERT:
            revert_status(self.store, self.need_id, note=note, on=on, by=by)
        else:
            change_status(self.store, self.need_id, choice, on=on, by=by, note=note)
        self.changed_by = by.strip()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the status of a need"))
        lang = current_language()
        since = short_date(self.need.status_date)
        self.current.setText(self.tr("“{title}” is now: {status}, since {date}.").format(
            title=self.need.title, status=status_label(self.need.status, lang), date=since or "–"))
        self.note.setPlaceholderText(self.tr("For example the plan, the budget line or the meeting that decided it "
                                             "(required when correcting a mistake)"))
        self._fill()
        super().retranslate()
