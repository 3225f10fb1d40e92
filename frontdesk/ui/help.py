"""F1: the keyboard shortcuts, read from the window itself (so the list is never out of date), and the
mnemonic and shortcut checks the tests run on every page and dialog.

A shortcut's description is its action's text (menus) or the ``whatsThis`` of a page's ``QShortcut``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .a11y import plain
from .page import Dialog


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what) of every shortcut the window answers to: its actions and its pages' shortcuts."""
    out: list[tuple[str, str]] = []
    for act in window.findChildren(QAction):
        if act.shortcuts() and act.isVisible():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts())
            out.append((keys, plain(act.text())))
    for sc in window.findChildren(QShortcut):
        if sc.whatsThis() and not sc.key().isEmpty():
            out.append((sc.key().toString(QKeySequence.SequenceFormat.NativeText), sc.whatsThis()))
    seen: set[tuple[str, str]] = set()
    return [x for x in out if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (the Alt+letter of a label, button or menu), lower-cased."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.isEnabled()


def mnemonics_in(top: QWidget, extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(letter, text) of the mnemonics a user can press in ``top`` as it is shown now: buttons, check and
    radio boxes, labels with a buddy, group boxes, and the menu bar's titles (``extra`` adds texts)."""
    out: list[tuple[str, str]] = []
    for w in top.findChildren(QWidget):
        if not _shown(w, top):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            text = w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            text = w.title()
        else:
            continue
        m = mnemonic(text)
        if m:
            out.append((m, text))
    for text in extra:
        m = mnemonic(text)
        if m:
            out.append((m, text))
    return out


def clashes(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Keys used by more than one text."""
    pairs = list(pairs)
    counts = Counter(k for k, _ in pairs)
    return {k: [t for kk, t in pairs if kk == k] for k, n in counts.items() if n > 1}


def menu_titles(window: QWidget) -> list[str]:
    bar = getattr(window, "menuBar", None)
    if bar is None:
        return []
    return [a.text() for a in bar().actions() if a.isVisible() and isinstance(a.menu(), QMenu)]


class ShortcutsDialog(Dialog):
    """The list of shortcuts (F1), in a table a screen reader reads row by row."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.window_ = window
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcuts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("shortcuts_close")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        box = QDialogButtonBox()
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(box)
        self.retranslate()
        self.resize(620, 520)
        self.first_focus = self.table

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.heading.setText(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(plain(self.close_button.text()))
        rows = shortcuts_of(self.window_) + self.fixed_keys()
        self.table.setRowCount(len(rows))
        for i, (keys, what) in enumerate(rows):
            for c, text in enumerate((keys, what)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, c, item)

    def fixed_keys(self) -> list[tuple[str, str]]:
        """Keys that are not shortcuts of an action: moving around and answering."""
        return [
            (self.tr("Tab, Shift+Tab"), self.tr("next / previous field; out of a table or list")),
            (self.tr("Arrows"), self.tr("move inside a table or list")),
            (self.tr("Enter"), self.tr("next field on the intake page; open the highlighted request")),
            (self.tr("Alt + underlined letter"), self.tr("the field or button of that letter")),
            (self.tr("Space"), self.tr("tick the highlighted document")),
            (self.tr("Escape"), self.tr("close a question or dialog without changing anything")),
            (self.tr("Scanner"), self.tr("a scanned receipt opens its request from any page")),
        ]
