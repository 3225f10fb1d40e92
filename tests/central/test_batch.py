"""The batched push (frontdesk/central/batch.py) answers exactly as op-by-op application would: order inside
a batch, an op id or a request twice in one push, a receipt number reused inside one push, and a buffer
of intakes that meets a concurrent write — on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk import wire as p
from frontdesk.central import models as m
from frontdesk.central import push as central_push
from frontdesk.central.batch import Batch
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import promised_date

from .conftest import Desk, Server, results


def _count(server: Server, model: Any) -> int:
    db = server.db
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.close()


def test_intakes_and_later_ops_of_one_batch_apply_in_push_order(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    (op1, s1), (op2, s2), (op3, s3) = (a.intake(name=f"Qytetar Radhë {i}") for i in range(3))
    batch = [
        op1,
        a.status_op(s1, "received", "in_progress"),  # about an intake buffered just before it
        op2,
        a.op("request.note", s2, a.event("note", data={"text": "shënim (TEST)"}), 1),
        op3,
        a.status_op(s3, "received", "in_progress"),
        a.status_op(s2, "received", "delivered"),  # not from received: rejected, nothing else spoiled
    ]
    assert results(a.push(batch)) == ["applied"] * 6 + ["rejected"]
    changes, _ = b.pull_all()
    order = [(c.kind, c.request.request.receipt_no if c.request else None) for c in changes]
    assert order == [
        ("request", s1.receipt_no),
        ("request", s1.receipt_no),
        ("request", s2.receipt_no),
        ("request", s2.receipt_no),
        ("request", s3.receipt_no),
        ("request", s3.receipt_no),
    ]
    seqs = [c.seq for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert changes[1].request is not None and changes[1].request.request.status == "in_progress"
    assert _count(a.server, m.AppliedOp) == len(batch)


def test_the_same_op_or_request_twice_in_one_push(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    op, snap = a.intake()
    same_request = p.Op.model_validate({**op.model_dump(), "op_id": uuid7()})
    res = a.push([op, op, same_request])
    assert results(res) == ["applied", "duplicate", "duplicate"]
    # an op id first rejected answers rejected with its reason again, in the same push and later
    ghost = a.status_op(a.intake()[1], "received", "in_progress")
    res = a.push([ghost, ghost])
    assert results(res) == ["rejected", "rejected"] and {r.reason for r in res} == {"unknown_request"}
    assert results(a.push([ghost])) == ["rejected"]
    assert _count(a.server, m.AppliedOp) == 3  # one row per op id
    assert _count(a.server, m.Request) == 1
    assert snap.id in {r.id for r in _requests(a.server)}


def test_a_receipt_number_twice_in_one_push_refuses_the_whole_push(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    op1, snap1 = a.intake()
    op2, _ = a.intake()
    clash = _with_receipt(op2, snap1.receipt_no)
    r = a.push_raw([op1, clash])
    assert r.status_code == 409 and r.json()["error"] == "clone_suspected"
    assert _count(a.server, m.Request) == 0 and _count(a.server, m.AppliedOp) == 0


def _with_receipt(op: p.Op, receipt_no: str) -> p.Op:
    body = op.model_dump()
    body["request"]["receipt_no"] = body["request"]["request"]["receipt_no"] = receipt_no
    return p.Op.model_validate(body)


def _with_id(op: p.Op, request_id: str) -> p.Op:
    body = op.model_dump()
    body["request"]["request_id"] = body["request"]["request"]["id"] = request_id
    return p.Op.model_validate(body)


def _requests(server: Server) -> list[m.Request]:
    db = server.db
    try:
        with db.read() as s:
            return list(s.scalars(select(m.Request)))
    finally:
        db.close()


def test_a_concurrent_write_sends_the_buffer_op_by_op(
    desks: Any, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another unit's transaction commits a request id after this push read what exists (possible on
    PostgreSQL, where units push in parallel — receipt numbers cannot collide across units, ids of a
    hostile desk could): the bulk insert fails, the intakes are written again one by one, the colliding one
    answers ``rejected``/``invalid`` and the rest are applied."""
    a: Desk = desks("TR01", "W01")
    other: Desk = desks("TR02", "W01")
    mine = [a.intake(name=f"Qytetar Buferi {i}") for i in range(4)]
    # the other unit already has a request with the id of mine[2] (written before this push)
    op_other = _with_id(other.intake()[0], mine[2][1].id)
    assert results(other.push([op_other])) == ["applied"]
    # ...but this push does not see it when it looks (the other transaction had not committed yet)
    monkeypatch.setattr(Batch, "_load_requests", lambda self, ids, receipts, events: None)
    monkeypatch.setattr(Batch, "_load_row", lambda self, request_id: None)
    db = server.db
    try:
        body = p.PushEnvelope(epoch=None, receipt_counter=a.counter, ops=[op.model_dump(mode="json") for op, _ in mine])
        res = central_push.push(db, a.token, body).results
    finally:
        db.close()
    assert results(res) == ["applied", "applied", "rejected", "applied"]
    assert res[2].reason == "invalid" and res[2].message == "Conflicting write; push again."
    assert sorted(r.receipt_no for r in _requests(server) if r.unit_code == "TR01") == sorted(
        s.receipt_no for i, (_, s) in enumerate(mine) if i != 2
    )
    monkeypatch.undo()
    # the answers are kept: the same push again answers the same
    again = a.push([op for op, _ in mine])
    assert results(again) == ["duplicate", "duplicate", "rejected", "duplicate"]


def test_a_batch_of_the_largest_size_is_applied(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    batch = [a.intake(name=f"Qytetar Shumë {i}")[0] for i in range(p.MAX_BATCH)]
    assert results(a.push(batch)) == ["applied"] * p.MAX_BATCH
    changes, _ = b.pull_all(limit=1000)
    assert [c.seq for c in changes] == sorted(c.seq for c in changes) and len(changes) == p.MAX_BATCH


def _changes_of(desk: Desk, receipt_no: str) -> list[p.RequestSnapshot]:
    changes, _ = desk.pull_all()
    return [c.request.request for c in changes if c.request is not None and c.request.request.receipt_no == receipt_no]


def test_status_and_delivery_ops_in_bulk_follow_the_rules_in_push_order(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    op_a, sa = a.intake(name="Qytetar Rrjedhë (TEST)")
    op_b, sb = a.intake(name="Qytetar Caktim (TEST)")
    op_c, sc = a.intake(name="Qytetar Kthim (TEST)")
    moved = a.status_op(sa, "received", "in_progress")
    same_event = p.Op.model_validate({**moved.model_dump(), "op_id": uuid7()})  # a re-sent event
    assert moved.request is not None and moved.request.event is not None
    foreign = a.status_op(sb, "received", "in_progress")  # carries an event id that is sa's
    foreign = p.Op.model_validate(
        {
            **foreign.model_dump(),
            "request": {**foreign.model_dump()["request"], "event": moved.request.event.model_dump()},
        }
    )
    batch = [
        op_a,
        moved,
        same_event,
        a.status_op(sa, "in_progress", "ready"),
        a.status_op(sa, "ready", "delivered", rating=4),
        op_b,
        a.status_op(sb, "received", "in_progress"),
        a.assign_op(sb, "clerk2", base_version=2),  # another kind, between two status ops
        a.status_op(sb, "in_progress", "ready"),
        foreign,
        op_c,
        a.status_op(sc, "received", "returned"),
        a.status_op(sc, "returned", "received", due_date="2099-12-24"),  # the server computes it itself
        a.status_op(sc, "received", "delivered"),  # not from received
        a.status_op(a.intake()[1], "received", "in_progress"),  # a request never pushed
    ]
    res = a.push(batch)
    assert results(res) == ["applied", "applied", "duplicate", "applied", "applied", "applied", "applied",
                            "applied", "applied", "rejected", "applied", "applied", "applied", "rejected",
                            "rejected"]  # fmt: skip
    assert res[9].reason == "invalid" and res[13].reason == "invalid_transition"
    assert res[13].current == {"status": "received", "version": 3} and res[14].reason == "unknown_request"
    listed = {r.receipt_no: r for r in _requests(a.server)}
    ra, rb, rc = listed[sa.receipt_no], listed[sb.receipt_no], listed[sc.receipt_no]
    assert (ra.status, ra.version, ra.rating) == ("delivered", 4, 4)
    assert ra.completed_at is not None and ra.delivered_at is not None
    assert (rb.status, rb.version, rb.assignee, rb.assigned_version) == ("ready", 4, "clerk2", 3)
    due = promised_date(utcnow(), 1)
    assert (rc.status, rc.version, rc.due_date, rc.documents_missing) == ("received", 3, due, [])
    # the other desk sees every step, each snapshot as it stood after its op
    assert [(x.status, x.version) for x in _changes_of(b, sa.receipt_no)] == [
        ("received", 1), ("in_progress", 2), ("ready", 3), ("delivered", 4)
    ]  # fmt: skip
    last_b = _changes_of(b, sb.receipt_no)[-1]
    assert (last_b.status, last_b.version, last_b.assignee) == ("ready", 4, "clerk2")
    # the same push again: every answer as before, nothing applied twice
    again = a.push(batch)
    assert [r.result for r in again] == ["duplicate" if r.result == "applied" else r.result for r in res]
    assert {r.receipt_no: r.version for r in _requests(a.server)}[sa.receipt_no] == 4


def _service_op(code: str, *, updated_at: Any = None, name: str = "Vërtetim vendor (TEST)") -> p.Op:
    service = {"code": code, "name": {"sq": name, "en": "Local certificate (TEST)"}, "category": "Vendore",
               "life_event": None, "documents": [], "fee": {"amount": 0, "currency": "ALL"}, "standard_days": 2,
               "office": "Zyra", "active": True, "origin": "local"}  # fmt: skip
    payload = p.ServicePayload(code=code, service=service, updated_at=updated_at or utcnow(), actor="admin")
    return p.Op(op_id=uuid7(), kind="service.upsert", created_at=utcnow(), service=payload)


def test_a_units_own_service_reaches_its_other_desks_only(desks: Any) -> None:
    import datetime as dt

    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    stranger: Desk = desks("TR02", "W01")
    first = _service_op("LOC-01")
    assert results(a.push([first])) == ["applied"]
    changes, _ = b.pull_all()
    services = [c.service for c in changes if c.kind == "service"]
    assert len(services) == 1 and services[0] is not None and services[0].service["name"]["sq"].startswith("Vërtetim")
    assert not [c for c in stranger.pull_all()[0] if c.kind == "service"]
    # an older copy from another desk loses; a copy whose code differs is refused
    assert first.service is not None
    older = _service_op("LOC-01", updated_at=first.service.updated_at - dt.timedelta(hours=1))
    res = b.push([older])
    assert results(res) == ["rejected"] and res[0].reason == "stale"
    bad = p.Op.model_validate({**_service_op("LOC-02").model_dump(), "service": {
        **_service_op("LOC-02").model_dump()["service"], "code": "LOC-03"}})  # fmt: skip
    assert [r.reason for r in a.push([bad])] == ["invalid"]
