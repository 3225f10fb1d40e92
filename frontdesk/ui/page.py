"""One base for the screens and dialogs: language change, first showing, text size.

Every screen used to repeat the same ``changeEvent`` (re-set the texts on ``LanguageChange``) and the
pages the same ``showEvent`` (load the data on the first showing). ``Page`` and ``Dialog`` do it once:

- ``retranslate()`` is called on every language change (and by the subclass once it has built itself);
- ``first_shown()`` is called the first time the widget is shown (lazy loading), ``shown_once`` tells;
- ``text_size_changed()`` is called when the application font changes (Ctrl+= / Ctrl+- / Ctrl+0), for
  the few widgets that size themselves from the text (column widths, minimum heights);
- ``focus_first()`` puts the keyboard on the page's first field when the main window shows it
  (``first_focus`` names that widget; the page itself otherwise).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget


class _Screen:
    """The shared behaviour; mixed into QWidget and QDialog below (it must come first in the bases)."""

    shown_once = False
    first_focus: QWidget | None = None

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def first_shown(self) -> None:
        """Load what the screen shows, the first time it is shown."""

    def text_size_changed(self) -> None:
        """The application's text size changed."""

    def focus_first(self) -> None:
        target = self.first_focus if self.first_focus is not None else self
        assert isinstance(target, QWidget)
        target.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.FontChange:
            self.text_size_changed()
        super().changeEvent(event)  # type: ignore[misc]

    def showEvent(self, event: QShowEvent) -> None:
        if not self.shown_once:
            self.shown_once = True
            self.first_shown()
        super().showEvent(event)  # type: ignore[misc]


class Page(_Screen, QWidget):
    """A screen of the main window (a tab)."""


class Dialog(_Screen, QDialog):
    """A dialog that follows the language and the text size; when it opens, the keyboard goes to its
    ``first_focus`` (the field to fill, or the default answer)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_focus is not None:
            self.activateWindow()
            self.first_focus.setFocus()
