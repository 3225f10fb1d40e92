"""Sync in the desktop app, against the real central server (``frontdesk-central serve`` on loopback, SQLite):
the status-bar indicator, "Sync now" (F5), the background worker off the UI thread, remote changes shown
without restart, and the supervisors' sync health panel with plain-language reasons.

The workstation is the demo data directory of the UI tests, enrolled with the server's unit DEMO (token in
the file-backed test keyring of tests/conftest.py) and synced once, so its outbox starts empty.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from frontdesk import auth, queries, receipts, replication, setup
from frontdesk import wire as p
from frontdesk.clock import utcnow, uuid7
from frontdesk.paths import resource
from frontdesk.sync.engine import SyncEngine, SyncReport, enrol
from frontdesk.ui.context import AppContext
from frontdesk.ui.controller import AppController
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.sync_panel import SyncHealthDialog, plain_failure, reject_sentence
from frontdesk.ui.sync_worker import SyncWorker
from tests.central.conftest import Desk, Server, start_server, stop_server

from .helpers import confirm_summary, key, nid
from .test_intake import _fill_citizen, _pick_service

pytestmark = pytest.mark.ui
CTRL = Qt.KeyboardModifier.ControlModifier
UNIT = setup.DEMO_UNIT[0]
TIMEOUT = 30_000
PROVISIONAL = (receipts.STRINGS["sq"]["provisional"], receipts.STRINGS["en"]["provisional"])


# ------------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Server]:
    """The real central server on a loopback port over a SQLite file, with the demo unit."""
    srv = start_server(f"sqlite:///{tmp_path / 'central.db'}", tmp_path / "server.log")
    try:
        srv.publish_catalog(resource("catalog", "demo.json"))
        srv.add_unit(UNIT, "Njësia Administrative Demo (DEMO)")
        yield srv
    finally:
        stop_server(srv)
    assert "Traceback" not in srv.log.read_text(errors="replace"), srv.log.read_text(errors="replace")


@pytest.fixture
def enrolled(ctx: AppContext, central: Server) -> AppContext:
    """The demo workstation, enrolled and synced once (the demo requests and users are on the server: the
    users it offered at enrolment accepted by the central administrator)."""
    from frontdesk.central import accounts

    ctx.settings.update(sync_interval_seconds=3600)  # cycles come from the first start and from F5 only
    offered = enrol(ctx.store, central.url, central.enrol_code(UNIT)).users_offered
    for username in offered:
        accounts.accept_offer(central.db, UNIT, username)
    report = SyncEngine(ctx.store).sync_once()
    assert report.complete and report.rejected == 0
    assert replication.status(ctx.store).pending == 0
    return ctx


def sign_in(controller: AppController, qtbot, username: str) -> MainWindow:
    win = controller.signed_in(auth.actor_for(controller.ctx.store, username))  # disposed by the fixture
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def first_cycle(win: MainWindow, qtbot) -> None:
    """The worker syncs once as soon as the window opens."""
    assert win.sync.worker.running
    qtbot.waitUntil(lambda: win.sync.worker.cycles >= 1 and not win.sync.worker.busy, timeout=TIMEOUT)


def sync_now(win: MainWindow, qtbot) -> None:
    """F5, then wait for the cycle's report on the UI thread."""
    before = win.sync.worker.cycles
    with qtbot.waitSignal(win.sync.cycle_reported, timeout=TIMEOUT):
        QTest.keyClick(win, Qt.Key.Key_F5)
    assert win.sync.worker.cycles > before


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def receipt_text(ctx: AppContext, receipt_no: str) -> tuple[bool, str]:
    with ctx.store.read() as s:
        doc = receipts.load_receipt(s, receipt_no, lang="sq")
    return doc.provisional, pdf_text(receipts.render_receipt(doc, paper="roll80", copy_no=1))


def save_screenshot(win: MainWindow, dlg: SyncHealthDialog, path: Path) -> QImage:
    """The status bar (with the indicator) above the health panel, grabbed offscreen."""
    QApplication.sendPostedEvents()  # pending layout requests of the status bar
    QApplication.processEvents()
    sb = win.statusBar()
    left = max(0, win.sync.indicator.mapTo(sb, win.sync.indicator.rect().topLeft()).x() - 8)
    bar = sb.grab().toImage().copy(left, 0, sb.width() - left, sb.height())  # indicator and user
    panel = dlg.grab().toImage()
    gap = 12
    img = QImage(max(bar.width(), panel.width()), bar.height() + gap + panel.height(), QImage.Format.Format_RGB32)
    img.fill(QColor("#b8b8b8"))
    painter = QPainter(img)
    painter.drawImage(0, 0, bar)
    painter.drawImage(0, bar.height() + gap, panel)
    painter.end()
    assert img.save(str(path))
    return img


def indicator(win: MainWindow) -> tuple[str, str]:
    ind = win.sync.indicator
    return ind.state, ind.text()


# ------------------------------------------------------------------------------------------ tests


def test_not_enrolled_runs_no_sync_and_says_so(clerk_window: MainWindow, qtbot) -> None:
    win = clerk_window
    assert not win.sync.worker.running
    state, text = indicator(win)
    assert state == "not_enrolled"
    assert text == "● Pa lidhje me server qendror"
    QTest.keyClick(win, Qt.Key.Key_F5)  # Sync now: nothing to poke, the clerk is told why
    assert "nuk është i lidhur me një server qendror" in win.statusBar().currentMessage()
    assert not win.sync.worker.running


def test_intake_pending_then_sync_now_acknowledges_and_drops_the_provisional_line(
    enrolled: AppContext, controller: AppController, central: Server, qtbot
) -> None:
    win = sign_in(controller, qtbot, "sporteli")
    first_cycle(win, qtbot)
    assert indicator(win)[0] == "online"
    assert indicator(win)[1].startswith("● Në linjë (sinkronizimi i fundit ")

    # a visit through the intake page: the indicator counts it as soon as it is saved
    page = win.intake
    _fill_citizen(win, qtbot, nid(931), "Sokol Sinkronizimi (TEST)")
    _pick_service(win, "AI-005")
    with qtbot.waitSignal(page.saved, timeout=TIMEOUT) as saved:
        key(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
        confirm_summary(page, qtbot)
    (receipt,) = saved.args[0]
    enrolled.tasks.wait_idle()
    qtbot.waitUntil(lambda: "1 në pritje" in indicator(win)[1], timeout=TIMEOUT)
    assert indicator(win)[0] == "pending"
    assert queries.get_request(enrolled.store, receipt).central_ack is False
    provisional, text = receipt_text(enrolled, receipt)
    assert provisional and "PËRKOHSHËM" in text

    sync_now(win, qtbot)
    state, text = indicator(win)
    assert state == "online", text
    assert "në pritje" not in text and text.startswith("● Në linjë (sinkronizimi i fundit ")
    assert replication.status(enrolled.store).pending == 0
    assert queries.get_request(enrolled.store, receipt).central_ack is True
    assert receipt in central.cli("requests", "--unit", UNIT, "--json").out
    # a reprint after the sync has no provisional line
    provisional, text = receipt_text(enrolled, receipt)
    assert not provisional
    assert receipt.replace("-", "") in text.replace("-", "").replace("\n", "")
    assert "PËRKOHSHËM" not in text and "PROVISIONAL" not in text


def test_server_gone_shows_offline_and_the_ui_stays_responsive(
    enrolled: AppContext, controller: AppController, central: Server, qtbot
) -> None:
    win = sign_in(controller, qtbot, "sporteli")
    first_cycle(win, qtbot)
    port = int(central.url.rsplit(":", 1)[1])
    stop_server(central)
    # the port now answers nothing: connections are queued by the kernel but never served
    hang = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    hang.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    hang.bind(("127.0.0.1", port))
    hang.listen(8)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    try:
        with qtbot.waitSignal(win.sync.worker.cycle_started, timeout=TIMEOUT):
            QTest.keyClick(win, Qt.Key.Key_F5)
        assert win.sync.worker.busy
        assert indicator(win) == ("syncing", "● Po sinkronizohet…")
        timer.start()
        qtbot.wait(600)  # the sync attempt hangs on the network, the UI thread keeps ticking
        assert win.sync.worker.busy
        assert len(ticks) >= 10
        with qtbot.waitSignal(win.sync.cycle_reported, timeout=TIMEOUT):
            hang.close()  # the "server" dies: the hanging connection is reset
    finally:
        timer.stop()
        with contextlib.suppress(OSError):
            hang.close()
    state, text = indicator(win)
    assert state == "offline"
    assert text.startswith("● Pa lidhje: serveri qendror nuk arrihet që nga ")
    assert win.sync.indicator.toolTip() == plain_failure("central server unreachable")
    assert "nuk arrihet" in win.sync.indicator.toolTip()
    assert replication.status(enrolled.store).last_error == "central server unreachable"
    # still fully usable offline: open a request by its number
    no = queries.queue_page(enrolled.store, queries.QueueFilter(), order_by="created_at", descending=True,
                            offset=0, limit=1)[0].receipt_no  # fmt: skip
    assert win.open_request(no)
    # sign-out stops the background sync
    worker = win.sync.worker
    controller.sign_out()
    assert not worker.running


def test_back_office_change_appears_after_the_next_cycle(
    enrolled: AppContext, controller: AppController, central: Server, qtbot
) -> None:
    win = sign_in(controller, qtbot, "sporteli")
    first_cycle(win, qtbot)
    win.show_screen(1)
    row = next(r for r in win.worklist.model.rows if r.status == "received")
    assert win.open_request(row.receipt_no)
    history_before = win.detail.history.topLevelItemCount()
    done = central.cli("advance", row.receipt_no, "in_progress", "--note", "back office (TEST)")
    assert done.code == 0, done.err
    assert {r.receipt_no: r.status for r in win.worklist.model.rows}[row.receipt_no] == "received"
    sync_now(win, qtbot)
    report = win.sync.last_outcome
    assert isinstance(report, SyncReport) and report.pulled >= 1
    # the worklist and the open request show the new status, without a restart
    assert {r.receipt_no: r.status for r in win.worklist.model.rows}[row.receipt_no] == "in_progress"
    assert win.detail.view is not None and win.detail.view.status == "in_progress"
    assert win.detail.history.topLevelItemCount() == history_before + 1
    assert indicator(win)[0] == "online"


def _other_desk_reassigns(ctx: AppContext, central: Server, receipt: str, to: str) -> None:
    """Another desk of the unit reassigns the request on the server (this desk does not know yet)."""
    view = queries.get_request(ctx.store, receipt)
    other = Desk(central, UNIT, "W9")
    r = other.enrol(central.enrol_code(UNIT))
    assert r.status_code == 200, r.text
    ev = p.EventPayload(id=uuid7(), kind="assign", actor="mbikqyresi", workstation="W9", device_time=utcnow(),
                        data={"from": view.assignee, "to": to, "reason": "ngarkesa (TEST)",
                              "base_version": view.version})  # fmt: skip
    op = p.Op(op_id=uuid7(), kind="request.assign", created_at=utcnow(),
              request=p.RequestOpPayload(event=ev, request_id=view.id, receipt_no=view.receipt_no,
                                         version=view.version + 1))  # fmt: skip
    (res,) = other.push([op])
    other.session.close()
    assert res.result == "applied", res


def test_rejected_op_in_the_supervisor_panel_with_plain_reason_hidden_for_a_clerk(
    enrolled: AppContext, controller: AppController, central: Server, qtbot, tmp_path: Path
) -> None:
    win = sign_in(controller, qtbot, "mbikqyresi")
    first_cycle(win, qtbot)
    rows = queries.queue_page(enrolled.store, queries.QueueFilter(status="received"), order_by="created_at",
                              descending=True, offset=0, limit=50)  # fmt: skip
    row = next(r for r in rows if r.assignee == "sporteli")
    receipt = row.receipt_no
    _other_desk_reassigns(enrolled, central, receipt, "sporteli2")
    # the supervisor here reassigns the same request from the version this desk knows: stale centrally
    assert win.open_request(receipt)
    d = win.detail
    d.reassign_to.setCurrentIndex(d.reassign_to.findData("mbikqyresi"))
    d.reassign_reason.setText("ngarkesa (TEST)")
    with qtbot.waitSignal(d.action_finished, timeout=TIMEOUT):
        d.reassign_button.click()
    enrolled.tasks.wait_idle()
    qtbot.waitUntil(lambda: "1 në pritje" in indicator(win)[1], timeout=TIMEOUT)
    assert queries.get_request(enrolled.store, receipt).assignee == "mbikqyresi"
    sync_now(win, qtbot)
    state, text = indicator(win)
    assert state == "error" and text.startswith("● Gabime: 1 të refuzuara · Në linjë ("), text
    (rejected,) = replication.status(enrolled.store).rejected
    assert rejected.reason == "stale" and rejected.receipt_no == receipt
    # the pull brought the server's state: the request is with the colleague the other desk chose,
    # and the open request shows it without a restart
    now = queries.get_request(enrolled.store, receipt)
    assert now.assignee == "sporteli2"
    assert d.view is not None and d.view.assignee == "sporteli2"

    act = win.findChild(type(win.sync.act_health), "act_sync_health")
    assert act is not None and act.isVisible()
    dlg = win.sync.open_health()
    assert isinstance(dlg, SyncHealthDialog)
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 0).text() == receipt
    assert dlg.table.item(0, 1).text() == "Ricaktim"
    sentence = dlg.table.item(0, 3).text()
    assert sentence.startswith("Dikush tjetër e ricaktoi i pari këtë kërkesë; tani është te ")
    assert now.assignee_name and now.assignee_name in sentence
    assert dlg.values["pending"].text() == "0"
    shot = save_screenshot(win, dlg, tmp_path / "sync-panel.png")
    assert shot.width() >= dlg.width() and shot.height() > dlg.height()
    if os.environ.get("FRONTDESK_SCREENSHOTS"):  # scripts: refresh docs/screenshots/sync-panel.png
        shutil.copy(tmp_path / "sync-panel.png", Path(os.environ["FRONTDESK_SCREENSHOTS"]) / "sync-panel.png")
    enrolled.set_language("en")
    sentence = dlg.table.item(0, 3).text()
    assert sentence == (
        f"Someone else reassigned this request first; it is now with {now.assignee_name}. "
        "Check and reassign again if needed."
    )
    assert dlg.dismiss_button.isVisible()
    enrolled.set_language("sq")

    # a clerk at the same desk: no panel (hidden and refused), only a hint to tell a supervisor
    controller.sign_out()
    clerk = sign_in(controller, qtbot, "sporteli")
    qtbot.waitUntil(lambda: clerk.sync.worker.cycles >= 1 and not clerk.sync.worker.busy, timeout=TIMEOUT)
    assert not clerk.sync.act_health.isVisible()
    assert clerk.sync.open_health() is None
    assert "mbikëqyrës" in clerk.statusBar().currentMessage()
    assert "(njoftoni mbikëqyrësin)" in indicator(clerk)[1]
    refused = SyncHealthDialog(clerk.sync, clerk)
    assert not refused.dismiss_button.isVisible()
    refused.table.selectRow(0)
    refused.dismiss_selected()
    assert "Vetëm një mbikëqyrës" in refused.message.text()
    assert len(replication.status(enrolled.store).rejected) == 1

    # back to the supervisor: dismissing (the one write of the panel) clears the list
    controller.sign_out()
    sup = sign_in(controller, qtbot, "mbikqyresi")
    dlg = sup.sync.open_health()
    assert dlg is not None
    dlg.table.selectRow(0)
    assert dlg.dismiss_button.isEnabled()
    with qtbot.waitSignal(dlg.dismissed, timeout=TIMEOUT):
        dlg.dismiss_button.click()
    assert replication.status(enrolled.store).rejected == []
    assert dlg.table.rowCount() == 0 and dlg.none_label.isVisible()


def test_every_reject_reason_has_a_plain_sentence(qapp) -> None:
    from frontdesk.replication import RejectedOp

    reasons = p.RejectReason.__args__  # type: ignore[attr-defined]
    sentences = set()
    for reason in reasons:
        op = RejectedOp(uuid7(), "request.status", "DEMO-W1-000001K", reason, "x", utcnow())
        text = reject_sentence(op, "Arta Provëza (TEST)", "in_progress")
        assert reason not in text and text.endswith(".")
        sentences.add(text)
    assert len(sentences) == len(reasons)


def test_worker_without_enrolment_starts_no_thread(ctx: AppContext) -> None:
    worker = SyncWorker(ctx.store, interval=60)
    assert worker.start() is False
    assert not worker.running and worker.poke() is False
    assert worker.stop() is True
