"""Engine, sessions and migrations of the central database (SQLite or PostgreSQL, the same code).

SQLite: WAL, ``synchronous=FULL``, ``foreign_keys=ON``, ``busy_timeout``; writes begin with
``BEGIN IMMEDIATE`` (one writer at a time, taken up front). PostgreSQL (``postgresql+psycopg://``):
READ COMMITTED; writers serialise per unit on the ``unit_counters`` row (``SELECT … FOR UPDATE``).
The schema is brought to head by Alembic whenever a :class:`Database` is opened.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from frontdesk.clock import utcnow, uuid7

from .models import Change, Epoch, ServerState, UnitCounter

if TYPE_CHECKING:
    from alembic.config import Config

ENV_DB = "FRONTDESK_CENTRAL_DB"
DEFAULT_DB = "sqlite:///frontdesk-central.db"
VERSION_TABLE = "alembic_version_central"
MIGRATIONS = Path(__file__).parent / "migrations"
# The head of migrations/versions. Opening an up-to-date database then needs no Alembic import (a
# command starts faster); tests/central/test_migrations.py checks it equals the scripts' head.
HEAD = "c0006"
BUSY_TIMEOUT_MS = 15_000


def resolve_url(url: str | None = None) -> str:
    """``--db`` first, then ``FRONTDESK_CENTRAL_DB``, then a SQLite file in the working directory.
    ``postgresql://`` and ``postgres://`` mean the psycopg 3 driver."""
    url = url or os.environ.get(ENV_DB) or DEFAULT_DB
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the begin event below issues BEGIN
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # as many connections as the thread pool runs requests at once (anyio's 40 threads): a burst of pushes
    # from many desks does not open and close a connection each
    return create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=20)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_table", VERSION_TABLE)
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
        return rows[0] if len(rows) == 1 else None


def migrate(engine: Engine) -> None:
    if current_revision(engine) != HEAD:
        from alembic import command

        command.upgrade(alembic_config(engine), "head")


class Database:
    """The central database: an engine, read and write sessions, and the per-unit sequence."""

    def __init__(self, url: str | None = None, *, migrate_schema: bool = True) -> None:
        self.url = resolve_url(url)
        self.engine = make_engine(self.url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if migrate_schema:
            migrate(self.engine)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False)
        if migrate_schema:
            self._ensure_state()

    def _ensure_state(self) -> None:
        with self.read() as s:
            if s.get(ServerState, 1) is not None:
                return
        with self.write() as s:
            if s.get(ServerState, 1) is None:
                now = utcnow()
                first = uuid7()
                s.add(ServerState(id=1, epoch=first, created_at=now, epoch_changed_at=now))
                s.add(Epoch(epoch=first, started_at=now))

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work (``BEGIN IMMEDIATE`` on SQLite): commits on success, rolls back on error."""
        with self._writer() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def epoch(s: Session) -> str:
    return s.scalars(select(ServerState.epoch).where(ServerState.id == 1)).one()


def new_epoch(s: Session) -> str:
    """A new epoch (after a restore): the old one ends now and stays in the history."""
    value = uuid7()
    now = utcnow()
    old = epoch(s)
    s.execute(update(ServerState).where(ServerState.id == 1).values(epoch=value, epoch_changed_at=now))
    s.execute(update(Epoch).where(Epoch.epoch == old).values(ended_at=now))
    if s.get(Epoch, old) is None:
        s.add(Epoch(epoch=old, started_at=now, ended_at=now))
    s.add(Epoch(epoch=value, started_at=now))
    return value


def lock_unit(s: Session, unit_code: str) -> int:
    """Take the unit's write lock (its counter row, ``FOR UPDATE``; on SQLite the ``BEGIN IMMEDIATE``
    transaction already holds the database's only write lock) and return its last sequence number."""
    stmt = select(UnitCounter.last_seq).where(UnitCounter.unit_code == unit_code).with_for_update()
    return s.scalars(stmt).one()


def next_seq(s: Session, unit_code: str) -> int:
    """The next change sequence number of the unit, inside the caller's (locking) transaction."""
    row = s.execute(
        text("UPDATE unit_counters SET last_seq = last_seq + 1 WHERE unit_code = :u RETURNING last_seq"),
        {"u": unit_code},
    ).one()
    return int(row[0])


def add_change(s: Session, unit_code: str, kind: str, payload: dict[str, Any], origin: str | None) -> int:
    """One change of the unit's pull feed, numbered now (inside the caller's locking transaction)."""
    seq = next_seq(s, unit_code)
    s.add(Change(unit_code=unit_code, seq=seq, kind=kind, payload=payload, origin=origin, created_at=utcnow()))
    return seq
