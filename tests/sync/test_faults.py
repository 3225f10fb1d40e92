"""Sync under faults (issue 5 §5): two workstations of one unit, the real central server as a subprocess
on loopback (SQLite file and PostgreSQL), and the fault proxy of tests/sync/proxy.py between them.

Each scenario ends with ``check_unit`` (conftest): a final sync on every desk, then every request exists
exactly once on the server, every desk shows the same receipts with the same status and assignee, versions
and history agree, rejected ops carry reasons. ``-s`` prints one summary line per scenario and the totals.
See docs/sync-faults.md.
"""

from __future__ import annotations

import random
import signal
import threading
import time

import pytest
from sqlalchemy import select

from frontdesk import replication, workflow
from frontdesk.clock import utcnow, uuid7
from frontdesk.models import OutboxOp
from frontdesk.models import Request as LocalRequest
from frontdesk.sync.client import CentralClient
from frontdesk.sync.engine import SyncEngine, SyncFailed
from frontdesk.wire import PushRequest, PushResponse

from .conftest import Unit, check_unit

pytestmark = pytest.mark.slow

KBIT = 1000 / 8  # bytes per second in one kbit/s


class RecordingClient(CentralClient):
    """The real client, remembering every per-op answer it received (to see ``duplicate`` on a retry)."""

    answers: dict[str, list[str]]

    def push(self, req: PushRequest, *, waiting: int | None = None) -> PushResponse:
        resp = super().push(req, waiting=waiting)
        for r in resp.results:
            self.answers.setdefault(r.op_id, []).append(r.result)
        return resp


def recording_engine(u: Unit, store: object) -> tuple[SyncEngine, dict[str, list[str]]]:
    answers: dict[str, list[str]] = {}

    def factory(url: str, token: str, ca: str | None) -> CentralClient:
        c = RecordingClient(url, token, ca_bundle=ca)
        c.answers = answers
        return c

    return SyncEngine(store, client_factory=factory), answers  # type: ignore[arg-type]


def pending_op_ids(ws: object) -> list[str]:
    return [o.op_id for o in replication.pending_ops(ws.store, 100_000)]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------ a) slow link


def test_a_latency_and_bandwidth_cap(unit: Unit) -> None:
    """50 ms each way and 256 kbit/s: many requests from both desks, through the real command line."""
    u = unit
    u.proxy.set_link(delay=0.05, rate=256 * KBIT)
    u.ws1.intake(80)
    u.ws2.intake(40, "clerk2", service="TAX-STMT")
    r = u.ws1.sync_cli()
    assert r.returncode == 0, r.stderr
    u.proxy.reset_counters()
    t0 = time.monotonic()
    rep = u.ws2.sync()  # pushes 40, pulls 80 through the slow link
    took = time.monotonic() - t0
    floor = (u.proxy.bytes_up + u.proxy.bytes_down) / (256 * KBIT) / 2 + rep.round_trips * 0.1
    assert took >= rep.round_trips * 0.1, "the link delay was not applied"
    print(f"  ws2: {rep.round_trips} round trips, {u.proxy.bytes_up + u.proxy.bytes_down} bytes, "
          f"{took:.2f} s (link floor ~{floor:.2f} s)")  # fmt: skip
    out = check_unit(u, "a latency 50 ms + 256 kbit/s", fault_runs=1, expect_rejected=0)
    assert len(out["server"]) == 120


# ------------------------------------------------------------------------------------------ c) refused


def test_c_refused_connections(unit: Unit) -> None:
    u = unit
    u.ws1.intake(7)
    u.proxy.refuse = True
    r = u.ws1.sync_cli()
    assert r.returncode != 0
    assert r.stderr.strip().splitlines() == ["frontdesk: central server unreachable"], r.stderr
    st = u.ws1.sync_status()
    assert st["pending"] == 7 and st["last_error"] == "central server unreachable"
    assert u.proxy.refused >= 1
    u.proxy.refuse = False
    r = u.ws1.sync_cli()
    assert r.returncode == 0, r.stderr
    assert u.ws1.sync_status()["pending"] == 0
    check_unit(u, "c refused connections", fault_runs=1, expect_rejected=0)


# ------------------------------------------------------------------------------------------ b) lost answers


def _calibrate(u: Unit, eng: SyncEngine, k: int) -> tuple[int, int]:
    """Bytes of one push of ``k`` intakes through the proxy: (request, answer), the pull subtracted."""
    u.ws1.intake(k)
    u.proxy.reset_counters()
    eng.sync_once()
    up1, down1 = u.proxy.bytes_up, u.proxy.bytes_down
    u.proxy.reset_counters()
    eng.sync_once()  # nothing to push: the pull alone
    return up1 - u.proxy.bytes_up, down1 - u.proxy.bytes_down


def test_b_answer_lost_after_commit(unit: Unit) -> None:
    """The server committed, the answer is cut after N bytes (headers, mid-body, gzipped or not): the client
    keeps the ops, the retry is answered ``duplicate``, nothing is doubled. Then the request itself cut
    after N bytes: the server never committed, the retry is answered ``applied``."""
    u = unit
    eng, answers = recording_engine(u, u.ws1.store)
    runs = 0
    for k in (2, 12):  # 2 ops: a plain JSON answer; 12 ops: a gzipped one (over the server's 500 bytes)
        up, down = _calibrate(u, eng, k)
        assert down > 100 and up > 100
        cuts = sorted({0, 1, 64, down // 2, down - 25})  # sizes vary by a few bytes
        for n in cuts:
            u.ws1.intake(k)
            ops = pending_op_ids(u.ws1)
            u.proxy.cut_down_after(n)
            with pytest.raises(SyncFailed) as failed:
                eng.sync_once()
            assert failed.value.reason == "central server unreachable"
            assert u.proxy.cuts >= 1 and not u.proxy.cut_pending
            assert pending_op_ids(u.ws1) == ops, f"an op left the outbox without its answer (cut at {n} of {down})"
            rep = eng.sync_once()
            assert rep.complete and u.ws1.pending() == 0
            assert {op: answers[op] for op in ops} == {op: ["duplicate"] for op in ops}, f"cut at {n} of {down}"
            runs += 1
        for n in sorted({0, up // 2, up - 40}) if k == 2 else ():
            u.ws1.intake(k)
            ops = pending_op_ids(u.ws1)
            u.proxy.cut_up_after(n)
            with pytest.raises(SyncFailed):
                eng.sync_once()
            assert pending_op_ids(u.ws1) == ops, f"request cut at {n} of {up}"
            eng.sync_once()
            assert {op: answers[op] for op in ops} == {op: ["applied"] for op in ops}, f"request cut at {n} of {up}"
            runs += 1
    u.proxy.cut_down_after(None)
    u.proxy.cut_up_after(None)
    check_unit(u, "b answer/request cut after N bytes", fault_runs=runs, expect_rejected=0)


# ------------------------------------------------------------------------------------------ d) server killed


def test_d_server_sigkill_mid_push(private_unit: Unit) -> None:
    """A large batch in flight; the server is SIGKILLed at a random moment of the push (body half sent,
    body received and being applied, answer on its way), restarted; the next sync completes."""
    u = private_unit
    rng = random.Random(5)
    # A slow link keeps the push (~6 kB up, ~1.3 kB answer) and the pull after it on the wire for ~2 s: the
    # server applies 60 intakes in a few milliseconds, so the kill is timed by the bytes on the link.
    u.proxy.set_link(delay=0.02, rate=4_000)
    runs = 0

    def run(failure: list[BaseException]) -> None:
        try:
            u.ws1.sync()
        except SyncFailed as exc:
            failure.append(exc)

    for fraction in (0.3, 1.0):
        u.ws1.intake(60)
        u.ws2.intake(15, "clerk2")
        body_estimate = 100 * u.ws1.pending()  # ~100 bytes per gzipped intake op
        u.proxy.reset_counters()
        failure: list[BaseException] = []
        t = threading.Thread(target=run, args=(failure,))
        t.start()
        # Wait for the push to be partly (or wholly) on the wire, then a little more at random.
        deadline = time.monotonic() + 30
        while u.proxy.bytes_up < fraction * body_estimate and t.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.3))
        at = (u.proxy.bytes_up, u.proxy.bytes_down)
        u.central.kill()
        t.join(60)
        assert not t.is_alive()
        if failure:
            runs += 1
            assert isinstance(failure[0], SyncFailed) and failure[0].reason == "central server unreachable"
        print(f"  server killed at {at[0]} bytes up / {at[1]} down: sync {'failed' if failure else 'had finished'}")
        u.restart_server()
        u.ws2.sync_until_complete()
    assert runs == 2, "the kills did not land inside the push"
    check_unit(u, "d server SIGKILL mid-push", fault_runs=runs, expect_rejected=0)


# ------------------------------------------------------------------------------------------ e) client killed


E_ROUNDS = 10


def test_e_client_sigkill_loop(unit: Unit) -> None:
    """``frontdesk sync --once`` (a process, the desks in turn) SIGKILLed at a random moment after it reached
    the server, round after round, with new intakes and status changes on both desks between rounds."""
    u = unit
    rng = random.Random(20261124)
    u.proxy.set_link(delay=0.08, rate=200_000)
    killed = rnd = 0
    while killed < E_ROUNDS:
        assert rnd < 3 * E_ROUNDS, f"only {killed} of {rnd} sync processes were caught alive"
        for ws, clerk in ((u.ws1, "clerk1"), (u.ws2, "clerk2")):
            new = ws.intake(rng.randint(1, 4), clerk)
            workflow.advance(ws.store, ws.actor(clerk), new[0], "forwarded")
        ws = (u.ws1, u.ws2)[rnd % 2]
        rnd += 1
        before = u.proxy.connections
        proc = ws.popen("sync", "--once")
        deadline = time.monotonic() + 30
        while u.proxy.connections == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # kill only once the sync has reached the network
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, -signal.SIGKILL), err
    print(f"  {killed} of {rnd} sync processes killed mid-run")
    u.proxy.set_link(delay=0.0, rate=None)
    check_unit(u, "e client SIGKILL loop", fault_runs=killed, expect_rejected=0)


# ------------------------------------------------------------------------------------------ f) same batch twice


def test_f_same_batch_pushed_twice_concurrently(unit: Unit) -> None:
    """Two engines (threads, separate connections to the same local database) push the same pending ops
    at the same time, and then two ``sync --once`` processes do: each request exactly once."""
    from frontdesk.setup import open_home

    u = unit
    u.proxy.set_link(delay=0.1)
    u.ws1.intake(40)
    ops = set(pending_op_ids(u.ws1))
    stores = [open_home(u.ws1.home) for _ in range(2)]
    answers: dict[str, list[str]] = {}
    engines = []
    for st in stores:
        eng, a = recording_engine(u, st)
        engines.append((eng, a))
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(eng: SyncEngine) -> None:
        barrier.wait()
        try:
            eng.sync_once()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(eng,)) for eng, _ in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for st in stores:
        st.close()
    assert not errors, errors
    for _, a in engines:
        for op, results in a.items():
            answers.setdefault(op, []).extend(results)
    assert set(answers) == ops
    assert all(sorted(r) in (["applied"], ["applied", "duplicate"]) for r in answers.values()), answers
    twice = sum(1 for r in answers.values() if len(r) == 2)
    assert twice > 0, "the two pushes did not overlap"
    # the same with two processes
    u.ws1.intake(20)
    procs = [u.ws1.popen("sync", "--once") for _ in range(2)]
    for p in procs:
        p.communicate(timeout=120)
        assert p.returncode == 0, p.stderr
    u.proxy.set_link(delay=0.0)
    print(f"  {twice} of {len(ops)} ops pushed by both engines at once")
    check_unit(u, "f same batch pushed twice", fault_runs=2, expect_rejected=0)


# ------------------------------------------------------------------------------------------ g) restored server


def test_g_server_restored_from_older_backup(private_unit: Unit) -> None:
    """The server's database is restored from a backup older than what the desks pushed since; the IT
    officer rotates the epoch; the desks see the new epoch, re-push, and the server has everything once.
    (SQLite: a copy of the database file; PostgreSQL: CREATE DATABASE … TEMPLATE, both with the server
    stopped.)"""
    u = private_unit
    u.ws1.intake(5)
    u.ws2.intake(3, "clerk2")
    u.ws1.sync()
    u.ws2.sync()
    u.central.stop()
    backup = u.backup_server_db()
    u.restart_server()
    after = u.ws1.intake(4) + u.ws2.intake(4, "clerk2")
    first = u.ws1.intake(1)[0]
    workflow.advance(u.ws1.store, u.ws1.actor(), first, "forwarded")
    for ws in (u.ws1, u.ws2, u.ws1):
        ws.sync()
    assert {r["receipt_no"] for r in u.requests()} >= set(after)
    epoch_before = replication.read_state(u.ws1.store)["epoch"]
    u.central.stop()
    u.restore_server_db(backup)
    r = u.central.cli_inproc("new-epoch")
    assert r.returncode == 0, r.stderr
    u.restart_server()
    missing = set(after) - {x["receipt_no"] for x in u.requests()}
    assert missing == set(after), "the restored database should lack the later requests"
    rep1 = u.ws1.sync()
    assert rep1.requeued > 0 and rep1.complete
    assert replication.read_state(u.ws1.store)["epoch"] != epoch_before
    rep2 = u.ws2.sync()
    assert rep2.requeued > 0
    check_unit(u, "g server restored from an older backup", fault_runs=1, expect_rejected=0)


# ------------------------------------------------------------------------------------------ h) cloned desk


def test_h_cloned_workstation_counter_backwards(unit: Unit) -> None:
    """A copy of a desk's data directory takes requests too. The original syncs first; the clone's counter
    is behind the server's: its sync stops with a clear reason and nothing of it is merged."""
    from .conftest import Workstation

    u = unit
    u.ws1.intake(3)
    u.ws1.sync()
    clone = Workstation("clone", u.tmp / "clone")
    clone.home.mkdir()
    u.ws1.store.backup(clone.home / "frontdesk.db")
    try:
        u.ws1.intake(3)
        u.ws1.sync()
        clone_receipts = clone.intake(2)
        clone_ids = clone.request_ids() - u.ws1.request_ids()
        assert len(clone_ids) == 2
        r = clone.sync_cli()
        assert r.returncode == 1
        assert r.stderr.strip() == (
            "frontdesk: sync stopped: the central system suspects this workstation is a copy of another "
            "(its receipt counter went backwards); call the municipality's IT"
        ), r.stderr
        st = clone.sync_status()
        assert st["clone_suspected"] and st["pending"] == 2 and "copy of another" in st["last_error"]
        connections = u.proxy.connections
        assert clone.cli_inproc("sync", "--once").returncode == 1
        assert u.proxy.connections == connections, "a stopped clone must not talk to the server again"
        server = {x["id"]: x["receipt_no"] for x in u.requests()}
        assert not clone_ids & set(server), "a clone's request was merged"
        assert set(clone_receipts) <= set(server.values())  # those numbers belong to the original's requests
    finally:
        clone.close()
    check_unit(u, "h cloned workstation (counter backwards)", fault_runs=2, expect_rejected=0)


def test_h_cloned_workstation_ahead_of_original(unit: Unit) -> None:
    """The clone takes MORE requests than the original after the copy, so its counter is not behind. Its
    intakes collide with the original's receipt numbers; docs/sync-protocol.md: "an intake whose receipt
    number the server already has for another request id answers 409 clone_suspected and the client stops
    syncing". Nothing of the clone may be merged, and the original must keep working."""
    from .conftest import Workstation

    u = unit
    u.ws1.intake(2)
    u.ws1.sync()
    clone = Workstation("clone", u.tmp / "clone")
    clone.home.mkdir()
    u.ws1.store.backup(clone.home / "frontdesk.db")
    try:
        u.ws1.intake(2)
        u.ws1.sync()
        clone.intake(5)
        clone_ids = clone.request_ids() - u.ws1.request_ids()
        with pytest.raises(SyncFailed) as failed:
            clone.sync()
        assert "copy of another" in failed.value.reason
        server_ids = {x["id"] for x in u.requests()}
        assert not clone_ids & server_ids, "a clone's request was merged"
        u.ws1.intake(3)  # the original goes on: its next numbers are its own
        u.ws1.sync()
        assert replication.status(u.ws1.store).rejected == []
    finally:
        clone.close()
    check_unit(u, "h cloned workstation (ahead of the original)", fault_runs=1, expect_rejected=0)


# ------------------------------------------------------------------------------------------ i) one bad op


def _craft(ws: object, kind: str, payload: dict[str, object]) -> str:
    op_id = uuid7()
    with ws.store.write() as s:  # type: ignore[attr-defined]
        s.add(OutboxOp(op_id=op_id, kind=kind, request_id=payload.get("request_id"), payload=payload,
                       created_at=utcnow(), state="pending", attempts=0))  # fmt: skip
    return op_id


def _event(kind: str, **kw: object) -> dict[str, object]:
    return {"id": uuid7(), "kind": kind, "from_status": None, "to_status": None, "actor": "clerk1",
            "workstation": "W03", "device_time": utcnow().isoformat(), "data": {}, **kw}  # fmt: skip


def test_i_bad_ops_among_good_ones(unit: Unit) -> None:
    """Ops the server must reject — about a request it does not have, a status change without a target
    (crafted straight into the outbox) and a transition the back office made invalid meanwhile — sit among
    valid ones: the valid ones are applied, the bad ones are shown in ``sync-status --json`` with reasons."""
    u = unit
    first = u.ws1.intake(3)
    u.ws1.sync()
    u.ws2.sync()
    r = u.central.cli_inproc("advance", first[0], "rejected", "--note", "dokumente te pasakta (TEST)")
    assert r.returncode == 0, r.stderr
    workflow.advance(u.ws1.store, u.ws1.actor(), first[0], "forwarded")  # offline: valid locally
    with u.ws1.store.read() as s:
        rid = s.scalars(select(LocalRequest.id).where(LocalRequest.receipt_no == first[1])).one()
    u.ws1.intake(2)
    _craft(u.ws1, "request.note", {"event": _event("note", data={"text": "shënim (TEST)"}), "request_id": uuid7(),
                                   "receipt_no": "TR01-W03-009999X", "version": 1})  # fmt: skip
    u.ws1.intake(2)
    _craft(u.ws1, "request.status", {"event": _event("status", from_status="received"), "request_id": rid,
                                     "receipt_no": first[1], "version": 2})  # fmt: skip
    good = u.ws1.intake(3)
    workflow.advance(u.ws1.store, u.ws1.actor(), first[2], "forwarded")
    r = u.ws1.cli_inproc("sync", "--once")
    assert r.returncode == 0, r.stderr
    st = u.ws1.sync_status()
    assert st["pending"] == 0
    reasons = sorted((x["reason"], x["kind"]) for x in st["rejected"])
    assert reasons == [("invalid", "request.status"), ("invalid_transition", "request.status"),
                       ("unknown_request", "request.note")], st["rejected"]  # fmt: skip
    assert all(x["message"] for x in st["rejected"])
    server = {x["receipt_no"]: x for x in u.requests()}
    assert set(good) <= set(server)
    assert server[first[0]]["status"] == "rejected" and server[first[2]]["status"] == "forwarded"
    check_unit(u, "i bad ops among good ones", fault_runs=1, expect_rejected=3)
    assert {x["receipt_no"]: x["status"] for x in u.ws1.queue()}[first[0]] == "rejected"


def test_i_op_the_client_cannot_even_encode(unit: Unit) -> None:
    """An outbox row that does not fit the wire schema (here: a history event of an unknown kind, as an
    older or newer app version could leave behind) must not block the queue either: DESIGN.md §3 "one bad
    op never blocks the queue" — the ops after it still reach the server and it is shown as rejected."""
    u = unit
    first = u.ws1.intake(1)
    with u.ws1.store.read() as s:
        rid = s.scalars(select(LocalRequest.id).where(LocalRequest.receipt_no == first[0])).one()
    _craft(u.ws1, "request.note", {"event": _event("attachment"), "request_id": rid, "receipt_no": first[0],
                                   "version": 1})  # fmt: skip
    later = u.ws1.intake(2)
    r = u.ws1.cli_inproc("sync", "--once")
    assert r.returncode == 0, r.stderr
    assert set(later) <= {x["receipt_no"] for x in u.requests()}
    st = u.ws1.sync_status()
    assert [x["reason"] for x in st["rejected"]] == ["invalid"], st
    check_unit(u, "i op outside the wire schema", fault_runs=1, expect_rejected=1)


# ------------------------------------------------------------------------------------------ j) reassign race


def test_j_two_supervisors_reassign_offline(unit: Unit) -> None:
    """Supervisors at two desks reassign the same request while offline; the first to reach the server
    wins, the other gets ``rejected: stale`` (sync-status shows it with the reason), and after pulling both
    desks show the winner."""
    u = unit
    (receipt,) = u.ws1.intake(1)
    u.ws1.sync()
    u.ws2.sync()
    u.proxy.refuse = True  # both offline
    p1 = u.ws1.popen("reassign", receipt, "--to", "clerk2", "--reason", "ngarkesë pune (TEST)", "--as", "super")
    p2 = u.ws2.popen("reassign", receipt, "--to", "super", "--reason", "mungesë (TEST)", "--as", "super")
    for p in (p1, p2):
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    u.proxy.refuse = False
    r1 = u.ws1.cli_inproc("sync", "--once")
    assert r1.returncode == 0, r1.stderr
    r2 = u.ws2.cli_inproc("sync", "--once")
    assert r2.returncode == 0, r2.stderr
    st = u.ws2.sync_status()
    assert [(x["reason"], x["receipt_no"]) for x in st["rejected"]] == [("stale", receipt)], st
    assert "clerk2" in st["rejected"][0]["message"]
    res = check_unit(u, "j two supervisors reassign offline", fault_runs=1, expect_rejected=1)
    assert {x["receipt_no"]: x["assignee"] for x in res["server"]}[receipt] == "clerk2"


# ------------------------------------------------------------------------------------------ k) local service


def test_k_a_local_service_is_offered_at_every_desk_of_the_unit(unit: Unit) -> None:
    """An administrator adds a unit's own service at ws1 and takes a request for it; after syncing, ws2
    offers the service (names, documents, standard days) and shows the request under it. Withdrawn at
    ws1, it is withdrawn at ws2 after the next sync."""
    from frontdesk import admin, catalog
    from frontdesk.catalog import CatalogDocument, CatalogService

    u = unit
    boss = u.ws1.actor("admin")
    svc = CatalogService(code="LOC-VND", name_sq="Vërtetim i njësisë (TEST)", name_en="Unit certificate (TEST)",
                         category="Vendore", standard_days=4, office="Zyra e njësisë",
                         documents=(CatalogDocument("ID", "Letërnjoftim", "Identity card", True),))  # fmt: skip
    admin.add_local_service(u.ws1.store, boss, svc)
    (receipt,) = u.ws1.intake(1, service="LOC-VND")
    u.ws1.sync()
    u.ws2.sync()
    with u.ws2.store.read() as s:
        got = catalog.get_service(s, "LOC-VND")
    assert got.active and got.origin == "local" and got.name_sq == svc.name_sq and got.standard_days == 4
    assert [d.code for d in got.documents] == ["ID"]
    assert receipt in {r["receipt_no"] for r in u.ws2.queue()}
    admin.set_service_active(u.ws1.store, boss, "LOC-VND", False)
    u.ws1.sync()
    u.ws2.sync()
    with u.ws2.store.read() as s:
        assert not catalog.get_service(s, "LOC-VND").active
    check_unit(u, "k local service shared", fault_runs=0, expect_rejected=0)
