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


def user_language(environ: dict[str, str] | None = None) -> str:
    """``sq`` or ``en`` for the command line, from the POSIX locale variables (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``, ``LANGUAGE``) or ``FRONTDESK_LANG``, which wins; English when nothing says Albanian."""
    import os

    env = os.environ if environ is None else environ
    for var in ("FRONTDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = (env.get(var) or "").strip().lower()
        if value:
            return "sq" if value.startswith(("sq", "al")) else "en"
    return "en"


_CATALOGS: dict[str, dict[tuple[str, str], str]] = {}


def catalog_translator(lang: str) -> Translator:
    """The finished translations of the shipped Qt Linguist file for ``lang``, read without Qt (the
    command line speaks the user's language too); the English source for anything not translated."""
    if lang not in _CATALOGS:
        import xml.etree.ElementTree as ET

        from .paths import resource

        table: dict[tuple[str, str], str] = {}
        try:
            root = ET.parse(resource("translations", f"frontdesk_{lang}.ts")).getroot()
        except (OSError, ET.ParseError):
            root = None
        for ctx in root.iter("context") if root is not None else ():
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text:
                    continue
                table[(name, msg.findtext("source") or "")] = tr.text
        _CATALOGS[lang] = table
    table = _CATALOGS[lang]
    return lambda context, text: table.get((context, text), text)
