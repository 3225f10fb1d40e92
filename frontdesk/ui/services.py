"""The counter service the screens are given: thin, thread-safe wrappers over the core functions.

Screens never touch SQL or sessions: they call these methods (reads directly, writes/PDF/printing
through ``tasks.TaskRunner``). Every method takes and returns plain values (strings, ints, frozen
dataclasses), so it may run on a worker thread; each call opens its own session via the core.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from frontdesk import auth, catalog, identity, queries, today, workflow
from frontdesk.auth import Actor
from frontdesk.db import Store
from frontdesk.errors import FrontdeskError
from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.limits import SURVEY_STATUSES
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

_PRINTING_OFF_SLIP = QT_TRANSLATE_NOOP(
    "printing", "Printing is switched off in the settings (printer: none). Choose a printer, then print again."
)
_NOT_VOIDED = QT_TRANSLATE_NOOP("errors", "Request {receipt_no} was not voided.")


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
        self._names: dict[str, str] | None = None

    # ------------------------------------------------------------------ reference data
    def workstation(self) -> WorkstationInfo:
        return workstation_info(self.store)

    def usage(self) -> dict[str, int]:
        """How often each service was taken here lately; read once per sign-in (the picker's order must
        not move under the clerk's keys after each intake)."""
        if self._usage is None:
            self._usage = queries.service_usage(self.store)
        return self._usage

    def frequent_services(self, n: int) -> list[ServiceChoice]:
        usage = self.usage()
        codes = [c for c, count in sorted(usage.items(), key=lambda kv: (-kv[1], kv[0])) if count > 0][:n]
        by_code = {c.code: c for c in self.all_services()}
        return [by_code[c] for c in codes if c in by_code]

    def search_services(self, text: str, limit: int = 40) -> list[ServiceChoice]:
        """Type-to-search over code and both names, accent-insensitive, in an order that depends on the
        text alone: the exact code, then codes and then names that start with the text, then the rest,
        each by name (never by recent use: the same keys always give the same list)."""
        from frontdesk.text import fold

        with self.store.read() as s:
            found = [_choice(svc) for svc in catalog.search_services(s, text, limit=10_000)]
        lang = self.settings.current.language
        key, code = fold(text), text.strip().upper()

        def rank(c: ServiceChoice) -> tuple[int, str, str]:
            name = fold(c.name(lang))
            if code and c.code == code:
                group = 0
            elif code and c.code.startswith(code):
                group = 1
            elif key and name.startswith(key):
                group = 2
            elif key and any(w.startswith(key.split()[0]) for w in name.split()):
                group = 3
            else:
                group = 4
            return (group, name, c.code)

        found.sort(key=rank)
        return found[:limit]

    def service(self, code: str) -> ServiceChoice:
        with self.store.read() as s:
            return _choice(catalog.get_service(s, code))

    def all_services(self) -> list[ServiceChoice]:
        with self.store.read() as s:
            return [_choice(svc) for svc in catalog.list_services(s)]

    def user_names(self) -> dict[str, str]:
        """Log-in name → full name of every user of the unit (screens show people, not log-in names)."""
        if self._names is None:
            self._names = {u.username: u.full_name for u in auth.list_users(self.store)}
        return self._names

    def document_names(self, service_code: str) -> dict[str, str]:
        """Document code → name in the UI's language, for a service of the catalogue."""
        lang = self.settings.current.language
        try:
            choice = self.service(service_code)
        except FrontdeskError:
            return {}
        return {d.code: d.name(lang) for d in choice.documents}

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
        log.info("intake: %s", ", ".join(v.receipt_no for v in views))
        return views

    def advance(
        self, receipt_no: str, to_status: str, note: str | None = None, *, reason: str | None = None
    ) -> RequestView:
        """A status change; reject and cancel carry the clerk's reason (``workflow.advance(reason=)``)."""
        view = workflow.advance(self.store, self.actor, receipt_no, to_status, note=note, reason=reason)
        log.info("advance %s -> %s", view.receipt_no, to_status)
        return view

    def deliver(
        self,
        receipt_no: str,
        rating: int | None,
        *,
        collected_by: str = "citizen",
        collector_name: str | None = None,
        collector_id: str | None = None,
    ) -> RequestView:
        """Hand the result over; an authorised person's name and identity document are recorded
        (``workflow.deliver(collected_by=, collector_name=, collector_id=)``)."""
        view = workflow.deliver(self.store, self.actor, receipt_no, rating=rating, collected_by=collected_by,
                                collector_name=collector_name, collector_id=collector_id)  # fmt: skip
        log.info("deliver %s", view.receipt_no)
        return view

    def record_survey(self, receipt_no: str, overall: int, *, promised_kept: bool | None = None,
                      clear: bool | None = None, comment: str | None = None) -> RequestView:  # fmt: skip
        """The citizen's own answers on the counter's prompt (``workflow.record_survey``)."""
        view = workflow.record_survey(self.store, self.actor, receipt_no, overall=overall,
                                      promised_kept=promised_kept, clear=clear, comment=comment)  # fmt: skip
        log.info("survey %s", view.receipt_no)
        return view

    def void_intake(self, receipt_no: str, reason: str) -> RequestView:
        """Void an intake saved by mistake (own, same day; ``workflow.void_intake``): the request is
        cancelled with a ``void`` event, audited and synced; its receipt number is never reused."""
        view = workflow.void_intake(self.store, self.actor, receipt_no, reason)
        log.info("void %s", view.receipt_no)
        return view

    def can_void(self, view: RequestView) -> bool:
        """What the core allows (it checks again): the clerk's own intake, today, not yet worked on."""
        from frontdesk.deadlines import local_date

        return (
            self.actor.role in workflow.COUNTER_ROLES
            and view.created_by == self.actor.username
            and view.status in ("received", "returned")
            and local_date(view.created_at) == queries.today_local()
        )

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

    def print_pdf(self, pdf: bytes, what: str) -> str:
        """Print a slip (cash-up, void) on this counter's printer; the printer's name."""
        from . import printing

        st = self.settings.current
        if st.printer.strip().lower() == PRINTING_OFF:
            raise printing.PrinterUnavailable(_PRINTING_OFF_SLIP)
        printer = printing.choose_printer(st.printer or None)
        if printer is None:
            raise printing.no_printer()
        printing.print_pdf(pdf, printer, paper=st.paper)
        log.info("printed %s", what)
        return str(printer)

    def render_void_slip(self, receipt_no: str) -> bytes:
        from frontdesk import receipts_slips
        from frontdesk.identity import mask_nid

        view = queries.get_request(self.store, receipt_no)
        void = next((e for e in reversed(view.history) if e.kind == "void"), None)
        if void is None:
            raise FrontdeskError(_NOT_VOIDED, receipt_no=view.receipt_no)
        lang = self.settings.current.language
        slip = receipts_slips.VoidSlip(
            receipt_no=view.receipt_no,
            service_name=view.service_name_en if lang == "en" else view.service_name_sq,
            citizen_name=view.citizen_name,
            masked_nid=mask_nid(view.citizen_nid),
            fee_returned=view.fee_paid,
            voided_at=void.device_time,
            voided_by=self.user_names().get(void.actor_username, void.actor_username),
            reason=str(void.data.get("reason") or ""),
            unit_name=self.workstation().unit_name,
            workstation_code=void.workstation_code,
        )
        return receipts_slips.render_void_slip(slip, lang=lang, paper=self.settings.current.paper)

    # ------------------------------------------------------------------ the clerk's day
    def my_day(self) -> today.MyDay:
        return today.my_day(self.store, self.actor.username)

    def render_cashup(self, day: today.MyDay) -> bytes:
        from frontdesk import receipts_slips

        ws = self.workstation()
        st = self.settings.current
        return receipts_slips.render_cashup(
            day, unit_name=ws.unit_name, workstation_code=ws.workstation_code, lang=st.language, paper=st.paper
        )

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

    def can_survey(self, view: RequestView) -> bool:
        """The counter's survey prompt: after delivery, rejection or a return, while unanswered."""
        return (self.actor.role in workflow.COUNTER_ROLES and view.status in SURVEY_STATUSES
                and not view.survey_answered)  # fmt: skip

    def can_work(self) -> bool:
        return self.actor.role in workflow.COUNTER_ROLES

    def can_reassign(self) -> bool:
        return workflow.can_reassign(self.actor.role)
