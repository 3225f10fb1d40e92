"""Bulk writes and key lookups of the apply path (frontdesk/central/bulk.py) give what ``insert()`` and
``IN (…)`` give — ``COPY`` and ``= ANY`` on PostgreSQL, ``executemany`` and chunked ``IN`` on SQLite:
JSON values (null, nested, non-ASCII) and left-out columns stored alike, a broken constraint an
``IntegrityError`` that the caller's savepoint undoes whole, and every key found across chunks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from frontdesk.central import models as m
from frontdesk.central.bulk import IN_CHUNK, insert_rows, one_of
from frontdesk.central.db import Database
from frontdesk.clock import uuid7

REQUESTS: Table = m.Request.__table__  # type: ignore[assignment]
EVENTS: Table = m.RequestEvent.__table__  # type: ignore[assignment]
CHANGES: Table = m.Change.__table__  # type: ignore[assignment]
WHEN = dt.datetime(2026, 11, 30, 9, 15, 0, 123456)


def _request(i: int, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": uuid7(), "receipt_no": f"BK01-W01-{i:07d}", "visit_id": uuid7(), "unit_code": "BK01",
        "workstation_code": "W01", "service_code": "CERT-FAM", "citizen_nid": "J00101999W",
        "citizen_name": f"Qytetar Ëndërr Çelësi {i} (TEST)", "citizen_phone": None, "documents": ["ID", "FOTO"],
        "documents_missing": [], "fee_paid": 0, "priority": i % 2 == 0, "note": None if i % 3 else "shënim\tme tab",
        "status": "received", "assignee": None, "created_by": "clerk1", "created_at": WHEN, "updated_at": WHEN,
        "due_date": WHEN.date(), "standard_days": 1, "version": 1, "completed_at": None, "delivered_at": None,
        "rating": None, "received_at": WHEN,
    }  # fmt: skip
    row.update(over)
    return row


def _as_insert_stores(db_url: str, rows: list[dict[str, Any]], table: Table) -> list[dict[str, Any]]:
    """What a plain ``insert()`` stores for ``rows`` (the reference), read back; the rows removed again."""
    db = Database(db_url)
    try:
        with db.write() as s:
            s.execute(insert(table), rows)
        with db.read() as s:
            back = [dict(r) for r in s.execute(select(table).order_by(table.c.id)).mappings()]
        with db.write() as s:
            s.execute(delete(table).where(table.c.id.in_([r["id"] for r in rows])))
        return back
    finally:
        db.close()


@pytest.fixture
def db(db_url: str) -> Any:
    database = Database(db_url)
    with database.write() as s:
        s.add(m.Unit(code="BK01", name="Njësia Bulk (TEST)", created_at=WHEN))
    yield database
    database.close()


def test_bulk_rows_are_stored_as_an_insert_stores_them(db: Database, db_url: str) -> None:
    rows = [_request(i) for i in range(1, 40)]
    left_out = {k: v for k, v in _request(40).items() if k != "assigned_version"}  # the column's default (0)
    with db.write() as s:
        insert_rows(s, REQUESTS, rows)
        insert_rows(s, REQUESTS, [left_out])
        insert_rows(s, REQUESTS, [])  # nothing to write: no statement
    reference = _as_insert_stores(db_url, [{**r, "id": uuid7(), "receipt_no": r["receipt_no"].replace("BK01", "BK02")}
                                           for r in rows], REQUESTS)  # fmt: skip
    with db.read() as s:
        stored = {r["receipt_no"]: dict(r) for r in s.execute(select(REQUESTS)).mappings()}
    assert len(stored) == 40
    assert stored[left_out["receipt_no"]]["assigned_version"] == 0
    for ref in reference:
        mine = stored[ref["receipt_no"].replace("BK02", "BK01")]
        assert {k: v for k, v in mine.items() if k not in ("id", "receipt_no", "visit_id")} == {
            k: v for k, v in ref.items() if k not in ("id", "receipt_no", "visit_id")
        }


def test_json_values_round_trip(db: Database) -> None:
    request = _request(1)
    payloads: list[Any] = [
        {"request": {"citizen_name": "Çelë Ëndërr (TEST)", "n": [1, 2.5, None, True]}, "events": []},
        {"nested": {"a": {"b": {"c": ["ë", {"d": None}]}}}},
        {},
    ]
    events = [
        {"id": uuid7(), "request_id": request["id"], "kind": "note", "from_status": None, "to_status": None,
         "actor": "clerk1", "workstation": "W01", "device_time": WHEN, "data": data, "received_at": WHEN}
        for data in ({}, {"text": "shënim \"në thonjëza\" \\ e vijë"}, {"to": "clerk2", "base_version": 3})
    ]  # fmt: skip
    with db.write() as s:
        insert_rows(s, REQUESTS, [request])
        insert_rows(s, EVENTS, events)
        s.add(m.UnitCounter(unit_code="BK01", last_seq=0))
        insert_rows(s, CHANGES, [{"unit_code": "BK01", "seq": i + 1, "kind": "request", "payload": pl, "origin": None,
                                  "created_at": WHEN} for i, pl in enumerate(payloads)])  # fmt: skip
    with db.read() as s:
        assert [r.payload for r in s.scalars(select(m.Change).order_by(m.Change.seq))] == payloads
        got = {e.id: e.data for e in s.scalars(select(m.RequestEvent))}
        assert got == {e["id"]: e["data"] for e in events}
        (back,) = s.scalars(select(m.Request)).all()
        assert back.documents == ["ID", "FOTO"] and back.documents_missing == []


def test_a_broken_constraint_is_an_integrity_error_the_savepoint_undoes(db: Database) -> None:
    first = _request(1)
    with db.write() as s:
        insert_rows(s, REQUESTS, [first])
    with db.write() as s:
        savepoint = s.begin_nested()
        with pytest.raises(IntegrityError):
            # the second row takes the first one's receipt number: neither row stays
            insert_rows(s, REQUESTS, [_request(2), _request(3, receipt_no=first["receipt_no"])])
        savepoint.rollback()
        insert_rows(s, REQUESTS, [_request(4)])  # the transaction goes on after the savepoint
    with db.read() as s:
        assert sorted(s.scalars(select(m.Request.receipt_no))) == ["BK01-W01-0000001", "BK01-W01-0000004"]


def test_lookups_find_every_key_across_chunks(db: Database) -> None:
    rows = [_request(i) for i in range(1, IN_CHUNK * 2 + 8)]
    with db.write() as s:
        insert_rows(s, REQUESTS, rows)
    wanted = {r["id"] for r in rows[::2]} | {uuid7() for _ in range(30)}  # and keys that are not there
    with db.read() as s:
        conditions = list(one_of(s, REQUESTS.c.id, wanted))
        found = {rid for where in conditions for rid in s.scalars(select(REQUESTS.c.id).where(where))}
        assert list(one_of(s, REQUESTS.c.id, set())) == []
        dialect = s.connection().dialect.name
        total = s.scalar(select(func.count()).select_from(REQUESTS))
    assert found == {r["id"] for r in rows[::2]}
    assert total == len(rows)
    assert len(conditions) == (1 if dialect == "postgresql" else -(-len(wanted) // IN_CHUNK))
