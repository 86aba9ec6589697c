"""The editable list of need categories: add, rename, remove (when no need uses it) and reorder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import (
    CategoryRow,
    add_category,
    delete_category,
    list_categories,
    reorder_categories,
    update_category,
)
from lampang_planner.ui.dialogs.form import ERROR_STYLE, FormDialog
from lampang_planner.ui.i18n import current_language


class CategoryDialog(FormDialog):
    """Add a category (key, Thai and English names) or rename one (its key stays)."""

    def __init__(self, store: Store, category: CategoryRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CategoryDialog")
        self.store = store
        self.category = category
        self.key = QLineEdit(category.key if category else "")
        self.key.setReadOnly(category is not None)
        self.name_th = QLineEdit(category.name_th if category else "")
        self.name_en = QLineEdit(category.name_en if category else "")
        for k, w in (("name_th", self.name_th), ("name_en", self.name_en), ("key", self.key)):
            w.setObjectName(k)
            self.add_field(k, w)
        self.saved_key = ""
        self.resize(460, 0)
        self.retranslate()

    def save(self) -> None:
        if self.category:
            update_category(self.store, self.category.key, name_th=self.name_th.text(), name_en=self.name_en.text())
            self.saved_key = self.category.key
        else:
            add_category(self.store, self.key.text(), self.name_th.text(), self.name_en.text())
            self.saved_key = self.key.text().strip().lower()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rename a category") if self.category else self.tr("Add a category"))
        self.set_label("name_th", self.tr("Name in Thai"), required=True)
        self.set_label("name_en", self.tr("Name in English"))
        self.set_label("key", self.tr("Key"), required=not self.category)
        self.key.setPlaceholderText(self.tr("a short English word, e.g. youth"))
        self.key.setToolTip(self.tr("Stored with each need and in reports; it cannot change later"))
        super().retranslate()


class CategoriesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CategoriesDialog")
        self.store = store
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("categoryList")
        self.error = QLabel()
        self.error.setObjectName("categoryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        side = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.delete_button, self.up_button, self.down_button):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.list.itemDoubleClicked.connect(lambda _i: self.rename())
        self.resize(520, 440)
        self.reload()
        self.retranslate()

    def reload(self, select: str | None = None) -> None:
        keep = select or self.current_key()
        lang = current_language()
        self.list.clear()
        for c in list_categories(self.store):
            other = c.name_en if lang == "th" else c.name_th
            item = QListWidgetItem(f"{c.label(lang)}  ({other})" if other and other != c.label(lang) else c.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.list.addItem(item)
            if c.key == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def current(self) -> CategoryRow | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_key(self) -> str | None:
        c = self.current()
        return c.key if c else None

    def keys(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole).key for i in range(self.list.count())]

    def _enable(self) -> None:
        row = self.list.currentRow()
        for b in (self.rename_button, self.delete_button):
            b.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)

    def _problem(self, exc: UserError | None) -> None:
        self.error.setText(exc.message(current_language()) if exc else "")
        self.error.setVisible(exc is not None)

    def add(self) -> None:
        dialog = CategoryDialog(self.store, parent=self)
        if dialog.exec():
            self._problem(None)
            self.reload(dialog.saved_key)

    def rename(self) -> None:
        c = self.current()
        if c is None:
            return
        dialog = CategoryDialog(self.store, c, parent=self)
        if dialog.exec():
            self._problem(None)
            self.reload(c.key)

    def delete(self) -> None:
        c = self.current()
        if c is None:
            return
        try:
            delete_category(self.store, c.key)
        except UserError as exc:
            self._problem(exc)
            return
        self._problem(None)
        self.reload()

    def move(self, step: int) -> None:
        keys = self.keys()
        row = self.list.currentRow()
        other = row + step
        if not (0 <= row < len(keys) and 0 <= other < len(keys)):
            return
        keys[row], keys[other] = keys[other], keys[row]
        reorder_categories(self.store, keys)
        self.reload(keys[other])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Need categories"))
        self.intro.setText(self.tr("The categories needs are filed under, in the order pickers and reports show "
                                   "them. A category still used by a need cannot be removed."))
        self.add_button.setText(self.tr("Add…"))
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)
