"""The exchange page's "Undo this import": the import the report shows is taken out again from its before-import
backup (:func:`lampang_planner.core.sync.journal.restore`), on a task thread with progress, after the user confirms;
when changes were written after the import (a desk kept scanning), the page says how many and undoes it keeping them
only if the user says so (a part of ``ExchangePage``; strings in the ``ExchangePage`` translation context)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import journal
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.tasks import Task, TaskControl

WRITTEN_AFTER = "written-after"


def _undo_work(control: TaskControl, store, path: Path, keep_later: bool) -> journal.Restored:
    return journal.restore(
        store,
        path,
        keep_later=keep_later,
        progress=lambda done, total: control.progress(done, total, "undo\t"),
        check=control.check,
    )


def undoable(path: Path | None) -> bool:
    """A before-import backup that can still be taken out (an undo journal, not yet applied)."""
    return path is not None and path.name.endswith(journal.SUFFIX) and path.is_file()


class UndoBox(QMessageBox):
    """Asks before an import is taken out (or, with ``later``, before it is taken out keeping later changes)."""

    def __init__(self, parent, files: str, later: str = "") -> None:
        super().__init__(
            QMessageBox.Icon.Warning, QCoreApplication.translate("ExchangePage", "Undo this import"), "", parent=parent
        )
        self.setObjectName("undoImportBox")
        if later:
            self.setText(
                QCoreApplication.translate(
                    "ExchangePage",
                    "{reason}\n\nUndo the import of {files} anyway? The changes written after it (check-ins at the "
                    "door, corrections) are kept.",
                ).format(reason=later, files=files)
            )
        else:
            self.setText(
                QCoreApplication.translate(
                    "ExchangePage",
                    "Take the import of {files} out again? What it added or changed goes back to how it was before "
                    "the import; the bundle files are not touched and can be imported again later.",
                ).format(files=files)
            )
        self.undo = self.addButton(
            QCoreApplication.translate("ExchangePage", "Undo, keep the later changes")
            if later
            else QCoreApplication.translate("ExchangePage", "Undo the import"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.keep = self.addButton(
            QCoreApplication.translate("ExchangePage", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.keep)


class ImportUndo:
    """Mixed into ``ExchangePage``: uses the page's widgets (``exchange_layout``) and task (``exchange_transfer``)."""

    _undo_path: Path | None = None

    def _show_undo(self) -> None:
        r = self.report
        can = r is not None and bool(r.imported) and undoable(r.backup)
        self.undo_button.setText(QCoreApplication.translate("ExchangePage", "Undo this import…"))
        self.undo_button.setVisible(can)
        self.undo_button.setEnabled(can and not self._busy())

    def _undo_clicked(self) -> None:
        r = self.report
        if r is None or not undoable(r.backup):
            return
        box = UndoBox(self, ", ".join(f.path.name for f in r.imported))
        box.exec()
        if box.clickedButton() is box.undo:
            self.undo_import(r.backup)

    def undo_import(self, path: Path, *, keep_later: bool = False) -> Task | None:
        """Take the import whose before-import backup is ``path`` out again (refused with ``written-after`` when
        changes were written after it, unless ``keep_later``: then the page asks, see :meth:`_undo_refused`)."""
        self._undo_path = Path(path)
        task = self._start(
            _undo_work,
            self.ctx.store,
            Path(path),
            keep_later,
            name="undo",
            label=QCoreApplication.translate("ExchangePage", "Undoing the import…"),
            on_done=self._undone,
        )
        if task is not None:
            self.undo_button.setEnabled(False)
        return task

    def _undone(self, restored: journal.Restored) -> None:
        path, self._undo_path = self._undo_path, None
        kept = path.with_name(path.name.removesuffix(journal.SUFFIX) + journal.RESTORED_SUFFIX) if path else None
        self.status.setText(
            QCoreApplication.translate(
                "ExchangePage",
                "The import of {files} was undone: {n} changes taken out. The files can be imported again.",
            ).format(files=", ".join(restored.files), n=f"{restored.writes_removed:,}")
        )
        self.status.setStyleSheet("")
        if self.report is not None:
            self.report.backup = None
        self.backup_label.setText(
            QCoreApplication.translate("ExchangePage", "This import was undone; its backup is kept as {file}.").format(
                file=kept
            )
            if kept is not None and kept.exists()
            else ""
        )
        self.undo_button.hide()
        for k in self._stale:
            self._stale[k] = True
        self._show_device()
        self._fill_workshops()
        self._refresh_stale()

    def _undo_refused(self, exc: object) -> bool:
        """After a failed task: when it was an undo refused for later changes, ask whether to undo keeping them."""
        path = self._undo_path
        if path is None or not isinstance(exc, UserError) or exc.code != WRITTEN_AFTER:
            self._undo_path = None
            self._show_undo()
            return False
        reason = exc.message(current_language())
        files = ", ".join(f.path.name for f in self.report.imported) if self.report is not None else path.name

        def ask() -> None:  # once this task has ended
            box = UndoBox(self, files, later=reason)
            box.exec()
            if box.clickedButton() is box.undo:
                self.undo_import(path, keep_later=True)
            else:
                self.status.setText(QCoreApplication.translate("ExchangePage", "Left out: nothing was changed."))
                self.status.setStyleSheet("")
                self._show_undo()

        QTimer.singleShot(0, ask)
        return True
