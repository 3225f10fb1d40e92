"""What the IT administrator's pages read: the workstations with what IT watches (last contact, clock skew, audit
anchor, rejected ops, intakes not yet received, what the desk said still waited in its outbox), a workstation's
rejected ops, the central audit trail, and a catalogue file checked and compared with the version the units have
now. Every change is made by the functions the command line uses (enrolment, accounts, catalog, staff)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import func, select

from frontdesk.catalog_format import Catalog, CatalogError, CatalogService, parse_catalog
from frontdesk.clock import utcnow

from .. import models as m
from ..db import Database, epoch

STALE_CONTACT = dt.timedelta(days=3)
SKEW_WARN_S = 120.0


@dataclass(frozen=True)
class Desk:
    unit: str
    code: str
    id: str
    enrolled_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked: bool
    clock_skew_s: float | None
    receipt_counter: int
    audit_seq: int | None
    audit_state: str
    audit_detail: str | None
    rejected: int | None = None  # ops answered rejected (None: not counted on this view)
    unsent: int | None = None  # intakes its counter says exist and the server has not heard of
    waiting: int | None = None  # what the desk said still waited in its outbox after its last push

    @property
    def problems(self) -> list[str]:
        now = utcnow()
        out = []
        if self.revoked:
            return ["revoked"]
        if self.audit_state != "ok":
            out.append("anchor")
        if self.last_seen_at is None or self.last_seen_at < now - STALE_CONTACT:
            out.append("contact")
        if self.clock_skew_s is not None and abs(self.clock_skew_s) > SKEW_WARN_S:
            out.append("skew")
        if self.rejected:
            out.append("rejected")
        if self.waiting:
            out.append("waiting")
        return out


def desks(db: Database, unit: str | None = None) -> list[Desk]:
    """Every workstation (of ``unit``); with a unit, their rejected ops and unsent intakes are counted too
    (on the ``applied_ops`` index of a workstation's answers)."""
    with db.read() as s:
        stmt = select(m.Workstation).order_by(m.Workstation.unit_code, m.Workstation.code)
        if unit:
            stmt = stmt.where(m.Workstation.unit_code == unit)
        rows = list(s.scalars(stmt))
        counts: dict[tuple[str, str, str], int] = {}
        if unit and rows:
            q = (select(m.AppliedOp.workstation_id, m.AppliedOp.result, m.AppliedOp.kind, func.count())
                 .where(m.AppliedOp.workstation_id.in_([w.id for w in rows]))
                 .group_by(m.AppliedOp.workstation_id, m.AppliedOp.result, m.AppliedOp.kind))  # fmt: skip
            counts = {(w, r, k): int(n) for w, r, k, n in s.execute(q)}
        out = []
        for w in rows:
            rejected = unsent = None
            if unit:
                rejected = sum(n for (ws, r, _k), n in counts.items() if ws == w.id and r == "rejected")
                intakes = sum(n for (ws, _r, k), n in counts.items() if ws == w.id and k == "request.intake")
                unsent = max(0, w.max_receipt_counter - intakes)
            out.append(Desk(w.unit_code, w.code, w.id, w.enrolled_at, w.last_seen_at, w.revoked_at is not None,
                            w.clock_skew_s, w.max_receipt_counter, w.audit_seq, w.audit_state, w.audit_detail,
                            rejected, unsent, w.outbox_waiting))  # fmt: skip
        return out


@dataclass(frozen=True)
class RejectedOp:
    op_id: str
    kind: str
    reason: str | None
    message: str | None
    at: dt.datetime


def rejected_ops(db: Database, workstation_id: str, limit: int = 100) -> list[RejectedOp]:
    with db.read() as s:
        rows = s.execute(select(m.AppliedOp.op_id, m.AppliedOp.kind, m.AppliedOp.reason, m.AppliedOp.message,
                                m.AppliedOp.applied_at)
                         .where(m.AppliedOp.workstation_id == workstation_id, m.AppliedOp.result == "rejected")
                         .order_by(m.AppliedOp.applied_at.desc()).limit(limit))  # fmt: skip
        return [RejectedOp(*r) for r in rows]


@dataclass(frozen=True)
class Overview:
    units: int
    desks: int
    revoked: int
    flagged: list[Desk]
    offers: int
    catalog: str | None
    catalog_at: dt.datetime | None
    epoch: str
    staff: int


def overview(db: Database) -> Overview:
    all_desks = desks(db)
    with db.read() as s:
        units = int(s.scalar(select(func.count()).select_from(m.Unit)) or 0)
        offers = int(s.scalar(select(func.count()).select_from(m.UserOffer).where(m.UserOffer.decision == "pending"))
                     or 0)  # fmt: skip
        latest = s.execute(select(m.CatalogVersion.version, m.CatalogVersion.published_at)
                           .order_by(m.CatalogVersion.published_at.desc()).limit(1)).first()  # fmt: skip
        staff_n = int(s.scalar(select(func.count()).select_from(m.Staff)) or 0)
        current = epoch(s)
    return Overview(units, sum(not d.revoked for d in all_desks), sum(d.revoked for d in all_desks),
                    [d for d in all_desks if d.problems and not d.revoked], offers, latest[0] if latest else None,
                    latest[1] if latest else None, current, staff_n)  # fmt: skip


# ------------------------------------------------------------------------------------------------ audit trail


@dataclass(frozen=True)
class Action:
    id: int
    at: dt.datetime
    actor: str
    action: str
    unit: str | None
    subject: str | None
    details: str


AUDIT_PAGE = 100


def actions(db: Database, *, actor: str = "", action: str = "", unit: str = "", before: int | None = None,
            limit: int = AUDIT_PAGE) -> list[Action]:  # fmt: skip
    """The central audit trail, newest first, filtered; ``before``: the page after an action id."""
    with db.read() as s:
        stmt = select(m.AdminAction).order_by(m.AdminAction.id.desc()).limit(limit)
        if actor:
            stmt = stmt.where(m.AdminAction.actor == actor)
        if action:
            stmt = stmt.where(m.AdminAction.action == action)
        if unit:
            stmt = stmt.where(m.AdminAction.unit_code == unit)
        if before:
            stmt = stmt.where(m.AdminAction.id < before)
        return [Action(r.id, r.at, r.actor, r.action, r.unit_code, r.subject,
                       json.dumps(r.details, ensure_ascii=False, sort_keys=True) if r.details else "")
                for r in s.scalars(stmt)]  # fmt: skip


def action_names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(m.AdminAction.action).distinct()))


# ------------------------------------------------------------------------------------------------ catalogue


@dataclass
class ServiceChange:
    code: str
    name: str
    fields: list[str]
    values: list[tuple[str, str, str]] = field(default_factory=list)  # (field, before, after)


@dataclass
class CatalogCheck:
    """A catalogue file checked before it goes out: its problems (with lines), or what it changes."""

    text: str
    version: str | None = None
    services: int = 0
    issues: list[str] = field(default_factory=list)
    current: str | None = None
    already: bool = False
    added: list[ServiceChange] = field(default_factory=list)
    removed: list[ServiceChange] = field(default_factory=list)
    changed: list[ServiceChange] = field(default_factory=list)

    @property
    def publishable(self) -> bool:
        return not self.issues and not self.already and self.version is not None


_COMPARED = ("name_sq", "name_en", "category", "life_event", "standard_days", "office", "fee_amount", "active",
             "documents")  # fmt: skip


def _fields(a: CatalogService, b: CatalogService) -> list[str]:
    return [f for f in _COMPARED if getattr(a, f) != getattr(b, f)]


def _shown(service: CatalogService, name: str) -> str:
    value = getattr(service, name)
    if name == "documents":
        return ", ".join(d.code for d in value) or "–"
    return "–" if value is None else str(value)


def check_catalog(db: Database, text: str, source: str = "catalog.json") -> CatalogCheck:
    out = CatalogCheck(text=text)
    try:
        new = parse_catalog(text, source)
    except CatalogError as exc:
        out.issues = exc.render().splitlines()[:200]
        return out
    out.version, out.services = new.version, len(new.services)
    with db.read() as s:
        out.already = s.get(m.CatalogVersion, new.version) is not None
        latest = s.execute(select(m.CatalogVersion.version, m.CatalogVersion.content)
                           .order_by(m.CatalogVersion.published_at.desc()).limit(1)).first()  # fmt: skip
    old: Catalog | None = None
    if latest is not None:
        out.current = latest[0]
        try:
            old = parse_catalog(json.dumps(latest[1], ensure_ascii=False), f"{latest[0]}.json")
        except CatalogError:
            old = None
    before = {svc.code: svc for svc in (old.services if old else ())}
    after = {svc.code: svc for svc in new.services}
    out.added = [ServiceChange(c, after[c].name_sq, []) for c in sorted(after.keys() - before.keys())]
    out.removed = [ServiceChange(c, before[c].name_sq, []) for c in sorted(before.keys() - after.keys())]
    out.changed = [ServiceChange(c, after[c].name_sq, f, [(x, _shown(before[c], x), _shown(after[c], x)) for x in f])
                   for c in sorted(after.keys() & before.keys()) if (f := _fields(before[c], after[c]))]  # fmt: skip
    return out


__all__ = ["AUDIT_PAGE", "Action", "CatalogCheck", "Desk", "Overview", "RejectedOp", "ServiceChange", "action_names",
           "actions", "check_catalog", "desks", "overview", "rejected_ops"]  # fmt: skip
