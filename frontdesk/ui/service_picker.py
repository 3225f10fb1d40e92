"""Type-to-search service picker: a search field over a short result list, keyboard first.

Typing filters by code and by the Albanian and English names (accent-insensitive, most used first —
``catalog.search_services`` decides); Up/Down move in the list without leaving the field; Enter takes
the highlighted (or first) service.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .services import CounterService, ServiceChoice

ROLE_CODE = Qt.ItemDataRole.UserRole


class ServicePicker(QWidget):
    chosen = Signal(object)  # ServiceChoice

    def __init__(self, service: CounterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.search = QLineEdit()
        self.search.setObjectName("service_search")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("service_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the field drives it: Tab skips the list
        self.results.setMinimumHeight(110)
        self._choices: dict[str, ServiceChoice] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.results)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Type a code or part of the name…"))
        self.search.setAccessibleName(self.tr("Search service"))
        self.results.setAccessibleName(self.tr("Matching services"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        lang = self.service.settings.current.language
        found = self.service.search_services(self.search.text(), limit=40)
        self.results.clear()
        self._choices = {c.code: c for c in found}
        for c in found:
            item = QListWidgetItem(f"{c.code} — {c.name(lang)}")
            item.setData(ROLE_CODE, c.code)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def current_choice(self) -> ServiceChoice | None:
        item = self.results.currentItem()
        if item is None:
            return None
        return self._choices.get(str(item.data(ROLE_CODE)))

    def _activated(self, item: QListWidgetItem) -> None:
        choice = self._choices.get(str(item.data(ROLE_CODE)))
        if choice is not None:
            self.chosen.emit(choice)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                n = self.results.count()
                if n:
                    step = {
                        Qt.Key.Key_Down: 1,
                        Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 5,
                        Qt.Key.Key_PageUp: -5,
                    }[Qt.Key(key)]
                    self.results.setCurrentRow(max(0, min(n - 1, self.results.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                choice = self.current_choice()
                if choice is not None:
                    self.chosen.emit(choice)
                return True
        return super().eventFilter(obj, event)
