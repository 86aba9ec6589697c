"""Office decisions on refused bundles (issue #13): a file signed by a device this folder has not enrolled, or from a
laptop whose clock ran more than a day ahead, is refused by the core. The Exchange page then shows why (the device,
its key fingerprint, how far its clock is off) and offers to take the files in — enrolling the signer, or stamping
the writes as of the import — which the core allows only with this machine's office PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from lampang_planner.core.privacy.pin import has_pin
from lampang_planner.core.sync.exchange import FileReport
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.pin import OfficePinDialog
from lampang_planner.ui.i18n import current_language

UNKNOWN_SIGNER, CLOCK_AHEAD = "unknown-signer", "clock-ahead"
OFFICE_CODES = (UNKNOWN_SIGNER, CLOCK_AHEAD)


def needing_decision(files: list[FileReport]) -> list[FileReport]:
    """The refused files the office may still take in."""
    return [f for f in files if f.error is not None and f.error.code in OFFICE_CODES]


class OfficeDecisionBox(QMessageBox):
    """Why these files were refused, and whether the office takes them in."""

    def __init__(self, files: list[FileReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeDecisionBox")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Files refused"))
        lang = current_language()
        codes = {f.error.code for f in files if f.error is not None}
        self.setText("\n\n".join(f.error.message(lang) for f in files if f.error is not None))
        parts = []
        if UNKNOWN_SIGNER in codes:
            parts.append(self.tr("Accept a device only if it is one of the office's laptops: compare the key "
                                 "fingerprint shown here with the one on that laptop (Exchange page)."))
        if CLOCK_AHEAD in codes:
            parts.append(self.tr("Taken in as of now, that laptop's writes count as made at this moment: nothing "
                                 "of it is lost, and later edits win over them. Correct that laptop's clock too."))
        parts.append(self.tr("This is an office decision: the office PIN is needed."))
        self.setInformativeText("\n".join(parts))
        self.take_in = self.addButton(self.tr("Take them in (office PIN)…"), QMessageBox.ButtonRole.AcceptRole)
        self.take_in.setObjectName("takeInButton")
        self.addButton(self.tr("Leave them out"), QMessageBox.ButtonRole.RejectRole)


def ask_office_pin(parent: QWidget, ctx: AppContext, reason: str) -> str | None:
    """The office PIN, typed (or set first when this machine has none); None when the user cancels."""
    dialog = OfficePinDialog(ctx, "verify" if has_pin(ctx.store) else "set", reason, parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    pin = (dialog.pin.text() if dialog.mode == "verify" else dialog.new.text()) if ok else None
    dialog.deleteLater()
    return pin or None
