"""Signing in and out, one's own password, the language, and the home page (each role's own)."""

from __future__ import annotations

import datetime as dt
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from frontdesk.clock import utcnow

from .. import staff
from ..errors import CentralError
from .texts import LANGS
from .web import (
    COOKIE,
    LANG_COOKIE,
    PRE_COOKIE,
    PREFIX,
    ROLE_HOME,
    Forbidden,
    Viewer,
    db_of,
    field,
    lang_of,
    local_path,
    look,
    need,
    posted,
    read_form,
    redirect,
    render,
    set_cookie,
)

router = APIRouter()


@router.get("/")
def home(request: Request) -> Response:
    viewer = need(look(request), request=request)
    return redirect(ROLE_HOME.get(viewer.role or "", "/login"))


def _login_page(request: Request, viewer: Viewer, *, error: str | None = None, username: str = "",
                status: int = 200) -> HTMLResponse:  # fmt: skip
    token = secrets.token_urlsafe(24)
    response = render(request, viewer, "login.html", status=status, error=error, username=username,
                      form_token=token, next=local_path(request.query_params.get("next"), ""))  # fmt: skip
    set_cookie(response, PRE_COOKIE, token, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    viewer = look(request)
    if viewer.signed is not None:
        return redirect(ROLE_HOME.get(viewer.role or "", "/"))
    return _login_page(request, viewer)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    viewer = Viewer(None, lang_of(request))
    token = field(form, "csrf")
    if not staff.same_token(token, request.cookies.get(PRE_COOKIE)):
        raise Forbidden()
    username = field(form, "username")[:64]
    address = request.client.host if request.client is not None else "-"
    try:
        signed, cookie = await run_in_threadpool(staff.sign_in, db_of(request), username,
                                                 field(form, "password")[:1024], address=address)  # fmt: skip
    except staff.SignInFailed as exc:
        error = "login.locked" if exc.locked_until else "login.failed"
        minutes = 0
        if exc.locked_until:
            minutes = max(1, int((exc.locked_until - utcnow()) / dt.timedelta(minutes=1)) + 1)
        return _login_page(request, viewer, error=f"{error}|{minutes}", username=username, status=401)
    home = ROLE_HOME.get(signed.account.role, "/")
    target = "/password" if signed.account.must_change_password else local_path(field(form, "next"), PREFIX + home)
    response = redirect(target)
    set_cookie(response, COOKIE, cookie)
    response.delete_cookie(PRE_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    viewer, _form = await posted(request)
    assert viewer.signed is not None
    await run_in_threadpool(staff.sign_out, db_of(request), viewer.signed)
    response = redirect("/login")
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@router.get("/password")
def password_form(request: Request) -> Response:
    viewer = need(look(request), request=request)
    return render(request, viewer, "password.html", error=None)


@router.post("/password")
async def password(request: Request) -> Response:
    viewer, form = await posted(request)
    assert viewer.signed is not None
    new, again = field(form, "new")[:1024], field(form, "again")[:1024]
    if new != again:
        return render(request, viewer, "password.html", error="password.mismatch", status=400)
    try:
        await run_in_threadpool(staff.change_own_password, db_of(request), viewer.signed, field(form, "current")[:1024],
                                new)  # fmt: skip
    except CentralError as exc:
        key = "password.wrong" if exc.code == "wrong_password" else "password.policy"
        return render(request, viewer, "password.html", error=key, status=400)
    return redirect(ROLE_HOME.get(viewer.role or "", "/") + "?changed=1")


@router.get("/lang/{code}")
def language(request: Request, code: str) -> Response:
    response = redirect(local_path(request.query_params.get("next"), PREFIX + "/"))
    if code in LANGS:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 86400, path=PREFIX, secure=True, httponly=True,
                            samesite="lax")  # fmt: skip
    return response


__all__ = ["router"]
