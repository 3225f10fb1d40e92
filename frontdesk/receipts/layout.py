"""The receipt's layout on paper (:data:`PAPERS`: ``roll80``, ``a5``): styles, the blocks of a receipt,
measuring and drawing them page by page, and :func:`render_receipt`, which makes the PDF. Part of
:mod:`frontdesk.receipts`."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable

from ..deadlines import OFFICE_TZ
from ..pdf_fonts import FONT, FONT_BOLD
from ..pdf_fonts import register as register_fonts
from ..receipts_text import STRINGS, WEEKDAYS
from .data import LANGS, ReceiptDoc
from .flowables import DOT, Barcode, Boxed, QrCode

PAPERS = ("roll80", "a5")
CURRENCY = "ALL"


@dataclass(frozen=True)
class _Paper:
    width: float
    height: float | None  # None: fitted to the content
    margin_x: float
    margin_top: float
    margin_bottom: float
    module: float
    bar_height: float
    body: float  # font sizes in points
    big: float
    qr_module: float  # a QR code module: a whole number of 203 dpi dots


_PAPERS = {
    "roll80": _Paper(80 * mm, None, 4 * mm, 4 * mm, 8 * mm, 2 * DOT, 12 * mm, 8.0, 11.0, 4 * DOT),
    "a5": _Paper(A5[0], A5[1], 14 * mm, 12 * mm, 12 * mm, 3 * DOT, 13 * mm, 9.5, 13.0, 5 * DOT),
}


class _Styles:
    def __init__(self, p: _Paper) -> None:
        lead = 1.25
        self.body = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=p.body, leading=p.body * lead)
        self.small = ParagraphStyle("small", self.body, fontSize=p.body - 1, leading=(p.body - 1) * lead)
        self.center = ParagraphStyle("center", self.body, alignment=TA_CENTER)
        self.head = ParagraphStyle(
            "head", self.body, fontName=FONT_BOLD, fontSize=p.big, leading=p.big * 1.2, alignment=TA_CENTER
        )
        self.number = ParagraphStyle("number", self.head, fontSize=p.big + 1, leading=(p.big + 1) * 1.2, spaceAfter=5)
        self.strong = ParagraphStyle("strong", self.body, fontName=FONT_BOLD, alignment=TA_CENTER)
        self.section = ParagraphStyle("section", self.strong, spaceAfter=2)
        self.inverse = ParagraphStyle("inverse", self.strong, textColor=colors.white)
        self.bullet = ParagraphStyle("bullet", self.body, leftIndent=p.body, bulletIndent=p.body * 0.2)


def _local(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC).astimezone(OFFICE_TZ)


def format_date(d: dt.date, lang: str) -> str:
    return f"{WEEKDAYS[lang][d.weekday()]}, {d:%d.%m.%Y}"


def format_fee(amount: int) -> str:
    return f"{amount:,}".replace(",", " ") + f" {CURRENCY}"


def _standard(s: dict[str, str], days: int) -> str:
    return s["standard_1"] if days == 1 else s["standard"].format(n=days)


def _e(text: str) -> str:
    return escape(text)


def _field(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(f"<b>{_e(label)}:</b> {value}", style)


def _rule(dash: bool = False, space: float = 4.0) -> HRFlowable:
    return HRFlowable(
        width="100%",
        thickness=0.8,
        color=colors.black,
        dash=(2, 2) if dash else None,
        spaceBefore=space,
        spaceAfter=space,
    )


def _blocks(doc: ReceiptDoc, paper: _Paper, copy_no: int) -> list[list[Flowable]]:
    """The receipt as blocks: header, one per request, footer. A block starts a new A5 page rather than
    being cut, unless it is taller than a page."""
    s, st = STRINGS[doc.lang], _Styles(paper)
    out: list[Flowable] = [
        Paragraph(_e(doc.unit_name), st.head),
        Paragraph(_e(doc.office_name), st.center),
        _rule(space=3),
        Paragraph(_e(s["title"]), st.strong),
    ]
    if copy_no > 0:
        out.append(Boxed(Paragraph(_e(s["copy"].format(n=copy_no)), st.inverse), inverted=True))
    if doc.provisional:
        out.append(Boxed(Paragraph(_e(s["provisional"]), st.strong), space=4))
    out += [
        _rule(),
        _field(s["intake"], f"{_local(doc.intake_time):%d.%m.%Y %H:%M}", st.body),
        _field(s["counter"], _e(doc.workstation_code), st.body),
        _field(s["clerk"], _e(doc.clerk_name), st.body),
        _field(s["citizen"], _e(doc.citizen_name), st.body),
        _field(s["nid"], _e(doc.masked_nid), st.body),
    ]
    blocks = [out]
    total = len(doc.items)
    for i, item in enumerate(doc.items, 1):
        out = [_rule(dash=i > 1)]
        blocks.append(out)
        if total > 1:
            out.append(Paragraph(_e(s["request_n"].format(i=i, n=total)), st.section))
        out += [
            Barcode(item.receipt_no, paper.module, paper.bar_height, paper.margin_x),
            Paragraph(_e(item.receipt_no), st.number),
        ]
        if item.lookup_code:
            out.append(Paragraph(f"{_e(s['lookup_code'])}: <b>{_e(item.lookup_code)}</b>", st.center))
        if item.priority:
            out.append(Boxed(Paragraph(_e(s["priority"]), st.strong), pad=1.5, space=3))
        out += [
            _field(s["service"], f"{_e(item.service_code)} — {_e(item.service_name)}", st.body),
            Paragraph(f"<b>{_e(s['documents'])}:</b>", st.body),
        ]
        docs = item.documents or (s["no_documents"],)
        out += [Paragraph(_e(d), st.bullet, bulletText="•") for d in docs]
        out += [
            _field(s["fee"], format_fee(item.fee_paid), st.body),
            _field(s["promised"], f"<b>{format_date(item.promised_date, doc.lang)}</b>", st.body),
            Paragraph(_e(_standard(s, item.standard_days)), st.small),
        ]
        if item.status_url and doc.public_url:
            out += [
                QrCode(item.status_url, paper.qr_module, paper.margin_x),
                Paragraph(_e(s["track"].format(url=f"{doc.public_url}/status")), st.small),
            ]
    out = [_rule()]
    if total > 1:  # the visit's summary: how many services, what was paid in all
        paid = sum(item.fee_paid for item in doc.items)
        services = s["visit_services"].format(n=total)
        out.append(_field(s["visit_total"], f"{_e(services)} · <b>{format_fee(paid)}</b>", st.body))
        out.append(_rule(dash=True))
    tracked = all(item.status_url for item in doc.items)
    out.append(Paragraph(_e(s["collect_tracked" if tracked else "collect"]), st.small))
    blocks.append(out)
    return blocks


def _height(f: Flowable, width: float) -> float:
    """``f.wrap(width)``'s height, computed once: line breaking is the costly part of a render, and a
    flowable keeps the state of its last wrap for drawing, which stays valid at the same width."""
    cached = getattr(f, "_fd_wrap", None)
    if cached is not None and cached[0] == width:
        return float(cached[1])
    _, h = f.wrap(width, 1e6)
    f._fd_wrap = (width, h)
    return float(h)


def _measure(flows: Iterable[Flowable], width: float) -> float:
    total, prev_after, first = 0.0, 0.0, True
    for f in flows:
        h = _height(f, width)
        total += (0.0 if first else max(prev_after, f.getSpaceBefore())) + h
        prev_after, first = f.getSpaceAfter(), False
    return total


def _draw(
    canvas: Canvas | None,
    blocks: Sequence[list[Flowable]],
    paper: _Paper,
    page_height: float,
    footer: Callable[[Canvas, int], None] | None = None,
) -> int:
    """Lay the blocks out (drawing them when ``canvas`` is given); returns the number of pages."""
    width = paper.width - 2 * paper.margin_x
    top = page_height - paper.margin_top
    usable = top - paper.margin_bottom
    y, prev_after, page = top, 0.0, 1

    def new_page() -> None:
        nonlocal y, prev_after, page
        if canvas is not None:
            if footer is not None:
                footer(canvas, page)
            canvas.showPage()
        y, prev_after, page = top, 0.0, page + 1

    for block in blocks:
        need = _measure(block, width)
        if y < top and need <= usable and y - max(prev_after, block[0].getSpaceBefore()) - need < paper.margin_bottom:
            new_page()  # A5 only (roll80 is as tall as its content): keep the block together
        pending = list(block)
        while pending:
            f = pending.pop(0)
            h = _height(f, width)
            gap = max(prev_after, f.getSpaceBefore()) if y < top else 0.0
            if y - gap - h < paper.margin_bottom and y < top:  # a block taller than a page
                parts = f.split(width, y - gap - paper.margin_bottom) if isinstance(f, Paragraph) else []
                if len(parts) > 1:
                    pending[0:0] = parts
                    continue
                f.__dict__.pop("_fd_wrap", None)  # a refused split drops the paragraph's lines: wrap it again
                new_page()
                pending.insert(0, f)
                continue
            y -= gap + h
            if canvas is not None:
                f.drawOn(canvas, paper.margin_x, y)
            prev_after = f.getSpaceAfter()
    if canvas is not None and footer is not None:
        footer(canvas, page)
    return page


def render_receipt(doc: ReceiptDoc, *, paper: str = "roll80", copy_no: int = 0) -> bytes:
    """The receipt as PDF bytes. ``copy_no`` 0 is the original, n ≥ 1 prints "KOPJE n / COPY n"."""
    if paper not in _PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    if doc.lang not in LANGS:
        raise ValueError(f"unknown receipt language {doc.lang!r}")
    if copy_no < 0:
        raise ValueError("copy_no must be 0 (original) or a positive copy number")
    register_fonts()
    p = _PAPERS[paper]
    blocks = _blocks(doc, p, copy_no)
    if p.height is None:
        flows = [f for block in blocks for f in block]
        height = p.margin_top + _measure(flows, p.width - 2 * p.margin_x) + p.margin_bottom
    else:
        height = p.height
    buf = io.BytesIO()
    title = f"{STRINGS[doc.lang]['title']} {doc.items[0].receipt_no if doc.items else ''}".strip()
    canvas = Canvas(buf, pagesize=(p.width, height), invariant=1, pageCompression=1, initialFontName=FONT)
    canvas.setTitle(title)
    canvas.setAuthor(doc.unit_name)
    canvas.setCreator("frontdesk")
    pages = 1 if p.height is None else _draw(None, blocks, p, height)
    footer = None
    if pages > 1:
        label = STRINGS[doc.lang]["page"]

        def footer(c: Canvas, page: int) -> None:
            c.setFont(FONT, p.body - 2)
            text = f"{doc.items[0].receipt_no} · {label.format(i=page, n=pages)}"
            if copy_no > 0:
                text = f"{STRINGS[doc.lang]['copy'].format(n=copy_no)} · {text}"
            c.drawCentredString(p.width / 2, p.margin_bottom / 2, text)

    _draw(canvas, blocks, p, height, footer)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
