"""The background sync of the desktop app: one ``QThread`` hosting ``SyncEngine.run_forever``.

The UI thread never waits for the network. Each cycle's start and outcome reach the UI thread through
queued signals without arguments; the outcome itself (a ``SyncReport`` or a ``SyncFailed``) waits in a
locked list and is taken with :meth:`SyncWorker.take_outcomes` (the same hand-over as ``tasks.py``: only
plain signals cross threads through Qt). ``poke()`` starts a cycle now; ``stop()`` sets the stop event,
pokes and waits. A workstation that is not enrolled starts no thread at all.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from frontdesk import replication
from frontdesk.db import Store

if TYPE_CHECKING:
    from frontdesk.sync.engine import SyncEngine, SyncFailed, SyncReport

    Outcome = SyncReport | SyncFailed

log = logging.getLogger(__name__)

# Threads asked to stop whose network call had not returned yet: kept referenced until they finish (a
# QThread destroyed while running aborts the process). ``wait_for_all`` joins them at exit.
_lingering: set[_SyncThread] = set()


def _reporting_engine(store: Store, on_start: Callable[[], None]) -> SyncEngine:
    """The engine, saying when a cycle starts (for the "syncing…" indicator). Imported here, on the sync
    thread: the HTTP stack (requests) is not needed to show the main window."""
    from frontdesk.sync.engine import SyncEngine

    class _ReportingEngine(SyncEngine):
        def sync_once(self) -> SyncReport:
            on_start()
            return super().sync_once()

    return _ReportingEngine(store)


class _SyncThread(QThread):
    def __init__(
        self, store: Store, on_start: Callable[[], None], stop: threading.Event, interval: float,
        on_report: Callable[[Outcome], None],
    ):  # fmt: skip
        super().__init__()
        self.setObjectName("sync_thread")
        self.store, self._on_start = store, on_start
        self.engine: SyncEngine | None = None  # made on the thread
        self.stop_event = stop
        self.interval = interval
        self._on_report = on_report

    def run(self) -> None:
        try:
            self.engine = _reporting_engine(self.store, self._on_start)
            self.engine.run_forever(self.stop_event, on_report=self._on_report, interval=self.interval)
        except Exception:  # a bug: the UI keeps working offline; the traceback goes to the log
            log.exception("the background sync stopped because of an unexpected error")


class SyncWorker(QObject):
    """Owns the sync thread of one signed-in session."""

    cycle_started = Signal()
    cycle_finished = Signal()  # take the outcome with take_outcomes()
    stopped = Signal()

    def __init__(self, store: Store, *, interval: float = 60.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.interval = float(interval)
        self._lock = threading.Lock()
        self._outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._thread: _SyncThread | None = None
        self.busy = False  # a cycle is in flight (set and cleared on the UI thread)
        self.cycles = 0
        self.cycle_started.connect(self._started)
        self.cycle_finished.connect(self._finished)

    # ------------------------------------------------------------------ life cycle (UI thread)
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> bool:
        """Start syncing in the background; False (and no thread) when the workstation is not enrolled."""
        if self._thread is not None:
            return True
        if not replication.status(self.store).enrolled:
            log.info("background sync not started: the workstation is not enrolled")
            return False
        self._stop.clear()
        self._thread = _SyncThread(self.store, self._emit_started, self._stop, self.interval, self._report)
        self._thread.start()
        log.info("background sync started (every %.0f s)", self.interval)
        return True

    def poke(self) -> bool:
        """Sync now (the user asked); False when there is no background sync."""
        engine = self._thread.engine if self._thread is not None else None
        if engine is None or not self.running:
            return False
        engine.poke()
        return True

    def stop(self, wait_ms: int = 3000) -> bool:
        """Stop the thread: stop event + poke, then wait up to ``wait_ms``. A thread still inside a network
        call finishes on its own (kept referenced; :func:`wait_for_all` joins it at exit). True when done."""
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        self._stop.set()
        if thread.engine is not None:
            thread.engine.poke()
        done = bool(thread.wait(max(0, wait_ms)))
        if done:
            thread.deleteLater()
        else:
            log.info("the background sync is still inside a network call; it stops when the call returns")
            _lingering.add(thread)
            thread.finished.connect(lambda: _lingering.discard(thread))
        self.busy = False
        self.stopped.emit()
        return done

    def take_outcomes(self) -> list[Outcome]:
        with self._lock:
            out, self._outcomes = self._outcomes, []
        return out

    # ------------------------------------------------------------------ worker thread side
    def _emit_started(self) -> None:
        if not self._stop.is_set():
            with contextlib.suppress(RuntimeError):  # the window went away meanwhile
                self.cycle_started.emit()

    def _report(self, outcome: Outcome) -> None:
        if self._stop.is_set():
            return
        with self._lock:
            self._outcomes.append(outcome)
        with contextlib.suppress(RuntimeError):
            self.cycle_finished.emit()

    # ------------------------------------------------------------------ UI thread side
    def _started(self) -> None:
        self.busy = True

    def _finished(self) -> None:
        self.busy = False
        self.cycles += 1


def wait_for_all(timeout_ms: int = 75_000) -> bool:
    """At exit: wait for sync threads still finishing a network call (before the store is closed)."""
    ok = True
    for thread in list(_lingering):
        ok = bool(thread.wait(timeout_ms)) and ok
        _lingering.discard(thread)
    return ok
