"""The database key's life after it is made (:mod:`frontdesk.dbkey`): the recovery code shown at ``init``,
putting a lost key back from its recovery code, and the escrow payload an enrolled desk sends.

Every use is recorded in the desk's audit trail (action ``key``) — never the code itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from . import audit
from .db import Store
from .dbfiles import open_file
from .dbkey import DbKey, Keys, KeyStore, WrongKey, decode_recovery, file_kind, salt_of
from .i18n import QT_TRANSLATE_NOOP
from .paths import data_home

log = logging.getLogger(__name__)
DB_NAME = "frontdesk.db"


def _record(store: Store, what: str) -> None:
    with store.write() as s:
        audit.append(s, actor=None, workstation_code=audit.local_workstation_code(s), action="key", subject=what,
                     details={"key_id": store.key.key_id[:8] if store.key else None})  # fmt: skip


def recovery_code_at_init(store: Store) -> str | None:
    """The recovery code to show once, when ``init`` sets the workstation up (None for a plain store)."""
    if store.key is None:
        return None
    _record(store, "recovery_code_shown")
    return store.key.recovery_code()


def show_recovery_code(store: Store) -> str:
    """The recovery code of this desk's database, for an IT officer who did not keep it (recorded)."""
    if store.key is None:
        raise WrongKey(QT_TRANSLATE_NOOP("errors", "{file} is not encrypted: it is not a backup of this version."),
                       file=store.path.name)  # fmt: skip
    _record(store, "recovery_code_shown")
    return store.key.recovery_code()


def recover_key(home: Path | str | None, code: str, *, file: Path | None = None,
                keys: KeyStore | None = None) -> str:  # fmt: skip
    """Put the key of a database back where it is kept, from its recovery code (after the OS keyring was
    reset, or on a new computer with the data directory restored). Checks that the code opens the file
    first; returns where the key is now kept."""
    path = file or data_home(home) / DB_NAME
    if file_kind(path) != "encrypted":
        raise WrongKey(QT_TRANSLATE_NOOP("errors", "{file} is not a frontdesk database."), file=path.name)
    key = DbKey(decode_recovery(code), salt_of(path))
    open_file(path, key).close()  # WrongKey when the code is not this database's
    kept = keys if keys is not None else Keys()
    where = kept.put(key.key_id, key.secret)
    if file is None:
        store = Store(path, keys=kept)
        try:
            _record(store, "recovered")
        finally:
            store.close()
    log.info("database key %s… put back from its recovery code", key.key_id[:8])
    return where


def escrow_secret(store: Store) -> str | None:
    """What an enrolled desk gives the central system to keep: its recovery code (None for a plain store)."""
    return store.key.recovery_code() if store.key is not None else None


__all__ = ["escrow_secret", "recover_key", "recovery_code_at_init", "show_recovery_code"]
