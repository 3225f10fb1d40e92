"""The supervisors' workload view: per clerk, the open requests by service-standard state, the oldest open
request, and what the clerk received and delivered today.

Qt-free. Everything is grouped in SQL (three small ``GROUP BY`` queries: open requests by assignee,
requests received today by the clerk who took them, deliveries today by the clerk who handed them over),
merged per user in Python.

* **open** — requests whose office clock runs (received, forwarded, in progress; ``returned`` waits for
  the citizen) assigned to the clerk, split into ``on_track`` / ``due_soon`` / ``overdue`` exactly as
  ``deadlines.sla_state`` does: overdue when the promised date is before today, due soon when at most
  ``due_soon_days`` working days remain (one date threshold, computed with the calendar, compared in SQL);
* **oldest open** — the open request received first (its receipt number and local date);
* **received today** — requests the clerk took at the counter today (local date), whoever holds them now;
* **delivered today** — deliveries the clerk recorded today (``request_events`` of kind ``deliver``).

Requests without an assignee appear in a row with ``username`` None (only when there are some).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from .auth import Actor, require_role
from .db import Store
from .deadlines import OFFICE_TZ, WorkCalendar, local_date
from .models import Request, RequestEvent, User
from .queries import SLA_STATUSES, today_local
from .workflow import COUNTER_ROLES

VIEW_ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class ClerkLoad:
    username: str | None  # None: the requests nobody holds
    full_name: str
    role: str
    active: bool
    on_track: int = 0
    due_soon: int = 0
    overdue: int = 0
    oldest_receipt: str | None = None
    oldest_date: dt.date | None = None  # local date the oldest open request was received
    received_today: int = 0
    delivered_today: int = 0

    @property
    def open(self) -> int:
        return self.on_track + self.due_soon + self.overdue


def due_soon_limit(today: dt.date, due_soon_days: int = 2, calendar: WorkCalendar | None = None) -> dt.date:
    """The last promised date that is still "due soon" on ``today``: the day before the
    ``due_soon_days + 1``-th working day after today (``sla_state`` counts working days after today)."""
    cal = calendar or WorkCalendar()
    return cal.add_working_days(today, due_soon_days + 1) - dt.timedelta(days=1)


def _utc_midnight(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=OFFICE_TZ).astimezone(dt.UTC).replace(tzinfo=None)


def _open_by_assignee(
    s: Session, today: dt.date, soon: dt.date
) -> dict[str | None, tuple[int, int, int, str | None, dt.datetime | None]]:
    overdue = func.sum(case((Request.due_date < today, 1), else_=0))
    due_soon = func.sum(case(((Request.due_date >= today) & (Request.due_date <= soon), 1), else_=0))
    on_track = func.sum(case((Request.due_date > soon, 1), else_=0))
    # SQLite: with exactly one min() in the query, the bare receipt_no comes from the row holding it
    stmt = (
        select(
            Request.assignee_id,
            on_track.cast(Integer),
            due_soon.cast(Integer),
            overdue.cast(Integer),
            Request.receipt_no,
            func.min(Request.created_at),
        )
        .where(Request.status.in_(SLA_STATUSES))
        .group_by(Request.assignee_id)
    )
    out: dict[str | None, tuple[int, int, int, str | None, dt.datetime | None]] = {}
    for uid, a, b, c, receipt_no, oldest in s.execute(stmt):
        if isinstance(oldest, str):  # func.min() over a DateTime comes back as text from SQLite
            oldest = dt.datetime.fromisoformat(oldest)
        out[uid] = (int(a or 0), int(b or 0), int(c or 0), receipt_no, oldest)
    return out


def _received_today(s: Session, lo: dt.datetime, hi: dt.datetime) -> dict[str, int]:
    stmt = (
        select(Request.created_by_id, func.count())
        .where(Request.created_at >= lo, Request.created_at < hi)
        .group_by(Request.created_by_id)
    )
    return {uid: int(n) for uid, n in s.execute(stmt)}


def _delivered_today(s: Session, lo: dt.datetime, hi: dt.datetime) -> dict[str | None, int]:
    stmt = (
        select(RequestEvent.actor_id, func.count())
        .where(RequestEvent.kind == "deliver", RequestEvent.device_time >= lo, RequestEvent.device_time < hi)
        .group_by(RequestEvent.actor_id)
    )
    return {uid: int(n) for uid, n in s.execute(stmt)}


def workload(
    store: Store,
    actor: Actor,
    *,
    today: dt.date | None = None,
    due_soon_days: int = 2,
    calendar: WorkCalendar | None = None,
) -> list[ClerkLoad]:
    """One row per active counter user (clerks and supervisors), plus any other user who still holds open
    requests, ordered by most overdue, then most open, then user name; the "nobody" row last.
    Supervisors and admins only (``NotPermitted`` otherwise)."""
    require_role(actor, *VIEW_ROLES)
    today = today or today_local()
    soon = due_soon_limit(today, due_soon_days, calendar)
    lo, hi = _utc_midnight(today), _utc_midnight(today + dt.timedelta(days=1))
    with store.read() as s:
        open_ = _open_by_assignee(s, today, soon)
        received = _received_today(s, lo, hi)
        delivered = _delivered_today(s, lo, hi)
        users = list(s.execute(select(User.id, User.username, User.full_name, User.role, User.active)))
    rows: list[ClerkLoad] = []
    for uid, username, full_name, role, active in users:
        counts = open_.get(uid)
        if not ((active and role in COUNTER_ROLES) or counts or received.get(uid) or delivered.get(uid)):
            continue
        a, b, c, oldest_no, oldest_at = counts or (0, 0, 0, None, None)
        rows.append(
            ClerkLoad(
                username,
                full_name,
                role,
                bool(active),
                a,
                b,
                c,
                oldest_no,
                local_date(oldest_at) if oldest_at else None,
                received.get(uid, 0),
                delivered.get(uid, 0),
            )
        )
    rows.sort(key=lambda r: (-r.overdue, -r.open, r.username or ""))
    if None in open_:
        a, b, c, oldest_no, oldest_at = open_[None]
        rows.append(ClerkLoad(None, "", "", True, a, b, c, oldest_no, local_date(oldest_at) if oldest_at else None))
    return rows


__all__ = ["VIEW_ROLES", "ClerkLoad", "due_soon_limit", "workload"]
