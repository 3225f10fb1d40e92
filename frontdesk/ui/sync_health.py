"""The supervisors' sync health panel: last contact, oldest unsent request, rejected changes in plain words."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from frontdesk.errors import FrontdeskError
from frontdesk.replication import RejectedOp, SetAside

from .messages import Problem
from .widgets import data_label, message_label

if TYPE_CHECKING:
    from .sync_panel import SyncController

    pass

from .page import Dialog
from .sync_words import (  # noqa: F401
    COLOURS,
    SUPERVISOR_ROLES,
    SYNC_NOW_KEYS,
    Indication,
    _age_since,
    age_text,
    aside_sentence,
    clock_text,
    failure_kind,
    hhmm,
    indication,
    local_time,
    op_kind_text,
    plain_failure,
    reject_sentence,
)

log = logging.getLogger(__name__)


class SyncHealthDialog(Dialog):
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
        for key in ("server", "state", "contact", "oldest", "pending", "error", "clock", "anchor"):
            cap, val = QLabel(), data_label(f"health_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.captions[key], self.values[key] = cap, val
            form.addRow(cap, val)
        self.rejected_box = QGroupBox()
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
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
        self.aside_box = QGroupBox()
        self.aside_table = QTableWidget(0, 3)
        self.aside_table.setObjectName("set_aside_changes")
        self.aside_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.aside_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.aside_table.setWordWrap(True)
        self.aside_table.verticalHeader().hide()
        ah = self.aside_table.horizontalHeader()
        for c in range(2):
            ah.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        ah.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        al = QVBoxLayout(self.aside_box)
        al.addWidget(self.aside_table, 1)
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
        lay.addWidget(self.aside_box, 1)
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
        self.captions["clock"].setText(self.tr("This desk's clock:"))
        self.captions["anchor"].setText(self.tr("Audit trail, as the central system holds it:"))
        self.aside_box.setTitle(self.tr("Changes from the central system this desk set aside"))
        self.aside_table.setHorizontalHeaderLabels([self.tr("Receipt no. / kind"), self.tr("Set aside"),
                                                    self.tr("Why, and what to do")])  # fmt: skip
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
        v["clock"].setText(clock_text(st.clock_skew_s))
        anchor = st.audit_anchor
        if anchor is None:
            v["anchor"].setText(self.tr("not anchored yet"))
        elif anchor["state"] == "ok":
            v["anchor"].setText(self.tr("in order (up to entry {seq})").format(seq=anchor["seq"]))
        else:
            v["anchor"].setText(self.tr("FLAGGED: the trail was cut back or rewritten. Call IT."))
        self._fill(st.rejected)
        self._fill_aside(st.set_aside)

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

    def _fill_aside(self, items: list[SetAside]) -> None:
        self.aside_box.setVisible(bool(items))
        self.aside_table.setRowCount(len(items))
        for row, x in enumerate(items):
            cells = (x.receipt_no or x.kind, hhmm(x.set_aside_at), aside_sentence(x.reason))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(x.message if col == 2 else "")
                self.aside_table.setItem(row, col, item)
        self.aside_table.resizeRowsToContents()

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
