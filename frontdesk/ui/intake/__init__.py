"""The intake page — the counter's hot path, by keyboard alone.

Personal number (validated as you type; earlier details offered, F4 accepts) → name → phone → priority
→ service (type to search, Enter) → documents (Space ticks, Ctrl+D all) → fee → note → Ctrl+N adds
another service of the same visit → Ctrl+Enter / Ctrl+S shows the visit's summary (services, documents,
total fee) → Enter saves the whole visit with ONE ``workflow.intake`` call and prints its receipt.
Check-letter mismatches and missing documents come back from the core as typed errors and become
questions the clerk answers; nothing is ever silently accepted.

The page is three parts (``citizen.py``, ``cart.py``, ``confirm.py``) and the save flow that joins them.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk.errors import CheckLetterMismatch, MissingDocuments
from frontdesk.localtime import date_text
from frontdesk.queries import RequestView
from frontdesk.workflow import CitizenInput

from ..a11y import plain, say, tie
from ..messages import Problem
from ..page import Page
from ..services import CounterService, PrintResult, ServiceChoice
from ..tasks import TaskRunner
from ..widgets import Question, data_label, message_label
from .cart import CartLine, ServiceForm, VisitCart
from .citizen import CitizenForm
from .confirm import VisitSummary, ask_check_letter, ask_missing_documents, missing_sentence

log = logging.getLogger(__name__)

__all__ = ["CartLine", "IntakePage"]


class IntakePage(Page):
    saved = Signal(list)  # receipt numbers of the visit
    print_finished = Signal(bool)  # True: printed; False: printer problem (request saved)

    def __init__(self, service: CounterService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_page")
        self.service = service
        self.tasks = tasks
        self.question: Question | None = None
        self.summary: VisitSummary | None = None
        self.last_receipts: list[str] = []
        self.busy = False
        self._build()
        self.retranslate()
        self.reset()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.citizen = CitizenForm(self.service)
        self.service_form = ServiceForm(self.service)
        self.visit = VisitCart(self.service)
        # the parts' fields, as the tests, the self-test and the screenshots know them
        c, f, v = self.citizen, self.service_form, self.visit
        self.nid, self.nid_state, self.name, self.phone, self.priority = c.nid, c.nid_state, c.name, c.phone, c.priority
        self.offer_label, self.offer_button = c.offer_label, c.offer_button
        self.email, self.consent = c.email, c.consent
        self.picker, self.documents, self.all_docs, self.fee, self.note = (
            f.picker,
            f.documents,
            f.all_docs,
            f.fee,
            f.note,
        )
        self.chosen_label = f.chosen_label
        self.visit_list, self.add_button, self.remove_button = v.visit_list, v.add_button, v.remove_button

        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear")
        self.message = message_label("intake_message")
        self.last_visit_title = QLabel()
        self.last_visit = data_label("last_visit", "receipt")
        self.last_visit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_visit_title.setBuddy(self.last_visit)

        left = QVBoxLayout()
        left.addWidget(self.citizen)
        left.addWidget(self.visit)
        left.addStretch(1)
        cols = QHBoxLayout()
        cols.addLayout(left, 1)
        cols.addWidget(self.service_form, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        last = QHBoxLayout()
        last.addWidget(self.last_visit_title)
        last.addWidget(self.last_visit, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(cols, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        lay.addLayout(last)

        # Tab follows the screen: the citizen, the service, the visit, then save and clear (and on out of
        # the page); Shift+Tab the same way back. The result list is driven from the search field.
        self._chain: list[QWidget] = [
            self.nid,
            self.offer_button,
            self.name,
            self.phone,
            self.email,
            self.consent,
            self.priority,
            self.picker.search,
            self.documents,
            self.all_docs,
            self.fee,
            self.note,
            self.service_form.about,
            self.visit_list,
            self.add_button,
            self.remove_button,
            self.save_button,
            self.clear_button,
        ]
        for a, b in itertools.pairwise(self._chain):
            QWidget.setTabOrder(a, b)  # Qt's chain agrees (a click then Tab, the window's own walk)
        self.first_focus = self.nid

        self.citizen.done.connect(self.picker.search.setFocus)
        self.note.returnPressed.connect(self.save)
        self.add_button.clicked.connect(self.add_another)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.reset)
        shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts: dict[str, QShortcut] = {}
        for seq, slot in (
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+S", self.save),
            ("F4", self.accept_offer),
            ("Ctrl+N", self.add_another),
            ("Ctrl+D", self.check_all_documents),
        ):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(shortcut)
            sc.activated.connect(slot)
            self.shortcuts[seq] = sc

    def tab_chain(self) -> list[QWidget]:
        return list(self._chain)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New request"))
        for seq, text in (  # listed by F1
            ("Ctrl+Return", self.tr("New request: show the visit's summary, then save and print")),
            ("Ctrl+S", self.tr("New request: show the visit's summary, then save and print")),
            ("F4", self.tr("New request: take the citizen's details from an earlier visit")),
            ("Ctrl+N", self.tr("New request: add another service to the visit")),
            ("Ctrl+D", self.tr("New request: tick all documents")),
        ):
            self.shortcuts[seq].setWhatsThis(text)
        self.citizen.retranslate()
        self.service_form.retranslate()
        self.visit.retranslate()
        self.save_button.setText(self.tr("&Save and print (Ctrl+Enter)"))
        self.save_button.setAccessibleName(plain(self.save_button.text()))
        self.clear_button.setText(self.tr("C&lear form"))
        self.clear_button.setAccessibleName(plain(self.clear_button.text()))
        self.last_visit_title.setText(self.tr("Last visit:"))
        self.last_visit.setAccessibleName(plain(self.last_visit_title.text()).rstrip(":"))

    # ------------------------------------------------------------------ the parts, for callers
    @property
    def current(self) -> ServiceChoice | None:
        return self.service_form.current

    @property
    def cart(self) -> list[CartLine]:
        return self.visit.lines

    @property
    def offer(self) -> object:
        return self.citizen.offer

    def accept_offer(self) -> None:
        self.citizen.accept_offer()

    def choose_service(self, choice: ServiceChoice) -> None:
        self.service_form.choose(choice)

    def check_all_documents(self) -> None:
        self.service_form.check_all()

    def checked_documents(self) -> list[str]:
        return self.service_form.checked_documents()

    def dirty(self) -> bool:
        """Something typed that is not saved yet (asked about before quitting or signing out)."""
        return bool(self.busy or not self.citizen.is_empty() or self.visit.lines or self.current is not None)

    # ------------------------------------------------------------------ visit
    def add_another(self) -> None:
        line = self.service_form.line()
        if line is None:
            self._say(self.tr("Choose a service first, then add another one."), "warning", self.picker.search)
            self.picker.search.setFocus()
            return
        self.visit.add(line)
        self.service_form.clear()
        self._say(self.tr("Service added. Choose the next service of this visit."), "ok", self.picker.search)
        self.picker.search.setFocus()

    def remove_item(self) -> None:
        self.visit.remove_current()

    def lines(self) -> list[CartLine]:
        lines = list(self.visit.lines)
        cur = self.service_form.line()
        if cur is not None:
            lines.append(cur)
        return lines

    # ------------------------------------------------------------------ save
    def _say(self, text: str, role: str = "", field: QWidget | None = None) -> None:
        tie(self.message, field if field is not None else self.save_button)
        say(self.message, text, role)

    def save(self) -> None:
        """Show the visit's summary; saving starts when the clerk confirms it."""
        if self.busy or (self.summary is not None and self.summary.isVisible()):
            return
        lines = self.lines()
        if not lines:
            self._say(self.tr("Choose at least one service."), "error", self.picker.search)
            self.picker.search.setFocus()
            return
        citizen = self.citizen.citizen_input()
        lang = self.service.settings.current.language
        self.summary = VisitSummary(self.window(), citizen, lines, lang)
        self.summary.confirmed.connect(lambda: self._submit(citizen, lines, self.priority.isChecked()))
        self.summary.rejected.connect(self._summary_closed)
        self.summary.open()
        self.summary.save.setFocus()

    def _summary_closed(self) -> None:
        self._say(self.tr("Not saved yet. Change what is needed, then save again."), "", self.save_button)
        self.window().activateWindow()
        self.save_button.setFocus()

    def _submit(self, citizen: CitizenInput, lines: list[CartLine], priority: bool) -> None:
        self.busy = True
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"), "", self.save_button)
        self.window().activateWindow()
        service = self.service
        items = [ln.item for ln in lines]
        self.tasks.run(
            "intake",
            lambda: service.intake(citizen, items, priority=priority),
            on_success=self._saved,
            on_failure=lambda p: self._failed(p, citizen, lines, priority),
        )

    def _failed(self, problem: Problem, citizen: CitizenInput, lines: list[CartLine], priority: bool) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        exc = problem.exc
        if isinstance(exc, CheckLetterMismatch):
            self._say(problem.message, "warning", self.nid)

            def answer(key: str) -> None:
                self.question = None
                if key == "keep":
                    citizen.accept_check_mismatch = True
                    self._submit(citizen, lines, priority)
                else:
                    self._say(self.tr("Correct the personal number, then save again."), "warning", self.nid)
                    self.nid.setFocus()
                    self.nid.selectAll()

            self.question = ask_check_letter(self, problem.message, answer)
            return
        if isinstance(exc, MissingDocuments):
            sentence = missing_sentence(self, exc, lines, self.service.settings.current.language)
            self._say(sentence, "warning", self.documents)

            def answer_docs(key: str) -> None:
                self.question = None
                if key == "cancel":
                    self._say(
                        self.tr("Not saved. Tick the documents received, then save again."), "warning", self.documents
                    )
                    self.documents.setFocus()
                    return
                for line in lines:
                    if line.item.service_code == exc.service_code or not exc.service_code:
                        line.item.return_for_completion = key == "return"
                        line.item.accept_missing = key == "accept"
                self._submit(citizen, lines, priority)

            self.question = ask_missing_documents(self, sentence, answer_docs)
            return
        field = getattr(exc, "field", None)
        target = self.citizen.field(field or "") or {
            "note": self.note,
            "service": self.picker.search,
            "documents": self.documents,
            "fee": self.fee,
            "complaint_about": self.service_form.about,
        }.get(field or "")
        self._say(problem.message, "error", target)
        if target is not None:
            target.setFocus()

    def _saved(self, views: list[RequestView]) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.last_receipts = [v.receipt_no for v in views]
        due = max(v.due_date for v in views)
        returned = [v.receipt_no for v in views if v.status == "returned"]
        summary = ", ".join(self.last_receipts)
        text = self.tr("{receipts} — promised by {date}").format(receipts=summary, date=date_text(due))
        if returned:
            text += " " + self.tr("(returned for completion: {nos})").format(nos=", ".join(returned))
        self.last_visit.setText(text)
        self.reset(keep_message=True)
        self._say(self.tr("Saved: {receipts}. Printing the receipt…").format(receipts=summary), "ok", self.nid)
        self.saved.emit(self.last_receipts)
        self.print_receipt(self.last_receipts[0])

    def print_receipt(self, receipt_no: str) -> None:
        service = self.service

        def ok(result: PrintResult) -> None:
            self._say(self.tr("Saved and printed: {no}.").format(no=result.receipt_no), "ok", self.nid)
            self.print_finished.emit(True)

        def failed(problem: Problem) -> None:
            self._say(
                problem.message + " " + self.tr("To reprint: F2, then receipt number {no}.").format(no=receipt_no),
                "warning",
                self.nid,
            )
            self.print_finished.emit(False)

        self.tasks.run("print-receipt", lambda: service.print_receipt(receipt_no), on_success=ok, on_failure=failed)

    def reset(self, keep_message: bool = False) -> None:
        self.citizen.reset()
        self.visit.clear()
        self.service_form.clear()
        if not keep_message:
            self._say("")
        self.nid.setFocus()
