"""The back-office officer's pages: the office's requests (filters), one request, and its changes —
taken, in progress, ready, rejected with a reason, returned for completion naming what is missing, notes
— each through the one apply path, so the unit's desks pull it."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from .. import backoffice, directory
from ..errors import CentralError
from ..performance import today_local
from . import backoffice_data as bo
from .web import Viewer, db_of, field, look, need, posted, query_url, redirect, render

router = APIRouter(prefix="/bo")


def _office(viewer: Viewer) -> str:
    return viewer.account.office or ""


@router.get("")
def work_list(request: Request) -> Response:
    viewer = need(look(request), "officer", request=request)
    filters = bo.Filters.parse(dict(request.query_params))
    data = bo.listing(db_of(request), _office(viewer), filters, viewer.account.username, viewer.lang, today_local())
    return render(request, viewer, "bo_list.html", data=data, week_end=bo.week_end(data.today),
                  page_url=lambda **c: query_url("/bo", data.filters.params(**c)),
                  statuses=bo.STATUS_FILTERS)  # fmt: skip


def _page(request: Request, viewer: Viewer, receipt: str, *, error: str | None = None, done: str | None = None,
          status: int = 200) -> Response:  # fmt: skip
    data = bo.detail(db_of(request), _office(viewer), receipt, viewer.lang, today_local())
    return render(request, viewer, "bo_request.html", status=status, r=data, error=error, done=done,
                  missing_choices=[d for d in data.documents if d.state != "given"])  # fmt: skip


@router.get("/r/{receipt}")
def request_page(request: Request, receipt: str) -> Response:
    viewer = need(look(request), "officer", request=request)
    return _page(request, viewer, receipt, done=request.query_params.get("done"))


def _allowed(request: Request, viewer: Viewer) -> Callable[[str, str], bool]:
    with db_of(request).read() as s:
        return bo.allowed(directory.load(s), _office(viewer))


def _back(receipt: str, done: str) -> Response:
    return redirect(f"/bo/r/{quote(receipt, safe='')}?done={done}")


def _refusal(exc: CentralError) -> str:
    """The sentence (a text key, or the rulebook's English sentence) for a refused change."""
    if exc.code == "stale":
        return "bo.error.stale"
    reason = exc.detail.get("reason")
    if reason == "invalid_transition":
        return "bo.error.transition"
    return exc.message


@router.post("/r/{receipt}/take")
async def take(request: Request, receipt: str) -> Response:
    viewer, form = await posted(request, "officer")
    release = field(form, "release") == "1"
    try:
        await run_in_threadpool(bo.take, db_of(request), _office(viewer), receipt, viewer.account.username,
                                release=release)  # fmt: skip
    except CentralError as exc:
        if exc.code == "not_found":
            raise
        return await run_in_threadpool(_page, request, viewer, receipt, error=exc.message, status=409)
    return _back(receipt, "released" if release else "taken")


@router.post("/r/{receipt}/status")
async def change_status(request: Request, receipt: str) -> Response:
    viewer, form = await posted(request, "officer")
    target = field(form, "to")
    if target not in bo.OFFICER_TARGETS:
        return await run_in_threadpool(_page, request, viewer, receipt, error="bo.error.target", status=400)
    reason = field(form, "reason").strip() or None
    missing = [v for v in form.getlist("missing") if isinstance(v, str)][:50]
    if target == "rejected" and not reason:
        return await run_in_threadpool(_page, request, viewer, receipt, error="bo.error.reason", status=400)
    if target == "returned" and not missing and not reason:
        return await run_in_threadpool(_page, request, viewer, receipt, error="bo.error.missing", status=400)
    try:
        version = int(field(form, "version", "0"))
    except ValueError:
        version = -1
    check = await run_in_threadpool(_allowed, request, viewer)
    try:
        await run_in_threadpool(
            lambda: backoffice.advance(db_of(request), receipt, target, field(form, "note").strip() or None,
                                       actor=viewer.actor, event_actor=viewer.event_actor, reason=reason,
                                       missing=missing or None, expect_version=version,
                                       allowed=check)
        )
    except CentralError as exc:
        if exc.code == "not_found":
            raise
        return await run_in_threadpool(_page, request, viewer, receipt, error=_refusal(exc), status=409)
    return _back(receipt, target)


@router.post("/r/{receipt}/note")
async def note(request: Request, receipt: str) -> Response:
    viewer, form = await posted(request, "officer")
    text = field(form, "text")
    if not text.strip():
        return await run_in_threadpool(_page, request, viewer, receipt, error="bo.error.note", status=400)
    check = await run_in_threadpool(_allowed, request, viewer)
    try:
        await run_in_threadpool(
            lambda: backoffice.add_note(db_of(request), receipt, text, actor=viewer.actor,
                                        event_actor=viewer.event_actor, allowed=check)
        )
    except CentralError as exc:
        if exc.code == "not_found":
            raise
        return await run_in_threadpool(_page, request, viewer, receipt, error=exc.message, status=400)
    return _back(receipt, "note")


__all__ = ["router"]
