"""One shape at both ends: a request goes local row → wire → central row → wire → local row through the
two mappers (``frontdesk.wire_rows`` on the desk, ``frontdesk.central.wire_map`` on the server), JSON on
the wire and real stores at both ends (the desk's SQLite file and a central SQLite database), and comes
back with every field equal (property-based, hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from frontdesk import wire, wire_rows
from frontdesk.central import models as cm
from frontdesk.central.db import Database
from frontdesk.central.wire_map import event_payload as central_event
from frontdesk.central.wire_map import event_values, request_change, request_values
from frontdesk.central.wire_map import snapshot as central_snapshot
from frontdesk.clock import utcnow, uuid7
from frontdesk.db import Store
from frontdesk.models import Request, RequestEvent, User
from frontdesk.numbering import format_receipt_no

SERVICES = ("CERT-FAM", "PERMIT-OCC", "TAX-STMT", "OLD-SVC")  # the template's catalogue (foreign key)
LINE = st.characters(blacklist_categories=("Cc", "Cs"))  # no control characters, no lone surrogates
TIMES = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2099, 12, 31))
USERNAMES = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{1,20}\Z")
CODES = st.from_regex(r"\A[A-Z0-9][A-Z0-9-]{1,12}\Z")


@st.composite
def local_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A desk's ``requests`` row (every column the wire carries) and the user names of its user ids."""
    created = draw(TIMES)
    ws = draw(st.from_regex(r"\A[A-Z0-9]{1,4}\Z"))
    counter = draw(st.integers(1, 9_999_999))
    status = draw(st.sampled_from(wire.STATUSES))
    return {
        "id": uuid7(),
        "receipt_no": format_receipt_no("TR01", ws, counter),
        "visit_id": uuid7(),
        "unit_code": "TR01",
        "workstation_code": ws,
        "service_code": draw(st.sampled_from(SERVICES)),
        "citizen_nid": draw(st.from_regex(r"\A[A-Z0-9]{10}\Z")),
        "citizen_name": draw(st.text(LINE, min_size=1, max_size=200)),
        "citizen_phone": draw(st.none() | st.from_regex(r"\A[0-9+() -]{1,40}\Z")),
        "documents": draw(st.lists(CODES, max_size=6)),
        "documents_missing": draw(st.lists(CODES, max_size=3)),
        "fee_paid": draw(st.integers(0, 100_000_000)),
        "priority": draw(st.booleans()),
        "note": draw(
            st.none()
            | st.text(
                st.characters(
                    blacklist_categories=("Cs",),
                    blacklist_characters=[
                        chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)]
                    ],
                ),
                max_size=300,
            )
        ),
        "status": status,
        "assignee": draw(st.none() | USERNAMES),
        "created_by": draw(USERNAMES),
        "created_at": created,
        "updated_at": created + draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=400))),
        "due_date": created.date() + dt.timedelta(days=draw(st.integers(0, 900))),
        "standard_days": draw(st.integers(0, 365)),
        "version": draw(st.integers(1, 2**31 - 1)),
        "completed_at": draw(st.none() | TIMES),
        "delivered_at": draw(st.none() | TIMES),
        "rating": draw(st.none() | st.integers(1, 5)),
        # the citizens' side (issue 14)
        "notify_consent": draw(st.booleans()),
        "contact_email": draw(st.none() | st.from_regex(r"\A[a-z0-9._+-]{1,20}@[a-z0-9]{1,10}(\.[a-z]{2,6}){1,2}\Z")),
        "lookup_code": draw(st.none() | st.text(wire.LOOKUP_ALPHABET, min_size=6, max_size=6)),
        "complaint_about": draw(st.none() | st.builds(format_receipt_no, st.just("TR02"), st.just("W9"),
                                                      st.integers(1, 9_999_999))),
    }


def _user(store_session: Any, username: str | None) -> str | None:
    """The desk's user id for a name (a placeholder account made when new, as the pull path does)."""
    if username is None:
        return None
    uid = store_session.scalar(select(User.id).where(User.username == username))
    if uid is None:
        now = utcnow()
        uid = uuid7()
        store_session.add(User(id=uid, username=username, full_name=username, role="clerk", unit_code="TR01",
                               password_hash="!", active=False, failed_attempts=0, must_change_password=False,
                               created_at=now, updated_at=now, origin="central"))  # fmt: skip
        store_session.flush()
    return str(uid)


def _over_the_wire(model: wire.Model) -> Any:
    """JSON text on the wire, parsed back as the receiving side does."""
    return type(model).model_validate(json.loads(json.dumps(model.model_dump(mode="json"))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=local_rows(), event_time=TIMES, data=st.dictionaries(st.sampled_from(["note", "reason"]),
                                                               st.text(LINE, max_size=50), max_size=2))  # fmt: skip
def test_a_request_and_its_event_round_trip_through_both_stores(store: Store, tmp_path: Path, row: dict[str, Any],
                                                                 event_time: dt.datetime, data: dict[str, str]) -> None:  # fmt: skip
    central = Database(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        with central.write() as s:
            if s.get(cm.Unit, "TR01") is None:
                s.add(cm.Unit(code="TR01", name="Njësia Testuese", created_at=utcnow()))
        # 1. the desk's row, stored and read back (an earlier example may have used the same receipt number)
        with store.write() as s:
            old = s.scalars(select(Request.id).where(Request.receipt_no == row["receipt_no"])).all()
            s.execute(delete(RequestEvent).where(RequestEvent.request_id.in_(old)))
            s.execute(delete(Request).where(Request.id.in_(old)))
            values = {k: v for k, v in row.items() if k not in ("assignee", "created_by")}
            values.update(assignee_id=_user(s, row["assignee"]), created_by_id=_user(s, row["created_by"]),
                          citizen_key=row["citizen_name"].casefold(), print_count=0, central_ack=False)  # fmt: skip
            s.add(Request(**values))
            s.add(RequestEvent(id=uuid7(), request_id=row["id"], kind="status", from_status=None, to_status="ready",
                               actor_id=None, actor_username=row["created_by"], workstation_code=row["workstation_code"],
                               device_time=event_time, data=data))  # fmt: skip
        with store.read() as s:
            local = s.get_one(Request, row["id"])
            usernames = {u.id: u.username for u in s.scalars(select(User))}
            snap = wire_rows.request_snapshot(local, usernames)
            ev = wire_rows.event_payload(
                s.scalars(select(RequestEvent).where(RequestEvent.request_id == row["id"])).one()
            )
        # 2. over the wire to the central system, stored there and read back
        snap, ev = _over_the_wire(snap), _over_the_wire(ev)
        with central.write() as s:
            old = s.scalars(select(cm.Request.id).where(cm.Request.receipt_no == snap.receipt_no)).all()
            s.execute(delete(cm.RequestEvent).where(cm.RequestEvent.request_id.in_(old)))
            s.execute(delete(cm.Request).where(cm.Request.id.in_(old)))
            s.execute(insert(cm.Request.__table__), [request_values(snap, utcnow())])
            s.execute(insert(cm.RequestEvent.__table__), [event_values(snap.id, ev, utcnow())])
        with central.read() as s:
            back = _over_the_wire(central_snapshot(s.get_one(cm.Request, snap.id)))
            back_ev = _over_the_wire(central_event(s.get_one(cm.RequestEvent, ev.id)))
        assert back == snap and back_ev == ev
        # 3. back to a desk: the pull path's row, every field equal to the first row
        with store.write() as s:
            again = wire_rows.request_row(back, _user(s, back.assignee), _user(s, back.created_by) or "")
        for name, value in row.items():
            if name in ("assignee", "created_by"):
                assert usernames.get(again[f"{name}_id"]) == value, name
            else:
                assert again[name] == value, (name, again[name], value)
        event_row = wire_rows.event_row(back_ev, row["id"])
        assert (event_row["device_time"], event_row["data"], event_row["actor_username"]) == (
            event_time, data, row["created_by"])  # fmt: skip
    finally:
        central.close()


@settings(max_examples=200, deadline=None)
@given(row=local_rows(), event_time=TIMES, data=st.dictionaries(st.sampled_from(["note", "reason", "to"]),
                                                               st.text(LINE, max_size=50), max_size=3))  # fmt: skip
def test_the_change_feed_payload_is_the_snapshot_as_pydantic_dumps_it(row: dict[str, Any], event_time: dt.datetime,
                                                                      data: dict[str, str]) -> None:  # fmt: skip
    """``request_change`` builds each push's change payload from the row's values without building models;
    it gives exactly the JSON of the wire models (times with and without microseconds, dates, None)."""
    event = {"id": uuid7(), "kind": "status", "from_status": None, "to_status": "ready", "actor": row["created_by"],
             "workstation": row["workstation_code"], "device_time": event_time, "data": data,
             "request_id": row["id"], "received_at": utcnow()}  # fmt: skip
    central_row = {**row, "assigned_version": 0, "received_at": utcnow()}
    expected = {
        "request": central_snapshot(central_row).model_dump(mode="json"),
        "events": [central_event(event).model_dump(mode="json")],
    }
    got = request_change(central_row, [event])
    assert got == expected
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert wire.RequestSnapshot.model_validate(got["request"]) == central_snapshot(central_row)
