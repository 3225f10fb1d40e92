"""The main window: a frame around the screens (intake, worklist, request), the scan field, menus and the
status bar with who is working where. It owns no logic of its own beyond routing between screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import FrontdeskError
from frontdesk.i18n import QT_TRANSLATE_NOOP

from .context import AppContext
from .detail import RequestDetailPage
from .intake import IntakePage
from .language import LANGUAGE_NAMES
from .messages import qt_translate
from .services import CounterService
from .supervisor import install as install_supervision
from .sync_panel import attach as attach_sync
from .widgets import data_label, message_label, set_role
from .worklist import WorklistPage

INTAKE_TAB, WORKLIST_TAB, DETAIL_TAB = 0, 1, 2
ROLE_LABELS = {
    "clerk": QT_TRANSLATE_NOOP("roles", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("roles", "Administrator"),
}


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
        self.quitting = False
        self.intake = IntakePage(service, ctx.tasks)
        # The worklist and the request page are built the first time they are needed (their tab, a scan,
        # a shortcut): the window a clerk starts on is the intake page (bench/ui.py, start-up).
        self._worklist: WorklistPage | None = None
        self._detail: RequestDetailPage | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("screens")
        self.tabs.addTab(self.intake, "")
        self.tabs.addTab(QWidget(), "")  # placeholders, replaced by the pages
        self.tabs.addTab(QWidget(), "")
        self.banner = QLabel()
        self.banner.setObjectName("demo_banner")
        self.banner.setProperty("role", "banner")
        self.banner.setVisible(ctx.demo)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.scan_label = QLabel()
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scan_field")
        self.scan_field.setMinimumWidth(300)
        self.scan_field.setMaximumWidth(380)
        self.scan_label.setBuddy(self.scan_field)
        self.scan_message = message_label("scan_message")
        self.scan_message.setWordWrap(False)
        self.toolbar.addWidget(self.scan_label)
        self.toolbar.addWidget(self.scan_field)
        self.toolbar.addWidget(self.scan_message)
        self.scan_field.returnPressed.connect(lambda: self.open_request(self.scan_field.text()))

        self.user_label = data_label("status_user")
        self.user_label.setWordWrap(False)
        self.statusBar().addPermanentWidget(self.user_label)

        self._make_actions()
        self.sync = attach_sync(self)  # status-bar sync indicator, "Sync now" (F5), health panel
        self.supervision = install_supervision(self)  # supervisors/admins: reassign, workload, dashboard, audit, admin
        self.intake.saved.connect(self._visit_saved)
        self.tabs.currentChanged.connect(self._tab_changed)
        ctx.tasks.problem.connect(lambda p: self.statusBar().showMessage(p.message, 10_000))
        self.retranslate()
        self.resize(1200, 780)
        self.intake.nid.setFocus()

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
            self._detail.changed.connect(self._request_changed)
            self._put_page(DETAIL_TAB, self._detail)
        return self._detail

    def built_worklist(self) -> WorklistPage | None:
        return self._worklist

    def built_detail(self) -> RequestDetailPage | None:
        return self._detail

    def _put_page(self, index: int, page: QWidget) -> None:
        """Put a page in place of its tab's placeholder, keeping the title and the current tab."""
        placeholder = self.tabs.widget(index)
        current, title = self.tabs.currentIndex(), self.tabs.tabText(index)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if placeholder is not None:
            placeholder.deleteLater()

    def _visit_saved(self, _receipts: list[str]) -> None:
        if self._worklist is not None and self._worklist.isVisible():
            self._worklist.refresh()

    def _request_changed(self, _receipt_no: str) -> None:
        if self._worklist is not None:
            self._worklist.refresh()

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
        self.act_password = self._action("file_menu", self.change_password_requested.emit, (), "act_password")
        self.act_settings = self._action("file_menu", self.settings_requested.emit, ("Ctrl+,",), "act_settings")
        self.file_menu.addSeparator()
        self.act_lock = self._action("file_menu", self.lock_requested.emit, ("Ctrl+L",), "act_lock")
        self.act_sign_out = self._action("file_menu", self.sign_out_requested.emit, (), "act_sign_out")
        self.act_quit = self._action("file_menu", self.quit, ("Ctrl+Q",), "act_quit")
        self.act_intake = self._action("go_menu", lambda: self.show_screen(0), ("Ctrl+1",), "act_intake")
        self.act_worklist = self._action("go_menu", lambda: self.show_screen(1), ("Ctrl+2",), "act_worklist")
        self.act_detail = self._action("go_menu", lambda: self.show_screen(2), ("Ctrl+3",), "act_detail")
        self.act_scan = self._action("go_menu", self.focus_scan, ("F2",), "act_scan")
        self.act_bigger = self._action("view_menu", lambda: self.ctx.zoom(+1), ("Ctrl+=", "Ctrl++"), "act_bigger")
        self.act_smaller = self._action("view_menu", lambda: self.ctx.zoom(-1), ("Ctrl+-",), "act_smaller")
        self.act_reset = self._action("view_menu", lambda: self.ctx.zoom(0), ("Ctrl+0",), "act_reset_zoom")
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
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

    def retranslate(self) -> None:
        ws = self.ctx.workstation
        self.setWindowTitle(
            self.tr("frontdesk — {unit}, counter {ws}").format(unit=ws.unit_name, ws=ws.workstation_code)
        )
        self.tabs.setTabText(INTAKE_TAB, self.tr("New request (Ctrl+1)"))
        self.tabs.setTabText(WORKLIST_TAB, self.tr("Worklist (Ctrl+2)"))
        self.tabs.setTabText(DETAIL_TAB, self.tr("Request (Ctrl+3)"))
        self.banner.setText(
            self.tr("Demo data: this workstation runs with fictitious demo data. Nothing here is a real request.")
        )
        self.scan_label.setText(self.tr("Scan / receipt no. (F2):"))
        self.scan_message.clear()  # it was said in the previous language
        self.scan_field.setPlaceholderText(self.tr("Scan or type, then Enter"))
        self.scan_field.setAccessibleName(self.tr("Scan or type a receipt number"))
        self.toolbar.setWindowTitle(self.tr("Scan"))
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.act_password.setText(self.tr("Change &password…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_lock.setText(self.tr("&Lock workstation"))
        self.act_sign_out.setText(self.tr("Sign &out"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_intake.setText(self.tr("&New request"))
        self.act_worklist.setText(self.tr("&Worklist"))
        self.act_detail.setText(self.tr("&Request"))
        self.act_scan.setText(self.tr("&Scan / find receipt"))
        self.act_bigger.setText(self.tr("&Enlarge text"))
        self.act_smaller.setText(self.tr("&Reduce text"))
        self.act_reset.setText(self.tr("&Normal text size"))
        a = self.service.actor
        role = QCoreApplication.translate("roles", ROLE_LABELS.get(a.role, a.role))
        self.user_label.setText(
            self.tr("{name} ({role}) · unit {unit} · workstation {ws}").format(
                name=a.full_name, role=role, unit=a.unit_code, ws=a.workstation_code
            )
        )
        for code, act in self.language_actions.items():
            act.setChecked(self.ctx.settings.current.language == code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ routing
    def show_screen(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.widget(index)
        if page is self.intake:
            self.intake.nid.setFocus()
        elif page is self.worklist:
            self.worklist.table.setFocus()
        else:
            self.detail.setFocus()

    def _tab_changed(self, index: int) -> None:
        if index == WORKLIST_TAB:
            fresh = self._worklist is None
            worklist = self.worklist  # built now on the first visit (and loaded when shown)
            if not fresh and worklist.loaded_once:
                worklist.refresh()
        elif index == DETAIL_TAB:
            self.detail.setFocus()

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
            msg = exc.render(qt_translate)
            self.scan_message.setText(msg)
            set_role(self.scan_message, "error")
            self.statusBar().showMessage(msg, 15_000)
            self.scan_failed.emit(msg)
            return False
        self.scan_field.clear()
        self.scan_message.setText(self.tr("Opened {no}.").format(no=view.receipt_no))
        set_role(self.scan_message, "ok")
        self.tabs.setCurrentWidget(self.detail)
        self.request_opened.emit(view.receipt_no)
        return True

    # ------------------------------------------------------------------ closing
    def quit(self) -> None:
        self.quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ctx.tasks.wait_idle(15_000):
            event.ignore()
            self.statusBar().showMessage(self.tr("Still saving or printing; try again in a moment."), 5000)
            return
        self.sync.stop()  # the background sync ends with the session
        event.accept()
