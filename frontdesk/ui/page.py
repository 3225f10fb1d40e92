"""One base for the screens and dialogs: language change, first showing, text size.

Every screen used to repeat the same ``changeEvent`` (re-set the texts on ``LanguageChange``) and the
pages the same ``showEvent`` (load the data on the first showing). ``Page`` and ``Dialog`` do it once:

- ``retranslate()`` is called on every language change (and by the subclass once it has built itself);
- ``first_shown()`` is called the first time the widget is shown (lazy loading), ``shown_once`` tells;
- ``text_size_changed()`` is called when the application font changes (Ctrl+= / Ctrl+- / Ctrl+0), for
  the few widgets that size themselves from the text (column widths, minimum heights);
- ``focus_first()`` puts the keyboard on the page's first field when the main window shows it
  (``first_focus`` names that widget; the page itself otherwise).

Focus order (issue 15): a page's Tab stops are ``tab_chain()``, its own widgets in screen order. Tab and
Shift+Tab walk them both ways — the same order, mirrored — and past the last (or before the first) stop
leave the page for the window (``leave_page``), so no table, list or group keeps the keyboard. Qt's
``setTabOrder`` alone could not promise this: with focus proxies and pages built on first use, its chain
formed cycles that skipped the citizen fields.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QWidget


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

    def tab_chain(self) -> list[QWidget]:
        """The page's Tab stops in screen order (hidden or disabled ones are skipped); [] = Qt's chain."""
        return []

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


def _control(w: QWidget | None) -> QWidget | None:
    """The control a focus widget belongs to (the line edit inside a spin box or an editable combo)."""
    p = w.parentWidget() if w is not None else None
    return p if isinstance(p, QAbstractSpinBox | QComboBox) else w


def _takes_tab(w: QWidget, page: QWidget) -> bool:
    return bool(w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus)


class Page(_Screen, QWidget):
    """A screen of the main window (a tab)."""

    def stops(self) -> list[QWidget]:
        """The Tab stops of the page now, in order ([] when the page names none: Qt's chain decides).

        Only the page's own widgets: walking Qt's focus chain would make Python wrappers for the
        internals of tables (viewport, scroll bars, headers), and PySide6 6.12 crashes when the garbage
        collector later frees those."""
        return [w for w in self.tab_chain() if _takes_tab(w, self)]

    def leave_page(self, forward: bool) -> bool:
        """Past the last stop (or before the first): the window decides where the keyboard goes."""
        window = self.window()
        leave = getattr(window, "focus_out_of_page", None)
        return bool(leave(forward)) if callable(leave) else False

    def focusNextPrevChild(self, next: bool) -> bool:
        current = _control(QApplication.focusWidget())
        stops = self.stops()
        if current in stops:
            i = stops.index(current) + (1 if next else -1)
            if 0 <= i < len(stops):
                reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                stops[i].setFocus(reason)
                return True
            if self.leave_page(next):
                return True
        return super().focusNextPrevChild(next)


class Part(_Screen, QWidget):
    """A piece of a page that follows the language (its Tab stops are its page's)."""


class Dialog(_Screen, QDialog):
    """A dialog that follows the language and the text size; when it opens, the keyboard goes to its
    ``first_focus`` (the field to fill, or the default answer)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_focus is not None:
            self.activateWindow()
            self.first_focus.setFocus()
