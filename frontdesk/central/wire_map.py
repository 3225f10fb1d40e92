"""The central server's one mapper between its rows and the wire schema: requests, events and users, both
ways. The apply path (batch.py) writes rows with these values and publishes changes built here; the
back office, the change feed and the command line read through here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic_core import to_jsonable_python

from frontdesk import wire

from . import models as m

SNAPSHOT_FIELDS = tuple(wire.RequestSnapshot.model_fields)
EVENT_FIELDS = tuple(wire.EventPayload.model_fields)
# what a change to an existing request may write (every op kind's rules), updated by request id
STATE_FIELDS = (
    "status", "version", "assignee", "assigned_version", "updated_at", "completed_at", "delivered_at", "rating",
    "due_date", "documents_missing",
)  # fmt: skip


def request_values(snap: wire.RequestSnapshot, received_at: dt.datetime) -> dict[str, Any]:
    """The ``requests`` row of a new request (times are naive UTC already: the wire holds them so)."""
    values = snap.model_dump()
    values["assigned_version"] = 0
    values["received_at"] = received_at
    return values


def event_values(request_id: str, ev: wire.EventPayload, received_at: dt.datetime) -> dict[str, Any]:
    return {**ev.model_dump(), "request_id": request_id, "received_at": received_at}


def _get(row: m.Request | m.RequestEvent | Mapping[str, Any], name: str) -> Any:
    return row[name] if isinstance(row, Mapping) else getattr(row, name)


def snapshot(row: m.Request | Mapping[str, Any]) -> wire.RequestSnapshot:
    """A request row (ORM or mapping) as the wire publishes it."""
    return wire.RequestSnapshot.model_construct(**{f: _get(row, f) for f in SNAPSHOT_FIELDS})


def event_payload(row: m.RequestEvent | Mapping[str, Any]) -> wire.EventPayload:
    return wire.EventPayload.model_construct(**{f: _get(row, f) for f in EVENT_FIELDS})


def request_change(row: Mapping[str, Any] | m.Request, events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The payload of a ``request`` change: the request as it stands and the events that moved it — the
    JSON ``snapshot(row).model_dump(mode="json")`` gives, made by pydantic's serializer straight from the
    row's values (every push builds one per op: no model is built only to be dumped)."""
    if isinstance(row, Mapping):
        values = {f: row[f] for f in SNAPSHOT_FIELDS}
    else:
        values = {f: getattr(row, f) for f in SNAPSHOT_FIELDS}
    return {
        "request": to_jsonable_python(values),
        "events": [to_jsonable_python({f: e[f] for f in EVENT_FIELDS}) for e in events],
    }


def user_payload(row: m.User) -> wire.UserPayload:
    return wire.UserPayload.model_construct(
        username=row.username,
        full_name=row.full_name,
        role=row.role,
        active=row.active,
        password_hash=row.password_hash,
        must_change_password=row.must_change_password,
        updated_at=row.updated_at,
    )


__all__ = [
    "EVENT_FIELDS",
    "SNAPSHOT_FIELDS",
    "STATE_FIELDS",
    "event_payload",
    "event_values",
    "request_change",
    "request_values",
    "snapshot",
    "user_payload",
]
