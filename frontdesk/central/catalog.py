"""The service catalogue on the central system: publishing a validated catalogue file to every unit, and
what the rulebook needs to check a request's service (the standard times a service has had)."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import wire
from frontdesk.catalog_format import FORMAT, CatalogError, parse_catalog
from frontdesk.clock import utcnow

from . import models as m
from .admin_log import log_action
from .db import Database, add_change, lock_unit
from .errors import Conflict

_cache_lock = threading.Lock()
_published: dict[str, dict[str, frozenset[int]]] = {}  # catalogue version -> service code -> standard days


def publish_catalog(
    db: Database, text: str, source_name: str = "catalog.json", *, actor: str = "cli"
) -> tuple[str, int]:
    """Validate a catalogue file (raises ``frontdesk.catalog_format.CatalogError``), store it as a published
    version and give every unit a ``catalog`` change. Returns (version, number of units)."""
    catalog = parse_catalog(text, source_name)
    content = json.loads(text)
    payload = wire.CatalogPayload(version=catalog.version, catalog=content).model_dump(mode="json")
    with db.write() as s:
        if s.get(m.CatalogVersion, catalog.version) is not None:
            raise Conflict(f"Catalogue version {catalog.version} was already published.", code="bad_request")
        s.add(m.CatalogVersion(version=catalog.version, content=content, published_at=utcnow()))
        units = list(s.scalars(select(m.Unit.code).order_by(m.Unit.code)))
        for code in units:
            lock_unit(s, code)
            add_change(s, code, "catalog", payload, None)
        log_action(s, actor, "catalog_publish", None, catalog.version[:64], {"services": len(catalog.services)})
    return catalog.version, len(units)


def _days(content: Mapping[str, object]) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    services = content.get("services")
    for svc in services if isinstance(services, list) else []:
        if isinstance(svc, dict) and isinstance(svc.get("code"), str) and isinstance(svc.get("standard_days"), int):
            out.setdefault(svc["code"], set()).add(svc["standard_days"])
    return {k: frozenset(v) for k, v in out.items()}


def service_days(s: Session, unit_code: str) -> dict[str, frozenset[int]]:
    """Every service the unit may take requests for — the services of every published catalogue version
    (a desk offline since an older version still uses it) and the unit's own — with every standard time
    it has had. Published versions never change: they are read once per process."""
    versions = set(s.scalars(select(m.CatalogVersion.version)))
    with _cache_lock:
        missing = versions - set(_published)
    for version, content in s.execute(select(m.CatalogVersion.version, m.CatalogVersion.content)
                                      .where(m.CatalogVersion.version.in_(sorted(missing)))):  # fmt: skip
        found = _days(content)
        with _cache_lock:
            _published[version] = found
    merged: dict[str, set[int]] = {}
    with _cache_lock:
        for version in versions:
            for code, days in _published[version].items():
                merged.setdefault(code, set()).update(days)
    for own in s.scalars(select(m.UnitService.content).where(m.UnitService.unit_code == unit_code)):
        for code, days in _days({"services": [own]}).items():
            merged.setdefault(code, set()).update(days)
    return {k: frozenset(v) for k, v in merged.items()}


def check_local_service(payload: wire.ServicePayload, central_codes: set[str]) -> None:
    """A unit's own service as a desk sends it: valid in the catalogue format, and not a central service."""
    from frontdesk.errors import InvalidInput

    if payload.service.get("code") != payload.code:
        raise InvalidInput("The service's code differs from the op's.", field="code")
    if payload.code in central_codes:
        raise InvalidInput("Service {code} is a central service: a unit cannot change it.", field="code",
                           code=payload.code)  # fmt: skip
    text = json.dumps({"format": FORMAT, "version": "local", "services": [payload.service]}, ensure_ascii=False)
    try:
        parse_catalog(text, f"local service {payload.code}")
    except CatalogError as exc:
        raise InvalidInput("The service does not follow the catalogue rules: {problem}", field="service",
                           problem=exc.render().replace("\n", "; ")[:300]) from None  # fmt: skip


def central_codes(s: Session) -> set[str]:
    versions = set(s.scalars(select(m.CatalogVersion.version)))
    with _cache_lock:
        known = [(_published.get(v) or {}) for v in versions]
    return {code for days in known for code in days}
