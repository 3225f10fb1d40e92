"""Interface language and text size, both switchable at runtime.

Convention (docs/ui.md): source strings are English; ``frontdesk_sq.qm`` holds the complete Albanian
translation (the default language) and ``frontdesk_en.qm`` the identity English one. Installing a new
translator makes Qt send ``LanguageChange`` to every widget; each screen re-sets its texts in
``changeEvent``. Text size is the application font's point size; headings are sized relative to it
through the application style sheet, so every screen follows Ctrl+= / Ctrl+- / Ctrl+0.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from frontdesk.paths import resource

from .settings import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"sq": "Shqip", "en": "English"}


def translations_dir() -> Path:
    return resource("translations")


class LanguageManager:
    """Owns the installed translators; ``switch(lang)`` replaces them (the app retranslates itself)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ""

    def clear(self) -> None:
        for tr in self._installed:
            self._app.removeTranslator(tr)
            tr.deleteLater()
        self._installed = []
        self.language = ""

    def switch(self, lang: str) -> bool:
        """Install the translators for ``lang``; False when the app's own .qm could not be loaded."""
        self.clear()
        own = QTranslator()
        ok = own.load(str(translations_dir() / f"frontdesk_{lang}.qm"))
        if ok:
            self._app.installTranslator(own)
            self._installed.append(own)
        else:
            log.warning("translation %s not found in %s", lang, translations_dir())
        # Qt's own texts (standard buttons, the file dialog, context menus): Qt's catalogue when it ships
        # one for the language, else ours — Qt has no Albanian, so frontdesk ships qt_sq (see docs/ui.md)
        qt = QTranslator()
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or (
            qt.load(str(translations_dir() / f"qt_{lang}.qm"))
        ):
            self._app.installTranslator(qt)
            self._installed.append(qt)
        QLocale.setDefault(QLocale(lang))
        self.language = lang
        # deliver the LanguageChange events now, so every screen is retranslated when this returns
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return ok


def style_sheet(point_size: int) -> str:
    """Relative sizes for the few emphasised labels; regenerated when the text size changes."""
    return (
        f"QLabel[role='heading'] {{ font-size: {point_size + 5}pt; font-weight: bold; }}"
        f"QLabel[role='receipt'] {{ font-size: {point_size + 3}pt; font-weight: bold; }}"
        f"QLabel[role='subheading'] {{ font-weight: bold; }}"
        f"QLabel[role='banner'] {{ background: #fff4c2; color: #4a3b00; padding: 4px; }}"
        f"QLabel[role='warning'] {{ color: #8a4b00; }}"
        f"QLabel[role='error'] {{ color: #a40000; }}"
        f"QLabel[role='ok'] {{ color: #1d6b1d; }}"
    )


def apply_point_size(app: QApplication, size: int) -> int:
    """Set the application font's point size (clamped); every widget without its own font follows."""
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
    font = app.font()
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(style_sheet(size))
    return size


def step_point_size(current: int, step: int) -> int:
    if step == 0:
        return DEFAULT_POINT_SIZE
    return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, current + step))
