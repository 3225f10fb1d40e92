"""trust model: where each user account comes from (local, offered at enrolment, central), and the pulled
changes a desk set aside because they broke the rules

Revision ID: c7e2a9d4f1b3
Revises: 48806524bca6
Create Date: 2026-12-01 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c7e2a9d4f1b3"
down_revision = "48806524bca6"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN in place (SQLite keeps the default for existing rows; no table copy, so the tables that
    # refer to users are untouched)
    op.add_column("users", sa.Column("origin", sa.String(length=8), nullable=False, server_default="local"))
    # An enrolled desk shared its users with the unit before: they are the unit's accounts now.
    op.execute(
        "UPDATE users SET origin = 'central' WHERE EXISTS "
        "(SELECT 1 FROM sync_state WHERE key = 'workstation_id' AND value IS NOT NULL)"
    )
    # A desk no longer pushes accounts: user ops still waiting are dropped (the central system decides).
    op.execute("DELETE FROM outbox WHERE kind = 'user.upsert'")
    op.create_table(
        "pull_set_aside",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("set_aside_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pull_set_aside")),
    )


def downgrade() -> None:
    op.drop_table("pull_set_aside")
    op.drop_column("users", "origin")
