"""Names a citizen reads: a service's name, its office and its documents' names, in Albanian and English,
from the unit's own service or the latest published catalogue that has it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import models as m


@dataclass(frozen=True)
class ServiceNames:
    code: str
    name: dict[str, str]
    office: str
    documents: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {"sq": …, "en": …}
    standard_days: int | None = None

    def document(self, code: str, lang: str) -> str:
        return self.documents.get(code, {}).get(lang) or code


def _names(svc: dict[str, object]) -> ServiceNames:
    raw_name = svc.get("name")
    name: dict[str, object] = raw_name if isinstance(raw_name, dict) else {}
    docs: dict[str, dict[str, str]] = {}
    raw_docs = svc.get("documents")
    for d in raw_docs if isinstance(raw_docs, list) else []:
        if isinstance(d, dict) and isinstance(d.get("code"), str) and isinstance(d.get("name"), dict):
            docs[d["code"]] = {k: str(v) for k, v in d["name"].items() if k in ("sq", "en")}
    code = str(svc.get("code"))
    names = {k: str(v) for k, v in name.items() if k in ("sq", "en")}
    days = svc.get("standard_days")
    return ServiceNames(code, {"sq": names.get("sq", code), "en": names.get("en", names.get("sq", code))},
                        str(svc.get("office") or ""), docs, days if isinstance(days, int) else None)  # fmt: skip


def service_names(s: Session, unit_code: str, code: str) -> ServiceNames:
    own = s.scalar(select(m.UnitService.content).where(m.UnitService.unit_code == unit_code,
                                                       m.UnitService.code == code))  # fmt: skip
    if isinstance(own, dict):
        return _names(own)
    for content in s.scalars(select(m.CatalogVersion.content).order_by(m.CatalogVersion.published_at.desc())):
        services = content.get("services") if isinstance(content, dict) else None
        for svc in services if isinstance(services, list) else []:
            if isinstance(svc, dict) and svc.get("code") == code:
                return _names(svc)
    return ServiceNames(code, {"sq": code, "en": code}, "")
