"""citizens (issue 14): consent, contact e-mail, lookup code and the receipt a complaint is about on every
request; settings (the public address); the public lookups' rate limits; the notification outbox; the
citizens' survey answers; the counters of complaints made online

Revision ID: c0006
Revises: c0005
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0006"
down_revision = "c0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("notify_consent", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("contact_email", sa.String(length=254), nullable=True))
        batch.add_column(sa.Column("lookup_code", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("complaint_about", sa.String(length=20), nullable=True))
    with op.batch_alter_table("requests") as batch:
        batch.alter_column("notify_consent", server_default=None)
    op.create_index("ix_requests_complaint_about", "requests", ["complaint_about"])

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "lookup_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=True),
        sa.Column("what", sa.String(length=16), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lookup_attempts")),
    )
    op.create_index("ix_lookup_attempts_address_at", "lookup_attempts", ["address", "at"])
    op.create_index("ix_lookup_attempts_receipt_at", "lookup_attempts", ["receipt_no", "at"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(), nullable=False),
        sa.Column("lease_owner", sa.String(length=36), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_notifications_request_id_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("event_id", "channel", name=op.f("uq_notifications_event_id")),
    )
    op.create_index("ix_notifications_due", "notifications", ["state", "next_at"])
    op.create_index(op.f("ix_notifications_request_id"), "notifications", ["request_id"])
    op.create_table(
        "survey_answers",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("promised_kept", sa.Boolean(), nullable=True),
        sa.Column("clear", sa.Boolean(), nullable=True),
        sa.Column("overall", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("service_code", sa.String(length=32), nullable=False),
        sa.Column("clerk", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_survey_answers_request_id_requests")),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_survey_answers")),
    )
    op.create_index(op.f("ix_survey_answers_answered_at"), "survey_answers", ["answered_at"])
    op.create_table(
        "public_counters",
        sa.Column("unit_code", sa.String(length=6), nullable=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_public_counters_unit_code_units")),
        sa.PrimaryKeyConstraint("unit_code", name=op.f("pk_public_counters")),
    )


def downgrade() -> None:
    op.drop_table("public_counters")
    op.drop_index(op.f("ix_survey_answers_answered_at"), table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_index(op.f("ix_notifications_request_id"), table_name="notifications")
    op.drop_index("ix_notifications_due", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_lookup_attempts_receipt_at", table_name="lookup_attempts")
    op.drop_index("ix_lookup_attempts_address_at", table_name="lookup_attempts")
    op.drop_table("lookup_attempts")
    op.drop_table("settings")
    op.drop_index("ix_requests_complaint_about", table_name="requests")
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("complaint_about")
        batch.drop_column("lookup_code")
        batch.drop_column("contact_email")
        batch.drop_column("notify_consent")
