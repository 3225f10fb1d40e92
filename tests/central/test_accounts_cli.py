"""``frontdesk-central user …``: the central system is the authority for the units' accounts. Every change
reaches the unit's desks through the feed, keeps the account's history (an op is judged by the account as
it was), and is in the central audit trail; bad input is one line and the documented exit code."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from sqlalchemy import select

from frontdesk import passwords
from frontdesk.central import models as m

from .conftest import CENTRAL, Desk, Server


def _cli(server: Server, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CENTRAL), *args, "--db", server.db_url], input=stdin, capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip


def test_accounts_are_made_and_changed_on_the_central_system(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    r = _cli(server, "user", "add", "drita.prove", "--unit", "TR01", "--role", "clerk", "--name",
             "Drita Provë (TEST)", stdin="perkohshem-2026\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    listed = json.loads(_cli(server, "user", "list", "--unit", "TR01", "--json").stdout)
    drita = next(u for u in listed if u["username"] == "drita.prove")
    assert drita["role"] == "clerk" and drita["active"] and drita["must_change_password"]
    assert _cli(server, "user", "role", "drita.prove", "supervisor", "--unit", "TR01").returncode == 0
    assert _cli(server, "user", "deactivate", "drita.prove", "--unit", "TR01").returncode == 0
    assert _cli(server, "user", "activate", "drita.prove", "--unit", "TR01").returncode == 0
    assert (
        _cli(server, "user", "reset-password", "drita.prove", "--unit", "TR01", stdin="tjeter-2026-x\n").returncode == 0
    )
    # every change reached the unit's desk, the last one standing
    users = [c.user for c in a.pull_all()[0] if c.kind == "user" and c.user is not None]
    assert [(u.role, u.active) for u in users] == [("clerk", True), ("supervisor", True), ("supervisor", False),
                                                   ("supervisor", True), ("supervisor", True)]  # fmt: skip
    assert passwords.verify_password(users[-1].password_hash, "tjeter-2026-x") and users[-1].must_change_password
    # the account's history: one period per role or active change
    with server.db.read() as s:
        periods = s.execute(select(m.UserVersion.role, m.UserVersion.active, m.UserVersion.valid_to)
                            .where(m.UserVersion.username == "drita.prove").order_by(m.UserVersion.id)).all()  # fmt: skip
    assert [(p.role, p.active) for p in periods] == [("clerk", True), ("supervisor", True), ("supervisor", False),
                                                     ("supervisor", True)]  # fmt: skip
    assert [p.valid_to is None for p in periods] == [False, False, False, True]
    # the central audit trail names who did what
    actions = json.loads(_cli(server, "actions", "--json").stdout)
    mine = [x["action"] for x in actions if x["subject"] == "drita.prove"]
    assert mine == ["password_reset", "user_active", "user_active", "user_role", "user_add"]
    assert all(x["actor"].startswith("cli") for x in actions if x["subject"] == "drita.prove")


def test_bad_account_commands_are_one_line_with_the_documented_code(desks: Any, server: Server) -> None:
    desks("TR01", "W01")
    cases = [
        (("user", "add", "x", "--unit", "TR01", "--role", "clerk", "--name", "X"), "fjalekalim-i-gjate\n", 3),
        (("user", "add", "ok.name", "--unit", "TR01", "--role", "clerk", "--name", "X"), "short\n", 3),
        (("user", "add", "clerk1", "--unit", "TR01", "--role", "clerk", "--name", "X"), "fjalekalim-i-gjate\n", 6),
        (("user", "add", "ok.name", "--unit", "NOPE", "--role", "clerk", "--name", "X"), "fjalekalim-i-gjate\n", 5),
        (
            ("user", "add", "ok.name", "--unit", "TR01", "--role", "clerk", "--name", "Emër\x1b[2J"),
            "fjalekalim-gjate\n",
            3,
        ),
        (("user", "role", "nobody", "clerk", "--unit", "TR01"), "", 5),
        (("user", "accept", "nobody", "--unit", "TR01"), "", 5),
        (("user", "role", "clerk1", "root", "--unit", "TR01"), "", 2),
    ]
    for args, stdin, code in cases:
        r = _cli(server, *args, stdin=stdin)
        assert r.returncode == code, (args, r.returncode, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr, r.stderr


def test_workstations_show_contact_skew_and_audit_anchor(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    op, _ = a.intake()
    body = {"receipt_counter": a.counter, "sent_at": "2099-01-01T00:00:00", "ops": [op.model_dump(mode="json")],
            "audit": {"seq": 7, "hash": "a" * 64}}  # fmt: skip
    r = a.session.post(server.url + "/v1/push", json=body, headers=a.headers(), timeout=30)
    assert r.status_code == 200, r.text
    # a clock 70 years ahead is recorded as such; the op itself is judged by the server's clock (capped skew)
    assert r.json()["results"][0]["result"] == "applied" and r.json()["clock_skew_s"] > 2e9
    rows = json.loads(_cli(server, "workstations", "--unit", "TR01", "--json").stdout)
    (w,) = rows
    assert w["workstation"] == "W01" and w["last_seen_at"] and w["clock_skew_s"] > 2e9
    assert (w["audit_seq"], w["audit_state"]) == (7, "ok")
    text = _cli(server, "workstations").stdout
    assert "TR01\tW01" in text and "audit ok" in text
