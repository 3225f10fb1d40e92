"""Type-to-search service picker: a search field over a short result list, keyboard first.

Typing filters by code and by the Albanian and English names (accents ignored). The order never depends
on what was taken lately, so the same keys always land on the same service: a typed code first, then
names that start with the text, then the rest, each by name. With an empty field the list starts with
the services used most at this counter (a group of its own, fixed for the session) and then every
service by name. Up/Down/PgUp/PgDn move the highlight without leaving the field; Enter takes the
highlighted service.

The field keeps the keyboard, so a screen reader hears each highlighted service announced (name, fee,
standard days, position) and finds it as the field's description.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from .a11y import announce
from .services import CounterService, ServiceChoice
from .widgets import CompactList

ROLE_CODE = Qt.ItemDataRole.UserRole
FREQUENT = 5  # services in the "used most here" group


class ServicePicker(QWidget):
    chosen = Signal(object)  # ServiceChoice

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service_picker")
        self.service = service
        self.search = QLineEdit()
        self.search.setObjectName("service_search")
        self.search.setClearButtonEnabled(True)
        self.results = CompactList(4)
        self.results.setObjectName("service_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field drives it (arrows); not a Tab stop
        self.results.setMinimumHeight(90)
        self._choices: dict[str, ServiceChoice] = {}
        self._frequent = [c.code for c in service.frequent_services(FREQUENT)]  # fixed for the session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.results)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field is the Tab stop (no focus proxy)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)
        self.results.currentRowChanged.connect(self._highlighted)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Type a code or part of the name…"))
        self.search.setAccessibleName(self.tr("Search service"))
        self.results.setAccessibleName(self.tr("Matching services"))
        self.refresh()

    def _label(self, c: ServiceChoice) -> str:
        return f"{c.name(self.service.settings.current.language)} · {c.code}"

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a group heading: not selectable, skipped by the arrows
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.results.addItem(item)

    def refresh(self) -> None:
        text = self.search.text()
        found = self.service.search_services(text, limit=200 if not text.strip() else 40)
        self._choices = {c.code: c for c in found}
        blocked = self.results.blockSignals(True)
        self.results.clear()
        if not text.strip() and self._frequent:
            frequent = [self._choices[c] for c in self._frequent if c in self._choices]
            self._header(self.tr("Used most at this counter"))
            for c in frequent:
                self._add(c)
            self._header(self.tr("All services"))
        for c in found:
            self._add(c)
        self.results.blockSignals(blocked)
        first = next((i for i in range(self.results.count()) if self._selectable(i)), -1)
        self.results.setCurrentRow(first)
        self._highlighted(first, speak=False)

    def _add(self, c: ServiceChoice) -> None:
        item = QListWidgetItem(self._label(c))
        item.setData(ROLE_CODE, c.code)
        self.results.addItem(item)

    def _selectable(self, row: int) -> bool:
        item = self.results.item(row)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsSelectable)

    def current_choice(self) -> ServiceChoice | None:
        item = self.results.currentItem()
        if item is None or not self._selectable(self.results.row(item)):
            return None
        return self._choices.get(str(item.data(ROLE_CODE)))

    def describe(self, c: ServiceChoice) -> str:
        return self.tr("{name}, fee {fee} lekë, standard {days} working days").format(
            name=c.name(self.service.settings.current.language), fee=c.fee, days=c.standard_days
        )

    def _highlighted(self, row: int, *, speak: bool = True) -> None:
        c = self.current_choice()
        if c is None:
            text = self.tr("No service matches.") if self.search.text().strip() else ""
        else:
            rows = [i for i in range(self.results.count()) if self._selectable(i)]
            pos = rows.index(row) + 1 if row in rows else 0
            text = self.tr("{service}; {i} of {n}").format(service=self.describe(c), i=pos, n=len(rows))
        self.search.setAccessibleDescription(text)
        if speak and text and self.search.hasFocus():
            announce(self.search, text)

    def _activated(self, item: QListWidgetItem) -> None:
        choice = self._choices.get(str(item.data(ROLE_CODE)))
        if choice is not None:
            self.chosen.emit(choice)

    def _move(self, step: int) -> None:
        rows = [i for i in range(self.results.count()) if self._selectable(i)]
        if not rows:
            return
        cur = self.results.currentRow()
        pos = rows.index(cur) if cur in rows else -1
        self.results.setCurrentRow(rows[max(0, min(len(rows) - 1, pos + step))])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}
            if key in steps:
                self._move(steps[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                choice = self.current_choice()
                if choice is not None:
                    self.chosen.emit(choice)
                return True
        return super().eventFilter(obj, event)
