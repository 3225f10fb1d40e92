"""Demo data for the central system and its console: units with their accounts, enrolled workstations, and
requests of the last weeks — received, forwarded, worked on, returned, rejected, ready, delivered with a
rating — pushed by those workstations through the real push and apply path, so the figures, the feed and
the back office's list are what real desks would make. Everything is obviously fictitious ("(DEMO)")."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from frontdesk import wire
from frontdesk.catalog_format import demo_catalog_path
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import OFFICE_TZ, WorkCalendar, local_date, promised_date
from frontdesk.numbering import format_receipt_no

from . import accounts, enrolment, push
from . import models as m
from .catalog import publish_catalog
from .db import Database, epoch

PASSWORD = "demo-fjalekalim-1"  # the demo units' accounts (a throwaway, like the data)
UNITS = (("TR01", "Njësia Administrative Qendër (DEMO)"), ("TR02", "Njësia Administrative Kashar (DEMO)"),
         ("TR03", "Njësia Administrative Dajt (DEMO)"))  # fmt: skip
USERS = (("clerk1", "clerk", "Drita Shembulli (DEMO)"), ("clerk2", "clerk", "Gent Provë (DEMO)"),
         ("super", "supervisor", "Mira Mbikëqyrëse (DEMO)"),
         ("admin", "admin", "Ardi Administrator (DEMO)"))  # fmt: skip
FIRST = ("Ana", "Blerim", "Klea", "Dritan", "Elira", "Fatos", "Greta", "Ilir", "Jonida", "Kastriot", "Lule",
         "Marin", "Nora", "Orges", "Pranvera", "Rezart", "Sara", "Teuta", "Valbona", "Xhesi")  # fmt: skip
LAST = ("Provë", "Shembulli", "Testuesi", "Demo", "Fiktivi")
NIDS = ("F00101900V", "F25204901N", "F40307902I", "F65410903A", "F80513904S", "G05616905B", "G20719906T",
        "G45822907L", "G60925908G", "G86001909T", "H01104910B", "H26207911Q", "H40110912D", "H65213913S",
        "H80316914N", "I05419915T", "I20522916O", "I45625917G", "I60701918E", "I85804919T")  # fmt: skip
_CAL = WorkCalendar()


@dataclass
class _Desk:
    unit: str
    code: str
    token: str
    counter: int = 0
    ops: list[dict[str, Any]] = field(default_factory=list)


def _at_local(day: dt.date, rnd: random.Random) -> dt.datetime:
    """A moment of office hours on a local day, as naive UTC."""
    local = dt.datetime(day.year, day.month, day.day, rnd.randint(8, 15), rnd.randint(0, 59), tzinfo=OFFICE_TZ)
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _event(desk: _Desk, kind: str, when: dt.datetime, actor: str, to: str | None = None, frm: str | None = None,
           data: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
    return {"id": uuid7(), "kind": kind, "from_status": frm, "to_status": to, "actor": actor,
            "workstation": desk.code, "device_time": when.isoformat(), "data": data or {}}  # fmt: skip


def _op(kind: str, request_id: str, receipt_no: str, ev: dict[str, Any], snap: dict[str, Any] | None = None
        ) -> dict[str, Any]:  # fmt: skip
    payload: dict[str, Any] = {"event": ev, "request_id": request_id, "receipt_no": receipt_no, "version": 1}
    if snap is not None:
        payload["request"] = snap
    return {"op_id": uuid7(), "kind": kind, "created_at": utcnow().isoformat(), "request": payload}


def _services(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        latest = s.scalars(select(m.CatalogVersion.content).order_by(m.CatalogVersion.published_at.desc())).first()
    services = [x for x in (latest or {}).get("services", []) if x.get("active", True) and x["standard_days"] <= 30]
    return sorted(services, key=lambda x: x["code"])


def fill(db: Database, *, requests: int = 300, days: int = 70, seed: int = 7) -> dict[str, int]:
    """Publish the demo catalogue (if none is), make the demo units, accounts and two desks each, and push
    ``requests`` requests received over the last ``days`` days. Returns counts of what was made."""
    rnd = random.Random(seed)
    with db.read() as s:
        has_catalog = s.scalars(select(m.CatalogVersion.version)).first() is not None
        known = set(s.scalars(select(m.Unit.code)))
    if not has_catalog:
        publish_catalog(db, demo_catalog_path().read_text(encoding="utf-8"), "demo.json", actor="demo")
    desks: list[_Desk] = []
    for code, name in UNITS:
        if code not in known:
            enrolment.add_unit(db, code, name, actor="demo")
        with db.read() as s:
            taken = set(s.scalars(select(m.Workstation.code).where(m.Workstation.unit_code == code)))
            users = set(s.scalars(select(m.User.username).where(m.User.unit_code == code)))
        for username, role, full in USERS:
            if username not in users:
                accounts.add_user(db, code, username, role, full, PASSWORD, must_change_password=False, actor="demo")
        for n in range(1, 10):
            if len([d for d in desks if d.unit == code]) == 2:
                break
            ws = f"W{n:02d}"
            if ws in taken:
                continue
            one_time = enrolment.create_enrol_code(db, code, actor="demo")
            resp = enrolment.enrol(db, wire.EnrolRequest(code=one_time, unit_code=code, workstation_code=ws,
                                                         receipt_counter=0))  # fmt: skip
            desks.append(_Desk(code, ws, resp.token))
    services = _services(db)
    today = local_date(utcnow())
    made = {"requests": 0, "ready": 0, "delivered": 0, "returned": 0, "rejected": 0, "open": 0}
    for i in range(requests):
        desk = rnd.choice(desks)
        svc = rnd.choice(services)
        day = today - dt.timedelta(days=rnd.randint(0, days))
        while not _CAL.is_working_day(day):
            day -= dt.timedelta(days=1)
        created = _at_local(day, rnd)
        if created > utcnow():
            created = utcnow() - dt.timedelta(minutes=5)
        clerk = rnd.choice(("clerk1", "clerk2"))
        desk.counter += 1
        rid, receipt = uuid7(), format_receipt_no(desk.unit, desk.code, desk.counter)
        docs = [d["code"] for d in svc.get("documents", []) if d.get("required", True)]
        snap = {
            "id": rid, "receipt_no": receipt, "visit_id": uuid7(), "unit_code": desk.unit,
            "workstation_code": desk.code, "service_code": svc["code"], "citizen_nid": NIDS[i % len(NIDS)],
            "citizen_name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)} (DEMO)", "citizen_phone": None,
            "documents": docs, "documents_missing": [], "fee_paid": int(svc.get("fee", {}).get("amount", 0)),
            "priority": rnd.random() < 0.08, "note": None, "status": "received", "assignee": clerk,
            "created_by": clerk, "created_at": created.isoformat(), "updated_at": created.isoformat(),
            "due_date": promised_date(created, svc["standard_days"]).isoformat(),
            "standard_days": svc["standard_days"], "version": 1,
        }  # fmt: skip
        desk.ops.append(_op("request.intake", rid, receipt, _event(desk, "intake", created, clerk, "received"), snap))
        made["requests"] += 1
        optional = [d["code"] for d in svc.get("documents", []) if not d.get("required", True)] or docs
        steps = _story(rnd, created, svc["standard_days"], optional)
        status = "received"
        for kind, to, when, data in steps:
            if when >= utcnow():
                break
            desk.ops.append(_op(f"request.{kind}", rid, receipt, _event(desk, kind, when, clerk, to, status, data)))
            status = to
        made[status if status in made else "open"] += 1
    for n, desk in enumerate(desks):
        with db.read() as s:
            current = epoch(s)
        # the last desk's clock runs seven minutes ahead: IT sees it flagged (the rules still accept it)
        ahead = dt.timedelta(minutes=7) if n == len(desks) - 1 else dt.timedelta(0)
        for start in range(0, len(desk.ops), 400):
            body = wire.PushEnvelope.model_validate(json.loads(json.dumps({
                "epoch": current, "receipt_counter": desk.counter, "sent_at": (utcnow() + ahead).isoformat(),
                "ops": desk.ops[start : start + 400],
            })))  # fmt: skip
            push.push(db, desk.token, body, waiting=max(0, len(desk.ops) - start - 400))  # as a desk says it
    return made


def _story(rnd: random.Random, created: dt.datetime, std: int, optional: list[str]
           ) -> list[tuple[str, str, dt.datetime, dict[str, Any]]]:  # fmt: skip
    """What happened to one request after its intake: forwarded to the back office, worked on, and then
    ready (mostly within the standard), returned, rejected; ready ones mostly collected with a rating."""
    hours = dt.timedelta(hours=1)
    t = created + rnd.randint(1, 6) * hours
    out: list[tuple[str, str, dt.datetime, dict[str, Any]]] = [("status", "forwarded", t, {})]
    recent = utcnow() - created < dt.timedelta(days=std + 3)
    if rnd.random() < (0.45 if recent else 0.05):  # still waiting for the back office
        return out
    t += rnd.randint(2, 30) * hours
    out.append(("status", "in_progress", t, {}))
    if rnd.random() < (0.4 if recent else 0.06):
        return out
    roll = rnd.random()
    if roll < 0.06 and optional:
        t += rnd.randint(4, 40) * hours
        out.append(("status", "returned", t, {"reason": "Dokument i paplotë (DEMO)", "missing": optional[:1]}))
        return out
    if roll < 0.1:
        t += rnd.randint(4, 40) * hours
        out.append(("status", "rejected", t, {"reason": "Nuk plotëson kushtet (DEMO)"}))
        return out
    late = rnd.random() < 0.18
    work_days = max(0, std + (rnd.randint(1, 4) if late else -rnd.randint(0, max(0, std - 1))))
    done_day = _CAL.add_working_days(local_date(created), work_days)
    t = max(t + hours, _at_local(done_day, rnd))
    out.append(("status", "ready", t, {}))
    if rnd.random() < 0.75:
        t += rnd.randint(3, 120) * hours
        out.append(("deliver", "delivered", t, {"rating": rnd.choice((None, 3, 4, 4, 5, 5, 5))}))
    return out


__all__ = ["PASSWORD", "UNITS", "USERS", "fill"]
