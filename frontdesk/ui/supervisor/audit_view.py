"""The audit trail for supervisors and admins: filters (who, action, dates, text), the newest entries, and
"Verify chain", which says in plain words whether the trail is intact or where it was tampered with."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import audit
from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.localtime import datetime_text

from ..messages import Problem
from ..page import Page
from ..tasks import TaskRunner
from ..widgets import data_label, message_label, set_role
from .audit_words import describe
from .period import pydate
from .service import SupervisorService, VerifyText

LIMIT = 500
ACTION_LABELS = {
    "sign_in": QT_TRANSLATE_NOOP("AuditPage", "Sign-in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditPage", "Failed sign-in"),
    "sign_out": QT_TRANSLATE_NOOP("AuditPage", "Sign-out"),
    "intake": QT_TRANSLATE_NOOP("AuditPage", "New request"),
    "status": QT_TRANSLATE_NOOP("AuditPage", "Status change"),
    "reassign": QT_TRANSLATE_NOOP("AuditPage", "Reassignment"),
    "deliver": QT_TRANSLATE_NOOP("AuditPage", "Delivery"),
    "print": QT_TRANSLATE_NOOP("AuditPage", "Receipt printed"),
    "catalog_import": QT_TRANSLATE_NOOP("AuditPage", "Catalogue import"),
    "catalog_change": QT_TRANSLATE_NOOP("AuditPage", "Catalogue change"),
    "user_add": QT_TRANSLATE_NOOP("AuditPage", "User added"),
    "user_change": QT_TRANSLATE_NOOP("AuditPage", "User changed"),
    "password_change": QT_TRANSLATE_NOOP("AuditPage", "Password changed"),
    "note": QT_TRANSLATE_NOOP("AuditPage", "Note"),
    "survey": QT_TRANSLATE_NOOP("AuditPage", "Citizen's survey"),
    "backup": QT_TRANSLATE_NOOP("AuditPage", "Backup"),
    "sync": QT_TRANSLATE_NOOP("AuditPage", "Synchronisation"),
    "key": QT_TRANSLATE_NOOP("AuditPage", "Database key"),
    "restore": QT_TRANSLATE_NOOP("AuditPage", "Restore from a backup"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("AuditPage", ACTION_LABELS[action]) if action in ACTION_LABELS else action


class AuditPage(Page):
    loaded = Signal(int)
    verified = Signal(bool)

    def __init__(self, service: SupervisorService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        self.service = service
        self.tasks = tasks
        self.entries: list[audit.AuditView] = []
        self.verify_result: VerifyText | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.who = QComboBox()
        self.who.setObjectName("audit_actor")
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.use_dates = QCheckBox()
        self.use_dates.setObjectName("audit_use_dates")
        today = dt.date.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_from.setObjectName("audit_from")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to.setObjectName("audit_to")
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd.MM.yyyy")
            w.setEnabled(False)
        self.text = QLineEdit()
        self.text.setObjectName("audit_text")
        self.text.setClearButtonEnabled(True)
        self.who_label, self.action_label, self.to_label, self.text_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.who_label.setBuddy(self.who)
        self.action_label.setBuddy(self.action)
        self.to_label.setBuddy(self.date_to)
        self.text_label.setBuddy(self.text)
        self.count = data_label("audit_count")
        self.table = QTableWidget(0, 6)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setObjectName("audit_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("audit_verify")
        self.verify_message = message_label("audit_verify_message")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("audit_refresh")
        self.more_button = QPushButton()
        self.more_button.setObjectName("audit_more")
        self.more_button.setEnabled(False)
        self.has_more = False

        filters = QHBoxLayout()
        filters.addWidget(self.text_label)
        filters.addWidget(self.text, 2)
        filters.addWidget(self.who_label)
        filters.addWidget(self.who, 1)
        filters.addWidget(self.action_label)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        filters.addWidget(self.refresh_button)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.more_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verify_message, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self.refresh)
        self.who.currentIndexChanged.connect(self._changed)
        self.action.currentIndexChanged.connect(self._changed)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._changed)
        self.date_to.dateChanged.connect(self._changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.load_more)
        self.verify_button.clicked.connect(self.verify)
        self._filling = False
        self.loaded_once = False
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        return [
            self.more_button,
            self.text,
            self.who,
            self.action,
            self.use_dates,
            self.date_from,
            self.date_to,
            self.refresh_button,
            self.table,
            self.verify_button,
        ]

    def retranslate(self) -> None:
        self._filling = True
        self.heading.setText(self.tr("Audit trail"))
        self.text_label.setText(self.tr("Fi&nd:"))
        self.text.setPlaceholderText(self.tr("Receipt no., user name, code…"))
        self.text.setAccessibleName(self.tr("Find in the audit trail"))
        self.who_label.setText(self.tr("&Who:"))
        self.who.setAccessibleName(self.tr("Filter by user"))
        self.action_label.setText(self.tr("&Action:"))
        self.action.setAccessibleName(self.tr("Filter by action"))
        self.use_dates.setText(self.tr("&Dates from"))
        self.use_dates.setAccessibleName(self.tr("Filter by dates"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.to_label.setText(self.tr("t&o"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.more_button.setText(self.tr("O&lder entries"))
        self.more_button.setToolTip(self.tr("Show the next {n} older entries").format(n=LIMIT))
        self.verify_button.setText(self.tr("Verify &chain"))
        self.verify_button.setToolTip(self.tr("Check that no entry was changed, removed or inserted"))
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("Who"),
                self.tr("Workstation"),
                self.tr("Action"),
                self.tr("Details"),
            ]
        )
        self._refill(self.who, [("", self.tr("Everyone"))] + [(u, u) for u in self.service.all_usernames()])
        self._refill(self.action, [("", self.tr("All actions"))] + [(a, action_label(a)) for a in audit.ACTIONS])
        self._filling = False
        self._fill()
        self._show_verify()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key, text in items:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.refresh()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._changed()

    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self.refresh()

    def _fetch(self, before_seq: int | None) -> list[audit.AuditView]:
        """One page of entries under the current filters, newest first; one more than a page is asked for,
        to know whether there are older ones."""
        dates = self.use_dates.isChecked()
        found = self.service.audit_entries(
            who=self.who.currentData() or None,
            action=self.action.currentData() or None,
            date_from=pydate(self.date_from.date()) if dates else None,
            date_to=pydate(self.date_to.date()) if dates else None,
            text=self.text.text().strip() or None,
            before_seq=before_seq,
            limit=LIMIT + 1,
        )
        self.has_more = len(found) > LIMIT
        return found[:LIMIT]

    def refresh(self) -> None:
        self._debounce.stop()
        self.entries = self._fetch(None)
        self.loaded_once = True
        self._fill()
        self.loaded.emit(len(self.entries))

    def load_more(self) -> None:
        """The next page of older entries, below those shown (same filters)."""
        if not self.has_more:
            return
        first_new = len(self.entries)
        self.entries = self.entries + self._fetch(self.entries[-1].seq if self.entries else None)
        self._fill()
        self.table.setCurrentCell(min(first_new, len(self.entries) - 1), 0)  # scrolls to the first older one
        self.table.setFocus()
        self.loaded.emit(len(self.entries))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.entries))
        names = self.service.user_names()
        reasons = self.service.event_reasons(self.entries)
        for i, e in enumerate(self.entries):
            cells = [
                str(e.seq),
                datetime_text(e.time, seconds=True),
                names.get(e.actor, e.actor) if e.actor else "—",
                e.workstation_code,
                action_label(e.action),
                describe(e, names, reasons),
            ]
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))
        if self.has_more:
            self.count.setText(self.tr("The newest {n} entries; older ones follow.").format(n=len(self.entries)))
        else:
            self.count.setText(self.tr("{n} entries").format(n=len(self.entries)))
        self.more_button.setEnabled(self.has_more)

    # ------------------------------------------------------------------ verify (on a worker)
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_message.setText(self.tr("Checking the chain…"))
        set_role(self.verify_message, "")

        def ok(result: VerifyText) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result = result
            self._show_verify()
            self.verified.emit(result.ok)

        def failed(problem: Problem) -> None:
            self.verify_button.setEnabled(True)
            self.verify_message.setText(problem.message)
            set_role(self.verify_message, "error")
            self.verified.emit(False)

        self.tasks.run("audit_verify", self.service.verify_audit, on_success=ok, on_failure=failed)

    def verify_text(self) -> str:
        r = self.verify_result
        if r is None:
            return ""
        if r.ok:
            return self.tr("The audit trail is intact: all {n} entries are unchanged and in order.").format(n=r.checked)
        if r.template is not None:
            why = QCoreApplication.translate("audit", r.template).format(**r.params)
        else:
            why = r.params.get("reason", "")
        return self.tr("The audit trail has been tampered with. {why}").format(why=why)

    def _show_verify(self) -> None:
        if self.verify_result is None:
            return
        self.verify_message.setText(self.verify_text())
        set_role(self.verify_message, "ok" if self.verify_result.ok else "error")
