"""A session's paperwork from the Reports screen: the sign-in sheet (ใบลงทะเบียน) and the payment list
(บัญชีรายชื่อผู้รับเงิน).

- :class:`SignSheetDialog`: which session (the current one by the clock first), check-in times printed or not, blank
  rows for walk-ins.
- :class:`PaymentsDialog`: which session (or the whole workshop), the office's rates per participant type, PDF or
  Excel. Rates are saved by ``core.ops.payments.set_rates``, all or none (the core says what is wrong with a rate).

The dialogs only gather choices; the documents are written by ``core.reports`` on a task thread
(:func:`signsheet_work`, :func:`payments_work`), so the window stays responsive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.ops.payments import get_rates, set_rates
from lampang_planner.core.ops.sessions import current_session, list_sessions
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.dialogs.base import DialogBase
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.tasks import Task, TaskControl
from lampang_planner.ui.widgets.build import STRETCH, hbox, radios

PDF, EXCEL = "pdf", "xlsx"


def payments_work(control: TaskControl, store: Store, path: Path, workshop_id: str, session_id: str | None,
                  fmt: str) -> Path:
    """On a task thread: write the payment list as PDF or Excel; returns the file written."""
    from lampang_planner.core.reports.payments import write_payments_pdf, write_payments_xlsx

    control.progress(0, 0)
    write = write_payments_pdf if fmt == PDF else write_payments_xlsx
    written, _plist = write(store, workshop_id, path, session_id)
    return written


def signsheet_work(control: TaskControl, store: Store, path: Path, workshop_id: str, session_id: str,
                   show_times: bool, blank_rows: int, thai_digits: bool) -> Path:
    """On a task thread: write the sign-in sheet of a session; returns the file written."""
    from lampang_planner.core.reports.signsheet import write_signsheet

    control.progress(0, 0)
    written, _n = write_signsheet(store, workshop_id, path, session_id=session_id, show_times=show_times,
                                  blank_rows=blank_rows, thai_digits=thai_digits)
    return written


class SignSheetDialog(QDialog):
    """Choose the session (the current one by the clock first), whether check-in times are printed, blank rows."""

    def __init__(self, store: Store, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignSheetDialog")
        self.setModal(True)
        lang = current_language()
        self.session = QComboBox()
        self.session.setObjectName("signSession")
        for s in list_sessions(store, workshop_id):
            self.session.addItem(s.describe(lang), s.id)
        self.session.setCurrentIndex(max(0, self.session.findData(current_session(store, workshop_id).id)))
        self.times = QCheckBox()
        self.times.setObjectName("signTimes")
        self.blank = QSpinBox()
        self.blank.setObjectName("signBlankRows")
        self.blank.setRange(0, 200)
        self.blank.setValue(10)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.session_label, self.blank_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self.session_label, self.session)
        form.addRow("", self.times)
        form.addRow(self.blank_label, self.blank)
        form.addRow(self.buttons)
        self.retranslate()

    def session_id(self) -> str:
        return self.session.currentData()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign-in sheet"))
        self.session_label.setText(self.tr("Session:"))
        self.times.setText(self.tr("Print the check-in times (only for a sheet kept after the session)"))
        self.blank_label.setText(self.tr("Blank rows for walk-ins:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save the sheet…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


class PaymentsDialog(DialogBase):
    """Choose the session (or the whole workshop), the rates and the format; Save saves the rates."""

    MESSAGE_ON_TOP = False

    def __init__(self, store: Store, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, message_name="paymentProblem", name="PaymentsDialog")
        self.store, self.workshop_id = store, workshop_id
        lang = current_language()
        self.session = QComboBox()
        self.session.setObjectName("paymentSession")
        self.session.addItem("", "")
        for s in list_sessions(store, workshop_id):
            self.session.addItem(s.describe(lang), s.id)
        self.rates_box = QGroupBox()
        self.rate_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        self.rate_errors: dict[str, QLabel] = {}
        grid = QGridLayout(self.rates_box)
        self.allowance_head, self.travel_head = QLabel(), QLabel()
        grid.addWidget(self.allowance_head, 0, 1)
        grid.addWidget(self.travel_head, 0, 2)
        current = get_rates(store)
        for row, ptype in enumerate(ParticipantType, start=1):
            self._rate_row(grid, row, ptype, lang, current)
        _group, (self.format_pdf, self.format_xlsx) = radios(self, "paymentPdf", "paymentExcel", checked=0)
        self.problem = self.message
        self.session_label, self.format_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.session_label, self.session)
        form.addRow(self.format_label, hbox(self.format_pdf, self.format_xlsx, STRETCH))
        self.add_body(form)
        self.add_body(self.rates_box)
        self.retranslate()
        self.session.setFocus()  # first, as before the buttons came first (the base makes them)

    def _rate_row(self, grid: QGridLayout, row: int, ptype: ParticipantType, lang: str, current: dict) -> None:
        rate = current.get(ptype.value)
        edits = []
        for col, value in ((1, rate.allowance if rate else 0), (2, rate.travel if rate else 0)):
            edit = QLineEdit(f"{value:,.2f}" if value else "")
            edit.setObjectName(f"rate_{ptype.value}_{'allowance' if col == 1 else 'travel'}")
            edit.setPlaceholderText("0")
            edit.setMaximumWidth(120)
            grid.addWidget(edit, row * 2 - 1, col)
            edits.append(edit)
        grid.addWidget(QLabel(ptype.label(lang)), row * 2 - 1, 0)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        grid.addWidget(error, row * 2, 0, 1, 3)
        self.rate_edits[ptype.value] = (edits[0], edits[1])
        self.rate_errors[ptype.value] = error

    # --- what was chosen ---------------------------------------------------------------------------------------------

    def session_id(self) -> str | None:
        return self.session.currentData() or None

    def fmt(self) -> str:
        return EXCEL if self.format_xlsx.isChecked() else PDF

    def save(self) -> None:
        """Save the rates through the core, all or none; stay open and say what is wrong beside a refused one."""
        lang = current_language()
        typed = {t: (_amount(a.text()), _amount(v.text())) for t, (a, v) in self.rate_edits.items()}
        problems: dict[str, tuple[str, str]] = {}
        try:
            set_rates(self.store, typed)
        except ValidationError as exc:
            problems = exc.problems
        for ptype, error in self.rate_errors.items():
            texts = [p[1] if lang == "en" else p[0] for k, p in problems.items() if k.split(".")[0] == ptype]
            error.setText(" ".join(dict.fromkeys(texts)))
            error.setHidden(not texts)
        self.problem.setHidden(not problems)
        if not problems:
            self.accept()

    on_ok = save

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payment list"))
        self.session.setItemText(0, self.tr("The whole workshop (each day of attendance)"))
        self.session_label.setText(self.tr("Session:"))
        self.format_label.setText(self.tr("Format:"))
        self.format_pdf.setText(self.tr("PDF (to print and sign)"))
        self.format_xlsx.setText(self.tr("Excel (totals as formulas)"))
        self.rates_box.setTitle(self.tr("Rates per day, set by the office (baht; empty or 0: not paid)"))
        self.allowance_head.setText(self.tr("Allowance"))
        self.travel_head.setText(self.tr("Travel"))
        self.problem.setText(self.tr("Some rates were not saved: please correct them."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save the list…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


def _amount(text: str) -> str:
    """What was typed, thousands separators removed ("1,200.50"); empty is 0."""
    return text.replace(",", "").strip() or "0"


class PaperworkActions:
    """The Reports page's sign-in sheet and payment-list actions: ask (dialog, then where to save), then write on a
    task thread through the page's ``_start``."""

    def _choices(self, dialog_class: type[QDialog]) -> QDialog | None:
        """The dialog ``dialog_class(store, workshop_id)`` for the chosen workshop, once accepted; None when there is
        no workshop or it was cancelled."""
        wid = self.workshop_id()
        if not wid:
            return None
        dialog = dialog_class(self.ctx.store, wid, parent=self)
        return dialog if dialog.exec() else None

    def _ask_payments(self) -> None:
        if not (dialog := self._choices(PaymentsDialog)):
            return
        pdf = dialog.fmt() == PDF
        path = self._ask(self.tr("Save the payment list"), "payment-list." + ("pdf" if pdf else "xlsx"),
                         self.tr("PDF document (*.pdf)") if pdf else self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_payments(path, dialog.session_id(), dialog.fmt())

    def _ask_signsheet(self) -> None:
        if not (dialog := self._choices(SignSheetDialog)):
            return
        path = self._ask(self.tr("Save the sign-in sheet"), "sign-in-sheet.pdf", self.tr("PDF document (*.pdf)"))
        if path:
            self.export_signsheet(path, dialog.session_id(), dialog.times.isChecked(), dialog.blank.value())

    def export_signsheet(self, path: Path, session_id: str, show_times: bool = False, blank_rows: int = 0) -> Task | None:
        """The sign-in sheet of a session, on a task thread (Thai digits as the page's box says)."""
        wid = self.workshop_id()
        if not wid:
            return None
        return self._start(signsheet_work, self.ctx.store, Path(path), wid, session_id, show_times, blank_rows,
                           self.thai_digits.isChecked(), name="report-signsheet",
                           label=self.tr("Writing the sign-in sheet…"), target=Path(path))

    def export_payments(self, path: Path, session_id: str | None, fmt: str = PDF) -> Task | None:
        """The payment list of a session (None: the whole workshop) as PDF or Excel, on a task thread."""
        wid = self.workshop_id()
        if not wid:
            return None
        return self._start(payments_work, self.ctx.store, Path(path), wid, session_id, fmt, name="report-payments",
                           label=self.tr("Writing the payment list…"), target=Path(path))
