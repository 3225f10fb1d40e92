"""Reading the performance figures: the standards report of a range (:func:`report`, brought up to date
with :func:`frontdesk.central.performance.upkeep.refresh` first) grouped by service, unit, office, clerk or
month, and the overdue list (:func:`overdue_list`). See the package's docstring
(:mod:`frontdesk.central.performance`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from frontdesk import standards
from frontdesk.clock import utcnow
from frontdesk.deadlines import OFFICE_TZ, local_date
from frontdesk.errors import InvalidInput
from frontdesk.standards import Report, Tally

from .. import directory
from .. import models as m
from ..db import Database
from .upkeep import _DAYS, _HIST, _REQ, _STATS, _Dense, clerk_key, refresh

GROUPINGS: tuple[str, ...] = ("service", "unit", "office", "clerk", "month")
_DIM = {"service": "service", "office": "service", "unit": "unit", "clerk": "clerk", "month": "unit"}


def today_local() -> dt.date:
    return local_date(utcnow())


def _utc_midnight(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=OFFICE_TZ).astimezone(dt.UTC).replace(tzinfo=None)


def check_by(by: str) -> None:
    if by not in GROUPINGS:
        raise InvalidInput("A report is grouped by service, unit, office, clerk or month, not {by}.", field="by",
                           by=by)  # fmt: skip


def _month_of(d: dt.date) -> tuple[dt.date, dt.date]:
    first = d.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def plan(date_from: dt.date, date_to: dt.date) -> list[tuple[str, dt.date, dt.date, int]]:
    """What to read for a range: ``standards.spans`` (whole months from month rows, the rest from day rows),
    where a partial month that covers most of its month is read as the month minus the days left out
    (``sign`` -1) — at most half a month of day rows at each edge, the same figures."""
    out: list[tuple[str, dt.date, dt.date, int]] = []
    for period, a, b in standards.spans(date_from, date_to):
        if period == "month":
            out.append((period, a, b, 1))
            continue
        while a <= b:  # a day span, month by month
            first, last = _month_of(a)
            end = min(b, last)
            inside, whole = (end - a).days + 1, (last - first).days + 1
            if 2 * inside > whole + 1:
                out.append(("month", first, first, 1))
                if a > first:
                    out.append(("day", first, a - dt.timedelta(days=1), -1))
                if end < last:
                    out.append(("day", end + dt.timedelta(days=1), last, -1))
            else:
                out.append(("day", a, end, 1))
            a = end + dt.timedelta(days=1)
    return out


def _tallies(s: Session, by: str, date_from: dt.date, date_to: dt.date, *, histogram: bool = True) -> dict[Any, Tally]:
    dim = _DIM[by]
    sums = [func.sum(_STATS.c[c]) for c in standards.COUNTERS]
    conn = s.connection()  # Core rows, fetched at once: a few thousand of them, without per-row ORM cost
    out: dict[Any, Tally] = {}
    for period, a, b, sign in plan(date_from, date_to):
        where = and_(_STATS.c.dim == dim, _STATS.c.period == period, _STATS.c.day.between(a, b))
        key = _STATS.c.day if by == "month" else _STATS.c.group_key
        stats: Sequence[Any] = conn.execute(select(key, *sums).where(where).group_by(key)).all()
        days: list[tuple[Any, int, int]] = []
        if histogram and period == "month":
            hkey = _HIST.c.month if by == "month" else _HIST.c.group_key
            dense = _Dense()
            found = conn.execute(select(hkey, _HIST.c.hist).where(_HIST.c.dim == dim, _HIST.c.month.between(a, b)))
            for g, text in found.all():
                dense.add(g, text)
            dense.into(out)
        elif histogram:
            dkey = _DAYS.c.day if by == "month" else _DAYS.c.group_key
            dwhere = and_(_DAYS.c.dim == dim, _DAYS.c.period == period, _DAYS.c.day.between(a, b))
            rows = conn.execute(select(dkey, _DAYS.c.days, func.sum(_DAYS.c.n)).where(dwhere)
                                .group_by(dkey, _DAYS.c.days)).all()  # fmt: skip
            days = [(g, d, sign * int(n)) for g, d, n in rows]
        if sign < 0:
            stats = [(g, *(-int(c) for c in rest)) for g, *rest in stats]
        if by == "month":  # day rows of a partial month and month rows alike: per month
            stats = [(day.replace(day=1), *rest) for day, *rest in stats]
            days = [(day.replace(day=1), d, n) for day, d, n in days]
        standards.fold(out, stats, days)
    for g in [g for g, t in out.items() if t.received == 0]:  # its requests all in the days left out
        del out[g]
    for t in out.values():  # ... and so are the bins subtracted to nothing
        for d in [d for d, n in t.days.items() if n == 0]:
            del t.days[d]
    return out


def _overdue(s: Session, by: str, date_from: dt.date, date_to: dt.date, today: dt.date) -> dict[Any, int]:
    lo, hi = _utc_midnight(date_from), _utc_midnight(date_to + dt.timedelta(days=1))
    cond = and_(_REQ.c.status.in_(standards.SLA_OPEN), _REQ.c.due_date < today, _REQ.c.created_at >= lo,
                _REQ.c.created_at < hi)  # fmt: skip
    out: dict[Any, int] = {}
    if by == "month":  # one pass: a count per local month of receipt (its bounds in UTC)
        months = []
        m = date_from.replace(day=1)
        while m <= date_to:
            nxt = (m + dt.timedelta(days=32)).replace(day=1)
            end = min(nxt, date_to + dt.timedelta(days=1))
            months.append((m, _utc_midnight(max(m, date_from)), _utc_midnight(end)))
            m = nxt
        col = _REQ.c.created_at
        sums = [func.sum(case((and_(col >= a, col < b), 1), else_=0)) for _m, a, b in months]
        row = s.execute(select(*sums).where(cond)).one()
        return {mo: int(n or 0) for (mo, _a, _b), n in zip(months, row, strict=True) if n}
    if by == "clerk":
        stmt = select(_REQ.c.unit_code, _REQ.c.assignee, func.count()).where(cond).group_by(_REQ.c.unit_code,
                                                                                          _REQ.c.assignee)  # fmt: skip
        for unit, assignee, n in s.execute(stmt):
            k = clerk_key(unit, assignee)
            out[k] = out.get(k, 0) + int(n)
        return out
    col = _REQ.c.unit_code if by == "unit" else _REQ.c.service_code
    return {k: int(n) for k, n in s.execute(select(col, func.count()).where(cond).group_by(col))}


MONTHS = {
    "sq": ("janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor",
           "dhjetor"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}  # fmt: skip


def month_label(d: dt.date, lang: str) -> str:
    return f"{MONTHS['en' if lang == 'en' else 'sq'][d.month - 1]} {d.year}"


def _labels(s: Session, by: str, keys: Iterable[Any], lang: str, dirx: directory.Directory
            ) -> dict[Any, tuple[str, str]]:  # fmt: skip
    keys = [k for k in keys if k]
    if by == "service":
        return {k: (k, dirx.label(k, lang)) for k in keys}
    if by == "office":
        return {k: (k, k) for k in keys}
    if by == "month":
        return {k: (k.strftime("%Y-%m"), month_label(k, lang)) for k in keys}
    if by == "unit":
        names = dict(s.execute(select(m.Unit.code, m.Unit.name)).all())
        return {k: (k, names.get(k, "")) for k in keys}
    names = {f"{u}/{n}": f for u, n, f in s.execute(select(m.User.unit_code, m.User.username, m.User.full_name))}
    return {k: (k, names.get(k, "")) for k in keys}


def report(db: Database, *, date_from: dt.date, date_to: dt.date, by: str = "service", today: dt.date | None = None,
           lang: str = "sq", refresh_first: bool = True, overdue: bool = True, histogram: bool = True
           ) -> Report:  # fmt: skip
    """The standards report of the requests received from ``date_from`` to ``date_to`` (local dates, both
    included), grouped ``by`` service, unit, office, clerk or month — the desk's definitions. A trend that
    shows only counts and shares asks for neither the open ``overdue`` counts nor the ``histogram`` of
    processing times (its medians and p90 are then None)."""
    check_by(by)
    standards.check_range(date_from, date_to)
    today = today or today_local()
    if refresh_first:
        refresh(db)
    with db.read() as s:
        tallies = _tallies(s, by, date_from, date_to, histogram=histogram)
        for k, n in (_overdue(s, by, date_from, date_to, today) if overdue else {}).items():
            tallies.setdefault(k, Tally()).overdue += n
        dirx = directory.load(s)
        if by == "office":
            merged: dict[Any, Tally] = {}
            for code, t in tallies.items():
                merged.setdefault(dirx.office_of(code), Tally()).merge(t)
            tallies = merged
        labels = _labels(s, by, tallies, lang, dirx)
    return standards.assemble(by, date_from, date_to, today, tallies, labels)


# ------------------------------------------------------------------------------------------------ overdue list


@dataclass(frozen=True)
class Overdue:
    receipt_no: str
    unit_code: str
    service_code: str
    status: str
    assignee: str | None
    due_date: dt.date
    days_late: int  # working days past the promised date


def overdue_list(db: Database, *, today: dt.date | None = None, services: Sequence[str] | None = None,
                 unit: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Overdue], int]:  # fmt: skip
    """Open requests past their promised date, the longest overdue first (and how many there are)."""
    today = today or today_local()
    cond = [_REQ.c.status.in_(standards.SLA_OPEN), _REQ.c.due_date < today]
    if services is not None:
        cond.append(_REQ.c.service_code.in_(list(services)))
    if unit:
        cond.append(_REQ.c.unit_code == unit)
    with db.read() as s:
        total = int(s.scalar(select(func.count()).select_from(_REQ).where(*cond)) or 0)
        rows = s.execute(
            select(_REQ.c.receipt_no, _REQ.c.unit_code, _REQ.c.service_code, _REQ.c.status, _REQ.c.assignee,
                   _REQ.c.due_date).where(*cond).order_by(_REQ.c.due_date, _REQ.c.receipt_no)
            .limit(max(1, min(limit, 100_000))).offset(max(0, offset))
        ).all()  # fmt: skip
    return [Overdue(r[0], r[1], r[2], r[3], r[4], r[5], standards.working_days(r[5], today)) for r in rows], total
