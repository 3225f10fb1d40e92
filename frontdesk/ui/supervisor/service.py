"""The supervision and administration screens' service: thin wrappers over the core (no SQL here).

Every method takes and returns plain values, opens its own sessions through the core, and may run on a
``tasks.TaskRunner`` worker. Role checks are the core's (``workflow.reassign``, ``workload``,
``admin``); the ``can_*`` helpers only decide what the screens show.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk import admin, audit, auth, queries, workflow
from frontdesk import workload as workload_core
from frontdesk.auth import Actor, UserInfo
from frontdesk.catalog import CatalogDocument, CatalogService, ServiceInfo
from frontdesk.db import Store
from frontdesk.queries import QueueFilter, QueueRow, RequestView

from ..settings import SettingsStore

if TYPE_CHECKING:
    from frontdesk import reports
    from frontdesk.citizen_figures import CitizensReport


@dataclass(frozen=True)
class DashboardData:
    report: reports.Report
    weeks: list[tuple[dt.date, int, int, float | None]]
    overdue: list[tuple[str, str, int]]


@dataclass(frozen=True)
class VerifyText:
    ok: bool
    checked: int
    template: str | None  # the core's English template (context "audit"), for translation
    params: dict[str, str]


_AUDIT_TEMPLATES = tuple(getattr(audit, n) for n in ("_GAP", "_LINK", "_EDIT", "_TAIL") if hasattr(audit, n))


def split_reason(reason: str | None) -> tuple[str | None, dict[str, str]]:
    """The core's verify reason comes formatted in English; find its template and values to translate it."""
    if not reason:
        return None, {}
    for tpl in _AUDIT_TEMPLATES:
        pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(tpl)) + "$"
        m = re.match(pattern, reason)
        if m:
            return tpl, m.groupdict()
    return None, {"reason": reason}


class SupervisorService:
    """What a signed-in supervisor or admin can see and do on the supervision/administration screens."""

    def __init__(self, store: Store, actor: Actor, settings: SettingsStore) -> None:
        self.store = store
        self.actor = actor
        self.settings = settings

    # ------------------------------------------------------------------ who sees what (the core refuses anyway)
    def can_reassign(self) -> bool:
        return workflow.can_reassign(self.actor.role)

    def can_see_workload(self) -> bool:
        return self.actor.role == "supervisor"

    def can_see_dashboard(self) -> bool:
        return self.actor.role in ("supervisor", "admin")

    def can_see_audit(self) -> bool:
        return self.actor.role in admin.AUDIT_ROLES

    def can_administer(self) -> bool:
        return self.actor.role in admin.ADMIN_ROLES

    @property
    def language(self) -> str:
        return self.settings.current.language

    # ------------------------------------------------------------------ reassignment and workload
    def counter_staff(self) -> list[UserInfo]:
        """Active clerks and supervisors: who can take requests."""
        return [u for u in auth.list_users(self.store) if u.role in workflow.COUNTER_ROLES]

    def reassign(self, receipt_nos: list[str], to_username: str, reason: str) -> list[RequestView]:
        """One ``workflow.reassign`` call for all of them: all or nothing."""
        return workflow.reassign(self.store, self.actor, list(receipt_nos), to_username, reason)

    def workload(self, today: dt.date | None = None) -> list[workload_core.ClerkLoad]:
        return workload_core.workload(self.store, self.actor, today=today)

    def open_requests_of(self, username: str | None, limit: int = 500) -> list[QueueRow]:
        """A clerk's requests whose clock runs, earliest promised date first (for rebalancing)."""
        rows = queries.queue_page(
            self.store,
            QueueFilter(assignee=username or "-"),
            order_by="due_date",
            descending=False,
            limit=limit,
        )
        return [r for r in rows if r.status in queries.SLA_STATUSES]

    # ------------------------------------------------------------------ dashboard
    def dashboard(self, date_from: dt.date, date_to: dt.date, by: str) -> DashboardData:
        from frontdesk import reports  # the report engine loads with the first dashboard, not at sign-in

        report = reports.standards_report(self.store, date_from=date_from, date_to=date_to, by=by)
        weeks = reports.weekly_on_time(self.store, date_from, date_to)
        return DashboardData(report, weeks, reports.overdue_by_service(self.store))

    def citizens(self, date_from: dt.date, date_to: dt.date, by: str) -> CitizensReport:
        """What the citizens say (``citizen_report.citizens_report``)."""
        from frontdesk.citizen_report import citizens_report

        return citizens_report(self.store, by=by, date_from=date_from, date_to=date_to)

    def export_csv(self, report: reports.Report, path: Path) -> Path:
        """The report as CSV in the UI's language (headings and the total's label)."""
        from frontdesk import report_export
        from frontdesk.private import write_private  # exports are private (0600), like the database

        write_private(path, report_export.to_csv(report, lang=self.language), encoding="utf-8-sig")
        return path

    def export_pdf(self, report: reports.Report, path: Path, title: str) -> Path:
        from frontdesk import report_export

        pdf = report_export.to_pdf(
            report, title=title, date_from=report.date_from, date_to=report.date_to, lang=self.language
        )
        from frontdesk.private import write_private

        write_private(path, pdf)
        return path

    # ------------------------------------------------------------------ audit
    def audit_entries(
        self,
        *,
        who: str | None = None,
        action: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        text: str | None = None,
        before_seq: int | None = None,
        limit: int = 500,
    ) -> list[audit.AuditView]:
        return admin.audit_entries(
            self.store, self.actor, who=who, action=action, date_from=date_from, date_to=date_to, text=text,
            before_seq=before_seq, limit=limit,
        )  # fmt: skip

    def user_names(self) -> dict[str, str]:
        """Log-in name → full name (the screens show people by name)."""
        return {u.username: u.full_name for u in auth.list_users(self.store)}

    def event_reasons(self, entries: list[audit.AuditView]) -> dict[tuple[str, str, dt.datetime], str]:
        subjects = sorted({e.subject for e in entries if e.subject and e.action in ("reassign", "status")})
        return queries.event_reasons(self.store, subjects)

    def verify_audit(self) -> VerifyText:
        result = admin.verify_audit(self.store, self.actor)
        template, params = split_reason(result.reason)
        return VerifyText(result.ok, result.checked, template, params)

    def all_usernames(self) -> list[str]:
        return [u.username for u in auth.list_users(self.store, active_only=False)]

    # ------------------------------------------------------------------ administration
    def services(self) -> list[ServiceInfo]:
        return admin.list_services(self.store, self.actor)

    def add_local_service(
        self,
        *,
        code: str,
        name_sq: str,
        name_en: str,
        category: str,
        fee: int,
        standard_days: int,
        office: str,
        documents: list[tuple[str, str, str, bool]],
    ) -> ServiceInfo:
        svc = CatalogService(
            code=code.strip().upper(),
            name_sq=name_sq.strip(),
            name_en=name_en.strip(),
            category=category.strip(),
            standard_days=standard_days,
            office=office.strip(),
            documents=tuple(CatalogDocument(c.strip().upper(), sq, en, req) for c, sq, en, req in documents),
            fee_amount=fee,
        )
        return admin.add_local_service(self.store, self.actor, svc)

    def set_service_active(self, code: str, active: bool) -> ServiceInfo:
        return admin.set_service_active(self.store, self.actor, code, active)

    def users(self) -> list[UserInfo]:
        return admin.list_users(self.store, self.actor)

    def add_user(self, username: str, role: str, full_name: str, temporary_password: str) -> UserInfo:
        return admin.add_user(self.store, self.actor, username, role, full_name, temporary_password)

    def set_user_active(self, username: str, active: bool) -> UserInfo:
        return admin.set_user_active(self.store, self.actor, username, active)

    def reset_password(self, username: str, temporary_password: str) -> None:
        admin.reset_password(self.store, self.actor, username, temporary_password)

    def unlock_user(self, username: str) -> UserInfo:
        return admin.unlock_user(self.store, self.actor, username)


def parse_documents(text: str) -> list[tuple[str, str, str, bool]]:
    """Document lines typed by an admin: ``CODE | Albanian name | English name [| optional]``."""
    out: list[tuple[str, str, str, bool]] = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts or not parts[0]:
            continue
        code = parts[0]
        sq = parts[1] if len(parts) > 1 else ""
        en = parts[2] if len(parts) > 2 and parts[2] else sq
        optional = len(parts) > 3 and parts[3].lower() in ("opsional", "optional", "jo", "no", "0")
        out.append((code, sq, en, not optional))
    return out
