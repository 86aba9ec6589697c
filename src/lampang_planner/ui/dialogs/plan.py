"""Dialogs of the plan page: pick a need to make into a project (type to narrow, Enter), the plan's period and
edition, and the preview of an edited workbook before it is taken in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.needs import status_labels
from lampang_planner.core.plan.proposals import unplanned_needs
from lampang_planner.core.plan.roundtrip import ImportPreview
from lampang_planner.core.plan.settings import get_plan, set_plan
from lampang_planner.core.thai.collation import fold_for_search
from lampang_planner.ui.i18n import current_language


class NeedPickerDialog(QDialog):
    """Type a few letters of the need, the tambon or the village; ↑/↓ to choose; Enter to make it a project."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make a need into a project"))
        self.resize(720, 480)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to narrow: need, tambon, village…"))
        self.list = QListWidget()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make project"))
        layout = QVBoxLayout(self)
        for w in (self.search, self.list, self.buttons):
            layout.addWidget(w)
        self.needs = unplanned_needs(store)
        for n in self.needs:
            place = " ".join(x for x in (n.tambon_th and f"ต.{n.tambon_th}", n.village_no and f"ม.{n.village_no}") if x)
            item = QListWidgetItem(f"{n.title}  ·  {place}  ·  {status_labels(n.status)[0]}")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold_for_search(f"{n.title} {place} {n.district_th}"))
            self.list.addItem(item)
        self.search.textChanged.connect(self._narrow)
        self.search.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _i: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.installEventFilter(self)
        self._narrow("")

    def eventFilter(self, obj, event) -> bool:  # Qt API name
        from PySide6.QtCore import QEvent

        if obj is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                            Qt.Key.Key_Down):
            self.list.keyPressEvent(event)  # ↑/↓ move in the list while the cursor stays in the search box
            return True
        return super().eventFilter(obj, event)

    def _narrow(self, text: str) -> None:
        words = fold_for_search(text).split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = not all(w in item.data(Qt.ItemDataRole.UserRole + 1) for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.list.setCurrentItem(first)

    def need_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None


class PlanSettingsDialog(QDialog):
    """The plan's first year, length and edition; saved through the core (refused values keep the dialog open)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Development plan"))
        plan = get_plan(store)
        self.first_year = QSpinBox()
        self.first_year.setRange(2500, 2700)
        self.first_year.setValue(plan.first_year)
        self.years = QSpinBox()
        self.years.setRange(3, 5)
        self.years.setValue(plan.years)
        self.edition = QLineEdit(plan.edition)
        self.edition.setPlaceholderText("เพิ่มเติม ครั้งที่ 1/2567")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("formError")
        form = QFormLayout(self)
        form.addRow(self.tr("First year (B.E.)"), self.first_year)
        form.addRow(self.tr("Years"), self.years)
        form.addRow(self.tr("Edition (empty: the plan itself)"), self.edition)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            set_plan(self.store, first_year=self.first_year.value(), years=self.years.value(),
                     edition=self.edition.text())
        except UserError as exc:
            self.error.setText(exc.message(current_language()))
            return
        self.accept()


class ImportPreviewDialog(QDialog):
    """Every change the edited workbook brings, the conflicts and refused rows; Import takes in only the changes."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import the edited plan workbook"))
        self.resize(900, 520)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("In the program"), self.tr("In the file")])
        self.tree.setColumnWidth(0, 320)
        groups = [
            (self.tr("Changes to import ({n})").format(n=len(preview.changes)), preview.changes),
            (self.tr("Conflicts: changed in the program since the export, not imported ({n})").format(
                n=len(preview.conflicts)), preview.conflicts),
        ]
        for title, rows in groups:
            top = QTreeWidgetItem([title])
            self.tree.addTopLevelItem(top)
            for r in rows:
                for c in r.changes:
                    top.addChild(QTreeWidgetItem([f"{r.where} · {r.title}", c.label, _text(c.old), _text(c.new)]))
            top.setExpanded(True)
        if preview.problems:
            top = QTreeWidgetItem([self.tr("Refused rows ({n})").format(n=len(preview.problems))])
            self.tree.addTopLevelItem(top)
            for p in preview.problems:
                top.addChild(QTreeWidgetItem([p.where, p.en if current_language() == "en" else p.th]))
            top.setExpanded(True)
        summary = QLabel(self.tr("{n} rows unchanged.").format(n=preview.unchanged))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import {n} changed projects").format(n=len(preview.changes)))
        self.import_button.setEnabled(bool(preview.changes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.tree, summary, buttons):
            layout.addWidget(w)


def _text(v: object) -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        return f"{v:,.0f}"
    return str(v)
