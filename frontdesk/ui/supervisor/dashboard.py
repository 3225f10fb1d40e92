"""Performance against the service standards: a date range (default: this month), grouping by service,
clerk or unit, the ``reports.standards_report`` table, two charts (weekly on-time share, services ranked
by open overdue requests) and CSV / PDF exports. The report runs on a worker (``tasks.py``) with a busy
indicator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import reports

from ..messages import Problem
from ..page import Page
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from .period import PeriodControls
from .service import DashboardData, SupervisorService

# (field, header) of the table; the header texts are translated in retranslate()
FIELDS = (
    "label",
    "received",
    "completed",
    "on_time_share",
    "median_days",
    "p90_days",
    "open_overdue",
    "returned_rate",
    "avg_rating",
    "ratings",
)


def fmt(field: str, value: Any) -> str:
    if value is None:
        return "–"
    if field in ("on_time_share", "returned_rate"):
        return f"{value * 100:.0f} %"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class DashboardPage(Page):
    computed = Signal()
    exported = Signal(str)  # path

    def __init__(self, service: SupervisorService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self.service = service
        self.tasks = tasks
        self.data: DashboardData | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.period = PeriodControls("dashboard")
        self.date_from, self.date_to = self.period.date_from, self.period.date_to
        self.group, self.show_button = self.period.group, self.period.show_button
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("dashboard_csv")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("dashboard_pdf")
        self.busy = QProgressBar()
        self.busy.setObjectName("dashboard_busy")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = message_label("dashboard_message")
        self.table = QTableWidget(0, len(FIELDS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setObjectName("dashboard_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.trend_chart = QChart()
        self.trend_chart.legend().hide()
        self.trend_view = QChartView(self.trend_chart)
        self.trend_view.setObjectName("chart_trend")
        self.trend_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.overdue_chart = QChart()
        self.overdue_chart.legend().hide()
        self.overdue_view = QChartView(self.overdue_chart)
        self.overdue_view.setObjectName("chart_overdue")
        self.overdue_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        for v in (self.trend_view, self.overdue_view):
            v.setMinimumHeight(300)

        filters = QHBoxLayout()
        self.period.add_to(filters)
        filters.addWidget(self.busy)
        filters.addStretch(1)
        filters.addWidget(self.csv_button)
        filters.addWidget(self.pdf_button)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.trend_view)
        charts.addWidget(self.overdue_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 360])
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(filters)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)

        self.show_button.clicked.connect(self.compute)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.loaded_once = False
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def headers(self) -> list[str]:
        return [
            self.tr("Service")
            if self.current_group() == "service"
            else self.tr("Clerk")
            if self.current_group() == "clerk"
            else self.tr("Unit"),
            self.tr("Received"),
            self.tr("Completed"),
            self.tr("On time"),
            self.tr("Median (days)"),
            self.tr("P90 (days)"),
            self.tr("Open overdue"),
            self.tr("Returned"),
            self.tr("Avg rating"),
            self.tr("Ratings"),
        ]

    def tab_chain(self) -> list[QWidget]:
        return [
            self.date_from,
            self.date_to,
            self.group,
            self.show_button,
            self.csv_button,
            self.pdf_button,
            self.table,
            self.trend_view,
            self.overdue_view,
        ]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Performance against the service standards"))
        self.period.retranslate(self.tr("First day received"), self.tr("Last day received"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.pdf_button.setText(self.tr("Export &PDF…"))
        self.busy.setAccessibleName(self.tr("Computing the report"))
        self.table.setAccessibleName(self.tr("Performance per group"))
        self.trend_view.setAccessibleName(self.tr("On-time share per week"))
        self.overdue_view.setAccessibleName(self.tr("Services by open overdue requests"))
        self._show()

    def text_size_changed(self) -> None:
        self._chart_fonts()

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.compute()

    def current_group(self) -> str:
        return self.period.period()[2]

    # ------------------------------------------------------------------ computing (on a worker)
    def compute(self) -> None:
        self.loaded_once = True
        a, b, by = self.period.period()
        self.busy.show()
        self.show_button.setEnabled(False)
        self.say(self.tr("Computing…"))

        def ok(data: DashboardData) -> None:
            self.data = data
            self._idle()
            self.say("")
            self._show()
            self.computed.emit()

        def failed(problem: Problem) -> None:
            self._idle()
            self.say(problem.message, "error")
            self.computed.emit()

        self.tasks.run("dashboard", lambda: self.service.dashboard(a, b, by), on_success=ok, on_failure=failed)

    def _idle(self) -> None:
        self.busy.hide()
        self.show_button.setEnabled(True)

    def say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    # ------------------------------------------------------------------ showing
    def _show(self) -> None:
        self.table.setColumnCount(len(FIELDS))
        if self.data is not None:
            self.table.setHorizontalHeaderLabels(self._data_headers())
        else:
            self.table.setHorizontalHeaderLabels(self.headers())
        self.csv_button.setEnabled(self.data is not None)
        self.pdf_button.setEnabled(self.data is not None)
        if self.data is None:
            self.table.setRowCount(0)
            return
        rep = self.data.report
        rows = [*rep.rows, rep.total]
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for i, row in enumerate(rows):
            for c, f in enumerate(FIELDS):
                value = getattr(row, f)
                if f == "label":
                    value = self.tr("Total") if row is rep.total else (value or self._nobody(row.key))
                item = QTableWidgetItem(fmt(f, value) if f != "label" else str(value))
                if f != "label":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row is rep.total:
                    item.setFont(bold)
                self.table.setItem(i, c, item)
        self._trend()
        self._overdue()

    def _data_headers(self) -> list[str]:
        by = self.data.report.by if self.data is not None else self.current_group()
        first = {"service": self.tr("Service"), "clerk": self.tr("Clerk"), "unit": self.tr("Unit")}[by]
        return [first, *self.headers()[1:]]

    def _nobody(self, key: str) -> str:
        return self.tr("Nobody (unassigned)") if key == reports.UNASSIGNED else key

    def _chart_fonts(self) -> None:
        base = QFont(self.font())
        title = QFont(base)
        title.setBold(True)
        for chart in (self.trend_chart, self.overdue_chart):
            chart.setTitleFont(title)
            for axis in chart.axes():
                axis.setLabelsFont(base)
                axis.setTitleFont(base)

    def _reset(self, chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _trend(self) -> None:
        assert self.data is not None
        chart = self.trend_chart
        self._reset(chart)
        chart.setTitle(self.tr("On-time share per week (%)"))
        line = QLineSeries()
        points = QScatterSeries()
        points.setMarkerSize(8)
        colour = QColor("#1f6fb2")
        line.setColor(colour)
        points.setColor(colour)
        cats = []
        for i, (monday, _c, _w, share) in enumerate(self.data.weeks):
            cats.append(monday.strftime("%d.%m"))
            if share is not None:
                line.append(i, share * 100)
                points.append(i, share * 100)
        chart.addSeries(line)
        chart.addSeries(points)
        x = QBarCategoryAxis()
        x.append(cats or ["–"])
        x.setTitleText(self.tr("Week beginning"))
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in (line, points):
            s.attachAxis(x)
            s.attachAxis(y)
        self._chart_fonts()

    def _overdue(self, top: int = 6) -> None:
        """The rows of the table (same period, same grouping) ranked by their open overdue requests, by
        name; whole numbers on the axis."""
        assert self.data is not None
        chart = self.overdue_chart
        self._reset(chart)
        rep = self.data.report
        chart.setTitle(
            {
                "service": self.tr("Services by open overdue requests (received in the period)"),
                "clerk": self.tr("Clerks by open overdue requests (received in the period)"),
                "unit": self.tr("Units by open overdue requests (received in the period)"),
            }.get(rep.by, "")
        )
        ranked = sorted((r for r in rep.rows if r.open_overdue), key=lambda r: (-r.open_overdue, r.label))[:top]
        bars = QBarSet(self.tr("Overdue"))
        bars.setColor(QColor("#c0392b"))
        metrics = self.fontMetrics()
        cats = []
        for row in reversed(ranked):  # the largest at the top
            bars.append(row.open_overdue)
            name = row.label or self._nobody(row.key)
            cats.append(metrics.elidedText(name, Qt.TextElideMode.ElideRight, metrics.horizontalAdvance("n" * 24)))
        series = QHorizontalBarSeries()
        series.append(bars)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(cats or ["–"])
        top_value = max([r.open_overdue for r in ranked] or [1])
        step = max(1, -(-top_value // 5))  # at most ~5 whole-number ticks
        x = QValueAxis()
        x.setRange(0, step * (-(-top_value // step)) + (step if top_value % step == 0 else 0))
        x.setTickType(QValueAxis.TickType.TicksDynamic)
        x.setTickAnchor(0)
        x.setTickInterval(step)
        x.setLabelFormat("%d")
        x.setTitleText(self.tr("Open requests past their promised date"))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        self._chart_fonts()

    # ------------------------------------------------------------------ exports
    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "standardet.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), "standardet.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def _export(self, name: str, fn: Any) -> None:
        self.busy.show()

        def ok(path: Path) -> None:
            self.busy.hide()
            self.say(self.tr("Saved {path}.").format(path=str(path)), "ok")
            self.exported.emit(str(path))

        def failed(problem: Problem) -> None:
            self.busy.hide()
            self.say(problem.message, "error")
            self.exported.emit("")

        self.tasks.run(name, fn, on_success=ok, on_failure=failed)

    def export_csv(self, path: Path) -> None:
        if self.data is None:
            return
        report = self.data.report
        self._export("export_csv", lambda: self.service.export_csv(report, path))

    def export_pdf(self, path: Path) -> None:
        if self.data is None:
            return
        report, title = self.data.report, self.tr("Performance against the service standards")
        self._export("export_pdf", lambda: self.service.export_pdf(report, path, title))
