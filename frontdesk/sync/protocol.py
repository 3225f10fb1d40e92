"""The wire schema of the sync protocol (v1), shared by the client and the reference central server.

See docs/sync-protocol.md for the rules these messages carry. Pydantic models only: no I/O here, so
both sides (and the OpenAPI document the server publishes) agree on one definition.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# The lifecycle both sides enforce, re-exported for the central server.
from frontdesk.lifecycle import STATUSES, TERMINAL, TRANSITIONS  # noqa: F401

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Frontdesk-Protocol"
MAX_BATCH = 1000

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
CODE_UNIT = r"^[A-Z0-9]{2,6}$"
CODE_WORKSTATION = r"^[A-Z0-9]{1,4}$"

Status = Literal["received", "forwarded", "in_progress", "ready", "delivered", "returned", "rejected", "cancelled"]
OpKind = Literal[
    "request.intake",
    "request.status",
    "request.assign",
    "request.deliver",
    "request.note",
    "request.print",
    "request.sync",
    "user.upsert",
    "service.upsert",
]
OpOutcome = Literal["applied", "duplicate", "rejected"]
RejectReason = Literal[
    "stale",  # a reassignment based on an older version: someone moved it first
    "invalid_transition",  # the status change is not valid from the server's current status
    "unknown_request",  # an op about a request the server does not have
    "duplicate_receipt",  # a receipt number the server has for another request (clone?)
    "wrong_unit",  # the op belongs to another unit
    "invalid",  # the payload does not validate
    "not_permitted",  # the acting user's role does not allow it
]
ErrorCode = Literal[
    "unauthorised",
    "revoked",
    "unknown_unit",
    "bad_enrolment_code",
    "workstation_code_taken",
    "clone_suspected",
    "bad_request",
    "unsupported_version",
    "server_error",
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Model):
    """Every error response has this body."""

    error: ErrorCode
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


# ---------------------------------------------------------------------------------------- enrolment


class EnrolRequest(Model):
    code: str = Field(min_length=4, max_length=64)
    unit_code: str = Field(pattern=CODE_UNIT)
    workstation_code: str = Field(pattern=CODE_WORKSTATION)
    receipt_counter: int = Field(ge=0)


class EnrolResponse(Model):
    workstation_id: str = Field(pattern=UUID_PATTERN)
    token: str
    epoch: str
    unit_code: str
    unit_name: str


# ---------------------------------------------------------------------------------------- payloads


class EventPayload(Model):
    """One history event of a request, as written by ``workflow._record``."""

    id: str = Field(pattern=UUID_PATTERN)
    kind: Literal["intake", "status", "assign", "deliver", "note", "print"]
    from_status: Status | None = None
    to_status: Status | None = None
    actor: str = Field(min_length=1, max_length=64)
    workstation: str = Field(max_length=8)
    device_time: dt.datetime
    data: dict[str, Any] = Field(default_factory=dict)


class RequestSnapshot(Model):
    """The whole request, as the intake op carries it and as the server publishes it."""

    id: str = Field(pattern=UUID_PATTERN)
    receipt_no: str = Field(min_length=5, max_length=20)
    visit_id: str = Field(pattern=UUID_PATTERN)
    unit_code: str = Field(pattern=CODE_UNIT)
    workstation_code: str = Field(pattern=CODE_WORKSTATION)
    service_code: str = Field(min_length=1, max_length=32)
    citizen_nid: str = Field(min_length=10, max_length=10)
    citizen_name: str = Field(min_length=1, max_length=200)
    citizen_phone: str | None = Field(default=None, max_length=40)
    documents: list[str] = Field(default_factory=list)
    documents_missing: list[str] = Field(default_factory=list)
    fee_paid: int = Field(ge=0)
    priority: bool = False
    note: str | None = Field(default=None, max_length=2000)
    status: Status
    assignee: str | None = None
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    due_date: dt.date
    standard_days: int = Field(ge=0, le=365)
    version: int = Field(ge=1)
    completed_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    rating: int | None = Field(default=None, ge=1, le=5)


class RequestOpPayload(Model):
    """Payload of every ``request.*`` op: the event, the request's identity and version after the change,
    and for ``request.intake`` / ``request.sync`` the whole request (``request.sync`` also carries all
    events, for re-pushing after a server restore)."""

    event: EventPayload | None = None
    request_id: str = Field(pattern=UUID_PATTERN)
    receipt_no: str = Field(min_length=5, max_length=20)
    version: int = Field(ge=1)
    request: RequestSnapshot | None = None
    events: list[EventPayload] = Field(default_factory=list)


class UserPayload(Model):
    """A user of the unit. Passwords travel only as their Argon2 hash."""

    username: str = Field(min_length=2, max_length=64)
    full_name: str = Field(min_length=1, max_length=200)
    role: Literal["clerk", "supervisor", "admin"]
    active: bool
    password_hash: str = Field(min_length=10, max_length=255)
    must_change_password: bool = False
    updated_at: dt.datetime


class ServicePayload(Model):
    """A unit's own (local) service, added or withdrawn at one desk and shared with the unit's others:
    the service in the catalogue file form (docs/catalog.md; the desks validate it), and when it changed."""

    code: str = Field(min_length=2, max_length=32)
    service: dict[str, Any]
    updated_at: dt.datetime


# ---------------------------------------------------------------------------------------- push


class Op(Model):
    op_id: str = Field(pattern=UUID_PATTERN)
    kind: OpKind
    created_at: dt.datetime
    request: RequestOpPayload | None = None
    user: UserPayload | None = None
    service: ServicePayload | None = None


class PushRequest(Model):
    epoch: str | None = None
    receipt_counter: int = Field(ge=0)
    ops: list[Op] = Field(max_length=MAX_BATCH)


class OpResult(Model):
    op_id: str
    result: OpOutcome
    reason: RejectReason | None = None
    message: str | None = None
    current: dict[str, Any] | None = None


class PushResponse(Model):
    epoch: str
    server_time: dt.datetime
    results: list[OpResult]


# ---------------------------------------------------------------------------------------- pull


class CatalogPayload(Model):
    version: str
    catalog: dict[str, Any]  # the catalogue file format of docs/catalog.md


class RequestChange(Model):
    request: RequestSnapshot
    events: list[EventPayload] = Field(default_factory=list)


class Change(Model):
    seq: int = Field(ge=1)
    kind: Literal["request", "user", "catalog", "service"]
    request: RequestChange | None = None
    user: UserPayload | None = None
    catalog: CatalogPayload | None = None
    service: ServicePayload | None = None


class ChangesResponse(Model):
    epoch: str
    server_time: dt.datetime
    changes: list[Change]
    next: int = Field(ge=0)
    more: bool


def payload_field(kind: str) -> str:
    """The field of :class:`Op` that carries an op of ``kind`` (an outbox row's payload)."""
    return kind.split(".", 1)[0] if kind.startswith(("user.", "service.")) else "request"
