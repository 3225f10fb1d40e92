"""The console as one ASGI application: its pages, static files, error pages and security headers."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..db import Database
from ..errors import CentralError
from . import account_pages, backoffice_pages, it_pages, manager_pages
from .web import HERE, Forbidden, Redirect, SecurityHeaders, Viewer, lang_of, look, redirect, render

log = logging.getLogger("frontdesk.central.console")


class SecuredApp(SecurityHeaders):
    """The console with its security headers on every answer (static files and error pages included)."""

    def __init__(self, app: FastAPI) -> None:
        super().__init__(app)
        self.fastapi = app


def _error(request: Request, status: int, key: str, message: str | None = None) -> Response:
    try:
        viewer = look(request)
    except Exception:  # the database is down: the page still answers
        viewer = Viewer(None, lang_of(request))
    return render(request, viewer, "error.html", status=status, key=key, message=message)


def create_console(db: Database) -> SecuredApp:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db = db

    @app.exception_handler(Redirect)
    async def to_login(_request: Request, exc: Redirect) -> Response:
        return redirect(exc.location)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, _exc: Forbidden) -> Response:
        return _error(request, 403, "error.forbidden")

    @app.exception_handler(CentralError)
    async def central_error(request: Request, exc: CentralError) -> Response:
        if exc.status == 404 or exc.code == "not_found":
            return _error(request, 404, "error.not_found")
        return _error(request, exc.status if 400 <= exc.status < 500 else 400, "error.bad_request", exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, _exc: RequestValidationError) -> Response:
        return _error(request, 400, "error.bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        keys = {403: "error.forbidden", 404: "error.not_found", 405: "error.not_found"}
        key = keys.get(exc.status_code, "error.bad_request")
        return _error(request, exc.status_code, key)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("console: unexpected error", exc_info=exc)
        return _error(request, 500, "error.server")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (account_pages, backoffice_pages, manager_pages, it_pages):
        app.include_router(module.router)
    return SecuredApp(app)


__all__ = ["create_console"]
