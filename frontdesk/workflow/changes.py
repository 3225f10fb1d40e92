"""Changes to an existing request: status, delivery, reassignment, notes, prints, acknowledgement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from .. import aggregates
from ..auth import Actor
from ..clock import utcnow
from ..db import Store
from ..deadlines import promised_date
from ..errors import InvalidInput, InvalidTransition, NotFound, NotPermitted
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES, TERMINAL, TRANSITIONS
from ..models import Request, Service, User
from ..queries import RequestView, find_request, view
from .record import COUNTER_ROLES, SUPERVISOR_ONLY, _clean_note, _record, _require_counter, can_reassign

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
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=to_status)
    if to_status == "delivered":
        return deliver(store, actor, receipt_no, now=now)
    note = _clean_note(note)
    with store.write() as s:
        req = find_request(s, receipt_no)
        _check_transition(actor, req, to_status)
        before = aggregates.facts_of(s, req)
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
        _record(
            s, actor, req, "status", from_status=from_status, to_status=to_status, data=data, now=now, before=before
        )
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
        before = aggregates.facts_of(s, req)
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
            before=before,
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
                QT_TRANSLATE_NOOP("errors", "{username} cannot take requests (inactive or not counter staff)."),
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
            before = aggregates.facts_of(s, req)
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
                before=before,
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
