"""key escrow: the escrow public keys, and the desks' database recovery codes sealed with them

Revision ID: c0004
Revises: c0003
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "escrow_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escrow_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_escrow_keys_fingerprint")),
    )
    op.create_table(
        "key_escrow",
        sa.Column("workstation_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("escrow_key_id", sa.Integer(), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("escrowed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["escrow_key_id"], ["escrow_keys.id"], name=op.f("fk_key_escrow_escrow_key_id_escrow_keys")
        ),
        sa.ForeignKeyConstraint(
            ["workstation_id"], ["workstations.id"], name=op.f("fk_key_escrow_workstation_id_workstations")
        ),
        sa.PrimaryKeyConstraint("workstation_id", "key_id", name=op.f("pk_key_escrow")),
    )


def downgrade() -> None:
    op.drop_table("key_escrow")
    op.drop_table("escrow_keys")
