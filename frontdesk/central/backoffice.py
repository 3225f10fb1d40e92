"""The back office on the central system: moving a request along the lifecycle (actor ``backoffice``,
workstation ``HQ``) through the same apply path and rules as a desk's op; every desk of the unit pulls
the change. Reading requests and their history for the command line."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from frontdesk import limits as L
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


def advance(db: Database, receipt_no: str, status: str, note: str | None = None, *, actor: str = "cli",
            event_actor: str = BACKOFFICE_ACTOR, reason: str | None = None, missing: list[str] | None = None,
            expect_version: int | None = None, allowed: Callable[[str, str], bool] | None = None,
            ) -> wire.RequestSnapshot:  # fmt: skip
    """The back office moves a request; answers like a pushed op (a refusal is a :class:`Conflict`).

    ``event_actor`` names who did it in the request's history (the console: the officer's ``hq.`` name);
    ``reason`` (a rejection) and ``missing`` (a return for completion: catalogue document codes) go into
    the event's data, checked by the rulebook; ``expect_version``: refused when the request changed since
    the officer looked; ``allowed(unit, service)``: the caller's own check (an officer's office)."""
    status = status.strip().lower()
    if status not in STATUSES:
        raise BadRequest(f"Unknown status {status}; one of: {', '.join(STATUSES)}.")
    try:
        note = rules.clean_para(note, "note", L.MAX_NOTE)
        reason = rules.clean_para(reason, "reason", L.MAX_REASON)
    except FrontdeskError as exc:
        raise BadRequest(exc.render()) from None
    deliver = status == "delivered"
    data: dict[str, object] = {"note": note} if note else ({"rating": None} if deliver else {})
    if reason:
        data["reason"] = reason
    if missing:
        data["missing"] = list(dict.fromkeys(missing))
    kind = "deliver" if deliver else "status"
    snap, _unit = _apply(db, receipt_no, kind, status, data, actor=actor, event_actor=event_actor,
                         expect_version=expect_version, allowed=allowed, log={"status": status})  # fmt: skip
    return snap


def add_note(db: Database, receipt_no: str, text: str, *, actor: str, event_actor: str = BACKOFFICE_ACTOR,
             allowed: Callable[[str, str], bool] | None = None) -> wire.RequestSnapshot:  # fmt: skip
    """A note of the back office on a request, in its history at every desk of the unit."""
    try:
        clean = rules.clean_para(text, "text", L.MAX_NOTE, required=True)
    except FrontdeskError as exc:
        raise BadRequest(exc.render()) from None
    snap, _unit = _apply(db, receipt_no, "note", None, {"text": clean}, actor=actor, event_actor=event_actor,
                         allowed=allowed, log={})  # fmt: skip
    return snap


def _apply(db: Database, receipt_no: str, kind: str, status: str | None, data: dict[str, object], *, actor: str,
           event_actor: str, log: dict[str, object], expect_version: int | None = None,
           allowed: Callable[[str, str], bool] | None = None) -> tuple[wire.RequestSnapshot, str]:  # fmt: skip
    """One back-office event as an op through the one apply path (``Batch`` + ``decide``), at workstation
    ``HQ``; the unit's desks pull it as a change of origin NULL."""
    receipt_no = receipt_no.strip().upper()
    with db.write() as s:
        found = s.execute(select(m.Request.unit_code, m.Request.id, m.Request.status, m.Request.service_code)
                          .where(m.Request.receipt_no == receipt_no)).first()  # fmt: skip
        if found is None or (allowed is not None and not allowed(found[0], found[3])):
            raise NotFound(f"There is no request {receipt_no}.", code="not_found")
        unit_code, request_id, current, _service = found
        lock_unit(s, unit_code)
        if expect_version is not None:
            version = s.scalar(select(m.Request.version).where(m.Request.id == request_id))
            if version != expect_version:
                raise Conflict("The request changed since you opened it; look at it again.", code="stale",
                               detail={"version": version})  # fmt: skip
        now = utcnow()
        ev = wire.EventPayload.model_validate({
            "id": uuid7(), "kind": kind, "from_status": current if status is not None else None,
            "to_status": status, "actor": event_actor, "workstation": BACKOFFICE_WORKSTATION, "device_time": now,
            "data": data,
        })  # fmt: skip
        op = wire.Op(
            op_id=uuid7(),
            kind=f"request.{kind}",  # type: ignore[arg-type]
            created_at=now,
            request=wire.RequestOpPayload(event=ev, request_id=request_id, receipt_no=receipt_no, version=1),
        )
        sender = Sender(unit_code, None, BACKOFFICE_WORKSTATION, trusted_actor=event_actor)
        (result,) = Batch(s, sender, now=now).apply([op.model_dump(mode="json")])
        if result.result != "applied":
            raise Conflict(result.message or "The change was refused.", code="bad_request",
                           detail={**(result.current or {}), "reason": result.reason})  # fmt: skip
        log_action(s, actor, "backoffice_advance" if status is not None else "backoffice_note", unit_code,
                   receipt_no, log)  # fmt: skip
        row = s.get_one(m.Request, request_id)
        s.refresh(row)
        return snapshot(row), unit_code


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
