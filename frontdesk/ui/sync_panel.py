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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import replication
from frontdesk.clock import utcnow
from frontdesk.deadlines import OFFICE_TZ
from frontdesk.errors import FrontdeskError
from frontdesk.lifecycle import status_label
from frontdesk.replication import RejectedOp, SyncStatus

from .messages import Problem
from .sync_worker import SyncWorker
from .widgets import data_label, message_label

if TYPE_CHECKING:
    from frontdesk.sync.engine import SyncFailed, SyncReport

    from .mainwindow import MainWindow
    from .services import CounterService

log = logging.getLogger(__name__)

SUPERVISOR_ROLES = ("supervisor", "admin")
SYNC_NOW_KEYS = ("F5", "Ctrl+R")

# state -> (text colour, background): colour AND words, never colour alone
COLOURS = {
    "not_enrolled": ("#3a3a3a", "#e6e6e6"),
    "syncing": ("#0b4f8a", "#e2eefb"),
    "online": ("#1d6b1d", "#e3f4e3"),
    "pending": ("#6b4a00", "#fff4c2"),
    "offline": ("#8a4b00", "#ffe3c2"),
    "error": ("#a40000", "#fde2e2"),
}


# ---------------------------------------------------------------------------------------- plain words


def local_time(t: dt.datetime | str | None) -> dt.datetime | None:
    """A stored UTC time (naive, or ISO text) in the office's time zone."""
    if t is None or t == "":
        return None
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(OFFICE_TZ)


def hhmm(t: dt.datetime | str | None) -> str:
    lt = local_time(t)
    if lt is None:
        return "—"
    today = dt.datetime.now(OFFICE_TZ).date()
    return f"{lt:%H:%M}" if lt.date() == today else f"{lt:%d.%m. %H:%M}"


def age_text(age: dt.timedelta | None) -> str:
    """ "5 min", "3 h 20 min", "2 days" — how long ago / how long waiting."""
    if age is None:
        return "—"
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("sync", "less than a minute")
    if minutes < 60:
        return QCoreApplication.translate("sync", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("sync", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)
    return QCoreApplication.translate("sync", "{n} days").format(n=minutes // (24 * 60))


def _age_since(t: dt.datetime | str | None) -> dt.timedelta | None:
    lt = local_time(t)
    return None if lt is None else dt.datetime.now(dt.UTC) - lt


def failure_kind(reason: str | None) -> str:
    """Which kind of failure an engine reason (English, stored as ``last_error``) is."""
    r = (reason or "").lower()
    if not r:
        return ""
    if "unreachable" in r:
        return "unreachable"
    if "copy of another" in r or "clone" in r:
        return "clone"
    if "not enrolled" in r:
        return "not_enrolled"
    if "refused this workstation" in r or "enrol again" in r:
        return "refused"
    if "keyring" in r:
        return "keyring"
    if r.startswith("central server error") or "answered none" in r:
        return "server_error"
    return "other"


def plain_failure(reason: str | None) -> str:
    """The engine's reason as a plain sentence in the user's language, with what to do."""
    kind = failure_kind(reason)
    if kind == "":
        return QCoreApplication.translate("sync", "No error.")
    if kind == "unreachable":
        return QCoreApplication.translate(
            "sync",
            "The central server cannot be reached (network down or server stopped). Work continues "
            "here; everything is sent when the connection is back.",
        )
    if kind == "clone":
        return QCoreApplication.translate(
            "sync",
            "Sync is stopped: the central system suspects this workstation is a copy of another one "
            "(its receipt counter went backwards). Keep working, but call the municipality's IT now.",
        )
    if kind == "not_enrolled":
        return QCoreApplication.translate("sync", "This workstation is not connected to a central server.")
    if kind == "refused":
        return QCoreApplication.translate(
            "sync", "The central system refused this workstation. It must be enrolled again: call IT."
        )
    if kind == "keyring":
        return QCoreApplication.translate(
            "sync", "The workstation's key cannot be read from the system's keyring. Call IT."
        )
    if kind == "server_error":
        return QCoreApplication.translate(
            "sync", "The central server reported an error. It is tried again automatically."
        )
    return QCoreApplication.translate("sync", "Sync failed ({reason}). It is tried again automatically.").format(
        reason=reason
    )


def op_kind_text(kind: str) -> str:
    texts = {
        "request.intake": QCoreApplication.translate("sync", "New request"),
        "request.status": QCoreApplication.translate("sync", "Status change"),
        "request.assign": QCoreApplication.translate("sync", "Reassignment"),
        "request.deliver": QCoreApplication.translate("sync", "Delivery"),
        "request.note": QCoreApplication.translate("sync", "Note"),
        "request.print": QCoreApplication.translate("sync", "Receipt print"),
        "request.sync": QCoreApplication.translate("sync", "Re-sent request"),
        "user.upsert": QCoreApplication.translate("sync", "User account"),
    }
    return texts.get(kind, kind)


def reject_sentence(op: RejectedOp, assignee: str | None = None, status: str | None = None) -> str:
    """Why the central system refused a change, and what to do — from the protocol's reason code. The
    current assignee/status are the local request's after the pull (the central system's state)."""
    who = assignee or QCoreApplication.translate("sync", "nobody")
    st = QCoreApplication.translate("status", status_label(status)) if status else "—"
    reason = op.reason or ""
    if reason == "stale":
        return QCoreApplication.translate(
            "sync",
            "Someone else reassigned this request first; it is now with {assignee}. "
            "Check and reassign again if needed.",
        ).format(assignee=who)
    if reason == "invalid_transition":
        return QCoreApplication.translate(
            "sync",
            "The request had already moved on elsewhere (it is now: {status}), so this change was not "
            "applied. Open the request, check it and repeat the step if it is still needed.",
        ).format(status=st)
    if reason == "unknown_request":
        return QCoreApplication.translate(
            "sync",
            "The central system does not know this request, so the change was not applied. "
            "Call IT and give them the receipt number.",
        )
    if reason == "duplicate_receipt":
        return QCoreApplication.translate(
            "sync",
            "The central system already has this receipt number for another request: this workstation "
            "may be a copy of another one. Call IT now.",
        )
    if reason == "wrong_unit":
        return QCoreApplication.translate(
            "sync", "This change belongs to another administrative unit and was refused. Call IT."
        )
    if reason == "invalid":
        return QCoreApplication.translate(
            "sync",
            "The central system could not accept the data of this change. Call IT and give them the receipt number.",
        )
    if reason == "not_permitted":
        return QCoreApplication.translate(
            "sync",
            "The user who made this change may not do it at the central system. Ask a supervisor to do it again.",
        )
    return QCoreApplication.translate(
        "sync", "The central system refused this change ({reason}). Call IT and give them the receipt number."
    ).format(reason=op.message or reason or "?")


@dataclass(frozen=True)
class Indication:
    state: str  # a key of COLOURS
    text: str
    tooltip: str


def indication(
    st: SyncStatus,
    *,
    busy: bool,
    failure: str | None,
    offline_since: dt.datetime | None,
    supervisor: bool,
) -> Indication:
    """What the status bar says: words and a colour (never colour alone)."""
    if not st.enrolled:
        text = QCoreApplication.translate("sync", "Not connected to a central server")
        return Indication("not_enrolled", text, plain_failure("not enrolled"))
    last = QCoreApplication.translate("sync", "last sync {time}").format(time=hhmm(st.last_success))
    kind = failure_kind(failure)
    if st.clone_suspected or kind == "clone":
        return Indication("error", QCoreApplication.translate("sync", "Sync stopped: call IT"), plain_failure("clone"))
    first, extra = [], []
    if st.rejected:  # errors lead: a supervisor must act on them
        first.append(
            QCoreApplication.translate("sync", "Errors: {n} rejected").format(n=len(st.rejected))
            if supervisor
            else QCoreApplication.translate("sync", "Errors: {n} rejected (tell a supervisor)").format(
                n=len(st.rejected)
            )
        )
    if st.pending:
        extra.append(QCoreApplication.translate("sync", "{n} pending").format(n=st.pending))
    if busy:
        state, head = "syncing", QCoreApplication.translate("sync", "Syncing…")
    elif kind == "unreachable":
        since = hhmm(offline_since or utcnow())
        state = "offline"
        head = QCoreApplication.translate("sync", "Offline: central server unreachable since {time}").format(time=since)
    elif kind:
        state, head = (
            "error",
            QCoreApplication.translate("sync", "Sync problem: {reason}").format(reason=plain_failure(failure)),
        )
    elif st.last_success:
        state, head = "online", QCoreApplication.translate("sync", "Online ({last})").format(last=last)
    else:
        state, head = "pending", QCoreApplication.translate("sync", "Not synced yet")
    if state == "online" and st.pending:
        state = "pending"
    if st.rejected and state != "syncing":
        state = "error"
    text = " · ".join([*first, head, *extra] if state == "error" and first else [head, *first, *extra])
    tip = plain_failure(failure) if kind else last
    return Indication(state, text, tip)


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


class SyncHealthDialog(QDialog):
    """Sync health for supervisors: ages, counts, the last error in plain words and the refused changes
    with what to do; "Dismiss selected" (``replication.clear_rejected``) is the only write."""

    sync_now_requested = Signal()
    dismissed = Signal(int)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_health")
        self.controller = controller
        self.service = controller.service
        self.ops: list[RejectedOp] = []
        self.clone_warning = QLabel()
        self.clone_warning.setObjectName("clone_warning")
        self.clone_warning.setWordWrap(True)
        self.clone_warning.setStyleSheet(
            "QLabel#clone_warning { background: #a40000; color: white; font-weight: bold; padding: 8px; }"
        )
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("server", "state", "contact", "oldest", "pending", "error"):
            cap, val = QLabel(), data_label(f"health_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.captions[key], self.values[key] = cap, val
            form.addRow(cap, val)
        self.rejected_box = QGroupBox()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rejected_ops")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        for c in range(3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.none_label = QLabel()
        self.none_label.setObjectName("no_rejected")
        rl = QVBoxLayout(self.rejected_box)
        rl.addWidget(self.none_label)
        rl.addWidget(self.table, 1)
        self.message = message_label("health_message")
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("health_sync_now")
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("dismiss_rejected")
        self.close_button = QPushButton()
        self.close_button.setObjectName("health_close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.clone_warning)
        lay.addWidget(self.heading)
        lay.addWidget(self.box)
        lay.addWidget(self.rejected_box, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.sync_button.clicked.connect(self.sync_now_requested.emit)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.close_button.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.dismiss_button.setVisible(self.may_dismiss())
        self.resize(900, 560)
        self.retranslate()

    def may_dismiss(self) -> bool:
        return self.service.actor.role in SUPERVISOR_ROLES

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync health"))
        self.heading.setText(self.tr("Sync with the central server"))
        self.box.setTitle(self.tr("Current state"))
        self.captions["server"].setText(self.tr("Central server:"))
        self.captions["state"].setText(self.tr("State:"))
        self.captions["contact"].setText(self.tr("Last contact:"))
        self.captions["oldest"].setText(self.tr("Oldest request not yet sent:"))
        self.captions["pending"].setText(self.tr("Changes waiting to be sent:"))
        self.captions["error"].setText(self.tr("Last error:"))
        self.rejected_box.setTitle(self.tr("Changes refused by the central system"))
        self.none_label.setText(self.tr("No refused changes."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Receipt no."), self.tr("Change"), self.tr("Made"), self.tr("Why, and what to do")]
        )
        self.clone_warning.setText(
            self.tr(
                "WARNING: the central system suspects this workstation is a copy of another one. Sync is "
                "stopped. Keep serving citizens, do not copy or restore this computer, and call the "
                "municipality's IT now."
            )
        )
        self.sync_button.setText(self.tr("Sync &now"))
        self.dismiss_button.setText(self.tr("&Dismiss selected"))
        self.dismiss_button.setToolTip(self.tr("Remove the selected refused changes from this list (supervisors)"))
        self.close_button.setText(self.tr("&Close"))
        self.message.clear()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        st = self.controller.current_status()
        ind = self.controller.current_indication(st)
        self.clone_warning.setVisible(st.clone_suspected or failure_kind(st.last_error) == "clone")
        v = self.values
        v["server"].setText(st.server_url or self.tr("none (this workstation works offline only)"))
        v["state"].setText(ind.text)
        if st.last_success:
            v["contact"].setText(
                self.tr("{age} ago (at {time})").format(
                    age=age_text(_age_since(st.last_success)), time=hhmm(st.last_success)
                )
            )
        else:
            v["contact"].setText(self.tr("never"))
        if st.oldest_pending is not None:
            v["oldest"].setText(
                self.tr("waiting for {age} (since {time})").format(
                    age=age_text(_age_since(st.oldest_pending)), time=hhmm(st.oldest_pending)
                )
            )
        else:
            v["oldest"].setText(self.tr("none: everything was sent"))
        v["pending"].setText(str(st.pending))
        v["error"].setText(plain_failure(st.last_error))
        self._fill(st.rejected)

    def _fill(self, ops: list[RejectedOp]) -> None:
        self.ops = list(ops)
        self.table.setRowCount(len(ops))
        for row, op in enumerate(ops):
            assignee = status = None
            if op.receipt_no:
                try:
                    view = self.service.get_request(op.receipt_no)
                    assignee, status = view.assignee_name or view.assignee, view.status
                except FrontdeskError:
                    pass
            cells = (
                op.receipt_no or "—",
                op_kind_text(op.kind),
                hhmm(op.created_at),
                reject_sentence(op, assignee, status),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if col == 3 else "")
                item.setData(Qt.ItemDataRole.UserRole, op.op_id)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.none_label.setVisible(not ops)
        self.table.setVisible(bool(ops))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.dismiss_button.setEnabled(self.may_dismiss() and bool(self.selected_op_ids()))

    def selected_op_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.ops[r].op_id for r in rows if r < len(self.ops)]

    def dismiss_selected(self) -> None:
        """Supervisors only (refused here for anyone else): remove the selected refused changes."""
        if not self.may_dismiss():
            self.message.setText(self.tr("Only a supervisor may dismiss refused changes."))
            return
        ids = self.selected_op_ids()
        if not ids:
            return
        store = self.controller.store

        def done(n: int) -> None:
            self.message.setText(self.tr("{n} refused change(s) dismissed.").format(n=n))
            self.controller.refresh()
            self.dismissed.emit(int(n))

        def failed(problem: Problem) -> None:
            self.message.setText(problem.message)

        self.controller.ctx.tasks.run(
            "dismiss rejected ops", lambda: replication.clear_rejected(store, ids), on_success=done, on_failure=failed
        )


# ---------------------------------------------------------------------------------------- controller


class SyncController(QObject):
    """The sync side of one main window (one signed-in session)."""

    changed = Signal()  # the indicator was updated (after a cycle or a local change)
    cycle_reported = Signal()  # a background cycle ended (its outcome is in ``last_outcome``)

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
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
        self.act_sync_now = QAction(win)
        self.act_sync_now.setObjectName("act_sync_now")
        self.act_sync_now.setShortcuts([QKeySequence(k) for k in SYNC_NOW_KEYS])
        self.act_sync_now.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_sync_now.triggered.connect(self.sync_now)
        self.act_health = QAction(win)
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
        """Remote changes arrived: refresh the worklist and the open request (no restart)."""
        win = self.win
        if getattr(win.worklist, "loaded_once", False):
            win.worklist.refresh()
        view = win.detail.view
        if view is not None:
            try:
                win.detail.show_view(self.service.get_request(view.receipt_no))
            except FrontdeskError as exc:
                log.info("the open request could not be refreshed: %s", type(exc).__name__)

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
            self.health = SyncHealthDialog(self, self.win)
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


def attach(win: MainWindow) -> SyncController:
    """Give a main window its sync indicator, actions, panel and background worker."""
    return SyncController(win)
