"""Crash safety of the intake transaction: a child process taking requests is killed with SIGKILL at
random moments, again and again. Every receipt number the child reported (i.e. acknowledged to a
citizen) must be in the database, numbers must be contiguous (no gap, none reused), and each request
must have exactly its intake event and its outbox op."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from frontdesk.db import Store
from frontdesk.models import OutboxOp, Request, RequestEvent, Workstation
from frontdesk.numbering import parse_receipt_no

CHILD = r"""
import sys
from frontdesk import auth, workflow
from frontdesk.setup import open_home
store = open_home(sys.argv[1])
clerk = auth.actor_for(store, "clerk1")
citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli")
items = [workflow.IntakeItem("CERT-FAM", ["ID"]), workflow.IntakeItem("TAX-STMT", ["ID"])]
print("ready", flush=True)
while True:
    for r in workflow.intake(store, clerk, citizen, items):
        print(r.receipt_no, flush=True)
"""

ROUNDS = int(os.environ.get("FRONTDESK_CRASH_ROUNDS", "25"))


@pytest.mark.slow
def test_sigkill_during_intake_loses_nothing_acknowledged(home: Path) -> None:
    rng = random.Random(20261123)
    acknowledged: list[str] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(home)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        acknowledged += [line for line in out.split() if line]
    assert len(acknowledged) > ROUNDS  # the child did real work between kills

    store = Store(home / "frontdesk.db")
    with store.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        numbers = s.scalars(select(Request.receipt_no)).all()
        counter = s.scalars(select(Workstation.receipt_counter).where(Workstation.is_local)).one()
        n_events = s.scalar(select(func.count()).select_from(RequestEvent))
        n_ops = s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.kind.like("request.%")))
        per_visit = s.execute(select(Request.visit_id, func.count()).group_by(Request.visit_id)).all()
    assert set(acknowledged) <= set(numbers), "a receipt handed to a citizen is missing"
    counters = sorted(parse_receipt_no(n).counter for n in numbers)
    assert counters == list(range(1, len(numbers) + 1)), "gap or reuse in receipt numbers"
    assert counter == len(numbers)
    assert n_events == n_ops == len(numbers)
    assert {n for _, n in per_visit} == {2}, "a visit was half-written"
    print(f"{ROUNDS} SIGKILL rounds, {len(numbers)} requests, {len(acknowledged)} acknowledged, 0 lost")
