"""Performance-against-standards report over a large local store, beside a same-run baseline.

    python bench/reports.py [--n 1000000] [--keep DIR]

Generates a database with ``--n`` requests (default 1,000,000) spread over the year 2025 — ~75 services
of the demo catalogue, 20 clerks in 4 units, realistic statuses, completion times around each service's
standard, ratings on most deliveries, ~5 % of requests returned for completion once (with their
``returned`` history event) — by bulk ``executemany`` straight into SQLite, after the app has created and
migrated the schema (so every index the app has is there). All data is fictitious. The report aggregates
(``report_stats`` / ``report_days``) are then filled from the generated rows with ``aggregates.rebuild`` —
the same SQL the migration uses to backfill an existing database.

Then it times ``reports.standards_report(by="service")`` for the one-year range (best of 3, after one
warm-up run, like the baseline) beside ``SELECT count(*) FROM requests`` on the same table, and prints the
seconds, the ratio and whether the targets are met: ≤ 2 s and ≤ 10× the baseline. ``--check`` also runs
the row-scanning reference (``reports._reference_report``) once, prints its time and checks the figures
are identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from frontdesk import aggregates, reports, setup
from frontdesk.catalog import import_catalog, load_catalog
from frontdesk.clock import utcnow
from frontdesk.deadlines import OFFICE_TZ, WorkCalendar
from frontdesk.paths import resource

YEAR = 2025
UNITS = ("BNK1", "BNK2", "BNK3", "BNK4")
N_CLERKS = 20
N_SERVICES = 75
TS = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime storage format


def generate(home: Path, n: int, seed: int = 7) -> Path:
    """Create the data directory ``home`` with ``n`` fictitious requests; returns the database path."""
    store = setup.open_home(home)
    setup.init_workstation(store, UNITS[0], "Njësia Bench 1 (BENCH)", "W01")
    with store.write() as s:
        import_catalog(s, load_catalog(resource("catalog", "demo.json")), now=utcnow())
    store.close()
    db = home / setup.DB_NAME
    rnd = random.Random(seed)
    cal = WorkCalendar()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    now = utcnow().strftime(TS)
    services = conn.execute(
        "SELECT code, standard_days FROM services WHERE active ORDER BY code LIMIT ?", (N_SERVICES,)
    ).fetchall()
    conn.execute("BEGIN")
    for u in UNITS[1:]:
        conn.execute("INSERT INTO units VALUES (?, ?, ?)", (u, f"Njësia Bench {u[-1]} (BENCH)", now))
    clerks = []
    for i in range(N_CLERKS):
        uid = f"00000000-0000-7000-8000-{i:012d}"
        clerks.append((uid, UNITS[i % len(UNITS)]))
        conn.execute(
            "INSERT INTO users VALUES (?, ?, ?, 'clerk', ?, 'x', 1, 0, NULL, 0, NULL, ?, ?)",
            (uid, f"sporteli{i:02d}", f"Sporteli {i:02d} (BENCH)", UNITS[i % len(UNITS)], now, now),
        )
    conn.execute("COMMIT")

    # Index maintenance dominates a bulk load: drop the requests' secondary indexes, reload them after.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name IN ('requests','request_events')"
        " AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")

    days = [dt.date(YEAR, 1, 1) + dt.timedelta(d) for d in range(365)]
    open_days = [d for d in days if cal.is_working_day(d)]
    last = dt.date(YEAR, 12, 31)
    doc = json.dumps(["ID"])
    weights = [1 / (k + 1) ** 0.8 for k in range(len(services))]  # a few services take most requests
    rows: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    t0 = time.perf_counter()
    i = 0
    for di, day in enumerate(open_days):
        # rows go in in time order, as a real counter writes them (rowid order follows created_at)
        k = n // len(open_days) + (1 if di < n % len(open_days) else 0)
        offset = dt.datetime(day.year, day.month, day.day, 12, tzinfo=OFFICE_TZ).utcoffset()
        assert offset is not None
        base = dt.datetime(day.year, day.month, day.day) - offset  # local midnight in UTC
        secs = sorted(rnd.randrange(8 * 3600, 16 * 3600) for _ in range(k))
        picks = rnd.choices(services, weights, k=k)
        due_of = {std: cal.add_working_days(day, std).isoformat() for std in {p[1] for p in picks}}
        age = (last - day).days
        for sec, (code, std) in zip(secs, picks, strict=True):
            created = (base + dt.timedelta(seconds=sec, microseconds=rnd.randrange(1_000_000))).strftime(TS)
            uid, unit = clerks[rnd.randrange(N_CLERKS)]
            r = rnd.random()
            completed = delivered = None
            rating = None
            if r < 0.03:
                status = "cancelled"
            elif age < 40 and r < 0.03 + 0.5 * (40 - age) / 40:
                status = rnd.choice(("received", "forwarded", "in_progress", "in_progress", "returned"))
            else:
                late = rnd.random() < 0.12
                wd = std + rnd.randint(1, 8) if late else rnd.randint(std // 3, std)
                done_day = cal.add_working_days(day, wd)
                done = dt.datetime(done_day.year, done_day.month, done_day.day) - offset
                done += dt.timedelta(seconds=rnd.randrange(8 * 3600, 16 * 3600))
                completed = done.strftime(TS)
                if r > 0.96:
                    status = "rejected"
                elif r < 0.88:
                    status = "delivered"
                    delivered = (done + dt.timedelta(days=rnd.randint(0, 10), hours=1)).strftime(TS)
                    rating = rnd.choice((5, 5, 5, 4, 4, 4, 3, 2, 1)) if rnd.random() < 0.6 else None
                else:
                    status = "ready"
            rid = f"{i:08x}-0000-7000-8000-{i:012x}"
            if status == "returned" or rnd.random() < 0.05:
                events.append(
                    (
                        f"{i:08x}-0000-7000-9000-{i:012x}",
                        rid,
                        "status",
                        "received",
                        "returned",
                        uid,
                        "bench",
                        "W01",
                        created,
                        "{}",
                    )
                )
            rows.append(
                (
                    rid,
                    f"{unit}W01{i:07d}X",
                    rid,
                    unit,
                    "W01",
                    code,
                    f"A{i % 99999999:08d}B",
                    f"Qytetar Bench {i} (BENCH)",
                    f"qytetar bench {i} (bench)",
                    None,
                    doc,
                    "[]",
                    0,
                    0,
                    None,
                    status,
                    uid,
                    uid,
                    created,
                    created,
                    due_of[std],
                    std,
                    completed,
                    delivered,
                    rating,
                    1,
                    1,
                    1,
                )
            )
            i += 1
            if len(rows) == 50_000:
                _flush(conn, rows, events)
    _flush(conn, rows, events)
    t1 = time.perf_counter()
    for _name, sql in indexes:
        conn.execute(sql)
    conn.close()
    t2 = time.perf_counter()
    store = setup.open_home(home)
    with store.write() as s:  # the report aggregates, in SQL from the generated rows (as the migration does)
        aggregates.rebuild(s.connection())
    store.close()
    t3 = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(
        f"generated {n:,} requests in {t1 - t0:.1f} s, indexes in {t2 - t1:.1f} s, report aggregates in {t3 - t2:.1f} s"
    )
    return db


def _flush(conn: sqlite3.Connection, rows: list[tuple[object, ...]], events: list[tuple[object, ...]]) -> None:
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO requests (id, receipt_no, visit_id, unit_code, workstation_code, service_code,"
        " citizen_nid, citizen_name, citizen_key, citizen_phone, documents, documents_missing, fee_paid,"
        " priority, note, status, assignee_id, created_by_id, created_at, updated_at, due_date,"
        " standard_days, completed_at, delivered_at, rating, version, print_count, central_ack)"
        " VALUES (" + ",".join("?" * 28) + ")",
        rows,
    )
    conn.executemany("INSERT INTO request_events VALUES (?,?,?,?,?,?,?,?,?,?)", events)
    conn.execute("COMMIT")
    rows.clear()
    events.clear()


def best_of(fn: object, repeat: int = 3) -> float:
    assert callable(fn)
    fn()  # warm-up: page cache and statement cache, as for the baseline
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, help="data directory to create and keep (default: a temp dir)")
    ap.add_argument("--check", action="store_true", help="also time the row-scanning reference and compare")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep or Path(tmp) / "home"
        db = home / setup.DB_NAME
        if not db.exists():
            generate(home, args.n)
        store = setup.open_home(home)
        raw = sqlite3.connect(db)
        n = raw.execute("SELECT count(*) FROM requests").fetchone()[0]
        base = best_of(lambda: raw.execute("SELECT count(*) FROM requests").fetchone())
        frm, to = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
        today = dt.date(YEAR + 1, 1, 5)
        rep = best_of(lambda: reports.standards_report(store, date_from=frm, date_to=to, by="service", today=today))
        clerk = best_of(lambda: reports.standards_report(store, date_from=frm, date_to=to, by="clerk", today=today))
        result = reports.standards_report(store, date_from=frm, date_to=to, by="service", today=today)
        stats = raw.execute("SELECT count(*) FROM report_stats").fetchone()[0]
        hist = raw.execute("SELECT count(*) FROM report_days").fetchone()[0]
        reference = same = None
        if args.check:
            t0 = time.perf_counter()
            ref = reports._reference_report(store, date_from=frm, date_to=to, by="service", today=today)
            reference = time.perf_counter() - t0
            same = ref.rows == result.rows and ref.total == result.total
        raw.close()
        store.close()
    ratio = rep / base if base else float("inf")
    print(
        f"requests: {n:,}; report rows: {len(result.rows)}; received: {result.total.received:,}; "
        f"completed: {result.total.completed:,}; on time: {result.total.on_time_share}"
    )
    print(f"aggregate rows: report_stats {stats:,}, report_days {hist:,}")
    print(f"baseline SELECT count(*):          {base * 1000:8.1f} ms")
    print(f"standards_report(by=service) 1 yr: {rep * 1000:8.1f} ms  ({ratio:.1f}x baseline)")
    print(f"standards_report(by=clerk)   1 yr: {clerk * 1000:8.1f} ms  ({clerk / base:.1f}x baseline)")
    if reference is not None:
        print(f"reference (row scan), 1 run:       {reference * 1000:8.1f} ms  identical figures: {same}")
    print(f"target <= 2 s: {'met' if rep <= 2 else 'NOT met'}; target <= 10x: {'met' if ratio <= 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
