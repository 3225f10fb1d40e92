"""What the workflow writes to the outbox is what the sync protocol accepts."""

from __future__ import annotations

from sqlalchemy import select

from frontdesk import auth, workflow
from frontdesk.db import Store
from frontdesk.models import OutboxOp
from frontdesk.sync.protocol import Op


def test_every_outbox_op_validates_against_the_protocol(
    store: Store, clerk: auth.Actor, supervisor: auth.Actor
) -> None:
    citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli")
    (a,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"], note="shënim")])
    workflow.advance(store, clerk, a.receipt_no, "ready")
    workflow.reassign(store, supervisor, [a.receipt_no], "clerk2", "ngarkesa")
    workflow.add_note(store, clerk, a.receipt_no, "Qytetari u njoftua")
    workflow.record_print(store, clerk, a.receipt_no)
    workflow.deliver(store, clerk, a.receipt_no, rating=4)
    with store.read() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
        wire = [
            Op.model_validate({"op_id": o.op_id, "kind": o.kind, "created_at": o.created_at,
                               ("user" if o.kind.startswith("user.") else "request"): o.payload})
            for o in ops
        ]
    users = [o for o in wire if o.kind == "user.upsert"]
    assert {u.user.username for u in users if u.user} == {"clerk1", "clerk2", "super", "admin"}
    assert all(u.user and u.user.password_hash.startswith("$argon2id$") for u in users)
    wire = [o for o in wire if o.kind != "user.upsert"]
    assert [o.kind for o in wire] == [
        "request.intake",
        "request.status",
        "request.assign",
        "request.note",
        "request.print",
        "request.deliver",
    ]
    intake = wire[0].request
    assert intake is not None and intake.request is not None
    assert intake.request.receipt_no == a.receipt_no and intake.request.assignee == "clerk1"
    assert wire[2].request is not None and wire[2].request.event is not None
    assert wire[2].request.event.data["base_version"] == 2


def test_status_literal_is_the_lifecycle() -> None:
    from frontdesk.sync import protocol

    assert set(protocol.Status.__args__) == set(protocol.STATUSES)  # type: ignore[attr-defined]
