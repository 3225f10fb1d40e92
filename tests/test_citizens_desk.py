"""Issue 14 on the desk: an intake takes consent, an e-mail and makes the status lookup's short code
offline; a complaint names its receipt and goes to the supervisor's worklist; the citizen's own survey
answer at the counter (once, after delivery, rejection or return) and the desk's report showing it beside
the clerk's rating; the public address a central system sends arrives in the receipt's QR code."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from frontdesk import auth, pull, queries, receipts, wire, workflow
from frontdesk.citizen_report import citizens_report
from frontdesk.clock import utcnow
from frontdesk.db import Store
from frontdesk.errors import InvalidInput, InvalidTransition, NotPermitted
from frontdesk.identity import sample_nid
from frontdesk.models import OutboxOp
from frontdesk.workflow import CitizenInput, IntakeItem

NID = sample_nid(dt.date(1985, 3, 14), "F", 321)


def take(store: Store, actor: auth.Actor, *, consent: bool = False, email: str | None = None,
         phone: str | None = "069 123 4567", service: str = "CERT-FAM", about: str | None = None) -> queries.RequestView:  # fmt: skip
    citizen = CitizenInput(NID, "Drita Shembulli", phone, notify_consent=consent, email=email)
    docs = [] if service == "ANKESE" else ["ID"]
    (view,) = workflow.intake(store, actor, citizen, [IntakeItem(service, docs, complaint_about=about)])
    return view


def test_intake_takes_consent_email_and_makes_a_lookup_code_offline(store: Store, clerk: auth.Actor) -> None:
    v = take(store, clerk, consent=True, email="  Drita.Shembull@EXAMPLE.com ")
    assert v.notify_consent and v.contact_email == "Drita.Shembull@example.com"
    assert re.fullmatch(wire.LOOKUP_CODE_PATTERN, v.lookup_code or "")
    with store.read() as s:
        op = s.query(OutboxOp).filter(OutboxOp.kind == "request.intake").one()
    sent = op.payload["request"]
    assert (sent["notify_consent"], sent["contact_email"], sent["lookup_code"]) == (True, v.contact_email,
                                                                                    v.lookup_code)  # fmt: skip
    other = take(store, clerk)
    assert other.lookup_code != v.lookup_code and not other.notify_consent


def test_consent_needs_somewhere_to_send_and_a_real_address(store: Store, clerk: auth.Actor) -> None:
    with pytest.raises(InvalidInput) as exc:
        take(store, clerk, consent=True, phone=None)
    assert exc.value.field == "notify_consent"
    with pytest.raises(InvalidInput) as exc:
        take(store, clerk, email="drita@")
    assert exc.value.field == "email"
    with pytest.raises(InvalidInput):
        take(store, clerk, about="TR01-W03-000001U")  # only a complaint names a receipt


def test_a_complaint_names_its_receipt_and_is_routed_to_the_supervisor(store: Store, clerk: auth.Actor) -> None:
    first = take(store, clerk)
    complaint = take(store, clerk, service="ANKESE", about=first.receipt_no.lower())
    assert complaint.complaint_about == first.receipt_no and complaint.assignee == "super"
    assert complaint.due_date > first.due_date  # the complaint service's own standard (10 working days)
    mine = queries.queue_page(store, queries.QueueFilter(assignee="super"))
    assert [r.receipt_no for r in mine] == [complaint.receipt_no]
    with pytest.raises(InvalidInput):
        take(store, clerk, service="ANKESE", about="TR01-W03-000001X")  # a wrong check character


def test_the_citizens_survey_at_the_counter_once_and_in_the_report(store: Store, clerk: auth.Actor,
                                                                   supervisor: auth.Actor) -> None:  # fmt: skip
    v = take(store, clerk)
    with pytest.raises(InvalidTransition):
        workflow.record_survey(store, clerk, v.receipt_no, overall=5)  # not before it is handed over
    workflow.advance(store, clerk, v.receipt_no, "ready")
    workflow.deliver(store, clerk, v.receipt_no, rating=3)
    done = workflow.record_survey(store, clerk, v.receipt_no, overall=5, promised_kept=True, clear=False,
                                  comment="Shumë shpejt")  # fmt: skip
    assert done.survey_answered
    with pytest.raises(InvalidTransition):
        workflow.record_survey(store, clerk, v.receipt_no, overall=1)
    with pytest.raises(InvalidInput):
        workflow.record_survey(store, clerk, take(store, clerk).receipt_no, overall=7)
    admin = auth.actor_for(store, "admin")
    with pytest.raises(NotPermitted):
        workflow.record_survey(store, admin, v.receipt_no, overall=5)
    with store.read() as s:
        assert s.query(OutboxOp).filter(OutboxOp.kind == "request.survey").count() == 1
    report = citizens_report(store, by="clerk")
    (row,) = report.rows
    assert (row.key, row.answers, row.overall_avg, row.kept_share, row.clear_share) == ("clerk1", 1, 5.0, 1.0, 0.0)
    assert (row.clerk_ratings, row.clerk_avg) == (1, 3.0)
    take(store, clerk, service="ANKESE", about=v.receipt_no)
    by_service = {r.key: r for r in citizens_report(store, by="service").rows}
    assert by_service["CERT-FAM"].complaints == 1 and by_service["CERT-FAM"].answers == 1


def test_a_pulled_public_address_reaches_the_receipts_qr_code(store: Store, clerk: auth.Actor) -> None:
    settings = {"seq": 1, "kind": "settings", "settings": {"public_url": "https://bashkia-shembull.example/q",
                                                            "updated_at": utcnow().isoformat()}}  # fmt: skip
    hostile = {"seq": 2, "kind": "settings", "settings": {"public_url": "javascript:alert(1)",
                                                           "updated_at": utcnow().isoformat()}}  # fmt: skip
    result = pull.apply_page(store, [settings, hostile], next_cursor=2, epoch="0" * 8 + "-0000-7000-8000-" + "0" * 12)
    assert (result.applied, result.set_aside) == (1, 1)
    v = take(store, clerk)
    with store.read() as s:
        doc = receipts.load_receipt(s, v.receipt_no)
    assert doc.items[0].status_url == f"https://bashkia-shembull.example/q/status?r={v.receipt_no}&c={v.lookup_code}"
