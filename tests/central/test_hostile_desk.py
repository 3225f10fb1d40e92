"""The hostile desk (issue 10): a workstation with a valid token that tries everything a stolen or buggy
counter PC could, over raw HTTP, against a real server process on SQLite and PostgreSQL.

Every case checks three things:

* **nothing applied that should not be** — the server's database (requests, events, accounts, services)
  and the other desks' pulls hold nothing of a refused op;
* **honest desks keep syncing** — a desk of the same unit, and where relevant of another unit, pushes and
  pulls normally afterwards and never meets ``clone_suspected``;
* **the reason is recorded** — each refused op is answered ``rejected`` with its reason and a message, and
  a retry of the same push gets the same answer (the one stored in ``applied_ops`` for ops that parsed).

Hostile ops are batched with honest ones in the same push: those are applied, the hostile ones answered
alone. The totals (cases, hostile ops, refused, wrongly applied) are printed at the end of the run
(``conftest.HOSTILE``). Every citizen and user here is fictitious.
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import http.client
import json
import secrets
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from argon2 import PasswordHasher
from sqlalchemy import func, select

from frontdesk import limits as L
from frontdesk import passwords
from frontdesk import wire as p
from frontdesk.central import accounts, enrolment
from frontdesk.central import models as m
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import promised_date
from frontdesk.numbering import check_character, format_receipt_no

from .conftest import HOSTILE, PASSWORD, Desk, Server

CITIZEN = "Qytetar Provë (TEST)"
ATTACKER = "Sulmues Provë (TEST)"  # the name a hostile op carries where it can carry one
MARKER = "Sulmues"  # never in a pulled change or a stored account


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The units' accounts are made in this process with cheap Argon2 parameters (the hash carries them:
    the server verifies as usual). Ten memory-hard hashes per test would be most of this suite's time."""
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


# ------------------------------------------------------------------------------------------ one case


APPLIED = "applied"  # an honest op in a hostile push: must be applied
NEUTRAL = "neutral"  # a hostile op the rules accept only in part: applied without its lie (checked by the test)
ADMITTED = "admitted"  # a hostile op the rules cannot tell from an honest one (a documented limit)


@dataclass
class Item:
    body: Any
    expect: str  # APPLIED | NEUTRAL | ADMITTED | a rejection reason
    hostile: bool
    track: bool = True  # its event ids and new request id must end up nowhere (False: it reuses real ones)


def ok(op: p.Op | dict[str, Any]) -> Item:
    return Item(_dict(op), APPLIED, False)


def bad(op: Any, reason: str, *, track: bool = True) -> Item:
    return Item(_dict(op) if isinstance(op, p.Op) else op, reason, True, track)


def neutral(op: p.Op | dict[str, Any]) -> Item:
    return Item(_dict(op), NEUTRAL, True)


def admitted(op: p.Op | dict[str, Any]) -> Item:
    return Item(_dict(op), ADMITTED, True)


def _echo(body: Any) -> str:
    """The op id the server echoes: the op's own when it is a clean string of at most 64 characters."""
    op_id = body.get("op_id") if isinstance(body, dict) else None
    if isinstance(op_id, str) and len(op_id) <= 64 and p.control_character(op_id) is None:
        return op_id
    return ""


def _ids(body: Any) -> tuple[set[str], set[str]]:
    """The event ids and the new request id a hostile op carries (none of them may end up anywhere)."""
    if not isinstance(body, dict) or not isinstance(body.get("request"), dict):
        return set(), set()
    req = body["request"]
    events = [req.get("event"), *(req.get("events") or [])]
    event_ids = {e["id"] for e in events if isinstance(e, dict) and isinstance(e.get("id"), str)}
    new = body.get("kind") in ("request.intake", "request.sync") and isinstance(req.get("request_id"), str)
    return event_ids, ({req["request_id"]} if new else set())


class Case:
    """One hostile case: its pushes, their answers against what was expected, and its line in the totals."""

    def __init__(self, server: Server, name: str) -> None:
        self.server = server
        self.name = name
        self.backend = "sqlite" if server.db_url.startswith("sqlite") else "postgresql"
        self.sent = self.refused = self.neutralised = self.admitted = self.wrong = self.whole = 0
        self.reasons: collections.Counter[str] = collections.Counter()
        self.event_ids: set[str] = set()
        self.request_ids: set[str] = set()
        self.answers: dict[int, dict[str, Any]] = {}
        self.honest: list[str] = []
        self.recorded = False

    # -- pushing ---------------------------------------------------------------------------------

    def track(self, body: Any) -> None:
        events, reqs = _ids(body)
        self.event_ids |= events
        self.request_ids |= reqs

    def push(self, desk: Desk, items: list[Item], *, counter: int | None = None, sent_at: dt.datetime | None = None,
             gzipped: bool = False) -> list[dict[str, Any]]:  # fmt: skip
        """Send ``items`` in one push and check every answer; hostile ops are counted."""
        for item in items:
            if item.hostile and item.expect not in (NEUTRAL, ADMITTED) and item.track:
                self.track(item.body)
        r = raw_push(desk, [i.body for i in items], counter=counter, sent_at=sent_at, gzipped=gzipped)
        assert r.status_code == 200, r.text
        answers = r.json()["results"]
        assert len(answers) == len(items)
        for item, answer in zip(items, answers, strict=True):
            assert answer["op_id"] == _echo(item.body), (answer, item.body)
            self._check(item, answer)
            self.answers[id(item)] = answer
        return list(answers)

    def _check(self, item: Item, answer: dict[str, Any]) -> None:
        if not item.hostile:
            assert answer["result"] == "applied", (answer, item.body)
            return
        self.sent += 1
        if item.expect in (NEUTRAL, ADMITTED):
            assert answer["result"] == "applied", (answer, item.body)
            if item.expect == NEUTRAL:
                self.neutralised += 1
            else:
                self.admitted += 1
            return
        if answer["result"] != "rejected":
            self.wrong += 1
            self._record(failed=True)
            raise AssertionError(f"{self.name}: a hostile op was {answer['result']}: {item.body!r:.600}")
        assert answer["reason"] == item.expect, (answer, f"{item.body!r:.600}")
        assert isinstance(answer["message"], str) and answer["message"].strip(), answer
        self.refused += 1
        self.reasons[answer["reason"]] += 1

    def retry(self, desk: Desk, items: list[Item], *, counter: int | None = None, gzipped: bool = False) -> None:
        """The same push again (a lost answer): what was applied answers ``duplicate``, every hostile op the
        same reason and message as before — for an op that parsed, the answer stored in ``applied_ops``."""
        r = raw_push(desk, [i.body for i in items], counter=counter, gzipped=gzipped)
        assert r.status_code == 200, r.text
        stored = stored_answers(self.server, [_echo(i.body) for i in items if _echo(i.body)])
        for item, answer in zip(items, r.json()["results"], strict=True):
            first = self.answers[id(item)]
            if first["result"] == "applied":
                assert answer["result"] == "duplicate", answer
                continue
            assert (answer["result"], answer["reason"], answer["message"]) == (
                "rejected", first["reason"], first["message"]
            ), (answer, first)  # fmt: skip
            row = stored.get(answer["op_id"])
            if first["reason"] != "invalid":  # it parsed and reached the rules: its answer is stored
                assert row is not None, answer
            if row is not None:
                assert row == ("rejected", first["reason"], first["message"]), (row, first)

    def refused_whole(self, r: requests.Response | tuple[int, dict[str, Any]], status: int, error: str) -> None:
        """A whole hostile request answered with an error body (no op of it applied)."""
        code, body = (r.status_code, r.json()) if isinstance(r, requests.Response) else r
        assert code == status, (code, body)
        assert p.ErrorBody.model_validate(body).error == error, body
        self.whole += 1
        self.reasons[f"{status} {error}"] += 1

    # -- proofs ----------------------------------------------------------------------------------

    def nothing_stored(self) -> None:
        """No request and no event of a refused op is in the server's database."""
        with self.server.db.read() as s:
            for chunk in _chunks(sorted(self.event_ids)):
                found = list(s.scalars(select(m.RequestEvent.id).where(m.RequestEvent.id.in_(chunk))))
                assert not found, f"{self.name}: events of refused ops were stored: {found}"
            for chunk in _chunks(sorted(self.request_ids)):
                found = list(s.scalars(select(m.Request.id).where(m.Request.id.in_(chunk))))
                assert not found, f"{self.name}: requests of refused ops were stored: {found}"

    def honest_sync(self, *honest: Desk) -> None:
        """Each honest desk pushes a new intake (applied, never 409) and pulls everything: nothing of a
        refused op is in what it pulls, and every change validates."""
        for desk in honest:
            op, _ = desk.intake(name=CITIZEN)
            r = raw_push(desk, [_dict(op)])
            assert r.status_code == 200, r.text  # not 409 clone_suspected: the desk keeps syncing
            assert [x["result"] for x in r.json()["results"]] == ["applied"], r.text
            changes, _ = desk.pull_all()
            text = json.dumps([c.model_dump(mode="json") for c in changes])
            assert MARKER not in text, f"{self.name}: a hostile op reached {desk.unit}/{desk.code}"
            for hostile_id in self.event_ids | self.request_ids:
                assert hostile_id not in text, f"{self.name}: {hostile_id} reached {desk.unit}/{desk.code}"
            self.honest.append(f"{desk.unit}/{desk.code}")

    def done(self) -> None:
        self.nothing_stored()
        assert self.wrong == 0
        self._record(failed=False)

    def _record(self, *, failed: bool) -> None:
        if self.recorded:
            return
        self.recorded = True
        HOSTILE.cases += 1
        HOSTILE.ops_sent += self.sent
        HOSTILE.ops_refused += self.refused
        HOSTILE.ops_neutralised += self.neutralised
        HOSTILE.admitted += self.admitted
        HOSTILE.wrongly_applied += self.wrong
        HOSTILE.requests_refused += self.whole
        reasons = ", ".join(f"{k} x{n}" for k, n in sorted(self.reasons.items()))
        extra = "".join([
            f", {self.neutralised} neutralised" if self.neutralised else "",
            f", {self.admitted} admitted by design" if self.admitted else "",
            f"; {self.whole} hostile requests refused whole" if self.whole else "",
        ])  # fmt: skip
        honest = f"; honest {', '.join(dict.fromkeys(self.honest))} kept syncing" if self.honest else ""
        HOSTILE.lines.append(
            f"[{self.backend}] {self.name}: {self.sent} hostile ops, {self.refused} refused, {self.wrong} wrongly "
            f"applied{extra} ({reasons}){honest}{' FAILED' if failed else ''}"
        )


# ------------------------------------------------------------------------------------------ helpers


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _dict(op: p.Op | dict[str, Any]) -> dict[str, Any]:
    return op.model_dump(mode="json") if isinstance(op, p.Op) else op


def raw_push(desk: Desk, ops: list[Any], *, counter: int | None = None, sent_at: dt.datetime | None = None,
             gzipped: bool = False) -> requests.Response:  # fmt: skip
    """A push body as the hostile desk writes it (any JSON in ``ops``, its own ``sent_at`` and counter)."""
    body = {"epoch": desk.epoch or None, "receipt_counter": desk.counter if counter is None else counter,
            "sent_at": (sent_at or utcnow()).isoformat(), "ops": ops}  # fmt: skip
    return post(desk, "/v1/push", json.dumps(body).encode(), gzipped=gzipped)


def post(desk: Desk, path: str, data: bytes, *, gzipped: bool = False) -> requests.Response:
    headers = {**desk.headers(), "Content-Type": "application/json"}
    if gzipped:
        data = gzip.compress(data)
        headers["Content-Encoding"] = "gzip"
    return desk.session.post(desk.server.url + path, data=data, headers=headers, timeout=120)


def stored_answers(server: Server, op_ids: list[str]) -> dict[str, tuple[str, str | None, str | None]]:
    cols = (m.AppliedOp.op_id, m.AppliedOp.result, m.AppliedOp.reason, m.AppliedOp.message)
    with server.db.read() as s:
        return {op_id: (result, reason, message)
                for op_id, result, reason, message in s.execute(select(*cols).where(m.AppliedOp.op_id.in_(op_ids)))}  # fmt: skip


def state(server: Server, request_id: str) -> tuple[str, int, str | None, int] | None:
    """A request on the server: status, version, assignee and how many events it has."""
    with server.db.read() as s:
        row = s.get(m.Request, request_id)
        if row is None:
            return None
        n = s.scalar(select(func.count()).select_from(m.RequestEvent).where(m.RequestEvent.request_id == request_id))
        return row.status, row.version, row.assignee, int(n or 0)


def snap_of(body: dict[str, Any]) -> dict[str, Any]:
    return dict(body["request"]["request"])


def model(snap: dict[str, Any]) -> p.RequestSnapshot:
    return p.RequestSnapshot.model_validate(snap)


def intake(desk: Desk, *, actor: str = "clerk1", when: dt.datetime | None = None, name: str = CITIZEN,
           **fields: Any) -> dict[str, Any]:  # fmt: skip
    """An intake of ``desk`` as a dict, by ``actor``, at ``when``, with ``fields`` of the snapshot replaced."""
    op, _ = desk.intake(name=name)
    body = _dict(op)
    snap, ev = body["request"]["request"], body["request"]["event"]
    snap["created_by"] = snap["assignee"] = ev["actor"] = actor
    if when is not None:
        retime(body, when)
    snap.update(fields)
    if "receipt_no" in fields:
        body["request"]["receipt_no"] = fields["receipt_no"]
    return body


def retime(body: dict[str, Any], when: dt.datetime) -> dict[str, Any]:
    """An intake made at ``when`` (its times, promised date and op time consistent)."""
    snap, ev = body["request"]["request"], body["request"]["event"]
    snap["created_at"] = snap["updated_at"] = ev["device_time"] = body["created_at"] = when.isoformat()
    snap["due_date"] = promised_date(when, snap["standard_days"]).isoformat()
    return body


def at(body: dict[str, Any], when: dt.datetime) -> dict[str, Any]:
    """A change op made at ``when`` (its event and the op itself)."""
    body["request"]["event"]["device_time"] = body["created_at"] = when.isoformat()
    return body


def with_event(body: dict[str, Any], **changes: Any) -> dict[str, Any]:
    body["request"]["event"].update(changes)
    return body


def sync_op(snap: dict[str, Any], events: list[dict[str, Any]], base_epoch: str | None = None,
            created_at: dt.datetime | None = None) -> dict[str, Any]:  # fmt: skip
    return {"op_id": uuid7(), "kind": "request.sync", "created_at": (created_at or utcnow()).isoformat(),
            "request": {"request_id": snap["id"], "receipt_no": snap["receipt_no"], "version": snap["version"],
                        "request": snap, "events": events, "base_epoch": base_epoch}}  # fmt: skip


def note_op(desk: Desk, snap: p.RequestSnapshot, data: dict[str, Any], actor: str = "clerk1") -> dict[str, Any]:
    """A note op whose event carries ``data`` as given (not validated here: the server does)."""
    return with_data(_dict(desk.op("request.note", snap, desk.event("note", data={"text": "x"}, actor=actor), 1)),
                     data)  # fmt: skip


def with_data(body: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    body["request"]["event"]["data"] = data
    return body


def ev(desk: Desk, kind: str, **kw: Any) -> dict[str, Any]:
    return desk.event(kind, **kw).model_dump(mode="json")


def users_of(server: Server, unit: str) -> tuple[dict[str, tuple[Any, ...]], int]:
    """Every account of the unit as stored (role, active, name, password hash, ...) and its periods."""
    with server.db.read() as s:
        rows = s.scalars(select(m.User).where(m.User.unit_code == unit))
        found = {u.username: (u.role, u.active, u.full_name, u.password_hash, u.must_change_password, u.updated_at)
                 for u in rows}  # fmt: skip
        periods = s.scalar(select(func.count()).select_from(m.UserVersion).where(m.UserVersion.unit_code == unit))
        return found, int(periods or 0)


# ------------------------------------------------------------------------------------------ 1. accounts


def test_accounts_cannot_be_pushed_by_a_desk(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    c: Desk = desks("TR02", "W01")
    before = users_of(server, "TR01")
    other_before = users_of(server, "TR02")
    case = Case(server, "1 accounts: user.upsert, smuggled users, password change")
    forged_hash = passwords.hash_password("fjalekalimi-i-sulmuesit")
    now = utcnow().isoformat()

    def user(username: str, role: str) -> dict[str, Any]:
        return {"username": username, "full_name": ATTACKER, "role": role, "active": True,
                "password_hash": forged_hash, "must_change_password": False, "updated_at": now}  # fmt: skip

    def upsert(u: dict[str, Any]) -> dict[str, Any]:
        return {"op_id": uuid7(), "kind": "user.upsert", "created_at": now, "user": u}

    smuggled = intake(h) | {"user": user("clerk2", "admin")}
    as_request = {"op_id": uuid7(), "kind": "request.intake", "created_at": now, "request": user("sulmues", "admin")}
    items = [
        bad(upsert(user("sulmues", "admin")), "invalid"),  # a new admin
        bad(upsert(user("clerk1", "admin")), "invalid"),  # an existing clerk made admin
        bad(upsert(user("super", "supervisor") | {"full_name": "Super Provë (TEST)"}), "invalid"),  # password hash
        bad(upsert(user("admin", "admin") | {"active": False}), "invalid"),  # the real admin deactivated
        bad(smuggled, "invalid"),  # a user beside an intake
        bad(as_request, "invalid"),  # a user where a request goes
        bad({"op_id": uuid7(), "kind": "service.upsert", "created_at": now, "service": user("sulmues", "admin")},
            "invalid"),
        ok(intake(h)),
    ]
    case.push(h, items)
    case.retry(h, items)

    # the password endpoint: a user's own change with the current password, nothing else
    wrong = post(h, "/v1/password", json.dumps({"username": "admin", "current_password": "e-gabuar-krejt",
                                                 "new_password": "fjalekalimi-i-sulmuesit"}).encode())  # fmt: skip
    case.refused_whole(wrong, 403, "wrong_password")
    stranger = post(h, "/v1/password", json.dumps({"username": "sulmues", "current_password": PASSWORD,
                                                    "new_password": "fjalekalimi-i-sulmuesit"}).encode())  # fmt: skip
    case.refused_whole(stranger, 401, "unauthorised")

    # a desk enrolled with a real code offers an admin of its own: an offer, never an account
    offer = p.UserOffer(username="sulmues", full_name=ATTACKER, role="admin", password_hash=forged_hash)
    enrol = p.EnrolRequest(code=server.enrol_code("TR01"), unit_code="TR01", workstation_code="W05", receipt_counter=0,
                           users=[offer])  # fmt: skip
    r = requests.post(server.url + "/v1/enrol", json=enrol.model_dump(mode="json"), timeout=30)
    assert r.status_code == 200, r.text
    w05 = Desk(server, "TR01", "W05", token=r.json()["token"], epoch=r.json()["epoch"])
    case.sent += 1
    case.neutralised += 1
    pending = accounts.offers(server.db, "TR01")
    assert [(o.username, o.role, o.decision) for o in pending] == [("sulmues", "admin", "pending")]
    # ... and its acts after enrolment are not acts of a user of the unit
    acts = [bad(intake(w05, actor="sulmues", name=ATTACKER), "not_permitted"), ok(intake(w05))]
    case.push(w05, acts)
    w05.session.close()

    after = users_of(server, "TR01")
    assert after == before, "no account, role, name, password hash or period changed"
    assert users_of(server, "TR02") == other_before
    for desk in (b, c):
        assert not [ch for ch in desk.pull_all()[0] if ch.kind == "user"], "no account change reached a desk"
    case.honest_sync(b, c)
    case.done()


# ------------------------------------------------------------------------------------------ 2. receipt numbers


def test_receipt_numbers_belong_to_their_desk(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W03")
    b: Desk = desks("TR01", "W02")
    c: Desk = desks("TR02", "W01")
    case = Case(server, "2 receipt numbers of other desks")
    c_next = format_receipt_no("TR02", "W01", 1)
    b_next = format_receipt_no("TR01", "W02", 1)

    def mistyped(receipt: str) -> str:
        wrong = next(ch for ch in "0123456789" if ch != receipt[-1])
        return receipt[:-1] + wrong

    seven = "TR01-W03-0000009"  # seven digits where six suffice: not the canonical form
    b_sync = intake(h, receipt_no=format_receipt_no("TR01", "W02", 2), workstation_code="W02")
    b_sync["request"]["event"]["workstation"] = "W02"
    b_snap = snap_of(b_sync)
    items = [
        bad(intake(h, receipt_no=c_next), "bad_receipt"),  # another unit's next number
        bad(intake(h, receipt_no=c_next, unit_code="TR02", workstation_code="W01"), "wrong_unit"),
        bad(intake(h, receipt_no=b_next), "bad_receipt"),  # another workstation's next number
        bad(intake(h, receipt_no=b_next, workstation_code="W02"), "wrong_workstation"),
        bad(intake(h, receipt_no=mistyped(format_receipt_no("TR01", "W03", 7))), "bad_receipt"),
        bad(intake(h, receipt_no=seven + check_character("TR01W03" + seven[-7:])), "bad_receipt"),
        bad(sync_op(b_snap, [b_sync["request"]["event"]]), "not_permitted"),  # W02's request, no restore
        bad(intake(h, receipt_no=format_receipt_no("TR01", "W03", 8).lower()), "invalid"),
    ]
    differs = intake(h)
    differs["request"]["receipt_no"] = format_receipt_no("TR01", "W03", 1)  # the request carries another
    items.append(bad(differs, "invalid"))  # the op's number is not the request's
    honest_op = intake(h)
    items.append(ok(honest_op))
    ahead = intake(h, receipt_no=format_receipt_no("TR01", "W03", h.counter + 50))
    items.append(bad(ahead, "bad_receipt"))  # a number this desk has not reached (it reports h.counter)
    case.push(h, items)
    case.retry(h, items)

    # the owners' real numbers are theirs: applied, no 409
    for owner in (b, c):
        ops = [owner.intake(name=CITIZEN)[0] for _ in range(2)]
        assert [r.result for r in owner.push(ops)] == ["applied", "applied"]
    assert {x.receipt_no for x in owner_requests(server, "TR02")} == {c_next, format_receipt_no("TR02", "W01", 2)}
    # a counter that goes backwards stops the hostile desk itself (its own clone check), nobody else
    backwards = intake(h)
    case.track(backwards)
    case.refused_whole(raw_push(h, [backwards], counter=h.counter - 3), 409, "clone_suspected")
    case.honest_sync(b, c)
    case.done()

    # After a restore (a new epoch) a desk may re-push another desk's requests the server lost: the rules
    # cannot tell a made-up one from a real one, so a hostile desk can take a number the owner has not
    # pushed yet. The owner is not stopped: only its op with that number is refused, with the reason.
    squat = Case(server, "2b a re-push after a restore takes another desk's next number")
    old_epoch = server.health()["epoch"]
    enrolment.rotate_epoch(server.db)
    taken = format_receipt_no("TR01", "W02", b.counter + 1)
    fake = intake(h, receipt_no=taken, workstation_code="W02", name=CITIZEN)
    fake["request"]["event"]["workstation"] = "W02"
    squat.push(h, [admitted(sync_op(snap_of(fake), [fake["request"]["event"]], base_epoch=old_epoch))])
    real, _ = b.intake(name=CITIZEN)
    assert real.request is not None and real.request.receipt_no == taken
    other, _ = b.intake(name=CITIZEN)
    r = raw_push(b, [_dict(real), _dict(other)])
    assert r.status_code == 200, r.text  # not 409: the owner keeps syncing
    answers = r.json()["results"]
    assert [(a["result"], a["reason"]) for a in answers] == [("rejected", "duplicate_receipt"), ("applied", None)]
    assert taken in answers[0]["message"]
    squat.reasons["owner's op: duplicate_receipt"] += 1
    squat.honest_sync(b, c)
    squat.done()


def owner_requests(server: Server, unit: str) -> list[m.Request]:
    with server.db.read() as s:
        return list(s.scalars(select(m.Request).where(m.Request.unit_code == unit)))


# ------------------------------------------------------------------------------------------ 3. lifecycle and sizes


def test_lifecycle_and_bounded_sizes(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    case = Case(server, "3 lifecycle, dates, fees and sizes")
    op1, r1 = h.intake(name=CITIZEN)
    assert op1.request is not None and op1.request.event is not None
    setup = [op1, h.status_op(r1, "received", "ready"), h.status_op(r1, "ready", "delivered", rating=5)]
    assert [x.result for x in h.push(setup)] == ["applied"] * 3
    delivered = state(server, r1.id)
    assert delivered == ("delivered", 3, "clerk1", 3)
    intake_ev = op1.request.event.model_dump(mode="json")

    backs = [ev(h, "status", from_status="delivered", to_status="received") for _ in range(6)]
    case.event_ids |= {x["id"] for x in backs}  # re-pushes of r1 carry its real intake event: tracked by hand
    r1_back = r1.model_dump(mode="json") | {"status": "received", "version": 4, "delivered_at": None}
    now = utcnow()
    op2 = intake(h)
    r2 = model(snap_of(op2))
    items = [
        bad(sync_op(r1_back, [intake_ev, backs[0]]), "not_permitted", track=False),  # no restore: refused
        bad(intake(h, status="delivered", delivered_at=now.isoformat(), rating=5), "invalid"),  # born delivered
        bad(with_event(intake(h), to_status="delivered"), "invalid"),
        bad(intake(h, version=9), "invalid"),
        bad(intake(h, assignee="clerk2"), "invalid"),
        bad(intake(h, completed_at=now.isoformat()), "invalid"),
        bad(intake(h, due_date="2099-12-24"), "invalid"),  # a promised date the standard does not give
        bad(intake(h, service_code="NUK-EKZISTON"), "invalid"),  # no such service
        bad(intake(h, standard_days=0), "invalid"),  # CERT-FAM takes 1 day
        bad(intake(h, when=dt.datetime(2000, 1, 3, 9, 0)), "bad_time"),
        bad(intake(h, created_at="9999-12-31T00:00:00", updated_at="9999-12-31T00:00:00", due_date="9999-12-31"),
            "invalid"),
        bad(intake(h, fee_paid=9 * 10**18), "invalid"),
        bad(intake(h, fee_paid=9e18), "invalid"),
        bad(intake(h, fee_paid=-1), "invalid"),
        bad(intake(h, assignee="a" * 10_000), "invalid"),
        bad(intake(h, documents=[f"DOC-{i:02d}" for i in range(L.MAX_DOCUMENTS + 1)]), "invalid"),
        bad(intake(h, citizen_name="Q" * (L.MAX_NAME + 1)), "invalid"),
        bad(intake(h, note="n" * (L.MAX_NOTE + 1)), "invalid"),
        ok(op2),
        bad(_dict(h.op("request.status", r2, h.event("status", from_status="received", to_status="delivered"))),
            "invalid"),  # a delivery is its own op
        bad(h.status_op(r2, "received", "delivered"), "invalid_transition"),  # a delivery skipping ready
        bad(h.status_op(r1, "delivered", "in_progress"), "invalid_transition"),  # out of a final status
        bad(note_op(h, r2, {"text": "t" * 5_000}), "invalid"),  # 5 KB of event data
        bad(note_op(h, r2, {"text": {"a": {"b": {"c": "thellë"}}}}), "invalid"),  # nested past the limit
        bad(note_op(h, r2, {"text": "shënim", "extra": "x" * 100}), "invalid"),  # a key the kind has not
        bad(with_data(_dict(h.status_op(r2, "received", "in_progress")), {"note": "x" * 5_000}), "invalid"),
        bad(h.status_op(r2, "received", "in_progress", due_date="9999-12-31"), "invalid"),
        bad(_dict(h.op("request.print", r2, h.event("print", data={"copy": 10**9}))), "invalid"),
        bad(with_data(_dict(h.op("request.print", r2, h.event("print"))), {"copy": 2**60}), "invalid"),
        ok(h.status_op(r2, "received", "in_progress")),
    ]
    # a re-push of a request the server never saw that claims it is delivered, with only its intake:
    # rebuilt as its intake made it
    lying = intake(h)
    lie_snap = snap_of(lying) | {"status": "delivered", "version": 4, "delivered_at": now.isoformat(), "rating": 5}
    items.append(neutral(sync_op(lie_snap, [lying["request"]["event"]])))
    case.push(h, items)
    case.retry(h, items)
    assert state(server, r1.id) == delivered
    assert state(server, r2.id) == ("in_progress", 2, "clerk1", 2)
    assert state(server, lie_snap["id"]) == ("received", 1, "clerk1", 1)

    # after a restore (new epoch), naming the epoch it repairs: the backward event is left out
    old_epoch = server.health()["epoch"]
    enrolment.rotate_epoch(server.db)
    after = [
        bad(sync_op(r1_back, [intake_ev, backs[1]], base_epoch=old_epoch), "invalid_transition", track=False),
        bad(sync_op(r1_back, [intake_ev, backs[2]], base_epoch=str(uuid7())), "not_permitted",
            track=False),  # an epoch that never was
        bad(sync_op(r1_back, [intake_ev, backs[3]], base_epoch=server.health()["epoch"]), "not_permitted",
            track=False),  # the current epoch
        bad(sync_op(r1_back, [intake_ev, backs[4]], base_epoch=old_epoch, created_at=utcnow() - dt.timedelta(days=3)),
            "not_permitted", track=False),  # made before the restore
        bad(sync_op(r1_back | {"unit_code": "TR02"}, [intake_ev, backs[5]], base_epoch=old_epoch), "wrong_unit",
            track=False),
    ]
    case.push(h, after)
    case.retry(h, after)
    assert state(server, r1.id) == delivered, "the delivered request stays delivered"
    case.honest_sync(b)
    seen = [ch.request for ch in b.pull_all()[0] if ch.request is not None and ch.request.request.id == r1.id]
    assert seen and seen[-1].request.status == "delivered"
    case.done()


# ------------------------------------------------------------------------------------------ 4. control characters


def test_control_characters_refuse_one_op_not_the_push(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    case = Case(server, "4 NUL, ESC, BEL and other invisible characters")
    op1, r1 = h.intake(name=CITIZEN)
    assert [x.result for x in h.push([op1])] == ["applied"]
    honest_note = "Shënim (TEST)\nrreshti i dytë\tme tab"
    items = [
        bad(note_op(h, r1, {"text": "shënim\x00 (TEST)"}), "invalid"),
        bad(note_op(h, r1, {"text": "shënim\x1b[31m (TEST)"}), "invalid"),
        bad(note_op(h, r1, {"text": "shënim\x07 (TEST)"}), "invalid"),
        bad(note_op(h, r1, {"text": "shënim\x7f (TEST)"}), "invalid"),
        bad(note_op(h, r1, {"text": "shënim\x85 (TEST)"}), "invalid"),
        bad(note_op(h, r1, {"text": "shënim\ud800 (TEST)"}), "invalid"),  # a lone surrogate
        bad(note_op(h, r1, {"te\x00xt": "shënim (TEST)"}), "invalid"),  # in a key
        bad(intake(h, citizen_name="Sulmues\x00 Provë (TEST)"), "invalid"),
        bad(intake(h, citizen_name="Sulmues\x07 Provë (TEST)"), "invalid"),
        bad(intake(h, citizen_name="Sulmues\x1b Provë (TEST)"), "invalid"),
        bad(intake(h, citizen_name="Sulmues\n Provë (TEST)"), "invalid"),  # a name is one line
        bad(intake(h, note="shënim\x00 (TEST)"), "invalid"),
        bad(with_data(_dict(h.status_op(r1, "received", "returned")), {"reason": "mungon\x1b dokumenti"}), "invalid"),
        ok(note_op(h, r1, {"text": honest_note})),
        ok(intake(h)),
    ]
    first_intake = items[-1]
    case.push(h, items)
    case.retry(h, items, gzipped=True)  # the same outbox again, gzipped: the same answers
    # the outbox is never stuck: the next honest op goes through
    case.push(h, [ok(h.status_op(model(snap_of(first_intake.body)), "received", "in_progress"))])
    with server.db.read() as s:
        notes = list(s.scalars(select(m.RequestEvent.data).where(m.RequestEvent.request_id == r1.id,
                                                                 m.RequestEvent.kind == "note")))  # fmt: skip
    assert notes == [{"text": honest_note}], "tab and new line are kept in a note, nothing else got in"
    case.honest_sync(b)
    case.done()


# ------------------------------------------------------------------------------------------ 5. forged actors


def test_forged_actors(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    c: Desk = desks("TR02", "W01")
    accounts.add_user(server.db, "TR02", "vjollca.tr02", "clerk", "Vjollca Provë (TEST)", PASSWORD,
                      must_change_password=False)  # fmt: skip
    case = Case(server, "5 forged actors")
    now = utcnow()
    op1, r1 = h.intake(name=CITIZEN)
    by_clerk2 = intake(h, actor="clerk2")
    yesterday = intake(h, when=now - dt.timedelta(hours=26))
    r2, r3 = model(snap_of(by_clerk2)), model(snap_of(yesterday))
    assert [x["result"] for x in raw_push(h, [_dict(op1), by_clerk2, yesterday]).json()["results"]] == ["applied"] * 3
    accounts.set_active(server.db, "TR01", "clerk3", False)  # deactivated centrally, before the acts below
    with server.db.read() as s:
        first = s.scalars(select(m.UserVersion).where(m.UserVersion.unit_code == "TR01",
                                                      m.UserVersion.username == "clerk3")
                          .order_by(m.UserVersion.valid_from)).first()  # fmt: skip
        assert first is not None and first.active and first.valid_to is not None
        while_active = first.valid_from + (first.valid_to - first.valid_from) / 2

    def status(actor: str, to: str = "in_progress", snap: p.RequestSnapshot = r1) -> p.Op:
        return h.status_op(snap, "received", to, actor=actor)

    items = [
        bad(status("hayalet"), "unknown_actor"),  # nobody of the unit
        bad(status("vjollca.tr02"), "unknown_actor"),  # a user of another unit
        bad(status("backoffice"), "unknown_actor"),  # the back office's name is not a desk's
        bad(status("clerk3"), "not_permitted"),  # deactivated before the act
        bad(note_op(h, r1, {"text": "shënim (TEST)"}, actor="clerk3"), "not_permitted"),
        bad(intake(h, actor="clerk3"), "not_permitted"),
        bad(intake(h, actor="hayalet"), "unknown_actor"),
        bad(intake(h, actor="admin"), "not_permitted"),  # an administrator does not take intakes
        bad(status("admin"), "not_permitted"),
        bad(h.assign_op(r1, "clerk2", base_version=1, actor="clerk1"), "not_permitted"),  # a clerk reassigning
        bad(status("clerk1", "cancelled"), "not_permitted"),  # a clerk cancelling
        bad(_dict(h.op("request.void", r2, h.event("void", from_status="received", to_status="cancelled",
                                                   data={"reason": "gabim"}, actor="clerk1"))),
            "not_permitted"),  # another clerk's intake
        bad(_dict(h.op("request.void", r3, h.event("void", from_status="received", to_status="cancelled",
                                                   data={"reason": "gabim"}, actor="clerk1"))),
            "invalid_transition"),  # received on another day
        bad(h.assign_op(r1, "admin", base_version=1), "invalid"),  # not counter staff
        bad(h.assign_op(r1, "clerk3", base_version=1), "invalid"),  # deactivated
        bad(h.assign_op(r1, "vjollca.tr02", base_version=1), "invalid"),  # another unit's
        bad(with_event(_dict(status("super")), workstation="HQ"), "wrong_workstation"),  # the back office's desk
        ok(status("clerk2")),
        ok(_dict(h.op("request.void", r2, h.event("void", from_status="received", to_status="cancelled",
                                                  data={"reason": "gabim (TEST)"}, actor="clerk2")))),
    ]
    case.push(h, items)
    case.retry(h, items)
    assert state(server, r1.id) == ("in_progress", 2, "clerk1", 2)
    assert state(server, r2.id) == ("cancelled", 2, "clerk2", 2)
    assert state(server, r3.id) == ("received", 1, "clerk1", 1)
    # The rules judge an act by the account as it was when it was done, and a desk may push days later: an
    # act the desk dates while the account was still active is accepted ("a clerk deactivated on Friday
    # keeps the intakes of Thursday", docs/security.md). A stolen desk can use that window; it is admitted.
    before_deactivation = at(note_op(h, r3, {"text": "shënim (TEST)"}, actor="clerk3"), while_active)
    case.push(h, [admitted(before_deactivation)])
    case.honest_sync(b, c)
    case.done()


# ------------------------------------------------------------------------------------------ 6, 7. other units


def test_other_units_ids_and_fields(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    c: Desk = desks("TR02", "W01")
    theirs_op, theirs = c.intake(name=CITIZEN)
    their_note = c.op("request.note", theirs, c.event("note", data={"text": "shënim (TEST)"}), 1)
    assert [x.result for x in c.push([theirs_op, their_note])] == ["applied", "applied"]
    their_state = state(server, theirs.id)
    assert theirs_op.request is not None and theirs_op.request.event is not None
    assert their_note.request is not None and their_note.request.event is not None
    op1, r1 = h.intake(name=CITIZEN)
    assert [x.result for x in h.push([op1])] == ["applied"]

    case = Case(server, "6 another unit's request ids and event ids")
    ghost = theirs.model_copy(update={"id": str(uuid7())})  # an id nobody has
    data = {"from": "clerk1", "to": "clerk2", "reason": "ngarkesa", "base_version": 1}
    unknown = [
        h.status_op(theirs, "received", "in_progress"),
        h.status_op(theirs, "received", "cancelled", actor="super"),
        _dict(h.op("request.deliver", theirs, h.event("deliver", from_status="ready", to_status="delivered"))),
        h.assign_op(theirs, "clerk2", base_version=1),
        _dict(h.op("request.assign", theirs, h.event("assign", data=data, actor="super"), 2)),
        note_op(h, theirs, {"text": "shënim (TEST)"}),
        _dict(h.op("request.print", theirs, h.event("print", data={"copy": 0}))),
        _dict(h.op("request.void", theirs, h.event("void", from_status="received", to_status="cancelled",
                                                   data={"reason": "gabim"}))),
        h.status_op(ghost, "received", "in_progress"),
    ]
    theirs_json = theirs.model_dump(mode="json")
    reused_id = intake(h, id=theirs.id)
    reused_id["request"]["request_id"] = theirs.id
    reused_event = intake(h)
    reused_event["request"]["event"]["id"] = theirs_op.request.event.id
    own_note_their_event = note_op(h, r1, {"text": "shënim (TEST)"})
    own_note_their_event["request"]["event"]["id"] = their_note.request.event.id
    their_event = theirs_op.request.event.model_dump(mode="json")
    items = [bad(x, "unknown_request") for x in unknown]
    items += [
        bad(sync_op(theirs_json, [their_event]), "wrong_unit", track=False),
        bad(sync_op(theirs_json | {"id": ghost.id}, [their_event]), "wrong_unit", track=False),  # nobody's id
        bad(sync_op(theirs_json | {"unit_code": "TR01", "workstation_code": "W01"},
                    [their_event | {"workstation": "W01"}]), "invalid", track=False),
        bad(reused_id, "invalid", track=False),  # an intake under their request id
        bad(reused_event, "invalid", track=False),  # an intake under their event id
        bad(own_note_their_event, "invalid", track=False),  # a note on our request under their event id
        bad(_dict(h.op("request.status", r1.model_copy(update={"receipt_no": theirs.receipt_no}),
                       h.event("status", from_status="received", to_status="in_progress"))), "invalid"),
        ok(h.status_op(r1, "received", "in_progress")),
    ]
    case.request_ids.add(reused_event["request"]["request_id"])
    case.event_ids.add(reused_id["request"]["event"]["id"])
    answers = case.push(h, items)
    # the desk cannot even learn their request exists: the same answer as for an id nobody has
    answer_for = {a["reason"]: a for a in answers[: len(unknown)]}
    assert set(answer_for) == {"unknown_request"}
    assert {(a["message"], a["current"]) for a in answers[: len(unknown)]} == {
        ("The central system does not have this request.", None)
    }
    n = len(unknown)
    assert answers[n]["message"] == answers[n + 1]["message"], "their id or nobody's: the same answer"
    case.retry(h, items)
    assert state(server, theirs.id) == their_state
    assert state(server, r1.id) == ("in_progress", 2, "clerk1", 2)
    case.honest_sync(c, b)
    case.done()

    fields = Case(server, "7 fields naming another unit or workstation")
    own_never_seen = intake(h)
    foreign_event = intake(h)
    foreign_event["request"]["event"]["workstation"] = "W02"
    items = [
        bad(intake(h, unit_code="TR02"), "wrong_unit"),
        bad(intake(h, workstation_code="W02"), "wrong_workstation"),
        bad(foreign_event, "wrong_workstation"),
        bad(with_event(_dict(h.status_op(r1, "in_progress", "ready")), workstation="W02"), "wrong_workstation"),
        bad(with_event(note_op(h, r1, {"text": "shënim (TEST)"}), workstation="HQ"), "wrong_workstation"),
        bad(sync_op(snap_of(own_never_seen) | {"unit_code": "TR02"}, [own_never_seen["request"]["event"]]),
            "wrong_unit"),
        bad(sync_op(snap_of(own_never_seen), [own_never_seen["request"]["event"] | {"workstation": "W02"}]),
            "wrong_workstation"),
        ok(h.status_op(r1, "in_progress", "ready")),
    ]
    fields.push(h, items)
    fields.retry(h, items)
    assert state(server, r1.id) == ("ready", 3, "clerk1", 3)
    fields.honest_sync(b, c)
    fields.done()


# ------------------------------------------------------------------------------------------ 8. sizes and shapes


def test_request_sizes_and_shapes(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    case = Case(server, "8 sizes and shapes of the whole request")
    # more ops than a push may carry: refused whole, the valid intakes in it included
    valid = [intake(h) for _ in range(3)]
    for body in valid:
        case.track(body)
    filler = [{"op_id": str(uuid7())} for _ in range(L.MAX_OPS_PER_PUSH + 1 - len(valid))]
    case.refused_whole(raw_push(h, [*valid, *filler]), 400, "bad_request")
    # a body nested 300 levels deep (inside an event's data): 400, not 500
    deep: Any = "thellë"
    for _ in range(300):
        deep = {"a": deep}
    nested = intake(h)
    nested["request"]["event"]["data"] = deep
    case.track(nested)
    case.refused_whole(raw_push(h, [nested]), 400, "bad_request")
    deep_list = b"[" * 300 + b"]" * 300
    case.refused_whole(post(h, "/v1/push", b'{"receipt_counter": 0, "ops": ' + deep_list + b"}"), 400, "bad_request")
    # a gzip bomb and a body over the limit
    bomb = gzip.compress(b'{"receipt_counter": 0, "ops": [' + b" " * (L.MAX_PUSH_BYTES + 1024) + b"]}")
    r = h.session.post(server.url + "/v1/push", data=bomb, timeout=60,
                       headers={**h.headers(), "Content-Type": "application/json", "Content-Encoding": "gzip"})  # fmt: skip
    case.refused_whole(r, 413, "bad_request")
    big = b'{"receipt_counter": 0, "ops": [' + b" " * (L.MAX_PUSH_BYTES + 1) + b"]}"
    case.refused_whole(post(h, "/v1/push", big), 413, "bad_request")
    # numbers no field can hold, and envelopes that do not validate
    case.refused_whole(post(h, "/v1/push", b'{"receipt_counter": 0, "ops": [{"op_id": ' + b"9" * 5000 + b"}]}"),
                       400, "bad_request")  # fmt: skip
    case.refused_whole(raw_push(h, [], counter=L.MAX_COUNTER + 1), 400, "bad_request")
    case.refused_whole(post(h, "/v1/push", json.dumps({"receipt_counter": 0, "ops": [],
                                                       "sent_at": "9999-12-31T23:59:59"}).encode()),
                       400, "bad_request")  # fmt: skip
    case.refused_whole(post(h, "/v1/push", json.dumps({"receipt_counter": 0, "ops": {"op_id": "x"}}).encode()),
                       400, "bad_request")  # fmt: skip
    # routes that do not exist
    for method, path in (("GET", "/v1/users"), ("POST", "/v1/users"), ("POST", "/v1/user.upsert"),
                         ("GET", "/v1/push/../../etc/passwd"), ("DELETE", "/v1/requests/1")):  # fmt: skip
        r = h.session.request(method, server.url + path, headers=h.headers(), data=b"{}", timeout=30)
        case.refused_whole(r, 404, "not_found")
    # ops that are not objects, lack an op id or do not parse: each refused alone
    now = utcnow().isoformat()
    no_event = _dict(h.status_op(model(snap_of(intake(h))), "received", "in_progress"))
    no_event["request"]["event"] = None
    nan_fee = intake(h)
    nan_fee["request"]["request"]["fee_paid"] = float("nan")
    extra = intake(h) | {"admin": True}
    honest_op = intake(h)
    items = [
        bad(1, "invalid"), bad("request.intake", "invalid"), bad(None, "invalid"), bad([], "invalid"),
        bad(True, "invalid"), bad(3.5, "invalid"), bad({}, "invalid"),
        bad({k: v for k, v in intake(h).items() if k != "op_id"}, "invalid"),  # no op id
        bad(intake(h) | {"op_id": 123}, "invalid"),
        bad(intake(h) | {"op_id": "x" * 10_000}, "invalid"),
        bad(intake(h) | {"op_id": "\ud800"}, "invalid"),
        bad(intake(h) | {"op_id": "nuk-eshte-uuid"}, "invalid"),
        bad(intake(h) | {"kind": "request.delete"}, "invalid"),
        bad({"op_id": str(uuid7()), "kind": "request.intake", "created_at": now, "request": None}, "invalid"),
        bad(no_event, "invalid"),
        bad(nan_fee, "invalid"),
        bad(extra, "invalid"),
        bad(intake(h) | {"\ud800": 1}, "invalid"),  # a key no UTF-8 answer can echo
        ok(honest_op),
    ]  # fmt: skip
    case.push(h, items)
    case.retry(h, items)
    assert state(server, honest_op["request"]["request_id"]) == ("received", 1, "clerk1", 1)
    case.honest_sync(b)
    case.done()


# ------------------------------------------------------------------------------------------ 9. enrolment


def enrol_from(server: Server, address: str, unit: str, workstation: str, code: str,
               headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any], dict[str, str]]:  # fmt: skip
    """``POST /v1/enrol`` from a loopback address of our choice (127.0.0.0/8: distinct client addresses)."""
    port = int(server.url.rsplit(":", 1)[1])
    body = p.EnrolRequest(code=code, unit_code=unit, workstation_code=workstation, receipt_counter=0)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(address, 0))
    try:
        conn.request("POST", "/v1/enrol", body=json.dumps(body.model_dump(mode="json")),
                     headers={"Content-Type": "application/json", **(headers or {})})  # fmt: skip
        r = conn.getresponse()
        data = json.loads(r.read() or b"{}")
        return r.status, data, {k.lower(): v for k, v in r.getheaders()}
    finally:
        conn.close()


def guess() -> str:
    raw = "".join(secrets.choice(enrolment.ENROL_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def test_enrolment_guessing_is_throttled(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    c: Desk = desks("TR02", "W01")  # enrolled before anyone guesses
    case = Case(server, "9 enrolment codes guessed")
    retry_after = str(int(enrolment.THROTTLE_WINDOW.total_seconds()))
    failures = 0

    def wrong(address: str, unit: str = "TR01", expect: tuple[int, str] = (403, "bad_enrolment_code"),
              headers: dict[str, str] | None = None) -> dict[str, str]:  # fmt: skip
        nonlocal failures
        status, body, got = enrol_from(server, address, unit, "W09", guess(), headers)
        case.refused_whole((status, body), *expect)
        if status == 403 and unit == "TR01":
            failures += 1
        return got

    # per address: ADDRESS_FAILURES wrong codes, then 429 with Retry-After, a right code refused too
    for _ in range(enrolment.ADDRESS_FAILURES):
        wrong("127.0.0.1")
    got = wrong("127.0.0.1", expect=(429, "too_many_attempts"))
    assert got.get("retry-after") == retry_after
    right = server.enrol_code("TR01")
    status, body, got = enrol_from(server, "127.0.0.1", "TR01", "W07", right)
    case.refused_whole((status, body), 429, "too_many_attempts")
    assert got.get("retry-after") == retry_after
    # a header cannot make a desk someone else (only the reverse proxy's X-Forwarded-For is trusted)
    for _ in range(enrolment.ADDRESS_FAILURES):
        wrong("127.0.0.3", headers={"X-Forwarded-For": "198.51.100.7"})
    wrong("127.0.0.3", expect=(429, "too_many_attempts"), headers={"X-Forwarded-For": "198.51.100.8"})
    # another address of the same unit is not throttled yet: the right code (not used up) works there
    status, body, _ = enrol_from(server, "127.0.0.2", "TR01", "W07", right)
    assert status == 200, body
    # per unit: UNIT_FAILURES wrong codes from any addresses, then every address is refused for this unit
    host = 10
    while failures < enrolment.UNIT_FAILURES:
        for _ in range(min(enrolment.ADDRESS_FAILURES - 1, enrolment.UNIT_FAILURES - failures)):
            wrong(f"127.0.0.{host}")
        host += 1
    fresh = f"127.0.0.{host}"
    wrong(fresh, expect=(429, "too_many_attempts"))
    status, body, got = enrol_from(server, fresh, "TR01", "W08", server.enrol_code("TR01"))
    case.refused_whole((status, body), 429, "too_many_attempts")
    assert got.get("retry-after") == retry_after
    # another unit is not locked out by guesses at this one
    status, body, _ = enrol_from(server, f"127.0.0.{host + 1}", "TR02", "W02", server.enrol_code("TR02"))
    assert status == 200, body
    with server.db.read() as s:
        enrolled = set(s.execute(select(m.Workstation.unit_code, m.Workstation.code)))
    assert enrolled == {("TR01", "W01"), ("TR01", "W07"), ("TR02", "W01"), ("TR02", "W02")}
    case.honest_sync(a, c)  # enrolled desks never meet the throttle
    case.done()


# ------------------------------------------------------------------------------------------ 10. services, time


def service_op(code: str, *, actor: str | None = "admin", when: dt.datetime | None = None,
               **service: Any) -> dict[str, Any]:  # fmt: skip
    body = {"code": code, "name": {"sq": "Vërtetim vendor (TEST)", "en": "Local certificate (TEST)"},
            "category": "Vendore", "life_event": None, "documents": [], "fee": {"amount": 0, "currency": "ALL"},
            "standard_days": 2, "office": "Zyra", "active": True, "origin": "local"} | service  # fmt: skip
    at_ = (when or utcnow()).isoformat()
    return {"op_id": str(uuid7()), "kind": "service.upsert", "created_at": at_,
            "service": {"code": code, "service": body, "updated_at": at_, "actor": actor}}  # fmt: skip


def test_services_and_the_time_window(desks: Any, server: Server) -> None:
    h: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    c: Desk = desks("TR02", "W01")
    case = Case(server, "10 services of the unit")
    now = utcnow()
    deep: Any = "x"
    for _ in range(7):
        deep = {"a": deep}
    no_name = service_op("LOC-03")
    del no_name["service"]["service"]["name"]
    other_code = service_op("LOC-12")
    other_code["service"]["service"]["code"] = "LOC-13"
    items = [
        bad(service_op("CERT-FAM"), "invalid"),  # a central service
        bad(service_op("LOC-01", actor="clerk1"), "not_permitted"),
        bad(service_op("LOC-02", actor=None), "not_permitted"),
        bad(service_op("LOC-06", actor="hayalet"), "unknown_actor"),
        bad(no_name, "invalid"),
        bad(service_op("LOC-04", standard_days=-1), "invalid"),
        bad(service_op("LOC-05", name={"sq": "Vërtetim\x00 (TEST)", "en": "x"}), "invalid"),
        bad(service_op("LOC-07", office=deep), "invalid"),
        bad(service_op("LOC-08", office="z" * (L.MAX_SERVICE_BYTES + 1)), "invalid"),
        bad(service_op("LOC-09", when=now - dt.timedelta(days=91)), "bad_time"),
        bad(service_op("LOC-10", when=now + dt.timedelta(hours=1)), "bad_time"),
        bad(other_code, "invalid"),
        ok(service_op("LOC-OK")),
        bad(intake(h, service_code="LOC-04", standard_days=2), "invalid"),  # a service that was refused
    ]
    case.push(h, items)
    case.retry(h, items)
    with server.db.read() as s:
        stored = set(s.execute(select(m.UnitService.unit_code, m.UnitService.code)))
    assert stored == {("TR01", "LOC-OK")}
    services = [ch.service.code for ch in b.pull_all()[0] if ch.kind == "service" and ch.service is not None]
    assert services == ["LOC-OK"]
    assert not [ch for ch in c.pull_all()[0] if ch.kind == "service"]
    case.honest_sync(b, c)
    case.done()

    window = Case(server, "10b the time window and the desk's clock skew")
    op1, r1 = h.intake(name=CITIZEN)
    assert [x.result for x in h.push([op1])] == ["applied"]
    old, ahead = now - dt.timedelta(days=91), now + dt.timedelta(hours=1)
    items = [
        bad(intake(h, when=old), "bad_time"),
        bad(at(_dict(h.status_op(r1, "received", "in_progress")), old), "bad_time"),
        bad(intake(h, when=ahead), "bad_time"),
        bad(at(note_op(h, r1, {"text": "shënim (TEST)"}), ahead), "bad_time"),
        bad(at(_dict(h.status_op(r1, "received", "in_progress")), ahead), "bad_time"),
        ok(intake(h, when=now - dt.timedelta(days=89))),  # a desk offline for weeks
        ok(h.status_op(r1, "received", "in_progress")),
    ]
    window.push(h, items)
    window.retry(h, items)
    # a desk whose clock is 30 minutes fast says so (sent_at): its ops may be 30 minutes ahead, not more
    fast = dt.timedelta(minutes=30)
    window.push(h, [ok(intake(h, when=utcnow() + fast)),
                    bad(intake(h, when=utcnow() + fast + L.TIME_FUTURE + dt.timedelta(minutes=5)), "bad_time")],
                sent_at=utcnow() + fast)  # fmt: skip
    skew = {w["workstation"]: w["clock_skew_s"] for w in enrolment.workstation_view(server.db, "TR01")}
    assert isinstance(skew["W01"], float) and abs(skew["W01"] - fast.total_seconds()) < 60
    # one claiming 5 days of skew is allowed for at most MAX_SKEW
    claim = dt.timedelta(days=5)
    window.push(h, [
        ok(intake(h, when=utcnow() + L.MAX_SKEW + L.TIME_FUTURE - dt.timedelta(minutes=5))),
        bad(intake(h, when=utcnow() + L.MAX_SKEW + L.TIME_FUTURE + dt.timedelta(minutes=30)), "bad_time"),
        bad(intake(h, when=utcnow() + claim), "bad_time"),
    ], sent_at=utcnow() + claim)  # fmt: skip
    skew = {w["workstation"]: w["clock_skew_s"] for w in enrolment.workstation_view(server.db, "TR01")}
    recorded = skew["W01"]
    assert isinstance(recorded, float) and abs(recorded - claim.total_seconds()) < 60, "recorded, not trusted"
    window.honest_sync(b, c)
    window.done()
