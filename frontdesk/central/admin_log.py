"""The central audit trail: every administrative action on the central system — units, enrolment codes,
enrolments, revocations, epochs, catalogue publications, accounts, the back office — with who did it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow

from . import models as m
from .db import Database


def log_action(s: Session, actor: str, action: str, unit_code: str | None, subject: str | None,
               details: dict[str, Any]) -> None:  # fmt: skip
    """Record an action in the caller's transaction (so it exists exactly when the action does)."""
    s.add(m.AdminAction(at=utcnow(), actor=actor[:64], action=action[:32], unit_code=unit_code,
                        subject=(subject or None) and subject[:64], details=details))  # fmt: skip


def actions(db: Database, *, limit: int = 200) -> list[dict[str, Any]]:
    """The newest actions first."""
    with db.read() as s:
        rows = s.scalars(select(m.AdminAction).order_by(m.AdminAction.id.desc()).limit(max(1, min(limit, 10_000))))
        return [
            {
                "id": r.id,
                "at": r.at.isoformat(),
                "actor": r.actor,
                "action": r.action,
                "unit": r.unit_code,
                "subject": r.subject,
                "details": r.details,
            }
            for r in rows
        ]
