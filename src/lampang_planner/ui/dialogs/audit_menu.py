"""The window's Privacy menu (audit log, signed-in name, retention purge, office PIN) and the status-bar line naming
who is signed in. ``install_privacy_menu(main_window)`` adds both; the main window calls it once."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.operator import MAX_LENGTH, set_operator
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.i18n import Retranslating, current_language


class OperatorDialog(Retranslating, QDialog):
    """Sign a name in: it is written with this machine's name and desk on every change from now on."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OperatorDialog")
        self.setModal(True)
        self.ctx = ctx
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit(ctx.store.operator)
        self.name.setObjectName("operatorName")
        self.name.setMaxLength(MAX_LENGTH)
        self.name.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setObjectName("operatorError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.name, self.error, self.buttons):
            layout.addWidget(w)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signed-in name"))
        self.intro.setText(self.tr("Who is working on this machine? The name is recorded with the machine and desk "
                                   "on every change from now on, and shown in the audit log. Leave it empty to sign "
                                   "out."))
        self.name.setPlaceholderText(self.tr("e.g. Somsri (planning division)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _on_ok(self) -> None:
        try:
            set_operator(self.ctx.store, self.name.text())
        except UserError as exc:
            self.error.setText(exc.message(current_language()))
            self.error.show()
            return
        self.accept()


class PrivacyMenu(Retranslating, QMenu):
    """Audit log…, Signed-in name…, Purge expired personal data…, Office PIN…"""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("privacyMenu")
        self.window_ = window
        self.ctx = ctx
        self.audit_action = self._action("auditLogAction", self.open_audit)
        self.operator_action = self._action("operatorAction", self.sign_in)
        self.addSeparator()
        self.purge_action = self._action("purgeAction", self.purge)
        self.pin_action = self._action("officePinAction", self.set_pin)
        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorLabel")
        window.statusBar().addPermanentWidget(self.operator_label)
        self.retranslate()

    def _action(self, name: str, slot) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def open_audit(self, _checked: bool = False):
        from lampang_planner.ui.dialogs.audit import AuditDialog

        dialog = AuditDialog(self.ctx, self.window_)
        dialog.setModal(False)
        dialog.show()
        self.audit_dialog = dialog
        return dialog

    def sign_in(self, _checked: bool = False) -> bool:
        dialog = OperatorDialog(self.ctx, self.window_)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.show_operator()
        return ok

    def purge(self, _checked: bool = False) -> None:
        from lampang_planner.ui.dialogs.person_rights import purge_flow

        purge_flow(self.window_, self.ctx)

    def set_pin(self, _checked: bool = False) -> bool:
        from lampang_planner.ui.dialogs.pin import OfficePinDialog

        dialog = OfficePinDialog(self.ctx, "set", parent=self.window_)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return ok

    def show_operator(self) -> None:
        name = self.ctx.store.operator
        self.operator_label.setText(self.tr("Signed in: {name}").format(name=name) if name
                                    else self.tr("Nobody signed in"))

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Privacy"))
        self.audit_action.setText(self.tr("&Audit log…"))
        self.operator_action.setText(self.tr("&Signed-in name…"))
        self.purge_action.setText(self.tr("&Purge expired personal data…"))
        self.pin_action.setText(self.tr("Office &PIN…"))
        self.show_operator()


def install_privacy_menu(window: QMainWindow, ctx: AppContext, before: QAction | None = None) -> PrivacyMenu:
    """Add the Privacy menu to ``window``'s menu bar (before ``before``, e.g. the Help menu's action)."""
    menu = PrivacyMenu(window, ctx)
    if before is not None:
        window.menuBar().insertMenu(before, menu)
    else:
        window.menuBar().addMenu(menu)
    return menu
