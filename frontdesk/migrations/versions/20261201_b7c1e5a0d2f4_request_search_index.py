"""worklist search index: a contentless FTS5 table (rowid = the request's rowid) with the trigram tokenizer
over the receipt number, personal number, folded citizen name and phone digits of every request, kept in
step by triggers on ``requests`` (see frontdesk/search.py), and filled from the existing requests.

The statements are a frozen copy of ``frontdesk.search.CREATE`` / ``FILL`` / ``DROP`` at this revision: a
later change to the index gets its own migration.

Revision ID: b7c1e5a0d2f4
Revises: c7e2a9d4f1b3
Create Date: 2026-12-01 21:00:00
"""

from __future__ import annotations

from alembic import op

revision = "b7c1e5a0d2f4"
down_revision = "c7e2a9d4f1b3"
branch_labels = None
depends_on = None

CREATE = [
    """CREATE VIRTUAL TABLE request_search USING fts5(receipt_no, nid, name, phone, content = '', tokenize = 'trigram')""",
    """CREATE TRIGGER request_search_ai AFTER INSERT ON requests BEGIN
  INSERT INTO request_search (rowid, receipt_no, nid, name, phone) VALUES (new.rowid, new.receipt_no, new.citizen_nid, new.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(new.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));
END""",
    """CREATE TRIGGER request_search_ad AFTER DELETE ON requests BEGIN
  INSERT INTO request_search (request_search, rowid, receipt_no, nid, name, phone) VALUES ('delete', old.rowid, old.receipt_no, old.citizen_nid, old.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(old.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));
END""",
    """CREATE TRIGGER request_search_au AFTER UPDATE OF receipt_no, citizen_nid, citizen_key, citizen_phone ON requests
WHEN old.receipt_no IS NOT new.receipt_no OR old.citizen_nid IS NOT new.citizen_nid
  OR old.citizen_key IS NOT new.citizen_key OR old.citizen_phone IS NOT new.citizen_phone BEGIN
  INSERT INTO request_search (request_search, rowid, receipt_no, nid, name, phone) VALUES ('delete', old.rowid, old.receipt_no, old.citizen_nid, old.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(old.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));
  INSERT INTO request_search (rowid, receipt_no, nid, name, phone) VALUES (new.rowid, new.receipt_no, new.citizen_nid, new.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(new.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''));
END""",
]

FILL = """INSERT INTO request_search (rowid, receipt_no, nid, name, phone) SELECT rowid, requests.receipt_no, requests.citizen_nid, requests.citizen_key, replace(replace(replace(replace(replace(replace(coalesce(requests.citizen_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '') FROM requests"""

DROP = [
    """DROP TRIGGER IF EXISTS request_search_au""",
    """DROP TRIGGER IF EXISTS request_search_ad""",
    """DROP TRIGGER IF EXISTS request_search_ai""",
    """DROP TABLE IF EXISTS request_search""",
]


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)
    op.execute(FILL)


def downgrade() -> None:
    for statement in DROP:
        op.execute(statement)
