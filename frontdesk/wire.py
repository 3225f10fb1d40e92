"""The wire schema of the sync protocol (v1): what a desk and the central system say to each other.

On the ground floor of the house so that everyone speaks one shape: the desk's write path builds its
outbox payloads from these models (through :mod:`frontdesk.wire_rows`), the sync engine sends and reads
them, and the central server parses, checks and publishes them. Pydantic models only, no I/O.

Every field is bounded (:mod:`frontdesk.limits`): text has a length and no control characters, lists have
a length, numbers a range, times a year between 2000 and 2100 (so no date arithmetic can overflow) and are
held as naive UTC. The *meaning* of a message — who may do what, when, to which request — is checked by
the rulebook (:mod:`frontdesk.rules`), not here. See docs/sync-protocol.md and docs/security.md.

Two envelopes carry their items as plain JSON objects on purpose: a push (:class:`PushEnvelope`) and a
page of changes (:class:`ChangesEnvelope`). Each op and each change is validated on its own by the side
that receives it, so one malformed item is answered or set aside alone and never fails its neighbours.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from . import limits as L
from .lifecycle import STATUSES, TERMINAL, TRANSITIONS  # noqa: F401  (re-exported: one lifecycle)

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Frontdesk-Protocol"
MAX_BATCH = L.MAX_OPS_PER_PUSH

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
CODE_UNIT = r"^[A-Z0-9]{2,6}$"
CODE_WORKSTATION = r"^[A-Z0-9]{1,4}$"
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,63}$"
SERVICE_CODE = r"^[A-Z0-9][A-Z0-9-]{1,31}$"
DOC_CODE = SERVICE_CODE  # the catalogue's code rule (catalog_format.CODE_RE)
RECEIPT_PATTERN = r"^[A-Z0-9]{2,6}-[A-Z0-9]{1,4}-[0-9]{6,7}[A-Z0-9]$"
NID_PATTERN = r"^[A-Z0-9]{10}$"
PHONE_PATTERN = r"^[0-9+() -]{1,40}$"
HASH_PATTERN = r"^[0-9a-f]{64}$"
# the short code printed on a receipt for the public status lookup (no 0/O, 1/I/L: read aloud and typed)
LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LOOKUP_CODE_PATTERN = rf"^[{LOOKUP_ALPHABET}]{{{L.LOOKUP_CODE_LENGTH}}}$"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
EMAIL_PATTERN = rf"^[^@\s]{{1,64}}@{_LABEL}(?:\.{_LABEL})+$"
ARGON2_PATTERN = r"^\$argon2(id|i|d)\$[A-Za-z0-9$=,+/.-]{10,240}$"

Status = Literal["received", "forwarded", "in_progress", "ready", "delivered", "returned", "rejected", "cancelled"]
Role = Literal["clerk", "supervisor", "admin"]
EventKind = Literal["intake", "status", "assign", "deliver", "note", "print", "void", "survey"]
OpKind = Literal[
    "request.intake",
    "request.status",
    "request.assign",
    "request.deliver",
    "request.note",
    "request.print",
    "request.void",
    "request.sync",
    "request.survey",
    "service.upsert",
]
OpOutcome = Literal["applied", "duplicate", "rejected"]
RejectReason = Literal[
    "stale",  # a reassignment based on an older version: someone moved it first
    "invalid_transition",  # the status change is not valid from the server's current status
    "unknown_request",  # an op about a request the server does not have
    "duplicate_receipt",  # a receipt number the server has for another request
    "wrong_unit",  # the op names another unit than the desk's
    "wrong_workstation",  # the op names another workstation than the desk's
    "bad_receipt",  # the receipt number is not this desk's (prefix, check character, ahead of its counter)
    "unknown_actor",  # the acting user is not a user of the unit on the central system
    "not_permitted",  # the acting user's role does not allow it, or desks may not send this kind of op
    "bad_time",  # a time outside the window around the server's clock
    "invalid",  # the payload does not validate
]
ErrorCode = Literal[
    "unauthorised",
    "revoked",
    "unknown_unit",
    "not_found",
    "bad_enrolment_code",
    "too_many_attempts",
    "workstation_code_taken",
    "clone_suspected",
    "wrong_password",
    "bad_request",
    "unsupported_version",
    "server_error",
]

# ---------------------------------------------------------------------------------------- field types



CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # C0, DEL, C1, lone surrogates
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # … but tab, CR, LF


def control_character(value: str, *, multiline: bool = False) -> str | None:
    """The first character of ``value`` a stored text may not hold (C0 and C1 controls, DEL, lone UTF-16
    surrogates; tab and newline are allowed in ``multiline`` text), or None."""
    found = (_CONTROL_MULTILINE if multiline else CONTROL).search(value)
    return found.group() if found else None


def _line(value: str) -> str:
    if control_character(value) is not None:
        raise ValueError("text may not contain control characters")
    return value


def _para(value: str) -> str:
    if control_character(value, multiline=True) is not None:
        raise ValueError("text may not contain control characters other than tab and new line")
    return value


def _time(value: dt.datetime) -> dt.datetime:
    """Naive UTC, years 2000-2100: an aware time is converted; anything outside cannot enter."""
    if not 2000 <= value.year <= L.LATEST_YEAR:
        raise ValueError(f"time out of range (years 2000-{L.LATEST_YEAR})")
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
        if not 2000 <= value.year <= L.LATEST_YEAR:
            raise ValueError(f"time out of range (years 2000-{L.LATEST_YEAR})")
    return value


def _date(value: dt.date) -> dt.date:
    if not 2000 <= value.year <= L.LATEST_YEAR:
        raise ValueError(f"date out of range (years 2000-{L.LATEST_YEAR})")
    return value


def json_depth(value: Any, limit: int) -> int:
    """The nesting depth of a JSON-like value (0 for a scalar), counting no further than ``limit`` + 1."""
    if limit < 0:
        return 1
    if isinstance(value, dict):
        return 1 + max((json_depth(v, limit - 1) for v in value.values()), default=0)
    if isinstance(value, list | tuple):
        return 1 + max((json_depth(v, limit - 1) for v in value), default=0)
    return 0


def _compact_size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8", "replace"))


def _event_data(value: dict[str, Any]) -> dict[str, Any]:
    if json_depth(value, L.MAX_EVENT_DATA_DEPTH) > L.MAX_EVENT_DATA_DEPTH:
        raise ValueError(f"event data may nest at most {L.MAX_EVENT_DATA_DEPTH} levels")
    if _compact_size(value) > L.MAX_EVENT_DATA_BYTES:
        raise ValueError(f"event data may have at most {L.MAX_EVENT_DATA_BYTES} bytes")
    _no_controls_inside(value)
    return value


def _service_doc(value: dict[str, Any]) -> dict[str, Any]:
    if json_depth(value, 6) > 6:
        raise ValueError("a service may nest at most 6 levels")
    if _compact_size(value) > L.MAX_SERVICE_BYTES:
        raise ValueError(f"a service may have at most {L.MAX_SERVICE_BYTES} bytes")
    _no_controls_inside(value)
    return value


def _no_controls_inside(value: Any) -> None:
    if isinstance(value, str):
        _para(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _line(str(k))
            _no_controls_inside(v)
    elif isinstance(value, list):
        for v in value:
            _no_controls_inside(v)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        raise ValueError("numbers must fit in 53 bits")
    elif isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise ValueError("numbers must be finite")


Name = Annotated[str, StringConstraints(min_length=1, max_length=L.MAX_NAME), AfterValidator(_line)]
NoteText = Annotated[str, StringConstraints(max_length=L.MAX_NOTE), AfterValidator(_para)]
ShortLine = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_line)]
WireTime = Annotated[dt.datetime, AfterValidator(_time)]
WireDate = Annotated[dt.date, AfterValidator(_date)]
Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
Username = Annotated[str, StringConstraints(pattern=USERNAME_PATTERN)]
UnitCode = Annotated[str, StringConstraints(pattern=CODE_UNIT)]
WorkstationCode = Annotated[str, StringConstraints(pattern=CODE_WORKSTATION)]
ServiceCode = Annotated[str, StringConstraints(pattern=SERVICE_CODE)]
DocCode = Annotated[str, StringConstraints(pattern=DOC_CODE)]
ReceiptNo = Annotated[str, StringConstraints(pattern=RECEIPT_PATTERN, max_length=20)]
LookupCode = Annotated[str, StringConstraints(pattern=LOOKUP_CODE_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=L.MAX_EMAIL), AfterValidator(_line)]
EventData = Annotated[dict[str, Any], AfterValidator(_event_data)]
ServiceDoc = Annotated[dict[str, Any], AfterValidator(_service_doc)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Model):
    """Every error response has this body."""

    error: ErrorCode
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


# ---------------------------------------------------------------------------------------- users


class UserPayload(Model):
    """A user of the unit as the central system publishes it (the password only as its Argon2 hash)."""

    username: Username
    full_name: Name
    role: Role
    active: bool
    password_hash: Annotated[str, StringConstraints(pattern=ARGON2_PATTERN, max_length=255)]
    must_change_password: bool = False
    updated_at: WireTime


class UserOffer(Model):
    """A user a desk had before it was enrolled, offered to the central administrator (not merged)."""

    username: Username
    full_name: Name
    role: Role
    active: bool = True
    password_hash: Annotated[str, StringConstraints(pattern=ARGON2_PATTERN, max_length=255)]
    must_change_password: bool = False


# ---------------------------------------------------------------------------------------- enrolment


class EnrolRequest(Model):
    code: Annotated[str, StringConstraints(min_length=4, max_length=64), AfterValidator(_line)]
    unit_code: UnitCode
    workstation_code: WorkstationCode
    receipt_counter: int = Field(ge=0, le=L.MAX_COUNTER)
    users: list[UserOffer] = Field(default_factory=list, max_length=L.MAX_USERS_OFFERED)


class EnrolResponse(Model):
    workstation_id: Uuid
    token: str = Field(min_length=20, max_length=200)
    epoch: Uuid
    unit_code: UnitCode
    unit_name: Name
    users_offered: int = 0


# ---------------------------------------------------------------------------------------- password


class PasswordChange(Model):
    """A user changes their own password at a desk, online: the server checks the current one."""

    username: Username
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


# ---------------------------------------------------------------------------------------- payloads


class EventPayload(Model):
    """One history event of a request. ``data`` is checked per kind by the rulebook."""

    id: Uuid
    kind: EventKind
    from_status: Status | None = None
    to_status: Status | None = None
    actor: Username
    workstation: WorkstationCode
    device_time: WireTime
    data: EventData = Field(default_factory=dict)


class RequestSnapshot(Model):
    """The whole request, as the intake op carries it and as the server publishes it."""

    id: Uuid
    receipt_no: ReceiptNo
    visit_id: Uuid
    unit_code: UnitCode
    workstation_code: WorkstationCode
    service_code: ServiceCode
    citizen_nid: Annotated[str, StringConstraints(pattern=NID_PATTERN)]
    citizen_name: Name
    citizen_phone: Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None = None
    documents: list[DocCode] = Field(default_factory=list, max_length=L.MAX_DOCUMENTS)
    documents_missing: list[DocCode] = Field(default_factory=list, max_length=L.MAX_DOCUMENTS)
    fee_paid: int = Field(ge=0, le=L.MAX_FEE)
    priority: bool = False
    note: NoteText | None = None
    status: Status
    assignee: Username | None = None
    created_by: Username
    created_at: WireTime
    updated_at: WireTime
    due_date: WireDate
    standard_days: int = Field(ge=0, le=L.MAX_STANDARD_DAYS)
    version: int = Field(ge=1, le=L.MAX_VERSION)
    completed_at: WireTime | None = None
    delivered_at: WireTime | None = None
    rating: int | None = Field(default=None, ge=1, le=5)
    # the citizens' side (issue 14), fixed at intake: consent to be told when it is ready or returned, an
    # e-mail address to tell them at, the short code of the public status lookup (made offline at intake,
    # printed on the receipt) and, for a complaint, the receipt it is about
    notify_consent: bool = False
    contact_email: Email | None = None
    lookup_code: LookupCode | None = None
    complaint_about: ReceiptNo | None = None


class RequestOpPayload(Model):
    """Payload of every ``request.*`` op: the event, the request's identity and version after the change;
    for ``request.intake`` and ``request.sync`` the whole request. ``request.sync`` (a re-push after the
    server's epoch changed) also carries every event the desk has and the epoch it was queued to repair."""

    event: EventPayload | None = None
    request_id: Uuid
    receipt_no: ReceiptNo
    version: int = Field(ge=1, le=L.MAX_VERSION)
    request: RequestSnapshot | None = None
    events: list[EventPayload] = Field(default_factory=list, max_length=L.MAX_EVENTS_PER_SYNC)
    base_epoch: Uuid | None = None


class ServicePayload(Model):
    """A unit's own (local) service, added or withdrawn at one desk by an administrator and shared with the
    unit's other desks: the service in the catalogue file form (docs/catalog.md), when it changed, who."""

    code: ServiceCode
    service: ServiceDoc
    updated_at: WireTime
    actor: Username | None = None


# ---------------------------------------------------------------------------------------- push


class Op(Model):
    op_id: Uuid
    kind: OpKind
    created_at: WireTime
    request: RequestOpPayload | None = None
    service: ServicePayload | None = None


class AuditHead(Model):
    """The desk's audit trail at push time: its last entry, and its own hash of the entry the server
    anchored last (so a trail rewritten behind the anchor is seen even when it grew since)."""

    seq: int = Field(ge=0, le=L.MAX_SEQ)
    hash: Annotated[str, StringConstraints(pattern=HASH_PATTERN)]
    anchor_seq: int | None = Field(default=None, ge=0, le=L.MAX_SEQ)
    anchor_hash: Annotated[str, StringConstraints(pattern=HASH_PATTERN)] | None = None


# A desk's push says how many of its changes still wait in its outbox after the batch it sends: told to the
# central IT (the workstation's last contact), never used for anything else. A header, not a field of
# PushRequest: a central system older than it ignores an unknown header but would refuse an unknown field.
OUTBOX_WAITING_HEADER = "X-Frontdesk-Outbox-Waiting"


def outbox_waiting(value: str | None) -> int | None:
    """The header's value: a plain decimal number from 0 to ``MAX_SEQ``, else None (absent, or not one)."""
    if value is None or not 1 <= len(value) <= 19 or not value.isascii() or not value.isdigit():
        return None
    n = int(value)
    return n if n <= L.MAX_SEQ else None


class PushRequest(Model):
    """What a desk sends (the client builds it from typed ops)."""

    epoch: Uuid | None = None
    receipt_counter: int = Field(ge=0, le=L.MAX_COUNTER)
    sent_at: WireTime | None = None
    audit: AuditHead | None = None
    ops: list[Op] = Field(max_length=MAX_BATCH)


class PushEnvelope(Model):
    """What the server parses: the same body, with each op left as JSON to be checked on its own (any JSON
    value: an op that is not even an object is answered ``rejected`` alone)."""

    epoch: Uuid | None = None
    receipt_counter: int = Field(ge=0, le=L.MAX_COUNTER)
    sent_at: WireTime | None = None
    audit: AuditHead | None = None
    ops: list[Any] = Field(max_length=MAX_BATCH)


class OpResult(Model):
    op_id: str = Field(max_length=64)
    result: OpOutcome
    reason: RejectReason | None = None
    message: str | None = Field(default=None, max_length=L.MAX_MESSAGE)
    current: dict[str, Any] | None = None


class AnchorState(Model):
    """What the server holds of this desk's audit trail: the last head it anchored and whether the trail
    ever went backwards or forked (``ok`` | ``backwards`` | ``forked``)."""

    seq: int = Field(ge=0, le=L.MAX_SEQ)
    hash: Annotated[str, StringConstraints(pattern=HASH_PATTERN)]
    state: Literal["ok", "backwards", "forked"]
    detail: str | None = Field(default=None, max_length=L.MAX_MESSAGE)
    anchored_at: WireTime | None = None


class PushResponse(Model):
    epoch: Uuid
    server_time: WireTime
    results: list[OpResult] = Field(max_length=MAX_BATCH)
    clock_skew_s: float | None = Field(default=None, ge=-1e10, le=1e10)
    audit: AnchorState | None = None


# ---------------------------------------------------------------------------------------- pull


class CatalogPayload(Model):
    version: ShortLine
    catalog: dict[str, Any]  # the catalogue file format of docs/catalog.md (validated by catalog_format)


class SettingsPayload(Model):
    """What the central system tells every desk of the municipality's own set-up: its public address (the
    status page's base, printed as a QR code on receipts; None: not set)."""

    public_url: Annotated[str, StringConstraints(max_length=L.MAX_URL), AfterValidator(_line)] | None = None
    updated_at: WireTime


class RequestChange(Model):
    request: RequestSnapshot
    events: list[EventPayload] = Field(default_factory=list, max_length=L.MAX_EVENTS_PER_SYNC)


class Change(Model):
    seq: int = Field(ge=1, le=L.MAX_SEQ)
    kind: Literal["request", "user", "catalog", "service", "settings"]
    request: RequestChange | None = None
    user: UserPayload | None = None
    catalog: CatalogPayload | None = None
    service: ServicePayload | None = None
    settings: SettingsPayload | None = None


class ChangesResponse(Model):
    """A page of the unit's changes, as the server documents it."""

    epoch: Uuid
    server_time: WireTime
    changes: list[Change]
    next: int = Field(ge=0, le=L.MAX_SEQ)
    more: bool


class ChangesEnvelope(Model):
    """What the desk parses: the page, with each change left as JSON to be checked on its own (any JSON
    value: one that is not even an object is set aside alone, not the whole page)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    epoch: Uuid
    server_time: WireTime
    changes: list[Any] = Field(max_length=10_000)
    next: int = Field(ge=0, le=L.MAX_SEQ)
    more: bool


def payload_field(kind: str) -> str:
    """The field of :class:`Op` that carries an op of ``kind`` (an outbox row's payload)."""
    return "service" if kind.startswith("service.") else "request"


# ---------------------------------------------------------------------------------------- the desk as a vault

KEY_ID_PATTERN = r"^[0-9a-f]{32}$"
RECOVERY_CODE_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$"  # Crockford base32 (frontdesk.dbkey)


class KeyEscrow(Model):
    """``POST /v1/key-escrow``: an enrolled desk gives the central system the recovery code of its encrypted
    database (``key_id``: the database's salt) to keep. The server seals it at once with its escrow public
    key; only a central administrator holding the private key reads it back (``frontdesk-central escrow
    reveal``, recorded in the central audit trail)."""

    key_id: Annotated[str, StringConstraints(pattern=KEY_ID_PATTERN)]
    recovery_code: Annotated[str, StringConstraints(pattern=RECOVERY_CODE_PATTERN)]


class KeyEscrowAnswer(Model):
    key_id: Annotated[str, StringConstraints(pattern=KEY_ID_PATTERN)]
    escrowed_at: WireTime


class RestoreNotice(Model):
    """``POST /v1/restored``: a desk restored from a backup says so before its first push, with the counter
    the backup had and the one it has now; the server records it for the central IT and answers the highest
    receipt counter this workstation ever reported (so the desk never gives a number out twice)."""

    backup_counter: int = Field(ge=0, le=L.MAX_COUNTER)
    receipt_counter: int = Field(ge=0, le=L.MAX_COUNTER)


class RestoreAnswer(Model):
    highest_receipt_counter: int = Field(ge=0, le=L.MAX_COUNTER)
    epoch: Uuid
