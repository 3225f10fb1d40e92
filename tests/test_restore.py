"""``frontdesk restore`` on a desk without a central system: the backup checked first, the current
database kept aside, a restore that cannot leave a desk without a database or with a counter that would
give a number out twice, and refusals (another workstation's backup, a damaged one) that change nothing.
The enrolled desk's restore (the central counter, the own changes pulled back) is in
tests/sync/test_vault_sync.py."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from frontdesk import auth, cli, restore, setup, workflow
from frontdesk.dbfiles import check_file, open_kept
from frontdesk.dbkey import Keys
from frontdesk.numbering import parse_receipt_no
from frontdesk.queries import QueueFilter, queue_page

NID = "J00101999W"


def _intake(home: Path, n: int) -> list[str]:
    store = setup.open_home(home)
    try:
        clerk = auth.actor_for(store, "clerk1")
        citizen = workflow.CitizenInput(nid=NID, full_name="Drita Shembulli")
        return [workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])])[0].receipt_no
                for _ in range(n)]  # fmt: skip
    finally:
        store.close()


def _backup(home: Path, target: Path) -> Path:
    store = setup.open_home(home)
    try:
        return store.backup(target)
    finally:
        store.close()


def _counter(home: Path) -> int:
    store = setup.open_home(home)
    try:
        return setup.workstation_info(store).receipt_counter
    finally:
        store.close()


def run(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str,
        stdin: str = "") -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_restore_keeps_the_current_database_aside_and_goes_on_after_its_counter(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _intake(home, 3)
    backup = _backup(home, tmp_path / "b" / "backup.db")
    later = _intake(home, 2)  # given to citizens after the backup was taken
    code, out, err = run(home, monkeypatch, capsys, "restore", str(backup), "--json")
    assert code == 0, err
    r = json.loads(out)
    assert (r["backup_counter"], r["replaced_counter"], r["counter"], r["hold"]) == (3, 5, 5, False)
    assert r["kept_aside"] and Path(r["kept_aside"]).exists()
    aside = open_kept(r["kept_aside"])  # the replaced database, intact, with what the backup lacks
    assert {n for (n,) in aside.execute("SELECT receipt_no FROM requests")} == {*first, *later}
    aside.close()
    store = setup.open_home(home)
    assert {v.receipt_no for v in queue_page(store, QueueFilter())} == set(first)
    store.close()
    (nxt,) = _intake(home, 1)
    assert parse_receipt_no(nxt).counter == 6 and nxt not in later  # never a number twice
    assert check_file(home / "frontdesk.db", Keys()).ok
    code, out, _ = run(home, monkeypatch, capsys, "audit", "list", "--action", "restore", "--json")
    (entry,) = json.loads(out)
    assert entry["subject"] == "backup.db" and entry["details"]["counter"] == 5
    code, _, err = run(home, monkeypatch, capsys, "audit", "verify", "--local")
    assert code == 0, err


def test_without_the_replaced_database_the_counter_skips_a_gap(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _intake(home, 2)
    backup = _backup(home, tmp_path / "backup.db")
    _intake(home, 4)
    for suffix in ("", "-wal", "-shm"):  # the disk died: the database is gone
        (home / f"frontdesk.db{suffix}").unlink(missing_ok=True)
    code, out, err = run(home, monkeypatch, capsys, "restore", str(backup))
    assert code == 0, err
    assert f"after {2 + restore.RESTORE_GAP}" in out and "skipped" in out
    assert _counter(home) == 2 + restore.RESTORE_GAP
    # with --skip the IT officer chooses the gap
    for suffix in ("", "-wal", "-shm"):
        (home / f"frontdesk.db{suffix}").unlink(missing_ok=True)
    code, out, err = run(home, monkeypatch, capsys, "restore", str(backup), "--skip", "50")
    assert code == 0 and _counter(home) == 52, err


def test_a_backup_opens_with_its_recovery_code_on_a_computer_without_its_key(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = setup.open_home(home)
    code_text = store.key.recovery_code()  # type: ignore[union-attr]
    store.close()
    _intake(home, 1)
    backup = _backup(home, tmp_path / "backup.db")
    new_home = tmp_path / "new-computer"
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "new-keyring.json"))
    code, _, err = run(new_home, monkeypatch, capsys, "restore", str(backup))
    assert code == 1 and "not on this computer" in err
    code, _, err = run(new_home, monkeypatch, capsys, "restore", str(backup), "--recovery-code",
                         stdin=code_text + "\n")  # fmt: skip
    assert code == 0, err
    assert _counter(new_home) == 1 + restore.RESTORE_GAP  # nothing to say what came after the backup
    assert check_file(new_home / "frontdesk.db", Keys()).ok  # the key is kept here now


def test_refusals_change_nothing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _intake(home, 2)
    before = (home / "frontdesk.db").read_bytes()
    # another workstation's backup: restoring it would make this desk a copy of that one
    other_home = tmp_path / "other"
    other_home.mkdir()
    other = setup.open_home(other_home)
    setup.init_workstation(other, "TR01", "Njësia", "W09")
    other.backup(tmp_path / "other.db")
    other.close()
    code, _, err = run(home, monkeypatch, capsys, "restore", str(tmp_path / "other.db"))
    assert code == 6 and "copy of another" in err and len(err.splitlines()) == 1
    # a damaged backup
    good = _backup(home, tmp_path / "good.db")
    data = bytearray(good.read_bytes())
    data[4096 * 3 + 64 : 4096 * 3 + 164] = os.urandom(100)
    (tmp_path / "damaged.db").write_bytes(bytes(data))
    code, _, err = run(home, monkeypatch, capsys, "restore", str(tmp_path / "damaged.db"))
    assert code == 3 and "nothing was restored" in err, err
    # not a database, a missing file, the live database itself
    (tmp_path / "junk.db").write_bytes(os.urandom(5000))
    assert run(home, monkeypatch, capsys, "restore", str(tmp_path / "junk.db"))[0] in (1, 3)
    assert run(home, monkeypatch, capsys, "restore", str(tmp_path / "nope.db"))[0] == 3
    assert run(home, monkeypatch, capsys, "restore", str(home / "frontdesk.db"))[0] == 3
    assert (home / "frontdesk.db").read_bytes() == before and not (home / "restore").exists()
    assert not list(home.glob("*.restoring*"))


def test_a_crash_before_the_final_rename_leaves_the_current_database(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _intake(home, 2)
    backup = _backup(home, tmp_path / "backup.db")
    _intake(home, 1)
    real_replace = os.replace

    def power_cut(src: object, dst: object) -> None:
        if str(src).endswith(".restoring"):
            raise OSError("power cut")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(restore.os, "replace", power_cut)
    with pytest.raises(OSError):
        restore.restore(home, backup)
    monkeypatch.undo()
    assert _counter(home) == 3  # the database in use is the one it was, whole
    assert check_file(home / "frontdesk.db", Keys()).ok
    r = restore.restore(home, backup)  # and the restore can simply be run again
    assert r.counter == 3 and r.replaced_counter == 3
