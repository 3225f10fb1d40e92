"""The desk's one mapper between its rows and the wire schema: a request, its events and a unit's own
service, both ways. The write path builds outbox payloads here (so an op that leaves the desk has the
wire's shape from the moment it is written), the re-push after an epoch change builds whole requests
here, and the pull path turns the central system's snapshots back into rows here.

Local rows name users by id; the wire names them by user name: the caller passes the lookup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from . import limits as L
from . import wire
from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP
from .models import Request, RequestEvent
from .text import fold

_UUID = re.compile(wire.UUID_PATTERN)
_RECEIPT = re.compile(wire.RECEIPT_PATTERN)
# Local columns the wire does not carry (they are the desk's own bookkeeping).
LOCAL_ONLY = ("assignee_id", "created_by_id", "citizen_key", "print_count", "central_ack")
# The request's state, as a status change or a pulled snapshot moves it (the rest is fixed at intake).
STATE_FIELDS = (
    "status", "version", "due_date", "documents", "documents_missing", "completed_at", "delivered_at", "rating",
    "updated_at",
)  # fmt: skip


def _validated(model: type[wire.Model], values: Mapping[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:  # the rulebook checks first: this is a value it did not foresee
        first = exc.errors()[0]
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "This change cannot be recorded: {problem}."),
            field=str(first.get("loc", ("?",))[-1]),
            problem=f"{'.'.join(str(x) for x in first.get('loc', ()))}: {first.get('msg', '')}",
        ) from None


def _get(row: Request | RequestEvent | Mapping[str, Any], name: str) -> Any:
    """A column of an ORM row or of the dict of values the intake inserts (missing there: not set yet)."""
    return row.get(name) if isinstance(row, Mapping) else getattr(row, name)


# ---------------------------------------------------------------------------------------- row -> wire


def request_snapshot(row: Request | Mapping[str, Any], usernames: Mapping[str, str]) -> wire.RequestSnapshot:
    """A local request (ORM row, or the dict of values the intake inserts) as the wire carries it."""
    values = {
        name: _get(row, name) for name in wire.RequestSnapshot.model_fields if name not in ("assignee", "created_by")
    }
    values["documents"] = list(values["documents"] or [])
    values["documents_missing"] = list(values["documents_missing"] or [])
    assignee = _get(row, "assignee_id")
    values["assignee"] = usernames.get(assignee) if assignee else None
    values["created_by"] = usernames.get(_get(row, "created_by_id"), "?")
    return _validated(wire.RequestSnapshot, values)


def event_payload(row: RequestEvent | Mapping[str, Any]) -> wire.EventPayload:
    return _validated(wire.EventPayload, {
        "id": _get(row, "id"), "kind": _get(row, "kind"), "from_status": _get(row, "from_status"),
        "to_status": _get(row, "to_status"), "actor": _get(row, "actor_username"),
        "workstation": _get(row, "workstation_code"), "device_time": _get(row, "device_time"),
        "data": dict(_get(row, "data") or {}),
    })  # fmt: skip


def request_op(
    event: wire.EventPayload,
    *,
    request_id: str,
    receipt_no: str,
    version: int,
    snapshot: wire.RequestSnapshot | None = None,
    events: list[wire.EventPayload] | None = None,
    base_epoch: str | None = None,
) -> dict[str, Any]:
    """The outbox payload of a ``request.*`` op, as JSON: its parts are wire models already validated
    (the intake's hot path does not pay for validating them twice); the op's own fields are checked here."""
    if not (_UUID.fullmatch(request_id) and _RECEIPT.fullmatch(receipt_no) and 1 <= version <= L.MAX_VERSION):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This change cannot be recorded: {problem}."),
                           field="request", problem="request id, receipt number or version")  # fmt: skip
    payload: dict[str, Any] = {
        "event": event.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        "request_id": request_id,
        "receipt_no": receipt_no,
        "version": version,
    }
    if snapshot is not None:
        payload["request"] = snapshot.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    if events:
        if len(events) > L.MAX_EVENTS_PER_SYNC:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This change cannot be recorded: {problem}."),
                               field="events", problem="too many events")  # fmt: skip
        payload["events"] = [e.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for e in events]
    if base_epoch is not None:
        payload["base_epoch"] = base_epoch
    return payload


def service_op(code: str, service: dict[str, Any], updated_at: dt.datetime, actor: str | None) -> dict[str, Any]:
    """The outbox payload of a ``service.upsert`` op, as JSON."""
    payload = _validated(wire.ServicePayload, {"code": code, "service": service, "updated_at": updated_at,
                                               "actor": actor})  # fmt: skip
    return dict(payload.model_dump(mode="json", exclude_none=True))


# ---------------------------------------------------------------------------------------- wire -> row


def request_row(snap: wire.RequestSnapshot, assignee_id: str | None, created_by_id: str) -> dict[str, Any]:
    """The local ``requests`` row of a pulled request the desk did not have."""
    values = snap.model_dump(exclude={"assignee", "created_by"})
    values.update(
        assignee_id=assignee_id, created_by_id=created_by_id, citizen_key=fold(snap.citizen_name), print_count=0,
        central_ack=True,
    )  # fmt: skip
    return values


def request_state(snap: wire.RequestSnapshot) -> dict[str, Any]:
    """The state fields of a pulled snapshot, for a request the desk has (assignee handled by the caller)."""
    return {name: getattr(snap, name) for name in STATE_FIELDS}


def event_row(ev: wire.EventPayload, request_id: str) -> dict[str, Any]:
    """The local ``request_events`` row of a pulled event (the actor named only by user name)."""
    return {
        "id": ev.id, "request_id": request_id, "kind": ev.kind, "from_status": ev.from_status,
        "to_status": ev.to_status, "actor_id": None, "actor_username": ev.actor, "workstation_code": ev.workstation,
        "device_time": ev.device_time, "data": dict(ev.data),
    }  # fmt: skip


__all__ = [
    "LOCAL_ONLY",
    "STATE_FIELDS",
    "event_payload",
    "event_row",
    "request_op",
    "request_row",
    "request_snapshot",
    "request_state",
    "service_op",
]
