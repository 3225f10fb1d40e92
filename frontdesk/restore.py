"""``frontdesk restore FILE``: put a backup back in place of the desk's database, safely.

1. **The backup is checked** first (integrity, foreign keys, a frontdesk database) with the key kept for
   it, or its recovery code. A backup of another unit or workstation than the database it replaces is
   refused (that would make this desk a copy of another).
2. **What it replaces is read if it can be**: its receipt counter, its enrolment; its WAL is checkpointed.
3. The backup is copied (SQLite's backup API, under the same key) into ``frontdesk.db.restoring`` beside
   the database, migrated to this version's schema if it is older, and **adjusted before it takes the
   database's place**, in one transaction: the receipt counter (below), the enrolment the replaced
   database had (a backup taken before enrolment), the restore state, an audit entry ``restore``.
4. The current database is **kept aside** in ``restore/`` (hard-linked, with its ``-wal``/``-shm`` moved
   along), then the adjusted copy is renamed over it — one rename: a crash leaves either the old database
   or the restored one, never none and never one whose counter was not adjusted.

**The receipt counter: never a number twice.** A citizen holds a printed receipt for every number the
desk gave out, including those given after the backup was taken. So the restored desk's counter becomes:

* the counter of the database it replaces, when that one could be read (exact: it gave out nothing more);
* otherwise, on an enrolled desk, **no new number is given** (intake answers so) until the central system
  has told it the highest counter this workstation ever reported (``POST /v1/restored`` at the next sync):
  then the counter jumps to that plus ``RESTORE_GAP`` — the gap covers numbers given after the desk's last
  push, which nobody but the lost database knew (``--skip N`` instead: give numbers again at once, from
  the backup's counter plus N, for a desk that cannot reach the central system);
* otherwise (an unenrolled desk, nothing to ask): the backup's counter plus ``RESTORE_GAP`` (or ``--skip``).

**A new sync epoch.** Until its first complete sync after the restore the desk pulls its *own* changes
too (``?own=true``; the feed otherwise leaves out what a desk sent itself), from the backup's cursor: the
central system re-sends everything the backup lacks — other desks' changes and this desk's own requests
taken after the backup — and the pull path accepts this desk's own numbers up to the (raised) counter.
Ops still pending in the backup are pushed again and answered ``duplicate`` where the server has them.
The desk's audit trail goes back to the backup's head: the central anchors flag it ``backwards``, and the
restore is in the central audit trail (``desk_restored``) for the IT officer to match.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from . import audit
from .clock import utcnow
from .db import Store
from .dbfiles import check_connection, copy_into, fsync_dir, key_of_file, open_file
from .dbkey import Keys, KeyStore, file_kind
from .errors import Conflict, FrontdeskError, InvalidInput
from .i18n import QT_TRANSLATE_NOOP
from .models import SyncState, Workstation
from .numbering import HOLD_KEY
from .paths import data_home
from .private import secure_dir

log = logging.getLogger(__name__)

DB_NAME = "frontdesk.db"
RESTORE_GAP = 10_000  # numbers skipped when the last ones given out cannot be known (~50 working days of a desk)
MAX_SKIP = 1_000_000
PENDING = "restore_pending"  # "1" until the first complete sync after a restore
COUNTER = "restore_counter"  # "known" | "unknown": whether the counter is certain yet
HOLD = HOLD_KEY  # set: no new receipt number (numbering refuses) until the central system answered
ANNOUNCED = "restore_announced"  # "1" once the central system was told and answered its counter
BACKUP_COUNTER = "restore_backup_counter"
ENROLMENT_KEYS = ("server_url", "workstation_id", "epoch", "ca_bundle")


@dataclass(frozen=True)
class RestoreResult:
    backup: str
    kept_aside: str | None
    unit_code: str
    workstation_code: str
    backup_counter: int
    replaced_counter: int | None
    counter: int
    hold: bool
    enrolled: bool
    requests: int
    replaced_unsent: int | None = None  # ops the replaced database had not sent yet (they stay in its copy)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Replaced:
    counter: int | None = None
    unit: str | None = None
    workstation: str | None = None
    state: dict[str, str | None] | None = None
    unsent: int | None = None


def _read_replaced(path: Path, keys: KeyStore) -> _Replaced:
    """What the database about to be replaced says, if it can be read at all (its WAL checkpointed)."""
    kind = file_kind(path)
    if kind in ("missing", "empty"):
        return _Replaced()
    try:
        if kind == "plain":  # an earlier version's database, never opened by this one
            from .db import connect

            con = connect(path, None)
        else:
            con = open_file(path, key_of_file(path, keys))
    except FrontdeskError as exc:
        log.warning("the database being replaced cannot be opened (%s)", exc.__class__.__name__)
        return _Replaced()
    try:
        row = con.execute("SELECT unit_code, code, receipt_counter FROM workstations WHERE is_local = 1").fetchone()
        state = {k: v for k, v in con.execute("SELECT key, value FROM sync_state").fetchall()}
        unsent = int(con.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return _Replaced(int(row[2]), row[0], row[1], state, unsent) if row else _Replaced(state=state, unsent=unsent)
    except Exception as exc:  # damaged: it is what a restore is for
        log.warning("the database being replaced cannot be read (%s)", exc.__class__.__name__)
        return _Replaced()
    finally:
        con.close()


def restore(
    home: Path | str | None,
    backup: Path,
    *,
    recovery_code: str | None = None,
    skip: int | None = None,
    keys: KeyStore | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    keys = keys if keys is not None else Keys()
    now = now or utcnow()
    home_dir = data_home(home)
    path = home_dir / DB_NAME
    if skip is not None and not 0 <= skip <= MAX_SKIP:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "--skip must be a whole number from 0 to {max}."),
                           field="skip", max=MAX_SKIP)  # fmt: skip
    if backup.resolve() == path.resolve():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is the live database: choose another file."),
                           field="file", path=str(backup))  # fmt: skip
    # 1. the backup
    bkey = key_of_file(backup, keys, recovery_code)
    con = open_file(backup, bkey)
    try:
        checked = check_connection(con, str(backup))
    finally:
        con.close()
    if not checked.ok or checked.unit_code is None or checked.workstation_code is None:
        problem = next((p for p in [*checked.integrity, *checked.foreign_keys] if p != "ok"), "not initialised")
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The backup {file} failed the check ({problem}): nothing was restored."),
            field="file",
            file=backup.name,
            problem=problem[:200],
        )
    # 2. what it replaces
    replaced = _read_replaced(path, keys)
    ours = (checked.unit_code, checked.workstation_code)
    if replaced.unit is not None and (replaced.unit, replaced.workstation) != ours:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "The backup is of workstation {ws} of unit {unit}, this desk is {here}: "
                                        "restoring it here would make this desk a copy of another."),
            ws=checked.workstation_code, unit=checked.unit_code, here=f"{replaced.workstation}/{replaced.unit}",
        )  # fmt: skip
    if keys.get(bkey.key_id) != bkey.secret:  # opened with its recovery code: keep its key for the next start
        keys.put(bkey.key_id, bkey.secret)
    # 3. the copy, adjusted before it takes the database's place
    tmp = path.with_name(path.name + ".restoring")
    for suffix in ("", "-wal", "-shm"):
        tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    home_dir.mkdir(parents=True, exist_ok=True)
    try:
        copy_into(backup, bkey, tmp, bkey)
        store = Store(tmp, keys=keys)
        try:
            result = _adjust(store, backup, replaced, skip, now)
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
    except BaseException:  # nothing of a failed restore stays behind; the database in use is untouched
        for suffix in ("", "-wal", "-shm"):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    # 4. the current database aside, the restored one in its place (one rename)
    aside = None
    if file_kind(path) not in ("missing", "empty"):
        aside_dir = secure_dir(home_dir / "restore")
        stamp = now.strftime("%Y%m%d-%H%M%S")
        aside = aside_dir / f"frontdesk-{stamp}-replaced.db"
        n = 1
        while any(aside.with_name(aside.name + x).exists() for x in ("", "-wal", "-shm")):
            n += 1
            aside = aside_dir / f"frontdesk-{stamp}-replaced-{n}.db"
        for suffix in ("-wal", "-shm"):
            old = path.with_name(path.name + suffix)
            if old.exists():
                os.replace(old, aside.with_name(aside.name + suffix))
        try:
            os.link(path, aside)
        except OSError:  # a file system without hard links: a copy (the database is not in use: close the app)
            import shutil

            shutil.copy2(path, aside)
    os.replace(tmp, path)
    fsync_dir(home_dir)
    log.info("restored from %s (counter %d -> %d)", backup.name, result.backup_counter, result.counter)
    return RestoreResult(**{**result.as_dict(), "kept_aside": str(aside) if aside else None,
                            "replaced_unsent": replaced.unsent})  # fmt: skip


def _adjust(store: Store, backup: Path, replaced: _Replaced, skip: int | None, now: dt.datetime) -> RestoreResult:
    from .replication import set_state

    with store.write() as s:
        ws = s.scalars(select(Workstation).where(Workstation.is_local)).one()
        state = {r.key: r.value for r in s.scalars(select(SyncState))}
        if not state.get("workstation_id") and replaced.state and replaced.state.get("workstation_id"):
            for key in ENROLMENT_KEYS:  # enrolled after the backup was taken: the enrolment stays
                set_state(s, key, replaced.state.get(key))
                state[key] = replaced.state.get(key)
            set_state(s, "cursor", "0")
        enrolled = bool(state.get("workstation_id"))
        b = ws.receipt_counter
        hold = False
        if replaced.counter is not None:
            counter, known = max(b, replaced.counter), True
        elif skip is not None:
            counter, known = b + skip, False
        elif enrolled:
            counter, known, hold = b, False, True
        else:
            counter, known = b + RESTORE_GAP, True  # nothing will ever tell more: the gap is the answer
        ws.receipt_counter = counter
        for key, value in ((PENDING, "1" if enrolled else None), (COUNTER, "known" if known else "unknown"),
                           (HOLD, "restore" if hold else None), ("restored_at", now.isoformat(timespec="seconds")),
                           (ANNOUNCED, None), (BACKUP_COUNTER, str(b)), ("clone_suspected", None),
                           ("last_error", None)):  # fmt: skip
            set_state(s, key, value)
        requests = int(s.execute(text("SELECT count(*) FROM requests")).scalar() or 0)
        audit.append(s, actor=None, workstation_code=ws.code, action="restore", subject=backup.name[:64],
                     details={"backup_counter": b, "replaced_counter": replaced.counter, "counter": counter,
                              "hold": hold, "skip": skip}, now=now)  # fmt: skip
        return RestoreResult(str(backup), None, ws.unit_code, ws.code, b, replaced.counter, counter, hold, enrolled,
                             requests)  # fmt: skip


# ------------------------------------------------------------------------------------------ after, at sync


def pending(store: Store) -> dict[str, str | None] | None:
    """The restore state while the first sync after a restore has not completed (None otherwise)."""
    with store.read() as s:
        keys = (PENDING, COUNTER, HOLD, ANNOUNCED, BACKUP_COUNTER)
        rows = s.scalars(select(SyncState).where(SyncState.key.in_(keys)))
        state = {r.key: r.value for r in rows}
    return state if state.get(PENDING) else None


def learn_central_counter(store: Store, highest: int) -> int:
    """The central system's highest counter for this workstation: the counter rises to at least it (plus
    ``RESTORE_GAP`` while the counter was not certain), and new numbers may be given again."""
    from .limits import MAX_COUNTER
    from .replication import set_state

    with store.write() as s:
        ws = s.scalars(select(Workstation).where(Workstation.is_local)).one()
        known = s.get(SyncState, COUNTER)
        certain = known is not None and known.value == "known"
        floor = highest if certain else highest + RESTORE_GAP
        ws.receipt_counter = min(max(ws.receipt_counter, floor), MAX_COUNTER)
        set_state(s, COUNTER, "known")
        set_state(s, HOLD, None)
        set_state(s, ANNOUNCED, "1")
        audit.append(s, actor=None, workstation_code=ws.code, action="restore", subject="central_counter",
                     details={"highest_seen": highest, "counter": ws.receipt_counter})  # fmt: skip
        return ws.receipt_counter


def finish(store: Store) -> None:
    """The first complete sync after the restore is done: the desk pulls as usual again."""
    from .replication import set_state

    with store.write() as s:
        set_state(s, PENDING, None)


__all__ = ["RESTORE_GAP", "RestoreResult", "finish", "learn_central_counter", "pending", "restore"]
