"""What the central server does, independent of HTTP: enrolment, applying pushed ops, the pull feed,
the back office, catalogue publication and administration. The FastAPI layer (app.py) and the command
line (cli.py) both call these functions; each takes a :class:`~frontdesk.central.db.Database` or a
session inside one of its write transactions.

Decisions (docs/central.md):

* every writing transaction of a unit first locks the unit's counter row, so pushes of one unit are
  serialised and change sequence numbers are taken in commit order;
* ``applied_ops`` keeps every answered op with its outcome: a retry of an *applied* op answers
  ``duplicate``, a retry of a *rejected* op answers ``rejected`` with the stored reason again, a retry
  of an op first answered ``duplicate`` answers ``duplicate``;
* a request of another unit is answered ``unknown_request`` (a workstation cannot learn it exists).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import re
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow, uuid7
from frontdesk.lifecycle import STATUSES, TERMINAL, TRANSITIONS
from frontdesk.sync import protocol as p

from . import models as m
from .db import Database, epoch, lock_unit, next_seq

log = logging.getLogger("frontdesk.central")

INT64_MAX = 2**63 - 1
ENROL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
ENROL_CODE_HOURS = 72
DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
BACKOFFICE_ACTOR = "backoffice"
BACKOFFICE_WORKSTATION = "HQ"
_UNIT_RE = re.compile(p.CODE_UNIT)
_WS_RE = re.compile(p.CODE_WORKSTATION)


# ------------------------------------------------------------------------------------------------ errors


class CentralError(Exception):
    """An error a client or an administrator can meet: an HTTP status, a protocol error code, an exit
    code for the command line, and one English sentence."""

    status = 400
    code = "bad_request"
    exit_code = 3

    def __init__(self, message: str, *, detail: dict[str, Any] | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}
        if code is not None:
            self.code = code

    def body(self) -> p.ErrorBody:
        return p.ErrorBody(error=self.code, message=self.message, detail=self.detail)  # type: ignore[arg-type]


class BadRequest(CentralError):
    pass


class Unauthorised(CentralError):
    status = 401
    code = "unauthorised"
    exit_code = 4


class BadEnrolmentCode(CentralError):
    status = 403
    code = "bad_enrolment_code"
    exit_code = 4


class NotFound(CentralError):
    status = 404
    code = "unknown_unit"
    exit_code = 5


class Conflict(CentralError):
    status = 409
    code = "workstation_code_taken"
    exit_code = 6


class Rejected(Exception):
    """One op is rejected; the savepoint of that op is rolled back, the others go on."""

    def __init__(self, reason: p.RejectReason, message: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.current = current


# ------------------------------------------------------------------------------------------------ helpers


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def naive_utc(value: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; an aware time from a workstation is converted."""
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def server_time() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_storable(value: Any, path: str = "body") -> None:
    """Refuse (400) what validated JSON may still hold but a database column cannot: NUL characters and
    unencodable surrogates in text, integers outside 64 bits, NaN/infinity, times that overflow UTC."""
    if isinstance(value, str):
        if "\x00" in value:
            raise BadRequest(f"{path}: text may not contain NUL characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadRequest(f"{path}: text is not valid Unicode.") from None
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not -INT64_MAX <= value <= INT64_MAX:
            raise BadRequest(f"{path}: number out of range.")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise BadRequest(f"{path}: numbers must be finite.")
    elif isinstance(value, dt.datetime):
        try:
            naive_utc(value)
        except (OverflowError, ValueError):
            raise BadRequest(f"{path}: time out of range.") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            check_storable(k, path)
            check_storable(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            check_storable(v, f"{path}[{i}]")


def normalise_enrol_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(ENROL_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


# ------------------------------------------------------------------------------------------------ units


def add_unit(db: Database, code: str, name: str) -> None:
    """Create a unit and its change counter; the latest published catalogue becomes its first change."""
    code = code.strip().upper()
    name = " ".join(name.split())
    if not _UNIT_RE.match(code):
        raise BadRequest(f"Unit code {code!r} must be 2 to 6 capital letters or digits.")
    if not name or len(name) > 200:
        raise BadRequest("The unit name must have 1 to 200 characters.")
    with db.write() as s:
        if s.get(m.Unit, code) is not None:
            raise Conflict(f"Unit {code} already exists.", code="bad_request")
        s.add(m.Unit(code=code, name=name, created_at=utcnow()))
        s.flush()
        s.add(m.UnitCounter(unit_code=code, last_seq=0))
        s.flush()
        latest = s.scalars(select(m.CatalogVersion).order_by(m.CatalogVersion.published_at.desc())).first()
        if latest is not None:
            payload = p.CatalogPayload(version=latest.version, catalog=latest.content)
            _add_change(s, code, "catalog", payload.model_dump(mode="json"), None)


def list_units(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(u.code, u.name) for u in s.scalars(select(m.Unit).order_by(m.Unit.code))]


def _unit(s: Session, code: str) -> m.Unit:
    unit = s.get(m.Unit, code.strip().upper())
    if unit is None:
        raise NotFound(f"There is no unit {code}.")
    return unit


def create_enrol_code(db: Database, unit_code: str, *, hours: int = ENROL_CODE_HOURS) -> str:
    """A one-time code for enrolling one workstation of the unit, valid for ``hours``."""
    if not 1 <= hours <= 24 * 30:
        raise BadRequest("An enrolment code is valid for 1 hour to 30 days.")
    with db.write() as s:
        unit = _unit(s, unit_code)
        code = new_enrol_code()
        now = utcnow()
        s.add(
            m.EnrolCode(
                code_hash=sha256_hex(normalise_enrol_code(code)),
                unit_code=unit.code,
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )
    return code


def enrol(db: Database, req: p.EnrolRequest) -> p.EnrolResponse:
    bad = BadEnrolmentCode("The enrolment code is not valid (unknown, already used, or expired).")
    token = secrets.token_urlsafe(32)
    now = utcnow()
    try:
        with db.write() as s:
            stmt = (
                select(m.EnrolCode)
                .where(m.EnrolCode.code_hash == sha256_hex(normalise_enrol_code(req.code)))
                .with_for_update()
            )
            code = s.scalars(stmt).first()
            if code is None or code.used_at is not None or code.expires_at < now:
                raise bad
            if code.unit_code != req.unit_code:
                raise bad
            taken = s.scalars(
                select(m.Workstation.id).where(
                    m.Workstation.unit_code == req.unit_code, m.Workstation.code == req.workstation_code
                )
            ).first()
            if taken is not None:
                raise Conflict(
                    f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}.",
                    detail={"unit_code": req.unit_code, "workstation_code": req.workstation_code},
                )
            unit = s.get_one(m.Unit, req.unit_code)
            ws = m.Workstation(
                id=uuid7(),
                unit_code=unit.code,
                code=req.workstation_code,
                token_hash=sha256_hex(token),
                max_receipt_counter=req.receipt_counter,
                enrolled_at=now,
            )
            s.add(ws)
            s.flush()
            code.used_at = now
            code.workstation_id = ws.id
            log.info("workstation %s of unit %s enrolled", ws.code, unit.code)
            return p.EnrolResponse(
                workstation_id=ws.id, token=token, epoch=epoch(s), unit_code=unit.code, unit_name=unit.name
            )
    except IntegrityError:  # a concurrent enrolment took the workstation code first
        raise Conflict(
            f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}."
        ) from None


def revoke(db: Database, unit_code: str, workstation_code: str) -> bool:
    """Revoke a workstation's token; False when it was already revoked."""
    with db.write() as s:
        unit = _unit(s, unit_code)
        ws = s.scalars(
            select(m.Workstation).where(
                m.Workstation.unit_code == unit.code, m.Workstation.code == workstation_code.strip().upper()
            )
        ).first()
        if ws is None:
            raise NotFound(f"There is no workstation {workstation_code} in unit {unit.code}.")
        if ws.revoked_at is not None:
            return False
        ws.revoked_at = utcnow()
        return True


def rotate_epoch(db: Database) -> str:
    from .db import new_epoch

    with db.write() as s:
        return new_epoch(s)


def current_epoch(db: Database) -> str:
    with db.read() as s:
        return epoch(s)


def authenticate(s: Session, token: str | None) -> m.Workstation:
    if not token:
        raise Unauthorised("A bearer token is required.")
    ws = s.scalars(select(m.Workstation).where(m.Workstation.token_hash == sha256_hex(token))).first()
    if ws is None:
        raise Unauthorised("The token is not valid.")
    if ws.revoked_at is not None:
        raise Unauthorised("This workstation has been revoked.", code="revoked")
    return ws


# ------------------------------------------------------------------------------------------------ changes


def _add_change(s: Session, unit_code: str, kind: str, payload: dict[str, Any], origin: str | None) -> int:
    seq = next_seq(s, unit_code)
    s.add(m.Change(unit_code=unit_code, seq=seq, kind=kind, payload=payload, origin=origin, created_at=utcnow()))
    return seq


def snapshot(req: m.Request) -> p.RequestSnapshot:
    return p.RequestSnapshot(
        id=req.id,
        receipt_no=req.receipt_no,
        visit_id=req.visit_id,
        unit_code=req.unit_code,
        workstation_code=req.workstation_code,
        service_code=req.service_code,
        citizen_nid=req.citizen_nid,
        citizen_name=req.citizen_name,
        citizen_phone=req.citizen_phone,
        documents=list(req.documents),
        documents_missing=list(req.documents_missing),
        fee_paid=req.fee_paid,
        priority=req.priority,
        note=req.note,
        status=req.status,  # type: ignore[arg-type]
        assignee=req.assignee,
        created_by=req.created_by,
        created_at=req.created_at,
        updated_at=req.updated_at,
        due_date=req.due_date,
        standard_days=req.standard_days,
        version=req.version,
        completed_at=req.completed_at,
        delivered_at=req.delivered_at,
        rating=req.rating,
    )


def event_payload(ev: m.RequestEvent) -> p.EventPayload:
    return p.EventPayload(
        id=ev.id,
        kind=ev.kind,  # type: ignore[arg-type]
        from_status=ev.from_status,  # type: ignore[arg-type]
        to_status=ev.to_status,  # type: ignore[arg-type]
        actor=ev.actor,
        workstation=ev.workstation,
        device_time=ev.device_time,
        data=ev.data,
    )


def _request_change(s: Session, req: m.Request, events: list[m.RequestEvent], origin: str | None) -> None:
    s.flush()
    change = p.RequestChange(request=snapshot(req), events=[event_payload(e) for e in events])
    _add_change(s, req.unit_code, "request", change.model_dump(mode="json"), origin)


def changes(db: Database, token: str | None, after: int, limit: int = DEFAULT_LIMIT) -> p.ChangesResponse:
    """The unit's changes after ``after`` in sequence order, without those the caller caused."""
    limit = max(1, min(limit, MAX_LIMIT))
    touch = False
    with db.read() as s:
        ws = authenticate(s, token)
        ws_id, unit_code = ws.id, ws.unit_code
        touch = ws.last_seen_at is None or utcnow() - ws.last_seen_at > dt.timedelta(minutes=1)
        # The counter first: every change numbered up to it is committed (same transaction).
        high = s.scalars(select(m.UnitCounter.last_seq).where(m.UnitCounter.unit_code == unit_code)).one()
        rows = s.execute(
            select(m.Change.seq, m.Change.kind, m.Change.payload)
            .where(
                m.Change.unit_code == unit_code,
                m.Change.seq > after,
                m.Change.seq <= high,
                (m.Change.origin.is_(None)) | (m.Change.origin != ws_id),
            )
            .order_by(m.Change.seq)
            .limit(limit)
        ).all()
        if len(rows) == limit:
            nxt = rows[-1].seq
            more = nxt < high
        else:
            nxt = max(high, after)
            more = False
        out = [p.Change.model_validate({"seq": r.seq, "kind": r.kind, r.kind: r.payload}) for r in rows]
        ep = epoch(s)
    if touch:
        _touch(db, ws_id)
    return p.ChangesResponse(epoch=ep, server_time=server_time(), changes=out, next=nxt, more=more)


def _touch(db: Database, ws_id: str) -> None:
    with db.write() as s:
        ws = s.get(m.Workstation, ws_id)
        if ws is not None:
            ws.last_seen_at = utcnow()


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
        results = [_apply_op(s, ws, op) for op in req.ops]
        return p.PushResponse(epoch=epoch(s), server_time=server_time(), results=results)


def _apply_op(s: Session, ws: m.Workstation, op: p.Op) -> p.OpResult:
    prior = s.get(m.AppliedOp, op.op_id)
    if prior is not None:
        if prior.result == "rejected":
            return p.OpResult(
                op_id=op.op_id,
                result="rejected",
                reason=prior.reason,  # type: ignore[arg-type]
                message=prior.message or "This op was rejected before.",
            )
        return p.OpResult(op_id=op.op_id, result="duplicate")
    handler = _HANDLERS[op.kind]
    savepoint = s.begin_nested()
    try:
        outcome = handler(s, ws, op)
        s.flush()
    except Rejected as r:
        savepoint.rollback()
        result = p.OpResult(op_id=op.op_id, result="rejected", reason=r.reason, message=r.message, current=r.current)
    except IntegrityError:  # a concurrent write elsewhere (another unit) took the same key
        savepoint.rollback()
        return p.OpResult(op_id=op.op_id, result="rejected", reason="invalid", message="Conflicting write; push again.")
    else:
        savepoint.commit()
        result = p.OpResult(op_id=op.op_id, result=outcome)
    s.add(
        m.AppliedOp(
            op_id=op.op_id,
            workstation_id=ws.id,
            kind=op.kind,
            result=result.result,
            reason=result.reason,
            message=result.message,
            applied_at=utcnow(),
        )
    )
    s.flush()
    return result


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
    return m.RequestEvent(
        id=ev.id,
        request_id=req_id,
        kind=ev.kind,
        from_status=ev.from_status,
        to_status=ev.to_status,
        actor=ev.actor,
        workstation=ev.workstation,
        device_time=naive_utc(ev.device_time),
        data=ev.data,
        received_at=utcnow(),
    )


def _check_receipt_free(s: Session, snap: p.RequestSnapshot) -> None:
    """Receipt numbers are unique by construction (unit + workstation + counter); the same number on
    another request means two machines share one workstation's identity — a copied data directory. The
    whole push is refused with 409 ``clone_suspected`` (nothing of it is applied, the transaction rolls
    back) and the client stops syncing until IT steps in: merging the copy's requests would hand the
    original's next receipt numbers to strangers (docs/sync-protocol.md)."""
    other = s.scalars(select(m.Request.id).where(m.Request.receipt_no == snap.receipt_no)).first()
    if other is not None and other != snap.id:
        raise Conflict(
            f"Receipt number {snap.receipt_no} already belongs to another request: this looks like a cloned "
            "workstation.",
            code="clone_suspected",
            detail={"receipt_no": snap.receipt_no},
        )


def _snapshot_of(op: p.Op, ws: m.Workstation) -> p.RequestSnapshot:
    pl = _request_payload(op)
    snap = pl.request
    if snap is None:
        raise Rejected("invalid", f"A {op.kind} op carries the whole request.")
    if snap.id != pl.request_id or snap.receipt_no != pl.receipt_no:
        raise Rejected("invalid", "The request's id or receipt number differs from the op's.")
    if snap.unit_code != ws.unit_code:
        raise Rejected("wrong_unit", f"Request {snap.receipt_no} belongs to unit {snap.unit_code}.")
    return snap


def _insert_request(s: Session, snap: p.RequestSnapshot) -> m.Request:
    req = m.Request(
        id=snap.id,
        receipt_no=snap.receipt_no,
        visit_id=snap.visit_id,
        unit_code=snap.unit_code,
        workstation_code=snap.workstation_code,
        service_code=snap.service_code,
        citizen_nid=snap.citizen_nid,
        citizen_name=snap.citizen_name,
        citizen_phone=snap.citizen_phone,
        documents=list(snap.documents),
        documents_missing=list(snap.documents_missing),
        fee_paid=snap.fee_paid,
        priority=snap.priority,
        note=snap.note,
        status=snap.status,
        assignee=snap.assignee,
        created_by=snap.created_by,
        created_at=naive_utc(snap.created_at),
        updated_at=naive_utc(snap.updated_at),
        due_date=snap.due_date,
        standard_days=snap.standard_days,
        version=snap.version,
        assigned_version=0,
        completed_at=naive_utc(snap.completed_at) if snap.completed_at else None,
        delivered_at=naive_utc(snap.delivered_at) if snap.delivered_at else None,
        rating=snap.rating,
        received_at=utcnow(),
    )
    s.add(req)
    s.flush()
    return req


def _op_intake(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    snap = _snapshot_of(op, ws)
    ev = _event(op, "intake")
    existing = s.get(m.Request, snap.id)
    if existing is not None:
        if existing.unit_code != ws.unit_code:
            raise Rejected("invalid", "This request id is already used.")
        return "duplicate"
    _check_receipt_free(s, snap)
    if s.get(m.RequestEvent, ev.id) is not None:
        raise Rejected("invalid", "This event id belongs to another request.")
    req = _insert_request(s, snap)
    event = _new_event(req.id, ev)
    s.add(event)
    _request_change(s, req, [event], ws.id)
    return "applied"


def apply_status(
    s: Session, req: m.Request, ev: p.EventPayload, origin: str | None, *, deliver: bool
) -> m.RequestEvent:
    """Apply a status (or delivery) event to the server's state of the request; the transition is
    checked against the SERVER's current status. Shared by pushed ops and the back office."""
    target = ev.to_status
    if target is None:
        raise Rejected("invalid", "A status change needs its target status.")
    if deliver and target != "delivered":
        raise Rejected("invalid", "A delivery ends in status delivered.")
    if target not in TRANSITIONS.get(req.status, frozenset()):
        raise Rejected(
            "invalid_transition",
            f"Request {req.receipt_no} is {req.status}: it cannot become {target}.",
            {"status": req.status, "version": req.version},
        )
    when = naive_utc(ev.device_time)
    if target in ("ready", "rejected"):
        req.completed_at = when
    elif target == "in_progress" and req.status == "ready":
        req.completed_at = None
    if req.status == "returned" and target == "received":
        due = ev.data.get("due_date")
        if isinstance(due, str):
            try:
                req.due_date = dt.date.fromisoformat(due)
            except ValueError:
                raise Rejected("invalid", "The new promised date is not a date.") from None
        req.documents_missing = []
    if target == "delivered":
        rating = ev.data.get("rating")
        req.delivered_at = when
        req.rating = rating if isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5 else None
    req.status = target
    req.version += 1
    req.updated_at = max(req.updated_at, when)
    event = _new_event(req.id, ev)
    s.add(event)
    _request_change(s, req, [event], origin)
    return event


def _op_status(s: Session, ws: m.Workstation, op: p.Op, *, deliver: bool = False) -> p.OpOutcome:
    ev = _event(op, "deliver" if deliver else "status")
    req = _own_request(s, ws.unit_code, _request_payload(op).request_id)
    if _event_known(s, ev.id, req.id):
        return "duplicate"
    apply_status(s, req, ev, ws.id, deliver=deliver)
    return "applied"


def _op_deliver(s: Session, ws: m.Workstation, op: p.Op) -> p.OpOutcome:
    return _op_status(s, ws, op, deliver=True)


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
    snap = _snapshot_of(op, ws)
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
    "request.intake": _op_intake,
    "request.status": _op_status,
    "request.deliver": _op_deliver,
    "request.assign": _op_assign,
    "request.note": _op_merge,
    "request.print": _op_merge,
    "request.sync": _op_sync,
    "user.upsert": _op_user,
}


# ------------------------------------------------------------------------------------------------ back office


def backoffice_advance(db: Database, receipt_no: str, status: str, note: str | None = None) -> p.RequestSnapshot:
    """The back office moves a request (actor "backoffice", workstation "HQ"); every desk pulls it."""
    status = status.strip().lower()
    if status not in STATUSES:
        raise BadRequest(f"Unknown status {status}; one of: {', '.join(STATUSES)}.")
    note = " ".join((note or "").split()) or None
    if note is not None and len(note) > 2000:
        raise BadRequest("A note can have at most 2000 characters.")
    receipt_no = receipt_no.strip().upper()
    with db.write() as s:
        found = s.scalars(select(m.Request.unit_code).where(m.Request.receipt_no == receipt_no)).first()
        if found is None:
            raise NotFound(f"There is no request {receipt_no}.", code="bad_request")
        lock_unit(s, found)
        req = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no)).one()
        deliver = status == "delivered"
        ev = p.EventPayload(
            id=uuid7(),
            kind="deliver" if deliver else "status",
            from_status=req.status,  # type: ignore[arg-type]
            to_status=status,  # type: ignore[arg-type]
            actor=BACKOFFICE_ACTOR,
            workstation=BACKOFFICE_WORKSTATION,
            device_time=utcnow(),
            data={"note": note} if note else ({"rating": None} if deliver else {}),
        )
        try:
            apply_status(s, req, ev, None, deliver=deliver)
        except Rejected as r:
            raise Conflict(r.message, code="bad_request", detail=r.current) from None
        s.flush()
        return snapshot(req)


def list_requests(db: Database, unit_code: str | None = None) -> list[p.RequestSnapshot]:
    with db.read() as s:
        stmt = select(m.Request).order_by(m.Request.unit_code, m.Request.receipt_no)
        if unit_code:
            unit = _unit(s, unit_code)
            stmt = stmt.where(m.Request.unit_code == unit.code)
        return [snapshot(r) for r in s.scalars(stmt)]


def request_events(db: Database, request_id: str) -> list[p.EventPayload]:
    with db.read() as s:
        rows = s.scalars(
            select(m.RequestEvent).where(m.RequestEvent.request_id == request_id).order_by(m.RequestEvent.id)
        )
        return [event_payload(e) for e in rows]


def publish_catalog(db: Database, text: str, source_name: str = "catalog.json") -> tuple[str, int]:
    """Validate a catalogue file (raises ``frontdesk.catalog.CatalogError``), store it as a published
    version and give every unit a ``catalog`` change. Returns (version, number of units)."""
    from frontdesk.catalog import parse_catalog

    catalog = parse_catalog(text, source_name)
    content = json.loads(text)
    payload = p.CatalogPayload(version=catalog.version, catalog=content).model_dump(mode="json")
    with db.write() as s:
        if s.get(m.CatalogVersion, catalog.version) is not None:
            raise Conflict(f"Catalogue version {catalog.version} was already published.", code="bad_request")
        s.add(m.CatalogVersion(version=catalog.version, content=content, published_at=utcnow()))
        units = list(s.scalars(select(m.Unit.code).order_by(m.Unit.code)))
        for code in units:
            lock_unit(s, code)
            _add_change(s, code, "catalog", payload, None)
    return catalog.version, len(units)
