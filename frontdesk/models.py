"""The local store: SQLAlchemy 2.0 typed tables. No logic here beyond column defaults.

Times are naive UTC ``datetime`` values; dates (promised date) are local calendar dates.
Identifiers that travel to the central system are UUID strings generated on the workstation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
        list[dict[str, Any]]: JSON,
    }


class Unit(Base):
    """An administrative unit (Njësia Administrative) or the municipality's own one-stop shop."""

    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Workstation(Base):
    """A counter workstation. Exactly one row has ``is_local``: this machine.

    ``receipt_counter`` is the last receipt sequence number issued here; it only grows and is
    incremented inside the intake transaction, so a crash can neither reuse nor skip a number.
    """

    __tablename__ = "workstations"
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    receipt_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # clerk | supervisor | admin
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # local: made on this desk before it was enrolled; offered: offered to the central administrator at
    # enrolment (cannot sign in on the enrolled desk until accepted); central: the unit's account, pulled
    origin: Mapped[str] = mapped_column(String(8), default="local")


class Service(Base):
    """A service of the catalogue (shërbim) with its standard processing time in working days."""

    __tablename__ = "services"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_sq: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(100))
    life_event: Mapped[str | None] = mapped_column(String(100), nullable=True)
    fee_amount: Mapped[int] = mapped_column(Integer, default=0)  # in lek (ALL has no minor unit in use)
    currency: Mapped[str] = mapped_column(String(3), default="ALL")
    standard_days: Mapped[int] = mapped_column(Integer)
    office: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    origin: Mapped[str] = mapped_column(String(8), default="central")  # central | local
    catalog_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ServiceDocument(Base):
    """A document a service asks for; ``required`` documents are checked at intake."""

    __tablename__ = "service_documents"
    service_code: Mapped[str] = mapped_column(
        ForeignKey("services.code", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_sq: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Citizen(Base):
    """What the office already knows about a citizen (once-only), keyed by normalised personal number."""

    __tablename__ = "citizens"
    nid: Mapped[str] = mapped_column(String(10), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Request(Base):
    """Current state of a citizen's request. History lives in ``request_events``."""

    __tablename__ = "requests"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    workstation_code: Mapped[str] = mapped_column(String(4))
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"), index=True)
    citizen_nid: Mapped[str] = mapped_column(String(10), index=True)
    citizen_name: Mapped[str] = mapped_column(String(200))
    citizen_key: Mapped[str] = mapped_column(String(200), index=True)  # text.fold(citizen_name), for search
    citizen_phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)  # codes received
    documents_missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    fee_paid: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))  # indexed below, with the due date and creation time
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)  # and below
    created_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    standard_days: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    central_ack: Mapped[bool] = mapped_column(Boolean, default=False)
    # the citizens' side (issue 14), fixed at intake: consent to messages (ready, returned), an e-mail to
    # send them to, the short code of the public status lookup, the receipt a complaint is about
    notify_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    lookup_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    complaint_about: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)

    # The worklist's filters (a status, overdue = open statuses past their due date, one clerk's requests,
    # and these together) find a page of rows in its usual orders (receipt number, creation time) from one
    # of these indexes alone (queries.queue_page), without reading the rows they do not show.
    __table_args__ = (
        Index("ix_requests_status_due_created", "status", "due_date", "created_at", "receipt_no", "assignee_id"),
        Index("ix_requests_assignee_created", "assignee_id", "created_at", "receipt_no", "status", "due_date"),
    )


class RequestEvent(Base):
    """Append-only history: who did what to which request, from which workstation, at what device time."""

    __tablename__ = "request_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7, merges across workstations
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # intake | status | assign | note | deliver | print
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    actor_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    actor_username: Mapped[str] = mapped_column(String(64))
    workstation_code: Mapped[str] = mapped_column(String(4))
    device_time: Mapped[dt.datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    # the citizens' survey answers of a period (reports) are found by kind and time
    __table_args__ = (Index("ix_request_events_kind_time", "kind", "device_time"),)


class OutboxOp(Base):
    """A local change waiting for the central system's acknowledgement of *this* op.

    ``seq`` orders the ops; ``state`` is ``pending`` until acknowledged (then the row is deleted) or
    ``rejected`` (kept, with the server's reason, for the supervisor to see).
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    rejected_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class PullSetAside(Base):
    """A change of the pull feed this desk did not apply because it broke the rulebook (or could not be
    stored): kept with the reason for the supervisor and IT; the cursor moved on past it."""

    __tablename__ = "pull_set_aside"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    receipt_no: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reason: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)  # the change as received, cut at 64 KiB
    set_aside_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncState(Base):
    """Key/value state of the sync engine: cursor, server epoch, last success, last error."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)


class AuditEntry(Base):
    """Hash-chained audit trail (see ``audit.py``): each row's ``hash`` covers its content and the
    previous row's hash, so an edited, deleted or inserted row breaks the chain from that point on."""

    __tablename__ = "audit_log"
    # AUTOINCREMENT: a seq is never reused, even after the last row is deleted
    __table_args__ = ({"sqlite_autoincrement": True},)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)  # UUIDv7
    time: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    workstation_code: Mapped[str] = mapped_column(String(4))
    action: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ReportStat(Base):
    """Pre-aggregated report figures (see ``aggregates.py``): the requests received on one local day
    (``period`` "day") or in one local month (``period`` "month", ``day`` = its first day) in one group
    (``dim`` service | clerk | unit, ``group_key`` the service code, assignee id or "" for none, unit code).
    Maintained by the write path in the transaction of each change; rebuilt from the requests by
    ``aggregates.rebuild``."""

    __tablename__ = "report_stats"
    __table_args__ = ({"sqlite_with_rowid": False},)  # clustered on the key: ranges read in key order
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(5), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    completed: Mapped[int] = mapped_column(Integer, default=0)
    within_standard: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    ratings: Mapped[int] = mapped_column(Integer, default=0)


class ReportDays(Base):
    """Histogram of processing times (working days) of the completed requests of a ``ReportStat`` cell:
    ``n`` requests took ``days`` working days. Rows with ``n`` = 0 are deleted."""

    __tablename__ = "report_days"
    __table_args__ = ({"sqlite_with_rowid": False},)
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(5), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    days: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer, default=0)


__all__ = [
    "AuditEntry",
    "Base",
    "Citizen",
    "OutboxOp",
    "PullSetAside",
    "ReportDays",
    "ReportStat",
    "Request",
    "RequestEvent",
    "Service",
    "ServiceDocument",
    "SyncState",
    "Unit",
    "User",
    "Workstation",
]
