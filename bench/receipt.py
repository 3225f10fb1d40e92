"""Receipt rendering time, beside the same-run floor of an empty one-page reportlab PDF.

    python bench/receipt.py [--n 200]
    python bench/receipt.py --screenshots docs/screenshots   # regenerate the documentation images

Renders a one-request receipt on roll80 and A5 and a three-request visit on roll80, from a ReceiptDoc
(the database read is not included). Fonts are registered once, before timing, as in the app.
Target: median roll80 render ≤ 20 ms (printed, not asserted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas

from frontdesk import receipts

TARGET_MS = 20.0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


DEMO_SERVICES = (
    ("GC-01", "Certifikatë personale e gjendjes civile", ("Kartë identiteti (kopje)",), 0, 1),
    (
        "AK-12",
        "Vërtetim pronësie për pasurinë e paluajtshme, me hartë treguese (ASHK)",
        ("Kartë identiteti (kopje)", "Certifikatë pronësie", "Mandat pagese i tarifës"),
        1500,
        10,
    ),
    ("SH-03", "Aplikim për ndihmë ekonomike", ("Kartë identiteti (kopje)", "Vërtetim të ardhurash"), 0, 15),
)
DEMO_DUE = (dt.date(2026, 11, 24), dt.date(2026, 12, 9), dt.date(2026, 12, 14))


PUBLIC = "https://bashkia-shembull.example/qytetaret"  # a fictitious public address (the QR code's base)
CODES = ("K7Q4M2", "M2K7Q4", "Q4M2K7")


def demo_doc(n_items: int, *, lang: str = "sq", tracked: bool = False) -> receipts.ReceiptDoc:
    """Demo receipts; ``tracked``: with the status lookup's code and QR code (a public address is set)."""
    items = tuple(
        receipts.ReceiptItem(
            receipt_no=f"TR01-W03-00012{i}{'KHF'[i - 1]}",
            service_code=code,
            service_name=name,
            documents=docs,
            fee_paid=fee,
            promised_date=DEMO_DUE[i - 1],
            priority=i == 3,
            standard_days=days,
            lookup_code=CODES[i - 1] if tracked else None,
            status_url=receipts.status_url(PUBLIC, f"TR01-W03-00012{i}{'KHF'[i - 1]}", CODES[i - 1], lang)
            if tracked
            else None,
        )
        for i, (code, name, docs, fee, days) in enumerate(DEMO_SERVICES[:n_items], 1)
    )
    return receipts.ReceiptDoc(
        unit_name="Njësia Administrative Nr. 5 (DEMO)",
        office_name="Zyra me Një Ndalesë",
        workstation_code="W03",
        intake_time=dt.datetime(2026, 11, 23, 13, 5),
        citizen_name="Qytetar Demo Shembull",
        masked_nid="*******99W",
        clerk_name="Klerk Një (DEMO)",
        provisional=True,
        items=items,
        lang=lang,
        public_url=PUBLIC if tracked else None,
    )


def empty_pdf() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(226.77, 400), invariant=1, pageCompression=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def timed(fn: Callable[[], bytes], n: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def screenshots(target: Path) -> None:
    """Rasterise demo receipts at 203 dpi (what an 80 mm thermal printer prints) into ``target``."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is missing: apt-get install -y poppler-utils")
    target.mkdir(parents=True, exist_ok=True)
    shots = {
        "receipt-roll80": (demo_doc(1, tracked=True), "roll80"),
        "receipt-a5": (demo_doc(2, lang="en", tracked=True), "a5"),
        "receipt-visit-roll80": (demo_doc(3, tracked=True), "roll80"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (doc, paper) in shots.items():
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(receipts.render_receipt(doc, paper=paper))
            dpi = "203" if paper == "roll80" else "100"
            out = target / name
            subprocess.run([pdftoppm, "-r", dpi, "-png", "-singlefile", str(pdf), str(out)], check=True)
            print(f"{out}.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--screenshots", type=Path, help="write demo receipt images here instead of timing")
    args = ap.parse_args()
    if args.screenshots:
        screenshots(args.screenshots)
        return
    one, visit = demo_doc(1), demo_doc(3)
    cases: list[tuple[str, Callable[[], bytes]]] = [
        ("floor: empty reportlab page", empty_pdf),
        ("roll80, 1 request", lambda: receipts.render_receipt(one, paper="roll80")),
        ("a5, 1 request", lambda: receipts.render_receipt(one, paper="a5")),
        ("roll80, visit of 3", lambda: receipts.render_receipt(visit, paper="roll80")),
    ]
    print(f"{'case':<30} {'median ms':>10} {'p95 ms':>8} {'bytes':>8}")
    medians = {}
    for name, fn in cases:
        t = timed(fn, args.n)
        medians[name] = statistics.median(t)
        print(f"{name:<30} {medians[name]:>10.2f} {pct(t, 95):>8.2f} {len(fn()):>8}")
    roll = medians["roll80, 1 request"]
    floor = medians["floor: empty reportlab page"]
    met = "met" if roll <= TARGET_MS else "NOT met"
    print(f"roll80 median {roll:.2f} ms vs target {TARGET_MS:.0f} ms: {met} ({roll / floor:.0f}x the floor)")


if __name__ == "__main__":
    main()
