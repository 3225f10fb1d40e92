"""The pull feed of each unit: changes numbered in commit order (the unit's counter row is locked by every
writing transaction of the unit), read back in pages bounded in count and in bytes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select

from frontdesk import limits as L
from frontdesk.clock import utcnow

from . import models as m
from .db import Database, epoch
from .enrolment import authenticate, server_time, touch

DEFAULT_LIMIT = 500
MAX_LIMIT = 1000


def changes(
    db: Database,
    token: str | None,
    after: int,
    limit: int = DEFAULT_LIMIT,
    *,
    max_bytes: int = L.MAX_PULL_PAGE_BYTES,
    own: bool = False,
) -> dict[str, Any]:
    """The unit's changes after ``after`` in sequence order, without those the caller caused (with them
    when ``own``: a desk restored from a backup gets back what it had sent since), as the JSON of a
    ``wire.ChangesResponse``: a page ends at ``limit`` changes or before ``max_bytes`` (one change always
    fits). Payloads are sent as stored: they were built from validated values."""
    limit = max(1, min(limit, MAX_LIMIT))
    with db.read() as s:
        ws = authenticate(s, token)
        ws_id, unit_code, last_seen = ws.id, ws.unit_code, ws.last_seen_at
        # The counter first: every change numbered up to it is committed (same transaction).
        high = s.scalars(select(m.UnitCounter.last_seq).where(m.UnitCounter.unit_code == unit_code)).one()
        query = select(m.Change.seq, m.Change.kind, m.Change.payload).where(
            m.Change.unit_code == unit_code, m.Change.seq > after, m.Change.seq <= high
        )
        if not own:
            query = query.where((m.Change.origin.is_(None)) | (m.Change.origin != ws_id))
        rows = s.execute(query.order_by(m.Change.seq).limit(limit)).all()
        out: list[dict[str, Any]] = []
        size = 0
        for r in rows:
            size += len(json.dumps(r.payload, separators=(",", ":"), ensure_ascii=False)) + 40
            if out and size > max_bytes:
                break
            out.append({"seq": r.seq, "kind": r.kind, r.kind: r.payload})
        if len(out) < len(rows) or len(rows) == limit:
            nxt = int(out[-1]["seq"])
            more = nxt < high
        else:
            nxt = max(high, after)
            more = False
        ep = epoch(s)
    if last_seen is None or utcnow() - last_seen > dt.timedelta(minutes=1):
        touch(db, ws_id)
    return {"epoch": ep, "server_time": server_time().isoformat(), "changes": out, "next": nxt, "more": more}
