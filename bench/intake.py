"""Intake latency through the one write path, on the encrypted store (SQLCipher, as shipped) and on a
plain SQLite store, beside the same-run floor of a bare plain-SQLite insert+commit.

    python bench/intake.py [--n 500]

All three run on file databases in the same directory with the app's pragmas (WAL, synchronous=FULL,
foreign_keys, busy_timeout), interleaved one to one to one, so the floor contains the same fsync cost a
real intake pays under the same machine load.
Targets: median encrypted intake within 3.5x of the floor's median; plain intake within 3x.
The database key is kept in a file of the bench's temporary directory (no OS keyring is touched).
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

    def __init__(self, home: Path, *, encrypted: bool) -> None:
        from frontdesk.db import Store
        from frontdesk.dbkey import FileKeys

        home.mkdir(parents=True)
        self.store = Store(home / setup.DB_NAME, encrypted=encrypted, keys=FileKeys(home.parent / "keys"))
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
        floor = Floor(Path(tmp) / "floor.db")
        plain, enc = Intake(Path(tmp) / "plain", encrypted=False), Intake(Path(tmp) / "encrypted", encrypted=True)
        for _ in range(20):  # warm-up
            floor.once(), plain.once(), enc.once()
        base: list[float] = []
        p: list[float] = []
        e: list[float] = []
        for _ in range(args.n):  # interleaved, so all three see the same disk and machine load
            base.append(floor.once())
            p.append(plain.once())
            e.append(enc.once())
        plain.store.close()
        enc.store.close()
    rows = [("bare insert+commit (floor)", base), ("workflow.intake, plain SQLite", p),
            ("workflow.intake, encrypted (SQLCipher)", e)]  # fmt: skip
    print(f"{'':40} {'median ms':>10} {'p95 ms':>10} {'per s':>10}   (n={args.n})")
    for name, t in rows:
        med = statistics.median(t)
        print(f"{name:40} {med * 1000:10.2f} {pct(t, 95) * 1000:10.2f} {1 / statistics.mean(t):10.0f}")
    floor_med = statistics.median(base)
    r_enc, r_plain = statistics.median(e) / floor_med, statistics.median(p) / floor_med
    print(f"median ratio encrypted intake/floor: {r_enc:.2f}x (target <= 3.5x: {'met' if r_enc <= 3.5 else 'NOT met'})")
    print(f"median ratio plain intake/floor:     {r_plain:.2f}x (target <= 3x: {'met' if r_plain <= 3 else 'NOT met'})")
    print(f"encryption's cost per intake: {(statistics.median(e) - statistics.median(p)) * 1000:+.2f} ms median "
          f"({statistics.median(e) / statistics.median(p):.2f}x plain)")  # fmt: skip


if __name__ == "__main__":
    main()
