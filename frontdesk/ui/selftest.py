"""``frontdesk --self-test``: the real screens, offscreen, against a temporary demo database.

Signs in as the demo clerk through the sign-in dialog (and changes the demo password, as every demo user
must at the first sign-in), saves one visit through the intake page (the same
code path as a clerk's keyboard: the page's fields, service picker, document checklist and ``save``),
checks that a receipt number came back and can be read and rendered, and returns the exit code.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
import time

from PySide6.QtCore import QCoreApplication, QEventLoop

from frontdesk import identity, queries, setup

from .controller import AppController


def _wait(pred: object, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not pred():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    return True


def _fail(msg: str) -> int:
    print(f"self-test: FAILED: {msg}", file=sys.stderr)
    return 1


def self_test(controller: AppController) -> int:
    ctx = controller.ctx
    login = controller.start()
    login.username.setText(setup.DEMO_USERS[0][0])
    login.password.setText(setup.DEMO_PASSWORD)
    login.submit()
    if not _wait(lambda: controller.window is not None or getattr(login, "change_dialog", None) is not None):
        return _fail(f"sign-in did not complete: {login.message.text()}")
    change = getattr(login, "change_dialog", None)
    if controller.window is None and change is not None:  # the demo password must be changed first
        new = "vetetestim-" + secrets.token_hex(6)
        change.new.setText(new)
        change.repeat.setText(new)
        change.submit()
        if not _wait(lambda: controller.window is not None):
            return _fail(f"the forced password change did not complete: {change.message.text()}")
    win = controller.window
    assert win is not None
    page = win.intake
    nid = identity.sample_nid(dt.date(1980, 5, 17), "F", 997)
    page.nid.setText(nid)
    page.name.setText("Vetëtestim Shembulli (DEMO)")
    page.phone.setText("+355 69 000 0000")
    page.picker.search.setText("")
    choice = page.picker.current_choice()
    if choice is None:
        return _fail("the service picker offers no service")
    page.choose_service(choice)
    page.check_all_documents()
    receipts: list[list[str]] = []
    page.saved.connect(receipts.append)
    printed: list[bool] = []
    page.print_finished.connect(printed.append)
    page.save()  # shows the visit's summary; confirming it saves, as Enter does
    if page.summary is None:
        return _fail(f"no summary before saving: {page.message.text()}")
    page.summary.confirm()
    if not _wait(
        lambda: (
            bool(receipts)
            or page.question is not None
            or (not page.busy and page.message.text() and "…" not in page.message.text())
        )
    ):
        return _fail("intake did not finish")
    if not receipts:
        return _fail(f"intake failed: {page.message.text()}")
    no = receipts[0][0]
    view = queries.get_request(ctx.store, no)
    if view.citizen_nid != nid or view.service_code != choice.code:
        return _fail(f"request {no} does not hold what was typed")
    if not _wait(lambda: bool(printed)):
        return _fail("the print job did not report")
    pdf = win.service.render_receipt(no)
    if not pdf.startswith(b"%PDF"):
        return _fail("the receipt did not render as a PDF")
    if not win.open_request(no):
        return _fail(f"scan-to-find could not open {no}")
    print(f"self-test: OK (receipt {no}, {len(pdf)} bytes of PDF, printing {'ok' if printed[0] else 'skipped'})")
    win.close()
    return 0
