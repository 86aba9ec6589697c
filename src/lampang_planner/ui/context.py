"""What every page shares: the open data folder, settings, translations, the task runner and change events."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from lampang_planner.core.db import Store
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.ui.i18n import Translations
from lampang_planner.ui.settings import Settings
from lampang_planner.ui.tasks import TaskRunner


class DataEvents(QObject):
    """Turns the store's after-commit listener calls into Qt signals, with who initiated the change.

    A write may commit on a task thread; the signals are then delivered queued, so receivers (models, pages) always
    run on the GUI thread. ``changed_by`` also carries the initiator: the object (a page, a dialog) that made the
    write inside ``with events.initiated_by(obj):`` (or through ``BackgroundOp.initiated_by``), None for a write
    nobody claimed (a merge, another screen, the command line's store) — so a page can tell its own change from
    another's.
    """

    changed = Signal(object)  # ApplyResult: .changed maps table → ids
    changed_by = Signal(object, object)  # (ApplyResult, initiator or None)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._local = threading.local()  # the initiator of the writes made on this thread now
        store.listeners.append(self._on_commit)

    @contextlib.contextmanager
    def initiated_by(self, initiator: object) -> Iterator[None]:
        """Writes committed on this thread inside the block are announced as made by ``initiator``."""
        before = getattr(self._local, "initiator", None)
        self._local.initiator = initiator
        try:
            yield
        finally:
            self._local.initiator = before

    def _on_commit(self, result: ApplyResult) -> None:
        if result.changed:
            self.changed.emit(result)
            self.changed_by.emit(result, getattr(self._local, "initiator", None))

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
