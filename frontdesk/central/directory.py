"""What the console knows of the services: names, offices, standard times and documents, from the
published catalogues (the latest version wins, older ones fill in services it dropped) and the units' own
services. The back office works by office — the catalogue names the office of every service — and the
manager's report groups services by office the same way.

Published versions never change: their parsed services are cached per process, keyed by version."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import models as m

NO_OFFICE = "-"


@dataclass(frozen=True)
class Document:
    code: str
    name_sq: str
    name_en: str


@dataclass(frozen=True)
class Service:
    code: str
    name_sq: str
    name_en: str
    office: str
    standard_days: int | None
    documents: tuple[Document, ...]
    unit_code: str | None = None  # a unit's own service: that unit

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_sq


def _text(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        got = value.get(lang) or value.get("sq") or ""
        return str(got)
    return str(value or "")


def _service(raw: Any, unit_code: str | None = None) -> Service | None:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("code"), str):
        return None
    docs = []
    for d in raw.get("documents") or ():
        if isinstance(d, Mapping) and isinstance(d.get("code"), str):
            docs.append(Document(d["code"], _text(d.get("name"), "sq"), _text(d.get("name"), "en")))
    days = raw.get("standard_days")
    office = raw.get("office")
    return Service(
        code=raw["code"],
        name_sq=_text(raw.get("name"), "sq") or raw["code"],
        name_en=_text(raw.get("name"), "en") or raw["code"],
        office=office.strip() if isinstance(office, str) and office.strip() else NO_OFFICE,
        standard_days=days if isinstance(days, int) and not isinstance(days, bool) else None,
        documents=tuple(docs),
        unit_code=unit_code,
    )


_lock = threading.Lock()
_parsed: dict[str, dict[str, Service]] = {}


def _version_services(s: Session, versions: list[str]) -> list[dict[str, Service]]:
    with _lock:
        missing = [v for v in versions if v not in _parsed]
    if missing:
        for version, content in s.execute(
            select(m.CatalogVersion.version, m.CatalogVersion.content).where(m.CatalogVersion.version.in_(missing))
        ):
            services = content.get("services") if isinstance(content, Mapping) else None
            found = {svc.code: svc for svc in (_service(x) for x in services or ()) if svc is not None}
            with _lock:
                _parsed[version] = found
    with _lock:
        return [_parsed.get(v, {}) for v in versions]


@dataclass(frozen=True)
class Directory:
    """The services the console shows: central ones by code, a unit's own by (unit, code)."""

    central: Mapping[str, Service]
    local: Mapping[tuple[str, str], Service]
    version: str | None

    def service(self, code: str, unit_code: str | None = None) -> Service | None:
        if unit_code is not None:
            own = self.local.get((unit_code, code))
            if own is not None:
                return own
        found = self.central.get(code)
        if found is None:
            found = next((svc for (_u, c), svc in self.local.items() if c == code), None)
        return found

    def office_of(self, code: str, unit_code: str | None = None) -> str:
        svc = self.service(code, unit_code)
        return svc.office if svc is not None else NO_OFFICE

    def offices(self) -> list[str]:
        names = {svc.office for svc in self.central.values()} | {svc.office for svc in self.local.values()}
        return sorted(names - {NO_OFFICE}, key=str.casefold)

    def office_services(self, office: str) -> tuple[list[str], list[tuple[str, str]]]:
        """The office's central service codes, and its units' own services as (unit, code)."""
        central = sorted(c for c, svc in self.central.items() if svc.office == office)
        local = sorted(k for k, svc in self.local.items() if svc.office == office)
        return central, local

    def services_of(self, office: str) -> list[Service]:
        central, local = self.office_services(office)
        return [self.central[c] for c in central] + [self.local[k] for k in local]

    def label(self, code: str, lang: str) -> str:
        svc = self.service(code)
        return svc.name(lang) if svc is not None else code


def load(s: Session) -> Directory:
    versions = list(
        s.scalars(select(m.CatalogVersion.version).order_by(m.CatalogVersion.published_at, m.CatalogVersion.version))
    )
    central: dict[str, Service] = {}
    for services in _version_services(s, versions):  # oldest first: the latest version wins
        central.update(services)
    local: dict[tuple[str, str], Service] = {}
    for unit_code, content in s.execute(select(m.UnitService.unit_code, m.UnitService.content)):
        svc = _service(content, unit_code)
        if svc is not None:
            local[(unit_code, svc.code)] = svc
    return Directory(central, local, versions[-1] if versions else None)


def office_names(services: Iterable[Service]) -> list[str]:
    return sorted({svc.office for svc in services} - {NO_OFFICE}, key=str.casefold)


__all__ = ["NO_OFFICE", "Directory", "Document", "Service", "load", "office_names"]
