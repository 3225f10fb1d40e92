"""The administration screen's core: the local catalogue, users, and the audit trail — each call checks
the caller's role here (the UI hides what a role cannot do; these functions refuse it anyway).

* catalogue and users: admins only (``NotPermitted`` otherwise). Catalogue changes are written in one
  ``store.write()`` unit of work with a ``catalog_change`` audit entry; user changes go through
  :mod:`frontdesk.auth` (which audits them).
* audit trail (reading, verifying): supervisors and admins.

Qt-free; plain values in and out.
"""

from __future__ import annotations

import datetime as dt

from . import audit, auth, catalog, replication
from .auth import Actor, UserInfo, require_role
from .catalog import CatalogService, ServiceInfo
from .clock import utcnow
from .db import Store

ADMIN_ROLES = ("admin",)
AUDIT_ROLES = ("supervisor", "admin")


# ---------------------------------------------------------------- catalogue


def list_services(store: Store, actor: Actor) -> list[ServiceInfo]:
    """Every service of the local catalogue, inactive ones included, by code."""
    require_role(actor, *ADMIN_ROLES)
    with store.read() as s:
        return catalog.list_services(s, active_only=False)


def add_local_service(
    store: Store, actor: Actor, svc: CatalogService, *, now: dt.datetime | None = None
) -> ServiceInfo:
    """Add a unit's own service (origin ``local``); ``Conflict`` when the code exists."""
    require_role(actor, *ADMIN_ROLES)
    now = now or utcnow()
    with store.write() as s:
        info = catalog.add_local_service(s, svc, now=now)
        replication.queue_service(s, info.code, actor.username)  # the unit's other desks offer it too
        audit.append(
            s,
            actor=actor.username,
            workstation_code=audit.local_workstation_code(s),
            action="catalog_change",
            subject=info.code,
            details={"change": "add_local", "standard_days": info.standard_days, "documents": len(info.documents)},
            now=now,
        )
        return info


def set_service_active(
    store: Store, actor: Actor, code: str, active: bool, *, now: dt.datetime | None = None
) -> ServiceInfo:
    """Withdraw (``active`` False) or offer again a local service. Its open requests are not touched:
    they keep their service and promised date; only new intakes stop offering it."""
    require_role(actor, *ADMIN_ROLES)
    now = now or utcnow()
    with store.write() as s:
        info = catalog.set_service_active(s, code, active, now=now)
        replication.queue_service(s, info.code, actor.username)
        audit.append(
            s,
            actor=actor.username,
            workstation_code=audit.local_workstation_code(s),
            action="catalog_change",
            subject=info.code,
            details={"active": active},
            now=now,
        )
        return info


# ---------------------------------------------------------------- users


def list_users(store: Store, actor: Actor) -> list[UserInfo]:
    """All users of the workstation, inactive ones included, by user name."""
    require_role(actor, *ADMIN_ROLES)
    return auth.list_users(store, active_only=False)


def add_user(store: Store, actor: Actor, username: str, role: str, full_name: str, temporary_password: str) -> UserInfo:
    """A new user with a temporary password they must change at the first sign-in."""
    require_role(actor, *ADMIN_ROLES)
    return auth.add_user(store, actor, username, role, full_name, temporary_password, must_change_password=True)


def set_user_active(store: Store, actor: Actor, username: str, active: bool) -> UserInfo:
    require_role(actor, *ADMIN_ROLES)
    return auth.set_active(store, actor, username, active)


def reset_password(store: Store, actor: Actor, username: str, temporary_password: str) -> None:
    require_role(actor, *ADMIN_ROLES)
    auth.reset_password(store, actor, username, temporary_password)


def unlock_user(store: Store, actor: Actor, username: str) -> UserInfo:
    """Lift a sign-in lockout (supervisors and admins; allowed on an enrolled desk: the lock is local)."""
    return auth.unlock(store, actor, username)


# ---------------------------------------------------------------- audit trail


def audit_entries(
    store: Store,
    actor: Actor,
    *,
    who: str | None = None,
    action: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    text: str | None = None,
    offset: int = 0,
    limit: int = 200,
    before_seq: int | None = None,
) -> list[audit.AuditView]:
    """The audit trail, newest first, filtered (see ``audit.entries``); supervisors and admins."""
    require_role(actor, *AUDIT_ROLES)
    with store.read() as s:
        return audit.entries(
            s, actor=who, action=action, date_from=date_from, date_to=date_to, text=text, offset=offset, limit=limit,
            before_seq=before_seq,
        )  # fmt: skip


def verify_audit(store: Store, actor: Actor) -> audit.VerifyResult:
    """Walk the whole chain; supervisors and admins."""
    require_role(actor, *AUDIT_ROLES)
    with store.read() as s:
        return audit.verify(s)


__all__ = [
    "ADMIN_ROLES",
    "AUDIT_ROLES",
    "add_local_service",
    "add_user",
    "audit_entries",
    "list_services",
    "list_users",
    "reset_password",
    "set_service_active",
    "set_user_active",
    "verify_audit",
]
