"""Request detail: every field, the full history timeline, and the actions this user's role allows now.

Buttons come from ``workflow.allowed_actions(role, status)`` (hidden when not allowed); the core refuses
the same actions anyway. Final decisions ask first: reject and cancel take a reason and a confirmation
(``dialogs.ReasonDialog``); a clerk may void their own intake of today with a reason, and the void slip
prints; delivery asks who collects the result and the citizen's 1–5 rating (skippable). After delivery,
rejection or a return for completion, "Citizen's survey" opens the customer-facing prompt the
citizen answers themselves (``survey.SurveyDialog``), once per request; after a delivery it is offered.

For a screen reader: opening a request puts the keyboard on its heading; every value is a focusable,
selectable label linked to its caption (``labelled-by``), in screen order; results of actions are
announced. Times are local (Europe/Tirane); people are shown by name, documents and services by name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.limits import SURVEY_STATUSES
from frontdesk.localtime import date_text, datetime_text
from frontdesk.queries import EventView, RequestView
from frontdesk.workflow import status_label

from .a11y import plain, say, tie
from .dialogs import Delivery, DeliveryDialog, ReasonDialog
from .messages import Problem
from .page import Page
from .services import CounterService, PrintResult
from .survey import SurveyAnswer, SurveyDialog
from .tasks import TaskRunner
from .widgets import Question, data_label, message_label
from .worklist import sla_text

FIELDS = (
    "receipt_no",
    "status",
    "service",
    "citizen",
    "nid",
    "phone",
    "email",
    "notify",
    "documents",
    "missing",
    "fee",
    "priority",
    "due",
    "sla",
    "assignee",
    "created",
    "rating",
    "survey",
    "note",
    "about",
    "printed",
)
DECISIONS = ("rejected", "cancelled")  # final: asked with a reason


def _status(s: str | None) -> str:
    return QCoreApplication.translate("status", status_label(s)) if s else "—"


class RequestDetailPage(Page):
    changed = Signal(str)  # receipt number whose state changed
    action_finished = Signal(bool)

    def __init__(self, service: CounterService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_page")
        self.service = service
        self.tasks = tasks
        self.view: RequestView | None = None
        self.question: Question | None = None
        self.dialog: ReasonDialog | DeliveryDialog | SurveyDialog | None = None
        self.heading = QLabel()
        self.heading.setObjectName("detail_heading")
        self.heading.setProperty("role", "heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags (they set ClickFocus)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.form = form
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            cap = QLabel()
            val = data_label(f"value_{key}")
            val.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            val.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by Tab, read with its caption
            cap.setBuddy(val)  # labelled-by
            self.captions[key], self.values[key] = cap, val
            form.addRow(cap, val)
        self.values["receipt_no"].setProperty("role", "receipt")
        self.values["receipt_no"].setWordWrap(False)  # a receipt number is never broken at its hyphens

        self.actions_box = QGroupBox()
        actions = QVBoxLayout(self.actions_box)
        self.status_grid = QGridLayout()  # status changes, three to a row: they fit a narrow screen
        self.actions_row = QHBoxLayout()
        actions.addLayout(self.status_grid)
        actions.addLayout(self.actions_row)
        self.status_buttons: dict[str, QPushButton] = {}
        self.deliver_button = QPushButton()
        self.deliver_button.setObjectName("deliver")
        self.void_button = QPushButton()
        self.void_button.setObjectName("void")
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview")
        self.survey_button = QPushButton()
        self.survey_button.setObjectName("citizen_survey")
        for b in (self.deliver_button, self.survey_button, self.void_button, self.reprint_button,
                  self.preview_button):  # fmt: skip
            self.actions_row.addWidget(b)
        self.actions_row.addStretch(1)
        self.survey_button.clicked.connect(self.ask_survey)
        self.deliver_button.clicked.connect(self.ask_delivery)
        self.void_button.clicked.connect(self.ask_void)
        self.reprint_button.clicked.connect(self.reprint)
        self.preview_button.clicked.connect(self.preview)
        self.preview_dialog: QWidget | None = None

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("new_note")
        self.note_button = QPushButton()
        self.note_button.setObjectName("add_note")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.note_row = QWidget()
        nr = QHBoxLayout(self.note_row)
        nr.setContentsMargins(0, 0, 0, 0)
        nr.addWidget(self.note_label)
        nr.addWidget(self.note_edit, 1)
        nr.addWidget(self.note_button)
        self.note_edit.returnPressed.connect(self.add_note)
        self.note_button.clicked.connect(self.add_note)

        self.reassign_to = QComboBox()
        self.reassign_to.setObjectName("reassign_to")
        self.reassign_reason = QLineEdit()
        self.reassign_reason.setObjectName("reassign_reason")
        self.reassign_button = QPushButton()
        self.reassign_button.setObjectName("reassign")
        self.reassign_label = QLabel()
        self.reassign_label.setBuddy(self.reassign_to)
        self.reassign_reason_label = QLabel()
        self.reassign_reason_label.setBuddy(self.reassign_reason)
        self.reassign_row = QWidget()
        rr = QFormLayout(self.reassign_row)
        rr.setContentsMargins(0, 0, 0, 0)
        rr.addRow(self.reassign_label, self.reassign_to)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reassign_reason, 1)
        reason_row.addWidget(self.reassign_button)
        rr.addRow(self.reassign_reason_label, reason_row)
        self.reassign_button.clicked.connect(self.reassign)
        self.reassign_reason.returnPressed.connect(self.reassign)

        self.message = message_label("detail_message")
        self.history_box = QGroupBox()
        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(4)
        self.history.setMinimumHeight(120)
        self.history.setWordWrap(True)
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        QVBoxLayout(self.history_box).addWidget(self.history)

        left = QVBoxLayout()
        left.addWidget(self.box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.actions_box)
        right.addWidget(self.note_row)
        right.addWidget(self.reassign_row)
        right.addWidget(self.message)
        right.addWidget(self.history_box, 1)
        cols = QHBoxLayout()
        cols.addLayout(left, 2)
        cols.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.empty)
        lay.addLayout(cols, 1)
        self.first_focus = self.heading
        self.retranslate()
        self.show_view(None)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.empty.setText(self.tr("Scan a receipt (F2) or open a request from the worklist."))
        self.box.setTitle(self.tr("Details"))
        caps = {
            "receipt_no": self.tr("Receipt no.:"),
            "status": self.tr("Status:"),
            "service": self.tr("Service:"),
            "citizen": self.tr("Citizen:"),
            "nid": self.tr("Personal number:"),
            "phone": self.tr("Phone:"),
            "documents": self.tr("Documents received:"),
            "missing": self.tr("Documents missing:"),
            "fee": self.tr("Fee paid:"),
            "priority": self.tr("Priority:"),
            "due": self.tr("Promised date:"),
            "sla": self.tr("Service standard:"),
            "assignee": self.tr("Assigned to:"),
            "created": self.tr("Received:"),
            "rating": self.tr("Satisfaction:"),
            "email": self.tr("E-mail:"),
            "notify": self.tr("Messages:"),
            "survey": self.tr("Citizen's survey:"),
            "about": self.tr("Complaint about:"),
            "note": self.tr("Note:"),
            "printed": self.tr("Receipt prints:"),
        }
        for k, text in caps.items():
            self.captions[k].setText(text)
            self.values[k].setAccessibleName(text.rstrip(":"))  # the caption names the value
        self.actions_box.setTitle(self.tr("Actions"))
        self.deliver_button.setText(self.tr("&Deliver to citizen…"))
        self.void_button.setText(self.tr("Void this in&take…"))
        self.reprint_button.setText(self.tr("Re&print receipt"))
        self.preview_button.setText(self.tr("Previe&w receipt"))
        self.survey_button.setText(self.tr("&Citizen's survey…"))
        self.survey_button.setToolTip(self.tr("Turn the screen to the citizen: their own answers, once per request"))
        for b in (self.deliver_button, self.survey_button, self.void_button, self.reprint_button,
                  self.preview_button):  # fmt: skip
            b.setAccessibleName(plain(b.text()))
        self.note_label.setText(self.tr("Add n&ote:"))
        self.note_edit.setAccessibleName(plain(self.note_label.text()).rstrip(":"))
        self.note_button.setText(self.tr("Add note"))
        self.note_button.setAccessibleName(self.note_button.text())
        self.reassign_label.setText(self.tr("Reass&ign to:"))
        self.reassign_to.setAccessibleName(plain(self.reassign_label.text()).rstrip(":"))
        self.reassign_reason_label.setText(self.tr("Rea&son:"))
        self.reassign_reason.setAccessibleName(self.tr("Reason for the reassignment"))
        self.reassign_button.setText(self.tr("Reassign"))
        self.reassign_button.setAccessibleName(self.reassign_button.text())
        self.history_box.setTitle(self.tr("History"))
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Workstation"), self.tr("What")])
        self.history.setAccessibleName(self.tr("History"))
        self.show_view(self.view)

    # ------------------------------------------------------------------ showing
    def load(self, receipt_no: str) -> RequestView:
        """Read and show a request (fast read on the UI thread); raises the core's errors."""
        view = self.service.get_request(receipt_no)
        self.show_view(view)
        self._say("")
        return view

    def show_view(self, v: RequestView | None) -> None:
        self.view = v
        self.empty.setVisible(v is None)
        for w in (self.box, self.actions_box, self.history_box, self.note_row):
            w.setVisible(v is not None)
        self.reassign_row.setVisible(v is not None and self.service.can_reassign())
        if v is None:
            self.heading.setText(self.tr("Request"))
            self.heading.setAccessibleName(self.heading.text())
            return
        lang = self.service.settings.current.language
        name = v.service_name_en if lang == "en" else v.service_name_sq
        names = self.service.user_names()
        docs = self.service.document_names(v.service_code)
        yes, no = self.tr("yes"), self.tr("no")
        self.heading.setText(self.tr("Request {no} — {status}").format(no=v.receipt_no, status=_status(v.status)))
        self.heading.setAccessibleName(self.heading.text())
        creator = names.get(v.created_by, v.created_by)
        vals = {
            "receipt_no": v.receipt_no,
            "status": _status(v.status),
            "service": f"{name} ({v.service_code})",
            "citizen": v.citizen_name,
            "nid": v.citizen_nid,
            "phone": v.citizen_phone or "—",
            "documents": ", ".join(docs.get(c, c) for c in v.documents) or "—",
            "missing": ", ".join(docs.get(c, c) for c in v.documents_missing) or "—",
            "fee": self.tr("{fee} lekë").format(fee=v.fee_paid),
            "priority": yes if v.priority else no,
            "due": date_text(v.due_date),
            "sla": sla_text(v.sla),
            "assignee": v.assignee_name or (names.get(v.assignee, v.assignee) if v.assignee else "—"),
            "created": f"{datetime_text(v.created_at)} · {creator} · {v.workstation_code}",
            "rating": self.tr("{n} of 5").format(n=v.rating) if v.rating else "—",
            "note": v.note or "—",
            "printed": str(v.print_count),
            "email": v.contact_email or "—",
            "notify": self.tr("yes: told when it is ready or returned") if v.notify_consent else no,
            "survey": self.tr("answered") if v.survey_answered else "—",
            "about": v.complaint_about or "—",
        }
        for k, text in vals.items():
            self.values[k].setText(text)
        # the citizens' rows only when they say something (the page fits a counter's screen)
        for k, shown in (("email", bool(v.contact_email)), ("about", bool(v.complaint_about)),
                         ("survey", v.status in SURVEY_STATUSES)):  # fmt: skip
            self.form.setRowVisible(self.values[k], shown)
        self._actions(v)
        self._history(v.history)

    def _actions(self, v: RequestView) -> None:
        for btn in self.status_buttons.values():
            self.status_grid.removeWidget(btn)
            btn.hide()
            btn.deleteLater()
        self.status_buttons = {}
        for i, target in enumerate(self.service.allowed_actions(v.status)):
            label = _status(target)
            text = self.tr("→ {status}…") if target in DECISIONS else self.tr("→ {status}")
            btn = QPushButton(text.format(status=label))
            btn.setObjectName(f"to_{target}")
            btn.setAccessibleName(self.tr("Change status to {status}").format(status=label))
            btn.clicked.connect(lambda _=False, t=target: self.advance(t))
            self.status_grid.addWidget(btn, i // 3, i % 3)
            self.status_buttons[target] = btn
        work = self.service.can_work()
        self.deliver_button.setVisible(self.service.can_deliver(v.status))
        self.survey_button.setVisible(self.service.can_survey(v))
        self.void_button.setVisible(self.service.can_void(v))
        self.reprint_button.setVisible(work)
        self.preview_button.setVisible(work)
        self.note_row.setVisible(work)
        if self.service.can_reassign():
            current = self.reassign_to.currentData()
            self.reassign_to.clear()
            for u in self.service.counter_users():
                self.reassign_to.addItem(u.full_name, u.username)
            self.reassign_to.setCurrentIndex(max(0, self.reassign_to.findData(current)))

    def tab_chain(self) -> list[QWidget]:
        """Heading, the values, the actions in their order, the note, the reassignment, the history."""
        chain: list[QWidget] = [self.heading, *(self.values[k] for k in FIELDS)]
        chain += list(self.status_buttons.values())
        chain += [self.deliver_button, self.survey_button, self.void_button, self.reprint_button, self.preview_button]
        chain += [self.note_edit, self.note_button, self.reassign_to, self.reassign_reason, self.reassign_button]
        chain.append(self.history)
        return chain

    def _describe(self, e: EventView) -> str:
        d = e.data or {}
        names = self.service.user_names()
        if e.kind == "intake":
            text = self.tr("Received at the counter ({status})").format(status=_status(e.to_status))
        elif e.kind == "status":
            text = self.tr("Status: {old} → {new}").format(old=_status(e.from_status), new=_status(e.to_status))
        elif e.kind == "void":
            text = self.tr("Intake voided: {reason}").format(reason=d.get("reason") or "—")
        elif e.kind == "deliver":
            rating = d.get("rating")
            text = (
                self.tr("Delivered; satisfaction {n} of 5").format(n=rating)
                if rating
                else self.tr("Delivered; no rating given")
            )
            if d.get("collected_by") == "authorised":
                text += " — " + self.tr("collected by an authorised person: {name}, document {id}").format(
                    name=d.get("collector_name") or "—", id=d.get("collector_id") or "—"
                )
        elif e.kind == "assign":
            old, new = d.get("from"), d.get("to")
            text = self.tr("Reassigned from {old} to {new}: {reason}").format(
                old=names.get(old, old) if old else "—",
                new=names.get(new, new) if new else "—",
                reason=d.get("reason") or "",
            )
        elif e.kind == "note":
            text = self.tr("Note: {text}").format(text=d.get("text", ""))
        elif e.kind == "survey":
            where = self.tr("at the counter") if d.get("channel") == "counter" else self.tr("online")
            text = self.tr("Citizen's survey ({where}): {n} of 5").format(where=where, n=d.get("overall", "—"))
        elif e.kind == "print":
            copy = int(d.get("copy", 0) or 0)
            text = self.tr("Receipt printed") if copy == 0 else self.tr("Receipt reprinted (copy {n})").format(n=copy)
        else:
            text = e.kind
        reason = d.get("reason") if e.kind == "status" else None
        if reason:
            text += " — " + self.tr("reason: {reason}").format(reason=reason)
        if e.kind == "status" and d.get("note"):
            text += " — " + str(d["note"])
        return text

    def _history(self, events: list[EventView]) -> None:
        self.history.clear()
        names = self.service.user_names()
        for e in events:
            QTreeWidgetItem(
                self.history,
                [
                    datetime_text(e.device_time),
                    names.get(e.actor_username, e.actor_username),
                    e.workstation_code,
                    self._describe(e),
                ],
            )

    # ------------------------------------------------------------------ actions
    def _say(self, text: str, role: str = "") -> None:
        tie(self.message, self.heading)
        say(self.message, text, role)

    def _run(self, name: str, fn: object, done_text: str, after: object = None) -> None:
        assert self.view is not None
        no = self.view.receipt_no

        def ok(_result: object) -> None:
            self.load(no)
            self._say(done_text, "ok")
            self.changed.emit(no)
            self.action_finished.emit(True)
            if callable(after):
                after()

        def failed(problem: Problem) -> None:
            self._say(problem.message, "error")
            self.action_finished.emit(False)

        self.tasks.run(name, fn, on_success=ok, on_failure=failed)  # type: ignore[arg-type]

    def advance(self, target: str) -> None:
        if self.view is None:
            return
        if target in DECISIONS:
            self.ask_decision(target)
            return
        no, service = self.view.receipt_no, self.service
        self._run(
            "advance",
            lambda: service.advance(no, target),
            self.tr("Status changed to {status}.").format(status=_status(target)),
        )

    def ask_decision(self, target: str) -> ReasonDialog | None:
        """Reject or cancel: what it means, a reason, a confirmation."""
        if self.view is None:
            return None
        no, service = self.view.receipt_no, self.service
        if target == "rejected":
            title = self.tr("Reject request {no}").format(no=no)
            text = self.tr(
                "The request will be rejected: the citizen gets no result and the decision cannot be undone. "
                "Write the reason, as the citizen will be told."
            )
            confirm = self.tr("&Reject the request")
        else:
            title = self.tr("Cancel request {no}").format(no=no)
            text = self.tr(
                "The request will be cancelled and leaves every queue; this cannot be undone. Write the reason."
            )
            confirm = self.tr("&Cancel the request")
        dlg = ReasonDialog(self.window(), name=f"decide_{target}", title=title, text=text, confirm=confirm)

        def decided(reason: str) -> None:
            self.dialog = None
            self._run(
                "advance",
                lambda: service.advance(no, target, reason=reason),
                self.tr("Status changed to {status}.").format(status=_status(target)),
            )

        dlg.decided.connect(decided)
        dlg.rejected.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
        return dlg

    def ask_void(self) -> ReasonDialog | None:
        """Void this clerk's own intake of today (saved by mistake): a reason, then the void slip."""
        if self.view is None:
            return None
        no, service = self.view.receipt_no, self.service
        dlg = ReasonDialog(
            self.window(),
            name="void_intake",
            title=self.tr("Void intake {no}").format(no=no),
            text=self.tr(
                "The intake will be voided: the request is cancelled, the fee is returned to the citizen and a "
                "void slip is printed. The receipt number is never used again. Write the reason."
            ),
            confirm=self.tr("&Void the intake"),
        )

        def decided(reason: str) -> None:
            self.dialog = None
            self._run(
                "void",
                lambda: service.void_intake(no, reason),
                self.tr("Intake {no} voided. Printing the void slip…").format(no=no),
                after=lambda: self.print_void_slip(no),
            )

        dlg.decided.connect(decided)
        dlg.rejected.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
        return dlg

    def print_void_slip(self, receipt_no: str) -> None:
        service = self.service

        def ok(_printer: str) -> None:
            self._say(self.tr("Intake {no} voided; the void slip is printed.").format(no=receipt_no), "ok")

        def failed(problem: Problem) -> None:
            self._say(
                self.tr("Intake {no} voided.").format(no=receipt_no) + " " + problem.message,
                "warning",
            )

        self.tasks.run(
            "print-void-slip",
            lambda: service.print_pdf(service.render_void_slip(receipt_no), f"void slip {receipt_no}"),
            on_success=ok,
            on_failure=failed,
        )

    def ask_delivery(self) -> DeliveryDialog | None:
        if self.view is None:
            return None
        dlg = DeliveryDialog(self.window(), self.view.citizen_name)

        def decided(d: Delivery) -> None:
            self.dialog = None
            self.deliver(d)

        dlg.decided.connect(decided)
        dlg.rejected.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
        return dlg

    def deliver(self, d: Delivery | int | None) -> None:
        if self.view is None:
            return
        if not isinstance(d, Delivery):
            d = Delivery(d, "citizen")
        no, service = self.view.receipt_no, self.service
        self._run(
            "deliver",
            lambda: service.deliver(
                no,
                d.rating,
                collected_by=d.collected_by,
                collector_name=d.collector_name,
                collector_id=d.collector_id,
            ),
            self.tr("Delivered."),
            after=self._offer_survey,
        )

    def _offer_survey(self) -> None:
        """After a delivery: the survey button, focused, and said (the clerk turns the screen)."""
        if self.view is not None and self.survey_button.isVisible():
            self._say(self.tr("Delivered. Turn the screen to the citizen for their own survey."), "ok")
            self.survey_button.setFocus()

    def ask_survey(self) -> SurveyDialog | None:
        if self.view is None or not self.service.can_survey(self.view):
            return None
        v = self.view
        lang = self.service.settings.current.language
        dlg = SurveyDialog(self.window(), v.receipt_no, v.service_name_en if lang == "en" else v.service_name_sq)

        def decided(a: SurveyAnswer) -> None:
            self.dialog = None
            self.record_survey(a)

        dlg.decided.connect(decided)
        dlg.rejected.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
        return dlg

    def record_survey(self, a: SurveyAnswer) -> None:
        if self.view is None:
            return
        no, service = self.view.receipt_no, self.service
        self._run(
            "survey",
            lambda: service.record_survey(
                no, a.overall, promised_kept=a.promised_kept, clear=a.clear, comment=a.comment
            ),
            self.tr("Thank you: the citizen's answers are saved."),
        )

    def add_note(self) -> None:
        if self.view is None:
            return
        text = self.note_edit.text()
        no, service = self.view.receipt_no, self.service
        self.note_edit.clear()
        self._run("note", lambda: service.add_note(no, text), self.tr("Note added."))

    def reassign(self) -> None:
        if self.view is None:
            return
        no, service = self.view.receipt_no, self.service
        to, reason = str(self.reassign_to.currentData() or ""), self.reassign_reason.text()
        self._run("reassign", lambda: service.reassign(no, to, reason), self.tr("Reassigned."))

    def preview(self) -> None:
        """Show the receipt as the next print would come out (copy number included); Print reprints it."""
        if self.view is None:
            return
        no, copy_no, service = self.view.receipt_no, self.view.print_count, self.service

        def ok(pdf: bytes) -> None:
            from .printing import preview_dialog

            self.preview_dialog = preview_dialog(pdf, self, on_print=self.reprint)
            self.preview_dialog.open()

        def failed(problem: Problem) -> None:
            self._say(problem.message, "warning")

        self.tasks.run("preview", lambda: service.render_receipt(no, copy_no), on_success=ok, on_failure=failed)

    def reprint(self) -> None:
        if self.view is None:
            return
        no, service = self.view.receipt_no, self.service

        def ok(result: PrintResult) -> None:
            self.load(no)
            self._say(self.tr("Receipt printed (copy {n}).").format(n=result.copy_no), "ok")
            self.action_finished.emit(True)

        def failed(problem: Problem) -> None:
            self._say(problem.message, "warning")
            self.action_finished.emit(False)

        self.tasks.run("reprint", lambda: service.print_receipt(no), on_success=ok, on_failure=failed)
