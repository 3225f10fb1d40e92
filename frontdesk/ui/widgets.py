"""Small shared widget helpers: styled message labels and non-blocking questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLayout,
    QLayoutItem,
    QListWidget,
    QMessageBox,
    QSizePolicy,
    QWidget,
    QWidgetItem,
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


class FlowLayout(QLayout):
    """A layout that places widgets in a row and wraps them onto the next line when the row is full (the
    request page's action buttons on a narrow screen or at a large text size). Qt has no such layout; this
    is the "Flow Layout" example of the Qt documentation, in Python."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            w = item.widget()
            if w is not None and w.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class CompactList(QListWidget):
    """A list that asks for little height (``rows`` rows) and takes more when there is room: the intake
    page fits a 1366×768 counter screen without scrolling, and a larger screen shows more rows."""

    def __init__(self, rows: int = 4) -> None:
        super().__init__()
        self.rows = rows

    def sizeHint(self) -> QSize:
        row = self.fontMetrics().height() + 4
        return QSize(super().sizeHint().width(), row * self.rows + 2 * self.frameWidth())
