"""Fixtures of the sync fault tests: the real central server as a subprocess on loopback (SQLite file or a
fresh PostgreSQL database — the server tests' fixtures, imported), the fault proxy in front of it, and two
workstations of one unit (two data directories) that reach the server only through the proxy.

Workstation W03 is a copy of the session's template database (users clerk1, clerk2, super, admin and the
small test catalogue); W04 starts empty and learns the users and the catalogue from the server. Both are
enrolled (token in the file-backed test keyring set by tests/conftest.py, inherited by child processes).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk import auth, replication, setup, workflow
from frontdesk.db import Store
from frontdesk.dbfiles import open_kept
from frontdesk.identity import sample_nid
from frontdesk.models import OutboxOp, RequestEvent
from frontdesk.models import Request as LocalRequest
from frontdesk.sync.engine import SyncEngine, SyncReport, enrol
from tests.central.conftest import (  # the central server's own fixtures and helpers, reused
    Server,
    _pg_connect,
    db_url,
    postgres,
    run_cli,
    start_server,
    stop_server,
)

from .proxy import Proxy

__all__ = ["db_url", "postgres"]  # fixtures re-exported for tests/sync

DATA = Path(__file__).resolve().parents[1] / "data"
FRONTDESK = Path(sys.executable).parent / "frontdesk"
NIDS = tuple(sample_nid(dt.date(1960 + i, 1 + i, 3 + i), "MF"[i % 2], 900 + i) for i in range(4))


# ------------------------------------------------------------------------------------------ totals


@dataclass
class Totals:
    fault_runs: int = 0
    requests: int = 0
    lost: int = 0
    duplicated: int = 0
    rejected: int = 0
    lines: list[str] = field(default_factory=list)


TOTALS = Totals()


@dataclass
class HostileTotals:
    """The hostile-server suite (test_hostile_server.py): what the fake central answered and what the desk
    did with it."""

    cases: int = 0
    hostile_answers: int = 0
    set_aside: int = 0
    wrongly_applied: int = 0
    failed_cycles: int = 0  # cycles that ended in SyncFailed with a one-line reason
    recovered: int = 0  # cases after which an honest answer applied
    lines: list[str] = field(default_factory=list)


HOSTILE = HostileTotals()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per scenario (or case) and the totals, at the end of every run that ran one (CI logs too)."""
    if TOTALS.lines:
        terminalreporter.write_sep("-", "sync fault scenarios")
        for line in TOTALS.lines:
            terminalreporter.write_line(line)
        terminalreporter.write_line(
            f"sync faults: {TOTALS.fault_runs} fault runs, {TOTALS.requests} requests, "
            f"{TOTALS.lost} lost, {TOTALS.duplicated} duplicated, {TOTALS.rejected} rejected ops shown with reasons"
        )
    if HOSTILE.lines:
        terminalreporter.write_sep("-", "hostile server cases")
        for line in HOSTILE.lines:
            terminalreporter.write_line(line)
        terminalreporter.write_line(
            f"hostile server: {HOSTILE.cases} cases, {HOSTILE.hostile_answers} hostile answers served, "
            f"{HOSTILE.set_aside} changes set aside with reasons, {HOSTILE.failed_cycles} failed cycles with a "
            f"one-line reason, {HOSTILE.wrongly_applied} wrongly applied, {HOSTILE.recovered} recovered"
        )


# ------------------------------------------------------------------------------------------ the server


def run_main(main: Callable[[list[str]], int], argv: list[str]) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


class Central:
    """The central server process on a loopback port; restartable on the same database."""

    def __init__(self, db_url: str, log_dir: Path) -> None:
        self.db_url = db_url
        self.log_dir = log_dir
        self.starts = 0
        self.server: Server | None = None

    def start(self) -> Server:
        self.starts += 1
        self.server = start_server(self.db_url, self.log_dir / f"server-{self.starts}.log")
        return self.server

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.url.rsplit(":", 1)[1])

    @property
    def db(self) -> Any:
        assert self.server is not None
        return self.server.db

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush beyond what was committed."""
        assert self.server is not None
        if self.server._db is not None:
            self.server._db.close()
            self.server._db = None
        self.server.proc.send_signal(signal.SIGKILL)
        self.server.proc.wait(15)

    def stop(self) -> None:
        if self.server is not None:
            stop_server(self.server)
            self.server._db = None

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``frontdesk-central ARGS --db URL`` as a separate process."""
        r = run_cli(self.db_url, *args)
        return subprocess.CompletedProcess(list(args), r.code, r.out, r.err)

    def cli_inproc(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The same command line, run in this process (its parser, its output; no interpreter start-up)."""
        from frontdesk.central.cli import main

        return run_main(main, [*args, "--db", self.db_url])

    def requests(self, unit: str) -> list[dict[str, Any]]:
        """``frontdesk-central requests --unit UNIT --json``."""
        r = self.cli_inproc("requests", "--unit", unit, "--json")
        assert r.returncode == 0, r.stderr
        return list(json.loads(r.stdout))

    def event_ids(self, unit: str) -> dict[str, set[str]]:
        """Event ids per request id, read from the server's database."""
        from frontdesk.central import models as cm

        with self.db.read() as s:
            rows = s.execute(
                select(cm.RequestEvent.request_id, cm.RequestEvent.id)
                .join(cm.Request, cm.Request.id == cm.RequestEvent.request_id)
                .where(cm.Request.unit_code == unit)
            ).all()
        out: dict[str, set[str]] = {}
        for rid, eid in rows:
            out.setdefault(rid, set()).add(eid)
        return out

    def log_sizes(self) -> dict[str, int]:
        return {log.name: log.stat().st_size for log in self.log_dir.glob("server-*.log")}

    def tracebacks(self, since: dict[str, int] | None = None) -> list[str]:
        """Tracebacks the server logged (after the given log sizes)."""
        found = []
        for log in sorted(self.log_dir.glob("server-*.log")):
            text = log.read_bytes()[(since or {}).get(log.name, 0) :].decode(errors="replace")
            if "Traceback" in text:
                found.append(f"{log.name}:\n{text[-3000:]}")
        return found


# ------------------------------------------------------------------------------------------ workstations


class Workstation:
    """One data directory: driven in-process (fast setup, engine calls) or through the real command line."""

    def __init__(self, name: str, home: Path) -> None:
        self.name = name
        self.home = home
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = setup.open_home(self.home)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- command line

    def argv(self, *args: str) -> list[str]:
        return [str(FRONTDESK), "--home", str(self.home), *args]

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(*args), capture_output=True, text=True, timeout=timeout, check=False)

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(self.argv(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sync_cli(self) -> subprocess.CompletedProcess[str]:
        return self.cli("sync", "--once")

    def cli_inproc(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The workstation's command line run in this process: its parser and output, no start-up cost."""
        from frontdesk.cli import main

        return run_main(main, ["--home", str(self.home), *args])

    def sync_status(self) -> dict[str, Any]:
        """``frontdesk sync-status --json``."""
        r = self.cli_inproc("sync-status", "--json")
        assert r.returncode == 0, r.stderr
        return dict(json.loads(r.stdout))

    def queue(self) -> list[dict[str, Any]]:
        """``frontdesk queue --json``, the whole queue."""
        r = self.cli_inproc("queue", "--json", "--limit", "1000000")
        assert r.returncode == 0, r.stderr
        return list(json.loads(r.stdout))

    # -- in-process

    def sync(self, engine: SyncEngine | None = None) -> SyncReport:
        return (engine or SyncEngine(self.store)).sync_once()

    def sync_until_complete(self, tries: int = 5) -> SyncReport:
        from frontdesk.sync.engine import SyncFailed

        last: Exception | None = None
        for _ in range(tries):
            try:
                return self.sync()
            except SyncFailed as exc:
                last = exc
                time.sleep(0.2)
        raise AssertionError(f"{self.name}: sync never completed: {last}")

    def actor(self, username: str = "clerk1") -> auth.Actor:
        return auth.actor_for(self.store, username)

    def intake(self, n: int, username: str = "clerk1", *, service: str = "CERT-FAM") -> list[str]:
        actor = self.actor(username)
        out = []
        for i in range(n):
            citizen = workflow.CitizenInput(nid=NIDS[i % len(NIDS)], full_name=f"Qytetar Prove {i} (TEST)")
            (r,) = workflow.intake(self.store, actor, citizen, [workflow.IntakeItem(service, ["ID"])])
            out.append(r.receipt_no)
        return out

    def pending(self) -> int:
        return replication.status(self.store).pending

    def request_ids(self) -> set[str]:
        with self.store.read() as s:
            return set(s.scalars(select(LocalRequest.id)))

    def versions(self) -> dict[str, int]:
        with self.store.read() as s:
            return {r.receipt_no: r.version for r in s.scalars(select(LocalRequest))}

    def event_ids(self) -> dict[str, set[str]]:
        with self.store.read() as s:
            rows = s.execute(select(RequestEvent.request_id, RequestEvent.id)).all()
        out: dict[str, set[str]] = {}
        for rid, eid in rows:
            out.setdefault(rid, set()).add(eid)
        return out

    def rejected_event_ids(self) -> set[str]:
        """Events whose op the server rejected: they stay in this desk's history only."""
        with self.store.read() as s:
            ops = s.scalars(select(OutboxOp).where(OutboxOp.state == "rejected")).all()
            return {
                str(o.payload["event"]["id"]) for o in ops if isinstance(o.payload, dict) and o.payload.get("event")
            }


# ------------------------------------------------------------------------------------------ the unit


@dataclass
class Unit:
    code: str
    central: Central
    proxy: Proxy
    ws1: Workstation
    ws2: Workstation
    backend: str
    tmp: Path
    pg_copies: list[str] = field(default_factory=list)

    def enrol(self, ws: Workstation) -> list[str]:
        """Enrol a desk; the users it offers are accepted by the central administrator (the IT officer's
        next step), so they can sign in and act. Returns the user names accepted."""
        from frontdesk.central import accounts, enrolment

        code = enrolment.create_enrol_code(self.central.db, self.code)
        offered = enrol(ws.store, self.proxy.url, code).users_offered
        for username in offered:
            accounts.accept_offer(self.central.db, self.code, username)
        return offered

    def requests(self) -> list[dict[str, Any]]:
        return self.central.requests(self.code)

    def backup_server_db(self) -> str:
        """Copy the (stopped) server's database; returns a handle for ``restore_server_db``."""
        assert self.central.server is None or self.central.server.proc.poll() is not None
        if self.backend == "sqlite":
            src = Path(self.central.db_url.removeprefix("sqlite:///"))
            dst = self.tmp / f"backup-{time.monotonic_ns()}"
            dst.mkdir()
            for f in src.parent.glob(src.name + "*"):
                shutil.copy2(f, dst / f.name)
            return str(dst)
        name = self.central.db_url.rsplit("/", 1)[1]
        copy = f"{name}_b{len(self.pg_copies)}"
        with _pg_connect() as conn:
            conn.execute(f"CREATE DATABASE {copy} TEMPLATE {name}")
        self.pg_copies.append(copy)
        return copy

    def restore_server_db(self, handle: str) -> None:
        """Put a backup back in place of the (stopped) server's database."""
        assert self.central.server is None or self.central.server.proc.poll() is not None
        if self.backend == "sqlite":
            dst = Path(self.central.db_url.removeprefix("sqlite:///"))
            for f in dst.parent.glob(dst.name + "*"):
                f.unlink()
            for f in Path(handle).iterdir():
                shutil.copy2(f, dst.parent / f.name)
            return
        name = self.central.db_url.rsplit("/", 1)[1]
        with _pg_connect() as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {handle}")

    def restart_server(self) -> None:
        """Start the server again on the same database and point the proxy at its new port."""
        self.central.start()
        self.proxy.target = ("127.0.0.1", self.central.port)


@pytest.fixture(scope="session")
def blank_ws_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """W04 before its first sync: initialised, no users, no catalogue."""
    path = tmp_path_factory.mktemp("blank-ws") / setup.DB_NAME
    store = Store(path)
    setup.init_workstation(store, "TR01", "Njësia Testuese", "W04")
    store.close()
    return path


def copy_as_unit(template: Path, home: Path, unit_code: str) -> None:
    """A copy of a template data directory, moved to another unit code (the templates hold no requests:
    the code is in three tables). Users and their Argon2 hashes come along — hashing is deliberately slow."""
    home.mkdir()
    db = home / setup.DB_NAME
    shutil.copy(template, db)
    con = open_kept(db)
    try:
        with con:
            con.execute("UPDATE units SET code = ?", (unit_code,))
            con.execute("UPDATE workstations SET unit_code = ?", (unit_code,))
            con.execute("UPDATE users SET unit_code = ?", (unit_code,))
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


_UNIT_SEQ = iter(range(1, 10_000))


def _build_unit(central: Central, tmp: Path, template_db: Path, blank: Path, backend: str) -> Unit:
    from frontdesk.central import enrolment

    code = f"TU{next(_UNIT_SEQ):03d}"
    enrolment.add_unit(central.db, code, f"Njësia Testuese {code} (TEST)")  # gets the published catalogue
    ws1, ws2 = Workstation("ws1", tmp / "ws1"), Workstation("ws2", tmp / "ws2")
    copy_as_unit(template_db, ws1.home, code)
    copy_as_unit(blank, ws2.home, code)
    proxy = Proxy(("127.0.0.1", central.port)).start()
    u = Unit(code, central, proxy, ws1, ws2, backend, tmp)
    assert u.enrol(ws1) == ["admin", "clerk1", "clerk2", "super"]  # offered, then accepted centrally
    assert u.enrol(ws2) == []
    ws1.sync()  # pulls the accounts (now central) and the catalogue
    ws2.sync()  # learns the users and the catalogue
    return u


def _close_unit(u: Unit) -> None:
    u.proxy.close()
    u.ws1.close()
    u.ws2.close()


def _start_central(db_url: str, log_dir: Path) -> Central:
    from frontdesk.central import catalog

    central = Central(db_url, log_dir)
    central.start()
    catalog.publish_catalog(central.db, (DATA / "catalog-small.json").read_text(encoding="utf-8"))
    return central


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def shared_central(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Central]:
    """One server per backend for the scenarios that do not stop it; each test has a unit of its own."""
    tmp = tmp_path_factory.mktemp(f"central-{request.param}")
    pg_name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'central.db'}"
    else:
        prefix = request.getfixturevalue("postgres")
        pg_name = "fdsync_" + uuid.uuid4().hex[:12]
        with _pg_connect() as conn:
            conn.execute(f"CREATE DATABASE {pg_name}")
        url = f"{prefix}/{pg_name}"
    central = _start_central(url, tmp)
    try:
        yield central
    finally:
        central.stop()
        if pg_name:
            with _pg_connect() as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")


@pytest.fixture
def unit(shared_central: Central, tmp_path: Path, template_db: Path, blank_ws_template: Path) -> Iterator[Unit]:
    """Two enrolled desks of a new unit on the backend's shared server, behind a proxy of their own."""
    central = shared_central
    seen = central.log_sizes()
    backend = "postgresql" if central.db_url.startswith("postgresql") else "sqlite"
    u = _build_unit(central, tmp_path, template_db, blank_ws_template, backend)
    try:
        yield u
    finally:
        _close_unit(u)
    errors = central.tracebacks(since=seen)
    assert not errors, "\n".join(errors)


@pytest.fixture
def private_unit(db_url: str, tmp_path: Path, template_db: Path, blank_ws_template: Path) -> Iterator[Unit]:
    """The same on a server of its own (a fresh database), for scenarios that kill or restore the server."""
    backend = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    central = _start_central(db_url, tmp_path)
    u = None
    try:
        u = _build_unit(central, tmp_path, template_db, blank_ws_template, backend)
        yield u
    finally:
        if u is not None:
            _close_unit(u)
        central.stop()
        if u is not None and u.pg_copies:
            with _pg_connect() as conn:
                for name in u.pg_copies:
                    conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    errors = central.tracebacks()
    assert not errors, "\n".join(errors)


# ------------------------------------------------------------------------------------------ checks


def converge(u: Unit, *desks: Workstation) -> None:
    """A final sync on each desk (twice round, so each sees the others' last pushes)."""
    desks = desks or (u.ws1, u.ws2)
    for _ in range(2):
        for ws in desks:
            rep = ws.sync_until_complete()
            assert rep.complete
    for ws in desks:
        assert ws.pending() == 0, f"{ws.name} still has pending ops"


def check_unit(u: Unit, label: str, *, fault_runs: int, desks: tuple[Workstation, ...] | None = None,
               expect_rejected: int | None = None) -> dict[str, Any]:  # fmt: skip
    """After a scenario: a final sync on each desk, then every request exists exactly once on the server
    (``frontdesk-central requests --json``), every desk shows the same receipts with the same status and
    assignee (``frontdesk queue --json``), versions and history agree, and rejected ops carry reasons."""
    desks = desks or (u.ws1, u.ws2)
    converge(u, *desks)
    t0 = time.monotonic()
    server_rows = u.requests()
    queues = [ws.queue() for ws in desks]
    statuses = [ws.sync_status() for ws in desks]

    receipts = [r["receipt_no"] for r in server_rows]
    ids = [r["id"] for r in server_rows]
    duplicated = (len(receipts) - len(set(receipts))) + (len(ids) - len(set(ids)))
    assert duplicated == 0, "a request exists twice on the server"
    server = {r["receipt_no"]: (r["id"], r["status"], r["assignee"]) for r in server_rows}
    server_versions = {r["receipt_no"]: r["version"] for r in server_rows}
    lost = 0
    for ws, rows in zip(desks, queues, strict=True):
        local = {r["receipt_no"]: (r["id"], r["status"], r["assignee"]) for r in rows}
        assert len(local) == len(rows), f"{ws.name}: a receipt number twice in the queue"
        missing = set(local) - set(server)
        lost += len(missing)
        assert not missing, f"{ws.name}: requests never reached the server: {sorted(missing)[:5]}"
        assert set(server) == set(local), f"{ws.name}: does not have {sorted(set(server) - set(local))[:5]}"
        diff = {k: (local[k], server[k]) for k in server if local[k] != server[k]}
        assert not diff, f"{ws.name} differs from the server: {list(diff.items())[:3]}"
        assert ws.versions() == server_versions, f"{ws.name}: versions differ (an op applied twice?)"
    server_events = u.central.event_ids(u.code)
    for ws in desks:
        local_events = ws.event_ids()
        extra_allowed = ws.rejected_event_ids()
        for rid, evs in server_events.items():
            assert evs <= local_events.get(rid, set()), f"{ws.name}: lacks history events of {rid}"
            assert local_events.get(rid, set()) - evs <= extra_allowed, f"{ws.name}: events the server lacks"
    rejected = [r for st in statuses for r in st["rejected"]]
    for r in rejected:
        assert r["reason"] and r["message"], f"a rejected op without a reason: {r}"
    for st in statuses:
        assert st["pending"] == 0 and st["last_error"] is None and not st["clone_suspected"], st
    if expect_rejected is not None:
        assert len(rejected) == expect_rejected, rejected
    TOTALS.fault_runs += fault_runs
    TOTALS.requests += len(server_rows)
    TOTALS.rejected += len(rejected)
    line = (
        f"[{label} / {u.backend}] {fault_runs} fault runs, {len(server_rows)} requests on the server, "
        f"{lost} lost, {duplicated} duplicated, {len(rejected)} rejected with reasons "
        f"(checked in {time.monotonic() - t0:.1f} s)"
    )
    TOTALS.lines.append(line)
    print(line)
    return {"server": server_rows, "rejected": rejected}
