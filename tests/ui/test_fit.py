"""Fits every counter monitor (issue 12): after every page has been visited the window never asks for more
than 1024×600 at 100 % text, nor more than 1366×768 at 200 %; each page is usable at 1366×768 without
scrolling sideways at 100 %, and the intake page without scrolling at all; on a small screen the window
opens maximised within the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from frontdesk import queries
from frontdesk.ui.controller import AppController
from frontdesk.ui.language import apply_point_size
from frontdesk.ui.settings import DEFAULT_POINT_SIZE

from .conftest import _window

pytestmark = pytest.mark.ui
ROLES = ["sporteli", "mbikqyresi", "admin"]


def _visit_every_page(win) -> None:  # type: ignore[no-untyped-def]
    for i in range(win.tabs.count()):
        win.show_screen(i)
        if i == 2:
            no = queries.queue_page(win.ctx.store, queries.QueueFilter(status="received"), limit=1)[0].receipt_no
            win.open_request(no)
        QApplication.processEvents()


def _fits(size: QSize, width: int, height: int) -> bool:
    return size.width() <= width and size.height() <= height


@pytest.mark.parametrize("username", ROLES)
def test_window_never_asks_for_more_than_the_screen(controller: AppController, qtbot, username: str) -> None:
    app = controller.ctx.app
    win = _window(controller, qtbot, username)
    _visit_every_page(win)
    assert _fits(win.minimumSizeHint(), 1024, 600), win.minimumSizeHint()
    assert _fits(win.minimumSize(), 1024, 600), win.minimumSize()
    try:
        apply_point_size(app, DEFAULT_POINT_SIZE * 2)  # 200 % text
        _visit_every_page(win)
        assert _fits(win.minimumSizeHint(), 1366, 768), win.minimumSizeHint()
    finally:
        apply_point_size(app, DEFAULT_POINT_SIZE)


@pytest.mark.parametrize("username", ROLES)
def test_pages_fit_1366_wide_and_the_intake_fits_1366x768(controller: AppController, qtbot, username: str) -> None:
    win = _window(controller, qtbot, username)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1366, 768)
    _visit_every_page(win)
    too_wide = []
    for i in range(win.tabs.count()):
        win.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        frame, page = win.tabs.frame(i), win.tabs.widget(i)
        viewport = frame.viewport().width()  # type: ignore[attr-defined]
        if page.minimumSizeHint().width() > viewport:
            too_wide.append((page.objectName(), page.minimumSizeHint().width(), viewport))
    assert too_wide == []
    win.show_screen(0)
    QApplication.processEvents()
    frame = win.tabs.frame(0)
    assert not frame.verticalScrollBar().isVisible()  # type: ignore[attr-defined]
    assert win.intake.save_button.visibleRegion().boundingRect().size() == win.intake.save_button.size()


def test_small_screen_opens_maximised_within_it(clerk_window) -> None:  # type: ignore[no-untyped-def]
    avail = clerk_window.screen().availableGeometry()
    if avail.width() > 1400 and avail.height() > 900:
        pytest.skip("the test screen is large")  # the offscreen screen of the tests is 800×600
    assert clerk_window.windowState() & Qt.WindowState.WindowMaximized
    assert clerk_window.width() <= avail.width() and clerk_window.height() <= avail.height()
