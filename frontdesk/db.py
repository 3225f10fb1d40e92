"""Engine, sessions and migrations of the local SQLite store.

Pragmas: WAL, ``synchronous=FULL`` (a printed receipt is a promise), ``foreign_keys=ON``,
``busy_timeout``. The driver runs in autocommit mode so that SQLAlchemy's ``begin`` event decides how a
transaction starts: ``Store.write()`` begins with ``BEGIN IMMEDIATE`` (takes the write lock up front, so
two writers never deadlock on a lock upgrade), ``Store.read()`` with a plain deferred ``BEGIN``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).parent / "migrations"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the begin event below issue BEGIN
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # Alembic loads only when a migration has to run (start-up time)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


_REVISION_RE = re.compile(r"^revision\s*=\s*['\"](\w+)['\"]", re.M)
_DOWN_RE = re.compile(r"^down_revision\s*=\s*(?:None|['\"](\w+)['\"])", re.M)


def head_revision() -> str | None:
    """The newest migration, read from the version files without importing Alembic (a linear history:
    the one revision no other revises). Falls back to Alembic for anything else."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for f in (MIGRATIONS / "versions").glob("*.py"):
        body = f.read_text(encoding="utf-8")
        rev, down = _REVISION_RE.search(body), _DOWN_RE.search(body)
        if rev is None or down is None:
            break
        revisions.add(rev.group(1))
        if down.group(1):
            revised.add(down.group(1))
    else:
        heads = revisions - revised
        if len(heads) == 1:
            return heads.pop()
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"))
        if exists.first() is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_to(engine: Engine, target: Path) -> Path:
    """Online, consistent copy of the database (SQLite backup API), safe while others write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        src = raw.driver_connection
        assert isinstance(src, sqlite3.Connection)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        raw.close()
    tmp.replace(target)
    return target


def migrate(engine: Engine, db_path: Path) -> Path | None:
    """Bring the schema to head. An existing database is backed up before any migration runs.

    Returns the backup path, or ``None`` when nothing had to be migrated or the database was new.
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    backup: Path | None = None
    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_to(engine, db_path.parent / "backups" / f"{db_path.stem}-{stamp}-{current}.db")
        log.info("database backed up to %s before migrating %s -> %s", backup, current, head)
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return backup


class Store:
    """The local database of one workstation: an engine and sessions for reading and for writing."""

    def __init__(self, path: Path | str, *, migrate_schema: bool = True) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.path)
        self.last_backup: Path | None = None
        if migrate_schema:
            self.last_backup = migrate(self.engine, self.path)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work in ``BEGIN IMMEDIATE``: commits on success, rolls back on any error."""
        with self._writer() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def raw_write(self) -> Iterator[RawTx]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` on a pooled DB-API connection (same pragmas), rolled back on
        any error. For code whose statements all run on ``RAW.cursor`` (the intake)."""
        raw = self.engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            assert isinstance(dbapi, sqlite3.Connection)
            cur = dbapi.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield RawTx(cur)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
        finally:
            raw.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def backup(self, target: Path) -> Path:
        return backup_to(self.engine, target)

    def close(self) -> None:
        self.engine.dispose()


RAW: RawStatements


class RawTx:
    """A write transaction held directly on the DB-API connection (``Store.raw_write``): the intake hot
    path, whose every statement already runs on the cursor, without the ORM session around it."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor


class RawStatements:
    """Pre-built INSERT statements run on the DB-API cursor of the current transaction.

    For the intake hot path only: SQLAlchemy Core spends more time building and caching a statement
    than SQLite spends executing it (measured in bench/intake.py). The SQL and the value encoders come
    from the models' own ``Table`` objects and the SQLite dialect's type processors, so the schema and
    the storage formats stay defined in one place (models.py); rows written here read back through the
    ORM unchanged.
    """

    def __init__(self, dialect: Any) -> None:
        self.dialect = dialect
        self._inserts: dict[str, tuple[str, list[tuple[str, Any]]]] = {}

    def insert_sql(self, table: Any) -> tuple[str, list[tuple[str, Any]]]:
        built = self._inserts.get(table.name)
        if built is None:
            cols = list(table.columns)
            sql = (
                f"INSERT INTO {table.name} ({', '.join(c.name for c in cols)}) VALUES ({', '.join('?' for _ in cols)})"
            )
            built = (sql, [(c.name, c.type.bind_processor(self.dialect)) for c in cols])
            self._inserts[table.name] = built
        return built

    def encode(self, column: Any, value: Any) -> Any:
        proc = column.type.bind_processor(self.dialect)
        return proc(value) if proc else value

    @staticmethod
    def cursor(session: Session | RawTx) -> sqlite3.Cursor:
        """A DB-API cursor inside ``session``'s current transaction (one per transaction, kept in
        ``session.info``; asking SQLAlchemy for the connection each time costs more than the insert)."""
        if isinstance(session, RawTx):
            return session.cursor
        tx = session.get_transaction()
        cached = session.info.get("raw_cursor")
        if cached is not None and cached[0] is tx:
            return cached[1]
        dbapi = session.connection().connection.driver_connection
        assert isinstance(dbapi, sqlite3.Connection)
        cur = dbapi.cursor()
        session.info["raw_cursor"] = (tx, cur)
        return cur

    def insert(self, cursor: sqlite3.Cursor, table: Any, values: dict[str, Any]) -> None:
        sql, columns = self.insert_sql(table)
        cursor.execute(sql, [proc(values.get(name)) if proc else values.get(name) for name, proc in columns])


RAW = RawStatements(sqlite_dialect.dialect())
