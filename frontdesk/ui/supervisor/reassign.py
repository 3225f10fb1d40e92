"""Reassigning requests: the small dialog (assignee of the active counter staff + a required reason) and
the worklist's "Reassign…" action for supervisors (one ``workflow.reassign`` call, all or nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.queries import QueueRow, RequestView

from ..messages import Problem
from ..page import Dialog, Part
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from ..worklist import ROW_RECEIPT, WorklistPage, sla_text
from .service import SupervisorService


class ReassignDialog(Dialog):
    """Choose who takes the requests and why. With ``candidates`` (rebalancing a clerk's queue) the
    supervisor also ticks which requests move; otherwise ``receipt_nos`` are the worklist's selection."""

    submitted = Signal(list, str, str)  # receipt numbers, to username, reason

    def __init__(
        self,
        service: SupervisorService,
        receipt_nos: list[str],
        parent: QWidget | None = None,
        *,
        candidates: list[QueueRow] | None = None,
        exclude: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reassign_dialog")
        self.setModal(True)
        self.service = service
        self.receipt_nos = list(receipt_nos)
        self.summary = QLabel()
        self.summary.setObjectName("reassign_summary")
        self.summary.setWordWrap(True)
        self.requests: QListWidget | None = None
        if candidates is not None:
            self.requests = QListWidget()
            self.requests.setObjectName("reassign_requests")
            self.requests.setProperty("fd_data", True)
            for r in candidates:
                due = r.due_date.strftime("%d.%m.%Y")
                item = QListWidgetItem(f"{r.receipt_no} · {r.service_code} · {due} · {sla_text(r.sla)}")
                item.setData(ROW_RECEIPT, r.receipt_no)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if r.sla == "overdue" else Qt.CheckState.Unchecked)
                self.requests.addItem(item)
            self.requests.itemChanged.connect(self._update)
        self.assignee = QComboBox()
        self.assignee.setObjectName("reassign_to")
        self.assignee.setProperty("fd_data", True)  # people's names
        for u in service.counter_staff():
            if u.username != exclude:
                self.assignee.addItem(f"{u.full_name} ({u.username})", u.username)
        self.reason = QLineEdit()
        self.reason.setObjectName("reassign_reason")
        self.assignee_label, self.reason_label, self.requests_label = QLabel(), QLabel(), QLabel()
        self.assignee_label.setBuddy(self.assignee)
        self.reason_label.setBuddy(self.reason)
        self.message = message_label("reassign_message")
        self.buttons = QDialogButtonBox()
        self.ok = QPushButton()
        self.ok.setObjectName("reassign_ok")
        self.ok.setDefault(True)
        self.cancel = QPushButton()
        self.cancel.setObjectName("reassign_cancel")
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        if self.requests is not None:
            self.requests_label.setBuddy(self.requests)
            form.addRow(self.requests_label, self.requests)
        form.addRow(self.assignee_label, self.assignee)
        form.addRow(self.reason_label, self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.reason.returnPressed.connect(self._submit_if_ready)  # Enter in the reason reassigns
        self.retranslate()
        self.resize(560, 420 if self.requests is not None else 220)
        self.reason.setFocus()

    def _submit_if_ready(self) -> None:
        if self.ok.isEnabled():
            self._submit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reassign requests"))
        self.assignee_label.setText(self.tr("&Assign to:"))
        self.assignee.setAccessibleName(self.tr("Assign to"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("Required, e.g. balancing the workload"))
        self.reason.setAccessibleName(self.tr("Reason for the reassignment"))
        self.requests_label.setText(self.tr("Re&quests:"))
        if self.requests is not None:
            self.requests.setAccessibleName(self.tr("Requests to move (tick them)"))
        self.ok.setText(self.tr("Rea&ssign"))
        self.cancel.setText(self.tr("Cancel"))
        self._update()

    def chosen(self) -> list[str]:
        if self.requests is None:
            return list(self.receipt_nos)
        out = []
        for i in range(self.requests.count()):
            item = self.requests.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ROW_RECEIPT)))
        return out

    def _update(self, *_args: object) -> None:
        n = len(self.chosen())
        self.summary.setText(self.tr("{n} request(s) chosen.").format(n=n))
        self.ok.setEnabled(n > 0 and bool(self.reason.text().strip()) and self.assignee.count() > 0)

    def _submit(self) -> None:
        if not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)
        self.submitted.emit(self.chosen(), str(self.assignee.currentData() or ""), self.reason.text())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")
        self._update()


def run_reassign(
    service: SupervisorService,
    tasks: TaskRunner,
    dialog: ReassignDialog,
    say: Callable[[str, str], None],
    done: Callable[[list[RequestView]], None],
) -> None:
    """Wire a dialog to one reassign call through the task runner; messages in the user's language."""

    def submitted(nos: list[str], to: str, reason: str) -> None:
        def ok(views: list[RequestView]) -> None:
            dialog.accept()
            say(
                QCoreApplication.translate("ReassignDialog", "Reassigned {n} request(s) to {user}.").format(
                    n=len(nos), user=to
                ),
                "ok",
            )
            done(views)

        def failed(problem: Problem) -> None:
            dialog.show_problem(problem.message)
            say(problem.message, "error")

        tasks.run("reassign", lambda: service.reassign(nos, to, reason), on_success=ok, on_failure=failed)

    dialog.submitted.connect(submitted)


class WorklistReassign(Part):
    """The "Reassign…" button over the worklist (supervisors only), working on the selected rows."""

    def __init__(self, worklist: WorklistPage, service: SupervisorService, tasks: TaskRunner) -> None:
        super().__init__(worklist)
        self.setObjectName("worklist_reassign")
        self.worklist = worklist
        self.service = service
        self.tasks = tasks
        self.dialog: ReassignDialog | None = None
        self.button = QPushButton()
        self.button.setObjectName("reassign_selected")
        self.message = message_label("worklist_reassign_message")
        self.message.setWordWrap(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.message)
        h.addWidget(self.button)
        lay.addWidget(row)
        self.button.clicked.connect(self.open_dialog)
        worklist.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        worklist.top_bar.addWidget(self)
        worklist.top_stops.append(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Reass&ign selected…"))
        self.button.setToolTip(self.tr("Move the selected requests to another clerk (Ctrl+click to select several)"))

    def selected(self) -> list[str]:
        sel = self.worklist.table.selectionModel()
        rows = sorted({i.row() for i in sel.selectedRows()}) if sel is not None else []
        return [str(self.worklist.model.data(self.worklist.model.index(r, 0), ROW_RECEIPT)) for r in rows]

    def say(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def open_dialog(self) -> ReassignDialog | None:
        nos = self.selected()
        if not nos:
            self.say(self.tr("Select one or more requests first."), "warning")
            return None
        self.dialog = ReassignDialog(self.service, nos, self.window())
        run_reassign(self.service, self.tasks, self.dialog, self.say, lambda _v: self.worklist.refresh())
        self.dialog.open()
        return self.dialog


__all__ = ["ReassignDialog", "WorklistReassign", "run_reassign"]
