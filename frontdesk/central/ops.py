"""Push: each op of a batch applied in its own savepoint and answered ``applied | duplicate | rejected``,
recorded permanently in ``applied_ops`` (so a retry after a lost answer gets the same answer), inside one
transaction that holds the unit's lock (so change sequence numbers follow commit order). The op rules are
in docs/central.md; the helpers shared with enrolment, the change feed and the back office live in
:mod:`frontdesk.central.service`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow
from frontdesk.lifecycle import TERMINAL
from frontdesk.sync import protocol as p

from . import models as m
from .batch import CONFLICTING_WRITE, Batch, clone_suspected, event_values, pushed_snapshot, request_values
from .db import Database, epoch, lock_unit
from .errors import Conflict, Rejected
from .rules import status_change
from .service import (
    _add_change,
    _request_change,
    authenticate,
    check_storable,
    log,
    naive_utc,
    server_time,
)

# ------------------------------------------------------------------------------------------------ push


def push(db: Database, token: str | None, req: p.PushRequest) -> p.PushResponse:
    check_storable(req.model_dump(), "body")
    with db.write() as s:
        ws = authenticate(s, token)
        lock_unit(s, ws.unit_code)
        s.refresh(ws)  # the lock may have waited for another push of this workstation
        if req.receipt_counter < ws.max_receipt_counter:
            log.warning(
                "clone suspected: workstation %s of unit %s sent counter %d < %d",
                ws.code,
                ws.unit_code,
                req.receipt_counter,
                ws.max_receipt_counter,
            )
            raise Conflict(
                "The workstation's receipt counter went backwards: this looks like a cloned workstation.",
                code="clone_suspected",
                detail={"receipt_counter": req.receipt_counter, "highest_seen": ws.max_receipt_counter},
            )
        ws.max_receipt_counter = req.receipt_counter
        ws.last_seen_at = utcnow()
        results = Batch(s, ws, apply_one).apply(req.ops)
        return p.PushResponse(epoch=epoch(s), server_time=server_time(), results=results)


def apply_one(s: Session, ws: m.Workstation, op: p.Op) -> p.OpResult:
    """An op other than an intake, through its ORM handler in its own savepoint: a rejection rolls back
    what the op wrote and the others go on. Its ``applied_ops`` row is written by the batch."""
    handler = _HANDLERS[op.kind]
    savepoint = s.begin_nested()
    try:
        outcome = handler(s, ws, op)
        s.flush()
    except Rejected as r:
        savepoint.rollback()
        return p.OpResult(op_id=op.op_id, result="rejected", reason=r.reason, message=r.message, current=r.current)
    except IntegrityError:  # a concurrent write elsewhere (another unit) took the same key
        savepoint.rollback()
        return p.OpResult(op_id=op.op_id, result="rejected", reason="invalid", message=CONFLICTING_WRITE)
    savepoint.commit()
    return p.OpResult(op_id=op.op_id, result=outcome)


def _request_payload(op: p.Op) -> p.RequestOpPayload:
    if op.request is None:
        raise Rejected("invalid", f"A {op.kind} op needs a request payload.")
    return op.request


def _event(op: p.Op, *kinds: str) -> p.EventPayload:
    ev = _request_payload(op).event
    if ev is None or ev.kind not in kinds:
        raise Rejected("invalid", f"A {op.kind} op needs an event of kind {' or '.join(kinds)}.")
    return ev


def _own_request(s: Session, ws_unit: str, request_id: str) -> m.Request:
    req = s.get(m.Request, request_id)
    if req is None or req.unit_code != ws_unit:
        raise Rejected("unknown_request", "The central system does not have this request.")
    return req


def _event_known(s: Session, event_id: str, request_id: str) -> bool:
    owner = s.scalars(select(m.RequestEvent.request_id).where(m.RequestEvent.id == event_id)).first()
    if owner is None:
        return False
    if owner != request_id:
        raise Rejected("invalid", "This event id belongs to another request.")
    return True


def _new_event(req_id: str, ev: p.EventPayload) -> m.RequestEvent:
    return m.RequestEvent(**event_values(req_id, ev, utcnow()))


def _check_receipt_free(s: Session, snap: p.RequestSnapshot) -> None:
    other = s.scalars(select(m.Request.id).where(m.Request.receipt_no == snap.receipt_no)).first()
    if other is not None and other != snap.id:
        raise clone_suspected(snap.receipt_no)


def _insert_request(s: Session, snap: p.RequestSnapshot) -> m.Request:
    req = m.Request(**request_values(snap, utcnow()))
    s.add(req)
    s.flush()
    return req


def apply_status(
    s: Session, req: m.Request, ev: p.EventPayload, origin: str | None, *, deliver: bool
) -> m.RequestEvent:
    """Apply a status (or delivery) event to the server's state of the request (rules.status_change).
    The back office's path; a push applies status ops in bulk (batch.py)."""
    current = {"status": req.status, "receipt_no": req.receipt_no, "version": req.version, "updated_at": req.updated_at}
    for name, value in status_change(current, ev, deliver=deliver).items():
        setattr(req, name, value)
    event = _new_event(req.id, ev)
    s.add(event)
    _request_change(s, req, [event], origin)
    return event


def _op_assign(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    ev = _event(op, "assign")
    to = ev.data.get("to")
    base = ev.data.get("base_version")
    if not isinstance(to, str) or not 1 <= len(to) <= 64:
        raise Rejected("invalid", "A reassignment names the new assignee (data.to).")
    if not isinstance(base, int) or isinstance(base, bool) or base < 0:
        raise Rejected("invalid", "A reassignment carries the version it was based on (data.base_version).")
    req = _own_request(s, ws.unit_code, _request_payload(op).request_id)
    if _event_known(s, ev.id, req.id):
        return "duplicate"
    current = {"assignee": req.assignee, "version": req.version, "status": req.status}
    if req.status in TERMINAL:
        raise Rejected(
            "invalid_transition", f"Request {req.receipt_no} is {req.status} and cannot be reassigned.", current
        )
    if req.assigned_version > base:
        raise Rejected(
            "stale",
            f"Request {req.receipt_no} was reassigned to {req.assignee} in the meantime.",
            current,
        )
    req.assignee = to
    req.version += 1
    req.assigned_version = req.version
    req.updated_at = max(req.updated_at, naive_utc(ev.device_time))
    event = _new_event(req.id, ev)
    s.add(event)
    _request_change(s, req, [event], ws.id)
    return "applied"


def _op_merge(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    ev = _event(op, op.kind.removeprefix("request."))
    req = _own_request(s, ws.unit_code, _request_payload(op).request_id)
    if _event_known(s, ev.id, req.id):
        return "duplicate"
    event = _new_event(req.id, ev)
    s.add(event)
    if ev.kind == "note":
        req.updated_at = max(req.updated_at, naive_utc(ev.device_time))
    _request_change(s, req, [event], ws.id)
    return "applied"


_STATE_FIELDS = (
    "status",
    "assignee",
    "documents",
    "documents_missing",
    "note",
    "due_date",
    "completed_at",
    "delivered_at",
    "rating",
    "version",
)


def _op_sync(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    """Re-push after an epoch change: create the request if unknown, merge the events it lacks. A known
    request takes the pushed state only when the workstation has seen every event the server has and
    its version is higher (a fast-forward); otherwise the server's state stands."""
    snap = pushed_snapshot(op, ws.unit_code)
    pl = _request_payload(op)
    pushed = list(pl.events) + ([pl.event] if pl.event is not None else [])
    req = s.get(m.Request, snap.id)
    new: list[m.RequestEvent] = []
    if req is None:
        _check_receipt_free(s, snap)
        req = _insert_request(s, snap)
        changed = True
    else:
        if req.unit_code != ws.unit_code:
            raise Rejected("invalid", "This request id is already used.")
        changed = False
    known = set(s.scalars(select(m.RequestEvent.id).where(m.RequestEvent.request_id == req.id)))
    seen: set[str] = set()
    for ev in pushed:
        if ev.id in seen:
            continue
        seen.add(ev.id)
        if ev.id in known or _event_known(s, ev.id, req.id):
            continue
        event = _new_event(req.id, ev)
        s.add(event)
        new.append(event)
    if not changed and snap.version > req.version and known <= seen:
        fresh = _insert_values(snap)
        for name in _STATE_FIELDS:
            setattr(req, name, fresh[name])
        req.updated_at = max(req.updated_at, fresh["updated_at"])
        changed = True
    if not changed and not new:
        return "duplicate"
    _request_change(s, req, new, ws.id)
    return "applied"


def _insert_values(snap: p.RequestSnapshot) -> dict[str, Any]:
    values = snap.model_dump()
    for key in ("created_at", "updated_at", "completed_at", "delivered_at"):
        if values[key] is not None:
            values[key] = naive_utc(values[key])
    return values


def _op_user(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    u = op.user
    if u is None:
        raise Rejected("invalid", "A user.upsert op needs a user payload.")
    when = naive_utc(u.updated_at)
    row = s.get(m.User, (ws.unit_code, u.username))
    if row is None:
        row = m.User(unit_code=ws.unit_code, username=u.username)
        s.add(row)
    elif row.updated_at > when:
        raise Rejected(
            "stale",
            f"User {u.username} was changed more recently elsewhere.",
            {"updated_at": row.updated_at.isoformat(), "role": row.role, "active": row.active},
        )
    row.full_name = u.full_name
    row.role = u.role
    row.active = u.active
    row.password_hash = u.password_hash
    row.must_change_password = u.must_change_password
    row.updated_at = when
    s.flush()
    _add_change(s, ws.unit_code, "user", user_payload(row).model_dump(mode="json"), ws.id)
    return "applied"


def _op_service(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    """A unit's own service, last writer wins by ``updated_at`` (as users); kept as pushed, published to
    the unit's other desks, which validate it against the catalogue rules when they apply it."""
    sv = op.service
    if sv is None:
        raise Rejected("invalid", "A service.upsert op needs a service payload.")
    if sv.service.get("code") != sv.code:
        raise Rejected("invalid", "The service's code differs from the op's.")
    when = naive_utc(sv.updated_at)
    row = s.get(m.UnitService, (ws.unit_code, sv.code))
    if row is None:
        row = m.UnitService(unit_code=ws.unit_code, code=sv.code)
        s.add(row)
    elif row.updated_at > when:
        raise Rejected("stale", f"Service {sv.code} was changed more recently elsewhere.",
                       {"updated_at": row.updated_at.isoformat()})  # fmt: skip
    row.content = dict(sv.service)
    row.updated_at = when
    s.flush()
    _add_change(s, ws.unit_code, "service", sv.model_dump(mode="json"), ws.id)
    return "applied"


def user_payload(row: m.User) -> p.UserPayload:
    return p.UserPayload(
        username=row.username,
        full_name=row.full_name,
        role=row.role,  # type: ignore[arg-type]
        active=row.active,
        password_hash=row.password_hash,
        must_change_password=row.must_change_password,
        updated_at=row.updated_at,
    )


_HANDLERS: dict[str, Any] = {
    "request.assign": _op_assign,
    "request.note": _op_merge,
    "request.print": _op_merge,
    "request.sync": _op_sync,
    "user.upsert": _op_user,
    "service.upsert": _op_service,
}
