"""Intake latency through the one write path, beside the same-run floor of a bare SQLite insert+commit.

    python bench/intake.py [--n 500]

Both run on a file database in the same directory with the app's pragmas (WAL, synchronous=FULL,
foreign_keys, busy_timeout), interleaved one to one, so the floor contains the same fsync cost a real
intake pays under the same machine load.
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
from frontdesk.catalog import import_catalog, list_services, load_catalog
from frontdesk.clock import utcnow
from frontdesk.identity import sample_nid
from frontdesk.paths import resource


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


class Floor:
    """A bare insert+commit on its own file database with the same pragmas."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, receipt_no TEXT UNIQUE, payload TEXT)")
        self.i = 0

    def once(self) -> float:
        self.i += 1
        t0 = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t VALUES (?, ?, ?)", (f"id-{self.i}", f"R-{self.i}", "x" * 300))
        self.conn.execute("COMMIT")
        return time.perf_counter() - t0


class Intake:
    """One citizen, one service, through workflow.intake on a store with the demo catalogue."""

    def __init__(self, home: Path) -> None:
        self.store = setup.open_home(home)
        setup.init_workstation(self.store, "BENCH", "Njësia Bench", "W01")
        with self.store.write() as s:
            import_catalog(s, load_catalog(resource("catalog", "demo.json")), now=utcnow())
        auth.add_user(self.store, None, "clerk", "clerk", "Bench Clerk", "bench-password")
        self.clerk = auth.actor_for(self.store, "clerk")
        with self.store.read() as s:
            self.services = [(v.code, [d.code for d in v.documents if d.required]) for v in list_services(s)][
                :20
            ]
        self.i = 0

    def once(self) -> float:
        self.i += 1
        i = self.i
        code, docs = self.services[i % len(self.services)]
        citizen = workflow.CitizenInput(
            nid=sample_nid(dt.date(1980, 1 + i % 12, 1 + i % 28), "F", i % 1000),
            full_name=f"Qytetar Bench {i}",
        )
        t0 = time.perf_counter()
        workflow.intake(self.store, self.clerk, citizen, [workflow.IntakeItem(code, docs)])
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        floor, intake = Floor(Path(tmp) / "floor.db"), Intake(Path(tmp) / "home")
        for _ in range(20):  # warm-up
            floor.once(), intake.once()
        base: list[float] = []
        real: list[float] = []
        for _ in range(args.n):  # interleaved, so both see the same disk and machine load
            base.append(floor.once())
            real.append(intake.once())
        intake.store.close()
    rows = [("bare insert+commit (floor)", base), ("workflow.intake", real)]
    print(f"{'':30} {'median ms':>10} {'p95 ms':>10} {'per s':>10}   (n={args.n})")
    for name, t in rows:
        med = statistics.median(t)
        print(f"{name:30} {med * 1000:10.2f} {pct(t, 95) * 1000:10.2f} {1 / statistics.mean(t):10.0f}")
    ratio = statistics.median(real) / statistics.median(base)
    print(f"median ratio intake/floor: {ratio:.2f}x (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
