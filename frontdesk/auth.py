"""Users, roles, sign-in and lockout on the desk.

Passwords are hashed with Argon2id (:mod:`frontdesk.passwords`); hashes are re-computed on sign-in when
the parameters are raised. After ``MAX_FAILED`` failed sign-ins in a row the account is locked for
``LOCKOUT``; a successful sign-in resets the count.

Who is the authority for accounts depends on the desk (docs/security.md): an unenrolled desk manages its
users here; once enrolled, the central system does — users arrive by pull (``origin`` "central"), the
desk's own earlier users were offered to the central administrator at enrolment (``origin`` "offered")
and cannot sign in until accepted, and adding, deactivating or resetting users here is refused. A user's
own password change on an enrolled desk goes online through the central system (``frontdesk.sync.accounts``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import audit, passwords, wire
from .clock import utcnow, uuid7
from .db import Store
from .deadlines import OFFICE_TZ
from .errors import AuthenticationFailed, Conflict, InvalidInput, NotFound, NotPermitted
from .i18n import QT_TRANSLATE_NOOP
from .models import SyncState, User, Workstation
from .rules import ROLES

MAX_FAILED = 5
WARN_AFTER = 3
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD = passwords.MIN_PASSWORD
USERNAME_RE = re.compile(wire.USERNAME_PATTERN)
_CENTRAL_ACCOUNTS = QT_TRANSLATE_NOOP(
    "errors",
    "This desk is enrolled: user accounts are managed on the central system (ask the municipality's IT).",
)


@dataclass(frozen=True)
class Actor:
    """The signed-in user on this workstation: who acts, with which role."""

    user_id: str
    username: str
    full_name: str
    role: str
    unit_code: str
    workstation_code: str


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    must_change_password: bool


def hash_password(password: str) -> str:
    return passwords.hash_password(password)


def is_enrolled(session: Session) -> bool:
    """Whether this desk is enrolled with a central system (which then decides the accounts)."""
    return bool(session.scalar(select(SyncState.value).where(SyncState.key == "workstation_id")))


def _refuse_if_enrolled(session: Session) -> None:
    if is_enrolled(session):
        raise NotPermitted(_CENTRAL_ACCOUNTS)


def _local_hhmm(t: dt.datetime) -> str:
    return t.replace(tzinfo=dt.UTC).astimezone(OFFICE_TZ).strftime("%H:%M")


def _audit(s: Session, actor: str | None, action: str, subject: str, details: dict[str, object] | None,
           now: dt.datetime) -> None:  # fmt: skip
    audit.append(s, actor=actor, workstation_code=audit.local_workstation_code(s), action=action, subject=subject,
                 details=details, now=now)  # fmt: skip


def offer(user: User) -> wire.UserOffer:
    """A local user as this desk offers it to the central administrator at enrolment."""
    return wire.UserOffer(username=user.username, full_name=user.full_name, role=user.role,  # type: ignore[arg-type]
                          active=user.active, password_hash=user.password_hash,
                          must_change_password=user.must_change_password)  # fmt: skip


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.role, u.active, u.locked_until, u.must_change_password)


def _local_workstation(session: Session) -> Workstation:
    ws = session.scalars(select(Workstation).where(Workstation.is_local)).first()
    if ws is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This workstation is not initialised yet (run init)."))
    return ws


def _actor(session: Session, user: User) -> Actor:
    ws = _local_workstation(session)
    return Actor(user.id, user.username, user.full_name, user.role, user.unit_code, ws.code)


def check_password_rules(password: str, *hints: str) -> None:
    passwords.check_policy(password, user_inputs=hints)


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        raise NotPermitted(
            QT_TRANSLATE_NOOP("errors", "Your role ({role}) does not allow this action."), role=actor.role
        )


def _get_user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username.strip().lower())).first()
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user {username}."), username=username)
    return user


def add_user(
    store: Store,
    actor: Actor | None,
    username: str,
    role: str,
    full_name: str,
    password: str,
    *,
    must_change_password: bool = False,
    policy: bool = True,
) -> UserInfo:
    """Create a user of the local unit. With an ``actor`` (the app), only an admin may do it; without
    one (``frontdesk user add`` run by whoever holds the data directory, or first set-up) it is allowed.
    ``policy=False`` only for the demo users, whose shared password must be changed at the first sign-in."""
    if actor is not None:
        require_role(actor, "admin")
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "A user name has 2–64 characters: small letters, digits, dot, dash or underscore.",
            ),
            field="username",
        )
    if role not in ROLES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Unknown role {role}: use clerk, supervisor or admin."),
            field="role",
            role=role,
        )
    if not full_name.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The full name is required."), field="full_name")
    from .rules import clean_line

    full_name = clean_line(full_name, "full_name", 200, required=True) or ""
    with store.read() as s:
        _refuse_if_enrolled(s)
    if policy:
        check_password_rules(password, username, full_name)
    elif not must_change_password:
        raise ValueError("a password outside the policy must be changed at the first sign-in")
    pw_hash = hash_password(password)  # slow: outside the write lock
    now = utcnow()
    with store.write() as s:
        _refuse_if_enrolled(s)
        if s.scalars(select(User.id).where(User.username == username)).first():
            raise Conflict(QT_TRANSLATE_NOOP("errors", "User {username} already exists."), username=username)
        ws = _local_workstation(s)
        user = User(
            id=uuid7(),
            username=username,
            full_name=full_name.strip(),
            role=role,
            unit_code=ws.unit_code,
            password_hash=pw_hash,
            active=True,
            failed_attempts=0,
            must_change_password=must_change_password,
            password_changed_at=now,
            created_at=now,
            updated_at=now,
            origin="local",
        )
        s.add(user)
        s.flush()
        _audit(s, actor.username if actor else None, "user_add", username, {"role": role}, now)
        return _info(user)


def authenticate(store: Store, username: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Sign in. Wrong password, unknown user, inactive or locked account → AuthenticationFailed."""
    now = now or utcnow()
    with store.read() as s:
        user = s.scalars(select(User).where(User.username == username.strip().lower())).first()
        found = (user.id, user.password_hash) if user is not None else None
        if user is not None and not user.active:
            raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "This account has been deactivated."))
        if user is not None and user.origin != "central" and is_enrolled(s):
            raise AuthenticationFailed(_NOT_ACCEPTED)
        if user is not None and user.locked_until is not None and user.locked_until > now:
            raise AuthenticationFailed(_LOCKED, until=_local_hhmm(user.locked_until))
    if found is None:
        passwords.burn(password)  # same cost as a real check: do not reveal which names exist
        name = username.strip().lower()[:64]
        with store.write() as s:
            failures = _recent_unknown_failures(s, name, now) + 1
            _audit(s, None, "sign_in_failed", name, {"reason": "unknown_user"}, now)
        if failures >= MAX_FAILED:  # answered like an account: "locked", then "locked" until the window passes
            raise AuthenticationFailed(_LOCKED, until=_local_hhmm(now + LOCKOUT))
        _wrong(failures)
    user_id, pw_hash = found
    ok = passwords.verify_password(pw_hash, password)
    with store.write() as s:
        user = s.get_one(User, user_id)
        if not ok:
            _audit(s, None, "sign_in_failed", user.username, {"reason": "wrong_password"}, now)
            user.failed_attempts += 1
            failures = user.failed_attempts
            if user.failed_attempts >= MAX_FAILED:
                user.locked_until = now + LOCKOUT
                user.failed_attempts = 0
            user.updated_at = now
            locked = user.locked_until is not None and user.locked_until > now
        else:
            user.failed_attempts = 0
            user.locked_until = None
            if passwords.needs_rehash(pw_hash) and user.origin != "central":  # a central hash is the server's
                user.password_hash = hash_password(password)
            _audit(s, user.username, "sign_in", user.username, None, now)
            return _actor(s, user)
    if locked:
        raise AuthenticationFailed(_LOCKED, until=_local_hhmm(now + LOCKOUT))
    _wrong(failures)


def _wrong(failures: int) -> NoReturn:
    """Wrong name or password; from the ``WARN_AFTER``-th failure in a row, with the tries left."""
    if failures >= WARN_AFTER:
        raise AuthenticationFailed(_TRIES_LEFT, left=MAX_FAILED - failures, minutes=int(LOCKOUT.total_seconds() // 60))
    raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))


def _recent_unknown_failures(s: Session, name: str, now: dt.datetime) -> int:
    """Failed sign-ins under a name that is no account, in the last ``LOCKOUT`` (from the audit trail)."""
    from .models import AuditEntry

    q = (
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.action == "sign_in_failed", AuditEntry.subject == name, AuditEntry.time > now - LOCKOUT)
    )
    return int(s.scalar(q) or 0)


_LOCKED = QT_TRANSLATE_NOOP("errors", "Too many failed sign-ins: the account is locked until {until}.")
_TRIES_LEFT = QT_TRANSLATE_NOOP(
    "errors",
    "Wrong user name or password. Tries left before the account is locked for {minutes} minutes: {left}.",
)
_NOT_ACCEPTED = QT_TRANSLATE_NOOP(
    "errors",
    "This account is waiting for the central administrator: it was offered when this desk was enrolled.",
)


def change_password(store: Store, username: str, old_password: str, new_password: str) -> None:
    """A user changes their own password on an unenrolled desk (an enrolled one goes through the central
    system: ``frontdesk.sync.accounts.change_password``)."""
    with store.read() as s:
        _refuse_if_enrolled(s)
        user = _get_user(s, username)
        pw_hash, full_name = user.password_hash, user.full_name
    if not passwords.verify_password(pw_hash, old_password):
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "The current password is wrong."))
    check_password_rules(new_password, username, full_name)
    if new_password == old_password:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one."),
            field="password",
        )
    new_hash = hash_password(new_password)
    with store.write() as s:
        user = _get_user(s, username)
        user.password_hash = new_hash
        user.must_change_password = False
        user.password_changed_at = user.updated_at = utcnow()
        _audit(s, user.username, "password_change", user.username, None, user.updated_at)


def reset_password(store: Store, actor: Actor, username: str, new_password: str) -> None:
    """An admin sets a temporary password; the user must change it at the next sign-in."""
    require_role(actor, "admin")
    with store.read() as s:
        _refuse_if_enrolled(s)
    check_password_rules(new_password, username)
    new_hash = hash_password(new_password)
    with store.write() as s:
        _refuse_if_enrolled(s)
        user = _get_user(s, username)
        user.password_hash = new_hash
        user.must_change_password = True
        user.failed_attempts = 0
        user.locked_until = None
        user.password_changed_at = user.updated_at = utcnow()
        _audit(s, actor.username, "user_change", user.username, {"change": "password_reset"}, user.updated_at)


def unlock(store: Store, actor: Actor, username: str) -> UserInfo:
    """Lift a sign-in lockout before its time (a supervisor or an admin). The lockout is this desk's own
    state — the central system never sends it — so it may be lifted on an enrolled desk too; recorded in
    the audit trail."""
    require_role(actor, "supervisor", "admin")
    now = utcnow()
    with store.write() as s:
        user = _get_user(s, username)
        was_locked = user.locked_until is not None and user.locked_until > now
        user.locked_until = None
        user.failed_attempts = 0
        _audit(s, actor.username, "user_change", user.username, {"change": "unlock", "was_locked": was_locked}, now)
        return _info(user)


def set_active(store: Store, actor: Actor, username: str, active: bool) -> UserInfo:
    require_role(actor, "admin")
    with store.write() as s:
        _refuse_if_enrolled(s)
        user = _get_user(s, username)
        if user.id == actor.user_id and not active:
            raise Conflict(QT_TRANSLATE_NOOP("errors", "You cannot deactivate your own account."))
        user.active = active
        user.updated_at = utcnow()
        _audit(s, actor.username, "user_change", user.username, {"active": active}, user.updated_at)
        return _info(user)


def list_users(store: Store, *, active_only: bool = True) -> list[UserInfo]:
    with store.read() as s:
        q = select(User).order_by(User.username)
        if active_only:
            q = q.where(User.active)
        return [_info(u) for u in s.scalars(q)]


def user_info(store: Store, username: str) -> UserInfo:
    with store.read() as s:
        return _info(_get_user(s, username))


def actor_for(store: Store, username: str) -> Actor:
    """The actor for ``--as USER`` on the command line: the data directory's permissions are the guard."""
    with store.read() as s:
        user = _get_user(s, username)
        if not user.active:
            raise NotPermitted(QT_TRANSLATE_NOOP("errors", "This account has been deactivated."))
        if user.origin != "central" and is_enrolled(s):
            raise NotPermitted(_NOT_ACCEPTED)
        return _actor(s, user)
