"""The rulebook: what a change to a request may be, checked with the same functions at every point that
accepts one — the desk's write path (:mod:`frontdesk.workflow`), the central server's apply path
(:mod:`frontdesk.central.batch`) and the desk's pull path (:mod:`frontdesk.pull`).

The rules, on plain values and wire models, with no store and no I/O:

* **who may** do what (:data:`ACTION_ROLES`, :func:`check_role`, :func:`check_actor` for an actor as the
  central system knows them at the time of the act);
* **the lifecycle** (:func:`check_transition`; :func:`status_change`, :func:`assign_change`,
  :func:`void_change` compute what a change writes, so both ends write the same fields);
* **receipt ownership** (:func:`check_receipt`): the unit and workstation prefix of the sender, a valid
  check character, a counter the workstation has reached;
* **the time window** (:func:`check_op_time`, :func:`check_pulled_time`);
* **sizes and text** (:func:`clean_line`, :func:`clean_para`, :func:`check_event_data`; the wire schema
  bounds every field with :mod:`frontdesk.limits` as well);
* whole messages: :func:`check_event`, :func:`check_intake`, :func:`check_pulled_request`.

A broken rule raises a :class:`frontdesk.errors.FrontdeskError` subclass whose ``reason`` is the wire
rejection code and whose text is an English template marked for translation: the desk shows it in the
user's language, the server answers the op with ``reason`` and the English sentence, the pull path sets the
change aside with both. See docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import limits as L
from .deadlines import local_date, promised_date
from .errors import (
    BadReceipt,
    BadTime,
    InvalidInput,
    InvalidTransition,
    NotPermitted,
    Stale,
    UnknownActor,
    WrongUnit,
    WrongWorkstation,
)
from .i18n import QT_TRANSLATE_NOOP
from .lifecycle import STATUSES, TERMINAL, TRANSITIONS
from .numbering import parse_receipt_no
from .wire import DOC_CODE, USERNAME_PATTERN, EventPayload, RequestSnapshot, control_character

# ---------------------------------------------------------------------------------------- who may

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
VOIDABLE = frozenset({"received", "returned"})  # a mistaken intake nobody has worked on yet


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


# ---------------------------------------------------------------------------------------- lifecycle


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


def check_transition(status: str, target: str, receipt_no: str, version: int | None = None) -> None:
    if target not in STATUSES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=target)
    if target not in TRANSITIONS.get(status, frozenset()):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
            receipt_no=receipt_no,
            status=status,
            target=target,
            current={"status": status, "version": version},
        )


def status_change(
    current: Mapping[str, Any], target: str, when: dt.datetime, data: Mapping[str, Any], *, deliver: bool
) -> dict[str, Any]:
    """The fields a status change (or delivery) at ``when`` writes on a request whose state is ``current``
    (its ``status``, ``receipt_no``, ``version``, ``updated_at`` and ``standard_days``). Raises when the
    transition is not allowed from ``current``'s status."""
    if deliver and target != "delivered":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A delivery ends in status delivered."), field="status")
    if not deliver and target == "delivered":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A delivery records who collected the result."), field="status")
    status = current["status"]
    check_transition(status, target, current["receipt_no"], current.get("version"))
    out: dict[str, Any] = {}
    if target in ("ready", "rejected"):
        out["completed_at"] = when
    elif target == "in_progress" and status == "ready":
        out["completed_at"] = None
    if status == "returned" and target == "received":
        out["due_date"] = promised_date(when, int(current["standard_days"]))
        out["documents_missing"] = []
    missing = data.get("missing")
    if missing is not None:
        if target != "returned":
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a return for completion names missing documents."),
                               field="missing")  # fmt: skip
        out["documents_missing"] = list(missing)
    if target == "delivered":
        rating = data.get("rating")
        out["delivered_at"] = when
        out["rating"] = rating if isinstance(rating, int) and not isinstance(rating, bool) else None
    out["status"] = target
    out["version"] = int(current["version"]) + 1
    out["updated_at"] = max(current["updated_at"], when)
    return out


def assign_change(current: Mapping[str, Any], to: str, base_version: int | None, when: dt.datetime) -> dict[str, Any]:
    """What a reassignment writes. Terminal requests cannot be reassigned; with ``base_version`` (the
    server) a reassignment made after that version — someone reassigned it first — is stale."""
    if current["status"] in TERMINAL:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status} and cannot be reassigned."),
            receipt_no=current["receipt_no"],
            status=current["status"],
            current={"assignee": current.get("assignee"), "version": current["version"], "status": current["status"]},
        )
    if base_version is not None and int(current.get("assigned_version") or 0) > base_version:
        raise Stale(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} was reassigned to {assignee} in the meantime."),
            receipt_no=current["receipt_no"],
            assignee=current.get("assignee") or "-",
            current={"assignee": current.get("assignee"), "version": current["version"], "status": current["status"]},
        )
    version = int(current["version"]) + 1
    return {"assignee": to, "version": version, "assigned_version": version,
            "updated_at": max(current["updated_at"], when)}  # fmt: skip


def void_change(current: Mapping[str, Any], actor: str, when: dt.datetime) -> dict[str, Any]:
    """What voiding a mistaken intake writes: only its creator, on the local day it was received, before
    anyone worked on it. The receipt number stays used (never issued again)."""
    if current["created_by"] != actor:
        raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only the clerk who received a request can void it."))
    if local_date(when) != local_date(current["created_at"]):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} can be voided only on the day it was received."),
            receipt_no=current["receipt_no"],
            current={"status": current["status"], "version": current["version"]},
        )
    if current["status"] not in VOIDABLE:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it can no longer be voided."),
            receipt_no=current["receipt_no"],
            status=current["status"],
            current={"status": current["status"], "version": current["version"]},
        )
    return {"status": "cancelled", "version": int(current["version"]) + 1,
            "updated_at": max(current["updated_at"], when)}  # fmt: skip


def survey_change(current: Mapping[str, Any], when: dt.datetime, *, answered: bool) -> dict[str, Any]:
    """What a citizen's survey answer writes: open once the request was delivered, rejected or returned for
    completion, and answered once per request (``answered``: the receiving side already has an answer)."""
    if current["status"] not in L.SURVEY_STATUSES:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: its survey opens after it is handed over, "
                                        "rejected or returned."),
            receipt_no=current["receipt_no"], status=current["status"],
            current={"status": current["status"], "version": current["version"]},
        )  # fmt: skip
    if answered:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "The survey of request {receipt_no} has already been answered."),
            receipt_no=current["receipt_no"],
            current={"status": current["status"], "version": current["version"]},
        )
    return {"updated_at": max(current["updated_at"], when)}


# ---------------------------------------------------------------------------------------- text


def _clean(value: str | None, field: str, max_len: int, *, multiline: bool, required: bool) -> str | None:
    if value is None or not value.strip():
        if required:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This field is required."), field=field)
        return None
    text = value.strip() if multiline else " ".join(value.split())
    if control_character(text, multiline=multiline) is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The text contains an invisible control character (often from a copy and paste); type it again.",
            ),
            field=field,
        )
    if len(text) > max_len:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The text can have at most {n} characters."), field=field, n=max_len
        )
    return text


def clean_line(value: str | None, field: str, max_len: int, *, required: bool = False) -> str | None:
    """One line of text as stored: spaces collapsed, no control characters, at most ``max_len``."""
    return _clean(value, field, max_len, multiline=False, required=required)


def clean_para(value: str | None, field: str, max_len: int, *, required: bool = False) -> str | None:
    """Multi-line text as stored: trimmed, tab and new line allowed, no other control characters."""
    return _clean(value, field, max_len, multiline=True, required=required)


def check_fee(fee: int) -> None:
    if isinstance(fee, bool) or not isinstance(fee, int) or not 0 <= fee <= L.MAX_FEE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The fee paid must be a whole number of lek from 0 to {max}."),
            field="fee",
            max=L.MAX_FEE,
        )


def check_public_url(value: str | None) -> str | None:
    """The municipality's public address (the status page's base): ``https://`` (or ``http://`` to this
    machine, for a demo), a host, an optional path; no query, fragment, user or control characters; at most
    ``MAX_URL`` characters, without its final ``/``."""
    from urllib.parse import urlsplit

    if value is None or not value.strip():
        return None
    url = value.strip().rstrip("/")
    bad = InvalidInput(
        QT_TRANSLATE_NOOP("errors", "The public address must look like https://bashkia.example/qytetaret."),
        field="public_url",
    )
    if len(url) > L.MAX_URL or control_character(url) is not None or any(c.isspace() for c in url):
        raise bad
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise bad from None
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if (parts.scheme != "https" and not (parts.scheme == "http" and loopback)) or not parts.hostname:
        raise bad
    if parts.query or parts.fragment or parts.username or parts.password or "<" in url or '"' in url:
        raise bad
    del port
    return url


# ---------------------------------------------------------------------------------------- receipts


def check_receipt(receipt_no: str, *, unit: str, workstation: str | None = None, counter_max: int | None = None) -> int:
    """A receipt number that belongs to ``unit`` (and ``workstation``), with a valid check character and,
    with ``counter_max``, a counter its workstation has reached. Returns the counter."""
    try:
        parsed = parse_receipt_no(receipt_no)
    except InvalidInput:
        raise BadReceipt(
            QT_TRANSLATE_NOOP("errors", "{receipt_no} is not a valid receipt number (check character)."),
            receipt_no=receipt_no,
        ) from None
    if parsed.text != receipt_no:
        raise BadReceipt(QT_TRANSLATE_NOOP("errors", "{receipt_no} is not written in its canonical form."),
                         receipt_no=receipt_no)  # fmt: skip
    if parsed.unit != unit or (workstation is not None and parsed.workstation != workstation):
        raise BadReceipt(
            QT_TRANSLATE_NOOP("errors", "Receipt number {receipt_no} belongs to another unit or workstation."),
            receipt_no=receipt_no,
        )
    if counter_max is not None and parsed.counter > counter_max:
        raise BadReceipt(
            QT_TRANSLATE_NOOP(
                "errors", "Receipt number {receipt_no} is ahead of its workstation's counter ({counter})."
            ),
            receipt_no=receipt_no,
            counter=counter_max,
        )
    return parsed.counter


# ---------------------------------------------------------------------------------------- time


def skew_allowance(skew_s: float | None) -> dt.timedelta:
    """How far ahead of the server a desk's times may be: its measured skew (capped), never trusted more."""
    if skew_s is None or skew_s <= 0:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=skew_s), L.MAX_SKEW)


def check_op_time(t: dt.datetime, now: dt.datetime, *, skew_s: float | None = None, what: str = "time") -> None:
    """A time a desk sends must lie between ``TIME_PAST`` before the server's clock and ``TIME_FUTURE``
    after it (plus the desk's measured skew, capped at ``MAX_SKEW``)."""
    if t < now - L.TIME_PAST or t < L.EARLIEST:
        raise BadTime(
            QT_TRANSLATE_NOOP(
                "errors", "A time in this change ({time}) is older than the central system accepts ({days} days)."
            ),
            what=what,
            time=t.isoformat(timespec="minutes"),
            days=L.TIME_PAST.days,
        )
    if t > now + L.TIME_FUTURE + skew_allowance(skew_s):
        raise BadTime(
            QT_TRANSLATE_NOOP("errors", "A time in this change ({time}) is in the future: check this desk's clock."),
            what=what,
            time=t.isoformat(timespec="minutes"),
        )


def check_pulled_time(t: dt.datetime | None, now: dt.datetime, what: str) -> None:
    """A time in the pull feed: not before ``EARLIEST``, not more than ``PULL_FUTURE`` after the desk's
    clock (the feed may be old; it may not come from the future)."""
    if t is None:
        return
    if t < L.EARLIEST or t > now + L.PULL_FUTURE:
        raise BadTime(
            QT_TRANSLATE_NOOP("errors", "A time in this change ({time}) is outside the range this desk accepts."),
            what=what,
            time=t.isoformat(timespec="minutes"),
        )


# ---------------------------------------------------------------------------------------- event data

_DATE = "date"
_USER = "username"
SURVEY_CHANNELS = ("counter", "web")  # the prompt at the counter; the survey page (from the QR code or a message)
_DOCS = "document codes"
_EVENT_DATA: dict[str, dict[str, tuple[Any, ...]]] = {
    # key: (type, bound, required)
    "intake": {"missing_accepted": (bool, None, False)},
    "status": {
        "note": (str, L.MAX_NOTE, False),
        "reason": (str, L.MAX_REASON, False),
        "due_date": (_DATE, None, False),
        # a return for completion names the documents the citizen must still bring (catalogue codes)
        "missing": (_DOCS, L.MAX_DOCUMENTS, False),
    },
    "deliver": {
        "rating": (int, 5, False),
        "collected_by": (("citizen", "authorised"), None, False),
        "collector_name": (str, L.MAX_NAME, False),
        "collector_id": (str, L.MAX_COLLECTOR_ID, False),
    },
    "assign": {
        "from": (_USER, None, False),
        "to": (_USER, None, True),
        "reason": (str, L.MAX_REASON, False),
        "base_version": (int, L.MAX_VERSION, True),
    },
    "note": {"text": (str, L.MAX_NOTE, True)},
    "print": {"copy": (int, L.MAX_COPIES, False), "visit_size": (int, L.MAX_VISIT, False)},
    "void": {"reason": (str, L.MAX_REASON, True)},
    # the citizen's satisfaction survey: was the promised date kept, was the service clear, 1-5 overall
    "survey": {
        "promised_kept": (bool, None, False),
        "clear": (bool, None, False),
        "overall": (int, 5, True),
        "comment": (str, L.MAX_COMMENT, False),
        "channel": (SURVEY_CHANNELS, None, True),
    },
}
_KIND_STATUS: dict[str, tuple[frozenset[str] | None, bool]] = {
    # kind: (allowed to_status values, None = must be empty; from_status allowed)
    "intake": (frozenset({"received", "returned"}), False),
    "status": (frozenset(STATUSES) - {"delivered"}, True),
    "deliver": (frozenset({"delivered"}), True),
    "void": (frozenset({"cancelled"}), True),
    "assign": (None, False),
    "note": (None, False),
    "print": (None, False),
    "survey": (None, False),
}


def _bad_data(kind: str, key: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The {kind} event's {key} is missing or not valid."),
                        field="data", kind=kind, key=key)  # fmt: skip


def check_event_data(kind: str, data: Mapping[str, Any]) -> None:
    """Each event kind carries its own keys, with types and bounds; nothing else."""
    spec = _EVENT_DATA.get(kind)
    if spec is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown event kind {kind}."), field="kind", kind=kind)
    for key in data:
        if key not in spec:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {kind} event cannot carry {key}."),
                               field="data", kind=kind, key=key)  # fmt: skip
    for key, (typ, bound, required) in spec.items():
        value = data.get(key)
        if value is None:
            if required:
                raise _bad_data(kind, key)
            continue
        ok: bool
        if typ is bool:
            ok = isinstance(value, bool)
        elif typ is int:
            ok = (
                isinstance(value, int)
                and not isinstance(value, bool)
                and (1 if key in ("rating", "overall") else 0) <= value <= bound
            )
        elif typ is str:
            ok = isinstance(value, str) and len(value) <= bound and control_character(value, multiline=True) is None
        elif typ == _DATE:
            ok = isinstance(value, str) and _is_date(value)
        elif typ == _USER:
            ok = isinstance(value, str) and _is_username(value)
        elif typ == _DOCS:
            ok = (
                isinstance(value, list)
                and 0 < len(value) <= bound
                and len(set(value)) == len(value)
                and all(isinstance(v, str) and _DOC_RE.fullmatch(v) is not None for v in value)
            )
        else:
            ok = value in typ
        if not ok:
            raise _bad_data(kind, key)


def _is_date(value: str) -> bool:
    try:
        return 2000 <= dt.date.fromisoformat(value).year <= L.LATEST_YEAR
    except ValueError:
        return False


_USERNAME_RE = re.compile(USERNAME_PATTERN)
_DOC_RE = re.compile(DOC_CODE)


def _is_username(value: str) -> bool:
    return _USERNAME_RE.fullmatch(value) is not None


def check_event(ev: EventPayload, *, workstation: str | None = None) -> None:
    """An event's own shape: its data, and statuses that fit its kind (a status event names its target; a
    note names none). With ``workstation``, the event must have been made there."""
    check_event_data(ev.kind, ev.data)
    targets, has_from = _KIND_STATUS[ev.kind]
    if targets is None:
        if ev.to_status is not None or ev.from_status is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A {kind} event does not change the status."),
                               field="status", kind=ev.kind)  # fmt: skip
    elif ev.to_status not in targets or (ev.from_status is not None and not has_from):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A {kind} event cannot end in status {status}."),
                           field="status", kind=ev.kind, status=ev.to_status or "-")  # fmt: skip
    if "missing" in ev.data and ev.to_status != "returned":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a return for completion names missing documents."),
                           field="missing")  # fmt: skip
    if workstation is not None and ev.workstation != workstation:
        raise WrongWorkstation(
            QT_TRANSLATE_NOOP("errors", "The change names workstation {named}, not {workstation}."),
            named=ev.workstation,
            workstation=workstation,
        )


# ---------------------------------------------------------------------------------------- whole requests


def check_due_date(created_at: dt.datetime, due: dt.date, standard_days: int) -> None:
    """A promised date after the intake day by at least the standard's calendar days and at most twice
    them plus three weeks (weekends and holidays; calendars of two library versions may differ by a day)."""
    day = local_date(created_at)
    if not day + dt.timedelta(days=standard_days) <= due <= day + dt.timedelta(days=2 * standard_days + 21):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The promised date {due} does not fit a standard of {days} working days."),
            field="due_date",
            due=due.isoformat(),
            days=standard_days,
        )


def check_intake(
    snap: RequestSnapshot,
    ev: EventPayload,
    *,
    unit: str,
    workstation: str,
    counter_max: int | None,
    now: dt.datetime,
    skew_s: float | None = None,
    standard_days: Iterable[int] | None = None,
    supervisors: Iterable[str] | None = None,
) -> None:
    """A new request as a desk sends it: its unit and workstation, a receipt number of its own, a fresh
    state (received or returned, version 1, nothing completed yet, assigned to whoever received it — a
    complaint to one of the unit's ``supervisors``), times inside the window, a service the central system
    published (with one of its standard times) and a promised date that fits it; consent to messages with a
    phone or an e-mail to send them to; a receipt a complaint is about only on a complaint."""
    if snap.unit_code != unit:
        raise WrongUnit(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} names unit {named}, not {unit}."),
                        receipt_no=snap.receipt_no, named=snap.unit_code, unit=unit)  # fmt: skip
    if snap.workstation_code != workstation:
        raise WrongWorkstation(
            QT_TRANSLATE_NOOP("errors", "The change names workstation {named}, not {workstation}."),
            named=snap.workstation_code,
            workstation=workstation,
        )
    check_receipt(snap.receipt_no, unit=unit, workstation=workstation, counter_max=counter_max)
    check_event(ev, workstation=workstation)
    if ev.kind != "intake":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A new request needs its intake event."), field="kind")
    fresh = (
        snap.version == 1
        and snap.status == ev.to_status
        and snap.status in ("received", "returned")
        and snap.completed_at is None
        and snap.delivered_at is None
        and snap.rating is None
        and snap.created_by == ev.actor
        and (snap.assignee == ev.actor or _routed_complaint(snap, supervisors))
        and snap.updated_at == snap.created_at == ev.device_time
        and (snap.status == "returned") <= bool(snap.documents_missing)
    )
    if not fresh:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} does not arrive as a new request."),
            field="status",
            receipt_no=snap.receipt_no,
        )
    check_op_time(snap.created_at, now, skew_s=skew_s, what="intake time")
    if standard_days is not None and snap.standard_days not in set(standard_days):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} is not in a catalogue the central system published."),
            field="service",
            code=snap.service_code,
        )
    check_due_date(snap.created_at, snap.due_date, snap.standard_days)
    clean_line(snap.citizen_name, "name", L.MAX_NAME, required=True)
    check_citizen_side(snap)


def _routed_complaint(snap: RequestSnapshot, supervisors: Iterable[str] | None) -> bool:
    return snap.service_code == L.COMPLAINT_SERVICE and supervisors is not None and snap.assignee in set(supervisors)


def check_citizen_side(snap: RequestSnapshot) -> None:
    """Consent to messages needs somewhere to send them; only a complaint names the receipt it is about,
    and never its own."""
    if snap.notify_consent and not (snap.citizen_phone or snap.contact_email):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "To be told when the request is ready, give a phone number or an e-mail."),
            field="notify_consent",
        )
    if snap.complaint_about is not None:
        if snap.service_code != L.COMPLAINT_SERVICE:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a complaint names the receipt it is about."),
                               field="complaint_about")  # fmt: skip
        if snap.complaint_about == snap.receipt_no:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A complaint cannot be about itself."),
                               field="complaint_about")  # fmt: skip
        try:
            parse_receipt_no(snap.complaint_about)
        except InvalidInput:
            raise BadReceipt(
                QT_TRANSLATE_NOOP("errors", "{receipt_no} is not a valid receipt number (check character)."),
                receipt_no=snap.complaint_about,
            ) from None


def check_pulled_request(
    snap: RequestSnapshot,
    events: Iterable[EventPayload],
    *,
    unit: str,
    workstation: str,
    counter: int,
    now: dt.datetime,
) -> None:
    """A request in the pull feed, before it touches the desk's store: of this unit, with a receipt number
    of its unit and workstation and a valid check character (one of this desk's own only if this desk has
    issued it), times this desk's clock accepts, and history events that follow the lifecycle."""
    if snap.unit_code != unit:
        raise WrongUnit(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} names unit {named}, not {unit}."),
                        receipt_no=snap.receipt_no, named=snap.unit_code, unit=unit)  # fmt: skip
    own = snap.workstation_code == workstation
    check_receipt(snap.receipt_no, unit=unit, workstation=snap.workstation_code, counter_max=counter if own else None)
    for what, t in (("created", snap.created_at), ("updated", snap.updated_at), ("completed", snap.completed_at),
                    ("delivered", snap.delivered_at)):  # fmt: skip
        check_pulled_time(t, now, what)
    check_citizen_side(snap)
    if snap.updated_at < snap.created_at:
        raise BadTime(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} was updated before it was received."),
                      receipt_no=snap.receipt_no)  # fmt: skip
    if not local_date(snap.created_at) <= snap.due_date <= local_date(snap.created_at) + dt.timedelta(L.MAX_DUE_DAYS):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The promised date of request {receipt_no} is not plausible."),
                           field="due_date", receipt_no=snap.receipt_no)  # fmt: skip
    for ev in events:
        check_event(ev)
        check_pulled_time(ev.device_time, now, "event time")
        if ev.from_status is not None and ev.to_status is not None and ev.to_status not in TRANSITIONS[ev.from_status]:
            raise InvalidTransition(
                QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
                receipt_no=snap.receipt_no,
                status=ev.from_status,
                target=ev.to_status,
            )


def check_pulled_state(local: Mapping[str, Any], snap: RequestSnapshot) -> bool:
    """Whether a pulled snapshot may replace this desk's confirmed state of the request (``local``: its
    ``status`` and ``version``): not when it is older (False: keep the local state, merge the events), and
    never by moving a finished request out of its final status (raises)."""
    if snap.version < int(local["version"]):
        return False
    if local["status"] in TERMINAL and snap.status != local["status"]:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
            receipt_no=snap.receipt_no,
            status=local["status"],
            target=snap.status,
        )
    return True


__all__ = [
    "ACTION_ROLES",
    "COUNTER_ROLES",
    "ROLES",
    "SURVEY_CHANNELS",
    "VOIDABLE",
    "ActorFacts",
    "UserVersion",
    "action_of",
    "allowed_targets",
    "assign_change",
    "check_actor",
    "check_citizen_side",
    "check_due_date",
    "check_event",
    "check_event_data",
    "check_fee",
    "check_intake",
    "check_op_time",
    "check_public_url",
    "check_pulled_request",
    "check_pulled_state",
    "check_pulled_time",
    "check_receipt",
    "check_role",
    "check_transition",
    "clean_line",
    "clean_para",
    "may",
    "skew_allowance",
    "status_change",
    "survey_change",
    "void_change",
]
