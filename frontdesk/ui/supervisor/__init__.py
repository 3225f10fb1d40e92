"""Supervision and administration screens (issue 6): reassignment from the worklist, workload per clerk,
the performance dashboard, the audit trail, and administration of the catalogue and users.

``install(window)`` adds what the signed-in role may use to the main window — pages (tabs), a
"Supervision" menu (Workload Ctrl+4, Dashboard Ctrl+5, Audit Ctrl+6) and an "Administration" menu
(Ctrl+7) — and nothing for clerks. The core refuses the same calls for the wrong role anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from .service import SupervisorService

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

# The pages load only for the roles that see them (a clerk's window never imports QtCharts).


class Supervision(QObject):
    """The supervision/administration part of one main window (its child; follows its language)."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.setObjectName("supervision")
        self.win = win
        ctx = win.ctx
        self.service = SupervisorService(ctx.store, win.service.actor, ctx.settings)
        s = self.service
        self.reassign = self.workload = self.dashboard = self.audit = self.admin = None
        if s.can_reassign():
            from .reassign import WorklistReassign

            self.reassign = WorklistReassign(win.worklist, s, ctx.tasks)
        if s.can_see_workload():
            from .workload import WorkloadPage

            self.workload = WorkloadPage(s, ctx.tasks)
        if s.can_see_dashboard():
            from .dashboard import DashboardPage

            self.dashboard = DashboardPage(s, ctx.tasks)
        if s.can_see_audit():
            from .audit_view import AuditPage

            self.audit = AuditPage(s, ctx.tasks)
        if s.can_administer():
            from .admin import AdminPage

            self.admin = AdminPage(s, ctx.tasks)
        self.menu: QMenu | None = None
        self.admin_menu: QMenu | None = None
        self.actions: dict[str, QAction] = {}
        supervision = [
            (key, page, keys)
            for key, page, keys in (
                ("workload", self.workload, "Ctrl+4"),
                ("dashboard", self.dashboard, "Ctrl+5"),
                ("audit", self.audit, "Ctrl+6"),
            )
            if page is not None
        ]
        if supervision:
            self.menu = win.menuBar().addMenu("")
            self.menu.setObjectName("supervision_menu")
            for key, page, keys in supervision:
                self._add(self.menu, key, page, keys)
        if self.admin is not None:
            self.admin_menu = win.menuBar().addMenu("")
            self.admin_menu.setObjectName("admin_menu")
            self._add(self.admin_menu, "admin", self.admin, "Ctrl+7")
        if self.workload is not None:
            self.workload.open_queue.connect(self.open_queue)
        win.installEventFilter(self)
        self.retranslate()

    def _add(self, menu: QMenu, key: str, page: QWidget, keys: str) -> None:
        self.win.tabs.addTab(page, "")
        act = QAction(self.win)
        act.setObjectName(f"act_{key}")
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(lambda _=False, p=page: self.show_page(p))
        menu.addAction(act)
        self.actions[key] = act

    def pages(self) -> list[QWidget]:
        return [p for p in (self.workload, self.dashboard, self.audit, self.admin) if p is not None]

    def show_page(self, page: QWidget) -> None:
        self.win.tabs.setCurrentWidget(page)
        page.setFocus()
        focus: QWidget | None = None
        if page is self.workload and self.workload is not None:
            focus = self.workload.table
        elif page is self.dashboard and self.dashboard is not None:
            focus = self.dashboard.date_from
        elif page is self.audit and self.audit is not None:
            focus = self.audit.text
        elif page is self.admin and self.admin is not None:
            focus = self.admin.sections
        if focus is not None:
            focus.setFocus()

    def open_queue(self, username: str) -> None:
        """The worklist filtered to one clerk's requests ("-": nobody's)."""
        wl = self.win.worklist
        i = wl.assignee.findData(username)
        if i < 0:
            return
        wl.assignee.setCurrentIndex(i)
        wl.apply_filters()
        self.win.show_screen(self.win.tabs.indexOf(wl))

    def retranslate(self) -> None:
        tabs = self.win.tabs
        texts = {
            "workload": (self.tr("Workload (Ctrl+4)"), self.tr("&Workload")),
            "dashboard": (self.tr("Dashboard (Ctrl+5)"), self.tr("&Dashboard")),
            "audit": (self.tr("Audit (Ctrl+6)"), self.tr("&Audit trail")),
            "admin": (self.tr("Administration (Ctrl+7)"), self.tr("&Catalogue and users")),
        }
        pages = {"workload": self.workload, "dashboard": self.dashboard, "audit": self.audit, "admin": self.admin}
        for key, (tab, action) in texts.items():
            page = pages[key]
            if page is not None:
                tabs.setTabText(tabs.indexOf(page), tab)
                self.actions[key].setText(action)
        if self.menu is not None:
            self.menu.setTitle(self.tr("S&upervision"))
        if self.admin_menu is not None:
            self.admin_menu.setTitle(self.tr("Ad&ministration"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.win and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install(win: MainWindow) -> Supervision:
    return Supervision(win)


__all__ = [
    "AdminPage",
    "AuditPage",
    "DashboardPage",
    "ReassignDialog",
    "Supervision",
    "SupervisorService",
    "WorklistReassign",
    "WorkloadPage",
    "install",
]
