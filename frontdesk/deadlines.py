"""Working-day calendar, promised dates and the state of a request against its service standard.

Working days are Monday to Friday except Albanian public holidays — from the ``holidays`` package with
observed days included (a holiday on a weekend moves to the next Monday) — and any extra closure days
the unit decided locally.

Counting rules (the start day itself is never counted):

* ``add_working_days(start, n)`` for ``n >= 1`` is the n-th working day after ``start``; for ``n == 0``
  it is ``start`` when that is a working day, else the next working day.
* ``working_days_between(a, b)`` is the number of working days ``d`` with ``a < d <= b``; when ``b < a``
  it is minus the number of working days with ``b < d <= a``. So
  ``working_days_between(a, add_working_days(a, n)) == n`` for every ``n >= 1``.
* The promised date of a request is ``add_working_days(intake local date, standard_days)``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from . import paths
from .i18n import QT_TRANSLATE_NOOP

OFFICE_TZ = ZoneInfo("Europe/Tirane")
COUNTRY = "AL"
log = logging.getLogger(__name__)

OPEN_STATUSES: tuple[str, ...] = ("received", "forwarded", "in_progress", "returned")
CLOSED_STATUSES: tuple[str, ...] = ("ready", "delivered", "rejected", "cancelled")
SLA_STATES: tuple[str, ...] = ("on_track", "due_soon", "overdue")
SLA_LABELS = {
    "on_track": QT_TRANSLATE_NOOP("sla", "On track"),
    "due_soon": QT_TRANSLATE_NOOP("sla", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("sla", "Overdue"),
}
_ONE_DAY = dt.timedelta(days=1)


@functools.lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[dt.date]:
    """Albanian public holidays of ``year``, observed days included, from the ``holidays`` library.

    Cached per year in memory and in the user cache directory, keyed by the library's version: importing
    the library loads the rules of every country (~0.1–0.2 s), which a counter's start-up and its first
    worklist would otherwise pay each time. A missing, stale or unreadable cache file is rebuilt."""
    path = _cache_file()
    cached = _read_cache(path, year) if path is not None else None
    if cached is not None:
        return cached
    import holidays

    days = frozenset(holidays.country_holidays(COUNTRY, years=year, observed=True).keys())
    if path is not None:
        _write_cache(path, year, days)
    return days


def _cache_file() -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return paths.cache_dir() / f"holidays-{COUNTRY}-{version('holidays')}.json"
    except PackageNotFoundError:  # no metadata (a bundle without it): no cache, compute each start
        return None


def _read_cache(path: Path, year: int) -> frozenset[dt.date] | None:
    try:
        days = json.loads(path.read_text(encoding="utf-8")).get(str(year))
        return frozenset(dt.date.fromisoformat(d) for d in days) if isinstance(days, list) else None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        log.warning("holiday cache %s unreadable (%s): rebuilt", path, type(exc).__name__)
        return None


def _write_cache(path: Path, year: int, days: frozenset[dt.date]) -> None:
    try:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            data = {}
        data[str(year)] = sorted(d.isoformat() for d in days)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError as exc:  # a read-only or full cache directory: the calendar still works
        log.warning("holiday cache %s not written (%s)", path, type(exc).__name__)


class WorkCalendar:
    """Monday–Friday minus public holidays (observed) minus ``extra_closures``."""

    def __init__(self, extra_closures: Iterable[dt.date] = ()) -> None:
        self.extra_closures: frozenset[dt.date] = frozenset(extra_closures)

    def is_working_day(self, d: dt.date) -> bool:
        return d.weekday() < 5 and d not in public_holidays(d.year) and d not in self.extra_closures

    def next_working_day(self, d: dt.date) -> dt.date:
        """``d`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` not counted); n == 0: see the module doc."""
        if n < 0:
            raise ValueError("n must be zero or positive")
        if n == 0:
            return self.next_working_day(start)
        d = start
        while n:
            d += _ONE_DAY
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b < a``."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a + _ONE_DAY
        while d <= b:
            if self.is_working_day(d):
                count += 1
            d += _ONE_DAY
        return count


_DEFAULT = WorkCalendar()


def local_date(utc_naive_dt: dt.datetime) -> dt.date:
    """The office's (Europe/Tirane) calendar date of a naive UTC datetime (an aware one is converted)."""
    aware = utc_naive_dt if utc_naive_dt.tzinfo is not None else utc_naive_dt.replace(tzinfo=dt.UTC)
    return aware.astimezone(OFFICE_TZ).date()


def promised_date(intake_utc: dt.datetime, standard_days: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The date promised to the citizen: ``standard_days`` working days after the local intake day."""
    return (calendar or _DEFAULT).add_working_days(local_date(intake_utc), standard_days)


def sla_state(
    due_date: dt.date,
    today: dt.date,
    status: str,
    calendar: WorkCalendar | None = None,
    due_soon_days: int = 2,
) -> str | None:
    """``on_track`` | ``due_soon`` | ``overdue`` for an open request; None once it is ready or closed."""
    if status in CLOSED_STATUSES:
        return None
    if status not in OPEN_STATUSES:
        raise ValueError(f"unknown request status {status!r}")
    if today > due_date:
        return "overdue"
    if (calendar or _DEFAULT).working_days_between(today, due_date) <= due_soon_days:
        return "due_soon"
    return "on_track"


def sla_label(state: str) -> str:
    """The English label of an SLA state, marked for translation in context ``sla``."""
    return SLA_LABELS.get(state, state)


__all__ = [
    "CLOSED_STATUSES",
    "OFFICE_TZ",
    "OPEN_STATUSES",
    "SLA_LABELS",
    "SLA_STATES",
    "WorkCalendar",
    "local_date",
    "promised_date",
    "public_holidays",
    "sla_label",
    "sla_state",
]
