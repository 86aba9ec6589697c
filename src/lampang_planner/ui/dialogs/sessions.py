"""The sessions of one workshop (morning, afternoon, a second day): a list to add, edit and remove them.

Every change goes through ``core.ops.sessions`` (one transaction each); what the core refuses (the last session, a
session people checked in at) is said in the dialog, in the user's language, and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.sessions import Session, delete_session, list_sessions
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.ui.dialogs.form import ERROR_STYLE
from lampang_planner.ui.dialogs.session_form import SessionDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.table import ResizeMode, rows_table


class SessionsDialog(QDialog):
    def __init__(self, store: Store, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SessionsDialog")
        self.setModal(True)
        self.store, self.workshop_id = store, workshop_id
        self.sessions: list[Session] = []
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("detailHeading")
        fit = ResizeMode.ResizeToContents  # the day ("ทุกวันของการประชุม") and the hours whole
        self.table = rows_table(QTableWidget(0, 3), "sessionTable", modes=(ResizeMode.Stretch, fit, fit))
        self.problem = QLabel()
        self.problem.setObjectName("sessionProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.add_button, self.edit_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        for name, b in (("addSession", self.add_button), ("editSession", self.edit_button),
                        ("removeSession", self.remove_button)):
            b.setObjectName(name)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.accept)
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.doubleClicked.connect(lambda _ix: self.edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(640, 360)
        self.retranslate()
        self.reload()

    # --- the list ----------------------------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        keep = select or self.current_id()
        self.sessions = list_sessions(self.store, self.workshop_id)
        lang = current_language()
        self.table.setRowCount(len(self.sessions))
        for r, s in enumerate(self.sessions):
            day = (s.day.isoformat() if lang == "en" else format_date_th(s.day, "short")) if s.day else ""
            hours = s.hours() if lang == "th" else s.hours().replace(" น.", "")
            for c, text in enumerate((s.label(lang), day or self.tr("every day of the workshop"), hours)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                self.table.setItem(r, c, item)
        rows = [r for r, s in enumerate(self.sessions) if s.id == keep]
        self.table.selectRow(rows[0] if rows else 0)
        self._update_buttons()

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        return self.sessions[row].id if 0 <= row < len(self.sessions) else None

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and len(self.sessions) > 1)

    # --- changes -----------------------------------------------------------------------------------------------------

    def add(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        sid = self.current_id()
        if sid:
            self._edit(sid)

    def _edit(self, session_id: str | None) -> None:
        self.problem.hide()
        dialog = SessionDialog(self.store, self.workshop_id, session_id, parent=self)
        if dialog.exec() and dialog.saved_id:
            self.reload(select=dialog.saved_id)

    def remove_current(self, *, confirm: bool = True) -> bool:
        sid = self.current_id()
        if sid is None:
            return False
        label = next(s.label(current_language()) for s in self.sessions if s.id == sid)
        if confirm:
            answer = QMessageBox.question(self, self.tr("Remove session"),
                                          self.tr("Remove the session “{name}”?").format(name=label))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            delete_session(self.store, self.workshop_id, sid)
        except UserError as exc:
            self.problem.setText(exc.message(current_language()))
            self.problem.show()
            return False
        self.problem.hide()
        self.reload()
        return True

    def retranslate(self) -> None:
        w = get_workshop(self.store, self.workshop_id) or {}
        self.setWindowTitle(self.tr("Sessions"))
        self.title.setText(self.tr("Sessions of {title}").format(title=w.get("title") or ""))
        self.table.setHorizontalHeaderLabels([self.tr("Session"), self.tr("Day"), self.tr("Time")])
        self.add_button.setText(self.tr("Add session…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
