"""The public status lookup: a receipt number and the short code printed on the receipt give the status,
the promised date, the office and what to bring — nothing else personal (no name, no personal number).

* A wrong code and an unknown receipt number get the **same** answer (``not_found``); a receipt number
  whose workstation has not pushed that far yet answers ``not_synced`` ("registered at the counter, not
  yet in the central system"), whatever the code: it says nothing of a request the server has.
* Rate limits in the database (:mod:`.throttle`): lookups that find nothing per address and per receipt
  number, all lookups per address; past them every lookup answers ``429`` until the window passes.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select

from frontdesk.clock import utcnow
from frontdesk.errors import InvalidInput
from frontdesk.limits import SURVEY_STATUSES
from frontdesk.numbering import normalise_lookup_code, parse_receipt_no

from .. import models as m
from ..db import Database
from . import throttle
from .catalog_names import service_names
from .settings import public_url, survey_secret
from .texts import status_label, t

Outcome = Literal["found", "not_found", "not_synced", "invalid"]


@dataclass
class StatusAnswer:
    outcome: Outcome
    message: str | None = None
    receipt_no: str | None = None
    status: str | None = None
    status_label: str | None = None
    service: str | None = None
    office: str | None = None
    promised_date: dt.date | None = None
    bring: list[str] = field(default_factory=list)
    survey_url: str | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"outcome": self.outcome}
        for name in ("message", "receipt_no", "status", "status_label", "service", "office", "survey_url"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.promised_date is not None:
            out["promised_date"] = self.promised_date.isoformat()
        if self.outcome == "found":
            out["bring"] = list(self.bring)
        return out


def lookup(db: Database, receipt: str, code: str, *, address: str, lang: str = "sq",
           now: dt.datetime | None = None) -> StatusAnswer:  # fmt: skip
    now = now or utcnow()
    try:
        receipt_no = parse_receipt_no(receipt).text
    except InvalidInput:
        receipt_no = None
    secret = survey_secret(db)  # before the write transaction (made once, in a transaction of its own)
    with db.write() as s:
        throttle.check(s, "lookup", address, receipt_no, now)
        if receipt_no is None:
            throttle.record(s, "lookup", address, None, False, now)
            return StatusAnswer("invalid", t(lang, "invalid"))
        row = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no)).first()
        given = normalise_lookup_code(code or "")
        if row is not None and row.lookup_code and hmac.compare_digest(row.lookup_code.encode(), given.encode()):
            throttle.record(s, "lookup", address, receipt_no, True, now)
            return _found(s, secret, row, lang)
        throttle.record(s, "lookup", address, receipt_no, False, now)
        if row is None and _not_pushed_yet(s, receipt_no):
            return StatusAnswer("not_synced", t(lang, "not_synced"), receipt_no=receipt_no)
        return StatusAnswer("not_found", t(lang, "not_found"))


def _not_pushed_yet(s: object, receipt_no: str) -> bool:
    """The receipt number's workstation is enrolled and has not reported a counter that far: the request
    may well exist at the counter and not be pushed yet."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    parsed = parse_receipt_no(receipt_no)
    highest = s.scalar(select(m.Workstation.max_receipt_counter).where(
        m.Workstation.unit_code == parsed.unit, m.Workstation.code == parsed.workstation))  # fmt: skip
    return highest is not None and parsed.counter > int(highest)


def _found(s: object, secret: bytes, row: m.Request, lang: str) -> StatusAnswer:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    names = service_names(s, row.unit_code, row.service_code)
    unit = s.get(m.Unit, row.unit_code)
    office = ", ".join(x for x in (unit.name if unit else row.unit_code, names.office) if x)
    if row.status == "ready":
        bring = [t(lang, "bring_ready")]
    elif row.status == "returned":
        missing = [names.document(c, lang) for c in (row.documents_missing or [])]
        bring = [t(lang, "bring_returned"), *missing] if missing else [t(lang, "bring_returned_ask")]
    elif row.status in ("delivered", "rejected", "cancelled"):
        bring = [t(lang, "bring_done")]
    else:
        bring = [t(lang, "bring_nothing")]
    survey = None
    if row.status in SURVEY_STATUSES and s.get(m.SurveyAnswer, row.id) is None:
        from .survey import survey_path

        base = public_url(s) or ""
        survey = f"{base}{survey_path(secret, row.id, row.receipt_no)}?lang={lang}"
    return StatusAnswer("found", None, receipt_no=row.receipt_no, status=row.status,
                        status_label=status_label(lang, row.status), service=names.name.get(lang, row.service_code),
                        office=office, promised_date=row.due_date, bring=bring, survey_url=survey)  # fmt: skip
