"""The IT administrator's pages: units, workstations (revoke), one-time enrolment codes, a new epoch, the
catalogue (checked and compared before it goes out), the units' accounts and the desks' offers, the staff
accounts of the console, and the central audit trail. Each action calls the function the command line
calls, named in the audit trail as ``console:USERNAME``."""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from frontdesk import rules

from .. import accounts, directory, enrolment, staff
from .. import models as m
from ..catalog import publish_catalog
from ..errors import CentralError
from . import it_data
from .web import Viewer, db_of, field, look, need, posted, query_url, redirect, render

router = APIRouter(prefix="/it")
ROLE = "itadmin"


def _units(request: Request) -> list[tuple[str, str]]:
    return enrolment.list_units(db_of(request))


@router.get("")
def overview(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return render(request, viewer, "it_home.html", o=it_data.overview(db_of(request)),
                  recent=it_data.actions(db_of(request), limit=8))  # fmt: skip


# ------------------------------------------------------------------------------------------------ units


def _units_page(request: Request, viewer: Viewer, *, error: str | None = None, done: str | None = None,
                status: int = 200, code: str = "", name: str = "") -> Response:  # fmt: skip
    return render(request, viewer, "it_units.html", status=status, units=_units(request), error=error, done=done,
                  code=code, name=name, enrol_code=None)  # fmt: skip


@router.get("/units")
def units(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return _units_page(request, viewer, done=request.query_params.get("done"))


@router.post("/units")
async def add_unit(request: Request) -> Response:
    viewer, form = await posted(request, ROLE)
    code, name = field(form, "code")[:16], field(form, "name")[:300]
    try:
        await run_in_threadpool(enrolment.add_unit, db_of(request), code, name, actor=viewer.actor)
    except CentralError as exc:
        return await run_in_threadpool(partial(_units_page, request, viewer, error=exc.message, status=400, code=code,
                                               name=name))  # fmt: skip
    return redirect(query_url("/it/units", {"done": code.strip().upper()}))


@router.post("/codes")
async def enrol_code(request: Request) -> Response:
    """A one-time enrolment code, shown once on the answer page (never stored in clear)."""
    viewer, form = await posted(request, ROLE)
    unit = field(form, "unit")[:16]
    try:
        hours = int(field(form, "hours", "72"))
    except ValueError:
        hours = 0
    try:
        code = await run_in_threadpool(enrolment.create_enrol_code, db_of(request), unit, hours=hours,
                                       actor=viewer.actor)  # fmt: skip
    except CentralError as exc:
        return await run_in_threadpool(partial(_units_page, request, viewer, error=exc.message, status=400))
    return render(request, viewer, "it_units.html", units=await run_in_threadpool(_units, request), error=None,
                  done=None, code="", name="", enrol_code={"code": code, "unit": unit.strip().upper(),
                                                            "hours": hours})  # fmt: skip


# ------------------------------------------------------------------------------------------------ workstations


@router.get("/workstations")
def workstations(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    units_ = _units(request)
    unit = request.query_params.get("unit", "")[:6]
    if unit not in {c for c, _ in units_}:
        unit = ""
    rows = it_data.desks(db_of(request), unit or None)
    return render(request, viewer, "it_workstations.html", rows=rows, units=units_, unit=unit,
                  done=request.query_params.get("done"), error=None)  # fmt: skip


@router.get("/workstations/{unit}/{code}")
def workstation(request: Request, unit: str, code: str) -> Response:
    viewer = need(look(request), ROLE, request=request)
    found = [d for d in it_data.desks(db_of(request), unit[:6]) if d.code == code[:4]]
    if not found:
        raise CentralError("There is no such workstation.", code="not_found")
    return render(request, viewer, "it_workstation.html", d=found[0],
                  rejected=it_data.rejected_ops(db_of(request), found[0].id))  # fmt: skip


@router.post("/workstations/revoke")
async def revoke(request: Request) -> Response:
    viewer, form = await posted(request, ROLE)
    unit, code = field(form, "unit")[:6], field(form, "workstation")[:4]
    if field(form, "confirm") != "1":
        return redirect(query_url("/it/workstations", {"unit": unit}))
    await run_in_threadpool(enrolment.revoke, db_of(request), unit, code, actor=viewer.actor)
    return redirect(query_url("/it/workstations", {"unit": unit, "done": f"{unit}-{code}"}))


@router.get("/epoch")
def epoch_page(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return render(request, viewer, "it_epoch.html", current=enrolment.current_epoch(db_of(request)), new=None,
                  error=None)  # fmt: skip


@router.post("/epoch")
async def new_epoch(request: Request) -> Response:
    viewer, form = await posted(request, ROLE)
    db = db_of(request)
    if field(form, "confirm").strip().upper() not in ("EPOKË E RE", "EPOKE E RE", "NEW EPOCH"):
        current = await run_in_threadpool(enrolment.current_epoch, db)
        return render(request, viewer, "it_epoch.html", status=400, current=current, new=None,
                      error="it.epoch.confirm_error")  # fmt: skip
    value = await run_in_threadpool(enrolment.rotate_epoch, db, actor=viewer.actor)
    return render(request, viewer, "it_epoch.html", current=value, new=value, error=None)


# ------------------------------------------------------------------------------------------------ catalogue


@router.get("/catalog")
def catalog_page(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return render(request, viewer, "it_catalog.html", check=None, current=_current_version(request),
                  done=request.query_params.get("done"), digest="", error=None)  # fmt: skip


def _current_version(request: Request) -> str | None:
    with db_of(request).read() as s:
        return directory.load(s).version


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@router.post("/catalog/check")
async def catalog_check(request: Request) -> Response:
    viewer, form = await posted(request, ROLE)
    upload = form.get("file")
    text = field(form, "text")
    name = "catalog.json"
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
        name = upload.filename[:100]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = ""
            return render(request, viewer, "it_catalog.html", status=400, check=None, done=None, digest="",
                          current=await run_in_threadpool(_current_version, request),
                          error="it.catalog.not_utf8")  # fmt: skip
    check = await run_in_threadpool(it_data.check_catalog, db_of(request), text, name)
    return render(request, viewer, "it_catalog.html", status=200 if check.publishable else 400, check=check,
                  done=None, digest=_digest(check.text), current=check.current, error=None)  # fmt: skip


@router.post("/catalog/publish")
async def catalog_publish(request: Request) -> Response:
    """Publishes exactly the text that was checked and shown (its digest must match)."""
    viewer, form = await posted(request, ROLE)
    text = field(form, "text")
    if _digest(text) != field(form, "digest"):
        return redirect("/it/catalog")
    check = await run_in_threadpool(it_data.check_catalog, db_of(request), text)
    if not check.publishable:
        return render(request, viewer, "it_catalog.html", status=400, check=check, done=None, digest=_digest(text),
                      current=check.current, error=None)  # fmt: skip
    version, _n = await run_in_threadpool(lambda: publish_catalog(db_of(request), text, actor=viewer.actor))
    return redirect(query_url("/it/catalog", {"done": version}))


# ------------------------------------------------------------------------------------------------ accounts


def _users_page(request: Request, viewer: Viewer, unit: str, *, error: str | None = None, done: str | None = None,
                status: int = 200, form: dict[str, str] | None = None) -> Response:  # fmt: skip
    db = db_of(request)
    units_ = _units(request)
    known = {c for c, _ in units_}
    unit = unit if unit in known else (units_[0][0] if units_ else "")
    users = accounts.list_users(db, unit) if unit else []
    offers = accounts.offers(db, unit) if unit else []
    return render(request, viewer, "it_users.html", status=status, units=units_, unit=unit, users=users,
                  offers=offers, roles=rules.ROLES, error=error, done=done, form=form or {})  # fmt: skip


@router.get("/users")
def users(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return _users_page(request, viewer, request.query_params.get("unit", "")[:6],
                       done=request.query_params.get("done"))  # fmt: skip


@router.post("/users/{action}")
async def user_action(request: Request, action: str) -> Response:
    viewer, form = await posted(request, ROLE)
    db = db_of(request)
    unit = field(form, "unit")[:6]
    username = field(form, "username")[:64]
    role = field(form, "role")[:16]
    ws = field(form, "workstation")[:4] or None
    calls: dict[str, Any] = {
        "add": lambda: accounts.add_user(db, unit, username, role, field(form, "full_name")[:300],
                                         field(form, "password")[:1024], actor=viewer.actor),
        "role": lambda: accounts.set_role(db, unit, username, role, actor=viewer.actor),
        "activate": lambda: accounts.set_active(db, unit, username, True, actor=viewer.actor),
        "deactivate": lambda: accounts.set_active(db, unit, username, False, actor=viewer.actor),
        "reset": lambda: accounts.reset_password(db, unit, username, field(form, "password")[:1024],
                                                 actor=viewer.actor),
        "accept": lambda: accounts.accept_offer(db, unit, username, workstation=ws, role=role or None,
                                                actor=viewer.actor),
        "decline": lambda: accounts.decline_offer(db, unit, username, workstation=ws, actor=viewer.actor),
    }  # fmt: skip
    call = calls.get(action)
    if call is None:
        raise CentralError("There is no such action.", code="not_found")
    try:
        await run_in_threadpool(call)
    except CentralError as exc:
        keep = {"username": username, "full_name": field(form, "full_name")[:300], "role": role}
        return await run_in_threadpool(partial(_users_page, request, viewer, unit, error=exc.message, status=400,
                                               form=keep if action == "add" else {}))  # fmt: skip
    return redirect(query_url("/it/users", {"unit": unit, "done": f"{action}:{username}"}))


# ------------------------------------------------------------------------------------------------ staff


def _staff_page(request: Request, viewer: Viewer, *, error: str | None = None, done: str | None = None,
                status: int = 200, form: dict[str, str] | None = None) -> Response:  # fmt: skip
    with db_of(request).read() as s:
        offices = directory.load(s).offices()
    return render(request, viewer, "it_staff.html", status=status, people=staff.list_staff(db_of(request)),
                  offices=offices, roles=staff.ROLES, error=error, done=done, form=form or {})  # fmt: skip


@router.get("/staff")
def staff_page(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    return _staff_page(request, viewer, done=request.query_params.get("done"))


@router.post("/staff/{action}")
async def staff_action(request: Request, action: str) -> Response:
    viewer, form = await posted(request, ROLE)
    db = db_of(request)
    username = field(form, "username")[:64]
    if action in ("deactivate", "role") and username.strip().lower() == viewer.account.username:
        return await run_in_threadpool(partial(_staff_page, request, viewer, error="it.staff.self", status=400))
    office = field(form, "office")[:300] or None
    calls: dict[str, Any] = {
        "add": lambda: staff.add_staff(db, username, field(form, "role")[:16], field(form, "full_name")[:300],
                                       field(form, "password")[:1024], office=office, actor=viewer.actor),
        "activate": lambda: staff.set_staff_active(db, username, True, actor=viewer.actor),
        "deactivate": lambda: staff.set_staff_active(db, username, False, actor=viewer.actor),
        "reset": lambda: staff.reset_staff_password(db, username, field(form, "password")[:1024], actor=viewer.actor),
    }  # fmt: skip
    call = calls.get(action)
    if call is None:
        raise CentralError("There is no such action.", code="not_found")
    try:
        await run_in_threadpool(call)
    except CentralError as exc:
        keep = {k: field(form, k)[:300] for k in ("username", "full_name", "role", "office")}
        return await run_in_threadpool(partial(_staff_page, request, viewer, error=exc.message, status=400,
                                               form=keep if action == "add" else {}))  # fmt: skip
    return redirect(query_url("/it/staff", {"done": f"{action}:{username.strip().lower()}"}))


# ------------------------------------------------------------------------------------------------ audit trail


@router.get("/audit")
def audit(request: Request) -> Response:
    viewer = need(look(request), ROLE, request=request)
    q = request.query_params
    try:
        before = int(q.get("before", "0")) or None
    except ValueError:
        before = None
    flt = {"actor": q.get("actor", "")[:64], "action": q.get("action", "")[:32], "unit": q.get("unit", "")[:6]}
    rows = it_data.actions(db_of(request), before=before, actor=flt["actor"], action=flt["action"], unit=flt["unit"])
    more = query_url("/it/audit", {**flt, "before": rows[-1].id}) if len(rows) == it_data.AUDIT_PAGE else None
    with db_of(request).read() as s:
        actors = sorted(s.scalars(select(m.AdminAction.actor).distinct()))
    return render(request, viewer, "it_audit.html", rows=rows, flt=flt, more=more, units=_units(request),
                  actions=it_data.action_names(db_of(request)), actors=actors)  # fmt: skip


__all__ = ["router"]
