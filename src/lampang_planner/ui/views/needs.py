"""Community needs: the list (by workshop, district, tambon, category and status, with search), one need's details and
status history, the fast entry form, ranking, and the summary with totals per district.

Every change goes through ``core.ops.needs`` (one transaction each); the page refreshes from ``ctx.events.changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import list_categories
from lampang_planner.core.ops.needs import attach_photo, delete_need, detach_photo, list_needs, rank_needs
from lampang_planner.core.read.lookups import workshop_has_needs
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.vocabulary import NeedStatus
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.need_categories import CategoriesDialog
from lampang_planner.ui.dialogs.need_entry import NeedEntryDialog
from lampang_planner.ui.dialogs.need_status import NeedStatusDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.needs import status_label
from lampang_planner.ui.views import needs_layout
from lampang_planner.ui.views.list_page import ListPage
from lampang_planner.ui.views.needs_layout import _combo  # noqa: F401 - name kept
from lampang_planner.ui.widgets.build import refill
from lampang_planner.ui.widgets.table import select_row
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

WATCHED = {"need", "need_status_change", "need_category", "workshop"}
PATCH_LIMIT = 200  # more needs changed at once (an import): reload the list instead of patching it


class NeedsPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.kept: dict = {}  # the entry form's place and group, carried to its next opening
        self.changed_by = ""  # who changes statuses at this desk (remembered while the window is open)
        self.entry_dialog: NeedEntryDialog | None = None
        self.edit_dialog: NeedEntryDialog | None = None
        self.status_dialog: NeedStatusDialog | None = None

        needs_layout.build(self)
        needs_layout.wire(self)
        self.retranslate()

    # --- loading ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        """Loads the first time the page is shown. ``workshop_id=`` shows that workshop's needs; ``need_id=`` selects
        a need."""
        if not self.loaded:
            self._fill_workshops()
            self._fill_districts()
            self._fill_categories()
            self._fill_statuses()
            self.loaded = True
            last = self.ctx.settings.get(S.LAST_WORKSHOP)
            if "workshop_id" not in kwargs and last and self._has_needs(last):
                self._set_combo(self.workshop, last)
        if "workshop_id" in kwargs:
            self._set_combo(self.workshop, str(kwargs["workshop_id"] or ""))
        self.reload(select=str(kwargs["need_id"]) if kwargs.get("need_id") else None)
        self.summary.set_workshop(self.workshop_id())
        if self.tabs.currentWidget() is self.summary:
            self.summary.reload()

    def _has_needs(self, workshop_id: str) -> bool:
        return workshop_has_needs(self.ctx.store, workshop_id)

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def _fill_workshops(self) -> None:
        fill_workshop_combo(self.workshop, self.ctx.store, lambda: self.tr("All workshops"), newest_first=True)

    def _fill_districts(self) -> None:
        lang = current_language()
        districts = sorted(divisions().districts.values(), key=lambda d: thai_sort_key(d.name(lang)))
        refill(self.district, [(self.tr("All districts"), ""), *((d.name(lang), d.code) for d in districts)])
        self._fill_tambons()

    def _fill_tambons(self) -> None:
        lang = current_language()
        code = self.district.currentData() or ""
        tambons = sorted(divisions().tambons_of(code), key=lambda t: thai_sort_key(t.name(lang))) if code else []
        refill(self.tambon, [(self.tr("All tambons"), ""), *((t.name(lang), t.code) for t in tambons)])
        self.tambon.setEnabled(bool(code))

    def _fill_categories(self) -> None:
        lang = current_language()
        categories = [(c.label(lang), c.key) for c in list_categories(self.ctx.store)]
        refill(self.category, [(self.tr("All categories"), ""), *categories])

    def _fill_statuses(self) -> None:
        lang = current_language()
        refill(self.status, [(self.tr("All statuses"), ""), *((s.label(lang), s.value) for s in NeedStatus)])

    def workshop_id(self) -> str | None:
        return self.workshop.currentData() or None

    def filters(self) -> dict[str, str | None]:
        return {
            "workshop_id": self.workshop_id(),
            "district_code": self.district.currentData() or None,
            "subdistrict_code": self.tambon.currentData() or None,
            "category": self.category.currentData() or None,
            "status": self.status.currentData() or None,
        }

    def reload(self, select: str | None = None) -> None:
        if not self.loaded:
            return
        keep = select or self.current_id()
        self.model.load(self.ctx.store, **self.filters())
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and select and self.model.total and self.search.text():
            self.search.clear()
            row = self.model.row_of(select)
        select_row(self.table, row if row >= 0 else (0 if self.model.shown else -1))
        self._show_detail()
        self._enable()

    # --- actions ----------------------------------------------------------------------------------------------------

    def clear_filters(self) -> None:
        for combo in (self.district, self.category, self.status):
            self._set_combo(combo, "")
        self._fill_tambons()
        self.search.clear()
        self.reload()

    def open_entry(self) -> NeedEntryDialog:
        """The entry form (non-blocking): it stays open, saving one need after another."""
        if self.entry_dialog is not None and self.entry_dialog.isVisible():
            self.entry_dialog.raise_()
            self.entry_dialog.activateWindow()
            return self.entry_dialog
        dialog = NeedEntryDialog(self.ctx.store, workshop_id=self.workshop_id(), keep=self.kept, parent=self)
        dialog.saved.connect(self._entry_saved)
        dialog.finished.connect(lambda _r, d=dialog: self._entry_closed(d))
        self.entry_dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _entry_saved(self, need_id: str) -> None:
        """The list was reloaded by the commit's change event already; show the new need in it."""
        dialog = self.entry_dialog
        if dialog is not None:
            self.kept = dialog.kept()
        if self.model.row_of(need_id) < 0 and self.search.text():
            self.search.clear()
        if self.model.row_of(need_id) >= 0:
            self.select(need_id)

    def _entry_closed(self, dialog: NeedEntryDialog) -> None:
        self.kept = dialog.kept()
        dialog.deleteLater()
        if self.entry_dialog is dialog:
            self.entry_dialog = None

    def edit_current(self) -> NeedEntryDialog | None:
        nid = self.current_id()
        if not nid:
            return None
        dialog = NeedEntryDialog(self.ctx.store, need_id=nid, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def change_status(self) -> NeedStatusDialog | None:
        nid = self.current_id()
        if not nid:
            return None
        dialog = NeedStatusDialog(self.ctx.store, nid, by=self.changed_by, parent=self)
        dialog.accepted.connect(lambda d=dialog: self._status_changed(d))
        dialog.finished.connect(dialog.deleteLater)
        self.status_dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _status_changed(self, dialog: NeedStatusDialog) -> None:
        if dialog.changed_by:
            self.changed_by = dialog.changed_by

    def edit_categories(self) -> None:
        dialog = CategoriesDialog(self.ctx.store, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def choose_photo(self) -> None:
        nid = self.current_id()
        if not nid:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the flipchart"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)"))
        if path:
            self._try(lambda: attach_photo(self.ctx.store, nid, path))

    def remove_photo(self) -> None:
        nid = self.current_id()
        if nid:
            self._try(lambda: detach_photo(self.ctx.store, nid))

    def delete_current(self) -> None:
        nid = self.current_id()
        if not nid:
            return
        row = self.model.record(self.table.currentIndex().row())
        answer = QMessageBox.question(
            self, self.tr("Delete need"),
            self.tr("Delete “{title}”? Its status history is kept for the audit.").format(title=row[3] if row else ""))
        if answer == QMessageBox.StandardButton.Yes:
            self._try(lambda: delete_need(self.ctx.store, nid))

    def move_rank(self, step: int) -> None:
        """Move the current need up or down in its workshop's priority order."""
        nid, wid = self.current_id(), self.workshop_id()
        if not nid or not wid:
            return
        order = [n.id for n in list_needs(self.ctx.store, workshop_id=wid)]
        i = order.index(nid) if nid in order else -1
        j = i + step
        if i < 0 or not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        self._try(lambda: rank_needs(self.ctx.store, wid, order))

    def rank_by_dots(self) -> None:
        """Rank the workshop's needs by their dot votes, most first (ties keep their order)."""
        wid = self.workshop_id()
        if not wid:
            return
        needs = list_needs(self.ctx.store, workshop_id=wid)
        order = [n.id for n in sorted(needs, key=lambda n: -n.dot_votes)]
        self._try(lambda: rank_needs(self.ctx.store, wid, order))

    def _try(self, action) -> None:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Community needs"), exc.message(current_language()))

    # --- reacting ---------------------------------------------------------------------------------------------------

    def _workshop_changed(self, _index: int = 0) -> None:
        wid = self.workshop_id()
        if wid:
            self.ctx.settings.set(S.LAST_WORKSHOP, wid)
        self.summary.set_workshop(wid)
        self.reload()

    def _district_changed(self, _index: int = 0) -> None:
        self._fill_tambons()
        self.reload()

    def _search_changed(self, text: str) -> None:
        keep = self.current_id()
        self.model.set_search(text)
        row = self.model.row_of(keep) if keep else -1
        select_row(self.table, row if row >= 0 else (0 if self.model.shown else -1))
        self._show_detail()

    def _tab_changed(self, _index: int) -> None:
        if self.loaded and self.tabs.currentWidget() is self.summary:
            self.summary.reload()

    def _data_changed(self, result: ApplyResult) -> None:
        changed = set(result.changed)
        if not self.loaded or not (WATCHED & changed):
            return
        if "workshop" in changed:
            self._fill_workshops()
        if "need_category" in changed:
            self._fill_categories()
        ids = result.changed.get("need", set())
        if changed <= {"need", "need_status_change"} and ids and len(ids) <= PATCH_LIMIT:
            keep = self.current_id()  # a save or a status change: patch those rows, not the whole list
            self.model.refresh(self.ctx.store, set(ids))
            if keep and self.model.row_of(keep) >= 0:
                self.select(keep)
            self._show_detail()
            self._enable()
        else:
            self.reload()
        if self.summary.loaded:
            self.summary.reload()

    def _language_changed(self, _lang: str) -> None:
        if self.loaded:
            self._fill_districts()
            self._fill_categories()
            self._fill_statuses()
        self.model.refresh_labels()
        self._show_detail()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()
        self._enable()

    def _show_detail(self) -> None:
        self.detail.show_need(self.current_id())

    def _enable(self) -> None:
        ranked = self.workshop_id() is not None and self.current_id() is not None
        for b in (self.up_button, self.down_button):
            b.setEnabled(ranked)
        self.by_dots_button.setEnabled(self.workshop_id() is not None and self.model.total > 1)
        tip = "" if self.workshop_id() else self.tr("Choose a workshop to rank its needs")
        for b in (self.up_button, self.down_button, self.by_dots_button):
            b.setToolTip(tip)

    def _show_count(self) -> None:
        if not self.loaded:
            self.count.clear()
            return
        shown, total = self.model.shown, self.model.total
        per_status: dict[str, int] = {}
        for r in range(shown):
            rec = self.model.record(r)
            per_status[rec[12]] = per_status.get(rec[12], 0) + 1
        parts = [f"{status_label(s.value)} {per_status[s.value]:,}" for s in NeedStatus if per_status.get(s.value)]
        if shown == total:
            text = self.tr("{total} needs").format(total=f"{total:,}")
        else:
            text = self.tr("Showing {shown} of {total} needs").format(shown=f"{shown:,}", total=f"{total:,}")
        self.count.setText(text + (" — " + " · ".join(parts) if parts else ""))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Community needs"))
        self.record_button.setText(self.tr("Record needs…"))
        self.record_button.setToolTip(self.tr("Type needs one after another as the groups present them (Ctrl+N)"))
        self.categories_button.setText(self.tr("Categories…"))
        self.search.setPlaceholderText(self.tr("Search title, description, group, village…"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.by_dots_button.setText(self.tr("Rank by dot votes"))
        self.tabs.setTabText(0, self.tr("List"))
        self.tabs.setTabText(1, self.tr("Totals per district"))
        self.workshop.setToolTip(self.tr("Show the needs of every workshop, or of one"))
        for combo, text in ((self.district, self.tr("All districts")), (self.tambon, self.tr("All tambons")),
                            (self.category, self.tr("All categories")), (self.status, self.tr("All statuses"))):
            if combo.count():
                combo.setItemText(0, text)
        self._show_count()
        self._enable()
