"""What the whole app shares for one run: the store, settings, task runner, language and text size.

Created once by ``app.run`` (or by a test) and passed in; there are no module-level singletons to reset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from frontdesk.db import Store
from frontdesk.setup import WorkstationInfo

from .language import LanguageManager, apply_point_size, step_point_size
from .settings import SettingsStore
from .tasks import TaskRunner


class _Notifier(QObject):
    point_size_changed = Signal(int)
    language_changed = Signal(str)


@dataclass
class AppContext:
    app: QApplication
    store: Store
    settings: SettingsStore
    tasks: TaskRunner
    languages: LanguageManager
    workstation: WorkstationInfo
    demo: bool = False
    notifier: _Notifier = field(default_factory=_Notifier)

    def set_language(self, lang: str) -> None:
        st = self.settings.update(language=lang)
        self.languages.switch(st.language)
        self.notifier.language_changed.emit(st.language)

    def set_point_size(self, size: int) -> int:
        size = apply_point_size(self.app, size)
        self.settings.update(point_size=size)
        self.notifier.point_size_changed.emit(size)
        return size

    def zoom(self, step: int) -> int:
        """+1 / -1 point, 0 resets to the default size."""
        return self.set_point_size(step_point_size(self.settings.current.point_size, step))
