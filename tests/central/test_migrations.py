"""The central schema comes only from its Alembic history, and that history equals the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from frontdesk.central import db as central_db
from frontdesk.central.models import Base


def test_upgrade_head_equals_the_models(db_url: str) -> None:
    database = central_db.Database(db_url)
    try:
        assert central_db.current_revision(database.engine) == central_db.head_revision() == central_db.HEAD
        tables = set(inspect(database.engine).get_table_names())
        assert central_db.VERSION_TABLE in tables and "alembic_version" not in tables
        with database.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"version_table": central_db.VERSION_TABLE, "compare_type": True}
            )
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
        # opening again does not migrate or change the epoch
        with database.read() as s:
            first = central_db.epoch(s)
    finally:
        database.close()
    again = central_db.Database(db_url)
    try:
        with again.read() as s:
            assert central_db.epoch(s) == first
    finally:
        again.close()


def test_database_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(central_db.ENV_DB, raising=False)
    assert central_db.resolve_url(None) == "sqlite:///frontdesk-central.db"
    monkeypatch.setenv(central_db.ENV_DB, "postgresql://u:p@h/db")
    assert central_db.resolve_url(None) == "postgresql+psycopg://u:p@h/db"
    assert central_db.resolve_url("sqlite:///x.db") == "sqlite:///x.db"
