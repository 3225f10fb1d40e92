"""Printing receipts through the system's printers (Qt print support), and the print preview.

The receipt PDF (frontdesk.receipts) is rasterised page by page with QtPdf (``QPdfDocument.render``,
from the ``PySide6_Pdf`` wheel) at the printer's own resolution — 203 dpi on a thermal printer, so every
barcode module lands on whole dots — and painted with QPainter onto a QPrinter whose page is exactly
the receipt's page (80 mm × fitted height, or A5), full page, no margins. This works with any driver
(thermal ESC/POS drivers under CUPS or Windows, lasers, virtual PDF queues) because the printer only
receives an image of the page.

A printer problem never loses the request: the request is saved before printing, ``print_pdf`` raises
``PrinterUnavailable`` with a sentence the clerk understands, and the receipt can be reprinted later.
``print_pdf`` may run on a worker thread (ui/tasks.py): QPainter may paint on QPrinter and QImage
outside the GUI thread. ``preview_dialog`` must be called on the GUI thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from frontdesk.errors import FrontdeskError
from frontdesk.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "printing"
MIN_DPI = 200  # a 2-dot barcode module at 203 dpi is the finest the receipt uses
MAX_DPI = 600  # a receipt needs no more; caps memory for "high resolution" virtual printers
PAPERS = ("roll80", "a5")


class PrinterUnavailable(FrontdeskError):
    """The printer is missing, stopped, not accepting jobs or could not start the job.

    The request is already saved; the caller shows :meth:`message` and offers a reprint later.
    """

    exit_code = 7
    context = CONTEXT

    def __init__(self, text: str, printer: str = "", **params: Any) -> None:
        self.printer = printer
        super().__init__(text, printer=printer, **params)

    def message(self) -> str:
        """The message in the installed UI language (QCoreApplication.translate, context "printing")."""
        return self.render(QCoreApplication.translate)


_NO_PRINTER = QT_TRANSLATE_NOOP(
    "printing",
    "No printer is set up on this workstation. The request is saved: choose a printer in the settings "
    "and reprint the receipt.",
)
_MISSING = QT_TRANSLATE_NOOP(
    "printing",
    "The printer {printer} is not available. The request is saved: reprint the receipt when the printer "
    "is back, or choose another printer.",
)
_NOT_ACCEPTING = QT_TRANSLATE_NOOP(
    "printing",
    "The printer {printer} is stopped or is not accepting jobs. The request is saved: reprint the receipt "
    "when the printer is back, or choose another printer.",
)
_BEGIN_FAILED = QT_TRANSLATE_NOOP(
    "printing",
    "Printing on {printer} could not start. The request is saved: check the printer (paper, cover, "
    "cable) and reprint the receipt.",
)


def no_printer() -> PrinterUnavailable:
    """The error for a workstation with no printer set up (the request is saved; reprint later)."""
    return PrinterUnavailable(_NO_PRINTER)


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str | None:
    return QPrinterInfo.defaultPrinterName() or None


def choose_printer(preferred: str | None) -> str | None:
    """The remembered printer if it still exists, else the system default, else None."""
    if preferred and preferred in available_printers():
        return preferred
    return default_printer()


def _cups_accepting(name: str) -> bool | None:
    """CUPS' own view: False when the queue is stopped or rejects jobs, None when CUPS cannot tell."""
    if sys.platform == "win32":
        return None
    lib_name = ctypes.util.find_library("cups")
    if not lib_name:
        return None

    class Option(ctypes.Structure):
        _fields_ = (("name", ctypes.c_char_p), ("value", ctypes.c_char_p))

    class Dest(ctypes.Structure):
        _fields_ = (
            ("name", ctypes.c_char_p),
            ("instance", ctypes.c_char_p),
            ("is_default", ctypes.c_int),
            ("num_options", ctypes.c_int),
            ("options", ctypes.POINTER(Option)),
        )

    try:
        cups = ctypes.CDLL(lib_name)
        cups.cupsGetNamedDest.restype = ctypes.POINTER(Dest)
        cups.cupsGetNamedDest.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)
        cups.cupsGetOption.restype = ctypes.c_char_p
        cups.cupsGetOption.argtypes = (ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(Option))
        cups.cupsFreeDests.argtypes = (ctypes.c_int, ctypes.POINTER(Dest))
    except (OSError, AttributeError):
        return None
    dest = cups.cupsGetNamedDest(None, name.encode(), None)
    if not dest:
        return None
    try:
        d = dest.contents
        accepting = cups.cupsGetOption(b"printer-is-accepting-jobs", d.num_options, d.options)
        state = cups.cupsGetOption(b"printer-state", d.num_options, d.options)
    finally:
        cups.cupsFreeDests(1, dest)
    if accepting is not None and accepting.decode().lower() in ("false", "0"):
        return False
    return state is None or state.decode() != "5"  # 5: IPP_PSTATE_STOPPED


def _check_printer(name: str | None) -> QPrinterInfo:
    if not name:
        raise PrinterUnavailable(_NO_PRINTER)
    if name not in available_printers():
        raise PrinterUnavailable(_MISSING, printer=name)
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrinterUnavailable(_MISSING, printer=name)
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrinterUnavailable(_NOT_ACCEPTING, printer=name)
    if _cups_accepting(name) is False:
        raise PrinterUnavailable(_NOT_ACCEPTING, printer=name)
    return info


def load_pdf(pdf: bytes, parent: Any = None) -> QPdfDocument:
    """A QPdfDocument over ``pdf`` (the buffer is kept alive as the document's child)."""
    doc = QPdfDocument(parent)
    buffer = QBuffer(doc)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        raise ValueError(f"receipt PDF could not be read: {doc.error()}")
    return doc


def render_page(doc: QPdfDocument, page: int, dpi: float) -> QImage:
    """Page ``page`` as an 8-bit grayscale image on white at ``dpi``; barcode paths are not anti-aliased."""
    pt = doc.pagePointSize(page)
    size = QSize(max(1, round(pt.width() * dpi / 72)), max(1, round(pt.height() * dpi / 72)))
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.PathAliased)
    raw = doc.render(page, size, options)
    page_img = QImage(size, QImage.Format.Format_RGB32)
    page_img.fill(Qt.GlobalColor.white)
    p = QPainter(page_img)
    p.drawImage(0, 0, raw)
    p.end()
    return page_img.convertToFormat(QImage.Format.Format_Grayscale8)


def _resolution(info: QPrinterInfo, fallback: int) -> int:
    """The printer's own resolution for a receipt: the lowest it supports from MIN_DPI up (203 on a
    thermal printer, 300 on most others); a receipt gains nothing from more and the job stays small."""
    supported = sorted(r for r in info.supportedResolutions() if r > 0)
    if not supported:
        return min(fallback, MAX_DPI)
    enough = [r for r in supported if r >= MIN_DPI]
    return enough[0] if enough else supported[-1]


def _page_size(paper: str, points: QSizeF) -> QPageSize:
    if paper == "a5":
        return QPageSize(QPageSize.PageSizeId.A5)
    return QPageSize(points, QPageSize.Unit.Point, "Receipt 80 mm", QPageSize.SizeMatchPolicy.ExactMatch)


def print_pdf(pdf: bytes, printer_name: str | None, *, paper: str, doc_name: str = "receipt") -> None:
    """Print the receipt ``pdf`` on ``printer_name`` (None: the system default).

    Raises PrinterUnavailable when there is no such printer, it is stopped or rejects jobs, or the job
    cannot start.
    """
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    info = _check_printer(printer_name or default_printer())
    name = info.printerName()
    doc = load_pdf(pdf)
    try:
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setResolution(_resolution(info, printer.resolution()))
        printer.setDocName(doc_name)
        printer.setFullPage(True)
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
        first = doc.pagePointSize(0)
        layout = QPageLayout(_page_size(paper, first), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        layout.setMode(QPageLayout.Mode.FullPageMode)
        if not printer.setPageLayout(layout):
            log.warning("printer %s refused the page layout %s", name, layout.pageSize().name())
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterUnavailable(_BEGIN_FAILED, printer=name)
        try:
            for page in range(doc.pageCount()):
                if page and not printer.newPage():
                    raise PrinterUnavailable(_BEGIN_FAILED, printer=name)
                pt = doc.pagePointSize(page)
                res = printer.resolution()
                target = QRectF(0, 0, pt.width() * res / 72, pt.height() * res / 72)
                painter.drawImage(target, render_page(doc, page, dpi))
        finally:
            ended = painter.end()
        if not ended:
            raise PrinterUnavailable(_BEGIN_FAILED, printer=name)
        log.info("receipt %s sent to printer %s (%d page(s), %d dpi)", doc_name, name, doc.pageCount(), dpi)
    finally:
        doc.close()
        doc.deleteLater()


def preview_dialog(
    pdf: bytes, parent: QWidget | None = None, *, on_print: Callable[[], None] | None = None, title: str = ""
) -> QDialog:
    """A dialog showing a receipt's (or slip's) pages with Print and Close.

    Print calls ``on_print`` (if given) and accepts the dialog, so ``exec()`` returning Accepted also
    means "print"; Close rejects it. Texts are the app's own (context "printing"), Albanian by default.
    """
    dialog = QDialog(parent)
    dialog.setObjectName("preview_dialog")
    title = title or QCoreApplication.translate("printing", "Receipt preview")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    doc = load_pdf(pdf, dialog)
    view = QPdfView(dialog)
    view.setAccessibleName(QCoreApplication.translate("printing", "Pages to print"))
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.setDocument(doc)
    buttons = QDialogButtonBox(dialog)
    print_button = buttons.addButton(
        QCoreApplication.translate("printing", "&Print"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    close_button = buttons.addButton(
        QCoreApplication.translate("printing", "C&lose"), QDialogButtonBox.ButtonRole.RejectRole
    )
    print_button.setDefault(True)
    print_button.setObjectName("print")
    close_button.setObjectName("close")
    for b in (print_button, close_button):
        b.setAccessibleName(b.text().replace("&", ""))

    def _print() -> None:
        if on_print is not None:
            on_print()
        dialog.accept()

    print_button.clicked.connect(_print)
    close_button.clicked.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view, 1)
    layout.addWidget(buttons)
    dialog.resize(420, 600)
    dialog.pdf_view = view  # type: ignore[attr-defined]
    dialog.pdf_document = doc  # type: ignore[attr-defined]
    return dialog


__all__ = [
    "PrinterUnavailable",
    "available_printers",
    "choose_printer",
    "default_printer",
    "load_pdf",
    "preview_dialog",
    "print_pdf",
    "render_page",
]
