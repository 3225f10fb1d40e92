"""``frontdesk-central staff`` (the console's first accounts are made on the command line), ``figures``
and ``demo``: one-line errors with the documented exit codes; the demo's requests go through the real push."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from frontdesk.central import models as cm
from frontdesk.central import performance
from frontdesk.central.db import Database

from .conftest import CATALOG, CENTRAL


def cli(db_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CENTRAL), *args, "--db", db_url], input=stdin, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip


def test_staff_accounts_on_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert cli(url, "catalog", "publish", str(CATALOG)).returncode == 0
    made = cli(url, "staff", "add", "arta", "--role", "officer", "--name", "Arta Provë (TEST)", "--office",
               "Zyra e Gjendjes Civile", stdin="perkohshem-1\n")  # fmt: skip
    assert made.returncode == 0 and "changed at the first sign-in" in made.stdout, made.stderr
    no_office = cli(url, "staff", "add", "beni", "--role", "officer", "--name", "Beni (TEST)", stdin="perkohshem-1\n")
    assert no_office.returncode == 3 and no_office.stderr.count("\n") == 1 and "office" in no_office.stderr
    unknown = cli(url, "staff", "add", "beni", "--role", "officer", "--name", "Beni (TEST)", "--office", "Hëna",
                  stdin="perkohshem-1\n")  # fmt: skip
    assert unknown.returncode == 3 and "not an office of the published catalogue" in unknown.stderr
    short = cli(url, "staff", "add", "beni", "--role", "manager", "--name", "Beni (TEST)", stdin="shkurt\n")
    assert short.returncode == 3
    assert cli(url, "staff", "add", "arta", "--role", "manager", "--name", "X", stdin="perkohshem-1\n").returncode == 6
    assert cli(url, "staff", "add", "x", "--role", "boss", "--name", "X").returncode == 2
    listed = json.loads(cli(url, "staff", "list", "--json").stdout)
    assert listed == [{"username": "arta", "full_name": "Arta Provë (TEST)", "role": "officer",
                       "office": "Zyra e Gjendjes Civile", "active": True}]  # fmt: skip
    assert cli(url, "staff", "deactivate", "arta").returncode == 0
    assert cli(url, "staff", "reset-password", "arta", stdin="tjeter-perkohshem\n").returncode == 0
    assert cli(url, "staff", "activate", "nobody").returncode == 5
    actions = json.loads(cli(url, "actions", "--json").stdout)
    assert {"staff_add", "staff_active", "staff_password_reset"} <= {a["action"] for a in actions}


def test_demo_data_and_the_figures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    r = cli(url, "demo", "--requests", "60", "--days", "30")
    assert r.returncode == 0 and "60 requests" in r.stdout, r.stderr
    db = Database(url)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(cm.Request)) == 60
            assert s.scalar(select(func.count()).select_from(cm.AppliedOp).where(cm.AppliedOp.result != "applied")) == 0
            names = set(s.scalars(select(cm.Request.citizen_name)))
        assert all(n.endswith("(DEMO)") for n in names)
        assert cli(url, "figures", "refresh").returncode == 0
        today = performance.today_local()
        kept = performance.report(db, date_from=today - dt.timedelta(days=40), date_to=today, refresh_first=False)
        rebuilt = cli(url, "figures", "rebuild")
        assert rebuilt.returncode == 0 and "from 60 requests" in rebuilt.stdout
        again = performance.report(db, date_from=kept.date_from, date_to=kept.date_to, refresh_first=False)
        assert again.rows == kept.rows and kept.total.received == 60
    finally:
        db.close()
