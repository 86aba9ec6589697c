"""Key in a session's attendance from the paper sign-in sheet, fast: type part of a name (tone marks optional) and
press Enter to tick the first match, or go down the list and press Space to tick or untick; the count follows.

Each tick is one check-in of kind "paper" with who keyed it (``core.ops.paper``), saved at once, so nothing keyed is
lost if the laptop fails again. A person checked in at the door stays ticked (their door check-in cannot be undone
from here).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.paper import PaperRow, filter_roster, paper_roster, tick, untick
from lampang_planner.core.ops.sessions import session_by_id
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.table import TableModel
from lampang_planner.ui.widgets.table import ResizeMode, rows_table

_Index = QModelIndex | QPersistentModelIndex


class PaperModel(TableModel):
    """The filtered roster: a tick box, the name, the organisation, how the person is ticked."""

    CONTEXT = "PaperModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PaperModel", "Name"),
        QT_TRANSLATE_NOOP("PaperModel", "Organisation"),
        QT_TRANSLATE_NOOP("PaperModel", "Ticked"),
    )

    @property
    def rows(self) -> list[PaperRow]:
        return self._rows

    def display(self, r: PaperRow, column: int) -> str:
        if column == 0:
            return r.name
        if column == 1:
            return r.organisation
        if r.ticked:
            return self.tr("from paper") if r.by_paper_only else self.tr("at the door")
        return ""

    def extra(self, r: PaperRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if r.ticked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base


class PaperKeyInDialog(QDialog):
    def __init__(self, store: Store, workshop_id: str, session_id: str, keyed_by: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("paperKeyIn")
        self.store, self.workshop_id, self.session_id = store, workshop_id, session_id
        self.session = session_by_id(store.db, workshop_id, session_id)
        self.all_rows: list[PaperRow] = []
        self.setWindowTitle(self.tr("Key in from the paper sign-in sheet"))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.keyed_by = QLineEdit(keyed_by)
        self.keyed_by.setObjectName("paperKeyedBy")
        self.filter = QLineEdit()
        self.filter.setObjectName("paperFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Type part of a name, Enter ticks the first match"))
        self.model = PaperModel(self)
        self.table = rows_table(QTableView(), "paperList", self.model, read_only=False,  # ticked in place
                                modes=(ResizeMode.Stretch, ResizeMode.Stretch, ResizeMode.ResizeToContents))
        self.count = QLabel()
        self.count.setObjectName("paperCount")
        self.count.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("paperMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Keyed in by"), self.keyed_by)
        form.addRow(self.tr("Find"), self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self.tick_first)
        self.table.clicked.connect(self._clicked)
        self.filter.installEventFilter(self)
        self.table.installEventFilter(self)  # Space ticks (the view would only select with it)
        self.heading.setText(self.session.describe(current_language()))
        self.resize(760, 600)
        self.reload()
        self.filter.setFocus()

    # --- data ----------------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.table.currentIndex().row()
        self.all_rows = paper_roster(self.store, self.workshop_id, self.session_id)
        self._apply_filter()
        if 0 <= current < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current, 0))

    def _apply_filter(self) -> None:
        self.model.set_rows(filter_roster(self.all_rows, self.filter.text()))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_count()

    def _show_count(self) -> None:
        ticked = sum(1 for r in self.all_rows if r.ticked)
        self.count.setText(self.tr("{ticked} of {total} present at this session").format(
            ticked=f"{ticked:,}", total=f"{len(self.all_rows):,}"))  # fmt: skip

    # --- ticking -------------------------------------------------------------------------------------------------------

    def toggle_row(self, row: int) -> bool:
        """Tick or untick one row of the filtered list. Returns True when something was saved."""
        if not 0 <= row < self.model.rowCount():
            return False
        r = self.model.rows[row]
        try:
            if not r.ticked:
                result = tick(self.store, self.workshop_id, self.session_id, r.person_id, self.keyed_by.text())
                self.message.setText(self.tr("{name} ticked").format(name=result.name))
                done = True
            elif r.by_paper_only:
                done = untick(self.store, self.workshop_id, self.session_id, r.person_id)
                self.message.setText(self.tr("{name} unticked").format(name=r.name))
            else:
                self.message.setText(self.tr("{name} was checked in at the door; that stays").format(name=r.name))
                done = False
        except UserError as exc:
            self.message.setText(exc.message(current_language()))
            if exc.code == "keyed-by-required":
                self.keyed_by.setFocus()
            return False
        self.reload()
        return done

    def toggle_current(self) -> None:
        self.toggle_row(self.table.currentIndex().row())

    def tick_first(self) -> None:
        """Enter in the filter: tick the selected (first) match, then clear the filter for the next name."""
        row = max(0, self.table.currentIndex().row())
        if self.model.rowCount() and not self.model.rows[row].ticked and self.toggle_row(row):
            self.filter.clear()

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self.toggle_row(index.row())

    def eventFilter(self, obj, event) -> bool:
        if event.type() == event.Type.KeyPress:
            if obj is self.filter and event.key() == Qt.Key.Key_Down:
                self.table.setFocus()
                return True
            if obj is self.table and event.key() == Qt.Key.Key_Space:
                self.toggle_current()
                return True
        return super().eventFilter(obj, event)
