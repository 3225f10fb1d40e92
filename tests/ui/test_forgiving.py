"""Forgiving (issue 12): final decisions ask a reason and a confirmation, a clerk voids an intake saved by
mistake, an unsaved intake is not lost by quitting or signing out, the visit is summarised before saving,
the service list keeps its order, delivery records who collected the result."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from frontdesk import auth, queries, workflow
from frontdesk.ui.controller import AppController
from frontdesk.ui.mainwindow import MainWindow

from .helpers import confirm_summary, key, nid, type_text

pytestmark = pytest.mark.ui
CTRL = Qt.KeyboardModifier.ControlModifier


def _request(win: MainWindow, serial: int, username: str = "sporteli", status: str | None = None) -> str:
    store = win.ctx.store
    actor = auth.actor_for(store, username)
    (v,) = workflow.intake(
        store,
        actor,
        workflow.CitizenInput(nid(serial), f"Qytetar {serial} (TEST)", None),
        [workflow.IntakeItem("AI-001", ["REQ"])],
    )
    if status:
        workflow.advance(store, actor, v.receipt_no, status)
    return v.receipt_no


# ---------------------------------------------------------------- reject / cancel: a reason and a confirmation


def test_reject_asks_a_reason_and_escape_changes_nothing(clerk_window: MainWindow, qtbot) -> None:
    no = _request(clerk_window, 951)
    assert clerk_window.open_request(no)
    detail = clerk_window.detail
    button = detail.status_buttons["rejected"]
    assert button.text().endswith("…")  # it asks before it acts
    button.click()
    qtbot.waitUntil(lambda: detail.dialog is not None and detail.dialog.isVisible())
    dialog = detail.dialog
    assert "nuk mund të zhbëhet" in dialog.explanation.text()
    assert not dialog.ok.isEnabled()  # no reason, no rejection
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)  # the keyboard is in the reason
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter without a reason says so, stays open
    assert dialog.isVisible() and dialog.message.isVisible() and dialog.message.property("role") == "error"
    QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert queries.get_request(clerk_window.ctx.store, no).status == "received"


def test_reject_with_a_reason_is_recorded(clerk_window: MainWindow, qtbot) -> None:
    no = _request(clerk_window, 952)
    clerk_window.open_request(no)
    detail = clerk_window.detail
    dialog = detail.ask_decision("rejected")
    type_text(dialog.reason, "Dokumenti është i falsifikuar (TEST)")
    with qtbot.waitSignal(detail.action_finished, timeout=10_000) as done:
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert done.args == [True]
    view = queries.get_request(clerk_window.ctx.store, no)
    assert view.status == "rejected"
    assert view.history[-1].data.get("reason") == "Dokumenti është i falsifikuar (TEST)"


def test_supervisor_cancel_with_a_reason(supervisor_window: MainWindow, qtbot) -> None:
    no = _request(supervisor_window, 953)
    supervisor_window.open_request(no)
    detail = supervisor_window.detail
    detail.status_buttons["cancelled"].click()
    qtbot.waitUntil(lambda: detail.dialog is not None and detail.dialog.isVisible())
    type_text(detail.dialog.reason, "Qytetari tërhoqi kërkesën (TEST)")
    with qtbot.waitSignal(detail.action_finished, timeout=10_000) as done:
        detail.dialog.ok.click()
    assert done.args == [True]
    assert queries.get_request(supervisor_window.ctx.store, no).status == "cancelled"


# ---------------------------------------------------------------- void an intake saved by mistake


def test_void_is_offered_for_own_intakes_of_today_only(
    clerk_window: MainWindow, controller: AppController, qtbot
) -> None:
    store = clerk_window.ctx.store
    mine = _request(clerk_window, 954)
    colleague = _request(clerk_window, 955, username="sporteli2")
    worked = _request(clerk_window, 956, status="in_progress")
    clerk = auth.actor_for(store, "sporteli")
    old = workflow.intake(
        store,
        clerk,
        workflow.CitizenInput(nid(957), "Qytetar i djeshëm (TEST)", None),
        [workflow.IntakeItem("AI-001", ["REQ"])],
        now=dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=2),
    )[0].receipt_no
    detail = clerk_window.detail
    shown = {}
    for no in (mine, colleague, worked, old):
        clerk_window.open_request(no)
        shown[no] = detail.void_button.isVisibleTo(detail)
    assert shown == {mine: True, colleague: False, worked: False, old: False}
    clerk_window.open_request(mine)
    dialog = detail.ask_void()
    assert dialog is not None and "nuk përdoret më kurrë" in dialog.explanation.text()
    dialog.reject()
    assert queries.get_request(store, mine).status == "received"


def test_void_with_a_reason_cancels_and_prints_the_void_slip(clerk_window: MainWindow, qtbot) -> None:
    store = clerk_window.ctx.store
    no = _request(clerk_window, 958)
    clerk_window.open_request(no)
    detail = clerk_window.detail
    dialog = detail.ask_void()
    type_text(dialog.reason, "Shërbim i gabuar (TEST)")
    with qtbot.waitSignal(detail.action_finished, timeout=10_000) as done:
        dialog.ok.click()
    assert done.args == [True]
    view = queries.get_request(store, no)
    assert view.status == "cancelled" and view.history[-1].kind == "void"
    pdf = clerk_window.service.render_void_slip(no)
    assert pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: "anulua" in detail.message.text(), timeout=10_000)


# ---------------------------------------------------------------- unsaved intake, summary, stable order


def test_unsaved_intake_asks_before_quit_and_sign_out(
    clerk_window: MainWindow, controller: AppController, qtbot
) -> None:
    win = clerk_window
    type_text(win.intake.name, "Gjysmë i plotësuar (TEST)")
    win.act_quit.trigger()
    qtbot.waitUntil(lambda: win.question is not None)
    assert "nuk është ruajtur" in win.question.box.text()
    win.question.choose("stay")
    assert win.isVisible() and win.intake.name.text() == "Gjysmë i plotësuar (TEST)"
    assert win.tabs.currentWidget() is win.intake
    with qtbot.waitSignal(win.sign_out_requested, timeout=5000):
        win.act_sign_out.trigger()
        qtbot.waitUntil(lambda: win.question is not None)
        win.question.choose("leave")
    assert win.intake.name.text() == ""


def test_a_clean_intake_quits_without_asking(clerk_window: MainWindow, qtbot) -> None:
    win = clerk_window
    win.act_quit.trigger()
    assert win.question is None and win.quitting


def test_summary_before_saving_lists_services_documents_and_total(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    before = queries.queue_count(clerk_window.ctx.store, queries.QueueFilter())
    type_text(page.nid, nid(959))
    type_text(page.name, "Përmbledhje Shembulli (TEST)")
    type_text(page.picker.search, "AI-004")
    key(page.picker.search, Qt.Key.Key_Return)
    page.check_all_documents()
    key(page.documents, Qt.Key.Key_N, CTRL)
    type_text(page.picker.search, "AI-001")
    key(page.picker.search, Qt.Key.Key_Return)
    key(page.documents, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.isVisible())
    body = page.summary.body.text()
    total = sum(line.item.fee_paid for line in page.summary.lines)
    assert [line.choice.code for line in page.summary.lines] == ["AI-004", "AI-001"]
    assert all(line.choice.name("sq") in body for line in page.summary.lines)  # by name
    assert "AI-004" not in body
    assert f"Tarifa gjithsej e vizitës: {total} lekë (2 shërbime)" in body
    assert "mungojnë" in body  # AI-001's required document was not ticked: said by name before saving
    QTest.keyClick(page.summary.save, Qt.Key.Key_Escape)  # back: nothing saved, nothing lost
    assert not page.summary.isVisible()
    assert queries.queue_count(clerk_window.ctx.store, queries.QueueFilter()) == before
    assert len(page.cart) == 1 and page.current is not None
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.check_all_documents()
        page.save()
        confirm_summary(page, qtbot)
    assert len(saved.args[0]) == 2


def test_service_list_keeps_its_order_under_the_clerks_keys(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    picker = page.picker

    def results(text: str) -> list[str]:
        picker.search.clear()
        type_text(picker.search, text)
        return [picker.results.item(i).text() for i in range(picker.results.count())]

    first = results("kopje")
    key(picker.search, Qt.Key.Key_PageDown)
    chosen = picker.current_choice()
    # a visit of another service that matches the same text changes how often it is used...
    store = clerk_window.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    other = [c for c in clerk_window.service.search_services("kopje") if chosen is None or c.code != chosen.code][-1]
    for i in range(3):
        workflow.intake(
            store,
            clerk,
            workflow.CitizenInput(nid(960 + i), "Renditje (TEST)", None),
            [workflow.IntakeItem(other.code, [], accept_missing=True)],
        )
    # ...but the same keys still give the same list and the same service
    assert results("kopje") == first
    key(picker.search, Qt.Key.Key_PageDown)
    assert picker.current_choice() == chosen
    picker.search.clear()
    items = [picker.results.item(i) for i in range(picker.results.count())]
    headers = [it.text() for it in items if not it.flags() & Qt.ItemFlag.ItemIsSelectable]
    assert headers == ["Më të përdorurit në këtë sportel", "Të gjitha shërbimet"]


# ---------------------------------------------------------------- delivery: who collected the result


def test_delivery_to_an_authorised_person_needs_name_and_id(clerk_window: MainWindow, qtbot) -> None:
    no = _request(clerk_window, 964, status="ready")
    clerk_window.open_request(no)
    detail = clerk_window.detail
    dialog = detail.ask_delivery()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.by_citizen)
    dialog.by_other.setChecked(True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.collector_name)
    dialog.confirm()  # no name, no ID: said, nothing delivered
    assert dialog.isVisible() and dialog.message.property("role") == "error"
    assert queries.get_request(clerk_window.ctx.store, no).status == "ready"
    dialog.reject()


def test_delivery_to_an_authorised_person_is_recorded(clerk_window: MainWindow, qtbot) -> None:
    no = _request(clerk_window, 965, status="ready")
    clerk_window.open_request(no)
    detail = clerk_window.detail
    dialog = detail.ask_delivery()
    with qtbot.waitSignal(detail.action_finished, timeout=10_000) as done:
        dialog.choose(5, name="Besa Autorizuara (TEST)", doc_id="AB1234567")
    assert done.args == [True]
    view = queries.get_request(clerk_window.ctx.store, no)
    assert view.status == "delivered"
    data = view.history[-1].data
    assert (data.get("collected_by"), data.get("collector_name"), data.get("collector_id")) == (
        "authorised",
        "Besa Autorizuara (TEST)",
        "AB1234567",
    )
