"""The reference central server of the sync protocol (docs/central.md, docs/sync-protocol.md).

FastAPI over SQLAlchemy 2.0; SQLite for development and tests, PostgreSQL in production. Nothing here
imports Qt or the workstation's local store (``frontdesk.db`` / ``frontdesk.models``).
"""
