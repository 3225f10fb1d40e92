"""Pre-aggregated report figures, maintained by the write path in the transaction of every change.

The standards report (``reports.py``) reads two small tables instead of the requests:

* ``report_stats`` — per (``dim``, ``period``, ``day``, ``group_key``) the counters ``received``,
  ``completed``, ``within_standard``, ``returned``, ``rating_sum``, ``ratings`` of the requests
  received that local day (``period`` "day") or that local month (``period`` "month", ``day`` = the
  first of the month); ``dim`` is service / clerk / unit, ``group_key`` the service code, the assignee's
  user id ("" for none) or the unit code;
* ``report_days`` — the histogram of the processing times of the completed ones: ``n`` requests took
  ``days`` working days.

A request contributes its :class:`Facts` (local received day, service, assignee, unit, processing
working days when completed, within standard, ever returned, rating) to one cell per dim and period.
Every change goes through :func:`restate` ``(before, after)``: it subtracts the old contribution and adds
the new one (intake: ``None → facts``; correction ready → in progress un-completes; reassignment moves
the request between clerk cells; a remote overwrite by the central system restates the same way). Cells
that drop to zero are deleted, so the tables always equal :func:`rebuild` from the requests.

The month rows let a one-year report read 12 × groups cells instead of 365 × groups.

Working days use the default :class:`WorkCalendar` (weekends and Albanian public holidays, observed). If
the ``holidays`` package changes its data for past dates, run :func:`rebuild` in a write transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import Connection, exists, select
from sqlalchemy.orm import Session

from . import standards
from .db import RAW, RawTx
from .deadlines import OFFICE_TZ, WorkCalendar, local_date
from .models import Request, RequestEvent
from .standards import Facts

DIMS: tuple[str, ...] = ("service", "clerk", "unit")
PERIODS: tuple[str, ...] = ("day", "month")
JDN = 1721425  # date.toordinal() + JDN == SQLite's julian day number of that date (noon)
_CAL = WorkCalendar()


def _facts(
    created_at: dt.datetime,
    service: str,
    assignee: str | None,
    unit: str,
    done: dt.datetime | None,
    standard_days: int,
    returned: bool,
    rating: int | None,
) -> Facts:
    return standards.facts(created_at, done, standard_days, returned=returned, rating=rating,
                           groups=(("service", service), ("clerk", assignee or ""), ("unit", unit)))  # fmt: skip


def facts_of_values(v: dict[str, Any]) -> Facts:
    """Facts of a request just inserted from ``v`` (intake hot path: it has no history yet)."""
    return _facts(
        v["created_at"], v["service_code"], v.get("assignee_id"), v["unit_code"],
        standards.completion(v.get("completed_at"), v.get("delivered_at")), v["standard_days"],
        standards.ever_returned(v["status"], False), v.get("rating"),
    )  # fmt: skip


def facts_of(s: Session, req: Request) -> Facts:
    """Facts of ``req`` as it stands in the session (its history read in the same transaction)."""
    ever_returned = bool(
        s.scalar(select(exists().where(RequestEvent.request_id == req.id, RequestEvent.to_status == "returned")))
    )
    return facts_known(req, ever_returned=ever_returned)


def facts_known(req: Request, *, ever_returned: bool) -> Facts:
    """Facts of ``req`` when the caller already knows whether its history has a return to the citizen
    (the pull reads a page's events once)."""
    return _facts(
        req.created_at, req.service_code, req.assignee_id, req.unit_code,
        standards.completion(req.completed_at, req.delivered_at), req.standard_days,
        standards.ever_returned(req.status, ever_returned), req.rating,
    )  # fmt: skip


# ---------------------------------------------------------------- maintenance

_COUNTERS = standards.COUNTERS
_KEY = "dim, period, day, group_key"
_STATS_UPSERT = (
    f"INSERT INTO report_stats ({_KEY}, {', '.join(_COUNTERS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNTERS)
)
_DAYS_UPSERT = (
    f"INSERT INTO report_days ({_KEY}, days, n) VALUES (?, ?, ?, ?, ?, ?) "
    f"ON CONFLICT ({_KEY}, days) DO UPDATE SET n = n + excluded.n"
)
_STATS_PRUNE = "DELETE FROM report_stats WHERE dim = ? AND period = ? AND day = ? AND group_key = ? AND received = 0"
_DAYS_PRUNE = (
    "DELETE FROM report_days WHERE dim = ? AND period = ? AND day = ? AND group_key = ? AND days = ? AND n = 0"
)


def restate(s: Session | RawTx, before: Facts | None, after: Facts | None) -> None:
    """Replace a request's contribution ``before`` by ``after`` (either may be None), in ``s``'s
    transaction, with upserts on the DB-API cursor (the cells and their deltas: :func:`standards.deltas`)."""
    if before == after:
        return
    stats, hist = standards.deltas(before, after)
    cur = RAW.cursor(s)
    cur.executemany(_STATS_UPSERT, [(d, p, day.isoformat(), k, *acc) for (d, p, day, k), acc in stats.items()
                                    if any(acc)])  # fmt: skip
    if hist:
        cur.executemany(_DAYS_UPSERT, [(d, p, day.isoformat(), k, x, n) for (d, p, day, k, x), n in hist.items() if n])
        cur.executemany(_DAYS_PRUNE, [(d, p, day.isoformat(), k, x) for (d, p, day, k, x), n in hist.items() if n < 0])
    cur.executemany(_STATS_PRUNE, [(d, p, day.isoformat(), k) for (d, p, day, k), acc in stats.items() if acc[0] < 0])


# ---------------------------------------------------------------- local dates and working days in SQL


@functools.lru_cache(maxsize=16)
def offset_case(years: range) -> str:
    """SQL ``CASE`` giving the zone's UTC offset modifier (e.g. '+60 minutes') of a timestamp ``{x}``."""

    def offset(t: dt.datetime) -> int:
        off = t.replace(tzinfo=dt.UTC).astimezone(OFFICE_TZ).utcoffset()
        assert off is not None
        return int(off.total_seconds() // 60)

    start = dt.datetime(years.start, 1, 1) - dt.timedelta(days=1)
    hour = dt.timedelta(hours=1)
    current = offset(start)
    parts = ["CASE"]
    t = start
    end = dt.datetime(years.stop, 1, 1) + dt.timedelta(days=1)
    while t < end:  # hourly walk: transitions of Europe/Tirane fall on whole hours (UTC)
        nxt = offset(t + hour)
        if nxt != current:
            parts.append(f"WHEN {{x}} < '{(t + hour).strftime('%Y-%m-%d %H:%M:%S')}' THEN '{current:+d} minutes'")
            current = nxt
        t += hour
    parts.append(f"ELSE '{current:+d} minutes' END")
    return " ".join(parts)


def day_number(column: str, case: str) -> str:
    """SQL for the local day number (julian day number) of a naive-UTC timestamp column."""
    return f"CAST(julianday({column}, {case.format(x=column)}) + 0.5 AS INTEGER)"


def build_workdays(conn: Connection, first: dt.date, last: dt.date, cal: WorkCalendar) -> None:
    """Temp table ``fd_workdays``: local day number → working-day ordinal, for ``first`` … ``last``."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.fd_workdays")
    conn.exec_driver_sql("CREATE TEMP TABLE fd_workdays (n INTEGER PRIMARY KEY, ord INTEGER NOT NULL)")
    rows = []
    ordinal = 0
    d = first
    while d <= last:
        if cal.is_working_day(d):
            ordinal += 1
        rows.append((d.toordinal() + JDN, ordinal))
        d += dt.timedelta(days=1)
    conn.exec_driver_sql("INSERT INTO temp.fd_workdays (n, ord) VALUES (?, ?)", rows)


# ---------------------------------------------------------------- rebuild (backfill)


def _as_datetime(value: str | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def rebuild(conn: Connection) -> int:
    """Recompute both tables from ``requests`` and ``request_events`` in SQL (the migration's backfill,
    the bench's generator, a repair after a change of the holiday data). Returns the requests counted."""
    conn.exec_driver_sql("DELETE FROM report_days")
    conn.exec_driver_sql("DELETE FROM report_stats")
    done = "coalesce(r.completed_at, r.delivered_at)"
    lo, hi, dlo, dhi, n = conn.exec_driver_sql(
        f"SELECT min(created_at), max(created_at), min({done}), max({done}), count(*) FROM requests r"
    ).one()
    if not n:
        return 0
    stamps = [_as_datetime(v) for v in (lo, hi, dlo, dhi) if v is not None]
    first = min(local_date(t) for t in stamps) - dt.timedelta(days=1)
    last = max(local_date(t) for t in stamps) + dt.timedelta(days=1)
    case = offset_case(range(first.year, last.year + 1))
    build_workdays(conn, first, last, _CAL)
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.fd_facts")
    conn.exec_driver_sql(f"""
        CREATE TEMP TABLE fd_facts AS
        SELECT date(cr.n) AS day, r.service_code AS service, coalesce(r.assignee_id, '') AS clerk,
               r.unit_code AS unit, co.ord - cr.ord AS days, co.ord - cr.ord <= r.standard_days AS within,
               (r.status = 'returned' OR r.id IN (SELECT e.request_id FROM request_events e
                                                  WHERE e.to_status = 'returned')) AS returned,
               r.rating AS rating
        FROM requests r
        JOIN temp.fd_workdays cr ON cr.n = {day_number("r.created_at", case)}
        LEFT JOIN temp.fd_workdays co ON co.n = {day_number(done, case)}""")
    for dim in DIMS:
        conn.exec_driver_sql(f"""
            INSERT INTO report_stats ({_KEY}, {", ".join(_COUNTERS)})
            SELECT '{dim}', 'day', day, {dim}, count(*), count(days), coalesce(sum(within), 0), sum(returned),
                   coalesce(sum(rating), 0), count(rating)
            FROM temp.fd_facts GROUP BY day, {dim}""")
        conn.exec_driver_sql(f"""
            INSERT INTO report_days ({_KEY}, days, n)
            SELECT '{dim}', 'day', day, {dim}, days, count(*) FROM temp.fd_facts
            WHERE days IS NOT NULL GROUP BY day, {dim}, days""")
    conn.exec_driver_sql(f"""
        INSERT INTO report_stats ({_KEY}, {", ".join(_COUNTERS)})
        SELECT dim, 'month', date(day, 'start of month') AS m, group_key,
               {", ".join(f"sum({c})" for c in _COUNTERS)}
        FROM report_stats WHERE period = 'day' GROUP BY dim, m, group_key""")
    conn.exec_driver_sql(f"""
        INSERT INTO report_days ({_KEY}, days, n)
        SELECT dim, 'month', date(day, 'start of month') AS m, group_key, days, sum(n)
        FROM report_days WHERE period = 'day' GROUP BY dim, m, group_key, days""")
    conn.exec_driver_sql("DROP TABLE temp.fd_facts")
    conn.exec_driver_sql("DROP TABLE temp.fd_workdays")
    return int(n)


# ---------------------------------------------------------------- reading


spans = standards.spans


__all__ = [
    "DIMS",
    "PERIODS",
    "Facts",
    "build_workdays",
    "day_number",
    "facts_known",
    "facts_of",
    "facts_of_values",
    "offset_case",
    "rebuild",
    "restate",
    "spans",
]
