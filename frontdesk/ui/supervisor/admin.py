"""Administration (admins only): the local catalogue (list with inactive services, add a local service,
withdraw / offer again a local one) and users (list, add with a temporary password, deactivate /
activate, reset password). Writes go through ``tasks.py``; the core refuses any other role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.auth import ROLES, UserInfo
from frontdesk.catalog import ServiceInfo

from ..messages import Problem
from ..tasks import TaskRunner
from ..widgets import message_label, set_role
from .service import SupervisorService, parse_documents

KEY = Qt.ItemDataRole.UserRole
ROLE_LABELS = {"clerk": "Clerk", "supervisor": "Supervisor", "admin": "Administrator"}  # context "roles"


def _role(role: str) -> str:
    return QCoreApplication.translate("roles", ROLE_LABELS.get(role, role))


class FormDialog(QDialog):
    """A small form with OK / Cancel; ``submitted`` carries the values; errors are shown inside."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.message = message_label(name + "_message")
        self.ok = QPushButton()
        self.ok.setObjectName(name + "_ok")
        self.ok.setDefault(True)
        self.cancel = QPushButton()
        self.cancel.setObjectName(name + "_cancel")
        box = QDialogButtonBox()
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(lambda: self.submitted.emit(self.values()))
        self.cancel.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.message)
        lay.addWidget(box)

    def add(self, key: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"{self.objectName()}_{key}")
        label = QLabel()
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        self.fields[key] = widget
        self.labels[key] = label
        return widget

    def set_texts(self, title: str, texts: dict[str, tuple[str, str]], ok: str, cancel: str) -> None:
        """texts: key → (label with mnemonic, accessible name)."""
        self.setWindowTitle(title)
        for key, (label, name) in texts.items():
            self.labels[key].setText(label)
            self.fields[key].setAccessibleName(name)
        self.ok.setText(ok)
        self.cancel.setText(cancel)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.fields.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
        return out

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")
        self.ok.setEnabled(True)


class AdminPage(QWidget):
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
        t.setObjectName(name)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded_once:
            self.refresh()
        super().showEvent(event)

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

    def open_add_service(self) -> FormDialog:
        d = FormDialog(self.window(), "service_dialog")
        code = d.add("code", QLineEdit())
        d.add("name_sq", QLineEdit())
        d.add("name_en", QLineEdit())
        d.add("category", QLineEdit())
        fee = QSpinBox()
        fee.setRange(0, 10_000_000)
        fee.setSingleStep(100)
        d.add("fee", fee)
        days = QSpinBox()
        days.setRange(0, 365)
        days.setValue(5)
        d.add("standard_days", days)
        d.add("office", QLineEdit())
        docs = QPlainTextEdit()
        docs.setTabChangesFocus(True)
        docs.setPlaceholderText(self.tr("One per line: CODE | Albanian name | English name | optional"))
        d.add("documents", docs)
        d.set_texts(
            self.tr("Add a local service"),
            {
                "code": (self.tr("&Code:"), self.tr("Service code")),
                "name_sq": (self.tr("Name in &Albanian:"), self.tr("Name in Albanian")),
                "name_en": (self.tr("Name in &English:"), self.tr("Name in English")),
                "category": (self.tr("Ca&tegory:"), self.tr("Category")),
                "fee": (self.tr("&Fee (lekë):"), self.tr("Fee in lekë")),
                "standard_days": (
                    self.tr("&Standard (working days):"),
                    self.tr("Standard processing time in working days"),
                ),
                "office": (self.tr("&Office:"), self.tr("Office that handles it")),
                "documents": (self.tr("&Documents:"), self.tr("Documents, one per line")),
            },
            self.tr("&Add"),
            self.tr("Cancel"),
        )

        def submit(v: dict[str, Any]) -> None:
            documents = parse_documents(v["documents"])
            done = self.tr("Service {code} added.").format(code=v["code"].strip().upper())
            self._run(
                "service_add",
                lambda: self.service.add_local_service(
                    code=v["code"],
                    name_sq=v["name_sq"],
                    name_en=v["name_en"],
                    category=v["category"],
                    fee=v["fee"],
                    standard_days=v["standard_days"],
                    office=v["office"],
                    documents=documents,
                ),
                done,
                d,
            )

        d.submitted.connect(submit)
        self.dialog = d
        d.resize(620, 520)
        d.open()
        code.setFocus()
        return d

    def open_add_user(self) -> FormDialog:
        d = FormDialog(self.window(), "user_dialog")
        name = d.add("username", QLineEdit())
        d.add("full_name", QLineEdit())
        role = QComboBox()
        for r in ROLES:
            role.addItem(_role(r), r)
        d.add("role", role)
        pw = QLineEdit()
        pw.setEchoMode(QLineEdit.EchoMode.Password)
        d.add("password", pw)
        d.set_texts(
            self.tr("Add a user"),
            {
                "username": (self.tr("&User name:"), self.tr("User name")),
                "full_name": (self.tr("&Full name:"), self.tr("Full name")),
                "role": (self.tr("&Role:"), self.tr("Role")),
                "password": (self.tr("&Temporary password:"), self.tr("Temporary password")),
            },
            self.tr("&Add"),
            self.tr("Cancel"),
        )

        def submit(v: dict[str, Any]) -> None:
            done = self.tr("User {user} added; they must change the password at the first sign-in.").format(
                user=v["username"].strip().lower()
            )
            self._run(
                "user_add",
                lambda: self.service.add_user(v["username"], v["role"], v["full_name"], v["password"]),
                done,
                d,
            )

        d.submitted.connect(submit)
        self.dialog = d
        d.open()
        name.setFocus()
        return d

    def open_reset_password(self) -> FormDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        d = FormDialog(self.window(), "reset_dialog")
        pw = QLineEdit()
        pw.setEchoMode(QLineEdit.EchoMode.Password)
        d.add("password", pw)
        d.set_texts(
            self.tr("Reset the password of {user}").format(user=user.username),
            {"password": (self.tr("&Temporary password:"), self.tr("Temporary password"))},
            self.tr("&Reset"),
            self.tr("Cancel"),
        )

        def submit(v: dict[str, Any]) -> None:
            done = self.tr("Password of {user} reset; they must change it at the next sign-in.").format(
                user=user.username
            )
            self._run("reset_password", lambda: self.service.reset_password(user.username, v["password"]), done, d)

        d.submitted.connect(submit)
        self.dialog = d
        d.open()
        pw.setFocus()
        return d
