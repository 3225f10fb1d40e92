"""Performance against the service standards across the municipality — the desk's report, with the same
definitions (:mod:`frontdesk.standards`), over the central store (SQLite or PostgreSQL).

The figures are pre-aggregated as on the desk — ``report_stats`` and the histograms of processing times
per dimension (service, clerk ``UNIT/username``, unit), per local day and month (``report_days`` for day
cells, ``report_hist`` one row per month cell) — and ``report_facts`` holds what each request
contributes now. They are kept by reading the units' change feeds (:func:`refresh`), not by the
apply path: each ``request`` change carries the request as it stands and the events that moved it, so
the refresh replaces the request's stored contribution by the new one (idempotent: reading a change
twice changes nothing). A report first brings the figures up to date, then reads a few thousand rows.
:func:`rebuild` recomputes everything from the requests (the migration's backfill, the bench).

Groupings: service, unit, clerk, **office** (the services' rows merged by the office the catalogue names
— so a catalogue that moves a service to another office regroups the past too) and **month** (the unit
rows merged per month of receipt). Open overdue is a live query on ``(status, due_date)``.

The package, in two modules that import in one direction only (``reading`` builds on ``upkeep``):

* :mod:`frontdesk.central.performance.upkeep` keeps the figures: each request's contribution
  (:func:`request_facts`), :func:`refresh` from the feeds, :func:`rebuild` from the requests,
  :func:`refreshed_at`;
* :mod:`frontdesk.central.performance.reading` reads them: :func:`report` (grouped by one of
  :data:`GROUPINGS`, read as :func:`plan` says), :func:`overdue_list`, :func:`today_local`.

Callers use the names this package re-exports (``performance.report(...)``,
``from frontdesk.central.performance import today_local``).
"""

from __future__ import annotations

from .reading import GROUPINGS, Overdue, check_by, month_label, overdue_list, plan, report, today_local
from .upkeep import clerk_key, rebuild, refresh, refreshed_at, request_facts

__all__ = [
    "GROUPINGS",
    "Overdue",
    "check_by",
    "clerk_key",
    "month_label",
    "overdue_list",
    "plan",
    "rebuild",
    "refresh",
    "refreshed_at",
    "report",
    "request_facts",
    "today_local",
]
