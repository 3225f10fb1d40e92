"""Intake latency through the one write path, beside the same-run floor of a bare SQLite insert+commit.

    python bench/intake.py [--n 500]

Both run on a file database in the same directory with the app's pragmas (WAL, synchronous=FULL,
foreign_keys, busy_timeout), so the floor contains the same fsync cost a real intake pays.
Target: median intake latency within 3x of the floor's median.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import datetime as dt

from frontdesk import auth, setup, workflow
from frontdesk.catalog import import_catalog, load_catalog
from frontdesk.clock import utcnow
from frontdesk.identity import sample_nid
from frontdesk.paths import resource


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def floor(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, receipt_no TEXT UNIQUE, payload TEXT)")
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?, ?, ?)", (f"id-{i}", f"R-{i}", "x" * 300))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return times


def intakes(home: Path, n: int) -> list[float]:
    store = setup.open_home(home)
    setup.init_workstation(store, "BENCH", "Njësia Bench", "W01")
    with store.write() as s:
        import_catalog(s, load_catalog(resource("catalog", "demo.json")), now=utcnow())
    auth.add_user(store, None, "clerk", "clerk", "Bench Clerk", "bench-password")
    clerk = auth.actor_for(store, "clerk")
    with store.read() as s:
        from frontdesk.catalog import list_services

        services = [(v.code, [d.code for d in v.documents if d.required]) for v in list_services(s)][:20]
    times = []
    for i in range(n):
        code, docs = services[i % len(services)]
        citizen = workflow.CitizenInput(
            nid=sample_nid(dt.date(1980, 1 + i % 12, 1 + i % 28), "F", i % 1000),
            full_name=f"Qytetar Bench {i}",
        )
        t0 = time.perf_counter()
        workflow.intake(store, clerk, citizen, [workflow.IntakeItem(code, docs)])
        times.append(time.perf_counter() - t0)
    store.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        base = floor(Path(tmp) / "floor.db", args.n)
        real = intakes(Path(tmp) / "home", args.n)
    rows = [("bare insert+commit (floor)", base), ("workflow.intake", real)]
    print(f"{'':30} {'median ms':>10} {'p95 ms':>10} {'per s':>10}   (n={args.n})")
    for name, t in rows:
        med = statistics.median(t)
        print(f"{name:30} {med * 1000:10.2f} {pct(t, 95) * 1000:10.2f} {1 / statistics.mean(t):10.0f}")
    ratio = statistics.median(real) / statistics.median(base)
    print(f"median ratio intake/floor: {ratio:.2f}x (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
