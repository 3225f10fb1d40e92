"""Read side: plain views of requests, their history, and the unit's queue (filtered and sorted in SQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from . import search
from .db import Store
from .deadlines import OPEN_STATUSES, local_date, sla_state
from .errors import InvalidInput, NotFound
from .i18n import QT_TRANSLATE_NOOP
from .lifecycle import STATUSES
from .models import Request, RequestEvent, Service, User
from .numbering import parse_receipt_no
from .text import fold

# Requests returned for completion wait for the citizen: the office's clock does not run for them.
SLA_STATUSES = tuple(s for s in OPEN_STATUSES if s != "returned")


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    from_status: str | None
    to_status: str | None
    actor_username: str
    workstation_code: str
    device_time: dt.datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class RequestView:
    id: str
    receipt_no: str
    visit_id: str
    status: str
    service_code: str
    service_name_sq: str
    service_name_en: str
    citizen_nid: str
    citizen_name: str
    citizen_phone: str | None
    documents: list[str]
    documents_missing: list[str]
    fee_paid: int
    priority: bool
    note: str | None
    assignee: str | None
    assignee_name: str | None
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    due_date: dt.date
    standard_days: int
    sla: str | None
    rating: int | None
    version: int
    print_count: int
    central_ack: bool
    completed_at: dt.datetime | None
    delivered_at: dt.datetime | None
    workstation_code: str
    history: list[EventView] = field(default_factory=list)
    # the citizens' side (issue 14)
    notify_consent: bool = False
    contact_email: str | None = None
    lookup_code: str | None = None
    complaint_about: str | None = None
    survey_answered: bool = False

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            if isinstance(v, dt.date | dt.datetime):
                out[k] = v.isoformat()
            elif k == "history":
                out[k] = [{**e.__dict__, "device_time": e.device_time.isoformat()} for e in v]
            else:
                out[k] = v
        return out


@dataclass(frozen=True)
class QueueRow:
    id: str
    receipt_no: str
    citizen_name: str
    service_code: str
    service_name_sq: str
    service_name_en: str
    status: str
    assignee: str | None
    due_date: dt.date
    sla: str | None
    priority: bool
    created_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v) for k, v in self.__dict__.items()}


@dataclass
class QueueFilter:
    status: str | None = None
    assignee: str | None = None
    overdue: bool = False
    service_code: str | None = None
    text: str | None = None


def today_local() -> dt.date:
    return local_date(dt.datetime.now(dt.UTC).replace(tzinfo=None))


def _sla(status: str, due: dt.date, today: dt.date) -> str | None:
    return sla_state(due, today, status) if status in SLA_STATUSES else None


def request_sla(status: str, due: dt.date, today: dt.date | None = None) -> str | None:
    """``on_track | due_soon | overdue`` for a request whose office clock runs, else None."""
    return _sla(status, due, today or today_local())


def normalise_receipt(text: str) -> str:
    """The canonical receipt number of typed or scanned input; InvalidInput for a wrong check character."""
    return parse_receipt_no(text).text


def find_request(session: Session, receipt_no: str) -> Request:
    text = normalise_receipt(receipt_no)
    req = session.scalars(select(Request).where(Request.receipt_no == text)).first()
    if req is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No request with receipt number {receipt_no}."), receipt_no=text)
    return req


def event_views(session: Session, request_id: str) -> list[EventView]:
    rows = session.scalars(
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id)
        .order_by(RequestEvent.device_time, RequestEvent.id)
    )
    return [
        EventView(
            e.id,
            e.kind,
            e.from_status,
            e.to_status,
            e.actor_username,
            e.workstation_code,
            e.device_time,
            dict(e.data or {}),
        )
        for e in rows
    ]


def view(session: Session, req: Request, *, with_history: bool = False, today: dt.date | None = None) -> RequestView:
    svc = session.get_one(Service, req.service_code)
    assignee = session.get(User, req.assignee_id) if req.assignee_id else None
    creator = session.get(User, req.created_by_id)
    return RequestView(
        id=req.id,
        receipt_no=req.receipt_no,
        visit_id=req.visit_id,
        status=req.status,
        service_code=req.service_code,
        service_name_sq=svc.name_sq,
        service_name_en=svc.name_en,
        citizen_nid=req.citizen_nid,
        citizen_name=req.citizen_name,
        citizen_phone=req.citizen_phone,
        documents=list(req.documents or []),
        documents_missing=list(req.documents_missing or []),
        fee_paid=req.fee_paid,
        priority=req.priority,
        note=req.note,
        assignee=assignee.username if assignee else None,
        assignee_name=assignee.full_name if assignee else None,
        created_by=creator.username if creator else "?",
        created_at=req.created_at,
        updated_at=req.updated_at,
        due_date=req.due_date,
        standard_days=req.standard_days,
        sla=_sla(req.status, req.due_date, today or today_local()),
        rating=req.rating,
        version=req.version,
        print_count=req.print_count,
        central_ack=req.central_ack,
        completed_at=req.completed_at,
        delivered_at=req.delivered_at,
        workstation_code=req.workstation_code,
        history=event_views(session, req.id) if with_history else [],
        notify_consent=bool(req.notify_consent),
        contact_email=req.contact_email,
        lookup_code=req.lookup_code,
        complaint_about=req.complaint_about,
        survey_answered=survey_answered(session, req.id),
    )


def survey_answered(session: Session, request_id: str) -> bool:
    """Whether the citizen's survey of the request has been answered (here, or elsewhere and pulled)."""
    found = session.scalar(
        select(RequestEvent.id).where(RequestEvent.request_id == request_id, RequestEvent.kind == "survey").limit(1)
    )
    return found is not None


def get_request(store: Store, receipt_no: str, *, with_history: bool = True) -> RequestView:
    with store.read() as s:
        return view(s, find_request(s, receipt_no), with_history=with_history)


def history(store: Store, receipt_no: str) -> list[EventView]:
    with store.read() as s:
        return event_views(s, find_request(s, receipt_no).id)


# Every sortable column has an index; the tie-breaker is the rowid, which every SQLite index carries,
# so "ORDER BY col, rowid LIMIT n" walks the index instead of sorting 200,000 rows.
_ROWID: Any = literal_column("requests.rowid")
_ORDER = {
    "created_at": Request.created_at,
    "receipt_no": Request.receipt_no,
    "citizen_name": Request.citizen_key,  # the folded name: indexed, and sorts ë with e
    "service_code": Request.service_code,
    "status": Request.status,
    "due_date": Request.due_date,
}


def _filtered(stmt: Select[Any], flt: QueueFilter, today: dt.date, *, many: bool = False) -> Select[Any]:
    if flt.status:
        stmt = stmt.where(Request.status == flt.status)
    if flt.assignee:
        if flt.assignee == "-":
            stmt = stmt.where(Request.assignee_id.is_(None))
        else:
            uid = select(User.id).where(User.username == flt.assignee.strip().lower()).scalar_subquery()
            stmt = stmt.where(Request.assignee_id == uid)
    if flt.overdue:
        stmt = stmt.where(Request.status.in_(SLA_STATUSES), Request.due_date < today)
    if flt.service_code:
        stmt = stmt.where(Request.service_code == flt.service_code.strip().upper())
    if flt.text and flt.text.strip():
        stmt = stmt.where(_text_match(flt.text.strip(), many=many))
    return stmt


def _text_match(t: str, *, many: bool = False) -> Any:
    """Free text: any part (three characters or more) of the citizen's name, surname, personal number,
    phone or receipt number through the trigram index (``search.py``; accents and case ignored); shorter
    text: the start of a receipt number or of the name, or a whole personal number. Each is an index
    lookup, never a scan of the table. ``many``: the text matches so many requests that the page is found
    faster by walking the sort column's index (the unary + keeps SQLite from driving by the matches)."""
    upper = t.upper().replace(" ", "")
    key = fold(t)
    prefix = or_(
        and_(Request.receipt_no >= upper, Request.receipt_no < upper + "\uffff"),
        Request.citizen_nid == upper,
        and_(Request.citizen_key >= key, Request.citizen_key < key + "\uffff"),
    )
    expression = search.match_expression(t)
    if expression is None:
        return prefix
    rowid = literal_column("+requests.rowid") if many else _ROWID
    return rowid.in_(search.matching_rowids(expression))


def _check_filter(flt: QueueFilter) -> None:
    if flt.status and flt.status not in STATUSES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=flt.status)


COUNT_CAP = 5000  # a text search counts its matches up to here ("more than 5,000: narrow the search")


def queue_count(store: Store, flt: QueueFilter | None = None) -> int:
    """How many requests the filter finds; a text search on its own counts up to ``COUNT_CAP`` + 1 (a
    surname a quarter of the unit carries would cost more to count than to show its first page)."""
    flt = flt or QueueFilter()
    _check_filter(flt)
    text_ = (flt.text or "").strip()
    expression = search.match_expression(text_) if text_ else None
    with store.read() as s:
        if expression is not None and not (flt.status or flt.assignee or flt.overdue or flt.service_code):
            return search.count_matches(s, expression, limit=COUNT_CAP + 1)  # the index alone
        # a text many requests match is checked against the other filter's index (rowids only), not the
        # other way round (reading each matching row: 550 ms for a common surname within one clerk's)
        many = expression is not None and search.count_matches(s, expression) >= search.MANY
        stmt = _filtered(select(func.count()).select_from(Request), flt, today_local(), many=many)
        return int(s.scalar(stmt) or 0)


def queue_page(
    store: Store,
    flt: QueueFilter | None = None,
    *,
    order_by: str = "created_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[QueueRow]:
    flt = flt or QueueFilter()
    _check_filter(flt)
    col: Any = _ORDER.get(order_by)
    if col is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot sort by {column}."), column=order_by)
    today = today_local()
    text_ = (flt.text or "").strip()
    expression = search.match_expression(text_) if text_ else None
    assignee = aliased(User)
    stmt: Any = (
        select(
            Request.id,
            Request.receipt_no,
            Request.citizen_name,
            Request.service_code,
            Service.name_sq,
            Service.name_en,
            Request.status,
            assignee.username,
            Request.due_date,
            Request.priority,
            Request.created_at,
        )
        .join(Service, Service.code == Request.service_code)
        .outerjoin(assignee, assignee.id == Request.assignee_id)
    )
    with store.read() as s:
        many = expression is not None and search.count_matches(s, expression) >= search.MANY
        few = bool(text_) and not many
        if few:
            # A text search matches few rows through its own indexes; keep SQLite from walking the sort
            # column's index over every row instead (a unary + makes the ORDER BY term unindexable).
            col = literal_column(f"+requests.{col.key}")
        order = (col.desc(), _ROWID.desc()) if descending else (col.asc(), _ROWID.asc())
        if few:
            stmt = _filtered(stmt, flt, today).order_by(*order).offset(offset).limit(limit)
        else:
            # The page's rows are chosen from an index alone (models.Request's: status, due date, creation
            # time and receipt number; the assignee's), then only those rows are read: sorting the 33,000
            # rows of a status by reading each one cost 420-470 ms on the encrypted store, which decrypts
            # every page it reads, and 15-30 ms this way (bench/ui.py).
            page = _filtered(select(_ROWID).select_from(Request), flt, today, many=many).order_by(*order)
            stmt = stmt.where(_ROWID.in_(page.offset(offset).limit(limit).scalar_subquery())).order_by(*order)
        return [
            QueueRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], _sla(r[6], r[8], today), r[9], r[10])
            for r in s.execute(stmt)
        ]


def service_usage(store: Store, days: int = 90) -> dict[str, int]:
    since = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days)
    with store.read() as s:
        rows = s.execute(
            select(Request.service_code, func.count())
            .where(Request.created_at >= since)
            .group_by(Request.service_code)
            .order_by(func.count().desc())
        )
        return {code: int(n) for code, n in rows}


def event_reasons(store: Store, receipt_nos: list[str]) -> dict[tuple[str, str, dt.datetime], str]:
    """The reasons written with the events of these requests (reassignment, reject/cancel, void), keyed by
    (receipt number, event kind, device time to the second) — the audit trail keeps no free text, so its
    screen finds the reason here."""
    if not receipt_nos:
        return {}
    out: dict[tuple[str, str, dt.datetime], str] = {}
    with store.read() as s:
        rows = s.execute(
            select(Request.receipt_no, RequestEvent.kind, RequestEvent.device_time, RequestEvent.data)
            .join(Request, Request.id == RequestEvent.request_id)
            .where(Request.receipt_no.in_(receipt_nos), RequestEvent.kind.in_(("assign", "status", "void")))
        )
        for no, kind, when, data in rows:
            reason = (data or {}).get("reason")
            if reason:
                out[(no, kind, when.replace(microsecond=0))] = str(reason)
    return out
