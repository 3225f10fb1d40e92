"""The desks' audit trails, anchored off the desk: each push carries the desk's audit head (its last
entry's sequence number and hash) and the desk's own hash of the entry anchored last. The server keeps
the history of heads per workstation and flags a trail that went backwards (entries deleted from the end)
or forked (an anchored entry rewritten, even if the trail grew since). A flag stays until IT looks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import wire

from . import models as m
from .db import Database
from .enrolment import authenticate


def _state(ws: m.Workstation) -> wire.AnchorState | None:
    if ws.audit_seq is None or ws.audit_hash is None:
        return None
    return wire.AnchorState(seq=ws.audit_seq, hash=ws.audit_hash, state=ws.audit_state,  # type: ignore[arg-type]
                            detail=ws.audit_detail, anchored_at=ws.audit_at)  # fmt: skip


def _hash_at(s: Session, ws_id: str, seq: int) -> str | None:
    return s.scalars(
        select(m.AuditAnchor.hash).where(m.AuditAnchor.workstation_id == ws_id, m.AuditAnchor.seq == seq)
        .order_by(m.AuditAnchor.id).limit(1)
    ).first()  # fmt: skip


def record(s: Session, ws: m.Workstation, head: wire.AuditHead | None, now: dt.datetime) -> wire.AnchorState | None:
    """Compare a pushed head with what is anchored, flag what does not fit, anchor the new head."""
    if head is None:
        return _state(ws)
    problem: str | None = None
    if ws.audit_seq is not None:
        if head.seq < ws.audit_seq:
            problem = f"the audit trail went back from entry {ws.audit_seq} to {head.seq}"
            state = "backwards"
        elif head.seq == ws.audit_seq and head.hash != ws.audit_hash:
            problem = f"entry {head.seq} differs from the one anchored"
            state = "forked"
        elif head.anchor_seq is not None and head.anchor_hash is not None and head.anchor_seq <= ws.audit_seq:
            known = ws.audit_hash if head.anchor_seq == ws.audit_seq else _hash_at(s, ws.id, head.anchor_seq)
            if known is not None and known != head.anchor_hash:
                problem = f"entry {head.anchor_seq} was rewritten after it was anchored"
                state = "forked"
    if problem is None and ws.audit_seq == head.seq and ws.audit_hash == head.hash:
        return _state(ws)  # nothing new
    if problem is not None and ws.audit_state == "ok":
        ws.audit_state, ws.audit_detail = state, problem
    s.add(m.AuditAnchor(workstation_id=ws.id, seq=head.seq, hash=head.hash,
                        state="ok" if problem is None else state, received_at=now))  # fmt: skip
    ws.audit_seq, ws.audit_hash, ws.audit_at = head.seq, head.hash, now
    return _state(ws)


def anchor_of(db: Database, token: str | None) -> wire.AnchorState | None:
    """What the server holds of the calling desk's trail (for ``frontdesk audit verify`` online)."""
    with db.read() as s:
        return _state(authenticate(s, token))
