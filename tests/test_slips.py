"""The clerk's day (frontdesk.today) and the slips printed besides the receipt (frontdesk.receipts_slips):
the cash-up slip and the void slip, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import io
import json

from pypdf import PdfReader
from sqlalchemy import text

from frontdesk import auth, receipts_slips, today, workflow
from frontdesk.db import Store
from frontdesk.identity import sample_nid
from frontdesk.localtime import date_text, time_text
from frontdesk.queries import today_local


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _take(store: Store, actor: auth.Actor, serial: int, service: str, now: dt.datetime | None = None) -> str:
    citizen = workflow.CitizenInput(sample_nid(dt.date(1977, 4, 4), "M", serial), f"Qytetar {serial} (TEST)")
    (v,) = workflow.intake(store, actor, citizen, [workflow.IntakeItem(service, ["ID"], accept_missing=True)], now=now)
    return v.receipt_no


def test_my_day_counts_my_intakes_and_deliveries_of_today_only(
    store: Store, clerk: auth.Actor, supervisor: auth.Actor
) -> None:
    mine = [
        _take(store, clerk, 501, "CERT-FAM"),
        _take(store, clerk, 502, "CERT-FAM"),
        _take(store, clerk, 503, "PERMIT-OCC"),
    ]
    _take(store, supervisor, 504, "CERT-FAM")  # someone else's
    yesterday = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=1, hours=1)
    _take(store, clerk, 505, "CERT-FAM", now=yesterday)  # not today
    workflow.advance(store, clerk, mine[0], "ready")
    workflow.deliver(store, clerk, mine[0], rating=5)
    day = today.my_day(store, "clerk1")
    assert day.day == today_local()
    assert [ln.receipt_no for ln in day.intakes] == mine
    assert [ln.receipt_no for ln in day.deliveries] == [mine[0]]
    by = {t.service_code: (t.intakes, t.fees) for t in day.by_service}
    fees = {ln.receipt_no: ln.fee_paid for ln in day.intakes}
    assert by["CERT-FAM"] == (2, fees[mine[0]] + fees[mine[1]])
    assert by["PERMIT-OCC"] == (1, fees[mine[2]])
    assert day.total_fees == sum(fees.values())
    assert today.my_day(store, "nobody").intakes == []


def test_a_voided_intake_is_listed_apart_and_not_counted(store: Store, clerk: auth.Actor) -> None:
    kept, voided = _take(store, clerk, 511, "CERT-FAM"), _take(store, clerk, 512, "CERT-FAM")
    # the void event as workflow.void_intake (issue 10) writes it: status cancelled, kind "void", the reason
    with store.write() as s:
        rid = s.scalar(text("SELECT id FROM requests WHERE receipt_no = :n"), {"n": voided})
        s.execute(text("UPDATE requests SET status = 'cancelled' WHERE id = :i"), {"i": rid})
        s.execute(
            text(
                "INSERT INTO request_events (id, request_id, kind, from_status, to_status, actor_username, "
                "workstation_code, device_time, data) VALUES ('e-void', :i, 'void', 'received', 'cancelled', "
                "'clerk1', 'W03', :t, :d)"
            ),
            {
                "i": rid,
                "t": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "d": json.dumps({"reason": "Shërbim i gabuar (TEST)"}),
            },
        )
    day = today.my_day(store, "clerk1")
    assert [ln.receipt_no for ln in day.intakes] == [kept]
    assert [(ln.receipt_no, ln.reason) for ln in day.voided] == [(voided, "Shërbim i gabuar (TEST)")]
    assert day.total_fees == day.intakes[0].fee_paid


def test_cash_up_slip_says_the_day_the_totals_and_the_voided(store: Store, clerk: auth.Actor) -> None:
    nos = [_take(store, clerk, 521, "CERT-FAM"), _take(store, clerk, 522, "PERMIT-OCC")]
    day = today.my_day(store, "clerk1")
    for lang, words in (
        ("sq", ("MBYLLJA E ARKËS", "GJITHSEJ PËR T'U DORËZUAR")),
        ("en", ("CASH-UP", "TOTAL TO HAND OVER")),
    ):
        for paper in ("roll80", "a5"):
            pdf = receipts_slips.render_cashup(
                day, unit_name="Njësia Testuese", workstation_code="W03", lang=lang, paper=paper
            )
            t = _text(pdf)
            assert all(w in t for w in words)
            assert date_text(day.day) in t and "Klerk Një (TEST)" in t
            assert receipts_slips.format_fee(day.total_fees) in t
            for ln in day.by_service:
                assert ln.name(lang)[:20] in t
    assert len(nos) == len(day.intakes)


def test_void_slip_names_the_receipt_the_reason_and_the_refund() -> None:
    when = dt.datetime(2026, 7, 15, 8, 30)  # naive UTC: 10:30 in Tirana
    slip = receipts_slips.VoidSlip(
        receipt_no="TR01-W03-0000127",
        service_name="Certifikatë familjare",
        citizen_name="Drita Shembulli (TEST)",
        masked_nid="J00****99W",
        fee_returned=500,
        voided_at=when,
        voided_by="Klerk Një (TEST)",
        reason="Shërbim i gabuar (TEST)",
        unit_name="Njësia Testuese",
        workstation_code="W03",
    )
    t = _text(receipts_slips.render_void_slip(slip, lang="sq"))
    assert "ANULIM I PRANIMIT" in t and "TR01-W03-0000127" in t and "Shërbim i gabuar (TEST)" in t
    assert "15.07.2026 10:30" in t and time_text(when) == "10:30"
    assert receipts_slips.format_fee(500) in t and "nuk do të përdoret" in t
    assert "INTAKE VOIDED" in _text(receipts_slips.render_void_slip(slip, lang="en"))
