"""Before and while saving a visit: the summary the clerk confirms, and the questions the core asks.

- :class:`VisitSummary` — what is about to be saved: the citizen, each service with the documents
  received and the required ones missing (by name), each fee and the visit's total. Enter (or Ctrl+Enter
  again) saves and prints; Escape goes back with nothing lost.
- :func:`ask_check_letter` / :func:`ask_missing_documents` — the core's typed errors
  (``CheckLetterMismatch``, ``MissingDocuments``) as questions answered by keyboard. Missing documents
  are named, not given as codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from frontdesk.errors import MissingDocuments
from frontdesk.workflow import CitizenInput

from ..a11y import plain
from ..page import Dialog
from ..widgets import Question
from .cart import CartLine


class VisitSummary(Dialog):
    """The visit as it will be saved; ``confirmed`` when the clerk saves, ``rejected`` to go back."""

    confirmed = Signal()

    def __init__(self, parent: QWidget, citizen: CitizenInput, lines: Sequence[CartLine], lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("visit_summary")
        self.setModal(True)
        self.citizen = citizen
        self.lines = list(lines)
        self.lang = lang
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.body = QLabel()
        self.body.setObjectName("visit_summary_text")
        self.body.setProperty("fd_data", True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save = QPushButton()
        self.save.setObjectName("summary_save")
        self.save.setDefault(True)
        self.back = QPushButton()
        self.back.setObjectName("summary_back")
        box = QDialogButtonBox()
        box.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        self.save.clicked.connect(self.confirm)
        self.back.clicked.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.confirm)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.body, 1)
        lay.addWidget(box)
        self.retranslate()
        self.first_focus = self.save

    def total(self) -> int:
        return sum(int(line.item.fee_paid or 0) for line in self.lines)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visit summary"))
        self.heading.setText(self.tr("Save this visit?"))
        self.save.setText(self.tr("&Save and print"))
        self.save.setAccessibleName(plain(self.save.text()))
        self.back.setText(self.tr("Go &back"))
        self.back.setAccessibleName(plain(self.back.text()))
        self.body.setText(self.html())
        self.setAccessibleDescription(self.plain_text())

    def _rows(self) -> list[tuple[str, str, str, str]]:
        none = self.tr("none")
        out = []
        for line in self.lines:
            received = ", ".join(line.document_names(line.item.documents, self.lang)) or none
            missing = ", ".join(line.document_names(line.missing(), self.lang))
            fee = self.tr("{fee} lekë").format(fee=line.item.fee_paid)
            out.append((line.choice.name(self.lang), received, missing, fee))
        return out

    def html(self) -> str:
        who = self.tr("Citizen: {name}, personal number {nid}").format(
            name=self.citizen.full_name.strip() or "—", nid=self.citizen.nid.strip().upper() or "—"
        )
        parts = [f"<p>{escape(who)}</p><ol>"]
        for name, received, missing, fee in self._rows():
            parts.append(f"<li><b>{escape(name)}</b> — {escape(fee)}<br>")
            parts.append(escape(self.tr("Documents received: {docs}").format(docs=received)))
            if missing:
                parts.append("<br><b>" + escape(self.tr("Required, missing: {docs}").format(docs=missing)) + "</b>")
            parts.append("</li>")
        total = self.tr("Total fee of the visit: {fee} lekë ({n} services)").format(fee=self.total(), n=len(self.lines))
        parts.append(f"</ol><p><b>{escape(total)}</b></p>")
        return "".join(parts)

    def plain_text(self) -> str:
        lines = []
        for name, received, missing, fee in self._rows():
            text = f"{name}, {fee}. " + self.tr("Documents received: {docs}").format(docs=received)
            if missing:
                text += ". " + self.tr("Required, missing: {docs}").format(docs=missing)
            lines.append(text)
        lines.append(
            self.tr("Total fee of the visit: {fee} lekë ({n} services)").format(fee=self.total(), n=len(self.lines))
        )
        return " ".join(lines)

    def confirm(self) -> None:
        if self.isVisible():
            self.accept()
            self.confirmed.emit()


def ask_check_letter(owner: QWidget, message: str, on_answer: Callable[[str], None]) -> Question:
    """ "correct" (go back to the number) or "keep" (save it as typed)."""
    q = Question(
        owner,
        QCoreApplication.translate("IntakeQuestions", "Check letter does not match"),
        message,
        [
            (
                "correct",
                QCoreApplication.translate("IntakeQuestions", "&Correct the number"),
                QMessageBox.ButtonRole.RejectRole,
            ),
            (
                "keep",
                QCoreApplication.translate("IntakeQuestions", "&Keep it as typed"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
        ],
        on_answer,
        escape_key="correct",
    )
    q.open()
    return q


def missing_sentence(owner: QWidget, exc: MissingDocuments, lines: Sequence[CartLine], lang: str) -> str:
    """The core's "documents missing" in words: the service's name and the documents' names."""
    line = next((ln for ln in lines if ln.choice.code == exc.service_code), None)
    if line is None:
        return QCoreApplication.translate("IntakeQuestions", "Required documents are missing.")
    names = ", ".join(line.document_names(list(exc.missing), lang))
    return QCoreApplication.translate(
        "IntakeQuestions", "Required documents missing for {service}: {documents}."
    ).format(service=line.choice.name(lang), documents=names)


def ask_missing_documents(owner: QWidget, sentence: str, on_answer: Callable[[str], None]) -> Question:
    """ "return" for completion, "accept" anyway, or "cancel" (go back)."""
    q = Question(
        owner,
        QCoreApplication.translate("IntakeQuestions", "Documents missing"),
        sentence
        + "\n\n"
        + QCoreApplication.translate(
            "IntakeQuestions", "Return the request to the citizen for completion, or accept it anyway?"
        ),
        [
            (
                "return",
                QCoreApplication.translate("IntakeQuestions", "&Return for completion"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            (
                "accept",
                QCoreApplication.translate("IntakeQuestions", "&Accept anyway"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            ("cancel", QCoreApplication.translate("IntakeQuestions", "Go &back"), QMessageBox.ButtonRole.RejectRole),
        ],
        on_answer,
        escape_key="cancel",
    )
    q.open()
    return q
