"""Sync over a slow rural link, beside the same run's physical floor and a naive one-request-per-op client;
and the central server's ingest rate with 20 concurrent workstations on PostgreSQL.

    python bench/sync.py [--n 5000] [--naive-n 200] [--db sqlite|postgresql] [--ingest-ops 250] [--no-ingest]
                         [--ingest-workers 2] [--no-pull] [--steps 0-3]

1. One workstation creates ``--n`` requests offline (a loop of ``workflow.intake``, in-process), then one
   ``SyncEngine.sync_once()`` pushes them (with ``--steps``, each request also moves 1-3 statuses on
   offline: a day's work, not only its intakes) through the fault proxy of tests/sync/proxy.py set to 256 kbit/s
   each way and 150 ms one-way delay (300 ms round trip) to a real ``frontdesk-central serve`` on loopback.
   Printed: wall time, round trips, bytes on the wire per request (the proxy's counters, both directions,
   HTTP headers included, TCP/IP overhead not), the same-run physical floor
   ``bytes / bandwidth + round trips x RTT``, and a breakdown per call (push body, push answer, pull).
   Then a second desk of the unit, enrolled empty, pulls everything through the same link (printed beside
   its own floor; not a target).
2. Naive baseline: ``--naive-n`` more requests pushed one op per HTTP request (same client, same gzip, same
   keep-alive session, same proxy settings); its time per op is extrapolated to the ops of part 1.
3. Server ingest: 20 threads, each an enrolled workstation of its own unit, push batches of 500 intake ops
   straight to the server (no proxy) on a fresh PostgreSQL database; ops/s over the whole run. Also with
   the 20 workstations in ONE unit (pushes of a unit are serialised by design). Needs the local cluster
   (.ci/postgres.sh); skipped with a message otherwise. Run with one server process (``serve``, the figure
   compared before and after a change) and with ``--ingest-workers`` more (``serve --workers N``: the push
   path holds the GIL for its checks, so a second process uses the second core).

Targets (printed, not asserted): sync <= 1.5x the floor, <= 200 bytes per request, >= 20x faster than naive.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))

import keyring  # noqa: E402
import requests  # noqa: E402
from proxy import Proxy  # noqa: E402  (tests/sync/proxy.py)

from frontdesk import auth, replication, setup, workflow  # noqa: E402
from frontdesk import wire as p  # noqa: E402
from frontdesk.catalog import import_catalog, load_catalog  # noqa: E402
from frontdesk.clock import utcnow, uuid7  # noqa: E402
from frontdesk.deadlines import promised_date  # noqa: E402
from frontdesk.identity import sample_nid  # noqa: E402
from frontdesk.numbering import format_receipt_no  # noqa: E402
from frontdesk.sync.client import CentralClient  # noqa: E402
from frontdesk.sync.engine import SyncEngine, enrol  # noqa: E402
from tests.keyring_backend import FileKeyring  # noqa: E402

CENTRAL = Path(sys.executable).parent / "frontdesk-central"
CATALOG = ROOT / "tests" / "data" / "catalog-small.json"
RATE = 256_000 / 8  # 256 kbit/s in bytes per second, each direction
ONE_WAY = 0.150
RTT = 2 * ONE_WAY
PG_ROLE, PG_PASSWORD = "fd_central_test", "fd-central-test-pw"  # the test cluster's throwaway role


# ------------------------------------------------------------------------------------------ server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def central(db_url: str, log: Path, workers: int = 1) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(CENTRAL), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "warning", "--workers", str(workers)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(url + "/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(15)


def central_cli(db_url: str, *args: str) -> str:
    r = subprocess.run([str(CENTRAL), *args, "--db", db_url], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"frontdesk-central {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout.strip()


# ------------------------------------------------------------------------------------------ PostgreSQL


def _as_postgres(sql: str) -> subprocess.CompletedProcess[str]:
    cmd = f'psql -v ON_ERROR_STOP=1 -q -c "{sql}"'
    argv = ["su", "postgres", "-c", cmd] if os.geteuid() == 0 else ["sudo", "-n", "-u", "postgres", "sh", "-c", cmd]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False, cwd="/")


@contextlib.contextmanager
def pg_database() -> Iterator[str | None]:
    """A fresh PostgreSQL database on the local cluster, dropped afterwards; None when there is none."""
    if shutil.which("psql") is None:
        yield None
        return
    role = _as_postgres(
        f"DO \\$\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PG_ROLE}') THEN "
        f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'; END IF; END \\$\\$;"
    )
    if role.returncode != 0:
        print(f"  (PostgreSQL not usable: {role.stderr.strip()[:200]}; run .ci/postgres.sh)")
        yield None
        return
    name = "fd_bench_" + uuid.uuid4().hex[:12]
    made = _as_postgres(f"CREATE DATABASE {name} OWNER {PG_ROLE}")
    if made.returncode != 0:
        print(f"  (cannot create a PostgreSQL database: {made.stderr.strip()[:200]})")
        yield None
        return
    try:
        yield f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{name}"
    finally:
        _as_postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# ------------------------------------------------------------------------------------------ measuring client


@dataclass
class Call:
    path: str
    seconds: float
    up: int
    down: int


@dataclass
class Tape:
    proxy: Proxy
    calls: list[Call] = field(default_factory=list)


class MeasuredClient(CentralClient):
    """The real client; each call's wall time and wire bytes (from the proxy's counters) are recorded."""

    tape: Tape

    def _call(self, method: str, path: str, *args: Any, **kwargs: Any) -> Any:
        """The client's own call, whatever else it takes (a copied signature fell behind it once)."""
        px = self.tape.proxy
        up0, down0, t0 = px.bytes_up, px.bytes_down, time.perf_counter()
        try:
            return super()._call(method, path, *args, **kwargs)
        finally:
            self.tape.calls.append(Call(path, time.perf_counter() - t0, px.bytes_up - up0, px.bytes_down - down0))


def measured_engine(store: Any, tape: Tape) -> SyncEngine:
    def factory(url: str, token: str, ca: str | None) -> CentralClient:
        c = MeasuredClient(url, token, ca_bundle=ca)
        c.tape = tape
        return c

    return SyncEngine(store, client_factory=factory)


# ------------------------------------------------------------------------------------------ workstation


def make_workstation(home: Path) -> Any:
    store = setup.open_home(home)
    setup.init_workstation(store, "BN01", "Njësia Bench (TEST)", "W01")
    with store.write() as s:
        import_catalog(s, load_catalog(CATALOG), now=utcnow())
    auth.add_user(store, None, "clerk1", "clerk", "Klerk Bench (TEST)", "sekret-i-gjate")
    return store


def offline_intakes(store: Any, n: int, *, steps: int = 0) -> float:
    """``n`` intakes; with ``steps``, each request then also moves that many statuses on (in progress,
    ready, delivered with a rating) — a day's work, not only its intakes."""
    actor = auth.actor_for(store, "clerk1")
    services = ("CERT-FAM", "TAX-STMT")
    path = ("in_progress", "ready", "delivered")[:steps]
    t0 = time.perf_counter()
    for i in range(n):
        nid = sample_nid(dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28), "MF"[i % 2], 900 + i % 100)
        citizen = workflow.CitizenInput(nid=nid, full_name=f"Qytetar Bench {i} (TEST)")
        (view,) = workflow.intake(store, actor, citizen, [workflow.IntakeItem(services[i % 2], ["ID"])])
        for status in path:
            if status == "delivered":
                workflow.deliver(store, actor, view.receipt_no, rating=4)
            else:
                workflow.advance(store, actor, view.receipt_no, status)
    return time.perf_counter() - t0


def naive_push(store: Any, url: str, n: int) -> float:
    """Push the pending ops one per HTTP request with the project's own client; seconds per op."""
    from frontdesk.setup import workstation_info
    from frontdesk.sync.credentials import load_token

    info = workstation_info(store)
    state = replication.read_state(store)
    client = CentralClient(url, load_token(url, info.unit_code, info.workstation_code))
    ops = replication.pending_ops(store, n)
    t0 = time.perf_counter()
    for o in ops:
        op = p.Op.model_validate({"op_id": o.op_id, "kind": o.kind, "created_at": o.created_at,
                                  p.payload_field(o.kind): o.payload})  # fmt: skip
        resp = client.push(p.PushRequest(epoch=state.get("epoch"), receipt_counter=info.receipt_counter, ops=[op]))
        replication.settle(store, [r.model_dump() for r in resp.results], epoch=resp.epoch)
    took = time.perf_counter() - t0
    client.close()
    return took / max(1, len(ops))


# ------------------------------------------------------------------------------------------ ingest


def intake_op(unit: str, ws: str, counter: int) -> dict[str, Any]:
    now = utcnow()
    rid = uuid7()
    receipt = format_receipt_no(unit, ws, counter)
    snap = {
        "id": rid, "receipt_no": receipt, "visit_id": uuid7(), "unit_code": unit, "workstation_code": ws,
        "service_code": "CERT-FAM", "citizen_nid": "J00101999W", "citizen_name": f"Qytetar Bench {counter} (TEST)",
        "citizen_phone": None, "documents": ["ID"], "documents_missing": [], "fee_paid": 0, "priority": False,
        "note": None, "status": "received", "assignee": "clerk1", "created_by": "clerk1",
        "created_at": now.isoformat(), "updated_at": now.isoformat(),
        "due_date": promised_date(now, 1).isoformat(), "standard_days": 1, "version": 1,
    }  # fmt: skip
    event = {"id": uuid7(), "kind": "intake", "to_status": "received", "actor": "clerk1", "workstation": ws,
             "device_time": now.isoformat(), "data": {}}  # fmt: skip
    payload = {"event": event, "request_id": rid, "receipt_no": receipt, "version": 1, "request": snap}
    return {"op_id": uuid7(), "kind": "request.intake", "created_at": now.isoformat(), "request": payload}


def ingest(db_url: str, url: str, *, workstations: int, units: int, ops_each: int, batch: int) -> tuple[float, int]:
    """``workstations`` threads push ``ops_each`` intake ops each in batches; returns (seconds, ops applied).
    Every op is checked by the rulebook (receipt ownership, actor's account and role, time window, the
    catalogue's service and standard, sizes) as any desk's op."""
    from frontdesk.central import accounts, enrolment
    from frontdesk.central.catalog import publish_catalog
    from frontdesk.central.db import Database

    db = Database(db_url)
    publish_catalog(db, CATALOG.read_text(encoding="utf-8"), CATALOG.name)
    unit_codes = [f"IN{u:02d}" for u in range(units)]
    for code in unit_codes:
        enrolment.add_unit(db, code, f"Njësia Ingest {code} (TEST)")
        accounts.add_user(db, code, "clerk1", "clerk", "Klerk Bench (TEST)", "sekret-i-gjate")
    desks = []
    for i in range(workstations):
        unit = unit_codes[i % units]
        ws = f"W{i:02d}"
        code = enrolment.create_enrol_code(db, unit)
        r = requests.post(url + "/v1/enrol", json={"code": code, "unit_code": unit, "workstation_code": ws,
                                                   "receipt_counter": 0}, timeout=30)  # fmt: skip
        r.raise_for_status()
        desks.append((unit, ws, r.json()["token"]))
    db.close()
    bodies = []
    for unit, ws, _ in desks:
        mine = []
        for start in range(0, ops_each, batch):
            ops = [intake_op(unit, ws, start + k + 1) for k in range(min(batch, ops_each - start))]
            raw = json.dumps({"receipt_counter": start + len(ops), "ops": ops}, separators=(",", ":")).encode()
            mine.append(gzip.compress(raw, 6))
        bodies.append(mine)
    applied = [0] * workstations
    barrier = threading.Barrier(workstations + 1)

    def run(i: int) -> None:
        token = desks[i][2]
        session = requests.Session()
        headers = {"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1", "Content-Type": "application/json",
                   "Content-Encoding": "gzip", "Accept-Encoding": "gzip"}  # fmt: skip
        barrier.wait()
        for body in bodies[i]:
            r = session.post(url + "/v1/push", data=body, headers=headers, timeout=600)
            r.raise_for_status()
            answers = r.json()["results"]
            applied[i] += sum(1 for x in answers if x["result"] == "applied")
            refused = [x for x in answers if x["result"] == "rejected"]
            if refused:
                raise SystemExit(f"the server refused a bench op: {refused[0]}")
        session.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workstations)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, sum(applied)


# ------------------------------------------------------------------------------------------ main


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="requests created offline and synced (default 5000)")
    ap.add_argument("--naive-n", type=int, default=200, help="ops pushed one per request for the baseline")
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite", help="server database of part 1")
    ap.add_argument("--ingest-ops", type=int, default=250, help="intake ops per workstation in the ingest run")
    ap.add_argument(
        "--ingest-workers",
        type=int,
        default=2,
        help="also measure ingest with this many server processes (serve --workers N; 1: only one)",
    )
    ap.add_argument("--no-ingest", action="store_true")
    ap.add_argument("--no-pull", action="store_true", help="skip the second desk pulling everything")
    ap.add_argument("--steps", type=int, default=0, choices=range(4),
                    help="status changes per request after its intake (0: intakes only, the issue)")  # fmt: skip
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="fd-bench-sync-"))
    keyring.set_keyring(FileKeyring())
    os.environ["FRONTDESK_TEST_KEYRING"] = str(tmp / "keyring.json")
    try:
        with contextlib.ExitStack() as stack:
            if args.db == "postgresql":
                db_url = stack.enter_context(pg_database())
                if db_url is None:
                    print("PostgreSQL is not available: run .ci/postgres.sh, or use --db sqlite")
                    return 1
            else:
                db_url = f"sqlite:///{tmp / 'central.db'}"
            central_cli(db_url, "unit", "add", "BN01", "--name", "Njësia Bench (TEST)")
            central_cli(db_url, "catalog", "publish", str(CATALOG))
            code = central_cli(db_url, "enrol-code", "--unit", "BN01")
            url = stack.enter_context(central(db_url, tmp / "server.log"))
            port = int(url.rsplit(":", 1)[1])
            proxy = stack.enter_context(Proxy(("127.0.0.1", port)))
            store = make_workstation(tmp / "ws")
            enrol(store, proxy.url, code)  # offers its user clerk1 to the central administrator...
            central_cli(db_url, "user", "accept", "clerk1", "--unit", "BN01")  # ...who accepts it
            SyncEngine(store).sync_once()  # the account and the catalogue, on a fast link

            took = offline_intakes(store, args.n, steps=args.steps)
            print(f"{args.n} requests created offline in {took:.1f} s ({1000 * took / args.n:.1f} ms each)"
                  + (f", each with {args.steps} status change(s) after it" if args.steps else ""))  # fmt: skip

            proxy.set_link(delay=ONE_WAY, rate=RATE)
            proxy.reset_counters()
            tape = Tape(proxy)
            engine = measured_engine(store, tape)
            t0 = time.perf_counter()
            report = engine.sync_once()
            wall = time.perf_counter() - t0
            assert report.complete and replication.status(store).pending == 0
            up, down = proxy.bytes_up, proxy.bytes_down
            trips = report.round_trips
            floor = (up + down) / RATE + trips * RTT
            per_req = (up + down) / args.n
            print(f"\nsync of {args.n} requests at 256 kbit/s, {RTT * 1000:.0f} ms RTT ({args.db} server):")
            print(f"  wall time          {wall:8.1f} s")
            print(f"  round trips        {trips:8d}   ({report.pushed} ops pushed, {report.pulled} changes pulled)")
            print(f"  bytes on the wire  {up + down:8d}   ({up} up, {down} down; HTTP headers included)")
            print(f"  bytes per request  {per_req:8.1f}   ({(up + down) / max(1, report.pushed):.1f} per op)")
            print(f"  physical floor     {floor:8.1f} s   (bytes / 256 kbit/s + round trips x {RTT * 1000:.0f} ms)")
            print(f"  wall / floor       {wall / floor:8.2f} x")
            link = sum(c.up + c.down for c in tape.calls) / RATE + len(tape.calls) * RTT
            print(f"  not the link       {wall - link:8.1f} s   (server + client work, serial with the link)")
            groups: dict[str, list[Call]] = {}
            for c in tape.calls:
                groups.setdefault(c.path, []).append(c)
            print("  breakdown:")
            for path, cs in groups.items():
                n_up, n_down = sum(c.up for c in cs), sum(c.down for c in cs)
                secs = sum(c.seconds for c in cs)
                what = "push body / push answer" if path == "/v1/push" else "pull request / pull answer"
                print(f"    {path:<12} {len(cs):3d} calls  {secs:7.1f} s  {n_up:8d} B up  {n_down:8d} B down  "
                      f"({what}: {n_up / args.n:.1f} / {n_down / args.n:.1f} B per request)")  # fmt: skip

            # a second desk of the unit pulls them all through the same link
            if not args.no_pull:
                proxy.set_link(delay=0.0, rate=None)
                store2 = setup.open_home(tmp / "ws2")
                setup.init_workstation(store2, "BN01", "Njësia Bench (TEST)", "W02")
                enrol(store2, proxy.url, central_cli(db_url, "enrol-code", "--unit", "BN01"))
                proxy.set_link(delay=ONE_WAY, rate=RATE)
                proxy.reset_counters()
                tape2 = Tape(proxy)
                t0 = time.perf_counter()
                rep2 = measured_engine(store2, tape2).sync_once()
                wall2 = time.perf_counter() - t0
                b2 = proxy.bytes_up + proxy.bytes_down
                floor2 = b2 / RATE + rep2.round_trips * RTT
                print(f"\na second desk pulls them: {rep2.pulled} changes, {rep2.round_trips} round trips, {b2} bytes "
                      f"({b2 / args.n:.1f} per request), {wall2:.1f} s (floor {floor2:.1f} s, "
                      f"{wall2 / floor2:.2f} x; applying them locally is the rest)")  # fmt: skip
                store2.close()

            # naive baseline: the same link, one op per HTTP request
            offline_intakes(store, args.naive_n)
            proxy.reset_counters()
            per_op = naive_push(store, proxy.url, args.naive_n)
            naive_bytes = (proxy.bytes_up + proxy.bytes_down) / args.naive_n
            naive_total = per_op * report.pushed  # the same number of ops, one per HTTP request
            print(f"\nnaive baseline: {args.naive_n} ops pushed one per HTTP request through the same link:")
            print(f"  {per_op * 1000:.0f} ms and {naive_bytes:.0f} bytes per op; extrapolated to {report.pushed} ops: "
                  f"{naive_total:.0f} s (measured on {args.naive_n}, scaled linearly)")  # fmt: skip
            speedup = naive_total / wall
            print("\ntargets:")
            print(f"  sync <= 1.5x the floor          {wall / floor:6.2f} x       {verdict(wall <= 1.5 * floor)}")
            if args.steps == 0:
                print(f"  <= 200 bytes per request         {per_req:6.1f} B       {verdict(per_req <= 200)}")
            else:  # the 200 B are for a request's intake; here each request is 1 + steps ops
                print(f"  bytes per request ({1 + args.steps} ops)       {per_req:6.1f} B       (target: intakes)")
            print(f"  >= 20x faster than naive         {speedup:6.1f} x       {verdict(speedup >= 20)}")
            store.close()

        if not args.no_ingest:
            print("\nserver ingest on PostgreSQL, 20 concurrent workstations pushing batches of 500 intake ops:")
            runs = [(w, u) for w in sorted({1, max(1, args.ingest_workers)}) for u in (20, 1)]
            for workers, units in runs:
                label = "20 units, one workstation each" if units == 20 else "one unit, 20 workstations"
                label += ", 1 server process" if workers == 1 else f", {workers} server processes"
                with pg_database() as pg:
                    if pg is None:
                        print("  PostgreSQL is not available: run .ci/postgres.sh (ingest skipped)")
                        break
                    with central(pg, tmp / f"ingest-{units}-{workers}.log", workers) as url:
                        secs, applied = ingest(pg, url, workstations=20, units=units, ops_each=args.ingest_ops,
                                               batch=500)  # fmt: skip
                    print(f"  {label:<50} {applied:6d} ops in {secs:5.1f} s = {applied / secs:6.0f} ops/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
