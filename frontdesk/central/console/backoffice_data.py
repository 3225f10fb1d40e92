"""What a back-office officer sees and does — always within their office: the requests of the office's
services across the municipality's units, one request with its documents, history and notes, and taking a
request into one's own work list. Changes to a request go through :mod:`frontdesk.central.backoffice`
(the one apply path)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from frontdesk.clock import utcnow
from frontdesk.lifecycle import STATUSES, TRANSITIONS
from frontdesk.personal_number import mask_nid

from .. import directory
from .. import models as m
from ..admin_log import log_action
from ..db import Database
from ..errors import Conflict, NotFound

TODO = ("forwarded", "in_progress")  # what waits for the back office
STATUS_FILTERS = ("todo", "all", *STATUSES)
PAGE = 50
# what an officer may move a request to (delivery is the counter's; cancelling is a supervisor's)
OFFICER_TARGETS = ("in_progress", "ready", "returned", "rejected")


@dataclass(frozen=True)
class Filters:
    status: str = "todo"
    service: str = ""
    unit: str = ""
    overdue: bool = False
    week: bool = False
    mine: bool = False
    page: int = 1

    @classmethod
    def parse(cls, q: dict[str, str]) -> Filters:
        status = q.get("status", "todo")
        try:
            page = max(1, min(int(q.get("page", "1")), 100_000))
        except ValueError:
            page = 1
        return cls(
            status=status if status in STATUS_FILTERS else "todo",
            service=q.get("service", "")[:32],
            unit=q.get("unit", "")[:6],
            overdue=q.get("overdue") == "1",
            week=q.get("week") == "1",
            mine=q.get("mine") == "1",
            page=page,
        )

    def params(self, **change: Any) -> dict[str, Any]:
        values = {"status": self.status if self.status != "todo" else "", "service": self.service,
                  "unit": self.unit, "overdue": "1" if self.overdue else "", "week": "1" if self.week else "",
                  "mine": "1" if self.mine else "", "page": self.page if self.page > 1 else ""}  # fmt: skip
        values.update(change)
        return values


def week_end(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


def _scope(dirx: directory.Directory, office: str) -> Any:
    """The office's requests: its central services anywhere, its units' own services in their unit."""
    central, local = dirx.office_services(office)
    parts: list[Any] = []
    if central:
        parts.append(m.Request.service_code.in_(central))
    parts.extend(and_(m.Request.unit_code == u, m.Request.service_code == c) for u, c in local)
    return or_(*parts) if parts else false()


def allowed(dirx: directory.Directory, office: str) -> Callable[[str, str], bool]:
    """Whether a request of (unit, service) is the office's."""
    central, local = dirx.office_services(office)
    codes, pairs = set(central), set(local)
    return lambda unit, service: service in codes or (unit, service) in pairs


@dataclass(frozen=True)
class Row:
    receipt_no: str
    unit_code: str
    unit_name: str
    service_code: str
    service_name: str
    citizen_name: str
    status: str
    priority: bool
    created_at: dt.datetime
    due_date: dt.date
    taken_by: str | None
    overdue: bool


@dataclass
class Listing:
    rows: list[Row]
    total: int
    services: list[directory.Service]
    units: list[tuple[str, str]]
    filters: Filters
    today: dt.date
    pages: int = field(default=1)


def _where(stmt: Any, dirx: directory.Directory, office: str, f: Filters, username: str,
           today: dt.date) -> Any:  # fmt: skip
    stmt = stmt.where(_scope(dirx, office))
    if f.status == "todo":
        stmt = stmt.where(m.Request.status.in_(TODO))
    elif f.status != "all":
        stmt = stmt.where(m.Request.status == f.status)
    if f.service:
        stmt = stmt.where(m.Request.service_code == f.service)
    if f.unit:
        stmt = stmt.where(m.Request.unit_code == f.unit)
    if f.overdue:
        stmt = stmt.where(m.Request.status.in_(("received", *TODO)), m.Request.due_date < today)
    if f.week:
        stmt = stmt.where(m.Request.due_date.between(today, week_end(today)))
    if f.mine:
        stmt = stmt.where(m.BackofficeClaim.officer == username)
    return stmt


def _service_name(dirx: directory.Directory, code: str, unit: str, lang: str) -> str:
    svc = dirx.service(code, unit)
    return svc.name(lang) if svc is not None else code


def listing(db: Database, office: str, f: Filters, username: str, lang: str, today: dt.date) -> Listing:
    with db.read() as s:
        dirx = directory.load(s)
        units = [(c, n) for c, n in s.execute(select(m.Unit.code, m.Unit.name).order_by(m.Unit.code))]
        cols = (m.Request.receipt_no, m.Request.unit_code, m.Request.service_code, m.Request.citizen_name,
                m.Request.status, m.Request.priority, m.Request.created_at, m.Request.due_date,
                m.BackofficeClaim.officer)  # fmt: skip
        base = select(*cols).outerjoin(m.BackofficeClaim, m.BackofficeClaim.request_id == m.Request.id)
        stmt = _where(base, dirx, office, f, username, today)
        counted = _where(select(func.count()).select_from(m.Request), dirx, office, f, username, today)
        if f.mine:
            counted = counted.join(m.BackofficeClaim, m.BackofficeClaim.request_id == m.Request.id)
        total = int(s.scalar(counted) or 0)
        pages = max(1, -(-total // PAGE))
        page = min(f.page, pages)
        # what still waits: the earliest promised date first; every status or a final one: the latest first
        if f.status in ("todo", *TODO, "received") or f.overdue or f.week:
            order: tuple[Any, ...] = (m.Request.due_date, m.Request.receipt_no)
        else:
            order = (m.Request.due_date.desc(), m.Request.receipt_no.desc())
        found = s.execute(stmt.order_by(*order).limit(PAGE).offset((page - 1) * PAGE)).all()
        names = dict(units)
        rows = [Row(r[0], r[1], names.get(r[1], ""), r[2], _service_name(dirx, r[2], r[1], lang), r[3], r[4],
                    bool(r[5]), r[6], r[7], r[8], r[4] in ("received", *TODO) and r[7] < today)
                for r in found]  # fmt: skip
    return Listing(rows, total, dirx.services_of(office), units, Filters(**{**f.__dict__, "page": page}), today,
                   pages)  # fmt: skip


# ------------------------------------------------------------------------------------------------ one request


@dataclass(frozen=True)
class Doc:
    code: str
    name: str
    state: str  # given | missing | other


@dataclass
class Detail:
    id: str
    receipt_no: str
    unit_code: str
    unit_name: str
    service: directory.Service | None
    service_code: str
    citizen_name: str
    citizen_nid_masked: str
    status: str
    version: int
    priority: bool
    created_at: dt.datetime
    due_date: dt.date
    standard_days: int
    completed_at: dt.datetime | None
    assignee: str | None
    taken_by: str | None
    taken_at: dt.datetime | None
    documents: list[Doc]
    events: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    targets: list[str]
    overdue: bool


def _request(s: Session, dirx: directory.Directory, office: str, receipt_no: str) -> m.Request:
    req = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no.strip().upper())).first()
    if req is None or not allowed(dirx, office)(req.unit_code, req.service_code):
        raise NotFound(f"There is no request {receipt_no}.", code="not_found")  # another office's: not even "exists"
    return req


def detail(db: Database, office: str, receipt_no: str, lang: str, today: dt.date) -> Detail:
    with db.read() as s:
        dirx = directory.load(s)
        req = _request(s, dirx, office, receipt_no)
        svc = dirx.service(req.service_code, req.unit_code)
        unit = s.get(m.Unit, req.unit_code)
        claim = s.get(m.BackofficeClaim, req.id)
        events = s.scalars(select(m.RequestEvent).where(m.RequestEvent.request_id == req.id)
                           .order_by(m.RequestEvent.device_time, m.RequestEvent.id)).all()  # fmt: skip
        names = {d.code: d.name_en if lang == "en" else d.name_sq for d in (svc.documents if svc else ())}
        given, missing = list(req.documents or []), list(req.documents_missing or [])
        docs = [Doc(c, names.get(c, c), "missing" if c in missing else "given") for c in given]
        docs += [Doc(c, names.get(c, c), "missing") for c in missing if c not in given]
        docs += [Doc(c, n, "other") for c, n in names.items() if c not in given and c not in missing]
        history: list[dict[str, Any]] = [{"kind": e.kind, "from": e.from_status, "to": e.to_status, "actor": e.actor,
                    "workstation": e.workstation, "time": e.device_time, "data": dict(e.data or {})}
                   for e in events]  # fmt: skip
        notes = [h for h in history if h["kind"] == "note" or h["data"].get("note") or h["data"].get("reason")]
        targets = [t for t in OFFICER_TARGETS if t in TRANSITIONS.get(req.status, ())]
        return Detail(
            id=req.id, receipt_no=req.receipt_no, unit_code=req.unit_code, unit_name=unit.name if unit else "",
            service=svc, service_code=req.service_code, citizen_name=req.citizen_name,
            citizen_nid_masked=mask_nid(req.citizen_nid), status=req.status, version=req.version,
            priority=req.priority, created_at=req.created_at, due_date=req.due_date, standard_days=req.standard_days,
            completed_at=req.completed_at, assignee=req.assignee, taken_by=claim.officer if claim else None,
            taken_at=claim.taken_at if claim else None, documents=docs, events=history, notes=notes,
            targets=targets, overdue=req.status in ("received", *TODO) and req.due_date < today,
        )  # fmt: skip


def take(db: Database, office: str, receipt_no: str, username: str, *, release: bool = False) -> None:
    """Take a request into one's work list (or give it back). Another officer's request is not taken
    over silently: it says who has it."""
    with db.write() as s:
        dirx = directory.load(s)
        req = _request(s, dirx, office, receipt_no)
        claim = s.get(m.BackofficeClaim, req.id)
        if release:
            if claim is not None and claim.officer == username:
                s.execute(delete(m.BackofficeClaim).where(m.BackofficeClaim.request_id == req.id))
                log_action(s, f"console:{username}", "backoffice_release", req.unit_code, req.receipt_no, {})
            return
        if claim is not None:
            if claim.officer == username:
                return
            raise Conflict(f"{claim.officer} has already taken this request.", code="taken",
                           detail={"officer": claim.officer})  # fmt: skip
        s.add(m.BackofficeClaim(request_id=req.id, officer=username, taken_at=utcnow()))
        log_action(s, f"console:{username}", "backoffice_take", req.unit_code, req.receipt_no, {})


__all__ = ["OFFICER_TARGETS", "PAGE", "STATUS_FILTERS", "TODO", "Detail", "Filters", "Listing", "Row", "allowed",
           "detail", "listing", "take", "week_end"]  # fmt: skip
