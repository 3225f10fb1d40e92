"""Who is signed in, and what is on screen: sign-in → main window → idle lock → sign-out."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from frontdesk.auth import Actor

from .context import AppContext
from .login import ChangePasswordDialog, IdleWatcher, LoginDialog
from .mainwindow import MainWindow
from .scan import ScanCatcher
from .services import CounterService
from .settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


class AppController(QObject):
    window_shown = Signal(object)  # MainWindow
    locked = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.login: LoginDialog | None = None
        self.lock_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.actor: Actor | None = None
        self.created: list[QObject] = []  # top-level windows made by this controller (for disposal)
        self.idle = IdleWatcher(ctx.settings.current.idle_lock_minutes, self)
        self.idle.pause(True)
        self.idle.idle.connect(self.lock)
        self.scanner = ScanCatcher(self)
        self.scanner.scanned.connect(self._scanned)
        ctx.app.installEventFilter(self.idle)
        ctx.app.installEventFilter(self.scanner)

    def shutdown(self) -> None:
        """Remove the app-wide event filters (tests create several controllers in one QApplication)."""
        self.ctx.app.removeEventFilter(self.idle)
        self.ctx.app.removeEventFilter(self.scanner)
        self.idle.pause(True)
        if self.window is not None:
            self.window.sync.stop()  # no sync thread outlives the controller

    def start(self) -> LoginDialog:
        self.login = LoginDialog(self.ctx.store, self.ctx.tasks, workstation=self.ctx.workstation.workstation_code)
        self.created.append(self.login)
        self.login.signed_in.connect(self.signed_in)
        self.login.rejected.connect(self._login_rejected)
        self.login.show()
        return self.login

    def _login_rejected(self) -> None:
        if self.window is None:
            self.ctx.app.quit()

    def signed_in(self, actor: Actor) -> MainWindow:
        log.info("signed in: %s (%s)", actor.username, actor.role)
        self.actor = actor
        service = CounterService(self.ctx.store, actor, self.ctx.settings)
        win = MainWindow(self.ctx, service)
        win.lock_requested.connect(self.lock)
        win.sign_out_requested.connect(self.sign_out)
        win.change_password_requested.connect(self.change_password)
        win.settings_requested.connect(self.open_settings)
        self.window = win
        self.created.append(win)
        win.show()
        win.intake.nid.setFocus()
        self.idle.set_minutes(self.ctx.settings.current.idle_lock_minutes)
        self.idle.pause(False)
        self.window_shown.emit(win)
        return win

    def _scanned(self, text: str) -> None:
        if self.window is not None and self.lock_dialog is None:
            self.window.open_request(text)

    def lock(self) -> None:
        if self.window is None or self.actor is None or self.lock_dialog is not None:
            return
        log.info("workstation locked (%s)", self.actor.username)
        self.idle.pause(True)
        self.scanner.enabled = False
        dlg = LoginDialog(self.ctx.store, self.ctx.tasks, locked_user=self.actor.username)
        dlg.signed_in.connect(self._unlocked)
        dlg.sign_out_requested.connect(self.sign_out)
        self.lock_dialog = dlg
        self.created.append(dlg)
        self.window.hide()  # nothing of the citizen's data stays on screen while locked
        dlg.show()
        self.locked.emit()

    def _unlocked(self, _actor: Actor) -> None:
        self.lock_dialog = None
        self.scanner.enabled = True
        if self.window is not None:
            self.window.show()
            self.window.activateWindow()
        self.idle.pause(False)

    def sign_out(self) -> None:
        log.info("signed out")
        self.idle.pause(True)
        self.scanner.enabled = True
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
        self.lock_dialog = None
        win, self.window, self.actor = self.window, None, None
        if win is not None:
            win.close()
            win.deleteLater()
        self.start()

    def change_password(self) -> None:
        if self.actor is None or self.window is None:
            return
        dlg = ChangePasswordDialog(self.ctx.store, self.ctx.tasks, self.actor.username, parent=self.window)
        self.password_dialog = dlg
        dlg.open()

    def open_settings(self) -> None:
        if self.window is None:
            return
        dlg = SettingsDialog(self.ctx, self.window)
        dlg.accepted.connect(lambda: self.idle.set_minutes(self.ctx.settings.current.idle_lock_minutes))
        self.settings_dialog = dlg
        dlg.open()
