"""Rights requests and retention in the window, all behind the office PIN:

- :func:`export_person_flow`: everything held on one person, to a JSON file (``core.privacy.rights.export_person``);
- :func:`erase_person_flow`: :class:`EraseDialog` shows what goes and what stays, then erases
  (``core.privacy.rights.erase_person``);
- :func:`purge_flow`: :class:`PurgeDialog` shows whose retention has passed, then purges
  (``core.privacy.retention.purge_expired``) on the task runner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import get_person
from lampang_planner.core.privacy.retention import plan_purge, purge_expired
from lampang_planner.core.privacy.rights import ErasureReport, erase_person, erasure_preview, export_person
from lampang_planner.core.thai.dates import format_date_th, today_lampang
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.dialogs.pin import pin_recently_given, require_office_pin
from lampang_planner.ui.i18n import Retranslating
from lampang_planner.ui.tasks import Task, error_text
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, vbox
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit

DANGER_STYLE = "QPushButton:enabled { background: #b3261e; color: white; font-weight: bold; padding: 4px 14px; }"


_error_text = error_text  # the kit's one wording of a failure


def ask_save_path(parent: QWidget | None, title: str, default: str, filters: str) -> str:
    """A save-file dialog (tests replace this function)."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, default, filters)
    return path


def notify(parent: QWidget | None, title: str, text: str, error: bool = False) -> QMessageBox:
    """A message box that does not block (``open``): the caller's flow goes on."""
    box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("personRightsMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# --- export --------------------------------------------------------------------------------------------------------


def export_person_flow(parent: QWidget | None, ctx: AppContext, person_id: str, path: str | None = None) -> Task | None:
    """Office PIN, then a file name, then the export on the task runner; a message says where it went."""
    title = QCoreApplication.translate("PersonRights", "Export everything held on this person")
    if not require_office_pin(parent, ctx, title):
        return None
    if path is None:
        code = (get_person(ctx.store, person_id) or {}).get("code") or person_id[:8]
        default = str(Path.home() / f"person-{code}.json")
        path = ask_save_path(parent, title, default, QCoreApplication.translate("PersonRights", "JSON file (*.json)"))
        if not path:
            return None
        if Path(path).suffix.lower() != ".json":
            path += ".json"
    store = ctx.store
    task = ctx.tasks.start(lambda _control: export_person(store, person_id, path), name="person-export")

    def finished(record: dict) -> None:
        n = {k: len(record[k]) for k in ("invitations", "attendance", "ballots", "history")}
        text = QCoreApplication.translate(
            "PersonRights",
            "Everything held on this person was written to {file}: {inv} invitations, {att} attendance records, "
            "{bal} ballots, {hist} changes. Give the file only to the person it is about.",
        ).format(file=path, inv=n["invitations"], att=n["attendance"], bal=n["ballots"], hist=n["history"])
        notify(parent, QCoreApplication.translate("PersonRights", "Personal data exported"), text)

    def failed(exc: BaseException) -> None:
        notify(parent, QCoreApplication.translate("PersonRights", "Export failed"), _error_text(exc), error=True)

    task.finished.connect(finished)
    task.failed.connect(failed)
    return task


# --- erase ---------------------------------------------------------------------------------------------------------


class _RightsDialog(Retranslating, QDialog):
    """A modal dialog whose ``report`` says what was done: closing it accepts once there is one, else rejects."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self.ctx = ctx
        self.report = None

    def _close(self) -> None:
        if self.report is not None:
            self.accept()
        else:
            self.reject()


class EraseDialog(_RightsDialog):
    """Confirm and erase one person (PIN already given). After ``exec()``: ``report`` is the erasure's report when
    the person was erased, else None."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "EraseDialog", parent)
        self.person_id = person_id
        self.preview: ErasureReport = erasure_preview(ctx.store, person_id)
        self.report: ErasureReport | None = None

        self.heading = label("eraseHeading", wrap=True)
        self.body = label("eraseBody", wrap=True, rich=True)
        self.confirm = QCheckBox()
        self.confirm.setObjectName("eraseConfirm")
        self.error = label(wrap=True, style=ERROR_STYLE, hidden=True)
        self.erase_button = button("eraseButton", self.erase, style=DANGER_STYLE, enabled=False)
        self.cancel_button = button("eraseCancel", self._close, default=True)
        buttons = hbox(STRETCH, self.erase_button, self.cancel_button)
        vbox(self.heading, self.body, self.confirm, self.error, STRETCH, buttons, parent=self)
        self.setMinimumWidth(560)
        self.confirm.toggled.connect(lambda on: self.erase_button.setEnabled(on and self.report is None))
        self.retranslate()

    def erase(self) -> None:
        if not self.confirm.isChecked() or self.report is not None:
            return
        try:
            self.report = erase_person(self.ctx.store, self.person_id, office=pin_recently_given(self.ctx))
        except UserError as exc:
            self.error.setText(_error_text(exc))
            self.error.show()
            return
        self.confirm.hide()
        self.erase_button.hide()
        self.retranslate()
        QTimer.singleShot(0, self.adjustSize)  # fewer rows now: shrink once the labels have their new size

    def retranslate(self) -> None:
        p = self.preview
        self.setWindowTitle(self.tr("Erase this person"))
        if self.report is not None:
            self.heading.setText("<b>" + self.tr("Erased: {name}").format(name=p.name) + "</b>")
            lines = [
                self.tr("The person's name, organisation, position, phone number, citizen ID and note are gone from "
                        "this machine; the next bundle takes the erasure to the office and the other laptops."),
                self.tr("{n} older changes in this machine's change log were cleared of the person's details.").format(
                    n=self.report.scrubbed),
            ]
            if self.report.backups:
                lines.append(self.tr("{n} backup copies made earlier (folder backups) still hold the old data: delete "
                                     "them when they are no longer needed.").format(n=len(self.report.backups)))
            self.body.setText("<p>" + "</p><p>".join(lines) + "</p>")
            self.cancel_button.setText(self.tr("Close"))
            return
        if p.already_erased:
            self.heading.setText("<b>" + self.tr("This person has already been erased.") + "</b>")
            self.body.setText("")
            self.confirm.hide()
            self.erase_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            return
        self.heading.setText("<b>" + self.tr("Erase {name}?").format(name=p.name) + "</b>")
        lines = [
            self.tr("Erasing removes this person's name, prefix, organisation, position, phone number, citizen ID and "
                    "note — here now, and at the office and on every other laptop through the next bundles. "
                    "<b>It cannot be undone.</b>"),
            self.tr("Kept without any personal data, so counts and vote tallies stay right: {att} attendance records, "
                    "{inv} invitations, {bal} ballots.").format(att=p.attendance, inv=p.invitations, bal=p.ballots),
        ]
        if len(p.person_ids) > 1:
            lines.append(self.tr("{n} duplicate records merged into this person are erased too.").format(
                n=len(p.person_ids) - 1))
        if p.mentions:
            lines.append("<span style='color:#b3261e'>" + self.tr(
                "{n} community needs or amendments mention this name in their text: review them by hand.").format(
                n=p.mentions) + "</span>")
        self.body.setText("<p>" + "</p><p>".join(lines) + "</p>")
        self.confirm.setText(self.tr("I have checked that this is the person who asked, and that this cannot be "
                                     "undone"))
        self.erase_button.setText(self.tr("Erase"))
        self.cancel_button.setText(self.tr("Cancel"))


def erase_person_flow(parent: QWidget | None, ctx: AppContext, person_id: str) -> ErasureReport | None:
    """Office PIN, then :class:`EraseDialog`. Returns the report when the person was erased."""
    if not require_office_pin(parent, ctx, QCoreApplication.translate("PersonRights", "Erase this person")):
        return None
    dialog = EraseDialog(ctx, person_id, parent)
    dialog.exec()
    report = dialog.report
    dialog.deleteLater()
    return report


# --- purge ---------------------------------------------------------------------------------------------------------


class PurgeDialog(_RightsDialog):
    """Whose personal data is past its retention period (as on a day, default today), and the purge. ``report`` is
    the PurgeReport once purged."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(ctx, "PurgeDialog", parent)
        self.task: Task | None = None
        self.day_label = label(text=lambda: self.tr("Retention judged as on"))
        self.day = ThaiDateEdit()
        self.day.setObjectName("purgeDay")
        self.day.set_date(today or today_lampang())
        self.summary = label("purgeSummary", wrap=True, rich=True)
        self.purge_button = button("purgeButton", self.purge, style=DANGER_STYLE, text=lambda: self.tr("Purge now"))
        self.close_button = button("purgeClose", self._close, default=True, text=lambda: self.tr("Close"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        vbox(hbox(self.day_label, self.day, STRETCH), (self.summary, 1), buttons, parent=self)
        self.setMinimumWidth(620)
        self.day.editingFinished.connect(self.refresh)
        self.plan = None
        self.retranslate()
        self.refresh()

    def today(self) -> dt.date | None:
        try:
            return self.day.date() or today_lampang()
        except ValueError:
            return None

    def refresh(self) -> None:
        if self.report is not None:
            return
        day = self.today()
        if day is None:
            self.day.setStyleSheet("border: 1px solid #b3261e;")
            self.purge_button.setEnabled(False)
            return
        self.day.setStyleSheet("")
        self.plan = plan_purge(self.ctx.store, day)
        self.purge_button.setEnabled(bool(self.plan.people))
        self.retranslate()

    def purge(self) -> None:
        day = self.today()
        if day is None or not self.plan or not self.plan.people:
            return
        self.purge_button.setEnabled(False)
        self.day.setEnabled(False)
        self.summary.setText(self.tr("Purging…"))
        store = self.ctx.store
        office = pin_recently_given(self.ctx)
        self.task = self.ctx.tasks.start(lambda _control: purge_expired(store, day, office=office), name="purge")
        self.task.finished.connect(self._purged)
        self.task.failed.connect(self._failed)

    def _purged(self, report) -> None:
        self.report = report
        self.retranslate()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(f"<span style='color:#b3261e'>{_error_text(exc)}</span>")
        self.day.setEnabled(True)
        self.purge_button.setEnabled(True)

    def _close(self) -> None:
        if self.task is not None and self.task.running:
            return  # one transaction: it finishes in a moment
        super()._close()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Purge expired personal data"))
        r = self.report or self.plan
        if r is None:
            return
        if self.report is not None:
            self.purge_button.hide()
            head = self.tr("Purged the personal data of {n} people.").format(n=f"{len(r.people):,}")
            tail = self.tr("Their names, organisations, positions, phone numbers, citizen IDs and notes are gone; "
                           "every count stays. The next bundles take the purge to every other copy.")
            self.summary.setText(f"<p><b>{head}</b></p><p>{tail}</p>")
            return
        lines = [
            "<b>" + self.tr("{n} people are due: every workshop they were invited to or attended is past its "
                            "retention period.").format(n=f"{len(r.people):,}") + "</b>",
            self.tr("{n} people keep their details (a workshop still within its period, or none set); {a} were "
                    "purged or erased before.").format(n=f"{r.kept:,}", a=f"{r.already:,}"),
            self.tr("Names, organisations, positions, phone numbers, citizen IDs and notes are removed; people stay "
                    "counted in attendance, invitations, needs and votes. This cannot be undone."),
        ]
        if r.workshops:
            items = "".join(
                f"<li>{w.title} — " + self.tr("expired {date} ({days} days)").format(
                    date=format_date_th(w.expired_on, "short"), days=f"{w.retention_days:,}") + "</li>"
                for w in r.workshops[:12])
            more = (self.tr("…and {n} more").format(n=len(r.workshops) - 12)) if len(r.workshops) > 12 else ""
            lines.append(self.tr("Expired workshops:") + f"<ul>{items}</ul>{more}")
        self.summary.setText("<p>" + "</p><p>".join(lines) + "</p>")


def purge_flow(parent: QWidget | None, ctx: AppContext) -> bool:
    """Office PIN, then :class:`PurgeDialog`. True when a purge ran."""
    reason = QCoreApplication.translate("PersonRights", "Purge expired personal data")
    if not require_office_pin(parent, ctx, reason):
        return False
    dialog = PurgeDialog(ctx, parent)
    dialog.exec()
    done = dialog.report is not None
    dialog.deleteLater()
    return done
