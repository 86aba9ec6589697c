"""Recording needs while people talk: a form that stays open. Enter saves the need and clears the form for the next
one, keeping where it came from (workshop, district, tambon, village, group, session, the flipchart photo); a need
that looks like one already raised in the same tambon is pointed out as the title is typed. The same form edits one
need (Save then closes it)."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import list_categories
from lampang_planner.core.ops.needs import (
    SimilarNeed,
    add_need,
    get_need,
    read_photo,
    similar_needs,
    update_need,
)
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.read.lookups import need_values_typed
from lampang_planner.core.vocabulary import NeedRoute
from lampang_planner.ui.dialogs import need_entry_layout
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.dialogs.need_entry_layout import NO_YEAR, EnterTextEdit  # noqa: F401 - names kept
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.needs import status_label
from lampang_planner.ui.widgets.build import refill
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

KEPT = ("workshop_id", "district_code", "subdistrict_code", "village_no", "village_name", "group_name", "session",
        "route", "plan_strategy", "fiscal_year", "photo_path")
"""What stays in the form from one need to the next (the same group at the same flipchart)."""


class NeedEntryDialog(FormDialog):
    """``NeedEntryDialog(store, workshop_id=...)`` records needs one after another; ``need_id=`` edits one need."""

    saved = Signal(str)  # the id of a need just saved

    def __init__(self, store: Store, *, need_id: str | None = None, workshop_id: str | None = None,
                 keep: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="NeedEntryDialog", store=store)
        self.need_id = need_id
        self.saved_ids: list[str] = []
        self.last_saved_title = ""
        self.similar: list[SimilarNeed] = []
        self.photo_file: str = ""

        need_entry_layout.build(self)

        self._similar_timer = QTimer(self)
        self._similar_timer.setSingleShot(True)
        self._similar_timer.setInterval(250)
        self._similar_timer.timeout.connect(self.check_similar)

        self._fill_workshops()
        self._fill_categories()
        self._fill_routes()
        self._completers()
        self.workshop.currentIndexChanged.connect(self._workshop_changed)
        self.places.changed.connect(self._similar_timer.start)
        self.title.textChanged.connect(self._similar_timer.start)
        self.description.submit.connect(self._on_save)
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_clear.clicked.connect(lambda: self.set_photo(""))
        self._tab_order()

        if need_id:
            self._load(need_id)
        else:
            self._restore(keep or {}, workshop_id)
        self.resize(1060, 0)
        self.retranslate()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- filling ----------------------------------------------------------------------------------------------------

    def _fill_workshops(self) -> None:
        fill_workshop_combo(self.workshop, self.store, "", newest_first=True, keep="", quiet=False)

    def _fill_categories(self) -> None:
        lang = current_language()
        refill(self.category, [("", ""), *((c.label(lang), c.key) for c in list_categories(self.store))], quiet=False)

    def _fill_routes(self) -> None:
        lang = current_language()
        refill(self.route, [("", ""), *((r.label(lang), r.value) for r in NeedRoute)], quiet=False)

    def _completers(self) -> None:
        """Groups, strategies and speakers typed before complete as you type."""
        for edit, col in ((self.group_name, "group_name"), (self.plan_strategy, "plan_strategy"),
                          (self.village_name, "village_name")):
            values = need_values_typed(self.store, col)
            completer = QCompleter(values, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

    def _tab_order(self) -> None:
        chain = [self.workshop, self.places.district, self.places.tambon, self.village_no, self.village_name,
                 self.group_name, self.session, self.photo_button, self.title, self.category, self.description,
                 self.dot_votes, self.raised_by, self.route, self.plan_strategy, self.fiscal_year, self.rank,
                 self.save_button, self.close_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _workshop_changed(self, _index: int = 0) -> None:
        wid = self.workshop.currentData() or ""
        w = get_workshop(self.store, wid) if wid else None
        keep = self.session.currentText()
        self.session.clear()
        if w:
            for line in (w["topics"] or "").splitlines():
                if line.strip():
                    self.session.addItem(line.strip())
            if not self.places.district_code() and w["district_code"]:
                self.places.set_codes(w["district_code"], None)
        self.session.setEditText(keep)

    def _restore(self, keep: dict, workshop_id: str | None) -> None:
        wid = keep.get("workshop_id") or workshop_id or ""
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(wid)))
        self._workshop_changed()
        if keep.get("district_code") or keep.get("subdistrict_code"):
            self.places.set_codes(keep.get("district_code"), keep.get("subdistrict_code"))
        self.village_no.setText(keep.get("village_no") or "")
        self.village_name.setText(keep.get("village_name") or "")
        self.group_name.setText(keep.get("group_name") or "")
        self.session.setEditText(keep.get("session") or "")
        self.route.setCurrentIndex(max(0, self.route.findData(keep.get("route") or "")))
        self.plan_strategy.setText(keep.get("plan_strategy") or "")
        self.fiscal_year.setValue(int(keep.get("fiscal_year") or NO_YEAR))
        self.set_photo(keep.get("photo_path") or "")

    def _load(self, need_id: str) -> None:
        n = get_need(self.store, need_id)
        if n is None:
            raise KeyError(need_id)
        self.workshop.setCurrentIndex(max(0, self.workshop.findData(n.workshop_id)))
        self._workshop_changed()
        self.places.set_codes(n.district_code, n.subdistrict_code)
        self.village_no.setText(n.village_no)
        self.village_name.setText(n.village_name)
        self.group_name.setText(n.group_name)
        self.session.setEditText(n.session)
        self.title.setText(n.title)
        idx = self.category.findData(n.category)
        if idx < 0 and n.category:  # a category since removed from the list: still shown for this need
            self.category.addItem(n.category, n.category)
            idx = self.category.count() - 1
        self.category.setCurrentIndex(max(0, idx))
        self.description.setPlainText(n.description)
        self.dot_votes.setValue(n.dot_votes)
        self.rank.setValue(n.rank or 0)
        self.raised_by.setText(n.raised_by)
        self.route.setCurrentIndex(max(0, self.route.findData(n.route)))
        self.plan_strategy.setText(n.plan_strategy)
        self.fiscal_year.setValue(n.fiscal_year or NO_YEAR)
        self.set_label_visible("photo", False)

    def set_label_visible(self, key: str, visible: bool) -> None:
        """Show or hide a whole row (label and field)."""
        label = self._labels[key]
        for form in (self.left_form, self.right_form):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and item.widget() is label:
                    form.setRowVisible(row, visible)

    # --- values -----------------------------------------------------------------------------------------------------

    def values(self) -> dict:
        fy = self.fiscal_year.value()
        fields = {
            "workshop_id": self.workshop.currentData() or None,
            "district_code": self.places.district_code() or None,
            "subdistrict_code": self.places.tambon_code() or None,
            "village_no": self.village_no.text(),
            "village_name": self.village_name.text(),
            "group_name": self.group_name.text(),
            "session": self.session.currentText(),
            "title": self.title.text(),
            "category": self.category.currentData() or None,
            "description": self.description.toPlainText(),
            "dot_votes": self.dot_votes.value(),
            "raised_by": self.raised_by.text(),
            "route": self.route.currentData() or None,
            "plan_strategy": self.plan_strategy.text(),
            "fiscal_year": fy if fy != NO_YEAR else None,
        }
        if self.rank.value() or self.need_id:
            fields["rank"] = self.rank.value() or None
        return fields

    def kept(self) -> dict:
        """The values carried to the next need (and to the next time the form opens)."""
        v = self.values()
        out = {k: v.get(k) for k in KEPT if k in v}
        out["photo_path"] = self.photo_file
        return out

    # --- the flipchart photo ------------------------------------------------------------------------------------------

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo of the flipchart"), str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)"))
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        self.clear_problems()
        if path:
            try:
                read_photo(path)
            except UserError as exc:
                self.add_local_problem("photo", exc.th, exc.en)
                self._render_problems()
                path = ""
        self.photo_file = path
        self._show_photo()

    def _show_photo(self) -> None:
        self.photo.setText(Path(self.photo_file).name if self.photo_file else self.tr("none"))
        self.photo.setToolTip(self.photo_file)
        self.photo_clear.setVisible(bool(self.photo_file))

    # --- similar needs ------------------------------------------------------------------------------------------------

    def check_similar(self) -> list[SimilarNeed]:
        """Point out needs already raised in the chosen tambon whose titles look like the one typed."""
        self._similar_timer.stop()
        tambon = self.places.tambon_code()
        self.similar = similar_needs(self.store, tambon, self.title.text(), exclude_id=self.need_id)[:3]
        self._show_similar()
        return self.similar

    def _show_similar(self) -> None:
        if not self.similar:
            self.similar_label.hide()
            self.similar_label.clear()
            return
        lines = [self.tr("Looks like a need already raised in this tambon:")]
        for s in self.similar:
            where = self.tr("village {no}").format(no=s.village_no) if s.village_no else ""
            extra = ", ".join(x for x in (where, status_label(s.status)) if x)
            lines.append(f"• {s.title}" + (f" ({extra})" if extra else ""))
        self.similar_label.setText("\n".join(lines))
        self.similar_label.show()

    # --- saving -----------------------------------------------------------------------------------------------------

    def save(self) -> None:
        fields = self.values()
        if self.need_id:
            update_need(self.store, self.need_id, fields)
            self.saved.emit(self.need_id)
            return
        nid = add_need(self.store, fields, photo=self.photo_file or None)
        self.saved_ids.append(nid)
        self.last_saved_title = fields["title"].strip()
        self.saved.emit(nid)

    def _on_save(self) -> None:
        if self.need_id:
            super()._on_save()
        elif self._saved():
            self.clear_for_next()

    def clear_for_next(self) -> None:
        """Empty what belongs to one need; keep where it came from; the cursor goes back to the title."""
        self.title.clear()
        self.description.clear()
        self.category.setCurrentIndex(0)
        self.dot_votes.setValue(0)
        self.rank.setValue(0)
        self.raised_by.clear()
        self.similar = []
        self._show_similar()
        self._show_tally()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_tally(self) -> None:
        if self.need_id:
            self.tally.setText(self.tr("Enter saves. Shift+Enter starts a new line in the description."))
        elif not self.saved_ids:
            self.tally.setText(self.tr("Enter saves this need and clears the form for the next one; the place, "
                                       "group and session stay. Shift+Enter starts a new line in the description. "
                                       "Esc closes."))
        else:
            self.tally.setText(self.tr("Saved {n} needs in this sitting. Last: “{title}”").format(
                n=len(self.saved_ids), title=self.last_saved_title))

    # --- language ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        editing = bool(self.need_id)
        self.setWindowTitle(self.tr("Edit need") if editing else self.tr("Record needs"))
        self.left_box.setTitle(self.tr("Where and who (kept for the next need)") if not editing
                               else self.tr("Where and who"))
        self.right_box.setTitle(self.tr("The need"))
        self.set_label("workshop_id", self.tr("Workshop"))
        self.set_label("district_code", self.tr("District"), required=True)
        self.set_label("subdistrict_code", self.tr("Tambon"))
        self.set_label("village_no", self.tr("Village no."))
        self.set_label("village_name", self.tr("Village name"))
        self.set_label("group_name", self.tr("Group"))
        self.set_label("session", self.tr("Session"))
        self.set_label("photo", self.tr("Flipchart photo"))
        self.set_label("title", self.tr("Title"), required=True)
        self.set_label("category", self.tr("Category"), required=True)
        self.set_label("description", self.tr("Description"))
        self.set_label("dot_votes", self.tr("Dot votes"))
        self.set_label("raised_by", self.tr("Raised by"))
        self.set_label("route", self.tr("Goes to"))
        self.set_label("plan_strategy", self.tr("Plan strategy"))
        self.set_label("fiscal_year", self.tr("Fiscal year (BE)"))
        self.set_label("rank", self.tr("Priority rank"))
        self.workshop.setItemText(0, self.tr("(no workshop)"))
        self.category.setItemText(0, self.tr("— choose a category —"))
        self.route.setItemText(0, self.tr("(not decided yet)"))
        self.fiscal_year.setSpecialValueText(self.tr("(not set)"))
        self.rank.setSpecialValueText(self.tr("next in the workshop"))
        self.village_no.setPlaceholderText(self.tr("e.g. 3"))
        self.group_name.setPlaceholderText(self.tr("e.g. Group 2, women's group"))
        self.title.setPlaceholderText(self.tr("What the group asks for, in a few words"))
        self.raised_by.setPlaceholderText(self.tr("Who spoke for it (optional)"))
        self.plan_strategy.setPlaceholderText(self.tr("Development-plan strategy"))
        self.photo_button.setText(self.tr("Choose…"))
        self.photo_clear.setText(self.tr("Remove"))
        self._show_photo()
        self._show_similar()
        self._show_tally()
        super().retranslate()
        if not editing:
            self.save_button.setText(self.tr("Save and next"))
            self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill_categories()
            self._fill_routes()
            self.places.retranslate()
        super().changeEvent(event)
