"""``POST /v1/push``: a desk's batch of ops, in one transaction that holds the unit's lock. The desk's
token says which desk speaks; the receipt counter it reports is checked (a copy of a desk goes
backwards), its clock skew recorded, its audit head anchored, then every op goes through the one apply
path (:mod:`frontdesk.central.batch`) and is answered on its own."""

from __future__ import annotations

import logging

from frontdesk import wire
from frontdesk.clock import utcnow

from . import anchors
from .batch import Batch
from .db import Database, epoch, lock_unit
from .decide import Sender
from .enrolment import authenticate, server_time
from .errors import Conflict

log = logging.getLogger("frontdesk.central")


def push(db: Database, token: str | None, body: wire.PushEnvelope, *, waiting: int | None = None) -> wire.PushResponse:
    """Apply a desk's batch. ``waiting``: what the desk says still waits in its outbox after this batch
    (recorded for the central IT; None: it did not say)."""
    with db.write() as s:
        ws = authenticate(s, token)
        lock_unit(s, ws.unit_code)
        s.refresh(ws)  # the lock may have waited for another push of this workstation
        if body.receipt_counter < ws.max_receipt_counter:
            log.warning("clone suspected: workstation %s of unit %s sent counter %d < %d", ws.code, ws.unit_code,
                        body.receipt_counter, ws.max_receipt_counter)  # fmt: skip
            raise Conflict(
                "The workstation's receipt counter went backwards: this looks like a cloned workstation.",
                code="clone_suspected",
                detail={"receipt_counter": body.receipt_counter, "highest_seen": ws.max_receipt_counter},
            )
        now = utcnow()
        skew = round((body.sent_at - now).total_seconds(), 3) if body.sent_at is not None else None
        ws.max_receipt_counter = body.receipt_counter
        ws.last_seen_at = now
        ws.clock_skew_s = skew
        ws.outbox_waiting = waiting
        anchor = anchors.record(s, ws, body.audit, now)
        sender = Sender(ws.unit_code, ws.id, ws.code, counter=body.receipt_counter, enrolled_at=ws.enrolled_at,
                        skew_s=skew)  # fmt: skip
        results = Batch(s, sender, now=now).apply(body.ops)
        return wire.PushResponse(epoch=epoch(s), server_time=server_time(), results=results, clock_skew_s=skew,
                                 audit=anchor)  # fmt: skip
