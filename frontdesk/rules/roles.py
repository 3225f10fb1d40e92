"""Who may do what: the roles, the actions each allows (:data:`ACTION_ROLES`, :func:`check_role`), the
statuses a role may move a request to (:func:`allowed_targets`), and the actor of an op as the central
system knows them at the time of the act (:func:`check_actor`). Part of the rulebook
(:mod:`frontdesk.rules`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import limits as L
from ..errors import NotPermitted, UnknownActor
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES, TRANSITIONS

ROLES = ("clerk", "supervisor", "admin")
COUNTER_ROLES = ("clerk", "supervisor")  # who works requests; admins run the system, not the counter
ACTION_ROLES: dict[str, tuple[str, ...]] = {
    "intake": COUNTER_ROLES,
    "status": COUNTER_ROLES,
    "cancel": ("supervisor",),
    "deliver": COUNTER_ROLES,
    "assign": ("supervisor",),
    "note": COUNTER_ROLES,
    "print": COUNTER_ROLES,
    "void": COUNTER_ROLES,
    "survey": COUNTER_ROLES,  # a citizen's answers taken at the counter (the customer-facing prompt)
    "service": ("admin",),
}


def action_of(kind: str, to_status: str | None = None) -> str:
    """The action an event of ``kind`` performs (a status change to ``cancelled`` is a cancellation)."""
    return "cancel" if kind == "status" and to_status == "cancelled" else kind


def may(role: str, action: str) -> bool:
    return role in ACTION_ROLES.get(action, ())


def check_role(role: str, action: str) -> None:
    if not may(role, action):
        if action == "cancel":
            raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only a supervisor can cancel a request."))
        if action == "assign":
            raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only a supervisor can reassign requests."))
        raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Your role ({role}) does not allow this action."), role=role)


@dataclass(frozen=True)
class UserVersion:
    """One period of a user's account on the central system: role and active flag from ``valid_from``
    until ``valid_to`` (None: still so)."""

    role: str
    active: bool
    valid_from: dt.datetime
    valid_to: dt.datetime | None


@dataclass(frozen=True)
class ActorFacts:
    """What the central system knows of a user named as the actor of an op: the periods of their account
    (empty when the unit has no such user) and, for a desk's history from before its enrolment, the role
    under which that desk offered them (``offered_role``, or None)."""

    username: str
    versions: tuple[UserVersion, ...] = ()
    offered_role: str | None = None


def check_actor(facts: ActorFacts | None, action: str, when: dt.datetime, *, enrolled_at: dt.datetime | None) -> None:
    """The actor of an op must be a user of the unit whose account, at the time of the act, was active with
    a role that allows ``action`` — or, for an act from before the desk was enrolled, a user that desk
    offered at enrolment with such a role. A user deactivated since keeps what they did before."""
    if facts is None or (not facts.versions and facts.offered_role is None):
        raise UnknownActor(
            QT_TRANSLATE_NOOP("errors", "{username} is not a user of this unit on the central system."),
            username=facts.username if facts else "?",
        )
    for v in facts.versions:
        during = v.valid_from <= when + L.TIME_FUTURE and (v.valid_to is None or when < v.valid_to)
        if during and v.active and may(v.role, action):
            return
    current = facts.versions[-1] if facts.versions else None
    if current is not None and current.active and may(current.role, action):
        return  # active now with the role: an act timed just before the account's clock-skewed creation
    if enrolled_at is not None and when < enrolled_at and facts.offered_role and may(facts.offered_role, action):
        return
    if current is not None and not current.active:
        raise NotPermitted(
            QT_TRANSLATE_NOOP("errors", "The account of {username} was not active at the time of this change."),
            username=facts.username,
        )
    check_role(current.role if current else facts.offered_role or "?", action)
    raise NotPermitted(  # allowed now, but not at the time of the act
        QT_TRANSLATE_NOOP("errors", "The role of {username} did not allow this action at the time."),
        username=facts.username,
    )


def allowed_targets(role: str, status: str) -> list[str]:
    """Target statuses ``role`` may move a request in ``status`` to (delivery and voiding have their own
    actions)."""
    if role not in COUNTER_ROLES:
        return []
    return [
        s
        for s in STATUSES
        if s in TRANSITIONS.get(status, ()) and s != "delivered" and may(role, action_of("status", s))
    ]
