"""The hostile-server suite (issue 10): a desk treats everything the central system answers as untrusted
input.

A fake central system on loopback (tests/sync/fake_central.py) answers what each case scripts: pages that
break the schema or the rules, changes for another unit, receipt clashes, times in year 9999 and in the far
future, a delivered request moved back, impossible users, broken catalogues, answers that are huge, that
trickle, that are gzip bombs, epochs that flap, an endless ``more``, a cursor that goes back, push answers
that settle nothing, redirects, plain ``http://`` to another host, a CA bundle in the environment. For
each case:

* **nothing is applied that should not be**: every row a sync could touch (requests, their events, users,
  services and their documents, citizens, the outbox, the workstation's counter) is compared before and
  after; only the case's good changes may differ;
* **the reason is recorded**: ``sync-status --json`` lists each change set aside with its reason, or a
  failed cycle leaves ``last_error`` as exactly one line (the command line's one line on stderr);
* **no exception escapes**: a cycle ends complete or in ``SyncFailed`` (``frontdesk sync --once`` exits 0
  or 1 with one line on stderr) — never "unexpected error", no traceback logged;
* **a later honest answer applies**: the fake turns honest and publishes a good change; the next cycle
  completes and the change is in.

One line per case and the totals ("hostile server: …") are printed at the end of the run
(tests/sync/conftest.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk import limits as L
from frontdesk import models as m
from frontdesk import replication, setup, workflow
from frontdesk.clock import utcnow, uuid7
from frontdesk.identity import sample_nid
from frontdesk.numbering import format_receipt_no
from frontdesk.sync.client import CentralClient
from frontdesk.sync.credentials import load_token, store_token
from frontdesk.sync.engine import SyncEngine, SyncFailed, SyncReport

from .conftest import DATA, HOSTILE, Workstation
from .fake_central import MB, Answer, FakeCentral, Seen, chunks_of, gzip_bomb, iso, json_answer, make_pki

pytestmark = pytest.mark.slow

UNIT, WS, OTHER = "TR01", "W03", "W07"  # the template desk, and another desk of its unit
PROXY_VARS = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)
CA_VARS = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")
ELSEWHERE = "192.0.2.10"  # TEST-NET-1: never reached (a proxy trap on loopback stands in for it)
_COUNTER = itertools.count(1)

Key = tuple[str, Any]


# ------------------------------------------------------------------------------------------ changes


def now() -> dt.datetime:
    return utcnow().replace(microsecond=0)


def snap(ws: str = OTHER, counter: int | None = None, **over: Any) -> dict[str, Any]:
    """A request of the unit as the central system publishes it (another desk's, by default)."""
    t = now()
    s = {
        "id": uuid7(),
        "receipt_no": format_receipt_no(UNIT, ws, counter or next(_COUNTER)),
        "visit_id": uuid7(),
        "unit_code": UNIT,
        "workstation_code": ws,
        "service_code": "CERT-FAM",
        "citizen_nid": sample_nid(dt.date(1984, 4, 4), "F", 911),
        "citizen_name": "Qytetare e Sajuar (TEST)",
        "citizen_phone": None,
        "documents": ["ID"],
        "documents_missing": [],
        "fee_paid": 0,
        "priority": False,
        "note": None,
        "status": "received",
        "assignee": "clerk1",
        "created_by": "clerk1",
        "created_at": t.isoformat(),
        "updated_at": t.isoformat(),
        "due_date": (t + dt.timedelta(days=3)).date().isoformat(),
        "standard_days": 1,
        "version": 1,
        "completed_at": None,
        "delivered_at": None,
        "rating": None,
    }
    s.update(over)
    return s


def event(s: dict[str, Any], kind: str = "intake", to_status: str | None = "received", **over: Any) -> dict[str, Any]:
    ev = {
        "id": uuid7(),
        "kind": kind,
        "from_status": None,
        "to_status": to_status,
        "actor": s["created_by"],
        "workstation": s["workstation_code"],
        "device_time": s["created_at"],
        "data": {},
    }
    ev.update(over)
    return ev


def req(s: dict[str, Any], *events: dict[str, Any], intake: bool = True) -> dict[str, Any]:
    """A ``request`` change (its intake event first, unless ``intake=False``)."""
    evs = [event(s), *events] if intake else list(events)
    return {"kind": "request", "request": {"request": s, "events": evs}}


def user(username: str, role: str = "clerk", **over: Any) -> dict[str, Any]:
    u = {
        "username": username,
        "full_name": f"Përdorues {username} (TEST)",
        "role": role,
        "active": True,
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "must_change_password": False,
        "updated_at": iso(),
    }
    u.update(over)
    return {"kind": "user", "user": u}


def catalogue(version: str = "test-2", **fees: int) -> dict[str, Any]:
    doc = json.loads((DATA / "catalog-small.json").read_text(encoding="utf-8"))
    doc["version"] = version
    for svc in doc["services"]:
        if svc["code"] in fees:
            svc["fee"]["amount"] = fees[svc["code"]]
    return doc


def keys_of(change: dict[str, Any]) -> set[Key]:
    """The rows a good change may touch."""
    if change.get("kind") == "request":
        body = change["request"]
        return {("requests", body["request"]["id"])} | {("request_events", e["id"]) for e in body["events"]}
    if change.get("kind") == "user":
        return {("users", change["user"]["username"])}
    raise AssertionError(change)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": value}
    return value


def numbered(changes: list[Any], start: int) -> list[Any]:
    """Seqs from ``start`` for the changes that are objects without one (a bad seq stays as it is)."""
    out = []
    for i, ch in enumerate(changes):
        if isinstance(ch, dict) and "seq" not in ch:
            ch = {"seq": start + i, **ch}
        out.append(ch)
    return out


def page(
    fake: FakeCentral, changes: list[Any], *, nxt: int, more: bool = False, epoch: str | None = None, **over: Any
) -> dict[str, Any]:
    p = {"epoch": epoch or fake.epoch, "server_time": iso(), "changes": changes, "next": nxt, "more": more}
    p.update(over)
    return p


# ------------------------------------------------------------------------------------------ the desk's rows

_TABLES: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (m.Request, ("id",)),
    (m.RequestEvent, ("id",)),
    (m.User, ("username",)),
    (m.Service, ("code",)),
    (m.ServiceDocument, ("service_code", "code")),
    (m.Citizen, ("nid",)),
    (m.OutboxOp, ("op_id",)),
    (m.Workstation, ("code",)),
    (m.Unit, ("code",)),
)


def rows(ws: Workstation) -> dict[Key, tuple[Any, ...]]:
    """Every row a sync could touch, by table and key."""
    out: dict[Key, tuple[Any, ...]] = {}
    with ws.store.read() as s:
        for model, key in _TABLES:
            table = model.__table__
            for row in s.execute(select(table)).mappings():
                k = row[key[0]] if len(key) == 1 else tuple(row[c] for c in key)
                out[(table.name, k)] = tuple(json.dumps(v, sort_keys=True, default=str) for v in row.values())
    return out


def changed(before: dict[Key, Any], after: dict[Key, Any]) -> set[Key]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def aside_rows(ws: Workstation, after_id: int = 0) -> list[m.PullSetAside]:
    with ws.store.read() as s:
        found = s.scalars(select(m.PullSetAside).where(m.PullSetAside.id > after_id).order_by(m.PullSetAside.id))
        return list(found)


def last_aside_id(ws: Workstation) -> int:
    with ws.store.read() as s:
        return int(s.scalar(select(func.max(m.PullSetAside.id))) or 0)


def cursor(ws: Workstation) -> int:
    return int(replication.read_state(ws.store).get("cursor") or 0)


def engine(ws: Workstation, **client: Any) -> SyncEngine:
    """An engine whose client has other limits (a short deadline, say)."""
    return SyncEngine(ws.store, client_factory=lambda url, token, ca: CentralClient(url, token, ca_bundle=ca, **client))


# ------------------------------------------------------------------------------------------ one case


class Case:
    """One hostile case: the desk's rows before; cycles against the hostile fake; the checks; the
    recovery; its line in the totals."""

    def __init__(self, label: str, ws: Workstation, fake: FakeCentral) -> None:
        self.label, self.ws, self.fake = label, ws, fake
        self.served0 = fake.hostile_served
        self.aside0 = last_aside_id(ws)
        self.before = rows(ws)
        self.outcomes: list[SyncReport | SyncFailed] = []
        self.wrong = 0
        self.recovered = False
        self.served: int | None = None  # hostile answers of this case, counted at check()

    # -- cycles

    def cycle(self, eng: SyncEngine | None = None) -> SyncReport | SyncFailed:
        """One cycle: ``frontdesk sync --once --json`` (run in this process: an exception would reach the
        test), or ``eng.sync_once()``. A failure must be one line, equal to the stored ``last_error``."""
        out: SyncReport | SyncFailed
        if eng is None:
            r = self.ws.cli_inproc("sync", "--once", "--json")
            if r.returncode == 0:
                out = SyncReport(**json.loads(r.stdout))
            else:
                assert r.returncode == 1, (r.returncode, r.stderr)
                lines = r.stderr.splitlines()
                assert len(lines) == 1 and lines[0].startswith("frontdesk: "), r.stderr
                out = SyncFailed(lines[0].removeprefix("frontdesk: "))
        else:
            try:
                out = eng.sync_once()
            except SyncFailed as exc:
                out = exc
        if isinstance(out, SyncFailed):
            st = self.ws.sync_status()
            assert st["last_error"] == out.reason, (st["last_error"], out.reason)
            assert out.reason.strip() and "\n" not in out.reason and "\r" not in out.reason
            assert not out.reason.startswith("unexpected error"), out.reason
        else:
            assert out.complete
        self.outcomes.append(out)
        return out

    def fails(self, contains: str, eng: SyncEngine | None = None) -> SyncFailed:
        out = self.cycle(eng)
        assert isinstance(out, SyncFailed), f"the cycle completed: {out}"
        assert contains in out.reason, out.reason
        return out

    def completes(self, eng: SyncEngine | None = None) -> SyncReport:
        out = self.cycle(eng)
        assert isinstance(out, SyncReport), f"the cycle failed: {out}"
        return out

    # -- checks

    def check(self, *, allowed: set[Key] | None = None, aside: dict[Any, str] | None = None) -> list[m.PullSetAside]:
        """Only ``allowed`` rows changed; the changes set aside are ``aside`` (seq: reason), each with its
        reason and message, in ``sync-status --json``."""
        self.served = self.fake.hostile_served - self.served0
        wrong = changed(self.before, rows(self.ws)) - (allowed or set())
        self.wrong = len(wrong)
        HOSTILE.wrongly_applied += len(wrong)
        assert not wrong, f"applied although it should not be: {sorted(wrong, key=str)[:8]}"
        found = aside_rows(self.ws, self.aside0)
        if aside is not None:
            got: dict[Any, str] = {}
            for x in found:
                got[x.seq] = x.reason if x.seq not in got else f"{got[x.seq]},{x.reason}"
            assert got == aside, got
        listed = {(x["seq"], x["reason"]) for x in self.ws.sync_status()["set_aside"]}
        for x in found:
            assert x.reason and x.message, (x.seq, x.reason, x.message)
            assert (x.seq, x.reason) in listed
        return found

    def recover(self, *, expect_requeued: bool = False) -> SyncReport:
        """The fake turns honest and publishes a good change: the next cycle completes and applies it."""
        self.fake.honest()
        good = req(snap())
        seq = max([cursor(self.ws), *[c["seq"] for c in self.fake.feed]]) + 1
        self.fake.publish({"seq": seq, **good})
        rep = self.completes()
        if not expect_requeued:
            assert rep.requeued == 0
        with self.ws.store.read() as s:
            assert s.get(m.Request, good["request"]["request"]["id"]) is not None, "the honest change did not apply"
        st = self.ws.sync_status()
        assert st["last_error"] is None and st["cursor"] >= seq
        self.recovered = True
        return rep

    def done(self, what: str) -> None:
        served = self.served if self.served is not None else self.fake.hostile_served - self.served0
        aside = len(aside_rows(self.ws, self.aside0))
        failed = sum(isinstance(o, SyncFailed) for o in self.outcomes)
        HOSTILE.cases += 1
        HOSTILE.hostile_answers += served
        HOSTILE.set_aside += aside
        HOSTILE.failed_cycles += failed
        HOSTILE.recovered += self.recovered
        line = (
            f"[{self.label}] {served} hostile answer(s) -> {what}; {aside} set aside, {failed} failed cycle(s), "
            f"{self.wrong} wrongly applied{', recovered' if self.recovered else ''}"
        )
        HOSTILE.lines.append(line)
        print(line)


# ------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy and no CA bundle from the machine's environment (the cases set their own)."""
    for var in (*PROXY_VARS, *CA_VARS):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _no_unexpected_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """No case may end in the engine's last guard ("the sync cycle failed unexpectedly", with a traceback)."""
    caplog.set_level(logging.WARNING, logger="frontdesk")
    yield
    bugs = [r for r in caplog.records if r.exc_info and r.name.startswith("frontdesk")]
    assert not bugs, "\n".join(f"{r.name}: {r.getMessage()}" for r in bugs)


@pytest.fixture
def fake() -> Iterator[FakeCentral]:
    with FakeCentral() as f:
        yield f


def point(ws: Workstation, url: str, token: str, *, epoch: str | None = None, ca_bundle: str | None = None) -> None:
    """What enrolment leaves behind: the sync state and the token in the (test) keyring."""
    replication.write_state(
        ws.store, server_url=url, workstation_id=str(uuid.uuid4()), epoch=epoch, cursor="0", ca_bundle=ca_bundle
    )
    store_token(url, UNIT, WS, token)


def unit_users(ws: Workstation) -> list[dict[str, Any]]:
    """The desk's users as the central system publishes them (their Argon2 hashes: they can sign in)."""
    with ws.store.read() as s:
        return [
            user(u.username, u.role, full_name=u.full_name, password_hash=u.password_hash)
            for u in s.scalars(select(m.User).order_by(m.User.username))
        ]


def new_desk(tmp_path: Path, template_db: Path, name: str = "desk") -> Workstation:
    ws = Workstation(name, tmp_path / name)
    ws.home.mkdir()
    shutil.copy(template_db, ws.home / setup.DB_NAME)
    return ws


@pytest.fixture
def desk(tmp_path: Path, template_db: Path, fake: FakeCentral) -> Iterator[Workstation]:
    """The template desk (TR01, W03), enrolled with the fake: a first honest cycle makes its users the
    central system's (so they can act) and leaves its cursor at 4."""
    ws = new_desk(tmp_path, template_db)
    point(ws, fake.url, fake.token, epoch=fake.epoch)
    fake.publish(*unit_users(ws))
    assert ws.sync().complete
    assert cursor(ws) == 4
    yield ws
    ws.close()


def intakes(ws: Workstation, n: int) -> list[str]:
    return ws.intake(n)


def settle_honestly(ws: Workstation, fake: FakeCentral) -> None:
    fake.honest()
    assert ws.sync().complete and ws.pending() == 0


def local_request(ws: Workstation, receipt_no: str) -> dict[str, Any]:
    """A local request as the central system would publish it."""
    from frontdesk import wire_rows

    with ws.store.read() as s:
        r = s.scalars(select(m.Request).where(m.Request.receipt_no == receipt_no)).one()
        users = {u.id: u.username for u in s.scalars(select(m.User))}
        return dict(wire_rows.request_snapshot(r, users).model_dump(mode="json"))


# ------------------------------------------------------------------------------------------ pages that break the rules


def _serve_page(fake: FakeCentral, ws: Workstation, changes: list[Any]) -> list[Any]:
    start = cursor(ws) + 1
    body = numbered(changes, start)
    seqs = [c["seq"] for c in body if isinstance(c, dict) and isinstance(c.get("seq"), int) and c["seq"] <= L.MAX_SEQ]
    fake.script("/v1/changes", json_answer(page(fake, body, nxt=max([start + len(body) - 1, *seqs]))))
    return body


def _run_page(
    label: str,
    ws: Workstation,
    fake: FakeCentral,
    bad: list[Any],
    expect: Callable[[list[Any]], dict[Any, str]],
    what: str,
) -> Case:
    """A page of bad changes with one good change at its end: the good one applies, each bad one is set
    aside with its reason, the cursor moves past all of them, and the desk recovers."""
    good = req(snap())
    case = Case(label, ws, fake)
    body = _serve_page(fake, ws, [*bad, good])
    rep = case.completes()
    assert rep.pulled == 1 and rep.set_aside == len(bad), rep
    assert cursor(ws) >= body[-1]["seq"]
    case.check(allowed=keys_of(good), aside=expect(body[:-1]))
    case.recover()
    case.done(what)
    return case


def test_a_schema_breaking_page(desk: Workstation, fake: FakeCentral) -> None:
    """Changes that are not objects, lack fields, have the wrong types, an unknown kind, extra fields,
    control characters or a lone surrogate, an oversize note, event data nested too deep, a user nested
    800 levels deep: each set aside as ``invalid``; the good change of the same page applies."""
    s = snap()
    no_receipt = {k: v for k, v in snap().items() if k != "receipt_no"}
    bad: list[Any] = [
        "not even an object",
        42,
        None,
        [1, 2, 3],
        {"kind": "request"},  # a request change without its request
        req(no_receipt),
        req(snap(version="two")),
        req(snap(fee_paid=-5)),
        {"seq": "x", **req(snap())},
        {"seq": 0, **req(snap())},
        {"seq": 2**63, **req(snap())},
        {"kind": "sql", "sql": "DROP TABLE requests"},
        {**req(snap()), "admin": True},
        req(snap(citizen_name="Emër\x00 (TEST)")),
        req(snap(citizen_name="Emër \ud800 (TEST)")),  # a lone surrogate: valid JSON, not storable UTF-8
        req(snap(note="x" * (1024 * 1024))),
        req(s, event(s, "note", None, data={"text": {"a": {"b": {"c": 1}}}})),
        {"kind": "user", "user": nested(800)},
    ]

    def expect(body: list[Any]) -> dict[Any, str]:
        out: dict[Any, str] = {}
        for ch in body:
            seq = ch.get("seq") if isinstance(ch, dict) else 0
            seq = seq if isinstance(seq, int) and 0 <= seq < 2**62 else 0
            out[seq] = "invalid" if seq not in out else out[seq] + ",invalid"
        return out

    case = _run_page("schema-breaking page", desk, fake, bad, expect, "each bad change set aside as invalid")
    stored = [x.payload or "" for x in aside_rows(desk, case.aside0)]
    assert any("\\ud800" in p for p in stored)  # kept as its escape


def test_changes_for_another_unit_and_receipt_clashes(desk: Workstation, fake: FakeCentral) -> None:
    """Another unit's request; a receipt number of another unit in this unit's request; this desk's own
    prefix beyond its counter; a number this desk holds for another request (its own, and one it pulled);
    a wrong check character; a number not in its canonical form."""
    (mine,) = intakes(desk, 1)
    theirs = snap()
    fake.publish(req(theirs))
    settle_honestly(desk, fake)
    own = format_receipt_no(UNIT, WS, 1)
    assert mine == own
    wrong_check = format_receipt_no(UNIT, OTHER, 77)
    wrong_check = wrong_check[:-1] + ("A" if wrong_check[-1] != "A" else "B")
    bad = [
        req(snap(unit_code="TR02", receipt_no=format_receipt_no("TR02", OTHER, 5))),
        req(snap(receipt_no=format_receipt_no("TR02", OTHER, 6))),
        req(snap(WS, 6)),  # this desk has issued one number; the feed brings its sixth
        req(snap(WS, 1)),  # this desk's own number, another request id
        req(snap(receipt_no=theirs["receipt_no"])),  # a number it pulled, another request id
        req(snap(receipt_no=wrong_check)),
        req(snap(receipt_no=format_receipt_no(UNIT, OTHER, 78).lower())),
    ]
    reasons = [
        "wrong_unit",
        "bad_receipt",
        "bad_receipt",
        "duplicate_receipt",
        "duplicate_receipt",
        "bad_receipt",
        "invalid",
    ]
    _run_page(
        "another unit, receipt clashes",
        desk,
        fake,
        bad,
        lambda body: {ch["seq"]: r for ch, r in zip(body, reasons, strict=True)},
        "set aside: wrong_unit, bad_receipt x3, duplicate_receipt x2, invalid",
    )
    with desk.store.read() as s:
        assert s.scalar(select(m.Workstation.receipt_counter).where(m.Workstation.is_local)) == 1


def test_times_in_year_9999_and_in_the_future(desk: Workstation, fake: FakeCentral) -> None:
    """Year 9999 anywhere (the wire refuses it: no date arithmetic can overflow), a time that becomes year
    2101 in UTC, times in the far or near future, before 2020, a request updated before it was received,
    a promised date in 2099."""
    t = now()
    s = snap()
    later = (t + dt.timedelta(days=3)).isoformat()
    bad = [
        req(snap(created_at="9999-12-31T23:59:59", updated_at="9999-12-31T23:59:59")),
        req(snap(updated_at="9999-12-31T00:00:00")),
        req(snap(due_date="9999-12-31")),
        req(snap(delivered_at="9999-01-01T00:00:00")),
        req(snap(created_at="2100-12-31T23:00:00-14:00", updated_at="2100-12-31T23:00:00-14:00")),
        req(s, event(s, "note", None, device_time="9999-12-31T00:00:00", data={"text": "u njoftua (TEST)"})),
        req(snap(created_at="2090-01-01T00:00:00", updated_at="2090-01-01T00:00:00", due_date="2090-01-05")),
        req(snap(created_at=later, updated_at=later, due_date=(t + dt.timedelta(days=6)).date().isoformat())),
        req(snap(created_at="2019-06-01T00:00:00", updated_at="2019-06-01T00:00:00", due_date="2019-06-05")),
        req(snap(updated_at=(t - dt.timedelta(hours=1)).isoformat())),
        req(snap(due_date="2099-01-01")),
        req(s, event(s, "note", None, device_time="2090-01-01T00:00:00", data={"text": "u njoftua (TEST)"})),
        user("clerk1", updated_at="9999-12-31T00:00:00"),
        user("clerk1", updated_at="2090-01-01T00:00:00"),
        {"kind": "service", "service": {"code": "LOC-X", "service": {}, "updated_at": "2090-01-01T00:00:00"}},
    ]
    reasons = ["invalid"] * 6 + ["bad_time"] * 4 + ["invalid", "bad_time", "invalid", "bad_time", "bad_time"]
    _run_page(
        "year 9999, far future",
        desk,
        fake,
        bad,
        lambda body: {ch["seq"]: r for ch, r in zip(body, reasons, strict=True)},
        "set aside: invalid (outside 2000-2100) or bad_time (outside 2020 .. now + 2 days)",
    )


def test_a_delivered_request_is_never_moved_back(desk: Workstation, fake: FakeCentral) -> None:
    """The desk delivered a request (confirmed by the server); the feed moves it back to received, or on
    to in_progress with a higher version, and brings history events that leave a final status or do not
    fit their kind."""
    (no,) = intakes(desk, 1)
    actor = desk.actor("clerk1")
    workflow.advance(desk.store, actor, no, "ready")
    workflow.deliver(desk.store, actor, no, rating=5)
    settle_honestly(desk, fake)
    mine = local_request(desk, no)
    assert mine["status"] == "delivered"
    s = snap()
    bad = [
        req(
            {**mine, "status": "received", "version": mine["version"] + 1, "delivered_at": None, "rating": None},
            intake=False,
        ),
        req({**mine, "status": "in_progress", "version": mine["version"] + 5, "delivered_at": None}, intake=False),
        req(s, event(s, "status", "received", from_status="delivered")),
        req(s, event(s, "status", "delivered", from_status="ready")),  # a delivery is a deliver event
        req(s, event(s, "intake", "ready"), intake=False),
    ]
    reasons = ["invalid_transition", "invalid_transition", "invalid_transition", "invalid", "invalid"]
    _run_page(
        "delivered moved back",
        desk,
        fake,
        bad,
        lambda body: {ch["seq"]: r for ch, r in zip(body, reasons, strict=True)},
        "set aside: invalid_transition x3, invalid x2; the request stays delivered",
    )
    assert local_request(desk, no)["status"] == "delivered"


def test_users_with_impossible_roles_or_hashes(desk: Workstation, fake: FakeCentral) -> None:
    """Accounts are the central system's, but only well-formed ones: a role that does not exist, a hash
    that is not Argon2 (plain text, empty, the disabled marker), a name that is not a user name, a
    10,000-character or control-character full name, a flag that is not a flag, an unknown field, no
    account at all. The existing accounts stay as they were."""
    bad = [
        user("admin", "root"),
        user("clerk1", "admin", password_hash="sekret-i-gjate"),
        user("clerk2", password_hash="!"),
        user("super", "supervisor", password_hash=""),
        user("Admin Root", "admin"),
        user("clerk1", full_name="x" * 10_000),
        user("clerk1", full_name="Klerk \x1b[2J (TEST)"),
        user("clerk1", active="maybe"),
        {"kind": "user", "user": {**user("clerk1")["user"], "unit_code": "TR02"}},
        {"kind": "user"},
    ]
    with desk.store.read() as s:
        roles = dict(s.execute(select(m.User.username, m.User.role)).all())
    _run_page(
        "impossible users",
        desk,
        fake,
        bad,
        lambda body: {ch["seq"]: "invalid" for ch in body},
        "each account change set aside as invalid; roles and hashes unchanged",
    )
    with desk.store.read() as s:
        assert dict(s.execute(select(m.User.username, m.User.role)).all()) == roles


def test_broken_catalogues(desk: Workstation, fake: FakeCentral) -> None:
    """A catalogue change without a catalogue, in another format, with services that are not a list, with
    a negative or absurd fee, an absurd standard time, a code twice, a control character in a name, a
    version too long, nested 800 deep; a unit service that breaks the catalogue rules. Then a unit service
    change that would overwrite a central service: left out (the central catalogue decides its services).
    The catalogue stays as it was; a good catalogue applies afterwards."""
    good = catalogue()

    def variant(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        doc = copy.deepcopy(good)
        change(doc)
        return {"kind": "catalog", "catalog": {"version": doc.get("version", "x"), "catalog": doc}}

    def svc(i: int, **over: Any) -> Callable[[dict[str, Any]], None]:
        return lambda doc: doc["services"][i].update(over)

    bad = [
        {"kind": "catalog"},
        variant(lambda doc: doc.update(format="frontdesk-catalog/99")),
        variant(lambda doc: doc.update(services="CERT-FAM")),
        variant(svc(0, fee={"amount": -1, "currency": "ALL"})),
        variant(svc(0, fee={"amount": 10**20, "currency": "ALL"})),
        variant(svc(1, standard_days=100_000)),
        variant(lambda doc: doc["services"].append(copy.deepcopy(doc["services"][0]))),
        variant(svc(2, name={"sq": "Emër\x07 (TEST)", "en": "Name (TEST)"})),
        {"kind": "catalog", "catalog": {"version": "v" * 100, "catalog": good}},
        {"kind": "catalog", "catalog": {"version": "deep", "catalog": nested(800)}},
        {"kind": "catalog", "catalog": {"version": "list", "catalog": [good]}},
        {"kind": "service", "service": {"code": "LOC-BAD", "service": {"code": "LOC-BAD"}, "updated_at": iso()}},
    ]
    case = _run_page(
        "broken catalogues",
        desk,
        fake,
        bad,
        lambda body: {ch["seq"]: "invalid" for ch in body},
        "each set aside as invalid; services and documents unchanged",
    )
    # A unit service over a central one: left out, not applied.
    central = copy.deepcopy(good["services"][0])
    central.update(fee={"amount": 999_999, "currency": "ALL"}, origin="local")
    over = {"kind": "service", "service": {"code": "CERT-FAM", "service": central, "updated_at": iso()}}
    case2 = Case("unit service over a central one", desk, fake)
    _serve_page(fake, desk, [over])
    case2.completes()
    case2.check(aside={})
    case2.recover()
    case2.done("left out (the central catalogue decides its services)")
    # The honest catalogue applies.
    fake.publish(
        {
            "seq": cursor(desk) + 1,
            "kind": "catalog",
            "catalog": {"version": "test-2", "catalog": catalogue(**{"PERMIT-OCC": 1600})},
        }
    )
    assert desk.sync().complete
    with desk.store.read() as s:
        assert s.scalar(select(m.Service.fee_amount).where(m.Service.code == "PERMIT-OCC")) == 1600
    assert case.recovered


# ------------------------------------------------------------------------------------------ answers that are not a page


def _json(value: Any, status: int = 200) -> Callable[[FakeCentral], Answer]:
    return lambda fake: json_answer(value(fake) if callable(value) else value, status)


def _bytes(body: bytes, status: int = 200, **kw: Any) -> Callable[[FakeCentral], Answer]:
    return lambda fake: Answer(status=status, body=body, **kw)


def _page_bytes(fake: FakeCentral, changes: bytes, nxt: bytes = b"9") -> bytes:
    return b'{"epoch":"%s","server_time":"%s","next":%s,"more":false,"changes":%s}' % (
        fake.epoch.encode(),
        iso().encode(),
        nxt,
        changes,
    )


NOT_A_PAGE: list[tuple[str, Callable[[FakeCentral], Answer], str]] = [
    (
        "an HTML page",
        _bytes(b"<html><body>Mir\xc3\xab se erdh\xc3\xabt</body></html>", headers={"Content-Type": "text/html"}),
        "the answer was not JSON",
    ),
    ("a JSON list", _json([]), "does not follow the protocol (ChangesEnvelope)"),
    ("no epoch", _json(lambda f: {k: v for k, v in page(f, [], nxt=9).items() if k != "epoch"}), "does not follow"),
    (
        "server time in year 9999",
        _json(lambda f: page(f, [], nxt=9, server_time="9999-12-31T23:59:59")),
        "does not follow",
    ),
    ("a negative cursor", _json(lambda f: page(f, [], nxt=-1)), "does not follow"),
    ("a cursor beyond 2^62", _json(lambda f: page(f, [], nxt=2**63)), "does not follow"),
    ("changes that are not a list", _json(lambda f: page(f, {"1": {}}, nxt=9)), "does not follow"),
    ("10,001 changes", _json(lambda f: page(f, [{}] * 10_001, nxt=9)), "does not follow"),
    ("a 5,000-digit number", lambda f: Answer(body=_page_bytes(f, b"[]", b"9" * 5000)), "was not JSON"),
    ("NaN for the cursor", lambda f: Answer(body=_page_bytes(f, b"[]", b"NaN")), "does not follow"),
    ("invalid UTF-8", lambda f: Answer(body=_page_bytes(f, b'["\xff\xfe"]')), "was not JSON"),
    ("nested 100,000 deep", lambda f: Answer(body=_page_bytes(f, b"[" * 100_000 + b"]" * 100_000)), "was not JSON"),
    ("500 with an HTML page", _bytes(b"<h1>Internal Server Error</h1>", 500), "central server unreachable"),
    ("503 and nothing", _bytes(b"", 503), "central server unreachable"),
    ("status 999", _bytes(b"{}", 999), "central server unreachable"),
    (
        "404 not_found",
        _json({"error": "not_found", "message": "no such route"}, 404),
        "central server error: no such route",
    ),
    ("401 unauthorised", _json({"error": "unauthorised", "message": "who are you?"}, 401), "refused this workstation"),
    (
        "an error of new lines, terminal escapes and a lone surrogate",
        _json({"error": "bad_request", "message": "rreshti 1\nrreshti 2\r\n\x1b[2J\x1b[31mkuq \ud800 (TEST)"}, 400),
        "central server error: rreshti 1 rreshti 2",
    ),
    (
        "an error code of 10,000 characters",
        _json({"error": "x" * 10_000, "message": "y" * 10_000}, 409),
        "central server error: yyy",
    ),
    ("not HTTP at all", lambda f: Answer(raw=b"SSH-2.0-OpenSSH_9.2p1 Debian\r\n"), "central server unreachable"),
    ("a Content-Length longer than the body", _bytes(b"{}", length=1000), "central server unreachable"),
    (
        "an answer cut halfway",
        lambda f: Answer(body=json.dumps(page(f, [req(snap())], nxt=9)).encode(), cut_after=200),
        "central server unreachable",
    ),
    (
        "broken chunked framing",
        lambda f: Answer(raw=b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n"),
        "central server unreachable",
    ),
    ("Content-Encoding br", _bytes(b"{}", headers={"Content-Encoding": "br"}), "unknown content encoding"),
    ("gzip that is not gzip", _bytes(b"{not gzip}", headers={"Content-Encoding": "gzip"}), "not valid gzip"),
    (
        "150 header lines",
        lambda f: Answer(raw=b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: a\r\n" % i for i in range(150)) + b"\r\n{}"),
        "central server unreachable",
    ),
    (
        "a 70 kB header line",
        lambda f: Answer(raw=b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n{}"),
        "central server unreachable",
    ),
]


@pytest.mark.parametrize(("label", "answer", "reason"), NOT_A_PAGE, ids=[c[0] for c in NOT_A_PAGE])
def test_an_answer_that_is_not_a_page(
    desk: Workstation, fake: FakeCentral, label: str, answer: Callable[[FakeCentral], Answer], reason: str
) -> None:
    """The whole answer is refused: the cycle fails with one line, the cursor stays, nothing is applied."""
    case = Case(f"not a page: {label}", desk, fake)
    fake.handle("/v1/changes", answer(fake))
    before = cursor(desk)
    failed = case.fails(reason)
    assert "\x1b" not in failed.reason and len(failed.reason) <= 300
    assert cursor(desk) == before
    case.check(aside={})
    case.recover()
    case.done(f"failed: {failed.reason}")


# ------------------------------------------------------------------------------------------ huge, trickling, bombs

HUGE = 512 * MB


def huge_page(fake: FakeCentral, total: int = HUGE) -> Iterator[bytes]:
    """A page of ``total`` bytes, made on the fly: valid changes, one after another, without end."""
    prefix = b'{"epoch":"%s","server_time":"%s","next":9,"more":false,"changes":[' % (
        fake.epoch.encode(),
        iso().encode(),
    )
    return chunks_of(total, json.dumps({"seq": 5, **req(snap())}).encode() + b",", prefix=prefix)


HUGE_ANSWERS: list[tuple[str, Callable[[FakeCentral], Answer]]] = [
    ("512 MB page with its Content-Length", lambda f: Answer(body=huge_page(f), length=HUGE)),
    ("512 MB page, chunked", lambda f: Answer(body=huge_page(f))),
    ("512 MB page until the connection closes", lambda f: Answer(body=huge_page(f), length=None)),
    ("gzip bomb: 1 GB in 1 MB", lambda f: Answer(body=gzip_bomb(1024 * MB), headers={"Content-Encoding": "gzip"})),
    (
        "gzip bomb in a 404 error",
        lambda f: Answer(status=404, body=gzip_bomb(1024 * MB, b"{"), headers={"Content-Encoding": "gzip"}),
    ),
]


@pytest.mark.parametrize(("label", "answer"), HUGE_ANSWERS, ids=[c[0] for c in HUGE_ANSWERS])
def test_a_huge_answer_stops_at_the_cap(
    desk: Workstation, fake: FakeCentral, label: str, answer: Callable[[FakeCentral], Answer]
) -> None:
    """The client reads at most ``MAX_ANSWER_BYTES`` (after decompression) and hangs up."""
    case = Case(f"huge: {label}", desk, fake)
    fake.handle("/v1/changes", answer(fake))
    t0 = time.monotonic()
    failed = case.fails(f"the answer is larger than {L.MAX_ANSWER_BYTES // MB} MB")
    took = time.monotonic() - t0
    assert took < 20, took
    case.check(aside={})
    case.recover()
    case.done(f"{failed.reason} after {took:.1f} s")


def test_a_huge_push_answer_stops_at_the_cap(desk: Workstation, fake: FakeCentral) -> None:
    intakes(desk, 2)
    case = Case("huge: 512 MB push answer", desk, fake)
    fake.handle("/v1/push", Answer(body=chunks_of(HUGE, b"[", prefix=b'{"results":'), length=HUGE))
    failed = case.fails("larger than")
    assert desk.pending() == 2
    case.check()
    case.recover()
    assert desk.pending() == 0
    case.done(failed.reason)


def _silent_listener() -> Any:
    """A TCP port that accepts connections (the kernel does) and never says a word: a TLS handshake to it
    never completes."""
    import socket

    return socket.create_server(("127.0.0.1", 0), backlog=8)


TRICKLES: list[tuple[str, str, Callable[[FakeCentral], Answer] | None]] = [
    (
        "a page's body, a byte every 50 ms",
        "/v1/changes",
        lambda f: Answer(body=json.dumps(page(f, [req(snap())], nxt=9)).encode(), trickle="body", pace=0.05),
    ),
    (
        "its headers, a byte every 50 ms",
        "/v1/changes",
        lambda f: Answer(
            raw=b"HTTP/1.1 200 OK\r\nX-Mbushje: " + b"a" * 60_000 + b"\r\n\r\n{}", trickle="all", pace=0.05
        ),
    ),
    (
        "silence after the status line",
        "/v1/changes",
        lambda f: Answer(raw=b"HTTP/1.1 200 OK\r\n", trickle="all", pace=30),
    ),
    (
        "a push answer, a byte every 50 ms",
        "/v1/push",
        lambda f: Answer(body=b'{"results":[' + b" " * 10_000 + b"]}", trickle="body", pace=0.05),
    ),
    ("a TLS handshake that never completes", "tls", None),
]


@pytest.mark.parametrize(("label", "path", "answer"), TRICKLES, ids=[c[0] for c in TRICKLES])
def test_a_trickling_answer_is_cut_off_by_the_deadline(
    desk: Workstation, fake: FakeCentral, label: str, path: str, answer: Callable[[FakeCentral], Answer] | None
) -> None:
    """A short deadline (1.5 s) and the default read timeout (60 s, restarted by every byte): the deadline
    cuts the answer off, whichever part of it trickles."""
    deadline = 1.5
    if path == "/v1/push":
        intakes(desk, 1)
    case = Case(f"trickle: {label}", desk, fake)
    listener = None
    if answer is not None:
        fake.handle(path, answer(fake))
        eng = engine(desk, deadline=deadline)
    else:
        listener = _silent_listener()
        port = listener.getsockname()[1]
        eng = SyncEngine(
            desk.store,
            client_factory=lambda url, token, ca: CentralClient(f"https://127.0.0.1:{port}", token, deadline=deadline),
        )
    try:
        t0 = time.monotonic()
        failed = case.fails(f"the answer took longer than {deadline:g} s", eng)
        took = time.monotonic() - t0
    finally:
        if listener is not None:
            listener.close()
        if eng._client is not None:
            eng._client.close()
    assert deadline <= took < deadline + 3, took
    case.check()
    case.recover()
    case.done(f"{failed.reason} (after {took:.1f} s)")


# ------------------------------------------------------------------------------------------ bounded loops


def test_epoch_flapping(desk: Workstation, fake: FakeCentral) -> None:
    """A new epoch on every answer: each cycle requeues the desk's requests at most once, ends with one
    line, and the outbox does not grow from cycle to cycle."""
    intakes(desk, 3)
    settle_honestly(desk, fake)
    calls: list[str] = []

    def flap(seen: Seen) -> Answer:
        fake.epoch = str(uuid.uuid4())
        calls.append(seen.path)
        return json_answer(
            fake.page(int(seen.query.get("after", 0)), 500)
            if seen.path == "/v1/changes"
            else fake.push_answer(seen.body)
        )

    fake.handle("/v1/changes", flap)
    fake.handle("/v1/push", flap)
    case = Case("epoch flapping", desk, fake)
    pending = []
    for _ in range(3):
        calls.clear()
        case.fails("epoch changed again")
        assert len(calls) <= 3, calls  # a page, a push of the requeued requests, and no more
        pending.append(desk.pending())
    assert pending == [3, 3, 3], pending  # one request.sync per request, whatever the number of cycles
    r = desk.cli("sync", "--once")  # the real command line: its log (a warning per requeue) goes to stderr too
    *logged, last = r.stderr.splitlines()
    assert r.returncode == 1 and last == f"frontdesk: {desk.sync_status()['last_error']}", r.stderr
    assert "Traceback" not in r.stderr and all(x.startswith("WARNING ") for x in logged), r.stderr
    case.outcomes.append(SyncFailed(last))
    assert desk.pending() == 3
    with desk.store.read() as s:
        kinds = s.scalars(select(m.OutboxOp.kind).where(m.OutboxOp.state == "pending")).all()
        assert sorted(kinds) == ["request.sync"] * 3
    outbox = {k for k in changed(case.before, rows(desk)) if k[0] == "outbox"}
    case.check(allowed=outbox)  # only the requeued ops
    rep = case.recover(expect_requeued=True)
    assert rep.requeued == 3 and desk.pending() == 0
    case.done("each cycle: at most one requeue, then 'epoch changed again'; the outbox stays at 3 ops")


def test_endless_more(desk: Workstation, fake: FakeCentral, monkeypatch: pytest.MonkeyPatch) -> None:
    """``more`` on every page, the cursor moving by one: the cycle stops after ``MAX_PAGES_PER_CYCLE`` pages
    (400 in production, 50 here: the same loop, a shorter suite); ``more`` with nothing and no progress:
    the cycle stops at once."""
    monkeypatch.setattr(L, "MAX_PAGES_PER_CYCLE", 50)
    pages = 0

    def more(seen: Seen) -> Answer:
        nonlocal pages
        pages += 1
        after = int(seen.query["after"])
        return json_answer(page(fake, [], nxt=after + 1, more=True))

    fake.handle("/v1/changes", more)
    case = Case("endless more", desk, fake)
    t0 = time.monotonic()
    case.fails("more changes are waiting")
    assert pages == L.MAX_PAGES_PER_CYCLE
    took = time.monotonic() - t0
    fake.handle("/v1/changes", lambda seen: json_answer(page(fake, [], nxt=int(seen.query["after"]), more=True)))
    case.fails("says there is more but sends nothing")
    case.check()
    case.recover()
    case.done(f"stopped after {pages} pages ({took:.1f} s); 'more' with nothing stopped at once")


def test_a_cursor_that_goes_backwards(desk: Workstation, fake: FakeCentral) -> None:
    """A page whose cursor is behind the desk's: refused whole, its changes not applied."""
    replication.write_state(desk.store, cursor="50")
    fake.feed.append({"seq": 50, **user("klerk-ri")})  # so the honest feed continues from 50
    bad = req(snap())
    fake.handle("/v1/changes", json_answer(page(fake, [{"seq": 51, **bad}], nxt=10)))
    case = Case("cursor backwards", desk, fake)
    case.fails("cursor went backwards")
    assert cursor(desk) == 50
    case.check(aside={})
    case.recover()
    case.done("refused the page; the cursor stayed at 50")


# ------------------------------------------------------------------------------------------ push answers

PUSH_ANSWERS: list[tuple[str, Callable[[FakeCentral, Seen], Answer], str]] = [
    (
        "none of the ops",
        lambda f, s: json_answer({"epoch": f.epoch, "server_time": iso(), "results": []}),
        "answered none of the ops",
    ),
    (
        "only unknown op ids",
        lambda f, s: json_answer(
            {
                "epoch": f.epoch,
                "server_time": iso(),
                "results": [{"op_id": str(uuid.uuid4()), "result": "applied"} for _ in s.body["ops"]],
            }
        ),
        "answered none of the ops",
    ),
    ("not JSON", lambda f, s: Answer(body=b"OK"), "was not JSON"),
    (
        "an outcome that does not exist",
        lambda f, s: json_answer(
            {
                "epoch": f.epoch,
                "server_time": iso(),
                "results": [{"op_id": o["op_id"], "result": "maybe"} for o in s.body["ops"]],
            }
        ),
        "does not follow the protocol (PushResponse)",
    ),
    (
        "a 10,000-character message",
        lambda f, s: json_answer(
            {
                "epoch": f.epoch,
                "server_time": iso(),
                "results": [
                    {"op_id": o["op_id"], "result": "rejected", "reason": "invalid", "message": "x" * 10_000}
                    for o in s.body["ops"]
                ],
            }
        ),
        "does not follow the protocol (PushResponse)",
    ),
    (
        "an epoch that is not one",
        lambda f, s: json_answer({**f.push_answer(s.body), "epoch": "'; DROP TABLE--"}),
        "does not follow the protocol (PushResponse)",
    ),
    (
        "server time in year 9999",
        lambda f, s: json_answer({**f.push_answer(s.body), "server_time": "9999-12-31T00:00:00"}),
        "does not follow the protocol (PushResponse)",
    ),
]


@pytest.mark.parametrize(("label", "answer", "reason"), PUSH_ANSWERS, ids=[c[0] for c in PUSH_ANSWERS])
def test_a_push_answer_that_settles_nothing(
    desk: Workstation, fake: FakeCentral, label: str, answer: Callable[[FakeCentral, Seen], Answer], reason: str
) -> None:
    """An op leaves the outbox only when the server answered *that op*: these answers settle nothing."""
    intakes(desk, 2)
    case = Case(f"push answer: {label}", desk, fake)
    fake.handle("/v1/push", lambda seen: answer(fake, seen))
    failed = case.fails(reason)
    assert desk.pending() == 2
    case.check()  # the outbox untouched
    case.recover()
    assert desk.pending() == 0
    case.done(f"failed: {failed.reason}; both ops still pending")


# ------------------------------------------------------------------------------------------ where the token goes


@pytest.mark.parametrize("path", ["/v1/changes", "/v1/push"])
def test_a_redirect_to_another_host_is_not_followed(desk: Workstation, fake: FakeCentral, path: str) -> None:
    with FakeCentral() as elsewhere:
        if path == "/v1/push":
            intakes(desk, 1)
        case = Case(f"redirect of {path} to another host", desk, fake)
        status = 307 if path == "/v1/push" else 302
        fake.handle(path, Answer(status=status, headers={"Location": elsewhere.url + path}, reason="Moved"))
        failed = case.fails("answered with a redirect")
        assert elsewhere.connections == 0 and not elsewhere.tokens
        case.check()
        case.recover()
        case.done(f"{status}: not followed ({failed.reason}); the other host saw no connection")


INSECURE = [
    f"http://{ELSEWHERE}:8080",
    "http://[2001:db8::1]:8080",
    "HTTP://192.0.2.10/",
    "http://127.0.0.1.nip.io:8080",
    "http://localhost.example:8080",
    "http://0.0.0.0:8080",
    "http://2130706433:8080",
    "ftp://127.0.0.1/",
    "http://kujdes:fjalekalim@127.0.0.1:8080",
]


@pytest.mark.parametrize("url", INSECURE)
def test_plain_http_to_another_host_is_refused_before_anything_is_sent(
    desk: Workstation, fake: FakeCentral, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """The desk's address is plain ``http://`` to a host that is not this machine (or carries a password):
    the cycle is refused before any connection. A proxy trap on loopback (HTTP_PROXY and HTTPS_PROXY point
    to it) would see any request to another host — it sees none, and no token."""
    with FakeCentral() as trap:
        for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
            monkeypatch.setenv(var, trap.url)
        case = Case(f"address {url}", desk, fake)
        seen = fake.connections
        real = replication.read_state(desk.store)["server_url"]
        replication.write_state(desk.store, server_url=url)
        store_token(url, UNIT, WS, fake.token)
        failed = case.fails("")
        assert any(w in failed.reason for w in ("plain http", "user name or password", "not a web address")), failed
        enrolled = desk.cli_inproc("enrol", "--server", url, "--code", "ABCD-1234")
        assert enrolled.returncode == 3 and len(enrolled.stderr.splitlines()) == 1, enrolled
        assert trap.connections == 0 and not trap.tokens and fake.connections == seen
        case.check()
        replication.write_state(desk.store, server_url=real)
        monkeypatch.undo()
        case.recover()
        case.done(f"refused: {failed.reason}; 0 connections")


def test_the_proxy_trap_sees_what_leaves(desk: Workstation, fake: FakeCentral, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control for the test above: ``https://`` to another host does go out (through the proxy, as a
    CONNECT tunnel) — the trap sees it, and the token stays inside the tunnel."""
    with FakeCentral() as trap:
        monkeypatch.setenv("HTTPS_PROXY", trap.url)
        url = f"https://{ELSEWHERE}:8443"
        replication.write_state(desk.store, server_url=url)
        store_token(url, UNIT, WS, fake.token)
        with pytest.raises(SyncFailed, match="unreachable"):
            desk.sync()
        assert trap.connections == 1 and [s.method for s in trap.seen] == ["CONNECT"] and not trap.tokens


# ------------------------------------------------------------------------------------------ TLS: the pinned bundle


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The municipality's CA (pinned by the desk) and another CA (the environment's, an impostor's)."""
    d = tmp_path_factory.mktemp("pki")
    return {"bashkia": make_pki(d, "bashkia"), "tjeter": make_pki(d, "tjeter")}


def tls_desk(tmp_path: Path, template_db: Path, server: FakeCentral, *, pinned: Path | None) -> Workstation:
    ws = new_desk(tmp_path, template_db, f"tls-{server.port}")
    point(ws, server.url, server.token, epoch=server.epoch, ca_bundle=str(pinned) if pinned else None)
    server.publish(*unit_users(ws))
    return ws


def _ca_env(monkeypatch: pytest.MonkeyPatch, bundle: Path) -> dict[str, str]:
    for var in CA_VARS:
        monkeypatch.setenv(var, str(bundle) if var != "SSL_CERT_DIR" else str(bundle.parent))
    return {var: os.environ[var] for var in CA_VARS}


def test_the_pinned_ca_bundle_wins_both_ways(
    tmp_path: Path, template_db: Path, pki: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``REQUESTS_CA_BUNDLE`` (and CURL_CA_BUNDLE, SSL_CERT_FILE, SSL_CERT_DIR) point to another CA. The
    municipality's server, whose certificate the pinned bundle trusts, is still trusted; an impostor whose
    certificate the environment's CA signed is still refused — before any request, so no token leaves.
    The same through the real command line (a process that inherits the environment)."""
    env = _ca_env(monkeypatch, pki["tjeter"].ca)
    with FakeCentral(tls=pki["bashkia"]) as real, FakeCentral(tls=pki["tjeter"]) as impostor:
        ws = tls_desk(tmp_path, template_db, real, pinned=pki["bashkia"].ca)
        case = Case("TLS: REQUESTS_CA_BUNDLE elsewhere, the municipality's server", ws, real)
        rep = case.completes()
        assert rep.pulled == 4 and real.tokens == {real.token}
        case.done("trusted through the pinned bundle, whatever the environment says")

        # The impostor at the desk's address (same token in the keyring: it would be sent if trusted).
        replication.write_state(ws.store, server_url=impostor.url)
        store_token(impostor.url, UNIT, WS, real.token)
        case = Case("TLS: an impostor the environment's CA trusts", ws, impostor)
        failed = case.fails("central server unreachable")
        assert impostor.tls_failures >= 1 and not impostor.seen and not impostor.tokens
        r = subprocess.run(
            ws.argv("sync", "--once"),
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, **env},
            check=False,
        )
        assert r.returncode == 1 and r.stderr.splitlines() == [
            "frontdesk: central server unreachable (its certificate is not trusted: TLS verification failed)"
        ], r.stderr
        assert impostor.tls_failures >= 2 and not impostor.tokens
        case.check()
        replication.write_state(ws.store, server_url=real.url)
        case.fake = real
        case.recover()
        case.done(f"refused the handshake ({failed.reason}), through the command line too; no token sent")

        # Nothing pinned: the desk trusts the usual public CAs only, not the environment's.
        replication.write_state(ws.store, server_url=impostor.url, ca_bundle=None)
        case = Case("TLS: no pinned bundle, REQUESTS_CA_BUNDLE trusts an impostor", ws, impostor)
        case.fails("central server unreachable")
        assert not impostor.tokens
        case.check()
        replication.write_state(ws.store, server_url=real.url, ca_bundle=str(pki["bashkia"].ca))
        case.fake = real
        case.recover()
        case.done("refused: the environment's bundle is not used")
        ws.close()


# ------------------------------------------------------------------------------------------ enrolment


def test_enrolment_against_a_hostile_server(tmp_path: Path, template_db: Path, fake: FakeCentral) -> None:
    """``frontdesk enrol`` reads the answer like any other: a token too short or too long, a workstation id
    that is not one, a redirect, a huge answer — refused, nothing stored. Then the honest enrolment works
    (the fake's ``/v1/enrol``) and so does the first sync."""
    ws = new_desk(tmp_path, template_db, "enrol")
    ok = {
        "workstation_id": str(uuid.uuid4()),
        "token": "t" * 40,
        "epoch": fake.epoch,
        "unit_code": UNIT,
        "unit_name": "Njësia e Rreme (TEST)",
    }
    hostile = [
        ("a 5-character token", json_answer({**ok, "token": "short"}), 4),
        ("a 100,000-character token", json_answer({**ok, "token": "t" * 100_000}), 4),
        ("a workstation id that is not one", json_answer({**ok, "workstation_id": "../../etc"}), 4),
        ("another unit", json_answer({**ok, "unit_code": "tr-01!"}), 4),
        ("a redirect", Answer(status=308, headers={"Location": f"http://{ELSEWHERE}/v1/enrol"}), 4),
        ("512 MB", Answer(body=chunks_of(HUGE, b" "), length=HUGE), 1),
    ]
    cases = []
    for label, answer, code in hostile:
        case = Case(f"enrol: {label}", ws, fake)
        fake.script("/v1/enrol", answer)
        r = ws.cli_inproc("enrol", "--server", fake.url, "--code", "ABCD-1234")
        assert r.returncode == code and len(r.stderr.splitlines()) == 1, (label, r.returncode, r.stderr)
        assert "Traceback" not in r.stderr
        assert replication.read_state(ws.store).get("server_url") is None
        assert load_token(fake.url, UNIT, WS) is None
        case.check()
        cases.append((case, f"refused (exit {code}): {r.stderr.strip()}"))
    r = ws.cli_inproc("enrol", "--server", fake.url, "--code", "ABCD-1234")
    assert r.returncode == 0, r.stderr
    assert load_token(fake.url, UNIT, WS) == fake.token
    fake.publish(*unit_users(ws))
    assert ws.sync().complete
    for case, what in cases:  # the honest enrolment after them applied
        case.recovered = True
        case.done(what)
    ws.close()


# ------------------------------------------------------------------------------------------ the app's sync thread


def test_the_apps_sync_thread_keeps_running(desk: Workstation, fake: FakeCentral, qtbot: Any) -> None:
    """The desktop app's ``SyncWorker`` (a QThread running ``run_forever``) against a server that answers
    something hostile every cycle: the thread stays up, each failure reaches the UI thread as a
    ``SyncFailed`` with its one-line reason, set-aside changes are reported; when the server turns honest
    the next cycle completes."""
    from frontdesk.ui.sync_worker import SyncWorker

    fake.feed.append({"seq": 5, **user("klerk-ri")})
    hostile: list[tuple[Answer, str]] = [
        (Answer(body=b"<html>jo</html>"), "was not JSON"),
        (Answer(status=500, body=b"Internal Server Error"), "central server unreachable"),
        (Answer(body=chunks_of(40 * MB, b" "), length=40 * MB), "larger than"),
        (json_answer(page(fake, [], nxt=1)), "cursor went backwards"),
        (json_answer({"error": "bad_request", "message": "rresht\ni dytë \x1b[5m"}, 400), "central server error"),
        (json_answer(page(fake, numbered([req(snap(unit_code="TR02")), "x", req(snap())], 5), nxt=7)), ""),
    ]
    case = Case("the app's sync thread", desk, fake)
    worker = SyncWorker(desk.store, interval=3600)
    fake.handle("/v1/changes", hostile[0][0])
    try:
        assert worker.start()
        outcomes: list[Any] = []
        for i, (answer, reason) in enumerate(hostile):
            if i:
                fake.handle("/v1/changes", answer)
                assert worker.poke()
            qtbot.waitUntil(lambda n=i + 1: worker.cycles >= n, timeout=20_000)
            (out,) = worker.take_outcomes()
            outcomes.append(out)
            assert worker.running
            if reason:
                assert isinstance(out, SyncFailed) and reason in out.reason and "\n" not in out.reason, out
                assert replication.status(desk.store).last_error == out.reason
            else:
                assert isinstance(out, SyncReport) and out.complete and (out.pulled, out.set_aside) == (1, 2), out
        case.outcomes = outcomes
        fake.honest()
        good = req(snap())
        fake.publish({"seq": cursor(desk) + 1, **good})
        assert worker.poke()
        qtbot.waitUntil(lambda: worker.cycles >= len(hostile) + 1, timeout=20_000)
        (out,) = worker.take_outcomes()
        assert isinstance(out, SyncReport) and out.complete and worker.running
        case.recovered = True
    finally:
        assert worker.stop(wait_ms=10_000)
    case.done(
        f"{len(hostile)} hostile cycles, {sum(isinstance(o, SyncFailed) for o in outcomes)} failed with one "
        "line each; the thread kept running and synced when the server turned honest"
    )


# ------------------------------------------------------------------------------------------ the real command line


# A small parent for the measured command: it forks (a real fork of a small process) and reports its one
# child's peak memory. Measured from the test process directly, the child would report the test process's
# own peak: a child started with vfork (as subprocess does) inherits its parent's high-water mark at exec.
_MEASURE = """
import os, resource, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, _ = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measured(ws: Workstation, *args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess[str], float]:
    """``frontdesk ARGS`` as a child process, and its peak resident memory in MB."""
    rss = ws.home / "maxrss.txt"
    r = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(rss), *ws.argv(*args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return r, int(rss.read_text()) / 1024  # kB on Linux


def test_a_512_mb_answer_through_the_command_line(desk: Workstation, fake: FakeCentral) -> None:
    """``frontdesk sync --once`` against a 512 MB page and a 1 GB gzip bomb: each stops at the 32 MB cap,
    exits 1 with one line on stderr, and its peak memory stays far below the answer's size (measured
    against an honest run of the same command)."""
    base, base_rss = measured(desk, "sync", "--once")
    assert base.returncode == 0, base.stderr
    peaks = {}
    for label, answer in [
        ("512 MB page", Answer(body=huge_page(fake), length=HUGE)),
        ("1 GB gzip bomb", Answer(body=gzip_bomb(1024 * MB), headers={"Content-Encoding": "gzip"})),
    ]:
        case = Case(f"command line: {label}", desk, fake)
        fake.handle("/v1/changes", answer)
        r, rss = measured(desk, "sync", "--once")
        assert r.returncode == 1, r.stderr
        assert r.stderr.splitlines() == [
            f"frontdesk: central server unreachable (the answer is larger than {L.MAX_ANSWER_BYTES // MB} MB)"
        ], r.stderr
        assert rss < base_rss + 3 * L.MAX_ANSWER_BYTES / MB and rss < 256, (rss, base_rss)
        peaks[label] = rss
        assert desk.sync_status()["last_error"] == r.stderr.splitlines()[0].removeprefix("frontdesk: ")
        case.outcomes.append(SyncFailed(r.stderr))
        case.check()
        case.recover()
        case.done(f"exit 1, one line; peak memory {rss:.0f} MB (an honest run: {base_rss:.0f} MB)")
    line = f"peak memory of `frontdesk sync --once`: honest {base_rss:.0f} MB, " + ", ".join(
        f"{k} {v:.0f} MB" for k, v in peaks.items()
    )
    HOSTILE.lines.append(line)
    print(line)
