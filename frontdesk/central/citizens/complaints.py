"""Complaints made online: a citizen's complaint becomes a request of the catalogue's complaint service
(``ANKESE``, with its own standard time) in the unit it is about, routed to the unit's supervisor, in the
unit's feed like any request (every desk of the unit pulls it; the supervisor follows it in the worklist).
Linked to a receipt when the citizen gives one with its code (the citizen's name and personal number are
then the request's; nothing is asked again). Its receipt number is the central system's own for the unit
(workstation code ``WEB``, reserved) and it gets a lookup code like any receipt. It enters through the one
apply path (a ``request.intake`` op, actor ``citizen``), checked by the same rules as a desk's intake."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from sqlalchemy import select, text

from frontdesk import limits as L
from frontdesk import rules, wire
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import promised_date
from frontdesk.errors import FrontdeskError, InvalidInput
from frontdesk.numbering import format_receipt_no, new_lookup_code, normalise_lookup_code, parse_receipt_no

from .. import models as m
from ..batch import Batch
from ..db import Database, lock_unit
from ..decide import Sender
from . import throttle
from .catalog_names import service_names
from .survey import CITIZEN, WEB

_NID = re.compile(wire.NID_PATTERN)
_PHONE = re.compile(wire.PHONE_PATTERN)
_EMAIL = re.compile(wire.EMAIL_PATTERN)


@dataclass(frozen=True)
class Filed:
    receipt_no: str
    lookup_code: str


def _next_number(s: object, unit: str) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    if s.get(m.PublicCounter, unit) is None:
        s.add(m.PublicCounter(unit_code=unit, last=0))
        s.flush()
    return int(s.execute(text("UPDATE public_counters SET last = last + 1 WHERE unit_code = :u RETURNING last"),
                         {"u": unit}).scalar_one())  # fmt: skip


def file_complaint(db: Database, *, text_: str, address: str, receipt: str | None = None, code: str | None = None,
                   unit_code: str | None = None, nid: str | None = None, name: str | None = None,
                   phone: str | None = None, email: str | None = None, consent: bool = False) -> Filed:  # fmt: skip
    """File a complaint made online; raises ``InvalidInput`` with a sentence for the citizen (English; the
    page says it in the citizen's language by ``field``) and ``TooManyAttempts`` past the address's limit."""
    body = rules.clean_para(text_, "text", L.MAX_NOTE, required=True)
    phone = " ".join((phone or "").split()) or None
    email = "".join((email or "").split()) or None
    if phone is not None and not _PHONE.fullmatch(phone):
        raise InvalidInput("The phone number may contain only digits, spaces and + - ( ).", field="phone")
    if email is not None and (len(email) > L.MAX_EMAIL or not _EMAIL.fullmatch(email)):
        raise InvalidInput("The e-mail address does not look right.", field="email")
    if consent and not (phone or email):
        raise InvalidInput("To be told when it is answered, give a phone number or an e-mail.", field="consent")
    now = utcnow()
    with db.write() as s:
        throttle.check(s, "complaint", address, None, now)
        throttle.record(s, "complaint", address, None, True, now)
        about: m.Request | None = None
        if (receipt or "").strip():
            try:
                number = parse_receipt_no(receipt or "").text
            except FrontdeskError:
                raise InvalidInput("No request has this receipt number and code.", field="receipt") from None
            about = s.scalars(select(m.Request).where(m.Request.receipt_no == number)).first()
            given = normalise_lookup_code(code or "").encode()
            if about is None or not about.lookup_code or not hmac.compare_digest(about.lookup_code.encode(), given):
                raise InvalidInput("No request has this receipt number and code.", field="receipt")
            unit, citizen_nid, citizen_name = about.unit_code, about.citizen_nid, about.citizen_name
        else:
            unit = (unit_code or "").strip().upper()
            if s.get(m.Unit, unit) is None:
                raise InvalidInput("Choose the administrative unit.", field="unit")
            citizen_nid = "".join((nid or "").split()).upper()
            if not _NID.fullmatch(citizen_nid):
                raise InvalidInput("The personal number has 10 letters and digits, e.g. J00101999W.", field="nid")
            citizen_name = rules.clean_line(name, "name", L.MAX_NAME, required=True) or ""
        lock_unit(s, unit)
        names = service_names(s, unit, L.COMPLAINT_SERVICE)
        supervisor = s.scalar(select(m.User.username).order_by(m.User.username).where(
            m.User.unit_code == unit, m.User.active, m.User.role == "supervisor"))  # fmt: skip
        if names.standard_days is None or supervisor is None:
            raise InvalidInput("This office cannot take complaints online yet; please come to the counter.",
                               field="unit")  # fmt: skip
        receipt_no = format_receipt_no(unit, WEB, _next_number(s, unit))
        lookup_code = new_lookup_code()
        snap = wire.RequestSnapshot.model_validate({
            "id": uuid7(), "receipt_no": receipt_no, "visit_id": uuid7(), "unit_code": unit, "workstation_code": WEB,
            "service_code": L.COMPLAINT_SERVICE, "citizen_nid": citizen_nid, "citizen_name": citizen_name,
            "citizen_phone": phone, "documents": [], "documents_missing": [], "fee_paid": 0, "priority": False,
            "note": body, "status": "received", "assignee": supervisor, "created_by": CITIZEN, "created_at": now,
            "updated_at": now, "due_date": promised_date(now, names.standard_days),
            "standard_days": names.standard_days, "version": 1, "notify_consent": bool(consent),
            "contact_email": email, "lookup_code": lookup_code,
            "complaint_about": about.receipt_no if about is not None else None,
        })  # fmt: skip
        ev = wire.EventPayload.model_validate({"id": uuid7(), "kind": "intake", "to_status": "received",
                                               "actor": CITIZEN, "workstation": WEB, "device_time": now})  # fmt: skip
        op = wire.Op(op_id=uuid7(), kind="request.intake", created_at=now,
                     request=wire.RequestOpPayload(event=ev, request_id=snap.id, receipt_no=receipt_no, version=1,
                                                   request=snap))  # fmt: skip
        sender = Sender(unit, None, WEB, trusted_actor=CITIZEN)
        (result,) = Batch(s, sender, now=now).apply([op.model_dump(mode="json")])
        if result.result != "applied":
            raise InvalidInput("The complaint could not be registered: {problem}", field="text",
                               problem=result.message or result.reason or "?")  # fmt: skip
        return Filed(receipt_no, lookup_code)
