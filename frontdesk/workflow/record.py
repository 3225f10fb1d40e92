"""Recording a change: the history event and the outbox op, role checks and shared limits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from .. import aggregates, audit
from ..auth import Actor, require_role
from ..clock import utcnow, uuid7
from ..db import RAW, RawTx
from ..errors import InvalidInput
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES, TRANSITIONS
from ..models import OutboxOp, Request, RequestEvent

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
        if s in TRANSITIONS.get(status, ()) and s != "delivered" and (s not in SUPERVISOR_ONLY or role == "supervisor")
    ]


def can_reassign(role: str) -> bool:
    return role == "supervisor"


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
    snapshot: dict[str, Any] | None = None,
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


_AUDIT_ACTION = {
    "intake": "intake", "status": "status", "assign": "reassign", "deliver": "deliver", "note": "note",
    "print": "print",
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
