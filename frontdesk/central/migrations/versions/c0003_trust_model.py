"""trust model: central accounts (history, offers, password lockout), epoch history, enrolment throttling,
audit anchors and clock skew per workstation, the central audit trail of administrative actions

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "epochs",
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("epoch", name=op.f("pk_epochs")),
    )
    # the current epoch of an existing database starts the history
    op.execute("INSERT INTO epochs (epoch, started_at) SELECT epoch, epoch_changed_at FROM server_state")

    with op.batch_alter_table("workstations") as batch:
        batch.add_column(sa.Column("clock_skew_s", sa.Float(), nullable=True))
        batch.add_column(sa.Column("audit_seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("audit_state", sa.String(length=16), nullable=False, server_default="ok"))
        batch.add_column(sa.Column("audit_detail", sa.Text(), nullable=True))
        batch.add_column(sa.Column("audit_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("workstations") as batch:
        batch.alter_column("audit_state", server_default=None)

    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.alter_column("failed_attempts", server_default=None)

    op.create_table(
        "user_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_to", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_versions")),
    )
    op.create_index("ix_user_versions_user", "user_versions", ["unit_code", "username", "valid_from"])
    # users pushed by desks before the trust model: each gets one period, from when it was last changed
    op.execute(
        "INSERT INTO user_versions (unit_code, username, role, active, valid_from) "
        "SELECT unit_code, username, role, active, updated_at FROM users"
    )

    op.create_table(
        "user_offers",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_user_offers_unit_code_units")),
        sa.ForeignKeyConstraint(
            ["workstation_id"], ["workstations.id"], name=op.f("fk_user_offers_workstation_id_workstations")
        ),
        sa.PrimaryKeyConstraint("unit_code", "username", "workstation_id", name=op.f("pk_user_offers")),
    )

    op.create_table(
        "enrol_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrol_attempts")),
    )
    op.create_index("ix_enrol_attempts_address_at", "enrol_attempts", ["address", "at"])
    op.create_index("ix_enrol_attempts_unit_at", "enrol_attempts", ["unit_code", "at"])

    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workstation_id"], ["workstations.id"], name=op.f("fk_audit_anchors_workstation_id_workstations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchors")),
    )
    op.create_index("ix_audit_anchors_ws", "audit_anchors", ["workstation_id", "id"])

    op.create_table(
        "admin_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=True),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_actions")),
    )
    op.create_index(op.f("ix_admin_actions_at"), "admin_actions", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_admin_actions_at"), table_name="admin_actions")
    op.drop_table("admin_actions")
    op.drop_index("ix_audit_anchors_ws", table_name="audit_anchors")
    op.drop_table("audit_anchors")
    op.drop_index("ix_enrol_attempts_unit_at", table_name="enrol_attempts")
    op.drop_index("ix_enrol_attempts_address_at", table_name="enrol_attempts")
    op.drop_table("enrol_attempts")
    op.drop_table("user_offers")
    op.drop_index("ix_user_versions_user", table_name="user_versions")
    op.drop_table("user_versions")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_attempts")
        batch.drop_column("created_at")
    with op.batch_alter_table("workstations") as batch:
        for name in ("audit_at", "audit_detail", "audit_state", "audit_hash", "audit_seq", "clock_skew_s"):
            batch.drop_column(name)
    op.drop_table("epochs")
