"""The server's rule for a status change (or delivery), on plain values: shared by the batched push
(frontdesk.central.batch, on rows) and the ORM path of the back office (ops.apply_status). The transition
is checked against the SERVER's current status (frontdesk.lifecycle)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from frontdesk.lifecycle import TRANSITIONS
from frontdesk.sync import protocol as p

from .errors import Rejected
from .service import naive_utc


def status_change(current: Mapping[str, Any], ev: p.EventPayload, *, deliver: bool) -> dict[str, Any]:
    """The fields a status event changes on a request whose state is ``current`` (its ``status``,
    ``receipt_no``, ``version`` and ``updated_at``); :class:`Rejected` when the event does not apply."""
    target = ev.to_status
    status = current["status"]
    if target is None:
        raise Rejected("invalid", "A status change needs its target status.")
    if deliver and target != "delivered":
        raise Rejected("invalid", "A delivery ends in status delivered.")
    if target not in TRANSITIONS.get(status, frozenset()):
        raise Rejected(
            "invalid_transition",
            f"Request {current['receipt_no']} is {status}: it cannot become {target}.",
            {"status": status, "version": current["version"]},
        )
    when = naive_utc(ev.device_time)
    out: dict[str, Any] = {}
    if target in ("ready", "rejected"):
        out["completed_at"] = when
    elif target == "in_progress" and status == "ready":
        out["completed_at"] = None
    if status == "returned" and target == "received":
        due = ev.data.get("due_date")
        if isinstance(due, str):
            try:
                out["due_date"] = dt.date.fromisoformat(due)
            except ValueError:
                raise Rejected("invalid", "The new promised date is not a date.") from None
        out["documents_missing"] = []
    if target == "delivered":
        rating = ev.data.get("rating")
        valid = isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5
        out["delivered_at"] = when
        out["rating"] = rating if valid else None
    out["status"] = target
    out["version"] = current["version"] + 1
    out["updated_at"] = max(current["updated_at"], when)
    return out
