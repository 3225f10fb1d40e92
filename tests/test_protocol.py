"""What the workflow writes to the outbox is what the wire schema accepts, and the rulebook lets it pass."""

from __future__ import annotations

from sqlalchemy import select

from frontdesk import auth, rules, wire, workflow
from frontdesk.db import Store
from frontdesk.models import OutboxOp
from frontdesk.wire import Op


def test_every_outbox_op_validates_against_the_wire_schema(
    store: Store, clerk: auth.Actor, supervisor: auth.Actor
) -> None:
    citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli")
    (a,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"], note="shënim")])
    (b,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])])
    workflow.advance(store, clerk, a.receipt_no, "ready")
    workflow.reassign(store, supervisor, [a.receipt_no], "clerk2", "ngarkesa")
    workflow.add_note(store, clerk, a.receipt_no, "Qytetari u njoftua")
    workflow.record_print(store, clerk, a.receipt_no)
    workflow.deliver(store, clerk, a.receipt_no, rating=4, collected_by="authorised",
                     collector_name="Vëllai i Qytetarit (TEST)", collector_id="I99999999X")  # fmt: skip
    workflow.void_intake(store, clerk, b.receipt_no, "u regjistrua gabimisht (TEST)")
    with store.read() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
        typed = [Op.model_validate({"op_id": o.op_id, "kind": o.kind, "created_at": o.created_at,
                                    wire.payload_field(o.kind): o.payload}) for o in ops]  # fmt: skip
    assert [o.kind for o in typed] == [
        "request.intake",
        "request.intake",
        "request.status",
        "request.assign",
        "request.note",
        "request.print",
        "request.deliver",
        "request.void",
    ]
    intake = typed[0].request
    assert intake is not None and intake.request is not None and intake.event is not None
    assert intake.request.receipt_no == a.receipt_no and intake.request.assignee == "clerk1"
    assert typed[3].request is not None and typed[3].request.event is not None
    assert typed[3].request.event.data["base_version"] == 2
    # the rulebook accepts what the write path wrote: the intake as a new request of this workstation
    rules.check_intake(intake.request, intake.event, unit=clerk.unit_code, workstation=clerk.workstation_code,
                       counter_max=2, now=intake.request.created_at, standard_days=[intake.request.standard_days])
    for o in typed[1:]:
        assert o.request is not None and o.request.event is not None
        rules.check_event(o.request.event, workstation=clerk.workstation_code)


def test_status_literal_is_the_lifecycle() -> None:
    assert set(wire.Status.__args__) == set(wire.STATUSES)  # type: ignore[attr-defined]
