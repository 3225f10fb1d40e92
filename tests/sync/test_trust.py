"""The trust model end to end, with the real server and real desks (tests/sync/conftest.py): accounts are
the central system's (users offered at enrolment wait for the administrator; an enrolled desk cannot make
or change accounts; a password changes online), an account is judged as it was when the act was done,
the desk's audit trail is anchored off the desk (a trail cut back or rewritten is flagged and
``audit verify`` says so), and the desk's clock skew is recorded, not trusted."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk import audit, auth, replication, setup, workflow
from frontdesk.catalog import import_catalog, load_catalog
from frontdesk.central import accounts
from frontdesk.central import models as cm
from frontdesk.clock import utcnow
from frontdesk.dbfiles import open_kept
from frontdesk.errors import AuthenticationFailed, NotPermitted
from frontdesk.models import AuditEntry, User

from .conftest import DATA, NIDS, Unit, Workstation

pytestmark = pytest.mark.slow
PASSWORD = "sekret-i-gjate"  # the template users' password (tests/conftest.py)


def _passwd(ws: Workstation, username: str, current: str, new: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ws.argv("user", "passwd", username), input=f"{current}\n{new}\n", capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip


def test_offered_users_wait_for_the_central_administrator(unit: Unit, tmp_path: Path) -> None:
    u = unit
    pilot = Workstation("pilot", tmp_path / "pilot")
    store = setup.open_home(pilot.home)
    try:
        setup.init_workstation(store, u.code, "Njësia Testuese", "W07")
        with store.write() as s:
            import_catalog(s, load_catalog(DATA / "catalog-small.json"), now=utcnow())
        auth.add_user(store, None, "pilot.clerk", "clerk", "Nëpunës Pilot (TEST)", PASSWORD)
        auth.add_user(store, None, "pilot.boss", "supervisor", "Shef Pilot (TEST)", PASSWORD)
        citizen = workflow.CitizenInput(nid=NIDS[0], full_name="Qytetar Pilot (TEST)")
        (early,) = workflow.intake(store, auth.actor_for(store, "pilot.clerk"), citizen,
                                   [workflow.IntakeItem("CERT-FAM", ["ID"])])  # fmt: skip
        from frontdesk.central import enrolment
        from frontdesk.sync.engine import enrol

        done = enrol(store, u.proxy.url, enrolment.create_enrol_code(u.central.db, u.code))
        assert done.users_offered == ["pilot.boss", "pilot.clerk"]
        # not merged: the central system has offers, not accounts; here they cannot sign in or act
        assert {o.username for o in accounts.offers(u.central.db, u.code)} == {"pilot.boss", "pilot.clerk"}
        assert "pilot.clerk" not in {a.username for a in accounts.list_users(u.central.db, u.code)}
        with pytest.raises(AuthenticationFailed, match="waiting for the central administrator"):
            auth.authenticate(store, "pilot.clerk", PASSWORD)
        with pytest.raises(NotPermitted):
            auth.actor_for(store, "pilot.clerk")
        # what the desk did before its enrolment is its history: pushed, accepted under the offered account
        from frontdesk.sync.engine import SyncEngine

        SyncEngine(store).sync_once()
        assert early.receipt_no in {r["receipt_no"] for r in u.requests()}
        # the administrator accepts one offer (the other is declined): it becomes the unit's account
        r = u.central.cli("user", "accept", "pilot.clerk", "--unit", u.code)
        assert r.returncode == 0, r.stderr
        assert u.central.cli("user", "decline", "pilot.boss", "--unit", u.code).returncode == 0
        SyncEngine(store).sync_once()
        assert auth.authenticate(store, "pilot.clerk", PASSWORD).username == "pilot.clerk"
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(store, "pilot.boss", PASSWORD)
        # the other desks of the unit have the accepted account, never the declined one
        u.ws2.sync()
        with u.ws2.store.read() as s:
            names = set(s.scalars(select(User.username)))
        assert "pilot.clerk" in names and "pilot.boss" not in names
        actions = json.loads(u.central.cli("actions", "--json").stdout)
        assert {"offer_accept", "offer_decline", "enrol"} <= {a["action"] for a in actions}
    finally:
        store.close()


def test_an_enrolled_desk_neither_makes_nor_changes_accounts(unit: Unit) -> None:
    u = unit
    r = subprocess.run(u.ws1.argv("user", "add", "hyres", "--role", "admin", "--name", "Sulmues (TEST)"),
                       input="fjalekalim-i-ri\n", capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert r.returncode == 4 and len(r.stderr.strip().splitlines()) == 1
    assert "managed on the central system" in r.stderr
    admin = u.ws1.actor("admin")
    for call in (lambda: auth.set_active(u.ws1.store, admin, "clerk2", False),
                 lambda: auth.reset_password(u.ws1.store, admin, "clerk2", "fjalekalim-tjeter")):  # fmt: skip
        with pytest.raises(NotPermitted):
            call()
    assert replication.pending_ops(u.ws1.store, 100) == []  # nothing queued for the unit either


def test_a_password_changes_online_through_the_central_system(unit: Unit) -> None:
    u = unit
    wrong = _passwd(u.ws1, "clerk1", "jo-ky-fjalekalim", "fjalekalimi-i-ri-2026")
    assert wrong.returncode == 4 and wrong.stderr.strip() == "frontdesk: The current password is wrong."
    u.proxy.refuse = True
    offline = _passwd(u.ws1, "clerk1", PASSWORD, "fjalekalimi-i-ri-2026")
    assert offline.returncode == 1 and "needs the central system" in offline.stderr
    u.proxy.refuse = False
    ok = _passwd(u.ws1, "clerk1", PASSWORD, "fjalekalimi-i-ri-2026")
    assert ok.returncode == 0, ok.stderr
    assert auth.authenticate(u.ws1.store, "clerk1", "fjalekalimi-i-ri-2026").username == "clerk1"  # at once here
    u.ws2.sync()  # and at the unit's other desks after their next pull
    assert auth.authenticate(u.ws2.store, "clerk1", "fjalekalimi-i-ri-2026").username == "clerk1"
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(u.ws2.store, "clerk1", PASSWORD)


def test_an_account_is_judged_as_it_was_when_the_act_was_done(unit: Unit) -> None:
    """A clerk deactivated on Friday keeps Thursday's intakes; what the stale desk lets them do after the
    deactivation is refused, with the reason shown; once pulled, the account cannot sign in there."""
    u = unit
    u.proxy.refuse = True  # ws2 is offline all along
    before = u.ws2.intake(2, "clerk2")
    r = u.central.cli("user", "deactivate", "clerk2", "--unit", u.code)
    assert r.returncode == 0, r.stderr
    after = u.ws2.intake(1, "clerk2")  # the desk has not heard yet
    u.proxy.refuse = False
    u.ws2.sync()
    server = {x["receipt_no"] for x in u.requests()}
    assert set(before) <= server and not set(after) & server
    (refused,) = replication.status(u.ws2.store).rejected
    assert refused.reason == "not_permitted" and "not active" in (refused.message or "")
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        auth.authenticate(u.ws2.store, "clerk2", PASSWORD)


def _rechain_from(db: Path, seq: int, **changes: object) -> None:
    """Rewrite entry ``seq`` and re-chain every later entry so the local chain verifies again — what
    someone who can write the file would do to hide an edit."""
    con = open_kept(db)
    try:
        rows = con.execute("SELECT seq, id, time, actor, workstation_code, action, subject, details, prev_hash "
                           "FROM audit_log WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()  # fmt: skip
        prev = con.execute("SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1", (seq,)).fetchone()
        prev_hash = prev[0] if prev else audit.GENESIS
        with con:
            for s, eid, time, actor, ws, action, subject, details, _ in rows:
                if s == seq:
                    actor = changes.get("actor", actor)
                when = dt.datetime.fromisoformat(time)
                digest = audit.compute_hash(s, eid, when, actor, ws, action, subject, json.loads(details), prev_hash)
                con.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                            (actor, prev_hash, digest, s))  # fmt: skip
                prev_hash = digest
    finally:
        con.close()


def test_the_audit_trail_is_anchored_off_the_desk(unit: Unit) -> None:
    u = unit
    u.ws1.intake(2)
    u.ws1.sync()
    with u.ws1.store.read() as s:
        head_seq, head_hash = audit.head(s)
    anchor = replication.status(u.ws1.store).audit_anchor
    assert anchor == {"seq": head_seq, "hash": head_hash, "state": "ok", "detail": None}
    r = u.ws1.cli_inproc("audit", "verify")
    assert r.returncode == 0 and f"matches the central anchor at entry #{head_seq}" in r.stdout, r.stdout + r.stderr
    # someone with the file rewrites an anchored entry and re-chains the rest: the local chain verifies...
    u.ws1.close()
    db = u.ws1.home / setup.DB_NAME
    _rechain_from(db, head_seq - 1, actor="dikush-tjeter")
    assert u.ws1.cli_inproc("audit", "verify", "--local").returncode == 0
    # ...but not against the central anchor, and the next push shows the server it forked
    r = u.ws1.cli_inproc("audit", "verify")
    assert r.returncode == 8 and "differs from the hash anchored centrally" in r.stderr, r.stderr
    u.ws1.intake(1)
    u.ws1.sync()
    assert replication.status(u.ws1.store).audit_anchor["state"] == "forked"  # type: ignore[index]
    # cutting the trail back (deleting its last entries) is seen as going backwards, and stays flagged
    u.ws1.close()
    con = open_kept(db)
    with con:  # and hides the cut from the AUTOINCREMENT memory, so new entries follow on from it
        con.execute("DELETE FROM audit_log WHERE seq > ?", (head_seq - 3,))
        con.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", (head_seq - 3,))
    con.close()
    u.ws1.intake(1)
    with u.ws1.store.read() as s:
        assert audit.head(s)[0] < head_seq  # the head is behind the anchor
    u.ws1.sync()
    ws = json.loads(u.central.cli("workstations", "--unit", u.code, "--json").stdout)
    mine = next(w for w in ws if w["workstation"] == "W03")
    assert mine["audit_state"] == "forked" and "rewritten" in mine["audit_detail"]  # the first flag stays
    with u.central.db.read() as s:
        states = [a.state for a in s.scalars(select(cm.AuditAnchor).order_by(cm.AuditAnchor.id))]
    assert states[-1] == "backwards" and "forked" in states, states
    assert u.ws1.cli_inproc("audit", "verify").returncode == 8


def test_a_push_tells_what_still_waits_in_the_outbox(unit: Unit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each push says how many changes stay in the desk's outbox after its batch; the central IT reads it."""
    from frontdesk import limits
    from frontdesk.sync import engine
    from frontdesk.sync.engine import SyncFailed

    u = unit
    u.ws1.intake(5)
    before = u.ws1.pending()
    assert before >= 5
    monkeypatch.setattr(engine, "PUSH_BATCH", 2)
    monkeypatch.setattr(limits, "MAX_PUSHES_PER_CYCLE", 1)  # one batch of two, then the cycle stops
    with pytest.raises(SyncFailed):
        u.ws1.sync()
    monkeypatch.undo()

    def said() -> object:
        ws = json.loads(u.central.cli("workstations", "--unit", u.code, "--json").stdout)
        return next(w for w in ws if w["workstation"] == "W03")["outbox_waiting"]

    assert u.ws1.pending() == before - 2 and said() == before - 2
    u.ws1.sync_until_complete()
    assert u.ws1.pending() == 0 and said() == 0


def test_the_desks_clock_skew_is_recorded_not_trusted(unit: Unit, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.sync import engine

    u = unit
    u.ws1.intake(1)
    ahead = utcnow() + dt.timedelta(minutes=7)
    monkeypatch.setattr(engine, "utcnow", lambda: ahead)  # this desk's clock, as it sends it
    u.ws1.sync()
    monkeypatch.undo()
    st = replication.status(u.ws1.store)
    assert st.clock_skew_s is not None and 400 < st.clock_skew_s < 440
    ws = json.loads(u.central.cli("workstations", "--unit", u.code, "--json").stdout)
    assert 400 < next(w for w in ws if w["workstation"] == "W03")["clock_skew_s"] < 440
    with u.ws1.store.read() as s:
        assert s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())) is not None
