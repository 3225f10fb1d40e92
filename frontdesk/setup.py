"""Setting a workstation up: opening the data directory, ``init``, and the demo data of a first start."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from . import auth
from .catalog import import_catalog, load_catalog
from .clock import utcnow
from .db import Store
from .dbkey import KeyStore
from .errors import Conflict, InvalidInput, NotFound
from .i18n import QT_TRANSLATE_NOOP
from .identity import sample_nid
from .models import Request, Unit, Workstation
from .numbering import validate_unit_code, validate_workstation_code
from .paths import data_home, resource
from .queries import get_request
from .rules import clean_line

DB_NAME = "frontdesk.db"
DEMO_UNIT = ("DEMO", "Njësia Administrative Demo (DEMO)")
DEMO_WORKSTATION = "W01"
DEMO_PASSWORD = "demo1234"
DEMO_USERS = (
    ("sporteli", "clerk", "Arbër Sporteli (DEMO)"),
    ("sporteli2", "clerk", "Mirëla Sportelistja (DEMO)"),
    ("mbikqyresi", "supervisor", "Besnik Mbikëqyrësi (DEMO)"),
    ("admin", "admin", "Administratori IT (DEMO)"),
)


@dataclass(frozen=True)
class WorkstationInfo:
    unit_code: str
    unit_name: str
    workstation_code: str
    receipt_counter: int


def open_home(home: Path | str | None = None, *, migrate_schema: bool = True, keys: KeyStore | None = None) -> Store:
    """Open (creating, encrypting and migrating when needed) the database in the data directory."""
    return Store(data_home(home) / DB_NAME, migrate_schema=migrate_schema, keys=keys)


def is_initialised(store: Store) -> bool:
    with store.read() as s:
        return s.scalars(select(Workstation.code).where(Workstation.is_local)).first() is not None


def init_workstation(store: Store, unit_code: str, unit_name: str, workstation_code: str) -> WorkstationInfo:
    """Record which unit this is and this workstation's code (issued once, never reused in the unit)."""
    unit_code = unit_code.strip().upper()
    workstation_code = workstation_code.strip().upper()
    validate_unit_code(unit_code)
    validate_workstation_code(workstation_code)
    if not unit_name.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The unit name is required."), field="unit_name")
    unit_name = clean_line(unit_name, "unit_name", 200, required=True) or ""  # no control characters
    now = utcnow()
    with store.write() as s:
        local = s.scalars(select(Workstation).where(Workstation.is_local)).first()
        if local is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "This data directory is already initialised as workstation {ws} of unit {unit}."
                ),
                ws=local.code,
                unit=local.unit_code,
            )
        if s.get(Unit, unit_code) is None:
            s.add(Unit(code=unit_code, name=unit_name.strip(), created_at=now))
        s.add(Workstation(code=workstation_code, unit_code=unit_code, is_local=True, receipt_counter=0, created_at=now))
    return workstation_info(store)


def workstation_info(store: Store) -> WorkstationInfo:
    with store.read() as s:
        ws = s.scalars(select(Workstation).where(Workstation.is_local)).first()
        if ws is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This workstation is not initialised yet (run init)."))
        unit = s.get_one(Unit, ws.unit_code)
        return WorkstationInfo(unit.code, unit.name, ws.code, ws.receipt_counter)


def ensure_demo(store: Store, *, requests: int = 40, seed: int = 7) -> bool:
    """On a first start with nothing set up, create the demo unit, catalogue, users and requests.
    Returns True when it created them (the caller says so to the user)."""
    if is_initialised(store):
        return False
    init_workstation(store, DEMO_UNIT[0], DEMO_UNIT[1], DEMO_WORKSTATION)
    add_demo_catalog_and_users(store)
    if requests:
        add_demo_requests(store, requests, seed=seed)
    return True


def add_demo_catalog_and_users(store: Store) -> list[str]:
    """The demo catalogue and the demo users (password ``DEMO_PASSWORD``, which each must change at the
    first sign-in); returns the user names."""
    with store.write() as s:
        import_catalog(s, load_catalog(resource("catalog", "demo.json")), now=utcnow())
    for username, role, name in DEMO_USERS:
        auth.add_user(store, None, username, role, name, DEMO_PASSWORD, must_change_password=True, policy=False)
    return [u for u, _, _ in DEMO_USERS]


_FIRST = (
    "Arta",
    "Ëngjëll",
    "Blerina",
    "Çlirim",
    "Dritë",
    "Erion",
    "Fjolla",
    "Gëzim",
    "Hëna",
    "Ilir",
    "Jonida",
    "Kreshnik",
    "Lule",
    "Mërgim",
    "Nertila",
    "Orges",
    "Përparim",
    "Rezarta",
    "Sokol",
    "Teuta",
)
_LAST = ("Shembulli", "Provëza", "Demoja", "Testi", "Imagjinari", "Trajnimi")


def add_demo_requests(store: Store, count: int, *, seed: int = 7) -> int:
    """Fictitious requests spread over the last weeks, in every status, for training and screenshots."""
    from . import workflow  # local: workflow is above setup in the import graph only for demo data
    from .catalog import list_services

    rng = random.Random(seed)
    with store.read() as s:
        services = [svc for svc in list_services(s) if svc.standard_days > 0][:30]
        existing = s.scalar(select(func.count()).select_from(Request)) or 0
    clerks = [auth.actor_for(store, u) for u, role, _ in DEMO_USERS if role == "clerk"]
    supervisor = auth.actor_for(store, "mbikqyresi")
    now = utcnow()
    for i in range(count):
        actor = rng.choice(clerks)
        svc = rng.choice(services)
        when = now - dt.timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 6))
        birth = dt.date(1950 + rng.randint(0, 50), rng.randint(1, 12), rng.randint(1, 28))
        nid = sample_nid(birth, rng.choice("MF"), 900 + (existing + i) % 100)
        citizen = workflow.CitizenInput(
            nid=nid, full_name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", phone=f"+355 69 000 {i:04d}"
        )
        docs = [d.code for d in svc.documents if d.required]
        item = workflow.IntakeItem(service_code=svc.code, documents=docs)
        (req,) = workflow.intake(store, actor, citizen, [item], priority=rng.random() < 0.1, now=when)
        path = rng.choice(
            [
                [],
                ["forwarded"],
                ["in_progress"],
                ["forwarded", "in_progress", "ready"],
                ["in_progress", "ready", "delivered"],
                ["returned"],
            ]
        )
        t = when
        for status in path:
            t = t + dt.timedelta(days=rng.randint(0, 3), hours=1)
            if t > now:
                break
            if status == "delivered":
                workflow.deliver(store, actor, req.receipt_no, rating=rng.choice([None, 3, 4, 5, 5]), now=t)
            else:
                workflow.advance(store, actor, req.receipt_no, status, now=t)
        if i % 9 == 4:
            other = clerks[0] if actor is clerks[-1] else clerks[-1]
            current = get_request(store, req.receipt_no, with_history=False).status
            if current not in workflow.TERMINAL:
                workflow.reassign(
                    store,
                    supervisor,
                    [req.receipt_no],
                    other.username,
                    "Balancim i ngarkesës (DEMO)",
                    now=min(t + dt.timedelta(minutes=5), now),
                )
    return count
