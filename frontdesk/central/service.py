"""What the central server does, independent of HTTP: enrolment, applying pushed ops, the pull feed,
the back office, catalogue publication and administration. The FastAPI layer (app.py) and the command
line (cli.py) both call these functions; each takes a :class:`~frontdesk.central.db.Database` or a
session inside one of its write transactions.

Decisions (docs/central.md):

* every writing transaction of a unit first locks the unit's counter row, so pushes of one unit are
  serialised and change sequence numbers are taken in commit order;
* ``applied_ops`` keeps every answered op with its outcome: a retry of an *applied* op answers
  ``duplicate``, a retry of a *rejected* op answers ``rejected`` with the stored reason again, a retry
  of an op first answered ``duplicate`` answers ``duplicate``;
* a request of another unit is answered ``unknown_request`` (a workstation cannot learn it exists).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import re
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow, uuid7
from frontdesk.lifecycle import STATUSES
from frontdesk.sync import protocol as p

from . import models as m
from .db import Database, epoch, lock_unit, next_seq
from .errors import BadEnrolmentCode, BadRequest, Conflict, NotFound, Rejected, Unauthorised

log = logging.getLogger("frontdesk.central")

INT64_MAX = 2**63 - 1
ENROL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
ENROL_CODE_HOURS = 72
DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
BACKOFFICE_ACTOR = "backoffice"
BACKOFFICE_WORKSTATION = "HQ"
_UNIT_RE = re.compile(p.CODE_UNIT)
_WS_RE = re.compile(p.CODE_WORKSTATION)


# ------------------------------------------------------------------------------------------------ helpers


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def naive_utc(value: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; an aware time from a workstation is converted."""
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def server_time() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_storable(value: Any, path: str = "body") -> None:
    """Refuse (400) what validated JSON may still hold but a database column cannot: NUL characters and
    unencodable surrogates in text, integers outside 64 bits, NaN/infinity, times that overflow UTC."""
    if isinstance(value, str):
        if "\x00" in value:
            raise BadRequest(f"{path}: text may not contain NUL characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadRequest(f"{path}: text is not valid Unicode.") from None
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not -INT64_MAX <= value <= INT64_MAX:
            raise BadRequest(f"{path}: number out of range.")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise BadRequest(f"{path}: numbers must be finite.")
    elif isinstance(value, dt.datetime):
        try:
            naive_utc(value)
        except (OverflowError, ValueError):
            raise BadRequest(f"{path}: time out of range.") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            check_storable(k, path)
            check_storable(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            check_storable(v, f"{path}[{i}]")


def normalise_enrol_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(ENROL_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


# ------------------------------------------------------------------------------------------------ units


def add_unit(db: Database, code: str, name: str) -> None:
    """Create a unit and its change counter; the latest published catalogue becomes its first change."""
    code = code.strip().upper()
    name = " ".join(name.split())
    if not _UNIT_RE.match(code):
        raise BadRequest(f"Unit code {code!r} must be 2 to 6 capital letters or digits.")
    if not name or len(name) > 200:
        raise BadRequest("The unit name must have 1 to 200 characters.")
    with db.write() as s:
        if s.get(m.Unit, code) is not None:
            raise Conflict(f"Unit {code} already exists.", code="bad_request")
        s.add(m.Unit(code=code, name=name, created_at=utcnow()))
        s.flush()
        s.add(m.UnitCounter(unit_code=code, last_seq=0))
        s.flush()
        latest = s.scalars(select(m.CatalogVersion).order_by(m.CatalogVersion.published_at.desc())).first()
        if latest is not None:
            payload = p.CatalogPayload(version=latest.version, catalog=latest.content)
            _add_change(s, code, "catalog", payload.model_dump(mode="json"), None)


def list_units(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(u.code, u.name) for u in s.scalars(select(m.Unit).order_by(m.Unit.code))]


def _unit(s: Session, code: str) -> m.Unit:
    unit = s.get(m.Unit, code.strip().upper())
    if unit is None:
        raise NotFound(f"There is no unit {code}.")
    return unit


def create_enrol_code(db: Database, unit_code: str, *, hours: int = ENROL_CODE_HOURS) -> str:
    """A one-time code for enrolling one workstation of the unit, valid for ``hours``."""
    if not 1 <= hours <= 24 * 30:
        raise BadRequest("An enrolment code is valid for 1 hour to 30 days.")
    with db.write() as s:
        unit = _unit(s, unit_code)
        code = new_enrol_code()
        now = utcnow()
        s.add(
            m.EnrolCode(
                code_hash=sha256_hex(normalise_enrol_code(code)),
                unit_code=unit.code,
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )
    return code


def enrol(db: Database, req: p.EnrolRequest) -> p.EnrolResponse:
    bad = BadEnrolmentCode("The enrolment code is not valid (unknown, already used, or expired).")
    token = secrets.token_urlsafe(32)
    now = utcnow()
    try:
        with db.write() as s:
            stmt = (
                select(m.EnrolCode)
                .where(m.EnrolCode.code_hash == sha256_hex(normalise_enrol_code(req.code)))
                .with_for_update()
            )
            code = s.scalars(stmt).first()
            if code is None or code.used_at is not None or code.expires_at < now:
                raise bad
            if code.unit_code != req.unit_code:
                raise bad
            taken = s.scalars(
                select(m.Workstation.id).where(
                    m.Workstation.unit_code == req.unit_code, m.Workstation.code == req.workstation_code
                )
            ).first()
            if taken is not None:
                raise Conflict(
                    f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}.",
                    detail={"unit_code": req.unit_code, "workstation_code": req.workstation_code},
                )
            unit = s.get_one(m.Unit, req.unit_code)
            ws = m.Workstation(
                id=uuid7(),
                unit_code=unit.code,
                code=req.workstation_code,
                token_hash=sha256_hex(token),
                max_receipt_counter=req.receipt_counter,
                enrolled_at=now,
            )
            s.add(ws)
            s.flush()
            code.used_at = now
            code.workstation_id = ws.id
            log.info("workstation %s of unit %s enrolled", ws.code, unit.code)
            return p.EnrolResponse(
                workstation_id=ws.id, token=token, epoch=epoch(s), unit_code=unit.code, unit_name=unit.name
            )
    except IntegrityError:  # a concurrent enrolment took the workstation code first
        raise Conflict(
            f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}."
        ) from None


def revoke(db: Database, unit_code: str, workstation_code: str) -> bool:
    """Revoke a workstation's token; False when it was already revoked."""
    with db.write() as s:
        unit = _unit(s, unit_code)
        ws = s.scalars(
            select(m.Workstation).where(
                m.Workstation.unit_code == unit.code, m.Workstation.code == workstation_code.strip().upper()
            )
        ).first()
        if ws is None:
            raise NotFound(f"There is no workstation {workstation_code} in unit {unit.code}.")
        if ws.revoked_at is not None:
            return False
        ws.revoked_at = utcnow()
        return True


def rotate_epoch(db: Database) -> str:
    from .db import new_epoch

    with db.write() as s:
        return new_epoch(s)


def current_epoch(db: Database) -> str:
    with db.read() as s:
        return epoch(s)


def authenticate(s: Session, token: str | None) -> m.Workstation:
    if not token:
        raise Unauthorised("A bearer token is required.")
    ws = s.scalars(select(m.Workstation).where(m.Workstation.token_hash == sha256_hex(token))).first()
    if ws is None:
        raise Unauthorised("The token is not valid.")
    if ws.revoked_at is not None:
        raise Unauthorised("This workstation has been revoked.", code="revoked")
    return ws


# ------------------------------------------------------------------------------------------------ changes


def _add_change(s: Session, unit_code: str, kind: str, payload: dict[str, Any], origin: str | None) -> int:
    seq = next_seq(s, unit_code)
    s.add(m.Change(unit_code=unit_code, seq=seq, kind=kind, payload=payload, origin=origin, created_at=utcnow()))
    return seq


def snapshot(req: m.Request) -> p.RequestSnapshot:
    return p.RequestSnapshot(
        id=req.id,
        receipt_no=req.receipt_no,
        visit_id=req.visit_id,
        unit_code=req.unit_code,
        workstation_code=req.workstation_code,
        service_code=req.service_code,
        citizen_nid=req.citizen_nid,
        citizen_name=req.citizen_name,
        citizen_phone=req.citizen_phone,
        documents=list(req.documents),
        documents_missing=list(req.documents_missing),
        fee_paid=req.fee_paid,
        priority=req.priority,
        note=req.note,
        status=req.status,  # type: ignore[arg-type]
        assignee=req.assignee,
        created_by=req.created_by,
        created_at=req.created_at,
        updated_at=req.updated_at,
        due_date=req.due_date,
        standard_days=req.standard_days,
        version=req.version,
        completed_at=req.completed_at,
        delivered_at=req.delivered_at,
        rating=req.rating,
    )


def event_payload(ev: m.RequestEvent) -> p.EventPayload:
    return p.EventPayload(
        id=ev.id,
        kind=ev.kind,  # type: ignore[arg-type]
        from_status=ev.from_status,  # type: ignore[arg-type]
        to_status=ev.to_status,  # type: ignore[arg-type]
        actor=ev.actor,
        workstation=ev.workstation,
        device_time=ev.device_time,
        data=ev.data,
    )


def _request_change(s: Session, req: m.Request, events: list[m.RequestEvent], origin: str | None) -> None:
    s.flush()
    change = p.RequestChange(request=snapshot(req), events=[event_payload(e) for e in events])
    _add_change(s, req.unit_code, "request", change.model_dump(mode="json"), origin)


def changes(db: Database, token: str | None, after: int, limit: int = DEFAULT_LIMIT) -> p.ChangesResponse:
    """The unit's changes after ``after`` in sequence order, without those the caller caused."""
    limit = max(1, min(limit, MAX_LIMIT))
    touch = False
    with db.read() as s:
        ws = authenticate(s, token)
        ws_id, unit_code = ws.id, ws.unit_code
        touch = ws.last_seen_at is None or utcnow() - ws.last_seen_at > dt.timedelta(minutes=1)
        # The counter first: every change numbered up to it is committed (same transaction).
        high = s.scalars(select(m.UnitCounter.last_seq).where(m.UnitCounter.unit_code == unit_code)).one()
        rows = s.execute(
            select(m.Change.seq, m.Change.kind, m.Change.payload)
            .where(
                m.Change.unit_code == unit_code,
                m.Change.seq > after,
                m.Change.seq <= high,
                (m.Change.origin.is_(None)) | (m.Change.origin != ws_id),
            )
            .order_by(m.Change.seq)
            .limit(limit)
        ).all()
        if len(rows) == limit:
            nxt = rows[-1].seq
            more = nxt < high
        else:
            nxt = max(high, after)
            more = False
        out = [p.Change.model_validate({"seq": r.seq, "kind": r.kind, r.kind: r.payload}) for r in rows]
        ep = epoch(s)
    if touch:
        _touch(db, ws_id)
    return p.ChangesResponse(epoch=ep, server_time=server_time(), changes=out, next=nxt, more=more)


def _touch(db: Database, ws_id: str) -> None:
    with db.write() as s:
        ws = s.get(m.Workstation, ws_id)
        if ws is not None:
            ws.last_seen_at = utcnow()


# ------------------------------------------------------------------------------------------------ back office


def backoffice_advance(db: Database, receipt_no: str, status: str, note: str | None = None) -> p.RequestSnapshot:
    """The back office moves a request (actor "backoffice", workstation "HQ"); every desk pulls it."""
    status = status.strip().lower()
    if status not in STATUSES:
        raise BadRequest(f"Unknown status {status}; one of: {', '.join(STATUSES)}.")
    note = " ".join((note or "").split()) or None
    if note is not None and len(note) > 2000:
        raise BadRequest("A note can have at most 2000 characters.")
    receipt_no = receipt_no.strip().upper()
    with db.write() as s:
        found = s.scalars(select(m.Request.unit_code).where(m.Request.receipt_no == receipt_no)).first()
        if found is None:
            raise NotFound(f"There is no request {receipt_no}.", code="bad_request")
        lock_unit(s, found)
        req = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no)).one()
        deliver = status == "delivered"
        ev = p.EventPayload(
            id=uuid7(),
            kind="deliver" if deliver else "status",
            from_status=req.status,  # type: ignore[arg-type]
            to_status=status,  # type: ignore[arg-type]
            actor=BACKOFFICE_ACTOR,
            workstation=BACKOFFICE_WORKSTATION,
            device_time=utcnow(),
            data={"note": note} if note else ({"rating": None} if deliver else {}),
        )
        try:
            from .ops import apply_status

            apply_status(s, req, ev, None, deliver=deliver)
        except Rejected as r:
            raise Conflict(r.message, code="bad_request", detail=r.current) from None
        s.flush()
        return snapshot(req)


def list_requests(db: Database, unit_code: str | None = None) -> list[p.RequestSnapshot]:
    with db.read() as s:
        stmt = select(m.Request).order_by(m.Request.unit_code, m.Request.receipt_no)
        if unit_code:
            unit = _unit(s, unit_code)
            stmt = stmt.where(m.Request.unit_code == unit.code)
        return [snapshot(r) for r in s.scalars(stmt)]


def request_events(db: Database, request_id: str) -> list[p.EventPayload]:
    with db.read() as s:
        rows = s.scalars(
            select(m.RequestEvent).where(m.RequestEvent.request_id == request_id).order_by(m.RequestEvent.id)
        )
        return [event_payload(e) for e in rows]


def publish_catalog(db: Database, text: str, source_name: str = "catalog.json") -> tuple[str, int]:
    """Validate a catalogue file (raises ``frontdesk.catalog.CatalogError``), store it as a published
    version and give every unit a ``catalog`` change. Returns (version, number of units)."""
    from frontdesk.catalog import parse_catalog

    catalog = parse_catalog(text, source_name)
    content = json.loads(text)
    payload = p.CatalogPayload(version=catalog.version, catalog=content).model_dump(mode="json")
    with db.write() as s:
        if s.get(m.CatalogVersion, catalog.version) is not None:
            raise Conflict(f"Catalogue version {catalog.version} was already published.", code="bad_request")
        s.add(m.CatalogVersion(version=catalog.version, content=content, published_at=utcnow()))
        units = list(s.scalars(select(m.Unit.code).order_by(m.Unit.code)))
        for code in units:
            lock_unit(s, code)
            _add_change(s, code, "catalog", payload, None)
    return catalog.version, len(units)
