"""Supervision and administration screens (issue 6): reassignment from the worklist, workload per clerk,
the performance dashboard, the audit trail, and administration of the catalogue and users.

``install(shell)`` adds what the signed-in role may use to the main window — pages (tabs), a
"Supervision" menu (Workload Ctrl+4, Dashboard Ctrl+5, Audit Ctrl+6, What the citizens say Ctrl+8) and an
"Administration" menu (Ctrl+7) — and nothing for clerks. The core refuses the same calls for the wrong role
anyway. It sees the window only as a :class:`~frontdesk.ui.shell.Shell` (no import of the main window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from .service import SupervisorService

if TYPE_CHECKING:
    from ..shell import Shell

# The pages load only for the roles that see them (a clerk's window never imports QtCharts).


class Supervision(QObject):
    """The supervision/administration part of one main window (its child; follows its language)."""

    def __init__(self, win: Shell) -> None:
        super().__init__(win)  # type: ignore[arg-type]
        self.setObjectName("supervision")
        self.win = win
        ctx = win.ctx
        self.service = SupervisorService(ctx.store, win.service.actor, ctx.settings)
        s = self.service
        self.reassign = self.workload = self.dashboard = self.audit = self.admin = self.citizens = None
        if s.can_reassign():
            from .reassign import WorklistReassign

            self.reassign = WorklistReassign(win.worklist_page(), s, ctx.tasks)
        if s.can_see_workload():
            from .workload import WorkloadPage

            self.workload = WorkloadPage(s, ctx.tasks)
        if s.can_see_dashboard():
            from .dashboard import DashboardPage

            self.dashboard = DashboardPage(s, ctx.tasks)
            from .citizens import CitizensPage

            self.citizens = CitizensPage(s, ctx.tasks)
        if s.can_see_audit():
            from .audit_view import AuditPage

            self.audit = AuditPage(s, ctx.tasks)
        if s.can_administer():
            from .admin import AdminPage

            self.admin = AdminPage(s, ctx.tasks)
        for page, first in (
            (self.workload, "table"),
            (self.dashboard, "date_from"),
            (self.citizens, "date_from"),
            (self.audit, "text"),
            (self.admin, "sections"),
        ):
            if page is not None:
                page.first_focus = getattr(page, first)  # where the keyboard lands when the page is shown
        self.menu: QMenu | None = None
        self.admin_menu: QMenu | None = None
        self.actions: dict[str, QAction] = {}
        supervision = [
            (key, page, keys)
            for key, page, keys in (
                ("workload", self.workload, "Ctrl+4"),
                ("dashboard", self.dashboard, "Ctrl+5"),
                ("audit", self.audit, "Ctrl+6"),
                ("citizens", self.citizens, "Ctrl+8"),
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
        self.win.add_page(page, lambda: self._tab_titles()[key])
        act = QAction(self)
        act.setObjectName(f"act_{key}")
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(lambda _=False, p=page: self.show_page(p))
        menu.addAction(act)
        self.actions[key] = act

    def pages(self) -> list[QWidget]:
        pages = (self.workload, self.dashboard, self.audit, self.citizens, self.admin)
        return [p for p in pages if p is not None]

    def show_page(self, page: QWidget) -> None:
        self.win.show_page(page)  # each page puts the keyboard on its first control (Page.first_focus)

    def open_queue(self, username: str) -> None:
        """The worklist filtered to one clerk's requests ("-": nobody's)."""
        wl = self.win.worklist_page()
        i = wl.assignee.findData(username)
        if i < 0:
            return
        wl.assignee.setCurrentIndex(i)
        wl.apply_filters()
        self.win.show_page(wl)

    def _tab_titles(self) -> dict[str, str]:
        return {
            "workload": self.tr("Workload (Ctrl+4)"),
            "dashboard": self.tr("Dashboard (Ctrl+5)"),
            "audit": self.tr("Audit (Ctrl+6)"),
            "citizens": self.tr("Citizens (Ctrl+8)"),
            "admin": self.tr("Administration (Ctrl+7)"),
        }

    def retranslate(self) -> None:
        texts = {
            "workload": self.tr("&Workload"),
            "dashboard": self.tr("&Dashboard"),
            "audit": self.tr("&Audit trail"),
            "citizens": self.tr("What the &citizens say"),
            "admin": self.tr("&Catalogue and users"),
        }
        for key, action in texts.items():
            if key in self.actions:
                self.actions[key].setText(action)
        if self.menu is not None:
            self.menu.setTitle(self.tr("S&upervision"))
        if self.admin_menu is not None:
            self.admin_menu.setTitle(self.tr("Ad&ministration"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.win and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install(win: Shell) -> Supervision:
    return Supervision(win)


__all__ = [
    "AdminPage",
    "AuditPage",
    "CitizensPage",
    "DashboardPage",
    "ReassignDialog",
    "Supervision",
    "SupervisorService",
    "WorklistReassign",
    "WorkloadPage",
    "install",
]
