"""Intake: one citizen's visit, one request per service, in one transaction (the hot path)."""

from __future__ import annotations

import datetime as dt
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
from ..limits import MAX_DOCUMENTS, MAX_VISIT
from ..models import Request
from ..numbering import next_receipt_no
from ..queries import RequestView, request_sla
from ..text import fold
from .record import MAX_NAME, _clean_note, _record, _require, _snapshot


@dataclass
class CitizenInput:
    nid: str
    full_name: str
    phone: str | None = None
    accept_check_mismatch: bool = False


@dataclass
class IntakeItem:
    service_code: str
    documents: list[str]
    fee_paid: int | None = None  # None: the service's fee
    note: str | None = None
    accept_missing: bool = False
    return_for_completion: bool = False


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
                "assignee_id": actor.user_id,
                "created_by_id": actor.user_id,
                "created_at": now,
                "updated_at": now,
                "due_date": promised_date(now, c.standard_days),
                "standard_days": c.standard_days,
                "version": 1,
                "print_count": 0,
                "central_ack": False,
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
                snapshot=_snapshot(values, actor),
            )
            views.append(_intake_view(values, c, actor))
    return views


def _intake_view(v: dict[str, Any], c: _CheckedItem, actor: Actor) -> RequestView:
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
        assignee=actor.username,
        assignee_name=actor.full_name,
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
    )
