"""THE write path. Every change to a request goes through one function here, inside one
``BEGIN IMMEDIATE`` transaction that writes the new state of the request, an append-only
``request_events`` row (who, what, device time, workstation) and an ``outbox`` op for sync — after a
role check. The UI, the command line and the sync engine all call these functions.

Lifecycle (identifiers are stable; labels are translated in context "status")::

    received ──► forwarded ──► in_progress ──► ready ──► delivered
       │  ▲          │              │  ▲          │
       │  └ returned ◄──────────────┘  └──────────┘ (ready → in_progress: correction)
       ├──► rejected, cancelled  (from any open status; cancel is a supervisor's decision)

``returned`` means "returned to the citizen for completion of documents"; when the documents are
complete the request goes back to ``received`` and its promised date is computed again from that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .auth import Actor, require_role
from .clock import utcnow, uuid7
from .db import RAW, Store
from .deadlines import promised_date
from .errors import InvalidInput, InvalidTransition, MissingDocuments, NotFound, NotPermitted
from .i18n import QT_TRANSLATE_NOOP
from .identity import normalize_nid, parse_nid, remember_citizen
from .lifecycle import STATUSES, TERMINAL, TRANSITIONS, status_label
from .models import OutboxOp, Request, RequestEvent, Service, User
from .numbering import next_receipt_no
from .queries import RequestView, find_request, request_sla, view
from .text import fold

COUNTER_ROLES = ("clerk", "supervisor")  # who works requests; admins run the system, not the counter
SUPERVISOR_ONLY = frozenset({"cancelled"})
MAX_NOTE = 2000
MAX_NAME = 200


def allowed_actions(role: str, status: str) -> list[str]:
    """Target statuses ``role`` may move a request in ``status`` to (delivery goes through ``deliver``)."""
    if role not in COUNTER_ROLES:
        return []
    return [
        s
        for s in STATUSES
        if s in TRANSITIONS.get(status, ())
        and s != "delivered"
        and (s not in SUPERVISOR_ONLY or role == "supervisor")
    ]


def can_reassign(role: str) -> bool:
    return role == "supervisor"


@dataclass
class CitizenInput:
    nid: str
    full_name: str
    phone: str | None = None
    accept_check_mismatch: bool = False


@dataclass
class IntakeItem:
    service_code: str
    documents: list[str]
    fee_paid: int | None = None  # None: the service's fee
    note: str | None = None
    accept_missing: bool = False
    return_for_completion: bool = False


# ---------------------------------------------------------------- the one recording helper


def _record(
    s: Session,
    actor: Actor,
    req: Request | dict[str, Any],
    kind: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    data: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
    snapshot: dict[str, Any] | None = None,
) -> None:
    """Append the history event and its outbox op for a change already applied to ``req`` (an ORM row or,
    on the intake hot path, the dict of values just inserted), on the transaction's DB-API cursor."""
    now = now or utcnow()
    if isinstance(req, Request):
        request_id, receipt_no, version = req.id, req.receipt_no, req.version
    else:
        request_id, receipt_no, version = req["id"], req["receipt_no"], req["version"]
    event_id = uuid7()
    cur = RAW.cursor(s)
    RAW.insert(
        cur,
        RequestEvent.__table__,
        {
            "id": event_id,
            "request_id": request_id,
            "kind": kind,
            "from_status": from_status,
            "to_status": to_status,
            "actor_id": actor.user_id,
            "actor_username": actor.username,
            "workstation_code": actor.workstation_code,
            "device_time": now,
            "data": data or {},
        },
    )
    payload: dict[str, Any] = {
        "event": {
            "id": event_id,
            "kind": kind,
            "from_status": from_status,
            "to_status": to_status,
            "actor": actor.username,
            "workstation": actor.workstation_code,
            "device_time": now.isoformat(),
            "data": data or {},
        },
        "request_id": request_id,
        "receipt_no": receipt_no,
        "version": version,
    }
    if snapshot is not None:
        payload["request"] = snapshot
    RAW.insert(
        cur,
        OutboxOp.__table__,
        {
            "op_id": uuid7(),
            "kind": f"request.{kind}",
            "request_id": request_id,
            "payload": payload,
            "created_at": now,
            "state": "pending",
            "attempts": 0,
        },
    )


def _snapshot(values: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """The whole request as the central system receives it with its intake op."""
    local_only = ("assignee_id", "created_by_id", "citizen_key", "print_count", "central_ack")
    snap = {k: v for k, v in values.items() if k not in local_only}
    snap["assignee"] = actor.username
    snap["created_by"] = actor.username
    snap["created_at"] = values["created_at"].isoformat()
    snap["updated_at"] = values["updated_at"].isoformat()
    snap["due_date"] = values["due_date"].isoformat()
    return snap


def _require_counter(actor: Actor) -> None:
    require_role(actor, *COUNTER_ROLES)


def _clean_note(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    text = text.strip()
    if len(text) > MAX_NOTE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A note can have at most {n} characters."), field="note", n=MAX_NOTE
        )
    return text


# ---------------------------------------------------------------- intake


def _check_citizen(citizen: CitizenInput) -> tuple[str, str, str | None]:
    info = parse_nid(citizen.nid, accept_check_mismatch=citizen.accept_check_mismatch)
    name = " ".join(citizen.full_name.split())
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The citizen's name is required."), field="name")
    if len(name) > MAX_NAME:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The name can have at most {n} characters."), field="name", n=MAX_NAME
        )
    phone = (citizen.phone or "").strip() or None
    if phone is not None and (len(phone) > 40 or not all(c.isdigit() or c in "+ -()" for c in phone)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The phone number may contain only digits, spaces and + - ( )."),
            field="phone",
        )
    return info.nid, name, phone


@dataclass(frozen=True)
class _CheckedItem:
    code: str
    name_sq: str
    name_en: str
    standard_days: int
    received: list[str]
    missing: list[str]
    fee: int


@dataclass(frozen=True)
class _Doc:
    code: str
    required: bool


_SERVICE_SQL = "SELECT active, name_sq, name_en, fee_amount, standard_days FROM services WHERE code = ?"
_DOCS_SQL = "SELECT code, required FROM service_documents WHERE service_code = ? ORDER BY position"


def _check_item(s: Session, item: IntakeItem) -> _CheckedItem:
    code = item.service_code.strip().upper()
    cur = RAW.cursor(s)
    svc = cur.execute(_SERVICE_SQL, (code,)).fetchone()
    if svc is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no service with code {code}."), code=code)
    active, name_sq, name_en, fee_amount, standard_days = svc
    if not active:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} is no longer offered."), field="service", code=code
        )
    docs = [_Doc(dcode, bool(req)) for dcode, req in cur.execute(_DOCS_SQL, (code,))]
    known = {d.code for d in docs}
    received = list(dict.fromkeys(d.strip().upper() for d in item.documents if d.strip()))
    unknown = [d for d in received if d not in known]
    if unknown:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} does not ask for document {doc}."),
            field="documents",
            code=code,
            doc=", ".join(unknown),
        )
    missing = [d.code for d in docs if d.required and d.code not in received]
    if missing and not (item.accept_missing or item.return_for_completion):
        raise MissingDocuments(missing, service_code=code)
    fee = fee_amount if item.fee_paid is None else item.fee_paid
    if fee < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The fee paid cannot be negative."), field="fee")
    return _CheckedItem(code, name_sq, name_en, standard_days, received, missing, fee)


def intake(
    store: Store,
    actor: Actor,
    citizen: CitizenInput,
    items: list[IntakeItem],
    *,
    priority: bool = False,
    now: dt.datetime | None = None,
) -> list[RequestView]:
    """Receive one citizen's visit: one request per service, all in one transaction, one visit id."""
    _require_counter(actor)
    if not items:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose at least one service."), field="service")
    nid, name, phone = _check_citizen(citizen)
    notes = [_clean_note(i.note) for i in items]
    now = now or utcnow()
    visit_id = uuid7()
    views: list[RequestView] = []
    with store.write() as s:
        checked = [_check_item(s, item) for item in items]
        remember_citizen(s, nid, name, phone, now)
        cur = RAW.cursor(s)
        for item, note, c in zip(items, notes, checked, strict=True):
            status = "returned" if (c.missing and item.return_for_completion) else "received"
            values: dict[str, Any] = {
                "id": uuid7(),
                "receipt_no": next_receipt_no(s),
                "visit_id": visit_id,
                "unit_code": actor.unit_code,
                "workstation_code": actor.workstation_code,
                "service_code": c.code,
                "citizen_nid": nid,
                "citizen_name": name,
                "citizen_key": fold(name),
                "citizen_phone": phone,
                "documents": c.received,
                "documents_missing": c.missing,
                "fee_paid": c.fee,
                "priority": priority,
                "note": note,
                "status": status,
                "assignee_id": actor.user_id,
                "created_by_id": actor.user_id,
                "created_at": now,
                "updated_at": now,
                "due_date": promised_date(now, c.standard_days),
                "standard_days": c.standard_days,
                "version": 1,
                "print_count": 0,
                "central_ack": False,
            }
            RAW.insert(cur, Request.__table__, values)
            data = {"missing_accepted": not item.return_for_completion} if c.missing else None
            _record(
                s,
                actor,
                values,
                "intake",
                to_status=status,
                now=now,
                data=data,
                snapshot=_snapshot(values, actor),
            )
            views.append(_intake_view(values, c, actor))
    return views


def _intake_view(v: dict[str, Any], c: _CheckedItem, actor: Actor) -> RequestView:
    return RequestView(
        id=v["id"],
        receipt_no=v["receipt_no"],
        visit_id=v["visit_id"],
        status=v["status"],
        service_code=c.code,
        service_name_sq=c.name_sq,
        service_name_en=c.name_en,
        citizen_nid=v["citizen_nid"],
        citizen_name=v["citizen_name"],
        citizen_phone=v["citizen_phone"],
        documents=list(c.received),
        documents_missing=list(c.missing),
        fee_paid=c.fee,
        priority=v["priority"],
        note=v["note"],
        assignee=actor.username,
        assignee_name=actor.full_name,
        created_by=actor.username,
        created_at=v["created_at"],
        updated_at=v["updated_at"],
        due_date=v["due_date"],
        standard_days=v["standard_days"],
        sla=request_sla(v["status"], v["due_date"]),
        rating=None,
        version=1,
        print_count=0,
        central_ack=False,
        completed_at=None,
        delivered_at=None,
        workstation_code=v["workstation_code"],
    )


# ---------------------------------------------------------------- changes to an existing request


def advance(
    store: Store,
    actor: Actor,
    receipt_no: str,
    to_status: str,
    *,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> RequestView:
    """Move a request along the lifecycle. Delivery has its own function (it records the rating)."""
    _require_counter(actor)
    if to_status not in STATUSES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=to_status
        )
    if to_status == "delivered":
        return deliver(store, actor, receipt_no, now=now)
    note = _clean_note(note)
    with store.write() as s:
        req = find_request(s, receipt_no)
        _check_transition(actor, req, to_status)
        now = now or utcnow()
        data: dict[str, Any] = {"note": note} if note else {}
        if req.status == "returned" and to_status == "received":
            svc = s.get_one(Service, req.service_code)
            req.due_date = promised_date(now, svc.standard_days)
            req.documents_missing = []
            data["due_date"] = req.due_date.isoformat()
        if to_status in ("ready", "rejected"):
            req.completed_at = now
        elif to_status == "in_progress" and req.status == "ready":
            req.completed_at = None
        from_status, req.status = req.status, to_status
        req.version += 1
        req.updated_at = now
        _record(s, actor, req, "status", from_status=from_status, to_status=to_status, data=data, now=now)
        return view(s, req)


def _check_transition(actor: Actor, req: Request, to_status: str) -> None:
    if to_status not in TRANSITIONS[req.status]:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
            receipt_no=req.receipt_no,
            status=req.status,
            target=to_status,
        )
    if to_status in SUPERVISOR_ONLY and actor.role != "supervisor":
        raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only a supervisor can cancel a request."))


def deliver(
    store: Store, actor: Actor, receipt_no: str, *, rating: int | None = None, now: dt.datetime | None = None
) -> RequestView:
    """Hand the result to the citizen, with their optional 1–5 satisfaction rating."""
    _require_counter(actor)
    if rating is not None and not (isinstance(rating, int) and 1 <= rating <= 5):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The satisfaction rating must be a whole number from 1 to 5."),
            field="rating",
        )
    with store.write() as s:
        req = find_request(s, receipt_no)
        _check_transition(actor, req, "delivered")
        now = now or utcnow()
        from_status, req.status = req.status, "delivered"
        req.delivered_at = now
        req.rating = rating
        req.version += 1
        req.updated_at = now
        _record(
            s,
            actor,
            req,
            "deliver",
            from_status=from_status,
            to_status="delivered",
            data={"rating": rating},
            now=now,
        )
        return view(s, req)


def reassign(
    store: Store,
    actor: Actor,
    receipt_nos: list[str],
    to_username: str,
    reason: str,
    *,
    now: dt.datetime | None = None,
) -> list[RequestView]:
    """Move requests to another clerk (supervisors only), with a reason. All or nothing."""
    if not can_reassign(actor.role):
        raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only a supervisor can reassign requests."))
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Give a reason for the reassignment."), field="reason")
    if not receipt_nos:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose at least one request."), field="receipt")
    with store.write() as s:
        target = s.scalars(select(User).where(User.username == to_username.strip().lower())).first()
        if target is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user {username}."), username=to_username)
        if not target.active or target.role not in COUNTER_ROLES:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "{username} cannot take requests (inactive or not counter staff)."
                ),
                field="assignee",
                username=target.username,
            )
        now = now or utcnow()
        done: list[Request] = []
        for no in dict.fromkeys(receipt_nos):
            req = find_request(s, no)
            if req.status in TERMINAL:
                raise InvalidTransition(
                    QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status} and cannot be reassigned."),
                    receipt_no=req.receipt_no,
                    status=req.status,
                )
            if req.assignee_id == target.id:
                continue
            previous = s.get(User, req.assignee_id) if req.assignee_id else None
            base_version = req.version
            req.assignee_id = target.id
            req.version += 1
            req.updated_at = now
            _record(
                s,
                actor,
                req,
                "assign",
                now=now,
                data={
                    "from": previous.username if previous else None,
                    "to": target.username,
                    "reason": reason,
                    "base_version": base_version,
                },
            )
            done.append(req)
        return [view(s, r) for r in done]


def add_note(store: Store, actor: Actor, receipt_no: str, text: str) -> RequestView:
    """Notes merge across workstations: they never change the request's version."""
    _require_counter(actor)
    note = _clean_note(text)
    if note is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The note is empty."), field="note")
    with store.write() as s:
        req = find_request(s, receipt_no)
        req.updated_at = utcnow()
        _record(s, actor, req, "note", data={"text": note})
        return view(s, req)


def record_print(store: Store, actor: Actor, receipt_no: str) -> int:
    """Count a print of the receipt of this request's visit; returns the copy number to print on it
    (0 for the original, n for the n-th reprint)."""
    _require_counter(actor)
    with store.write() as s:
        req = find_request(s, receipt_no)
        copy_no = req.print_count
        visit = s.scalars(select(Request).where(Request.visit_id == req.visit_id)).all()
        now = utcnow()
        for r in visit:
            r.print_count += 1
        _record(s, actor, req, "print", data={"copy": copy_no, "visit_size": len(visit)}, now=now)
        return copy_no


def mark_acknowledged(s: Session, request_ids: list[str]) -> None:
    """Called by the sync engine inside its transaction: the central system has these requests."""
    if request_ids:
        s.execute(update(Request).where(Request.id.in_(request_ids)).values(central_ack=True))


def citizen_requests(store: Store, nid: str) -> list[RequestView]:
    """The citizen's earlier requests (once-only: what the office already has)."""
    key = normalize_nid(nid)
    with store.read() as s:
        rows = s.scalars(
            select(Request).where(Request.citizen_nid == key).order_by(Request.created_at.desc())
        )
        return [view(s, r) for r in rows]


__all__ = [
    "STATUSES",
    "TERMINAL",
    "TRANSITIONS",
    "CitizenInput",
    "IntakeItem",
    "add_note",
    "advance",
    "allowed_actions",
    "can_reassign",
    "citizen_requests",
    "deliver",
    "intake",
    "mark_acknowledged",
    "reassign",
    "record_print",
    "status_label",
]
