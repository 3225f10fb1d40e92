"""One push batch, applied with a handful of statements instead of a dozen per op.

A push of 500 ops used to cost ~4 ms per op on the server, nearly all of it SQLAlchemy ORM work and one
statement round per lookup — more than the 256 kbit/s link needed to carry the op (bench/sync.py). Here:

* the ``applied_ops`` answers of the whole batch are read in one ``SELECT … IN`` and the new ones are
  written in one ``executemany`` at the end (the unit's lock is held, so no other push of the unit can
  add the same op ids in between);
* ``request.intake`` — nearly every op a desk pushes after a day offline — is checked in Python against
  the requests, receipt numbers and event ids that exist (one ``SELECT … IN`` each, after the lock) or
  that came earlier in the batch, then buffered; the buffer is written with one ``executemany`` per
  table and one counter update that numbers its changes;
* every other kind goes through its ORM handler in its own savepoint (ops.py), after the buffer has been
  written, so ops apply in the order they were pushed.

Nothing about the answers changes: an intake rejected by a check writes nothing, an answered op id
answers as before, and a buffer whose insert hits a concurrent write (an ``IntegrityError`` from another
unit's transaction on PostgreSQL) is rolled back and written again op by op, the op that collides
answering ``rejected`` / ``invalid`` as the per-op path always did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow
from frontdesk.sync import protocol as p

from . import models as m
from .errors import Conflict, Rejected
from .service import naive_utc

SlowPath = Callable[[Session, m.Workstation, p.Op], p.OpResult]

CONFLICTING_WRITE = "Conflicting write; push again."
_IN_CHUNK = 500  # ids per ``IN (…)``: well inside SQLite's and PostgreSQL's parameter limits
_REQUESTS: Table = m.Request.__table__  # type: ignore[assignment]
_EVENTS: Table = m.RequestEvent.__table__  # type: ignore[assignment]
_CHANGES: Table = m.Change.__table__  # type: ignore[assignment]
_APPLIED: Table = m.AppliedOp.__table__  # type: ignore[assignment]
_SNAPSHOT_FIELDS = tuple(p.RequestSnapshot.model_fields)
_EVENT_FIELDS = tuple(p.EventPayload.model_fields)


def request_values(snap: p.RequestSnapshot, received_at: dt.datetime) -> dict[str, Any]:
    """The ``requests`` row of a pushed snapshot: times as naive UTC, no assignment made yet."""
    return {
        "id": snap.id,
        "receipt_no": snap.receipt_no,
        "visit_id": snap.visit_id,
        "unit_code": snap.unit_code,
        "workstation_code": snap.workstation_code,
        "service_code": snap.service_code,
        "citizen_nid": snap.citizen_nid,
        "citizen_name": snap.citizen_name,
        "citizen_phone": snap.citizen_phone,
        "documents": list(snap.documents),
        "documents_missing": list(snap.documents_missing),
        "fee_paid": snap.fee_paid,
        "priority": snap.priority,
        "note": snap.note,
        "status": snap.status,
        "assignee": snap.assignee,
        "created_by": snap.created_by,
        "created_at": naive_utc(snap.created_at),
        "updated_at": naive_utc(snap.updated_at),
        "due_date": snap.due_date,
        "standard_days": snap.standard_days,
        "version": snap.version,
        "assigned_version": 0,
        "completed_at": naive_utc(snap.completed_at) if snap.completed_at else None,
        "delivered_at": naive_utc(snap.delivered_at) if snap.delivered_at else None,
        "rating": snap.rating,
        "received_at": received_at,
    }


def event_values(request_id: str, ev: p.EventPayload, received_at: dt.datetime) -> dict[str, Any]:
    return {
        "id": ev.id,
        "request_id": request_id,
        "kind": ev.kind,
        "from_status": ev.from_status,
        "to_status": ev.to_status,
        "actor": ev.actor,
        "workstation": ev.workstation,
        "device_time": naive_utc(ev.device_time),
        "data": ev.data,
        "received_at": received_at,
    }


def pushed_snapshot(op: p.Op, unit_code: str) -> p.RequestSnapshot:
    """The whole request an intake or sync op carries, of this unit, with the op's id and receipt no."""
    pl = op.request
    if pl is None:
        raise Rejected("invalid", f"A {op.kind} op needs a request payload.")
    snap = pl.request
    if snap is None:
        raise Rejected("invalid", f"A {op.kind} op carries the whole request.")
    if snap.id != pl.request_id or snap.receipt_no != pl.receipt_no:
        raise Rejected("invalid", "The request's id or receipt number differs from the op's.")
    if snap.unit_code != unit_code:
        raise Rejected("wrong_unit", f"Request {snap.receipt_no} belongs to unit {snap.unit_code}.")
    return snap


def intake_parts(op: p.Op, unit_code: str) -> tuple[p.RequestSnapshot, p.EventPayload]:
    """The checks of a ``request.intake`` op that need no database: its request and an intake event."""
    snap = pushed_snapshot(op, unit_code)
    ev = op.request.event if op.request is not None else None
    if ev is None or ev.kind != "intake":
        raise Rejected("invalid", f"A {op.kind} op needs an event of kind intake.")
    return snap, ev


def clone_suspected(receipt_no: str) -> Conflict:
    """Receipt numbers are unique by construction (unit + workstation + counter); the same number on
    another request means two machines share one workstation's identity — a copied data directory. The
    whole push is refused with 409 ``clone_suspected`` (nothing of it is applied, the transaction rolls
    back) and the client stops syncing until IT steps in: merging the copy's requests would hand the
    original's next receipt numbers to strangers (docs/sync-protocol.md)."""
    return Conflict(
        f"Receipt number {receipt_no} already belongs to another request: this looks like a cloned workstation.",
        code="clone_suspected",
        detail={"receipt_no": receipt_no},
    )


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


@dataclass
class _Intake:
    index: int
    op: p.Op
    request: dict[str, Any]
    event: dict[str, Any]
    change: dict[str, Any]


@dataclass
class Batch:
    """Applies one push's ops in order inside the caller's locked write transaction."""

    s: Session
    ws: m.Workstation
    slow_path: SlowPath
    now: dt.datetime = field(default_factory=utcnow)
    results: list[p.OpResult | None] = field(default_factory=list)
    _buffer: list[_Intake] = field(default_factory=list)
    # what exists, loaded once after the lock, and what this batch added:
    _request_unit: dict[str, str] = field(default_factory=dict)  # request id -> unit
    _receipt_owner: dict[str, str] = field(default_factory=dict)  # receipt no -> request id
    _event_ids: set[str] = field(default_factory=set)

    def apply(self, ops: Sequence[p.Op]) -> list[p.OpResult]:
        answered = self._answered([op.op_id for op in ops])
        self._preload([op for op in ops if op.kind == "request.intake" and op.op_id not in answered])
        self.results = [None] * len(ops)
        first_of: dict[str, int] = {}
        for i, op in enumerate(ops):
            earlier = first_of.get(op.op_id)
            if earlier is not None:  # the same op twice in one push: answered like a retry
                self._flush()
                self.results[i] = _as_retry(op.op_id, self._result(earlier))
                continue
            first_of[op.op_id] = i
            prior = answered.get(op.op_id)
            if prior is not None:
                self.results[i] = _as_retry(op.op_id, prior)
            elif op.kind == "request.intake":
                self._intake(i, op)
            else:
                self._flush()
                self.results[i] = self.slow_path(self.s, self.ws, op)
        self._flush()
        final = [self._result(i) for i in range(len(ops))]
        rows = [
            self._applied_row(ops[i].kind, r)
            for i, r in enumerate(final)
            if first_of[r.op_id] == i and r.op_id not in answered
        ]
        if rows:
            self.s.execute(insert(_APPLIED), rows)
        return final

    def _applied_row(self, kind: str, r: p.OpResult) -> dict[str, Any]:
        return {"op_id": r.op_id, "workstation_id": self.ws.id, "kind": kind, "result": r.result,
                "reason": r.reason, "message": r.message, "applied_at": self.now}  # fmt: skip

    def _result(self, i: int) -> p.OpResult:
        r = self.results[i]
        assert r is not None, "every op is answered once the buffer is written"
        return r

    # -- loading -------------------------------------------------------------------------------

    def _answered(self, op_ids: list[str]) -> dict[str, p.OpResult]:
        found: dict[str, p.OpResult] = {}
        cols = (m.AppliedOp.op_id, m.AppliedOp.result, m.AppliedOp.reason, m.AppliedOp.message)
        for chunk in _chunks(sorted(set(op_ids))):
            for op_id, result, reason, message in self.s.execute(select(*cols).where(m.AppliedOp.op_id.in_(chunk))):
                found[op_id] = p.OpResult.model_construct(op_id=op_id, result=result, reason=reason, message=message)
        return found

    def _preload(self, intakes: list[p.Op]) -> None:
        ids, receipts, events = set(), set(), set()
        for op in intakes:
            pl = op.request
            if pl is not None:
                ids.add(pl.request_id)
                receipts.add(pl.receipt_no)
                if pl.request is not None:
                    ids.add(pl.request.id)
                    receipts.add(pl.request.receipt_no)
                if pl.event is not None:
                    events.add(pl.event.id)
        for chunk in _chunks(sorted(ids)):
            stmt = select(m.Request.id, m.Request.unit_code).where(m.Request.id.in_(chunk))
            self._request_unit.update({rid: unit for rid, unit in self.s.execute(stmt)})
        for chunk in _chunks(sorted(receipts)):
            stmt = select(m.Request.receipt_no, m.Request.id).where(m.Request.receipt_no.in_(chunk))
            self._receipt_owner.update({no: rid for no, rid in self.s.execute(stmt)})
        for chunk in _chunks(sorted(events)):
            self._event_ids.update(self.s.scalars(select(m.RequestEvent.id).where(m.RequestEvent.id.in_(chunk))))

    # -- intake ----------------------------------------------------------------------------------

    def _intake(self, i: int, op: p.Op) -> None:
        try:
            snap, ev = intake_parts(op, self.ws.unit_code)
            unit = self._request_unit.get(snap.id)
            if unit is not None:
                if unit != self.ws.unit_code:
                    raise Rejected("invalid", "This request id is already used.")
                self.results[i] = p.OpResult(op_id=op.op_id, result="duplicate")
                return
            owner = self._receipt_owner.get(snap.receipt_no)
            if owner is not None and owner != snap.id:
                raise clone_suspected(snap.receipt_no)
            if ev.id in self._event_ids:
                raise Rejected("invalid", "This event id belongs to another request.")
        except Rejected as r:
            self.results[i] = p.OpResult(
                op_id=op.op_id, result="rejected", reason=r.reason, message=r.message, current=r.current
            )
            return
        request = request_values(snap, self.now)
        event = event_values(snap.id, ev, self.now)
        published = p.RequestChange(
            request=p.RequestSnapshot.model_validate({k: request[k] for k in _SNAPSHOT_FIELDS}),
            events=[p.EventPayload.model_validate({k: event[k] for k in _EVENT_FIELDS})],
        )
        change = {"unit_code": self.ws.unit_code, "kind": "request", "payload": published.model_dump(mode="json"),
                  "origin": self.ws.id, "created_at": self.now}  # fmt: skip
        self._buffer.append(_Intake(i, op, request, event, change))
        self._request_unit[snap.id] = self.ws.unit_code
        self._receipt_owner[snap.receipt_no] = snap.id
        self._event_ids.add(ev.id)

    def _flush(self) -> None:
        """Write the buffered intakes; on a concurrent write, again one op at a time."""
        if not self._buffer:
            return
        buffered, self._buffer = self._buffer, []
        savepoint = self.s.begin_nested()
        try:
            self._write(buffered)
        except IntegrityError:
            savepoint.rollback()
            for item in buffered:
                one = self.s.begin_nested()
                try:
                    self._write([item])
                except IntegrityError:  # a concurrent write elsewhere (another unit) took the same key
                    one.rollback()
                    self.results[item.index] = p.OpResult(
                        op_id=item.op.op_id, result="rejected", reason="invalid", message=CONFLICTING_WRITE
                    )
                else:
                    one.commit()
                    self.results[item.index] = p.OpResult(op_id=item.op.op_id, result="applied")
            return
        savepoint.commit()
        for item in buffered:
            self.results[item.index] = p.OpResult(op_id=item.op.op_id, result="applied")

    def _write(self, items: list[_Intake]) -> None:
        self.s.flush()  # ORM changes of earlier ops first, in push order
        last = self.s.execute(
            text("UPDATE unit_counters SET last_seq = last_seq + :n WHERE unit_code = :u RETURNING last_seq"),
            {"n": len(items), "u": self.ws.unit_code},
        ).scalar_one()
        first = int(last) - len(items) + 1
        self.s.execute(insert(_REQUESTS), [it.request for it in items])
        self.s.execute(insert(_EVENTS), [it.event for it in items])
        self.s.execute(insert(_CHANGES), [dict(it.change, seq=first + k) for k, it in enumerate(items)])


def _as_retry(op_id: str, prior: p.OpResult) -> p.OpResult:
    """How an op id answered before answers again: ``rejected`` with its reason, otherwise ``duplicate``."""
    if prior.result == "rejected":
        return p.OpResult(
            op_id=op_id,
            result="rejected",
            reason=prior.reason,
            message=prior.message or "This op was rejected before.",
        )
    return p.OpResult(op_id=op_id, result="duplicate")
