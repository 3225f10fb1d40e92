"""The counter service the screens are given: thin, thread-safe wrappers over the core functions.

Screens never touch SQL or sessions: they call these methods (reads directly, writes/PDF/printing
through ``tasks.TaskRunner``). Every method takes and returns plain values (strings, ints, frozen
dataclasses), so it may run on a worker thread; each call opens its own session via the core.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from frontdesk import auth, catalog, identity, queries, workflow
from frontdesk.auth import Actor
from frontdesk.db import Store
from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.queries import QueueFilter, QueueRow, RequestView
from frontdesk.setup import WorkstationInfo, workstation_info

from .settings import SettingsStore

log = logging.getLogger(__name__)

PRINTING_OFF = "none"  # printer setting that means "do not print" (reprint later)
_PRINTING_OFF_TEXT = QT_TRANSLATE_NOOP(
    "printing",
    "Printing is switched off in the settings (printer: none). The request is saved: choose a printer "
    "in the settings and reprint the receipt.",
)


@dataclass(frozen=True)
class DocChoice:
    code: str
    name_sq: str
    name_en: str
    required: bool

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_sq


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name_sq: str
    name_en: str
    fee: int
    standard_days: int
    documents: tuple[DocChoice, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_sq


def _choice(svc: catalog.ServiceInfo) -> ServiceChoice:
    docs = tuple(DocChoice(d.code, d.name_sq, d.name_en or d.name_sq, bool(d.required)) for d in svc.documents)
    return ServiceChoice(svc.code, svc.name_sq, svc.name_en or svc.name_sq, svc.fee_amount, svc.standard_days, docs)


@dataclass(frozen=True)
class PrintResult:
    receipt_no: str
    copy_no: int
    printer: str


class CounterService:
    """What a signed-in clerk can do at this workstation; passed into every screen."""

    def __init__(self, store: Store, actor: Actor, settings: SettingsStore) -> None:
        self.store = store
        self.actor = actor
        self.settings = settings
        self._usage: dict[str, int] | None = None

    # ------------------------------------------------------------------ reference data
    def workstation(self) -> WorkstationInfo:
        return workstation_info(self.store)

    def usage(self) -> dict[str, int]:
        if self._usage is None:
            self._usage = queries.service_usage(self.store)
        return self._usage

    def search_services(self, text: str, limit: int = 40) -> list[ServiceChoice]:
        """Type-to-search over code and both names, accent-insensitive, most used first."""
        with self.store.read() as s:
            found = [_choice(svc) for svc in catalog.search_services(s, text, usage=self.usage(), limit=limit)]
        exact = text.strip().upper()
        found.sort(key=lambda c: c.code != exact)  # stable: a typed code comes first, then most used
        return found

    def service(self, code: str) -> ServiceChoice:
        with self.store.read() as s:
            return _choice(catalog.get_service(s, code))

    def all_services(self) -> list[ServiceChoice]:
        with self.store.read() as s:
            return [_choice(svc) for svc in catalog.list_services(s)]

    def counter_users(self) -> list[auth.UserInfo]:
        return [u for u in auth.list_users(self.store) if u.role in workflow.COUNTER_ROLES]

    # ------------------------------------------------------------------ citizens
    def prefill(self, nid: str) -> identity.CitizenPrefill | None:
        with self.store.read() as s:
            return identity.prefill(s, nid)

    # ------------------------------------------------------------------ the write path (run via tasks)
    def intake(
        self, citizen: workflow.CitizenInput, items: list[workflow.IntakeItem], *, priority: bool
    ) -> list[RequestView]:
        views = workflow.intake(self.store, self.actor, citizen, items, priority=priority)
        self._usage = None
        log.info("intake: %s", ", ".join(v.receipt_no for v in views))
        return views

    def advance(self, receipt_no: str, to_status: str, note: str | None = None) -> RequestView:
        view = workflow.advance(self.store, self.actor, receipt_no, to_status, note=note)
        log.info("advance %s -> %s", view.receipt_no, to_status)
        return view

    def deliver(self, receipt_no: str, rating: int | None) -> RequestView:
        view = workflow.deliver(self.store, self.actor, receipt_no, rating=rating)
        log.info("deliver %s", view.receipt_no)
        return view

    def add_note(self, receipt_no: str, text: str) -> RequestView:
        return workflow.add_note(self.store, self.actor, receipt_no, text)

    def reassign(self, receipt_no: str, to_username: str, reason: str) -> list[RequestView]:
        return workflow.reassign(self.store, self.actor, [receipt_no], to_username, reason)

    # ------------------------------------------------------------------ receipts
    def render_receipt(self, receipt_no: str, copy_no: int = 0) -> bytes:
        from frontdesk import receipts

        st = self.settings.current
        with self.store.read() as s:
            doc = receipts.load_receipt(s, receipt_no, lang=st.language)
        return receipts.render_receipt(doc, paper=st.paper, copy_no=copy_no)

    def print_receipt(self, receipt_no: str, progress: Callable[[int, str], None] | None = None) -> PrintResult:
        """Choose the printer first (a missing printer costs no print count), count the print, render
        the visit's receipt and send it. Raises ``printing.PrinterUnavailable`` with a plain message."""
        from . import printing

        st = self.settings.current
        if st.printer.strip().lower() == PRINTING_OFF:
            raise printing.PrinterUnavailable(_PRINTING_OFF_TEXT)
        printer = printing.choose_printer(st.printer or None)
        if printer is None:
            raise printing.no_printer()
        copy_no = workflow.record_print(self.store, self.actor, receipt_no)
        pdf = self.render_receipt(receipt_no, copy_no)
        printing.print_pdf(pdf, printer, paper=st.paper)
        log.info("printed %s copy %d", receipt_no, copy_no)
        return PrintResult(receipt_no, copy_no, str(printer))

    # ------------------------------------------------------------------ read side
    def get_request(self, receipt_no: str) -> RequestView:
        return queries.get_request(self.store, receipt_no)

    def queue_count(self, flt: QueueFilter) -> int:
        return queries.queue_count(self.store, flt)

    def queue_page(
        self, flt: QueueFilter, *, order_by: str, descending: bool, offset: int, limit: int
    ) -> list[QueueRow]:
        return queries.queue_page(self.store, flt, order_by=order_by, descending=descending, offset=offset, limit=limit)

    def allowed_actions(self, status: str) -> list[str]:
        return workflow.allowed_actions(self.actor.role, status)

    def can_deliver(self, status: str) -> bool:
        return self.actor.role in workflow.COUNTER_ROLES and "delivered" in workflow.TRANSITIONS.get(status, ())

    def can_work(self) -> bool:
        return self.actor.role in workflow.COUNTER_ROLES

    def can_reassign(self) -> bool:
        return workflow.can_reassign(self.actor.role)
