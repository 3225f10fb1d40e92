"""The citizen part of the intake: personal number (validated as you type), the details the office
already has (once-only: F4 takes them), full name, phone, e-mail, the citizen's consent to be told when a
request is ready or returned (issue 14: stored with the request; the central system sends the SMS or
e-mail), priority.

Enter moves on: personal number → name → phone → the service search (``done``); Enter in the e-mail
field too. The verdict on the personal number is tied to the field (its accessible description) and
announced.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from frontdesk import identity
from frontdesk.identity import CitizenPrefill
from frontdesk.workflow import CitizenInput

from ..a11y import plain, say, tie
from ..messages import qt_translate
from ..services import CounterService
from ..widgets import data_label, message_label

_STATE_ROLE = {"ok": "ok", "warning": "warning", "invalid": "error", "incomplete": "", "empty": ""}


class CitizenForm(QGroupBox):
    done = Signal()  # Enter in the last field, or the earlier details taken: on to the service
    edited = Signal()

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizen_box")
        self.service = service
        self.offer: CitizenPrefill | None = None
        self.nid = QLineEdit()
        self.nid.setObjectName("nid")
        self.nid.setMaxLength(14)
        self.nid_state = message_label("nid_state")
        tie(self.nid_state, self.nid)
        self.offer_label = data_label("prefill_offer")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("prefill_accept")
        self.name = QLineEdit()
        self.name.setObjectName("citizen_name")
        self.phone = QLineEdit()
        self.phone.setObjectName("citizen_phone")
        self.email = QLineEdit()
        self.email.setObjectName("citizen_email")
        self.email.setMaxLength(254)
        self.consent = QCheckBox()
        self.consent.setObjectName("notify_consent")
        self.priority = QCheckBox()
        self.priority.setObjectName("priority")
        self.nid_label, self.name_label, self.phone_label = QLabel(), QLabel(), QLabel()
        self.email_label = QLabel()
        self.email_label.setBuddy(self.email)
        self.nid_label.setBuddy(self.nid)
        self.name_label.setBuddy(self.name)
        self.phone_label.setBuddy(self.phone)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.nid_label, self.nid)
        form.addRow(self.nid_state)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_button)
        form.addRow(offer_row)
        form.addRow(self.name_label, self.name)
        form.addRow(self.phone_label, self.phone)
        form.addRow(self.email_label, self.email)
        form.addRow(self.consent)
        form.addRow(self.priority)

        self.nid.textChanged.connect(self._nid_changed)
        self.nid.returnPressed.connect(self.name.setFocus)
        self.name.returnPressed.connect(self.phone.setFocus)
        self.phone.returnPressed.connect(self.done.emit)
        self.email.returnPressed.connect(self.done.emit)
        self.offer_button.clicked.connect(self.accept_offer)
        for w in (self.nid, self.name, self.phone, self.email):
            w.textEdited.connect(lambda _t: self.edited.emit())
        self.priority.toggled.connect(lambda _on: self.edited.emit())
        self.consent.toggled.connect(lambda _on: self.edited.emit())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Citizen"))
        self.nid_label.setText(self.tr("&Personal number:"))
        self.nid.setAccessibleName(plain(self.nid_label.text()).rstrip(":"))
        self.nid.setPlaceholderText(self.tr("e.g. J00101999W"))
        self.offer_button.setText(self.tr("&Use these details (F4)"))
        self.offer_button.setAccessibleName(plain(self.offer_button.text()))
        self.name_label.setText(self.tr("Full &name:"))
        self.name.setAccessibleName(plain(self.name_label.text()).rstrip(":"))
        self.phone_label.setText(self.tr("P&hone:"))
        self.phone.setAccessibleName(plain(self.phone_label.text()).rstrip(":"))
        self.email_label.setText(self.tr("E-mail, if kno&wn:"))
        self.email.setAccessibleName(plain(self.email_label.text()).rstrip(":"))
        self.email.setPlaceholderText(self.tr("optional, for messages"))
        self.consent.setText(self.tr("Tell b&y SMS or e-mail when ready or returned (the citizen agrees)"))
        self.consent.setAccessibleName(plain(self.consent.text()))
        self.consent.setToolTip(self.tr("Only with the citizen's consent; the phone number or the e-mail is needed"))
        self.priority.setText(self.tr("P&riority (elderly or disabled citizen)"))
        self.priority.setAccessibleName(plain(self.priority.text()))
        self._nid_changed(self.nid.text(), speak=False)

    # ------------------------------------------------------------------ personal number
    def _nid_changed(self, text: str, *, speak: bool = True) -> None:
        state, msg = identity.validate_as_you_type(text, translate=qt_translate)
        if state == "ok":
            msg = self.tr("Personal number is valid.")
        elif state == "warning":
            msg = (msg or "") + " " + self.tr("You will be asked to confirm when saving.")
        # "incomplete" is said only when it is more than typing in progress (nothing to announce per key)
        say(
            self.nid_state, msg or "", _STATE_ROLE.get(state, ""), speak=speak and state in ("ok", "warning", "invalid")
        )
        self.offer = self.service.prefill(text) if state in ("ok", "warning") else None
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
        self.offer_button.setAccessibleDescription(self.offer_label.text())

    def accept_offer(self) -> None:
        if self.offer is None:
            return
        self.name.setText(self.offer.full_name)
        self.phone.setText(self.offer.phone or "")
        self._show_offer()
        self.edited.emit()
        self.done.emit()

    # ------------------------------------------------------------------ values
    def citizen_input(self) -> CitizenInput:
        return CitizenInput(nid=self.nid.text(), full_name=self.name.text(), phone=self.phone.text() or None,
                            email=self.email.text().strip() or None,
                            notify_consent=self.consent.isChecked())  # fmt: skip

    def is_empty(self) -> bool:
        return not (self.nid.text().strip() or self.name.text().strip() or self.phone.text().strip()
                    or self.email.text().strip() or self.consent.isChecked())  # fmt: skip

    def field(self, key: str) -> QWidget | None:
        return {"nid": self.nid, "name": self.name, "phone": self.phone, "email": self.email,
                "notify_consent": self.consent}.get(key)  # fmt: skip

    def reset(self) -> None:
        self.nid.clear()
        self.name.clear()
        self.phone.clear()
        self.email.clear()
        self.consent.setChecked(False)
        self.priority.setChecked(False)
        self.offer = None
        self._show_offer()
