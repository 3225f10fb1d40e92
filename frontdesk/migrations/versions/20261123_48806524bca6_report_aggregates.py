"""report aggregates: ``report_stats`` and ``report_days``, the pre-aggregated figures the standards
report reads (``frontdesk/aggregates.py``), filled from the existing requests and their history.

Revision ID: 48806524bca6
Revises: 59442a6eb703
Create Date: 2026-11-23 19:49:34.553577

The backfill calls ``aggregates.rebuild`` (SQL over ``requests`` / ``request_events``). If a later
revision changes these tables, give this one a frozen copy of the rebuild SQL of this schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from frontdesk.aggregates import rebuild

revision = "48806524bca6"
down_revision = "59442a6eb703"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_days",
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=5), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("group_key", sa.String(length=64), nullable=False),
        sa.Column("days", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "period", "day", "group_key", "days", name=op.f("pk_report_days")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "report_stats",
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=5), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("group_key", sa.String(length=64), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("within_standard", sa.Integer(), nullable=False),
        sa.Column("returned", sa.Integer(), nullable=False),
        sa.Column("rating_sum", sa.Integer(), nullable=False),
        sa.Column("ratings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "period", "day", "group_key", name=op.f("pk_report_stats")),
        sqlite_with_rowid=False,
    )
    rebuild(op.get_bind())  # data: the existing requests' figures


def downgrade() -> None:
    op.drop_table("report_stats")
    op.drop_table("report_days")
