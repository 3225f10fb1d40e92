"""Exports of the standards report (``frontdesk.standards.Report``, made by the desk's frontdesk.reports and by
the central frontdesk.central.performance): CSV and JSON for other tools, an A4 landscape PDF for the notice
board. reportlab loads only with the first PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any
from xml.sax.saxutils import escape

from .deadlines import OFFICE_TZ
from .pdf_fonts import FONT as _FONT
from .pdf_fonts import FONT_BOLD as _FONT_BOLD
from .pdf_fonts import register as register_fonts
from .standards import FIELDS, Report

_HEADERS: dict[str, tuple[str, str]] = {  # field → (sq, en) column heading of the PDF
    "key": ("Kodi", "Code"),
    "label": ("Emërtimi", "Name"),
    "received": ("Të marra", "Received"),
    "completed": ("Të përfunduara", "Completed"),
    "within_standard": ("Brenda standardit", "Within standard"),
    "on_time_share": ("Në kohë", "On time"),
    "median_days": ("Mediana (ditë)", "Median (days)"),
    "p90_days": ("P90 (ditë)", "P90 (days)"),
    "open_overdue": ("Të hapura me vonesë", "Open overdue"),
    "returned_rate": ("Kthyer për plotësim", "Returned"),
    "avg_rating": ("Vlerësimi mesatar", "Avg rating"),
    "ratings": ("Vlerësime", "Ratings"),
}
_PDF_TEXT = {
    "range": ("Periudha: {a} – {b} (kërkesat e marra)", "Period: {a} – {b} (requests received)"),
    "generated": ("Krijuar më {t}", "Generated {t}"),
    "by": ("Sipas: {by}", "By: {by}"),
}
_BY = {"service": ("shërbimit", "service"), "clerk": ("punonjësit", "clerk"), "unit": ("njësisë", "unit"),
       "office": ("zyrës", "office"), "month": ("muajit", "month")}  # fmt: skip


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


_TOTAL = ("Gjithsej", "Total")


def to_csv(report: Report, *, lang: str | None = None) -> str:
    """The rows and the total as CSV text; floats with at most 4 decimals. Without ``lang`` the header is
    the field names (for other programs, the command line); with ``lang`` ("sq"/"en") the column headings
    and the total's label are in that language (the app's export). Dates are ISO (YYYY-MM-DD)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    li = None if lang is None else (0 if lang == "sq" else 1)
    writer.writerow(FIELDS if li is None else [_HEADERS[f][li] for f in FIELDS])
    for row in [*report.rows, report.total]:
        cells = [_cell(getattr(row, f)) for f in FIELDS]
        if li is not None and row is report.total and "label" in FIELDS:
            cells[FIELDS.index("label")] = _TOTAL[li]
        writer.writerow(cells)
    return buf.getvalue()


def to_json(report: Report) -> str:
    return json.dumps(
        {
            "by": report.by,
            "date_from": report.date_from.isoformat(),
            "date_to": report.date_to.isoformat(),
            "today": report.today.isoformat(),
            "rows": [r.as_dict() for r in report.rows],
            "total": report.total.as_dict(),
        },
        ensure_ascii=False,
        indent=2,
    )


def _fmt(field_name: str, value: object) -> str:
    if value is None:
        return "–"
    if field_name in ("on_time_share", "returned_rate") and isinstance(value, float):
        return f"{value * 100:.1f} %"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _day(d: dt.date, li: int) -> str:
    return f"{d:%d.%m.%Y}" if li == 0 else d.isoformat()


def to_pdf(report: Report, *, title: str, date_from: dt.date, date_to: dt.date, lang: str = "sq") -> bytes:
    """An A4 landscape PDF: title, range, grouping, the table with its total row, generation time."""
    # reportlab loads only for a PDF export (start-up time of the app)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_fonts()
    li = 0 if lang == "sq" else 1
    body = ParagraphStyle("body", fontName=_FONT, fontSize=9, leading=11)
    cell = ParagraphStyle("cell", body, fontSize=7.5, leading=9)
    head = ParagraphStyle("head", body, fontName=_FONT_BOLD, fontSize=7.5, leading=9)
    h1 = ParagraphStyle("h1", body, fontName=_FONT_BOLD, fontSize=14, leading=18, spaceAfter=4)
    now = dt.datetime.now(OFFICE_TZ).strftime("%d.%m.%Y %H:%M" if li == 0 else "%Y-%m-%d %H:%M")
    data: list[list[Any]] = [[Paragraph(escape(_HEADERS[f][li]), head) for f in FIELDS]]
    for row in [*report.rows, report.total]:
        values = [_fmt(f, getattr(row, f)) for f in FIELDS]
        if row is report.total and "label" in FIELDS:
            values[FIELDS.index("label")] = _TOTAL[li]  # the total's label in the PDF's language
        data.append([Paragraph(escape(v), cell) for v in values])
    widths = [22 * mm, 62 * mm] + [(277 - 84) / (len(FIELDS) - 2) * mm] * (len(FIELDS) - 2)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(escape(title), h1),
        Paragraph(escape(_PDF_TEXT["range"][li].format(a=_day(date_from, li), b=_day(date_to, li))), body),
        Paragraph(escape(_PDF_TEXT["by"][li].format(by=_BY.get(report.by, (report.by,) * 2)[li])), body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        Paragraph(escape(_PDF_TEXT["generated"][li].format(t=now)), body),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=title,
        author="frontdesk",
    )
    doc.build(story)
    return buf.getvalue()


__all__ = ["to_csv", "to_json", "to_pdf"]
