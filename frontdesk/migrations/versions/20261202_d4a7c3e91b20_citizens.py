"""citizens (issue 14): consent to messages, a contact e-mail, the status lookup's short code and the
receipt a complaint is about on every request; an index to find the citizens' survey answers by time

Revision ID: d4a7c3e91b20
Revises: e5b8d1c0a7f3
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "d4a7c3e91b20"
down_revision = "e5b8d1c0a7f3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN in place: no table copy (the search index's triggers and the foreign keys stay untouched);
    # requests taken before have no consent, no e-mail, no code (their receipts carry none) and no complaint
    op.add_column("requests", sa.Column("notify_consent", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("requests", sa.Column("contact_email", sa.String(length=254), nullable=True))
    op.add_column("requests", sa.Column("lookup_code", sa.String(length=8), nullable=True))
    op.add_column("requests", sa.Column("complaint_about", sa.String(length=20), nullable=True))
    op.create_index("ix_requests_complaint_about", "requests", ["complaint_about"])
    op.create_index("ix_request_events_kind_time", "request_events", ["kind", "device_time"])


def downgrade() -> None:
    op.drop_index("ix_request_events_kind_time", table_name="request_events")
    op.drop_index("ix_requests_complaint_about", table_name="requests")
    # ALTER TABLE … DROP COLUMN in place (SQLite ≥ 3.35): no table copy, which the foreign keys referencing
    # requests would refuse (a copy drops the table they point to)
    for column in ("complaint_about", "lookup_code", "contact_email", "notify_consent"):
        op.drop_column("requests", column)
