"""The pull side of the sync, without any network: a page of the central system's changes applied to the
local store in one transaction with the new cursor (PouchDB #1240), read with a few ``IN`` queries.

Remote changes are decided by the central system, so they carry no local role check; they write the
request's state and its history events, never an outbox op (that would echo them back). A request with
local ops still pending keeps its local state (they will reach the server and come back). The push side
and the sync state are in :mod:`frontdesk.replication`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import aggregates
from .catalog import apply_remote_service, import_catalog, parse_catalog
from .clock import utcnow, uuid7
from .db import Store
from .models import OutboxOp, Request, RequestEvent, Service, User, Workstation
from .replication import IN_CHUNK, set_state
from .text import fold


def _parse_dt(v: str | None) -> dt.datetime | None:
    if v is None:
        return None
    t = dt.datetime.fromisoformat(v)
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


@dataclass
class _PageState:
    """What applying one pulled page needs to know, read with a few ``IN`` queries instead of several
    queries per change: the page's requests, the unit's users by name, the services, which requests
    have local ops pending, and each request's known events (with their target status, for the report
    aggregates). What the page adds is added here too, so a request twice in a page is found."""

    unit_code: str
    requests: dict[str, Request]
    users: dict[str, str]
    services: set[str]
    pending: set[str]
    events: dict[str, dict[str, str | None]]

    @classmethod
    def load(cls, s: Session, unit_code: str, request_ids: list[str]) -> _PageState:
        users = {name: uid for name, uid in s.execute(select(User.username, User.id))}
        services = set(s.scalars(select(Service.code)))
        requests: dict[str, Request] = {}
        pending: set[str] = set()
        events: dict[str, dict[str, str | None]] = {}
        for start in range(0, len(request_ids), IN_CHUNK):
            chunk = request_ids[start : start + IN_CHUNK]
            requests.update((r.id, r) for r in s.scalars(select(Request).where(Request.id.in_(chunk))))
            pending.update(
                rid
                for rid in s.scalars(
                    select(OutboxOp.request_id).where(OutboxOp.request_id.in_(chunk), OutboxOp.state == "pending")
                )
                if rid is not None
            )
            stmt = select(RequestEvent.request_id, RequestEvent.id, RequestEvent.to_status).where(
                RequestEvent.request_id.in_(chunk)
            )
            for rid, eid, to_status in s.execute(stmt):
                events.setdefault(rid, {})[eid] = to_status
        return cls(unit_code, requests, users, services, pending, events)

    def user_id(self, s: Session, username: str | None) -> str | None:
        """The local id of a user of the unit known by name; a placeholder (inactive) user when the
        user has not been pulled yet, completed when their ``user`` change arrives."""
        if not username:
            return None
        uid = self.users.get(username)
        if uid is None:
            uid = uuid7()
            now = utcnow()
            s.add(User(id=uid, username=username, full_name=username, role="clerk", unit_code=self.unit_code,
                       password_hash="!", active=False, failed_attempts=0, must_change_password=False,
                       created_at=now, updated_at=now))  # fmt: skip
            s.flush()  # before a request refers to it (rare: only a user not pulled yet)
            self.users[username] = uid
        return uid


def apply_request(
    s: Session, snap: dict[str, Any], events: list[dict[str, Any]], page: _PageState | None = None
) -> None:
    """Upsert a request as the central system has it and merge its events. A request with local ops
    still pending keeps its local state (they will reach the server and come back); events always merge."""
    rid = snap["id"]
    if page is None:
        page = _PageState.load(s, snap["unit_code"], [rid])
    req = page.requests.get(rid)
    known = page.events.setdefault(rid, {})
    if req is not None:
        before = aggregates.facts_known(req, ever_returned="returned" in known.values())
    else:
        before = None
    if req is None:
        if snap["service_code"] not in page.services:
            # A service this desk's catalogue lacks (a newer central catalogue will bring its names).
            s.add(Service(code=snap["service_code"], name_sq=snap["service_code"], name_en=snap["service_code"],
                          category="?", fee_amount=0, currency="ALL", standard_days=snap["standard_days"],
                          office="?", active=False, origin="central", updated_at=utcnow()))  # fmt: skip
            s.flush()  # before the request refers to it (rare)
            page.services.add(snap["service_code"])
        req = Request(
            id=rid, receipt_no=snap["receipt_no"], visit_id=snap["visit_id"], unit_code=snap["unit_code"],
            workstation_code=snap["workstation_code"], service_code=snap["service_code"],
            citizen_nid=snap["citizen_nid"], citizen_name=snap["citizen_name"],
            citizen_key=fold(snap["citizen_name"]), citizen_phone=snap.get("citizen_phone"),
            documents=list(snap.get("documents") or []), documents_missing=list(snap.get("documents_missing") or []),
            fee_paid=snap["fee_paid"], priority=bool(snap.get("priority")), note=snap.get("note"),
            status=snap["status"], assignee_id=page.user_id(s, snap.get("assignee")),
            created_by_id=page.user_id(s, snap.get("created_by")) or "",
            created_at=_parse_dt(snap["created_at"]), updated_at=_parse_dt(snap["updated_at"]),
            due_date=dt.date.fromisoformat(snap["due_date"]), standard_days=snap["standard_days"],
            completed_at=_parse_dt(snap.get("completed_at")), delivered_at=_parse_dt(snap.get("delivered_at")),
            rating=snap.get("rating"), version=snap["version"], print_count=0, central_ack=True,
        )  # fmt: skip
        s.add(req)
        page.requests[rid] = req
    elif rid not in page.pending:
        req.status = snap["status"]
        req.assignee_id = page.user_id(s, snap.get("assignee"))
        req.version = snap["version"]
        req.due_date = dt.date.fromisoformat(snap["due_date"])
        req.documents = list(snap.get("documents") or [])
        req.documents_missing = list(snap.get("documents_missing") or [])
        req.completed_at = _parse_dt(snap.get("completed_at"))
        req.delivered_at = _parse_dt(snap.get("delivered_at"))
        req.rating = snap.get("rating")
        req.updated_at = _parse_dt(snap["updated_at"]) or req.updated_at
        req.central_ack = True
    else:
        req.central_ack = True
    for e in events:
        if e["id"] in known:
            continue
        s.add(RequestEvent(
            id=e["id"], request_id=rid, kind=e["kind"], from_status=e.get("from_status"),
            to_status=e.get("to_status"), actor_id=None, actor_username=e["actor"],
            workstation_code=e["workstation"], device_time=_parse_dt(e["device_time"]), data=e.get("data") or {},
        ))  # fmt: skip
        known[e["id"]] = e.get("to_status")
    aggregates.restate(s, before, aggregates.facts_known(req, ever_returned="returned" in known.values()))


def apply_user(s: Session, user: dict[str, Any], unit_code: str) -> None:
    """A user of the unit, shared between its desks (the password only as its Argon2 hash)."""
    row = s.scalars(select(User).where(User.username == user["username"])).first()
    updated = _parse_dt(user["updated_at"]) or utcnow()
    if row is None:
        s.add(User(id=uuid7(), username=user["username"], full_name=user["full_name"], role=user["role"],
                   unit_code=unit_code, password_hash=user["password_hash"], active=user["active"],
                   failed_attempts=0, must_change_password=user.get("must_change_password", False),
                   password_changed_at=updated, created_at=updated, updated_at=updated))  # fmt: skip
        return
    if row.password_hash != "!" and row.updated_at and row.updated_at > updated:
        return  # the local copy is newer: it has its own op on the way
    row.full_name, row.role, row.active = user["full_name"], user["role"], user["active"]
    row.password_hash = user["password_hash"]
    row.must_change_password = user.get("must_change_password", False)
    row.updated_at = updated


def apply_page(store: Store, changes: list[dict[str, Any]], *, next_cursor: int, epoch: str) -> int:
    """Apply one pulled page and advance the cursor in the same local transaction (PouchDB #1240)."""
    with store.write() as s:
        unit_code = s.scalar(select(Workstation.unit_code).where(Workstation.is_local)) or ""
        page: _PageState | None = None
        for ch in changes:
            if ch["kind"] == "request" and ch.get("request"):
                if page is None:  # read once per page (again after a user or catalogue change)
                    ids = list(
                        {c["request"]["request"]["id"] for c in changes if c["kind"] == "request" and c.get("request")}
                    )
                    page = _PageState.load(s, unit_code, ids)
                apply_request(s, ch["request"]["request"], ch["request"].get("events") or [], page)
            elif ch["kind"] == "user" and ch.get("user"):
                s.flush()
                apply_user(s, ch["user"], unit_code)
                page = None
            elif ch["kind"] == "service" and ch.get("service"):
                s.flush()
                apply_remote_service(s, ch["service"])
                page = None
            elif ch["kind"] == "catalog" and ch.get("catalog"):
                s.flush()
                text = json.dumps(ch["catalog"]["catalog"], ensure_ascii=False)
                import_catalog(s, parse_catalog(text, f"central catalogue {ch['catalog']['version']}"), now=utcnow())
                page = None
        set_state(s, "cursor", str(next_cursor))
        set_state(s, "epoch", epoch)
        set_state(s, "last_success", utcnow().isoformat(timespec="seconds"))
    return len(changes)
