"""The exchange page's export and import: asking (folder, passphrase, office PIN, unencrypted export), the task with
progress and Cancel, what an export wrote (a part of ``ExchangePage``). Its strings are translated in the
``ExchangePage`` context (the class they were written in; the Thai catalogue keeps them there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import OfficePass
from lampang_planner.core.read.lookups import changes_logged, exports_made
from lampang_planner.core.sync import kits
from lampang_planner.core.sync.bundle import peek_manifest
from lampang_planner.core.sync.exchange import (
    BUNDLE_SUFFIX,
    ExportResult,
    ImportReport,
    export_bundle,
    import_bundles,
)
from lampang_planner.ui.dialogs.pin import ask_office_pass
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.exchange import kind_text
from lampang_planner.ui.tasks import Task, TaskControl

# --- work done on a task thread (no widgets here) ------------------------------------------------------------------


def _progress(control: TaskControl):
    return lambda phase, done, total, detail: control.progress(done, total, f"{phase}\t{detail}")


def _import_work(
    control: TaskControl, store, paths: list[Path], passphrase: str | None, decision: dict | None = None
) -> ImportReport:
    return import_bundles(
        store,
        paths,
        skip_refused=True,
        passphrase=passphrase,
        progress=_progress(control),
        check=control.check,
        **(decision or {}),
    )


def _export_work(
    control: TaskControl,
    store,
    folder: Path,
    full: bool,
    workshops: tuple[str, ...],
    clear: bool,
    passphrase: str | None,
    office: OfficePass | None,
) -> ExportResult:
    return export_bundle(
        store,
        folder,
        full=full,
        workshops=workshops,
        clear=clear,
        passphrase=passphrase,
        progress=_progress(control),
        check=control.check,
        office=office,
    )


PASSPHRASE_CODES = ("passphrase-needed", "bad-passphrase")


def is_protected(path: Path) -> bool:
    """Whether a file says it is protected with a passphrase (read cheaply; the import checks everything)."""
    m = peek_manifest(path)
    return bool(m and m.get("protected"))


class ExchangeTransfer:
    """Mixed into ``ExchangePage``: uses the page's widgets (``exchange_layout``)."""

    def _export_clicked(self) -> None:
        folder = self.destination.currentData()
        if not folder:
            return
        passphrase = None
        if self.passphrase_edit.isVisible() and (self.passphrase_edit.text() or self.passphrase_repeat.text()):
            if self.passphrase_edit.text() != self.passphrase_repeat.text():
                self._show_error(
                    QCoreApplication.translate(
                        "ExchangePage",
                        "The two passphrases are not the same: type the passphrase twice, "
                        "exactly alike. Nothing was exported.",
                    )
                )
                return
            passphrase = self.passphrase_edit.text()
        full = self.full_radio.isChecked()
        office = None
        if full and kits.is_office(self.ctx.store):  # a kit carries everyone's personal data: office-only (PDPA)
            office = ask_office_pass(self, self.ctx, QCoreApplication.translate("ExchangePage", "build a kit"))
            if office is None:
                return
        self.export_to(
            Path(folder),
            full=full,
            workshop_id=self.kit_workshop.currentData() or None,
            passphrase=passphrase,
            office=office,
        )

    def export_to(
        self,
        folder: Path,
        *,
        full: bool = False,
        workshop_id: str | None = None,
        passphrase: str | None = None,
        clear: bool = False,
        office: OfficePass | None = None,
    ) -> Task | None:
        """Write a bundle into ``folder`` (a delta, or everything; from an office, a kit, maybe of one workshop,
        maybe under a passphrase). ``clear``: personal data unencrypted (only after :meth:`confirm_clear_export`).
        A kit needs ``office``, the core's pass for the office PIN, once a PIN is set (the export button asks)."""
        workshops = (workshop_id,) if workshop_id and full and kits.is_office(self.ctx.store) else ()
        self.export_result.clear()
        self._exports_before = self._count_exports()
        self._export_args = {
            "folder": Path(folder),
            "full": full,
            "workshop_id": workshop_id,
            "passphrase": passphrase,
            "office": office,
        }
        return self._start(
            _export_work,
            self.ctx.store,
            Path(folder),
            full,
            workshops,
            clear,
            passphrase,
            office,
            name="export",
            label=QCoreApplication.translate("ExchangePage", "Writing the bundle…"),
            on_done=self._exported,
        )

    def confirm_clear_export(self) -> bool:
        """Ask before writing people's personal data unencrypted (a laptop without the office's key)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExchangePage", "Personal data would not be encrypted"),
            QCoreApplication.translate(
                "ExchangePage",
                "This laptop does not have the office's encryption key, so the names, phone numbers and citizen IDs in "
                "this bundle would be written UNENCRYPTED: anyone who finds the USB stick can read them.\n\n"
                "If you can, import the office's kit first (then they are encrypted). Export unencrypted anyway, and "
                "delete the file once the office has imported it?",
            ),
            parent=self,
        )
        yes = box.addButton(
            QCoreApplication.translate("ExchangePage", "Export unencrypted"), QMessageBox.ButtonRole.DestructiveRole
        )
        no = box.addButton(QCoreApplication.translate("ExchangePage", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def ask_passphrase(self, names: list[str], *, again: bool = False) -> str | None:
        """The passphrase of protected files (None: the user cancelled)."""
        text = (
            QCoreApplication.translate(
                "ExchangePage", "The passphrase was wrong. Type the passphrase of {files} again:"
            )
            if again
            else QCoreApplication.translate(
                "ExchangePage", "{files} is protected with a passphrase. Type the passphrase the office gave you:"
            )
        )
        dialog = QInputDialog(self)
        dialog.setWindowTitle(QCoreApplication.translate("ExchangePage", "Protected bundle"))
        dialog.setLabelText(text.format(files=", ".join(names)))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(QCoreApplication.translate("ExchangePage", "Open"))
        dialog.setCancelButtonText(QCoreApplication.translate("ExchangePage", "Cancel"))
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        return dialog.textValue() if ok and dialog.textValue() else None

    def _ask_import(self) -> None:
        start = self.destination.currentData() or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("ExchangePage", "Import bundle files"),
            start,
            QCoreApplication.translate("ExchangePage", "Lampang Planner bundles (*{suffix});;All files (*)").format(
                suffix=BUNDLE_SUFFIX
            ),
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(
        self, paths: list[Path], passphrase: str | None = None, decision: dict | None = None
    ) -> Task | None:
        """Verify, back up and merge these files (one transaction), then show the report. Protected files need a
        passphrase: asked for here when not given (None when the user cancels). ``decision``: the office's
        ``accept_signers`` / ``take_in_ahead`` with its ``pin`` (see :mod:`.exchange_office`)."""
        paths = [Path(p) for p in paths]
        if passphrase is None:
            protected = [p.name for p in paths if is_protected(p)]
            if protected:
                passphrase = self.ask_passphrase(protected)
                if passphrase is None:
                    self.status.setText(QCoreApplication.translate("ExchangePage", "Cancelled: nothing was changed."))
                    self.status.setStyleSheet("")
                    return None
        self._changes_before = changes_logged(self.ctx.store)
        self._last_passphrase = passphrase
        return self._start(
            _import_work,
            self.ctx.store,
            paths,
            passphrase,
            decision,
            name="import",
            label=QCoreApplication.translate("ExchangePage", "Checking {n} files…").format(n=len(paths)),
            on_done=self._imported,
        )

    def _start(self, work, *args: object, name: str, label: str, on_done) -> Task | None:
        """Run ``work`` on a task thread; None if an export or import is running already. While the search for
        duplicate people runs (it reads the same connection) the start waits for it to end."""
        if self._busy():
            return None
        if self.duplicates.searching():
            self.status.setText(label)
            self.duplicates.task.done.connect(lambda: self._start(work, *args, name=name, label=label, on_done=on_done))
            return None
        task = self.ctx.tasks.start(work, *args, name=name)
        self.task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(label)
        self.status.setStyleSheet("")
        for b in (self.export_button, self.import_button, self.undo_button):
            b.setEnabled(False)
        task.progress.connect(self._on_progress)
        task.finished.connect(on_done)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.done.connect(self._show_idle)
        task.done.connect(lambda: self._refresh_stale())
        return task

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(QCoreApplication.translate("ExchangePage", "Stopping…"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        phase, _, detail = text.partition("\t")
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if phase == "read":
            self.status.setText(
                QCoreApplication.translate("ExchangePage", "Checking {file} ({done} of {total} files)…").format(
                    file=detail, done=done + 1 if detail else done, total=total
                )
            )
        elif phase == "merge":
            self.status.setText(
                QCoreApplication.translate(
                    "ExchangePage", "Merging {done} of {total} changes in one transaction…"
                ).format(done=f"{done:,}", total=f"{total:,}")
            )
        elif phase == "export":
            self.status.setText(QCoreApplication.translate("ExchangePage", "Writing {file}…").format(file=detail))
        elif phase == "undo":
            self.status.setText(QCoreApplication.translate("ExchangePage", "Undoing the import…"))

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        self._export_args = {}
        self.status.clear()
        text = QCoreApplication.translate("ExchangePage", "Saved {n} changes ({kind}) to {file}").format(
            n=f"{result.changes:,}", kind=kind_text(result.kind), file=result.path
        )
        if result.sealed:
            text += " · " + QCoreApplication.translate("ExchangePage", "personal data encrypted for the office")
        if result.protected:
            text += " · " + QCoreApplication.translate(
                "ExchangePage",
                "protected with the passphrase: give it to the laptop's team separately, not on the same stick",
            )
        self.export_result.setText(text)
        if result.protected:
            self.passphrase_edit.clear()
            self.passphrase_repeat.clear()
        self._stale["history"] = True
        self._refresh_stale()

    def _on_failed(self, exc: object) -> None:
        self._show_error(exc.message(current_language()) if isinstance(exc, UserError) else repr(exc))
        if self._undo_refused(exc):  # an undo refused for later changes: asks whether to keep them (exchange_undo)
            return
        if isinstance(exc, UserError) and exc.code == "clear-personal" and self._export_args:
            args, self._export_args = self._export_args, {}
            QTimer.singleShot(0, lambda: self._confirm_and_export_clear(args))  # once this task has ended

    def _confirm_and_export_clear(self, args: dict) -> None:
        if self.confirm_clear_export():
            self.export_to(
                args["folder"],
                full=args["full"],
                workshop_id=args["workshop_id"],
                passphrase=args["passphrase"],
                clear=True,
                office=args["office"],
            )

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("QLabel { color: #a01010; }")

    def _count_exports(self) -> int:
        return exports_made(self.ctx.store)

    def _on_cancelled(self) -> None:
        name = self.task.name if self.task is not None else ""
        if name == "export" and self._count_exports() != self._exports_before:
            self.status.setText(
                QCoreApplication.translate("ExchangePage", "The export had already finished when Cancel was pressed.")
            )
            self._stale["history"] = True
            self._refresh_stale()
            return
        finished = name == "import" and self._changes_before != changes_logged(self.ctx.store)
        if finished:  # Cancel came after the import had committed: say so, and show what is there now
            self.status.setText(
                QCoreApplication.translate("ExchangePage", "The import had already finished when Cancel was pressed.")
            )
            for k in self._stale:
                self._stale[k] = True
            self._show_device()
            self._refresh_stale()
        else:
            self.status.setText(QCoreApplication.translate("ExchangePage", "Cancelled: nothing was changed."))

    def _show_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        for b in (self.export_button, self.import_button):
            b.setEnabled(True)
        self._show_undo()

    # --- the role of an empty folder -------------------------------------------------------------------------------

    def make_office(self) -> None:
        try:
            kits.set_role(self.ctx.store, kits.OFFICE)
        except UserError as exc:
            self.status.setText(exc.message(current_language()))
        self._show_device()
