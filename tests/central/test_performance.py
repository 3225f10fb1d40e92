"""The municipality's report has the desk's definitions — one implementation (``frontdesk.standards``):
the desk's random history (``tests/test_report_aggregates.py``: returns, corrections, reassignments,
deliveries with ratings, clock skew, remote overwrites, the summer-time change and Albanian holidays) is
copied request by request into a central database through the wire, and the central report equals the
desk's for every grouping both have, range and day. The figures kept from the change feed (in several
refreshes, with changes read twice) equal a rebuild from the requests, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select, text

from frontdesk import reports, standards, wire_rows
from frontdesk.central import models as cm
from frontdesk.central import performance
from frontdesk.central.db import Database
from frontdesk.central.wire_map import event_values, request_change, request_values
from frontdesk.db import Store
from frontdesk.models import Request, RequestEvent, User
from tests.test_report_aggregates import RANGES, TODAYS, _build_history

START = dt.datetime(2026, 1, 5, 8)


def _copy_to_central(store: Store, db: Database) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Every request of the desk, with its events, as central rows (through the wire schema)."""
    with store.read() as s:
        users = {u.id: u.username for u in s.scalars(select(User))}
        reqs = list(s.scalars(select(Request).order_by(Request.created_at)))
        events: dict[str, list[RequestEvent]] = {}
        for ev in s.scalars(select(RequestEvent).order_by(RequestEvent.device_time)):
            events.setdefault(ev.request_id, []).append(ev)
        out = []
        for r in reqs:
            snap = wire_rows.request_snapshot(r, users)
            row = request_values(snap, START)
            evs = [event_values(r.id, wire_rows.event_payload(e), START) for e in events.get(r.id, [])]
            out.append((row, evs))
    with db.write() as s:
        for code in sorted({row["unit_code"] for row, _ in out}):
            s.add(cm.Unit(code=code, name=f"Njësia {code} (TEST)", created_at=START))
            s.flush()
            s.add(cm.UnitCounter(unit_code=code, last_seq=0))
        s.flush()
        s.execute(insert(cm.Request), [row for row, _ in out])
        s.execute(insert(cm.RequestEvent), [e for _, evs in out for e in evs])
    return out


def _key(row: standards.ReportRow) -> tuple[Any, ...]:
    return tuple(v for k, v in row.as_dict().items() if k != "label")


def _tables(db: Database) -> tuple[list[tuple[Any, ...]], ...]:
    with db.read() as s:
        return tuple(sorted(tuple(r) for r in s.execute(text(f"SELECT * FROM {t}")))
                     for t in ("report_stats", "report_days", "report_hist", "report_facts"))  # fmt: skip


def test_the_central_report_equals_the_desks(store: Store, tmp_path: Any) -> None:
    _build_history(store, 4, n=160)
    db = Database(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        copied = _copy_to_central(store, db)
        with db.write() as s:
            assert performance.rebuild(s.connection()) == len(copied)
        compared = 0
        for by in ("service", "unit"):
            for date_from, date_to in RANGES:
                for today in TODAYS:
                    desk = reports.standards_report(store, date_from=date_from, date_to=date_to, by=by, today=today)
                    central = performance.report(db, date_from=date_from, date_to=date_to, by=by, today=today,
                                                 refresh_first=False)  # fmt: skip
                    assert [_key(r) for r in central.rows] == [_key(r) for r in desk.rows], (by, date_from, today)
                    assert _key(central.total) == _key(desk.total)
                    compared += len(desk.rows)
        assert compared >= 40
        # month and office regroup the same requests: their totals are the desk's total
        for date_from, date_to in RANGES[:3]:
            desk = reports.standards_report(store, date_from=date_from, date_to=date_to, by="unit", today=TODAYS[0])
            for by in ("month", "office", "clerk"):
                central = performance.report(db, date_from=date_from, date_to=date_to, by=by, today=TODAYS[0],
                                             refresh_first=False)  # fmt: skip
                assert _key(central.total)[1:] == _key(desk.total)[1:], by
        months = performance.report(db, date_from=RANGES[0][0], date_to=RANGES[0][1], by="month", lang="en",
                                    refresh_first=False)  # fmt: skip
        assert [r.key for r in months.rows][:2] == ["2025-11", "2025-12"] and months.rows[0].label == "November 2025"
    finally:
        db.close()


def test_figures_kept_from_the_feed_equal_a_rebuild(db_url: str, tmp_path: Any, store: Store) -> None:
    _build_history(store, 5, n=90)
    db = Database(db_url)
    try:
        copied = _copy_to_central(store, db)
        # the feed: each request's intake, then (later) its state now with its events; some changes twice
        feed: list[tuple[str, dict[str, Any]]] = []
        for row, evs in copied:
            first = dict(row, status=evs[0]["to_status"] if evs else "received", completed_at=None,
                         delivered_at=None, rating=None, assignee=row["created_by"])  # fmt: skip
            feed.append((row["unit_code"], request_change(first, evs[:1])))
        for row, evs in copied:
            feed.append((row["unit_code"], request_change(row, evs[1:])))
        half = len(feed) // 2

        def publish(items: list[tuple[str, dict[str, Any]]]) -> None:
            with db.write() as s:
                for unit, payload in items:
                    seq = s.execute(text("UPDATE unit_counters SET last_seq = last_seq + 1 WHERE unit_code = :u "
                                         "RETURNING last_seq"), {"u": unit}).scalar_one()  # fmt: skip
                    s.add(cm.Change(unit_code=unit, seq=seq, kind="request", payload=payload, origin=None,
                                    created_at=START))  # fmt: skip

        publish(feed[:half])
        assert performance.refresh(db, chunk=37) == half  # several transactions
        publish(feed[half - 20 :])  # twenty changes read twice, then the rest
        assert performance.refresh(db) == len(feed) - half + 20
        assert performance.refresh(db) == 0
        kept = _tables(db)
        with db.write() as s:
            performance.rebuild(s.connection())
        assert _tables(db) == kept
        assert len(kept[3]) == len(copied) and len(kept[2]) > 10
        assert performance.refreshed_at(db) is not None
    finally:
        db.close()


def test_a_range_is_read_from_as_few_rows_as_give_the_same_figures() -> None:
    """Whole months from month rows; a partial month from its days, or — when it covers most of its month
    — as the month minus the days left out; a day span across months month by month."""
    d = dt.date
    assert performance.plan(d(2026, 1, 1), d(2026, 3, 31)) == [("month", d(2026, 1, 1), d(2026, 3, 1), 1)]
    assert performance.plan(d(2025, 12, 2), d(2026, 12, 1)) == [
        ("month", d(2025, 12, 1), d(2025, 12, 1), 1), ("day", d(2025, 12, 1), d(2025, 12, 1), -1),
        ("month", d(2026, 1, 1), d(2026, 11, 1), 1), ("day", d(2026, 12, 1), d(2026, 12, 1), 1)]  # fmt: skip
    assert performance.plan(d(2026, 3, 27), d(2026, 4, 2)) == [
        ("day", d(2026, 3, 27), d(2026, 3, 31), 1), ("day", d(2026, 4, 1), d(2026, 4, 2), 1)]  # fmt: skip
    assert performance.plan(d(2026, 2, 3), d(2026, 2, 25)) == [
        ("month", d(2026, 2, 1), d(2026, 2, 1), 1), ("day", d(2026, 2, 1), d(2026, 2, 2), -1),
        ("day", d(2026, 2, 26), d(2026, 2, 28), -1)]  # fmt: skip


def test_the_partial_index_of_open_requests_names_the_open_statuses() -> None:
    expected = "status IN (" + ", ".join(f"'{x}'" for x in standards.SLA_OPEN) + ")"
    assert expected == cm.OPEN_WHERE
