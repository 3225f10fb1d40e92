"""Sign-in, password change and the idle lock.

Authentication (Argon2, deliberately slow) runs through the task runner; the core decides everything:
wrong password, lockout "until when", deactivated accounts, and whether the password must be changed.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import auth
from frontdesk.auth import Actor
from frontdesk.db import Store

from .a11y import plain, say, tie
from .messages import Problem
from .page import Dialog
from .tasks import TaskRunner
from .widgets import message_label


def _label(role: str) -> QLabel:
    lbl = QLabel()
    lbl.setProperty("role", role)
    lbl.setWordWrap(True)
    return lbl


class LoginDialog(Dialog):
    """User name + password. With ``locked_user`` it is the idle-lock screen: same user, password only,
    plus "Sign out" to hand the workstation to someone else."""

    signed_in = Signal(object)  # Actor
    sign_out_requested = Signal()

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        *,
        locked_user: str | None = None,
        workstation: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.locked_user = locked_user
        self.workstation = workstation
        self.actor: Actor | None = None
        self.setModal(True)
        self.setMinimumWidth(420)

        self.heading = _label("heading")
        self.intro = _label("")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label("login_message")  # hidden while empty; tied to the password, announced
        self.message.hide()
        tie(self.message, self.password)
        if locked_user:
            self.username.setText(locked_user)
            self.username.setReadOnly(True)

        self.user_label = QLabel()
        self.user_label.setBuddy(self.username)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)

        self.buttons = QDialogButtonBox()
        self.sign_in = QPushButton()
        self.sign_in.setDefault(True)
        self.buttons.addButton(self.sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out = QPushButton()
        self.quit = QPushButton()
        if locked_user:
            self.buttons.addButton(self.sign_out, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.sign_out.clicked.connect(self._sign_out)
        else:
            self.buttons.addButton(self.quit, QDialogButtonBox.ButtonRole.RejectRole)
            self.quit.clicked.connect(self.reject)
        self.sign_in.clicked.connect(self.submit)

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.retranslate()
        (self.password if locked_user else self.username).setFocus()

    def retranslate(self) -> None:
        locked = bool(self.locked_user)
        self.setWindowTitle(self.tr("frontdesk — locked") if locked else self.tr("frontdesk — sign in"))
        self.heading.setText(self.tr("Workstation locked") if locked else self.tr("Sign in"))
        self.intro.setText(
            self.tr("The workstation was locked after a period without activity. Enter your password to continue.")
            if locked
            else self.tr("One-stop-shop counter. Sign in with your user name and password.")
        )
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.username.setAccessibleName(plain(self.user_label.text()).rstrip(":"))
        self.password.setAccessibleName(plain(self.password_label.text()).rstrip(":"))
        self.sign_in.setText(self.tr("&Sign in"))
        self.sign_out.setText(self.tr("Sign &out"))
        self.quit.setText(self.tr("&Quit"))

    def _sign_out(self) -> None:
        self._signing_out = True
        self.sign_out_requested.emit()
        self.reject()

    def reject(self) -> None:
        if self.locked_user and not getattr(self, "_signing_out", False):
            return  # Escape never uncovers a locked workstation
        super().reject()

    def submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            say(self.message, self.tr("Enter your user name and password."), "error")
            return
        self.sign_in.setEnabled(False)
        say(self.message, self.tr("Checking…"), "", speak=False)
        store = self.store

        def work() -> tuple[Actor, bool]:
            actor = auth.authenticate(store, username, password)
            return actor, auth.user_info(store, username).must_change_password

        self.tasks.run("sign-in", work, on_success=self._ok, on_failure=self._failed)

    def _failed(self, problem: Problem) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        say(self.message, problem.message, "error")

    def _ok(self, result: tuple[Actor, bool]) -> None:
        actor, must_change = result
        self.sign_in.setEnabled(True)
        if self.locked_user and actor.username != self.locked_user:
            say(self.message, self.tr("Only the signed-in user can unlock."), "error")
            return
        if must_change:
            dlg = ChangePasswordDialog(
                self.store,
                self.tasks,
                actor.username,
                forced=True,
                old_password=self.password.text(),
                parent=self,
            )
            dlg.finished.connect(lambda code: self._after_change(actor, code))
            self.change_dialog = dlg
            dlg.open()
            return
        self._done(actor)

    def _after_change(self, actor: Actor, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self._done(actor)
        else:
            say(self.message, self.tr("You must choose a new password before you can work."), "error")

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.signed_in.emit(actor)
        self.accept()


class ChangePasswordDialog(Dialog):
    """Voluntary (menu) or forced (after an admin reset) password change; the core checks the rules."""

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        username: str,
        *,
        forced: bool = False,
        old_password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.username = username
        self.forced = forced
        self.setModal(True)
        self.intro = _label("")
        self.old = QLineEdit(old_password)
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for w, name in (
            (self.old, "old_password"),
            (self.new, "new_password"),
            (self.repeat, "repeat_password"),
        ):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setObjectName(name)
        self.old_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.old_label.setBuddy(self.old)
        self.new_label.setBuddy(self.new)
        self.repeat_label.setBuddy(self.repeat)
        form = QFormLayout()
        form.addRow(self.old_label, self.old)
        form.addRow(self.new_label, self.new)
        form.addRow(self.repeat_label, self.repeat)
        self.message = message_label("password_message")
        self.message.hide()
        tie(self.message, self.new)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.retranslate()
        (self.new if old_password else self.old).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        self.intro.setText(
            self.tr("Your password was reset: choose a new one of at least 8 characters.")
            if self.forced
            else self.tr("Choose a new password of at least 8 characters.")
        )
        self.old_label.setText(self.tr("&Current password:"))
        self.new_label.setText(self.tr("&New password:"))
        self.repeat_label.setText(self.tr("&Repeat new password:"))
        self.old.setAccessibleName(plain(self.old_label.text()).rstrip(":"))
        self.new.setAccessibleName(plain(self.new_label.text()).rstrip(":"))
        self.repeat.setAccessibleName(plain(self.repeat_label.text()).rstrip(":"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change pass&word"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            say(self.message, self.tr("The two new passwords differ."), "error")
            return
        store, user, old, new = self.store, self.username, self.old.text(), self.new.text()
        self.buttons.setEnabled(False)
        self.tasks.run(
            "change-password",
            lambda: _change_password(store, user, old, new),
            on_success=self._ok,
            on_failure=self._failed,
        )

    def _ok(self, _result: Any) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, problem: Problem) -> None:
        self.buttons.setEnabled(True)
        say(self.message, problem.message, "error")


def _change_password(store: Store, username: str, old: str, new: str) -> None:
    """On the task's thread: locally on an unenrolled desk, online through the central system on an enrolled
    one (the HTTP stack loads here, not at start-up)."""
    from frontdesk.sync.accounts import change_password

    change_password(store, username, old, new)


class IdleWatcher(QObject):
    """App-wide event filter: any key or mouse input restarts the countdown; at zero, ``idle`` fires."""

    idle = Signal()
    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.paused = False
        self._last_restart = 0.0
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.stop()
        self.timer.setInterval(max(0, minutes) * 60_000)
        if minutes > 0 and not self.paused:
            self.timer.start(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """For tests: a shorter countdown."""
        self.minutes = max(1, ms // 60_000)
        self.timer.start(ms)

    def pause(self, paused: bool) -> None:
        self.paused = paused
        if paused:
            self.timer.stop()
        elif self.minutes > 0:
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and not self.paused and self.minutes > 0:
            now = time.monotonic()
            if now - self._last_restart > 0.5:  # restarting a QTimer on every mouse move is wasteful
                self._last_restart = now
                self.timer.start()
        return False
