"""citizen search key: an accent-free, lower-case copy of the citizen's name, indexed, for the worklist
search (ë → e, ç → c); existing rows are filled in by the migration.

Revision ID: 5b375c8ff507
Revises: 78e032785a25
Create Date: 2026-11-23 19:04:33.436471
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from frontdesk.text import fold

revision = "5b375c8ff507"
down_revision = "78e032785a25"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("citizen_key", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, citizen_name FROM requests")).all()
    for request_id, name in rows:
        conn.execute(
            sa.text("UPDATE requests SET citizen_key = :k WHERE id = :i"), {"k": fold(name), "i": request_id}
        )
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.alter_column("citizen_key", existing_type=sa.String(length=200), nullable=False)
        batch_op.create_index(batch_op.f("ix_requests_citizen_key"), ["citizen_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requests_citizen_key"))
        batch_op.drop_column("citizen_key")
