"""The worklist: the unit's queue, fetched page by page, filtered and sorted in SQL.

``QueueModel`` never loads all rows: it counts with ``queries.queue_count`` and fetches 200 rows at a time
through ``canFetchMore``/``fetchMore`` as the view scrolls. A header click re-queries with ``order_by``;
filters (status, assignee, overdue, service, debounced free text) re-query from the first page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.localtime import date_text
from frontdesk.queries import COUNT_CAP, QueueFilter, QueueRow
from frontdesk.workflow import STATUSES, status_label

from .a11y import plain, say, tie
from .page import Page
from .services import CounterService
from .widgets import data_label, message_label

PAGE = 200
COLUMNS = (
    ("receipt_no", QT_TRANSLATE_NOOP("QueueModel", "Receipt no."), "receipt_no"),
    ("citizen", QT_TRANSLATE_NOOP("QueueModel", "Citizen"), "citizen_name"),
    ("service", QT_TRANSLATE_NOOP("QueueModel", "Service"), "service_code"),
    ("status", QT_TRANSLATE_NOOP("QueueModel", "Status"), "status"),
    ("assignee", QT_TRANSLATE_NOOP("QueueModel", "Assigned to"), None),
    ("due", QT_TRANSLATE_NOOP("QueueModel", "Promised date"), "due_date"),
    ("sla", QT_TRANSLATE_NOOP("QueueModel", "Service standard"), None),
)
SLA_TEXT = {
    "on_track": QT_TRANSLATE_NOOP("QueueModel", "On track"),
    "due_soon": QT_TRANSLATE_NOOP("QueueModel", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("QueueModel", "Overdue"),
}
SLA_COLOUR = {"on_track": "#d8f0d8", "due_soon": "#fff0b3", "overdue": "#f8d0d0"}
ROW_RECEIPT = Qt.ItemDataRole.UserRole


def sla_text(sla: str | None) -> str:
    return QCoreApplication.translate("QueueModel", SLA_TEXT[sla]) if sla in SLA_TEXT else "—"


class QueueModel(QAbstractTableModel):
    loaded = Signal(int, int)  # rows loaded, total

    def __init__(self, service: CounterService) -> None:
        super().__init__()
        self.service = service
        self.flt = QueueFilter()
        self.order_by = "created_at"
        self.descending = True
        self.rows: list[QueueRow] = []
        self.total = 0
        self.ready = False  # loaded at least once: until then a sort only records the order

    # -- loading
    def reload(self) -> None:
        self.ready = True
        self.beginResetModel()
        self.total = self.service.queue_count(self.flt)
        self.rows = self.service.queue_page(
            self.flt, order_by=self.order_by, descending=self.descending, offset=0, limit=PAGE
        )
        self.endResetModel()
        self.loaded.emit(len(self.rows), self.total)

    def set_filter(self, flt: QueueFilter) -> None:
        self.flt = flt
        self.reload()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self.service.queue_page(
            self.flt, order_by=self.order_by, descending=self.descending, offset=len(self.rows), limit=PAGE
        )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
        self.loaded.emit(len(self.rows), self.total)

    # -- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("QueueModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == ROW_RECEIPT:
            return r.receipt_no
        if role == Qt.ItemDataRole.BackgroundRole and key == "sla" and r.sla in SLA_COLOUR:
            return QBrush(QColor(SLA_COLOUR[r.sla]))
        if role == Qt.ItemDataRole.ForegroundRole and key == "sla" and r.sla in SLA_COLOUR:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "service":
            return r.service_name_sq if self._lang() == "sq" else r.service_name_en
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "receipt_no" and r.priority:
            return r.receipt_no + " — " + QCoreApplication.translate("QueueModel", "priority")
        return None

    def _lang(self) -> str:
        return self.service.settings.current.language

    def _display(self, r: QueueRow, key: str) -> str:
        if key == "receipt_no":
            return r.receipt_no + (" ★" if r.priority else "")
        if key == "citizen":
            return r.citizen_name
        if key == "service":
            name = r.service_name_en if self._lang() == "en" else r.service_name_sq
            return f"{name} ({r.service_code})"
        if key == "status":
            return QCoreApplication.translate("status", status_label(r.status))
        if key == "assignee":
            return self.service.user_names().get(r.assignee, r.assignee) if r.assignee else "—"
        if key == "due":
            return date_text(r.due_date) if isinstance(r.due_date, dt.date) else str(r.due_date)
        if key == "sla":
            return sla_text(r.sla)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        field = COLUMNS[column][2]
        if field is None:
            return
        self.order_by = field
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.ready:  # the page's first showing loads it (in this order)
            self.reload()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))


class WorklistPage(Page):
    open_request = Signal(str)

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_page")
        self.service = service
        self.loaded_once = False  # set by the first refresh (when the page is first shown)
        self.model = QueueModel(service)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.assignee = QComboBox()
        self.assignee.setObjectName("filter_assignee")
        self.service_filter = QComboBox()
        self.service_filter.setObjectName("filter_service")
        self.overdue = QCheckBox()
        self.overdue.setObjectName("filter_overdue")
        self.text = QLineEdit()
        self.text.setObjectName("filter_text")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(180)
        for combo in (self.status, self.assignee, self.service_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.status_label, self.assignee_label, self.service_label, self.text_label = (
            QLabel(),
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.status_label.setBuddy(self.status)
        self.assignee_label.setBuddy(self.assignee)
        self.service_label.setBuddy(self.service_filter)
        self.text_label.setBuddy(self.text)
        self.count = data_label("queue_count")
        self.count.setWordWrap(False)
        self.nothing = message_label("queue_nothing")  # "nothing found", said and shown
        self.nothing.hide()
        tie(self.nothing, self.text)
        self.table = QTableView()
        self.table.setObjectName("queue_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(len(COLUMNS), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(self._activated)

        find = QHBoxLayout()
        find.addWidget(self.text_label)
        find.addWidget(self.text, 1)
        filters = QGridLayout()  # two filters to a row: they fit a narrow screen and large text
        for i, (lbl, w) in enumerate(
            (
                (self.status_label, self.status),
                (self.assignee_label, self.assignee),
                (self.service_label, self.service_filter),
            )
        ):
            filters.addWidget(lbl, i // 2, (i % 2) * 2)
            filters.addWidget(w, i // 2, (i % 2) * 2 + 1)
        filters.addWidget(self.overdue, 1, 2, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count)
        self.top_bar = top  # screens added for some roles put their buttons here (ui/supervisor)
        self.top_stops: list[QWidget] = []  # ...and their Tab stops here
        lay.addLayout(top)
        lay.addLayout(find)
        lay.addLayout(filters)
        lay.addWidget(self.nothing)
        lay.addWidget(self.table, 1)
        self.first_focus = self.table
        self.text.installEventFilter(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._find_now)
        for combo in (self.status, self.assignee, self.service_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.model.loaded.connect(self._show_count)
        self.model.modelReset.connect(self._resize)
        self._filling = False
        self.retranslate()
        if service.actor.role == "clerk":  # a clerk starts on "my requests" (one choice away from everyone's)
            self._filling = True
            self.assignee.setCurrentIndex(max(0, self.assignee.findData(service.actor.username)))
            self._filling = False
            self.model.flt = self.current_filter()

    def tab_chain(self) -> list[QWidget]:
        """Buttons other screens put in the top bar, the search, the filters, the table."""
        return [
            *self.top_stops,
            self.text,
            self.status,
            self.assignee,
            self.service_filter,
            self.overdue,
            self.table,
        ]

    def retranslate(self) -> None:
        self._filling = True
        self.heading.setText(self.tr("Worklist"))
        self.text_label.setText(self.tr("Fi&nd:"))
        self.text.setPlaceholderText(self.tr("Any part of a name, a phone, a personal or receipt number"))
        self.text.setAccessibleName(plain(self.text_label.text()).rstrip(":"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.status.setAccessibleName(plain(self.status_label.text()).rstrip(":"))
        self.assignee_label.setText(self.tr("&Assigned to:"))
        self.assignee.setAccessibleName(plain(self.assignee_label.text()).rstrip(":"))
        self.service_label.setText(self.tr("Servi&ce:"))
        self.service_filter.setAccessibleName(plain(self.service_label.text()).rstrip(":"))
        self.overdue.setText(self.tr("Only &overdue"))
        self.overdue.setAccessibleName(plain(self.overdue.text()))
        self.table.setAccessibleName(self.tr("Requests"))
        lang = self.service.settings.current.language
        self._refill(
            self.status,
            [("", self.tr("All statuses"))]
            + [(s, QCoreApplication.translate("status", status_label(s))) for s in STATUSES],
        )
        users = self.service.counter_users()
        self._refill(
            self.assignee,
            [
                ("", self.tr("Everyone")),
                (self.service.actor.username, self.tr("Me")),
                ("-", self.tr("Nobody")),
            ]
            + [(u.username, u.full_name) for u in users if u.username != self.service.actor.username],
        )
        self._refill(
            self.service_filter,
            [("", self.tr("All services"))]
            + [(c.code, f"{c.name(lang)} ({c.code})") for c in self.service.all_services()],
        )
        self._filling = False
        self.model.retranslate()
        self._show_count(len(self.model.rows), self.model.total)

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key, text in items:
            combo.addItem(text, key)
        i = combo.findData(current)
        combo.setCurrentIndex(max(0, i))
        combo.blockSignals(False)

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            status=self.status.currentData() or None,
            assignee=self.assignee.currentData() or None,
            overdue=self.overdue.isChecked(),
            service_code=self.service_filter.currentData() or None,
            text=self.text.text().strip() or None,
        )

    def apply_filters(self) -> None:
        if self._filling:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.reload()
        self.loaded_once = True

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.refresh()

    def _find_now(self) -> None:
        """Enter in the search field: search now, and go to the results when there are some."""
        self.apply_filters()
        if self.model.rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rows:  # ↓ from the search field: the results
                self.table.setFocus()
                self.table.selectRow(max(0, self.table.currentIndex().row()))
                return True
        return super().eventFilter(obj, event)

    def _show_count(self, loaded: int, total: int) -> None:
        if total > COUNT_CAP and self.model.flt.text:
            self.count.setText(self.tr("More than {n} requests: narrow the search").format(n=f"{COUNT_CAP:,}"))
        else:
            self.count.setText(self.tr("{total} requests").format(total=total))
        self.count.setAccessibleName(self.count.text())
        flt = self.model.flt
        if total == 0 and (flt.text or flt.status or flt.assignee or flt.overdue or flt.service_code):
            if flt.text:
                text = self.tr(
                    "Nothing found for “{text}”. Try part of the surname, the phone, or the personal or receipt number."
                ).format(text=flt.text)
            else:
                text = self.tr("No request matches these filters.")
            say(self.nothing, text, "warning")
        elif self.nothing.isVisible() or self.nothing.text():
            say(self.nothing, "", speak=False)

    def _resize(self) -> None:
        """Short columns fit their contents; the service name takes the rest of the width and is cut
        with "…" (its whole name is the cell's tooltip), so the table fits the screen without scrolling."""
        if self.model.rows and not getattr(self, "_sized", False):
            header = self.table.horizontalHeader()
            self.table.resizeColumnsToContents()
            keys = [c[0] for c in COLUMNS]
            widest = self.table.fontMetrics().horizontalAdvance("n" * 22)
            for key in ("citizen", "assignee"):  # names: cut with "…" past ~22 letters
                col = keys.index(key)
                header.resizeSection(col, min(header.sectionSize(col), widest))
            header.setSectionResizeMode(keys.index("service"), QHeaderView.ResizeMode.Stretch)
            header.setStretchLastSection(False)
            self._sized = True

    def _activated(self, index: QModelIndex) -> None:
        no = self.model.data(index, ROW_RECEIPT)
        if no:
            self.open_request.emit(str(no))

    def selected_receipt(self) -> str | None:
        idx = self.table.currentIndex()
        return str(self.model.data(idx, ROW_RECEIPT)) if idx.isValid() else None
