"""The receipt's content (:class:`ReceiptDoc`, one :class:`ReceiptItem` per request of the visit), rebuilt
from the database by :func:`load_receipt`; :func:`status_url` is the status lookup's address its QR code
holds. Part of :mod:`frontdesk.receipts`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..i18n import QT_TRANSLATE_NOOP
from ..identity import mask_nid
from ..models import Request, Service, ServiceDocument, SyncState, Unit, User
from ..receipts_text import STRINGS

LANGS = ("sq", "en")


@dataclass(frozen=True)
class ReceiptItem:
    receipt_no: str
    service_code: str
    service_name: str
    documents: tuple[str, ...]
    fee_paid: int
    promised_date: dt.date
    priority: bool
    standard_days: int
    lookup_code: str | None = None  # the short code of the public status lookup (printed beside the number)
    status_url: str | None = None  # the lookup address with number and code (the QR code), when the
    # municipality's public address is known


@dataclass(frozen=True)
class ReceiptDoc:
    unit_name: str
    office_name: str
    workstation_code: str
    intake_time: dt.datetime  # naive UTC
    citizen_name: str
    masked_nid: str
    clerk_name: str
    provisional: bool
    items: tuple[ReceiptItem, ...]
    lang: str = "sq"
    public_url: str | None = None  # the municipality's public address, as the central system set it


# ---------------------------------------------------------------- loading from the database


def load_receipt(session: Session, receipt_no: str, *, lang: str = "sq", whole_visit: bool = True) -> ReceiptDoc:
    """The receipt of ``receipt_no`` (with every request of the same visit when ``whole_visit``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown receipt language {lang!r}")
    number = receipt_no.strip().upper()
    first = session.scalars(select(Request).where(Request.receipt_no == number)).one_or_none()
    if first is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No request has the receipt number {receipt_no}."),
            receipt_no=number,
        )
    if whole_visit:
        rows = list(
            session.scalars(select(Request).where(Request.visit_id == first.visit_id).order_by(Request.receipt_no))
        )
    else:
        rows = [first]
    lead = rows[0]
    unit = session.get(Unit, lead.unit_code)
    clerk = session.get(User, lead.created_by_id)
    public = session.get(SyncState, "public_url")
    public_url = public.value if public is not None and public.value else None
    items = tuple(_item(session, r, lang, public_url) for r in rows)
    return ReceiptDoc(
        unit_name=unit.name if unit else lead.unit_code,
        office_name=STRINGS[lang]["office"],
        workstation_code=lead.workstation_code,
        intake_time=min(r.created_at for r in rows),
        citizen_name=lead.citizen_name,
        masked_nid=mask_nid(lead.citizen_nid),
        clerk_name=clerk.full_name if clerk else "",
        provisional=any(not r.central_ack for r in rows),
        items=items,
        lang=lang,
        public_url=public_url,
    )


def status_url(public_url: str, receipt_no: str, code: str, lang: str = "sq") -> str:
    """The status lookup's address for one request: what the receipt's QR code holds."""
    tail = "" if lang == "sq" else f"&lang={lang}"
    return f"{public_url}/status?r={receipt_no}&c={code}{tail}"


def _item(session: Session, req: Request, lang: str, public_url: str | None = None) -> ReceiptItem:
    service = session.get(Service, req.service_code)
    docs = session.scalars(
        select(ServiceDocument)
        .where(ServiceDocument.service_code == req.service_code)
        .order_by(ServiceDocument.position, ServiceDocument.code)
    ).all()
    names = {d.code: (d.name_sq if lang == "sq" else d.name_en) for d in docs}
    order = {d.code: i for i, d in enumerate(docs)}
    received = sorted(req.documents or [], key=lambda c: (order.get(c, len(order)), c))
    if service is None:
        service_name = req.service_code
    else:
        service_name = service.name_sq if lang == "sq" else service.name_en
    return ReceiptItem(
        receipt_no=req.receipt_no,
        service_code=req.service_code,
        service_name=service_name,
        documents=tuple(names.get(c, c) for c in received),
        fee_paid=req.fee_paid,
        promised_date=req.due_date,
        priority=req.priority,
        standard_days=req.standard_days,
        lookup_code=req.lookup_code,
        status_url=status_url(public_url, req.receipt_no, req.lookup_code, lang)
        if public_url and req.lookup_code
        else None,
    )
