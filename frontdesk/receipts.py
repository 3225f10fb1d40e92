"""Receipt PDF: the citizen's proof of intake and the counter's promise (reportlab + python-barcode).

A receipt is rebuilt from the database every time (:func:`load_receipt`), never stored as a file, so
it can be reproduced at any time; :func:`render_receipt` is deterministic (reportlab ``invariant=1``).

Papers: ``roll80`` — 80 mm thermal roll, 72 mm printable, page height fitted to the content (the content
is measured first, then a page of exactly that height is made); ``a5`` — A5 portrait, more pages if a
large visit needs them.

Barcode: Code128. python-barcode computes the module pattern (start, data with automatic code-set
switching, check symbol, stop); the bars are drawn here as vector rectangles. The module width is a
whole number of printer dots at 203 dpi (2 dots = 0.250 mm on roll80, 3 dots = 0.375 mm on A5) and
every bar edge is placed on that dot grid from the page's left edge, so a 203 dpi raster has crisp
bars; quiet zones are at least 10 modules on each side.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from barcode import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from .deadlines import OFFICE_TZ
from .errors import NotFound
from .i18n import QT_TRANSLATE_NOOP
from .identity import mask_nid
from .models import Request, Service, ServiceDocument, SyncState, Unit, User
from .pdf_fonts import FONT, FONT_BOLD
from .pdf_fonts import register as register_fonts
from .receipts_text import STRINGS, WEEKDAYS

PAPERS = ("roll80", "a5")
LANGS = ("sq", "en")
DOT = 72.0 / 203.0  # one printer dot at 203 dpi, in points
QUIET_MODULES = 10
CURRENCY = "ALL"


@dataclass(frozen=True)
class ReceiptItem:
    receipt_no: str
    service_code: str
    service_name: str
    documents: tuple[str, ...]
    fee_paid: int
    promised_date: dt.date
    priority: bool
    standard_days: int
    lookup_code: str | None = None  # the short code of the public status lookup (printed beside the number)
    status_url: str | None = None  # the lookup address with number and code (the QR code), when the
    # municipality's public address is known


@dataclass(frozen=True)
class ReceiptDoc:
    unit_name: str
    office_name: str
    workstation_code: str
    intake_time: dt.datetime  # naive UTC
    citizen_name: str
    masked_nid: str
    clerk_name: str
    provisional: bool
    items: tuple[ReceiptItem, ...]
    lang: str = "sq"
    public_url: str | None = None  # the municipality's public address, as the central system set it


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


# ---------------------------------------------------------------- loading from the database


def load_receipt(session: Session, receipt_no: str, *, lang: str = "sq", whole_visit: bool = True) -> ReceiptDoc:
    """The receipt of ``receipt_no`` (with every request of the same visit when ``whole_visit``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown receipt language {lang!r}")
    number = receipt_no.strip().upper()
    first = session.scalars(select(Request).where(Request.receipt_no == number)).one_or_none()
    if first is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No request has the receipt number {receipt_no}."),
            receipt_no=number,
        )
    if whole_visit:
        rows = list(
            session.scalars(select(Request).where(Request.visit_id == first.visit_id).order_by(Request.receipt_no))
        )
    else:
        rows = [first]
    lead = rows[0]
    unit = session.get(Unit, lead.unit_code)
    clerk = session.get(User, lead.created_by_id)
    public = session.get(SyncState, "public_url")
    public_url = public.value if public is not None and public.value else None
    items = tuple(_item(session, r, lang, public_url) for r in rows)
    return ReceiptDoc(
        unit_name=unit.name if unit else lead.unit_code,
        office_name=STRINGS[lang]["office"],
        workstation_code=lead.workstation_code,
        intake_time=min(r.created_at for r in rows),
        citizen_name=lead.citizen_name,
        masked_nid=mask_nid(lead.citizen_nid),
        clerk_name=clerk.full_name if clerk else "",
        provisional=any(not r.central_ack for r in rows),
        items=items,
        lang=lang,
        public_url=public_url,
    )


def status_url(public_url: str, receipt_no: str, code: str, lang: str = "sq") -> str:
    """The status lookup's address for one request: what the receipt's QR code holds."""
    tail = "" if lang == "sq" else f"&lang={lang}"
    return f"{public_url}/status?r={receipt_no}&c={code}{tail}"


def _item(session: Session, req: Request, lang: str, public_url: str | None = None) -> ReceiptItem:
    service = session.get(Service, req.service_code)
    docs = session.scalars(
        select(ServiceDocument)
        .where(ServiceDocument.service_code == req.service_code)
        .order_by(ServiceDocument.position, ServiceDocument.code)
    ).all()
    names = {d.code: (d.name_sq if lang == "sq" else d.name_en) for d in docs}
    order = {d.code: i for i, d in enumerate(docs)}
    received = sorted(req.documents or [], key=lambda c: (order.get(c, len(order)), c))
    if service is None:
        service_name = req.service_code
    else:
        service_name = service.name_sq if lang == "sq" else service.name_en
    return ReceiptItem(
        receipt_no=req.receipt_no,
        service_code=req.service_code,
        service_name=service_name,
        documents=tuple(names.get(c, c) for c in received),
        fee_paid=req.fee_paid,
        promised_date=req.due_date,
        priority=req.priority,
        standard_days=req.standard_days,
        lookup_code=req.lookup_code,
        status_url=status_url(public_url, req.receipt_no, req.lookup_code, lang)
        if public_url and req.lookup_code
        else None,
    )


# ---------------------------------------------------------------- rendering


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
