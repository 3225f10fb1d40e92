"""The command-line contract: commands, --json field names, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import cli

from .conftest import DATA, PASSWORD

NID = "J00101999W"


class Run:
    def __init__(
        self, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.home, self.capsys, self.monkeypatch = home, capsys, monkeypatch

    def __call__(self, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            import io

            self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(["--home", str(self.home), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> object:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(home, capsys, monkeypatch)


def intake(run: Run, *extra: str) -> dict[str, object]:
    data = run.json(
        "intake",
        "--as",
        "clerk1",
        "--service",
        "PERMIT-OCC",
        "--nid",
        NID,
        "--name",
        "Drita Shembulli",
        "--doc",
        "ID",
        "--doc",
        "APP",
        *extra,
    )
    assert isinstance(data, dict)
    return data


def test_intake_prints_the_receipt_number(run: Run) -> None:
    code, out, err = run(
        "intake",
        "--as",
        "clerk1",
        "--service",
        "CERT-FAM",
        "--nid",
        NID,
        "--name",
        "Drita Shembulli",
        "--doc",
        "ID",
        "--phone",
        "+355 69 000 0001",
        "--paid",
        "0",
        "--priority",
        "--note",
        "Test",
    )
    assert code == 0 and err == ""
    assert out.strip().startswith("TR01-W03-000001")
    data = run.json("show", out.strip())
    assert data["priority"] is True and data["citizen_phone"] == "+355 69 000 0001"


def test_intake_json_has_the_model_field_names(run: Run) -> None:
    data = intake(run)
    for key in (
        "id",
        "receipt_no",
        "status",
        "due_date",
        "assignee",
        "service_code",
        "citizen_nid",
        "fee_paid",
    ):
        assert key in data
    assert data["status"] == "received" and data["assignee"] == "clerk1" and data["fee_paid"] == 1500


def test_queue_show_advance_reassign_deliver(run: Run) -> None:
    a, b = intake(run), intake(run)
    rows = run.json("queue")
    assert isinstance(rows, list) and {r["receipt_no"] for r in rows} == {a["receipt_no"], b["receipt_no"]}
    assert {"receipt_no", "status", "assignee", "due_date", "service_code", "sla"} <= set(rows[0])
    for status in ("forwarded", "in_progress", "ready"):
        assert (
            run.json("advance", str(a["receipt_no"]), status, "--as", "clerk1", "--note", "ok")["status"]
            == status
        )
    moved = run.json(
        "reassign",
        str(a["receipt_no"]),
        str(b["receipt_no"]),
        "--to",
        "clerk2",
        "--as",
        "super",
        "--reason",
        "Pushime",
    )
    assert [m["assignee"] for m in moved] == ["clerk2", "clerk2"]  # type: ignore[index]
    assert run.json("queue", "--assignee", "clerk2", "--status", "ready")[0]["receipt_no"] == a["receipt_no"]  # type: ignore[index]
    done = run.json("deliver", str(a["receipt_no"]), "--as", "clerk2", "--rating", "4")
    assert done["status"] == "delivered" and done["rating"] == 4  # type: ignore[index]
    shown = run.json("show", str(a["receipt_no"]))
    assert [e["kind"] for e in shown["history"]] == [
        "intake",
        "status",
        "status",
        "status",
        "assign",
        "deliver",
    ]  # type: ignore[index]
    code, out, _ = run("show", str(a["receipt_no"]))
    assert code == 0 and "delivered" in out and "Pushime" in out
    assert run.json("note", str(b["receipt_no"]), "--as", "clerk1", "--text", "Shënim")["version"] == 2  # type: ignore[index]
    assert run.json("queue", "--overdue") == []


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (("advance", "TR01-W03-000001K", "ready", "--as", "clerk1"), 3, "check character"),  # right: ...U
        (
            (
                "intake",
                "--as",
                "clerk1",
                "--service",
                "CERT-FAM",
                "--nid",
                "J00101999A",
                "--name",
                "X Y",
                "--doc",
                "ID",
            ),
            3,
            "check letter",
        ),
        (
            ("intake", "--as", "clerk1", "--service", "CERT-FAM", "--nid", "J00132999W", "--name", "X Y"),
            3,
            "",
        ),
        (
            (
                "intake",
                "--as",
                "clerk1",
                "--service",
                "PERMIT-OCC",
                "--nid",
                NID,
                "--name",
                "X Y",
                "--doc",
                "ID",
            ),
            3,
            "APP",
        ),
        (("intake", "--as", "clerk1", "--service", "NOPE", "--nid", NID, "--name", "X Y"), 5, "NOPE"),
        (("intake", "--as", "ghost", "--service", "CERT-FAM", "--nid", NID, "--name", "X Y"), 5, "ghost"),
        (
            (
                "intake",
                "--as",
                "admin",
                "--service",
                "CERT-FAM",
                "--nid",
                NID,
                "--name",
                "X Y",
                "--doc",
                "ID",
            ),
            4,
            "role",
        ),
        (("queue", "--status", "bogus"), 3, "bogus"),
        (("deliver",), 2, ""),
        (("nonsense",), 2, ""),
    ],
)
def test_errors_exit_codes_and_one_line(run: Run, argv: tuple[str, ...], code: int, needle: str) -> None:
    got, out, err = run(*argv)
    assert got == code, err
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert needle in err


def test_permission_and_conflict_codes(run: Run) -> None:
    req = intake(run)
    no = str(req["receipt_no"])
    got, _, err = run("reassign", no, "--to", "clerk2", "--as", "clerk1", "--reason", "x")
    assert got == 4 and "supervisor" in err
    got, _, err = run("deliver", no, "--as", "clerk1")
    assert got == 6 and "cannot become delivered" in err
    got, _, err = run("init", "--unit", "TR01", "--unit-name", "X", "--workstation", "W09")
    assert got == 6 and "already initialised" in err


def test_accept_check_mismatch_and_missing_documents(run: Run) -> None:
    data = run.json(
        "intake",
        "--as",
        "clerk1",
        "--service",
        "PERMIT-OCC",
        "--nid",
        "J00101999A",
        "--name",
        "X Y",
        "--doc",
        "ID",
        "--accept-check-mismatch",
        "--return-for-completion",
    )
    assert data["status"] == "returned" and data["documents_missing"] == ["APP"]  # type: ignore[index]


def test_a_return_for_completion_names_what_is_missing(run: Run) -> None:
    no = str(intake(run)["receipt_no"])
    got, _, err = run("advance", no, "in_progress", "--as", "clerk1", "--missing", "APP")
    assert got != 0 and "missing" in err  # only a return for completion names documents
    data = run.json("advance", no, "returned", "--as", "clerk1", "--missing", "APP", "--missing", "ID")
    assert data["status"] == "returned" and sorted(data["documents_missing"]) == ["APP", "ID"]  # type: ignore[index]
    returned = [e for e in run.json("show", no)["history"] if e["to_status"] == "returned"]  # type: ignore[index]
    assert [sorted(e["data"]["missing"]) for e in returned] == [["APP", "ID"]]


def test_init_user_catalog_backup_on_a_fresh_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run = Run(tmp_path / "fresh", capsys, monkeypatch)
    data = run.json("init", "--unit", "tr02", "--unit-name", "Njësia Dy", "--workstation", "w1")
    assert data["unit_code"] == "TR02" and data["workstation_code"] == "W1"  # type: ignore[index]
    code, _, err = run(
        "user", "add", "drita", "--role", "supervisor", "--name", "Drita (TEST)", stdin=PASSWORD + "\n"
    )
    assert code == 0, err
    code, _, err = run("user", "add", "short", "--role", "clerk", "--name", "S", stdin="abc\n")
    assert code == 3 and "at least 8" in err
    imported = run.json("catalog", "import", str(DATA / "catalog-small.json"))
    assert imported["added"] == 5  # type: ignore[index]  # with the complaint service ANKESE
    services = run.json("catalog", "list")
    assert [s["code"] for s in services] == ["ANKESE", "CERT-FAM", "PERMIT-OCC", "TAX-STMT"]  # type: ignore[index]
    assert services[2]["documents"][1]["code"] == "APP"  # type: ignore[index]
    users = run.json("user", "list")
    assert [u["username"] for u in users] == ["drita"]  # type: ignore[index]
    out_file = tmp_path / "b" / "backup.db"
    assert run.json("backup", "--out", str(out_file))["bytes"] > 0  # type: ignore[index]
    assert out_file.exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "frontdesk-catalog/1",\n "version": 1,\n "services": [}\n', encoding="utf-8")
    code, _, err = run("catalog", "import", str(bad))
    assert code == 3 and "bad.json:3" in err


def test_console_script_and_home_from_environment(home: Path) -> None:
    exe = shutil.which("frontdesk", path=str(Path(sys.executable).parent))
    assert exe, "console script not installed"
    env = {**os.environ, "FRONTDESK_HOME": str(home)}
    res = subprocess.run([exe, "queue", "--json"], capture_output=True, text=True, env=env, timeout=60)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == []
    res = subprocess.run(
        [sys.executable, "-m", "frontdesk", "show", "nonsense"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert res.returncode == 3 and res.stdout == ""


def test_receipt_pdf_and_print_to_a_missing_printer(run: Run, home: Path, tmp_path: Path) -> None:
    req = intake(run)
    out = tmp_path / "r.pdf"
    data = run.json("receipt", str(req["receipt_no"]), "--out", str(out), "--paper", "a5")
    assert data["paper"] == "a5" and out.read_bytes().startswith(b"%PDF")  # type: ignore[index]
    env = {**os.environ, "FRONTDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    res = subprocess.run([sys.executable, "-m", "frontdesk", "print", str(req["receipt_no"]), "--as", "clerk1",
                          "--printer", "NO-SUCH-PRINTER"], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 7, res.stderr
    assert "NO-SUCH-PRINTER" in res.stderr and "saved" in res.stderr


def test_report_and_audit_commands(run: Run, home: Path, tmp_path: Path) -> None:
    req = intake(run)
    run.json("advance", str(req["receipt_no"]), "ready", "--as", "clerk1")
    rows = run.json("report", "--by", "clerk")
    assert isinstance(rows, dict) and rows["total"]["received"] == 1 and rows["total"]["completed"] == 1
    out = tmp_path / "r.csv"
    code, _, err = run("report", "--format", "csv", "--out", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("key,")
    code, _, err = run("report", "--format", "pdf")
    assert code == 3 and "--out" in err
    code, _, err = run("report", "--from", "yesterday")
    assert code == 3 and "YYYY-MM-DD" in err
    data = run.json("audit", "verify")
    assert data["ok"] is True and data["checked"] >= 7  # set-up + intake + status
    assert [e["action"] for e in run.json("audit", "list", "--limit", "2")] == ["status", "intake"]  # type: ignore[index]
    from frontdesk.dbfiles import open_kept

    db = open_kept(home / "frontdesk.db")
    db.execute("UPDATE audit_log SET subject = 'X' WHERE action = 'intake'")
    db.commit()
    db.close()
    code, _, err = run("audit", "verify")
    assert code == 8 and "BROKEN" in err


def test_citizens_side_from_the_command_line(run: Run) -> None:
    """Consent and e-mail at intake, a complaint about a receipt, the citizen's survey typed in at the
    counter (once), and the citizens' report beside the clerk's rating."""
    a = intake(run, "--phone", "069 000 0002", "--email", "drita@example.test", "--notify")
    assert a["notify_consent"] is True and a["contact_email"] == "drita@example.test" and a["lookup_code"]
    code, _out, err = run("intake", "--as", "clerk1", "--service", "PERMIT-OCC", "--nid", NID, "--name", "Drita",
                          "--doc", "ID", "--doc", "APP", "--notify")  # fmt: skip
    assert code == 3 and "phone" in err.lower()  # consent needs somewhere to send the message
    complaint = run.json("intake", "--as", "clerk1", "--service", "ANKESE", "--nid", NID, "--name", "Drita Shembulli",
                         "--about", str(a["receipt_no"]))  # fmt: skip
    assert complaint["complaint_about"] == a["receipt_no"]
    no = str(a["receipt_no"])
    for status in ("in_progress", "ready"):
        run.json("advance", no, status, "--as", "clerk1")
    run.json("deliver", no, "--as", "clerk1", "--rating", "5")
    answered = run.json("survey", no, "--as", "clerk1", "--overall", "3", "--kept", "no", "--clear", "yes")
    assert answered["survey_answered"] is True
    code, _out, err = run("survey", no, "--as", "clerk1", "--overall", "4")
    assert code == 6 and "already" in err  # one answer per request
    report = run.json("citizens-report")
    (row,) = [r for r in report["rows"] if r["key"] == "PERMIT-OCC"]
    assert (row["citizen_answers"], row["citizen_overall_avg"], row["citizen_promised_kept_share"]) == (1, 3.0, 0.0)
    assert (row["clerk_ratings"], row["clerk_rating_avg"], row["complaints"]) == (1, 5.0, 1)
