"""The admin screen's one addition for the desk as a vault: "Unlock sign-in" lifts a lockout (the core
decides and records it; see tests/test_auth.py for the rules)."""

from __future__ import annotations

import pytest

from frontdesk import auth, setup
from frontdesk.errors import AuthenticationFailed
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.supervisor import Supervision

from .conftest import _window

pytestmark = pytest.mark.ui


def test_the_admin_unlocks_a_locked_account(controller, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = controller.ctx.store
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(store, "sporteli2", "gabim-gabim")
    win: MainWindow = _window(controller, qtbot, "admin")
    s = win.supervision
    assert isinstance(s, Supervision) and s.admin is not None
    page = s.admin
    s.actions["admin"].trigger()
    page.refresh()
    assert page.select(page.user_table, "sporteli") and not page.unlock_button.isEnabled()  # not locked
    assert page.select(page.user_table, "sporteli2") and page.unlock_button.isEnabled()
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        page.unlock_button.click()
    assert "sporteli2" in page.message.text() and page.message.property("role") == "ok"
    assert auth.user_info(store, "sporteli2").locked_until is None
    assert auth.authenticate(store, "sporteli2", setup.DEMO_PASSWORD).username == "sporteli2"
