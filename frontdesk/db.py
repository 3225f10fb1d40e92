"""Engine, sessions and migrations of the local SQLite store, encrypted at rest with SQLCipher.

The desk's database is a SQLCipher 4 file (``sqlcipher3``, the DB-API binding with SQLCipher built in):
every page AES-256 encrypted and HMAC-SHA512 authenticated, the key from :mod:`frontdesk.dbkey` (found
by the salt in the file's first bytes, kept in the OS keyring). A plain SQLite file of an earlier version
is encrypted when it is first opened, after an (encrypted) backup (:mod:`frontdesk.dbfiles`). Files are
private to the account (:mod:`frontdesk.private`): the database is created ``0600`` and SQLite gives its
``-wal``/``-shm`` files the same mode; a data directory left wider by an earlier version is narrowed.

Pragmas: WAL, ``synchronous=FULL`` (a printed receipt is a promise), ``foreign_keys=ON``,
``busy_timeout``. The driver runs in autocommit mode so that SQLAlchemy's ``begin`` event decides how a
transaction starts: ``Store.write()`` begins with ``BEGIN IMMEDIATE`` (takes the write lock up front, so
two writers never deadlock on a lock upgrade), ``Store.read()`` with a plain deferred ``BEGIN``.
``Store(path, encrypted=False)`` opens a plain SQLite file with the standard library's driver: for the
benchmarks' comparison only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from .dbkey import DbKey, Keys, KeyStore, WrongKey, file_kind, key_for
from .i18n import QT_TRANSLATE_NOOP
from .private import create_private, tighten_home

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).parent / "migrations"


def connect(path: Path | str, key: DbKey | None, *, timeout: float = BUSY_TIMEOUT_MS / 1000) -> Any:
    """A DB-API connection to ``path``: SQLCipher with ``key``, the standard library's SQLite without.
    Usable from any thread (one thread at a time: the pool hands it out)."""
    if key is None:
        return sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    con = sqlcipher.connect(str(path), timeout=timeout, check_same_thread=False)
    keyed(con, key)
    return con


HMAC_ALGORITHM = "HMAC_SHA256"
# SQLCipher decrypts and authenticates a page each time it enters SQLite's page cache (the OS cache holds
# only ciphertext), so the default 2 MiB cache made every worklist count over 200,000 requests decrypt its
# index again (status filter 690 ms against 42 ms plain, bench/ui.py). 64 MiB per connection keeps the
# worklist's indexes decrypted after their first read; the cache grows only as pages are read.
CIPHER_CACHE_KIB = 65_536


def keyed(con: Any, key: DbKey) -> None:
    """Give a fresh SQLCipher connection its key and this app's cipher settings: SQLCipher 4's defaults
    (AES-256-CBC, 4 KiB pages, a random IV per page) with the pages authenticated by HMAC-SHA256 instead of
    -SHA512 (an intake writes ~30 pages; on the counter PCs' CPUs SHA-256 costs a third less per page,
    measured in bench/intake.py). The same setting is made the default for databases attached to it."""
    con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to word, not a stderr line
    con.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC_ALGORITHM}")
    con.execute(f'PRAGMA key = "{key.pragma()}"')
    con.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC_ALGORITHM}")


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the begin event below issue BEGIN
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _cipher_cache(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute(f"PRAGMA cache_size = -{CIPHER_CACHE_KIB}")


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path | str, key: DbKey | None = None) -> Engine:
    """The engine of the database at ``path``: encrypted with ``key``, plain without (benchmarks and
    tests that build an old, plain database)."""
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher if key is not None else sqlite3,
                           creator=lambda: connect(path, key))  # fmt: skip
    event.listen(engine, "connect", _on_connect)
    if key is not None:  # not in keyed(): a file opened with a wrong key must fail at its first read (open_file)
        event.listen(engine, "connect", _cipher_cache)
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


def backup_to(engine: Engine, target: Path, key: DbKey | None) -> Path:
    """Online, consistent copy of the database (SQLite backup API), safe while others write; encrypted
    with the same key (a copy of this desk's database opens with this desk's key), private to the account,
    written beside the target and renamed into place (no half-written backup under the target's name)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    try:
        raw = engine.raw_connection()
        try:
            dst = connect(tmp, key)
            try:
                raw.driver_connection.backup(dst)  # type: ignore[union-attr]
            finally:
                dst.close()
        finally:
            raw.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def migrate(engine: Engine, db_path: Path, key: DbKey | None = None) -> Path | None:
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
        backups = db_path.parent / "backups"
        backups.mkdir(mode=0o700, exist_ok=True)
        backup = backup_to(engine, backups / f"{db_path.stem}-{stamp}-{current}.db", key)
        log.info("database backed up to %s before migrating %s -> %s", backup, current, head)
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return backup


class Store:
    """The local database of one workstation: an engine and sessions for reading and for writing.

    Opening it makes the data directory private (``0700``, the database files ``0600``), then finds the
    key: a new database gets a new key, kept in ``keys`` (the OS keyring) and in ``created_key`` so that
    ``init`` can show its recovery code once; a plain database of an earlier version is encrypted (after
    an encrypted backup, ``encrypted_backup``); an encrypted one is opened with the key kept for its salt.
    """

    def __init__(self, path: Path | str, *, migrate_schema: bool = True, key: DbKey | None = None,
                 keys: KeyStore | None = None, encrypted: bool = True) -> None:  # fmt: skip
        self.path = Path(path)
        tighten_home(self.path.parent, self.path.name)
        self.keys: KeyStore = keys if keys is not None else Keys()
        self.created_key: DbKey | None = None
        self.key_kept_in: str | None = None
        self.encrypted_backup: Path | None = None
        if encrypted:
            kind = file_kind(self.path)
            if key is None and kind in ("missing", "empty"):
                key = DbKey.new()
                self.key_kept_in = self.keys.put(key.key_id, key.secret)
                self.created_key = key
            elif key is None and kind == "plain":
                from .dbfiles import encrypt_plain_database

                key = DbKey.new()
                self.key_kept_in = self.keys.put(key.key_id, key.secret)
                self.created_key = key
                self.encrypted_backup = encrypt_plain_database(self.path, key)
            elif key is None:
                key = key_for(self.path, self.keys)
            if kind in ("missing", "empty"):
                create_private(self.path)  # before SQLite creates it wider; -wal/-shm take its mode
        self.key = key
        self.engine = make_engine(self.path, key)
        _check_opens(self.engine, self.path)
        self.last_backup: Path | None = None
        if migrate_schema:
            self.last_backup = migrate(self.engine, self.path, key)
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
            dbapi: Any = raw.driver_connection
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
        return backup_to(self.engine, target, self.key)

    def close(self) -> None:
        self.engine.dispose()


def _check_opens(engine: Engine, path: Path) -> None:
    """Read the schema once: a wrong key (or a file that is no database) is one clear error, not a
    traceback at the first query."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseError as exc:
        engine.dispose()
        if "not a database" in str(exc.orig) or "encrypted" in str(exc.orig):
            raise WrongKey(
                QT_TRANSLATE_NOOP("errors", "{file} does not open with this key, or it is not a frontdesk database."),
                file=path.name,
            ) from None
        raise


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
        dbapi: Any = session.connection().connection.driver_connection
        cur = dbapi.cursor()
        session.info["raw_cursor"] = (tx, cur)
        return cur

    def insert(self, cursor: sqlite3.Cursor, table: Any, values: dict[str, Any]) -> None:
        sql, columns = self.insert_sql(table)
        cursor.execute(sql, [proc(values.get(name)) if proc else values.get(name) for name, proc in columns])


RAW = RawStatements(sqlite_dialect.dialect())
