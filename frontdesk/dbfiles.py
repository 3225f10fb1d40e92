"""The desk's database as files: encrypting a plain one of an earlier version, checking one (the live
database or a backup) without raw ``sqlite3``, and copying one under this desk's key.

Every file written here is private (``0600``), written beside its target and renamed into place, so a
crash never leaves a half-written file under a real name.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from .dbkey import DbKey, KeyStore, WrongKey, decode_recovery, file_kind, key_for, salt_of
from .i18n import QT_TRANSLATE_NOOP
from .private import create_private, secure_dir, secure_file

log = logging.getLogger(__name__)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; a no-op elsewhere)."""
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _export(source: Path, target: Path, key: DbKey, source_key: DbKey | None = None) -> None:
    """Write ``source`` (plain, or encrypted with ``source_key``) into ``target``, encrypted with ``key``
    (``sqlcipher_export``: schema, data and ``user_version``)."""
    target.unlink(missing_ok=True)
    create_private(target)
    from .db import HMAC_ALGORITHM, keyed

    con = sqlcipher.connect(str(source), isolation_level=None)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC_ALGORITHM}")  # for the attached copy
        if source_key is not None:
            keyed(con, source_key)
        con.execute("PRAGMA busy_timeout = 10000")
        if con.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("ATTACH DATABASE ? AS enc KEY ?", (str(target), key.pragma()))
        con.execute("SELECT sqlcipher_export('enc')")
        version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
        con.execute(f"PRAGMA enc.user_version = {version}")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()
    _fsync(target)


def encrypt_plain_database(path: Path, key: DbKey) -> Path:
    """Encrypt a plain SQLite database of an earlier version in place, with ``key``.

    First an encrypted copy is written beside it; that copy is also kept in ``backups/`` (the backup taken
    before any migration, encrypted like the rest); backups an earlier version left there in clear are
    encrypted too; then the copy replaces the database (one rename). Until that rename the plain database
    is untouched: a crash half-way leaves it as it was, and the next start does it again. Returns the
    backup's path. (The plain bytes are unlinked, not overwritten: on an SSD no program can promise to
    erase them — docs/operations.md.)"""
    tmp = path.with_name(path.name + ".encrypting")
    _export(path, tmp, key)
    backups = secure_dir(path.parent / "backups")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = backups / f"{path.stem}-{stamp}-plain.db"
    part = backup.with_name(backup.name + ".part")
    create_private(part)
    shutil.copyfile(tmp, part)
    _fsync(part)
    part.replace(backup)
    for old in sorted(backups.glob("*.db")):
        if old != backup and file_kind(old) == "plain":
            _export(old, old.with_name(old.name + ".encrypting"), key)
            old.with_name(old.name + ".encrypting").replace(old)
            log.info("an earlier backup was encrypted: %s", old.name)
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    fsync_dir(path.parent)
    log.info("the database was encrypted (a copy of it is in %s)", backup.name)
    return backup


def copy_into(source: Path, source_key: DbKey, target: Path, key: DbKey) -> None:
    """Copy the database ``source`` (opened with ``source_key``) to a new private file ``target``
    encrypted with ``key`` (SQLite's backup API: page by page, consistent)."""
    from .db import connect

    target.unlink(missing_ok=True)
    create_private(target)
    src = connect(source, source_key)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(target)
    secure_file(target)


# ------------------------------------------------------------------------------------------ checking


@dataclass
class CheckResult:
    """What ``frontdesk check`` found: SQLite's integrity check, its foreign-key check, the schema."""

    file: str
    ok: bool
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    schema_revision: str | None = None
    unit_code: str | None = None
    workstation_code: str | None = None
    receipt_counter: int | None = None
    requests: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


MAX_PROBLEMS = 50


def check_connection(con: Any, file: str) -> CheckResult:
    """Integrity and foreign keys of the database behind a DB-API connection (read only); a file damaged
    beyond what the checks can read is a failed check, not an error."""
    try:
        return _check(con, file)
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        return CheckResult(file=file, ok=False, integrity=[f"cannot be read: {exc}"])


def _check(con: Any, file: str) -> CheckResult:
    integrity = [str(r[0]) for r in con.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()]
    fks = [f"{r[0]} row {r[1]} -> {r[2]}" for r in con.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS)]
    result = CheckResult(file=file, ok=integrity == ["ok"] and not fks, integrity=integrity, foreign_keys=fks)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        result.schema_revision = row[0] if row else None
    if "workstations" in tables:
        row = con.execute("SELECT unit_code, code, receipt_counter FROM workstations WHERE is_local = 1").fetchone()
        if row:
            result.unit_code, result.workstation_code, result.receipt_counter = row[0], row[1], int(row[2])
    if "requests" in tables:
        result.requests = int(con.execute("SELECT count(*) FROM requests").fetchone()[0])
    if not {"alembic_version", "workstations", "requests"} <= tables:
        result.ok = False
        result.integrity.append("not a frontdesk database (its tables are missing)")
    return result


def key_of_file(path: Path, keys: KeyStore, recovery_code: str | None = None) -> DbKey:
    """The key of a database file: from its recovery code when one is given, else the one kept for the
    salt in its first bytes (any copy of this desk's database)."""
    kind = file_kind(path)
    if kind in ("missing", "empty"):
        raise WrongKey(QT_TRANSLATE_NOOP("errors", "{file} is not a frontdesk database."), file=path.name)
    if kind == "plain":
        raise WrongKey(
            QT_TRANSLATE_NOOP("errors", "{file} is not encrypted: it is not a backup of this version."), file=path.name
        )
    if recovery_code is not None:
        return DbKey(decode_recovery(recovery_code), salt_of(path))
    return key_for(path, keys)


def open_file(path: Path, key: DbKey) -> Any:
    """A connection to a database file with ``key``; :class:`WrongKey` when it does not open."""
    from .db import connect

    con = connect(path, key)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        con.close()
        raise WrongKey(
            QT_TRANSLATE_NOOP("errors", "{file} does not open with this key, or it is not a frontdesk database."),
            file=path.name,
        ) from None
    return con


def open_kept(path: Path | str, keys: KeyStore | None = None) -> Any:
    """A DB-API connection to a copy of this desk's database, with the key kept for it (tools, tests)."""
    from .dbkey import Keys

    p = Path(path)
    return open_file(p, key_of_file(p, keys if keys is not None else Keys()))


def check_file(path: Path, keys: KeyStore, recovery_code: str | None = None) -> CheckResult:
    """Check a database file (a backup, or a copy) with the key kept for it or its recovery code."""
    con = open_file(path, key_of_file(path, keys, recovery_code))
    try:
        return check_connection(con, str(path))
    finally:
        con.close()


__all__ = [
    "CheckResult",
    "check_connection",
    "check_file",
    "copy_into",
    "encrypt_plain_database",
    "key_of_file",
    "open_file",
    "open_kept",
]
