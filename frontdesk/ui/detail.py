"""Request detail: every field, the full history timeline, and the actions this user's role allows now.

Buttons come from ``workflow.allowed_actions(role, status)`` (hidden when not allowed); the core refuses
the same actions anyway. Delivery asks for the citizen's 1–5 satisfaction rating (skippable). Reprint
counts the copy (``record_print``) and prints through the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.queries import EventView, RequestView
from frontdesk.workflow import status_label

from .messages import Problem
from .services import CounterService, PrintResult
from .tasks import TaskRunner
from .widgets import Question, data_label, message_label, set_role
from .worklist import sla_text

FIELDS = (
    "receipt_no",
    "status",
    "service",
    "citizen",
    "nid",
    "phone",
    "documents",
    "missing",
    "fee",
    "priority",
    "due",
    "sla",
    "assignee",
    "created",
    "rating",
    "note",
    "printed",
)


def _status(s: str | None) -> str:
    return QCoreApplication.translate("status", status_label(s)) if s else "—"


class RequestDetailPage(QWidget):
    changed = Signal(str)  # receipt number whose state changed
    action_finished = Signal(bool)

    def __init__(self, service: CounterService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_page")
        self.service = service
        self.tasks = tasks
        self.view: RequestView | None = None
        self.question: Question | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.empty = QLabel()
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            cap = QLabel()
            val = data_label(f"value_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.captions[key], self.values[key] = cap, val
            form.addRow(cap, val)
        self.values["receipt_no"].setProperty("role", "receipt")

        self.actions_box = QGroupBox()
        self.actions_row = QHBoxLayout(self.actions_box)
        self.status_buttons: dict[str, QPushButton] = {}
        self.deliver_button = QPushButton()
        self.deliver_button.setObjectName("deliver")
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview")
        self.actions_row.addWidget(self.deliver_button)
        self.actions_row.addWidget(self.reprint_button)
        self.actions_row.addWidget(self.preview_button)
        self.actions_row.addStretch(1)
        self.deliver_button.clicked.connect(self.ask_delivery)
        self.reprint_button.clicked.connect(self.reprint)
        self.preview_button.clicked.connect(self.preview)
        self.preview_dialog: QWidget | None = None

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("new_note")
        self.note_button = QPushButton()
        self.note_button.setObjectName("add_note")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
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
        self.reassign_row = QWidget()
        rr = QHBoxLayout(self.reassign_row)
        rr.setContentsMargins(0, 0, 0, 0)
        rr.addWidget(self.reassign_label)
        rr.addWidget(self.reassign_to, 1)
        rr.addWidget(self.reassign_reason, 2)
        rr.addWidget(self.reassign_button)
        self.reassign_button.clicked.connect(self.reassign)

        self.message = message_label("detail_message")
        self.history_box = QGroupBox()
        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(4)
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        QVBoxLayout(self.history_box).addWidget(self.history)

        left = QVBoxLayout()
        left.addWidget(self.box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.actions_box)
        right.addLayout(note_row)
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
        self.retranslate()
        self.show_view(None)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Request"))
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
            "note": self.tr("Note:"),
            "printed": self.tr("Receipt prints:"),
        }
        for k, text in caps.items():
            self.captions[k].setText(text)
        self.actions_box.setTitle(self.tr("Actions"))
        self.deliver_button.setText(self.tr("&Deliver to citizen…"))
        self.reprint_button.setText(self.tr("Re&print receipt"))
        self.preview_button.setText(self.tr("Pre&view receipt"))
        self.preview_button.setAccessibleName(self.tr("Preview the receipt before printing it"))
        self.note_label.setText(self.tr("Add n&ote:"))
        self.note_edit.setAccessibleName(self.tr("New note"))
        self.note_button.setText(self.tr("Add note"))
        self.reassign_label.setText(self.tr("Reass&ign to:"))
        self.reassign_to.setAccessibleName(self.tr("Reassign to"))
        self.reassign_reason.setPlaceholderText(self.tr("Reason"))
        self.reassign_reason.setAccessibleName(self.tr("Reason for the reassignment"))
        self.reassign_button.setText(self.tr("Reassign"))
        self.history_box.setTitle(self.tr("History"))
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Workstation"), self.tr("What")])
        self.history.setAccessibleName(self.tr("History"))
        self.show_view(self.view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        for w in (
            self.box,
            self.actions_box,
            self.history_box,
            self.note_edit,
            self.note_button,
            self.note_label,
        ):
            w.setVisible(v is not None)
        self.reassign_row.setVisible(v is not None and self.service.can_reassign())
        if v is None:
            return
        lang = self.service.settings.current.language
        name = v.service_name_en if lang == "en" else v.service_name_sq
        yes, no = self.tr("yes"), self.tr("no")
        vals = {
            "receipt_no": v.receipt_no,
            "status": _status(v.status),
            "service": f"{v.service_code} — {name}",
            "citizen": v.citizen_name,
            "nid": v.citizen_nid,
            "phone": v.citizen_phone or "—",
            "documents": ", ".join(v.documents) or "—",
            "missing": ", ".join(v.documents_missing) or "—",
            "fee": self.tr("{fee} lekë").format(fee=v.fee_paid),
            "priority": yes if v.priority else no,
            "due": v.due_date.strftime("%d.%m.%Y"),
            "sla": sla_text(v.sla),
            "assignee": v.assignee_name or v.assignee or "—",
            "created": f"{v.created_at:%d.%m.%Y %H:%M} UTC · {v.created_by} · {v.workstation_code}",
            "rating": str(v.rating) if v.rating else "—",
            "note": v.note or "—",
            "printed": str(v.print_count),
        }
        for k, text in vals.items():
            self.values[k].setText(text)
        self._actions(v)
        self._history(v.history)

    def _actions(self, v: RequestView) -> None:
        for btn in self.status_buttons.values():
            self.actions_row.removeWidget(btn)
            btn.deleteLater()
        self.status_buttons = {}
        for i, target in enumerate(self.service.allowed_actions(v.status)):
            btn = QPushButton(self.tr("→ {status}").format(status=_status(target)))
            btn.setObjectName(f"to_{target}")
            btn.setAccessibleName(self.tr("Change status to {status}").format(status=_status(target)))
            btn.clicked.connect(lambda _=False, t=target: self.advance(t))
            self.actions_row.insertWidget(i, btn)
            self.status_buttons[target] = btn
        self.deliver_button.setVisible(self.service.can_deliver(v.status))
        self.reprint_button.setVisible(self.service.can_work())
        self.preview_button.setVisible(self.service.can_work())
        self.note_edit.setVisible(self.service.can_work())
        self.note_button.setVisible(self.service.can_work())
        self.note_label.setVisible(self.service.can_work())
        if self.service.can_reassign():
            current = self.reassign_to.currentData()
            self.reassign_to.clear()
            for u in self.service.counter_users():
                self.reassign_to.addItem(f"{u.full_name} ({u.username})", u.username)
            self.reassign_to.setCurrentIndex(max(0, self.reassign_to.findData(current)))

    def _describe(self, e: EventView) -> str:
        d = e.data or {}
        if e.kind == "intake":
            text = self.tr("Received at the counter ({status})").format(status=_status(e.to_status))
        elif e.kind == "status":
            text = self.tr("Status: {old} → {new}").format(old=_status(e.from_status), new=_status(e.to_status))
        elif e.kind == "deliver":
            rating = d.get("rating")
            text = (
                self.tr("Delivered; satisfaction {n} of 5").format(n=rating)
                if rating
                else self.tr("Delivered; no rating given")
            )
        elif e.kind == "assign":
            text = self.tr("Reassigned from {old} to {new}: {reason}").format(
                old=d.get("from") or "—", new=d.get("to") or "—", reason=d.get("reason") or ""
            )
        elif e.kind == "note":
            text = self.tr("Note: {text}").format(text=d.get("text", ""))
        elif e.kind == "print":
            copy = int(d.get("copy", 0) or 0)
            text = self.tr("Receipt printed") if copy == 0 else self.tr("Receipt reprinted (copy {n})").format(n=copy)
        else:
            text = e.kind
        if e.kind == "status" and d.get("note"):
            text += " — " + str(d["note"])
        return text

    def _history(self, events: list[EventView]) -> None:
        self.history.clear()
        for e in events:
            QTreeWidgetItem(
                self.history,
                [f"{e.device_time:%d.%m.%Y %H:%M}", e.actor_username, e.workstation_code, self._describe(e)],
            )

    # ------------------------------------------------------------------ actions
    def _say(self, text: str, role: str = "") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def _run(self, name: str, fn: object, done_text: str) -> None:
        assert self.view is not None
        no = self.view.receipt_no

        def ok(_result: object) -> None:
            self.load(no)
            self._say(done_text, "ok")
            self.changed.emit(no)
            self.action_finished.emit(True)

        def failed(problem: Problem) -> None:
            self._say(problem.message, "error")
            self.action_finished.emit(False)

        self.tasks.run(name, fn, on_success=ok, on_failure=failed)  # type: ignore[arg-type]

    def advance(self, target: str) -> None:
        if self.view is None:
            return
        no, service = self.view.receipt_no, self.service
        self._run(
            "advance",
            lambda: service.advance(no, target),
            self.tr("Status changed to {status}.").format(status=_status(target)),
        )

    def ask_delivery(self) -> None:
        if self.view is None:
            return
        choices = [(str(n), f"&{n}", QMessageBox.ButtonRole.AcceptRole) for n in range(5, 0, -1)]
        choices.append(("skip", self.tr("S&kip"), QMessageBox.ButtonRole.AcceptRole))
        choices.append(("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))

        def answer(key: str) -> None:
            self.question = None
            if key == "cancel":
                return
            self.deliver(None if key == "skip" else int(key))

        self.question = Question(
            self,
            self.tr("Deliver to citizen"),
            self.tr(
                "How satisfied is the citizen with the service? 5 = very satisfied, 1 = not at all. "
                "The citizen may skip this."
            ),
            choices,
            answer,
            escape_key="cancel",
            icon=QMessageBox.Icon.Question,
        )
        self.question.open()

    def deliver(self, rating: int | None) -> None:
        if self.view is None:
            return
        no, service = self.view.receipt_no, self.service
        self._run("deliver", lambda: service.deliver(no, rating), self.tr("Delivered."))

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
