"""The bench scripts still run: each at a tiny size, checked for a clean exit and its figures — never for
their values (tests do not assert times). bench/sync.py had failed unnoticed after a change of the sync
client's signature; this keeps every later change honest about them. PostgreSQL is needed for the
ingest part (.ci/postgres.sh, as for tests/central)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CASES = {
    "sync": (["--n", "30", "--naive-n", "3", "--no-pull", "--ingest-ops", "5", "--ingest-workers", "1"],
             ["bytes per request", "naive baseline", "targets:", "20 units, one workstation each",
              "one unit, 20 workstations"]),
    "intake": (["--n", "20"], []),
    "receipt": (["--n", "5"], []),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bench_runs_at_a_tiny_size(name: str, postgres: str) -> None:
    args, expected = CASES[name]
    done = subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    for text in expected:
        assert text in done.stdout, done.stdout[-2000:]
    assert "PostgreSQL is not available" not in done.stdout
