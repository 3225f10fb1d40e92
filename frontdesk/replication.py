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
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from . import wire_rows
from .catalog import local_service_payload
from .clock import utcnow, uuid7
from .db import Store
from .models import AuditEntry, OutboxOp, PullSetAside, Request, RequestEvent, Service, SyncState, User

_OUTBOX: Table = OutboxOp.__table__  # type: ignore[assignment]
IN_CHUNK = 500  # ids per ``IN (…)``, well inside SQLite's parameter limit
STATE_KEYS = (
    "server_url", "workstation_id", "epoch", "cursor", "last_success", "last_attempt", "last_error",
    "clone_suspected", "ca_bundle", "clock_skew_s", "audit_anchor_seq", "audit_anchor_hash", "audit_anchor_state",
    "audit_anchor_detail",
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
class SetAside:
    """A pulled change this desk did not apply, and why."""

    seq: int
    kind: str
    receipt_no: str | None
    reason: str
    message: str
    set_aside_at: dt.datetime


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
    set_aside: list[SetAside]
    clock_skew_s: float | None  # this desk's clock minus the central system's, at the last push
    audit_anchor: dict[str, Any] | None  # what the central system holds of this desk's audit trail

    def as_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["rejected"] = [{**r.__dict__, "created_at": r.created_at.isoformat()} for r in self.rejected]
        d["set_aside"] = [{**x.__dict__, "set_aside_at": x.set_aside_at.isoformat()} for x in self.set_aside]
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
        aside = [
            SetAside(x.seq, x.kind, x.receipt_no, x.reason, x.message, x.set_aside_at)
            for x in s.scalars(select(PullSetAside).order_by(PullSetAside.id.desc()).limit(200))
        ]
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
        set_aside=aside,
        clock_skew_s=float(state["clock_skew_s"] or 0) if state.get("clock_skew_s") else None,
        audit_anchor=(
            {"seq": int(state["audit_anchor_seq"] or 0), "hash": state.get("audit_anchor_hash"),
             "state": state.get("audit_anchor_state") or "ok", "detail": state.get("audit_anchor_detail")}
            if state.get("audit_anchor_seq") is not None else None
        ),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------- push side


def pending_count(store: Store) -> int:
    """How many ops wait in the outbox (what a push tells the central IT is still waiting)."""
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == "pending")) or 0)


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


def queue_service(s: Session, code: str, actor: str | None) -> None:
    """Queue a local service (added, changed, withdrawn by ``actor``, an administrator) for the unit's other
    desks, in ``s``'s transaction."""
    p = local_service_payload(s, code)
    when = dt.datetime.fromisoformat(str(p["updated_at"]))
    payload = wire_rows.service_op(str(p["code"]), dict(p["service"]), when, actor)  # type: ignore[call-overload]
    s.add(OutboxOp(op_id=uuid7(), kind="service.upsert", request_id=None, created_at=utcnow(), state="pending",
                   attempts=0, payload=payload))  # fmt: skip


def queue_local_services(s: Session) -> int:
    """Every local service, each named with the administrator who changed it last (the audit trail)."""
    codes = s.scalars(select(Service.code).where(Service.origin == "local")).all()
    for code in codes:
        actor = s.scalar(select(AuditEntry.actor).where(AuditEntry.action == "catalog_change",
                                                        AuditEntry.subject == code).order_by(AuditEntry.seq.desc()))
        queue_service(s, code, actor)
    return len(codes)


def requeue_everything(store: Store, base_epoch: str | None) -> int:
    """After the server's epoch changed (restored from a backup): queue a ``request.sync`` op for every
    local request — the whole request with all its events, naming the epoch it repairs — so the server gets
    back what it lost (it replays the events through its rules). Idempotent on the server by request and
    event id. Returns how many were queued.

    What an earlier epoch change queued and the server has not acknowledged yet is superseded (each request
    and local service is queued again whole, as it is now): a server whose epoch keeps changing costs a
    re-push, never a growing outbox."""
    now = utcnow()
    n = 0
    with store.write() as s:
        s.execute(delete(OutboxOp).where(OutboxOp.state == "pending", OutboxOp.kind == "request.sync"))
        local = set(s.scalars(select(Service.code).where(Service.origin == "local")))
        for op in s.scalars(select(OutboxOp).where(OutboxOp.state == "pending", OutboxOp.kind == "service.upsert")):
            if isinstance(op.payload, dict) and op.payload.get("code") in local:
                s.delete(op)
        users = {u.id: u.username for u in s.scalars(select(User))}
        for req in s.scalars(select(Request)).all():
            events = s.scalars(
                select(RequestEvent).where(RequestEvent.request_id == req.id).order_by(RequestEvent.device_time)
            ).all()
            wired = [wire_rows.event_payload(e) for e in events]
            intake = next((e for e in wired if e.kind == "intake"), None)
            if intake is None:
                continue  # a request this desk knows without its history cannot be rebuilt from here
            payload = wire_rows.request_op(
                intake, request_id=req.id, receipt_no=req.receipt_no, version=req.version,
                snapshot=wire_rows.request_snapshot(req, users), events=[e for e in wired if e is not intake][-500:],
                base_epoch=base_epoch,
            )  # fmt: skip
            s.add(OutboxOp(op_id=uuid7(), kind="request.sync", request_id=req.id, payload=payload, created_at=now,
                           state="pending", attempts=0))  # fmt: skip
            n += 1
        queue_local_services(s)
        set_state(s, "cursor", "0")
    return n


def set_aside(s: Session, seq: Any, kind: Any, receipt_no: Any, reason: str, message: str, payload: Any) -> None:
    """Keep a pulled change that was not applied, with its reason (in the caller's transaction)."""
    try:
        raw = json.dumps(payload, ensure_ascii=False, default=str)[:65536]
    except (TypeError, ValueError):
        raw = repr(payload)[:65536]
    s.add(PullSetAside(seq=seq if isinstance(seq, int) and 0 <= seq < 2**62 else 0, kind=_storable(str(kind)[:16]),
                       receipt_no=_storable(receipt_no[:20]) if isinstance(receipt_no, str) else None,
                       reason=_storable(reason[:32]), message=_storable(message[:1000]), payload=_storable(raw),
                       set_aside_at=utcnow()))  # fmt: skip


def _storable(text: str) -> str:
    """Text the store can hold: a lone UTF-16 surrogate (valid in a JSON string, not in UTF-8) is kept as
    its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def clear_set_aside(store: Store) -> int:
    """A supervisor or IT has seen the set-aside changes and dismisses them."""
    with store.write() as s:
        res = s.execute(delete(PullSetAside))
        return int(getattr(res, "rowcount", 0) or 0)


def clear_rejected(store: Store, op_ids: list[str]) -> int:
    """A supervisor has seen these rejected ops and dismisses them."""
    with store.write() as s:
        res = s.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(op_ids), OutboxOp.state == "rejected"))
        return int(getattr(res, "rowcount", 0) or 0)
