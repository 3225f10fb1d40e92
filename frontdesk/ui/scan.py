"""Scan-to-find from any screen.

A barcode scanner is a keyboard that types the receipt number very fast and presses Enter. The
``ScanCatcher`` (an application-wide event filter) watches key presses delivered to the focused widget;
when a burst of characters typed faster than a person can (< ``MAX_GAP`` between keys) ends with Enter
and looks like a receipt number (``numbering.looks_like_receipt_no``), it swallows the Enter, removes the
burst from the field it landed in, and emits ``scanned(text)``. F2 focuses the toolbar's scan field for
typing a number by hand.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from frontdesk.numbering import looks_like_receipt_no

MAX_GAP = 0.05  # seconds between keys of a scanner burst (people type ≥ ~80 ms apart)
MIN_LENGTH = 8


def _receipt_suffix(burst: str) -> str | None:
    """The receipt number at the end of a fast burst (scanners never type spaces), or None."""
    tail = burst.split()[-1] if burst.split() else ""
    return tail if len(tail) >= MIN_LENGTH and looks_like_receipt_no(tail) else None


class ScanCatcher(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap: float = MAX_GAP) -> None:
        super().__init__(parent)
        self.max_gap = max_gap
        self.enabled = True
        self._buf = ""
        self._last = 0.0
        self._target: QObject | None = None

    def reset(self) -> None:
        self._buf = ""
        self._target = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if obj is not QApplication.focusWidget():  # each key once (not again when it propagates)
            return False
        assert isinstance(event, QKeyEvent)
        now = time.monotonic()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst, target = self._buf, self._target
            fast = now - self._last <= self.max_gap * 4
            self.reset()
            number = _receipt_suffix(burst) if fast else None
            if number is not None:
                self._remove_burst(target, number)
                self.scanned.emit(number)
                return True
            return False
        text = event.text()
        if (
            len(text) == 1
            and text.isprintable()
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            if now - self._last > self.max_gap or obj is not self._target:
                self._buf = ""
            self._buf += text
            self._target = obj
            self._last = now
        elif key not in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
            self.reset()
        return False

    @staticmethod
    def _remove_burst(target: QObject | None, burst: str) -> None:
        """Undo what the scanner typed into the focused field (it was never meant for that field)."""
        if isinstance(target, QLineEdit) and target.text().endswith(burst):
            target.setText(target.text()[: -len(burst)])
        elif isinstance(target, QPlainTextEdit | QTextEdit):
            doc_text = target.toPlainText()
            if doc_text.endswith(burst):
                target.setPlainText(doc_text[: -len(burst)])
