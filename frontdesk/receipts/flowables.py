"""The receipt's drawn parts: the Code128 barcode (:class:`Barcode`, :func:`code128_modules`), the QR code
(:class:`QrCode`), both on the 203 dpi dot grid (:data:`DOT`), and the framed paragraph (:class:`Boxed`).
Part of :mod:`frontdesk.receipts`."""

from __future__ import annotations

import functools

from barcode import Code128
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

DOT = 72.0 / 203.0  # one printer dot at 203 dpi, in points
QUIET_MODULES = 10


@functools.cache
def code128_modules(text: str) -> str:
    """The Code128 module pattern of ``text`` ('1' = bar), from python-barcode, without quiet zones."""
    return "".join(Code128(text).build())


class Barcode(Flowable):
    """Code128 bars as vector rectangles, centred, each edge on the 203 dpi dot grid of the page."""

    def __init__(self, text: str, module: float, height: float, page_x: float) -> None:
        super().__init__()
        self.pattern = code128_modules(text)
        self.spaceBefore, self.spaceAfter = 3.0, 2.0
        self.module = module
        self.bar_height = height
        self.page_x = page_x  # absolute x of the flowable's left edge on the page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        needed = (len(self.pattern) + 2 * QUIET_MODULES) * self.module
        if needed > avail_width + 0.01:
            raise ValueError("receipt number too long for a scannable barcode on this paper")
        return avail_width, self.bar_height

    def draw(self) -> None:
        width = len(self.pattern) * self.module
        start = round((self.page_x + (self.avail - width) / 2) / DOT) * DOT - self.page_x
        self.canv.setFillColor(colors.black)
        i, n = 0, len(self.pattern)
        while i < n:
            if self.pattern[i] == "1":
                j = i
                while j < n and self.pattern[j] == "1":
                    j += 1
                self.canv.rect(start + i * self.module, 0, (j - i) * self.module, self.bar_height, 0, 1)
                i = j
            else:
                i += 1


class QrCode(Flowable):
    """A QR code (segno: the symbol; drawn here as vector rectangles, dark runs of a row merged), centred,
    each module a whole number of 203 dpi dots on the page's dot grid, with the 4-module quiet zone."""

    QUIET = 4

    def __init__(self, text: str, module: float, page_x: float) -> None:
        super().__init__()
        import segno

        self.rows = [tuple(r) for r in segno.make(text, error="m", micro=False).matrix_iter(scale=1, border=0)]
        self.module = module
        self.page_x = page_x
        self.size = (len(self.rows) + 2 * self.QUIET) * module
        self.spaceBefore, self.spaceAfter = 2.0, 2.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        if self.size > avail_width + 0.01:
            raise ValueError("the status address is too long for a QR code on this paper")
        return avail_width, self.size

    def draw(self) -> None:
        n = len(self.rows)
        left = round((self.page_x + (self.avail - n * self.module) / 2) / DOT) * DOT - self.page_x
        top = self.size - self.QUIET * self.module
        self.canv.setFillColor(colors.black)
        for y, row in enumerate(self.rows):
            x = 0
            while x < n:
                if row[x]:
                    end = x
                    while end < n and row[end]:
                        end += 1
                    self.canv.rect(left + x * self.module, top - (y + 1) * self.module, (end - x) * self.module,
                                   self.module, 0, 1)  # fmt: skip
                    x = end
                else:
                    x += 1


class Boxed(Flowable):
    """A paragraph in a frame; ``inverted`` prints white on black (the copy mark)."""

    def __init__(self, para: Paragraph, *, inverted: bool = False, pad: float = 3.0, space: float = 4.0) -> None:
        super().__init__()
        self.para, self.inverted, self.pad = para, inverted, pad
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h = self.para.wrap(avail_width - 2 * self.pad, avail_height)
        self.width, self.height = avail_width, h + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(1.2)
        c.setFillColor(colors.black)
        c.rect(0.6, 0.6, self.width - 1.2, self.height - 1.2, stroke=1, fill=1 if self.inverted else 0)
        self.para.drawOn(c, self.pad, self.pad)
