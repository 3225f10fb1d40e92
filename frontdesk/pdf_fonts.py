"""The fonts of every PDF the app makes (receipts, report exports): DejaVu Sans, embedded, because
reportlab's built-in fonts cannot draw every letter of Albanian and Latin Extended names (ā, ē, ...)."""

from __future__ import annotations

import functools

from .paths import resource

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


@functools.cache
def register() -> None:
    """Register the two faces and their family with reportlab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
