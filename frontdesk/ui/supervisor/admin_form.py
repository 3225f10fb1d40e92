"""The small form dialog of the administration page (add a service, add a user, reset a password):
labelled fields, OK / Cancel, the values on ``submitted``, a problem shown inside."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..a11y import say, tie
from ..page import Dialog
from ..widgets import message_label


class FormDialog(Dialog):
    """A small form with OK / Cancel; ``submitted`` carries the values; errors are shown inside."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.message = message_label(name + "_message")
        self.ok = QPushButton()
        self.ok.setObjectName(name + "_ok")
        self.ok.setDefault(True)
        self.cancel = QPushButton()
        self.cancel.setObjectName(name + "_cancel")
        box = QDialogButtonBox()
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(lambda: self.submitted.emit(self.values()))
        self.cancel.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.message)
        lay.addWidget(box)

    def add(self, key: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"{self.objectName()}_{key}")
        label = QLabel()
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        self.fields[key] = widget
        self.labels[key] = label
        return widget

    def set_texts(self, title: str, texts: dict[str, tuple[str, str]], ok: str, cancel: str) -> None:
        """texts: key → (label with mnemonic, accessible name)."""
        self.setWindowTitle(title)
        for key, (label, name) in texts.items():
            self.labels[key].setText(label)
            self.fields[key].setAccessibleName(name)
        self.ok.setText(ok)
        self.cancel.setText(cancel)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.fields.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
        return out

    def show_problem(self, text: str) -> None:
        first = next(iter(self.fields.values()), None)
        if first is not None:
            tie(self.message, first)
        say(self.message, text, "error")
        self.ok.setEnabled(True)
