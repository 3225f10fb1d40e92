"""initial schema

Revision ID: c0001
Revises:
Create Date: 2026-11-23 19:25:17.193722
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "catalog_versions",
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_catalog_versions")),
    )
    with op.batch_alter_table("catalog_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalog_versions_published_at"), ["published_at"], unique=False)

    op.create_table(
        "server_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("epoch_changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_state")),
    )
    op.create_table(
        "units",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_units")),
    )
    op.create_table(
        "requests",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("workstation_code", sa.String(length=4), nullable=False),
        sa.Column("service_code", sa.String(length=32), nullable=False),
        sa.Column("citizen_nid", sa.String(length=10), nullable=False),
        sa.Column("citizen_name", sa.String(length=200), nullable=False),
        sa.Column("citizen_phone", sa.String(length=40), nullable=True),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("documents_missing", sa.JSON(), nullable=False),
        sa.Column("fee_paid", sa.BigInteger(), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assignee", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("standard_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("assigned_version", sa.BigInteger(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_requests_unit_code_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requests")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_requests_receipt_no")),
    )
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requests_citizen_nid"), ["citizen_nid"], unique=False)
        batch_op.create_index(batch_op.f("ix_requests_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_requests_unit_code"), ["unit_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_requests_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "unit_counters",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_unit_counters_unit_code_units")),
        sa.PrimaryKeyConstraint("unit_code", name=op.f("pk_unit_counters")),
    )
    op.create_table(
        "users",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_users_unit_code_units")),
        sa.PrimaryKeyConstraint("unit_code", "username", name=op.f("pk_users")),
    )
    op.create_table(
        "workstations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("max_receipt_counter", sa.BigInteger(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_workstations_unit_code_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstations")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_workstations_token_hash")),
        sa.UniqueConstraint("unit_code", "code", name=op.f("uq_workstations_unit_code")),
    )
    with op.batch_alter_table("workstations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workstations_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workstation_id"], ["workstations.id"], name=op.f("fk_applied_ops_workstation_id_workstations")
        ),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_applied_ops")),
    )
    with op.batch_alter_table("applied_ops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applied_ops_workstation_id"), ["workstation_id"], unique=False)

    op.create_table(
        "changes",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["origin"], ["workstations.id"], name=op.f("fk_changes_origin_workstations")),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_changes_unit_code_units")),
        sa.PrimaryKeyConstraint("unit_code", "seq", name=op.f("pk_changes")),
    )
    op.create_table(
        "enrol_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("workstation_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_enrol_codes_unit_code_units")),
        sa.ForeignKeyConstraint(
            ["workstation_id"], ["workstations.id"], name=op.f("fk_enrol_codes_workstation_id_workstations")
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrol_codes")),
    )
    with op.batch_alter_table("enrol_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrol_codes_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "request_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=8), nullable=False),
        sa.Column("device_time", sa.DateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_request_events_request_id_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_events")),
    )
    with op.batch_alter_table("request_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_events_request_id"), ["request_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("request_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_events_request_id"))

    op.drop_table("request_events")
    with op.batch_alter_table("enrol_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrol_codes_unit_code"))

    op.drop_table("enrol_codes")
    op.drop_table("changes")
    with op.batch_alter_table("applied_ops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applied_ops_workstation_id"))

    op.drop_table("applied_ops")
    with op.batch_alter_table("workstations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workstations_unit_code"))

    op.drop_table("workstations")
    op.drop_table("users")
    op.drop_table("unit_counters")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requests_visit_id"))
        batch_op.drop_index(batch_op.f("ix_requests_unit_code"))
        batch_op.drop_index(batch_op.f("ix_requests_status"))
        batch_op.drop_index(batch_op.f("ix_requests_citizen_nid"))

    op.drop_table("requests")
    op.drop_table("units")
    op.drop_table("server_state")
    with op.batch_alter_table("catalog_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_versions_published_at"))

    op.drop_table("catalog_versions")
