"""Sync in the desktop app: the status-bar indicator, "Sync now" (F5) and the supervisors' sync health panel.

:class:`SyncController` is attached to a main window (``attach(win)``): it starts the background
:class:`~frontdesk.ui.sync_worker.SyncWorker` (only on an enrolled workstation), keeps the indicator up
to date after every cycle and every local change, refreshes the worklist and the open request when a
cycle pulled remote changes, and stops the worker on sign-out/exit. Widgets here never speak HTTP or SQL:
they call the sync worker (``SyncEngine``), ``replication.status`` / ``clear_rejected`` and the
counter service.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QLabel,
)

from frontdesk import replication
from frontdesk.clock import utcnow
from frontdesk.replication import SyncStatus

from .sync_worker import SyncWorker

if TYPE_CHECKING:
    from frontdesk.sync.engine import SyncFailed, SyncReport

    from .services import CounterService
    from .shell import Shell

log = logging.getLogger(__name__)

from .sync_health import SyncHealthDialog  # noqa: E402
from .sync_words import (  # noqa: E402, F401 - re-exported: the panel's plain words live in sync_words
    COLOURS,
    SUPERVISOR_ROLES,
    SYNC_NOW_KEYS,
    Indication,
    age_text,
    failure_kind,
    hhmm,
    indication,
    local_time,
    op_kind_text,
    plain_failure,
    reject_sentence,
)

# ---------------------------------------------------------------------------------------- widgets


class SyncIndicator(QLabel):
    """The always-visible status-bar indicator; a click opens the health panel (supervisors)."""

    clicked = Signal()
    language_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sync_indicator")
        self.setProperty("fd_data", True)  # shows texts already translated by SyncController
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.state = ""

    def show_indication(self, ind: Indication) -> None:
        fg, bg = COLOURS[ind.state]
        if ind.state != self.state:
            self.setStyleSheet(
                f"QLabel#sync_indicator {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
                "border-radius: 3px; padding: 1px 6px; font-weight: bold; }"
            )
            self.state = ind.state
            self.ensurePolished()  # the bold font of the style sheet counts in the width below
        self.setText("● " + ind.text)
        self.setMinimumWidth(self.sizeHint().width())  # never cut off in the status bar
        self.setToolTip(ind.tooltip)
        self.setAccessibleName(ind.text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed.emit()
        super().changeEvent(event)


# ---------------------------------------------------------------------------------------- controller


class SyncController(QObject):
    """The sync side of one main window (one signed-in session)."""

    changed = Signal()  # the indicator was updated (after a cycle or a local change)
    cycle_reported = Signal()  # a background cycle ended (its outcome is in ``last_outcome``)

    def __init__(self, win: Shell) -> None:
        super().__init__(win)  # type: ignore[arg-type]
        self.win = win
        self.ctx = win.ctx
        self.store = win.ctx.store
        self.service: CounterService = win.service
        self.failure: str | None = None  # reason of the last failed cycle of this session
        self.offline_since: dt.datetime | None = None
        self.last_outcome: SyncReport | SyncFailed | None = None
        self.health: SyncHealthDialog | None = None
        self.indicator = SyncIndicator()
        win.statusBar().insertPermanentWidget(0, self.indicator)
        self.indicator.clicked.connect(self.open_health)
        self.indicator.language_changed.connect(self.retranslate)
        self._make_actions()
        self.worker = SyncWorker(self.store, interval=self.ctx.settings.current.sync_interval_seconds, parent=self)
        self.worker.cycle_started.connect(self.refresh)
        self.worker.cycle_finished.connect(self._cycle_finished)
        self.ctx.tasks.finished.connect(self._task_finished)
        self.retranslate()
        self.worker.start()
        self.refresh()

    # ------------------------------------------------------------------ menu
    def _make_actions(self) -> None:
        win = self.win
        menu = win.file_menu
        acts = menu.actions()
        lock = getattr(win, "act_lock", None)
        before = None
        if lock in acts:
            i = acts.index(lock)
            before = acts[i - 1] if i > 0 and acts[i - 1].isSeparator() else lock
        self.act_sync_now = QAction(self)
        self.act_sync_now.setObjectName("act_sync_now")
        self.act_sync_now.setShortcuts([QKeySequence(k) for k in SYNC_NOW_KEYS])
        self.act_sync_now.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_sync_now.triggered.connect(self.sync_now)
        self.act_health = QAction(self)
        self.act_health.setObjectName("act_sync_health")
        self.act_health.triggered.connect(self.open_health)
        self.act_health.setVisible(self.is_supervisor())  # hidden for clerks (and refused in open_health)
        menu.insertActions(before, [self.act_sync_now, self.act_health])  # type: ignore[arg-type]

    def is_supervisor(self) -> bool:
        return self.service.actor.role in SUPERVISOR_ROLES

    def retranslate(self) -> None:
        self.act_sync_now.setText(self.tr("Sync &now"))
        self.act_health.setText(self.tr("Sync &health…"))
        self.refresh()

    # ------------------------------------------------------------------ state
    def current_status(self) -> SyncStatus:
        return replication.status(self.store)

    def current_indication(self, st: SyncStatus | None = None) -> Indication:
        st = st or self.current_status()
        return indication(
            st,
            busy=self.worker.busy,
            failure=self.failure,
            offline_since=self.offline_since,
            supervisor=self.is_supervisor(),
        )

    def refresh(self) -> None:
        """Re-read the sync status (one small read) and update the indicator and an open panel."""
        try:
            st = self.current_status()
        except Exception:
            log.exception("could not read the sync status")
            return
        self.indicator.show_indication(self.current_indication(st))
        if self.health is not None and self.health.isVisible():
            self.health.refresh()
        self.changed.emit()

    def _task_finished(self, _name: str, _ok: bool) -> None:
        self.refresh()  # a local change: the pending count moved

    def _cycle_finished(self) -> None:
        pulled = False
        for outcome in self.worker.take_outcomes():
            self.last_outcome = outcome
            from frontdesk.sync.engine import SyncFailed  # loaded by the sync thread by now

            if isinstance(outcome, SyncFailed):
                if failure_kind(outcome.reason) == "unreachable" and self.offline_since is None:
                    self.offline_since = utcnow()
                self.failure = outcome.reason
            else:
                self.failure, self.offline_since = None, None
                pulled = pulled or outcome.pulled > 0
        if pulled:
            self.refresh_pages()
        bar = self.win.statusBar()
        if bar.currentMessage() == self.tr("Syncing with the central server…"):
            bar.clearMessage()
        self.refresh()
        self.cycle_reported.emit()

    def refresh_pages(self) -> None:
        """Remote changes arrived: say so; the screens that show requests refresh themselves."""
        self.win.events.remote_changes.emit()

    # ------------------------------------------------------------------ actions
    def sync_now(self) -> bool:
        """F5 / Ctrl+R / menu: poke the background sync (or say why there is none)."""
        if self.worker.poke():
            self.win.statusBar().showMessage(self.tr("Syncing with the central server…"), 5000)
            return True
        if not self.current_status().enrolled:
            self.win.statusBar().showMessage(
                self.tr("This workstation is not connected to a central server: ask IT to enrol it."), 10_000
            )
        elif self.worker.start():
            return True
        return False

    def open_health(self) -> SyncHealthDialog | None:
        """The sync health panel — supervisors only; a clerk is told so and gets nothing."""
        if not self.is_supervisor():
            self.win.statusBar().showMessage(self.tr("The sync health panel is for supervisors."), 8000)
            return None
        if self.health is None:
            self.health = SyncHealthDialog(self, self.win.as_widget())
            self.health.sync_now_requested.connect(self.sync_now)
        self.health.refresh()
        self.health.show()
        self.health.raise_()
        self.health.activateWindow()
        return self.health

    def stop(self, wait_ms: int = 3000) -> bool:
        """Sign-out / exit: stop the background sync."""
        with_thread = self.worker.running
        done = self.worker.stop(wait_ms)
        if with_thread:
            log.info("background sync stopped")
        return done


def attach(win: Shell) -> SyncController:
    """Give a main window its sync indicator, actions, panel and background worker."""
    return SyncController(win)
