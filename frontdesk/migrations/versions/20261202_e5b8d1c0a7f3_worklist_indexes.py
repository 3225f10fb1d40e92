"""worklist indexes: a worklist page is chosen from an index alone, so an encrypted store reads only the
rows it shows (bench/ui.py): status, due date, creation time, receipt number and assignee; the assignee,
creation time, receipt number, status and due date. The single-column indexes on status and assignee and
the (status, due date) index are prefixes of these.

Revision ID: e5b8d1c0a7f3
Revises: b7c1e5a0d2f4
Create Date: 2026-12-02 01:40:00
"""

from __future__ import annotations

from alembic import op

revision = "e5b8d1c0a7f3"
down_revision = "b7c1e5a0d2f4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_requests_status_due", table_name="requests")
    op.drop_index("ix_requests_status", table_name="requests")
    op.drop_index("ix_requests_assignee_id", table_name="requests")
    op.create_index("ix_requests_status_due_created", "requests", ["status", "due_date", "created_at", "receipt_no", "assignee_id"])
    op.create_index("ix_requests_assignee_created", "requests", ["assignee_id", "created_at", "receipt_no", "status", "due_date"])


def downgrade() -> None:
    op.drop_index("ix_requests_assignee_created", table_name="requests")
    op.drop_index("ix_requests_status_due_created", table_name="requests")
    op.create_index("ix_requests_assignee_id", "requests", ["assignee_id"])
    op.create_index("ix_requests_status", "requests", ["status"])
    op.create_index("ix_requests_status_due", "requests", ["status", "due_date"])
