"""What the citizens say (issue 14), for supervisors: a date range (default: this month), grouping by
service, clerk or unit, and ``citizen_report.citizens_report``'s table — the citizens' own survey answers
(how many, overall 1–5, share who found the promised date kept, share who found the service clear)
**beside** the ratings clerks typed at delivery, and the complaints, with the definitions the central
system's report uses (``frontdesk.citizen_figures``). Computed on a worker (``tasks.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from .period import PeriodControls
from .service import SupervisorService

COLUMNS = 8


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
        self.period = PeriodControls("citizens")
        self.date_from, self.date_to = self.period.date_from, self.period.date_to
        self.group, self.show_button = self.period.group, self.period.show_button
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
        self.period.add_to(controls)
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
        self.period.retranslate(self.tr("First day"), self.tr("Last day"))
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
        return self.period.period()[2]

    def compute(self) -> None:
        self.loaded_once = True
        a, b, by = self.period.period()
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
