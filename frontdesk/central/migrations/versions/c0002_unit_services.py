"""unit services: a unit's own (local) services, shared between its desks

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-23 23:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_services",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_unit_services_unit_code_units")),
        sa.PrimaryKeyConstraint("unit_code", "code", name=op.f("pk_unit_services")),
    )


def downgrade() -> None:
    op.drop_table("unit_services")
