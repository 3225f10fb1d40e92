"""The services of a visit: the service being filled in (search, documents, fee, note) and the visit cart.

``ServiceForm``: the picker, what was chosen (announced with its fee and standard days), the documents
(Space ticks the highlighted one, Ctrl+D all; required ones are bold and say "required" in words),
the fee and a note. ``VisitCart``: the services already added to this visit (Ctrl+N adds the current
one), with a remove button. ``CartLine`` is one service of the visit with what the clerk chose.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.limits import COMPLAINT_SERVICE
from frontdesk.workflow import IntakeItem

from ..a11y import announce, plain
from ..service_picker import ServicePicker
from ..services import CounterService, ServiceChoice
from ..widgets import CompactList, data_label

ROLE_CODE = Qt.ItemDataRole.UserRole


@dataclass
class CartLine:
    item: IntakeItem
    choice: ServiceChoice

    def missing(self) -> list[str]:
        """Codes of the required documents not ticked."""
        return [d.code for d in self.choice.documents if d.required and d.code not in self.item.documents]

    def document_names(self, codes: list[str], lang: str) -> list[str]:
        names = {d.code: d.name(lang) for d in self.choice.documents}
        return [names.get(c, c) for c in codes]


class ServiceForm(QGroupBox):
    edited = Signal()

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service_box")
        self.service = service
        self.current: ServiceChoice | None = None
        self.picker = ServicePicker(service)
        self.service_label = QLabel()
        self.service_label.setBuddy(self.picker.search)
        self.chosen_label = data_label("chosen_service")
        self.documents = CompactList(4)
        self.documents.setObjectName("documents")
        self.documents.setMinimumHeight(70)
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
        # a complaint (the complaint service): the receipt number of the request it is about, when there is one
        self.about = QLineEdit()
        self.about.setObjectName("complaint_about")
        self.about.setMaxLength(24)
        self.about_label = QLabel()
        self.about_label.setBuddy(self.about)
        form = QFormLayout(self)
        self._form = form
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.service_label, self.picker)
        form.addRow(self.chosen_label)
        docs_col = QVBoxLayout()
        docs_col.addWidget(self.documents)
        docs_col.addWidget(self.all_docs, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.documents_label, docs_col)
        form.addRow(self.fee_label, self.fee)
        form.addRow(self.note_label, self.note)
        form.addRow(self.about_label, self.about)
        form.setRowVisible(self.about, False)
        self.picker.chosen.connect(self.choose)
        self.all_docs.clicked.connect(self.check_all)
        self.documents.itemChanged.connect(lambda _i: self.edited.emit())
        self.fee.valueChanged.connect(lambda _v: self.edited.emit())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Service"))
        self.service_label.setText(self.tr("Servi&ce:"))
        self.picker.retranslate()
        self.documents_label.setText(self.tr("&Documents received:"))
        self.documents.setAccessibleName(plain(self.documents_label.text()).rstrip(":"))
        self.documents.setToolTip(self.tr("Space ticks the highlighted document; bold ones are required"))
        self.all_docs.setText(self.tr("Tick &all (Ctrl+D)"))
        self.all_docs.setAccessibleName(plain(self.all_docs.text()))
        self.fee_label.setText(self.tr("Fee pa&id:"))
        self.fee.setAccessibleName(plain(self.fee_label.text()).rstrip(":"))
        self.fee.setSuffix(self.tr(" lekë"))
        self.note_label.setText(self.tr("N&ote:"))
        self.note.setAccessibleName(plain(self.note_label.text()).rstrip(":"))
        self.about_label.setText(self.tr("Complaint a&bout receipt:"))
        self.about.setAccessibleName(plain(self.about_label.text()).rstrip(":"))
        self.about.setPlaceholderText(self.tr("receipt number, if there is one"))
        if self.current is not None:
            self._fill_documents(self.current, keep=self.checked_documents())
        self._show_chosen(speak=False)

    # ------------------------------------------------------------------ choosing
    def choose(self, choice: ServiceChoice) -> None:
        self.current = choice
        self._fill_documents(choice, keep=[])
        self.fee.setValue(choice.fee)
        self._show_about()
        self._show_chosen(speak=True)
        (self.documents if self.documents.count() else self.fee).setFocus()
        self.edited.emit()

    def _fill_documents(self, choice: ServiceChoice, keep: list[str]) -> None:
        lang = self.service.settings.current.language
        row = max(0, self.documents.currentRow())
        blocked = self.documents.blockSignals(True)
        self.documents.clear()
        required = self.tr("required")
        for d in choice.documents:
            text = d.name(lang) + (f" — {required}" if d.required else "")
            item = QListWidgetItem(text)
            item.setData(ROLE_CODE, d.code)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.code in keep else Qt.CheckState.Unchecked)
            if d.required:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.documents.addItem(item)
        self.documents.blockSignals(blocked)
        if self.documents.count():
            self.documents.setCurrentRow(min(row, self.documents.count() - 1))

    def _show_chosen(self, *, speak: bool) -> None:
        c = self.current
        if c is None:
            self.chosen_label.setText(self.tr("No service chosen yet."))
            return
        text = self.tr("Chosen: {service}.").format(service=self.picker.describe(c))
        self.chosen_label.setText(text)
        self.picker.search.setAccessibleDescription(text)
        if speak:
            announce(self.chosen_label, text)

    def is_complaint(self) -> bool:
        return self.current is not None and self.current.code == COMPLAINT_SERVICE

    def _show_about(self) -> None:
        self._form.setRowVisible(self.about, self.is_complaint())
        if not self.is_complaint():
            self.about.clear()

    def check_all(self) -> None:
        for i in range(self.documents.count()):
            self.documents.item(i).setCheckState(Qt.CheckState.Checked)

    def checked_documents(self) -> list[str]:
        out = []
        for i in range(self.documents.count()):
            it = self.documents.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(str(it.data(ROLE_CODE)))
        return out

    def line(self) -> CartLine | None:
        if self.current is None:
            return None
        item = IntakeItem(
            service_code=self.current.code,
            documents=self.checked_documents(),
            fee_paid=self.fee.value(),
            note=self.note.text().strip() or None,
            complaint_about=(self.about.text().strip() or None) if self.is_complaint() else None,
        )
        return CartLine(item, self.current)

    def clear(self) -> None:
        self.current = None
        self.documents.clear()
        self.fee.setValue(0)
        self.note.clear()
        self.picker.search.clear()
        self._show_about()
        self._show_chosen(speak=False)


class VisitCart(QGroupBox):
    """The services already added to this visit."""

    changed = Signal()

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_box")
        self.service = service
        self.lines: list[CartLine] = []
        self.visit_list = CompactList(3)
        self.visit_list.setObjectName("visit_items")
        self.visit_list.setMaximumHeight(110)
        self.visit_list.setMinimumHeight(48)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_service")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_service")
        lay = QVBoxLayout(self)
        lay.addWidget(self.visit_list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.remove_button.clicked.connect(self.remove_current)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Services in this visit"))
        self.visit_list.setAccessibleName(self.title())
        self.add_button.setText(self.tr("Add ano&ther service (Ctrl+N)"))
        self.add_button.setAccessibleName(plain(self.add_button.text()))
        self.remove_button.setText(self.tr("Re&move service"))
        self.remove_button.setAccessibleName(plain(self.remove_button.text()))
        self.show_lines()

    def add(self, line: CartLine) -> None:
        self.lines.append(line)
        self.show_lines()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.visit_list.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self.show_lines()
            self.changed.emit()

    def show_lines(self) -> None:
        lang = self.service.settings.current.language
        self.visit_list.clear()
        for line in self.lines:
            self.visit_list.addItem(
                self.tr("{name} ({n} documents)").format(name=line.choice.name(lang), n=len(line.item.documents))
            )
        self.remove_button.setEnabled(bool(self.lines))
        self.visit_list.setVisible(bool(self.lines))

    def clear(self) -> None:
        self.lines = []
        self.show_lines()
