"""Performance against the service standards (standardet e shërbimit), satisfaction, workload.

A report covers the requests **received** in a range of local (Europe/Tirane) dates and groups them by
service, by clerk or by unit. "By clerk" groups by the request's current **assignee** (the clerk who
holds — or held at completion — the request, after any reassignment), not by who typed the intake;
requests without an assignee are grouped under the key ``-``.

For each group:

* ``received`` — requests whose local creation date is in the range;
* ``completed`` — of those, the ones that reached ready / delivered / rejected: ``completed_at`` is set
  (or, when it is not, ``delivered_at``);
* ``within_standard`` — completed with a processing time ≤ the request's own ``standard_days``;
* ``on_time_share`` — ``within_standard / completed`` (None when nothing was completed);
* ``median_days`` / ``p90_days`` — of the processing times of the completed requests, in working days
  between the local creation date and the local completion date
  (``WorkCalendar().working_days_between``); the median is the usual one (mean of the two middle values
  for an even count), p90 the nearest-rank 90th percentile (the smallest value with at least 90 % of
  the completed requests at or below it);
* ``open_overdue`` — still received / forwarded / in progress (``returned`` waits for the citizen, its
  clock does not run) with a promised date before ``today``;
* ``returned_rate`` — share of the received requests that were ever returned for completion (status
  ``returned`` now, or a ``request_events`` row with ``to_status = 'returned'``);
* ``avg_rating`` / ``ratings`` — mean and count of the 1–5 satisfaction ratings.

How it stays fast (1,000,000 requests in a year): the figures are pre-aggregated. The write path keeps
``report_stats`` (counters per local received day and per month, per service / clerk / unit) and
``report_days`` (a histogram of processing times) up to date in the transaction of every change
(``aggregates.restate``), so a one-year report reads a few thousand small rows: whole months from the
month rows, the partial months at the edges from the day rows. Medians and p90 come from the merged
histograms. Only ``open_overdue`` is a live query (open requests past their date: few, on the
``(status, due_date)`` index). ``_reference_report`` keeps the row-scanning implementation (one range scan
of ``requests`` grouped into a histogram in SQL) as the definition the aggregates are tested against; it
is also used for a calendar with extra closure days, which the aggregates do not know.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from . import standards
from .aggregates import build_workdays as _build_workdays
from .aggregates import day_number as _day_number
from .aggregates import offset_case as _offset_case
from .db import RAW, Store
from .deadlines import OFFICE_TZ, WorkCalendar, local_date
from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP
from .models import Service, Unit, User

Grouping = Literal["service", "clerk", "unit"]
GROUPINGS: tuple[str, ...] = ("service", "clerk", "unit")
SLA_OPEN = standards.SLA_OPEN  # open statuses whose clock runs
UNASSIGNED = standards.UNASSIGNED
TOTAL_KEY = standards.TOTAL_KEY
_TS = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
_GROUP_COLUMN = {"service": "r.service_code", "clerk": "r.assignee_id", "unit": "r.unit_code"}


ReportRow = standards.ReportRow
Report = standards.Report
FIELDS = standards.FIELDS
_Acc = standards.Tally


# ---------------------------------------------------------------- local dates and working days in SQL


def _utc_of_local_midnight(d: dt.date) -> dt.datetime:
    aware = dt.datetime(d.year, d.month, d.day, tzinfo=OFFICE_TZ)
    return aware.astimezone(dt.UTC).replace(tzinfo=None)


_check_range = standards.check_range


def _histogram(
    s: Session, group_sql: str, date_from: dt.date, date_to: dt.date, today: dt.date, cal: WorkCalendar
) -> dict[str | None, _Acc]:
    """One pass over the requests received in the range, grouped in SQL into a compact histogram."""
    lo = _utc_of_local_midnight(date_from).strftime(_TS)
    hi = _utc_of_local_midnight(date_to + dt.timedelta(days=1)).strftime(_TS)
    first = date_from - dt.timedelta(days=1)
    last = max(date_to, today) + dt.timedelta(days=366)
    case = _offset_case(range(first.year, last.year + 1))
    done = "coalesce(r.completed_at, r.delivered_at)"
    conn = s.connection()
    _build_workdays(conn, first, last, cal)
    sla_open = ", ".join(f"'{x}'" for x in SLA_OPEN)
    sql = f"""
        SELECT {group_sql} AS g, {done} IS NOT NULL AS c, co.ord - cr.ord AS d,
               co.ord - cr.ord <= r.standard_days AS w, count(*) AS n,
               sum(r.status IN ({sla_open}) AND r.due_date < :today) AS od,
               sum(r.status = 'returned') AS rt, sum(r.rating) AS rs, count(r.rating) AS rc
        FROM requests r
        JOIN temp.fd_workdays cr ON cr.n = {_day_number("r.created_at", case)}
        LEFT JOIN temp.fd_workdays co ON co.n = {_day_number(done, case)}
        WHERE r.created_at >= :lo AND r.created_at < :hi
        GROUP BY g, c, d, w"""
    params = {"lo": lo, "hi": hi, "today": today.isoformat()}
    out: dict[str | None, _Acc] = {}
    fallback = False
    for g, c, d, w, n, od, rt, rs, rc in conn.execute(text(sql), params):
        acc = out.setdefault(g, _Acc())
        acc.received += n
        acc.overdue += od or 0
        acc.returned += rt or 0
        acc.rating_sum += rs or 0
        acc.ratings += rc or 0
        if c and d is None:
            fallback = True  # completion outside the day table (clock skew): counted below, in Python
        elif c:
            acc.completed += n
            acc.within += n if w else 0
            acc.days[int(d)] += n
    if fallback:
        odd = f"""
            SELECT {group_sql}, r.created_at, {done}, r.standard_days FROM requests r
            WHERE r.created_at >= :lo AND r.created_at < :hi AND {done} IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM temp.fd_workdays co WHERE co.n = {_day_number(done, case)})"""
        for g, created, completed, std in conn.execute(text(odd), params):
            days = cal.working_days_between(local_date(_parse_ts(created)), local_date(_parse_ts(completed)))
            acc = out[g]
            acc.completed += 1
            acc.within += days <= std
            acc.days[days] += 1
    # ever returned for completion: the history says so (the current status was counted above)
    returned = f"""
        SELECT {group_sql}, count(*) FROM requests r
        WHERE r.created_at >= :lo AND r.created_at < :hi AND r.status != 'returned'
          AND r.id IN (SELECT e.request_id FROM request_events e WHERE e.to_status = 'returned')
        GROUP BY 1"""
    for g, n in conn.execute(text(returned), params):
        out[g].returned += n
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.fd_workdays")
    return out


def _parse_ts(value: str | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def _labels(s: Session, by: str) -> dict[str | None, tuple[str, str]]:
    """Group value → (key, label) for the grouping."""
    if by == "service":
        return {c: (c, n) for c, n in s.execute(select(Service.code, Service.name_sq))}
    if by == "unit":
        return {c: (c, n) for c, n in s.execute(select(Unit.code, Unit.name))}
    return {i: (u, n) for i, u, n in s.execute(select(User.id, User.username, User.full_name))}


def _reference_report(
    store: Store,
    *,
    date_from: dt.date,
    date_to: dt.date,
    by: str = "service",
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Report:
    """The row-scanning implementation of ``standards_report`` (the reference for the aggregates)."""
    _check_by(by)
    _check_range(date_from, date_to)
    today = today or local_date(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    cal = calendar or WorkCalendar()
    with store.read() as s:
        accs = _histogram(s, _GROUP_COLUMN[by], date_from, date_to, today, cal)
        labels = _labels(s, by)
    return _report(by, date_from, date_to, today, accs, labels)


def _check_by(by: str) -> None:
    if by not in GROUPINGS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A report is grouped by service, clerk or unit, not {by}."),
            field="by",
            by=by,
        )


_report = standards.assemble


def _reference_weekly_on_time(
    store: Store, date_from: dt.date, date_to: dt.date, *, calendar: WorkCalendar | None = None
) -> list[tuple[dt.date, int, int, float | None]]:
    """On-time trend: for each week (Monday) from ``date_from``'s week to ``date_to``'s, the requests
    *received* that week (within the range) that are completed, how many within the standard, and the
    share. Weeks without completions are listed with share None."""
    _check_range(date_from, date_to)
    cal = calendar or WorkCalendar()
    case = _offset_case(range(date_from.year - 1, date_to.year + 2)).format(x="r.created_at")
    local = f"datetime(r.created_at, {case})"
    group = f"date({local}, '-' || ((CAST(strftime('%w', {local}) AS INTEGER) + 6) % 7) || ' days')"
    today = local_date(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    with store.read() as s:
        accs = _histogram(s, group, date_from, date_to, today, cal)
    start = date_from - dt.timedelta(days=date_from.weekday())
    weeks = []
    d = start
    while d <= date_to:
        acc = accs.get(d.isoformat(), _Acc())
        weeks.append((d, acc.completed, acc.within, acc.within / acc.completed if acc.completed else None))
        d += dt.timedelta(days=7)
    return weeks


# ---------------------------------------------------------------- the report, from the aggregates

_STATS_SQL = """
    SELECT group_key, sum(received), sum(completed), sum(within_standard), sum(returned), sum(rating_sum),
           sum(ratings)
    FROM report_stats WHERE dim = :dim AND period = :period AND day BETWEEN :a AND :b GROUP BY group_key"""
_DAYS_SQL = """
    SELECT group_key, days, n FROM report_days WHERE dim = :dim AND period = :period AND day BETWEEN :a AND :b"""


def _aggregated(s: Session, by: str, date_from: dt.date, date_to: dt.date, today: dt.date) -> dict[str | None, _Acc]:
    """The groups' figures merged from the aggregate rows of the range, plus the live overdue count."""
    out: dict[str | None, _Acc] = {}
    conn = s.connection()
    cur = RAW.cursor(s)  # the DB-API cursor: a few thousand small rows, without per-row Result overhead
    for period, a, b in standards.spans(date_from, date_to):
        params = {"dim": by, "period": period, "a": a.isoformat(), "b": b.isoformat()}
        stats = [(g or None, *rest) for g, *rest in cur.execute(_STATS_SQL, params)]
        standards.fold(out, stats, ((g or None, d, n) for g, d, n in cur.execute(_DAYS_SQL, params)))
    # open overdue: a live query on the (status, due_date) index — open requests past their date are few
    # (the ``+`` keep SQLite off the created_at and group indexes, which would read every request instead)
    lo = _utc_of_local_midnight(date_from).strftime(_TS)
    hi = _utc_of_local_midnight(date_to + dt.timedelta(days=1)).strftime(_TS)
    sla_open = ", ".join(f"'{x}'" for x in SLA_OPEN)
    overdue = f"""
        SELECT {_GROUP_COLUMN[by]}, count(*) FROM requests r
        WHERE r.status IN ({sla_open}) AND r.due_date < :today AND +r.created_at >= :lo AND +r.created_at < :hi
        GROUP BY +{_GROUP_COLUMN[by]}"""
    for g, n in conn.execute(text(overdue), {"today": today.isoformat(), "lo": lo, "hi": hi}):
        out.setdefault(g, _Acc()).overdue += n
    return out


def standards_report(
    store: Store,
    *,
    date_from: dt.date,
    date_to: dt.date,
    by: str = "service",
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Report:
    """Performance against the service standards of the requests received from ``date_from`` to
    ``date_to`` (local dates, both included), grouped ``by`` service, clerk (assignee) or unit.

    Read from the aggregates; a ``calendar`` with extra closure days (which the aggregates, kept with
    the default calendar, do not know) is computed from the requests themselves."""
    if calendar is not None and calendar.extra_closures:
        return _reference_report(store, date_from=date_from, date_to=date_to, by=by, today=today, calendar=calendar)
    _check_by(by)
    _check_range(date_from, date_to)
    today = today or local_date(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    with store.read() as s:
        accs = _aggregated(s, by, date_from, date_to, today)
        labels = _labels(s, by)
    return _report(by, date_from, date_to, today, accs, labels)


def weekly_on_time(
    store: Store, date_from: dt.date, date_to: dt.date, *, calendar: WorkCalendar | None = None
) -> list[tuple[dt.date, int, int, float | None]]:
    """On-time trend: for each week (Monday) from ``date_from``'s week to ``date_to``'s, the requests
    *received* that week (within the range) that are completed, how many within the standard, and the
    share. Weeks without completions are listed with share None."""
    if calendar is not None and calendar.extra_closures:
        return _reference_weekly_on_time(store, date_from, date_to, calendar=calendar)
    _check_range(date_from, date_to)
    sql = """
        SELECT day, sum(completed), sum(within_standard) FROM report_stats
        WHERE dim = 'unit' AND period = 'day' AND day BETWEEN :a AND :b GROUP BY day"""
    per_week: dict[dt.date, tuple[int, int]] = {}
    with store.read() as s:
        for day, c, w in s.connection().execute(text(sql), {"a": date_from.isoformat(), "b": date_to.isoformat()}):
            d = dt.date.fromisoformat(day)
            monday = d - dt.timedelta(days=d.weekday())
            pc, pw = per_week.get(monday, (0, 0))
            per_week[monday] = (pc + c, pw + w)
    weeks = []
    d = date_from - dt.timedelta(days=date_from.weekday())
    while d <= date_to:
        c, w = per_week.get(d, (0, 0))
        weeks.append((d, c, w, w / c if c else None))
        d += dt.timedelta(days=7)
    return weeks


def overdue_by_service(store: Store, today: dt.date | None = None) -> list[tuple[str, str, int]]:
    """Open requests past their promised date, per service, most overdue first."""
    today = today or local_date(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    sla_open = ", ".join(f"'{x}'" for x in SLA_OPEN)
    sql = f"""
        SELECT r.service_code, s.name_sq, count(*) FROM requests r JOIN services s ON s.code = r.service_code
        WHERE r.status IN ({sla_open}) AND r.due_date < :today
        GROUP BY +r.service_code ORDER BY count(*) DESC, r.service_code"""
    with store.read() as s:
        return [(c, n, int(k)) for c, n, k in s.execute(text(sql), {"today": today.isoformat()})]


__all__ = [
    "FIELDS",
    "GROUPINGS",
    "Report",
    "ReportRow",
    "overdue_by_service",
    "standards_report",
    "weekly_on_time",
]
