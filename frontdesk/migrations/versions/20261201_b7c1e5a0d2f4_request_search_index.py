"""worklist search index: an FTS5 table with the trigram tokenizer over the receipt number, personal
number, folded citizen name and phone digits of every request, kept in step by triggers on ``requests``
(see frontdesk/search.py), and filled from the existing requests.

The statements are a frozen copy of ``frontdesk.search.CREATE`` / ``FILL`` at this revision: a later
change to the index gets its own migration.

Revision ID: b7c1e5a0d2f4
Revises: 48806524bca6
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from alembic import op

revision = "b7c1e5a0d2f4"
down_revision = "48806524bca6"
branch_labels = None
depends_on = None

CREATE = ["CREATE VIRTUAL TABLE request_search USING fts5(request_id UNINDEXED, receipt_no, nid, name, phone, tokenize = 'trigram')", "CREATE TRIGGER request_search_ai AFTER INSERT ON requests BEGIN\n  INSERT INTO request_search (request_id, receipt_no, nid, name, phone)\n  VALUES (new.id, new.receipt_no, new.citizen_nid, new.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(new.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));\nEND", 'CREATE TRIGGER request_search_ad AFTER DELETE ON requests BEGIN\n  DELETE FROM request_search WHERE request_id = old.id;\nEND', "CREATE TRIGGER request_search_au AFTER UPDATE OF receipt_no, citizen_nid, citizen_key, citizen_phone ON requests\nWHEN old.receipt_no IS NOT new.receipt_no OR old.citizen_nid IS NOT new.citizen_nid\n  OR old.citizen_key IS NOT new.citizen_key OR old.citizen_phone IS NOT new.citizen_phone BEGIN\n  DELETE FROM request_search WHERE request_id = old.id;\n  INSERT INTO request_search (request_id, receipt_no, nid, name, phone)\n  VALUES (new.id, new.receipt_no, new.citizen_nid, new.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(new.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));\nEND"]

FILL = "INSERT INTO request_search (request_id, receipt_no, nid, name, phone) SELECT id, receipt_no, citizen_nid, citizen_key, replace(replace(replace(replace(replace(replace(coalesce(citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '') FROM requests"

DROP = ['DROP TRIGGER IF EXISTS request_search_au', 'DROP TRIGGER IF EXISTS request_search_ad', 'DROP TRIGGER IF EXISTS request_search_ai', 'DROP TABLE IF EXISTS request_search']


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)
    op.execute(FILL)


def downgrade() -> None:
    for statement in DROP:
        op.execute(statement)
