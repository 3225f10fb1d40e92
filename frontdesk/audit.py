"""Hash-chained audit trail of who did what on this workstation, and its verification.

Each ``audit_log`` row carries ``hash = SHA-256(canonical JSON of [seq, id, time, actor, workstation,
action, subject, details, prev_hash])`` where ``prev_hash`` is the previous row's ``hash`` (64 zeros for
the first row). Editing a row's content breaks its own hash; deleting a row leaves a gap in ``seq`` (the
table is ``AUTOINCREMENT``: a seq is never reused) and breaks the next row's link; inserting a row breaks
the link of the row after it; editing a stored hash breaks that row. ``verify`` walks the chain and
reports the first broken link.

What the chain does *not* prove: someone with write access to the database file can rewrite the whole
chain from the edit onwards. Anchor the head (``head()``) somewhere else — the central system, a printed
daily report — to detect that too.

Details carry no personal data beyond receipt numbers and usernames: never personal numbers, names or
phones (``append`` refuses such keys).

``append`` runs inside the caller's write transaction (``Store.write()``, ``BEGIN IMMEDIATE``), so reading
the last hash and inserting the next row are serialised with every other writer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from .clock import utcnow, uuid7
from .db import RAW, RawTx
from .deadlines import OFFICE_TZ
from .i18n import QT_TRANSLATE_NOOP
from .models import AuditEntry

GENESIS = "0" * 64
ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "intake",
    "status",
    "reassign",
    "deliver",
    "void",
    "print",
    "catalog_import",
    "catalog_change",
    "user_add",
    "user_change",
    "password_change",
    "note",
    "survey",
    "backup",
    "sync",
    "key",
    "restore",
)
# Keys that would carry personal data into the trail (checked at any depth of ``details``).
FORBIDDEN_KEYS = frozenset(
    {
        "nid",
        "citizen_nid",
        "personal_number",
        "name",
        "full_name",
        "citizen_name",
        "phone",
        "citizen_phone",
        "password",
        "password_hash",
        "text",
    }
)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None
    reason: str | None


@dataclass(frozen=True)
class AuditView:
    seq: int
    id: str
    time: dt.datetime
    actor: str | None
    workstation_code: str
    action: str
    subject: str | None
    details: dict[str, Any]
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "time": self.time.isoformat()}


def _check_details(details: Mapping[str, Any], path: str = "") -> None:
    for key, value in details.items():
        if key.lower() in FORBIDDEN_KEYS:
            raise ValueError(f"audit details must not carry personal data: key {path}{key!r}")
        if isinstance(value, Mapping):
            _check_details(value, f"{path}{key}.")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compute_hash(
    seq: int,
    entry_id: str,
    time: dt.datetime,
    actor: str | None,
    workstation_code: str,
    action: str,
    subject: str | None,
    details: Mapping[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 hex of the canonical JSON (sorted keys, no spaces, UTF-8) of the row's content."""
    payload = [seq, entry_id, time.isoformat(), actor, workstation_code, action, subject, details, prev_hash]
    return hashlib.sha256(_canonical(payload).encode("utf-8")).hexdigest()


def _naive_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _sequence_high(session: Session) -> int:
    """The highest seq ever handed out (SQLite's AUTOINCREMENT memory), 0 for an empty trail."""
    row = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).first()
    return int(row[0]) if row else 0


def append(
    session: Session | RawTx,
    *,
    actor: str | None,
    workstation_code: str,
    action: str,
    subject: str | None,
    details: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Add one entry at the end of the chain, in the caller's (write) transaction."""
    if not action:
        raise ValueError("an audit entry needs an action")
    clean: dict[str, Any] = json.loads(_canonical(details or {}))  # what the JSON column will give back
    _check_details(clean)
    time = _naive_utc(now or utcnow())
    # On the DB-API cursor of the caller's transaction: this runs inside every intake (see db.RawStatements).
    cur = RAW.cursor(session)
    last = cur.execute(_LAST_SQL).fetchone()
    high = cur.execute(_HIGH_SQL).fetchone()
    prev_hash = last[1] if last else GENESIS
    seq = max(last[0] if last else 0, high[0] if high else 0) + 1
    entry_id = uuid7()
    RAW.insert(cur, AuditEntry.__table__, {
        "seq": seq, "id": entry_id, "time": time, "actor": actor, "workstation_code": workstation_code,
        "action": action, "subject": subject, "details": clean, "prev_hash": prev_hash,
        "hash": compute_hash(seq, entry_id, time, actor, workstation_code, action, subject, clean, prev_hash),
    })  # fmt: skip


_LAST_SQL = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
_HIGH_SQL = "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"


def local_workstation_code(session: Session) -> str:
    """This workstation's code, for entries written outside a signed-in actor (``-`` before init)."""
    code = session.execute(text("SELECT code FROM workstations WHERE is_local = 1")).scalar()
    return str(code) if code else "-"


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the last entry — the value to anchor elsewhere; (0, 64 zeros) when empty."""
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (last.seq, last.hash) if last else (0, GENESIS)


_GAP = QT_TRANSLATE_NOOP("audit", "Entries {first}–{last} are missing (deleted) before entry {seq}.")
_LINK = QT_TRANSLATE_NOOP("audit", "Entry {seq} does not link to the entry before it (inserted or re-chained).")
_EDIT = QT_TRANSLATE_NOOP("audit", "Entry {seq} was changed after it was written (its hash does not match).")
_TAIL = QT_TRANSLATE_NOOP("audit", "The last entries, from {first} to {last}, were deleted.")


def verify(session: Session, *, batch: int = 5000) -> VerifyResult:
    """Recompute the chain from the first entry; report the first broken link."""
    prev_seq = 0
    prev_hash = GENESIS
    checked = 0
    while True:
        rows = session.execute(
            select(
                AuditEntry.seq,
                AuditEntry.id,
                AuditEntry.time,
                AuditEntry.actor,
                AuditEntry.workstation_code,
                AuditEntry.action,
                AuditEntry.subject,
                AuditEntry.details,
                AuditEntry.prev_hash,
                AuditEntry.hash,
            )
            .where(AuditEntry.seq > prev_seq)
            .order_by(AuditEntry.seq)
            .limit(batch)
        ).all()
        if not rows:
            break
        for r in rows:
            checked += 1
            if r.seq != prev_seq + 1:
                reason = _GAP.format(first=prev_seq + 1, last=r.seq - 1, seq=r.seq)
                return VerifyResult(False, checked, r.seq, reason)
            if r.prev_hash != prev_hash:
                return VerifyResult(False, checked, r.seq, _LINK.format(seq=r.seq))
            expected = compute_hash(
                r.seq, r.id, r.time, r.actor, r.workstation_code, r.action, r.subject, r.details or {}, r.prev_hash
            )
            if expected != r.hash:
                return VerifyResult(False, checked, r.seq, _EDIT.format(seq=r.seq))
            prev_seq, prev_hash = r.seq, r.hash
    high = _sequence_high(session)
    if high > prev_seq:
        return VerifyResult(False, checked, prev_seq + 1, _TAIL.format(first=prev_seq + 1, last=high))
    return VerifyResult(True, checked, None, None)


def _utc_start(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=OFFICE_TZ).astimezone(dt.UTC).replace(tzinfo=None)


def entries(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    text: str | None = None,
    offset: int = 0,
    limit: int = 200,
    before_seq: int | None = None,
) -> list[AuditView]:
    """The supervisors' audit screen: newest first, filtered by actor, action, local dates (both
    included) and a text found in the subject or the details. ``before_seq``: only entries older than
    that one (the next page; entries written meanwhile do not shift it)."""
    stmt = select(AuditEntry)
    if before_seq is not None:
        stmt = stmt.where(AuditEntry.seq < before_seq)
    if actor:
        stmt = stmt.where(AuditEntry.actor == actor.strip().lower())
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if date_from:
        stmt = stmt.where(AuditEntry.time >= _utc_start(date_from))
    if date_to:
        stmt = stmt.where(AuditEntry.time < _utc_start(date_to + dt.timedelta(days=1)))
    if text and text.strip():
        needle = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                AuditEntry.subject.like(needle, escape="\\"),
                func.cast(AuditEntry.details, AuditEntry.subject.type).like(needle, escape="\\"),
            )
        )
    stmt = stmt.order_by(AuditEntry.seq.desc()).offset(max(0, offset)).limit(max(0, limit))
    return [
        AuditView(e.seq, e.id, e.time, e.actor, e.workstation_code, e.action, e.subject, dict(e.details or {}), e.hash)
        for e in session.scalars(stmt)
    ]


__all__ = [
    "ACTIONS",
    "GENESIS",
    "AuditView",
    "VerifyResult",
    "append",
    "compute_hash",
    "entries",
    "head",
    "verify",
]
