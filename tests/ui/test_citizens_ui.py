"""Issue 14 at the counter, through the real screens over a real demo database: the consent checkbox and
the e-mail at intake (stored with the request), a complaint about a receipt taken at the counter (routed
to the supervisor, in their worklist), the citizen's own survey on the counter's customer-facing prompt
(offered after delivery, once per request) and the supervisor's "What the citizens say" page showing it
beside the clerk's rating."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk import auth, queries, workflow
from frontdesk.queries import QueueFilter
from frontdesk.ui.mainwindow import MainWindow

from .helpers import confirm_summary, key, nid, type_text

pytestmark = pytest.mark.ui
CTRL = Qt.KeyboardModifier.ControlModifier


def _save(page, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved, qtbot.waitSignal(page.print_finished, timeout=20_000):
        key(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
        confirm_summary(page, qtbot)
    return list(saved.args[0])


def test_intake_takes_consent_and_email_by_keyboard(clerk_window: MainWindow, qtbot) -> None:
    win, page = clerk_window, clerk_window.intake
    page.nid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.nid)
    type_text(page.nid, nid(941))
    key(page.nid, Qt.Key.Key_Return)
    type_text(page.name, "Mira Provëza (TEST)")
    key(page.name, Qt.Key.Key_Return)
    type_text(page.phone, "069 000 0041")
    # Tab walks on to the e-mail and the consent checkbox, Space ticks it
    key(page.phone, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.email
    type_text(page.email, "mira.proveza@example.test")
    key(page.email, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.consent
    key(page.consent, Qt.Key.Key_Space)
    assert page.consent.isChecked()
    assert page.consent.accessibleName() and page.email.accessibleName()
    page.picker.search.setFocus()
    type_text(page.picker.search, "AI-005")
    key(page.picker.search, Qt.Key.Key_Return)
    key(page.documents, Qt.Key.Key_D, CTRL)
    (receipt,) = _save(page, qtbot)
    view = queries.get_request(win.ctx.store, receipt)
    assert view.notify_consent and view.contact_email == "mira.proveza@example.test" and view.lookup_code
    assert not page.consent.isChecked() and page.email.text() == ""  # ready for the next citizen


def test_consent_without_phone_or_email_is_refused_at_the_checkbox(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    page.nid.setText(nid(942))
    page.name.setText("Arben Provëza (TEST)")
    page.consent.setChecked(True)
    page.picker.search.setFocus()
    type_text(page.picker.search, "AI-005")
    key(page.picker.search, Qt.Key.Key_Return)
    key(page.documents, Qt.Key.Key_D, CTRL)
    key(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    confirm_summary(page, qtbot)
    qtbot.waitUntil(lambda: page.message.property("role") == "error", timeout=10_000)
    assert QApplication.focusWidget() is page.consent
    assert queries.queue_page(clerk_window.ctx.store, QueueFilter(text="Arben")) == []


def test_complaint_at_the_counter_names_its_receipt_and_reaches_the_supervisor(
    clerk_window: MainWindow, qtbot
) -> None:
    win, page = clerk_window, clerk_window.intake
    store = win.ctx.store
    (about,) = workflow.intake(store, auth.actor_for(store, "sporteli"),
                               workflow.CitizenInput(nid(943), "Besa Provëza (TEST)"),
                               [workflow.IntakeItem("AI-005", ["ID", "PAY", "REQ"])])  # fmt: skip
    assert not page.service_form.about.isVisibleTo(page)
    page.nid.setText(nid(943))
    page.name.setText("Besa Provëza (TEST)")
    page.picker.search.setFocus()
    type_text(page.picker.search, "ANKESE")
    key(page.picker.search, Qt.Key.Key_Return)
    assert page.service_form.about.isVisibleTo(page)  # only a complaint asks which receipt it is about
    key(page.documents, Qt.Key.Key_D, CTRL)
    type_text(page.service_form.about, about.receipt_no.lower())
    (receipt,) = _save(page, qtbot)
    complaint = queries.get_request(store, receipt)
    assert complaint.service_code == "ANKESE" and complaint.complaint_about == about.receipt_no
    assert complaint.assignee == "mbikqyresi"  # routed to the unit's supervisor
    win.open_request(receipt)
    assert win.detail.values["about"].text() == about.receipt_no
    assert not page.service_form.about.isVisibleTo(page)
    rows = queries.queue_page(store, QueueFilter(assignee="mbikqyresi", service_code="ANKESE"))
    assert receipt in [r.receipt_no for r in rows]  # the supervisor's worklist (the demo has others)


def test_the_counter_survey_is_offered_after_delivery_once(clerk_window: MainWindow, supervisor_window: MainWindow,
                                                           qtbot) -> None:  # fmt: skip
    win = clerk_window
    store = win.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    (v,) = workflow.intake(store, clerk, workflow.CitizenInput(nid(944), "Drin Provëza (TEST)"),
                           [workflow.IntakeItem("AI-005", ["ID", "PAY", "REQ"])])  # fmt: skip
    for s in ("in_progress", "ready"):
        workflow.advance(store, clerk, v.receipt_no, s)
    win.open_request(v.receipt_no)
    detail = win.detail
    assert not detail.survey_button.isVisibleTo(detail)  # not before the result is handed over
    dialog = detail.ask_delivery()
    with qtbot.waitSignal(detail.action_finished, timeout=10_000):
        dialog.choose(5)  # the clerk's rating
    assert detail.survey_button.isVisibleTo(detail)
    qtbot.waitUntil(lambda: win.focusWidget() is detail.survey_button)  # the keyboard is on it
    assert "ekranin" in detail.message.text()  # "turn the screen to the citizen", in Albanian
    survey = detail.ask_survey()
    assert survey is not None
    survey.confirm()  # nothing chosen: said, nothing saved
    assert survey.isVisible() and survey.message.property("role") == "error"
    with qtbot.waitSignal(detail.action_finished, timeout=10_000) as done:
        survey.choose(2, kept=False, clear=True, comment="Prita gjatë në radhë.")
    assert done.args == [True]
    view = queries.get_request(store, v.receipt_no)
    assert view.survey_answered and view.rating == 5  # the clerk's rating stays the clerk's
    data = view.history[-1].data
    assert (data["overall"], data["promised_kept"], data["clear"], data["channel"]) == (2, False, True, "counter")
    assert not detail.survey_button.isVisibleTo(detail)  # one answer per request
    assert detail.values["survey"].text() == "plotësuar"
    assert "në sportel" in detail.history.topLevelItem(detail.history.topLevelItemCount() - 1).text(3)
    assert detail.ask_survey() is None

    # the supervisor's page: the citizen's 2 beside the clerk's 5, never mixed
    sup = supervisor_window
    page = sup.supervision.citizens
    assert page is not None
    with qtbot.waitSignal(page.computed, timeout=20_000):
        sup.supervision.actions["citizens"].trigger()
    rep = page.report
    assert rep is not None
    row = next(r for r in rep.rows if r.key == "AI-005")
    assert (row.answers, row.overall_avg, row.kept_share, row.clear_share) == (1, 2.0, 0.0, 1.0)
    assert row.clerk_ratings >= 1 and row.clerk_avg is not None
    cells = [page.table.item(i, 0).text() for i in range(page.table.rowCount())]
    assert any("AI-005" in c for c in cells)
