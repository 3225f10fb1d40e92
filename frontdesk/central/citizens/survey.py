"""The citizen's satisfaction survey on the web: reached from the status page (the QR code), from the
message, or typed; no sign-in — the link carries a token signed with the central system's secret
(HMAC-SHA256 of the request's id), so any worker process checks it without storing it. One answer per
request: the answer goes through the one apply path as a ``request.survey`` op (actor ``citizen``,
workstation ``WEB``), which refuses a second one — whichever came first, the web or the counter's prompt
— and ``survey_answers`` has the request as its primary key."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from frontdesk import limits as L
from frontdesk import rules, wire
from frontdesk.clock import utcnow, uuid7
from frontdesk.errors import FrontdeskError, InvalidInput
from frontdesk.numbering import parse_receipt_no

from .. import models as m
from ..batch import Batch
from ..db import Database, lock_unit
from ..decide import Sender
from . import throttle
from .catalog_names import service_names
from .settings import survey_secret

CITIZEN = "citizen"  # the actor of what a citizen does on the web, in the request's history
WEB = "WEB"  # the workstation code of the public pages (reserved: no desk enrols with it)
State = Literal["open", "done", "closed", "bad"]


def token_for(secret: bytes, request_id: str) -> str:
    mac = hmac.new(secret, b"survey:" + request_id.encode(), hashlib.sha256).digest()
    return base64.b32encode(mac[:15]).decode().lower()


def survey_path(secret: bytes, request_id: str, receipt_no: str) -> str:
    return f"/survey/{receipt_no}/{token_for(secret, request_id)}"


@dataclass
class SurveyView:
    state: State
    receipt_no: str = ""
    service: dict[str, str] | None = None


def _find(s: Any, secret: bytes, receipt: str, token: str) -> m.Request | None:
    try:
        receipt_no = parse_receipt_no(receipt).text
    except InvalidInput:
        return None
    row = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no)).first()
    if row is None or not hmac.compare_digest(token_for(secret, row.id).encode(), token.strip().lower().encode()):
        return None
    return row


def view(db: Database, receipt: str, token: str) -> SurveyView:
    secret = survey_secret(db)
    with db.read() as s:
        row = _find(s, secret, receipt, token)
        if row is None:
            return SurveyView("bad")
        names = service_names(s, row.unit_code, row.service_code)
        if s.get(m.SurveyAnswer, row.id) is not None:
            return SurveyView("done", row.receipt_no, names.name)
        if row.status not in L.SURVEY_STATUSES:
            return SurveyView("closed", row.receipt_no, names.name)
        return SurveyView("open", row.receipt_no, names.name)


def answer(db: Database, receipt: str, token: str, *, overall: int, promised_kept: bool | None, clear: bool | None,
           comment: str | None, address: str) -> State:  # fmt: skip
    """Record the citizen's answer; ``open`` stays the state when it was recorded now ("thank you"), else
    ``done`` (answered before), ``closed`` or ``bad``. Raises InvalidInput for answers out of range and
    TooManyAttempts past the address's limit."""
    if isinstance(overall, bool) or not isinstance(overall, int) or not 1 <= overall <= 5:
        raise InvalidInput("Choose a rating from 1 to 5.", field="overall")
    text = rules.clean_para(comment, "comment", L.MAX_COMMENT)
    data: dict[str, Any] = {"overall": overall, "channel": "web"}
    if promised_kept is not None:
        data["promised_kept"] = promised_kept
    if clear is not None:
        data["clear"] = clear
    if text:
        data["comment"] = text
    secret = survey_secret(db)
    now = utcnow()
    with db.write() as s:
        throttle.check(s, "survey", address, None, now)
        throttle.record(s, "survey", address, None, True, now)
        row = _find(s, secret, receipt, token)
        if row is None:
            return "bad"
        lock_unit(s, row.unit_code)
        ev = wire.EventPayload.model_validate({"id": uuid7(), "kind": "survey", "actor": CITIZEN, "workstation": WEB,
                                               "device_time": now, "data": data})  # fmt: skip
        op = wire.Op(op_id=uuid7(), kind="request.survey", created_at=now,
                     request=wire.RequestOpPayload(event=ev, request_id=row.id, receipt_no=row.receipt_no,
                                                   version=row.version))  # fmt: skip
        sender = Sender(row.unit_code, None, WEB, trusted_actor=CITIZEN)
        (result,) = Batch(s, sender, now=now).apply([op.model_dump(mode="json")])
        if result.result == "applied":
            return "open"
        answered = s.get(m.SurveyAnswer, row.id) is not None
        return "done" if answered else "closed"


def survey_error(exc: FrontdeskError) -> str:
    return exc.render()
