"""console: staff accounts and their sessions, what a desk says still waits in its outbox
(workstations.outbox_waiting), the back office's claims, the performance figures (report_stats / report_days /
report_hist / report_facts / report_cursors, backfilled from the requests), and the indexes of the back office's
list, the overdue lists and a workstation's answered ops

Revision ID: c0005
Revises: c0004
Create Date: 2026-12-01 23:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("office", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_staff")),
    )
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["username"], ["staff.username"], name=op.f("fk_console_sessions_username_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_console_sessions")),
    )
    op.create_index(op.f("ix_console_sessions_username"), "console_sessions", ["username"])
    op.create_index(op.f("ix_console_sessions_expires_at"), "console_sessions", ["expires_at"])
    op.create_table(
        "backoffice_claims",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_backoffice_claims_request_id_requests")),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_backoffice_claims")),
    )
    op.create_index(op.f("ix_backoffice_claims_officer"), "backoffice_claims", ["officer"])
    def key() -> list[sa.Column[object]]:
        return [
            sa.Column("dim", sa.String(length=8), nullable=False),
            sa.Column("period", sa.String(length=8), nullable=False),
            sa.Column("day", sa.Date(), nullable=False),
            sa.Column("group_key", sa.String(length=80), nullable=False),
        ]
    op.create_table(
        "report_stats",
        *key(),
        *[sa.Column(c, sa.BigInteger(), nullable=False)
          for c in ("received", "completed", "within_standard", "returned", "rating_sum", "ratings")],
        sa.PrimaryKeyConstraint("dim", "period", "day", "group_key", name=op.f("pk_report_stats")),
    )
    op.create_table(
        "report_days",
        *key(),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "period", "day", "group_key", "days", name=op.f("pk_report_days")),
    )
    op.create_table(
        "report_hist",
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("group_key", sa.String(length=80), nullable=False),
        sa.Column("hist", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "month", "group_key", name=op.f("pk_report_hist")),
    )
    op.create_table(
        "report_facts",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service", sa.String(length=32), nullable=False),
        sa.Column("clerk", sa.String(length=80), nullable=False),
        sa.Column("unit", sa.String(length=6), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("within", sa.Boolean(), nullable=False),
        sa.Column("returned", sa.Boolean(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_report_facts")),
    )
    op.create_table(
        "report_cursors",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("unit_code", name=op.f("pk_report_cursors")),
    )
    op.add_column("workstations", sa.Column("outbox_waiting", sa.BigInteger(), nullable=True))
    op.create_index("ix_requests_backoffice", "requests", ["service_code", "status", "due_date"])
    op.create_index("ix_requests_due", "requests", ["due_date", "service_code", "status", "unit_code"])
    open_where = sa.text("status IN ('received', 'forwarded', 'in_progress')")
    op.create_index("ix_requests_open", "requests", ["due_date", "service_code", "unit_code", "assignee", "created_at"],
                    postgresql_where=open_where, sqlite_where=open_where)
    op.create_index("ix_applied_ops_ws_result", "applied_ops", ["workstation_id", "result", "kind"])

    # the figures of the requests already there, and each unit's feed read up to its counter
    from frontdesk.central.performance import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_applied_ops_ws_result", table_name="applied_ops")
    op.drop_index("ix_requests_open", table_name="requests")
    op.drop_index("ix_requests_due", table_name="requests")
    op.drop_index("ix_requests_backoffice", table_name="requests")
    with op.batch_alter_table("workstations") as batch:
        batch.drop_column("outbox_waiting")
    for table in ("report_cursors", "report_facts", "report_hist", "report_days", "report_stats"):
        op.drop_table(table)
    op.drop_index(op.f("ix_backoffice_claims_officer"), table_name="backoffice_claims")
    op.drop_table("backoffice_claims")
    op.drop_index(op.f("ix_console_sessions_expires_at"), table_name="console_sessions")
    op.drop_index(op.f("ix_console_sessions_username"), table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("staff")
