"""The central server over HTTP: enrolment, push outcomes, conflicts, pull paging, scoping, clones,
revocation, gzip, and concurrency — on SQLite and PostgreSQL, against a real server process."""

from __future__ import annotations

import gzip
import json
import threading
from typing import Any

import requests

from frontdesk import wire as p
from frontdesk.central import accounts, backoffice
from frontdesk.clock import utcnow, uuid7

from .conftest import Desk, Server, results


def _error(r: requests.Response) -> p.ErrorBody:
    return p.ErrorBody.model_validate(r.json())


def _listed(server: Server, unit: str | None = None) -> list[dict[str, Any]]:
    """The server's requests (what ``frontdesk-central requests --json`` prints; test_cli runs the command)."""
    return [r.model_dump(mode="json") for r in backoffice.list_requests(server.db, unit)]


def _request_changes(changes: list[p.Change]) -> dict[str, p.RequestChange]:
    """The last request change of each request id."""
    out: dict[str, p.RequestChange] = {}
    for c in changes:
        if c.kind == "request":
            assert c.request is not None
            out[c.request.request.id] = c.request
    return out


# ------------------------------------------------------------------------------------------ enrolment


def test_enrolment_code_is_one_time_and_workstation_codes_unique(server: Server) -> None:
    server.add_unit("TR01")
    code = server.enrol_code("TR01")
    first = Desk(server, "TR01", "W01")
    r = first.enrol(code, receipt_counter=7)
    assert r.status_code == 200, r.text
    body = p.EnrolResponse.model_validate(r.json())
    assert body.unit_code == "TR01" and body.unit_name == "Njësia Testuese"
    assert body.epoch == server.health()["epoch"]
    assert len(body.token) >= 40

    again = Desk(server, "TR01", "W02")
    r = again.enrol(code)
    assert r.status_code == 403 and _error(r).error == "bad_enrolment_code"

    taken = Desk(server, "TR01", "W01")
    fresh = server.enrol_code("TR01")
    r = taken.enrol(fresh)
    assert r.status_code == 409 and _error(r).error == "workstation_code_taken"
    # the refused enrolment did not consume the fresh code
    r = Desk(server, "TR01", "W02").enrol(fresh)
    assert r.status_code == 200, r.text

    # a code of another unit, a made-up code, and the code written in lower case with spaces
    server.add_unit("TR02")
    other = server.enrol_code("TR02")
    assert Desk(server, "TR01", "W09").enrol(other).status_code == 403
    assert Desk(server, "TR01", "W09").enrol("AAAA-BBBB").status_code == 403
    r = Desk(server, "TR02", "W01").enrol(" " + other.lower().replace("-", " ") + " ")
    assert r.status_code == 200, r.text
    for d in (first, again, taken):
        d.session.close()


# ------------------------------------------------------------------------------------------ push


def test_intake_applied_then_retry_is_duplicate_and_nothing_doubles(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    ops = [a.intake(name=f"Qytetar Provë {i}")[0] for i in range(3)]
    assert results(a.push(ops)) == ["applied"] * 3
    assert results(a.push(ops)) == ["duplicate"] * 3
    changes, _ = b.pull_all()
    seen = _request_changes(changes)
    assert len(changes) == 3 and len(seen) == 3
    assert {c.request.receipt_no for c in seen.values()} == {o.request.receipt_no for o in ops if o.request}
    for change in seen.values():
        assert change.request.status == "received" and change.request.version == 1
        assert [e.kind for e in change.events] == ["intake"]
    listed = _listed(a.server, "TR01")
    assert len(listed) == 3


def test_one_bad_op_never_spoils_the_others(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    op1, snap1 = a.intake()
    op2, snap2 = a.intake()
    _, ghost = a.intake()  # never pushed
    bad_unknown = a.status_op(ghost, "received", "in_progress")
    bad_transition = a.status_op(snap1, "received", "delivered")
    good_status = a.status_op(snap2, "received", "in_progress")
    batch = [op1, bad_unknown, op2, bad_transition, good_status]
    res = a.push(batch)
    assert results(res) == ["applied", "rejected", "applied", "rejected", "applied"]
    assert res[1].reason == "unknown_request"
    assert res[3].reason == "invalid_transition"
    assert res[3].current == {"status": "received", "version": 1}
    # the same batch again: applied ones are duplicates, rejected ones stay rejected with their reason
    again = a.push(batch)
    assert results(again) == ["duplicate", "rejected", "duplicate", "rejected", "duplicate"]
    assert [r.reason for r in again] == [None, "unknown_request", None, "invalid_transition", None]
    listed = {r["receipt_no"]: r for r in _listed(a.server)}
    assert listed[snap1.receipt_no]["status"] == "received"
    assert listed[snap2.receipt_no]["status"] == "in_progress" and listed[snap2.receipt_no]["version"] == 2
    assert ghost.receipt_no not in listed


def test_status_changes_follow_the_server_lifecycle(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    op, snap = a.intake()
    steps = [
        a.status_op(snap, "received", "in_progress"),
        a.status_op(snap, "in_progress", "ready"),
        a.status_op(snap, "ready", "delivered", rating=5),
    ]
    assert results(a.push([op, *steps])) == ["applied"] * 4
    seen = _request_changes(b.pull_all()[0])[snap.id]
    assert seen.request.status == "delivered" and seen.request.version == 4
    assert seen.request.rating == 5 and seen.request.delivered_at is not None
    assert seen.request.completed_at is not None
    # a desk that did not know: its change from an old status is decided against the server's state
    late = b.status_op(snap, "received", "cancelled")
    (res,) = b.push([late])
    assert res.result == "rejected" and res.reason == "invalid_transition"
    assert res.current == {"status": "delivered", "version": 4}


def test_stale_reassignment_first_to_reach_the_server_wins(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    op, snap = a.intake()
    assert results(a.push([op])) == ["applied"]
    (first,) = a.push([a.assign_op(snap, "clerk2", base_version=1)])
    (second,) = b.push([b.assign_op(snap, "clerk3", base_version=1)])
    assert first.result == "applied"
    assert second.result == "rejected" and second.reason == "stale"
    assert second.current is not None
    assert second.current["assignee"] == "clerk2" and second.current["version"] == 2
    # based on the current version, a new reassignment is accepted
    (third,) = b.push([b.assign_op(snap, "clerk3", base_version=2)])
    assert third.result == "applied"
    # a status change in between does not make an assignment stale (only another assignment does)
    assert results(a.push([a.status_op(snap, "received", "in_progress")])) == ["applied"]
    (fourth,) = a.push([a.assign_op(snap, "clerk1", base_version=3)])
    assert fourth.result == "applied"
    seen = _request_changes(b.pull_all()[0])[snap.id]
    assert seen.request.assignee == "clerk1" and seen.request.version == 5


def test_terminal_state_wins_over_reassignment(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    op, snap = a.intake()
    c_op, c_snap = a.intake()
    ops = [op, a.status_op(snap, "received", "ready"), a.status_op(snap, "ready", "delivered"), c_op]
    ops.append(a.status_op(c_snap, "received", "cancelled"))
    assert results(a.push(ops)) == ["applied"] * 5
    res = b.push([b.assign_op(snap, "clerk2", base_version=1), b.assign_op(c_snap, "clerk2", base_version=2)])
    assert results(res) == ["rejected", "rejected"]
    assert [r.reason for r in res] == ["invalid_transition", "invalid_transition"]
    assert res[0].current is not None and res[0].current["status"] == "delivered"
    assert res[1].current is not None and res[1].current["status"] == "cancelled"


def test_notes_and_prints_merge_and_are_pulled(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    op, snap = a.intake()
    note = a.op("request.note", snap, a.event("note", data={"text": "Qytetari u njoftua"}), 1)
    printed = a.op("request.print", snap, a.event("print", data={"copy": 0, "visit_size": 1}), 1)
    assert results(a.push([op, note, printed])) == ["applied"] * 3
    # the same note event under another op id (a re-push after a restore) merges, nothing doubles
    same = note.model_copy(update={"op_id": uuid7()})
    assert results(a.push([same])) == ["duplicate"]
    changes, _ = b.pull_all()
    kinds = [e.kind for c in changes if c.request for e in c.request.events]
    assert kinds == ["intake", "note", "print"]
    assert changes[-1].request is not None and changes[-1].request.request.version == 1


def test_central_accounts_reach_the_units_desks_and_a_desk_cannot_push_one(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    other: Desk = desks("TR02", "W01")
    accounts.add_user(server.db, "TR01", "arta.prove", "supervisor", "Arta Provë (TEST)", "fjalekalim-i-perkohshem")
    for desk in (a, b):  # made on the central system: every desk of the unit gets it, the maker's too
        users = [c.user for c in desk.pull_all()[0] if c.kind == "user"]
        assert len(users) == 1 and users[0] is not None
        assert users[0].username == "arta.prove" and users[0].role == "supervisor"
        assert users[0].must_change_password and users[0].password_hash.startswith("$argon2id$")
    assert other.pull_all()[0] == []  # another unit never sees it
    # a desk that tries to make or change an account: refused per op, nothing reaches anyone
    forged = {"op_id": uuid7(), "kind": "user.upsert", "created_at": "2026-12-01T10:00:00",
              "user": {"username": "sulmues", "full_name": "Sulmues (TEST)", "role": "admin", "active": True,
                       "password_hash": users[0].password_hash, "updated_at": "2026-12-01T10:00:00"}}  # fmt: skip
    good, _ = a.intake()
    res = a.push([forged, good])
    assert [r.result for r in res] == ["rejected", "applied"] and res[0].reason == "invalid"
    assert [c.kind for c in b.pull_all()[0]] == ["user", "request"]
    assert {u.username for u in accounts.list_users(server.db, "TR01")} == {
        "admin", "arta.prove", "clerk1", "clerk2", "clerk3", "super"
    }


# ------------------------------------------------------------------------------------------ pull


def test_pull_pages_never_skip_and_leave_out_own_changes(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    a_ops = [a.intake(name=f"Qytetar {i}")[0] for i in range(7)]
    assert results(a.push(a_ops[:4])) == ["applied"] * 4
    (b_op, _b_snap) = b.intake()
    assert results(b.push([b_op])) == ["applied"]
    assert results(a.push(a_ops[4:])) == ["applied"] * 3

    base = b.baseline  # the unit's set-up (catalogue, accounts) came first
    pages: list[p.ChangesResponse] = []
    after = base
    while True:
        page = b.pull_page(after, limit=3)
        pages.append(page)
        assert len(page.changes) <= 3
        after = page.next
        if not page.more:
            break
    got = [c for page in pages for c in page.changes]
    seqs = [c.seq for c in got]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    assert {c.request.request.receipt_no for c in got if c.request} == {
        o.request.receipt_no for o in a_ops if o.request
    }
    assert pages[-1].next == base + 8  # the cursor passed b's own change (seq base + 5) too

    mine, cursor = a.pull_all(limit=2)
    assert [c.request.request.receipt_no for c in mine if c.request] == [
        b_op.request.receipt_no if b_op.request else ""
    ]
    assert cursor == base + 8
    empty = a.pull_page(cursor)
    assert empty.changes == [] and empty.next == base + 8 and not empty.more
    # a desk whose own changes fill a page still advances its cursor past them
    page = a.pull_page(base, limit=1)
    assert page.changes == [] or page.changes[0].seq == base + 5
    assert page.next >= base + 1


def test_pull_under_concurrent_pushes_never_skips(desks: Any) -> None:
    writer_a: Desk = desks("TR01", "W01")
    writer_b: Desk = desks("TR01", "W02")
    reader: Desk = desks("TR01", "W03")
    batches = 12
    done = threading.Event()
    errors: list[BaseException] = []

    def write(desk: Desk) -> None:
        try:
            with requests.Session() as session:
                desk.session = session
                for _ in range(batches):
                    assert results(desk.push([desk.intake()[0] for _ in range(5)])) == ["applied"] * 5
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d,)) for d in (writer_a, writer_b)]
    for t in threads:
        t.start()
    seen: list[int] = []
    cursor = reader.baseline
    try:
        while True:
            finished = not any(t.is_alive() for t in threads)
            page = reader.pull_page(cursor, limit=4)
            seen.extend(c.seq for c in page.changes)
            cursor = page.next
            if finished and not page.more:
                break
    finally:
        for t in threads:
            t.join(timeout=120)
        done.set()
    assert not errors, errors
    assert seen == list(range(reader.baseline + 1, reader.baseline + 2 * batches * 5 + 1))


# ------------------------------------------------------------------------------------------ scoping, clones, auth


def test_a_unit_cannot_see_or_touch_another_units_requests(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR02", "W01")
    op, snap = a.intake()
    assert results(a.push([op])) == ["applied"]
    assert b.pull_all()[0] == []
    res = b.push(
        [
            b.status_op(snap, "received", "cancelled"),
            b.assign_op(snap, "clerk9", base_version=1),
            b.op("request.note", snap, b.event("note", data={"text": "x"}), 1),
        ]
    )
    assert [r.reason for r in res] == ["unknown_request"] * 3
    foreign_op, _ = b.intake(unit="TR01")
    (res1,) = b.push([foreign_op])
    assert res1.result == "rejected" and res1.reason == "wrong_unit"
    listed = _listed(a.server, "TR02")
    assert listed == []
    listed = _listed(a.server, "TR01")
    assert [r["status"] for r in listed] == ["received"]


def test_clone_detection(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    ops = [a.intake()[0] for _ in range(3)]
    assert results(a.push(ops[:2], counter=5)) == ["applied"] * 2
    r = a.push_raw([ops[2]], counter=4)
    assert r.status_code == 409
    err = _error(r)
    assert err.error == "clone_suspected" and err.detail["highest_seen"] == 5
    # nothing of the refused batch was applied
    assert results(a.push([ops[2]], counter=5)) == ["applied"]
    # a receipt number the server has for another request id
    _, snap = a.intake()
    twin_op, _twin = a.intake()
    assert twin_op.request is not None and twin_op.request.request is not None
    first_receipt = ops[0].request.receipt_no if ops[0].request else ""
    twin_snap = twin_op.request.request.model_copy(update={"receipt_no": first_receipt})
    twin = twin_op.model_copy(
        update={"request": twin_op.request.model_copy(update={"request": twin_snap, "receipt_no": first_receipt})}
    )
    # a receipt number the server has for another request id: a copied workstation; the whole push is
    # refused (the valid op beside it included) and nothing of it is applied
    fresh_op, fresh = a.intake()
    r = a.push_raw([fresh_op, twin], counter=9)
    assert r.status_code == 409
    err = _error(r)
    assert err.error == "clone_suspected" and err.detail["receipt_no"] == first_receipt
    # "applied", not "duplicate": the refused push left no trace of the valid op either
    assert results(a.push([fresh_op], counter=9)) == ["applied"]
    assert fresh.receipt_no != first_receipt
    assert snap.receipt_no  # unused request stays unknown


def test_tokens_missing_unknown_and_revoked_answer_401(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    assert a.pull_page().changes == []
    none = requests.get(server.url + "/v1/changes", timeout=10)
    assert none.status_code == 401 and _error(none).error == "unauthorised"
    bad = requests.post(
        server.url + "/v1/push",
        json={"receipt_counter": 0, "ops": []},
        headers={"Authorization": "Bearer not-a-token"},
        timeout=10,
    )
    assert bad.status_code == 401 and _error(bad).error == "unauthorised"
    res = server.cli("revoke", "--unit", "TR01", "--workstation", "W01")
    assert res.code == 0, res.err
    r = a.push_raw([a.intake()[0]])
    assert r.status_code == 401 and _error(r).error == "revoked"
    r = a.changes_raw()
    assert r.status_code == 401 and _error(r).error == "revoked"
    assert b.pull_page().changes == []  # the other desk is unaffected
    assert server.cli("revoke", "--unit", "TR01", "--workstation", "W07").code == 5


def test_new_epoch_changes_every_response(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    before = server.health()["epoch"]
    assert a.epoch == before
    res = server.cli("new-epoch")
    assert res.code == 0, res.err
    after = res.out.strip()
    assert after != before
    assert server.health()["epoch"] == after
    assert a.pull_page().epoch == after
    r = a.push_raw([])
    assert r.status_code == 200 and r.json()["epoch"] == after


def test_request_sync_only_for_what_the_server_never_saw_or_after_an_epoch_change(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    known_op, known = a.intake()
    assert results(a.push([known_op])) == ["applied"]
    # a request the server never had, with its whole history
    lost_intake, lost = a.intake()
    assert lost_intake.request is not None and lost_intake.request.event is not None
    moved = a.event("status", from_status="received", to_status="in_progress")
    lost_now = lost.model_copy(update={"status": "in_progress", "version": 2})

    def sync(snap: p.RequestSnapshot, events: list[p.EventPayload], base_epoch: str | None = None) -> p.Op:
        return p.Op(
            op_id=uuid7(),
            kind="request.sync",
            created_at=utcnow(),
            request=p.RequestOpPayload(request_id=snap.id, receipt_no=snap.receipt_no, version=snap.version,
                                       request=snap, events=events, base_epoch=base_epoch),
        )

    assert known_op.request is not None and known_op.request.event is not None
    delivered = a.event("deliver", from_status="received", to_status="delivered", data={"rating": 5})
    first = sync(lost_now, [lost_intake.request.event, moved])
    res = a.push([first, sync(known.model_copy(update={"status": "delivered"}), [known_op.request.event, delivered])])
    assert results(res) == ["applied", "rejected"]
    assert res[1].reason == "not_permitted"  # no epoch change: a known request is not re-pushed
    assert results(a.push([first])) == ["duplicate"]  # the same op again (a lost answer)
    (again,) = a.push([sync(lost_now, [lost_intake.request.event, moved])])
    assert again.reason == "not_permitted"  # the server has it now: a new re-push needs an epoch change
    seen = _request_changes(b.pull_all()[0])
    assert seen[lost.id].request.status == "in_progress" and seen[lost.id].request.version == 2
    assert [e.kind for e in seen[lost.id].events] == ["intake", "status"]
    assert seen[known.id].request.status == "received"  # untouched by the refused re-push
    # after an epoch change (a restore), naming the epoch it repairs: the events the server lacks are replayed
    old_epoch = server.health()["epoch"]
    assert server.cli("new-epoch").code == 0
    ready = a.event("status", from_status="received", to_status="ready")
    back = a.event("status", from_status="ready", to_status="received")  # not a transition the rules allow
    snap = known.model_copy(update={"status": "ready", "version": 2})
    (res1,) = a.push([sync(snap, [known_op.request.event, ready, back], base_epoch=old_epoch)])
    assert res1.result == "applied" and res1.message and "1 event(s) left out" in res1.message
    seen = _request_changes(b.pull_all()[0])
    assert seen[known.id].request.status == "ready" and [e.kind for e in seen[known.id].events] == ["status"]
    # naming an epoch that never ended (the current one) opens nothing
    (res2,) = a.push([sync(snap, [known_op.request.event, ready], base_epoch=server.health()["epoch"])])
    assert res2.result == "rejected" and res2.reason == "not_permitted"
    # a later status op of the re-pushed request is checked against the synced state
    (res3,) = a.push([a.status_op(lost_now, "in_progress", "ready")])
    assert res3.result == "applied"


# ------------------------------------------------------------------------------------------ concurrency


def test_same_batch_pushed_twice_at_once(desks: Any) -> None:
    a: Desk = desks("TR01", "W01")
    reader: Desk = desks("TR01", "W02")
    intakes = [a.intake(name=f"Qytetar Njëkohshëm {i}") for i in range(40)]
    batch = [op for op, _ in intakes] + [a.status_op(snap, "received", "in_progress") for _, snap in intakes[:10]]
    barrier = threading.Barrier(2)
    answers: list[list[p.OpResult] | BaseException] = [[], []]

    def go(i: int) -> None:
        try:
            with requests.Session() as session:
                desk = Desk(a.server, a.unit, a.code, a.token, a.workstation_id, a.epoch, a.counter, a.baseline,
                            session)  # fmt: skip
                barrier.wait(timeout=30)
                answers[i] = desk.push(batch)
        except BaseException as exc:  # reported below
            answers[i] = exc

    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    one, two = answers
    assert isinstance(one, list) and isinstance(two, list), answers
    for x, y in zip(one, two, strict=True):
        assert sorted([x.result, y.result]) == ["applied", "duplicate"], (x, y)
    changes, _ = reader.pull_all()
    assert len(changes) == 50
    seen = _request_changes(changes)
    assert len(seen) == 40
    assert sum(1 for c in seen.values() if c.request.status == "in_progress") == 10
    listed = _listed(a.server)
    assert len(listed) == 40 and len({r["id"] for r in listed}) == 40


# ------------------------------------------------------------------------------------------ transport


def test_gzip_bodies_both_ways(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR01", "W02")
    ops = [a.intake()[0] for _ in range(5)]
    r = a.push_raw(ops, gzipped=True)
    assert r.status_code == 200, r.text
    assert [x["result"] for x in r.json()["results"]] == ["applied"] * 5
    raw = requests.get(
        server.url + "/v1/changes", params={"after": b.baseline}, headers={**b.headers(), "Accept-Encoding": "gzip"},
        timeout=10, stream=True,
    )  # fmt: skip
    assert raw.headers.get("Content-Encoding") == "gzip"
    body = json.loads(gzip.decompress(raw.raw.read()))
    raw.close()
    assert len(body["changes"]) == 5
    broken = requests.post(
        server.url + "/v1/push",
        data=b"\x1f\x8b not gzip at all",
        headers={**a.headers(), "Content-Encoding": "gzip", "Content-Type": "application/json"},
        timeout=10,
    )
    assert broken.status_code == 400 and _error(broken).error == "bad_request"
    bomb = gzip.compress(b"[" + b" " * (17 * 1024 * 1024) + b"]")
    big = requests.post(
        server.url + "/v1/push",
        data=bomb,
        headers={**a.headers(), "Content-Encoding": "gzip", "Content-Type": "application/json"},
        timeout=30,
    )
    assert big.status_code == 413 and _error(big).error == "bad_request"


def test_errors_are_error_bodies_with_4xx(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    cases: list[tuple[requests.Response, int, str]] = []
    s = a.session
    h = a.headers()
    cases.append((s.post(server.url + "/v1/push", data=b"{not json", headers=h, timeout=10), 400, "bad_request"))
    cases.append((s.post(server.url + "/v1/push", json={"ops": "x"}, headers=h, timeout=10), 400, "bad_request"))
    cases.append((s.get(server.url + "/v1/changes?limit=5000", headers=h, timeout=10), 400, "bad_request"))
    cases.append((s.get(server.url + "/v1/changes?after=-1", headers=h, timeout=10), 400, "bad_request"))
    cases.append((s.get(server.url + "/v1/nothing", headers=h, timeout=10), 404, "not_found"))
    cases.append((s.get(server.url + "/v1/push", headers=h, timeout=10), 405, "bad_request"))
    cases.append(
        (
            s.get(server.url + "/v1/changes", headers={**h, p.PROTOCOL_HEADER: "2"}, timeout=10),
            400,
            "unsupported_version",
        )
    )
    cases.append((s.post(server.url + "/v1/enrol", json={"code": "x"}, timeout=10), 400, "bad_request"))
    huge = {"receipt_counter": 2**70, "ops": []}
    cases.append((s.post(server.url + "/v1/push", json=huge, headers=h, timeout=10), 400, "bad_request"))
    for r, status, code in cases:
        assert r.status_code == status, (r.request.url, r.text)
        assert _error(r).error == code, r.text


# ------------------------------------------------------------------------------------------ the real client's ops


def test_the_workstation_outbox_is_applied_as_written(desks: Any, store: Any, clerk: Any, supervisor: Any) -> None:
    """Ops exactly as ``frontdesk.workflow`` writes them to a workstation's outbox (TR01/W03)."""
    from sqlalchemy import select

    from frontdesk import workflow
    from frontdesk.models import OutboxOp

    w03: Desk = desks("TR01", "W03")
    other: Desk = desks("TR01", "W01")
    citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli")
    (a,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"], note="shënim")])
    workflow.advance(store, clerk, a.receipt_no, "ready")
    workflow.reassign(store, supervisor, [a.receipt_no], "clerk2", "ngarkesa")
    workflow.add_note(store, clerk, a.receipt_no, "Qytetari u njoftua")
    workflow.record_print(store, clerk, a.receipt_no)
    workflow.deliver(store, clerk, a.receipt_no, rating=4)
    with store.read() as s:
        rows = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
        ops = [
            p.Op(op_id=o.op_id, kind=o.kind, created_at=o.created_at, **{o.kind.split(".")[0]: o.payload}) for o in rows
        ]
    kinds = [o.kind for o in ops]
    assert kinds[-6:] == [
        "request.intake",
        "request.status",
        "request.assign",
        "request.note",
        "request.print",
        "request.deliver",
    ]
    res = w03.push(ops, counter=1)
    assert results(res) == ["applied"] * len(ops), res
    assert results(w03.push(ops, counter=1)) == ["duplicate"] * len(ops)
    assert not [c for c in other.pull_all()[0] if c.user]  # accounts never travel from a desk
    seen = _request_changes([c for c in other.pull_all()[0] if c.kind == "request"])[a.id]
    assert seen.request.receipt_no == a.receipt_no
    assert seen.request.status == "delivered" and seen.request.rating == 4
    assert seen.request.assignee == "clerk2" and seen.request.version == 4
    assert [e.kind for e in seen.events] == ["deliver"]
