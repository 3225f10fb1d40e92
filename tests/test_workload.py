"""The supervisors' workload figures, against values computed by hand from a small, dated history."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import auth, workflow
from frontdesk.db import Store
from frontdesk.deadlines import sla_state
from frontdesk.errors import NotPermitted
from frontdesk.identity import sample_nid
from frontdesk.workload import ClerkLoad, due_soon_limit, workload

TODAY = dt.date(2026, 2, 4)  # a Wednesday without holidays nearby; Tirana is UTC+1 in February
DOCS = {"CERT-FAM": ["ID"], "PERMIT-OCC": ["ID", "APP"], "TAX-STMT": ["ID"]}


def take(store: Store, actor: auth.Actor, service: str, when: dt.datetime, serial: int) -> str:
    citizen = workflow.CitizenInput(sample_nid(dt.date(1980, 5, 6), "F", serial), "Hëna Provëza (TEST)")
    (view,) = workflow.intake(store, actor, citizen, [workflow.IntakeItem(service, DOCS[service])], now=when)
    return view.receipt_no


@pytest.fixture
def history(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> dict[str, str]:
    clerk2 = auth.actor_for(store, "clerk2")
    t = dt.datetime
    nos = {
        # clerk1: A due 3 Feb (overdue on the 4th), B due 6 Feb (2 working days left: due soon),
        # C due 18 Feb (on track, received today), F returned (its clock does not run)
        "A": take(store, clerk, "CERT-FAM", t(2026, 2, 2, 8, 0), 1),
        "B": take(store, clerk, "TAX-STMT", t(2026, 2, 3, 9, 0), 2),
        "C": take(store, clerk, "PERMIT-OCC", t(2026, 2, 4, 8, 0), 3),
        "F": take(store, clerk, "CERT-FAM", t(2026, 2, 3, 10, 0), 4),
        # E is clerk1's oldest but was reassigned to clerk2 (overdue there)
        "E": take(store, clerk, "CERT-FAM", t(2026, 2, 2, 7, 0), 5),
        # clerk2: D received and delivered today; G at 23:30 UTC on the 3rd = 00:30 on the 4th in Tirana
        "D": take(store, clerk2, "TAX-STMT", t(2026, 2, 4, 9, 0), 6),
        "G": take(store, clerk2, "PERMIT-OCC", t(2026, 2, 3, 23, 30), 7),
        # clerk1 received this one yesterday and delivered it today (counts for clerk1's deliveries)
        "H": take(store, clerk, "CERT-FAM", t(2026, 2, 3, 8, 0), 8),
    }
    workflow.advance(store, clerk, nos["F"], "returned", now=t(2026, 2, 3, 11, 0))
    workflow.reassign(store, supervisor, [nos["E"]], "clerk2", "Balancim (TEST)", now=t(2026, 2, 3, 12, 0))
    workflow.advance(store, clerk2, nos["D"], "in_progress", now=t(2026, 2, 4, 9, 30))
    workflow.advance(store, clerk2, nos["D"], "ready", now=t(2026, 2, 4, 9, 45))
    workflow.deliver(store, clerk2, nos["D"], now=t(2026, 2, 4, 10, 0))
    workflow.advance(store, clerk, nos["H"], "ready", now=t(2026, 2, 3, 15, 0))
    workflow.deliver(store, clerk, nos["H"], now=t(2026, 2, 4, 11, 0))
    return nos


def by_user(rows: list[ClerkLoad]) -> dict[str | None, ClerkLoad]:
    return {r.username: r for r in rows}


def test_workload_per_clerk_matches_hand_computed_values(
    store: Store, supervisor: auth.Actor, history: dict[str, str]
) -> None:
    rows = workload(store, supervisor, today=TODAY)
    got = by_user(rows)
    assert set(got) == {"clerk1", "clerk2", "super"}  # the admin is not counter staff; no "nobody" row
    c1, c2, sup = got["clerk1"], got["clerk2"], got["super"]
    assert (c1.on_track, c1.due_soon, c1.overdue, c1.open) == (1, 1, 1, 3)
    assert (c1.oldest_receipt, c1.oldest_date) == (history["A"], dt.date(2026, 2, 2))
    assert (c1.received_today, c1.delivered_today) == (1, 1)
    assert (c2.on_track, c2.due_soon, c2.overdue, c2.open) == (1, 0, 1, 2)
    assert (c2.oldest_receipt, c2.oldest_date) == (history["E"], dt.date(2026, 2, 2))
    assert (c2.received_today, c2.delivered_today) == (2, 1)
    assert (sup.open, sup.received_today, sup.delivered_today, sup.oldest_receipt) == (0, 0, 0, None)
    # most overdue first, then most open: clerk1 (1 overdue, 3 open) before clerk2 (1, 2), then super
    assert [r.username for r in rows] == ["clerk1", "clerk2", "super"]


def test_a_day_later_the_states_move(store: Store, supervisor: auth.Actor, history: dict[str, str]) -> None:
    # on Monday 9 Feb: B (due 6th) is overdue; C (due 18th) has 7 working days left: on track
    c1 = by_user(workload(store, supervisor, today=dt.date(2026, 2, 9)))["clerk1"]
    assert (c1.on_track, c1.due_soon, c1.overdue) == (1, 0, 2)
    assert (c1.received_today, c1.delivered_today) == (0, 0)


def test_only_supervisors_and_admins_see_the_workload(store: Store, clerk: auth.Actor) -> None:
    with pytest.raises(NotPermitted):
        workload(store, clerk, today=TODAY)
    assert workload(store, auth.actor_for(store, "admin"), today=TODAY)


def test_due_soon_limit_agrees_with_sla_state() -> None:
    for offset in range(0, 60):
        today = dt.date(2026, 3, 1) + dt.timedelta(days=offset)
        limit = due_soon_limit(today)
        for d in range(0, 15):
            due = today + dt.timedelta(days=d)
            expected = sla_state(due, today, "received")
            assert (expected == "due_soon") == (due <= limit), (today, due)
