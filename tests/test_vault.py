"""The desk as a vault: private files, the database encrypted at rest, its key and recovery code, an
earlier version's plain database encrypted on start, and ``frontdesk check``."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk import auth, cli, private, setup, workflow
from frontdesk.db import Store, alembic_config, make_engine
from frontdesk.dbfiles import check_file, open_kept
from frontdesk.dbkey import (
    DbKey,
    FileKeys,
    KeyMissing,
    Keys,
    WrongKey,
    decode_recovery,
    encode_recovery,
    file_kind,
)
from frontdesk.errors import InvalidInput

NID = "J00101999W"
NAME = "Drita Shembulli"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _intake(store: Store, n: int = 1) -> list[str]:
    clerk = auth.actor_for(store, "clerk1")
    citizen = workflow.CitizenInput(nid=NID, full_name=NAME, phone="+355 69 123 4567")
    return [workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])])[0].receipt_no
            for _ in range(n)]  # fmt: skip


def run(home: Path, *argv: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None,
        capsys: pytest.CaptureFixture[str] | None = None) -> tuple[int, str, str]:  # fmt: skip
    assert monkeypatch is not None and capsys is not None
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------------------------------ at rest


def test_plain_sqlite_cannot_read_the_database_and_no_personal_data_is_in_the_files(store: Store) -> None:
    _intake(store, 3)
    with store.read() as s:  # the WAL holds the last pages until a checkpoint: look at both
        assert s.execute(text("SELECT count(*) FROM requests")).scalar() == 3
    assert file_kind(store.path) == "encrypted"
    con = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    con.close()
    for f in store.path.parent.glob("frontdesk.db*"):
        data = f.read_bytes()
        for needle in (NID, NAME, "Shembulli", "355 69 123"):
            assert needle.encode() not in data, f"{needle} in clear in {f.name}"


def test_a_wrong_key_is_one_clear_error(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    with pytest.raises(WrongKey, match="does not open with this key"):
        Store(path, key=DbKey.new())


def test_the_key_is_kept_under_the_files_salt_and_every_copy_opens_with_it(store: Store, tmp_path: Path) -> None:
    _intake(store)
    copy = store.backup(tmp_path / "elsewhere" / "copy.db")
    assert copy.read_bytes()[:16] == store.path.read_bytes()[:16] == store.key.salt  # type: ignore[union-attr]
    assert Keys().get(store.key.key_id) == store.key.secret  # type: ignore[union-attr]
    assert check_file(copy, Keys()).ok
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT 1 FROM requests").fetchone()


def test_recovery_codes_round_trip_and_catch_typos() -> None:
    key = DbKey.new()
    code = key.recovery_code()
    assert len(code) == 39 and code.count("-") == 7
    assert decode_recovery(code) == key.secret
    assert decode_recovery(code.lower().replace("-", " ")) == key.secret
    assert decode_recovery(code.replace("0", "O").replace("1", "I")) == key.secret  # Crockford's look-alikes
    typo = code[:5] + ("X" if code[5] != "X" else "Y") + code[6:]
    for bad in (typo, code[:-1], code + "A", "", "ĐĐĐĐ", "\x1b[2J"):
        with pytest.raises(InvalidInput):
            decode_recovery(bad)
    assert repr(key) == f"DbKey(key_id={key.key_id})" and code not in repr(key)
    assert encode_recovery(key.secret) == code


def test_a_lost_key_is_put_back_from_the_recovery_code(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh"
    code, out, err = run(fresh, "init", "--unit", "TR01", "--unit-name", "Njësia", "--workstation", "W09", "--json",
                         monkeypatch=monkeypatch, capsys=capsys)  # fmt: skip
    assert code == 0, err
    recovery = json.loads(out)["recovery_code"]
    assert decode_recovery(recovery)
    # the keyring is reset (a new Windows profile, a wiped Secret Service): the database no longer opens
    monkeypatch.setenv("FRONTDESK_TEST_KEYRING", str(tmp_path / "empty-keyring.json"))
    code, _, err = run(fresh, "queue", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "not on this computer" in err and "frontdesk key recover" in err and len(err.splitlines()) == 1
    code, _, err = run(fresh, "key", "recover", stdin="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\n",
                       monkeypatch=monkeypatch, capsys=capsys)  # fmt: skip
    assert code == 3 and "recovery code" in err
    other = DbKey.new().recovery_code()  # a valid code, of another database
    code, _, err = run(fresh, "key", "recover", stdin=other + "\n", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 3 and "does not open" in err
    code, out, err = run(fresh, "key", "recover", stdin=recovery + "\n", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and "key is back" in out, err
    code, out, err = run(fresh, "audit", "list", "--action", "key", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert [e["subject"] for e in json.loads(out)] == ["recovered", "recovery_code_shown"]
    assert recovery not in out


def test_without_a_keyring_the_key_goes_to_a_private_file_outside_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    keyring.core.init_backend()
    try:
        keys = Keys(fallback=tmp_path / "config" / "keys")
        with caplog.at_level(logging.WARNING):
            st = Store(tmp_path / "home" / "frontdesk.db", keys=keys)
        assert st.key_kept_in is not None and st.key_kept_in.startswith("file ")
        assert "private file" in caplog.text
        key_file = tmp_path / "config" / "keys" / f"{st.key.key_id}.key"  # type: ignore[union-attr]
        assert key_file.exists() and keys.where(st.key.key_id) == f"file {key_file}"  # type: ignore[union-attr]
        if os.name == "posix":
            assert _mode(key_file) == 0o600 and _mode(key_file.parent) == 0o700
        st.close()
        assert Store(tmp_path / "home" / "frontdesk.db", keys=keys).key == st.key
    finally:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
        keyring.core._keyring_backend = None
        keyring.core.init_backend()


def test_a_plain_database_of_an_earlier_version_is_encrypted_on_start_after_an_encrypted_backup(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    path = home / "frontdesk.db"
    from alembic import command

    engine = make_engine(path)  # no key: the plain SQLite file an earlier version wrote
    command.upgrade(alembic_config(engine), "head")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO units VALUES ('TR01', 'Njësia', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO citizens (nid, full_name, phone, updated_at) "
                          f"VALUES ('{NID}', '{NAME}', NULL, '2026-01-01 00:00:00')"))  # fmt: skip
    engine.dispose()
    os.chmod(path, 0o644)
    (home / "backups").mkdir()
    old_backup = home / "backups" / "frontdesk-20250101-000000-78e032785a25.db"
    old_backup.write_bytes(path.read_bytes())  # a backup an earlier migration left in clear
    os.chmod(old_backup, 0o644)
    assert file_kind(path) == "plain" and NAME.encode() in path.read_bytes()

    store = Store(path)
    assert file_kind(path) == "encrypted" and store.created_key is not None
    assert store.encrypted_backup is not None and store.encrypted_backup.exists()
    for f in [path, store.encrypted_backup, old_backup]:
        assert file_kind(f) == "encrypted"
        assert NAME.encode() not in f.read_bytes() and NID.encode() not in f.read_bytes()
        con = open_kept(f)
        assert con.execute("SELECT full_name FROM citizens").fetchone() == (NAME,)
        con.close()
    with store.read() as s:
        assert s.execute(text("SELECT name FROM units")).scalar() == "Njësia"
    assert not list(home.glob("*.encrypting"))
    if os.name == "posix":
        assert _mode(home) == 0o700 and _mode(path) == 0o600
        assert _mode(store.encrypted_backup) == 0o600 and _mode(old_backup) == 0o600
    store.close()
    assert Store(path).encrypted_backup is None  # once only


def test_an_interrupted_encryption_leaves_the_plain_database_and_is_done_again(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "frontdesk.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('kept')")
    con.commit()
    con.close()
    from frontdesk import dbfiles

    def crash(*_a: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(dbfiles.shutil, "copyfile", crash)  # after the encrypted copy, before the rename
    with pytest.raises(OSError):
        Store(path, migrate_schema=False)
    assert file_kind(path) == "plain"
    assert sqlite3.connect(path).execute("SELECT x FROM t").fetchone() == ("kept",)
    monkeypatch.undo()
    store = Store(path, migrate_schema=False)
    assert file_kind(path) == "encrypted"
    with store.read() as s:
        assert s.execute(text("SELECT x FROM t")).scalar() == "kept"


# ------------------------------------------------------------------------------------------ private files


@posix_only
def test_a_new_data_directory_and_its_files_are_private(tmp_path: Path, monkeypatch, capsys) -> None:
    home = tmp_path / "new-home"
    code, _, err = run(home, "init", "--unit", "TR01", "--unit-name", "N", "--workstation", "W01", "--demo",
                       monkeypatch=monkeypatch, capsys=capsys)  # fmt: skip
    assert code == 0, err
    code, _, err = run(home, "intake", "--as", "sporteli", "--service", "AI-001", "--nid", NID, "--name", NAME,
                       "--doc", "REQ", monkeypatch=monkeypatch, capsys=capsys)  # fmt: skip
    assert code == 0, err
    out = tmp_path / "out"
    out.mkdir()
    assert run(home, "backup", "--out", str(out / "b.db"), monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    assert _mode(home) == 0o700
    for f in home.iterdir():
        if f.is_file():
            assert _mode(f) == 0o600, f
    assert (home / "frontdesk.db-wal").exists()
    assert _mode(out / "b.db") == 0o600 and not list(out.glob("*.part"))


@posix_only
def test_an_existing_installation_is_tightened_on_the_next_start(home: Path, tmp_path: Path) -> None:
    Store(home / "frontdesk.db").close()
    backups = home / "backups"
    backups.mkdir(exist_ok=True)
    (backups / "frontdesk-old.db").write_bytes(b"x")
    for p, mode in ((home, 0o755), (home / "frontdesk.db", 0o644), (backups, 0o755), (backups / "frontdesk-old.db", 0o644)):
        os.chmod(p, mode)
    (home / "frontdesk.db-wal").touch(mode=0o666)
    os.chmod(home / "frontdesk.db-wal", 0o666)
    setup.open_home(home).close()
    assert _mode(home) == 0o700 and _mode(backups) == 0o700
    assert _mode(home / "frontdesk.db") == 0o600 and _mode(backups / "frontdesk-old.db") == 0o600


@posix_only
def test_private_writes_are_atomic_and_0600(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    private.write_private(target, "a,b\n")
    assert target.read_text() == "a,b\n" and _mode(target) == 0o600
    with pytest.raises(RuntimeError), private.open_private(target, "w") as f:
        f.write("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "a,b\n" and not list(tmp_path.glob("*.part"))


@posix_only
def test_the_log_file_is_private(tmp_path: Path) -> None:
    handler = private.PrivateRotatingFileHandler(tmp_path / "logs" / "frontdesk.log", maxBytes=200, backupCount=2)
    rec = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 150, None, None)
    for _ in range(5):
        handler.emit(rec)
    handler.close()
    files = list((tmp_path / "logs").iterdir())
    assert len(files) == 3 and all(_mode(f) == 0o600 for f in files)
    assert _mode(tmp_path / "logs") == 0o700


def test_the_windows_acl_is_limited_to_the_account() -> None:
    sid = "S-1-5-21-3623811015-3361044348-30300820-1013"
    assert private.sddl(sid, directory=True) == f"D:P(A;OICI;FA;;;{sid})"
    assert private.sddl(sid, directory=False) == f"D:P(A;;FA;;;{sid})"
    assert private.icacls_arguments(r"C:\Users\drita\AppData\Local\frontdesk", sid, directory=True) == [
        "icacls", r"C:\Users\drita\AppData\Local\frontdesk", "/inheritance:r", "/grant:r", f"*{sid}:(OI)(CI)F", "/q"]  # fmt: skip
    assert private.icacls_arguments("b.db", sid, directory=False)[-2] == f"*{sid}:F"
    assert private.parse_whoami_sid(f'"desk07\\drita","{sid}"\r\n') == sid
    for bad in ("Everyone", "S-1-5-21-1;(A;;FA;;;WD)", "*S-1-1-0", ""):
        with pytest.raises(ValueError):
            private.sddl(bad, directory=False)
    with pytest.raises(ValueError):
        private.parse_whoami_sid("ERROR: access denied")


# ------------------------------------------------------------------------------------------ check


def test_check_the_live_database_and_a_backup(
    home: Path, store: Store, tmp_path: Path, monkeypatch, capsys
) -> None:
    _intake(store, 2)
    backup = store.backup(tmp_path / "b.db")
    code, out, err = run(home, "check", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and "ok" in out and "2 requests" in out, err
    code, out, err = run(home, "check", "--file", str(backup), "--json", monkeypatch=monkeypatch, capsys=capsys)
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["integrity"] == ["ok"] and data["foreign_keys"] == [] and data["requests"] == 2
    code, out, err = run(home, "check", "--file", str(backup), "--recovery-code",
                         stdin=store.key.recovery_code() + "\n", monkeypatch=monkeypatch, capsys=capsys)  # type: ignore[union-attr]  # fmt: skip
    assert code == 0, err
    # a damaged backup: a page in the middle overwritten
    data_bytes = bytearray(backup.read_bytes())
    data_bytes[4096 * 5 + 100 : 4096 * 5 + 200] = os.urandom(100)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data_bytes))
    code, out, err = run(home, "check", "--file", str(damaged), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "DAMAGED" in out and len(err.splitlines()) == 1, (out, err)
    # a file that is no database, and a plain SQLite file
    (tmp_path / "junk.db").write_bytes(os.urandom(8192))
    code, _, err = run(home, "check", "--file", str(tmp_path / "junk.db"), monkeypatch=monkeypatch, capsys=capsys)
    assert code in (1, 3) and len(err.splitlines()) == 1 and "Traceback" not in err
    sqlite3.connect(tmp_path / "plain.db").execute("CREATE TABLE t (x)")
    code, _, err = run(home, "check", "--file", str(tmp_path / "plain.db"), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 3 and "not encrypted" in err


def test_check_finds_a_broken_foreign_key(home: Path, store: Store, monkeypatch, capsys) -> None:
    _intake(store)
    con = open_kept(store.path)
    con.execute("PRAGMA foreign_keys = OFF")
    with con:
        con.execute("UPDATE requests SET assignee_id = 'nobody'")
    con.close()
    code, out, _ = run(home, "check", "--json", monkeypatch=monkeypatch, capsys=capsys)
    data = json.loads(out)
    assert code == 1 and data["integrity"] == ["ok"] and data["foreign_keys"] and "requests" in data["foreign_keys"][0]


def test_file_keys_refuse_odd_names(tmp_path: Path) -> None:
    keys = FileKeys(tmp_path)
    with pytest.raises(ValueError):
        keys.put("../../etc/passwd", b"x" * 18)
    assert keys.get("00" * 16) is None


def test_a_missing_key_names_the_way_back(tmp_path: Path) -> None:
    keys = FileKeys(tmp_path / "k")
    st = Store(tmp_path / "a.db", keys=keys)
    st.close()
    with pytest.raises(KeyMissing, match="frontdesk key recover"):
        Store(tmp_path / "a.db", keys=FileKeys(tmp_path / "other"))
