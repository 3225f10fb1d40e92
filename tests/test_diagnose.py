"""``frontdesk diagnose``: what IT needs, and no personal data — a test seeds known names, personal
numbers, phone numbers and notes (in the database and, as an older version might have, in the log), then
searches every member of the zip for them."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from frontdesk import auth, cli, setup, workflow
from frontdesk.diagnose import Redactor
from frontdesk.identity import sample_nid

SEEDED = [
    ("Ëngjëllushe Provëzaj", sample_nid(__import__("datetime").date(1984, 3, 9), "F", 911), "+355 69 555 0142"),
    ("Gjergj Kastriotović", sample_nid(__import__("datetime").date(1971, 11, 28), "M", 912), "068 444 3210"),
]
NOTE = "Qytetari Zamir Sekretari kërkoi kopje shtesë"
COLLECTOR = ("Liridona Përfaqësuesja", "BA1234567")


def test_the_zip_has_what_it_needs_and_no_personal_data(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = setup.open_home(home)
    clerk = auth.actor_for(store, "clerk1")
    receipts = []
    for name, nid, phone in SEEDED:
        (r,) = workflow.intake(store, clerk, workflow.CitizenInput(nid=nid, full_name=name, phone=phone),
                               [workflow.IntakeItem("CERT-FAM", ["ID"], note=NOTE)])  # fmt: skip
        receipts.append(r.receipt_no)
    workflow.advance(store, clerk, receipts[0], "ready")
    workflow.deliver(store, clerk, receipts[0], collected_by="authorised", collector_name=COLLECTOR[0],
                     collector_id=COLLECTOR[1])  # fmt: skip
    store.close()
    # a log written by an older version that was less careful
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "frontdesk.log").write_text(
        "2026-12-01 10:00:00 INFO frontdesk.ui: intake: " + receipts[1] + "\n"
        f"2026-12-01 10:00:01 ERROR frontdesk.ui: could not print for {SEEDED[0][0]} ({SEEDED[0][1]}, "
        f"{SEEDED[0][2]})\n2026-12-01 10:00:02 ERROR x: citizen {SEEDED[1][1].lower()} unknown; phone {SEEDED[1][2]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(logs))
    out = tmp_path / "diag.zip"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.main(["--home", str(home), "diagnose", "--out", str(out)])
    text_out, err = capsys.readouterr()
    assert code == 0, err
    assert "no personal data" in text_out
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    assert set(members) == {"versions.json", "settings.json", "sync.json", "database.json", "files.json",
                            "log-tail.txt", "README.txt"}  # fmt: skip
    everything = "\n".join(members.values())
    folded = everything.casefold()
    needles = [s for name, nid, phone in SEEDED for s in (name, *name.split(), nid, nid.lower(), phone,
                                                            phone.replace(" ", ""))]  # fmt: skip
    needles += [NOTE, "Zamir", "Sekretari", *COLLECTOR, *COLLECTOR[0].split(), "Klerk Një"]
    for needle in needles:
        assert needle.casefold() not in folded, f"{needle!r} is in the diagnostics"
    # …and what IT needs is there
    versions = json.loads(members["versions.json"])
    assert versions["sqlcipher"] and versions["cipher_hmac"] == "HMAC_SHA256" and versions["schema"]["database"]
    database = json.loads(members["database.json"])
    assert database["check"]["ok"] and database["audit"]["ok"] and sum(database["requests_by_status"].values()) == 2
    files = json.loads(members["files.json"])
    assert files["encrypted"] and files["key_kept_in"] == "keyring"
    assert any(f["path"] == "frontdesk.db" and f["mode"] == "0o600" for f in files["files"])
    assert json.loads(members["sync.json"])["enrolled"] is False
    assert receipts[1] in members["log-tail.txt"] and "[redacted]" in members["log-tail.txt"]


def test_the_redactor_keeps_receipt_numbers_and_hides_what_looks_personal() -> None:
    r = Redactor(["Drita"], ["Drita Shembulli"])
    line = "TR01-W03-000123K for Drita Shembulli J00101999W +355 69 123 4567, also drita alone, clerk1 ok"
    out = r(line)
    assert "TR01-W03-000123K" in out and "clerk1 ok" in out
    for gone in ("Drita", "drita", "Shembulli", "J00101999W", "4567"):
        assert gone not in out
