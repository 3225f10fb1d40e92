"""The intake page driven by keyboard alone, over a real demo database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk import queries
from frontdesk.ui.mainwindow import MainWindow

from .helpers import confirm_summary, key, nid, type_text

pytestmark = pytest.mark.ui
CTRL = Qt.KeyboardModifier.ControlModifier


def _fill_citizen(win: MainWindow, qtbot, number: str, name: str, phone: str = "0690000001") -> None:
    page = win.intake
    page.nid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.nid)
    type_text(page.nid, number)
    key(page.nid, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.name
    type_text(page.name, name)
    key(page.name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.phone
    type_text(page.phone, phone)
    key(page.phone, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.picker.search


def _pick_service(win: MainWindow, code: str, all_documents: bool = True) -> None:
    page = win.intake
    type_text(page.picker.search, code)
    key(page.picker.search, Qt.Key.Key_Return)
    assert page.current is not None and page.current.code == code
    assert QApplication.focusWidget() is page.documents
    if all_documents:
        key(page.documents, Qt.Key.Key_D, CTRL)


def test_full_intake_by_keyboard(clerk_window: MainWindow, qtbot) -> None:
    win, page = clerk_window, clerk_window.intake
    number = nid(911)
    _fill_citizen(win, qtbot, number, "Çlirim Shëmbulli (TEST)")
    assert page.nid_state.property("role") == "ok"
    _pick_service(win, "AI-005")
    assert page.fee.value() == 200
    with (
        qtbot.waitSignal(page.saved, timeout=20_000) as saved,
        qtbot.waitSignal(page.print_finished, timeout=20_000) as printed,
    ):
        key(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
        confirm_summary(page, qtbot)
    (receipt,) = saved.args[0]
    view = queries.get_request(win.ctx.store, receipt)
    assert view.citizen_nid == number
    assert view.citizen_name == "Çlirim Shëmbulli (TEST)"
    assert view.service_code == "AI-005"
    assert view.fee_paid == 200
    assert view.created_by == "sporteli"
    assert sorted(view.documents) == ["ID", "PAY", "REQ"]
    # printing is switched off in the tests: the clerk is told the request is saved and can be reprinted
    assert printed.args == [False]
    assert receipt in page.message.text() and "ruajtur" in page.message.text()
    # the receipt numbers of the last visit stay visible; the form is reset for the next citizen
    assert receipt in page.last_visit.text()
    assert page.nid.text() == "" and page.name.text() == "" and page.current is None
    assert QApplication.focusWidget() is page.nid


def test_one_visit_several_services(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    _fill_citizen(clerk_window, qtbot, nid(912, "F"), "Arta Provëza (TEST)")
    _pick_service(clerk_window, "AI-004")
    key(page.documents, Qt.Key.Key_N, CTRL)  # add another service
    assert page.visit_list.count() == 1
    assert QApplication.focusWidget() is page.picker.search
    _pick_service(clerk_window, "AI-001")
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        key(page.documents, Qt.Key.Key_S, CTRL)
        confirm_summary(page, qtbot)
    receipts = saved.args[0]
    assert len(receipts) == 2
    views = [queries.get_request(clerk_window.ctx.store, r) for r in receipts]
    assert {v.service_code for v in views} == {"AI-004", "AI-001"}
    assert len({v.visit_id for v in views}) == 1
    assert all(r in page.last_visit.text() for r in receipts)


def test_missing_documents_return_or_accept(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    _fill_citizen(clerk_window, qtbot, nid(913), "Sokol Testi (TEST)")
    _pick_service(clerk_window, "AI-004", all_documents=False)
    key(page.documents, Qt.Key.Key_Space)  # only the first document (ID) ticked
    key(page.documents, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.isVisible())
    assert "Required, missing" not in page.summary.body.text()  # Albanian: the missing ones by name
    assert "mungojnë" in page.summary.body.text().lower()
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    assert "REQ" not in page.question.box.text()  # documents by name, not by code
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.question.choose("return")
    view = queries.get_request(clerk_window.ctx.store, saved.args[0][0])
    assert view.status == "returned" and view.documents_missing == ["REQ"]

    _fill_citizen(clerk_window, qtbot, nid(914), "Teuta Demoja (TEST)")
    _pick_service(clerk_window, "AI-004", all_documents=False)
    key(page.documents, Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.question.choose("accept")
    view = queries.get_request(clerk_window.ctx.store, saved.args[0][0])
    assert view.status == "received" and sorted(view.documents_missing) == ["ID", "REQ"]


def test_missing_documents_go_back_saves_nothing(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    before = queries.queue_count(clerk_window.ctx.store, queries.QueueFilter())
    _fill_citizen(clerk_window, qtbot, nid(915), "Ilir Imagjinari (TEST)")
    _pick_service(clerk_window, "AI-004", all_documents=False)
    key(page.documents, Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    page.question.choose("cancel")
    assert page.question is None
    assert queries.queue_count(clerk_window.ctx.store, queries.QueueFilter()) == before
    assert page.name.text() == "Ilir Imagjinari (TEST)"  # nothing typed is lost


def test_check_letter_mismatch_is_a_confirmed_warning(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    good = nid(916)
    wrong = good[:-1] + ("A" if good[-1] != "A" else "B")
    _fill_citizen(clerk_window, qtbot, wrong, "Gëzim Trajnimi (TEST)")
    assert page.nid_state.property("role") == "warning"
    _pick_service(clerk_window, "AI-001")
    key(page.documents, Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    page.question.choose("correct")  # first: go back and correct — nothing saved
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.nid)
    key(page.nid, Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.question is not None, timeout=20_000)
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.question.choose("keep")
    view = queries.get_request(clerk_window.ctx.store, saved.args[0][0])
    assert view.citizen_nid == wrong


def test_prefill_offered_and_accepted_with_one_key(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    number = nid(917, "F")
    _fill_citizen(clerk_window, qtbot, number, "Hëna Shembulli (TEST)", "0691112223")
    _pick_service(clerk_window, "AI-001")
    with qtbot.waitSignal(page.saved, timeout=20_000):
        key(page.documents, Qt.Key.Key_Return, CTRL)
        confirm_summary(page, qtbot)
    # the same citizen comes back: the office already knows her (once-only)
    type_text(page.nid, number)
    assert page.offer_button.isVisibleTo(page)
    assert "Hëna Shembulli (TEST)" in page.offer_label.text()
    key(page.nid, Qt.Key.Key_F4)
    assert page.name.text() == "Hëna Shembulli (TEST)"
    assert page.phone.text() == "0691112223"
    assert QApplication.focusWidget() is page.picker.search


def test_service_search_is_accent_insensitive(clerk_window: MainWindow) -> None:
    picker = clerk_window.intake.picker
    type_text(picker.search, "kerkese per informacion")
    choice = picker.current_choice()
    assert choice is not None and choice.code == "AI-001"
    picker.search.clear()
    type_text(picker.search, "ai-00")
    key(picker.search, Qt.Key.Key_Down)
    assert picker.results.currentRow() == 1


def test_invalid_input_focuses_the_field(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    _fill_citizen(clerk_window, qtbot, nid(918), "", "")
    _pick_service(clerk_window, "AI-001")
    key(page.documents, Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: not page.busy and "emri" in page.message.text().lower(), timeout=20_000)
    assert page.message.property("role") == "error"
    assert QApplication.focusWidget() is page.name
