"""The municipality manager's pages: performance against the service standards across units and offices
(the desk's definitions, :mod:`frontdesk.central.performance`), its trend by month, the overdue list, and
the exports (CSV, PDF); beside them what the citizens say — their own survey answers apart from the clerks'
ratings, and complaints (the definitions of :mod:`frontdesk.citizen_figures`, shared with the desk)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from frontdesk import citizen_figures as cf
from frontdesk import report_export
from frontdesk.errors import InvalidInput

from .. import directory, performance
from ..citizens.report import citizens_report
from ..db import Database
from . import charts
from .texts import translate
from .web import Viewer, db_of, look, need, query_url, render

router = APIRouter(prefix="/perf")
OVERDUE_PAGE = 50


@dataclass(frozen=True)
class Query:
    date_from: dt.date
    date_to: dt.date
    by: str
    error: str | None = None

    @classmethod
    def parse(cls, q: dict[str, str], today: dt.date) -> Query:
        default_from = (today.replace(day=1) - dt.timedelta(days=330)).replace(day=1)
        by = q.get("by", "service")
        error = None
        try:
            date_from = dt.date.fromisoformat(q["from"]) if q.get("from") else default_from
            date_to = dt.date.fromisoformat(q["to"]) if q.get("to") else today
        except ValueError:
            date_from, date_to, error = default_from, today, "perf.error.date"
        if not (dt.date(2000, 1, 1) <= date_from <= dt.date(2100, 12, 31)) or not (
            dt.date(2000, 1, 1) <= date_to <= dt.date(2100, 12, 31)
        ):
            date_from, date_to, error = default_from, today, "perf.error.date"
        if date_to < date_from:
            date_from, date_to, error = default_from, today, "perf.error.range"
        if by not in performance.GROUPINGS:
            by = "service"
        return cls(date_from, date_to, by, error)

    def params(self, **change: Any) -> dict[str, Any]:
        return {"from": self.date_from.isoformat(), "to": self.date_to.isoformat(), "by": self.by, **change}


def _citizens(db: Database, q: Query, lang: str) -> cf.CitizensReport:
    """What the citizens say in the same period, with the shared definitions (``citizen_figures``): by the
    report's grouping when the survey has it (service, unit, clerk), else by service."""
    return citizens_report(db, by=q.by if q.by in cf.BY else "service", date_from=q.date_from, date_to=q.date_to,
                           lang=lang)  # fmt: skip


def _report(db: Database, q: Query, lang: str) -> Any:
    try:
        return performance.report(db, date_from=q.date_from, date_to=q.date_to, by=q.by, lang=lang)
    except InvalidInput:  # the checks above already keep the range valid
        raise


@router.get("")
def report_page(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    db = db_of(request)
    today = performance.today_local()
    q = Query.parse(dict(request.query_params), today)
    rep = _report(db, q, viewer.lang)
    trend_rep = rep
    if q.by != "month":
        trend_rep = performance.report(db, date_from=q.date_from, date_to=q.date_to, by="month", lang=viewer.lang,
                                       refresh_first=False, overdue=False, histogram=False)  # fmt: skip
    bars, bars_h = charts.on_time_bars(rep.rows)
    months, points, top = charts.trend(trend_rep.rows)
    return render(request, viewer, "perf.html", q=q, rep=rep, bars=bars, bars_h=bars_h, months=months,
                  points=points, top=top, charts=charts, groupings=performance.GROUPINGS,
                  cit=_citizens(db, q, viewer.lang), cit_csv=query_url("/perf/citizens.csv", q.params()),
                  refreshed=performance.refreshed_at(db),
                  export=lambda fmt: query_url(f"/perf/export.{fmt}", q.params()),
                  overdue_url=query_url("/perf/overdue", {}))  # fmt: skip


def _title(q: Query, lang: str) -> str:
    return translate("perf.pdf_title", lang, by=translate(f"perf.by.{q.by}", lang).lower())


def _filename(q: Query, ext: str) -> str:
    return f"performanca-{q.by}-{q.date_from.isoformat()}-{q.date_to.isoformat()}.{ext}"


@router.get("/export.csv")
def export_csv(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    q = Query.parse(dict(request.query_params), performance.today_local())
    rep = _report(db_of(request), q, viewer.lang)
    body = "\ufeff" + report_export.to_csv(rep)  # a BOM: spreadsheet programs then read UTF-8
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(q, "csv")}"'})  # fmt: skip


@router.get("/export.pdf")
def export_pdf(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    q = Query.parse(dict(request.query_params), performance.today_local())
    rep = _report(db_of(request), q, viewer.lang)
    pdf = report_export.to_pdf(rep, title=_title(q, viewer.lang), date_from=q.date_from, date_to=q.date_to,
                               lang=viewer.lang)  # fmt: skip
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(q, "pdf")}"'})  # fmt: skip


@router.get("/citizens.csv")
def citizens_csv(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    q = Query.parse(dict(request.query_params), performance.today_local())
    rep = _citizens(db_of(request), q, viewer.lang)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    cols = ["key", "label", "citizen_answers", "citizen_overall_avg", "citizen_promised_kept_share",
            "citizen_clear_share", "clerk_ratings", "clerk_rating_avg", "complaints"]  # fmt: skip
    w.writerow(cols)
    for row in [*rep.rows, rep.total]:
        data = row.as_json()
        w.writerow(["" if data[c] is None else data[c] for c in cols])
    name = f"qytetaret-{rep.by}-{q.date_from.isoformat()}-{q.date_to.isoformat()}.csv"
    return Response(("\ufeff" + buf.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


@dataclass(frozen=True)
class OverdueQuery:
    office: str
    unit: str
    page: int

    @classmethod
    def parse(cls, q: dict[str, str]) -> OverdueQuery:
        try:
            page = max(1, min(int(q.get("page", "1")), 100_000))
        except ValueError:
            page = 1
        return cls(q.get("office", "")[:200], q.get("unit", "")[:6], page)


def _overdue(request: Request, viewer: Viewer, oq: OverdueQuery, limit: int) -> dict[str, Any]:
    db = db_of(request)
    with db.read() as s:
        dirx = directory.load(s)
        from sqlalchemy import select

        from .. import models as m

        units = [(c, n) for c, n in s.execute(select(m.Unit.code, m.Unit.name).order_by(m.Unit.code))]
    services = None
    if oq.office:
        central, local = dirx.office_services(oq.office)
        services = central + [c for _u, c in local]
    rows, total = performance.overdue_list(db, services=services, unit=oq.unit or None, limit=limit,
                                           offset=(oq.page - 1) * limit)  # fmt: skip
    return {"rows": rows, "total": total, "dirx": dirx, "units": units, "offices": dirx.offices(),
            "names": dict(units)}  # fmt: skip


@router.get("/overdue")
def overdue_page(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    oq = OverdueQuery.parse(dict(request.query_params))
    data = _overdue(request, viewer, oq, OVERDUE_PAGE)
    pages = max(1, -(-data["total"] // OVERDUE_PAGE))
    return render(request, viewer, "perf_overdue.html", oq=oq, pages=pages, **data,
                  page_url=lambda p: query_url("/perf/overdue", {"office": oq.office, "unit": oq.unit, "page": p}),
                  csv_url=query_url("/perf/overdue.csv", {"office": oq.office, "unit": oq.unit}))  # fmt: skip


@router.get("/overdue.csv")
def overdue_csv(request: Request) -> Response:
    viewer = need(look(request), "manager", request=request)
    oq = OverdueQuery.parse(dict(request.query_params))
    data = _overdue(request, viewer, OverdueQuery(oq.office, oq.unit, 1), 100_000)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["receipt_no", "unit", "service", "office", "status", "assignee", "due_date", "working_days_late"])
    for r in data["rows"]:
        w.writerow([r.receipt_no, r.unit_code, r.service_code, data["dirx"].office_of(r.service_code, r.unit_code),
                    r.status, r.assignee or "", r.due_date.isoformat(), r.days_late])  # fmt: skip
    return Response(("\ufeff" + buf.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="te-vonuara.csv"'})  # fmt: skip


__all__ = ["router"]
