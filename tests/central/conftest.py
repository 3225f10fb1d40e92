"""Fixtures of the central server tests: a real ``frontdesk-central serve`` process on a free loopback
port, over a temporary SQLite file or a fresh PostgreSQL database (the local cluster, over TCP), plus
workstation clients ("desks") that enrol and speak the protocol with ``requests``.

PostgreSQL: the session fixture starts the local cluster if it is down and creates a test role; every
test gets a new database, dropped afterwards. When PostgreSQL is not installed the PostgreSQL
parameters FAIL (they are not skipped): run ``.ci/postgres.sh``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from frontdesk import wire as p
from frontdesk.central import accounts, enrolment
from frontdesk.central import catalog as central_catalog
from frontdesk.central.db import Database
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import promised_date
from frontdesk.numbering import format_receipt_no

ROOT = Path(__file__).resolve().parents[2]
CENTRAL = Path(sys.executable).parent / "frontdesk-central"
PG_ROLE = "fd_central_test"
PG_PASSWORD = "fd-central-test-pw"  # a throwaway role of the local test cluster
PG_HOST = "127.0.0.1"
PG_PORT = 5432
NID = "J00101999W"
STARTUP_TIMEOUT = 40.0
BACKENDS = ["sqlite", "postgresql"]
CATALOG = ROOT / "tests" / "data" / "catalog-small.json"
PASSWORD = "fjalekalim-prove"  # the test accounts' password (a throwaway, like the data)
# every unit the desks fixture makes has these accounts on the central system
UNIT_USERS = (("clerk1", "clerk"), ("clerk2", "clerk"), ("clerk3", "clerk"), ("super", "supervisor"),
              ("admin", "admin"))  # fmt: skip


# ------------------------------------------------------------------------------------------ a real browser

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright (no browser download), one per test module."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: apt-get install chromium (./dev test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


# ------------------------------------------------------------------------------------------ hostile desk totals


@dataclass
class HostileTotals:
    """What the hostile desk (test_hostile_desk.py) sent and how the server answered, for the CI log."""

    cases: int = 0
    ops_sent: int = 0  # hostile ops inside pushes
    ops_refused: int = 0  # answered ``rejected`` with the expected reason
    ops_neutralised: int = 0  # accepted only as far as the rules allow (the lie left out, checked in the database)
    wrongly_applied: int = 0  # must stay 0
    admitted: int = 0  # accepted because no rule can tell them from honest ones (documented limits)
    requests_refused: int = 0  # whole hostile requests answered 4xx (oversize, too deep, throttled, ...)
    lines: list[str] = field(default_factory=list)


HOSTILE = HostileTotals()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per hostile-desk case and the totals, at the end of every run that ran one (CI logs too)."""
    if not HOSTILE.lines:
        return
    terminalreporter.write_sep("-", "hostile desk cases")
    for line in HOSTILE.lines:
        terminalreporter.write_line(line)
    terminalreporter.write_line(
        f"hostile desk: {HOSTILE.cases} cases, {HOSTILE.ops_sent} hostile ops sent, {HOSTILE.ops_refused} refused, "
        f"{HOSTILE.ops_neutralised} neutralised, {HOSTILE.wrongly_applied} wrongly applied, "
        f"{HOSTILE.admitted} admitted by design; {HOSTILE.requests_refused} hostile requests refused whole"
    )


# ------------------------------------------------------------------------------------------ command line


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(db_url: str, *args: str, timeout: float = 60) -> CliResult:
    """Run ``frontdesk-central ARGS --db URL`` as a separate process."""
    proc = subprocess.run(
        [str(CENTRAL), *args, "--db", db_url],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


# ------------------------------------------------------------------------------------------ PostgreSQL


def _pg_installed() -> bool:
    return shutil.which("pg_lsclusters") is not None and shutil.which("pg_ctlcluster") is not None


def _as_postgres(sql: str) -> subprocess.CompletedProcess[str]:
    cmd = ["psql", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql]
    if os.geteuid() == 0:
        argv = ["su", "postgres", "-c", " ".join(_shell_quote(a) for a in cmd)]
    else:
        argv = ["sudo", "-n", "-u", "postgres", *cmd]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False, cwd="/")


def _shell_quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\"'\"'") + "'"


def _pg_connect(dbname: str = "postgres") -> Any:
    import psycopg

    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_ROLE, password=PG_PASSWORD, dbname=dbname, autocommit=True
    )


@pytest.fixture(scope="session")
def postgres() -> str:
    """Make sure the local PostgreSQL cluster runs and has the test role; returns the server URL prefix."""
    if not _pg_installed():
        pytest.fail("PostgreSQL is not installed on this machine: run .ci/postgres.sh (as root) first.")
    listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False).stdout
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "online":
            subprocess.run(["pg_ctlcluster", parts[0], parts[1], "start"], capture_output=True, check=False)
    deadline = time.monotonic() + 60
    while True:
        done = _as_postgres("SELECT 1")
        if done.returncode == 0:
            break
        if time.monotonic() > deadline:
            pytest.fail(f"PostgreSQL does not accept connections ({done.stderr.strip()}): run .ci/postgres.sh")
        time.sleep(0.5)
    role = _as_postgres(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
        + PG_ROLE
        + "') THEN CREATE ROLE "
        + PG_ROLE
        + " LOGIN CREATEDB PASSWORD '"
        + PG_PASSWORD
        + "'; END IF; END $$;"
    )
    if role.returncode != 0:
        pytest.fail(f"cannot create the PostgreSQL test role: {role.stderr.strip()}")
    # DROP DATABASE … WITH (FORCE) ends other sessions on it (an autovacuum worker, a lingering pool)
    _as_postgres(f"GRANT pg_signal_backend TO {PG_ROLE}")
    with _pg_connect():
        pass
    return f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty central database: a SQLite file in tmp_path or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
        return
    prefix = request.getfixturevalue("postgres")
    name = "fdc_" + uuid.uuid4().hex[:16]
    with _pg_connect() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{prefix}/{name}"
    finally:
        with _pg_connect() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# ------------------------------------------------------------------------------------------ the server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    db_url: str
    log: Path
    proc: subprocess.Popen[bytes]
    _db: Database | None = None

    @property
    def db(self) -> Database:
        """The same database, opened in the test process (for fast setup through the service layer)."""
        if self._db is None:
            self._db = Database(self.db_url)
        return self._db

    def cli(self, *args: str) -> CliResult:
        return run_cli(self.db_url, *args)

    def health(self) -> dict[str, Any]:
        r = requests.get(self.url + "/health", timeout=10)
        r.raise_for_status()
        return dict(r.json())

    def add_unit(self, code: str, name: str = "Njësia Testuese") -> None:
        enrolment.add_unit(self.db, code, name)

    def add_users(self, unit: str, users: tuple[tuple[str, str], ...] = UNIT_USERS) -> None:
        """The unit's accounts, made on the central system (their authority). Without the first-sign-in
        change, as the tests sign nobody in on the server."""
        for username, role in users:
            accounts.add_user(self.db, unit, username, role, f"{username.title()} Provë (TEST)", PASSWORD,
                              must_change_password=False)  # fmt: skip

    def publish_catalog(self, path: Path = CATALOG) -> None:
        central_catalog.publish_catalog(self.db, path.read_text(encoding="utf-8"), path.name)

    def enrol_code(self, unit: str) -> str:
        return enrolment.create_enrol_code(self.db, unit)


def start_server(db_url: str, log: Path) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    out = log.open("wb")
    proc = subprocess.Popen(
        [str(CENTRAL), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    out.close()
    server = Server(url, db_url, log, proc)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if proc.poll() is not None:
            pytest.fail(f"the server exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url + "/health", timeout=2).status_code == 200:
                return server
        if time.monotonic() > deadline:
            stop_server(server)
            pytest.fail(f"the server did not answer /health within {STARTUP_TIMEOUT}s:\n{log.read_text()}")
        time.sleep(0.1)


def stop_server(server: Server) -> None:
    if server._db is not None:
        server._db.close()
    if server.proc.poll() is None:
        server.proc.terminate()
        try:
            server.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(timeout=15)


@pytest.fixture
def server(db_url: str, tmp_path: Path) -> Iterator[Server]:
    srv = start_server(db_url, tmp_path / "server.log")
    try:
        yield srv
    finally:
        stop_server(srv)
    errors = [line for line in srv.log.read_text(errors="replace").splitlines() if "Traceback" in line]
    assert not errors, srv.log.read_text(errors="replace")


# ------------------------------------------------------------------------------------------ desks


@dataclass
class Desk:
    """One enrolled workstation talking to the server like the client does."""

    server: Server
    unit: str
    code: str
    token: str = ""
    workstation_id: str = ""
    epoch: str = ""
    counter: int = 0
    baseline: int = 0  # the feed's cursor after what the unit's set-up published (catalogue, accounts)
    session: requests.Session = field(default_factory=requests.Session)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)}

    def enrol(self, code: str, receipt_counter: int = 0) -> requests.Response:
        body = p.EnrolRequest(
            code=code, unit_code=self.unit, workstation_code=self.code, receipt_counter=receipt_counter
        )
        r = self.session.post(self.server.url + "/v1/enrol", json=body.model_dump(mode="json"), timeout=30)
        if r.status_code == 200:
            resp = p.EnrolResponse.model_validate(r.json())
            self.token, self.workstation_id, self.epoch = resp.token, resp.workstation_id, resp.epoch
            self.counter = receipt_counter
        return r

    def push_raw(self, ops: list[p.Op] | list[dict[str, Any]], counter: int | None = None, *,
                 gzipped: bool = False, extra: dict[str, str] | None = None) -> requests.Response:  # fmt: skip
        body = {
            "epoch": self.epoch or None, "receipt_counter": self.counter if counter is None else counter,
            "sent_at": utcnow().isoformat(),
            "ops": [o.model_dump(mode="json") if isinstance(o, p.Op) else o for o in ops],
        }  # fmt: skip
        data = json.dumps(body).encode()
        headers = {**self.headers(), "Content-Type": "application/json", **(extra or {})}
        if gzipped:
            data = gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        return self.session.post(self.server.url + "/v1/push", data=data, headers=headers, timeout=60)

    def push(self, ops: list[p.Op] | list[dict[str, Any]], counter: int | None = None) -> list[p.OpResult]:
        r = self.push_raw(ops, counter)
        assert r.status_code == 200, r.text
        resp = p.PushResponse.model_validate(r.json())
        assert len(resp.results) == len(ops)
        assert [x.op_id for x in resp.results] == [o.op_id if isinstance(o, p.Op) else o.get("op_id", "")
                                                    for o in ops]  # fmt: skip
        return list(resp.results)

    def changes_raw(self, after: int = 0, limit: int | None = None) -> requests.Response:
        params: dict[str, int] = {"after": after}
        if limit is not None:
            params["limit"] = limit
        return self.session.get(self.server.url + "/v1/changes", params=params, headers=self.headers(), timeout=60)

    def pull_page(self, after: int | None = None, limit: int | None = None) -> p.ChangesResponse:
        r = self.changes_raw(self.baseline if after is None else after, limit)
        assert r.status_code == 200, r.text
        return p.ChangesResponse.model_validate(r.json())

    def pull_all(self, after: int | None = None, limit: int | None = None) -> tuple[list[p.Change], int]:
        """Pull until ``more`` is false (from the baseline unless told); returns the changes and the cursor."""
        after = self.baseline if after is None else after
        out: list[p.Change] = []
        for _ in range(10_000):
            page = self.pull_page(after, limit)
            assert page.next >= after
            out.extend(page.changes)
            after = page.next
            if not page.more:
                return out, after
        raise AssertionError("pull never ended")

    # ---- op builders (fictitious citizens, well-formed UUIDv7 ids)

    def next_receipt(self) -> str:
        self.counter += 1
        return format_receipt_no(self.unit, self.code, self.counter)

    def event(
        self,
        kind: str,
        *,
        from_status: str | None = None,
        to_status: str | None = None,
        data: dict[str, Any] | None = None,
        actor: str = "clerk1",
        when: dt.datetime | None = None,
    ) -> p.EventPayload:
        return p.EventPayload(
            id=uuid7(),
            kind=kind,  # type: ignore[arg-type]
            from_status=from_status,  # type: ignore[arg-type]
            to_status=to_status,  # type: ignore[arg-type]
            actor=actor,
            workstation=self.code,
            device_time=when or utcnow(),
            data=data or {},
        )

    def intake(self, *, name: str = "Drita Shembulli", unit: str | None = None) -> tuple[p.Op, p.RequestSnapshot]:
        """A well-formed intake of this desk (CERT-FAM of the small catalogue: 1 working day)."""
        now = utcnow()
        snap = p.RequestSnapshot(
            id=uuid7(),
            receipt_no=self.next_receipt(),
            visit_id=uuid7(),
            unit_code=unit or self.unit,
            workstation_code=self.code,
            service_code="CERT-FAM",
            citizen_nid=NID,
            citizen_name=name,
            citizen_phone="+355 69 000 0000",
            documents=["ID"],
            documents_missing=[],
            fee_paid=200,
            priority=False,
            note=None,
            status="received",
            assignee="clerk1",
            created_by="clerk1",
            created_at=now,
            updated_at=now,
            due_date=promised_date(now, 1),
            standard_days=1,
            version=1,
        )
        ev = self.event("intake", to_status="received", when=now)
        op = p.Op(
            op_id=uuid7(),
            kind="request.intake",
            created_at=now,
            request=p.RequestOpPayload(
                event=ev, request_id=snap.id, receipt_no=snap.receipt_no, version=1, request=snap
            ),
        )
        return op, snap

    def op(self, kind: str, snap: p.RequestSnapshot, ev: p.EventPayload, version: int = 2) -> p.Op:
        return p.Op(
            op_id=uuid7(),
            kind=kind,  # type: ignore[arg-type]
            created_at=utcnow(),
            request=p.RequestOpPayload(event=ev, request_id=snap.id, receipt_no=snap.receipt_no, version=version),
        )

    def status_op(self, snap: p.RequestSnapshot, from_status: str, to_status: str, *, actor: str | None = None,
                  **data: Any) -> p.Op:  # fmt: skip
        kind = "deliver" if to_status == "delivered" else "status"
        who = actor or ("super" if to_status == "cancelled" else "clerk1")  # cancelling is a supervisor's
        ev = self.event(kind, from_status=from_status, to_status=to_status, data=data, actor=who)
        return self.op(f"request.{kind}", snap, ev)

    def assign_op(self, snap: p.RequestSnapshot, to: str, base_version: int, actor: str = "super") -> p.Op:
        ev = self.event(
            "assign", data={"from": "clerk1", "to": to, "reason": "ngarkesa", "base_version": base_version}, actor=actor
        )
        return self.op("request.assign", snap, ev, base_version + 1)


@pytest.fixture
def desks(server: Server) -> Iterator[Any]:
    """A factory of enrolled desks: ``desks("TR01", "W01")`` (creates the unit when new)."""
    made: list[Desk] = []
    units: set[str] = set()

    def make(unit: str = "TR01", code: str = "W01", receipt_counter: int = 0) -> Desk:
        if not units:
            server.publish_catalog()
        if unit not in units:
            server.add_unit(unit)
            server.add_users(unit)
            units.add(unit)
        desk = Desk(server, unit, code)
        made.append(desk)
        r = desk.enrol(server.enrol_code(unit), receipt_counter)
        assert r.status_code == 200, r.text
        desk.baseline = desk.pull_all(0)[1]  # the catalogue and the accounts: set-up, not what a test looks at
        return desk

    try:
        yield make
    finally:
        for d in made:
            d.session.close()


def results(rs: list[p.OpResult]) -> list[str]:
    return [r.result for r in rs]
