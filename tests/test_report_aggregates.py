"""The report aggregates (``frontdesk/aggregates.py``) against the row-scanning reference.

A random history — intakes (some returned for completion at intake, some late in the evening UTC so
that the local date is the next day), status changes, corrections (ready → in progress), reassignments,
deliveries with and without ratings, returns for completion, completions before the intake (clock
skew) and far after it, and remote overwrites by the central system (``pull.apply_request``) —
spread from November 2025 to April 2026 (Albanian holidays: 28/29 Nov, 8 Dec, 25 Dec, 1/2 Jan, 14 Mar
observed 16, Eid, Nowruz observed 23 Mar; summer time from 29 Mar). Then the report read from the
aggregates must equal ``reports._reference_report`` for every grouping and several ranges, the weekly
trend must equal its reference, and the maintained tables must equal a rebuild from the requests and
the migration's backfill.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, select, text, update

from frontdesk import aggregates, auth, pull, reports, wire, wire_rows, workflow
from frontdesk.clock import uuid7
from frontdesk.db import Store, alembic_config
from frontdesk.deadlines import WorkCalendar
from frontdesk.identity import sample_nid
from frontdesk.lifecycle import TERMINAL, TRANSITIONS
from frontdesk.models import OutboxOp, Request, Unit, User
from frontdesk.numbering import format_receipt_no

DOCS = {"CERT-FAM": ["ID"], "TAX-STMT": ["ID"], "PERMIT-OCC": ["ID", "APP"]}
START = dt.datetime(2025, 11, 20, 7)
SPAN_MINUTES = 150 * 24 * 60
AGGREGATES_DOWN_REVISION = "59442a6eb703"  # the revision before "report aggregates"
RANGES = [
    (dt.date(2025, 11, 1), dt.date(2026, 6, 30)),  # everything, whole months only
    (dt.date(2025, 11, 20), dt.date(2026, 3, 17)),  # partial months at both edges
    (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),  # one whole month
    (dt.date(2026, 2, 10), dt.date(2026, 2, 10)),  # one day
    (dt.date(2026, 3, 27), dt.date(2026, 4, 2)),  # across the summer-time change
    (dt.date(2025, 12, 15), dt.date(2026, 2, 14)),
    (dt.date(2024, 1, 1), dt.date(2024, 2, 1)),  # nothing received
]
TODAYS = [dt.date(2026, 1, 15), dt.date(2026, 7, 1)]


def _build_history(store: Store, seed: int, n: int = 220) -> dict[str, int]:
    """Returns counters of what was done (so the test can check the history is varied)."""
    rnd = random.Random(seed)
    with store.write() as s:
        s.add(Unit(code="TR02", name="Njësia Dytë (TEST)", created_at=START))
        s.flush()
        s.execute(update(User).where(User.username == "clerk2").values(unit_code="TR02"))
    actors = [auth.actor_for(store, u) for u in ("clerk1", "clerk2", "super")]
    sup = actors[2]
    done: dict[str, int] = {}

    def count(what: str) -> None:
        done[what] = done.get(what, 0) + 1

    receipts: list[str] = []
    for i in range(n):
        created = START + dt.timedelta(minutes=rnd.randrange(SPAN_MINUTES))
        if rnd.random() < 0.15:
            created = created.replace(hour=rnd.choice((22, 23)))  # the next local day (UTC+1 / UTC+2)
        code = rnd.choice(sorted(DOCS))
        returned = rnd.random() < 0.1
        actor = rnd.choice(actors)
        citizen = workflow.CitizenInput(sample_nid(dt.date(1980, 1, 1 + i % 28), "F", i % 1000), f"Qytetare {i} (TEST)")
        item = workflow.IntakeItem(code, [] if returned else DOCS[code], return_for_completion=returned)
        no = workflow.intake(store, actor, citizen, [item], now=created)[0].receipt_no
        receipts.append(no)
        count("intake")
        status, t = ("returned" if returned else "received"), created
        for _ in range(rnd.randint(0, 7)):
            if status in TERMINAL:
                break
            t += dt.timedelta(hours=rnd.choice((1, 5, 20, 30, 50, 70, 140, 300)))
            if rnd.random() < 0.03:
                t = created - dt.timedelta(days=rnd.randint(1, 4))  # a workstation clock far behind
                count("skew")
            elif rnd.random() < 0.01:
                t = created + dt.timedelta(days=400)  # completed far beyond the range
                count("far")
            if rnd.random() < 0.15:
                target = rnd.choice([a for a in actors if a.username != actor.username])
                workflow.reassign(store, sup, [no], target.username, "Ngarkesë (TEST)", now=t)
                actor = target
                count("reassign")
                continue
            nxt = rnd.choice(sorted(TRANSITIONS[status]))
            if nxt == "delivered":
                rating = rnd.choice((None, 1, 2, 3, 4, 5, 5))
                workflow.deliver(store, rnd.choice(actors[:2]), no, rating=rating, now=t)
                count("deliver")
            else:
                who = sup if nxt == "cancelled" else rnd.choice(actors)
                workflow.advance(store, who, no, nxt, now=t)
                count("correction" if (status, nxt) == ("ready", "in_progress") else nxt)
            status = nxt
    _remote_changes(store, rnd, receipts, count)
    return done


def _remote_changes(store: Store, rnd: random.Random, receipts: list[str], count: Any) -> None:
    """The central system overwrites some requests (their local ops acknowledged) and sends new ones."""
    with store.write() as s:
        users = {u.id: u.username for u in s.scalars(select(User))}
        for no in rnd.sample(receipts, 40):
            req = s.scalars(select(Request).where(Request.receipt_no == no)).one()
            s.execute(delete(OutboxOp).where(OutboxOp.request_id == req.id))  # acknowledged by the server
            snap = wire_rows.request_snapshot(req, users).model_dump(mode="json")
            t = req.created_at + dt.timedelta(days=rnd.randint(0, 20), hours=rnd.randint(0, 23))
            kind = rnd.choice(("ready", "reopen", "delivered-no-completion", "returned", "reassign"))
            if req.status in TERMINAL and kind != "delivered-no-completion":
                kind = "reassign"  # the rulebook: a finished request never leaves its final status
            elif req.status in TERMINAL:
                kind = "reassign" if req.status != "delivered" else kind
            snap["version"] = req.version + 1
            snap["updated_at"] = t.isoformat()
            events: list[dict[str, Any]] = []
            if kind == "ready":
                snap.update(status="ready", completed_at=t.isoformat(), assignee="remote-clerk")
            elif kind == "reopen":
                snap.update(status="in_progress", completed_at=None, delivered_at=None, rating=None)
            elif kind == "delivered-no-completion":  # counted as completed by delivered_at
                snap.update(status="delivered", completed_at=None, delivered_at=t.isoformat(), rating=rnd.randint(1, 5))
            elif kind == "returned":
                snap.update(status="returned", completed_at=None, delivered_at=None)
                events.append(_event("status", snap["status"], t))
            else:
                snap.update(assignee=rnd.choice(("clerk1", "clerk2", "remote-clerk")))
            pull.apply_request(s, wire.RequestChange.model_validate({"request": snap, "events": events}))
            count(f"remote {kind}")
        template = wire_rows.request_snapshot(s.scalars(select(Request).limit(1)).one(), users).model_dump(mode="json")
        for k in range(6):
            created = START + dt.timedelta(days=rnd.randint(0, 140), hours=rnd.randint(7, 23))
            snap = {**template, "id": uuid7(), "receipt_no": format_receipt_no("TR01", "W99", k + 1),
                    "workstation_code": "W99", "visit_id": uuid7(),
                    "created_at": created.isoformat(), "updated_at": created.isoformat(), "assignee": "remote-clerk",
                    "status": "delivered" if k % 2 else "received", "rating": 4 if k % 2 else None,
                    "completed_at": (created + dt.timedelta(days=3)).isoformat() if k % 2 else None,
                    "delivered_at": (created + dt.timedelta(days=4)).isoformat() if k % 2 else None}  # fmt: skip
            # a returned event in the history of every third one: ever returned, though not returned now
            events = [_event("intake", "received", created)] + (
                [_event("status", "returned", created)] if k % 3 else []
            )
            pull.apply_request(s, wire.RequestChange.model_validate({"request": snap, "events": events}))
            count("remote new")


def _event(kind: str, to_status: str, t: dt.datetime) -> dict[str, Any]:
    return {"id": uuid7(), "kind": kind, "from_status": None, "to_status": to_status, "actor": "remote-clerk",
            "workstation": "W99", "device_time": t.isoformat(), "data": {}}  # fmt: skip


def _tables(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with store.read() as s:
        stats = sorted(tuple(r) for r in s.execute(text("SELECT * FROM report_stats")))
        days = sorted(tuple(r) for r in s.execute(text("SELECT * FROM report_days")))
    return stats, days


@pytest.mark.parametrize("seed", [1, 2])
def test_random_history_report_equals_the_reference(store: Store, seed: int) -> None:
    done = _build_history(store, seed)
    for what in ("intake", "reassign", "deliver", "correction", "returned", "rejected", "cancelled", "skew"):
        assert done.get(what, 0) > 0, (what, done)  # the history exercises every kind of change
    assert sum(v for k, v in done.items() if k.startswith("remote")) == 46
    nonempty = 0
    for by in reports.GROUPINGS:
        for date_from, date_to in RANGES:
            for today in TODAYS:
                args: dict[str, Any] = {"date_from": date_from, "date_to": date_to, "by": by, "today": today}
                got = reports.standards_report(store, **args)
                want = reports._reference_report(store, **args)
                assert got.rows == want.rows, (by, date_from, date_to, today)
                assert got.total == want.total, (by, date_from, date_to, today)
                nonempty += bool(want.rows)
    assert nonempty >= len(reports.GROUPINGS) * (len(RANGES) - 2) * len(TODAYS)  # the single day may be empty
    whole = reports._reference_report(store, date_from=RANGES[0][0], date_to=RANGES[0][1], by="clerk")
    assert whole.total.received == 226 and whole.total.completed > 50 and whole.total.returned_rate
    assert "remote-clerk" in [r.key for r in whole.rows]
    for date_from, date_to in RANGES:
        assert reports.weekly_on_time(store, date_from, date_to) == reports._reference_weekly_on_time(
            store, date_from, date_to
        )


def test_maintained_tables_equal_the_rebuild_and_the_migration_backfill(store: Store) -> None:
    _build_history(store, 3, n=150)
    maintained = _tables(store)
    assert len(maintained[0]) > 100 and len(maintained[1]) > 50
    assert all(row[4] > 0 for row in maintained[0])  # emptied cells are deleted
    assert all(row[5] > 0 for row in maintained[1])
    with store.write() as s:
        assert aggregates.rebuild(s.connection()) == 156
    assert _tables(store) == maintained
    # the migration: down (drops the tables), up again (creates and backfills them from the requests)
    cfg = alembic_config(store.engine)
    command.downgrade(cfg, AGGREGATES_DOWN_REVISION)
    with store.read() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
    assert "report_stats" not in names and "requests" in names
    command.upgrade(cfg, "head")
    assert _tables(store) == maintained
    # and the migrated store goes on maintaining them
    clerk = auth.actor_for(store, "clerk1")
    citizen = workflow.CitizenInput(sample_nid(dt.date(1990, 2, 2), "M", 5), "Qytetar Prove (TEST)")
    no = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])], now=START)[0].receipt_no
    workflow.advance(store, clerk, no, "ready", now=START + dt.timedelta(days=1))
    after = reports.standards_report(store, date_from=dt.date(2025, 11, 1), date_to=dt.date(2026, 6, 30), by="unit")
    assert after == reports._reference_report(
        store, date_from=dt.date(2025, 11, 1), date_to=dt.date(2026, 6, 30), by="unit", today=after.today
    )


def test_restate_moves_a_request_between_groups(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    citizen = workflow.CitizenInput(sample_nid(dt.date(1990, 2, 2), "M", 6), "Qytetar Prove (TEST)")
    when = dt.datetime(2026, 3, 2, 9)  # Monday
    no = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("TAX-STMT", ["ID"])], now=when)[0].receipt_no

    def clerk_cells() -> dict[str, tuple[int, int]]:
        with store.read() as s:
            rows = s.execute(
                text("SELECT group_key, received, completed FROM report_stats WHERE dim = 'clerk' AND period = 'day'")
            )
            return {g: (r, c) for g, r, c in rows}

    assert clerk_cells() == {clerk.user_id: (1, 0)}
    workflow.reassign(store, supervisor, [no], "clerk2", "Pushime (TEST)", now=when + dt.timedelta(hours=1))
    other = auth.actor_for(store, "clerk2")
    assert clerk_cells() == {other.user_id: (1, 0)}  # moved, the emptied cell deleted
    workflow.advance(store, other, no, "ready", now=when + dt.timedelta(days=1))
    assert clerk_cells() == {other.user_id: (1, 1)}
    workflow.advance(store, other, no, "in_progress", now=when + dt.timedelta(days=2))  # correction
    assert clerk_cells() == {other.user_id: (1, 0)}
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM report_days")).scalar() == 0
    # a calendar with extra closure days is computed from the requests (the aggregates do not know it)
    workflow.advance(store, other, no, "ready", now=when + dt.timedelta(days=3))  # Thursday: 3 working days
    march: dict[str, Any] = {
        "date_from": dt.date(2026, 3, 1),
        "date_to": dt.date(2026, 3, 31),
        "today": dt.date(2026, 4, 1),
    }
    assert reports.standards_report(store, **march).total.median_days == 3.0
    cal = WorkCalendar([dt.date(2026, 3, 4)])
    assert reports.standards_report(store, **march, calendar=cal).total.median_days == 2.0
