"""Translatable text in the Qt-free core.

The core never imports Qt, but its user-facing messages are translated with Qt Linguist like the rest
of the app. Strings are marked with ``QT_TRANSLATE_NOOP(context, text)`` — ``pyside6-lupdate`` extracts
calls by that name from any Python file — and rendered later by whoever shows them: the UI passes
``QCoreApplication.translate``; the command line keeps the English source text.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text


def identity_translator(context: str, text: str) -> str:
    return text
