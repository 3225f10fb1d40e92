"""Text folding for search: case- and accent-insensitive keys (ë → e, ç → c)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, accents removed, whitespace collapsed: ``"Çlirim  Shëmbulli"`` → ``"clirim shembulli"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
