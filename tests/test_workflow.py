"""Every path of the one write path, against a real SQLite file: state + event + outbox op, or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from frontdesk import auth, workflow
from frontdesk.db import Store
from frontdesk.deadlines import WorkCalendar, local_date
from frontdesk.errors import (
    CheckLetterMismatch,
    InvalidInput,
    InvalidTransition,
    MissingDocuments,
    NotFound,
    NotPermitted,
)
from frontdesk.identity import sample_nid
from frontdesk.models import Citizen, OutboxOp, Request, RequestEvent
from frontdesk.numbering import parse_receipt_no
from frontdesk.queries import QueueFilter, get_request, queue_count, queue_page

NID = "J00101999W"  # valid: born 1990-01-01
BAD_CHECK = "J00101999A"
CITIZEN = workflow.CitizenInput(nid=NID, full_name="Drita Shembulli", phone="+355 69 000 0001")


def counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Request)) or 0,
            s.scalar(select(func.count()).select_from(RequestEvent)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.kind.like("request.%"))) or 0,
        )


def take(
    store: Store, actor: auth.Actor, service: str = "CERT-FAM", docs: tuple[str, ...] = ("ID",), **kw: object
) -> workflow.RequestView:
    (req,) = workflow.intake(store, actor, CITIZEN, [workflow.IntakeItem(service, list(docs), **kw)])  # type: ignore[arg-type]
    return req


def test_intake_writes_state_event_and_outbox_in_one_go(store: Store, clerk: auth.Actor) -> None:
    req = take(store, clerk, "PERMIT-OCC", ("ID", "APP"))
    assert req.status == "received"
    assert req.assignee == "clerk1" and req.created_by == "clerk1"
    assert req.fee_paid == 1500  # the service's fee by default
    assert req.documents == ["ID", "APP"] and req.documents_missing == []
    parsed = parse_receipt_no(req.receipt_no)
    assert (parsed.unit, parsed.workstation, parsed.counter) == ("TR01", "W03", 1)
    expected_due = WorkCalendar().add_working_days(local_date(req.created_at), 10)
    assert req.due_date == expected_due
    assert counts(store) == (1, 1, 1)
    with store.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind.like("request.%"))).one()
        assert op.kind == "request.intake" and op.request_id == req.id
        assert op.payload["request"]["receipt_no"] == req.receipt_no
        assert op.payload["request"]["citizen_nid"] == NID
        event = s.scalars(select(RequestEvent)).one()
        assert (event.kind, event.to_status, event.actor_username, event.workstation_code) == (
            "intake",
            "received",
            "clerk1",
            "W03",
        )
        assert s.get_one(Citizen, NID).full_name == "Drita Shembulli"


def test_one_visit_several_services_one_transaction(store: Store, clerk: auth.Actor) -> None:
    items = [
        workflow.IntakeItem("CERT-FAM", ["ID"]),
        workflow.IntakeItem("TAX-STMT", ["ID"], fee_paid=0, note="Përjashtuar nga tarifa"),
        workflow.IntakeItem("PERMIT-OCC", ["ID", "APP", "PLAN"]),
    ]
    reqs = workflow.intake(store, clerk, CITIZEN, items, priority=True)
    assert len({r.receipt_no for r in reqs}) == 3
    assert len({r.visit_id for r in reqs}) == 1
    assert [parse_receipt_no(r.receipt_no).counter for r in reqs] == [1, 2, 3]
    assert all(r.priority for r in reqs)
    assert [r.due_date >= reqs[0].due_date for r in reqs] == [True, True, True]
    assert reqs[1].fee_paid == 0 and reqs[1].note == "Përjashtuar nga tarifa"
    assert counts(store) == (3, 3, 3)


def test_a_bad_item_in_a_visit_writes_nothing(store: Store, clerk: auth.Actor) -> None:
    items = [workflow.IntakeItem("CERT-FAM", ["ID"]), workflow.IntakeItem("NO-SUCH", [])]
    with pytest.raises(NotFound):
        workflow.intake(store, clerk, CITIZEN, items)
    assert counts(store) == (0, 0, 0)
    # and no receipt number was consumed
    req = take(store, clerk)
    assert parse_receipt_no(req.receipt_no).counter == 1


def test_invalid_personal_number_is_refused(store: Store, clerk: auth.Actor) -> None:
    for nid in ("", "J0010199", "J00131999W", "Z00101999W", "J00101999"):
        with pytest.raises(InvalidInput) as err:
            workflow.intake(
                store,
                clerk,
                workflow.CitizenInput(nid=nid, full_name="X Y"),
                [workflow.IntakeItem("CERT-FAM", ["ID"])],
            )
        assert err.value.field == "nid"
    assert counts(store) == (0, 0, 0)


def test_check_letter_mismatch_warns_and_can_be_overridden(store: Store, clerk: auth.Actor) -> None:
    item = workflow.IntakeItem("CERT-FAM", ["ID"])
    with pytest.raises(CheckLetterMismatch) as err:
        workflow.intake(store, clerk, workflow.CitizenInput(nid=BAD_CHECK, full_name="Ilir Provëza"), [item])
    assert err.value.expected == "W"
    assert counts(store) == (0, 0, 0)
    (req,) = workflow.intake(
        store,
        clerk,
        workflow.CitizenInput(nid=BAD_CHECK, full_name="Ilir Provëza", accept_check_mismatch=True),
        [item],
    )
    assert req.citizen_nid == BAD_CHECK


def test_missing_documents_warn_return_or_accept(store: Store, clerk: auth.Actor) -> None:
    with pytest.raises(MissingDocuments) as err:
        take(store, clerk, "PERMIT-OCC", ("ID",))
    assert err.value.missing == ["APP"] and err.value.service_code == "PERMIT-OCC"
    assert counts(store) == (0, 0, 0)
    returned = take(store, clerk, "PERMIT-OCC", ("ID",), return_for_completion=True)
    assert returned.status == "returned" and returned.documents_missing == ["APP"]
    accepted = take(store, clerk, "PERMIT-OCC", ("ID",), accept_missing=True)
    assert accepted.status == "received" and accepted.documents_missing == ["APP"]
    # documents completed: back to received, missing list cleared, promised date computed from today
    again = workflow.advance(store, clerk, returned.receipt_no, "received")
    assert again.status == "received" and again.documents_missing == []


def test_unknown_inactive_service_and_document(store: Store, clerk: auth.Actor) -> None:
    with pytest.raises(NotFound):
        take(store, clerk, "NOPE")
    with pytest.raises(InvalidInput, match="no longer offered"):
        take(store, clerk, "OLD-SVC", ())
    with pytest.raises(InvalidInput, match="does not ask for document"):
        take(store, clerk, "CERT-FAM", ("ID", "PASSPORT"))
    with pytest.raises(InvalidInput, match="negative"):
        take(store, clerk, fee_paid=-5)
    with pytest.raises(InvalidInput, match="name"):
        workflow.intake(
            store,
            clerk,
            workflow.CitizenInput(nid=NID, full_name="  "),
            [workflow.IntakeItem("CERT-FAM", ["ID"])],
        )
    with pytest.raises(InvalidInput, match="at least one service"):
        workflow.intake(store, clerk, CITIZEN, [])
    assert counts(store) == (0, 0, 0)


def test_full_lifecycle_to_delivery_with_rating(store: Store, clerk: auth.Actor) -> None:
    req = take(store, clerk)
    for status in ("forwarded", "in_progress", "ready"):
        req = workflow.advance(store, clerk, req.receipt_no, status, note=f"hapi {status}")
        assert req.status == status
    assert req.completed_at is not None
    done = workflow.deliver(store, clerk, req.receipt_no, rating=5)
    assert done.status == "delivered" and done.rating == 5 and done.delivered_at is not None
    full = get_request(store, req.receipt_no)
    assert [e.kind for e in full.history] == ["intake", "status", "status", "status", "deliver"]
    assert [e.to_status for e in full.history] == [
        "received",
        "forwarded",
        "in_progress",
        "ready",
        "delivered",
    ]
    assert full.history[1].data == {"note": "hapi forwarded"}
    assert full.version == 5
    assert counts(store) == (1, 5, 5)


def test_delivery_rating_is_optional_and_bounded(store: Store, clerk: auth.Actor) -> None:
    a, b = take(store, clerk), take(store, clerk)
    for r in (a, b):
        workflow.advance(store, clerk, r.receipt_no, "ready")
    with pytest.raises(InvalidInput, match="1 to 5"):
        workflow.deliver(store, clerk, a.receipt_no, rating=6)
    assert workflow.deliver(store, clerk, a.receipt_no).rating is None
    assert workflow.deliver(store, clerk, b.receipt_no, rating=1).rating == 1


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ((), "delivered"),  # not ready yet
        (("ready", "delivered"), "in_progress"),  # terminal
        (("rejected",), "received"),
        (("returned",), "ready"),  # must be completed first
        ((), "received"),  # already received
    ],
)
def test_invalid_transitions_are_refused_and_write_nothing(
    store: Store, clerk: auth.Actor, path: tuple[str, ...], target: str
) -> None:
    req = take(store, clerk)
    for status in path:
        req = workflow.advance(store, clerk, req.receipt_no, status)
    before = counts(store)
    with pytest.raises(InvalidTransition):
        workflow.advance(store, clerk, req.receipt_no, target)
    assert counts(store) == before
    assert get_request(store, req.receipt_no).status == req.status


def test_unknown_status_and_receipt(store: Store, clerk: auth.Actor) -> None:
    req = take(store, clerk)
    with pytest.raises(InvalidInput, match="Unknown status"):
        workflow.advance(store, clerk, req.receipt_no, "done")
    no = parse_receipt_no(req.receipt_no)
    from frontdesk.numbering import format_receipt_no

    other = format_receipt_no(no.unit, no.workstation, 999)
    with pytest.raises(NotFound):
        workflow.advance(store, clerk, other, "ready")
    mistyped = req.receipt_no[:-1] + ("A" if req.receipt_no[-1] != "A" else "B")
    with pytest.raises(InvalidInput, match="check character"):
        get_request(store, mistyped)
    # scanned text is tolerated: lower case and surrounding spaces
    assert get_request(store, f"  {req.receipt_no.lower()} ").id == req.id


def test_roles_are_enforced_in_core(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    admin = auth.actor_for(store, "admin")
    req = take(store, clerk)
    with pytest.raises(NotPermitted):
        take(store, admin)
    with pytest.raises(NotPermitted):
        workflow.advance(store, admin, req.receipt_no, "forwarded")
    with pytest.raises(NotPermitted):
        workflow.advance(store, clerk, req.receipt_no, "cancelled")
    with pytest.raises(NotPermitted):
        workflow.reassign(store, clerk, [req.receipt_no], "clerk2", "vacation")
    assert counts(store) == (1, 1, 1)
    assert workflow.advance(store, supervisor, req.receipt_no, "cancelled").status == "cancelled"
    assert "cancelled" not in workflow.allowed_actions("clerk", "received")
    assert "cancelled" in workflow.allowed_actions("supervisor", "received")
    assert workflow.allowed_actions("admin", "received") == []
    assert workflow.allowed_actions("clerk", "delivered") == []


def test_reassign_single_and_bulk_with_reason(
    store: Store, clerk: auth.Actor, supervisor: auth.Actor
) -> None:
    reqs = [take(store, clerk) for _ in range(3)]
    moved = workflow.reassign(store, supervisor, [r.receipt_no for r in reqs], "clerk2", "Pushime")
    assert [r.assignee for r in moved] == ["clerk2"] * 3
    assert all(r.version == 2 for r in moved)
    event = get_request(store, reqs[0].receipt_no).history[-1]
    assert event.kind == "assign" and event.actor_username == "super"
    assert event.data == {"from": "clerk1", "to": "clerk2", "reason": "Pushime", "base_version": 1}
    with store.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "request.assign")).first()
        assert op is not None and op.payload["event"]["data"]["base_version"] == 1
    # moving to the same assignee again is a no-op, not an event
    assert workflow.reassign(store, supervisor, [reqs[0].receipt_no], "clerk2", "again") == []
    with pytest.raises(InvalidInput, match="reason"):
        workflow.reassign(store, supervisor, [reqs[0].receipt_no], "clerk1", "  ")
    with pytest.raises(NotFound):
        workflow.reassign(store, supervisor, [reqs[0].receipt_no], "nobody", "x")
    with pytest.raises(InvalidInput, match="cannot take requests"):
        workflow.reassign(store, supervisor, [reqs[0].receipt_no], "admin", "x")


def test_bulk_reassign_is_all_or_nothing(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    a, b = take(store, clerk), take(store, clerk)
    workflow.advance(store, clerk, b.receipt_no, "rejected")
    before = counts(store)
    with pytest.raises(InvalidTransition):
        workflow.reassign(store, supervisor, [a.receipt_no, b.receipt_no], "clerk2", "x")
    assert counts(store) == before
    assert get_request(store, a.receipt_no).assignee == "clerk1"


def test_notes_merge_without_changing_version(store: Store, clerk: auth.Actor) -> None:
    req = take(store, clerk)
    after = workflow.add_note(store, clerk, req.receipt_no, "Qytetari do të kthehet të hënën")
    assert after.version == req.version
    assert get_request(store, req.receipt_no).history[-1].data == {"text": "Qytetari do të kthehet të hënën"}
    with pytest.raises(InvalidInput):
        workflow.add_note(store, clerk, req.receipt_no, "   ")
    with pytest.raises(InvalidInput):
        workflow.add_note(store, clerk, req.receipt_no, "x" * 2001)


def test_record_print_counts_copies_for_the_whole_visit(store: Store, clerk: auth.Actor) -> None:
    reqs = workflow.intake(
        store,
        clerk,
        CITIZEN,
        [workflow.IntakeItem("CERT-FAM", ["ID"]), workflow.IntakeItem("TAX-STMT", ["ID"])],
    )
    assert workflow.record_print(store, clerk, reqs[0].receipt_no) == 0
    assert workflow.record_print(store, clerk, reqs[1].receipt_no) == 1
    assert workflow.record_print(store, clerk, reqs[0].receipt_no) == 2
    assert {get_request(store, r.receipt_no).print_count for r in reqs} == {3}


def test_returned_requests_get_a_new_promised_date_when_completed(store: Store, clerk: auth.Actor) -> None:
    t0 = dt.datetime(2026, 3, 2, 9, 0)  # Monday
    (req,) = workflow.intake(
        store, clerk, CITIZEN, [workflow.IntakeItem("PERMIT-OCC", ["ID"], return_for_completion=True)], now=t0
    )
    # 10 working days after Monday 2 March: Summer Day (Sat 14 March) is observed on Monday 16 March
    assert req.due_date == dt.date(2026, 3, 17)
    back = workflow.advance(store, clerk, req.receipt_no, "received", now=dt.datetime(2026, 3, 20, 9, 0))
    # from Friday 20 March (Eid al-Fitr): Nowruz observed Mon 23 March, Catholic Easter observed Mon 6 April
    assert back.due_date == dt.date(2026, 4, 7)


def test_queue_filters_and_sorts_in_sql(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    old = dt.datetime(2026, 1, 5, 9, 0)
    (late,) = workflow.intake(store, clerk, CITIZEN, [workflow.IntakeItem("TAX-STMT", ["ID"])], now=old)
    other = workflow.CitizenInput(nid=sample_nid(dt.date(1985, 6, 15), "F", 123), full_name="Çlirime Demoja")
    (fresh,) = workflow.intake(store, clerk, other, [workflow.IntakeItem("CERT-FAM", ["ID"])])
    workflow.reassign(store, supervisor, [fresh.receipt_no], "clerk2", "ngarkesa")
    assert queue_count(store) == 2
    assert [r.receipt_no for r in queue_page(store, QueueFilter(overdue=True))] == [late.receipt_no]
    assert queue_page(store, QueueFilter(overdue=True))[0].sla == "overdue"
    assert [r.receipt_no for r in queue_page(store, QueueFilter(assignee="clerk2"))] == [fresh.receipt_no]
    assert [r.receipt_no for r in queue_page(store, QueueFilter(service_code="tax-stmt"))] == [
        late.receipt_no
    ]
    assert [r.receipt_no for r in queue_page(store, QueueFilter(text="Çlirime"))] == [fresh.receipt_no]
    assert [r.receipt_no for r in queue_page(store, QueueFilter(text=other.nid))] == [fresh.receipt_no]
    by_due = queue_page(store, order_by="due_date", descending=False)
    assert [r.receipt_no for r in by_due] == [late.receipt_no, fresh.receipt_no]
    assert queue_page(store, limit=1, offset=1)[0].receipt_no == late.receipt_no  # newest first by default
    workflow.advance(store, clerk, late.receipt_no, "ready")
    assert queue_count(store, QueueFilter(overdue=True)) == 0
    assert queue_count(store, QueueFilter(status="ready")) == 1
    with pytest.raises(InvalidInput):
        queue_count(store, QueueFilter(status="bogus"))
