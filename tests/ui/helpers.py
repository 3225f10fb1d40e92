"""Keyboard helpers for the UI tests (qtbot.keyClicks aborts on non-ASCII with PySide6 6.12)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from frontdesk.identity import sample_nid


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one character at a time (works for ë, ç)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def key(widget: QWidget, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, k, mod)


def nid(serial: int, sex: str = "M") -> str:
    return sample_nid(dt.date(1975, 3, 14), sex, serial)


def confirm_summary(page: object, qtbot: object) -> None:
    """The intake shows the visit's summary before saving: Enter on it saves (as a clerk would)."""
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    summary = page.summary  # type: ignore[attr-defined]
    QTest.keyClick(summary.save, Qt.Key.Key_Return)
