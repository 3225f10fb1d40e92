"""The desktop app's entry point: ``run(home, self_test=False) -> exit code``.

Start-up: logging to a rotating file, a calm crash dialog, the store (demo data on an empty first start,
said visibly), the translator and text size from the settings, then sign-in and the main window.
``--self-test`` runs offscreen against a temporary database: signs in as the demo clerk through the real
sign-in dialog, saves one intake through the real intake page, checks the receipt number, renders the
receipt PDF and exits 0 (non-zero on any failure).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from frontdesk import paths

log = logging.getLogger("frontdesk.ui")
LOG_FILE = "frontdesk.log"


def setup_logging(directory: Path, *, level: int = logging.INFO) -> Path:
    """Rotating log file (2 MB × 5). Only receipt numbers identify requests in it — no names, no NIDs."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_frontdesk", False):
            root.removeHandler(h)
            h.close()
    from frontdesk.private import PrivateRotatingFileHandler  # 0600 in a 0700 directory

    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    handler._frontdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def install_excepthook(*, interactive: bool, failures: list[str] | None = None) -> None:
    """Uncaught exceptions: log the traceback; show a calm dialog (or record the failure in self-test)."""

    def hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(etype, value, tb))
        log.critical("uncaught exception:\n%s", text)
        if failures is not None:
            failures.append(text)
        if not interactive:
            return
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("app", "Something went wrong"),
            QCoreApplication.translate(
                "app",
                "An unexpected error happened. What was already saved is safe; nothing was "
                "half-written. The details are in the log file:\n{path}\n\n"
                "Please tell IT what you were doing.",
            ).format(path=paths.log_dir() / LOG_FILE),
        )
        box.exec()

    sys.excepthook = hook


def preload_core() -> None:
    """Import the core and its libraries (SQLAlchemy, Argon2) before PySide6.

    Once PySide6 is loaded, its import hook (shibokensupport's ``__feature__`` check) reads the source
    of every module imported after it to see whether it uses PySide6: the ~600 modules of the core's
    libraries cost ~0.1 s of start-up that way, for nothing. Imported first, they are not looked at."""
    from frontdesk import auth, catalog, deadlines, queries, setup, workflow  # noqa: F401


def run(home: Path | None, *, self_test: bool = False) -> int:
    """Start the desktop app (or its self-test). Returns the process exit code."""
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        with tempfile.TemporaryDirectory(prefix="frontdesk-selftest-") as tmp:
            return _run(Path(tmp), self_test=True, log_directory=Path(tmp) / "logs")
    return _run(home, self_test=False, log_directory=paths.log_dir())


def _run(home: Path | None, *, self_test: bool, log_directory: Path) -> int:
    t0 = time.perf_counter()
    log_path = setup_logging(log_directory)
    failures: list[str] = []
    install_excepthook(interactive=not self_test, failures=failures)
    preload_core()
    from PySide6.QtWidgets import QApplication

    from frontdesk import setup

    from .context import AppContext
    from .controller import AppController
    from .language import LanguageManager, apply_point_size
    from .settings import SettingsStore, settings_path
    from .tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("frontdesk")
    app.setOrganizationName("frontdesk")
    app.setApplicationDisplayName("frontdesk")
    home_dir = paths.data_home(home)
    settings = SettingsStore(settings_path(home_dir))
    if self_test:
        settings.update(printer="none")
    if settings.current.data_dir != str(home_dir):
        settings.update(data_dir=str(home_dir))
    languages = LanguageManager(app)
    languages.switch(settings.current.language)
    apply_point_size(app, settings.current.point_size)
    try:
        from frontdesk.dbkey import FileKeys

        # The self-test's database lives and dies in a temporary directory: so does its key (no keyring entry).
        store = setup.open_home(home_dir, keys=FileKeys(home_dir / "keys") if self_test else None)
        demo = setup.ensure_demo(store)
        if demo:
            log.info("empty data directory: demo data created in %s", home_dir)
        ctx = AppContext(
            app=app,
            store=store,
            settings=settings,
            tasks=TaskRunner(app),
            languages=languages,
            workstation=setup.workstation_info(store),
            demo=demo or _is_demo(store),
        )
    except Exception as exc:  # the store could not be opened: say so plainly, log the rest
        log.exception("could not open the data directory %s", home_dir)
        if self_test:
            print(f"self-test: FAILED to open the store: {exc}", file=sys.stderr)
            return 2
        _fatal(app, home_dir, exc)
        return 2
    log.info(
        "frontdesk UI starting (data %s, log %s, %.0f ms)",
        home_dir,
        log_path,
        (time.perf_counter() - t0) * 1000,
    )
    controller = AppController(ctx)
    if self_test:
        from .selftest import self_test as run_self_test

        code = run_self_test(controller)
        if failures:
            print("self-test: uncaught exception:\n" + failures[-1], file=sys.stderr)
            code = code or 1
        ctx.tasks.wait_idle()
        store.close()
        return code
    controller.start()
    code = app.exec()
    ctx.tasks.wait_idle()
    from .sync_worker import wait_for_all

    wait_for_all()  # a sync thread still finishing a network call, before the store closes
    store.close()
    log.info("frontdesk UI stopped (%d)", code)
    return int(code)


def _is_demo(store: Any) -> bool:
    from frontdesk import setup

    try:
        return bool(setup.workstation_info(store).unit_code == setup.DEMO_UNIT[0])
    except Exception:
        return False


def _fatal(app: Any, home: Path, exc: BaseException) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from frontdesk.errors import FrontdeskError

    # a user-fixable problem (the database key not on this computer, a wrong key) in its own words
    error = exc.render(QCoreApplication.translate) if isinstance(exc, FrontdeskError) else type(exc).__name__
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "frontdesk cannot start"),
        QCoreApplication.translate(
            "app",
            "The data directory {path} could not be opened: {error}\n\nThe details are in the log file.",
        ).format(path=home, error=error),
    )
