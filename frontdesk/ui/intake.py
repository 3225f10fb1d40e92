"""The intake page — the counter's hot path, by keyboard alone.

Personal number (validated as you type; earlier details offered, F4 accepts) → name → phone → priority
→ service (type to search, Enter) → documents (Space ticks, Ctrl+D all) → fee → note → Ctrl+N adds
another service of the same visit → Ctrl+Enter / Ctrl+S saves the whole visit with ONE
``workflow.intake`` call and prints its receipt. Check-letter mismatches and missing documents come back
from the core as typed errors and become questions the clerk answers; nothing is ever silently accepted.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk import identity
from frontdesk.errors import CheckLetterMismatch, MissingDocuments
from frontdesk.identity import CitizenPrefill
from frontdesk.queries import RequestView
from frontdesk.workflow import CitizenInput, IntakeItem

from .messages import Problem, qt_translate
from .service_picker import ServicePicker
from .services import CounterService, PrintResult, ServiceChoice
from .tasks import TaskRunner
from .widgets import Question, data_label, message_label, set_role

log = logging.getLogger(__name__)
ROLE_CODE = Qt.ItemDataRole.UserRole
_STATE_ROLE = {"ok": "ok", "warning": "warning", "invalid": "error", "incomplete": "", "empty": ""}


class IntakePage(QWidget):
    saved = Signal(list)  # receipt numbers of the visit
    print_finished = Signal(bool)  # True: printed; False: printer problem (request saved)

    def __init__(self, service: CounterService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_page")
        self.service = service
        self.tasks = tasks
        self.question: Question | None = None
        self.current: ServiceChoice | None = None
        self.cart: list[tuple[IntakeItem, ServiceChoice]] = []
        self.last_receipts: list[str] = []
        self.offer: CitizenPrefill | None = None
        self.busy = False
        self._build()
        self.retranslate()
        self.reset()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")

        # citizen
        self.nid = QLineEdit()
        self.nid.setObjectName("nid")
        self.nid.setMaxLength(14)
        self.nid_state = message_label("nid_state")
        self.offer_label = data_label("prefill_offer")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("prefill_accept")
        self.name = QLineEdit()
        self.name.setObjectName("citizen_name")
        self.phone = QLineEdit()
        self.phone.setObjectName("citizen_phone")
        self.priority = QCheckBox()
        self.priority.setObjectName("priority")
        self.citizen_box = QGroupBox()
        self.nid_label, self.name_label, self.phone_label = QLabel(), QLabel(), QLabel()
        self.nid_label.setBuddy(self.nid)
        self.name_label.setBuddy(self.name)
        self.phone_label.setBuddy(self.phone)
        cf = QFormLayout(self.citizen_box)
        cf.addRow(self.nid_label, self.nid)
        cf.addRow("", self.nid_state)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_button)
        cf.addRow(offer_row)
        cf.addRow(self.name_label, self.name)
        cf.addRow(self.phone_label, self.phone)
        cf.addRow("", self.priority)

        # service
        self.picker = ServicePicker(self.service)
        self.service_label = QLabel()
        self.service_label.setBuddy(self.picker.search)
        self.chosen_label = data_label("chosen_service")
        self.documents = QListWidget()
        self.documents.setObjectName("documents")
        self.documents_label = QLabel()
        self.documents_label.setBuddy(self.documents)
        self.all_docs = QPushButton()
        self.all_docs.setObjectName("all_documents")
        self.fee = QSpinBox()
        self.fee.setObjectName("fee")
        self.fee.setRange(0, 10_000_000)
        self.fee.setSingleStep(100)
        self.fee_label = QLabel()
        self.fee_label.setBuddy(self.fee)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note)
        self.service_box = QGroupBox()
        sf = QFormLayout(self.service_box)
        sf.addRow(self.service_label, self.picker)
        sf.addRow("", self.chosen_label)
        docs_col = QVBoxLayout()
        docs_col.addWidget(self.documents)
        docs_col.addWidget(self.all_docs, 0, Qt.AlignmentFlag.AlignLeft)
        sf.addRow(self.documents_label, docs_col)
        sf.addRow(self.fee_label, self.fee)
        sf.addRow(self.note_label, self.note)

        # visit
        self.visit_box = QGroupBox()
        self.visit_list = QListWidget()
        self.visit_list.setObjectName("visit_items")
        self.visit_list.setMaximumHeight(110)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_service")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_service")
        vb = QVBoxLayout(self.visit_box)
        vb.addWidget(self.visit_list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        vb.addLayout(row)

        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.setDefault(False)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear")
        self.message = message_label("intake_message")
        self.last_visit_title = QLabel()
        self.last_visit = data_label("last_visit", "receipt")
        self.last_visit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(self.citizen_box)
        left.addWidget(self.visit_box)
        left.addStretch(1)
        cols = QHBoxLayout()
        cols.addLayout(left, 1)
        cols.addWidget(self.service_box, 1)
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

        for a, b in (
            (self.nid, self.offer_button),
            (self.offer_button, self.name),
            (self.name, self.phone),
            (self.phone, self.priority),
            (self.priority, self.picker.search),
            (self.picker.search, self.documents),
            (self.documents, self.all_docs),
            (self.all_docs, self.fee),
            (self.fee, self.note),
            (self.note, self.add_button),
            (self.add_button, self.save_button),
        ):
            QWidget.setTabOrder(a, b)

        self.nid.textChanged.connect(self._nid_changed)
        self.nid.returnPressed.connect(self.name.setFocus)
        self.name.returnPressed.connect(self.phone.setFocus)
        self.phone.returnPressed.connect(self.picker.search.setFocus)
        self.note.returnPressed.connect(self.save)
        self.offer_button.clicked.connect(self.accept_offer)
        self.picker.chosen.connect(self.choose_service)
        self.all_docs.clicked.connect(self.check_all_documents)
        self.add_button.clicked.connect(self.add_another)
        self.remove_button.clicked.connect(self.remove_item)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.reset)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for seq, slot in (
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+S", self.save),
            ("F4", self.accept_offer),
            ("Ctrl+N", self.add_another),
            ("Ctrl+D", self.check_all_documents),
        ):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(ctx)
            sc.activated.connect(slot)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New request"))
        self.citizen_box.setTitle(self.tr("Citizen"))
        self.nid_label.setText(self.tr("&Personal number:"))
        self.nid.setAccessibleName(self.tr("Personal number"))
        self.nid.setPlaceholderText(self.tr("e.g. J00101999W"))
        self.offer_button.setText(self.tr("&Use these details (F4)"))
        self.offer_button.setAccessibleName(self.tr("Use the details from an earlier visit"))
        self.name_label.setText(self.tr("Full &name:"))
        self.name.setAccessibleName(self.tr("Full name"))
        self.phone_label.setText(self.tr("P&hone:"))
        self.phone.setAccessibleName(self.tr("Phone"))
        self.priority.setText(self.tr("P&riority (elderly or disabled citizen)"))
        self.priority.setAccessibleName(self.tr("Priority"))
        self.service_box.setTitle(self.tr("Service"))
        self.service_label.setText(self.tr("Servi&ce:"))
        self.documents_label.setText(self.tr("&Documents received:"))
        self.documents.setAccessibleName(self.tr("Documents received"))
        self.documents.setToolTip(self.tr("Space ticks the highlighted document; * marks required ones"))
        self.all_docs.setText(self.tr("Tick &all (Ctrl+D)"))
        self.fee_label.setText(self.tr("F&ee paid:"))
        self.fee.setAccessibleName(self.tr("Fee paid"))
        self.fee.setSuffix(self.tr(" lekë"))
        self.note_label.setText(self.tr("N&ote:"))
        self.note.setAccessibleName(self.tr("Note"))
        self.visit_box.setTitle(self.tr("Services in this visit"))
        self.visit_list.setAccessibleName(self.tr("Services in this visit"))
        self.add_button.setText(self.tr("Add ano&ther service (Ctrl+N)"))
        self.remove_button.setText(self.tr("Re&move service"))
        self.save_button.setText(self.tr("&Save and print (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("C&lear form"))
        self.last_visit_title.setText(self.tr("Last visit:"))
        self._nid_changed(self.nid.text())
        self._show_service()
        self._show_offer()
        self._show_cart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ citizen
    def _nid_changed(self, text: str) -> None:
        state, msg = identity.validate_as_you_type(text, translate=qt_translate)
        if state == "ok":
            msg = self.tr("Personal number is valid.")
        elif state == "warning":
            msg = (msg or "") + " " + self.tr("You will be asked to confirm when saving.")
        self.nid_state.setText(msg or "")
        set_role(self.nid_state, _STATE_ROLE.get(state, ""))
        offer = None
        if state in ("ok", "warning"):
            offer = self.service.prefill(text)
        self.offer = offer
        self._show_offer()

    def _show_offer(self) -> None:
        o = self.offer
        if o is None or (o.full_name == self.name.text().strip() and (o.phone or "") == self.phone.text().strip()):
            self.offer_label.setText("")
            self.offer_label.hide()
            self.offer_button.hide()
            return
        details = o.full_name + (f", {o.phone}" if o.phone else "")
        self.offer_label.setText(self.tr("Known from an earlier visit: {details}").format(details=details))
        self.offer_label.show()
        self.offer_button.show()

    def accept_offer(self) -> None:
        if self.offer is None:
            return
        self.name.setText(self.offer.full_name)
        self.phone.setText(self.offer.phone or "")
        self._show_offer()
        self.picker.search.setFocus()

    # ------------------------------------------------------------------ service
    def choose_service(self, choice: ServiceChoice) -> None:
        self.current = choice
        lang = self.service.settings.current.language
        self.documents.clear()
        for d in choice.documents:
            text = d.name(lang) + (" *" if d.required else "")
            item = QListWidgetItem(text)
            item.setData(ROLE_CODE, d.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if d.required:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.documents.addItem(item)
        if self.documents.count():
            self.documents.setCurrentRow(0)
        self.fee.setValue(choice.fee)
        self._show_service()
        (self.documents if self.documents.count() else self.fee).setFocus()

    def _show_service(self) -> None:
        c = self.current
        if c is None:
            self.chosen_label.setText(self.tr("No service chosen yet."))
            return
        lang = self.service.settings.current.language
        self.chosen_label.setText(
            self.tr("{code} — {name}. Fee {fee} lekë; standard {days} working days.").format(
                code=c.code, name=c.name(lang), fee=c.fee, days=c.standard_days
            )
        )

    def check_all_documents(self) -> None:
        for i in range(self.documents.count()):
            self.documents.item(i).setCheckState(Qt.CheckState.Checked)

    def checked_documents(self) -> list[str]:
        out = []
        for i in range(self.documents.count()):
            it = self.documents.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(str(it.data(ROLE_CODE)))
        return out

    def _current_item(self) -> IntakeItem | None:
        if self.current is None:
            return None
        return IntakeItem(
            service_code=self.current.code,
            documents=self.checked_documents(),
            fee_paid=self.fee.value(),
            note=self.note.text().strip() or None,
        )

    def _clear_service(self) -> None:
        self.current = None
        self.documents.clear()
        self.fee.setValue(0)
        self.note.clear()
        self.picker.search.clear()
        self._show_service()

    def add_another(self) -> None:
        item = self._current_item()
        if item is None:
            self._say(self.tr("Choose a service first, then add another one."), "warning")
            self.picker.search.setFocus()
            return
        assert self.current is not None
        self.cart.append((item, self.current))
        self._clear_service()
        self._show_cart()
        self._say(self.tr("Service added. Choose the next service of this visit."), "ok")
        self.picker.search.setFocus()

    def remove_item(self) -> None:
        row = self.visit_list.currentRow()
        if 0 <= row < len(self.cart):
            del self.cart[row]
            self._show_cart()

    def _show_cart(self) -> None:
        lang = self.service.settings.current.language
        self.visit_list.clear()
        for item, choice in self.cart:
            self.visit_list.addItem(
                self.tr("{code} — {name} ({n} documents)").format(
                    code=choice.code, name=choice.name(lang), n=len(item.documents)
                )
            )
        self.remove_button.setEnabled(bool(self.cart))

    # ------------------------------------------------------------------ save
    def _say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def save(self) -> None:
        if self.busy:
            return
        items = [i for i, _ in self.cart]
        cur = self._current_item()
        if cur is not None:
            items.append(cur)
        if not items:
            self._say(self.tr("Choose at least one service."), "error")
            self.picker.search.setFocus()
            return
        citizen = CitizenInput(nid=self.nid.text(), full_name=self.name.text(), phone=self.phone.text() or None)
        self._submit(citizen, items, self.priority.isChecked())

    def _submit(self, citizen: CitizenInput, items: list[IntakeItem], priority: bool) -> None:
        self.busy = True
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        service = self.service
        self.tasks.run(
            "intake",
            lambda: service.intake(citizen, items, priority=priority),
            on_success=self._saved,
            on_failure=lambda p: self._failed(p, citizen, items, priority),
        )

    def _failed(self, problem: Problem, citizen: CitizenInput, items: list[IntakeItem], priority: bool) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        exc = problem.exc
        if isinstance(exc, CheckLetterMismatch):
            self._say(problem.message, "warning")

            def answer(key: str) -> None:
                self.question = None
                if key == "keep":
                    citizen.accept_check_mismatch = True
                    self._submit(citizen, items, priority)
                else:
                    self._say(self.tr("Correct the personal number, then save again."), "warning")
                    self.nid.setFocus()
                    self.nid.selectAll()

            self.question = Question(
                self,
                self.tr("Check letter does not match"),
                problem.message,
                [
                    ("correct", self.tr("&Correct the number"), QMessageBox.ButtonRole.RejectRole),
                    ("keep", self.tr("&Keep it as typed"), QMessageBox.ButtonRole.AcceptRole),
                ],
                answer,
                escape_key="correct",
            )
            self.question.open()
            return
        if isinstance(exc, MissingDocuments):
            self._say(problem.message, "warning")

            def answer_docs(key: str) -> None:
                self.question = None
                if key == "cancel":
                    self._say(self.tr("Not saved. Tick the documents received, then save again."), "warning")
                    self.documents.setFocus()
                    return
                for item in items:
                    if item.service_code == exc.service_code or not exc.service_code:
                        item.return_for_completion = key == "return"
                        item.accept_missing = key == "accept"
                self._submit(citizen, items, priority)

            text = (
                problem.message
                + "\n\n"
                + self.tr("Return the request to the citizen for completion, or accept it anyway?")
            )
            self.question = Question(
                self,
                self.tr("Documents missing"),
                text,
                [
                    ("return", self.tr("&Return for completion"), QMessageBox.ButtonRole.AcceptRole),
                    ("accept", self.tr("&Accept anyway"), QMessageBox.ButtonRole.AcceptRole),
                    ("cancel", self.tr("Go &back"), QMessageBox.ButtonRole.RejectRole),
                ],
                answer_docs,
                escape_key="cancel",
            )
            self.question.open()
            return
        self._say(problem.message, "error")
        field = getattr(exc, "field", None)
        target = {
            "nid": self.nid,
            "name": self.name,
            "phone": self.phone,
            "note": self.note,
            "service": self.picker.search,
            "documents": self.documents,
            "fee": self.fee,
        }.get(field or "")
        if target is not None:
            target.setFocus()

    def _saved(self, views: list[RequestView]) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.last_receipts = [v.receipt_no for v in views]
        due = max(v.due_date for v in views)
        returned = [v.receipt_no for v in views if v.status == "returned"]
        summary = ", ".join(self.last_receipts)
        text = self.tr("{receipts} — promised by {date}").format(receipts=summary, date=due.strftime("%d.%m.%Y"))
        if returned:
            text += " " + self.tr("(returned for completion: {nos})").format(nos=", ".join(returned))
        self.last_visit.setText(text)
        self._say(self.tr("Saved. Printing the receipt…"), "ok")
        self.saved.emit(self.last_receipts)
        self.reset(keep_message=True)
        self.print_receipt(self.last_receipts[0])

    def print_receipt(self, receipt_no: str) -> None:
        service = self.service

        def ok(result: PrintResult) -> None:
            self._say(self.tr("Saved and printed: {no}.").format(no=result.receipt_no), "ok")
            self.print_finished.emit(True)

        def failed(problem: Problem) -> None:
            self._say(
                problem.message + " " + self.tr("To reprint: F2, then receipt number {no}.").format(no=receipt_no),
                "warning",
            )
            self.print_finished.emit(False)

        self.tasks.run("print-receipt", lambda: service.print_receipt(receipt_no), on_success=ok, on_failure=failed)

    def reset(self, keep_message: bool = False) -> None:
        self.nid.clear()
        self.name.clear()
        self.phone.clear()
        self.priority.setChecked(False)
        self.cart = []
        self._show_cart()
        self._clear_service()
        self.offer = None
        self._show_offer()
        if not keep_message:
            self._say("")
        self.nid.setFocus()
