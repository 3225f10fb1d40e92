"""The back office on the central system: moving a request along the lifecycle (actor ``backoffice``,
workstation ``HQ``) through the same apply path and rules as a desk's op; every desk of the unit pulls
the change. Reading requests and their history for the command line."""

from __future__ import annotations

from sqlalchemy import select

from frontdesk import rules, wire
from frontdesk.clock import utcnow, uuid7
from frontdesk.errors import FrontdeskError
from frontdesk.lifecycle import STATUSES

from . import models as m
from .admin_log import log_action
from .batch import Batch
from .db import Database, lock_unit
from .decide import Sender
from .enrolment import get_unit
from .errors import BadRequest, Conflict, NotFound
from .wire_map import event_payload, snapshot

BACKOFFICE_ACTOR = "backoffice"
BACKOFFICE_WORKSTATION = "HQ"


def advance(db: Database, receipt_no: str, status: str, note: str | None = None, *,
            actor: str = "cli", missing: list[str] | None = None) -> wire.RequestSnapshot:  # fmt: skip
    """The back office moves a request; answers like a pushed op (a refusal is a :class:`Conflict`).
    ``missing``: a return for completion names the documents still missing (catalogue codes)."""
    status = status.strip().lower()
    if status not in STATUSES:
        raise BadRequest(f"Unknown status {status}; one of: {', '.join(STATUSES)}.")
    try:
        note = rules.clean_para(note, "note", 2000)
    except FrontdeskError as exc:
        raise BadRequest(exc.render()) from None
    receipt_no = receipt_no.strip().upper()
    with db.write() as s:
        found = s.execute(select(m.Request.unit_code, m.Request.id, m.Request.status)
                          .where(m.Request.receipt_no == receipt_no)).first()  # fmt: skip
        if found is None:
            raise NotFound(f"There is no request {receipt_no}.", code="not_found")
        unit_code, request_id, current = found
        lock_unit(s, unit_code)
        deliver = status == "delivered"
        now = utcnow()
        data: dict[str, object] = {"note": note} if note else ({"rating": None} if deliver else {})
        if missing:
            data["missing"] = list(dict.fromkeys(m.strip().upper() for m in missing))
        ev = wire.EventPayload.model_validate({
            "id": uuid7(), "kind": "deliver" if deliver else "status", "from_status": current, "to_status": status,
            "actor": BACKOFFICE_ACTOR, "workstation": BACKOFFICE_WORKSTATION, "device_time": now, "data": data,
        })  # fmt: skip
        op = wire.Op(
            op_id=uuid7(),
            kind="request.deliver" if deliver else "request.status",
            created_at=now,
            request=wire.RequestOpPayload(event=ev, request_id=request_id, receipt_no=receipt_no, version=1),
        )
        sender = Sender(unit_code, None, BACKOFFICE_WORKSTATION, trusted_actor=BACKOFFICE_ACTOR)
        (result,) = Batch(s, sender, now=now).apply([op.model_dump(mode="json")])
        if result.result != "applied":
            raise Conflict(result.message or "The change was refused.", code="bad_request",
                           detail=dict(result.current or {}))  # fmt: skip
        log_action(s, actor, "backoffice_advance", unit_code, receipt_no, {"status": status})
        row = s.get_one(m.Request, request_id)
        s.refresh(row)
        return snapshot(row)


def list_requests(db: Database, unit_code: str | None = None) -> list[wire.RequestSnapshot]:
    with db.read() as s:
        stmt = select(m.Request).order_by(m.Request.unit_code, m.Request.receipt_no)
        if unit_code:
            stmt = stmt.where(m.Request.unit_code == get_unit(s, unit_code).code)
        return [snapshot(r) for r in s.scalars(stmt)]


def request_events(db: Database, request_id: str) -> list[wire.EventPayload]:
    with db.read() as s:
        rows = s.scalars(
            select(m.RequestEvent).where(m.RequestEvent.request_id == request_id).order_by(m.RequestEvent.id)
        )
        return [event_payload(e) for e in rows]
