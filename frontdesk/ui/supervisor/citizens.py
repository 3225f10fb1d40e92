"""What the citizens say (issue 14), for supervisors: a date range (default: this month), grouping by
service, clerk or unit, and ``citizen_report.citizens_report``'s table — the citizens' own survey answers
(how many, overall 1–5, share who found the promised date kept, share who found the service clear)
**beside** the ratings clerks typed at delivery, and the complaints, with the definitions the central
system's report uses (``frontdesk.citizen_figures``). Computed on a worker (``tasks.py``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.citizen_figures import NONE, CitizenRow, CitizensReport

from ..messages import Problem
from ..page import Page
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from .service import SupervisorService

COLUMNS = 8


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class CitizensPage(Page):
    computed = Signal()

    def __init__(self, service: SupervisorService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizens_page")
        self.service = service
        self.tasks = tasks
        self.report: CitizensReport | None = None
        self.loaded_once = False
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        today = dt.date.today()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_from.setObjectName("citizens_from")
        self.date_to = QDateEdit(_qdate(today))
        self.date_to.setObjectName("citizens_to")
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd.MM.yyyy")
        self.group = QComboBox()
        self.group.setObjectName("citizens_group")
        self.from_label, self.to_label, self.group_label = QLabel(), QLabel(), QLabel()
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.group_label.setBuddy(self.group)
        self.show_button = QPushButton()
        self.show_button.setObjectName("citizens_show")
        self.message = message_label("citizens_message")
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("citizens_table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.show_button.clicked.connect(self.compute)
        controls = QHBoxLayout()
        pairs: list[tuple[QLabel, QWidget]] = [(self.from_label, self.date_from), (self.to_label, self.date_to),
                                               (self.group_label, self.group)]  # fmt: skip
        for label, field in pairs:
            controls.addWidget(label)
            controls.addWidget(field)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.legend)
        lay.addLayout(controls)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        self.first_focus = self.date_from
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        return [self.date_from, self.date_to, self.group, self.show_button, self.table]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What the citizens say"))
        self.legend.setText(
            self.tr("The citizens' own answers (survey at the counter, from the receipt's QR code or the message) "
                    "beside the ratings clerks typed at delivery — never mixed — and the complaints about the "
                    "requests of each group.")
        )  # fmt: skip
        self.from_label.setText(self.tr("F&rom:"))
        self.to_label.setText(self.tr("&To:"))
        self.group_label.setText(self.tr("Group &by:"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        self.group.setAccessibleName(self.tr("Group the report by"))
        current = self.group.currentData() or "service"
        self.group.blockSignals(True)
        self.group.clear()
        for key, text in (("service", self.tr("Service")), ("clerk", self.tr("Clerk")), ("unit", self.tr("Unit"))):
            self.group.addItem(text, key)
        self.group.setCurrentIndex(max(0, self.group.findData(current)))
        self.group.blockSignals(False)
        self.show_button.setText(self.tr("&Show"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Group"),
                self.tr("Citizens'\nanswers"),
                self.tr("Citizens:\noverall (1–5)"),
                self.tr("Citizens:\ndate kept"),
                self.tr("Citizens:\nservice clear"),
                self.tr("Clerk\nratings"),
                self.tr("Clerk\nrating (1–5)"),
                self.tr("Complaints"),
            ]
        )
        self.table.setAccessibleName(self.tr("What the citizens say, per group"))
        self._fill()

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.compute()

    def current_group(self) -> str:
        return str(self.group.currentData() or "service")

    def compute(self) -> None:
        self.loaded_once = True
        a, b, by = _pydate(self.date_from.date()), _pydate(self.date_to.date()), self.current_group()
        self.show_button.setEnabled(False)
        self.say(self.tr("Computing…"))

        def ok(report: CitizensReport) -> None:
            self.report = report
            self.show_button.setEnabled(True)
            self.say("")
            self._fill()
            self.computed.emit()

        def failed(problem: Problem) -> None:
            self.show_button.setEnabled(True)
            self.say(problem.message, "error")
            self.computed.emit()

        self.tasks.run("citizens-report", lambda: self.service.citizens(a, b, by), on_success=ok, on_failure=failed)

    def say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def _cells(self, r: CitizenRow, total: bool) -> list[str]:
        comma = self.service.language == "sq"

        def num(v: float | None) -> str:
            if v is None:
                return "—"
            return f"{v:.2f}".replace(".", ",") if comma else f"{v:.2f}"

        def pct(v: float | None) -> str:
            return "—" if v is None else f"{v * 100:.0f} %"

        if total:
            label = self.tr("Total")
        elif r.key == NONE:
            label = self.tr("Not linked to a request or a clerk")
        else:
            label = r.label if r.label and r.label != r.key else r.key
            if r.label and r.label != r.key:
                label = f"{r.label} ({r.key})"
        return [label, str(r.answers), num(r.overall_avg), pct(r.kept_share), pct(r.clear_share),
                str(r.clerk_ratings), num(r.clerk_avg), str(r.complaints)]  # fmt: skip

    def _fill(self) -> None:
        rep = self.report
        rows = [] if rep is None else [*((r, False) for r in rep.rows), (rep.total, True)]
        self.table.setRowCount(len(rows))
        for i, (r, total) in enumerate(rows):
            for c, text in enumerate(self._cells(r, total)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if total:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(i, c, item)
        if rep is not None and not rep.rows:
            self.say(self.tr("No survey answers, clerk ratings or complaints in these days."))
