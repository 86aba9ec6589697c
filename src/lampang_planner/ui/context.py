"""What every page shares: the open data folder, settings, translations, the task runner and change events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from lampang_planner.core.db import Store
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.ui.i18n import Translations
from lampang_planner.ui.settings import Settings
from lampang_planner.ui.tasks import TaskRunner


class DataEvents(QObject):
    """Turns the store's after-commit listener calls into a Qt signal.

    A write may commit on a task thread; the signal is then delivered queued, so receivers (models, pages) always
    run on the GUI thread.
    """

    changed = Signal(object)  # ApplyResult: .changed maps table → ids

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        store.listeners.append(self._on_commit)

    def _on_commit(self, result: ApplyResult) -> None:
        if result.changed:
            self.changed.emit(result)

    def detach(self) -> None:
        if self._on_commit in self._store.listeners:
            self._store.listeners.remove(self._on_commit)


@dataclass
class AppContext:
    store: Store
    settings: Settings
    i18n: Translations
    tasks: TaskRunner
    events: DataEvents
    navigate: Callable[..., None] = field(default=lambda key, **kw: None)
    """navigate(page_key, **kwargs): show a page (the main window sets this)."""

    @classmethod
    def create(cls, store: Store, settings: Settings, i18n: Translations) -> AppContext:
        return cls(store=store, settings=settings, i18n=i18n, tasks=TaskRunner(), events=DataEvents(store))

    def close(self) -> None:
        self.tasks.cancel_all()
        self.tasks.wait(10_000)
        self.events.detach()
