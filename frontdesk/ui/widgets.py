"""Small shared widget helpers: styled message labels and non-blocking questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListWidget,
    QMessageBox,
    QSizePolicy,
    QWidget,
)


def set_role(label: QLabel, role: str) -> None:
    """Style a label through the application style sheet (``QLabel[role=...]``)."""
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


def message_label(object_name: str, role: str = "") -> QLabel:
    lbl = QLabel()
    lbl.setObjectName(object_name)
    lbl.setWordWrap(True)
    lbl.setProperty("role", role)
    lbl.setProperty("fd_data", True)  # shows messages already translated by their producer
    return lbl


def data_label(object_name: str = "", role: str = "") -> QLabel:
    """A label that shows data (names, numbers, dates): skipped by the untranslated-text test."""
    lbl = QLabel()
    if object_name:
        lbl.setObjectName(object_name)
    lbl.setProperty("fd_data", True)
    lbl.setProperty("role", role)
    lbl.setWordWrap(True)
    return lbl


class ElidedLabel(QLabel):
    """A one-line data label that never widens its window: cut with "…" when there is no room, the whole
    text in its tooltip and accessible name (the status bar's "who works where")."""

    def __init__(self, object_name: str = "") -> None:
        super().__init__()
        if object_name:
            self.setObjectName(object_name)
        self.setProperty("fd_data", True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + 8, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, max(0, self.width())))


class Question(QObject):
    """A non-blocking question (``QMessageBox.open``): the answer comes back through ``on_answer``.

    Choices are ``(key, label, role)``; the first is the default button; Escape gives ``escape_key``.
    Tests find the open question on ``owner.question`` and click ``question.button(key)``.
    """

    def __init__(
        self,
        parent: QWidget,
        title: str,
        text: str,
        choices: Sequence[tuple[str, str, QMessageBox.ButtonRole]],
        on_answer: Callable[[str], None],
        *,
        escape_key: str,
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> None:
        super().__init__(parent)
        self.box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.box.setObjectName("question")
        self._buttons: dict[str, QAbstractButton] = {}
        for i, (key, label, role) in enumerate(choices):
            btn = self.box.addButton(label, role)
            btn.setObjectName(f"answer_{key}")
            self._buttons[key] = btn
            if i == 0:
                self.box.setDefaultButton(btn)
            if key == escape_key:
                self.box.setEscapeButton(btn)
        self._on_answer = on_answer
        self._escape_key = escape_key
        self.answered = False
        self.box.finished.connect(self._finished)

    def open(self) -> None:
        self.box.open()

    def button(self, key: str) -> QAbstractButton:
        return self._buttons[key]

    def choose(self, key: str) -> None:
        self._buttons[key].click()

    def _finished(self, _code: int) -> None:
        if self.answered:
            return
        self.answered = True
        clicked = self.box.clickedButton()
        key = next((k for k, b in self._buttons.items() if b is clicked), self._escape_key)
        self.box.deleteLater()
        self.deleteLater()
        owner = self.parent()
        if isinstance(owner, QWidget):
            owner.window().activateWindow()  # give the keyboard back to the screen that asked
        self._on_answer(key)


class CompactList(QListWidget):
    """A list that asks for little height (``rows`` rows) and takes more when there is room: the intake
    page fits a 1366×768 counter screen without scrolling, and a larger screen shows more rows."""

    def __init__(self, rows: int = 4) -> None:
        super().__init__()
        self.rows = rows

    def sizeHint(self) -> QSize:
        row = self.fontMetrics().height() + 4
        return QSize(super().sizeHint().width(), row * self.rows + 2 * self.frameWidth())
