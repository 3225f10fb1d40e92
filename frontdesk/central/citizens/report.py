"""The citizens' figures on the central system (``frontdesk-central citizens-report``): survey answers
beside the clerks' ratings, and complaints, per service, unit or clerk (``UNIT/username``), with the
definitions of :mod:`frontdesk.citizen_figures` the desk's report uses too."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from frontdesk import citizen_figures as cf
from frontdesk.clock import utcnow
from frontdesk.deadlines import OFFICE_TZ, local_date
from frontdesk.limits import COMPLAINT_SERVICE

from .. import models as m
from ..db import Database
from .catalog_names import service_names


def _utc_bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(date_from, dt.time(), OFFICE_TZ).astimezone(dt.UTC).replace(tzinfo=None)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), OFFICE_TZ).astimezone(dt.UTC)
    return start, end.replace(tzinfo=None)


def _key(by: str, service: str, unit: str, clerk: str | None) -> str:
    if by == "service":
        return service
    if by == "unit":
        return unit
    return f"{unit}/{clerk}" if clerk else cf.NONE


def _labels(s: Session, by: str, keys: set[str], lang: str) -> dict[str, str]:
    keys.discard(cf.NONE)
    if by == "unit":
        return {u.code: u.name for u in s.scalars(select(m.Unit))}
    if by == "clerk":
        names = {f"{u}/{n}": f for u, n, f in s.execute(select(m.User.unit_code, m.User.username, m.User.full_name))}
        return {k: names[k] for k in keys if k in names}
    return {k: service_names(s, "", k).name.get(lang, k) for k in keys}


def citizens_report(db: Database, *, by: str = "service", date_from: dt.date | None = None,
                    date_to: dt.date | None = None, lang: str = "sq") -> cf.CitizensReport:  # fmt: skip
    """Every unit's answers, clerk ratings and complaints of the period (default: this month up to today),
    grouped ``by`` service, unit or clerk (``UNIT/username``), labelled in ``lang`` (services by their
    catalogue name, units by name, clerks by full name)."""
    today = local_date(utcnow())
    date_to = date_to or today
    date_from = date_from or date_to.replace(day=1)
    start, end = _utc_bounds(date_from, date_to)
    with db.read() as s:
        answers = [
            (_key(by, a.service_code, a.unit_code, a.clerk), a.overall, a.promised_kept, a.clear)
            for a in s.scalars(select(m.SurveyAnswer).where(m.SurveyAnswer.answered_at >= start,
                                                            m.SurveyAnswer.answered_at < end))
        ]
        R = m.Request
        ratings = [
            (_key(by, svc, unit, clerk), int(rating))
            for svc, unit, clerk, rating in s.execute(
                select(R.service_code, R.unit_code, R.assignee, R.rating).where(
                    R.rating.is_not(None), R.delivered_at >= start, R.delivered_at < end))
            if rating is not None  # the query's own condition, said again for the type checker
        ]
        About = aliased(m.Request)
        complaints = [
            _key(by, svc, unit, clerk) if svc is not None else (unit_c if by == "unit" else cf.NONE)
            for svc, unit, clerk, unit_c in s.execute(
                select(About.service_code, About.unit_code, About.assignee, R.unit_code)
                .outerjoin(About, and_(About.receipt_no == R.complaint_about))
                .where(R.service_code == COMPLAINT_SERVICE, R.created_at >= start, R.created_at < end))
        ]
        labels = _labels(s, by, {k for k, *_ in answers} | {k for k, _ in ratings} | set(complaints), lang)
    return cf.build(by, date_from, date_to, answers=answers, clerk_ratings=ratings, complaints=complaints,
                    labels=labels)  # fmt: skip
