"""The right-hand panel of the needs page: one need's details, its flipchart photo and its status history, with the
actions on it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTableView,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.ops.categories import category_labels
from lampang_planner.core.ops.needs import NeedRow, get_need, photo_path, status_history
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.refdata import divisions
from lampang_planner.ui.i18n import Retranslating, current_language
from lampang_planner.ui.models.needs import StatusHistoryModel, route_label, short_date, status_label, village_text
from lampang_planner.ui.widgets.build import button, label, vbox
from lampang_planner.ui.widgets.detail import DetailPanel
from lampang_planner.ui.widgets.table import ResizeMode, rows_table

PHOTO_WIDTH = 300


class NeedDetail(Retranslating, QWidget):
    """Shows ``need_id`` (or nothing); its buttons emit the action asked for."""

    change_status = Signal()
    edit = Signal()
    attach_photo = Signal()
    remove_photo = Signal()
    delete = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.need: NeedRow | None = None
        self.panel = DetailPanel()
        self.photo = QLabel()
        self.photo.setObjectName("needPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.history_title = label("detailLabel", text=lambda: self.tr("Status history"))
        self.history = StatusHistoryModel(self)
        self.history_view = rows_table(QTableView(), "statusHistory", self.history, single=False, wrap=True,
                                       modes=(ResizeMode.ResizeToContents,) * 2, stretch_last=True)
        self.history_view.setMinimumHeight(150)
        self.history_view.horizontalHeader().sectionResized.connect(lambda *_: self.history_view.resizeRowsToContents())
        self.status_button = button("changeStatus", self.change_status, text=lambda: self.tr("Change status…"))
        self.edit_button = button("editNeed", self.edit, text=lambda: self.tr("Edit…"))
        self.photo_button = button("attachPhoto", self.attach_photo, text=lambda: self.tr("Flipchart photo…"))
        self.remove_photo_button = button("removePhoto", self.remove_photo, text=lambda: self.tr("Remove photo"))
        self.delete_button = button("deleteNeed", self.delete, text=lambda: self.tr("Delete need"))
        buttons = QGridLayout()
        buttons.addWidget(self.status_button, 0, 0, 1, 2)
        buttons.addWidget(self.edit_button, 0, 2)
        buttons.addWidget(self.photo_button, 1, 0)
        buttons.addWidget(self.remove_photo_button, 1, 1)
        buttons.addWidget(self.delete_button, 1, 2)
        self.panel.footer.addWidget(self.photo)
        vbox((self.panel, 5), self.history_title, (self.history_view, 4), buttons, parent=self, margins=0)
        self.retranslate()

    def show_need(self, need_id: str | None) -> None:
        self.need = get_need(self.store, need_id) if need_id else None
        self._render()

    def _render(self) -> None:
        n = self.need
        for b in (self.status_button, self.edit_button, self.photo_button, self.delete_button):
            b.setEnabled(n is not None)
        self.remove_photo_button.setVisible(bool(n and n.photo))
        if n is None:
            self.panel.show_record(self.tr("No need selected"), "", [])
            self.history.set_history([])
            self.photo.clear()
            self.photo.hide()
            return
        lang = current_language()
        dv = divisions()
        district = dv.districts.get(n.district_code)
        tambon = dv.subdistricts.get(n.subdistrict_code)
        place = ", ".join(x for x in (village_text(n.village_no, n.village_name),
                                      self.tr("tambon {name}").format(name=tambon.name(lang)) if tambon else "",
                                      self.tr("district {name}").format(name=district.name(lang)) if district else "")
                          if x)
        th, en = category_labels(self.store).get(n.category, (n.category, n.category))
        w = get_workshop(self.store, n.workshop_id) if n.workshop_id else None
        who = " · ".join(x for x in (n.group_name, n.session, n.raised_by) if x)
        plan = " · ".join(x for x in (route_label(n.route, lang) if n.route else "", n.plan_strategy,
                                      self.tr("fiscal year {year}").format(year=n.fiscal_year) if n.fiscal_year
                                      else "") if x)
        rows = [
            (self.tr("Status"), self.tr("{status} since {date}").format(status=status_label(n.status, lang),
                                                                         date=short_date(n.status_date) or "–")),
            (self.tr("Category"), en if lang == "en" else th),
            (self.tr("Where"), place),
            (self.tr("Raised by"), who),
            (self.tr("Workshop"), (w["title"] or "") if w else ""),
            (self.tr("Priority"), self.tr("rank {rank}, {dots} dot votes").format(rank=n.rank or "–",
                                                                               dots=n.dot_votes)),
            (self.tr("Goes to"), plan),
        ]
        if n.description:
            rows.insert(1, (self.tr("Description"), n.description))
        self.panel.show_record(n.title, "", rows)
        self.history.set_history(status_history(self.store, n.id))
        self.history_view.resizeRowsToContents()
        self._show_photo(n.photo)

    def _show_photo(self, name: str) -> None:
        path = photo_path(self.store, name) if name else None
        pix = QPixmap(str(path)) if path and path.is_file() else QPixmap()
        if pix.isNull():
            self.photo.setText(self.tr("The flipchart photo {name} is not in this data folder.").format(name=name)
                               if name else "")
            self.photo.setVisible(bool(name))
            return
        self.photo.setPixmap(pix.scaledToWidth(min(PHOTO_WIDTH, pix.width()),
                                               Qt.TransformationMode.SmoothTransformation))
        self.photo.setToolTip(str(path))
        self.photo.show()

    def retranslate(self) -> None:
        self.history.retranslate()
        self._render()
