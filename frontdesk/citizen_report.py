"""The desk's report of what the citizens say (issue 14): their own survey answers — from the counter's
prompt or the survey page, pulled from the central system — beside the ratings clerks typed at delivery,
and the complaints, per service, unit or clerk (the request's assignee), with the definitions of
:mod:`frontdesk.citizen_figures` (the central system's report uses them too)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from . import citizen_figures as cf
from .clock import utcnow
from .db import Store
from .deadlines import OFFICE_TZ, local_date
from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP
from .limits import COMPLAINT_SERVICE
from .models import Request, RequestEvent, Service, Unit, User


def _utc(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(), OFFICE_TZ).astimezone(dt.UTC).replace(tzinfo=None)


def citizens_report(store: Store, *, by: str = "service", date_from: dt.date | None = None,
                    date_to: dt.date | None = None) -> cf.CitizensReport:  # fmt: skip
    """Answers given, deliveries rated and complaints received in the local days ``date_from``–``date_to``
    (default: this month up to today)."""
    if by not in cf.BY:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown grouping {by}."), field="by", by=by)
    date_to = date_to or local_date(utcnow())
    date_from = date_from or date_to.replace(day=1)
    if date_to < date_from:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The end date is before the start date."), field="date_to")
    lo, hi = _utc(date_from), _utc(date_to + dt.timedelta(days=1))
    assignee = aliased(User)

    def key(service: str, unit: str, clerk: str | None) -> str:
        return service if by == "service" else unit if by == "unit" else (clerk or cf.NONE)

    with store.read() as s:
        answers = []
        stmt = (
            select(Request.service_code, Request.unit_code, assignee.username, RequestEvent.data)
            .join(Request, Request.id == RequestEvent.request_id)
            .outerjoin(assignee, assignee.id == Request.assignee_id)
            .where(RequestEvent.kind == "survey", RequestEvent.device_time >= lo, RequestEvent.device_time < hi)
        )
        for service, unit, clerk, data in s.execute(stmt):
            overall = (data or {}).get("overall")
            if isinstance(overall, int) and not isinstance(overall, bool):
                answers.append((key(service, unit, clerk), overall, data.get("promised_kept"), data.get("clear")))
        ratings = [
            (key(service, unit, clerk), int(rating))
            for service, unit, clerk, rating in s.execute(
                select(Request.service_code, Request.unit_code, assignee.username, Request.rating)
                .outerjoin(assignee, assignee.id == Request.assignee_id)
                .where(Request.rating.is_not(None), Request.delivered_at >= lo, Request.delivered_at < hi))
            if rating is not None  # the query's own condition, said again for the type checker
        ]  # fmt: skip
        about = aliased(Request)
        about_clerk = aliased(User)
        complaints = [
            key(service, unit, clerk) if service is not None else (own_unit if by == "unit" else cf.NONE)
            for service, unit, clerk, own_unit in s.execute(
                select(about.service_code, about.unit_code, about_clerk.username, Request.unit_code)
                .outerjoin(about, and_(about.receipt_no == Request.complaint_about))
                .outerjoin(about_clerk, about_clerk.id == about.assignee_id)
                .where(Request.service_code == COMPLAINT_SERVICE, Request.created_at >= lo, Request.created_at < hi))
        ]  # fmt: skip
        if by == "service":
            labels = {c: n for c, n in s.execute(select(Service.code, Service.name_sq))}
        elif by == "unit":
            labels = {c: n for c, n in s.execute(select(Unit.code, Unit.name))}
        else:
            labels = {u: n for u, n in s.execute(select(User.username, User.full_name))}
    return cf.build(by, date_from, date_to, answers=answers, clerk_ratings=ratings, complaints=complaints,
                    labels=labels)  # fmt: skip
