"""The audit log viewer: who changed what and when (``core.audit``), filtered by kind of record, author and dates,
searchable, exported to Excel or CSV. Loading and exporting run on the task runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QWidget,
)

from lampang_planner.core.audit import TABLE_LABELS, audit_entries, authors, export_audit
from lampang_planner.core.audit import label as audit_label
from lampang_planner.core.errors import UserError
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.audit_model import AuditModel
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.i18n import Retranslating, current_language
from lampang_planner.ui.widgets.build import button, combo, fill, hbox, label, line_edit, retranslated, vbox
from lampang_planner.ui.widgets.table import make_table
from lampang_planner.ui.widgets.thai_date import ThaiDateEdit

VIEW_LIMIT = 100_000
"""The viewer loads at most the newest this many changes matching the filters (``audit export`` writes them all)."""


class AuditDialog(Retranslating, QDialog):
    """``AuditDialog(ctx).open()``; ``loaded`` turns True when the first load has arrived."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditDialog")
        self.ctx = ctx
        self.loaded = False
        self.truncated = False
        self.last_export: Path | None = None
        self._task = None
        self._generation = 0
        self._closed = False

        self.model = AuditModel(self)
        self.table_filter = QComboBox()
        self.table_filter.setObjectName("auditTable")
        self.author_filter = retranslated(combo("auditAuthor", 22), toolTip=lambda: self.tr(
            "Device/desk and, in brackets, the name signed in on it"))
        self.since = ThaiDateEdit()
        self.since.setObjectName("auditSince")
        self.until = ThaiDateEdit()
        self.until.setObjectName("auditUntil")
        for d in (self.since, self.until):
            d.setMaximumWidth(150)
        self.search = line_edit("auditSearch", clearable=True,
                                placeholder=lambda: self.tr("Search action, record, field, device or name…"))
        self.labels = {"table": label(text=lambda: self.tr("Data")), "author": label(text=lambda: self.tr("Author")),
                       "since": label(text=lambda: self.tr("From")), "until": label(text=lambda: self.tr("To"))}
        self.view = make_table(self.model, self)
        self.view.setObjectName("auditView")
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.count = label("auditCount")
        self.message = label("auditMessage", wrap=True)
        self.export_button = button("auditExport", self.export, text=lambda: self.tr("Export…"))
        self.close_button = button(clicked=self.accept, text=lambda: self.tr("Close"))

        top = hbox()
        for key, w in (("table", self.table_filter), ("author", self.author_filter), ("since", self.since),
                       ("until", self.until)):
            self.labels[key].setBuddy(w)
            fill(top, (self.labels[key], w))
        top.addWidget(self.search, 1)
        bottom = hbox(self.count, (self.message, 1), self.export_button, self.close_button)
        vbox(top, (self.view, 1), bottom, parent=self)
        self.resize(1200, 640)

        self._fill_filters()
        self.table_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.author_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.since.editingFinished.connect(self._dates_changed)
        self.until.editingFinished.connect(self._dates_changed)
        self.search.textChanged.connect(self.model.set_search)
        self.model.counts_changed.connect(lambda *_: self._show_count())
        ctx.events.changed.connect(self._data_changed)
        ctx.i18n.changed.connect(self._language_changed)
        self._dates = (None, None)
        self.retranslate()
        self.reload()

    # --- filters ----------------------------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        lang = current_language()
        for box, items in (
            (self.table_filter, [(audit_label(TABLE_LABELS, t, lang), t) for t in TABLE_LABELS]),
            (self.author_filter, [(a, a) for a in authors(self.ctx.store)]),
        ):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), None)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(keep)) if keep is not None else 0)
            box.blockSignals(False)

    def _language_changed(self, _lang: str) -> None:
        self.model.refresh_labels()
        self._fill_filters()

    def _dates_changed(self) -> None:
        dates = []
        for edit in (self.since, self.until):
            try:
                dates.append(edit.date())
                edit.setStyleSheet("")
            except ValueError:
                edit.setStyleSheet("border: 1px solid #b3261e;")
                return
        if tuple(dates) != self._dates:
            self.reload()

    def filters(self) -> dict:
        try:
            since, until = self.since.date(), self.until.date()
        except ValueError:
            since, until = self._dates
        return {"table": self.table_filter.currentData(), "author": self.author_filter.currentData(),
                "since": since, "until": until}

    # --- loading ----------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the changes matching the filters, on the task runner."""
        f = self.filters()
        self._dates = (f["since"], f["until"])
        self._generation += 1
        generation = self._generation
        if self._task is not None and self._task.running:
            self._task.cancel()
        self.count.setText(self.tr("Loading…"))
        store = self.ctx.store

        def work(control, f=f):
            return audit_entries(store, check=control.check, limit=VIEW_LIMIT, **f)

        task = self._task = self.ctx.tasks.start(work, name="audit")
        task.finished.connect(lambda entries, g=generation: self._loaded(g, entries))
        task.failed.connect(lambda exc, g=generation: self._load_failed(g, exc))

    def _loaded(self, generation: int, entries: list) -> None:
        if generation != self._generation:
            return
        self.model.set_entries(entries)
        self.truncated = len(entries) >= VIEW_LIMIT
        self.loaded = True
        self._show_count()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            text = exc.message(current_language()) if isinstance(exc, UserError) else str(exc)
            self._show_message(text, error=True)

    def _data_changed(self, _result: object) -> None:
        if self.isVisible():
            self._fill_filters()
            self.reload()

    def _show_count(self) -> None:
        shown, total = self.model.shown, self.model.total
        if self.truncated:
            self.count.setText(self.tr("Showing {shown} of the newest {total} changes (choose dates or a kind of "
                                       "data to see older ones)").format(shown=f"{shown:,}", total=f"{total:,}"))
        elif shown == total:
            self.count.setText(self.tr("{n} changes").format(n=f"{total:,}"))
        else:
            self.count.setText(self.tr("Showing {shown} of {total} changes").format(shown=f"{shown:,}",
                                                                                    total=f"{total:,}"))

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # --- export -----------------------------------------------------------------------------------------------------

    def ask_export_path(self) -> str:
        """The file to write (empty: cancelled). Tests replace this."""
        default = str(Path.home() / f"audit-{today_lampang():%Y%m%d}.xlsx")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), default,
                                                   self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if path and Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if "csv" in chosen else ".xlsx"
        return path

    def export(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        entries = self.model.shown_entries()
        lang = current_language()
        self.export_button.setEnabled(False)
        self._show_message(self.tr("Exporting…"))
        task = self.ctx.tasks.start(lambda _control: export_audit(entries, path, lang), name="audit-export")
        count = len(entries)
        task.finished.connect(lambda out: self._exported(out, count))
        task.failed.connect(self._export_failed)

    def _exported(self, out: Path, n: int) -> None:
        if self._closed:
            return
        self.export_button.setEnabled(True)
        self.last_export = Path(out)
        self._show_message(self.tr("Exported {n} changes to {file}").format(n=f"{n:,}", file=out))

    def _export_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.export_button.setEnabled(True)
        text = exc.message(current_language()) if isinstance(exc, UserError) else str(exc)
        self._show_message(self.tr("Export failed: {reason}").format(reason=text), error=True)

    # --- texts ------------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log — who changed what and when"))
        if self.table_filter.count():
            self.table_filter.setItemText(0, self.tr("All"))
            self.author_filter.setItemText(0, self.tr("All"))
        if self.loaded:
            self._show_count()

    def done(self, result: int) -> None:
        self._generation += 1  # a load still running is dropped when it arrives
        if self._task is not None and self._task.running:
            self._task.cancel()
        if not self._closed:
            self._closed = True
            self.ctx.events.changed.disconnect(self._data_changed)
            self.ctx.i18n.changed.disconnect(self._language_changed)
        super().done(result)
