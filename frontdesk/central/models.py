"""Tables of the central server. Own metadata, own Alembic history (version table
``alembic_version_central``), so the server never shares a schema with the workstation store.

Times are naive UTC. Identifiers that come from workstations (requests, events, ops) are their
UUIDv7 strings; ``changes`` is the per-unit feed the workstations pull, numbered by ``unit_counters``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql import text

# the open statuses whose clock runs (frontdesk.standards.SLA_OPEN): the partial index of open requests
OPEN_WHERE = "status IN ('received', 'forwarded', 'in_progress')"

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class ServerState(Base):
    """One row (id 1): the database's epoch, rotated by ``frontdesk-central new-epoch`` after a restore
    (every epoch the database had is kept in ``epochs``)."""

    __tablename__ = "server_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    epoch_changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Epoch(Base):
    """Every epoch the database has had, with when it began: a desk's re-push (``request.sync``) names the
    epoch it repairs, which must be an earlier one, and must come within ``RESYNC_WINDOW`` of its end."""

    __tablename__ = "epochs"
    epoch: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Unit(Base):
    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class UnitCounter(Base):
    """The last change sequence number of a unit. Locked (``FOR UPDATE``) by every writing transaction of
    the unit, so sequence numbers are taken in commit order and a pulling cursor never skips."""

    __tablename__ = "unit_counters"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class Workstation(Base):
    __tablename__ = "workstations"
    __table_args__ = (UniqueConstraint("unit_code", "code"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    code: Mapped[str] = mapped_column(String(4))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 hex of the bearer token
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    max_receipt_counter: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # the desk's clock minus the server's at its last push (recorded, never trusted as the time)
    clock_skew_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    # what the desk said still waited in its outbox after its last push (None: it did not say; migration c0005)
    outbox_waiting: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # the desk's audit trail as last anchored here: head (seq, hash) and whether it ever went back or forked
    audit_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    audit_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audit_state: Mapped[str] = mapped_column(String(16), default="ok")  # ok | backwards | forked
    audit_detail: Mapped[str | None] = mapped_column(Text, nullable=True)
    audit_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class EnrolCode(Base):
    """A one-time enrolment code, stored as the SHA-256 hex of its normalised text."""

    __tablename__ = "enrol_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    workstation_id: Mapped[str | None] = mapped_column(ForeignKey("workstations.id"), nullable=True)


class AppliedOp(Base):
    """Every op ever answered, permanently: a retry gets the same outcome class, never a second effect."""

    __tablename__ = "applied_ops"
    # a workstation's answers by outcome and kind (the console: rejected ops, intakes received)
    __table_args__ = (Index("ix_applied_ops_ws_result", "workstation_id", "result", "kind"),)
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    workstation_id: Mapped[str] = mapped_column(ForeignKey("workstations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    result: Mapped[str] = mapped_column(String(16))  # applied | duplicate | rejected
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    message: Mapped[str | None] = mapped_column(Text, nullable=True)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Request(Base):
    """The server's state of a request: the RequestSnapshot fields, decided by the server."""

    __tablename__ = "requests"
    __table_args__ = (
        # the back office's list: an office's services in the statuses it works on, by promised date
        Index("ix_requests_backoffice", "service_code", "status", "due_date"),
        # ... every status, newest or oldest promised date first (the filters checked inside the index)
        Index("ix_requests_due", "due_date", "service_code", "status", "unit_code"),
        # the open requests only (a few per cent): overdue figures and lists read nothing else
        Index("ix_requests_open", "due_date", "service_code", "unit_code", "assignee", "created_at",
              postgresql_where=text(OPEN_WHERE), sqlite_where=text(OPEN_WHERE)),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    workstation_code: Mapped[str] = mapped_column(String(4))
    service_code: Mapped[str] = mapped_column(String(32))
    citizen_nid: Mapped[str] = mapped_column(String(10), index=True)
    citizen_name: Mapped[str] = mapped_column(String(200))
    citizen_phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    documents: Mapped[list[str]] = mapped_column(JSON)
    documents_missing: Mapped[list[str]] = mapped_column(JSON)
    fee_paid: Mapped[int] = mapped_column(BigInteger)
    priority: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    assignee: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_date: Mapped[dt.date] = mapped_column(Date)
    standard_days: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(BigInteger)
    assigned_version: Mapped[int] = mapped_column(BigInteger, default=0)  # version made by the last assign
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)  # when the server first had it
    # the citizens' side (issue 14), fixed at intake (migration c0006)
    notify_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    lookup_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    complaint_about: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)


class RequestEvent(Base):
    __tablename__ = "request_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    actor: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(8))
    device_time: Mapped[dt.datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)


class User(Base):
    """A user of a unit. The central system is the authority for accounts: they are made, given roles,
    deactivated and have passwords reset here (``frontdesk-central user …``) and reach the desks by pull
    (the password only as its Argon2 hash). A desk may only change its user's own password, online."""

    __tablename__ = "users"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)  # wrong current passwords, in a row
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class UserVersion(Base):
    """The history of a user's role and active flag: an op is checked against the account as it was at the
    time of the act (a clerk deactivated on Friday keeps the intakes they took on Thursday)."""

    __tablename__ = "user_versions"
    __table_args__ = (Index("ix_user_versions_user", "unit_code", "username", "valid_from"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_code: Mapped[str] = mapped_column(String(6))
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean)
    valid_from: Mapped[dt.datetime] = mapped_column(DateTime)
    valid_to: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class UserOffer(Base):
    """A user a desk had before it was enrolled, offered to the central administrator at enrolment:
    ``pending`` until accepted (a central user is made from it) or declined. Never merged on its own."""

    __tablename__ = "user_offers"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    workstation_id: Mapped[str] = mapped_column(ForeignKey("workstations.id"), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean)
    offered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    decision: Mapped[str] = mapped_column(String(16), default="pending")  # pending | accepted | declined
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EnrolAttempt(Base):
    """Failed enrolment attempts, by address and by unit, for throttling guesses (shared by every worker
    process of the server through the database)."""

    __tablename__ = "enrol_attempts"
    __table_args__ = (
        Index("ix_enrol_attempts_address_at", "address", "at"),
        Index("ix_enrol_attempts_unit_at", "unit_code", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditAnchor(Base):
    """Every audit head a desk sent that moved its anchor (or broke it): the history of heads per desk."""

    __tablename__ = "audit_anchors"
    __table_args__ = (Index("ix_audit_anchors_ws", "workstation_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workstation_id: Mapped[str] = mapped_column(ForeignKey("workstations.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # ok | backwards | forked
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AdminAction(Base):
    """The central audit trail: every administrative action on the central system (who, what, when)."""

    __tablename__ = "admin_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    unit_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)


class UnitService(Base):
    """A unit's own (local) service, as its desks push it: the catalogue file form, kept as pushed."""

    __tablename__ = "unit_services"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Change(Base):
    """The pull feed of a unit. ``origin`` is the workstation that caused it (left out of its own pulls),
    NULL for the back office and catalogue publications."""

    __tablename__ = "changes"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin: Mapped[str | None] = mapped_column(ForeignKey("workstations.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CatalogVersion(Base):
    __tablename__ = "catalog_versions"
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


# ------------------------------------------------------------------------------------------------ citizens


class Setting(Base):
    """The central system's own settings (``public_url``: the municipality's public address; the survey
    links' secret), one row per key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LookupAttempt(Base):
    """Every public status lookup (and survey or complaint form sent), by address and receipt number, for
    the rate limits every worker process shares; rows older than the window are deleted as new ones come."""

    __tablename__ = "lookup_attempts"
    __table_args__ = (
        Index("ix_lookup_attempts_address_at", "address", "at"),
        Index("ix_lookup_attempts_receipt_at", "receipt_no", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(64))
    receipt_no: Mapped[str | None] = mapped_column(String(20), nullable=True)
    what: Mapped[str] = mapped_column(String(16))  # lookup | survey | complaint
    ok: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class Notification(Base):
    """The notification outbox: one row per event and channel, written in the transaction of the change
    that calls for it (a request becomes ready, or is returned for completion), sent by the sender loop
    (claimed with a lease in the database, retried with backoff) and marked sent once."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("event_id", "channel"),
        Index("ix_notifications_due", "state", "next_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # ready | returned
    channel: Mapped[str] = mapped_column(String(8))  # sms | email
    missing: Mapped[list[str]] = mapped_column(JSON)  # a return's missing documents (catalogue codes)
    state: Mapped[str] = mapped_column(String(16))  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[dt.datetime] = mapped_column(DateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(36), nullable=True)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)  # never with the recipient in clear


class SurveyAnswer(Base):
    """A citizen's answer to the satisfaction survey: one per request (the primary key), from the counter's
    prompt or the survey page; with the request's service, unit and clerk when it was answered."""

    __tablename__ = "survey_answers"
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    channel: Mapped[str] = mapped_column(String(8))  # counter | web
    promised_kept: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    clear: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    overall: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    unit_code: Mapped[str] = mapped_column(String(6))
    service_code: Mapped[str] = mapped_column(String(32))
    clerk: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PublicCounter(Base):
    """Per unit, the counter of the receipt numbers the central system gives complaints made online
    (workstation code ``WEB``, reserved: no desk may enrol with it)."""

    __tablename__ = "public_counters"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    last: Mapped[int] = mapped_column(BigInteger, default=0)


class EscrowKey(Base):
    """The escrow public key (RSA-3072, PEM): the recovery codes desks deposit are sealed with it as they
    arrive. Its private key is not here: the central administrator keeps it (``frontdesk-central escrow
    setup`` writes it once to a file of their choice). The newest key not retired seals new deposits."""

    __tablename__ = "escrow_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    public_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 hex of the public key (DER)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class EscrowedKey(Base):
    """A desk's database recovery code, sealed (RSA-OAEP, SHA-256) with an escrow key: one per workstation
    and database key (``key_id``: the database's salt, in hex)."""

    __tablename__ = "key_escrow"
    workstation_id: Mapped[str] = mapped_column(ForeignKey("workstations.id"), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    escrow_key_id: Mapped[int] = mapped_column(ForeignKey("escrow_keys.id"))
    sealed: Mapped[str] = mapped_column(Text)  # base64
    escrowed_at: Mapped[dt.datetime] = mapped_column(DateTime)


# ------------------------------------------------------------------------------------------------ the console


class Staff(Base):
    """A central staff account of the browser console — not a unit's user: a back-office ``officer`` of
    one office (the catalogue services' ``office``), a municipality ``manager`` or an IT administrator
    (``itadmin``). Argon2id hash; five wrong passwords in a row lock it for 15 minutes."""

    __tablename__ = "staff"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # officer | manager | itadmin
    office: Mapped[str | None] = mapped_column(String(200), nullable=True)  # an officer's office
    active: Mapped[bool] = mapped_column(Boolean)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ConsoleSession(Base):
    """A signed-in browser: the SHA-256 of its cookie's random token (the token itself is never stored),
    its CSRF token, and when it expires (idle and absolute limits). In the database, so every worker
    process knows it."""

    __tablename__ = "console_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("staff.username"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class BackofficeClaim(Base):
    """Which back-office officer has taken a request (the console's work list; not sent to the desks)."""

    __tablename__ = "backoffice_claims"
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), primary_key=True)
    officer: Mapped[str] = mapped_column(String(64), index=True)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ReportStat(Base):
    """Pre-aggregated figures of the requests received per local day / month and group, as on the desk
    (``frontdesk.standards``): ``dim`` service | clerk (``UNIT/username``) | unit."""

    __tablename__ = "report_stats"
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    received: Mapped[int] = mapped_column(BigInteger)
    completed: Mapped[int] = mapped_column(BigInteger)
    within_standard: Mapped[int] = mapped_column(BigInteger)
    returned: Mapped[int] = mapped_column(BigInteger)
    rating_sum: Mapped[int] = mapped_column(BigInteger)
    ratings: Mapped[int] = mapped_column(BigInteger)


class ReportDay(Base):
    """The histogram of processing times per day cell (``period`` "day"): ``n`` completed requests took
    ``days`` working days."""

    __tablename__ = "report_days"
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    days: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)


class ReportHist(Base):
    """The histogram of processing times per month cell, in one row: ``hist`` is the JSON list
    ``[days, n, days, n, …]`` (days ascending). A year by clerk reads a row per clerk and month, not one per
    clerk, month and number of days."""

    __tablename__ = "report_hist"
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    hist: Mapped[str] = mapped_column(Text)


class ReportFact(Base):
    """What each request contributes to the figures now (so a change replaces it exactly)."""

    __tablename__ = "report_facts"
    request_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    service: Mapped[str] = mapped_column(String(32))
    clerk: Mapped[str] = mapped_column(String(80))
    unit: Mapped[str] = mapped_column(String(6))
    days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    within: Mapped[bool] = mapped_column(Boolean)
    returned: Mapped[bool] = mapped_column(Boolean)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ReportCursor(Base):
    """How far the figures have read each unit's change feed. The row with ``unit_code`` ``*`` is the
    refresh's lock and holds when the figures were last brought up to date."""

    __tablename__ = "report_cursors"
    unit_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    refreshed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
