"""Workload per clerk (supervisors): open requests by service-standard state (colour and words), the
oldest open request, received and delivered today; open a clerk's queue in the worklist or rebalance it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.workload import ClerkLoad

from ..messages import Problem
from ..page import Page
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from ..worklist import SLA_COLOUR
from .reassign import ReassignDialog, run_reassign
from .service import SupervisorService

USER_ROLE = Qt.ItemDataRole.UserRole


class WorkloadPage(Page):
    open_queue = Signal(str)  # username ("-" = nobody)

    def __init__(self, service: SupervisorService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workload_page")
        self.service = service
        self.tasks = tasks
        self.rows: list[ClerkLoad] = []
        self.dialog: ReassignDialog | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.table = QTableWidget(0, 8)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setObjectName("workload_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.open_selected_queue())
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("workload_refresh")
        self.queue_button = QPushButton()
        self.queue_button.setObjectName("workload_open_queue")
        self.rebalance_button = QPushButton()
        self.rebalance_button.setObjectName("workload_rebalance")
        self.message = message_label("workload_message")
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.refresh_button.clicked.connect(self.refresh)
        self.queue_button.clicked.connect(self.open_selected_queue)
        self.rebalance_button.clicked.connect(self.rebalance)
        buttons = QHBoxLayout()
        buttons.addWidget(self.queue_button)
        buttons.addWidget(self.rebalance_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.legend)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.loaded_once = False
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        return [self.table, self.queue_button, self.rebalance_button, self.refresh_button]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Workload"))
        self.legend.setText(
            self.tr(
                "Open requests whose clock runs (received, forwarded, in progress), by service standard. "
                "Select a clerk to open their queue or move some of their requests."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Clerk"),
                self.tr("Open"),
                self.tr("On track"),
                self.tr("Due soon"),
                self.tr("Overdue"),
                self.tr("Oldest open"),
                self.tr("Received today"),
                self.tr("Delivered today"),
            ]
        )
        self.table.setAccessibleName(self.tr("Workload per clerk"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.queue_button.setText(self.tr("&Open queue in the worklist"))
        self.rebalance_button.setText(self.tr("Re&balance…"))
        self.rebalance_button.setToolTip(self.tr("Choose some of this clerk's open requests and give them to another"))
        self._fill()

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.refresh()

    def refresh(self) -> None:
        self.rows = self.service.workload()
        self.loaded_once = True
        self._fill()

    def _cell(
        self, text: str, *, data: object = None, state: str | None = None, align_right: bool = False
    ) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if data is not None:
            item.setData(USER_ROLE, data)
        if state is not None and text != "0":
            item.setBackground(QBrush(QColor(SLA_COLOUR[state])))
            item.setForeground(QBrush(QColor("#202020")))
        if align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _fill(self) -> None:
        current = self.selected_username()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            who = f"{r.full_name} ({r.username})" if r.username else self.tr("Nobody (unassigned)")
            if r.username and not r.active:
                who += " — " + self.tr("inactive")
            oldest = "—"
            if r.oldest_receipt and r.oldest_date:
                oldest = f"{r.oldest_receipt} · {r.oldest_date.strftime('%d.%m.%Y')}"
            sla_words = {
                "on_track": self.tr("{n} on track"),
                "due_soon": self.tr("{n} due soon"),
                "overdue": self.tr("{n} overdue"),
            }
            cells = [
                self._cell(who, data=r.username or "-"),
                self._cell(str(r.open), align_right=True),
                self._cell(sla_words["on_track"].format(n=r.on_track), state="on_track" if r.on_track else None),
                self._cell(sla_words["due_soon"].format(n=r.due_soon), state="due_soon" if r.due_soon else None),
                self._cell(sla_words["overdue"].format(n=r.overdue), state="overdue" if r.overdue else None),
                self._cell(oldest),
                self._cell(str(r.received_today), align_right=True),
                self._cell(str(r.delivered_today), align_right=True),
            ]
            for c, item in enumerate(cells):
                self.table.setItem(i, c, item)
            if (r.username or "-") == current:
                self.table.selectRow(i)
        enabled = bool(self.rows)
        self.queue_button.setEnabled(enabled)
        self.rebalance_button.setEnabled(enabled and self.service.can_reassign())

    def selected_username(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        item = self.table.item(items[0].row(), 0)
        return str(item.data(USER_ROLE)) if item is not None else None

    def select_user(self, username: str) -> bool:
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item is not None and item.data(USER_ROLE) == username:
                self.table.selectRow(i)
                return True
        return False

    def say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def open_selected_queue(self) -> None:
        who = self.selected_username()
        if who is None:
            self.say(self.tr("Select a clerk first."), "warning")
            return
        self.open_queue.emit(who)

    def rebalance(self) -> ReassignDialog | None:
        who = self.selected_username()
        if who is None:
            self.say(self.tr("Select a clerk first."), "warning")
            return None
        candidates = self.service.open_requests_of(None if who == "-" else who)
        if not candidates:
            self.say(self.tr("This clerk has no open requests to move."), "warning")
            return None
        self.dialog = ReassignDialog(self.service, [], self.window(), candidates=candidates, exclude=who)
        run_reassign(self.service, self.tasks, self.dialog, self.say, lambda _v: self.refresh())
        self.dialog.open()
        return self.dialog

    def problem(self, problem: Problem) -> None:
        self.say(problem.message, "error")
