"""The exchange page's import report: what each file brought or why it was refused, the office's decision on refused
files, locked files tried again, the buttons to review conflicts and duplicates (a part of ``ExchangePage``). Its
strings are translated in the ``ExchangePage`` context (the class they were written in; the Thai catalogue keeps them
there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from lampang_planner.core.sync.exchange import ImportReport
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.tasks import Task
from lampang_planner.ui.views.exchange_office import (
    CLOCK_AHEAD,
    UNKNOWN_SIGNER,
    OfficeDecisionBox,
    ask_office_pin,
    needing_decision,
)
from lampang_planner.ui.views.exchange_transfer import PASSPHRASE_CODES


class ImportReportView:
    """Mixed into ``ExchangePage``: uses the page's widgets (``exchange_layout``)."""

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        n_ok = len(report.imported)
        n_refused = len(report.refused)
        locked = [f.path for f in report.refused if f.error is not None and f.error.code in PASSPHRASE_CODES]
        if n_refused:
            self.status.setText(
                QCoreApplication.translate(
                    "ExchangePage", "{ok} files imported, {refused} refused (see below)."
                ).format(ok=n_ok, refused=n_refused)
            )
            self.status.setStyleSheet("QLabel { color: #a01010; }")
        else:
            self.status.setText(
                QCoreApplication.translate("ExchangePage", "{ok} files imported.").format(ok=n_ok)
                if n_ok
                else QCoreApplication.translate("ExchangePage", "Nothing new: these files had been imported before.")
            )
        self._show_report()
        self._show_device()
        for k in self._stale:
            self._stale[k] = True
        self._fill_workshops()
        self._refresh_stale()
        if locked:  # a wrong passphrase: ask again (once this task has ended), for those files only
            QTimer.singleShot(0, lambda: self._retry_locked(locked))
        elif needing_decision(report.files):  # a stranger's or a runaway clock's files: the office may take them in
            QTimer.singleShot(0, lambda: self.decide_refused(needing_decision(report.files)))

    def decide_refused(self, files: list) -> Task | None:
        """Show why these files were refused and, if the office takes them in with its PIN, import them so."""
        box = OfficeDecisionBox(files, self)
        box.exec()
        if box.clickedButton() is not box.take_in:
            return None
        pin = ask_office_pin(self, self.ctx, QCoreApplication.translate("ExchangePage", "take in refused files"))
        if pin is None:
            self.status.setText(QCoreApplication.translate("ExchangePage", "Left out: nothing was changed."))
            return None
        codes = {f.error.code for f in files}
        decision = {"accept_signers": UNKNOWN_SIGNER in codes, "take_in_ahead": CLOCK_AHEAD in codes, "pin": pin}
        return self.import_files([f.path for f in files], self._last_passphrase, decision)

    def _retry_locked(self, locked: list[Path]) -> None:
        passphrase = self.ask_passphrase([p.name for p in locked], again=True)
        if passphrase is not None:
            self.import_files(locked, passphrase)

    def _show_report(self) -> None:
        r = self.report
        if r is None:
            self.report_box.hide()
            return
        self.report_box.show()
        self.report_box.setTitle(QCoreApplication.translate("ExchangePage", "Import report"))
        self.summary.setText(
            QCoreApplication.translate(
                "ExchangePage",
                "<b>{added}</b> added · <b>{updated}</b> updated · <b>{merged}</b> merged · <b>{unchanged}</b> unchanged"
                " · <b>{new}</b> new conflicts (<b>{open}</b> to review) · <b>{dups}</b> possible duplicate people",
            ).format(
                added=f"{r.added:,}",
                updated=f"{r.updated:,}",
                merged=f"{r.merged:,}",
                unchanged=f"{r.unchanged:,}",
                new=f"{r.conflicts_new:,}",
                open=f"{r.conflicts_open:,}",
                dups=f"{r.duplicates:,}",
            )
        )
        lang = current_language()
        self.skew_label.setText("\n".join(w.message(lang) for w in r.skew))
        self.skew_label.setVisible(bool(r.skew))
        self.adopted_label.setText(
            QCoreApplication.translate("ExchangePage", "This folder is now a field laptop of {office}.").format(
                office=r.office_adopted
            )
            if r.office_adopted
            else ""
        )
        self.adopted_label.setVisible(bool(r.office_adopted))
        self.files_model.set_records([(str(i), f) for i, f in enumerate(r.files)])
        self.backup_label.setText(
            QCoreApplication.translate("ExchangePage", "The data folder was backed up first: {file}").format(
                file=r.backup
            )
            if r.backup
            else ""
        )
        self._show_undo()
        self._show_review_buttons()

    def _show_review_buttons(self) -> None:
        self.review_conflicts.setText(
            QCoreApplication.translate("ExchangePage", "Review conflicts ({n})").format(n=self._conflicts_n)
        )
        self.review_duplicates.setText(
            QCoreApplication.translate("ExchangePage", "Review possible duplicates ({n})").format(n=self._duplicates_n)
        )
        self.review_conflicts.setEnabled(self._conflicts_n > 0)
        self.review_duplicates.setEnabled(self._duplicates_n > 0)
