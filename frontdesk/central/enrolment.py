"""Units, workstations and their tokens: one-time enrolment codes (throttled per address and per unit),
enrolment with the desk's local users offered to the central administrator, revocation, epochs, and
authenticating a desk's token. HTTP-free: the API (app.py) and the command line (cli/) call these."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import secrets

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import wire
from frontdesk.clock import utcnow, uuid7

from . import models as m
from .admin_log import log_action
from .db import Database, add_change, epoch, new_epoch
from .errors import BadEnrolmentCode, BadRequest, Conflict, NotFound, TooManyAttempts, Unauthorised

log = logging.getLogger("frontdesk.central")

ENROL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
ENROL_CODE_HOURS = 72
# Throttling wrong enrolment codes (31^8 ≈ 8.5e11 codes, one-time and expiring): from one address at most
# ADDRESS_FAILURES wrong codes per THROTTLE_WINDOW, and for one unit at most UNIT_FAILURES from anywhere.
THROTTLE_WINDOW = dt.timedelta(minutes=15)
ADDRESS_FAILURES = 5
UNIT_FAILURES = 30
_UNIT_RE = re.compile(wire.CODE_UNIT)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def server_time() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ------------------------------------------------------------------------------------------------ units


# workstation codes the central system uses itself: the back office's events (HQ) and complaints made online
# (WEB, with receipt numbers of their own); no desk may enrol with them
RESERVED_WORKSTATIONS = frozenset({"HQ", "WEB"})


def add_unit(db: Database, code: str, name: str, *, actor: str = "cli") -> None:
    """Create a unit and its change counter; the latest published catalogue becomes its first change."""
    code = code.strip().upper()
    name = " ".join(name.split())
    if not _UNIT_RE.match(code):
        raise BadRequest(f"Unit code {code!r} must be 2 to 6 capital letters or digits.")
    if not name or len(name) > 200 or wire.control_character(name) is not None:
        raise BadRequest("The unit name must have 1 to 200 characters and no control characters.")
    with db.write() as s:
        if s.get(m.Unit, code) is not None:
            raise Conflict(f"Unit {code} already exists.", code="bad_request")
        s.add(m.Unit(code=code, name=name, created_at=utcnow()))
        s.flush()
        s.add(m.UnitCounter(unit_code=code, last_seq=0))
        s.flush()
        latest = s.scalars(select(m.CatalogVersion).order_by(m.CatalogVersion.published_at.desc())).first()
        if latest is not None:
            payload = wire.CatalogPayload(version=latest.version, catalog=latest.content)
            add_change(s, code, "catalog", payload.model_dump(mode="json"), None)
        public = s.get(m.Setting, "public_url")
        if public is not None and public.value:  # the municipality's public address (receipts' QR code)
            settings = wire.SettingsPayload(public_url=public.value, updated_at=public.updated_at)
            add_change(s, code, "settings", settings.model_dump(mode="json"), None)
        log_action(s, actor, "unit_add", code, code, {"name": name})


def list_units(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(u.code, u.name) for u in s.scalars(select(m.Unit).order_by(m.Unit.code))]


def get_unit(s: Session, code: str) -> m.Unit:
    unit = s.get(m.Unit, code.strip().upper())
    if unit is None:
        raise NotFound(f"There is no unit {code}.")
    return unit


# ------------------------------------------------------------------------------------------------ enrolment


def normalise_enrol_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(ENROL_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def create_enrol_code(db: Database, unit_code: str, *, hours: int = ENROL_CODE_HOURS, actor: str = "cli") -> str:
    """A one-time code for enrolling one workstation of the unit, valid for ``hours``."""
    if not 1 <= hours <= 24 * 30:
        raise BadRequest("An enrolment code is valid for 1 hour to 30 days.")
    with db.write() as s:
        unit = get_unit(s, unit_code)
        code = new_enrol_code()
        now = utcnow()
        s.add(m.EnrolCode(code_hash=sha256_hex(normalise_enrol_code(code)), unit_code=unit.code, created_at=now,
                          expires_at=now + dt.timedelta(hours=hours)))  # fmt: skip
        log_action(s, actor, "enrol_code", unit.code, None, {"hours": hours})
    return code


def create_reissue_code(
    db: Database, unit_code: str, workstation_code: str, *, hours: int = ENROL_CODE_HOURS, actor: str = "cli"
) -> str:
    """A one-time code that gives an enrolled workstation a new token (its keyring was lost with the old one):
    bound to that workstation, it enrols no other. The old token stops working when the code is used."""
    if not 1 <= hours <= 24 * 30:
        raise BadRequest("An enrolment code is valid for 1 hour to 30 days.")
    with db.write() as s:
        unit = get_unit(s, unit_code)
        ws = _workstation(s, unit.code, workstation_code)
        code = new_enrol_code()
        now = utcnow()
        s.add(m.EnrolCode(code_hash=sha256_hex(normalise_enrol_code(code)), unit_code=unit.code, created_at=now,
                          expires_at=now + dt.timedelta(hours=hours), workstation_id=ws.id))  # fmt: skip
        log_action(s, actor, "reissue_code", unit.code, ws.code, {"hours": hours})
    return code


def _workstation(s: Session, unit_code: str, workstation_code: str) -> m.Workstation:
    ws = s.scalars(
        select(m.Workstation).where(
            m.Workstation.unit_code == unit_code, m.Workstation.code == workstation_code.strip().upper()
        )
    ).first()
    if ws is None:
        raise NotFound(f"There is no workstation {workstation_code} in unit {unit_code}.")
    return ws


def _reissue(s: Session, code: m.EnrolCode, req: wire.EnrolRequest, token: str, now: dt.datetime,
             address: str) -> wire.EnrolResponse:  # fmt: skip
    """Use a re-issue code: the same workstation row (its receipt counter, its anchors, its history) with a
    new token; the desk's users are central already, so nothing is offered."""
    ws = s.get_one(m.Workstation, code.workstation_id)
    if ws.code != req.workstation_code:
        raise BadEnrolmentCode("The enrolment code is not valid (unknown, already used, or expired).")
    ws.token_hash = sha256_hex(token)
    ws.revoked_at = None
    code.used_at = now
    unit = s.get_one(m.Unit, ws.unit_code)
    log_action(s, f"ws:{ws.code}", "reissue", unit.code, ws.code,
               {"address": address, "receipt_counter": req.receipt_counter})  # fmt: skip
    log.info("workstation %s of unit %s has a new token", ws.code, unit.code)
    return wire.EnrolResponse(workstation_id=ws.id, token=token, epoch=epoch(s), unit_code=unit.code,
                              unit_name=unit.name, users_offered=0)  # fmt: skip


def _throttled(s: Session, address: str, unit_code: str, now: dt.datetime) -> bool:
    since = now - THROTTLE_WINDOW
    by_address = s.scalar(
        select(func.count())
        .select_from(m.EnrolAttempt)
        .where(m.EnrolAttempt.address == address, m.EnrolAttempt.at > since)
    )
    if (by_address or 0) >= ADDRESS_FAILURES:
        return True
    by_unit = s.scalar(
        select(func.count())
        .select_from(m.EnrolAttempt)
        .where(m.EnrolAttempt.unit_code == unit_code, m.EnrolAttempt.at > since)
    )
    return (by_unit or 0) >= UNIT_FAILURES


def _failed(db: Database, address: str, unit_code: str) -> None:
    """Count a wrong code (its own transaction: the refused enrolment rolls back)."""
    now = utcnow()
    with db.write() as s:
        s.add(m.EnrolAttempt(address=address[:64], unit_code=unit_code[:16], at=now))
        s.execute(delete(m.EnrolAttempt).where(m.EnrolAttempt.at < now - 4 * THROTTLE_WINDOW))


def enrol(db: Database, req: wire.EnrolRequest, *, address: str = "-") -> wire.EnrolResponse:
    """Register a workstation with a one-time code. Wrong codes are counted per address and per unit; past
    the limit every attempt (right or wrong) answers ``429 too_many_attempts`` until the window passes.
    The desk's local users are stored as offers for the central administrator, never merged."""
    now = utcnow()
    with db.read() as s:
        if _throttled(s, address, req.unit_code, now):
            log.warning("enrolment throttled for %s / unit %s", address, req.unit_code)
            raise TooManyAttempts(
                "Too many wrong enrolment codes: wait 15 minutes, then type the code again.",
                detail={"retry_after": int(THROTTLE_WINDOW.total_seconds())},
            )
    token = secrets.token_urlsafe(32)
    try:
        with db.write() as s:
            stmt = (
                select(m.EnrolCode)
                .where(m.EnrolCode.code_hash == sha256_hex(normalise_enrol_code(req.code)))
                .with_for_update()
            )
            code = s.scalars(stmt).first()
            if code is None or code.used_at is not None or code.expires_at < now or code.unit_code != req.unit_code:
                raise BadEnrolmentCode("The enrolment code is not valid (unknown, already used, or expired).")
            if code.workstation_id is not None:
                return _reissue(s, code, req, token, now, address)
            taken = s.scalars(
                select(m.Workstation.id).where(
                    m.Workstation.unit_code == req.unit_code, m.Workstation.code == req.workstation_code
                )
            ).first()
            if taken is not None or req.workstation_code in RESERVED_WORKSTATIONS:
                raise Conflict(
                    f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}.",
                    detail={"unit_code": req.unit_code, "workstation_code": req.workstation_code},
                )
            unit = s.get_one(m.Unit, req.unit_code)
            ws = m.Workstation(id=uuid7(), unit_code=unit.code, code=req.workstation_code,
                               token_hash=sha256_hex(token), max_receipt_counter=req.receipt_counter,
                               enrolled_at=now, audit_state="ok")  # fmt: skip
            s.add(ws)
            s.flush()
            code.used_at = now
            code.workstation_id = ws.id
            for u in req.users:
                s.add(m.UserOffer(unit_code=unit.code, username=u.username, workstation_id=ws.id,
                                  full_name=u.full_name, role=u.role, active=u.active, password_hash=u.password_hash,
                                  must_change_password=u.must_change_password, offered_at=now,
                                  decision="pending"))  # fmt: skip
            log_action(s, f"ws:{ws.code}", "enrol", unit.code, ws.code,
                       {"address": address, "users_offered": len(req.users)})  # fmt: skip
            log.info("workstation %s of unit %s enrolled (%d users offered)", ws.code, unit.code, len(req.users))
            return wire.EnrolResponse(workstation_id=ws.id, token=token, epoch=epoch(s), unit_code=unit.code,
                                      unit_name=unit.name, users_offered=len(req.users))  # fmt: skip
    except BadEnrolmentCode:
        _failed(db, address, req.unit_code)
        raise
    except IntegrityError:  # a concurrent enrolment took the workstation code first
        raise Conflict(
            f"Workstation code {req.workstation_code} is already enrolled in unit {req.unit_code}."
        ) from None


def revoke(db: Database, unit_code: str, workstation_code: str, *, actor: str = "cli") -> bool:
    """Revoke a workstation's token; False when it was already revoked."""
    with db.write() as s:
        unit = get_unit(s, unit_code)
        ws = _workstation(s, unit.code, workstation_code)
        if ws.revoked_at is not None:
            return False
        ws.revoked_at = utcnow()
        log_action(s, actor, "revoke", unit.code, ws.code, {})
        return True


def rotate_epoch(db: Database, *, actor: str = "cli") -> str:
    with db.write() as s:
        value = new_epoch(s)
        log_action(s, actor, "new_epoch", None, None, {"epoch": value})
        return value


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


def touch(db: Database, ws_id: str) -> None:
    with db.write() as s:
        ws = s.get(m.Workstation, ws_id)
        if ws is not None:
            ws.last_seen_at = utcnow()


def workstation_view(db: Database, unit_code: str | None = None) -> list[dict[str, object]]:
    """Every workstation with what IT watches: last contact, clock skew, audit anchor state."""
    with db.read() as s:
        stmt = select(m.Workstation).order_by(m.Workstation.unit_code, m.Workstation.code)
        if unit_code:
            stmt = stmt.where(m.Workstation.unit_code == get_unit(s, unit_code).code)
        return [
            json.loads(
                json.dumps(
                    {
                        "unit": w.unit_code,
                        "workstation": w.code,
                        "enrolled_at": w.enrolled_at,
                        "last_seen_at": w.last_seen_at,
                        "revoked": w.revoked_at is not None,
                        "clock_skew_s": w.clock_skew_s,
                        "outbox_waiting": w.outbox_waiting,
                        "receipt_counter": w.max_receipt_counter,
                        "audit_seq": w.audit_seq,
                        "audit_state": w.audit_state,
                        "audit_detail": w.audit_detail,
                    },
                    default=str,
                )
            )
            for w in s.scalars(stmt)
        ]
