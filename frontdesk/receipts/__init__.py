"""Receipt PDF: the citizen's proof of intake and the counter's promise (reportlab + python-barcode).

A receipt is rebuilt from the database every time (:func:`load_receipt`), never stored as a file, so
it can be reproduced at any time; :func:`render_receipt` is deterministic (reportlab ``invariant=1``).

Papers: ``roll80`` — 80 mm thermal roll, 72 mm printable, page height fitted to the content (the content
is measured first, then a page of exactly that height is made); ``a5`` — A5 portrait, more pages if a
large visit needs them.

Barcode: Code128. python-barcode computes the module pattern (start, data with automatic code-set
switching, check symbol, stop); the bars are drawn as vector rectangles. The module width is a
whole number of printer dots at 203 dpi (2 dots = 0.250 mm on roll80, 3 dots = 0.375 mm on A5) and
every bar edge is placed on that dot grid from the page's left edge, so a 203 dpi raster has crisp
bars; quiet zones are at least 10 modules on each side.

The modules import each other in one direction only: :mod:`.data` (what a receipt says, loaded from the
database: :class:`ReceiptDoc`, :class:`ReceiptItem`, :func:`load_receipt`, :func:`status_url`) and
:mod:`.flowables` (the barcode, the QR code, the framed paragraph) stand alone; :mod:`.layout` (papers,
styles, pages, :func:`render_receipt`) builds on both. Callers use the names this package re-exports
(``receipts.render_receipt(...)``, ``from frontdesk.receipts import load_receipt``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..receipts_text import STRINGS
from .data import LANGS as LANGS
from .data import ReceiptDoc, ReceiptItem, load_receipt
from .data import status_url as status_url
from .flowables import DOT as DOT
from .flowables import QUIET_MODULES as QUIET_MODULES
from .flowables import Barcode as Barcode
from .flowables import Boxed as Boxed
from .flowables import QrCode as QrCode
from .flowables import code128_modules
from .layout import _PAPERS as _PAPERS  # the slips (frontdesk.receipts_slips) use the receipt's papers and parts
from .layout import CURRENCY as CURRENCY
from .layout import PAPERS, render_receipt
from .layout import _draw as _draw
from .layout import _e as _e
from .layout import _field as _field
from .layout import _measure as _measure
from .layout import _rule as _rule
from .layout import _Styles as _Styles
from .layout import format_date as format_date
from .layout import format_fee as format_fee


def receipt_pdf(session: Session, receipt_no: str, **kwargs: Any) -> bytes:
    """Shortcut: load and render (keyword arguments: lang, whole_visit, paper, copy_no)."""
    load_kw = {k: kwargs.pop(k) for k in ("lang", "whole_visit") if k in kwargs}
    return render_receipt(load_receipt(session, receipt_no, **load_kw), **kwargs)


__all__ = [
    "PAPERS",
    "STRINGS",
    "ReceiptDoc",
    "ReceiptItem",
    "code128_modules",
    "load_receipt",
    "receipt_pdf",
    "render_receipt",
]
