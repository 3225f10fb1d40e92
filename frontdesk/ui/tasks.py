"""The ONE way the desktop app runs slow work (database writes, PDF rendering, printing, sync) off the UI
thread.

``TaskRunner.run(name, fn, on_success=..., on_failure=...)`` runs ``fn()`` on a ``QThreadPool`` worker
and calls back on the UI thread through queued signals. ``fn`` must open its own database session (it
calls core functions, which do) and take/return plain values — ids and strings, never ORM objects.

Failures are classified by :func:`frontdesk.ui.messages.describe`: a user-fixable problem becomes a plain
sentence in the user's language; anything else is a bug, logged with its traceback. Tests and the
self-test wait with ``qtbot.waitSignal(runner.idle)`` or :meth:`TaskRunner.wait_idle`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, Signal

from .messages import Problem, describe

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, str], None]


class _JobSignals(QObject):
    # Only plain ints/strings cross threads through Qt; the result or exception itself waits in
    # ``_Outcome`` (a Python object, handed over under the GIL), which keeps PySide's queued-signal
    # machinery away from arbitrary Python objects and their tracebacks.
    done = Signal()
    progress = Signal(int, str)


@dataclass
class _Outcome:
    ok: bool = False
    value: Any = None
    error: BaseException | None = None
    traceback: str = ""


class _Job:
    """The work of one task, run by the pool as a plain callable (no QRunnable subclass: PySide's
    auto-deleted Python runnables mis-count references at interpreter exit)."""

    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _JobSignals, outcome: _Outcome) -> None:
        self._fn = fn
        self._signals = signals
        self._outcome = outcome

    def run(self) -> None:
        import traceback

        out = self._outcome
        try:
            out.value = self._fn(self._signals.progress.emit)
            out.ok = True
        except BaseException as exc:
            out.traceback = traceback.format_exc()
            exc.__traceback__ = None  # the frames stay on this thread; the text travels
            out.error = exc
        self._signals.done.emit()


@dataclass
class Task:
    """A running job: its name and the signals the caller may also connect to."""

    name: str
    signals: _JobSignals
    started: float


class TaskRunner(QObject):
    """Runs jobs on a thread pool; reports on the UI thread."""

    started = Signal(str)
    finished = Signal(str, bool)  # name, ok
    problem = Signal(object)  # Problem, for jobs without their own on_failure
    idle = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: dict[int, Task] = {}
        self._next = 0

    @property
    def pending(self) -> int:
        return len(self._active)

    def run(
        self,
        name: str,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Problem], None] | None = None,
    ) -> Task:
        return self.run_with_progress(name, lambda _report: fn(), on_success=on_success, on_failure=on_failure)

    def run_with_progress(
        self,
        name: str,
        fn: Callable[[ProgressFn], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Problem], None] | None = None,
        on_progress: Callable[[int, str], None] | None = None,
    ) -> Task:
        key = self._next
        self._next += 1
        signals = _JobSignals(self)
        outcome = _Outcome()
        task = Task(name, signals, time.perf_counter())
        was_idle = not self._active
        self._active[key] = task

        def done() -> None:
            if outcome.ok:
                succeeded(outcome.value)
            else:
                assert outcome.error is not None
                failed(outcome.error, outcome.traceback)

        def succeeded(result: Any) -> None:
            self._finish(key, True)
            if on_success is not None:
                try:
                    on_success(result)
                except Exception:
                    log.exception("task %s: success handler failed", name)
                    raise

        def failed(exc: BaseException, tb: str) -> None:
            problem = describe(exc)
            if problem.is_bug:
                log.error("task %s failed with a bug:\n%s", name, tb)
            else:
                log.info("task %s: %s", name, type(exc).__name__)
            problem.traceback = tb
            self._finish(key, False)
            if on_failure is not None:
                on_failure(problem)
            else:
                self.problem.emit(problem)

        signals.done.connect(done)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.started.emit(name)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, signals, outcome).run)
        return task

    def _finish(self, key: int, ok: bool) -> None:
        task = self._active.pop(key, None)
        if task is None:
            return
        log.debug(
            "task %s %s in %.0f ms",
            task.name,
            "ok" if ok else "failed",
            (time.perf_counter() - task.started) * 1000,
        )
        task.signals.deleteLater()
        self.finished.emit(task.name, ok)
        if not self._active:
            self.busy_changed.emit(False)
            self.idle.emit()

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every job has reported (for the self-test and shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._active:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            self._pool.waitForDone(10)
        QCoreApplication.processEvents()
        return True
