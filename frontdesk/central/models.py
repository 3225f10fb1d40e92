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
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
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
    }


class ServerState(Base):
    """One row (id 1): the database's epoch, rotated by ``frontdesk-central new-epoch`` after a restore."""

    __tablename__ = "server_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    epoch_changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


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
    """A user of a unit, as the workstations push it (password only as its Argon2 hash)."""

    __tablename__ = "users"
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


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
