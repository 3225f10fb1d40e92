"""The rulebook on the desk's write path: the same functions the central server applies to pushed ops and
the desk to pulled changes (frontdesk/rules/). Voids, who collected a result, reasons, control characters,
sizes — each refused with one sentence and the documented exit code, nothing half-written."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from frontdesk import auth, replication, rules, workflow
from frontdesk.db import Store
from frontdesk.errors import InvalidInput, InvalidTransition, NotPermitted
from frontdesk.identity import sample_nid
from frontdesk.models import OutboxOp, Request, RequestEvent

NID = sample_nid(dt.date(1985, 4, 4), "F", 911)


def _intake(store: Store, actor: auth.Actor, name: str = "Qytetare Rregullash (TEST)", **kw: object) -> str:
    (view,) = workflow.intake(
        store, actor, workflow.CitizenInput(nid=NID, full_name=name), [workflow.IntakeItem("CERT-FAM", ["ID"])], **kw
    )  # type: ignore[arg-type]
    return view.receipt_no


def _count(store: Store, model: object) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


def test_a_clerk_voids_their_own_mistaken_intake_the_same_day(store: Store, clerk: auth.Actor,
                                                               supervisor: auth.Actor) -> None:  # fmt: skip
    receipt = _intake(store, clerk)
    other = auth.actor_for(store, "clerk2")
    with pytest.raises(NotPermitted, match="Only the clerk who received"):
        workflow.void_intake(store, other, receipt, "gabim (TEST)")
    with pytest.raises(InvalidInput):
        workflow.void_intake(store, clerk, receipt, "   ")  # a reason is required
    view = workflow.void_intake(store, clerk, receipt, "shërbim i gabuar (TEST)")
    assert view.status == "cancelled"
    with store.read() as s:
        ev = s.scalars(select(RequestEvent).where(RequestEvent.kind == "void")).one()
        assert ev.data == {"reason": "shërbim i gabuar (TEST)"} and ev.to_status == "cancelled"
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "request.void")).one()
        assert op.payload["event"]["data"]["reason"] == "shërbim i gabuar (TEST)"
    # the number is never issued again
    assert _intake(store, clerk) != receipt
    with pytest.raises(InvalidTransition, match="no longer be voided"):
        workflow.void_intake(store, clerk, receipt, "sërish (TEST)")


def test_a_void_after_work_started_or_on_another_day_is_refused(store: Store, clerk: auth.Actor) -> None:
    worked = _intake(store, clerk)
    workflow.advance(store, clerk, worked, "in_progress")
    with pytest.raises(InvalidTransition, match="no longer be voided"):
        workflow.void_intake(store, clerk, worked, "vonë (TEST)")
    yesterday = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=1, hours=2)
    (old,) = workflow.intake(store, clerk, workflow.CitizenInput(nid=NID, full_name="Dje (TEST)"),
                             [workflow.IntakeItem("CERT-FAM", ["ID"])], now=yesterday)  # fmt: skip
    with pytest.raises(InvalidTransition, match="only on the day it was received"):
        workflow.void_intake(store, clerk, old.receipt_no, "dje (TEST)")


def test_who_collected_a_result_is_recorded(store: Store, clerk: auth.Actor) -> None:
    receipt = _intake(store, clerk)
    workflow.advance(store, clerk, receipt, "ready")
    with pytest.raises(InvalidInput):  # an authorised person needs a name and an identity document
        workflow.deliver(store, clerk, receipt, collected_by="authorised", collector_name="Vëllai (TEST)")
    with pytest.raises(InvalidInput):
        workflow.deliver(store, clerk, receipt, collected_by="neighbour")
    workflow.deliver(store, clerk, receipt, rating=5, collected_by="authorised", collector_name="Vëllai i saj (TEST)",
                     collector_id="I11111111A")  # fmt: skip
    with store.read() as s:
        ev = s.scalars(select(RequestEvent).where(RequestEvent.kind == "deliver")).one()
    assert ev.data == {"rating": 5, "collected_by": "authorised", "collector_name": "Vëllai i saj (TEST)",
                       "collector_id": "I11111111A"}  # fmt: skip


def test_reject_and_cancel_carry_their_reason(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    a, b = _intake(store, clerk), _intake(store, clerk)
    workflow.advance(store, clerk, a, "rejected", reason="dokument i falsifikuar (TEST)")
    with pytest.raises(NotPermitted, match="Only a supervisor can cancel"):
        workflow.advance(store, clerk, b, "cancelled", reason="x")
    workflow.advance(store, supervisor, b, "cancelled", reason="qytetari hoqi dorë (TEST)")
    with store.read() as s:
        reasons = sorted(
            e.data.get("reason") for e in s.scalars(select(RequestEvent).where(RequestEvent.kind == "status"))
        )
    assert reasons == ["dokument i falsifikuar (TEST)", "qytetari hoqi dorë (TEST)"]


@pytest.mark.parametrize("bad", ["Emër\x1b[2JPastro", "Zile\x07", "Nul\x00l", "C1\x9bx", "Surrogat\ud800"])
def test_control_characters_never_enter_the_store(store: Store, clerk: auth.Actor, bad: str) -> None:
    before = (_count(store, Request), _count(store, OutboxOp))
    with pytest.raises(InvalidInput, match="control character"):
        _intake(store, clerk, name=bad)
    receipt = _intake(store, clerk)
    with pytest.raises(InvalidInput, match="control character"):
        workflow.add_note(store, clerk, receipt, f"shënim {bad}")
    # notes may hold new lines and tabs
    workflow.add_note(store, clerk, receipt, "rreshti 1\n\trreshti 2")
    assert (_count(store, Request), _count(store, OutboxOp)) == (before[0] + 1, before[1] + 2)


def test_sizes_and_numbers_have_ranges(store: Store, clerk: auth.Actor) -> None:
    citizen = workflow.CitizenInput(nid=NID, full_name="Qytetar (TEST)")
    for item in (workflow.IntakeItem("CERT-FAM", ["ID"], fee_paid=10**19),
                 workflow.IntakeItem("CERT-FAM", ["ID"], fee_paid=-1),
                 workflow.IntakeItem("CERT-FAM", ["ID"], note="x" * 2001)):  # fmt: skip
        with pytest.raises(InvalidInput):
            workflow.intake(store, clerk, citizen, [item])
    with pytest.raises(InvalidInput, match="at most 100 requests"):
        workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])] * 101)
    assert replication.pending_ops(store, 10) == []


def test_the_rulebook_judges_an_actor_by_the_account_at_the_time() -> None:
    t0 = dt.datetime(2026, 11, 2, 8)
    friday = t0 + dt.timedelta(days=4)
    facts = rules.ActorFacts("drita", (rules.UserVersion("clerk", True, t0, friday),
                                       rules.UserVersion("clerk", False, friday, None)))  # fmt: skip
    rules.check_actor(facts, "intake", friday - dt.timedelta(hours=1), enrolled_at=None)
    with pytest.raises(NotPermitted, match="not active"):
        rules.check_actor(facts, "intake", friday + dt.timedelta(hours=1), enrolled_at=None)
    with pytest.raises(NotPermitted):
        rules.check_actor(facts, "assign", friday - dt.timedelta(hours=1), enrolled_at=None)
    offered = rules.ActorFacts("pilot", (), offered_role="supervisor")
    rules.check_actor(offered, "cancel", t0, enrolled_at=t0 + dt.timedelta(days=1))  # history from before
    with pytest.raises(NotPermitted):
        rules.check_actor(offered, "cancel", t0 + dt.timedelta(days=2), enrolled_at=t0 + dt.timedelta(days=1))


def test_void_from_the_command_line(home: object) -> None:
    exe = [sys.executable, "-m", "frontdesk", "--home", str(home)]
    run = lambda *a: subprocess.run([*exe, *a], capture_output=True, text=True, timeout=120, check=False)  # noqa: E731
    made = run("intake", "--as", "clerk1", "--service", "CERT-FAM", "--nid", NID, "--name", "Qytetar (TEST)",
               "--doc", "ID")  # fmt: skip
    assert made.returncode == 0, made.stderr
    receipt = made.stdout.strip()
    other = run("void", receipt, "--as", "clerk2", "--reason", "gabim")
    assert other.returncode == 4 and len(other.stderr.strip().splitlines()) == 1
    done = run("void", receipt, "--as", "clerk1", "--reason", "gabim në shërbim (TEST)")
    assert done.returncode == 0 and done.stdout.strip() == f"{receipt} voided"
    again = run("void", receipt, "--as", "clerk1", "--reason", "sërish")
    assert again.returncode == 6, again.stderr


def test_a_return_for_completion_names_the_missing_documents(store: Store, clerk: auth.Actor) -> None:
    """The status event's ``missing`` (catalogue document codes) is written to the request's
    ``documents_missing`` by ``rules.status_change`` — on the desk's write path as on the server's apply
    path — and travels in the outbox op; a later intake of the documents (returned → received) clears it."""
    receipt = _intake(store, clerk)
    view = workflow.advance(store, clerk, receipt, "returned", reason="Mungon vërtetimi (TEST)", missing=["APP", "ID"])
    assert view.status == "returned" and view.documents_missing == ["APP", "ID"]
    with store.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "request.status")).one()
        assert op.payload["event"]["data"] == {"reason": "Mungon vërtetimi (TEST)", "missing": ["APP", "ID"]}
    assert workflow.advance(store, clerk, receipt, "received").documents_missing == []
    # without ``missing`` a return leaves the list as it was (the events before this rule stay valid)
    other = _intake(store, clerk)
    assert workflow.advance(store, clerk, other, "returned").documents_missing == []


def test_missing_documents_have_a_shape_and_belong_to_a_return() -> None:
    now = dt.datetime(2026, 3, 2, 9)
    current = {"status": "in_progress", "receipt_no": "TR01-W01-000001X", "version": 3, "updated_at": now,
               "standard_days": 5}  # fmt: skip
    out = rules.status_change(current, "returned", now, {"missing": ["ID", "PHOTO-2"]}, deliver=False)
    assert out["documents_missing"] == ["ID", "PHOTO-2"] and out["status"] == "returned"
    with pytest.raises(InvalidInput, match="Only a return for completion"):
        rules.status_change(current, "ready", now, {"missing": ["ID"]}, deliver=False)
    rules.check_event_data("status", {"missing": ["ID"], "reason": "x"})
    for bad in ([], ["id"], ["ID", "ID"], "ID", [1], ["X" * 40], ["ID"] * 51, ["-ID"]):
        with pytest.raises(InvalidInput):
            rules.check_event_data("status", {"missing": bad})
    from frontdesk import wire
    from frontdesk.clock import uuid7

    ev = wire.EventPayload(id=uuid7(), kind="status", from_status="in_progress", to_status="ready", actor="hq.arta",
                           workstation="HQ", device_time=now, data={"missing": ["ID"]})  # fmt: skip
    with pytest.raises(InvalidInput, match="Only a return"):
        rules.check_event(ev)  # the pull path refuses it too
    rules.check_event(ev.model_copy(update={"to_status": "returned"}))
