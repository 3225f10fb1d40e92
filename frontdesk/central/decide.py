"""What one op does to the central state, decided with the rulebook (:mod:`frontdesk.rules`) on values
already read: no statement runs here. Every op kind — and the back office's own changes — goes through
these functions; :mod:`frontdesk.central.batch` reads what they need once per push, buffers what they
return and writes it in bulk.

Each decision returns an :class:`Effect` (the request row after the op, the events it adds, the
service it stores) or raises a ``FrontdeskError`` whose ``reason`` answers the op (``rejected``), or
:class:`Duplicate` (``duplicate``). A receipt number of this very workstation held by another request
raises ``Conflict(clone_suspected)``: the whole push is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from frontdesk import limits as L
from frontdesk import rules, wire
from frontdesk.clock import uuid7
from frontdesk.errors import FrontdeskError, InvalidInput, NotFound, NotPermitted, Stale, WrongUnit

from .errors import Conflict
from .wire_map import event_values, request_values


class Duplicate(Exception):
    """The op's effect is already there (its event, or its request): answered ``duplicate``."""


@dataclass(frozen=True)
class Sender:
    """Who speaks: a desk (its token says which) or the server itself (the back office, ``ws_id`` None)."""

    unit: str
    ws_id: str | None
    ws_code: str
    counter: int | None = None  # the receipt counter the desk reported with this push
    enrolled_at: dt.datetime | None = None
    skew_s: float | None = None
    trusted_actor: str | None = None  # the back office's actor: decided by the server, not checked as a user


@dataclass
class Effect:
    insert: dict[str, Any] | None = None  # a new request row
    row: dict[str, Any] | None = None  # the request row after the op (updated by id)
    events: list[dict[str, Any]] = field(default_factory=list)
    service: dict[str, Any] | None = None  # a unit service row to store
    change_kind: str = "request"
    change: dict[str, Any] | None = None  # a non-request change payload (service)
    left_out: int = 0  # events of a re-push the rules did not let in
    notices: list[dict[str, Any]] = field(default_factory=list)  # notification outbox rows (citizens)
    survey: dict[str, Any] | None = None  # a citizen's survey answer to store


class Lookups:
    """What the decisions read, loaded by the batch: request rows, who holds which receipt number and
    event id, the actors' accounts, the services and their standard times, the epochs."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self.receipt_owner: dict[str, str] = {}
        self.event_owner: dict[str, str] = {}
        self.actors: dict[str, rules.ActorFacts] = {}
        self.days: dict[str, frozenset[int]] = {}
        self.central_codes: set[str] = set()
        self.services: dict[str, dt.datetime] = {}  # the unit's own services: code -> updated_at
        self.counter_users: set[str] = set()
        self.supervisors: set[str] = set()  # the unit's active supervisors (a complaint goes to one)
        self.surveyed: set[str] = set()  # request ids whose citizen survey is answered
        self.epochs: dict[str, tuple[dt.datetime, dt.datetime | None]] = {}
        self.origin_of: Callable[[str], str | None] = lambda _id: None
        self.load_row: Callable[[str], dict[str, Any] | None] = lambda _id: None
        self.looked_up: set[str] = set()  # request ids the batch read already (found or not)

    def row(self, request_id: str) -> dict[str, Any] | None:
        row = self.rows.get(request_id)
        if row is None and request_id not in self.looked_up:
            self.looked_up.add(request_id)
            row = self.load_row(request_id)
            if row is not None:
                self.rows[request_id] = row
        return row


def _actor(sender: Sender, look: Lookups, username: str, action: str, when: dt.datetime) -> None:
    if sender.trusted_actor is not None and username == sender.trusted_actor:
        return
    rules.check_actor(look.actors.get(username), action, when, enrolled_at=sender.enrolled_at)


def _own_row(sender: Sender, look: Lookups, request_id: str) -> dict[str, Any]:
    row = look.row(request_id)
    if row is None or row["unit_code"] != sender.unit:
        raise NotFound("The central system does not have this request.")  # another unit's: not even "exists"
    return row


def _event_is_new(look: Lookups, ev: wire.EventPayload, request_id: str) -> bool:
    owner = look.event_owner.get(ev.id)
    if owner is None:
        return True
    if owner != request_id:
        raise InvalidInput("This event id belongs to another request.", field="event")
    return False


def _payload(op: wire.Op) -> wire.RequestOpPayload:
    if op.request is None:
        raise InvalidInput("A {kind} op needs a request payload.", field="request", kind=op.kind)
    return op.request


def _event(op: wire.Op, kind: str) -> wire.EventPayload:
    ev = _payload(op).event
    if ev is None or ev.kind != kind:
        raise InvalidInput("A {op} op needs an event of kind {kind}.", field="event", op=op.kind, kind=kind)
    return ev


def clone_suspected(receipt_no: str) -> Conflict:
    """This workstation's own receipt number on another request: two machines share one workstation's
    identity (a copied data directory). The whole push is refused; the desk stops and says so."""
    return Conflict(
        f"Receipt number {receipt_no} already belongs to another request: this looks like a cloned workstation.",
        code="clone_suspected",
        detail={"receipt_no": receipt_no},
    )


class ReceiptTaken(InvalidInput):
    reason = "duplicate_receipt"


def own_receipt_taken(sender: Sender, look: Lookups, receipt_no: str, holder_id: str) -> Exception:
    """What answers this workstation's own receipt number held by another request. When this workstation's
    identity put it there (a clone, or an earlier op of this push), the whole push is refused. When another
    desk did — a re-push of a request it says is this workstation's, allowed after a restore — only this op
    is refused: a desk must not be able to stop another one by taking its next numbers."""
    origin = look.origin_of(holder_id)
    if origin is not None and origin != sender.ws_id:
        return ReceiptTaken("Receipt number {receipt_no} is held by a request another workstation re-pushed.",
                            field="receipt_no", receipt_no=receipt_no)  # fmt: skip
    return clone_suspected(receipt_no)


# ------------------------------------------------------------------------------------------------ one event


def apply_event(sender: Sender, look: Lookups, row: dict[str, Any], ev: wire.EventPayload, now: dt.datetime, *,
                window: bool = True, stale_check: bool = True) -> dict[str, Any]:  # fmt: skip
    """Check one event against the request's row and the actor's account, and move the row: the single
    rule step shared by every op kind and by a re-push's replay. Returns the event's row."""
    rules.check_event(ev, workstation=sender.ws_code)
    if window:
        rules.check_op_time(ev.device_time, now, skew_s=sender.skew_s, what="change time")
    else:
        rules.check_pulled_time(ev.device_time, now, "change time")
    if ev.device_time < row["created_at"] - L.TIME_FUTURE:
        raise InvalidInput("A change cannot come before its request was received.", field="device_time")
    _actor(sender, look, ev.actor, rules.action_of(ev.kind, ev.to_status), ev.device_time)
    if ev.kind in ("status", "deliver"):
        assert ev.to_status is not None  # check_event: these kinds name their target
        row.update(rules.status_change(row, ev.to_status, ev.device_time, ev.data, deliver=ev.kind == "deliver"))
    elif ev.kind == "void":
        row.update(rules.void_change(row, ev.actor, ev.device_time))
    elif ev.kind == "assign":
        to = str(ev.data["to"])
        if to not in look.counter_users:
            raise InvalidInput("{username} cannot take requests (inactive or not counter staff).", field="to",
                               username=to)  # fmt: skip
        base = ev.data["base_version"] if stale_check else None
        row.update(rules.assign_change(row, to, base, ev.device_time))
    elif ev.kind == "note":
        row["updated_at"] = max(row["updated_at"], ev.device_time)
    elif ev.kind == "survey":
        row.update(rules.survey_change(row, ev.device_time, answered=row["id"] in look.surveyed))
        look.surveyed.add(row["id"])
    elif ev.kind == "intake":
        raise InvalidInput("A request has one intake event.", field="event")
    values = event_values(row["id"], ev, now)
    look.event_owner[ev.id] = row["id"]
    return values


# ------------------------------------------------------------------------------------------------ op kinds


def decide_intake(sender: Sender, look: Lookups, op: wire.Op, now: dt.datetime) -> Effect:
    pl = _payload(op)
    snap, ev = pl.request, _event(op, "intake")
    if snap is None:
        raise InvalidInput("A request.intake op carries the whole request.", field="request")
    if snap.id != pl.request_id or snap.receipt_no != pl.receipt_no:
        raise InvalidInput("The request's id or receipt number differs from the op's.", field="request")
    known = look.row(snap.id)
    if known is not None:
        if known["unit_code"] != sender.unit:
            raise InvalidInput("This request id is already used.", field="id")
        raise Duplicate()
    rules.check_intake(snap, ev, unit=sender.unit, workstation=sender.ws_code, counter_max=sender.counter, now=now,
                       skew_s=sender.skew_s, standard_days=look.days.get(snap.service_code, ()),
                       supervisors=look.supervisors)  # fmt: skip
    rules.check_op_time(op.created_at, now, skew_s=sender.skew_s, what="op time")
    owner = look.receipt_owner.get(snap.receipt_no)
    if owner is not None and owner != snap.id:
        raise own_receipt_taken(sender, look, snap.receipt_no, owner)
    if not _event_is_new(look, ev, snap.id):
        raise InvalidInput("This event id is already used.", field="event")
    _actor(sender, look, ev.actor, "intake", ev.device_time)
    row = request_values(snap, now)
    look.rows[snap.id] = row
    look.receipt_owner[snap.receipt_no] = snap.id
    look.event_owner[ev.id] = snap.id
    return Effect(insert=dict(row), row=row, events=[event_values(snap.id, ev, now)])


def decide_change(sender: Sender, look: Lookups, op: wire.Op, now: dt.datetime) -> Effect:
    """``request.status | deliver | void | assign | note | print``: one event on a request of the unit."""
    kind = op.kind.removeprefix("request.")
    pl = _payload(op)
    ev = _event(op, kind)
    row = _own_row(sender, look, pl.request_id)
    if pl.receipt_no != row["receipt_no"]:
        raise InvalidInput("The receipt number differs from the request's.", field="receipt_no")
    if not _event_is_new(look, ev, row["id"]):
        raise Duplicate()
    rules.check_op_time(op.created_at, now, skew_s=sender.skew_s, what="op time")
    after = dict(row)
    event = apply_event(sender, look, after, ev, now)
    row.clear()
    row.update(after)
    return Effect(row=row, events=[event], notices=notices_for(row, ev, now), survey=survey_for(row, ev))


NOTIFY_ON = frozenset({"ready", "returned"})


def notices_for(row: Mapping[str, Any], ev: wire.EventPayload, now: dt.datetime) -> list[dict[str, Any]]:
    """The notification outbox rows a status change calls for: the citizen consented at intake and the
    request became ready, or was returned for completion (with the documents still missing) — one per
    channel the citizen gave (e-mail, SMS). Written in the same transaction as the change (batch.py); the
    pair (event, channel) is unique, so an event is never queued twice."""
    if ev.kind != "status" or ev.to_status not in NOTIFY_ON or not row.get("notify_consent"):
        return []
    channels = [c for c, to in (("email", row.get("contact_email")), ("sms", row.get("citizen_phone"))) if to]
    missing = list(row.get("documents_missing") or []) if ev.to_status == "returned" else []
    return [{"id": uuid7(), "request_id": row["id"], "event_id": ev.id, "kind": ev.to_status, "channel": c,
             "missing": missing, "state": "pending", "attempts": 0, "next_at": now, "lease_owner": None,
             "lease_until": None, "created_at": now, "sent_at": None, "last_error": None}
            for c in channels]  # fmt: skip


def survey_for(row: Mapping[str, Any], ev: wire.EventPayload) -> dict[str, Any] | None:
    """The ``survey_answers`` row of a citizen's survey event (one per request: the primary key)."""
    if ev.kind != "survey":
        return None
    d = ev.data
    return {"request_id": row["id"], "event_id": ev.id, "channel": d.get("channel", "counter"),
            "promised_kept": d.get("promised_kept"), "clear": d.get("clear"), "overall": d["overall"],
            "comment": d.get("comment"), "answered_at": ev.device_time, "unit_code": row["unit_code"],
            "service_code": row["service_code"], "clerk": row.get("assignee")}  # fmt: skip


def decide_sync(sender: Sender, look: Lookups, op: wire.Op, now: dt.datetime) -> Effect:
    """A re-push of a whole request with its history. Accepted for a request of this workstation the
    server has never seen, or — for any request of the unit — within ``RESYNC_WINDOW`` after an epoch
    change, naming the earlier epoch it repairs. Never a fast-forward: the request is rebuilt or moved by
    replaying each event it lacks through the same rule step as a single op (events the rules refuse are
    left out and counted)."""
    pl = _payload(op)
    snap = pl.request
    if snap is None:
        raise InvalidInput("A request.sync op carries the whole request.", field="request")
    if snap.id != pl.request_id or snap.receipt_no != pl.receipt_no:
        raise InvalidInput("The request's id or receipt number differs from the op's.", field="request")
    if snap.unit_code != sender.unit:
        raise WrongUnit("Request {receipt_no} names unit {named}, not {unit}.", receipt_no=snap.receipt_no,
                              named=snap.unit_code, unit=sender.unit)  # fmt: skip
    resync = _in_resync(look, pl.base_epoch, op.created_at, now)
    known = look.row(snap.id)
    events = sorted({e.id: e for e in [*pl.events, *([pl.event] if pl.event else [])]}.values(),
                    key=lambda e: (e.device_time, e.id))  # fmt: skip
    effect = Effect()
    if known is None:
        own = snap.workstation_code == sender.ws_code
        if not (own or resync):
            raise NotPermitted("A desk may re-push another desk's request only after the central system was restored.")
        row, intake = _rebuild(sender, look, snap, events, now, own=own, window=not resync)
        effect.insert = dict(row)
        effect.events.append(intake)
        rest = [e for e in events if e.kind != "intake"]
    else:
        if known["unit_code"] != sender.unit:
            raise InvalidInput("This request id is already used.", field="id")
        if not resync:
            raise NotPermitted("A request the central system has can be re-pushed only after it was restored.")
        row = known
        rest = [e for e in events if e.kind != "intake"]
    after = dict(row)
    refused: FrontdeskError | None = None
    for ev in rest:
        if not _event_is_new(look, ev, after["id"]):
            continue
        trial = dict(after)
        try:
            effect.events.append(apply_event(sender, look, trial, ev, now, window=not resync, stale_check=False))
        except FrontdeskError as exc:
            effect.left_out += 1
            refused = refused or exc
            continue
        after = trial
    if effect.insert is None and not effect.events:
        if refused is not None:  # nothing new but what the rules refused: answered with the first reason
            raise refused
        raise Duplicate()
    row.clear()
    row.update(after)
    effect.row = row
    return effect


def _in_resync(look: Lookups, base_epoch: str | None, created_at: dt.datetime, now: dt.datetime) -> bool:
    if base_epoch is None:
        return False
    span = look.epochs.get(base_epoch)
    if span is None or span[1] is None:
        return False
    ended = span[1]
    return created_at >= ended - L.TIME_FUTURE and now <= ended + L.RESYNC_WINDOW


def _rebuild(sender: Sender, look: Lookups, snap: wire.RequestSnapshot, events: list[wire.EventPayload],
             now: dt.datetime, *, own: bool, window: bool) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    """The request as its intake made it, from the snapshot's fixed fields and its intake event, checked
    like an intake — against the time window too unless this re-push repairs a restore (``window`` False:
    the server lost what it had, old requests come back with the rest)."""
    intakes = [e for e in events if e.kind == "intake"]
    if len(intakes) != 1:
        raise InvalidInput("A re-pushed request needs its one intake event.", field="events")
    ev = intakes[0]
    first = snap.model_copy(update={
        "status": ev.to_status, "version": 1, "assignee": ev.actor, "created_by": ev.actor,
        "created_at": ev.device_time, "updated_at": ev.device_time, "completed_at": None, "delivered_at": None,
        "rating": None, "documents_missing": list(snap.documents_missing) if ev.to_status == "returned" else [],
    })  # fmt: skip
    rules.check_receipt(first.receipt_no, unit=sender.unit, workstation=first.workstation_code,
                        counter_max=sender.counter if own else None)  # fmt: skip
    rules.check_event(ev, workstation=first.workstation_code)
    if window:  # a request the server never saw, outside a restore: the intake's own time window
        rules.check_op_time(first.created_at, now, skew_s=sender.skew_s, what="intake time")
    else:  # after a restore the server lost what it had: older requests come back too
        rules.check_pulled_time(first.created_at, now, "intake time")
    if first.standard_days not in look.days.get(first.service_code, ()):
        raise InvalidInput("Service {code} is not in a catalogue the central system published.", field="service",
                           code=first.service_code)  # fmt: skip
    rules.check_due_date(first.created_at, first.due_date, first.standard_days)
    owner = look.receipt_owner.get(first.receipt_no)
    if owner is not None and owner != first.id:
        if own:
            raise own_receipt_taken(sender, look, first.receipt_no, owner)
        raise InvalidInput("Receipt number {receipt_no} belongs to another request.", field="receipt_no",
                           receipt_no=first.receipt_no)  # fmt: skip
    if not _event_is_new(look, ev, first.id):
        raise InvalidInput("This event id is already used.", field="event")
    sender_for_intake = sender if own else Sender(sender.unit, sender.ws_id, first.workstation_code,
                                                  enrolled_at=None, skew_s=sender.skew_s)  # fmt: skip
    _actor(sender_for_intake, look, ev.actor, "intake", ev.device_time)
    row = request_values(first, now)
    look.rows[first.id] = row
    look.receipt_owner[first.receipt_no] = first.id
    look.event_owner[ev.id] = first.id
    return row, event_values(first.id, ev, now)


def decide_service(sender: Sender, look: Lookups, op: wire.Op, now: dt.datetime) -> Effect:
    """A unit's own service from an administrator at a desk: valid in the catalogue format, not a central
    service, last writer (by ``updated_at``) wins."""
    from .catalog import check_local_service

    sv = op.service
    if sv is None:
        raise InvalidInput("A service.upsert op needs a service payload.", field="service")
    if sv.actor is None:
        raise NotPermitted("A change of a unit's service names the administrator who made it.")
    rules.check_op_time(sv.updated_at, now, skew_s=sender.skew_s, what="change time")
    _actor(sender, look, sv.actor, "service", sv.updated_at)
    check_local_service(sv, look.central_codes)
    stored = look.services.get(sv.code)
    if stored is not None and stored > sv.updated_at:
        raise Stale("Service {code} was changed more recently elsewhere.", code=sv.code,
                          current={"updated_at": stored.isoformat()})  # fmt: skip
    look.services[sv.code] = sv.updated_at
    look.days[sv.code] = look.days.get(sv.code, frozenset()) | (
        {sv.service["standard_days"]} if isinstance(sv.service.get("standard_days"), int) else set()
    )
    return Effect(
        service={"unit_code": sender.unit, "code": sv.code, "content": dict(sv.service), "updated_at": sv.updated_at},
        change_kind="service",
        change=sv.model_dump(mode="json"),
    )


DECISIONS: Mapping[str, Callable[[Sender, Lookups, wire.Op, dt.datetime], Effect]] = {
    "request.intake": decide_intake,
    "request.status": decide_change,
    "request.deliver": decide_change,
    "request.void": decide_change,
    "request.assign": decide_change,
    "request.note": decide_change,
    "request.print": decide_change,
    "request.sync": decide_sync,
    "request.survey": decide_change,
    "service.upsert": decide_service,
}
