"""The main window: a frame around the screens (intake, worklist, request, today), the scan field, menus
and the status bar with who is working where. It owns no logic of its own beyond routing between screens.

Add-ons (supervision, sync) get the window as a :class:`~frontdesk.ui.shell.Shell`; screens learn about
changed data through :class:`~frontdesk.ui.shell.DataEvents`. Every page sits in a scroll area, so the
window never asks for more than the screen: it opens maximised on a small screen (≤ 1366×768) and sized
to fit otherwise.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import FrontdeskError
from frontdesk.i18n import QT_TRANSLATE_NOOP

from .a11y import announce, plain, say, tie
from .context import AppContext
from .detail import RequestDetailPage
from .intake import IntakePage
from .language import LANGUAGE_NAMES
from .messages import render
from .page import Page
from .services import CounterService
from .shell import DataEvents, Screens
from .supervisor import install as install_supervision
from .sync_panel import attach as attach_sync
from .today import TodayPage
from .widgets import ElidedLabel, Question, message_label
from .worklist import WorklistPage

INTAKE_TAB, WORKLIST_TAB, DETAIL_TAB, TODAY_TAB = 0, 1, 2, 3
ROLE_LABELS = {
    "clerk": QT_TRANSLATE_NOOP("roles", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("roles", "Administrator"),
}
SMALL_SCREEN = (1400, 900)  # at or below this, the window opens maximised
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    lock_requested = Signal()
    change_password_requested = Signal()
    settings_requested = Signal()
    request_opened = Signal(str)
    scan_failed = Signal(str)

    def __init__(self, ctx: AppContext, service: CounterService) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.ctx = ctx
        self.service = service
        self.events = DataEvents(self)
        self.quitting = False
        self.question: Question | None = None
        self.help_dialog: QWidget | None = None
        self._placed = False
        self._titles: dict[int, Callable[[], str]] = {}  # id(page) -> its tab title in the current language
        self.intake = IntakePage(service, ctx.tasks)
        # The worklist, the request page and "today" are built the first time they are needed (their tab,
        # a scan, a shortcut): the window a clerk starts on is the intake page (bench/ui.py, start-up).
        self._worklist: WorklistPage | None = None
        self._detail: RequestDetailPage | None = None
        self._today: TodayPage | None = None
        self.tabs = Screens()
        self.tabs.setObjectName("screens")
        self.tabs.addTab(self.intake, "")
        for _ in range(3):
            self.tabs.addTab(QWidget(), "")  # placeholders, replaced by the pages
        self.banner = QLabel()
        self.banner.setObjectName("demo_banner")
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(ctx.demo)
        # the answer to a scan or a typed receipt number: under the toolbar, never behind its overflow
        self.scan_message = message_label("scan_message")
        self.scan_message.hide()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(self.scan_message)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        scan_box = QWidget()
        scan_row = QHBoxLayout(scan_box)
        scan_row.setContentsMargins(0, 0, 0, 0)
        self.scan_label = QLabel()
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scan_field")
        self.scan_field.setMinimumWidth(160)
        self.scan_field.setMaximumWidth(380)
        self.scan_label.setBuddy(self.scan_field)
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan_field, 1)
        self.toolbar.addWidget(scan_box)
        tie(self.scan_message, self.scan_field)
        self.scan_field.returnPressed.connect(lambda: self.open_request(self.scan_field.text()))

        self.user_label = ElidedLabel("status_user")
        self.statusBar().addPermanentWidget(self.user_label, 1)

        self._make_actions()
        self.sync = attach_sync(self)  # status-bar sync indicator, "Sync now" (F5), health panel
        self.supervision = install_supervision(self)  # supervisors/admins: reassign, workload, dashboard, audit, admin
        self.intake.saved.connect(self.events.requests_changed.emit)
        self.events.requests_changed.connect(self._requests_changed)
        self.events.remote_changes.connect(self._remote_changes)
        self.tabs.currentChanged.connect(self._tab_changed)
        ctx.tasks.problem.connect(lambda p: self.say(p.message, 10_000))
        self.retranslate()
        self.resize(*DEFAULT_SIZE)
        self.intake.nid.setFocus()

    # ------------------------------------------------------------------ the shell (ui/shell.py)
    def add_page(self, page: QWidget, title: Callable[[], str]) -> int:
        self._titles[id(page)] = title
        index = self.tabs.addTab(page, title())
        return index

    def show_page(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
        focus_first = getattr(page, "focus_first", None)
        if callable(focus_first):
            focus_first()
        else:
            page.setFocus()

    def worklist_page(self) -> WorklistPage:
        return self.worklist

    def as_widget(self) -> QWidget:
        return self

    def say(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)
        announce(self.statusBar(), text)

    # ------------------------------------------------------------------ pages built on first use
    @property
    def worklist(self) -> WorklistPage:
        if self._worklist is None:
            self._worklist = WorklistPage(self.service)
            self._worklist.open_request.connect(self.open_request)
            self._put_page(WORKLIST_TAB, self._worklist)
        return self._worklist

    @property
    def detail(self) -> RequestDetailPage:
        if self._detail is None:
            self._detail = RequestDetailPage(self.service, self.ctx.tasks)
            self._detail.changed.connect(lambda no: self.events.requests_changed.emit([no]))
            self._put_page(DETAIL_TAB, self._detail)
        return self._detail

    @property
    def today(self) -> TodayPage:
        if self._today is None:
            self._today = TodayPage(self.service, self.ctx.tasks)
            self._today.open_request.connect(self.open_request)
            self._put_page(TODAY_TAB, self._today)
        return self._today

    def built_worklist(self) -> WorklistPage | None:
        return self._worklist

    def built_detail(self) -> RequestDetailPage | None:
        return self._detail

    def _put_page(self, index: int, page: QWidget) -> None:
        """Put a page in place of its tab's placeholder, keeping the title and the current tab."""
        old_frame = self.tabs.frame(index)  # the placeholder's scroll area, placeholder inside
        current, title = self.tabs.currentIndex(), self.tabs.tabText(index)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if old_frame is not None:
            old_frame.deleteLater()

    def _requests_changed(self, _receipts: list[str]) -> None:
        if self._worklist is not None and self._worklist.loaded_once:
            self._worklist.refresh()
        if self._today is not None and self._today.shown_once:
            self._today.refresh()

    def _remote_changes(self) -> None:
        """A sync cycle pulled changes: refresh what shows requests (the open request included)."""
        self._requests_changed([])
        detail = self._detail
        if detail is not None and detail.view is not None:
            with contextlib.suppress(FrontdeskError):  # gone from this unit: the page keeps what it showed
                detail.show_view(self.service.get_request(detail.view.receipt_no))

    # ------------------------------------------------------------------ menus and shortcuts
    def _action(self, menu_attr: str, slot: object, shortcuts: tuple[str, ...] = (), name: str = "") -> QAction:
        act = QAction(self)
        if shortcuts:
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(slot)
        act.setObjectName(name)
        getattr(self, menu_attr).addAction(act)
        return act

    def _make_actions(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.go_menu = mb.addMenu("")
        self.view_menu = mb.addMenu("")
        self.help_menu = mb.addMenu("")
        self.file_menu.setObjectName("file_menu")
        self.go_menu.setObjectName("go_menu")
        self.view_menu.setObjectName("view_menu")
        self.help_menu.setObjectName("help_menu")
        self.act_password = self._action("file_menu", self.change_password_requested.emit, (), "act_password")
        self.act_settings = self._action("file_menu", self.settings_requested.emit, ("Ctrl+,",), "act_settings")
        self.file_menu.addSeparator()
        self.act_lock = self._action("file_menu", self.lock_requested.emit, ("Ctrl+L",), "act_lock")
        self.act_sign_out = self._action("file_menu", self.ask_sign_out, (), "act_sign_out")
        self.act_quit = self._action("file_menu", self.quit, ("Ctrl+Q",), "act_quit")
        self.act_intake = self._action("go_menu", lambda: self.show_screen(INTAKE_TAB), ("Ctrl+1",), "act_intake")
        self.act_worklist = self._action("go_menu", lambda: self.show_screen(WORKLIST_TAB), ("Ctrl+2",), "act_worklist")
        self.act_detail = self._action("go_menu", lambda: self.show_screen(DETAIL_TAB), ("Ctrl+3",), "act_detail")
        self.act_today = self._action("go_menu", lambda: self.show_screen(TODAY_TAB), ("Ctrl+T",), "act_today")
        self.act_scan = self._action("go_menu", self.focus_scan, ("F2",), "act_scan")
        self.act_bigger = self._action("view_menu", lambda: self.ctx.zoom(+1), ("Ctrl+=", "Ctrl++"), "act_bigger")
        self.act_smaller = self._action("view_menu", lambda: self.ctx.zoom(-1), ("Ctrl+-",), "act_smaller")
        self.act_reset = self._action("view_menu", lambda: self.ctx.zoom(0), ("Ctrl+0",), "act_reset_zoom")
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            act = QAction(name, self)
            act.setCheckable(True)
            act.setObjectName(f"act_lang_{code}")
            act.setProperty("fd_data", True)  # a language's own name is never translated
            act.setChecked(self.ctx.settings.current.language == code)
            act.triggered.connect(lambda _=False, c=code: self.ctx.set_language(c))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act
        self.act_help = self._action("help_menu", self.show_shortcuts, ("F1",), "act_shortcuts")

    def retranslate(self) -> None:
        ws = self.ctx.workstation
        self.setWindowTitle(
            self.tr("frontdesk — {unit}, counter {ws}").format(unit=ws.unit_name, ws=ws.workstation_code)
        )
        self.tabs.setTabText(INTAKE_TAB, self.tr("New request (Ctrl+1)"))
        self.tabs.setTabText(WORKLIST_TAB, self.tr("Worklist (Ctrl+2)"))
        self.tabs.setTabText(DETAIL_TAB, self.tr("Request (Ctrl+3)"))
        self.tabs.setTabText(TODAY_TAB, self.tr("My day (Ctrl+T)"))
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            title = self._titles.get(id(page)) if page is not None else None
            if title is not None:
                self.tabs.setTabText(i, title())
        self.tabs.setAccessibleName(self.tr("Screens"))
        self.banner.setText(
            self.tr("Demo data: this workstation runs with fictitious demo data. Nothing here is a real request.")
        )
        self.scan_label.setText(self.tr("Scan / receipt no. (F2):"))
        say(self.scan_message, "", speak=False)  # it was said in the previous language
        self.scan_field.setPlaceholderText(self.tr("Scan or type, then Enter"))
        self.scan_field.setAccessibleName(plain(self.scan_label.text()).rstrip(":"))
        self.toolbar.setWindowTitle(self.tr("Scan"))
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("H&elp"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.act_password.setText(self.tr("Change &password…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_lock.setText(self.tr("&Lock workstation"))
        self.act_sign_out.setText(self.tr("Sign &out"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_intake.setText(self.tr("&New request"))
        self.act_worklist.setText(self.tr("&Worklist"))
        self.act_detail.setText(self.tr("&Request"))
        self.act_today.setText(self.tr("My &day"))
        self.act_scan.setText(self.tr("&Scan / find receipt"))
        self.act_bigger.setText(self.tr("&Enlarge text"))
        self.act_smaller.setText(self.tr("&Reduce text"))
        self.act_reset.setText(self.tr("&Normal text size"))
        self.act_help.setText(self.tr("&Keyboard shortcuts"))
        a = self.service.actor
        role = QCoreApplication.translate("roles", ROLE_LABELS.get(a.role, a.role))
        self.user_label.set_full_text(
            self.tr("{name} ({role}) · unit {unit} · workstation {ws}").format(
                name=a.full_name, role=role, unit=a.unit_code, ws=a.workstation_code
            )
        )
        for code, act in self.language_actions.items():
            act.setChecked(self.ctx.settings.current.language == code)

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        assert isinstance(event, QEvent)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ size: never more than the screen
    def showEvent(self, event: QShowEvent) -> None:
        if not self._placed:
            self._placed = True
            self.place_on_screen()
        super().showEvent(event)

    def place_on_screen(self) -> None:
        screen = self.screen() or self.ctx.app.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        if avail.width() <= SMALL_SCREEN[0] or avail.height() <= SMALL_SCREEN[1]:
            self.resize(min(self.width(), avail.width()), min(self.height(), avail.height()))
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(min(DEFAULT_SIZE[0], avail.width()), min(DEFAULT_SIZE[1], avail.height()))

    # ------------------------------------------------------------------ routing
    def show_screen(self, index: int) -> None:
        page: QWidget
        if index == WORKLIST_TAB:
            page = self.worklist
        elif index == DETAIL_TAB:
            page = self.detail
        elif index == TODAY_TAB:
            page = self.today
        else:
            page = self.tabs.widget(index) or self.intake
        self.show_page(page)

    def _tab_changed(self, index: int) -> None:
        if index == WORKLIST_TAB:
            fresh = self._worklist is None
            worklist = self.worklist  # built now on the first visit (and loaded when shown)
            if not fresh and worklist.loaded_once:
                worklist.refresh()
        elif index == DETAIL_TAB:
            self.detail.focus_first()
        elif index == TODAY_TAB:
            today = self.today
            if today.shown_once:
                today.refresh()

    # Tab at the window's level: tab bar → the page's stops → scan field → tab bar (and back the same way)
    def focus_out_of_page(self, forward: bool) -> bool:
        """A page's last (first) stop was passed: on to the scan field (back to the tab bar)."""
        target = self.scan_field if forward else self.tabs.tabBar()
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        current = QApplication.focusWidget()
        page = self.tabs.currentWidget()
        stops = page.stops() if isinstance(page, Page) else []
        target: QWidget | None = None
        if current is self.scan_field:
            target = self.tabs.tabBar() if next else (stops[-1] if stops else self.tabs.tabBar())
        elif current is self.tabs.tabBar():
            target = (stops[0] if stops else self.scan_field) if next else self.scan_field
        if target is None:
            return super().focusNextPrevChild(next)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def focus_scan(self) -> None:
        self.scan_field.setFocus()
        self.scan_field.selectAll()

    def open_request(self, text: str) -> bool:
        """Open a request by (scanned or typed) receipt number; say plainly what is wrong otherwise."""
        text = text.strip()
        if not text:
            return False
        try:
            view = self.detail.load(text)
        except FrontdeskError as exc:
            msg = render(exc)
            say(self.scan_message, msg, "error")
            self.statusBar().showMessage(msg, 15_000)
            self.scan_failed.emit(msg)
            return False
        self.scan_field.clear()
        say(self.scan_message, self.tr("Opened {no}.").format(no=view.receipt_no), "ok", speak=False)
        self.tabs.setCurrentWidget(self.detail)
        self.detail.focus_first()
        self.request_opened.emit(view.receipt_no)
        return True

    # ------------------------------------------------------------------ help
    def show_shortcuts(self) -> QWidget:
        from .help import ShortcutsDialog

        self.help_dialog = ShortcutsDialog(self)
        self.help_dialog.show()
        return self.help_dialog

    # ------------------------------------------------------------------ leaving with unsaved work
    def _confirm_leave(self, then: Callable[[], None], action_text: str) -> None:
        """Run ``then`` now, or after the clerk agreed to drop an intake that is not saved."""
        if not self.intake.dirty() or self.intake.busy:
            then()
            return

        def answer(key: str) -> None:
            self.question = None
            if key == "leave":
                self.intake.reset()
                then()
            else:
                self.show_screen(INTAKE_TAB)

        self.question = Question(
            self,
            self.tr("Unsaved request"),
            self.tr("The new request on the intake page is not saved. Go back to it, or discard it?"),
            [
                ("stay", self.tr("Go &back to the request"), QMessageBox.ButtonRole.RejectRole),
                ("leave", action_text, QMessageBox.ButtonRole.DestructiveRole),
            ],
            answer,
            escape_key="stay",
        )
        self.question.open()

    def ask_sign_out(self) -> None:
        self._confirm_leave(self.sign_out_requested.emit, self.tr("&Discard and sign out"))

    def quit(self) -> None:
        def go() -> None:
            self.quitting = True
            self.close()

        self._confirm_leave(go, self.tr("&Discard and quit"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quitting and self.intake.dirty() and self.isVisible():
            event.ignore()  # the window's close button: ask first, as Ctrl+Q does
            self.quit()
            return
        if not self.ctx.tasks.wait_idle(15_000):
            event.ignore()
            self.quitting = False
            self.say(self.tr("Still saving or printing; try again in a moment."), 5000)
            return
        self.sync.stop()  # the background sync ends with the session
        event.accept()
