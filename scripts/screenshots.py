"""Render the desktop app's main screens to docs/screenshots/*.png (offscreen, demo data, sq and en).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Uses the real screens over a temporary demo database; printing is off, so nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk import auth, identity, queries, setup, workflow
from frontdesk.paths import resource
from frontdesk.ui.context import AppContext
from frontdesk.ui.controller import AppController
from frontdesk.ui.language import LanguageManager, apply_point_size
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.settings import SettingsStore, settings_path
from frontdesk.ui.tasks import TaskRunner


def pump(ms: int = 50) -> None:
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)


def save(widget: QWidget, path: Path) -> None:
    pump()
    widget.grab().save(str(path))
    print("wrote", path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", font)))
    app.setFont(QFont("DejaVu Sans"))
    with tempfile.TemporaryDirectory(prefix="frontdesk-shots-") as tmp:
        home = Path(tmp)
        store = setup.open_home(home)
        setup.ensure_demo(store)
        settings = SettingsStore(settings_path(home))
        settings.update(printer="none")
        languages = LanguageManager(app)
        ctx = AppContext(
            app=app,
            store=store,
            settings=settings,
            tasks=TaskRunner(),
            languages=languages,
            workstation=setup.workstation_info(store),
            demo=True,
        )
        apply_point_size(app, settings.current.point_size)
        # one request with a rich history for the detail screen
        clerk = auth.actor_for(store, "sporteli")
        nid = identity.sample_nid(dt.date(1968, 2, 9), "F", 990)
        (req,) = workflow.intake(
            store,
            clerk,
            workflow.CitizenInput(nid, "Dritë Shembulli (DEMO)", "+355 69 000 9999"),
            [workflow.IntakeItem("AI-005", ["ID", "REQ", "PAY"], note="Kopje për pension")],
        )
        workflow.advance(store, clerk, req.receipt_no, "in_progress")
        workflow.add_note(store, clerk, req.receipt_no, "Arkivi konfirmoi dosjen (DEMO)")
        workflow.advance(store, clerk, req.receipt_no, "ready")
        controller = AppController(ctx)
        win = controller.signed_in(clerk)
        win.resize(1280, 820)
        for lang in ("sq", "en"):
            ctx.set_language(lang)
            login = LoginDialog(store, ctx.tasks)
            login.username.setText("sporteli")
            login.password.setText("demo1234")
            login.resize(480, 260)
            login.show()
            save(login, out / f"login-{lang}.png")
            login.close()

            win.show_screen(0)
            page = win.intake
            page.reset()
            page.nid.setText(identity.sample_nid(dt.date(1979, 11, 3), "M", 955))
            page.name.setText("Përparim Provëza (DEMO)")
            page.phone.setText("+355 69 000 1234")
            page.priority.setChecked(True)
            page.picker.search.setText("AI-004")
            choice = page.picker.current_choice()
            assert choice is not None
            page.choose_service(choice)
            page.check_all_documents()
            page.add_another()
            page.picker.search.setText("vertetim")
            choice = page.picker.current_choice()
            if choice is not None:
                page.choose_service(choice)
                if page.documents.count():
                    page.documents.item(0).setCheckState(Qt.CheckState.Checked)
            page.last_visit.setText(f"{req.receipt_no} — 2026-12-07")
            save(win, out / f"intake-{lang}.png")

            win.show_screen(1)
            win.worklist.refresh()
            save(win, out / f"worklist-{lang}.png")

            win.open_request(req.receipt_no)
            save(win, out / f"detail-{lang}.png")
        ctx.tasks.wait_idle()
        assert queries.get_request(store, req.receipt_no).status == "ready"
        # the supervisor's audit trail, paged ("Older entries" below the count)
        ctx.set_language("sq")
        sup = controller.signed_in(auth.actor_for(store, "mbikqyresi"))
        sup.resize(1280, 820)
        audit = sup.supervision.audit if sup.supervision is not None else None
        if audit is not None:
            sup.supervision.actions["audit"].trigger()
            audit.refresh()
            save(sup, out / "supervisor-audit-sq.png")
        # bulk reassignment: three requests selected in the worklist, and the dialog it opens
        reassign = sup.supervision.reassign if sup.supervision is not None else None
        if reassign is not None:
            sup.show_screen(1)
            sup.worklist.refresh()
            table = sup.worklist.table
            table.selectRow(0)
            for row in (1, 2):
                table.selectionModel().select(
                    table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
            save(sup, out / "supervisor-reassign-sq.png")
            dialog = reassign.open_dialog()
            if dialog is not None:
                dialog.resize(560, dialog.sizeHint().height())
                save(dialog, out / "supervisor-reassign-dialog-sq.png")
                dialog.close()
        controller.shutdown()
        sup.close()
        win.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
