"""The hash-chained audit trail: appends verify; an edited, deleted, inserted or re-hashed row is found."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import text

from frontdesk import audit
from frontdesk.db import Store
from frontdesk.models import AuditEntry

T0 = dt.datetime(2026, 3, 2, 8, 0)


@pytest.fixture(autouse=True)
def empty_trail(request: pytest.FixtureRequest, store: Store) -> None:
    """The chain tests start from an empty trail (the shared template's set-up is audited too)."""
    if "keep_trail" in request.keywords:
        return
    with store.write() as s:
        s.execute(text("DELETE FROM audit_log"))
        s.execute(text("DELETE FROM sqlite_sequence WHERE name = 'audit_log'"))


def fill(store: Store, n: int = 30) -> None:
    with store.write() as s:
        for i in range(n):
            audit.append(
                s,
                actor="clerk1" if i % 3 else "super",
                workstation_code="W03",
                action=("intake", "status", "print", "sign_in")[i % 4],
                subject=f"TR01W03{i:06d}",
                details={"i": i, "to": "ready", "nested": {"ë": "ç"}},
                now=T0 + dt.timedelta(minutes=10 * i),
            )


def verify(store: Store) -> audit.VerifyResult:
    with store.read() as s:
        return audit.verify(s)


def raw(store: Store, sql: str) -> None:
    with store.write() as s:
        s.execute(text(sql))


def test_empty_trail_verifies(store: Store) -> None:
    assert verify(store) == audit.VerifyResult(True, 0, None, None)
    with store.read() as s:
        assert audit.head(s) == (0, audit.GENESIS)


def test_appended_entries_verify_and_chain(store: Store) -> None:
    fill(store, 30)
    with store.write() as s:  # a later transaction continues the same chain
        audit.append(s, actor=None, workstation_code="W03", action="catalog_import", subject="test-1")
    assert verify(store) == audit.VerifyResult(True, 31, None, None)
    with store.read() as s:
        rows = s.query(AuditEntry).order_by(AuditEntry.seq).all()
        assert [r.seq for r in rows] == list(range(1, 32))
        assert rows[0].prev_hash == "0" * 64
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
        first = rows[0]
        assert first.hash == audit.compute_hash(
            1,
            first.id,
            T0,
            "super",
            "W03",
            "intake",
            "TR01W03000000",
            {"i": 0, "to": "ready", "nested": {"ë": "ç"}},
            "0" * 64,
        )
        assert audit.head(s) == (31, rows[-1].hash)


def test_edited_details_reported_at_that_row(store: Store) -> None:
    fill(store)
    raw(store, """UPDATE audit_log SET details = '{"i": 999, "to": "ready", "nested": {}}' WHERE seq = 17""")
    result = verify(store)
    assert (result.ok, result.first_bad_seq, result.checked) == (False, 17, 17)
    assert result.reason is not None and "17" in result.reason


def test_edited_time_or_actor_reported(store: Store) -> None:
    fill(store)
    raw(store, "UPDATE audit_log SET actor = 'clerk2' WHERE seq = 5")
    assert verify(store).first_bad_seq == 5


def test_deleted_middle_row_reported_at_next_seq(store: Store) -> None:
    fill(store)
    raw(store, "DELETE FROM audit_log WHERE seq = 12")
    result = verify(store)
    assert (result.ok, result.first_bad_seq) == (False, 13)
    assert result.reason is not None and "12" in result.reason


def test_deleted_last_rows_reported(store: Store) -> None:
    fill(store, 10)
    raw(store, "DELETE FROM audit_log WHERE seq >= 9")
    result = verify(store)
    assert (result.ok, result.first_bad_seq, result.checked) == (False, 9, 8)
    # appending afterwards does not reuse the deleted numbers, and the gap stays visible
    with store.write() as s:
        audit.append(s, actor="super", workstation_code="W03", action="note", subject=None)
    assert verify(store).first_bad_seq == 11


def test_edited_hash_reported(store: Store) -> None:
    fill(store)
    raw(store, "UPDATE audit_log SET hash = '" + "a" * 64 + "' WHERE seq = 20")
    result = verify(store)
    assert (result.ok, result.first_bad_seq) == (False, 20)


def test_rehashed_row_breaks_the_next_link(store: Store) -> None:
    fill(store)
    with store.write() as s:
        e = s.get_one(AuditEntry, 7)
        e.details = {"i": 7, "forged": True}
        e.hash = audit.compute_hash(
            e.seq, e.id, e.time, e.actor, e.workstation_code, e.action, e.subject, e.details, e.prev_hash
        )
    result = verify(store)
    assert (result.ok, result.first_bad_seq) == (False, 8)


def test_inserted_row_reported(store: Store) -> None:
    fill(store, 10)
    raw(store, "DELETE FROM audit_log WHERE seq = 4")
    with store.write() as s:  # a forged row in the gap, chained to 3 but not matching 5's link
        prev = s.get_one(AuditEntry, 3)
        when = T0 + dt.timedelta(minutes=35)
        forged = AuditEntry(
            seq=4,
            id="forged",
            time=when,
            actor="super",
            workstation_code="W03",
            action="note",
            subject=None,
            details={},
            prev_hash=prev.hash,
            hash=audit.compute_hash(4, "forged", when, "super", "W03", "note", None, {}, prev.hash),
        )
        s.add(forged)
    result = verify(store)
    assert (result.ok, result.first_bad_seq) == (False, 5)


def test_personal_data_refused(store: Store) -> None:
    with store.write() as s, pytest.raises(ValueError, match="personal data"):
        audit.append(
            s,
            actor="clerk1",
            workstation_code="W03",
            action="intake",
            subject="X",
            details={"service": "CERT-FAM", "citizen": {"nid": "J00101999W"}},
        )


def test_entries_filters(store: Store) -> None:
    fill(store, 30)
    with store.read() as s:
        newest = audit.entries(s, limit=5)
        assert [e.seq for e in newest] == [30, 29, 28, 27, 26]
        assert all(e.action == "print" for e in audit.entries(s, action="print"))
        assert len(audit.entries(s, action="print")) == 7  # i = 2, 6, …, 26
        assert {e.actor for e in audit.entries(s, actor="SUPER")} == {"super"}
        assert [e.seq for e in audit.entries(s, text="W03000012")] == [13]
        # local dates: 08:00 UTC + 10 min × i, all on Mon 2 March 2026 (local 09:00–13:50)
        assert len(audit.entries(s, date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 2))) == 30
        assert audit.entries(s, date_from=dt.date(2026, 3, 3)) == []
        page = audit.entries(s, offset=28, limit=10)
        assert [e.seq for e in page] == [2, 1]
        assert page[0].details == {"i": 1, "to": "ready", "nested": {"ë": "ç"}}
        assert page[0].as_dict()["time"] == "2026-03-02T08:10:00"


@pytest.mark.keep_trail
def test_every_action_is_audited_without_personal_data(store: Store) -> None:
    from frontdesk import auth, workflow
    from frontdesk.errors import AuthenticationFailed

    from .conftest import PASSWORD

    with store.read() as s:
        setup_actions = [(e.action, e.subject) for e in reversed(audit.entries(s, limit=50))]
    assert setup_actions[0] == ("catalog_import", "test-1")
    assert [a for a, _ in setup_actions[1:]] == ["user_add"] * 4
    clerk = auth.authenticate(store, "clerk1", PASSWORD)
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(store, "clerk1", "wrong-password")
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(store, "nobody", "wrong-password")
    sup = auth.actor_for(store, "super")
    citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli", phone="+355 69 000 0001")
    (req,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"], note="Drita vjen nesër")])
    workflow.advance(store, clerk, req.receipt_no, "ready")
    workflow.reassign(store, sup, [req.receipt_no], "clerk2", "Drita e kërkoi")
    workflow.add_note(store, clerk, req.receipt_no, "Drita Shembulli telefonoi")
    workflow.record_print(store, clerk, req.receipt_no)
    workflow.deliver(store, clerk, req.receipt_no, rating=5)
    with store.read() as s:
        rows = list(reversed(audit.entries(s, limit=20)))[len(setup_actions):]
        assert audit.verify(s).ok
    assert [(r.action, r.actor) for r in rows] == [
        ("sign_in", "clerk1"), ("sign_in_failed", None), ("sign_in_failed", None), ("intake", "clerk1"),
        ("status", "clerk1"), ("reassign", "super"), ("note", "clerk1"), ("print", "clerk1"), ("deliver", "clerk1"),
    ]
    assert rows[5].details == {"from": "clerk1", "to": "clerk2", "base_version": 2}
    assert rows[8].details["rating"] == 5
    dump = repr([r.as_dict() for r in rows])
    for personal in ("J00101999W", "Drita", "355 69"):
        assert personal not in dump
