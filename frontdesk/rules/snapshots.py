"""Whole requests: a new request as a desk sends it (:func:`check_intake`), a request in the pull feed
(:func:`check_pulled_request`) and whether a pulled state may replace the desk's (:func:`check_pulled_state`),
with the promised date (:func:`check_due_date`) and the citizen's side (:func:`check_citizen_side`) they
share. Built on the other rules; part of the rulebook (:mod:`frontdesk.rules`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from .. import limits as L
from ..deadlines import local_date
from ..errors import BadReceipt, BadTime, InvalidInput, InvalidTransition, WrongUnit, WrongWorkstation
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import TERMINAL, TRANSITIONS
from ..numbering import parse_receipt_no
from ..wire import EventPayload, RequestSnapshot
from .events import check_event
from .fields import clean_line
from .origin import check_op_time, check_pulled_time, check_receipt


def check_due_date(created_at: dt.datetime, due: dt.date, standard_days: int) -> None:
    """A promised date after the intake day by at least the standard's calendar days and at most twice
    them plus three weeks (weekends and holidays; calendars of two library versions may differ by a day)."""
    day = local_date(created_at)
    if not day + dt.timedelta(days=standard_days) <= due <= day + dt.timedelta(days=2 * standard_days + 21):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The promised date {due} does not fit a standard of {days} working days."),
            field="due_date",
            due=due.isoformat(),
            days=standard_days,
        )


def check_intake(
    snap: RequestSnapshot,
    ev: EventPayload,
    *,
    unit: str,
    workstation: str,
    counter_max: int | None,
    now: dt.datetime,
    skew_s: float | None = None,
    standard_days: Iterable[int] | None = None,
    supervisors: Iterable[str] | None = None,
) -> None:
    """A new request as a desk sends it: its unit and workstation, a receipt number of its own, a fresh
    state (received or returned, version 1, nothing completed yet, assigned to whoever received it — a
    complaint to one of the unit's ``supervisors``), times inside the window, a service the central system
    published (with one of its standard times) and a promised date that fits it; consent to messages with a
    phone or an e-mail to send them to; a receipt a complaint is about only on a complaint."""
    if snap.unit_code != unit:
        raise WrongUnit(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} names unit {named}, not {unit}."),
                        receipt_no=snap.receipt_no, named=snap.unit_code, unit=unit)  # fmt: skip
    if snap.workstation_code != workstation:
        raise WrongWorkstation(
            QT_TRANSLATE_NOOP("errors", "The change names workstation {named}, not {workstation}."),
            named=snap.workstation_code,
            workstation=workstation,
        )
    check_receipt(snap.receipt_no, unit=unit, workstation=workstation, counter_max=counter_max)
    check_event(ev, workstation=workstation)
    if ev.kind != "intake":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A new request needs its intake event."), field="kind")
    fresh = (
        snap.version == 1
        and snap.status == ev.to_status
        and snap.status in ("received", "returned")
        and snap.completed_at is None
        and snap.delivered_at is None
        and snap.rating is None
        and snap.created_by == ev.actor
        and (snap.assignee == ev.actor or _routed_complaint(snap, supervisors))
        and snap.updated_at == snap.created_at == ev.device_time
        and (snap.status == "returned") <= bool(snap.documents_missing)
    )
    if not fresh:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} does not arrive as a new request."),
            field="status",
            receipt_no=snap.receipt_no,
        )
    check_op_time(snap.created_at, now, skew_s=skew_s, what="intake time")
    if standard_days is not None and snap.standard_days not in set(standard_days):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} is not in a catalogue the central system published."),
            field="service",
            code=snap.service_code,
        )
    check_due_date(snap.created_at, snap.due_date, snap.standard_days)
    clean_line(snap.citizen_name, "name", L.MAX_NAME, required=True)
    check_citizen_side(snap)


def _routed_complaint(snap: RequestSnapshot, supervisors: Iterable[str] | None) -> bool:
    return snap.service_code == L.COMPLAINT_SERVICE and supervisors is not None and snap.assignee in set(supervisors)


def check_citizen_side(snap: RequestSnapshot) -> None:
    """Consent to messages needs somewhere to send them; only a complaint names the receipt it is about,
    and never its own."""
    if snap.notify_consent and not (snap.citizen_phone or snap.contact_email):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "To be told when the request is ready, give a phone number or an e-mail."),
            field="notify_consent",
        )
    if snap.complaint_about is not None:
        if snap.service_code != L.COMPLAINT_SERVICE:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a complaint names the receipt it is about."),
                               field="complaint_about")  # fmt: skip
        if snap.complaint_about == snap.receipt_no:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A complaint cannot be about itself."),
                               field="complaint_about")  # fmt: skip
        try:
            parse_receipt_no(snap.complaint_about)
        except InvalidInput:
            raise BadReceipt(
                QT_TRANSLATE_NOOP("errors", "{receipt_no} is not a valid receipt number (check character)."),
                receipt_no=snap.complaint_about,
            ) from None


def check_pulled_request(
    snap: RequestSnapshot,
    events: Iterable[EventPayload],
    *,
    unit: str,
    workstation: str,
    counter: int,
    now: dt.datetime,
) -> None:
    """A request in the pull feed, before it touches the desk's store: of this unit, with a receipt number
    of its unit and workstation and a valid check character (one of this desk's own only if this desk has
    issued it), times this desk's clock accepts, and history events that follow the lifecycle."""
    if snap.unit_code != unit:
        raise WrongUnit(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} names unit {named}, not {unit}."),
                        receipt_no=snap.receipt_no, named=snap.unit_code, unit=unit)  # fmt: skip
    own = snap.workstation_code == workstation
    check_receipt(snap.receipt_no, unit=unit, workstation=snap.workstation_code, counter_max=counter if own else None)
    for what, t in (("created", snap.created_at), ("updated", snap.updated_at), ("completed", snap.completed_at),
                    ("delivered", snap.delivered_at)):  # fmt: skip
        check_pulled_time(t, now, what)
    check_citizen_side(snap)
    if snap.updated_at < snap.created_at:
        raise BadTime(QT_TRANSLATE_NOOP("errors", "Request {receipt_no} was updated before it was received."),
                      receipt_no=snap.receipt_no)  # fmt: skip
    if not local_date(snap.created_at) <= snap.due_date <= local_date(snap.created_at) + dt.timedelta(L.MAX_DUE_DAYS):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The promised date of request {receipt_no} is not plausible."),
                           field="due_date", receipt_no=snap.receipt_no)  # fmt: skip
    for ev in events:
        check_event(ev)
        check_pulled_time(ev.device_time, now, "event time")
        if ev.from_status is not None and ev.to_status is not None and ev.to_status not in TRANSITIONS[ev.from_status]:
            raise InvalidTransition(
                QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
                receipt_no=snap.receipt_no,
                status=ev.from_status,
                target=ev.to_status,
            )


def check_pulled_state(local: Mapping[str, Any], snap: RequestSnapshot) -> bool:
    """Whether a pulled snapshot may replace this desk's confirmed state of the request (``local``: its
    ``status`` and ``version``): not when it is older (False: keep the local state, merge the events), and
    never by moving a finished request out of its final status (raises)."""
    if snap.version < int(local["version"]):
        return False
    if local["status"] in TERMINAL and snap.status != local["status"]:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
            receipt_no=snap.receipt_no,
            status=local["status"],
            target=snap.status,
        )
    return True
