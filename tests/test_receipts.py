"""Receipts: built from a real SQLite store, rendered to PDF, rasterised at 203 dpi (an 80 mm thermal
printer) with pdftoppm and decoded back with two independent barcode readers (zbar and zxing-cpp).

Missing tools make these tests fail, never skip: poppler-utils (pdftoppm, pdftotext), zbar-tools
(zbarimg), and the pip packages zxing-cpp, pillow, pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select
from stdnum.iso7064 import mod_37_36

from frontdesk import receipts
from frontdesk.db import Store
from frontdesk.errors import NotFound
from frontdesk.models import Request, Service, ServiceDocument, SyncState, Unit, User, Workstation

try:
    import zxingcpp
except ImportError as exc:  # fail loudly, never skip
    raise RuntimeError("pip install zxing-cpp pillow: the receipt tests decode barcodes with it") from exc

DPI = 203
MM_PT = 72 / 25.4
NID = "J00101999W"  # fictitious
MASKED = "*******99W"
LONG_SERVICE = (
    "Vërtetim për regjistrimin e pronës së paluajtshme në kadastër me hartë treguese dhe kopje të "
    "njësuar të çertifikatës së."
)
LONG_CITIZEN = "Qytetar Demo Shembull Ëçāēšž Përmbledhësi Gjatësisë Testuese"
UNBREAKABLE = "Ë" + "x" * 70 + "ž"  # one 72-character word: must wrap too, not overflow
NOW = dt.datetime(2026, 11, 23, 13, 5)  # naive UTC: 14:05 in Tirana (CET)


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install -y {package}")
    return path


def receipt_no(unit: str, ws: str, counter: int) -> str:
    digits = f"{counter:06d}"
    return f"{unit}-{ws}-{digits}{mod_37_36.calc_check_digit(unit + ws + digits)}"


# ---------------------------------------------------------------- fixture rows


@dataclass
class Fx:
    store: Store
    single: str  # receipt number of a one-request visit
    visit: list[str]  # receipt numbers of a three-request visit
    long: str  # receipt number with the longest values
    maxlen: str  # a 20-character receipt number


def _request(
    no: str,
    visit: str,
    service: str,
    *,
    created: dt.datetime,
    name: str = "Qytetar Demo Shembull",
    docs: list[str] | None = None,
    ack: bool = False,
    due: dt.date = dt.date(2026, 11, 30),
    unit: str = "TR01",
    ws: str = "W03",
    priority: bool = False,
) -> Request:
    return Request(
        id=f"0190aaaa-0000-7000-8000-{abs(hash(no)) % 10**12:012d}",
        receipt_no=no,
        visit_id=visit,
        unit_code=unit,
        workstation_code=ws,
        service_code=service,
        citizen_nid=NID,
        citizen_name=name,
        citizen_key=name.lower(),
        citizen_phone=None,
        documents=docs if docs is not None else ["ID", "PAY"],
        documents_missing=[],
        fee_paid=500,
        priority=priority,
        note=None,
        status="received",
        assignee_id=None,
        created_by_id="u-clerk",
        created_at=created,
        updated_at=created,
        due_date=due,
        standard_days=5,
        completed_at=None,
        delivered_at=None,
        rating=None,
        version=1,
        print_count=0,
        central_ack=ack,
    )


@pytest.fixture
def fx(tmp_path: Path) -> Iterator[Fx]:
    store = Store(tmp_path / "fd.db")
    single = receipt_no("TR01", "W03", 1)
    visit = [receipt_no("TR01", "W03", n) for n in (4, 2, 3)]  # inserted out of order on purpose
    long = receipt_no("TR01", "W03", 5)
    maxlen = receipt_no("ABCDEF", "WXYZ", 1234567)
    with store.write() as s:
        for code, name in (("TR01", "Njësia Administrative Nr. 5 (DEMO)"), ("ABCDEF", "Njësia Demo Dy")):
            s.add(Unit(code=code, name=name, created_at=NOW))
        s.flush()
        s.add(Workstation(code="W03", unit_code="TR01", is_local=True, receipt_counter=5, created_at=NOW))
        s.add(
            User(
                id="u-clerk",
                username="clerk1",
                full_name="Klerk Një (DEMO)",
                role="clerk",
                unit_code="TR01",
                password_hash="x",
                active=True,
                failed_attempts=0,
                locked_until=None,
                must_change_password=False,
                password_changed_at=None,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        services = (
            ("GC-01", "Certifikatë personale", "Personal certificate"),
            ("GC-02", "Certifikatë familjare", "Family certificate"),
            ("KAD-99", LONG_SERVICE, "Certificate of registration of immovable property"),
            ("TAT-07", f"Vërtetim tatimor {UNBREAKABLE}", "Tax statement"),
        )
        for code, sq, en in services:
            s.add(
                Service(
                    code=code,
                    name_sq=sq,
                    name_en=en,
                    category="Gjendja civile",
                    life_event=None,
                    fee_amount=500,
                    currency="ALL",
                    standard_days=5,
                    office="Gjendja Civile",
                    active=True,
                    origin="central",
                    catalog_version="demo-1",
                    updated_at=NOW,
                )
            )
        s.flush()
        for code, _, _ in services:
            s.add(
                ServiceDocument(
                    service_code=code,
                    code="PAY",
                    name_sq="Mandat pagese",
                    name_en="Payment slip",
                    required=True,
                    position=2,
                )
            )
            s.add(
                ServiceDocument(
                    service_code=code,
                    code="ID",
                    name_sq="Kartë identiteti (kopje)",
                    name_en="Identity card (copy)",
                    required=True,
                    position=1,
                )
            )
        s.add(_request(single, "visit-1", "GC-01", created=NOW))
        for i, (no, svc) in enumerate(zip(visit, ("GC-02", "KAD-99", "TAT-07"), strict=True)):
            s.add(
                _request(
                    no,
                    "visit-2",
                    svc,
                    created=NOW + dt.timedelta(seconds=i),
                    due=dt.date(2026, 12, 1 + i),
                    priority=i == 1,
                )
            )
        s.add(_request(long, "visit-3", "KAD-99", created=NOW, name=LONG_CITIZEN, docs=["PAY", "ID"]))
        s.add(_request(maxlen, "visit-4", "TAT-07", created=NOW, unit="ABCDEF", ws="WXYZ"))
    yield Fx(store, single, sorted(visit), long, maxlen)
    store.close()


def load(fx: Fx, no: str, **kw: object) -> receipts.ReceiptDoc:
    with fx.store.read() as s:
        return receipts.load_receipt(s, no, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- rasterise, decode, extract


def rasterise(pdf: bytes, tmp_path: Path, dpi: int = DPI) -> list[Path]:
    pdftoppm = tool("pdftoppm", "poppler-utils")
    src = tmp_path / "r.pdf"
    src.write_bytes(pdf)
    for old in tmp_path.glob("page-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(src), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, "pdftoppm produced no page"
    return pages


def decode_zbar(png: Path) -> list[str]:
    zbarimg = tool("zbarimg", "zbar-tools")
    out = subprocess.run([zbarimg, "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.returncode in (0, 4), out.stderr  # 4: no symbol found
    return [line for line in out.stdout.splitlines() if line]


def decode_zxing(png: Path) -> list[str]:
    with Image.open(png) as im:
        return [r.text for r in zxingcpp.read_barcodes(im, formats=zxingcpp.BarcodeFormat.Code128)]


def decoded(pdf: bytes, tmp_path: Path) -> tuple[list[str], list[str]]:
    zb: list[str] = []
    zx: list[str] = []
    for page in rasterise(pdf, tmp_path):
        zb += decode_zbar(page)
        zx += decode_zxing(page)
    return sorted(zb), sorted(zx)


def text_pypdf(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def text_poppler(pdf: bytes, tmp_path: Path) -> str:
    pdftotext = tool("pdftotext", "poppler-utils")
    src = tmp_path / "t.pdf"
    src.write_bytes(pdf)
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(src), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    """Text without any whitespace or soft hyphen, to compare values that wrap over lines."""
    return re.sub(r"[\s\u00ad]+", "", text)


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def assert_margins_blank(png: Path, margin_mm: float) -> None:
    with Image.open(png) as im:
        gray = im.convert("L")
        w, h = gray.size
        px = int(margin_mm * DPI / 25.4)
        for box in ((0, 0, px, h), (w - px, 0, w, h)):
            lo, _ = gray.crop(box).getextrema()
            assert lo > 200, f"ink in the side margin {box} of {png.name}: content overflows the page"


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("paper", receipts.PAPERS)
def test_barcode_decodes_to_receipt_number(fx: Fx, tmp_path: Path, paper: str) -> None:
    pdf = receipts.render_receipt(load(fx, fx.single), paper=paper)
    assert decoded(pdf, tmp_path) == ([fx.single], [fx.single])


@pytest.mark.parametrize("paper", receipts.PAPERS)
def test_longest_values_wrap_and_still_scan(fx: Fx, tmp_path: Path, paper: str) -> None:
    assert len(LONG_SERVICE) == 120 and len(LONG_CITIZEN) == 60
    doc = load(fx, fx.long)
    pdf = receipts.render_receipt(doc, paper=paper)
    assert decoded(pdf, tmp_path) == ([fx.long], [fx.long])
    for text in (text_pypdf(pdf), text_poppler(pdf, tmp_path)):
        assert flat(LONG_SERVICE) in flat(text)
        assert flat(LONG_CITIZEN) in flat(text)
        assert "ëçāēšž" in text.lower()
    for page in rasterise(pdf, tmp_path):
        assert_margins_blank(page, 3.0 if paper == "roll80" else 10.0)


@pytest.mark.parametrize("paper", receipts.PAPERS)
def test_unbreakable_word_and_longest_number_stay_on_the_page(fx: Fx, tmp_path: Path, paper: str) -> None:
    assert len(fx.maxlen) == 20
    pdf = receipts.render_receipt(load(fx, fx.maxlen), paper=paper)
    assert decoded(pdf, tmp_path) == ([fx.maxlen], [fx.maxlen])
    assert flat(UNBREAKABLE) in flat(text_poppler(pdf, tmp_path))
    for page in rasterise(pdf, tmp_path):
        assert_margins_blank(page, 3.0 if paper == "roll80" else 10.0)


@pytest.mark.parametrize("paper", receipts.PAPERS)
def test_visit_prints_every_request_with_its_own_barcode(fx: Fx, tmp_path: Path, paper: str) -> None:
    doc = load(fx, fx.visit[1])  # any number of the visit gives the whole visit
    assert [i.receipt_no for i in doc.items] == fx.visit
    pdf = receipts.render_receipt(doc, paper=paper)
    assert decoded(pdf, tmp_path) == (fx.visit, fx.visit)
    text = text_poppler(pdf, tmp_path)
    for no in fx.visit:
        assert no in text
    for day in ("01.12.2026", "02.12.2026", "03.12.2026"):
        assert day in text
    assert "Kërkesa 3 nga 3" in text
    # the visit's summary: how many services and the total paid (issue 12)
    total = receipts.format_fee(sum(i.fee_paid for i in doc.items))
    assert flat("Gjithsej për këtë vizitë: 3 shërbime") in flat(text) and flat(total) in flat(text)
    if paper == "a5":  # a request is never cut across pages; every page says which receipt it belongs to
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 2
        assert f"{fx.visit[0]} · faqja 2 nga 2" in (pages[1].extract_text() or "")
    alone = load(fx, fx.visit[1], whole_visit=False)
    assert [i.receipt_no for i in alone.items] == [fx.visit[1]]


def test_text_has_promised_date_and_masked_nid_never_the_full_nid(fx: Fx, tmp_path: Path) -> None:
    for paper in receipts.PAPERS:
        for lang in receipts.LANGS:
            pdf = receipts.render_receipt(load(fx, fx.single, lang=lang), paper=paper)
            for text in (text_pypdf(pdf), text_poppler(pdf, tmp_path)):
                assert "30.11.2026" in text
                assert MASKED in text
                assert NID not in flat(text)
                assert "23.11.2026 14:05" in text  # naive UTC 13:05 shown in Europe/Tirane
                assert fx.single in text
            assert NID.encode() not in pdf


def test_intake_time_is_tirana_local_time_in_summer(fx: Fx, tmp_path: Path) -> None:
    with fx.store.write() as s:
        req = s.query(Request).filter_by(receipt_no=fx.single).one()
        req.created_at = dt.datetime(2026, 7, 1, 22, 30)  # 00:30 next day in Tirana (CEST)
    text = text_poppler(receipts.render_receipt(load(fx, fx.single)), tmp_path)
    assert "02.07.2026 00:30" in text


def test_provisional_line_until_central_ack(fx: Fx, tmp_path: Path) -> None:
    sq, en = receipts.STRINGS["sq"]["provisional"], receipts.STRINGS["en"]["provisional"]
    assert sq == "I PËRKOHSHËM — ende i paregjistruar në sistemin qendror"
    assert flat(sq) in flat(text_poppler(receipts.render_receipt(load(fx, fx.single)), tmp_path))
    assert flat(en) in flat(text_poppler(receipts.render_receipt(load(fx, fx.single, lang="en")), tmp_path))
    with fx.store.write() as s:
        for req in s.query(Request).filter(Request.visit_id.in_(["visit-1", "visit-2"])):
            req.central_ack = req.receipt_no != fx.visit[2]  # one request of the visit still unacked
    assert load(fx, fx.single).provisional is False
    text = text_poppler(receipts.render_receipt(load(fx, fx.single)), tmp_path)
    assert "PËRKOHSHËM" not in text
    assert load(fx, fx.visit[0]).provisional is True
    assert "PËRKOHSHËM" in text_poppler(receipts.render_receipt(load(fx, fx.visit[0])), tmp_path)


def test_copy_is_marked(fx: Fx, tmp_path: Path) -> None:
    doc = load(fx, fx.single)
    original = text_poppler(receipts.render_receipt(doc), tmp_path)
    assert "KOPJE" not in original and "COPY" not in original
    for paper in receipts.PAPERS:
        text = text_poppler(receipts.render_receipt(doc, paper=paper, copy_no=2), tmp_path)
        assert "KOPJE 2" in text and "COPY 2" in text
    with pytest.raises(ValueError):
        receipts.render_receipt(doc, copy_no=-1)


def test_roll80_is_80mm_wide_and_fits_its_content(fx: Fx) -> None:
    short = page_size(receipts.render_receipt(load(fx, fx.single)))
    long = page_size(receipts.render_receipt(load(fx, fx.long)))
    visit = page_size(receipts.render_receipt(load(fx, fx.visit[0])))
    copy = page_size(receipts.render_receipt(load(fx, fx.single), copy_no=1))
    for width, _ in (short, long, visit, copy):
        assert width == pytest.approx(80 * MM_PT, abs=0.01)
    assert short[1] < long[1] < visit[1]
    assert short[1] < copy[1]
    assert 60 * MM_PT < short[1] < 250 * MM_PT
    a5 = page_size(receipts.render_receipt(load(fx, fx.visit[0]), paper="a5"))
    assert a5 == pytest.approx((148 * MM_PT, 210 * MM_PT), abs=0.01)


def test_reproducible_from_the_database(fx: Fx, tmp_path: Path) -> None:
    first = receipts.render_receipt(load(fx, fx.visit[0]))
    again = receipts.render_receipt(load(fx, fx.visit[2]))  # reloaded, through another number of the visit
    assert text_pypdf(first) == text_pypdf(again)
    assert first == again  # invariant=1: byte-identical
    with fx.store.read() as s:
        assert receipts.receipt_pdf(s, fx.visit[1], paper="roll80") == first


def test_english_receipt(fx: Fx, tmp_path: Path) -> None:
    doc = load(fx, fx.long, lang="en")
    assert doc.items[0].documents == ("Identity card (copy)", "Payment slip")  # catalogue order
    text = text_poppler(receipts.render_receipt(doc), tmp_path)
    for expected in (
        "Promised date",
        "Monday, 30.11.2026",
        "Certificate of registration",
        "Payment slip",
        "Bring this receipt when you come to collect",
        "500 ALL",
        "Klerk Një (DEMO)",
    ):
        assert expected in text


def test_fonts_are_embedded(fx: Fx) -> None:
    pdf = receipts.render_receipt(load(fx, fx.long))
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        names.add(str(font["/BaseFont"]))
        if "/FontDescriptor" in font:
            desc = font["/FontDescriptor"]
        else:  # Type0: the descriptor is on the descendant font
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in desc.get_object(), f"{font['/BaseFont']} is not embedded"
    assert any("DejaVuSans-Bold" in n for n in names)
    assert any(n.endswith("DejaVuSans") for n in names)


def test_unknown_receipt_number(fx: Fx) -> None:
    with pytest.raises(NotFound) as err:
        load(fx, "TR01-W03-999999Z")
    assert "TR01-W03-999999Z" in str(err.value)


def test_mask_and_barcode_pattern() -> None:
    from frontdesk.identity import mask_nid

    assert mask_nid(NID) == MASKED
    assert receipts.code128_modules("TR01-W03-000001").startswith("11010")  # python-barcode's pattern


# ---------------------------------------------------------------- the status lookup's QR code (issue 14)


def decode_qr(png: Path) -> tuple[list[str], list[str]]:
    """The QR codes of a page by zbar (every symbology: the barcode too) and zxing-cpp (QR only)."""
    with Image.open(png) as im:
        zx = [r.text for r in zxingcpp.read_barcodes(im, formats=zxingcpp.BarcodeFormat.QRCode)]
    return [t for t in decode_zbar(png) if "://" in t], zx


@pytest.mark.parametrize("paper", receipts.PAPERS)
@pytest.mark.parametrize("lang", receipts.LANGS)
def test_qr_code_decodes_to_the_lookup_address_at_203_dpi(fx: Fx, tmp_path: Path, paper: str, lang: str) -> None:

    base = "https://bashkia-shembull.example/qytetaret"
    with fx.store.write() as s:
        s.scalars(select(Request).where(Request.receipt_no == fx.single)).one().lookup_code = "K7Q4M2"
        s.merge(SyncState(key="public_url", value=base))
    doc = load(fx, fx.single, lang=lang)
    pdf = receipts.render_receipt(doc, paper=paper)
    want = f"{base}/status?r={fx.single}&c=K7Q4M2" + ("" if lang == "sq" else "&lang=en")
    (page,) = rasterise(pdf, tmp_path, 203)
    assert decode_qr(page) == ([want], [want])
    assert decode_zbar(page).count(fx.single) == 1  # the barcode still reads beside it
    text = flat(text_poppler(pdf, tmp_path))
    assert "K7Q4M2" in text and flat(f"{base}/status") in text


def test_without_a_public_address_the_code_is_printed_and_no_qr(fx: Fx, tmp_path: Path) -> None:
    with fx.store.write() as s:
        s.scalars(select(Request).where(Request.receipt_no == fx.single)).one().lookup_code = "K7Q4M2"
    pdf = receipts.render_receipt(load(fx, fx.single), paper="roll80")
    (page,) = rasterise(pdf, tmp_path, 203)
    assert decode_qr(page) == ([], [])
    assert "K7Q4M2" in flat(text_poppler(pdf, tmp_path))
    assert "pyesni në sportel" in text_poppler(pdf, tmp_path)
