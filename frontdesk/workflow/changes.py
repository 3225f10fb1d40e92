"""Changes to an existing request: status, delivery, reassignment, notes, prints, acknowledgement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from .. import aggregates, rules
from ..auth import Actor
from ..clock import utcnow
from ..db import Store
from ..errors import InvalidInput, NotFound
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES
from ..limits import MAX_COLLECTOR_ID, MAX_COMMENT, MAX_NAME, MAX_REASON
from ..models import Request, User
from ..queries import RequestView, find_request, survey_answered, view
from .record import COUNTER_ROLES, _clean_note, _record, _require

COLLECTORS = ("citizen", "authorised")

# ---------------------------------------------------------------- changes to an existing request


def _state(req: Request) -> dict[str, Any]:
    """The request's state as the rulebook reads it."""
    return {
        "status": req.status, "receipt_no": req.receipt_no, "version": req.version, "updated_at": req.updated_at,
        "standard_days": req.standard_days, "created_at": req.created_at, "assignee": req.assignee_id,
    }  # fmt: skip


def _apply(req: Request, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        if name != "assigned_version":  # the server's bookkeeping of reassignments
            setattr(req, name, value)


def advance(
    store: Store,
    actor: Actor,
    receipt_no: str,
    to_status: str,
    *,
    note: str | None = None,
    reason: str | None = None,
    missing: list[str] | None = None,
    now: dt.datetime | None = None,
) -> RequestView:
    """Move a request along the lifecycle (``reason``: why it is rejected or cancelled; ``missing``: the
    document codes a return for completion asks for). Delivery has its own function (it records who
    collected the result and the rating)."""
    if to_status not in STATUSES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=to_status)
    if to_status == "delivered":
        return deliver(store, actor, receipt_no, now=now)
    _require(actor, rules.action_of("status", to_status))
    note = _clean_note(note)
    reason = rules.clean_para(reason, "reason", MAX_REASON)
    with store.write() as s:
        req = find_request(s, receipt_no)
        before = aggregates.facts_of(s, req)
        now = now or utcnow()
        data: dict[str, Any] = {"note": note} if note else {}
        if reason:
            data["reason"] = reason
        if missing:
            data["missing"] = list(dict.fromkeys(missing))
            rules.check_event_data("status", data)
        from_status = req.status
        changes = rules.status_change(_state(req), to_status, now, data, deliver=False)
        if "due_date" in changes:
            data["due_date"] = changes["due_date"].isoformat()
        _apply(req, changes)
        _record(
            s, actor, req, "status", from_status=from_status, to_status=to_status, data=data, now=now, before=before
        )
        return view(s, req)


def deliver(
    store: Store,
    actor: Actor,
    receipt_no: str,
    *,
    rating: int | None = None,
    collected_by: str = "citizen",
    collector_name: str | None = None,
    collector_id: str | None = None,
    now: dt.datetime | None = None,
) -> RequestView:
    """Hand the result over — to the citizen, or to a person they authorised (their name and the number of
    their identity document are recorded) — with the citizen's optional 1–5 satisfaction rating."""
    _require(actor, "deliver")
    if rating is not None and not (isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The satisfaction rating must be a whole number from 1 to 5."),
            field="rating",
        )
    if collected_by not in COLLECTORS:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Say who collected the result."), field="collected_by")
    data: dict[str, Any] = {"rating": rating}
    if collected_by == "authorised":
        name = rules.clean_line(collector_name, "collector_name", MAX_NAME, required=True)
        doc = rules.clean_line(collector_id, "collector_id", MAX_COLLECTOR_ID, required=True)
        data.update(collected_by=collected_by, collector_name=name, collector_id=doc)
    with store.write() as s:
        req = find_request(s, receipt_no)
        before = aggregates.facts_of(s, req)
        now = now or utcnow()
        from_status = req.status
        _apply(req, rules.status_change(_state(req), "delivered", now, data, deliver=True))
        _record(s, actor, req, "deliver", from_status=from_status, to_status="delivered", data=data, now=now,
                before=before)  # fmt: skip
        return view(s, req)


def void_intake(
    store: Store, actor: Actor, receipt_no: str, reason: str, *, now: dt.datetime | None = None
) -> RequestView:
    """Void a request received by mistake: the clerk who received it, the same local day, before anyone
    worked on it, with a reason. The request ends ``cancelled`` (event ``void``); its receipt number is
    never issued again. Synced as ``request.void`` and checked again by the central system."""
    _require(actor, "void")
    why = rules.clean_para(reason, "reason", MAX_REASON, required=True)
    with store.write() as s:
        req = find_request(s, receipt_no)
        before = aggregates.facts_of(s, req)
        now = now or utcnow()
        state = {**_state(req), "created_by": _username(s, req.created_by_id)}
        from_status = req.status
        _apply(req, rules.void_change(state, actor.username, now))
        _record(s, actor, req, "void", from_status=from_status, to_status="cancelled", data={"reason": why},
                now=now, before=before)  # fmt: skip
        return view(s, req)


def _username(s: Any, user_id: str | None) -> str | None:
    return s.scalar(select(User.username).where(User.id == user_id)) if user_id else None


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
    _require(actor, "assign")
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Give a reason for the reassignment."), field="reason")
    reason = rules.clean_para(reason, "reason", MAX_REASON, required=True) or ""
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
            changes = rules.assign_change(_state(req), target.id, None, now)
            if req.assignee_id == target.id:
                continue
            before = aggregates.facts_of(s, req)
            previous = s.get(User, req.assignee_id) if req.assignee_id else None
            base_version = req.version
            changes["assignee_id"] = changes.pop("assignee")
            _apply(req, changes)
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
    _require(actor, "note")
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
    _require(actor, "print")
    with store.write() as s:
        req = find_request(s, receipt_no)
        copy_no = req.print_count
        visit = s.scalars(select(Request).where(Request.visit_id == req.visit_id)).all()
        now = utcnow()
        for r in visit:
            r.print_count += 1
        _record(s, actor, req, "print", data={"copy": copy_no, "visit_size": len(visit)}, now=now)
        return copy_no


def record_survey(
    store: Store,
    actor: Actor,
    receipt_no: str,
    *,
    overall: int,
    promised_kept: bool | None = None,
    clear: bool | None = None,
    comment: str | None = None,
    now: dt.datetime | None = None,
) -> RequestView:
    """The citizen's own answers to the satisfaction survey, given on the counter's customer-facing prompt
    after delivery, rejection or a return for completion: was the promised date kept, was the service clear,
    1-5 overall, an optional comment. One answer per request (here, online or at another desk: the central
    system refuses a second one). Kept apart from the clerk-entered delivery rating in every report."""
    _require(actor, "survey")
    if isinstance(overall, bool) or not isinstance(overall, int) or not 1 <= overall <= 5:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose how it went overall, from 1 to 5."), field="overall")
    text = rules.clean_para(comment, "comment", MAX_COMMENT)
    data: dict[str, Any] = {"overall": overall, "channel": "counter"}
    if promised_kept is not None:
        data["promised_kept"] = bool(promised_kept)
    if clear is not None:
        data["clear"] = bool(clear)
    if text:
        data["comment"] = text
    rules.check_event_data("survey", data)
    with store.write() as s:
        req = find_request(s, receipt_no)
        now = now or utcnow()
        changes = rules.survey_change(_state(req), now, answered=survey_answered(s, req.id))
        _apply(req, changes)
        _record(s, actor, req, "survey", data=data, now=now)
        return view(s, req)
