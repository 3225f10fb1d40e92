"""Recording a change: the history event and the outbox op, role checks and shared limits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from .. import aggregates, audit, rules, wire, wire_rows
from ..auth import Actor
from ..clock import utcnow, uuid7
from ..db import RAW, RawTx
from ..limits import MAX_NAME, MAX_NOTE
from ..models import OutboxOp, Request, RequestEvent
from ..rules import COUNTER_ROLES

SUPERVISOR_ONLY = frozenset(s for s in ("cancelled",) if not rules.may("clerk", rules.action_of("status", s)))
__all__ = ["COUNTER_ROLES", "MAX_NAME", "MAX_NOTE", "SUPERVISOR_ONLY", "allowed_actions", "can_reassign"]


def allowed_actions(role: str, status: str) -> list[str]:
    """Target statuses ``role`` may move a request in ``status`` to (delivery goes through ``deliver``)."""
    return rules.allowed_targets(role, status)


def can_reassign(role: str) -> bool:
    return rules.may(role, "assign")


# ---------------------------------------------------------------- the one recording helper


def _record(
    s: Session | RawTx,
    actor: Actor,
    req: Request | dict[str, Any],
    kind: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    data: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
    snapshot: wire.RequestSnapshot | None = None,
    before: aggregates.Facts | None = None,
) -> None:
    """Append the history event and its outbox op for a change already applied to ``req`` (an ORM row or,
    on the intake hot path, the dict of values just inserted), on the transaction's DB-API cursor.
    ``before``: the request's report facts captured before the change (``aggregates.facts_of``), for a
    change that may move its figures; the report aggregates are restated from it to the new facts."""
    now = now or utcnow()
    if isinstance(req, Request):
        request_id, receipt_no, version = req.id, req.receipt_no, req.version
    else:
        request_id, receipt_no, version = req["id"], req["receipt_no"], req["version"]
    event_id = uuid7()
    event = {
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
    }
    payload = wire_rows.request_op(  # the wire's shape from the start: what cannot travel is refused here
        wire_rows.event_payload(event), request_id=request_id, receipt_no=receipt_no, version=version,
        snapshot=snapshot,
    )  # fmt: skip
    cur = RAW.cursor(s)
    RAW.insert(cur, RequestEvent.__table__, event)
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
    audit.append(
        s,
        actor=actor.username,
        workstation_code=actor.workstation_code,
        action=_AUDIT_ACTION[kind],
        subject=receipt_no,
        details=_audit_details(kind, from_status, to_status, data),
        now=now,
    )
    if not isinstance(req, Request):
        if kind == "intake":
            aggregates.restate(s, None, aggregates.facts_of_values(req))
    elif before is not None:
        assert isinstance(s, Session)  # changes to an existing request run in an ORM session
        aggregates.restate(s, before, aggregates.facts_of(s, req))


def _snapshot(values: dict[str, Any], actor: Actor, others: dict[str, str] | None = None) -> wire.RequestSnapshot:
    """The whole request as the central system receives it with its intake op (``others``: user names of
    other user ids it names, e.g. the supervisor a complaint is routed to)."""
    return wire_rows.request_snapshot(values, {**(others or {}), actor.user_id: actor.username})


_AUDIT_ACTION = {
    "intake": "intake", "status": "status", "assign": "reassign", "deliver": "deliver", "note": "note",
    "print": "print", "void": "void", "survey": "survey",
}  # fmt: skip


def _audit_details(
    kind: str, from_status: str | None, to_status: str | None, data: dict[str, Any] | None
) -> dict[str, Any]:
    """What the audit trail keeps of an event: statuses, usernames, rating, copy number — never free text
    (a note or a reason may name a citizen)."""
    d = data or {}
    out: dict[str, Any] = {k: v for k, v in (("from_status", from_status), ("to_status", to_status)) if v}
    if kind == "assign":
        out.update({"from": d.get("from"), "to": d.get("to"), "base_version": d.get("base_version")})
    elif kind == "deliver" and d.get("rating") is not None:
        out["rating"] = d["rating"]
    elif kind == "print":
        out["copy"] = d.get("copy")
    return out


def _require(actor: Actor, action: str) -> None:
    rules.check_role(actor.role, action)


def _require_counter(actor: Actor) -> None:
    _require(actor, "note")


def _clean_note(text: str | None) -> str | None:
    return rules.clean_para(text, "note", MAX_NOTE)
