"""Administration (admins only): the local catalogue (list with inactive services, add a local service,
withdraw / offer again a local one) and users (list, add with a temporary password, deactivate /
activate, reset password). Writes go through ``tasks.py``; the core refuses any other role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.auth import UserInfo
from frontdesk.catalog import ServiceInfo

from ..messages import Problem
from ..page import Page
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from . import admin_dialogs
from .admin_form import FormDialog
from .service import SupervisorService

KEY = Qt.ItemDataRole.UserRole
ROLE_LABELS = {"clerk": "Clerk", "supervisor": "Supervisor", "admin": "Administrator"}  # context "roles"


def _role(role: str) -> str:
    return QCoreApplication.translate("roles", ROLE_LABELS.get(role, role))


class AdminPage(Page):
    changed = Signal()

    def __init__(self, service: SupervisorService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_page")
        self.service = service
        self.tasks = tasks
        self.dialog: FormDialog | None = None
        self.services: list[ServiceInfo] = []
        self.users: list[UserInfo] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.sections = QTabWidget()
        self.sections.setObjectName("admin_sections")
        # catalogue
        self.catalog_page = QWidget()
        self.service_table = self._table("admin_services", 7)
        self.add_service_button = QPushButton()
        self.add_service_button.setObjectName("admin_add_service")
        self.service_toggle = QPushButton()
        self.service_toggle.setObjectName("admin_service_toggle")
        cl = QVBoxLayout(self.catalog_page)
        cl.addWidget(self.service_table, 1)
        cb = QHBoxLayout()
        cb.addWidget(self.add_service_button)
        cb.addWidget(self.service_toggle)
        cb.addStretch(1)
        cl.addLayout(cb)
        # users
        self.users_page = QWidget()
        self.user_table = self._table("admin_users", 5)
        self.add_user_button = QPushButton()
        self.add_user_button.setObjectName("admin_add_user")
        self.user_toggle = QPushButton()
        self.user_toggle.setObjectName("admin_user_toggle")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("admin_reset_password")
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("admin_unlock")
        ul = QVBoxLayout(self.users_page)
        ul.addWidget(self.user_table, 1)
        ub = QHBoxLayout()
        for b in (self.add_user_button, self.user_toggle, self.reset_button, self.unlock_button):
            ub.addWidget(b)
        ub.addStretch(1)
        ul.addLayout(ub)
        self.sections.addTab(self.catalog_page, "")
        self.sections.addTab(self.users_page, "")
        self.message = message_label("admin_message")
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.sections, 1)
        lay.addWidget(self.message)

        self.add_service_button.clicked.connect(self.open_add_service)
        self.service_toggle.clicked.connect(self.toggle_service)
        self.add_user_button.clicked.connect(self.open_add_user)
        self.user_toggle.clicked.connect(self.toggle_user)
        self.reset_button.clicked.connect(self.open_reset_password)
        self.unlock_button.clicked.connect(self.unlock_user)
        self.service_table.itemSelectionChanged.connect(self._buttons)
        self.user_table.itemSelectionChanged.connect(self._buttons)
        self.loaded_once = False
        self.retranslate()

    @staticmethod
    def _table(name: str, columns: int) -> QTableWidget:
        t = QTableWidget(0, columns)
        t.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        t.setObjectName(name)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    def tab_chain(self) -> list[QWidget]:
        return [
            self.sections.tabBar(),
            self.service_table,
            self.add_service_button,
            self.service_toggle,
            self.user_table,
            self.add_user_button,
            self.user_toggle,
            self.reset_button,
        ]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Administration"))
        self.sections.setTabText(0, self.tr("Service catalogue"))
        self.sections.setTabText(1, self.tr("Users"))
        self.service_table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Fee (lekë)"),
                self.tr("Standard (days)"),
                self.tr("Origin"),
                self.tr("Offered"),
            ]
        )
        self.service_table.setAccessibleName(self.tr("Services"))
        self.user_table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Active"), self.tr("Password")]
        )
        self.user_table.setAccessibleName(self.tr("Users"))
        self.add_service_button.setText(self.tr("&Add local service…"))
        self.add_user_button.setText(self.tr("Add &user…"))
        self.reset_button.setText(self.tr("&Reset password…"))
        self.unlock_button.setText(self.tr("Un&lock sign-in"))
        self.unlock_button.setToolTip(self.tr("Lift the lock after too many wrong passwords"))
        self._fill()

    def first_shown(self) -> None:
        if not self.loaded_once:
            self.refresh()

    def refresh(self) -> None:
        self.services = self.service.services()
        self.users = self.service.users()
        self.loaded_once = True
        self._fill()

    def _fill(self) -> None:
        lang = self.service.language
        yes, no = self.tr("yes"), self.tr("no")
        self._rows(
            self.service_table,
            [
                (
                    s.code,
                    [
                        s.code,
                        s.name_en if lang == "en" and s.name_en else s.name_sq,
                        s.category,
                        str(s.fee_amount),
                        str(s.standard_days),
                        self.tr("local") if s.origin == "local" else self.tr("central"),
                        yes if s.active else no,
                    ],
                )
                for s in self.services
            ],
        )
        self._rows(
            self.user_table,
            [
                (
                    u.username,
                    [
                        u.username,
                        u.full_name,
                        _role(u.role),
                        yes if u.active else no,
                        self.tr("temporary (must change)") if u.must_change_password else "",
                    ],
                )
                for u in self.users
            ],
        )
        self._buttons()

    @staticmethod
    def _rows(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
        current = table.selectedItems()
        key = current[0].data(KEY) if current else None
        table.setRowCount(len(rows))
        for i, (k, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(KEY, k)
                table.setItem(i, c, item)
            if k == key:
                table.selectRow(i)

    def selected_service(self) -> ServiceInfo | None:
        items = self.service_table.selectedItems()
        code = items[0].data(KEY) if items else None
        return next((s for s in self.services if s.code == code), None)

    def selected_user(self) -> UserInfo | None:
        items = self.user_table.selectedItems()
        name = items[0].data(KEY) if items else None
        return next((u for u in self.users if u.username == name), None)

    def select(self, table: QTableWidget, key: str) -> bool:
        for i in range(table.rowCount()):
            item = table.item(i, 0)
            if item is not None and item.data(KEY) == key:
                table.selectRow(i)
                return True
        return False

    def _buttons(self) -> None:
        svc = self.selected_service()
        self.service_toggle.setEnabled(svc is not None and svc.origin == "local")
        self.service_toggle.setText(
            self.tr("&Withdraw service") if svc is None or svc.active else self.tr("&Offer service again")
        )
        self.service_toggle.setToolTip(self.tr("Only local services can be withdrawn here; open requests stay"))
        user = self.selected_user()
        self.user_toggle.setEnabled(user is not None and user.username != self.service.actor.username)
        self.user_toggle.setText(
            self.tr("&Deactivate user") if user is None or user.active else self.tr("A&ctivate user")
        )
        self.reset_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)

    def say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    # ------------------------------------------------------------------ writes (on a worker)
    def _run(self, name: str, fn: Callable[[], Any], done: str, dialog: FormDialog | None = None) -> None:
        if dialog is not None:
            dialog.ok.setEnabled(False)

        def ok(_result: object) -> None:
            if dialog is not None:
                dialog.accept()
            self.refresh()
            self.say(done, "ok")
            self.changed.emit()

        def failed(problem: Problem) -> None:
            if dialog is not None:
                dialog.show_problem(problem.message)
            self.say(problem.message, "error")
            self.changed.emit()

        self.tasks.run(name, fn, on_success=ok, on_failure=failed)

    def toggle_service(self) -> None:
        svc = self.selected_service()
        if svc is None:
            return
        active = not svc.active
        done = (
            self.tr("Service {code} is offered again.")
            if active
            else self.tr("Service {code} is withdrawn; its open requests stay.")
        ).format(code=svc.code)
        self._run("service_active", lambda: self.service.set_service_active(svc.code, active), done)

    def toggle_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        active = not user.active
        done = (self.tr("User {user} is active again.") if active else self.tr("User {user} is deactivated.")).format(
            user=user.username
        )
        self._run("user_active", lambda: self.service.set_user_active(user.username, active), done)

    def unlock_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        done = self.tr("User {user} can sign in again.").format(user=user.username)
        self._run("unlock_user", lambda: self.service.unlock_user(user.username), done)

    # the dialogs live in admin_dialogs.py (same translation context)
    def open_add_service(self) -> FormDialog:
        return admin_dialogs.add_service(self)

    def open_add_user(self) -> FormDialog:
        return admin_dialogs.add_user(self)

    def open_reset_password(self) -> FormDialog | None:
        return admin_dialogs.reset_password(self)
