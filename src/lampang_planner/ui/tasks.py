"""One small task runner for long work (import, merge, export, PDF) off the GUI thread.

    task = runner.start(work, path)          # work(control, path) runs on a pool thread
    task.progress.connect(bar_update)        # (done, total, text), delivered on the GUI thread
    task.finished.connect(show_result)       # the return value
    task.failed.connect(show_error)          # the exception (a core UserError carries Thai and English)
    task.cancelled.connect(...)              # the work stopped at a control.check() after task.cancel()

The work function must not touch widgets: it reports through ``control.progress()`` and returns a value. Every
public signal of a Task is emitted on the thread that started it (the GUI thread), so slots may touch widgets.
Exactly one of finished / failed / cancelled is emitted, then ``done``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by :meth:`TaskControl.check` once the task has been cancelled."""


class TaskControl:
    """Handed to the work function: report progress, and notice a cancel request."""

    def __init__(self, relay: _Relay, flag: threading.Event) -> None:
        self._relay = relay
        self._flag = flag

    @property
    def cancelled(self) -> bool:
        return self._flag.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop; call it between steps."""
        if self._flag.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """``done`` of ``total`` steps (total 0: unknown); ``text`` says what is happening."""
        self._relay.progress.emit(int(done), int(total), text)


class _Relay(QObject):
    """Signals emitted from the worker thread; the Task (a GUI-thread object) receives them queued."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    errored = Signal(object)
    stopped = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay, flag: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._relay, self._flag = relay, flag

    def run(self) -> None:
        control = TaskControl(self._relay, self._flag)
        try:
            control.check()
            result = self._fn(control, *self._args, **self._kwargs)
        except Cancelled:
            self._relay.stopped.emit()
        except BaseException as exc:  # reported to the GUI thread, never lost in the pool
            log.debug("task failed", exc_info=True)
            self._relay.errored.emit(exc)
        else:
            if self._flag.is_set():
                self._relay.stopped.emit()
            else:
                self._relay.succeeded.emit(result)


class Task(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._flag = threading.Event()
        self._running = True
        self.relay = _Relay()
        self.relay.progress.connect(self._on_progress)
        self.relay.succeeded.connect(self._on_succeeded)
        self.relay.errored.connect(self._on_errored)
        self.relay.stopped.connect(self._on_stopped)

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Ask the work to stop at its next ``control.check()``."""
        self._flag.set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._running:
            self.progress.emit(done, total, text)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._end(self.finished, result)

    @Slot(object)
    def _on_errored(self, exc: object) -> None:
        self._end(self.failed, exc)

    @Slot()
    def _on_stopped(self) -> None:
        self._end(self.cancelled)

    def _end(self, signal: Any, *args: object) -> None:
        self._running = False
        signal.emit(*args)
        self.done.emit()


class TaskRunner(QObject):
    """Starts tasks on a private thread pool and keeps them alive until they end."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Task] = set()

    def start(self, fn: Callable[..., Any], *args: Any, name: str = "", **kwargs: Any) -> Task:
        """Run ``fn(control, *args, **kwargs)`` on a pool thread; returns its :class:`Task` (connect before the event
        loop runs again: results are delivered through it)."""
        task = Task(name or getattr(fn, "__name__", "task"))  # owned by Python: alive while referenced or running
        self._active.add(task)
        task.done.connect(lambda t=task: self._forget(t))
        self.pool.start(_Runnable(fn, args, kwargs, task.relay, task._flag))
        return task

    def _forget(self, task: Task) -> None:
        self._active.discard(task)

    @property
    def active(self) -> list[Task]:
        return [t for t in self._active if t.running]

    def cancel_all(self) -> None:
        for t in list(self._active):
            t.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started work function has returned (for closing the window)."""
        return self.pool.waitForDone(msecs)
