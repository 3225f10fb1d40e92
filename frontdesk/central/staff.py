"""The console's staff accounts — central people, not a unit's users: back-office officers (each of one
office), municipality managers and IT administrators — their sign-in (Argon2id, five wrong passwords in a
row lock the account for 15 minutes) and their browser sessions (in the database, so every worker process
knows them: the cookie carries a random token, the table only its SHA-256; idle and absolute expiry).

The first account is made with ``frontdesk-central staff add`` (temporary password on standard input,
changed at the first sign-in); IT administrators make the others in the console. Every action is in the
central audit trail (``admin_actions``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from frontdesk import passwords, rules, wire
from frontdesk.clock import utcnow
from frontdesk.errors import InvalidInput

from . import directory
from . import models as m
from .admin_log import log_action
from .db import Database
from .errors import BadRequest, Conflict, NotFound

ROLES = ("officer", "manager", "itadmin")
MAX_FAILED = 5
LOCKOUT = dt.timedelta(minutes=15)
SESSION_IDLE = dt.timedelta(minutes=30)
SESSION_MAX = dt.timedelta(hours=10)
TOUCH_EVERY = dt.timedelta(seconds=60)  # a session's last_seen_at is written at most this often
_USERNAME_RE = re.compile(wire.USERNAME_PATTERN)


@dataclass(frozen=True)
class StaffAccount:
    username: str
    full_name: str
    role: str
    office: str | None
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_sign_in_at: dt.datetime | None


@dataclass(frozen=True)
class SignedIn:
    """A valid session: who, and the CSRF token of their forms."""

    session_id: str
    account: StaffAccount
    csrf: str


class SignInFailed(Exception):
    """Wrong user name or password, an inactive account, or a locked one (``locked`` set): the console
    says only that signing in failed — and, for a locked account, for how long."""

    def __init__(self, locked_until: dt.datetime | None = None) -> None:
        super().__init__("sign-in failed")
        self.locked_until = locked_until


def _account(row: m.Staff) -> StaffAccount:
    return StaffAccount(row.username, row.full_name, row.role, row.office, row.active, row.must_change_password,
                        row.locked_until, row.last_sign_in_at)  # fmt: skip


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _clean(username: str, role: str | None, full_name: str | None) -> tuple[str, str | None]:
    username = username.strip().lower()
    if not _USERNAME_RE.fullmatch(username):
        raise BadRequest("A user name has 2-64 characters: small letters, digits, dot, dash or underscore.")
    if role is not None and role not in ROLES:
        raise BadRequest(f"Unknown role {role}: use officer, manager or itadmin.")
    name = None
    if full_name is not None:
        try:
            name = rules.clean_line(full_name, "full_name", 200, required=True)
        except InvalidInput as exc:
            raise BadRequest(f"Full name: {exc.render()}") from None
    return username, name


def _office(s: Session, role: str, office: str | None) -> str | None:
    if role != "officer":
        return None
    name = " ".join((office or "").split())
    if not name:
        raise BadRequest("An officer belongs to an office: name it.")
    offices = directory.load(s).offices()
    if name not in offices:
        raise BadRequest(f"Office {name!r} is not an office of the published catalogue.")
    return name


def _policy(password: str) -> None:
    try:
        passwords.check_policy(password)
    except InvalidInput as exc:
        raise BadRequest(exc.render()) from None


def _row(s: Session, username: str) -> m.Staff:
    row = s.get(m.Staff, username.strip().lower())
    if row is None:
        raise NotFound(f"There is no staff account {username}.", code="not_found")
    return row


# ------------------------------------------------------------------------------------------------ accounts


def add_staff(db: Database, username: str, role: str, full_name: str, password: str, *, office: str | None = None,
              must_change_password: bool = True, actor: str = "cli") -> StaffAccount:  # fmt: skip
    username, name = _clean(username, role, full_name)
    _policy(password)
    pw_hash = passwords.hash_password(password)
    now = utcnow()
    with db.write() as s:
        where = _office(s, role, office)
        if s.get(m.Staff, username) is not None:
            raise Conflict(f"Staff account {username} already exists.", code="bad_request")
        row = m.Staff(username=username, full_name=name or username, role=role, office=where, active=True,
                      password_hash=pw_hash, must_change_password=must_change_password, failed_attempts=0,
                      created_at=now, updated_at=now)  # fmt: skip
        s.add(row)
        log_action(s, actor, "staff_add", None, username, {"role": role, "office": where})
        return _account(row)


def list_staff(db: Database) -> list[StaffAccount]:
    with db.read() as s:
        return [_account(r) for r in s.scalars(select(m.Staff).order_by(m.Staff.role, m.Staff.username))]


def get_staff(db: Database, username: str) -> StaffAccount:
    with db.read() as s:
        return _account(_row(s, username))


def set_staff_active(db: Database, username: str, active: bool, *, actor: str = "cli") -> StaffAccount:
    with db.write() as s:
        row = _row(s, username)
        if row.active != active:
            row.active, row.updated_at = active, utcnow()
            if not active:
                s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.username == row.username))
            log_action(s, actor, "staff_active", None, row.username, {"active": active})
        return _account(row)


def set_staff_role(db: Database, username: str, role: str, *, office: str | None = None,
                   actor: str = "cli") -> StaffAccount:  # fmt: skip
    _clean(username, role, None)
    with db.write() as s:
        row = _row(s, username)
        where = _office(s, role, office)
        if (row.role, row.office) != (role, where):
            old = {"role": row.role, "office": row.office}
            row.role, row.office, row.updated_at = role, where, utcnow()
            s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.username == row.username))
            log_action(s, actor, "staff_role", None, row.username, {"from": old, "role": role, "office": where})
        return _account(row)


def reset_staff_password(db: Database, username: str, password: str, *, actor: str = "cli") -> StaffAccount:
    """A temporary password, changed at the next sign-in; unlocks the account and ends its sessions."""
    _policy(password)
    pw_hash = passwords.hash_password(password)
    with db.write() as s:
        row = _row(s, username)
        row.password_hash, row.must_change_password, row.updated_at = pw_hash, True, utcnow()
        row.failed_attempts, row.locked_until = 0, None
        s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.username == row.username))
        log_action(s, actor, "staff_password_reset", None, row.username, {})
        return _account(row)


def change_own_password(db: Database, signed: SignedIn, current: str, new: str) -> StaffAccount:
    """The signed-in person's own password (the current one checked, the policy met, a different one);
    their other sessions end. Wrong current passwords count toward the lockout."""
    with db.read() as s:
        current_hash = _row(s, signed.account.username).password_hash
    if not passwords.verify_password(current_hash, current):
        with db.write() as s:
            row = _row(s, signed.account.username)
            _count_failure(row, utcnow())
            log_action(s, f"console:{row.username}", "staff_password_wrong", None, row.username, {})
        raise BadRequest("The current password is wrong.", code="wrong_password")
    _policy(new)
    if new == current:
        raise BadRequest("The new password must differ from the current one.")
    new_hash = passwords.hash_password(new)
    with db.write() as s:
        row = _row(s, signed.account.username)
        row.password_hash, row.must_change_password, row.updated_at = new_hash, False, utcnow()
        row.failed_attempts, row.locked_until = 0, None
        s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.username == row.username,
                                                 m.ConsoleSession.id != signed.session_id))  # fmt: skip
        log_action(s, f"console:{row.username}", "staff_password_change", None, row.username, {})
        return _account(row)


# ------------------------------------------------------------------------------------------------ signing in


def _count_failure(row: m.Staff, now: dt.datetime) -> None:
    row.failed_attempts += 1
    if row.failed_attempts >= MAX_FAILED:
        row.locked_until, row.failed_attempts = now + LOCKOUT, 0


def sign_in(db: Database, username: str, password: str, *, address: str = "-") -> tuple[SignedIn, str]:
    """Check the password and open a session; returns it and the cookie's token (shown once)."""
    name = username.strip().lower()[:64]
    now = utcnow()
    with db.read() as s:
        row = s.get(m.Staff, name) if _USERNAME_RE.fullmatch(name) else None
        known = row is not None and row.active
        locked = row.locked_until if row is not None and row.locked_until and row.locked_until > now else None
        pw_hash = row.password_hash if row is not None else None
    if not known or pw_hash is None or locked is not None:
        passwords.burn(password)  # as slow as a real check
        with db.write() as s:
            log_action(s, f"console:{name or '-'}", "console_sign_in_failed", None, name or None,
                       {"address": address[:64], "locked": locked is not None})  # fmt: skip
        raise SignInFailed(locked)
    ok = passwords.verify_password(pw_hash, password)
    rehash = passwords.hash_password(password) if ok and passwords.needs_rehash(pw_hash) else None
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with db.write() as s:
        row = s.get_one(m.Staff, name)
        now = utcnow()
        if not ok:
            _count_failure(row, now)
            until = row.locked_until if row.locked_until and row.locked_until > now else None
            log_action(s, f"console:{name}", "console_sign_in_failed", None, name,
                       {"address": address[:64], "locked": until is not None})  # fmt: skip
            failed = SignInFailed(until)
        else:
            row.failed_attempts, row.locked_until, row.last_sign_in_at = 0, None, now
            if rehash is not None:
                row.password_hash = rehash
            s.add(m.ConsoleSession(id=_hash(token), username=name, csrf=csrf, created_at=now, last_seen_at=now,
                                   expires_at=now + SESSION_MAX))  # fmt: skip
            s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.expires_at < now - SESSION_IDLE))
            log_action(s, f"console:{name}", "console_sign_in", None, name, {"address": address[:64]})
            return SignedIn(_hash(token), _account(row), csrf), token
    raise failed


def session(db: Database, token: str | None) -> SignedIn | None:
    """The session of a cookie's token, or None (unknown, expired — absolute or idle — or its account
    deactivated). Its last use is recorded at most once a minute."""
    if not token or len(token) > 128:
        return None
    sid = _hash(token)
    now = utcnow()
    with db.read() as s:
        found = s.execute(select(m.ConsoleSession, m.Staff).join(m.Staff, m.Staff.username == m.ConsoleSession.username)
                          .where(m.ConsoleSession.id == sid)).first()  # fmt: skip
        if found is None:
            return None
        sess, row = found
        if not row.active or sess.expires_at <= now or sess.last_seen_at + SESSION_IDLE <= now:
            return None
        signed = SignedIn(sid, _account(row), sess.csrf)
        stale = sess.last_seen_at + TOUCH_EVERY <= now
    if stale:
        with db.write() as s:
            s.execute(update(m.ConsoleSession).where(m.ConsoleSession.id == sid).values(last_seen_at=now))
    return signed


def sign_out(db: Database, signed: SignedIn) -> None:
    with db.write() as s:
        s.execute(delete(m.ConsoleSession).where(m.ConsoleSession.id == signed.session_id))
        log_action(s, f"console:{signed.account.username}", "console_sign_out", None, signed.account.username, {})


def same_token(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


__all__ = [
    "LOCKOUT",
    "MAX_FAILED",
    "ROLES",
    "SESSION_IDLE",
    "SESSION_MAX",
    "SignInFailed",
    "SignedIn",
    "StaffAccount",
    "add_staff",
    "change_own_password",
    "get_staff",
    "list_staff",
    "reset_staff_password",
    "same_token",
    "session",
    "set_staff_active",
    "set_staff_role",
    "sign_in",
    "sign_out",
]
