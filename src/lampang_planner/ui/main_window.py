"""The main window: a sidebar of pages (views.PAGES), the language menu, and a status bar naming the data folder,
this device and the schema."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from lampang_planner import __version__
from lampang_planner.core.db import schema_revision
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui import settings as S
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import LANGS, LANGUAGE_NAMES, current_language
from lampang_planner.ui.views import PAGES, PageSpec
from lampang_planner.ui.views.base import Page


class _Pages(dict):
    """The window's pages by key, each built on first use (``pages[key]``); ``key in pages`` is True for every page
    of the sidebar, built or not; ``get``, ``values`` and ``items`` see the built ones."""

    def __init__(self, build: Callable[[str], Page], keys: list[str]) -> None:
        super().__init__()
        self._build, self._keys = build, frozenset(keys)

    def __missing__(self, key: str) -> Page:
        if key not in self._keys:
            raise KeyError(key)
        page = self[key] = self._build(key)
        return page

    def __contains__(self, key: object) -> bool:
        return key in self._keys


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.ctx = ctx
        ctx.navigate = self.navigate
        self.specs: list[PageSpec] = list(PAGES)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.setIconSize(QSize(0, 0))
        self.stack = QStackedWidget()
        self.pages = _Pages(self._build_page, [spec.key for spec in self.specs])
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.sidebar.currentRowChanged.connect(self._row_changed)

        self._build_menus()
        self.folder_label = QLabel()
        self.device_label = QLabel()
        self.schema_label = QLabel()
        for w in (self.folder_label, self.device_label):
            self.statusBar().addWidget(w)
        self.statusBar().addPermanentWidget(self.schema_label)

        geometry = ctx.settings.get(S.WINDOW_GEOMETRY)
        if not (geometry and self.restoreGeometry(QByteArray(geometry))):
            self.resize(1280, 760)
        self.retranslate()
        start = ctx.settings.get(S.LAST_PAGE)
        self.navigate(start if start in self.pages else self.specs[0].key)

    def _build_page(self, key: str) -> Page:
        """Page ``key``, made when it is first asked for (shown, or reached by ``pages[key]``): the start builds
        only the page it shows, and imports only that page's modules."""
        row, spec = next((i, s) for i, s in enumerate(self.specs) if s.key == key)
        page = spec.page(self.ctx)
        page.setObjectName(f"page_{spec.key}")
        self.stack.addWidget(page)
        if not page.AVAILABLE:
            self.sidebar.item(row).setForeground(QColor("#7a7a7a"))
            self.sidebar.item(row).setToolTip(self.tr("Not available yet"))
        return page

    # --- navigation -------------------------------------------------------------------------------------------------

    def navigate(self, key: str, **kwargs: object) -> None:
        """Show page ``key`` (a key of views.PAGES); ``kwargs`` go to its ``activate``."""
        if key not in self.pages:
            raise KeyError(key)
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self._pending = kwargs
        if self.sidebar.currentRow() == row:
            self._row_changed(row)
        else:
            self.sidebar.setCurrentRow(row)

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        page = self.pages[spec.key]
        kwargs, self._pending = getattr(self, "_pending", {}), {}
        page.activate(**kwargs)
        self.stack.setCurrentWidget(page)
        self.ctx.settings.set(S.LAST_PAGE, spec.key)

    # --- menus ------------------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.language_menu = bar.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGS:
            action = QAction(LANGUAGE_NAMES[lang], self)
            action.setCheckable(True)
            action.setData(lang)
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        from lampang_planner.ui.dialogs.audit_menu import install_privacy_menu

        self.privacy_menu = install_privacy_menu(self, self.ctx)  # audit log, signed-in name, purge, office PIN
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.about_action)

    def set_language(self, lang: str) -> None:
        """Switch the whole window to ``lang`` now and remember it for next time."""
        lang = self.ctx.i18n.set_language(lang)
        self.ctx.settings.set(S.LANGUAGE, lang)

    def about(self) -> None:
        from lampang_planner.ui.about import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    # --- texts ------------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lampang Planner {version} — workshops, needs and resolutions").format(
            version=__version__))
        for i, spec in enumerate(self.specs):
            item = self.sidebar.item(i)
            item.setText(spec.translated_title())
            page = self.pages.get(spec.key)  # a page not built yet is built with its tooltip
            item.setToolTip("" if page is None or page.AVAILABLE else self.tr("Not available yet"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Lampang Planner"))
        for lang, action in self.language_actions.items():
            action.setChecked(lang == current_language())
        store = self.ctx.store
        self.folder_label.setText(self.tr("Data: {folder}").format(folder=store.data_dir))
        try:
            role = DeviceRole(store.role).label(current_language())
        except ValueError:
            role = store.role
        desk = self.ctx.settings.get(S.DESK_NAME) or store.desk
        device = self.tr("This device: {name} ({role})").format(name=store.device_name, role=role)
        if desk:
            device += " · " + self.tr("desk {desk}").format(desk=desk)
        self.device_label.setText(device)
        self.schema_label.setText(self.tr("Schema {rev}").format(rev=schema_revision(store.db) or "?"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.ctx.settings
        settings.set(S.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        settings.set(S.WINDOW_STATE, bytes(self.saveState().data()))
        settings.sync()
        super().closeEvent(event)
