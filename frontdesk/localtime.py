"""Times as people at the counter read them: the office's time zone (Europe/Tirane), Albanian formats.

Every stored time is naive UTC (``clock.utcnow``); every time on a screen, a slip or in a message is local
time in the Albanian way (``01.12.2026 14:05``), and times written for other programs (CSV, JSON) are ISO
8601 with their offset (``2026-12-01T14:05:00+01:00``), so nobody has to guess the zone.
"""

from __future__ import annotations

import datetime as dt

from .deadlines import OFFICE_TZ


def to_local(t: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC, or aware) in the office's time zone."""
    aware = t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
    return aware.astimezone(OFFICE_TZ)


def now_local() -> dt.datetime:
    return dt.datetime.now(OFFICE_TZ)


def date_text(d: dt.date | dt.datetime) -> str:
    """``01.12.2026`` (a datetime is converted to the office's date first)."""
    if isinstance(d, dt.datetime):
        d = to_local(d).date()
    return f"{d:%d.%m.%Y}"


def datetime_text(t: dt.datetime, *, seconds: bool = False) -> str:
    """``01.12.2026 14:05`` in the office's time zone."""
    lt = to_local(t)
    return f"{lt:%d.%m.%Y %H:%M:%S}" if seconds else f"{lt:%d.%m.%Y %H:%M}"


def time_text(t: dt.datetime) -> str:
    """``14:05`` in the office's time zone."""
    return f"{to_local(t):%H:%M}"


def iso_local(t: dt.datetime) -> str:
    """ISO 8601 with the office's offset, for files other programs read (CSV): ``2026-12-01T14:05:00+01:00``."""
    return to_local(t).replace(microsecond=0).isoformat()


def utc_hhmm_to_local(hhmm: str, *, now: dt.datetime | None = None) -> str:
    """A UTC clock time "HH:MM" of the next few hours (a lockout's end) as local "HH:MM"; unchanged when it
    is not a clock time. The date is today's in UTC, or tomorrow's when that time has already passed by
    more than twelve hours (a lockout that ends after midnight UTC)."""
    try:
        clock = dt.datetime.strptime(hhmm.strip(), "%H:%M").time()
    except ValueError:
        return hhmm
    base = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    when = dt.datetime.combine(base.date(), clock, tzinfo=dt.UTC)
    if when < base - dt.timedelta(hours=12):
        when += dt.timedelta(days=1)
    return time_text(when)
