"""The pull side of the sync, without any network: a page of the central system's changes applied to the
local store in one transaction with the new cursor (PouchDB #1240).

The feed is untrusted input. Each change is parsed on its own against the wire schema and checked with
the rulebook (:func:`frontdesk.rules.check_pulled_request`: this unit, a receipt number of its unit and
workstation with a valid check character and — for this desk's own — one it has issued, times its clock
accepts, history events that follow the lifecycle) before it touches the store; then applied, a request
that has local ops pending keeping its local state, a confirmed request never moved back out of a final
status. A change that breaks a rule, or that the store refuses, is **set aside** with its reason
(``pull_set_aside``, shown by ``sync-status`` and the health panel) and the cursor moves on: one bad change
never stops a desk's pulls.

The page is first applied in one savepoint; if anything in it fails, it is rolled back and applied again
change by change, each in a savepoint of its own. Remote changes are decided by the central system: they
write the request's state and its history events, never an outbox op (that would echo them back).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from . import aggregates, rules, wire, wire_rows
from .catalog import apply_remote_service, import_catalog, parse_catalog
from .clock import utcnow, uuid7
from .db import Store
from .errors import FrontdeskError
from .models import OutboxOp, Request, RequestEvent, Service, User, Workstation
from .replication import IN_CHUNK, set_aside, set_state

log = logging.getLogger(__name__)
PUBLIC_URL = "public_url"  # sync_state key: the municipality's public address, as the central system sets it


@dataclass(frozen=True)
class Desk:
    """What the rules check a pulled change against: this desk's unit, workstation and receipt counter."""

    unit_code: str
    workstation: str
    counter: int

    @classmethod
    def load(cls, s: Session) -> Desk:
        row = s.execute(select(Workstation.unit_code, Workstation.code, Workstation.receipt_counter)
                        .where(Workstation.is_local)).first()  # fmt: skip
        return cls(*row) if row is not None else cls("", "", 0)


@dataclass
class PullResult:
    applied: int = 0
    set_aside: int = 0


@dataclass
class _PageState:
    """What applying one pulled page needs to know, read with a few ``IN`` queries instead of several
    queries per change: the page's requests, the unit's users by name, the services, which requests have
    local ops pending or rejected, each request's known events (with their target status, for the report
    aggregates) and who holds the page's receipt numbers. What the page adds is added here too."""

    unit_code: str
    requests: dict[str, Request]
    users: dict[str, str]
    services: set[str]
    pending: set[str]
    rejected: set[str]
    events: dict[str, dict[str, str | None]]
    receipts: dict[str, str]

    @classmethod
    def load(cls, s: Session, unit_code: str, request_ids: list[str], receipts: list[str]) -> _PageState:
        users = {name: uid for name, uid in s.execute(select(User.username, User.id))}
        services = set(s.scalars(select(Service.code)))
        requests: dict[str, Request] = {}
        pending: set[str] = set()
        rejected: set[str] = set()
        events: dict[str, dict[str, str | None]] = {}
        owners: dict[str, str] = {}
        for start in range(0, len(request_ids), IN_CHUNK):
            chunk = request_ids[start : start + IN_CHUNK]
            requests.update((r.id, r) for r in s.scalars(select(Request).where(Request.id.in_(chunk))))
            for rid, state in s.execute(
                select(OutboxOp.request_id, OutboxOp.state).where(OutboxOp.request_id.in_(chunk))
            ):
                if rid is not None:
                    (pending if state == "pending" else rejected).add(rid)
            stmt = select(RequestEvent.request_id, RequestEvent.id, RequestEvent.to_status).where(
                RequestEvent.request_id.in_(chunk)
            )
            for rid, eid, to_status in s.execute(stmt):
                events.setdefault(rid, {})[eid] = to_status
        for start in range(0, len(receipts), IN_CHUNK):
            chunk = receipts[start : start + IN_CHUNK]
            stmt_owners = select(Request.receipt_no, Request.id).where(Request.receipt_no.in_(chunk))
            owners.update({no: rid for no, rid in s.execute(stmt_owners)})
        return cls(unit_code, requests, users, services, pending, rejected, events, owners)

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
                       created_at=now, updated_at=now, origin="central"))  # fmt: skip
            s.flush()  # before a request refers to it (rare: only a user not pulled yet)
            self.users[username] = uid
        return uid


# ---------------------------------------------------------------------------------------- one change


def apply_request(s: Session, change: wire.RequestChange, page: _PageState | None = None) -> None:
    """Upsert a request as the central system has it and merge its events. A request with local ops still
    pending keeps its local state (they will reach the server and come back); one the server refused ops of
    takes the server's state; a confirmed one takes it unless it is older, never out of a final status."""
    snap = change.request
    rid = snap.id
    if page is None:
        page = _PageState.load(s, Desk.load(s).unit_code, [rid], [snap.receipt_no])
    owner = page.receipts.get(snap.receipt_no)
    if owner is not None and owner != rid:
        raise _Clash(snap.receipt_no)
    req = page.requests.get(rid)
    known = page.events.setdefault(rid, {})
    before = aggregates.facts_known(req, ever_returned="returned" in known.values()) if req is not None else None
    if req is None:
        if snap.service_code not in page.services:
            # A service this desk's catalogue lacks (a newer central catalogue will bring its names).
            s.add(Service(code=snap.service_code, name_sq=snap.service_code, name_en=snap.service_code,
                          category="?", fee_amount=0, currency="ALL", standard_days=snap.standard_days,
                          office="?", active=False, origin="central", updated_at=utcnow()))  # fmt: skip
            s.flush()  # before the request refers to it (rare)
            page.services.add(snap.service_code)
        values = wire_rows.request_row(snap, page.user_id(s, snap.assignee), page.user_id(s, snap.created_by) or "")
        req = Request(**values)
        s.add(req)
        page.requests[rid] = req
        page.receipts[snap.receipt_no] = rid
    elif rid in page.pending:
        req.central_ack = True
    else:
        take = True
        if rid not in page.rejected:  # a confirmed state moves forward only
            take = rules.check_pulled_state({"status": req.status, "version": req.version}, snap)
        if take:
            for name, value in wire_rows.request_state(snap).items():
                setattr(req, name, value)
            req.assignee_id = page.user_id(s, snap.assignee)
        req.central_ack = True
    for ev in change.events:
        if ev.id in known:
            continue
        s.add(RequestEvent(**wire_rows.event_row(ev, rid)))
        known[ev.id] = ev.to_status
    aggregates.restate(s, before, aggregates.facts_known(req, ever_returned="returned" in known.values()))


def apply_user(s: Session, user: wire.UserPayload, unit_code: str) -> None:
    """A user account of the unit, as the central system decides it (the password only as its Argon2
    hash): this desk's copy becomes the central one."""
    row = s.scalars(select(User).where(User.username == user.username)).first()
    if row is None:
        s.add(User(id=uuid7(), username=user.username, full_name=user.full_name, role=user.role, unit_code=unit_code,
                   password_hash=user.password_hash, active=user.active, failed_attempts=0,
                   must_change_password=user.must_change_password, password_changed_at=user.updated_at,
                   created_at=user.updated_at, updated_at=user.updated_at, origin="central"))  # fmt: skip
        return
    if row.origin == "central" and row.password_hash != "!" and row.updated_at and row.updated_at > user.updated_at:
        return  # this desk already has a newer copy (the answer to its own password change)
    row.full_name, row.role, row.active = user.full_name, user.role, user.active
    if row.password_hash != user.password_hash:
        row.password_changed_at = user.updated_at
    row.password_hash = user.password_hash
    row.must_change_password = user.must_change_password
    row.updated_at = user.updated_at
    row.origin = "central"


class _Clash(FrontdeskError):
    reason = "duplicate_receipt"

    def __init__(self, receipt_no: str) -> None:
        super().__init__("Receipt number {receipt_no} belongs to another request on this desk.", receipt_no=receipt_no)


# ---------------------------------------------------------------------------------------- a page


@dataclass
class _Checked:
    raw: dict[str, Any]
    change: wire.Change


def _label(raw: Any) -> tuple[Any, Any, str | None]:
    """seq, kind and receipt number of a raw change, as far as they can be read."""
    if not isinstance(raw, dict):
        return 0, "?", None
    receipt = None
    with_request = raw.get("request")
    if isinstance(with_request, dict) and isinstance(with_request.get("request"), dict):
        receipt = with_request["request"].get("receipt_no")
    return raw.get("seq"), raw.get("kind", "?"), receipt if isinstance(receipt, str) else None


def check_change(raw: Any, desk: Desk, now: dt.datetime) -> wire.Change:
    """One change of the feed, parsed and checked before it touches the store (raises to set it aside)."""
    change = wire.Change.model_validate(raw)
    payload = getattr(change, change.kind)
    if payload is None:
        raise FrontdeskError("A {kind} change carries no {kind}.", kind=change.kind)
    if change.kind == "request":
        rules.check_pulled_request(payload.request, payload.events, unit=desk.unit_code, workstation=desk.workstation,
                                   counter=desk.counter, now=now)  # fmt: skip
    elif change.kind == "user":
        rules.check_pulled_time(payload.updated_at, now, "account change time")
    elif change.kind == "service":
        rules.check_pulled_time(payload.updated_at, now, "service change time")
    elif change.kind == "settings":
        rules.check_pulled_time(payload.updated_at, now, "settings change time")
        rules.check_public_url(payload.public_url)
    return change


def _apply_one(s: Session, desk: Desk, change: wire.Change, page: _PageState | None) -> _PageState | None:
    """Apply one checked change; returns the page state to reuse (None after a change that invalidates it)."""
    if change.kind == "request":
        assert change.request is not None
        if page is None:
            page = _PageState.load(s, desk.unit_code, [change.request.request.id], [change.request.request.receipt_no])
        apply_request(s, change.request, page)
        return page
    s.flush()
    if change.kind == "user":
        assert change.user is not None
        apply_user(s, change.user, desk.unit_code)
    elif change.kind == "service":
        assert change.service is not None
        apply_remote_service(s, change.service.model_dump(mode="json"))
    elif change.kind == "settings":
        assert change.settings is not None
        set_state(s, PUBLIC_URL, rules.check_public_url(change.settings.public_url))
    else:
        assert change.catalog is not None
        text = json.dumps(change.catalog.catalog, ensure_ascii=False)
        import_catalog(s, parse_catalog(text, f"central catalogue {change.catalog.version}"), now=utcnow())
    return None


def _page_state(s: Session, desk: Desk, checked: Iterable[_Checked]) -> _PageState:
    reqs = [c.change.request.request for c in checked if c.change.request is not None]
    return _PageState.load(s, desk.unit_code, list({r.id for r in reqs}), list({r.receipt_no for r in reqs}))


_APPLY_ERRORS = (FrontdeskError, SQLAlchemyError, ValidationError, ValueError, TypeError, KeyError, OverflowError)


def apply_page(store: Store, changes: list[Any], *, next_cursor: int, epoch: str) -> PullResult:
    """Check and apply one pulled page and advance the cursor in the same local transaction; what cannot be
    applied is set aside with its reason."""
    result = PullResult()
    now = utcnow()
    with store.write() as s:
        desk = Desk.load(s)
        checked: list[_Checked] = []
        for raw in changes:
            try:
                checked.append(_Checked(raw, check_change(raw, desk, now)))
            except (FrontdeskError, ValidationError, ValueError, TypeError) as exc:
                _set_aside(s, raw, exc)
                result.set_aside += 1
        savepoint = s.begin_nested()
        try:
            page: _PageState | None = _page_state(s, desk, checked)
            for c in checked:
                page = _apply_one(s, desk, c.change, page)
            s.flush()
        except _APPLY_ERRORS:
            savepoint.rollback()
            log.info("a pulled page did not apply as a whole: applying it change by change")
            for c in checked:
                one = s.begin_nested()
                try:
                    _apply_one(s, desk, c.change, None)
                    s.flush()
                except _APPLY_ERRORS as exc:
                    one.rollback()
                    _set_aside(s, c.raw, exc)
                    result.set_aside += 1
                else:
                    one.commit()
                    result.applied += 1
        else:
            savepoint.commit()
            result.applied = len(checked)
        set_state(s, "cursor", str(next_cursor))
        set_state(s, "epoch", epoch)
        set_state(s, "last_success", utcnow().isoformat(timespec="seconds"))
    return result


def _set_aside(s: Session, raw: Any, exc: Exception) -> None:
    seq, kind, receipt = _label(raw)
    if isinstance(exc, FrontdeskError):
        reason, message = exc.reason, exc.render()
    elif isinstance(exc, ValidationError):
        first = exc.errors()[0]
        reason = "invalid"
        message = f"{'.'.join(str(x) for x in first.get('loc', ()))}: {first.get('msg', 'not valid')}"
    elif isinstance(exc, SQLAlchemyError):
        reason, message = "invalid", f"the local store refused it ({exc.__class__.__name__})"
    else:
        reason, message = "invalid", f"{exc.__class__.__name__}: {exc}"[:300]
    log.warning("pulled change %s (%s) set aside: %s", seq, kind, reason)
    set_aside(s, seq, kind, receipt, reason, message, raw)
