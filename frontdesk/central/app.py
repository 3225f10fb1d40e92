"""The HTTP API of the central server (FastAPI). The OpenAPI document is served at ``/openapi.json``.

Every error answers ``protocol.ErrorBody`` with a 4xx status — validation errors included (400
``bad_request``, not FastAPI's default 422). Request bodies may be gzipped (``Content-Encoding: gzip``,
decompressed here with a size limit); responses are gzipped for clients that accept it. Everything but
``/health`` and ``/v1/enrol`` needs ``Authorization: Bearer TOKEN``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontdesk import limits as L
from frontdesk import wire as p

from . import accounts, anchors, escrow, feed, push, restored
from .citizens import pages as citizen_pages
from .console.site import create_console
from .db import Database
from .enrolment import current_epoch, enrol
from .errors import CentralError

log = logging.getLogger("frontdesk.central.api")

MAX_BODY = L.MAX_PUSH_BYTES  # bytes, after decompression
ENV_NOTIFY = "FRONTDESK_NOTIFY"  # "1": each worker process runs the notification sender
ENV_NOTIFY_INTERVAL = "FRONTDESK_NOTIFY_INTERVAL"  # seconds between looks at the outbox when it is empty
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Health(BaseModel):
    status: str
    epoch: str


def _error_response(status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> JSONResponse:
    body = p.ErrorBody(error=code, message=message, detail=detail or {})  # type: ignore[arg-type]
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


class RequestBodyMiddleware:
    """Reads request bodies up to :data:`MAX_BODY`, decompresses ``Content-Encoding: gzip`` and checks the
    protocol version header, before FastAPI parses anything."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        version = headers.get(p.PROTOCOL_HEADER.lower())
        if version is not None and version.strip() != str(p.PROTOCOL_VERSION):
            response = _error_response(
                400,
                "unsupported_version",
                f"This server speaks protocol version {p.PROTOCOL_VERSION}.",
                {"supported": [p.PROTOCOL_VERSION]},
            )
            await response(scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "", "gzip", "x-gzip"):
            await _error_response(415, "bad_request", f"Unsupported content encoding {encoding!r}.")(
                scope, receive, send
            )
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _error_response(413, "bad_request", "The request body is too large.")(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if encoding in ("gzip", "x-gzip"):
            try:
                body = _gunzip(body, self.max_body)
            except BodyTooLarge as exc:
                await _error_response(413, "bad_request", str(exc))(scope, receive, send)
                return
            except ValueError as exc:
                await _error_response(400, "bad_request", str(exc))(scope, receive, send)
                return
            raw = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
            raw.append((b"content-length", str(len(body)).encode()))
            scope = {**scope, "headers": raw}
        if _too_deep(body):
            await _error_response(400, "bad_request", f"The request body nests deeper than {L.MAX_JSON_DEPTH} levels.")(
                scope, receive, send
            )
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class BodyTooLarge(ValueError):
    pass


def _too_deep(body: bytes, limit: int = L.MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests deeper than ``limit`` (counted on the bytes, before any parser recurses)."""
    depth = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


def _gunzip(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error:
        raise ValueError("The request body is not valid gzip data.") from None
    if len(out) > limit or d.unconsumed_tail:
        raise BodyTooLarge("The request body is too large once decompressed.")
    if not d.eof:
        raise ValueError("The gzip request body is truncated.")
    return out


bearer = HTTPBearer(auto_error=False, description="The workstation token returned by /v1/enrol.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": p.ErrorBody, "description": "Invalid request"},
    401: {"model": p.ErrorBody, "description": "Missing, unknown or revoked token"},
}


def _token(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials is not None else None


def create_app_from_env() -> FastAPI:
    """The application over ``FRONTDESK_CENTRAL_DB`` (each worker process of ``serve --workers N``)."""
    return create_app(None)


def create_app(db: Database | str | None = None) -> FastAPI:
    """The application over ``db`` (a :class:`Database` or a URL; migrated when opened)."""
    database = db if isinstance(db, Database) else Database(db)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        """With ``FRONTDESK_NOTIFY=1`` (``serve --notify``) each worker process runs the notification
        sender beside the API; the rows are claimed in the database, so any number of them is safe."""
        stop = None
        if os.environ.get(ENV_NOTIFY) == "1":
            from .citizens import notify
            from .citizens.senders import AppriseSender

            sender = AppriseSender.from_env()
            if sender is None:
                log.warning("notifications on, but no sender configured (FRONTDESK_NOTIFY_EMAIL_URL / _SMS_URL)")
            else:
                _thread, stop = notify.start_thread(database, sender, interval=float(os.environ.get(
                    ENV_NOTIFY_INTERVAL) or 5))  # fmt: skip
        try:
            yield
        finally:
            if stop is not None:
                stop.set()

    citizen_pages.quiet_access_log()
    app = FastAPI(
        title="frontdesk central",
        version=str(p.PROTOCOL_VERSION),
        description="Reference central server of the frontdesk sync protocol (docs/sync-protocol.md).",
        lifespan=lifespan,
    )
    app.state.db = database

    @app.exception_handler(CentralError)
    async def central_error(_request: Request, exc: CentralError) -> JSONResponse:
        response = _error_response(exc.status, exc.code, exc.message, exc.detail)
        if exc.status == 429:
            response.headers["Retry-After"] = str(exc.detail.get("retry_after", 900))
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()[:20]
        ]
        return _error_response(400, "bad_request", "The request does not validate.", {"errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {401: "unauthorised", 404: "not_found"}.get(exc.status_code, "bad_request")
        if exc.status_code >= 500:
            code = "server_error"
        message = "There is no such address." if exc.status_code == 404 else str(exc.detail)
        return _error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _error_response(500, "server_error", "Unexpected server error.")

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", epoch=current_epoch(database))

    @app.post(
        "/v1/enrol",
        response_model=p.EnrolResponse,
        responses={
            400: ERRORS[400],
            403: {"model": p.ErrorBody, "description": "Unknown, used or expired enrolment code"},
            409: {"model": p.ErrorBody, "description": "Workstation code already enrolled in the unit"},
            429: {"model": p.ErrorBody, "description": "Too many wrong codes from this address or for this unit"},
        },
    )
    def enrol_workstation(body: p.EnrolRequest, request: Request) -> p.EnrolResponse:
        address = request.client.host if request.client is not None else "-"
        return enrol(database, body, address=address)

    @app.post(
        "/v1/push",
        response_model=p.PushResponse,
        responses={**ERRORS, 409: {"model": p.ErrorBody, "description": "Clone suspected"}},
    )
    def push_ops(body: p.PushEnvelope, credentials: Credentials, request: Request) -> p.PushResponse:
        waiting = p.outbox_waiting(request.headers.get(p.OUTBOX_WAITING_HEADER))
        return push.push(database, _token(credentials), body, waiting=waiting)

    @app.get("/v1/changes", response_model=p.ChangesResponse, responses=ERRORS)
    def changes(
        credentials: Credentials,
        after: Annotated[int, Query(ge=0, le=L.MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=feed.MAX_LIMIT)] = feed.DEFAULT_LIMIT,
        own: Annotated[bool, Query(description="also the caller's own changes (after a restore)")] = False,
    ) -> JSONResponse:
        return JSONResponse(feed.changes(database, _token(credentials), after, limit, own=own))

    @app.post(
        "/v1/password",
        response_model=p.UserPayload,
        responses={**ERRORS, 403: {"model": p.ErrorBody, "description": "Wrong current password, or locked"}},
    )
    def change_password(body: p.PasswordChange, credentials: Credentials) -> p.UserPayload:
        return accounts.change_password(database, _token(credentials), body)

    @app.get("/v1/audit-anchor", response_model=p.AnchorState | None, responses=ERRORS)
    def audit_anchor(credentials: Credentials) -> p.AnchorState | None:
        return anchors.anchor_of(database, _token(credentials))

    @app.post(
        "/v1/key-escrow",
        response_model=p.KeyEscrowAnswer,
        responses={**ERRORS, 404: {"model": p.ErrorBody, "description": "No escrow key is set up"}},
    )
    def key_escrow(body: p.KeyEscrow, credentials: Credentials) -> p.KeyEscrowAnswer:
        return escrow.deposit(database, _token(credentials), body)

    @app.post("/v1/restored", response_model=p.RestoreAnswer, responses=ERRORS)
    def desk_restored(body: p.RestoreNotice, credentials: Credentials) -> p.RestoreAnswer:
        return restored.restored(database, _token(credentials), body)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    # the citizens' public pages (docs/citizens.md): status lookup, survey, complaints
    app.include_router(citizen_pages.router(database))

    # the browser console (docs/console.md): its own pages, errors and security headers
    app.mount("/console", create_console(database))

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", status_code=303)

    app.add_middleware(RequestBodyMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    return app
