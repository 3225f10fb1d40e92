"""The service catalogue in the local store: import a catalogue, manage local services, query and search.

The file format and its validation live in :mod:`frontdesk.catalog_format` (re-exported here). Role
checks are the caller's job (workflow/admin layer): functions here take a session and write in it
without committing; the caller wraps them in ``store.write()``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit
from .catalog_format import (  # noqa: F401 - the catalogue API in one place
    CODE_RE,
    CONTEXT,
    FORMAT,
    MAX_DAYS,
    MAX_FEE,
    ORIGINS,
    Catalog,
    CatalogDocument,
    CatalogError,
    CatalogIssue,
    CatalogService,
    DocumentInfo,
    ImportResult,
    ServiceInfo,
    demo_catalog_path,
    load_catalog,
    parse_catalog,
    path_text,
    service_to_json,
    validate_service,
)
from .errors import Conflict, NotFound
from .i18n import QT_TRANSLATE_NOOP
from .models import Service, ServiceDocument
from .text import fold

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------- import

_FIELDS = (
    "name_sq",
    "name_en",
    "category",
    "life_event",
    "fee_amount",
    "currency",
    "standard_days",
    "office",
    "active",
    "origin",
)


def _documents_by_service(session: Session, code: str | None = None) -> dict[str, list[ServiceDocument]]:
    query = select(ServiceDocument).order_by(ServiceDocument.service_code, ServiceDocument.position)
    if code is not None:
        query = query.where(ServiceDocument.service_code == code)
    out: dict[str, list[ServiceDocument]] = {}
    for doc in session.scalars(query):
        out.setdefault(doc.service_code, []).append(doc)
    return out


def _write_service(session: Session, row: Service, svc: CatalogService, docs: list[ServiceDocument]) -> bool:
    """Make ``row`` and its documents equal to ``svc``; True when anything changed."""
    changed = False
    for field in _FIELDS:
        if getattr(row, field) != getattr(svc, field):
            setattr(row, field, getattr(svc, field))
            changed = True
    existing = {d.code: d for d in docs}
    for position, doc in enumerate(svc.documents):
        wanted = {
            "name_sq": doc.name_sq,
            "name_en": doc.name_en,
            "required": doc.required,
            "position": position,
        }
        current = existing.pop(doc.code, None)
        if current is None:
            session.add(ServiceDocument(service_code=svc.code, code=doc.code, **wanted))
            changed = True
            continue
        for field, value in wanted.items():
            if getattr(current, field) != value:
                setattr(current, field, value)
                changed = True
    for gone in existing.values():
        session.delete(gone)
        changed = True
    return changed


def import_catalog(session: Session, catalog: Catalog, *, now: dt.datetime, actor: str | None = None) -> ImportResult:
    """Upsert the catalogue's services and documents in ``session`` (no commit).

    A row keeps its origin: an entry never overwrites an existing service of the other origin (its code
    is listed in ``skipped``), so a central import never touches local services. When the catalogue
    holds central services, every active central service missing from it is *deactivated* — never
    deleted, requests refer to it. Re-importing the same catalogue changes nothing (all ``unchanged``).
    The role check is the caller's.
    """
    rows = {row.code: row for row in session.scalars(select(Service))}
    docs = _documents_by_service(session)
    added = updated = deactivated = unchanged = 0
    skipped: list[str] = []
    for svc in catalog.services:
        row = rows.get(svc.code)
        if row is None:
            row = Service(code=svc.code, catalog_version=catalog.version, updated_at=now)
            session.add(row)
            _write_service(session, row, svc, [])
            added += 1
        elif row.origin != svc.origin:
            skipped.append(svc.code)
            continue
        elif _write_service(session, row, svc, docs.get(svc.code, [])):
            row.updated_at = now
            updated += 1
        else:
            unchanged += 1
        row.catalog_version = catalog.version
    central = {svc.code for svc in catalog.services if svc.origin == "central"}
    if central:
        for row in rows.values():
            if row.origin == "central" and row.active and row.code not in central:
                row.active, row.updated_at = False, now
                deactivated += 1
    session.flush()
    result = ImportResult(added, updated, deactivated, unchanged, tuple(skipped))
    audit.append(session, actor=actor, workstation_code=audit.local_workstation_code(session),
                 action="catalog_import", subject=catalog.version,
                 details={"added": added, "updated": updated, "deactivated": deactivated}, now=now)  # fmt: skip
    return result


def add_local_service(session: Session, svc: CatalogService, *, now: dt.datetime) -> ServiceInfo:
    """Add a unit's own service (origin forced to ``local``). Refuses a code that exists with Conflict.

    The caller checks the role (an admin or supervisor of the unit) and commits.
    """
    svc = CatalogService(**{**svc.__dict__, "origin": "local", "code": svc.code.strip().upper()})
    validate_service(svc)
    if session.get(Service, svc.code) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("errors", "A service with code {code} already exists."), code=svc.code)
    row = Service(code=svc.code, catalog_version=None, updated_at=now)
    session.add(row)
    _write_service(session, row, svc, [])
    session.flush()
    return get_service(session, svc.code)


def _catalog_service(row: Service, docs: list[ServiceDocument]) -> CatalogService:
    return CatalogService(
        code=row.code, name_sq=row.name_sq, name_en=row.name_en, category=row.category,
        standard_days=row.standard_days, office=row.office, life_event=row.life_event,
        documents=tuple(CatalogDocument(d.code, d.name_sq, d.name_en, d.required) for d in docs),
        fee_amount=row.fee_amount, currency=row.currency, active=row.active, origin=row.origin,
    )  # fmt: skip


def local_service_payload(session: Session, code: str) -> dict[str, object]:
    """A local service as the ``service.upsert`` op carries it to the unit's other desks."""
    row = _row(session, code)
    docs = _documents_by_service(session, row.code).get(row.code, [])
    return {"code": row.code, "service": service_to_json(_catalog_service(row, docs)),
            "updated_at": row.updated_at.isoformat()}  # fmt: skip


def apply_remote_service(session: Session, payload: dict[str, Any]) -> bool:
    """A local service another desk of the unit added or changed (pulled): validated with the catalogue
    rules (``CatalogError`` when it breaks them: the pull path sets it aside), written unless this desk has
    a newer copy or the code is a central service. True if written."""
    text = json.dumps({"format": FORMAT, "version": "local", "services": [payload["service"]]}, ensure_ascii=False)
    (svc,) = parse_catalog(text, f"local service {payload.get('code')}").services  # CatalogError: set aside
    svc = CatalogService(**{**svc.__dict__, "origin": "local"})
    when = dt.datetime.fromisoformat(payload["updated_at"])
    when = when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
    row = session.get(Service, svc.code)
    central = row is not None and row.origin != "local" and row.catalog_version is not None
    if row is not None and (central or (row.origin == "local" and row.updated_at > when)):
        return False  # the central catalogue decides its services; a newer local copy has its own op
    # (a placeholder made for a pulled request of a service this desk did not know is replaced)
    docs = _documents_by_service(session, svc.code).get(svc.code, []) if row is not None else []
    if row is None:
        row = Service(code=svc.code, catalog_version=None, updated_at=when)
        session.add(row)
    _write_service(session, row, svc, docs)
    row.updated_at = when
    session.flush()
    return True


def set_service_active(session: Session, code: str, active: bool, *, now: dt.datetime) -> ServiceInfo:
    """Offer or withdraw a local service. Central services follow the central catalogue (Conflict).

    The caller checks the role and commits.
    """
    row = _row(session, code)
    if row.origin != "local":
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Service {code} comes from the central catalogue; it is set there."),
            code=row.code,
        )
    if row.active != active:
        row.active, row.updated_at = active, now
        session.flush()
    return get_service(session, row.code)


# -------------------------------------------------------------------------------------------- queries


def _document_infos(session: Session, code: str | None = None) -> dict[str, list[DocumentInfo]]:
    """Documents as plain records straight from the rows (no ORM objects: the app lists the whole
    catalogue at start-up)."""
    d = ServiceDocument
    query = select(d.service_code, d.code, d.name_sq, d.name_en, d.required).order_by(d.service_code, d.position)
    if code is not None:
        query = query.where(d.service_code == code)
    out: dict[str, list[DocumentInfo]] = {}
    for service_code, doc_code, name_sq, name_en, required in session.execute(query):
        out.setdefault(service_code, []).append(DocumentInfo(doc_code, name_sq, name_en, bool(required)))
    return out


def _info(row: Service, docs: list[DocumentInfo]) -> ServiceInfo:
    return ServiceInfo(
        row.code,
        row.name_sq,
        row.name_en,
        row.category,
        row.life_event,
        row.fee_amount,
        row.currency,
        row.standard_days,
        row.office,
        row.active,
        row.origin,
        tuple(docs),
        row.catalog_version,
    )


def _row(session: Session, code: str) -> Service:
    row = session.get(Service, code.strip().upper())
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no service with code {code}."), code=code)
    return row


def list_services(session: Session, *, active_only: bool = True) -> list[ServiceInfo]:
    """Services ordered by code, with their documents in catalogue order."""
    query = select(Service).order_by(Service.code)
    if active_only:
        query = query.where(Service.active.is_(True))
    docs = _document_infos(session)
    return [_info(row, docs.get(row.code, [])) for row in session.scalars(query)]


def get_service(session: Session, code: str) -> ServiceInfo:
    row = _row(session, code)
    return _info(row, _document_infos(session, row.code).get(row.code, []))


def search_services(
    session: Session,
    text: str,
    *,
    usage: dict[str, int] | None = None,
    limit: int = 20,
    active_only: bool = True,
) -> list[ServiceInfo]:
    """Services whose code or Albanian/English name contains every word of ``text``, ignoring case and
    accents (``çertifikate`` finds "Certifikatë"). Most used first (``usage``: code → count), then by code."""
    words = fold(text).split()
    usage = usage or {}
    hits = [
        svc
        for svc in list_services(session, active_only=active_only)
        if all(w in fold(f"{svc.code} {svc.name_sq} {svc.name_en}") for w in words)
    ]
    hits.sort(key=lambda svc: (-usage.get(svc.code, 0), svc.code))
    return hits[:limit]
