"""Scale past one machine: ``frontdesk-central serve --workers 4`` runs stateless worker processes over one
PostgreSQL database. 20 desks in 5 units push concurrently through them; every request arrives exactly
once, each unit's feed is numbered without a gap in commit order, and each desk's ops appear in it in the
order the desk pushed them."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from frontdesk.central import models as m
from frontdesk.central.db import Database
from frontdesk.numbering import parse_receipt_no

from .conftest import CENTRAL, Desk, Server, free_port, results, stop_server

WORKERS = 4
UNITS = 5
DESKS_PER_UNIT = 4
BATCHES = 5
PER_BATCH = 12


@pytest.fixture
def workers_server(postgres: str, tmp_path: Path) -> Iterator[Server]:
    import uuid

    from .conftest import _pg_connect

    name = "fdw_" + uuid.uuid4().hex[:12]
    with _pg_connect() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"{postgres}/{name}"
    Database(url).close()  # migrated once, before the workers start
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(CENTRAL), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port), "--workers",
             str(WORKERS), "--log-level", "warning"],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )  # fmt: skip
    server = Server(f"http://127.0.0.1:{port}", url, log, proc)
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(server.url + "/health", timeout=2).status_code == 200:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the workers did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield server
    finally:
        stop_server(server)
        with _pg_connect() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert "Traceback" not in log.read_text(errors="replace"), log.read_text(errors="replace")


def _worker_pids(server: Server) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.proc.pid)], capture_output=True, text=True,
                         check=False).stdout  # fmt: skip
    return {int(x) for x in out.split()}


def test_twenty_desks_push_through_four_workers_in_order_and_exactly_once(workers_server: Server) -> None:
    server = workers_server
    assert len(_worker_pids(server)) >= WORKERS  # separate processes, sharing nothing but the database
    server.publish_catalog()
    units = [f"WK{u:02d}" for u in range(UNITS)]
    desks: list[Desk] = []
    for unit in units:
        server.add_unit(unit)
        server.add_users(unit, (("clerk1", "clerk"),))
        for d in range(DESKS_PER_UNIT):
            desk = Desk(server, unit, f"W{d}")
            assert desk.enrol(server.enrol_code(unit)).status_code == 200
            desks.append(desk)
    pushed: dict[str, list[str]] = {}  # desk -> receipt numbers in push order (intake, then its status op)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(desks))

    def run(desk: Desk) -> None:
        try:
            with requests.Session() as session:
                desk.session = session
                order: list[str] = []
                barrier.wait(timeout=60)
                for _ in range(BATCHES):
                    made = [desk.intake(name="Qytetar Punëtorësh (TEST)") for _ in range(PER_BATCH)]
                    ops: list[Any] = [op for op, _ in made]
                    ops += [desk.status_op(snap, "received", "in_progress") for _, snap in made[: PER_BATCH // 2]]
                    assert results(desk.push(ops)) == ["applied"] * len(ops)
                    order += [s.receipt_no for _, s in made] + [s.receipt_no for _, s in made[: PER_BATCH // 2]]
                pushed[f"{desk.unit}/{desk.code}"] = order
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors[:3]

    db = server.db
    with db.read() as s:
        rows = s.execute(select(m.Request.id, m.Request.receipt_no, m.Request.status)).all()
        feed = s.execute(select(m.Change.unit_code, m.Change.seq, m.Change.kind, m.Change.payload, m.Change.origin)
                         .order_by(m.Change.unit_code, m.Change.seq)).all()  # fmt: skip
        ws_code = {w.id: f"{w.unit_code}/{w.code}" for w in s.scalars(select(m.Workstation))}
    expected = len(desks) * BATCHES * PER_BATCH
    assert (
        len(rows) == expected
        and len({r.id for r in rows}) == expected
        and len({r.receipt_no for r in rows}) == expected
    )
    assert sum(1 for r in rows if r.status == "in_progress") == expected // 2
    for unit in units:
        seqs = [c.seq for c in feed if c.unit_code == unit]
        assert seqs == list(range(1, len(seqs) + 1)), f"{unit}: the feed has a gap or a repeat"
        per_desk: dict[str, list[str]] = {}
        for c in feed:
            if c.unit_code == unit and c.kind == "request":
                per_desk.setdefault(ws_code[c.origin], []).append(c.payload["request"]["receipt_no"])
        for desk, receipts in per_desk.items():
            assert receipts == pushed[desk], f"{desk}: its ops are not in the feed in push order"
            counters = [parse_receipt_no(r).counter for r in receipts[:PER_BATCH]]
            assert counters == sorted(counters)
    # a desk reading its unit's feed through the workers sees every change of the others, once
    reader = desks[0]
    changes, _ = reader.pull_all(0)
    others = [c for c in changes if c.kind == "request"]
    assert len(others) == (DESKS_PER_UNIT - 1) * BATCHES * (PER_BATCH + PER_BATCH // 2)
    for d in desks:
        d.session.close()
