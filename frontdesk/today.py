"""The clerk's day: my intakes, my deliveries and the fees I took, by service — what the "My day" page
shows and the cash-up slip (``receipts_slips.render_cashup``) prints at the end of the shift.

"Today" is the office's calendar day (Europe/Tirane); stored times are naive UTC, so the day is turned
into a UTC range once and every query is a range on an indexed time column. A voided intake (status
``cancelled`` through a ``void`` event) is listed apart and its fee is not counted: the money went back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select

from .db import Store
from .deadlines import OFFICE_TZ
from .models import Request, RequestEvent, Service, User
from .queries import today_local


@dataclass(frozen=True)
class DayLine:
    receipt_no: str
    time: dt.datetime  # naive UTC
    citizen_name: str
    service_code: str
    service_name_sq: str
    service_name_en: str
    fee_paid: int
    status: str
    reason: str | None = None  # a voided intake's reason

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" and self.service_name_en else self.service_name_sq


@dataclass(frozen=True)
class ServiceTotal:
    service_code: str
    name_sq: str
    name_en: str
    intakes: int
    fees: int

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_sq


@dataclass(frozen=True)
class MyDay:
    day: dt.date
    username: str
    full_name: str
    intakes: list[DayLine] = field(default_factory=list)  # kept (not voided), in time order
    voided: list[DayLine] = field(default_factory=list)
    deliveries: list[DayLine] = field(default_factory=list)
    by_service: list[ServiceTotal] = field(default_factory=list)

    @property
    def total_fees(self) -> int:
        return sum(line.fee_paid for line in self.intakes)


def utc_range(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The office's calendar day as a naive-UTC half-open range [start, end)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=OFFICE_TZ)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=OFFICE_TZ)
    return (start.astimezone(dt.UTC).replace(tzinfo=None), end.astimezone(dt.UTC).replace(tzinfo=None))


def my_day(store: Store, username: str, day: dt.date | None = None) -> MyDay:
    """What ``username`` did at the counter on ``day`` (default: today in the office's time zone)."""
    day = day or today_local()
    start, end = utc_range(day)
    with store.read() as s:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            return MyDay(day, username, username)
        cols = (
            Request.id,
            Request.receipt_no,
            Request.citizen_name,
            Request.service_code,
            Service.name_sq,
            Service.name_en,
            Request.fee_paid,
            Request.status,
        )
        made = s.execute(
            select(*cols, Request.created_at)
            .join(Service, Service.code == Request.service_code)
            .where(Request.created_by_id == user.id, Request.created_at >= start, Request.created_at < end)
            .order_by(Request.created_at, Request.receipt_no)
        ).all()
        ids = [r[0] for r in made]
        voids: dict[str, str] = {}
        if ids:
            for request_id, data in s.execute(
                select(RequestEvent.request_id, RequestEvent.data).where(
                    RequestEvent.request_id.in_(ids), RequestEvent.kind == "void"
                )
            ):
                voids[request_id] = str((data or {}).get("reason") or "")
        delivered = s.execute(
            select(*cols, RequestEvent.device_time)
            .join(Request, Request.id == RequestEvent.request_id)
            .join(Service, Service.code == Request.service_code)
            .where(
                and_(
                    RequestEvent.kind == "deliver",
                    RequestEvent.actor_username == user.username,
                    RequestEvent.device_time >= start,
                    RequestEvent.device_time < end,
                )
            )
            .order_by(RequestEvent.device_time)
        ).all()

    def line(r: Any, reason: str | None = None) -> DayLine:
        return DayLine(r[1], r[8], r[2], r[3], r[4], r[5], int(r[6] or 0), r[7], reason)

    intakes = [line(r) for r in made if r[0] not in voids]
    voided = [line(r, voids[r[0]]) for r in made if r[0] in voids]
    totals: dict[str, list[Any]] = {}
    for ln in intakes:
        t = totals.setdefault(ln.service_code, [ln.service_name_sq, ln.service_name_en, 0, 0])
        t[2] += 1
        t[3] += ln.fee_paid
    by_service = sorted(
        (ServiceTotal(code, t[0], t[1], t[2], t[3]) for code, t in totals.items()),
        key=lambda st: (-st.fees, -st.intakes, st.name_sq),
    )
    return MyDay(day, user.username, user.full_name, intakes, voided, [line(r) for r in delivered], by_service)
