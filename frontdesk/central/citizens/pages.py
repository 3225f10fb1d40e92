"""The public pages of the central system (no sign-in): the status lookup (``/status``, and
``POST /v1/public/status`` as JSON), the satisfaction survey (``/survey/RECEIPT/TOKEN``) and the online
complaint form (``/complaint``). Server-rendered with Jinja2 (autoescaped: whatever a citizen or a desk
typed is shown as text), Albanian by default and English (``?lang=en``, or the browser's language).

Every answer carries the security headers (:data:`SECURITY_HEADERS`: a strict Content-Security-Policy
with no script at all, no framing, no referrer — the lookup address holds the code —, nothing cached).
The rate limits are the database's (:mod:`.throttle`); past them a page says so with ``429``.

Behind the municipality's reverse proxy the pages may live under a path (the public address
``https://bashkia.example/qytetaret`` — the proxy strips ``/qytetaret`` on the way in): every link and form
a page holds starts with that path (``root``, read from the public address).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from sqlalchemy import select

from frontdesk.errors import FrontdeskError

from .. import models as m
from ..db import Database
from ..errors import TooManyAttempts
from . import complaints, lookup, survey
from .settings import public_url
from .texts import LANGS, complaint_problem, t

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}  # fmt: skip
MAX_FORM = 16 * 1024
WEEKDAYS = {"sq": ("e hënë", "e martë", "e mërkurë", "e enjte", "e premte", "e shtunë", "e diel"),
            "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}  # fmt: skip

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)  # fmt: skip


class StatusQuery(BaseModel):
    receipt_no: str = Field(max_length=40)
    code: str = Field(max_length=20)
    lang: str = Field(default="sq", max_length=5)


class QueryStringFilter(logging.Filter):
    """The access log keeps the path of a public page, never its query string (the lookup code, a survey
    token) — nor anything else a citizen typed."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def quiet_access_log() -> None:
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, QueryStringFilter) for f in logger.filters):
        logger.addFilter(QueryStringFilter())


def _lang(request: Request, given: str | None = None) -> str:
    if given in LANGS:
        return given
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    accept = request.headers.get("accept-language", "").lower()
    return "en" if accept.startswith("en") else "sq"


def _address(request: Request) -> str:
    return request.client.host if request.client is not None else "-"


def _secure(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def public_root(db: Database) -> str:
    """The path of the municipality's public address ("" at the root, or without one): the start of every
    link on the public pages."""
    with db.read() as s:
        url = public_url(s)
    return urlsplit(url).path.rstrip("/") if url else ""


def _render(request: Request, template: str, lang: str, title_key: str, status: int = 200, *, root: str = "",
            **ctx: Any) -> Response:  # fmt: skip
    other = "en" if lang == "sq" else "sq"
    params = {k: v for k, v in request.query_params.items() if k in ("r",)}
    other_url = f"{root}{request.url.path}?{urlencode({**params, 'lang': other})}"
    html = _env.get_template(template).render(lang=lang, t=lambda key, **kw: t(lang, key, **kw),
                                              title=t(lang, title_key), other_lang=other, other_url=other_url,
                                              root=root, **ctx)  # fmt: skip
    return _secure(HTMLResponse(html, status_code=status))


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM:
        return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in parsed.items() if v}


def _date(d: dt.date | None, lang: str) -> str:
    return f"{WEEKDAYS[lang][d.weekday()]}, {d:%d.%m.%Y}" if d is not None else ""


def router(db: Database) -> APIRouter:
    r = APIRouter()

    def render(*args: Any, **kwargs: Any) -> Response:
        return _render(*args, root=public_root(db), **kwargs)

    def status_page(request: Request, lang: str, receipt: str, code: str) -> Response:
        answer = None
        status = 200
        if receipt or code:
            try:
                answer = lookup.lookup(db, receipt, code, address=_address(request), lang=lang)
            except TooManyAttempts:
                answer = lookup.StatusAnswer("not_found", t(lang, "throttled"))
                status = 429
            else:
                status = 200 if answer.outcome in ("found", "not_synced") else 404
        promised = _date(answer.promised_date if answer else None, lang)
        response = render(request, "status.html", lang, "status_title", status, answer=answer, receipt=receipt[:40],
                           promised=promised)  # fmt: skip
        if status == 429:
            response.headers["Retry-After"] = "900"
        return response

    @r.get("/status", include_in_schema=False)
    def status_get(request: Request) -> Response:
        q = request.query_params
        return status_page(request, _lang(request), (q.get("r") or "")[:40], (q.get("c") or "")[:20])

    @r.post("/status", include_in_schema=False)
    async def status_post(request: Request) -> Response:
        form = await _form(request)
        lang = _lang(request, form.get("lang"))
        return status_page(request, lang, form.get("r", "")[:40], form.get("c", "")[:20])

    @r.post("/v1/public/status", responses={404: {"description": "No request with this number and code"},
                                            429: {"description": "Too many attempts"}})  # fmt: skip
    def status_json(body: StatusQuery, request: Request) -> Response:
        """The public status lookup as JSON (no token): ``outcome`` found | not_synced | not_found | invalid."""
        lang = body.lang if body.lang in LANGS else "sq"
        try:
            answer = lookup.lookup(db, body.receipt_no, body.code, address=_address(request), lang=lang)
        except TooManyAttempts:
            response = JSONResponse({"outcome": "too_many_attempts", "message": t(lang, "throttled")}, status_code=429)
            response.headers["Retry-After"] = "900"
            return _secure(response)
        code = 200 if answer.outcome in ("found", "not_synced") else 404 if answer.outcome == "not_found" else 400
        return _secure(JSONResponse(answer.as_json(), status_code=code))

    @r.get("/survey/{receipt}/{token}", include_in_schema=False)
    def survey_get(receipt: str, token: str, request: Request) -> Response:
        lang = _lang(request)
        v = survey.view(db, receipt[:40], token[:64])
        return _survey_page(request, lang, v, receipt, token)

    @r.post("/survey/{receipt}/{token}", include_in_schema=False)
    async def survey_post(receipt: str, token: str, request: Request) -> Response:
        form = await _form(request)
        lang = _lang(request, form.get("lang"))
        yes_no = {"yes": True, "no": False}
        try:
            overall = int(form.get("overall", "0"))
        except ValueError:
            overall = 0
        try:
            state = survey.answer(db, receipt[:40], token[:64], overall=overall, promised_kept=yes_no.get(
                form.get("kept", "")), clear=yes_no.get(form.get("clear", "")), comment=form.get("comment"),
                address=_address(request))  # fmt: skip
        except TooManyAttempts:
            response = render(request, "survey.html", lang, "survey_title", 429, state="done", kind="error",
                               message=t(lang, "throttled"))  # fmt: skip
            response.headers["Retry-After"] = "900"
            return response
        except FrontdeskError:
            v = survey.view(db, receipt[:40], token[:64])
            return _survey_page(request, lang, v, receipt, token, message=t(lang, "survey_invalid"), status=400)
        if state == "open":
            return render(request, "survey.html", lang, "survey_title", state="thanks", kind="ok",
                           message=t(lang, "survey_thanks"))  # fmt: skip
        v = survey.view(db, receipt[:40], token[:64])
        return _survey_page(request, lang, v, receipt, token, status={"done": 409, "bad": 404}.get(v.state, 400))

    def _survey_page(request: Request, lang: str, v: survey.SurveyView, receipt: str, token: str, *,
                     message: str | None = None, status: int | None = None) -> Response:  # fmt: skip
        messages = {"done": t(lang, "survey_done"), "closed": t(lang, "survey_closed"), "bad": t(lang, "survey_bad")}
        code = status or {"open": 200, "done": 200, "closed": 200, "bad": 404}[v.state]
        return render(request, "survey.html", lang, "survey_title", code, state=v.state, kind=v.state,
                       message=message or messages.get(v.state), receipt_no=v.receipt_no,
                       service=(v.service or {}).get(lang, ""),
                       action=f"{public_root(db)}/survey/{v.receipt_no}/{token[:64]}")  # fmt: skip

    def _units() -> list[tuple[str, str]]:
        with db.read() as s:
            return [(u.code, u.name) for u in s.scalars(select(m.Unit).order_by(m.Unit.name))]

    @r.get("/complaint", include_in_schema=False)
    def complaint_get(request: Request) -> Response:
        lang = _lang(request)
        return render(request, "complaint.html", lang, "complaint_title", units=_units(), form={}, filed=False)

    @r.post("/complaint", include_in_schema=False)
    async def complaint_post(request: Request) -> Response:
        form = await _form(request)
        lang = _lang(request, form.get("lang"))
        try:
            filed = complaints.file_complaint(
                db, text_=form.get("text", ""), address=_address(request), receipt=form.get("r"), code=form.get("c"),
                unit_code=form.get("unit"), nid=form.get("nid"), name=form.get("name"), phone=form.get("phone"),
                email=form.get("email"), consent=form.get("consent") == "yes",
            )  # fmt: skip
        except TooManyAttempts:
            response = render(request, "complaint.html", lang, "complaint_title", 429, units=_units(), form=form,
                               filed=False, kind="error", message=t(lang, "throttled"))  # fmt: skip
            response.headers["Retry-After"] = "900"
            return response
        except FrontdeskError as exc:
            return render(request, "complaint.html", lang, "complaint_title", 400, units=_units(), form=form,
                           filed=False, kind="error",
                           message=t(lang, "complaint_problem", problem=complaint_problem(lang, exc)))  # fmt: skip
        return render(request, "complaint.html", lang, "complaint_title", 201, units=_units(), form={}, filed=True,
                       kind="ok",
                       message=t(lang, "complaint_done", receipt_no=filed.receipt_no,
                                 code=filed.lookup_code))  # fmt: skip

    @r.get("/citizens/static/citizens.css", include_in_schema=False)
    def css() -> Response:
        return _secure(Response((HERE / "static" / "citizens.css").read_bytes(), media_type="text/css",
                                headers={"Cache-Control": "public, max-age=3600"}))  # fmt: skip

    return r
