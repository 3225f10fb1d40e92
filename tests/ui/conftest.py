"""Fixtures of the desktop-app tests: the real screens over a real temporary demo database.

The demo store (catalogue, users with Argon2 hashes, demo requests) is built once per session and
copied per test. Printing is switched off (printer "none"), so the "saved, reprint later" path runs and
the tests do not depend on CUPS (tests/test_printing.py covers real printing).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from frontdesk import auth, setup
from frontdesk.ui.context import AppContext
from frontdesk.ui.controller import AppController
from frontdesk.ui.language import LanguageManager, apply_point_size
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.settings import DEFAULT_POINT_SIZE, SettingsStore, settings_path
from frontdesk.ui.tasks import TaskRunner


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo-template")
    store = setup.open_home(home)
    assert setup.ensure_demo(store)
    store.close()
    return home / setup.DB_NAME


@pytest.fixture
def demo_home(tmp_path: Path, demo_template: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(demo_template, home / setup.DB_NAME)
    return home


@pytest.fixture
def ctx(qapp: QApplication, demo_home: Path) -> Iterator[AppContext]:
    settings = SettingsStore(settings_path(demo_home))
    settings.update(printer="none", language="sq", point_size=DEFAULT_POINT_SIZE)
    languages = LanguageManager(qapp)
    languages.switch("sq")
    apply_point_size(qapp, DEFAULT_POINT_SIZE)
    store = setup.open_home(demo_home)
    tasks = TaskRunner()
    context = AppContext(
        app=qapp,
        store=store,
        settings=settings,
        tasks=tasks,
        languages=languages,
        workstation=setup.workstation_info(store),
        demo=True,
    )
    yield context
    tasks.wait_idle()
    languages.clear()
    apply_point_size(qapp, DEFAULT_POINT_SIZE)
    store.close()
    _dispose(tasks)


@pytest.fixture
def controller(ctx: AppContext) -> Iterator[AppController]:
    c = AppController(ctx)
    yield c
    c.shutdown()
    c.ctx.tasks.wait_idle()
    _dispose(*c.created, c)


def _dispose(*objs: object) -> None:
    """Delete Qt objects while the QApplication is alive (PySide6 crashes at interpreter exit when many
    windows with Python slots are left for the final garbage collection)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    for o in objs:
        if isinstance(o, QObject):
            with contextlib.suppress(RuntimeError):  # already deleted on the C++ side
                o.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    import gc

    gc.collect()


def _window(controller: AppController, qtbot: object, username: str) -> MainWindow:
    actor = auth.actor_for(controller.ctx.store, username)
    win = controller.signed_in(actor)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.activateWindow()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    return win


@pytest.fixture
def clerk_window(controller: AppController, qtbot: object) -> MainWindow:
    return _window(controller, qtbot, "sporteli")


@pytest.fixture
def supervisor_window(controller: AppController, qtbot: object) -> MainWindow:
    return _window(controller, qtbot, "mbikqyresi")
