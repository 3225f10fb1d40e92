"""The local side of the sync, without any network: which ops are pending, settling the server's per-op
answers, queueing what the unit's other desks need (users, local services, a re-push after an epoch
change), and the sync state (cursor, epoch, last success, last error). Applying pulled changes is in
:mod:`frontdesk.pull`.

The sync engine (``frontdesk/sync/engine.py``) moves bytes; everything it writes to the local store goes
through here or there, each batch or page in one transaction (ops settled, or changes applied *and* the
cursor advanced).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from .catalog import local_service_payload
from .clock import utcnow, uuid7
from .db import Store
from .models import OutboxOp, Request, RequestEvent, Service, SyncState, User

_OUTBOX: Table = OutboxOp.__table__  # type: ignore[assignment]
IN_CHUNK = 500  # ids per ``IN (…)``, well inside SQLite's parameter limit
STATE_KEYS = (
    "server_url", "workstation_id", "epoch", "cursor", "last_success", "last_attempt", "last_error",
    "clone_suspected", "ca_bundle",
)  # fmt: skip


@dataclass(frozen=True)
class PendingOp:
    seq: int
    op_id: str
    kind: str
    request_id: str | None
    payload: dict[str, Any]
    created_at: dt.datetime


@dataclass(frozen=True)
class RejectedOp:
    op_id: str
    kind: str
    receipt_no: str | None
    reason: str | None
    message: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    rejected: list[RejectedOp]
    oldest_pending: dt.datetime | None
    last_success: str | None
    last_attempt: str | None
    last_error: str | None
    cursor: int
    epoch: str | None
    server_url: str | None
    enrolled: bool
    clone_suspected: bool

    def as_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["rejected"] = [{**r.__dict__, "created_at": r.created_at.isoformat()} for r in self.rejected]
        d["oldest_pending"] = self.oldest_pending.isoformat() if self.oldest_pending else None
        return d


# ---------------------------------------------------------------------------------------- state


def get_state(s: Session, key: str) -> str | None:
    row = s.get(SyncState, key)
    return row.value if row else None


def set_state(s: Session, key: str, value: str | None) -> None:
    row = s.get(SyncState, key)
    if row is None:
        s.add(SyncState(key=key, value=value))
    else:
        row.value = value


def read_state(store: Store) -> dict[str, str | None]:
    with store.read() as s:
        rows = s.scalars(select(SyncState)).all()
        return {r.key: r.value for r in rows}


def write_state(store: Store, **values: str | None) -> None:
    with store.write() as s:
        for k, v in values.items():
            set_state(s, k, v)


def status(store: Store) -> SyncStatus:
    with store.read() as s:
        state = {r.key: r.value for r in s.scalars(select(SyncState))}
        pending = s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == "pending")) or 0
        oldest = s.scalar(select(func.min(OutboxOp.created_at)).where(OutboxOp.state == "pending"))
        rejected = [
            RejectedOp(o.op_id, o.kind, (o.payload or {}).get("receipt_no"), o.rejected_reason, o.last_error,
                       o.created_at)
            for o in s.scalars(select(OutboxOp).where(OutboxOp.state == "rejected").order_by(OutboxOp.seq))
        ]  # fmt: skip
    return SyncStatus(
        pending=int(pending),
        rejected=rejected,
        oldest_pending=oldest,
        last_success=state.get("last_success"),
        last_attempt=state.get("last_attempt"),
        last_error=state.get("last_error"),
        cursor=int(state.get("cursor") or 0),
        epoch=state.get("epoch"),
        server_url=state.get("server_url"),
        enrolled=bool(state.get("workstation_id")),
        clone_suspected=bool(state.get("clone_suspected")),
    )


# ---------------------------------------------------------------------------------------- push side


def pending_ops(store: Store, limit: int) -> list[PendingOp]:
    with store.read() as s:
        rows = s.scalars(select(OutboxOp).where(OutboxOp.state == "pending").order_by(OutboxOp.seq).limit(limit)).all()
        return [PendingOp(o.seq, o.op_id, o.kind, o.request_id, dict(o.payload), o.created_at) for o in rows]


def settle(
    store: Store, results: list[dict[str, Any]], *, epoch: str, now: dt.datetime | None = None
) -> tuple[int, int]:
    """Apply the server's per-op answers in one transaction. An op leaves the outbox only when *that op*
    was answered ``applied`` or ``duplicate``; ``rejected`` ops stay, with the reason, for the supervisor.
    Acknowledged intakes lose the PROVISIONAL line on their receipts. Returns (acknowledged, rejected)."""
    now = now or utcnow()
    by_id = {r["op_id"]: r for r in results}
    acked_ops: list[str] = []
    acked_requests: list[str] = []
    refused: list[dict[str, Any]] = []
    with store.write() as s:
        known: list[tuple[str, str, str | None]] = []
        ids = list(by_id)
        for start in range(0, len(ids), IN_CHUNK):  # rows settled by an earlier, interrupted run are gone
            chunk = ids[start : start + IN_CHUNK]
            stmt = select(OutboxOp.op_id, OutboxOp.kind, OutboxOp.request_id).where(OutboxOp.op_id.in_(chunk))
            known.extend((op_id, kind, rid) for op_id, kind, rid in s.execute(stmt))
        for op_id, kind, request_id in known:
            r = by_id[op_id]
            if r["result"] in ("applied", "duplicate"):
                acked_ops.append(op_id)
                if kind in ("request.intake", "request.sync") and request_id:
                    acked_requests.append(request_id)
            else:
                refused.append({"id": op_id, "reason": r.get("reason") or "rejected", "message": r.get("message")})
        for start in range(0, len(acked_ops), IN_CHUNK):
            s.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(acked_ops[start : start + IN_CHUNK])))
        for start in range(0, len(acked_requests), IN_CHUNK):
            chunk = acked_requests[start : start + IN_CHUNK]
            s.execute(update(Request).where(Request.id.in_(chunk)).values(central_ack=True))
        if refused:
            s.connection().execute(
                update(_OUTBOX)
                .where(_OUTBOX.c.op_id == bindparam("id"))
                .values(
                    state="rejected",
                    rejected_reason=bindparam("reason"),
                    last_error=bindparam("message"),
                    attempts=_OUTBOX.c.attempts + 1,
                ),
                refused,
            )
        set_state(s, "epoch", epoch)
        set_state(s, "last_success", now.isoformat(timespec="seconds"))
    return len(acked_ops), len(refused)


def reject_locally(store: Store, ops: list[tuple[str, str]]) -> int:
    """Ops this workstation cannot even encode for the wire: kept as ``rejected: invalid`` with the reason,
    for the supervisor to see, so that the ops after them still flow."""
    with store.write() as s:
        for op_id, message in ops:
            s.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id == op_id)
                .values(state="rejected", rejected_reason="invalid", last_error=message[:500])
            )
    return len(ops)


def queue_all_users(store: Store) -> int:
    """At enrolment: queue every local user, and every local service, so the unit's other desks learn
    them from the server. Returns how many users were queued."""
    from .auth import user_payload

    now = utcnow()
    with store.write() as s:
        users = s.scalars(select(User).where(User.password_hash != "!")).all()
        for u in users:
            s.add(OutboxOp(op_id=uuid7(), kind="user.upsert", request_id=None, payload=user_payload(u),
                           created_at=now, state="pending", attempts=0))  # fmt: skip
        queue_local_services(s)
        return len(users)


def queue_service(s: Session, code: str) -> None:
    """Queue a local service (added, changed, withdrawn) for the unit's other desks, in ``s``'s transaction."""
    s.add(OutboxOp(op_id=uuid7(), kind="service.upsert", request_id=None, created_at=utcnow(), state="pending",
                   attempts=0, payload=local_service_payload(s, code)))  # fmt: skip


def queue_local_services(s: Session) -> int:
    codes = s.scalars(select(Service.code).where(Service.origin == "local")).all()
    for code in codes:
        queue_service(s, code)
    return len(codes)


def requeue_everything(store: Store) -> int:
    """After the server's epoch changed (restored from a backup): queue a ``request.sync`` op for every
    local request — the whole request with all its events — so the server gets back what it lost.
    Idempotent on the server by request and event id. Returns how many were queued."""
    now = utcnow()
    n = 0
    with store.write() as s:
        users = {u.id: u.username for u in s.scalars(select(User))}
        for req in s.scalars(select(Request)).all():
            events = s.scalars(
                select(RequestEvent).where(RequestEvent.request_id == req.id).order_by(RequestEvent.device_time)
            ).all()
            payload = {
                "request_id": req.id,
                "receipt_no": req.receipt_no,
                "version": req.version,
                "request": snapshot(req, users),
                "events": [event_payload(e) for e in events],
            }
            s.add(OutboxOp(op_id=uuid7(), kind="request.sync", request_id=req.id, payload=payload, created_at=now,
                           state="pending", attempts=0))  # fmt: skip
            n += 1
        for u in s.scalars(select(User).where(User.password_hash != "!")).all():
            from .auth import user_payload

            s.add(OutboxOp(op_id=uuid7(), kind="user.upsert", request_id=None, payload=user_payload(u),
                           created_at=now, state="pending", attempts=0))  # fmt: skip
        queue_local_services(s)
        set_state(s, "cursor", "0")
    return n


def snapshot(req: Request, usernames: dict[str, str]) -> dict[str, Any]:
    def iso(v: dt.datetime | dt.date | None) -> str | None:
        return v.isoformat() if v is not None else None

    return {
        "id": req.id, "receipt_no": req.receipt_no, "visit_id": req.visit_id, "unit_code": req.unit_code,
        "workstation_code": req.workstation_code, "service_code": req.service_code, "citizen_nid": req.citizen_nid,
        "citizen_name": req.citizen_name, "citizen_phone": req.citizen_phone, "documents": list(req.documents),
        "documents_missing": list(req.documents_missing), "fee_paid": req.fee_paid, "priority": req.priority,
        "note": req.note, "status": req.status, "assignee": usernames.get(req.assignee_id or ""),
        "created_by": usernames.get(req.created_by_id, "?"), "created_at": iso(req.created_at),
        "updated_at": iso(req.updated_at), "due_date": iso(req.due_date), "standard_days": req.standard_days,
        "version": req.version, "completed_at": iso(req.completed_at), "delivered_at": iso(req.delivered_at),
        "rating": req.rating,
    }  # fmt: skip


def event_payload(e: RequestEvent) -> dict[str, Any]:
    return {
        "id": e.id, "kind": e.kind, "from_status": e.from_status, "to_status": e.to_status,
        "actor": e.actor_username, "workstation": e.workstation_code, "device_time": e.device_time.isoformat(),
        "data": dict(e.data or {}),
    }  # fmt: skip


def clear_rejected(store: Store, op_ids: list[str]) -> int:
    """A supervisor has seen these rejected ops and dismisses them."""
    with store.write() as s:
        res = s.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(op_ids), OutboxOp.state == "rejected"))
        return int(getattr(res, "rowcount", 0) or 0)
