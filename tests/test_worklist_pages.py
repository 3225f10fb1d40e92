"""The worklist's pages on the encrypted store: a filtered page is chosen from an index alone and only its
rows are read (SQLCipher decrypts every page it reads: sorting a status's 33,000 rows by reading each one
cost 420-470 ms, bench/ui.py). Checked two ways: the page query's plan reads the table only by rowid, and
every page (filters, sorts, offsets, a common surname within one clerk's) equals the page computed in
Python from all the rows."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import pytest
from sqlalchemy import event, text

from frontdesk import auth, search, workflow
from frontdesk.db import Store
from frontdesk.identity import sample_nid
from frontdesk.lifecycle import STATUSES
from frontdesk.queries import SLA_STATUSES, QueueFilter, queue_count, queue_page, today_local
from frontdesk.text import fold

N = 2 * search.MANY  # Provëza, on two rows in three, is carried by more than MANY: the "many" path


@pytest.fixture
def filled(store: Store, clerk: auth.Actor) -> Store:
    (first,) = workflow.intake(
        store,
        clerk,
        workflow.CitizenInput(sample_nid(dt.date(1980, 1, 2), "F", 7), "Drita Shembulli (TEST)"),
        [workflow.IntakeItem("CERT-FAM", ["ID"])],
    )
    rng = random.Random(5)
    today = dt.date.today()
    with store.write() as s:
        c = s.connection()
        cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(requests)")]
        template = dict(zip(cols, c.exec_driver_sql("SELECT * FROM requests LIMIT 1").one(), strict=True))
        users = [r[0] for r in c.exec_driver_sql("SELECT id FROM users")]
        rows = []
        for i in range(N):
            surname = "Çelaj" if i % 97 == 0 else "Provëza" if i % 3 else "Shembulli"
            name = f"Arta {surname} (TEST)"
            created = dt.datetime(2026, 1, 1) + dt.timedelta(minutes=rng.randint(0, 400_000))
            r = dict(template)
            r.update(id=str(uuid.UUID(int=rng.getrandbits(128))), receipt_no=f"TR01-W03-{i:06d}{'ABC'[i % 3]}",
                     visit_id=str(uuid.uuid4()), citizen_name=name, citizen_key=fold(name),
                     status=rng.choice(STATUSES), assignee_id=rng.choice([*users, None]),
                     created_at=created.isoformat(sep=" "), updated_at=created.isoformat(sep=" "),
                     due_date=(today + dt.timedelta(days=rng.randint(-20, 20))).isoformat())  # fmt: skip
            rows.append(r)
        c.execute(text(f"INSERT INTO requests ({','.join(cols)}) VALUES ({','.join(':' + x for x in cols)})"), rows)
    assert first.receipt_no
    return store


def _all(store: Store) -> list[dict[str, Any]]:
    with store.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT r.rowid, r.receipt_no, r.status, r.due_date, r.created_at, r.citizen_key, u.username "
            "FROM requests r LEFT JOIN users u ON u.id = r.assignee_id"
        )
        return [dict(x._mapping) for x in rows]


def _expected(rows: list[dict[str, Any]], flt: QueueFilter, order_by: str, descending: bool) -> list[str]:
    today = today_local().isoformat()
    out = [
        r
        for r in rows
        if (not flt.status or r["status"] == flt.status)
        and (not flt.assignee or r["username"] == flt.assignee)
        and (not flt.overdue or (r["status"] in SLA_STATUSES and str(r["due_date"]) < today))
        and (not flt.text or fold(flt.text) in r["citizen_key"])
    ]
    out.sort(key=lambda r: (str(r[order_by]), r["rowid"]), reverse=descending)
    return [r["receipt_no"] for r in out]


FILTERS = [
    QueueFilter(),
    QueueFilter(status="ready"),
    QueueFilter(overdue=True),
    QueueFilter(assignee="clerk1"),
    QueueFilter(assignee="clerk1", status="received"),
    QueueFilter(assignee="clerk1", overdue=True),
    QueueFilter(assignee="clerk1", text="Provëza"),  # many matches: the assignee's index drives
    QueueFilter(status="forwarded", text="Provëza"),
    QueueFilter(text="Provëza"),
    QueueFilter(assignee="clerk1", text="Çelaj"),  # few matches: the search index drives
    QueueFilter(text="celaj"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in vars(f).items() if v))
def test_every_page_is_the_page_computed_from_all_rows(filled: Store, flt: QueueFilter) -> None:
    rows = _all(filled)
    for order_by, descending in (("receipt_no", True), ("created_at", True), ("due_date", False)):
        want = _expected(rows, flt, order_by, descending)
        assert queue_count(filled, flt) == len(want) or (not (flt.status or flt.assignee or flt.overdue))
        for offset in (0, 200, max(0, len(want) - 50)):
            got = [r.receipt_no for r in queue_page(filled, flt, order_by=order_by, descending=descending,
                                                     offset=offset, limit=200)]  # fmt: skip
            assert got == want[offset : offset + 200], (order_by, offset)


@pytest.mark.parametrize("analyzed", [False, True])
def test_a_filtered_page_reads_only_the_rows_it_shows(filled: Store, analyzed: bool) -> None:
    if analyzed:
        with filled.write() as s:
            s.connection().exec_driver_sql("ANALYZE")
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.startswith("SELECT requests.id"):
            seen.append((statement, parameters))

    event.listen(filled.engine, "before_cursor_execute", keep)
    try:
        for flt in FILTERS[1:8]:
            for order_by in ("receipt_no", "created_at"):
                seen.clear()
                queue_page(filled, flt, order_by=order_by)
                ((statement, params),) = seen
                with filled.read() as s:
                    plan = [r[3] for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
                on_requests = [p for p in plan if p.startswith(("SEARCH requests", "SCAN requests"))]
                assert on_requests[0] == "SEARCH requests USING INTEGER PRIMARY KEY (rowid=?)", (flt, plan)
                assert all("COVERING INDEX" in p for p in on_requests[1:]), (flt, order_by, plan)
    finally:
        event.remove(filled.engine, "before_cursor_execute", keep)
