"""Printing through a real CUPS queue named ``PDF`` (cups-pdf backend), then reading the printed PDF back.

Set up by ``bash .ci/cups.sh`` (installs cups + printer-driver-cups-pdf, starts cupsd, creates the queue).
Without the queue these tests fail with that instruction; they never skip.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import datetime as dt
import getpass
import io
import pwd
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QPushButton

from frontdesk import receipts
from frontdesk.ui import printing

pytestmark = pytest.mark.ui

QUEUE = "PDF"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PRINTED_DPI = 300  # the PDF queue's resolution (CUPS-PDF_opt.ppd DefaultResolution): what was "printed"
WAIT_S = 60
MM_PT = 72 / 25.4


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install -y {package}")
    return path


@pytest.fixture(scope="module")
def app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


@pytest.fixture
def queue(app: QApplication) -> str:
    if QUEUE not in printing.available_printers():
        pytest.fail(f"the CUPS queue {QUEUE!r} is missing: run `bash .ci/cups.sh` (as root) first")
    return QUEUE


def make_doc(numbers: list[str], *, provisional: bool = True) -> receipts.ReceiptDoc:
    items = tuple(
        receipts.ReceiptItem(
            receipt_no=no,
            service_code=f"GC-0{i}",
            service_name="Certifikatë personale (DEMO) me emër të gjatë për të provuar mbështjelljen",
            documents=("Kartë identiteti (kopje)", "Mandat pagese"),
            fee_paid=500 * i,
            promised_date=dt.date(2026, 11, 30),
            priority=False,
            standard_days=5,
        )
        for i, no in enumerate(numbers, 1)
    )
    return receipts.ReceiptDoc(
        unit_name="Njësia Administrative Nr. 5 (DEMO)",
        office_name="Zyra me Një Ndalesë",
        workstation_code="W03",
        intake_time=dt.datetime(2026, 11, 23, 13, 5),
        citizen_name="Qytetar Demo Shembull",
        masked_nid="*******99W",
        clerk_name="Klerk Një (DEMO)",
        provisional=provisional,
        items=items,
        lang="sq",
    )


def output_dirs() -> list[Path]:
    """Where cups-pdf writes a job of the current user: its ``Out`` setting, and the anonymous dir."""
    user = getpass.getuser()
    settings = {"Out": "/var/spool/cups-pdf/${USER}", "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS"}
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text().splitlines():
            m = re.match(r"\s*(Out|AnonDirName)\s+(\S.*?)\s*$", line)
            if m:
                settings[m.group(1)] = m.group(2)
    home = pwd.getpwnam(user).pw_dir
    return [
        Path(v.replace("${USER}", user).replace("${HOME}", home))
        for v in (settings["Out"], settings["AnonDirName"])
    ]


def wait_for_output(title: str) -> Path:
    """The PDF cups-pdf made for job ``title``, once complete (bounded wait)."""
    deadline = time.monotonic() + WAIT_S
    last_size = -1
    while time.monotonic() < deadline:
        found = [p for d in output_dirs() if d.is_dir() for p in d.glob(f"{title}*.pdf")]
        if found:
            size = found[0].stat().st_size
            if size > 0 and size == last_size:
                try:
                    PdfReader(io.BytesIO(found[0].read_bytes()))
                    return found[0]
                except Exception:  # still being written
                    pass
            last_size = size
        time.sleep(0.5)
    pytest.fail(
        f"no cups-pdf output for job {title!r} in {output_dirs()} after {WAIT_S} s (see lpstat -W all -o)"
    )


def decode_printed(pdf_path: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    pdftoppm = tool("pdftoppm", "poppler-utils")
    zbarimg = tool("zbarimg", "zbar-tools")
    subprocess.run([pdftoppm, "-r", str(PRINTED_DPI), "-png", str(pdf_path), str(tmp_path / "p")], check=True)
    zb: list[str] = []
    zx: list[str] = []
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run([zbarimg, "-q", "--raw", str(png)], capture_output=True, text=True)
        assert out.returncode in (0, 4), out.stderr
        zb += [line for line in out.stdout.splitlines() if line]
        with Image.open(png) as im:
            zx += [r.text for r in zxingcpp.read_barcodes(im, formats=zxingcpp.BarcodeFormat.Code128)]
    return sorted(zb), sorted(zx)


@pytest.fixture
def title() -> Iterator[str]:
    t = f"fdtest-{uuid.uuid4().hex[:12]}"
    yield t
    for d in output_dirs():
        if d.is_dir():
            for p in d.glob(f"{t}*.pdf"):
                p.unlink(missing_ok=True)


def test_roll80_receipt_printed_through_cups_scans(queue: str, title: str, tmp_path: Path) -> None:
    no = "TR01-W03-000121K"
    pdf = receipts.render_receipt(make_doc([no]), paper="roll80", copy_no=1)
    printing.print_pdf(pdf, queue, paper="roll80", doc_name=title)
    out = wait_for_output(title)
    assert decode_printed(out, tmp_path) == ([no], [no])
    printed = PdfReader(io.BytesIO(out.read_bytes())).pages
    assert len(printed) == 1
    src = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    box = printed[0].mediabox
    assert float(box.width) == pytest.approx(80 * MM_PT, abs=1.0)  # ghostscript rounds to whole points
    assert float(box.height) == pytest.approx(float(src.height), abs=1.0)


def test_a5_visit_printed_through_cups_scans(queue: str, title: str, tmp_path: Path) -> None:
    numbers = ["TR01-W03-000122H", "TR01-W03-000123F", "TR01-W03-000124D"]
    pdf = receipts.render_receipt(make_doc(numbers), paper="a5")
    printing.print_pdf(pdf, queue, paper="a5", doc_name=title)
    out = wait_for_output(title)
    assert decode_printed(out, tmp_path) == (numbers, numbers)
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((148 * MM_PT, 210 * MM_PT), abs=2.0)


def test_unknown_printer_raises(app: QApplication) -> None:
    pdf = receipts.render_receipt(make_doc(["TR01-W03-000121K"]))
    with pytest.raises(printing.PrinterUnavailable) as err:
        printing.print_pdf(pdf, "NoSuchPrinter-fd", paper="roll80")
    assert err.value.printer == "NoSuchPrinter-fd"
    assert "NoSuchPrinter-fd" in err.value.message()
    assert "saved" in err.value.message()


def test_queue_rejecting_jobs_raises(queue: str) -> None:
    lpadmin = tool("lpadmin", "cups-client")
    cupsreject = tool("cupsreject", "cups-client")
    name = f"fdtest_reject_{os.getpid()}"
    ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
    subprocess.run([lpadmin, "-p", name, "-v", "cups-pdf:/", "-P", ppd], check=True, capture_output=True)
    try:
        subprocess.run([cupsreject, name], check=True)
        assert name in printing.available_printers()
        pdf = receipts.render_receipt(make_doc(["TR01-W03-000121K"]))
        with pytest.raises(printing.PrinterUnavailable) as err:
            printing.print_pdf(pdf, name, paper="roll80")
        assert "not accepting" in err.value.message()
    finally:
        subprocess.run([lpadmin, "-x", name], check=False)


def test_choose_printer(queue: str) -> None:
    assert printing.choose_printer(queue) == queue
    assert printing.choose_printer("NoSuchPrinter-fd") == printing.default_printer()
    assert printing.choose_printer(None) == printing.default_printer()


def test_preview_dialog(app: QApplication) -> None:
    numbers = ["TR01-W03-000121K", "TR01-W03-000122H", "TR01-W03-000123F"]
    pdf = receipts.render_receipt(make_doc(numbers), paper="a5")
    printed: list[bool] = []
    dialog = printing.preview_dialog(pdf, None, on_print=lambda: printed.append(True))
    dialog.show()
    app.processEvents()
    view = dialog.findChild(QPdfView)
    assert view is not None and view.document() is not None
    assert view.document().pageCount() == len(PdfReader(io.BytesIO(pdf)).pages) == 2
    print_button = dialog.findChild(QPushButton, "print")
    close_button = dialog.findChild(QPushButton, "close")
    assert print_button is not None and close_button is not None
    close_button.click()
    assert dialog.result() == dialog.DialogCode.Rejected and not printed
    dialog.show()
    print_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and printed == [True]
    dialog.deleteLater()


def test_render_page_is_crisp_and_scans(app: QApplication, tmp_path: Path) -> None:
    """What a 203 dpi thermal printer receives: the page image QtPdf renders at its resolution."""
    no = "TR01-W03-000121K"
    doc = printing.load_pdf(receipts.render_receipt(make_doc([no])))
    img = printing.render_page(doc, 0, 203)
    assert img.width() == round(80 / 25.4 * 203)
    path = tmp_path / "thermal.png"
    assert img.save(str(path))
    with Image.open(path) as im:
        assert [r.text for r in zxingcpp.read_barcodes(im, formats=zxingcpp.BarcodeFormat.Code128)] == [no]
    doc.close()
