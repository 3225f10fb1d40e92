"""One push batch, applied with a handful of statements instead of a dozen per op.

A push of 500 ops used to cost ~4 ms per op on the server, nearly all of it SQLAlchemy ORM work and one
statement round per lookup — more than the 256 kbit/s link needed to carry the op (bench/sync.py). Here:

* the ``applied_ops`` answers of the whole batch are read in one ``SELECT … IN`` and the new ones are
  written in one ``executemany`` at the end (the unit's lock is held, so no other push of the unit can
  add the same op ids in between);
* ``request.intake``, ``request.status`` and ``request.deliver`` — nearly every op a desk pushes after a
  day offline — are checked in Python against what the batch read once after the lock (the request ids,
  receipt numbers, event ids and rows it names) and what came earlier in the batch, then buffered; the
  buffer is written with one ``executemany`` per table and one counter update that numbers its changes.
  A status change follows ``rules.status_change``, the rule the back office uses too;
* every other kind (assign, note, print, sync, user) goes through its ORM handler in its own savepoint
  (ops.py), after the buffer has been written, so ops apply in the order they were pushed; a request it
  touched is read again before a later status op uses it.

Nothing about the answers changes: an op rejected by a check writes nothing, an answered op id answers
as before, and a buffer whose insert hits a concurrent write (an ``IntegrityError`` from another unit's
transaction on PostgreSQL) is rolled back and written again op by op, the op that collides answering
``rejected`` / ``invalid`` as the per-op path always did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow
from frontdesk.sync import protocol as p

from . import models as m
from .errors import Conflict, Rejected
from .rules import status_change
from .service import naive_utc

SlowPath = Callable[[Session, m.Workstation, p.Op], p.OpResult]

CONFLICTING_WRITE = "Conflicting write; push again."
_IN_CHUNK = 500  # ids per ``IN (…)``: well inside SQLite's and PostgreSQL's parameter limits
_REQUESTS: Table = m.Request.__table__  # type: ignore[assignment]
_EVENTS: Table = m.RequestEvent.__table__  # type: ignore[assignment]
_CHANGES: Table = m.Change.__table__  # type: ignore[assignment]
_APPLIED: Table = m.AppliedOp.__table__  # type: ignore[assignment]
_STATUS_KINDS = ("request.status", "request.deliver")
# what a status change may write (rules.status_change), updated by request id
_STATE = ("status", "version", "updated_at", "completed_at", "delivered_at", "rating", "due_date", "documents_missing")
_UPDATE_STATE = update(_REQUESTS).where(_REQUESTS.c.id == bindparam("_id")).values({c: bindparam(c) for c in _STATE})
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
class _Item:
    """One buffered op: a new request row (intake) or a request's row after the op (status), its event
    and its change (numbered when written)."""

    index: int
    op: p.Op
    insert: dict[str, Any] | None
    update: dict[str, Any] | None
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
    _buffer: list[_Item] = field(default_factory=list)
    # what exists, loaded once after the lock, and what this batch added:
    _request_unit: dict[str, str] = field(default_factory=dict)  # request id -> unit
    _receipt_owner: dict[str, str] = field(default_factory=dict)  # receipt no -> request id
    _event_owner: dict[str, str] = field(default_factory=dict)  # event id -> request id
    _rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # request id -> its row, for status ops

    def apply(self, ops: Sequence[p.Op]) -> list[p.OpResult]:
        answered = self._answered([op.op_id for op in ops])
        self._preload([op for op in ops if op.op_id not in answered])
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
            elif op.kind in _STATUS_KINDS:
                self._status(i, op)
            else:
                self._flush()
                self.results[i] = self._slow(op)
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

    def _preload(self, ops: list[p.Op]) -> None:
        """What the intakes and status ops of the batch name: which request ids and receipt numbers
        exist, the rows of the requests status ops change, and which event ids exist (and whose)."""
        ids, receipts, events, rows = set(), set(), set(), set()
        for op in ops:
            pl = op.request
            if pl is None:
                continue
            if pl.event is not None:
                events.add(pl.event.id)
            if op.kind == "request.intake":
                ids.add(pl.request_id)
                receipts.add(pl.receipt_no)
                if pl.request is not None:
                    ids.add(pl.request.id)
                    receipts.add(pl.request.receipt_no)
            elif op.kind in _STATUS_KINDS:
                rows.add(pl.request_id)
        for chunk in _chunks(sorted(ids)):
            stmt = select(m.Request.id, m.Request.unit_code).where(m.Request.id.in_(chunk))
            self._request_unit.update({rid: unit for rid, unit in self.s.execute(stmt)})
        for chunk in _chunks(sorted(receipts)):
            stmt = select(m.Request.receipt_no, m.Request.id).where(m.Request.receipt_no.in_(chunk))
            self._receipt_owner.update({no: rid for no, rid in self.s.execute(stmt)})
        for chunk in _chunks(sorted(events)):
            stmt = select(m.RequestEvent.id, m.RequestEvent.request_id).where(m.RequestEvent.id.in_(chunk))
            self._event_owner.update({eid: rid for eid, rid in self.s.execute(stmt)})
        for chunk in _chunks(sorted(rows)):
            for row in self.s.execute(select(_REQUESTS).where(_REQUESTS.c.id.in_(chunk))).mappings():
                self._rows[row["id"]] = dict(row)

    def _row(self, request_id: str) -> dict[str, Any] | None:
        """The request's current row: loaded with the batch, added by it, or read again after an op of
        the ORM path changed it."""
        row = self._rows.get(request_id)
        if row is None:
            found = self.s.execute(select(_REQUESTS).where(_REQUESTS.c.id == request_id)).mappings().first()
            if found is not None:
                row = self._rows[request_id] = dict(found)
        return row

    def _slow(self, op: p.Op) -> p.OpResult:
        """An op of another kind, through the ORM path; what it changed is forgotten here, and what it
        added is known."""
        result = self.slow_path(self.s, self.ws, op)
        pl = op.request
        if pl is not None:
            self._rows.pop(pl.request_id, None)
            if result.result == "applied":
                for ev in [*pl.events, *([pl.event] if pl.event is not None else [])]:
                    self._event_owner.setdefault(ev.id, pl.request_id)
                if op.kind == "request.sync":
                    self._request_unit[pl.request_id] = self.ws.unit_code
                    self._receipt_owner[pl.receipt_no] = pl.request_id
        return result

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
            if ev.id in self._event_owner:
                raise Rejected("invalid", "This event id belongs to another request.")
        except Rejected as r:
            self.results[i] = p.OpResult(
                op_id=op.op_id, result="rejected", reason=r.reason, message=r.message, current=r.current
            )
            return
        request = request_values(snap, self.now)
        event = event_values(snap.id, ev, self.now)
        self._buffer.append(_Item(i, op, request, None, event, self._change(request, event)))
        self._rows[snap.id] = dict(request)
        self._request_unit[snap.id] = self.ws.unit_code
        self._receipt_owner[snap.receipt_no] = snap.id
        self._event_owner[ev.id] = snap.id

    def _change(self, request: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
        """The pull feed's change of a request as ``request`` stands after ``event`` (seq added later)."""
        published = p.RequestChange(
            request=p.RequestSnapshot.model_validate({k: request[k] for k in _SNAPSHOT_FIELDS}),
            events=[p.EventPayload.model_validate({k: event[k] for k in _EVENT_FIELDS})],
        )
        return {"unit_code": self.ws.unit_code, "kind": "request", "payload": published.model_dump(mode="json"),
                "origin": self.ws.id, "created_at": self.now}  # fmt: skip

    # -- status and delivery ----------------------------------------------------------------------

    def _status(self, i: int, op: p.Op) -> None:
        """``request.status`` / ``request.deliver``: the checks of the ORM path (own request, event not
        known, rules.status_change) on the request's row, then buffered with the row after it."""
        deliver = op.kind == "request.deliver"
        try:
            pl = op.request
            if pl is None:
                raise Rejected("invalid", f"A {op.kind} op needs a request payload.")
            ev = pl.event
            if ev is None or ev.kind != _event_kind(deliver):
                raise Rejected("invalid", f"A {op.kind} op needs an event of kind {_event_kind(deliver)}.")
            row = self._row(pl.request_id)
            if row is None or row["unit_code"] != self.ws.unit_code:
                raise Rejected("unknown_request", "The central system does not have this request.")
            owner = self._event_owner.get(ev.id)
            if owner is not None:
                if owner != row["id"]:
                    raise Rejected("invalid", "This event id belongs to another request.")
                self.results[i] = p.OpResult(op_id=op.op_id, result="duplicate")
                return
            row.update(status_change(row, ev, deliver=deliver))
        except Rejected as r:
            self.results[i] = p.OpResult(
                op_id=op.op_id, result="rejected", reason=r.reason, message=r.message, current=r.current
            )
            return
        event = event_values(row["id"], ev, self.now)
        self._buffer.append(_Item(i, op, None, dict(row), event, self._change(row, event)))
        self._event_owner[ev.id] = row["id"]

    def _flush(self) -> None:
        """Write the buffered ops; on a concurrent write, again one op at a time."""
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

    def _write(self, items: list[_Item]) -> None:
        self.s.flush()  # ORM changes of earlier ops first, in push order
        last = self.s.execute(
            text("UPDATE unit_counters SET last_seq = last_seq + :n WHERE unit_code = :u RETURNING last_seq"),
            {"n": len(items), "u": self.ws.unit_code},
        ).scalar_one()
        first = int(last) - len(items) + 1
        inserts = [it.insert for it in items if it.insert is not None]
        updates = [it.update for it in items if it.update is not None]  # in push order: the last one stands
        if inserts:
            self.s.execute(insert(_REQUESTS), inserts)
        if updates:
            self.s.connection().execute(_UPDATE_STATE, [{"_id": u["id"], **{c: u[c] for c in _STATE}} for u in updates])
            changed = {u["id"] for u in updates}
            for obj in list(self.s.identity_map.values()):  # an ORM copy read before is stale now
                if isinstance(obj, m.Request) and obj.id in changed:
                    self.s.expire(obj)
        self.s.execute(insert(_EVENTS), [it.event for it in items])
        self.s.execute(insert(_CHANGES), [dict(it.change, seq=first + k) for k, it in enumerate(items)])


def _event_kind(deliver: bool) -> str:
    return "deliver" if deliver else "status"


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
