"""The local side of the sync without a network: a pulled page applied in one transaction (read with a few
``IN`` queries, frontdesk.pull._PageState) and a pushed batch settled with one DELETE — the cases a
page can hold: a request twice, a user not pulled yet, a request with local ops pending, a catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from frontdesk import auth, pull, replication, wire_rows, workflow
from frontdesk.clock import utcnow, uuid7
from frontdesk.db import Store
from frontdesk.identity import sample_nid
from frontdesk.models import OutboxOp, PullSetAside, Request, RequestEvent, User
from frontdesk.numbering import format_receipt_no


def _snap(counter: int, ws: str = "W07", **over: Any) -> dict[str, Any]:
    now = utcnow().replace(microsecond=0)
    snap = {
        "id": uuid7(), "receipt_no": format_receipt_no("TR01", ws, counter), "visit_id": uuid7(), "unit_code": "TR01",
        "workstation_code": ws, "service_code": "CERT-FAM", "citizen_nid": sample_nid(dt.date(1980, 5, 5), "F", 901),
        "citizen_name": "Qytetare Largët (TEST)", "citizen_phone": None, "documents": ["ID"],
        "documents_missing": [], "fee_paid": 0, "priority": False, "note": None, "status": "received",
        "assignee": "clerk1", "created_by": "clerk1", "created_at": now.isoformat(), "updated_at": now.isoformat(),
        "due_date": (now + dt.timedelta(days=3)).date().isoformat(), "standard_days": 2, "version": 1,
        "completed_at": None, "delivered_at": None, "rating": None,
    }  # fmt: skip
    snap.update(over)
    return snap


def _event(kind: str, to_status: str | None, actor: str = "clerk1", **data: Any) -> dict[str, Any]:
    return {"id": uuid7(), "kind": kind, "from_status": None, "to_status": to_status, "actor": actor,
            "workstation": "W07", "device_time": utcnow().isoformat(), "data": data}  # fmt: skip


def _change(seq: int, snap: dict[str, Any], *events: dict[str, Any]) -> dict[str, Any]:
    return {"seq": seq, "kind": "request", "request": {"request": snap, "events": list(events)}}


def _aside(store: Store) -> list[tuple[int, str]]:
    with store.read() as s:
        return [(x.seq, x.reason) for x in s.scalars(select(PullSetAside).order_by(PullSetAside.id))]


def test_a_page_with_a_request_twice_and_a_user_not_pulled_yet(store: Store) -> None:
    first = _snap(1)
    intake = _event("intake", "received")
    later = {**first, "status": "in_progress", "assignee": "klerk-tjeter", "version": 2}
    moved = _event("status", "in_progress", actor="klerk-tjeter")
    other = _snap(2, service_code="NEW-SVC")  # a service this desk does not know
    page = [
        _change(1, first, intake),
        _change(2, later, intake, moved),
        _change(3, other, _event("intake", "received")),
    ]
    done = pull.apply_page(store, page, next_cursor=3, epoch="E1")
    assert (done.applied, done.set_aside) == (3, 0)
    with store.read() as s:
        req = s.get(Request, first["id"])
        assert req is not None and req.status == "in_progress" and req.version == 2 and req.central_ack
        placeholder = s.scalars(select(User).where(User.username == "klerk-tjeter")).one()
        assert req.assignee_id == placeholder.id and not placeholder.active and placeholder.password_hash == "!"
        kinds = s.scalars(select(RequestEvent.kind).where(RequestEvent.request_id == first["id"])).all()
        assert sorted(kinds) == ["intake", "status"]  # the repeated intake event merged once
        assert s.get(Request, other["id"]) is not None
    assert replication.read_state(store)["cursor"] == "3"
    # the same page again (a cut link after the commit, before the cursor was known): nothing doubles
    pull.apply_page(store, page, next_cursor=3, epoch="E1")
    with store.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(RequestEvent).where(RequestEvent.request_id == first["id"])) == 2
        )
        assert s.scalar(select(func.count()).select_from(Request)) == 2
    assert _aside(store) == []


def test_local_ops_pending_keep_the_local_state_but_events_merge(store: Store, clerk: auth.Actor) -> None:
    (view,) = workflow.intake(
        store, clerk, workflow.CitizenInput(sample_nid(dt.date(1990, 1, 2), "M", 902), "Qytetar Vendor (TEST)"),
        [workflow.IntakeItem("CERT-FAM", ["ID"])],
    )  # fmt: skip
    with store.read() as s:
        req = s.scalars(select(Request).where(Request.receipt_no == view.receipt_no)).one()
        users = {u.id: u.username for u in s.scalars(select(User))}
        remote = wire_rows.request_snapshot(req, users).model_dump(mode="json")
    remote.update(status="ready", version=5)
    note = _event("note", None, text="u njoftua (TEST)")
    pull.apply_page(store, [_change(1, remote, note)], next_cursor=1, epoch="E1")
    with store.read() as s:
        req = s.scalars(select(Request).where(Request.receipt_no == view.receipt_no)).one()
        assert req.status == "received" and req.version == 1  # its intake op is still pending
        assert note["id"] in set(s.scalars(select(RequestEvent.id).where(RequestEvent.request_id == req.id)))


def test_bad_changes_are_set_aside_and_the_cursor_moves_on(store: Store, clerk: auth.Actor) -> None:
    """The feed is untrusted: each change that breaks a rule is set aside with its reason, the good ones of
    the same page apply, the cursor moves past all of them, and nothing raises."""
    (mine,) = workflow.intake(
        store, clerk, workflow.CitizenInput(sample_nid(dt.date(1991, 3, 4), "F", 904), "Qytetare Vendore (TEST)"),
        [workflow.IntakeItem("CERT-FAM", ["ID"])],
    )  # fmt: skip
    replication.settle(store, [{"op_id": o.op_id, "result": "applied"} for o in replication.pending_ops(store, 100)],
                       epoch="E1")  # fmt: skip
    good = _snap(10)
    with store.read() as s:
        req = s.scalars(select(Request).where(Request.receipt_no == mine.receipt_no)).one()
        users = {u.id: u.username for u in s.scalars(select(User))}
        own = wire_rows.request_snapshot(req, users).model_dump(mode="json")
    page = [
        _change(1, _snap(11, unit_code="TR02")),  # another unit's request
        _change(2, {**_snap(12), "receipt_no": "TR01-W07-000012A"}),  # a wrong check character
        _change(3, _snap(13, created_at="9999-12-31T00:00:00")),  # year 9999: the wire refuses it
        _change(4, _snap(14, created_at=(utcnow() + dt.timedelta(days=30)).isoformat())),  # from the future
        _change(5, _snap(999, ws="W03")),  # a number of THIS desk it has not issued: a clash waiting to happen
        _change(6, {**_snap(15), "receipt_no": mine.receipt_no, "workstation_code": "W03"}),  # someone else's id
        _change(7, _snap(16), {**_event("status", "received"), "from_status": "delivered"}),  # leaves a final status
        {"seq": 8, "kind": "request", "request": {"request": {"id": "not-a-uuid"}}},  # schema-breaking
        {"seq": 9, "kind": "user", "user": {"username": "admin", "role": "root"}},
        {"seq": 10, "kind": "catalog", "catalog": {"version": "x", "catalog": {"format": "nope"}}},
        "not even an object",
        _change(12, good, _event("intake", "received")),
        _change(13, {**own, "status": "in_progress", "version": own["version"] + 1}),  # a good change of mine
    ]
    done = pull.apply_page(store, page, next_cursor=13, epoch="E1")
    assert (done.applied, done.set_aside) == (2, 11)
    assert replication.read_state(store)["cursor"] == "13"
    reasons = dict(_aside(store))
    assert reasons == {1: "wrong_unit", 2: "bad_receipt", 3: "invalid", 4: "bad_time", 5: "bad_receipt",
                       6: "duplicate_receipt", 7: "invalid_transition", 8: "invalid", 9: "invalid",
                       10: "invalid", 0: "invalid"}, reasons  # fmt: skip
    st = replication.status(store)
    assert len(st.set_aside) == 11 and all(x.message for x in st.set_aside)
    with store.read() as s:
        assert s.get(Request, good["id"]) is not None
        assert s.scalars(select(Request.status).where(Request.receipt_no == mine.receipt_no)).one() == "in_progress"
        assert s.scalar(select(func.count()).select_from(Request)) == 2  # nothing else got in
        assert s.scalars(select(User.role).where(User.username == "admin")).one() == "admin"


def test_a_finished_request_is_never_moved_back_by_the_feed(store: Store, clerk: auth.Actor) -> None:
    (mine,) = workflow.intake(
        store, clerk, workflow.CitizenInput(sample_nid(dt.date(1992, 6, 7), "M", 905), "Qytetar Vendor (TEST)"),
        [workflow.IntakeItem("CERT-FAM", ["ID"])],
    )  # fmt: skip
    workflow.advance(store, clerk, mine.receipt_no, "ready")
    workflow.deliver(store, clerk, mine.receipt_no, rating=5)
    replication.settle(store, [{"op_id": o.op_id, "result": "applied"} for o in replication.pending_ops(store, 100)],
                       epoch="E1")  # fmt: skip
    with store.read() as s:
        req = s.scalars(select(Request).where(Request.receipt_no == mine.receipt_no)).one()
        users = {u.id: u.username for u in s.scalars(select(User))}
        snap = wire_rows.request_snapshot(req, users).model_dump(mode="json")
    back = {**snap, "status": "received", "version": snap["version"] + 1, "delivered_at": None, "rating": None}
    older = {**snap, "status": "ready", "version": snap["version"] - 1, "delivered_at": None}
    done = pull.apply_page(store, [_change(1, back), _change(2, older)], next_cursor=2, epoch="E1")
    assert (done.applied, done.set_aside) == (1, 1)  # the older one is simply not newer: kept, no error
    assert _aside(store) == [(1, "invalid_transition")]
    with store.read() as s:
        assert s.scalars(select(Request.status).where(Request.receipt_no == mine.receipt_no)).one() == "delivered"


def test_settle_acknowledges_and_keeps_rejections_with_reasons(store: Store, clerk: auth.Actor) -> None:
    for i in range(3):
        workflow.intake(
            store, clerk, workflow.CitizenInput(sample_nid(dt.date(1970, 1, 1 + i), "F", 903), f"Qytetare {i} (TEST)"),
            [workflow.IntakeItem("CERT-FAM", ["ID"])],
        )  # fmt: skip
    ops = replication.pending_ops(store, 100)
    intakes = [o for o in ops if o.kind == "request.intake"]
    answers = [{"op_id": o.op_id, "result": "applied"} for o in ops if o not in intakes[2:]]
    answers.append({"op_id": intakes[2].op_id, "result": "rejected", "reason": "invalid", "message": "Nuk vlen."})
    answers.append({"op_id": uuid7(), "result": "applied"})  # settled by an earlier, interrupted run
    assert replication.settle(store, answers, epoch="E1") == (len(ops) - 1, 1)
    with store.read() as s:
        left = s.scalars(select(OutboxOp)).all()
        assert [(o.op_id, o.state, o.rejected_reason, o.last_error, o.attempts) for o in left] == [
            (intakes[2].op_id, "rejected", "invalid", "Nuk vlen.", 1)
        ]
        acked = {r.id: r.central_ack for r in s.scalars(select(Request))}
        assert sum(acked.values()) == 2 and acked[intakes[2].request_id or ""] is False


def _local(code: str, **over: Any) -> Any:
    from frontdesk.catalog import CatalogDocument, CatalogService

    fields: dict[str, Any] = {
        "code": code, "name_sq": "Vërtetim vendor (TEST)", "name_en": "Local certificate (TEST)",
        "category": "Vendore", "standard_days": 3, "office": "Zyra e njësisë",
        "documents": (CatalogDocument("ID", "Letërnjoftim", "Identity card", True),), "fee_amount": 100,
    }  # fmt: skip
    fields.update(over)
    return CatalogService(**fields)


def test_a_local_service_travels_to_the_units_other_desks(store: Store, tmp_path: Any) -> None:
    from frontdesk import admin, catalog, setup

    boss = auth.actor_for(store, "admin")
    admin.add_local_service(store, boss, _local("LOC-01"))
    admin.set_service_active(store, boss, "LOC-01", False)
    ops = [o for o in replication.pending_ops(store, 100) if o.kind == "service.upsert"]
    assert len(ops) == 2 and ops[-1].payload["code"] == "LOC-01"
    assert ops[-1].payload["service"]["active"] is False and ops[-1].payload["service"]["origin"] == "local"

    other = setup.open_home(tmp_path / "other")
    setup.init_workstation(other, "TR01", "Njësia Testuese", "W09")
    try:
        change = {"seq": 1, "kind": "service", "service": ops[0].payload}
        pull.apply_page(other, [change], next_cursor=1, epoch="E1")
        with other.read() as s:
            got = catalog.get_service(s, "LOC-01")
        assert got.active and got.origin == "local" and [d.code for d in got.documents] == ["ID"]
        # the later change (withdrawn) wins; the earlier one again does not undo it
        pull.apply_page(other, [{"seq": 2, "kind": "service", "service": ops[1].payload}], next_cursor=2,
                               epoch="E1")  # fmt: skip
        pull.apply_page(other, [change], next_cursor=2, epoch="E1")
        with other.read() as s:
            assert not catalog.get_service(s, "LOC-01").active
        # a copy that breaks the catalogue rules is left out, and the page still applies
        bad = {**ops[0].payload, "code": "LOC-02", "service": {**ops[0].payload["service"], "code": "LOC-02",
                                                                "standard_days": -4}}  # fmt: skip
        pull.apply_page(other, [{"seq": 3, "kind": "service", "service": bad}], next_cursor=3, epoch="E1")
        assert replication.read_state(other)["cursor"] == "3"
        with other.read() as s:
            assert "LOC-02" not in {x.code for x in catalog.list_services(s, active_only=False)}
    finally:
        other.close()


def test_a_pulled_local_service_never_overwrites_a_central_one(store: Store) -> None:
    from frontdesk import catalog

    with store.read() as s:
        central = catalog.get_service(s, "CERT-FAM")
    payload = {"code": "CERT-FAM", "updated_at": utcnow().isoformat(),
               "service": catalog.service_to_json(_local("CERT-FAM", origin="local"))}  # fmt: skip
    pull.apply_page(store, [{"seq": 1, "kind": "service", "service": payload}], next_cursor=1, epoch="E1")
    with store.read() as s:
        assert catalog.get_service(s, "CERT-FAM") == central
