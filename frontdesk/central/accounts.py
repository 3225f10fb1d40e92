"""Accounts: the central system is their authority once a desk is enrolled. Users of a unit are created,
given roles, deactivated and have passwords reset here (``frontdesk-central user …``; the browser console
builds on the same functions) and reach the unit's desks through the pull feed. A desk may only change its
own user's password, online, proving the current one (:func:`change_password`). Users a desk had before
its enrolment arrive as offers and become accounts only when an administrator accepts them.

Every change of a role or of the active flag closes the account's current period and opens another
(``user_versions``), so an op is judged by the account as it was when the act was done
(:func:`actor_facts`, ``rules.check_actor``). Every action is in the central audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk import passwords, rules, wire
from frontdesk.clock import utcnow
from frontdesk.errors import InvalidInput

from . import models as m
from .admin_log import log_action
from .db import Database, add_change, lock_unit
from .enrolment import authenticate, get_unit
from .errors import BadRequest, Conflict, NotFound, Unauthorised, WrongPassword
from .wire_map import user_payload

MAX_FAILED = 5
LOCKOUT = dt.timedelta(minutes=15)
_USERNAME_RE = re.compile(wire.USERNAME_PATTERN)


@dataclass(frozen=True)
class Account:
    unit_code: str
    username: str
    full_name: str
    role: str
    active: bool
    must_change_password: bool
    updated_at: dt.datetime


@dataclass(frozen=True)
class Offer:
    unit_code: str
    username: str
    workstation: str
    full_name: str
    role: str
    offered_at: dt.datetime
    decision: str


def _account(row: m.User) -> Account:
    return Account(row.unit_code, row.username, row.full_name, row.role, row.active, row.must_change_password,
                   row.updated_at)  # fmt: skip


def _check(username: str, role: str | None, full_name: str | None) -> tuple[str, str | None]:
    username = username.strip().lower()
    if not _USERNAME_RE.fullmatch(username):
        raise BadRequest("A user name has 2-64 characters: small letters, digits, dot, dash or underscore.")
    if role is not None and role not in rules.ROLES:
        raise BadRequest(f"Unknown role {role}: use clerk, supervisor or admin.")
    name = None
    if full_name is not None:
        try:
            name = rules.clean_line(full_name, "full_name", 200, required=True)
        except InvalidInput as exc:
            raise BadRequest(f"Full name: {exc.render()}") from None
    return username, name


def _policy(password: str) -> None:
    try:
        passwords.check_policy(password)
    except InvalidInput as exc:
        raise BadRequest(exc.render()) from None


def _publish(s: Session, row: m.User, *, period_changed: bool, now: dt.datetime) -> None:
    """Send the account to the unit's desks; with ``period_changed`` close its current period and open one."""
    if period_changed:
        s.execute(
            update(m.UserVersion)
            .where(
                m.UserVersion.unit_code == row.unit_code,
                m.UserVersion.username == row.username,
                m.UserVersion.valid_to.is_(None),
            )
            .values(valid_to=now)
        )
        s.add(m.UserVersion(unit_code=row.unit_code, username=row.username, role=row.role, active=row.active,
                            valid_from=now))  # fmt: skip
    s.flush()
    add_change(s, row.unit_code, "user", user_payload(row).model_dump(mode="json"), None)


def _user(s: Session, unit_code: str, username: str) -> m.User:
    row = s.get(m.User, (unit_code, username.strip().lower()))
    if row is None:
        raise NotFound(f"There is no user {username} in unit {unit_code}.", code="not_found")
    return row


# ------------------------------------------------------------------------------------------------ administration


def add_user(db: Database, unit_code: str, username: str, role: str, full_name: str, password: str, *,
             must_change_password: bool = True, actor: str = "cli") -> Account:  # fmt: skip
    """A new account of the unit, with a temporary password the user changes at the first sign-in."""
    username, name = _check(username, role, full_name)
    _policy(password)
    pw_hash = passwords.hash_password(password)  # slow: before the unit's lock
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        lock_unit(s, unit.code)
        if s.get(m.User, (unit.code, username)) is not None:
            raise Conflict(f"User {username} already exists in unit {unit.code}.", code="bad_request")
        row = m.User(unit_code=unit.code, username=username, full_name=name or username, role=role, active=True,
                     password_hash=pw_hash, must_change_password=must_change_password, updated_at=now,
                     created_at=now, failed_attempts=0)  # fmt: skip
        s.add(row)
        _publish(s, row, period_changed=True, now=now)
        log_action(s, actor, "user_add", unit.code, username, {"role": role})
        return _account(row)


def set_role(db: Database, unit_code: str, username: str, role: str, *, actor: str = "cli") -> Account:
    _, _ = _check(username, role, None)
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        lock_unit(s, unit.code)
        row = _user(s, unit.code, username)
        if row.role != role:
            old, row.role, row.updated_at = row.role, role, now
            _publish(s, row, period_changed=True, now=now)
            log_action(s, actor, "user_role", unit.code, row.username, {"from": old, "to": role})
        return _account(row)


def set_active(db: Database, unit_code: str, username: str, active: bool, *, actor: str = "cli") -> Account:
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        lock_unit(s, unit.code)
        row = _user(s, unit.code, username)
        if row.active != active:
            row.active, row.updated_at = active, now
            _publish(s, row, period_changed=True, now=now)
            log_action(s, actor, "user_active", unit.code, row.username, {"active": active})
        return _account(row)


def reset_password(db: Database, unit_code: str, username: str, password: str, *, actor: str = "cli") -> Account:
    """A temporary password the user must change at the next sign-in; unlocks the account."""
    _policy(password)
    pw_hash = passwords.hash_password(password)
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        lock_unit(s, unit.code)
        row = _user(s, unit.code, username)
        row.password_hash, row.must_change_password, row.updated_at = pw_hash, True, now
        row.failed_attempts, row.locked_until = 0, None
        _publish(s, row, period_changed=False, now=now)
        log_action(s, actor, "password_reset", unit.code, row.username, {})
        return _account(row)


def list_users(db: Database, unit_code: str) -> list[Account]:
    with db.read() as s:
        unit = get_unit(s, unit_code)
        rows = s.scalars(select(m.User).where(m.User.unit_code == unit.code).order_by(m.User.username))
        return [_account(r) for r in rows]


# ------------------------------------------------------------------------------------------------ offers


def offers(db: Database, unit_code: str, *, pending_only: bool = True) -> list[Offer]:
    with db.read() as s:
        unit = get_unit(s, unit_code)
        stmt = (
            select(m.UserOffer, m.Workstation.code)
            .join(m.Workstation, m.Workstation.id == m.UserOffer.workstation_id)
            .where(m.UserOffer.unit_code == unit.code)
            .order_by(m.UserOffer.username, m.Workstation.code)
        )
        if pending_only:
            stmt = stmt.where(m.UserOffer.decision == "pending")
        return [Offer(o.unit_code, o.username, code, o.full_name, o.role, o.offered_at, o.decision)
                for o, code in s.execute(stmt)]  # fmt: skip


def _offer(s: Session, unit_code: str, username: str, workstation: str | None) -> m.UserOffer:
    stmt = (
        select(m.UserOffer)
        .join(m.Workstation, m.Workstation.id == m.UserOffer.workstation_id)
        .where(
            m.UserOffer.unit_code == unit_code,
            m.UserOffer.username == username.strip().lower(),
            m.UserOffer.decision == "pending",
        )
    )
    if workstation:
        stmt = stmt.where(m.Workstation.code == workstation.strip().upper())
    found = s.scalars(stmt).all()
    if not found:
        raise NotFound(f"No pending offer of user {username} in unit {unit_code}.", code="not_found")
    if len(found) > 1:
        raise Conflict(f"User {username} was offered by several workstations: name one with --workstation.",
                       code="bad_request")  # fmt: skip
    return found[0]


def accept_offer(db: Database, unit_code: str, username: str, *, workstation: str | None = None,
                 role: str | None = None, actor: str = "cli") -> Account:  # fmt: skip
    """Make an account from a desk's offered user (its password hash kept; ``role`` may change it)."""
    if role is not None:
        _check(username, role, None)
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        lock_unit(s, unit.code)
        offer = _offer(s, unit.code, username, workstation)
        if s.get(m.User, (unit.code, offer.username)) is not None:
            raise Conflict(f"User {offer.username} already exists in unit {unit.code}: decline the offer.",
                           code="bad_request")  # fmt: skip
        row = m.User(unit_code=unit.code, username=offer.username, full_name=offer.full_name,
                     role=role or offer.role, active=offer.active, password_hash=offer.password_hash,
                     must_change_password=offer.must_change_password, updated_at=now, created_at=now,
                     failed_attempts=0)  # fmt: skip
        s.add(row)
        offer.decision, offer.decided_at, offer.decided_by = "accepted", now, actor[:64]
        _publish(s, row, period_changed=True, now=now)
        log_action(s, actor, "offer_accept", unit.code, row.username, {"role": row.role})
        return _account(row)


def decline_offer(db: Database, unit_code: str, username: str, *, workstation: str | None = None,
                  actor: str = "cli") -> None:  # fmt: skip
    now = utcnow()
    with db.write() as s:
        unit = get_unit(s, unit_code)
        offer = _offer(s, unit.code, username, workstation)
        offer.decision, offer.decided_at, offer.decided_by = "declined", now, actor[:64]
        log_action(s, actor, "offer_decline", unit.code, offer.username, {})


# ------------------------------------------------------------------------------------------------ from a desk


def change_password(db: Database, token: str | None, req: wire.PasswordChange) -> wire.UserPayload:
    """A user of the desk's unit changes their own password, online: the current password is checked
    here (five wrong ones in a row lock the account for 15 minutes), the new one must meet the policy.
    Returns the account as the desks will pull it."""
    with db.read() as s:
        ws = authenticate(s, token)
        unit_code, ws_code = ws.unit_code, ws.code
        row = s.get(m.User, (unit_code, req.username))
        if row is None or not row.active:
            raise Unauthorised("This user cannot sign in on the central system.", code="unauthorised")
        now = utcnow()
        if row.locked_until is not None and row.locked_until > now:
            raise WrongPassword("Too many wrong passwords: the account is locked for 15 minutes.",
                                detail={"locked_until": row.locked_until.isoformat()})  # fmt: skip
        current_hash = row.password_hash
    ok = passwords.verify_password(current_hash, req.current_password)
    if ok:
        _policy(req.new_password)
        if req.new_password == req.current_password:
            raise BadRequest("The new password must differ from the current one.")
        new_hash = passwords.hash_password(req.new_password)
    with db.write() as s:
        lock_unit(s, unit_code)
        row = s.get_one(m.User, (unit_code, req.username))
        now = utcnow()
        if not ok:
            row.failed_attempts += 1
            if row.failed_attempts >= MAX_FAILED:
                row.locked_until, row.failed_attempts = now + LOCKOUT, 0
            log_action(s, f"ws:{ws_code}", "password_wrong", unit_code, row.username, {})
        else:
            row.password_hash, row.must_change_password, row.updated_at = new_hash, False, now
            row.failed_attempts, row.locked_until = 0, None
            _publish(s, row, period_changed=False, now=now)
            log_action(s, f"ws:{ws_code}", "password_change", unit_code, row.username, {})
            return user_payload(row)
    raise WrongPassword("The current password is wrong.")


# ------------------------------------------------------------------------------------------------ for the rules


def actor_facts(s: Session, unit_code: str, usernames: Iterable[str], workstation_id: str | None
                ) -> dict[str, rules.ActorFacts]:  # fmt: skip
    """What the rulebook needs to judge ops by these actors: every period of their accounts, and the role
    under which this workstation offered them at enrolment (for its history from before)."""
    names = sorted({u for u in usernames if u})
    periods: dict[str, list[rules.UserVersion]] = {}
    offered: dict[str, str] = {}
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        stmt = (
            select(m.UserVersion)
            .where(m.UserVersion.unit_code == unit_code, m.UserVersion.username.in_(chunk))
            .order_by(m.UserVersion.username, m.UserVersion.valid_from, m.UserVersion.id)
        )
        for v in s.scalars(stmt):
            periods.setdefault(v.username, []).append(rules.UserVersion(v.role, v.active, v.valid_from, v.valid_to))
        if workstation_id is not None:
            offers_stmt = select(m.UserOffer.username, m.UserOffer.role).where(
                m.UserOffer.unit_code == unit_code, m.UserOffer.workstation_id == workstation_id,
                m.UserOffer.username.in_(chunk),
            )  # fmt: skip
            offered.update({u: r for u, r in s.execute(offers_stmt)})
    return {n: rules.ActorFacts(n, tuple(periods.get(n, ())), offered.get(n)) for n in names}


def active_counter_users(s: Session, unit_code: str) -> set[str]:
    """Who may be given requests in the unit now (a reassignment's target)."""
    rows = s.scalars(
        select(m.User.username).where(
            m.User.unit_code == unit_code, m.User.active, m.User.role.in_(rules.COUNTER_ROLES)
        )
    )
    return set(rows)


def active_supervisors(s: Session, unit_code: str) -> set[str]:
    """The unit's active supervisors (a complaint is routed to one of them)."""
    rows = s.scalars(
        select(m.User.username).where(m.User.unit_code == unit_code, m.User.active, m.User.role == "supervisor")
    )
    return set(rows)


__all__ = [
    "Account",
    "Offer",
    "accept_offer",
    "active_counter_users",
    "active_supervisors",
    "actor_facts",
    "add_user",
    "change_password",
    "decline_offer",
    "list_users",
    "offers",
    "reset_password",
    "set_active",
    "set_role",
]
