"""Render the desktop app's screens to docs/screenshots/*.png (offscreen, demo data, sq and en).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Uses the real screens over a temporary demo database on a 1366×768 offscreen screen (a counter monitor),
and the intake once more at 200 % text; printing is off, so nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

SCREEN = (1366, 768)
_SCREEN_FILE = Path(tempfile.gettempdir()) / "frontdesk-screenshots-screen.json"
_SCREEN_FILE.write_text(
    '{"screens": [{"name": "counter", "x": 0, "y": 0, "width": %d, "height": %d, "logicalDpi": 96, "dpr": 1}]}'
    % SCREEN
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN_FILE}")

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


def fill_intake(win: object, last_receipt: str) -> None:
    """The intake page half-way through a visit of two services (the second with one document)."""
    win.show_screen(0)  # type: ignore[attr-defined]
    page = win.intake  # type: ignore[attr-defined]
    page.reset()
    page.nid.setText(identity.sample_nid(dt.date(1979, 11, 3), "M", 955))
    page.name.setText("Përparim Provëza (DEMO)")
    page.phone.setText("+355 69 000 1234")
    page.email.setText("perparim.proveza@shembull.example")
    page.consent.setChecked(True)
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
    page.last_visit.setText(f"{last_receipt} — 07.12.2026")


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
        win.resize(*SCREEN)
        for lang in ("sq", "en"):
            ctx.set_language(lang)
            login = LoginDialog(store, ctx.tasks)
            login.username.setText("sporteli")
            login.password.setText("demo1234")
            login.resize(480, 260)
            login.show()
            save(login, out / f"login-{lang}.png")
            login.close()

            fill_intake(win, req.receipt_no)
            save(win, out / f"intake-{lang}.png")

            win.show_screen(1)
            win.worklist.assignee.setCurrentIndex(win.worklist.assignee.findData(""))
            win.worklist.refresh()
            save(win, out / f"worklist-{lang}.png")

            win.open_request(req.receipt_no)
            save(win, out / f"detail-{lang}.png")

            win.show_screen(3)
            ctx.tasks.wait_idle()
            save(win, out / f"today-{lang}.png")
        ctx.set_language("sq")
        # the visit's summary before saving, the delivery dialog, the shortcuts (F1)
        fill_intake(win, req.receipt_no)
        win.intake.save()
        summary = win.intake.summary
        if summary is not None:
            summary.resize(560, summary.sizeHint().height())
            save(summary, out / "summary-sq.png")
            summary.reject()
        win.open_request(req.receipt_no)
        delivery = win.detail.ask_delivery()
        if delivery is not None:
            delivery.by_other.setChecked(True)
            delivery.resize(520, delivery.sizeHint().height())
            save(delivery, out / "delivery-sq.png")
            delivery.reject()
        help_dialog = win.show_shortcuts()
        save(help_dialog, out / "shortcuts-sq.png")
        help_dialog.close()
        # 200 % text on the same 1366×768 screen: the pages scroll instead of outgrowing it
        apply_point_size(app, settings.current.point_size * 2)
        fill_intake(win, req.receipt_no)
        save(win, out / "intake-200-sq.png")
        apply_point_size(app, settings.current.point_size)
        win.intake.reset()
        ctx.tasks.wait_idle()
        assert queries.get_request(store, req.receipt_no).status == "ready"
        # delivered: the counter's survey prompt the citizen answers (issue 14)
        workflow.deliver(store, auth.actor_for(store, "sporteli"), req.receipt_no, rating=5)
        win.open_request(req.receipt_no)
        survey = win.detail.ask_survey()
        if survey is not None:
            survey.kept.yes.setChecked(True)
            survey.clear.yes.setChecked(True)
            survey.overall_buttons[4].setChecked(True)
            survey.resize(560, survey.sizeHint().height())
            save(survey, out / "survey-counter-sq.png")
            survey.choose(4, kept=True, clear=True, comment="Shpejt dhe qartë.")
            ctx.tasks.wait_idle()
        # the supervisor's audit trail, paged ("Older entries" below the count)
        ctx.set_language("sq")
        sup = controller.signed_in(auth.actor_for(store, "mbikqyresi"))
        sup.resize(*SCREEN)
        s = sup.supervision
        if s is not None and s.workload is not None:
            s.actions["workload"].trigger()
            s.workload.refresh()
            save(sup, out / "supervisor-workload-sq.png")
        if s is not None and s.dashboard is not None:
            s.actions["dashboard"].trigger()
            s.dashboard.compute()
            ctx.tasks.wait_idle()
            save(sup, out / "supervisor-dashboard-sq.png")
        if s is not None and s.citizens is not None:
            s.actions["citizens"].trigger()
            s.citizens.compute()
            ctx.tasks.wait_idle()
            pump(200)
            save(sup, out / "supervisor-citizens-sq.png")
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
