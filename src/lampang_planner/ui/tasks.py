"""One small task runner for long work (import, merge, export, PDF) off the GUI thread.

    task = runner.start(work, path)          # work(control, path) runs on a pool thread
    task.progress.connect(bar_update)        # (done, total, text), delivered on the GUI thread
    task.finished.connect(show_result)       # the return value
    task.failed.connect(show_error)          # the exception (a core UserError carries Thai and English)
    task.cancelled.connect(...)              # the work stopped at a control.check() after task.cancel()

The work function must not touch widgets: it reports through ``control.progress()`` and returns a value. Every
public signal of a Task is emitted on the thread that started it (the GUI thread), so slots may touch widgets.
Exactly one of finished / failed / cancelled is emitted, then ``done``.

Pages and dialogs start their long operations through :class:`BackgroundOp` (as Anki's ``CollectionOp`` /
``QueryOp`` in ``aqt.operations``): it binds a progress bar and a Cancel button, shows a failure as the core's
Thai/English sentence, and marks the data events of the work with who initiated it::

    BackgroundOp(ctx, export_workbook, store, path, name="excel").with_progress(bar, cancel_button)
        .success(show_saved).failure(show_not_saved).initiated_by(page).run_in_background()
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QProgressBar, QWidget

from lampang_planner.core.errors import UserError
from lampang_planner.ui.i18n import current_language, translate

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


# --- one way to run a long operation from a page or a dialog ------------------------------------------------------


def error_text(exc: object) -> str:
    """What the user reads when an operation failed: the core's sentence in the window's language; anything the core
    did not foresee by its type and message."""
    if isinstance(exc, UserError):
        return exc.message(current_language())
    return f"{type(exc).__name__}: {exc}"


def show_failure(parent: QWidget | None, exc: object) -> None:
    """The default failure callback: a message box with the sentence (does not block)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("BackgroundOp", "Not done"), error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("operationFailed")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class ProgressBinding:
    """Shows a task's progress on a bar (busy until the first report, then done of total) and lets a button cancel
    it; both are hidden again when the task ends."""

    def __init__(self, task: Task, bar: QProgressBar | None, cancel: QAbstractButton | None, percent: bool = False):
        self.task, self.bar, self.button, self.percent = task, bar, cancel, percent
        if bar is not None:
            bar.setRange(0, 0)
            bar.show()
            task.progress.connect(self._progress)
        if cancel is not None:
            cancel.show()
            cancel.setEnabled(True)
            cancel.clicked.connect(self.cancel)
        task.done.connect(self._end)

    def cancel(self) -> None:
        if self.task.running:
            self.task.cancel()
            if self.button is not None:
                self.button.setEnabled(False)

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0 and self.bar is not None:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            if self.percent:
                self.bar.setFormat(f"{done * 100 // total}%")

    def _end(self) -> None:
        if self.bar is not None:
            self.bar.hide()
        if self.button is not None:
            self.button.clicked.disconnect(self.cancel)
            self.button.hide()


class BackgroundOp:
    """A core function run off the GUI thread: ``work(control, *args, **kwargs)``; callbacks on the GUI thread.

    Without a ``failure`` callback a failure is shown in a message box over ``parent`` as the core's sentence.
    """

    def __init__(self, ctx: Any, work: Callable[..., Any], *args: Any, name: str = "", parent: QWidget | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        self.ctx, self.work, self.args, self.kwargs = ctx, work, args, kwargs
        self.name, self.parent = name or getattr(work, "__name__", "task"), parent
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Any], None] = lambda exc: show_failure(self.parent, exc)
        self._cancelled: Callable[[], None] | None = None
        self._progress: tuple[QProgressBar | None, QAbstractButton | None, bool] | None = None
        self._on_progress: Callable[[int, int, str], None] | None = None
        self._initiator: object = None
        self.binding: ProgressBinding | None = None

    def success(self, fn: Callable[[Any], None]) -> BackgroundOp:
        self._success = fn
        return self

    def failure(self, fn: Callable[[Any], None]) -> BackgroundOp:
        self._failure = fn
        return self

    def cancelled(self, fn: Callable[[], None]) -> BackgroundOp:
        self._cancelled = fn
        return self

    def with_progress(self, bar: QProgressBar | None = None, cancel: QAbstractButton | None = None, *,
                      percent: bool = False, on_progress: Callable[[int, int, str], None] | None = None,
                      ) -> BackgroundOp:  # fmt: skip
        """Show progress on ``bar``, cancel with ``cancel``, and/or hand every report to ``on_progress``."""
        self._progress = (bar, cancel, percent)
        self._on_progress = on_progress
        return self

    def initiated_by(self, initiator: object) -> BackgroundOp:
        """The data events of the work's writes name ``initiator`` (``ctx.events.changed_by``)."""
        self._initiator = initiator
        return self

    def run_in_background(self) -> Task:
        events = getattr(self.ctx, "events", None)
        work, initiator = self.work, self._initiator

        def run(control: TaskControl, *args: Any, **kwargs: Any) -> Any:
            if events is None or initiator is None:
                return work(control, *args, **kwargs)
            with events.initiated_by(initiator):
                return work(control, *args, **kwargs)

        task = self.ctx.tasks.start(run, *self.args, name=self.name, **self.kwargs)
        if self._progress is not None:
            self.binding = task.binding = ProgressBinding(task, *self._progress)
        if self._on_progress is not None:
            task.progress.connect(self._on_progress)
        if self._success is not None:
            task.finished.connect(self._success)
        task.failed.connect(self._failure)
        if self._cancelled is not None:
            task.cancelled.connect(self._cancelled)
        return task
