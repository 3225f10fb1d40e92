"""Intake: one citizen's visit, one request per service, in one transaction (the hot path)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from .. import rules
from ..auth import Actor
from ..clock import utcnow, uuid7
from ..db import RAW, RawTx, Store
from ..deadlines import promised_date
from ..errors import InvalidInput, MissingDocuments, NotFound
from ..i18n import QT_TRANSLATE_NOOP
from ..identity import parse_nid, remember_citizen
from ..limits import COMPLAINT_SERVICE, MAX_DOCUMENTS, MAX_EMAIL, MAX_VISIT
from ..models import Request
from ..numbering import new_lookup_code, next_receipt_no, parse_receipt_no
from ..queries import RequestView, request_sla
from ..text import fold
from ..wire import EMAIL_PATTERN
from .record import MAX_NAME, _clean_note, _record, _require, _snapshot


@dataclass
class CitizenInput:
    nid: str
    full_name: str
    phone: str | None = None
    accept_check_mismatch: bool = False
    notify_consent: bool = False  # the citizen agrees to be told when a request is ready or returned
    email: str | None = None  # where to tell them (besides, or instead of, the phone)


@dataclass
class IntakeItem:
    service_code: str
    documents: list[str]
    fee_paid: int | None = None  # None: the service's fee
    note: str | None = None
    accept_missing: bool = False
    return_for_completion: bool = False
    complaint_about: str | None = None  # a complaint (service ANKESE): the receipt number it is about


_EMAIL = re.compile(EMAIL_PATTERN)

# ---------------------------------------------------------------- intake


def _check_citizen(citizen: CitizenInput) -> tuple[str, str, str | None]:
    info = parse_nid(citizen.nid, accept_check_mismatch=citizen.accept_check_mismatch)
    name = " ".join(citizen.full_name.split())
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The citizen's name is required."), field="name")
    rules.clean_line(name, "name", 10 * MAX_NAME)  # control characters (ESC, BEL, NUL …) never reach a receipt
    if len(name) > MAX_NAME:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The name can have at most {n} characters."), field="name", n=MAX_NAME
        )
    phone = (citizen.phone or "").strip() or None
    if phone is not None and (len(phone) > 40 or not all(c.isdigit() or c in "+ -()" for c in phone)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The phone number may contain only digits, spaces and + - ( )."),
            field="phone",
        )
    return info.nid, name, phone


def _check_contact(citizen: CitizenInput, phone: str | None) -> str | None:
    """The contact e-mail as stored (or None), and consent only with somewhere to send the messages."""
    email = "".join((citizen.email or "").split()) or None
    if email is not None:
        local, _, domain = email.rpartition("@")
        email = f"{local}@{domain.lower()}"
        if len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The e-mail address does not look right (e.g. emri@shembull.al)."),
                field="email",
            )
    if citizen.notify_consent and phone is None and email is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "To be told when the request is ready, give a phone number or an e-mail."),
            field="notify_consent",
        )
    return email


def _complaint_about(item: IntakeItem, code: str) -> str | None:
    if not (item.complaint_about or "").strip():
        return None
    if code != COMPLAINT_SERVICE:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a complaint names the receipt it is about."),
                           field="complaint_about")  # fmt: skip
    return parse_receipt_no(item.complaint_about or "").text


_SUPERVISOR_SQL = (
    "SELECT id, username FROM users WHERE role = 'supervisor' AND active AND origin IN ('central', 'local') "
    "ORDER BY origin = 'central' DESC, username LIMIT 1"
)


def _complaint_handler(s: Session | RawTx, actor: Actor) -> tuple[str, str]:
    """Who a complaint is routed to: the supervisor taking it, else the unit's first active supervisor (an
    account of the central system first), else — no supervisor on this desk — the clerk taking it."""
    if actor.role == "supervisor":
        return actor.user_id, actor.username
    row = RAW.cursor(s).execute(_SUPERVISOR_SQL).fetchone()
    return (str(row[0]), str(row[1])) if row is not None else (actor.user_id, actor.username)


@dataclass(frozen=True)
class _CheckedItem:
    code: str
    name_sq: str
    name_en: str
    standard_days: int
    received: list[str]
    missing: list[str]
    fee: int


@dataclass(frozen=True)
class _Doc:
    code: str
    required: bool


_SERVICE_SQL = "SELECT active, name_sq, name_en, fee_amount, standard_days FROM services WHERE code = ?"
_DOCS_SQL = "SELECT code, required FROM service_documents WHERE service_code = ? ORDER BY position"


def _check_item(s: Session | RawTx, item: IntakeItem) -> _CheckedItem:
    code = item.service_code.strip().upper()
    cur = RAW.cursor(s)
    svc = cur.execute(_SERVICE_SQL, (code,)).fetchone()
    if svc is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no service with code {code}."), code=code)
    active, name_sq, name_en, fee_amount, standard_days = svc
    if not active:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} is no longer offered."), field="service", code=code
        )
    docs = [_Doc(dcode, bool(req)) for dcode, req in cur.execute(_DOCS_SQL, (code,))]
    known = {d.code for d in docs}
    received = list(dict.fromkeys(d.strip().upper() for d in item.documents if d.strip()))
    if len(received) > MAX_DOCUMENTS:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A request can list at most {n} documents."),
                           field="documents", n=MAX_DOCUMENTS)  # fmt: skip
    unknown = [d for d in received if d not in known]
    if unknown:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service {code} does not ask for document {doc}."),
            field="documents",
            code=code,
            doc=", ".join(unknown),
        )
    missing = [d.code for d in docs if d.required and d.code not in received]
    if missing and not (item.accept_missing or item.return_for_completion):
        raise MissingDocuments(missing, service_code=code)
    fee = fee_amount if item.fee_paid is None else item.fee_paid
    if isinstance(fee, int) and fee < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The fee paid cannot be negative."), field="fee")
    rules.check_fee(fee)
    return _CheckedItem(code, name_sq, name_en, standard_days, received, missing, fee)


def intake(
    store: Store,
    actor: Actor,
    citizen: CitizenInput,
    items: list[IntakeItem],
    *,
    priority: bool = False,
    now: dt.datetime | None = None,
) -> list[RequestView]:
    """Receive one citizen's visit: one request per service, all in one transaction, one visit id."""
    _require(actor, "intake")
    if not items:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose at least one service."), field="service")
    if len(items) > MAX_VISIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "One visit can have at most {n} requests."),
                           field="service", n=MAX_VISIT)  # fmt: skip
    nid, name, phone = _check_citizen(citizen)
    email = _check_contact(citizen, phone)
    notes = [_clean_note(i.note) for i in items]
    now = now or utcnow()
    visit_id = uuid7()
    views: list[RequestView] = []
    with store.raw_write() as s:
        checked = [_check_item(s, item) for item in items]
        remember_citizen(s, nid, name, phone, now)
        cur = RAW.cursor(s)
        for item, note, c in zip(items, notes, checked, strict=True):
            status = "returned" if (c.missing and item.return_for_completion) else "received"
            about = _complaint_about(item, c.code)
            holder_id, holder = _complaint_handler(s, actor) if c.code == COMPLAINT_SERVICE else (actor.user_id,
                                                                                                  actor.username)
            values: dict[str, Any] = {
                "id": uuid7(),
                "receipt_no": next_receipt_no(s),
                "visit_id": visit_id,
                "unit_code": actor.unit_code,
                "workstation_code": actor.workstation_code,
                "service_code": c.code,
                "citizen_nid": nid,
                "citizen_name": name,
                "citizen_key": fold(name),
                "citizen_phone": phone,
                "documents": c.received,
                "documents_missing": c.missing,
                "fee_paid": c.fee,
                "priority": priority,
                "note": note,
                "status": status,
                "assignee_id": holder_id,
                "created_by_id": actor.user_id,
                "created_at": now,
                "updated_at": now,
                "due_date": promised_date(now, c.standard_days),
                "standard_days": c.standard_days,
                "version": 1,
                "print_count": 0,
                "central_ack": False,
                "notify_consent": bool(citizen.notify_consent),
                "contact_email": email,
                "lookup_code": new_lookup_code(),
                "complaint_about": about,
            }
            RAW.insert(cur, Request.__table__, values)
            data = {"missing_accepted": not item.return_for_completion} if c.missing else None
            _record(
                s,
                actor,
                values,
                "intake",
                to_status=status,
                now=now,
                data=data,
                snapshot=_snapshot(values, actor, {holder_id: holder}),
            )
            views.append(_intake_view(values, c, actor, holder))
    return views


def _intake_view(v: dict[str, Any], c: _CheckedItem, actor: Actor, holder: str) -> RequestView:
    return RequestView(
        id=v["id"],
        receipt_no=v["receipt_no"],
        visit_id=v["visit_id"],
        status=v["status"],
        service_code=c.code,
        service_name_sq=c.name_sq,
        service_name_en=c.name_en,
        citizen_nid=v["citizen_nid"],
        citizen_name=v["citizen_name"],
        citizen_phone=v["citizen_phone"],
        documents=list(c.received),
        documents_missing=list(c.missing),
        fee_paid=c.fee,
        priority=v["priority"],
        note=v["note"],
        assignee=holder,
        assignee_name=actor.full_name if holder == actor.username else holder,
        created_by=actor.username,
        created_at=v["created_at"],
        updated_at=v["updated_at"],
        due_date=v["due_date"],
        standard_days=v["standard_days"],
        sla=request_sla(v["status"], v["due_date"]),
        rating=None,
        version=1,
        print_count=0,
        central_ack=False,
        completed_at=None,
        delivered_at=None,
        workstation_code=v["workstation_code"],
        notify_consent=v["notify_consent"],
        contact_email=v["contact_email"],
        lookup_code=v["lookup_code"],
        complaint_about=v["complaint_about"],
    )
