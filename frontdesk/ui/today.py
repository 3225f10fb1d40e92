"""My day (Ctrl+T): the signed-in clerk's intakes, deliveries and fees by service for today, and the
cash-up slip to print at the end of the shift (``frontdesk.today`` reads, ``receipts_slips`` renders).

The figures load on a worker (``tasks.py``) when the page is first shown and after every change of data
(``DataEvents``); Enter on an intake or a delivery opens the request.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from frontdesk.lifecycle import status_label
from frontdesk.localtime import date_text, time_text
from frontdesk.today import DayLine, MyDay

from .a11y import plain, say, tie
from .messages import Problem
from .page import Page
from .services import CounterService
from .tasks import TaskRunner
from .widgets import data_label, message_label

ROW_RECEIPT = Qt.ItemDataRole.UserRole


def _caption() -> QLabel:
    label = QLabel()
    label.setProperty("role", "subheading")
    return label


def _table(name: str, columns: int) -> QTableWidget:
    t = QTableWidget(0, columns)
    t.setObjectName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    t.setMinimumHeight(90)
    return t


class TodayPage(Page):
    open_request = Signal(str)
    loaded = Signal()

    def __init__(self, service: CounterService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self.service = service
        self.tasks = tasks
        self.day: MyDay | None = None
        self.preview_dialog: QWidget | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary = data_label("today_summary")
        self.summary.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # each table under its caption (its buddy: the table's name); no group boxes — a QTableWidget in a
        # QGroupBox on this page corrupted the heap on a text-size change (PySide6/Qt 6.12), see docs/ui.md
        self.by_service_box, self.by_service = _caption(), _table("today_by_service", 3)
        self.intakes_box, self.intakes = _caption(), _table("today_intakes", 5)
        self.deliveries_box, self.deliveries = _caption(), _table("today_deliveries", 4)
        for cap, table in (
            (self.by_service_box, self.by_service),
            (self.intakes_box, self.intakes),
            (self.deliveries_box, self.deliveries),
        ):
            cap.setBuddy(table)
        self.cashup_button = QPushButton()
        self.cashup_button.setObjectName("cashup")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("today_refresh")
        self.message = message_label("today_message")
        tie(self.message, self.cashup_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cashup_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        tables = QHBoxLayout()
        left = QVBoxLayout()
        for cap, table in ((self.by_service_box, self.by_service), (self.deliveries_box, self.deliveries)):
            left.addWidget(cap)
            left.addWidget(table, 1)
        right = QVBoxLayout()
        right.addWidget(self.intakes_box)
        right.addWidget(self.intakes, 1)
        tables.addLayout(left, 2)
        tables.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.summary)
        lay.addLayout(tables, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        for a, b in (
            (self.heading, self.summary),
            (self.summary, self.by_service),
            (self.by_service, self.deliveries),
            (self.deliveries, self.intakes),
            (self.intakes, self.cashup_button),
            (self.cashup_button, self.refresh_button),
        ):
            QWidget.setTabOrder(a, b)
        self.first_focus = self.heading
        self.cashup_button.clicked.connect(self.preview_cashup)
        self.refresh_button.clicked.connect(self.refresh)
        for t in (self.intakes, self.deliveries):
            t.activated.connect(lambda idx, t=t: self._activated(t, idx.row()))
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        return [
            self.heading,
            self.summary,
            self.by_service,
            self.deliveries,
            self.intakes,
            self.cashup_button,
            self.refresh_button,
        ]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My day"))
        self.by_service_box.setText(self.tr("Intakes and fees by service"))
        self.by_service.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Intakes"), self.tr("Fees (lekë)")])
        self.by_service.setAccessibleName(self.by_service_box.text())
        self.intakes_box.setText(self.tr("My intakes"))
        self.intakes.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Receipt no."), self.tr("Citizen"), self.tr("Service"), self.tr("Fee (lekë)")]
        )
        self.intakes.setAccessibleName(self.intakes_box.text())
        self.deliveries_box.setText(self.tr("My deliveries"))
        self.deliveries.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Receipt no."), self.tr("Citizen"), self.tr("Service")]
        )
        self.deliveries.setAccessibleName(self.deliveries_box.text())
        self.cashup_button.setText(self.tr("&Cash-up slip…"))
        self.cashup_button.setAccessibleName(plain(self.cashup_button.text()))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(plain(self.refresh_button.text()))
        self.show_day(self.day)

    def first_shown(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        service = self.service

        def ok(day: MyDay) -> None:
            self.show_day(day)
            self.loaded.emit()

        def failed(problem: Problem) -> None:
            say(self.message, problem.message, "error")

        self.tasks.run("my-day", service.my_day, on_success=ok, on_failure=failed)

    def show_day(self, day: MyDay | None) -> None:
        self.day = day
        if day is None:
            self.summary.setText(self.tr("Loading…"))
            return
        lang = self.service.settings.current.language
        self.heading.setText(self.tr("My day — {date}").format(date=date_text(day.day)))
        self.heading.setAccessibleName(self.heading.text())
        text = self.tr("{n} intakes, fees {fee} lekë; {d} deliveries; {v} voided").format(
            n=len(day.intakes), fee=day.total_fees, d=len(day.deliveries), v=len(day.voided)
        )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self._fill(self.by_service, [(None, [t.name(lang), str(t.intakes), str(t.fees)]) for t in day.by_service])
        rows = [(ln.receipt_no, self._intake_cells(ln, lang)) for ln in day.intakes]
        rows += [(ln.receipt_no, self._intake_cells(ln, lang, voided=True)) for ln in day.voided]
        self._fill(self.intakes, rows)
        self._fill(
            self.deliveries,
            [
                (ln.receipt_no, [time_text(ln.time), ln.receipt_no, ln.citizen_name, ln.service_name(lang)])
                for ln in day.deliveries
            ],
        )

    def _intake_cells(self, ln: DayLine, lang: str, *, voided: bool = False) -> list[str]:
        fee = str(ln.fee_paid)
        if voided:
            fee = self.tr("{fee} — voided").format(fee=ln.fee_paid)
        elif ln.status not in ("received", "forwarded", "in_progress", "ready"):
            fee = f"{fee} · {QCoreApplication.translate('status', status_label(ln.status))}"
        return [time_text(ln.time), ln.receipt_no, ln.citizen_name, ln.service_name(lang), fee]

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[tuple[str | None, list[str]]]) -> None:
        table.setRowCount(len(rows))
        for i, (key, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if key:
                    item.setData(ROW_RECEIPT, key)
                table.setItem(i, c, item)
        table.resizeColumnsToContents()

    def _activated(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(ROW_RECEIPT):
            self.open_request.emit(str(item.data(ROW_RECEIPT)))

    # ------------------------------------------------------------------ cash-up slip
    def preview_cashup(self) -> None:
        """Render the cash-up slip (on a worker) and show it; Print in the preview prints it."""
        service = self.service

        def ok(result: tuple[MyDay, bytes]) -> None:
            day, pdf = result
            self.show_day(day)
            from .printing import preview_dialog

            self.preview_dialog = preview_dialog(
                pdf, self, on_print=lambda: self.print_cashup(pdf), title=self.tr("Cash-up slip")
            )
            self.preview_dialog.open()

        def failed(problem: Problem) -> None:
            say(self.message, problem.message, "error")

        def work() -> tuple[MyDay, bytes]:
            day = service.my_day()
            return day, service.render_cashup(day)

        self.tasks.run("cashup", work, on_success=ok, on_failure=failed)

    def print_cashup(self, pdf: bytes) -> None:
        service = self.service
        self.tasks.run(
            "print-cashup",
            lambda: service.print_pdf(pdf, "cash-up slip"),
            on_success=lambda _p: say(self.message, self.tr("The cash-up slip is printed."), "ok"),
            on_failure=lambda p: say(self.message, p.message, "warning"),
        )
