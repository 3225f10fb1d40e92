"""Slips printed at the counter besides the receipt, with the receipt's renderer (``frontdesk.receipts``):

- the **cash-up slip** at the end of a clerk's day: intakes and fees by service, the total to hand over,
  voided intakes (not counted) and the deliveries made;
- the **void slip** handed to the citizen when a clerk voids an intake saved by mistake: which receipt
  is void, when, by whom, why, and the fee returned.

Both are rebuilt from the database when asked (never stored), in the UI's language, on the same papers
as the receipt (``roll80`` fitted to its content, or ``a5``); times are the office's local time.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .localtime import date_text, datetime_text, now_local, time_text
from .pdf_fonts import FONT
from .pdf_fonts import register as register_fonts
from .receipts import _PAPERS, Boxed, _draw, _e, _field, _measure, _rule, _Styles, format_fee
from .receipts_text import STRINGS as RECEIPT_STRINGS
from .today import MyDay

SLIP_STRINGS: dict[str, dict[str, str]] = {
    "sq": {
        "cashup": "MBYLLJA E ARKËS SË DITËS",
        "day": "Dita",
        "clerk": "Nëpunësi",
        "counter": "Sporteli",
        "printed": "Shtypur më",
        "by_service": "Pranime dhe tarifa sipas shërbimit",
        "line": "{n} pranime · {fee}",
        "total": "GJITHSEJ PËR T'U DORËZUAR",
        "intakes": "Pranime gjithsej",
        "voided": "Pranime të anuluara (pa tarifë)",
        "deliveries": "Dorëzime",
        "none": "asnjë",
        "signature": "Nënshkrimi i nëpunësit: ______________",
        "void": "ANULIM I PRANIMIT",
        "void_no": "Dëshmia e anuluar",
        "void_time": "Anuluar më",
        "void_by": "Anuloi",
        "reason": "Arsyeja",
        "refund": "Tarifa e kthyer",
        "void_note": "Kjo dëshmi nuk është më e vlefshme. Numri i saj nuk do të përdoret për kërkesë tjetër.",
    },
    "en": {
        "cashup": "END-OF-DAY CASH-UP",
        "day": "Day",
        "clerk": "Clerk",
        "counter": "Counter",
        "printed": "Printed",
        "by_service": "Intakes and fees by service",
        "line": "{n} intakes · {fee}",
        "total": "TOTAL TO HAND OVER",
        "intakes": "Intakes in all",
        "voided": "Voided intakes (no fee)",
        "deliveries": "Deliveries",
        "none": "none",
        "signature": "Clerk's signature: ______________",
        "void": "INTAKE VOIDED",
        "void_no": "Voided receipt",
        "void_time": "Voided",
        "void_by": "Voided by",
        "reason": "Reason",
        "refund": "Fee returned",
        "void_note": "This receipt is no longer valid. Its number will never be used for another request.",
    },
}


@dataclass(frozen=True)
class VoidSlip:
    receipt_no: str
    service_name: str
    citizen_name: str
    masked_nid: str
    fee_returned: int
    voided_at: object  # naive UTC datetime
    voided_by: str
    reason: str
    unit_name: str
    workstation_code: str


def _render(blocks: Sequence[list[Flowable]], paper: str, title: str, author: str) -> bytes:
    if paper not in _PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    register_fonts()
    p = _PAPERS[paper]
    if p.height is None:
        height = p.margin_top + _measure([f for b in blocks for f in b], p.width - 2 * p.margin_x) + p.margin_bottom
    else:
        height = p.height
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(p.width, height), invariant=1, pageCompression=1, initialFontName=FONT)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("frontdesk")
    _draw(canvas, blocks, p, height)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def render_cashup(
    day: MyDay, *, unit_name: str, workstation_code: str, lang: str = "sq", paper: str = "roll80"
) -> bytes:
    """The clerk's end-of-day slip as PDF bytes."""
    register_fonts()  # before any Paragraph: its <b> needs the font family
    s, st = SLIP_STRINGS[lang], _Styles(_PAPERS[paper])
    head: list[Flowable] = [
        Paragraph(_e(unit_name), st.head),
        Paragraph(_e(RECEIPT_STRINGS[lang]["office"]), st.center),
        _rule(space=3),
        Paragraph(_e(s["cashup"]), st.strong),
        _rule(),
        _field(s["day"], _e(date_text(day.day)), st.body),
        _field(s["clerk"], _e(day.full_name), st.body),
        _field(s["counter"], _e(workstation_code), st.body),
        _field(s["printed"], _e(datetime_text(now_local())), st.body),
    ]
    body: list[Flowable] = [_rule(), Paragraph(f"<b>{_e(s['by_service'])}</b>", st.body)]
    for t in day.by_service:
        body.append(
            Paragraph(
                _e(f"{t.name(lang)}: " + s["line"].format(n=t.intakes, fee=format_fee(t.fees))),
                st.bullet,
                bulletText="•",
            )
        )
    if not day.by_service:
        body.append(Paragraph(_e(s["none"]), st.bullet, bulletText="•"))
    body += [
        _field(s["intakes"], str(len(day.intakes)), st.body),
        Boxed(Paragraph(_e(f"{s['total']}: {format_fee(day.total_fees)}"), st.strong), space=4),
    ]
    tail: list[Flowable] = [_rule(dash=True), Paragraph(f"<b>{_e(s['voided'])}:</b> {len(day.voided)}", st.body)]
    for v in day.voided:
        tail.append(
            Paragraph(_e(f"{v.receipt_no} · {time_text(v.time)} · {v.reason or ''}"), st.bullet, bulletText="•")
        )
    tail.append(Paragraph(f"<b>{_e(s['deliveries'])}:</b> {len(day.deliveries)}", st.body))
    for d in day.deliveries:
        tail.append(Paragraph(_e(f"{d.receipt_no} · {time_text(d.time)}"), st.bullet, bulletText="•"))
    tail += [_rule(), Paragraph(_e(s["signature"]), st.small)]
    return _render([head, body, tail], paper, f"{s['cashup']} {date_text(day.day)}", unit_name)


def render_void_slip(slip: VoidSlip, *, lang: str = "sq", paper: str = "roll80") -> bytes:
    """The slip that says a receipt is void, as PDF bytes."""
    register_fonts()
    s, r, st = SLIP_STRINGS[lang], RECEIPT_STRINGS[lang], _Styles(_PAPERS[paper])
    import datetime as dt

    assert isinstance(slip.voided_at, dt.datetime)
    block: list[Flowable] = [
        Paragraph(_e(slip.unit_name), st.head),
        Paragraph(_e(r["office"]), st.center),
        _rule(space=3),
        Boxed(Paragraph(_e(s["void"]), st.inverse), inverted=True),
        _rule(),
        _field(s["void_no"], f"<b>{_e(slip.receipt_no)}</b>", st.body),
        _field(r["service"], _e(slip.service_name), st.body),
        _field(r["citizen"], _e(slip.citizen_name), st.body),
        _field(r["nid"], _e(slip.masked_nid), st.body),
        _field(s["void_time"], _e(datetime_text(slip.voided_at)), st.body),
        _field(s["void_by"], _e(slip.voided_by), st.body),
        _field(r["counter"], _e(slip.workstation_code), st.body),
        _field(s["reason"], _e(slip.reason), st.body),
        _field(s["refund"], format_fee(slip.fee_returned), st.body),
        _rule(),
        Paragraph(_e(s["void_note"]), st.small),
    ]
    return _render([block], paper, f"{s['void']} {slip.receipt_no}", slip.unit_name)
