"""Performance against the service standards: the definitions, once, for every store that reports them.

The desk's report (:mod:`frontdesk.reports`, over its SQLite store) and the central system's
(:mod:`frontdesk.central.performance`, over SQLite or PostgreSQL) both use what is here — what a request
contributes, the cells it counts in, how a group's figures follow from its counters and histogram, how a
date range is read from day and month rows — and differ only in how they read and write their tables.

What a request contributes (:func:`facts`):

* its **local received day** (Europe/Tirane) — the report covers the requests *received* in a range;
* **completed** when ``completed_at`` is set (ready / rejected), else ``delivered_at``;
* its **processing time**: working days after the local received day up to and including the local
  completion day (:func:`working_days`: weekends and Albanian public holidays, observed days, do not
  count), measured from the received day even when it was returned for completion meanwhile;
* **within standard** when completed with a processing time ≤ the request's own ``standard_days``;
* **returned** when it is ``returned`` now or its history has a change to ``returned``
  (:func:`ever_returned`);
* its satisfaction **rating** (1–5) if any;
* the **groups** it belongs to: one key per dimension (service code, clerk, unit …, each store chooses).

A group's figures (:meth:`Tally.row`): ``received``, ``completed``, ``within_standard``, ``on_time_share``
(within / completed, None when nothing was completed), ``median_days`` (the usual median: the mean of
the two middle values for an even count), ``p90_days`` (nearest rank: the smallest value with at least
90 % of the completed at or below it), ``open_overdue`` (still received / forwarded / in progress with a
promised date before today — :func:`is_open_overdue`; a returned request waits for the citizen, its clock
does not run), ``returned_rate`` (returned / received), ``avg_rating`` and ``ratings``.

Pre-aggregation (both stores): per (dimension, period ``day`` | ``month``, local day or first of the
month, group key) the counters :data:`COUNTERS`, and a histogram of processing times; a change of a
request replaces its old contribution by its new one (:func:`deltas`); a range is read as whole months
from the month rows and partial months from the day rows (:func:`spans`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from .deadlines import WorkCalendar, local_date
from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP

SLA_OPEN = ("received", "forwarded", "in_progress")  # open statuses whose clock runs
UNASSIGNED = "-"
TOTAL_KEY = "*"
PERIODS: tuple[str, ...] = ("day", "month")
COUNTERS: tuple[str, ...] = ("received", "completed", "within_standard", "returned", "rating_sum", "ratings")
_CAL = WorkCalendar()


# ---------------------------------------------------------------- a request's contribution


@functools.lru_cache(maxsize=131_072)
def working_days(a: dt.date, b: dt.date) -> int:
    """Working days after ``a`` up to and including ``b`` (the default calendar; negative when b < a)."""
    return _CAL.working_days_between(a, b)


def completion(completed_at: dt.datetime | None, delivered_at: dt.datetime | None) -> dt.datetime | None:
    """When a request counts as completed: ready / rejected (``completed_at``), else delivered."""
    return completed_at or delivered_at


def ever_returned(status: str, history_has_return: bool) -> bool:
    """Returned for completion now, or at some time in its history."""
    return status == "returned" or history_has_return


def is_open_overdue(status: str, due_date: dt.date, today: dt.date) -> bool:
    return status in SLA_OPEN and due_date < today


@dataclass(frozen=True)
class Facts:
    """What one request contributes to the figures, and the group it counts in per dimension."""

    day: dt.date  # local (Europe/Tirane) date of creation
    groups: tuple[tuple[str, str], ...]  # (dimension, group key), e.g. ("service", "CERT-FAM")
    days: int | None  # processing time in working days when completed, else None
    within: bool  # completed within the request's standard_days
    returned: bool  # ever returned for completion
    rating: int | None


def facts(created_at: dt.datetime, done: dt.datetime | None, standard_days: int, *, returned: bool,
          rating: int | None, groups: tuple[tuple[str, str], ...]) -> Facts:  # fmt: skip
    """The contribution of a request created at ``created_at`` (naive UTC) and completed at ``done``."""
    day = local_date(created_at)
    days = working_days(day, local_date(done)) if done is not None else None
    within = days is not None and days <= standard_days
    return Facts(day, groups, days, within, returned, rating)


Cell = tuple[str, str, dt.date, str]  # (dimension, period, day or first of the month, group key)


def cells(f: Facts) -> list[Cell]:
    month = f.day.replace(day=1)
    out: list[Cell] = []
    for dim, key in f.groups:
        out.append((dim, "day", f.day, key))
        out.append((dim, "month", month, key))
    return out


def deltas(before: Facts | None, after: Facts | None, stats: dict[Cell, list[int]] | None = None,
           hist: dict[tuple[str, str, dt.date, str, int], int] | None = None
           ) -> tuple[dict[Cell, list[int]], dict[tuple[str, str, dt.date, str, int], int]]:  # fmt: skip
    """What replacing a request's contribution ``before`` by ``after`` adds to each cell's counters
    (:data:`COUNTERS`, in order) and histogram bins (cell + days → n); accumulated into ``stats`` and
    ``hist`` when given, so many requests' changes merge into one set of upserts."""
    stats = {} if stats is None else stats
    hist = {} if hist is None else hist
    for f, sign in ((before, -1), (after, 1)):
        if f is None:
            continue
        vec = (1, f.days is not None, f.within, f.returned, f.rating or 0, f.rating is not None)
        for cell in cells(f):
            acc = stats.get(cell)
            if acc is None:
                acc = stats[cell] = [0, 0, 0, 0, 0, 0]
            for i, x in enumerate(vec):
                acc[i] += sign * int(x)
            if f.days is not None:
                k = (*cell, f.days)
                hist[k] = hist.get(k, 0) + sign
    return stats, hist


# ---------------------------------------------------------------- reading a range


def spans(date_from: dt.date, date_to: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The range as (period, first, last) spans: whole months inside it as month rows (``day`` between
    the first and the last month's first day), the partial months at its edges as day rows."""
    m0 = date_from if date_from.day == 1 else (date_from.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    m1 = (date_to + dt.timedelta(days=1)).replace(day=1)  # first day after the last whole month
    if m0 >= m1:
        return [("day", date_from, date_to)]
    out = []
    if date_from < m0:
        out.append(("day", date_from, m0 - dt.timedelta(days=1)))
    out.append(("month", m0, (m1 - dt.timedelta(days=1)).replace(day=1)))
    if m1 <= date_to:
        out.append(("day", m1, date_to))
    return out


def check_range(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The end date {date_to} is before the start date {date_from}."),
            field="date_to",
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
        )


# ---------------------------------------------------------------- a group's figures


@dataclass(frozen=True)
class ReportRow:
    key: str
    label: str
    received: int
    completed: int
    within_standard: int
    on_time_share: float | None
    median_days: float | None
    p90_days: int | None
    open_overdue: int
    returned_rate: float | None
    avg_rating: float | None
    ratings: int

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ReportRow))


@dataclass(frozen=True)
class Report:
    by: str
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    rows: list[ReportRow]
    total: ReportRow


def _kth(hist: Mapping[int, int], k: int) -> int:
    """The k-th smallest value (1-based) of the multiset ``hist``."""
    seen = 0
    for value in sorted(hist):
        seen += hist[value]
        if seen >= k:
            return value
    raise ValueError("k out of range")


def median(hist: Mapping[int, int]) -> float | None:
    n = sum(hist.values())
    if n == 0:
        return None
    if n % 2:
        return float(_kth(hist, n // 2 + 1))
    return (_kth(hist, n // 2) + _kth(hist, n // 2 + 1)) / 2


def nearest_rank(hist: Mapping[int, int], p: float) -> int | None:
    n = sum(hist.values())
    return _kth(hist, max(1, math.ceil(p * n))) if n else None


@dataclass
class Tally:
    """A group's counters and histogram of processing times, merged from rows of either store."""

    received: int = 0
    completed: int = 0
    within: int = 0
    overdue: int = 0
    returned: int = 0
    rating_sum: int = 0
    ratings: int = 0
    days: Counter[int] = field(default_factory=Counter)

    def add(self, counters: Iterable[int]) -> None:
        """Add one stats row's :data:`COUNTERS` (in order)."""
        rc, c, w, rt, rs, n = counters
        self.received += rc
        self.completed += c
        self.within += w
        self.returned += rt
        self.rating_sum += rs
        self.ratings += n

    def merge(self, other: Tally) -> None:
        self.received += other.received
        self.completed += other.completed
        self.within += other.within
        self.overdue += other.overdue
        self.returned += other.returned
        self.rating_sum += other.rating_sum
        self.ratings += other.ratings
        self.days.update(other.days)

    def row(self, key: str, label: str) -> ReportRow:
        return ReportRow(
            key=key,
            label=label,
            received=self.received,
            completed=self.completed,
            within_standard=self.within,
            on_time_share=self.within / self.completed if self.completed else None,
            median_days=median(self.days),
            p90_days=nearest_rank(self.days, 0.9),
            open_overdue=self.overdue,
            returned_rate=self.returned / self.received if self.received else None,
            avg_rating=self.rating_sum / self.ratings if self.ratings else None,
            ratings=self.ratings,
        )


def fold(tallies: dict[Any, Tally], stats: Iterable[Sequence[Any]], days: Iterable[Sequence[Any]]) -> None:
    """Merge aggregate rows into ``tallies``: ``stats`` rows are (group, *COUNTERS), ``days`` rows
    (group, days, n)."""
    for g, *counters in stats:
        t = tallies.get(g)
        if t is None:
            t = tallies[g] = Tally()
        t.add(counters)
    hist: dict[Any, dict[int, int]] = {}
    for g, d, n in days:
        h = hist.get(g)
        if h is None:
            h = hist[g] = {}
        d = int(d)
        h[d] = h.get(d, 0) + int(n)
    for g, h in hist.items():
        t = tallies.get(g)
        if t is None:
            t = tallies[g] = Tally()
        t.days.update(h)


def assemble(by: str, date_from: dt.date, date_to: dt.date, today: dt.date, tallies: Mapping[Any, Tally],
             labels: Mapping[Any, tuple[str, str]]) -> Report:  # fmt: skip
    """The report: one row per group (its key and label from ``labels``; an unknown or empty group is
    :data:`UNASSIGNED`), sorted by key, and the total."""
    rows: list[ReportRow] = []
    total = Tally()
    for g, tally in tallies.items():
        key, label = labels.get(g, (g or UNASSIGNED, "" if g else QT_TRANSLATE_NOOP("reports", "Unassigned")))
        rows.append(tally.row(key, label))
        total.merge(tally)
    rows.sort(key=lambda r: r.key)
    return Report(by, date_from, date_to, today, rows, total.row(TOTAL_KEY, QT_TRANSLATE_NOOP("reports", "Total")))


__all__ = [
    "COUNTERS",
    "FIELDS",
    "PERIODS",
    "SLA_OPEN",
    "TOTAL_KEY",
    "UNASSIGNED",
    "Cell",
    "Facts",
    "Report",
    "ReportRow",
    "Tally",
    "assemble",
    "cells",
    "check_range",
    "completion",
    "deltas",
    "ever_returned",
    "facts",
    "fold",
    "is_open_overdue",
    "median",
    "nearest_rank",
    "spans",
    "working_days",
]
