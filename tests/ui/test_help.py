"""Help (issue 12): F1 lists the shortcuts; no two mnemonics (Alt+letter) or shortcuts clash on any page,
menu or dialog, in either language, for either role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from frontdesk import auth, queries, workflow
from frontdesk.ui.controller import AppController
from frontdesk.ui.help import clashes, menu_titles, mnemonic, mnemonics_in, shortcuts_of
from frontdesk.ui.login import ChangePasswordDialog, LoginDialog
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.settings_dialog import SettingsDialog

from .conftest import _window
from .helpers import nid

pytestmark = pytest.mark.ui


def test_f1_lists_the_shortcuts(clerk_window: MainWindow, qtbot) -> None:
    QTest.keyClick(clerk_window.intake.nid, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: clerk_window.help_dialog is not None and clerk_window.help_dialog.isVisible())
    table = clerk_window.help_dialog.table
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    keys = {k for k, _ in rows}
    for expected in ("F1", "F2", "Ctrl+T", "Ctrl+Return", "F4", "Ctrl+N", "Ctrl+D", "Ctrl+1", "Ctrl+Q"):
        assert any(expected in k for k in keys), expected
    assert ("Ctrl+T", "Dita ime") in rows
    clerk_window.help_dialog.accept()


def _letters(texts: list[str]) -> list[tuple[str, str]]:
    return [(m, t) for t in texts if (m := mnemonic(t))]


def _menus(win: QWidget) -> list[QMenu]:
    return [a.menu() for a in win.menuBar().actions() if isinstance(a.menu(), QMenu)]  # type: ignore[attr-defined]


def _open_dialogs(win: MainWindow, qtbot) -> list[QWidget]:
    """Every dialog a user of this window can open, opened."""
    store = win.ctx.store
    actor = auth.actor_for(store, win.service.actor.username)
    out: list[QWidget] = [
        win.show_shortcuts(),
        SettingsDialog(win.ctx, win),
        ChangePasswordDialog(store, win.ctx.tasks, actor.username, parent=win),
    ]
    out += [LoginDialog(store, win.ctx.tasks), LoginDialog(store, win.ctx.tasks, locked_user=actor.username)]
    if win.service.can_work():
        (v,) = workflow.intake(
            store,
            actor,
            workflow.CitizenInput(nid(981), "Dialog (TEST)", None),
            [workflow.IntakeItem("AI-001", ["REQ"])],
        )
        win.open_request(v.receipt_no)
        out += [win.detail.ask_decision("rejected"), win.detail.ask_void()]
        workflow.advance(store, actor, v.receipt_no, "ready")
        win.open_request(v.receipt_no)
        delivery = win.detail.ask_delivery()
        assert delivery is not None
        delivery.by_other.setChecked(True)
        out.append(delivery)
        workflow.deliver(store, actor, v.receipt_no)  # the citizen's own survey, on the counter's prompt
        win.open_request(v.receipt_no)
        out.append(win.detail.ask_survey())
        win.intake.picker.search.setText("AI-001")
        win.intake.choose_service(win.intake.picker.current_choice())
        win.intake.save()
        out.append(win.intake.summary)
    s = win.supervision
    if s is not None and s.reassign is not None:
        win.show_screen(1)
        win.worklist.table.selectRow(0)
        out.append(s.reassign.open_dialog())
    if s is not None and s.admin is not None:
        out += [s.admin.open_add_service(), s.admin.open_add_user()]
    for d in out:
        if d is not None and not d.isVisible():
            d.show()
    QApplication.processEvents()
    return [d for d in out if d is not None]


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("username", ["sporteli", "mbikqyresi", "admin"])
def test_no_mnemonic_or_shortcut_clashes(controller: AppController, qtbot, lang: str, username: str) -> None:
    controller.ctx.set_language(lang)
    win = _window(controller, qtbot, username)
    problems: list[str] = []
    # menus: the menu bar's letters, and each menu's own
    bar = clashes(_letters(menu_titles(win)))
    problems += [f"menu bar: {k} {v}" for k, v in bar.items()]
    for menu in _menus(win):
        acts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        problems += [f"menu {menu.title()}: {k} {v}" for k, v in clashes(_letters(acts)).items()]
    # each page as it is shown, with the menu bar's letters (Alt+letter reaches both)
    titles = menu_titles(win)
    for i in range(win.tabs.count()):
        win.show_screen(i)
        if i == 2 and win.service.can_work():
            no = queries.queue_page(win.ctx.store, queries.QueueFilter(status="received"), limit=1)[0].receipt_no
            win.open_request(no)
        QApplication.processEvents()
        page = win.tabs.widget(i)
        found = clashes(mnemonics_in(page, titles))
        problems += [f"page {page.objectName()}: {k} {v}" for k, v in found.items()]
    # every dialog on its own
    for d in _open_dialogs(win, qtbot):
        problems += [
            f"dialog {d.objectName() or type(d).__name__}: {k} {v}" for k, v in clashes(mnemonics_in(d)).items()
        ]
        d.close()
    # shortcuts: no key does two things in the window
    keys: list[tuple[str, str]] = []
    for act in win.findChildren(QAction):
        if act.isVisible():
            keys += [(s.toString(), act.objectName() or act.text()) for s in act.shortcuts()]
    for sc in win.findChildren(QShortcut):
        owner = sc.parent()
        if isinstance(owner, QWidget) and owner.window() is win and sc.isEnabled():  # a dialog's keys are its own
            keys.append((sc.key().toString(), sc.whatsThis() or owner.objectName()))
    problems += [f"shortcut {k}: {v}" for k, v in clashes(keys).items() if k]
    assert problems == [], "\n".join(problems)


def test_shortcuts_of_reads_the_window(clerk_window: MainWindow) -> None:
    rows = shortcuts_of(clerk_window)
    assert ("F1", "Shkurtoret e tastierës") in rows
    assert all(QKeySequence(k.split(", ")[0]).count() >= 1 for k, _ in rows)
