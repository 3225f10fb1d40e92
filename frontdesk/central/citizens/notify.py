"""The notification outbox: rows are written by the apply path in the transaction of the change that
calls for them (:func:`frontdesk.central.decide.notices_for`: a request became ready, or was returned
for completion, and the citizen consented), one per event and channel (unique); this module sends them.

Sending is safe with any number of worker processes or ``notify run`` commands: a sender **claims** due
rows in the database (a lease: ``lease_owner``, ``lease_until``; ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, the one write lock on SQLite), sends outside any transaction, then marks the row ``sent`` —
only while it still holds the lease. A failure counts an attempt and moves ``next_at`` on with jittered
exponential backoff (``FRONTDESK_NOTIFY_BACKOFF`` seconds, default 30, doubling, at most an hour); after
:data:`MAX_ATTEMPTS` the row is ``failed`` and shown by ``frontdesk-central notify list``. A restart
loses nothing: the state is in the database; a lease left by a killed process expires and the row is
taken again.

Exactly once per event and channel — except in one window no outbox can close: the process dies after
the gateway accepted the message and before the ``sent`` mark commits (milliseconds). The row is then
sent again when its lease expires (at least once, never lost).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import threading
from dataclasses import dataclass

from sqlalchemy import or_, select, update

from frontdesk.clock import utcnow, uuid7

from .. import models as m
from ..db import Database
from .catalog_names import service_names
from .senders import MessageSender, SendFailed, redact
from .settings import public_url, survey_secret
from .survey import survey_path
from .texts import MESSAGE

log = logging.getLogger("frontdesk.central.notify")

MAX_ATTEMPTS = 12
LEASE = dt.timedelta(minutes=2)
MAX_BACKOFF = dt.timedelta(hours=1)
ENV_BACKOFF = "FRONTDESK_NOTIFY_BACKOFF"


def backoff(attempts: int, base: float | None = None) -> dt.timedelta:
    """How long after its ``attempts``-th failure a message is tried again: base × 2^(n-1), at most an
    hour, ±20 % jitter (so a gateway back from an outage is not hit by every message at once)."""
    if base is None:
        base = float(os.environ.get(ENV_BACKOFF) or 30)
    delay = min(base * 2 ** max(attempts - 1, 0), MAX_BACKOFF.total_seconds())
    return dt.timedelta(seconds=delay * random.uniform(0.8, 1.2))


@dataclass
class Message:
    channel: str
    to: str
    subject: str
    body: str
    receipt_no: str


def render(s: object, note: m.Notification, survey_key: bytes | None = None) -> Message | None:
    """The message of an outbox row, in Albanian; None when the request no longer has where to send it.
    With ``survey_key`` (the survey links' secret), a return's e-mail carries the survey's link."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    req = s.get_one(m.Request, note.request_id)
    to = req.contact_email if note.channel == "email" else req.citizen_phone
    if not to:
        return None
    names = service_names(s, req.unit_code, req.service_code)
    unit = s.get(m.Unit, req.unit_code)
    fields = {"unit": unit.name if unit else req.unit_code, "receipt_no": req.receipt_no,
              "service": names.name.get("sq", req.service_code)}  # fmt: skip
    if note.kind == "ready":
        subject, body = MESSAGE["ready_subject"].format(**fields), MESSAGE["ready"].format(**fields)
    else:
        subject = MESSAGE["returned_subject"].format(**fields)
        missing = "; ".join(names.document(c, "sq") for c in note.missing or [])
        body = MESSAGE["returned"].format(**fields, missing=missing) if missing else MESSAGE["returned_ask"].format(
            **fields)  # fmt: skip
    base = public_url(s)
    if base and req.lookup_code:
        body += " " + MESSAGE["status_link"].format(url=f"{base}/status?r={req.receipt_no}&c={req.lookup_code}")
    if base and note.kind == "returned" and note.channel == "email" and survey_key:
        # a return is one of the moments the survey opens; the e-mail carries its link (an SMS stays short:
        # its status link shows the survey's)
        body += "\n\n" + MESSAGE["survey_link"].format(url=base + survey_path(survey_key, req.id, req.receipt_no))
    return Message(note.channel, to, subject, body, req.receipt_no)


def claim(db: Database, owner: str, *, limit: int = 20, now: dt.datetime | None = None,
          channels: frozenset[str] | None = None) -> list[str]:  # fmt: skip
    """Take up to ``limit`` due rows for ``owner`` (a lease of :data:`LEASE`); returns their ids."""
    now = now or utcnow()
    with db.write() as s:
        stmt = (
            select(m.Notification.id)
            .where(m.Notification.state == "pending", m.Notification.next_at <= now,
                   or_(m.Notification.lease_until.is_(None), m.Notification.lease_until < now))
            .order_by(m.Notification.next_at)
            .limit(limit)
        )  # fmt: skip
        if channels is not None:
            stmt = stmt.where(m.Notification.channel.in_(sorted(channels)))
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        ids = list(s.scalars(stmt))
        if ids:
            s.execute(update(m.Notification).where(m.Notification.id.in_(ids))
                      .values(lease_owner=owner, lease_until=now + LEASE))  # fmt: skip
        return ids


def _finish(db: Database, note_id: str, owner: str, values: dict[str, object]) -> bool:
    with db.write() as s:
        done = s.execute(update(m.Notification).where(m.Notification.id == note_id, m.Notification.lease_owner == owner)
                         .values(lease_owner=None, lease_until=None, **values))  # fmt: skip
        return bool(getattr(done, "rowcount", 0))


def send_one(db: Database, sender: MessageSender, note_id: str, owner: str) -> str:
    """Send one claimed row: ``sent``, ``retry`` or ``failed`` (``dropped``: nowhere to send it)."""
    key = survey_secret(db)
    with db.read() as s:
        note = s.get_one(m.Notification, note_id)
        message = render(s, note, key)
        attempts = note.attempts
    if message is None:
        _finish(db, note_id, owner, {"state": "failed", "last_error": "no address to send to"})
        return "dropped"
    try:
        sender.send(message.channel, message.to, message.subject, message.body)
    except Exception as exc:  # SendFailed, or anything a gateway plugin raises: retried
        attempts += 1
        reason = redact(str(exc) if isinstance(exc, SendFailed) else f"{type(exc).__name__}: {exc}")[:300]
        final = attempts >= MAX_ATTEMPTS
        _finish(db, note_id, owner, {"attempts": attempts, "last_error": reason, "state": "failed" if final else
                                     "pending", "next_at": utcnow() + backoff(attempts)})  # fmt: skip
        log.warning("notification %s (%s, %s) not sent, attempt %d: %s", note_id, message.receipt_no, message.channel,
                    attempts, reason)  # fmt: skip
        return "failed" if final else "retry"
    now = utcnow()
    if not _finish(db, note_id, owner, {"state": "sent", "sent_at": now, "attempts": attempts + 1}):
        log.warning("notification %s (%s) sent, but its lease had passed to another sender", note_id,
                    message.receipt_no)  # fmt: skip
    log.info("notification %s (%s, %s) sent", note_id, message.receipt_no, message.channel)
    return "sent"


def run_once(db: Database, sender: MessageSender, *, limit: int = 20) -> dict[str, int]:
    """Claim the due rows and send them; returns how many ended how."""
    owner = uuid7()
    counts: dict[str, int] = {}
    for note_id in claim(db, owner, limit=limit, channels=sender.channels()):
        outcome = send_one(db, sender, note_id, owner)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def run_loop(db: Database, sender: MessageSender, stop: threading.Event, *, interval: float = 5.0) -> None:
    """Send until ``stop`` is set: every ``interval`` seconds, at once again while rows keep coming. An
    error of the loop itself (the database unreachable) is logged and the loop goes on."""
    while not stop.is_set():
        try:
            counts = run_once(db, sender)
        except Exception:
            log.exception("the notification sender failed; trying again")
            counts = {}
        if sum(counts.values()) == 0:
            stop.wait(interval)


def start_thread(db: Database, sender: MessageSender, *, interval: float = 5.0) -> tuple[threading.Thread,
                                                                                         threading.Event]:  # fmt: skip
    stop = threading.Event()
    thread = threading.Thread(target=run_loop, args=(db, sender, stop), kwargs={"interval": interval},
                              name="notify-sender", daemon=True)  # fmt: skip
    thread.start()
    return thread, stop


def outbox(db: Database, *, limit: int = 200) -> list[dict[str, object]]:
    """The outbox, newest first, for ``frontdesk-central notify list`` (receipt numbers, never addresses)."""
    with db.read() as s:
        rows = s.execute(
            select(m.Notification, m.Request.receipt_no).join(m.Request, m.Request.id == m.Notification.request_id)
            .order_by(m.Notification.created_at.desc()).limit(limit)
        ).all()  # fmt: skip
        return [{"id": n.id, "receipt_no": no, "kind": n.kind, "channel": n.channel, "state": n.state,
                 "attempts": n.attempts, "created_at": n.created_at.isoformat(),
                 "sent_at": n.sent_at.isoformat() if n.sent_at else None, "last_error": n.last_error}
                for n, no in rows]  # fmt: skip
