"""Dialogs that ask before a final step: a decision with its reason, and the delivery.

- :class:`ReasonDialog` — reject, cancel or void a request: says what will happen and that it cannot be
  undone, asks the reason (required; the confirm button stays off until there is one), Enter confirms,
  Escape goes back. ``decided`` carries the reason.
- :class:`DeliveryDialog` — who collects the result (the citizen, or an authorised person with name and
  identity document number) and the citizen's 1–5 satisfaction (may be skipped). ``decided`` carries a
  :class:`Delivery`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .a11y import plain, say, tie
from .page import Dialog
from .widgets import message_label


class ReasonDialog(Dialog):
    decided = Signal(str)

    def __init__(self, parent: QWidget, *, name: str, title: str, text: str, confirm: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self._title, self._text, self._confirm = title, text, confirm
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setProperty("fd_data", True)  # the caller's sentence, already translated
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.reason.setObjectName(f"{name}_reason")
        self.reason.setMaxLength(500)
        self.reason_label.setBuddy(self.reason)
        self.message = message_label(f"{name}_message")
        tie(self.message, self.reason)
        self.ok = QPushButton()
        self.ok.setObjectName(f"{name}_ok")
        self.ok.setDefault(True)
        self.back = QPushButton()
        self.back.setObjectName(f"{name}_back")
        box = QDialogButtonBox()
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(self.explanation)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(box)
        self.ok.clicked.connect(self.confirm)
        self.back.clicked.connect(self.reject)
        self.reason.returnPressed.connect(self.confirm)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.retranslate()
        self.ok.setEnabled(False)
        self.first_focus = self.reason

    def retranslate(self) -> None:
        self.setWindowTitle(self._title)
        self.explanation.setText(self._text)
        self.setAccessibleDescription(self._text)
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setAccessibleName(plain(self.reason_label.text()).rstrip(":"))
        self.reason.setPlaceholderText(self.tr("Required: it is kept in the history and sent to the central system"))
        self.ok.setText(self._confirm)
        self.ok.setAccessibleName(plain(self._confirm))
        self.back.setText(self.tr("Go &back"))
        self.back.setAccessibleName(plain(self.back.text()))

    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            say(self.message, self.tr("Write the reason first."), "error")
            self.reason.setFocus()
            return
        self.accept()
        self.decided.emit(reason)


@dataclass(frozen=True)
class Delivery:
    rating: int | None
    collected_by: str  # "citizen" | "authorised"
    collector_name: str | None = None
    collector_id: str | None = None


class DeliveryDialog(Dialog):
    decided = Signal(object)  # Delivery

    def __init__(self, parent: QWidget, citizen_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("delivery_dialog")
        self.setModal(True)
        self.citizen_name = citizen_name
        self.who_box = QGroupBox()
        self.by_citizen = QRadioButton()
        self.by_citizen.setObjectName("collected_by_citizen")
        self.by_citizen.setChecked(True)
        self.by_other = QRadioButton()
        self.by_other.setObjectName("collected_by_authorised")
        self.collector_name = QLineEdit()
        self.collector_name.setObjectName("collector_name")
        self.collector_id = QLineEdit()
        self.collector_id.setObjectName("collector_id")
        self.name_label, self.id_label = QLabel(), QLabel()
        self.name_label.setBuddy(self.collector_name)
        self.id_label.setBuddy(self.collector_id)
        who = QVBoxLayout(self.who_box)
        who.addWidget(self.by_citizen)
        who.addWidget(self.by_other)
        other = QFormLayout()
        other.addRow(self.name_label, self.collector_name)
        other.addRow(self.id_label, self.collector_id)
        who.addLayout(other)

        self.rating_box = QGroupBox()
        self.ratings = QButtonGroup(self)
        row = QHBoxLayout(self.rating_box)
        self.rating_buttons: dict[int, QRadioButton] = {}
        for n in range(5, 0, -1):
            b = QRadioButton(f"&{n}")
            b.setObjectName(f"rating_{n}")
            self.ratings.addButton(b, n)
            self.rating_buttons[n] = b
            row.addWidget(b)
        self.no_rating = QRadioButton()
        self.no_rating.setObjectName("rating_skip")
        self.no_rating.setChecked(True)
        self.ratings.addButton(self.no_rating, 0)
        row.addWidget(self.no_rating)
        row.addStretch(1)
        self.message = message_label("delivery_message")
        self.ok = QPushButton()
        self.ok.setObjectName("delivery_ok")
        self.ok.setDefault(True)
        self.back = QPushButton()
        self.back.setObjectName("delivery_back")
        box = QDialogButtonBox()
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.who_box)
        lay.addWidget(self.rating_box)
        lay.addWidget(self.message)
        lay.addWidget(box)
        self.by_other.toggled.connect(self._who_changed)
        self.ok.clicked.connect(self.confirm)
        self.back.clicked.connect(self.reject)
        self.collector_id.returnPressed.connect(self.confirm)
        self.retranslate()
        self._who_changed(False)
        self.first_focus = self.by_citizen

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deliver to citizen"))
        self.who_box.setTitle(self.tr("Who collects the result?"))
        self.by_citizen.setText(self.tr("The &citizen: {name}").format(name=self.citizen_name))
        self.by_citizen.setAccessibleName(plain(self.by_citizen.text()))
        self.by_other.setText(self.tr("An au&thorised person"))
        self.by_other.setAccessibleName(plain(self.by_other.text()))
        self.name_label.setText(self.tr("Full &name:"))
        self.collector_name.setAccessibleName(self.tr("Full name of the authorised person"))
        self.id_label.setText(self.tr("&Identity document no.:"))
        self.collector_id.setAccessibleName(self.tr("Identity document number of the authorised person"))
        self.rating_box.setTitle(self.tr("Satisfaction: 5 = very satisfied, 1 = not at all"))
        for n, b in self.rating_buttons.items():
            b.setAccessibleName(self.tr("{n} of 5").format(n=n))
        self.no_rating.setText(self.tr("&Skip"))
        self.no_rating.setAccessibleName(self.tr("No rating"))
        self.ok.setText(self.tr("&Deliver"))
        self.ok.setAccessibleName(plain(self.ok.text()))
        self.back.setText(self.tr("Go &back"))
        self.back.setAccessibleName(plain(self.back.text()))

    def _who_changed(self, authorised: bool) -> None:
        for w in (self.collector_name, self.collector_id, self.name_label, self.id_label):
            w.setEnabled(authorised)
        if authorised:
            self.collector_name.setFocus()

    def value(self) -> Delivery:
        rating = self.ratings.checkedId()
        if self.by_other.isChecked():
            return Delivery(
                rating if rating > 0 else None,
                "authorised",
                self.collector_name.text().strip() or None,
                self.collector_id.text().strip() or None,
            )
        return Delivery(rating if rating > 0 else None, "citizen")

    def choose(self, rating: int | None = None, *, name: str | None = None, doc_id: str | None = None) -> None:
        """Answer as a clerk would (tests): a rating or none, optionally an authorised person."""
        (self.rating_buttons[rating] if rating else self.no_rating).setChecked(True)
        if name is not None:
            self.by_other.setChecked(True)
            self.collector_name.setText(name)
            self.collector_id.setText(doc_id or "")
        self.confirm()

    def confirm(self) -> None:
        d = self.value()
        if d.collected_by == "authorised" and not (d.collector_name and d.collector_id):
            tie(self.message, self.collector_name if not d.collector_name else self.collector_id)
            say(self.message, self.tr("Write the authorised person's full name and identity document number."), "error")
            (self.collector_name if not d.collector_name else self.collector_id).setFocus()
            return
        self.accept()
        self.decided.emit(d)


__all__ = ["Delivery", "DeliveryDialog", "ReasonDialog"]
