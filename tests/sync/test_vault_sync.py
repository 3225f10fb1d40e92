"""The desk as a vault, with the real central server (SQLite and PostgreSQL): the database key escrowed at
enrolment and revealed only by a central administrator holding the escrow private key, through an audited
command; a lost keyring recovered with it, unsynced requests intact; and the restore of an enrolled desk —
the central counter learned before any number is given, the desk's own changes since the backup pulled
back, no receipt number ever given twice, no clone alarm."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from frontdesk import replication, restore, setup
from frontdesk.central import models as cm
from frontdesk.dbfiles import check_file
from frontdesk.dbkey import Keys
from frontdesk.numbering import parse_receipt_no

from .conftest import Unit, Workstation

pytestmark = pytest.mark.slow


def _actions(u: Unit, action: str) -> list[dict[str, object]]:
    r = u.central.cli_inproc("actions", "--json", "--limit", "1000")
    assert r.returncode == 0, r.stderr
    return [a for a in json.loads(r.stdout) if a["action"] == action]


def _new_desk(u: Unit, tmp_path: Path, code: str) -> tuple[Workstation, str]:
    ws = Workstation(code.lower(), tmp_path / code.lower())
    r = ws.cli_inproc("init", "--unit", u.code, "--unit-name", "Njësia Testuese", "--workstation", code, "--json")
    assert r.returncode == 0, r.stderr
    return ws, json.loads(r.stdout)["recovery_code"]


def test_the_key_is_escrowed_and_only_an_administrator_with_the_private_key_reads_it(
    unit: Unit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    u = unit
    from frontdesk.central import enrolment
    from frontdesk.sync.engine import enrol

    # a central system without an escrow key: the enrolment works, the desk says the key is not escrowed
    with u.central.db.write() as s:
        for k in s.query(cm.EscrowKey):
            k.retired_at = k.created_at
    ws, code = _new_desk(u, tmp_path, "W07")
    done = enrol(ws.store, u.proxy.url, enrolment.create_enrol_code(u.central.db, u.code))
    assert done.key_escrow.startswith("failed:") and "escrow setup" in done.key_escrow
    assert ws.sync_status()["key_escrow"].startswith("failed:")
    # the administrator makes the escrow key; the private key goes to a file only they can read
    private = tmp_path / "admin" / "escrow-private.pem"
    r = u.central.cli_inproc("escrow", "setup", "--private-key-out", str(private))
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and b"PRIVATE KEY" in private.read_bytes()
    assert u.central.cli_inproc("escrow", "setup", "--private-key-out", str(private)).returncode == 6  # never over it
    # the IT officer deposits again
    r = ws.cli_inproc("key", "escrow")
    assert r.returncode == 0 and "ok" in r.stdout, r.stdout + r.stderr
    with u.central.db.read() as s:
        (row,) = [e for e in s.query(cm.EscrowedKey) if e.key_id == ws.store.key.key_id]  # type: ignore[union-attr]
        assert code not in row.sealed and code.replace("-", "") not in row.sealed
    if u.backend == "sqlite":  # the central database holds it sealed only
        url = u.central.db_url.removeprefix("sqlite:///")
        assert code.encode() not in Path(url).read_bytes()
    assert [a["subject"] for a in _actions(u, "key_escrowed")][-1:] == ["W07"]
    # a reveal with another private key opens nothing (and is recorded)
    other = tmp_path / "other.pem"
    from frontdesk.central.escrow import setup as escrow_setup

    wrong = tmp_path / "wrong-central"
    wrong.mkdir()
    from frontdesk.central.db import Database

    scratch = Database(f"sqlite:///{wrong / 'c.db'}")
    other.write_bytes(escrow_setup(scratch, actor="test"))
    scratch.close()
    r = u.central.cli_inproc("escrow", "reveal", "--unit", u.code, "--workstation", "W07", "--private-key", str(other))
    assert r.returncode == 3 and code not in r.stdout + r.stderr
    # the administrator's reveal: the code, and the central audit trail says who looked
    r = u.central.cli_inproc("escrow", "reveal", "--unit", u.code, "--workstation", "W07", "--private-key",
                             str(private), "--json")  # fmt: skip
    assert r.returncode == 0, r.stderr
    (revealed,) = json.loads(r.stdout)
    assert revealed["recovery_code"] == code and revealed["key_id"] == ws.store.key.key_id  # type: ignore[union-attr]
    reveals = _actions(u, "key_revealed")
    assert [(a["subject"], a["details"]["keys"]) for a in reveals[:2]] == [("W07", 1), ("W07", 0)]  # type: ignore[index]
    assert all(code not in json.dumps(a) for a in _actions(u, "key_revealed") + _actions(u, "key_escrowed"))
    # the desk loses its keyring with requests not synced yet; the revealed code brings the database back
    ws.store.close()
    ws.close()
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "reinstalled-keyring.json"))
    r = ws.cli_inproc("queue")
    assert r.returncode == 1 and "frontdesk key recover" in r.stderr
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert ws.cli_inproc("key", "recover").returncode == 3  # no code on standard input
    monkeypatch.setattr(sys, "stdin", io.StringIO(revealed["recovery_code"] + "\n"))
    r = ws.cli_inproc("key", "recover")
    assert r.returncode == 0, r.stderr
    assert ws.cli_inproc("queue").returncode == 0


def test_a_lost_keyring_loses_no_unsynced_request(unit: Unit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    u = unit
    taken = u.ws1.intake(3)  # not synced
    code = u.ws1.store.key.recovery_code()  # type: ignore[union-attr]  # what the escrow or the paper holds
    u.ws1.close()
    # the database key's entry is lost from the keyring (the workstation token's is not: see
    # docs/operations.md for a keyring lost whole)
    keyring = json.loads(Path(os.environ["FRONTDESK_TEST_KEYRING"]).read_text())
    kept = {k: v for k, v in keyring.items() if not k.startswith("frontdesk-database/")}
    (tmp_path / "damaged-keyring.json").write_text(json.dumps(kept))
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "damaged-keyring.json"))
    assert u.ws1.cli_inproc("queue").returncode == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO(code + "\n"))
    r = u.ws1.cli_inproc("key", "recover")
    assert r.returncode == 0, r.stderr
    assert set(taken) <= {q["receipt_no"] for q in u.ws1.queue()}
    u.ws1.sync_until_complete()
    assert set(taken) <= {r["receipt_no"] for r in u.requests()}


def test_a_keyring_lost_whole_comes_back_with_the_recovery_code_and_a_reissued_token(
    unit: Unit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database key and the workstation token both gone (a reinstalled system): the recovery code opens
    the database, a re-issue code from the central administrator gives the same workstation a new token;
    its unsynced requests and its place in the feed are kept, the old token no longer works, and a re-issue
    code enrols no other workstation."""
    import io
    import sys

    from frontdesk.central import enrolment
    from frontdesk.sync.client import CentralClient
    from frontdesk.sync.credentials import load_token

    u = unit
    u.ws1.sync_until_complete()
    before = replication.read_state(u.ws1.store)
    taken = u.ws1.intake(2)  # not synced
    code = u.ws1.store.key.recovery_code()  # type: ignore[union-attr]
    old_token = load_token(u.proxy.url, u.code, "W03")
    assert old_token
    u.ws1.close()
    old_keyring = os.environ["FRONTDESK_TEST_KEYRING"]
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "new-system-keyring.json"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(code + "\n"))
    assert u.ws1.cli_inproc("key", "recover").returncode == 0
    r = u.ws1.cli_inproc("sync", "--once")
    assert r.returncode == 1 and "reissue-code" in r.stderr, r.stderr
    # a new workstation code's enrolment code cannot be used: the workstation is enrolled already
    fresh = enrolment.create_enrol_code(u.central.db, u.code)
    r = u.ws1.cli_inproc("enrol", "--server", u.proxy.url, "--code", fresh)
    assert r.returncode == 6, r.stderr
    # the administrator's re-issue code, for this workstation only
    r = u.central.cli_inproc("reissue-code", "--unit", u.code, "--workstation", "W03")
    assert r.returncode == 0, r.stderr
    again = r.stdout.strip()
    assert u.central.cli_inproc("reissue-code", "--unit", u.code, "--workstation", "W99").returncode == 5
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", old_keyring)  # W04, on its own computer, cannot take it over
    r = u.ws2.cli_inproc("enrol", "--server", u.proxy.url, "--code", again)
    assert r.returncode == 4 and "not valid" in r.stderr, r.stderr
    u.ws2.close()
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "new-system-keyring.json"))
    r = u.ws1.cli_inproc("enrol", "--server", u.proxy.url, "--code", again, "--json")
    assert r.returncode == 0, r.stderr
    done = json.loads(r.stdout)
    assert done["reissued"] is True and done["users_offered"] == []
    assert done["workstation_id"] == before["workstation_id"]
    after = replication.read_state(u.ws1.store)
    assert (after["epoch"], after["cursor"]) == (before["epoch"], before["cursor"])  # no pull from the start
    u.ws1.sync_until_complete()
    assert set(taken) <= {q["receipt_no"] for q in u.requests()}
    assert u.ws1.cli_inproc("enrol", "--server", u.proxy.url, "--code", again).returncode == 4  # used once
    # the old token is refused; the actions say who made the code and when it was used
    client = CentralClient(u.proxy.url, old_token)
    try:
        from frontdesk.sync.client import CentralError

        with pytest.raises(CentralError) as refused:
            client.changes(0, 1)
        assert refused.value.status == 401
    finally:
        client.close()
    assert [a["subject"] for a in _actions(u, "reissue_code")] == ["W03"]
    assert [a["subject"] for a in _actions(u, "reissue")] == ["W03"]


def _restore(ws: Workstation, backup: Path, *extra: str) -> dict[str, object]:
    ws.close()
    r = ws.cli_inproc("restore", str(backup), "--json", *extra)
    assert r.returncode == 0, r.stderr
    return dict(json.loads(r.stdout))


@pytest.mark.parametrize("replaced", ["readable", "lost"])
def test_an_enrolled_desk_restored_never_gives_a_number_twice(unit: Unit, tmp_path: Path, replaced: str) -> None:
    u = unit
    ws = u.ws1
    early = ws.intake(3)
    ws.sync_until_complete()
    (pending,) = ws.intake(1)  # in the backup's outbox, not yet sent
    backup = ws.store.backup(tmp_path / "backup.db")
    ws.sync_until_complete()  # …sent after the backup was taken
    sent_later = ws.intake(3)
    ws.sync_until_complete()  # the central system has seen counter 7
    unsent = ws.intake(2)  # given to citizens, never sent: known only to the database about to be lost
    assert parse_receipt_no(unsent[-1]).counter == 9
    ws.close()
    if replaced == "lost":
        for suffix in ("", "-wal", "-shm"):
            (ws.home / f"frontdesk.db{suffix}").unlink(missing_ok=True)
    r = _restore(ws, backup)
    assert r["backup_counter"] == 4 and r["enrolled"] is True
    if replaced == "readable":
        assert (r["replaced_counter"], r["counter"], r["hold"], r["replaced_unsent"]) == (9, 9, False, 2)
    else:
        assert (r["replaced_counter"], r["counter"], r["hold"]) == (None, 4, True)
        refused = ws.cli_inproc("intake", "--as", "clerk1", "--service", "CERT-FAM", "--nid", "J00101999W",
                                "--name", "Qytetar Prove (TEST)", "--doc", "ID")  # fmt: skip
        assert refused.returncode == 6 and "restored from a backup" in refused.stderr
        assert ws.sync_status()["receipt_hold"]
    # the first sync: the central counter first (no clone alarm), then the backup's pending op again
    # (answered duplicate), then this desk's own requests since the backup pulled back
    ws.sync_until_complete()
    st = ws.sync_status()
    assert not st["restore_pending"] and not st["receipt_hold"] and not st["last_error"]
    assert not replication.read_state(ws.store).get("clone_suspected")
    have = {q["receipt_no"] for q in ws.queue()}
    assert {*early, pending, *sent_later} <= have
    counter = setup.workstation_info(ws.store).receipt_counter
    assert counter == (9 if replaced == "readable" else 7 + restore.RESTORE_GAP)
    (new,) = ws.intake(1)
    given = {*early, pending, *sent_later, *unsent}
    assert new not in given and parse_receipt_no(new).counter == counter + 1
    ws.sync_until_complete()
    central = {x["receipt_no"] for x in u.requests()}
    assert {*early, pending, *sent_later, new} <= central and len(central) == len(set(central))
    # the central IT sees the restore, and why the desk's audit trail went back
    (notice,) = [a for a in _actions(u, "desk_restored") if a["unit"] == u.code]
    assert notice["details"] == {"backup_counter": 4, "receipt_counter": r["counter"], "highest_seen": 7}
    assert check_file(ws.home / "frontdesk.db", Keys()).ok
    assert ws.cli_inproc("audit", "verify", "--local").returncode == 0
    # the other desk of the unit never noticed
    u.ws2.sync_until_complete()
    assert not replication.read_state(u.ws2.store).get("last_error")


def test_restore_with_skip_gives_numbers_at_once_and_still_learns_the_central_counter(
    unit: Unit, tmp_path: Path
) -> None:
    u = unit
    ws = u.ws1
    ws.intake(2)
    ws.sync_until_complete()
    backup = ws.store.backup(tmp_path / "backup.db")
    ws.intake(5)
    ws.sync_until_complete()  # central: 7
    ws.close()
    for suffix in ("", "-wal", "-shm"):
        (ws.home / f"frontdesk.db{suffix}").unlink(missing_ok=True)
    r = _restore(ws, backup, "--skip", "3")  # offline: the IT officer says 3 numbers are enough (they are not)
    assert (r["counter"], r["hold"]) == (5, False)
    ws.sync_until_complete()  # the central counter (7) is above: the gap is added to it
    assert setup.workstation_info(ws.store).receipt_counter == 7 + restore.RESTORE_GAP
    assert not replication.read_state(ws.store).get("clone_suspected")
    assert os.path.exists(ws.home / "frontdesk.db")
