"""The editable list of need categories: add, rename, remove (when no need uses it) and reorder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from lampang_planner.ui.dialogs.base import SB, DialogBase
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, vbox


class CategoryDialog(FormDialog):
    """Add a category (key, Thai and English names) or rename one (its key stays)."""

    def __init__(self, store: Store, category: CategoryRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="CategoryDialog", store=store)
        self.category = category
        self.key = QLineEdit(category.key if category else "")
        self.key.setReadOnly(category is not None)
        self.name_th = QLineEdit(category.name_th if category else "")
        self.name_en = QLineEdit(category.name_en if category else "")
        self.field("name_th", self.name_th, lambda: self.tr("Name in Thai"), required=True)
        self.field("name_en", self.name_en, lambda: self.tr("Name in English"))
        self.field("key", self.key, lambda: self.tr("Key"), required=category is None)
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
        self.key.setPlaceholderText(self.tr("a short English word, e.g. youth"))
        self.key.setToolTip(self.tr("Stored with each need and in reports; it cannot change later"))
        super().retranslate()


class CategoriesDialog(DialogBase):
    MESSAGE_ON_TOP = False
    BUTTONS = SB.Close

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent, message_name="categoryError")
        self.setObjectName("CategoriesDialog")
        self.store = store
        self.error = self.message
        self.intro = label(wrap=True, text=lambda: self.tr(
            "The categories needs are filed under, in the order pickers and reports show them. A category still used "
            "by a need cannot be removed."))
        self.list = QListWidget()
        self.list.setObjectName("categoryList")
        self.add_button = button(clicked=self.add, text=lambda: self.tr("Add…"))
        self.rename_button = button(clicked=self.rename, text=lambda: self.tr("Rename…"))
        self.delete_button = button(clicked=self.delete, text=lambda: self.tr("Remove"))
        self.up_button = button(clicked=lambda: self.move(-1), text=lambda: self.tr("Move up"))
        self.down_button = button(clicked=lambda: self.move(1), text=lambda: self.tr("Move down"))
        side = vbox(self.add_button, self.rename_button, self.delete_button, self.up_button, self.down_button, STRETCH)
        self.add_body(self.intro)
        self.add_body(hbox((self.list, 1), side), 1)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.list.itemDoubleClicked.connect(lambda _i: self.rename())
        self.resize(520, 440)
        self.list.setFocus()  # the buttons' row comes first in the focus chain: start on the list, Add as the default
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
        self.show_message(exc.message(current_language()) if exc else "")

    def add(self) -> None:
        self._edit(None)

    def rename(self) -> None:
        c = self.current()
        if c is not None:
            self._edit(c)

    def _edit(self, category: CategoryRow | None) -> None:
        dialog = CategoryDialog(self.store, category, parent=self)
        if dialog.exec():
            self._problem(None)
            self.reload(dialog.saved_key)

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
        self.button(SB.Close).setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # retranslate()
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
