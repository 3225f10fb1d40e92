"""The ``frontdesk-central`` command line: back office, catalogue publication, units, exit codes — each
change visible to the workstations through the running server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontdesk.central.cli import main

from .conftest import CliResult, Desk, Server, results, run_cli

CATALOG = Path(__file__).resolve().parents[1] / "data" / "catalog-small.json"


def test_backoffice_advance_is_pulled_by_every_desk(desks: Any, server: Server) -> None:
    a: Desk = desks("TR01", "W01")
    op, snap = a.intake()
    assert results(a.push([op])) == ["applied"]
    _, cursor = a.pull_all()

    res = server.cli("advance", snap.receipt_no, "ready", "--note", "Dokumenti u nënshkrua")
    assert res.code == 0, res.err
    assert "ready" in res.out
    # the desk that pushed the request pulls the back office's change (origin is not that desk)
    changes, cursor = a.pull_all(cursor)
    assert len(changes) == 1 and changes[0].request is not None
    change = changes[0].request
    assert change.request.status == "ready" and change.request.version == 2
    assert change.request.completed_at is not None
    (ev,) = change.events
    assert (ev.actor, ev.workstation, ev.kind) == ("backoffice", "HQ", "status")
    assert (ev.from_status, ev.to_status) == ("received", "ready")
    assert ev.data == {"note": "Dokumenti u nënshkrua"}

    # invalid transition → conflict (6); unknown receipt → not found (5); unknown status → invalid (3)
    bad = server.cli("advance", snap.receipt_no, "received")
    assert bad.code == 6 and bad.err.startswith("error:") and len(bad.err.strip().splitlines()) == 1
    assert server.cli("advance", "TR01-W01-999999Z", "ready").code == 5
    assert server.cli("advance", snap.receipt_no, "flying").code == 3
    # a desk's status op based on the old status is then decided against the server's state
    (r,) = a.push([a.status_op(snap, "received", "returned")])
    assert r.result == "rejected" and r.current == {"status": "ready", "version": 2}
    # delivery by the back office
    done = server.cli("advance", snap.receipt_no, "delivered")
    assert done.code == 0, done.err
    changes, _ = a.pull_all(cursor)
    assert changes[-1].request is not None and changes[-1].request.request.status == "delivered"
    assert changes[-1].request.events[0].kind == "deliver"


def test_catalog_publish_reaches_every_unit_including_later_ones(desks: Any, server: Server, tmp_path: Path) -> None:
    a: Desk = desks("TR01", "W01")
    b: Desk = desks("TR02", "W01")  # the desks fixture published test-1 already
    original = json.loads(CATALOG.read_text(encoding="utf-8"))
    original["version"] = "test-2"
    newer = tmp_path / "catalog-2.json"
    newer.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
    res = server.cli("catalog", "publish", str(newer))
    assert res.code == 0, res.err
    assert "test-2" in res.out and "2 unit(s)" in res.out
    for desk in (a, b):
        changes, _ = desk.pull_all()
        assert [c.kind for c in changes] == ["catalog"]
        assert changes[0].catalog is not None
        assert changes[0].catalog.version == "test-2" and changes[0].catalog.catalog == original
    # the same version twice is a conflict; an invalid file is refused with its line; a missing one not found
    assert server.cli("catalog", "publish", str(newer)).code == 6
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "frontdesk-catalog/1", "version": "x",\n "services": 5}', encoding="utf-8")
    bad = server.cli("catalog", "publish", str(broken))
    assert bad.code == 3 and "broken.json:2" in bad.err
    assert server.cli("catalog", "publish", str(tmp_path / "missing.json")).code == 5
    # a unit created after the publication starts with the current catalogue
    c: Desk = desks("TR03", "W01")
    changes, _ = c.pull_all(0)
    assert [ch.catalog.version for ch in changes if ch.catalog] == ["test-2"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_units_codes_and_usage_errors(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """In process (``main(argv)``), for speed; the other tests run the installed command."""

    def cli(*args: str) -> CliResult:
        try:
            code = main([*args, "--db", db_url])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    assert cli("unit", "add", "TR01", "--name", "Njësia Një").code == 0
    assert cli("unit", "add", "TR01", "--name", "Përsëri").code == 6
    assert cli("unit", "add", "tr-1", "--name", "Keq").code == 3
    listed = json.loads(cli("unit", "list", "--json").out)
    assert listed == [{"code": "TR01", "name": "Njësia Një"}]
    code = cli("enrol-code", "--unit", "TR01")
    assert code.code == 0
    text = code.out.strip()
    assert len(text) == 9 and text[4] == "-" and text.replace("-", "").isalnum()
    assert cli("enrol-code", "--unit", "XX99").code == 5
    assert cli("requests", "--unit", "XX99").code == 5
    assert cli("no-such-command").code == 2
    assert cli("advance").code == 2


def test_database_from_environment_and_unreachable_database(tmp_path: Path) -> None:
    import os
    import subprocess

    from .conftest import CENTRAL

    url = f"sqlite:///{tmp_path / 'env.db'}"
    env = {**os.environ, "FRONTDESK_CENTRAL_DB": url}
    done = subprocess.run(
        [str(CENTRAL), "unit", "add", "TR01", "--name", "N"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.db").exists()
    listed = run_cli(url, "unit", "list")
    assert listed.out.startswith("TR01")
    down = run_cli("postgresql://nobody:x@127.0.0.1:9/none", "unit", "list")
    assert down.code == 1 and len(down.err.strip().splitlines()) == 1
