"""Core messages as the user reads them in Albanian (the shipped .ts file, read without Qt)."""

from __future__ import annotations

from frontdesk.i18n import catalog_translator


def albanian(context: str, text: str) -> str | None:
    """The finished Albanian translation of ``text``, or None when there is none."""
    done = catalog_translator("sq")(context, text)
    return done if done != text else None
