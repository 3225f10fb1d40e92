"""The console's web plumbing: templates (Jinja2, every output escaped), the session cookie, who is
looking (:class:`Viewer`) and whether their role may see a page, CSRF checks on every form, the security
headers, error pages, and the formatting of numbers, dates and times in Albanian or English."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from frontdesk.deadlines import OFFICE_TZ

from .. import staff
from ..db import Database
from .texts import LANGS, translate

log = logging.getLogger("frontdesk.central.console")

PREFIX = "/console"
COOKIE = "__Host-fdc"  # the session token (Secure, HttpOnly, SameSite=Strict, Path=/: the __Host- rules)
PRE_COOKIE = "__Host-fdc-pre"  # the sign-in form's CSRF token, before there is a session
LANG_COOKIE = "fdc_lang"
HERE = Path(__file__).parent
ROLE_HOME = {"officer": "/bo", "manager": "/perf", "itadmin": "/it"}
MAX_FORM_PART = 16 * 1024 * 1024  # a catalogue file; the server refuses larger bodies before this

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


class SecurityHeaders:
    """Adds the console's security headers to every answer; pages (not static files) are never cached,
    and over HTTPS the browser is told to keep to HTTPS (HSTS)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:  # fmt: skip
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope.get("path", "").startswith(PREFIX + "/static/")
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in names]
                if not static and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


# ------------------------------------------------------------------------------------------------ who looks


@dataclass(frozen=True)
class Viewer:
    signed: staff.SignedIn | None
    lang: str

    @property
    def account(self) -> staff.StaffAccount:
        assert self.signed is not None
        return self.signed.account

    @property
    def role(self) -> str | None:
        return self.signed.account.role if self.signed else None

    @property
    def csrf(self) -> str:
        return self.signed.csrf if self.signed else ""

    @property
    def actor(self) -> str:
        """How the central audit trail names this person."""
        return f"console:{self.account.username}"

    @property
    def event_actor(self) -> str:
        """How a request's history names a back-office officer (``hq.`` keeps them apart from the units'
        own users of the same name)."""
        return f"hq.{self.account.username}"[:64]


class Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class Forbidden(Exception):
    """A role that must not see this page (answered 403 with a page that says so)."""


class NotFoundPage(Exception):
    pass


def db_of(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def lang_of(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "sq")
    return lang if lang in LANGS else "sq"


def look(request: Request) -> Viewer:
    """Who is looking: the session of the cookie, if any (a database read)."""
    token = request.cookies.get(COOKIE)
    return Viewer(staff.session(db_of(request), token) if token else None, lang_of(request))


def local_path(value: str | None, default: str = PREFIX + "/") -> str:
    """A path of this console to return to after signing in (never another site: no open redirect)."""
    if not value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not parts.path.startswith(PREFIX + "/") or "\\" in value:
        return default
    return value


def need(viewer: Viewer, *roles: str, request: Request | None = None) -> Viewer:
    """The page needs a signed-in person of one of ``roles`` (any role when none is named)."""
    if viewer.signed is None:
        target = ""
        if request is not None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise Redirect(f"{PREFIX}/login" + (f"?next={quote(target, safe='')}" if target else ""))
    if viewer.account.must_change_password and (request is None or not request.url.path.endswith("/password")):
        raise Redirect(f"{PREFIX}/password")
    if roles and viewer.role not in roles:
        raise Forbidden()
    return viewer


async def read_form(request: Request) -> FormData:
    return await request.form(max_files=1, max_fields=200, max_part_size=MAX_FORM_PART)


def same_origin(request: Request) -> bool:
    """A form must come from a page of this site: the ``Origin`` (or else ``Referer``) names this host."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source:
        return True  # an old browser; the CSRF token still has to match
    host = request.headers.get("host", "")
    return urlsplit(source).netloc == host


async def posted(request: Request, *roles: str) -> tuple[Viewer, FormData]:
    """A form sent by a signed-in person of ``roles``, with the session's CSRF token, from this site."""
    viewer = await run_in_threadpool(look, request)
    need(viewer, *roles, request=request)
    form = await read_form(request)
    token = form.get("csrf")
    if not same_origin(request) or not staff.same_token(token if isinstance(token, str) else None, viewer.csrf):
        raise Forbidden()
    return viewer, form


def field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value if isinstance(value, str) else default


# ------------------------------------------------------------------------------------------------ rendering


def _num(value: Any, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    if lang == "sq":  # Albanian: a space between thousands, a decimal comma
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _pct(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{value * 100:.1f}"
    return (text.replace(".", ",") + "\u00a0%") if lang == "sq" else text + "%"


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "–"
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")


def _skew(value: float | None) -> str:
    if value is None:
        return "–"
    return "0 s" if abs(value) < 0.5 else f"{value:+.0f} s"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "–"


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template, every value: a citizen called <script> is shown as text
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals["PREFIX"] = PREFIX


def render(request: Request, viewer: Viewer, template: str, *, status: int = 200, **ctx: Any) -> HTMLResponse:
    lang = viewer.lang

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    html = ENV.get_template(template).render(
        request=request,
        viewer=viewer,
        lang=lang,
        t=t,
        u=lambda path: PREFIX + path,
        num=lambda v: _num(v, lang),
        pct=lambda v: _pct(v, lang),
        when=_when,
        date=_date,
        skew=_skew,
        here=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        **ctx,
    )
    return HTMLResponse(html, status_code=status)


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path if path.startswith(PREFIX) else PREFIX + path, status_code=303)


def set_cookie(response: Response, name: str, value: str, *, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="strict")


def query_url(path: str, params: Mapping[str, Any]) -> str:
    from urllib.parse import urlencode

    clean = {k: v for k, v in params.items() if v not in (None, "", False)}
    return PREFIX + path + ("?" + urlencode(clean) if clean else "")


__all__ = [
    "COOKIE",
    "LANG_COOKIE",
    "PREFIX",
    "PRE_COOKIE",
    "ROLE_HOME",
    "Forbidden",
    "NotFoundPage",
    "Redirect",
    "SecurityHeaders",
    "Viewer",
    "db_of",
    "field",
    "lang_of",
    "local_path",
    "look",
    "need",
    "posted",
    "query_url",
    "read_form",
    "redirect",
    "render",
    "set_cookie",
]
