"""The administration page's dialogs: add a local service, add a user, reset a password. Their texts are
the page's (translation context "AdminPage")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from frontdesk.auth import ROLES

from .admin_form import FormDialog
from .service import parse_documents

if TYPE_CHECKING:
    from .admin import AdminPage


def _role(role: str) -> str:
    from .admin import _role as role_label

    return role_label(role)


def add_service(page: AdminPage) -> FormDialog:
    d = FormDialog(page.window(), "service_dialog")
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
    docs.setPlaceholderText(
        QCoreApplication.translate("AdminPage", "One per line: CODE | Albanian name | English name | optional")
    )
    d.add("documents", docs)
    d.set_texts(
        QCoreApplication.translate("AdminPage", "Add a local service"),
        {
            "code": (
                QCoreApplication.translate("AdminPage", "&Code:"),
                QCoreApplication.translate("AdminPage", "Service code"),
            ),
            "name_sq": (
                QCoreApplication.translate("AdminPage", "Name in Al&banian:"),
                QCoreApplication.translate("AdminPage", "Name in Albanian"),
            ),
            "name_en": (
                QCoreApplication.translate("AdminPage", "Name in &English:"),
                QCoreApplication.translate("AdminPage", "Name in English"),
            ),
            "category": (
                QCoreApplication.translate("AdminPage", "Ca&tegory:"),
                QCoreApplication.translate("AdminPage", "Category"),
            ),
            "fee": (
                QCoreApplication.translate("AdminPage", "&Fee (lekë):"),
                QCoreApplication.translate("AdminPage", "Fee in lekë"),
            ),
            "standard_days": (
                QCoreApplication.translate("AdminPage", "&Standard (working days):"),
                QCoreApplication.translate("AdminPage", "Standard processing time in working days"),
            ),
            "office": (
                QCoreApplication.translate("AdminPage", "&Office:"),
                QCoreApplication.translate("AdminPage", "Office that handles it"),
            ),
            "documents": (
                QCoreApplication.translate("AdminPage", "&Documents:"),
                QCoreApplication.translate("AdminPage", "Documents, one per line"),
            ),
        },
        QCoreApplication.translate("AdminPage", "&Add"),
        QCoreApplication.translate("AdminPage", "Cancel"),
    )

    def submit(v: dict[str, Any]) -> None:
        documents = parse_documents(v["documents"])
        done = QCoreApplication.translate("AdminPage", "Service {code} added.").format(code=v["code"].strip().upper())
        page._run(
            "service_add",
            lambda: page.service.add_local_service(
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
    page.dialog = d
    d.resize(620, 520)
    d.open()
    code.setFocus()
    return d


def add_user(page: AdminPage) -> FormDialog:
    d = FormDialog(page.window(), "user_dialog")
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
        QCoreApplication.translate("AdminPage", "Add a user"),
        {
            "username": (
                QCoreApplication.translate("AdminPage", "&User name:"),
                QCoreApplication.translate("AdminPage", "User name"),
            ),
            "full_name": (
                QCoreApplication.translate("AdminPage", "&Full name:"),
                QCoreApplication.translate("AdminPage", "Full name"),
            ),
            "role": (
                QCoreApplication.translate("AdminPage", "&Role:"),
                QCoreApplication.translate("AdminPage", "Role"),
            ),
            "password": (
                QCoreApplication.translate("AdminPage", "&Temporary password:"),
                QCoreApplication.translate("AdminPage", "Temporary password"),
            ),
        },
        QCoreApplication.translate("AdminPage", "&Add"),
        QCoreApplication.translate("AdminPage", "Cancel"),
    )

    def submit(v: dict[str, Any]) -> None:
        done = QCoreApplication.translate(
            "AdminPage", "User {user} added; they must change the password at the first sign-in."
        ).format(user=v["username"].strip().lower())
        page._run(
            "user_add",
            lambda: page.service.add_user(v["username"], v["role"], v["full_name"], v["password"]),
            done,
            d,
        )

    d.submitted.connect(submit)
    page.dialog = d
    d.open()
    name.setFocus()
    return d


def reset_password(page: AdminPage) -> FormDialog | None:
    user = page.selected_user()
    if user is None:
        return None
    d = FormDialog(page.window(), "reset_dialog")
    pw = QLineEdit()
    pw.setEchoMode(QLineEdit.EchoMode.Password)
    d.add("password", pw)
    d.set_texts(
        QCoreApplication.translate("AdminPage", "Reset the password of {user}").format(user=user.username),
        {
            "password": (
                QCoreApplication.translate("AdminPage", "&Temporary password:"),
                QCoreApplication.translate("AdminPage", "Temporary password"),
            )
        },
        QCoreApplication.translate("AdminPage", "&Reset"),
        QCoreApplication.translate("AdminPage", "Cancel"),
    )

    def submit(v: dict[str, Any]) -> None:
        done = QCoreApplication.translate(
            "AdminPage", "Password of {user} reset; they must change it at the next sign-in."
        ).format(user=user.username)
        page._run("reset_password", lambda: page.service.reset_password(user.username, v["password"]), done, d)

    d.submitted.connect(submit)
    page.dialog = d
    d.open()
    pw.setFocus()
    return d
