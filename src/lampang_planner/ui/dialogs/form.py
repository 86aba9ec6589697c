"""The shared frame of the add/edit dialogs: labelled fields, a per-field error line, Save and Cancel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.ui.dialogs.base import ERROR_STYLE, DialogBase
from lampang_planner.ui.i18n import current_language, translate
from lampang_planner.ui.widgets.build import retranslated
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit

NOT_A_DATE = object()
"""What :meth:`FormDialog.read_date` gives for a text that is not a date (the problem is already noted)."""


class FormDialog(DialogBase):
    """Subclasses add fields with :meth:`field` (or :meth:`add_field`), set other texts in ``retranslate`` and save in
    ``save``.

    ``save`` returns normally on success (the dialog closes) or raises a core ``UserError``/``ValidationError``
    (the dialog stays open and shows the reasons; nothing has been written). An add/edit form saves with
    :meth:`save_record`, into ``store``; ``saved_id`` is then the record's id. ``name`` is the object name.
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "", store: object = None) -> None:
        super().__init__(parent, message_name="generalError", name=name)
        self.store = store
        self.saved_id: str | None = None
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._problem: UserError | None = None
        self._local: dict[str, tuple[str, str]] = {}
        self.general_error = self.message
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.add_body(self.form)

    # --- building ---------------------------------------------------------------------------------------------------

    def add_field(self, key: str, widget: QWidget | None, *, extra: QWidget | None = None) -> QLabel:
        """A row: label, the widget (or ``extra`` layout holder), and an error line under it, hidden until needed."""
        label = QLabel()
        label.setObjectName(f"label_{key}")
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(extra or widget)
        box.addWidget(error)
        self.form.addRow(label, holder)
        label.setBuddy(widget)
        self._labels[key] = label
        self._errors[key] = error
        if widget is not None:
            self._widgets[key] = widget
        return label

    def field(self, key: str, widget: QWidget, label: Callable[[], str], required: bool = False, *,
              extra: QWidget | None = None) -> QLabel:  # fmt: skip
        """:meth:`add_field` for ``widget`` (named ``key`` unless it has a name; shown in ``extra`` when given),
        labelled ``label()`` (``lambda: self.tr(…)``; a star when ``required``), set now and at every language
        change."""
        if not widget.objectName():
            widget.setObjectName(key)
        head = self.add_field(key, widget, extra=extra)
        return retranslated(head, text=(lambda: self.required_text(label(), required)))

    def set_label(self, key: str, text: str, required: bool = False) -> None:
        self._labels[key].setText(self.required_text(text, required))

    @staticmethod
    def required_text(text: str, required: bool) -> str:
        return f"{text} *" if required else text

    # --- problems ---------------------------------------------------------------------------------------------------

    def error_text(self, key: str) -> str:
        """The error shown under field ``key`` now ('' when none)."""
        label = self._errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_problems(self) -> None:
        self._problem = None
        self._local = {}
        self._render_problems()

    def add_local_problem(self, key: str, th: str, en: str) -> None:
        """A problem found by the dialog itself (before calling the core)."""
        self._local[key] = (th, en)

    def read_date(self, key: str, edit: ThaiDateEdit, example: str, into: dict | None = None) -> dt.date | object | None:
        """The date typed in ``edit`` (None when empty), also put in ``into[key]`` when given; for a text that is not
        a date, :data:`NOT_A_DATE` (nothing put) and a problem under field ``key`` that gives ``example`` (a date in
        the form's own sense)."""
        try:
            day = edit.date()
        except ValueError:
            self.add_local_problem(key, f"วันที่ไม่ถูกต้อง เช่น {example}", f"Not a date; for example {example}")
            return NOT_A_DATE
        if into is not None:
            into[key] = day
        return day

    def show_problem(self, exc: UserError) -> None:
        self._problem = exc
        self._render_problems()

    def _render_problems(self) -> None:
        lang = current_language()
        problems: dict[str, tuple[str, str]] = {}
        general: list[str] = []
        if isinstance(self._problem, ValidationError):
            problems.update(self._problem.problems)
        elif self._problem is not None:
            general.append(self._problem.message(lang))
        problems.update(self._local)  # the dialog's own reading of a field says more than "required"
        for key, label in self._errors.items():
            widget = self._widgets.get(key)
            p = problems.pop(key, None)
            if p is None:
                label.hide()
                label.clear()
                if widget is not None:
                    widget.setStyleSheet("")
            else:
                label.setText(p[1] if lang == "en" else p[0])
                label.show()
                if widget is not None:
                    widget.setStyleSheet("border: 1px solid #b3261e;")
        general += [(p[1] if lang == "en" else p[0]) for p in problems.values()]  # fields the form does not show
        if problems or general or self._errors_shown():
            head = translate("FormDialog", "Please correct the highlighted fields.") if self._errors_shown() else ""
            text = "\n".join(t for t in [head, *general] if t)
            self.general_error.setText(text)
            self.general_error.setVisible(bool(text))
        else:
            self.general_error.hide()
        first = next((self._widgets[k] for k in self._errors if self.error_text(k) and k in self._widgets), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _errors_shown(self) -> bool:
        return any(not e.isHidden() for e in self._errors.values())

    # --- saving -----------------------------------------------------------------------------------------------------

    def save(self) -> None:
        raise NotImplementedError

    def save_record(self, record_id: str | None, *, add: Callable[[], str], update: Callable[[], object],
                    check: Callable[[], object] | None = None) -> None:  # fmt: skip
        """Save an add/edit form: ``update()`` when editing ``record_id``, else ``add()`` (it gives the new id);
        ``saved_id`` is the record's id. When the form found problems itself, nothing is written: only ``check()``
        runs (the core's validation, raising its problems), so that they show beside the form's own."""
        if self._local:
            if check is not None:
                check()
            return
        if record_id:
            update()
            self.saved_id = record_id
        else:
            self.saved_id = add()

    def on_ok(self) -> None:
        self._on_save()

    def _saved(self) -> bool:
        """Clear the problems shown and :meth:`save`; False, with the reasons shown, when the core refused."""
        self.clear_problems()
        try:
            self.save()
        except UserError as exc:
            self.show_problem(exc)
            return False
        return True

    def _on_save(self) -> None:
        if not self._saved():
            return
        if self._local:
            self._render_problems()
            return
        self.accept()

    # --- language ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Subclasses set their texts, then call this."""
        super().retranslate()
        self._render_problems()
