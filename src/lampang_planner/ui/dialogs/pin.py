"""The office PIN: ``ask_office_pass(parent, ctx)`` before an office-only action (resolving conflicts, merging
people or dismissing a group, tidying merged people's facts, erasing, purging, building kits) gives the core's pass,
which the core call needs (``core.privacy.pin``: the core refuses without it once a PIN is set);
:class:`OfficePinDialog` also sets and changes the PIN.

    office = ask_office_pass(self, self.ctx, self.tr("Erase this person"))
    if office is None:
        return
    erase_person(self.ctx.store, person_id, office=office)

A right PIN is remembered for :data:`GRACE_SECONDS` in this window, so a run of merges does not ask every time.
On a machine where no PIN has been set yet, the dialog asks to set one first (the office sets it before a laptop goes
out; the core: ``core.privacy.pin``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import MAX_DIGITS, OfficePass, has_pin, office_pass, set_pin, verify_pin
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.base import SB, DialogBase
from lampang_planner.ui.i18n import current_language

GRACE_SECONDS = 300
MAX_ATTEMPTS = 5
_GRACE_ATTR = "_office_pin_ok_until"


def pin_edit(name: str, *, sensitive: bool = True) -> QLineEdit:
    """A field for a PIN: digits hidden as typed, a few more than a PIN has (spaces), a digits keyboard (marked as
    sensitive for input methods when ``sensitive``)."""
    e = QLineEdit()
    e.setObjectName(name)
    e.setEchoMode(QLineEdit.EchoMode.Password)
    e.setMaxLength(MAX_DIGITS + 4)
    hints = Qt.InputMethodHint.ImhDigitsOnly
    e.setInputMethodHints(hints | Qt.InputMethodHint.ImhSensitiveData if sensitive else hints)
    return e


class PinDialogBase(DialogBase):
    """The PIN dialogs' frame: an introduction, the PIN fields (``form``), the reason a PIN was refused (``error``)
    and OK / Cancel; ``on_ok`` checks. Each sets its own texts, the buttons' too (each in its own context)."""

    MESSAGE_ON_TOP = False
    BUTTONS = SB.Ok | SB.Cancel

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent, message_name="pinError", name=name)
        self.error = self.message
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.add_body(self.intro)
        self.add_body(self.form)


class OfficePinDialog(PinDialogBase):
    """``mode="verify"``: type the office PIN. ``mode="set"``: set a new PIN (the current one first if there is one).
    After ``exec()``: Accepted means the PIN was right (verify) or has been set (set)."""

    def __init__(self, ctx: AppContext, mode: str = "verify", reason: str = "", parent: QWidget | None = None) -> None:
        if mode not in ("verify", "set"):
            raise ValueError(mode)
        super().__init__(parent, "OfficePinDialog")
        self.ctx = ctx
        self.mode = mode
        self.reason = reason
        self.attempts = 0
        self.office: OfficePass | None = None  # the core's pass, once the PIN was typed right (or set)
        self.first_time = mode == "set" and not has_pin(ctx.store)

        self.intro.setObjectName("pinIntro")
        self.pin = pin_edit("pinEdit")
        self.current = pin_edit("currentPin")
        self.new = pin_edit("newPin")
        self.again = pin_edit("againPin")
        self.labels: dict[str, QLabel] = {}
        rows = [("pin", self.pin)] if mode == "verify" else (
            ([] if self.first_time else [("current", self.current)]) + [("new", self.new), ("again", self.again)])
        for key, edit in rows:
            label = QLabel()
            label.setBuddy(edit)
            self.labels[key] = label
            self.form.addRow(label, edit)
        self.setMinimumWidth(420)
        self.retranslate()
        (self.pin if mode == "verify" else (self.new if self.first_time else self.current)).setFocus()

    def retranslate(self) -> None:
        if self.mode == "verify":
            self.setWindowTitle(self.tr("Office PIN"))
            text = self.tr("This is an office-only action. Type the office PIN to go on.")
            if self.reason:
                text = f"<b>{self.reason}</b><br>{text}"
            self.intro.setText(text)
            self.labels["pin"].setText(self.tr("Office PIN"))
        else:
            self.setWindowTitle(self.tr("Set the office PIN"))
            if self.first_time:
                text = self.tr("No office PIN has been set on this machine yet. Office-only actions (resolving "
                               "conflicts, merging people, erasing, purging, building kits) will ask for it. "
                               "Choose 4–12 digits.")
            else:
                text = self.tr("Type the current PIN, then the new one twice (4–12 digits).")
            if self.reason:
                text = f"<b>{self.reason}</b><br>{text}"
            self.intro.setText(text)
            if "current" in self.labels:
                self.labels["current"].setText(self.tr("Current PIN"))
            self.labels["new"].setText(self.tr("New PIN"))
            self.labels["again"].setText(self.tr("New PIN again"))
        self.buttons.button(SB.Ok).setText(self.tr("OK"))
        self.buttons.button(SB.Cancel).setText(self.tr("Cancel"))

    def show_error(self, text: str) -> None:
        self.show_message(text)

    def on_ok(self) -> None:
        store = self.ctx.store
        if self.mode == "verify":
            if verify_pin(store, self.pin.text()):
                self.office = office_pass(store, self.pin.text())
                self.accept()
                return
            self.attempts += 1
            self.pin.clear()
            if self.attempts >= MAX_ATTEMPTS:
                self.reject()
                return
            self.show_error(self.tr("Wrong PIN. {n} tries left.").format(n=MAX_ATTEMPTS - self.attempts))
            return
        if self.new.text() != self.again.text():
            self.show_error(self.tr("The two new PINs differ."))
            self.again.clear()
            return
        try:
            set_pin(store, self.new.text(), current_pin=None if self.first_time else self.current.text())
        except UserError as exc:
            self.show_error(exc.message(current_language()))
            return
        self.office = office_pass(store, self.new.text())
        self.accept()

    _on_ok = on_ok  # its earlier name


def pin_recently_given(ctx: AppContext) -> OfficePass | None:
    """The core's pass from a PIN typed within the last :data:`GRACE_SECONDS`, or None."""
    until, office = getattr(ctx, _GRACE_ATTR, (0.0, None))
    return office if until > time.monotonic() else None


def forget_office_pin(ctx: AppContext) -> None:
    """Ask again next time, even within the grace period (e.g. when the window locks)."""
    setattr(ctx, _GRACE_ATTR, (0.0, None))


def ask_office_pass(parent: QWidget | None, ctx: AppContext, reason: str = "") -> OfficePass | None:
    """The core's pass for an office-only action (``core.privacy.pin``; hand it to the core call as ``office=``):
    the office PIN was typed right (or within the last :data:`GRACE_SECONDS`), or — no PIN set on this machine
    yet — one has just been set. None on cancel or after :data:`MAX_ATTEMPTS` wrong PINs. ``reason`` (translated)
    names the action in the dialog."""
    office = pin_recently_given(ctx)
    if office is not None:
        return office
    dialog = OfficePinDialog(ctx, "verify" if has_pin(ctx.store) else "set", reason, parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    office = dialog.office if ok else None
    dialog.deleteLater()
    if office is not None:
        setattr(ctx, _GRACE_ATTR, (time.monotonic() + GRACE_SECONDS, office))
    return office


def require_office_pin(parent: QWidget | None, ctx: AppContext, reason: str = "") -> bool:
    """True when the user may do an office-only action now (:func:`ask_office_pass` gave a pass, kept for
    :func:`pin_recently_given`)."""
    return ask_office_pass(parent, ctx, reason) is not None
