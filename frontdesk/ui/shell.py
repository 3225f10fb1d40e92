"""What the add-ons of the main window see of it: a small interface instead of its widgets.

The supervision pages (``ui/supervisor``) and the sync indicator (``ui/sync_panel.py``) used to import the
main window and reach into its tabs, menus and pages — an import circle (``mainwindow`` → ``supervisor``
→ ``mainwindow``). Now the arrows point one way: ``mainwindow`` imports them and hands them a
:class:`Shell`; they import only this module.

- :class:`DataEvents` — "data changed" hooks, as Anki's operation hooks: whoever changes requests says so
  (``requests_changed``, with the receipt numbers, or ``remote_changes`` after a sync pulled some), and
  the screens that show requests subscribe. No add-on refreshes another's page itself.
- :class:`Screens` — the main window's tabs. Each page sits in a :class:`PageFrame` (a scroll area), so a
  page on a small screen or at a large text size scrolls instead of making the window larger than the
  screen; ``widget``/``indexOf``/``setCurrentWidget``/``currentWidget`` speak of the pages themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QMenu, QMenuBar, QScrollArea, QStatusBar, QTabWidget, QWidget

if TYPE_CHECKING:
    from .context import AppContext
    from .services import CounterService
    from .worklist import WorklistPage


class DataEvents(QObject):
    """Signals about data, for the screens that show it."""

    requests_changed = Signal(list)  # receipt numbers changed on this workstation ([]: several/unknown)
    remote_changes = Signal()  # a sync cycle applied changes pulled from the central system


class PageFrame(QScrollArea):
    """A page of the main window in a frameless scroll area that follows the page's focus."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName(f"frame_{page.objectName()}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls, not the frame
        self.setWidget(page)


class Screens(QTabWidget):
    """The main window's pages as tabs, each in a :class:`PageFrame`.

    The frames are kept referenced here: a Python-made widget handed to Qt otherwise loses its Python
    half to the garbage collector, and PySide6 6.12 then frees the C++ object twice."""

    def __init__(self) -> None:
        super().__init__()
        self._frames: list[PageFrame] = []

    def _frame(self, page: QWidget) -> PageFrame:
        frame = PageFrame(page)
        self._frames.append(frame)
        return frame

    def addTab(self, page: QWidget, text: str) -> int:  # type: ignore[override]
        return super().addTab(self._frame(page), text)

    def insertTab(self, index: int, page: QWidget, text: str) -> int:  # type: ignore[override]
        return super().insertTab(index, self._frame(page), text)

    def removeTab(self, index: int) -> None:
        frame = super().widget(index)
        super().removeTab(index)
        self._frames = [f for f in self._frames if f is not frame]

    def widget(self, index: int) -> QWidget | None:
        frame = super().widget(index)
        return frame.widget() if isinstance(frame, QScrollArea) else frame

    def frame(self, index: int) -> QWidget | None:
        return super().widget(index)

    def pages(self) -> list[QWidget]:
        return [w for w in (self.widget(i) for i in range(self.count())) if w is not None]

    def indexOf(self, page: QWidget) -> int:
        for i in range(self.count()):
            if self.widget(i) is page or super().widget(i) is page:
                return i
        return -1

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, page: QWidget) -> None:
        i = self.indexOf(page)
        if i >= 0:
            self.setCurrentIndex(i)


class Shell(Protocol):
    """The main window as its add-ons (supervision, sync) may use it."""

    ctx: AppContext
    service: CounterService
    events: DataEvents
    file_menu: QMenu

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def add_page(self, page: QWidget, title: Callable[[], str]) -> int:
        """Add a page as a tab; ``title()`` gives its text in the current language."""
        ...

    def show_page(self, page: QWidget) -> None:
        """Show a page and put the keyboard on its first control."""
        ...

    def worklist_page(self) -> WorklistPage:
        """The worklist page (built on first use)."""
        ...

    def say(self, text: str, timeout_ms: int = 8000) -> None:
        """A short message in the status bar (announced to a screen reader)."""
        ...

    def as_widget(self) -> QWidget:
        """The window itself, as the parent of a dialog."""
        ...

    def installEventFilter(self, watcher: QObject) -> None: ...
