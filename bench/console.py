"""The console's pages on a national-size central database, beside a ``count(*)`` baseline of the same run.

    python bench/console.py [--n 1000000] [--units 60] [--repeat 15] [--keep] [--db URL]

1. A fresh PostgreSQL database on the local cluster (.ci/postgres.sh; or ``--db URL`` of one a previous
   ``--keep`` run left filled): the schema at head, the demo catalogue (106 services, 25 offices), ``--units``
   units with five clerks each, and ``--n`` requests received over the twelve months before today, written
   with COPY — most delivered with a rating, some ready, rejected, cancelled, returned for completion (with
   their history event), a few per cent still open and some of those overdue; obviously fictitious names.
   Then the figures are rebuilt from the requests (``performance.rebuild``, as the migration does) and the
   tables analysed.
2. A real ``frontdesk-central serve`` over that database; an officer of the largest office and a manager sign
   in. Timed over HTTP (``--repeat`` times each, median and 95th percentile, after one warm-up): the officer's
   list (default: to do; also every status, and overdue only), one request's page, and the manager's report
   for the whole year (by service, office, unit, clerk, month — each page also draws the monthly trend),
   beside ``SELECT count(*) FROM requests`` timed in the same run on the same database.
3. The figures kept from the feed: 300 back-office changes through the apply path, then the time of the
   first report (which reads them from the feed first) and of the next one.

Target (printed, not asserted): the officer's list and the manager's report each answer in <= 300 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from frontdesk.catalog_format import demo_catalog_path  # noqa: E402
from frontdesk.central import backoffice, performance, staff  # noqa: E402
from frontdesk.central.catalog import publish_catalog  # noqa: E402
from frontdesk.central.db import Database  # noqa: E402
from frontdesk.central.directory import load as load_directory  # noqa: E402
from frontdesk.clock import utcnow, uuid7  # noqa: E402
from frontdesk.deadlines import OFFICE_TZ, WorkCalendar, local_date  # noqa: E402
from frontdesk.numbering import format_receipt_no  # noqa: E402

CENTRAL = Path(sys.executable).parent / "frontdesk-central"
PG_ROLE, PG_PASSWORD = "fd_central_test", "fd-central-test-pw"  # the test cluster's throwaway role
PASSWORD = "bench-fjalekalim-1"
NIDS = ("F00101900V", "F25204901N", "F40307902I", "G05616905B", "H01104910B", "I05419915T", "J00907920B")
TARGET_MS = 300.0
_CAL = WorkCalendar()


# ------------------------------------------------------------------------------------------ PostgreSQL


def _as_postgres(sql: str) -> subprocess.CompletedProcess[str]:
    cmd = f'psql -v ON_ERROR_STOP=1 -q -c "{sql}"'
    argv = ["su", "postgres", "-c", cmd] if os.geteuid() == 0 else ["sudo", "-n", "-u", "postgres", "sh", "-c", cmd]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False, cwd="/")


@contextlib.contextmanager
def pg_database(keep: bool) -> Iterator[str]:
    if shutil.which("psql") is None:
        sys.exit("PostgreSQL is not installed: run .ci/postgres.sh (as root) first")
    role = _as_postgres(
        f"DO \\$\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PG_ROLE}') THEN "
        f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'; END IF; END \\$\\$;"
    )
    if role.returncode != 0:
        sys.exit(f"PostgreSQL not usable: {role.stderr.strip()[:200]}; run .ci/postgres.sh")
    name = "fd_console_bench_" + uuid.uuid4().hex[:8]
    made = _as_postgres(f"CREATE DATABASE {name} OWNER {PG_ROLE}")
    if made.returncode != 0:
        sys.exit(f"cannot create a PostgreSQL database: {made.stderr.strip()[:200]}")
    url = f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{name}"
    try:
        yield url
    finally:
        if keep:
            print(f"\nkept: --db {url}")
        else:
            _as_postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# ------------------------------------------------------------------------------------------ the data


@functools.lru_cache(maxsize=200_000)
def _due(day: dt.date, std: int) -> dt.date:
    return _CAL.add_working_days(day, std)


def _local_noon(day: dt.date, minute: int) -> dt.datetime:
    local = dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=OFFICE_TZ) + dt.timedelta(minutes=minute)
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def generate(db: Database, n: int, n_units: int, seed: int = 11) -> dict[str, int]:
    """Units, clerks and ``n`` requests over the last twelve months, written with COPY; the figures rebuilt."""
    import psycopg

    rnd = random.Random(seed)
    publish_catalog(db, demo_catalog_path().read_text(encoding="utf-8"), "demo.json", actor="bench")
    with db.read() as s:
        dirx = load_directory(s)
    usable = [svc for svc in dirx.central.values() if svc.standard_days is not None and svc.standard_days <= 30]
    services = sorted(usable, key=lambda svc: svc.code)
    weights = [rnd.choice((1, 2, 3, 5, 8, 13)) for _ in services]
    now = utcnow()
    today = local_date(now)
    first = today - dt.timedelta(days=365)
    # the working days before today: a request received later today would be in the future at an early hour
    days = [first + dt.timedelta(days=i) for i in range(365) if _CAL.is_working_day(first + dt.timedelta(days=i))]
    units = [f"U{i:03d}" for i in range(1, n_units + 1)]
    raw = db.engine.raw_connection()
    conn: psycopg.Connection[Any] = raw.driver_connection  # type: ignore[assignment]
    counts = {"requests": 0, "open": 0, "returned": 0}
    try:
        with conn.cursor() as cur:
            with cur.copy("COPY units (code, name, created_at) FROM STDIN") as cp:
                for u in units:
                    cp.write_row((u, f"Njësia Administrative {u} (BENCH)", now))
            with cur.copy("COPY unit_counters (unit_code, last_seq) FROM STDIN") as cp:
                for u in units:
                    cp.write_row((u, 0))
            with cur.copy("COPY users (unit_code, username, full_name, role, active, password_hash, "
                          "must_change_password, updated_at, created_at, failed_attempts) FROM STDIN") as cp:
                for u in units:
                    for k in range(1, 6):
                        name = f"Nëpunës {k} {u} (BENCH)"
                        cp.write_row((u, f"clerk{k}", name, "clerk", True, "!", False, now, now, 0))
            cols = ("id, receipt_no, visit_id, unit_code, workstation_code, service_code, citizen_nid, citizen_name, "
                    "citizen_phone, documents, documents_missing, fee_paid, priority, note, status, assignee, "
                    "created_by, created_at, updated_at, due_date, standard_days, version, assigned_version, "
                    "completed_at, delivered_at, rating, received_at")  # fmt: skip
            counters: dict[tuple[str, str], int] = {}
            returned: list[tuple[str, dt.datetime]] = []
            with cur.copy(f"COPY requests ({cols}) FROM STDIN") as cp:
                for i in range(n):
                    unit = units[min(int(rnd.paretovariate(1.2)) - 1, n_units - 1)] if i % 3 else rnd.choice(units)
                    ws = f"W{rnd.randint(1, 5):02d}"
                    counters[(unit, ws)] = c = counters.get((unit, ws), 0) + 1
                    svc = rnd.choices(services, weights)[0]
                    std = int(svc.standard_days or 0)
                    day = rnd.choice(days)
                    created = _local_noon(day, rnd.randint(0, 480))
                    due = _due(day, std)
                    clerk = f"clerk{rnd.randint(1, 5)}"
                    age = (today - day).days
                    roll = rnd.random()
                    completed = delivered = None
                    rating = None
                    open_share = 0.6 if age <= std + 2 else 0.03
                    if roll < open_share:
                        status = rnd.choice(("received", "forwarded", "forwarded", "in_progress", "in_progress"))
                        counts["open"] += 1
                    elif roll < open_share + 0.015:
                        status = "returned"
                    else:
                        late = rnd.random() < 0.17
                        took = max(0, std + (rnd.randint(1, 6) if late else -rnd.randint(0, max(0, std - 1))))
                        done_day = _CAL.add_working_days(day, took) if took < 40 else day + dt.timedelta(days=took)
                        completed = _local_noon(done_day, rnd.randint(0, 480))
                        if completed > now:
                            completed = now - dt.timedelta(hours=1)
                        r2 = rnd.random()
                        if r2 < 0.03:
                            status = "rejected"
                        elif r2 < 0.04:
                            status, completed = "cancelled", None
                        elif r2 < 0.14 or completed > now - dt.timedelta(days=2):
                            status = "ready"
                        else:
                            status = "delivered"
                            delivered = completed + dt.timedelta(hours=rnd.randint(2, 200))
                            if delivered > now:
                                delivered = now
                            rating = rnd.choice((None, None, 3, 4, 4, 5, 5, 5, 2, 1))
                    rid = uuid7()
                    if status == "returned" or (status != "cancelled" and rnd.random() < 0.012):
                        returned.append((rid, created + dt.timedelta(hours=3)))
                        counts["returned"] += 1
                    cp.write_row((
                        rid, format_receipt_no(unit, ws, c), uuid7(), unit, ws, svc.code, NIDS[i % len(NIDS)],
                        f"Qytetar Provë {i} (BENCH)", None, '["ID"]', "[]" if status != "returned" else '["ID"]',
                        0, i % 37 == 0, None, status, clerk, clerk, created, completed or created, due, std, 3, 0,
                        completed, delivered, rating, created,
                    ))  # fmt: skip
                    counts["requests"] += 1
            with cur.copy("COPY request_events (id, request_id, kind, from_status, to_status, actor, workstation, "
                          "device_time, data, received_at) FROM STDIN") as cp:  # fmt: skip
                for rid, t in returned:
                    cp.write_row((uuid7(), rid, "status", "in_progress", "returned", "clerk1", "W01", t,
                                  '{"reason": "Dokument i paplotë (BENCH)"}', t))  # fmt: skip
        conn.commit()
    finally:
        raw.close()
    t0 = time.perf_counter()
    with db.write() as s:
        performance.rebuild(s.connection())
    counts["rebuild_s"] = round(time.perf_counter() - t0)
    with db.engine.connect() as c2:
        c2 = c2.execution_options(isolation_level="AUTOCOMMIT")
        c2.exec_driver_sql("VACUUM ANALYZE requests, request_events, report_stats, report_days, report_hist, "
                           "report_facts")
    return counts


# ------------------------------------------------------------------------------------------ measuring


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(url: str, log: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([str(CENTRAL), "serve", "--db", url, "--port", str(port), "--log-level", "warning"],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)


def sign_in(base: str, username: str) -> requests.Session:
    s = requests.Session()
    page = s.get(base + "/console/login", timeout=30)
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    pre = page.headers["set-cookie"].split(";")[0]
    assert token
    r = s.post(base + "/console/login", data={"csrf": token.group(1), "username": username, "password": PASSWORD},
               headers={"Cookie": pre}, allow_redirects=False, timeout=60)  # fmt: skip
    cookie = r.headers["set-cookie"].split(";")[0]
    s.headers["Cookie"] = cookie  # the Secure cookie, sent by hand over the loopback's plain http
    return s


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def page(session: requests.Session, url: str) -> Callable[[], None]:
    def get() -> None:
        r = session.get(url, timeout=120)
        assert r.status_code == 200, (url, r.status_code)

    return get


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--units", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--keep", action="store_true", help="keep the database (print its URL)")
    ap.add_argument("--db", help="a database a previous --keep run filled")
    args = ap.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.db or stack.enter_context(pg_database(args.keep))
        db = Database(url)
        if args.db is None:
            t0 = time.perf_counter()
            made = generate(db, args.n, args.units)
            print(f"generated {made['requests']:,} requests ({made['open']:,} open, {made['returned']:,} returned) "
                  f"in {time.perf_counter() - t0:.0f} s (figures rebuilt in {made['rebuild_s']} s)")  # fmt: skip
            with db.read() as s:
                offices = {}
                dirx = load_directory(s)
                for svc in dirx.central.values():
                    offices[svc.office] = offices.get(svc.office, 0) + 1
            office = max(offices, key=lambda o: offices[o])
            staff.add_staff(db, "zyrtar", "officer", "Zyrtar (BENCH)", PASSWORD, office=office,
                            must_change_password=False)  # fmt: skip
            staff.add_staff(db, "drejtor", "manager", "Drejtor (BENCH)", PASSWORD, must_change_password=False)
        with db.engine.connect() as c:
            total = c.exec_driver_sql("SELECT count(*) FROM requests").scalar_one()
            stats_rows = c.exec_driver_sql("SELECT count(*) FROM report_stats").scalar_one()
            days_rows = c.exec_driver_sql("SELECT count(*) FROM report_days").scalar_one()
        print(f"database: {total:,} requests; figures: {stats_rows:,} report_stats and {days_rows:,} report_days rows")

        def count_star() -> None:
            with db.engine.connect() as c:
                c.exec_driver_sql("SELECT count(*) FROM requests").scalar_one()

        base_med, base_p95 = timed(count_star, args.repeat)
        log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-console-{os.getpid()}.log"
        with serve(url, log) as base:
            officer, manager = sign_in(base, "zyrtar"), sign_in(base, "drejtor")
            listing = officer.get(base + "/console/bo", timeout=60).text
            receipt = re.search(r'href="/console/bo/r/([^"]+)"', listing)
            today = performance.today_local()
            year = f"from={(today - dt.timedelta(days=365)).isoformat()}&to={today.isoformat()}"
            cases: list[tuple[str, str, requests.Session]] = [
                ("officer: list, to do (default)", "/console/bo", officer),
                ("officer: list, every status", "/console/bo?status=all", officer),
                ("officer: list, overdue", "/console/bo?status=all&overdue=1", officer),
                ("officer: list, page 20", "/console/bo?status=all&page=20", officer),
            ]
            if receipt:
                cases.append(("officer: one request", f"/console/bo/r/{receipt.group(1)}", officer))
            for by in ("service", "office", "unit", "clerk", "month"):
                cases.append((f"manager: report, one year, by {by}", f"/console/perf?{year}&by={by}", manager))
            cases.append(("manager: overdue list", "/console/perf/overdue", manager))
            print(f"\n{'page':<44}{'median':>10}{'p95':>10}{'x count(*)':>12}  <= {TARGET_MS:.0f} ms")
            print(f"{'SELECT count(*) FROM requests (baseline)':<44}{base_med:>8.1f}ms{base_p95:>8.1f}ms{1:>11.1f}x")
            for label, path, session in cases:
                med, p95 = timed(page(session, base + path), args.repeat)
                verdict = "met" if med <= TARGET_MS else "NOT met"
                print(f"{label:<44}{med:>8.1f}ms{p95:>8.1f}ms{med / base_med:>11.1f}x  {verdict}")
            # the figures kept from the feed: back-office changes, then the first report reads them
            with db.read() as s:
                from sqlalchemy import text

                todo = [r for (r,) in s.execute(text("SELECT receipt_no FROM requests WHERE status = 'forwarded' "
                                                     "ORDER BY receipt_no LIMIT 300"))]  # fmt: skip
            t0 = time.perf_counter()
            for no in todo:
                backoffice.advance(db, no, "in_progress", actor="bench", event_actor="hq.bench")
            per_change = (time.perf_counter() - t0) * 1000 / max(1, len(todo))
            t0 = time.perf_counter()
            page(manager, base + f"/console/perf?{year}&by=service")()
            first = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            page(manager, base + f"/console/perf?{year}&by=service")()
            second = (time.perf_counter() - t0) * 1000
            print(f"\n{len(todo)} back-office changes through the apply path: {per_change:.1f} ms each; the next "
                  f"report (reading them from the feed first): {first:.0f} ms; the one after: {second:.0f} ms")
        db.close()


if __name__ == "__main__":
    main()
