"""Performance against the service standards, on a small March 2026 fixture computed by hand.

March 2026 (Europe/Tirane, UTC+1 until Sun 29 Mar 01:00 UTC, then UTC+2). Non-working days: weekends,
Sat 14 Summer Day → observed Mon 16, Fri 20 Eid al-Fitr, Sun 22 Nowruz → observed Mon 23.
Working days: 2 3 4 5 6 | 9 10 11 12 13 | 17 18 19 | 24 25 26 27 | 30 31.
Today (for overdue) is Wed 1 Apr 2026. Range: 1–31 March. Standards: CERT-FAM 1, TAX-STMT 3,
PERMIT-OCC 10 working days. clerk1 works in unit TR01, clerk2 in unit TR02.

    R1  CERT-FAM   clerk1  Thu 12 → ready Tue 17: 13, 17 = 2 days (> 1)   delivered, rating 4
    R2  CERT-FAM   clerk1  Fri 13 → ready Tue 17: 17 = 1 day (within)     delivered, rating 5
    R3  CERT-FAM   clerk2  Thu 19, still received; due 24 (20, 23 holidays) < today: open overdue
    R4  CERT-FAM   clerk1  Mon 9 23:30 UTC = local Tue 10 → ready Wed 11 22:30 UTC = local Wed 11:
                           1 day (within; in UTC dates it would be 2)      delivered, rating 3
    R5  CERT-FAM   clerk1  Tue 31 22:30 UTC = local Wed 1 Apr (summer time): NOT received in March
    R6  TAX-STMT   clerk1  Sat 28 Feb 23:30 UTC = local Sun 1 Mar → rejected Thu 5: 2,3,4,5 = 4 (> 3)
    R7  TAX-STMT   clerk2  Wed 18, returned 18, back 24, ready Thu 26: 19,24,25,26 = 4 (> 3);
                           delivered, rating 2; ever returned (history)
    R8  TAX-STMT   clerk1  Mon 2 → reassigned to clerk2 Tue 3 → ready Thu 5: 3,4,5 = 3 (within);
                           delivered without rating
    R9  TAX-STMT   clerk2  Wed 25, returned for completion at intake (status returned: not overdue)
    R10 PERMIT-OCC clerk1  Mon 2 → forwarded → in progress; due Tue 17 < today: open overdue
    R11 PERMIT-OCC clerk2  Tue 24 → forwarded; due 8 Apr: not overdue
    R12 PERMIT-OCC clerk1  Wed 4 → ready 18 → correction (in progress) 19 → ready Tue 24:
                           5,6,9,10,11,12,13,17,18,19,24 = 11 (> 10)      delivered, rating 5
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from frontdesk import auth, report_export, reports, workflow
from frontdesk.db import Store
from frontdesk.errors import InvalidInput
from frontdesk.identity import sample_nid
from frontdesk.models import Unit, User

TODAY = dt.date(2026, 4, 1)
MARCH = {"date_from": dt.date(2026, 3, 1), "date_to": dt.date(2026, 3, 31), "today": TODAY}
DOCS = {"CERT-FAM": ["ID"], "TAX-STMT": ["ID"], "PERMIT-OCC": ["ID", "APP"]}


def at(day: int, hour: int = 9, minute: int = 0, month: int = 3) -> dt.datetime:
    """Naive UTC."""
    return dt.datetime(2026, month, day, hour, minute)


@pytest.fixture
def fixture(store: Store) -> dict[str, str]:
    with store.write() as s:
        s.add(Unit(code="TR02", name="Njësia Dytë (TEST)", created_at=at(1)))
        s.flush()
        s.execute(update(User).where(User.username == "clerk2").values(unit_code="TR02"))
    c1 = auth.actor_for(store, "clerk1")
    c2 = auth.actor_for(store, "clerk2")
    sup = auth.actor_for(store, "super")
    serial = iter(range(900, 999))

    def take(actor: auth.Actor, code: str, when: dt.datetime, *, returned: bool = False) -> str:
        citizen = workflow.CitizenInput(sample_nid(dt.date(1985, 5, 5), "F", next(serial)), "Qytetare Prove (TEST)")
        item = workflow.IntakeItem(code, [] if returned else DOCS[code], return_for_completion=returned)
        return workflow.intake(store, actor, citizen, [item], now=when)[0].receipt_no

    r: dict[str, str] = {}
    r["R1"] = take(c1, "CERT-FAM", at(12))
    workflow.advance(store, c1, r["R1"], "ready", now=at(17, 10))
    workflow.deliver(store, c1, r["R1"], rating=4, now=at(18))
    r["R2"] = take(c1, "CERT-FAM", at(13, 8))
    workflow.advance(store, c1, r["R2"], "ready", now=at(17, 8))
    workflow.deliver(store, c1, r["R2"], rating=5, now=at(17, 12))
    r["R3"] = take(c2, "CERT-FAM", at(19))
    r["R4"] = take(c1, "CERT-FAM", at(9, 23, 30))
    workflow.advance(store, c1, r["R4"], "ready", now=at(11, 22, 30))
    workflow.deliver(store, c1, r["R4"], rating=3, now=at(12, 10))
    r["R5"] = take(c1, "CERT-FAM", at(31, 22, 30))
    workflow.advance(store, c1, r["R5"], "ready", now=at(1, 9, month=4))
    r["R6"] = take(c1, "TAX-STMT", at(28, 23, 30, month=2))
    workflow.advance(store, c1, r["R6"], "rejected", now=at(5, 10))
    r["R7"] = take(c2, "TAX-STMT", at(18, 10))
    workflow.advance(store, c2, r["R7"], "returned", now=at(18, 11))
    workflow.advance(store, c2, r["R7"], "received", now=at(24, 10))
    workflow.advance(store, c2, r["R7"], "ready", now=at(26, 10))
    workflow.deliver(store, c2, r["R7"], rating=2, now=at(27, 10))
    r["R8"] = take(c1, "TAX-STMT", at(2))
    workflow.reassign(store, sup, [r["R8"]], "clerk2", "Ngarkesë (TEST)", now=at(3))
    workflow.advance(store, c2, r["R8"], "ready", now=at(5, 12))
    workflow.deliver(store, c2, r["R8"], now=at(6, 12))
    r["R9"] = take(c2, "TAX-STMT", at(25), returned=True)
    r["R10"] = take(c1, "PERMIT-OCC", at(2))
    workflow.advance(store, c1, r["R10"], "forwarded", now=at(3))
    workflow.advance(store, c1, r["R10"], "in_progress", now=at(10))
    r["R11"] = take(c2, "PERMIT-OCC", at(24))
    workflow.advance(store, c2, r["R11"], "forwarded", now=at(25))
    r["R12"] = take(c1, "PERMIT-OCC", at(4))
    workflow.advance(store, c1, r["R12"], "ready", now=at(18))
    workflow.advance(store, c1, r["R12"], "in_progress", now=at(19))
    workflow.advance(store, c1, r["R12"], "ready", now=at(24))
    workflow.deliver(store, c1, r["R12"], rating=5, now=at(25))
    return r


# key: received, completed, within, share, median, p90, open_overdue, returned_rate, avg_rating, ratings
BY_SERVICE = {
    # R1 R2 R3 R4 · completed R1(2) R2(1) R4(1) · within R2 R4 · overdue R3 · ratings 4 5 3
    "CERT-FAM": (4, 3, 2, 2 / 3, 1.0, 2, 1, 0.0, 4.0, 3),
    # R10 R11 R12 · completed R12(11) · overdue R10 · rating 5
    "PERMIT-OCC": (3, 1, 0, 0.0, 11.0, 11, 1, 0.0, 5.0, 1),
    # R6 R7 R8 R9 · completed R6(4) R7(4) R8(3) · within R8 · returned R7 R9 · rating 2
    "TAX-STMT": (4, 3, 1, 1 / 3, 4.0, 4, 0, 0.5, 2.0, 1),
}
# all 11: days 1 1 2 3 4 4 11 → median 3, p90 = 7th of 7 = 11; ratings 4 5 3 2 5 → 3.8
TOTAL = (11, 7, 3, 3 / 7, 3.0, 11, 2, 2 / 11, 3.8, 5)
BY_CLERK = {
    # R1 R2 R4 R6 R10 R12 · days 1 1 2 4 11 → median 2, p90 = 5th = 11 · overdue R10 · ratings 4 5 3 5
    "clerk1": (6, 5, 2, 0.4, 2.0, 11, 1, 0.0, 4.25, 4),
    # R3 R7 R8 (reassigned) R9 R11 · days 3 4 → median 3.5, p90 4 · overdue R3 · returned R7 R9
    "clerk2": (5, 2, 1, 0.5, 3.5, 4, 1, 0.4, 2.0, 1),
}
BY_UNIT = {
    # intakes by clerk1 (R8 stays with its unit): days 1 1 2 3 4 11 → median 2.5, p90 = 6th = 11
    "TR01": (7, 6, 3, 0.5, 2.5, 11, 1, 0.0, 4.25, 4),
    # R3 R7 R9 R11 · days 4 · overdue R3 · returned R7 R9
    "TR02": (4, 1, 0, 0.0, 4.0, 4, 1, 0.5, 2.0, 1),
}
NUMBERS = reports.FIELDS[2:]


def figures(row: reports.ReportRow) -> tuple[object, ...]:
    return tuple(getattr(row, f) for f in NUMBERS)


def check(row: reports.ReportRow, expected: tuple[object, ...]) -> None:
    assert figures(row) == pytest.approx(expected), row.key


@pytest.mark.parametrize(
    ("by", "expected", "labels"),
    [
        ("service", BY_SERVICE, {"CERT-FAM": "Certifikatë familjare"}),
        ("clerk", BY_CLERK, {"clerk1": "Klerk Një (TEST)", "clerk2": "Klerk Dy (TEST)"}),
        ("unit", BY_UNIT, {"TR02": "Njësia Dytë (TEST)"}),
    ],
)
def test_report_by(
    store: Store, fixture: dict[str, str], by: str, expected: dict[str, tuple[object, ...]], labels: dict[str, str]
) -> None:
    rep = reports.standards_report(store, by=by, **MARCH)
    assert [r.key for r in rep.rows] == sorted(expected)
    for row in rep.rows:
        check(row, expected[row.key])
    for key, label in labels.items():
        assert next(r for r in rep.rows if r.key == key).label == label
    check(rep.total, TOTAL)
    assert rep.total.key == "*"


def test_range_edges_and_local_dates(store: Store, fixture: dict[str, str]) -> None:
    # 1 April alone holds only R5 (taken 31 March 22:30 UTC, summer time), completed the same local day
    april = reports.standards_report(store, date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 4, 30), today=TODAY)
    assert figures(april.total) == pytest.approx((1, 1, 1, 1.0, 0.0, 0, 0, 0.0, None, 0))
    # 1 March alone: R6 only (28 Feb 23:30 UTC is 1 March in Tirana)
    first = reports.standards_report(store, date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 1), today=TODAY)
    assert [(r.key, r.received) for r in first.rows] == [("TAX-STMT", 1)]
    # nothing received: every ratio is None, not zero
    empty = reports.standards_report(store, date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31), today=TODAY)
    assert empty.rows == []
    assert figures(empty.total) == (0, 0, 0, None, None, None, 0, None, None, 0)


def test_open_overdue_depends_on_today(store: Store, fixture: dict[str, str]) -> None:
    # on 17 March R10 (due 17) is not yet overdue and R3 (due 24) neither; on 18 March R10 is
    assert reports.standards_report(store, **{**MARCH, "today": dt.date(2026, 3, 17)}).total.open_overdue == 0
    assert reports.standards_report(store, **{**MARCH, "today": dt.date(2026, 3, 18)}).total.open_overdue == 1
    assert reports.overdue_by_service(store, TODAY) == [
        ("CERT-FAM", "Certifikatë familjare", 1),
        ("PERMIT-OCC", "Leje për zënie të hapësirës publike", 1),
    ]
    assert reports.overdue_by_service(store, dt.date(2026, 3, 17)) == []


def test_weekly_on_time(store: Store, fixture: dict[str, str]) -> None:
    weeks = reports.weekly_on_time(store, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert weeks == [
        (dt.date(2026, 2, 23), 1, 0, 0.0),  # R6 (Sunday 1 March)
        (dt.date(2026, 3, 2), 2, 1, 0.5),  # R8 within, R12 late, R10 open
        (dt.date(2026, 3, 9), 3, 2, pytest.approx(2 / 3)),  # R1 late, R2 and R4 within
        (dt.date(2026, 3, 16), 1, 0, 0.0),  # R7 late, R3 open
        (dt.date(2026, 3, 23), 0, 0, None),  # R9 returned, R11 open
        (dt.date(2026, 3, 30), 0, 0, None),  # R5 is 1 April
    ]


def test_invalid_arguments(store: Store) -> None:
    with pytest.raises(InvalidInput):
        reports.standards_report(store, date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 1))
    with pytest.raises(InvalidInput):
        reports.standards_report(store, date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 2), by="citizen")


def test_csv_export(store: Store, fixture: dict[str, str]) -> None:
    rep = reports.standards_report(store, by="service", **MARCH)
    rows = list(csv.DictReader(io.StringIO(report_export.to_csv(rep))))
    # the app's export speaks the UI's language; the command line keeps the field names
    sq = list(csv.reader(io.StringIO(report_export.to_csv(rep, lang="sq"))))
    assert sq[0][:2] == ["Kodi", "Emërtimi"] and sq[-1][1] == "Gjithsej"
    assert list(rows[0]) == list(reports.FIELDS)
    assert [r["key"] for r in rows] == ["CERT-FAM", "PERMIT-OCC", "TAX-STMT", "*"]
    cert = rows[0]
    assert cert["label"] == "Certifikatë familjare"
    assert (cert["received"], cert["completed"], cert["within_standard"]) == ("4", "3", "2")
    assert float(cert["on_time_share"]) == pytest.approx(2 / 3, abs=1e-4)
    assert (cert["median_days"], cert["p90_days"], cert["avg_rating"]) == ("1", "2", "4")
    total = rows[-1]
    assert (total["received"], total["returned_rate"], total["ratings"]) == ("11", "0.1818", "5")
    assert rows[1]["returned_rate"] == "0"


def test_json_export(store: Store, fixture: dict[str, str]) -> None:
    rep = reports.standards_report(store, by="clerk", **MARCH)
    data = json.loads(report_export.to_json(rep))
    assert data["by"] == "clerk" and data["date_from"] == "2026-03-01" and data["today"] == "2026-04-01"
    assert [r["key"] for r in data["rows"]] == ["clerk1", "clerk2"]
    assert data["rows"][1]["median_days"] == 3.5
    assert data["total"]["received"] == 11
    assert data["total"]["avg_rating"] == pytest.approx(3.8)


def test_pdf_export(store: Store, fixture: dict[str, str]) -> None:
    rep = reports.standards_report(store, by="service", **MARCH)
    pdf = report_export.to_pdf(
        rep, title="Performanca ndaj standardeve të shërbimit", date_from=MARCH["date_from"], date_to=MARCH["date_to"]
    )
    assert pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "Performanca ndaj standardeve të shërbimit" in flat
    assert "01.03.2026" in flat and "31.03.2026" in flat  # Albanian dates in the Albanian PDF
    assert "Gjithsej" in flat and "Total" not in flat
    assert "Certifikatë familjare" in flat  # ë through DejaVu Sans
    assert "Vërtetim për detyrimet tatimore vendore" in flat
    assert "Krijuar më" in flat
    assert "66.7 %" in flat  # CERT-FAM on time
    english = report_export.to_pdf(
        rep, title="Service standards", date_from=MARCH["date_from"], date_to=MARCH["date_to"], lang="en"
    )
    english_text = " ".join((PdfReader(io.BytesIO(english)).pages[0].extract_text() or "").split())
    assert "Generated" in english_text and "Total" in english_text and "2026-03-01" in english_text


def test_completion_far_outside_the_range_is_counted_in_python(store: Store, clerk: auth.Actor) -> None:
    # received Mon 30 March 2026, ready Tue 1 June 2027: beyond the SQL day table (today + 366 days)
    citizen = workflow.CitizenInput(sample_nid(dt.date(1985, 5, 5), "M", 990), "Qytetar Prove (TEST)")
    no = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("TAX-STMT", ["ID"])], now=at(30))[0].receipt_no
    workflow.advance(store, clerk, no, "ready", now=dt.datetime(2027, 6, 1, 9))
    from frontdesk.deadlines import WorkCalendar

    days = WorkCalendar().working_days_between(dt.date(2026, 3, 30), dt.date(2027, 6, 1))
    rep = reports.standards_report(store, **MARCH)
    assert figures(rep.total) == pytest.approx((1, 1, 0, 0.0, float(days), days, 0, 0.0, None, 0))
