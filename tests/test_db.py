"""The local store: pragmas, migrations equal the models, migrations keep data, online backup."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from frontdesk import auth, search, workflow
from frontdesk.db import Store, alembic_config, connect, current_revision, head_revision, make_engine
from frontdesk.dbfiles import open_kept
from frontdesk.models import Base
from frontdesk.queries import QueueFilter, queue_page

FIRST_REVISION = "78e032785a25"


def test_pragmas(store: Store) -> None:
    with store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_write_sessions_take_the_write_lock_up_front(store: Store) -> None:
    other = connect(store.path, store.key, timeout=0.1)
    other.isolation_level = None
    with store.write() as s:
        s.execute(text("SELECT 1"))  # nothing written yet, but BEGIN IMMEDIATE holds the RESERVED lock
        try:
            other.execute("BEGIN IMMEDIATE")
            raise AssertionError("a second writer got the lock")
        except sqlcipher.OperationalError as exc:
            assert "locked" in str(exc)
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_upgrade_head_equals_the_models(tmp_path: Path) -> None:
    store = Store(tmp_path / "fresh.db")
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        # the search index (an FTS5 table and its shadow tables) lives outside the models: frontdesk/search.py
        context = MigrationContext.configure(conn, opts={"include_name": search.include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert store.last_backup is None  # a new database needs no backup


def test_migration_keeps_data_and_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), FIRST_REVISION)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO units VALUES ('TR01', 'Njësia', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO workstations VALUES ('W03', 'TR01', 1, 1, '2026-01-01 00:00:00')"))
        conn.execute(
            text(
                "INSERT INTO users (id, username, full_name, role, unit_code, password_hash, active, failed_attempts,"
                " must_change_password, created_at, updated_at) VALUES ('u1', 'clerk1', 'Klerk', 'clerk', 'TR01',"
                " 'x', 1, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO services (code, name_sq, name_en, category, fee_amount, currency, standard_days, office,"
                " active, origin, updated_at) VALUES ('CERT', 'Certifikatë', 'Certificate', 'C', 0, 'ALL', 1, 'O',"
                " 1, 'central', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO requests (id, receipt_no, visit_id, unit_code, workstation_code, service_code,"
                " citizen_nid, citizen_name, documents, documents_missing, fee_paid, priority, status, assignee_id,"
                " created_by_id, created_at, updated_at, due_date, standard_days, version, print_count, central_ack)"
                " VALUES ('r1', 'TR01-W03-000001X', 'v1', 'TR01', 'W03', 'CERT', 'J00101999W', 'Çlirim Shëmbulli',"
                " '[]', '[]', 0, 0, 'received', 'u1', 'u1', '2026-01-01 09:00:00', '2026-01-01 09:00:00',"
                " '2026-01-05', 1, 1, 0, 0)"
            )
        )
    engine.dispose()

    store = Store(path)  # opening migrates to head
    assert current_revision(store.engine) == head_revision()
    assert store.last_backup is not None and store.last_backup.exists()
    assert FIRST_REVISION in store.last_backup.name
    backup = open_kept(store.last_backup)
    assert backup.execute("SELECT citizen_name FROM requests").fetchone() == ("Çlirim Shëmbulli",)
    backup.close()
    with store.read() as s:
        row = s.execute(text("SELECT receipt_no, citizen_name, citizen_key FROM requests")).one()
    assert tuple(row) == ("TR01-W03-000001X", "Çlirim Shëmbulli", "clirim shembulli")
    # reopening does not migrate (or back up) again
    assert Store(path).last_backup is None


def test_online_backup_is_consistent_while_writing(store: Store, tmp_path: Path) -> None:
    clerk = auth.actor_for(store, "clerk1")
    citizen = workflow.CitizenInput(nid="J00101999W", full_name="Drita Shembulli")
    for _ in range(3):
        workflow.intake(store, clerk, citizen, [workflow.IntakeItem("CERT-FAM", ["ID"])])
    with store.write() as s:  # an open write transaction does not block the backup or leak into it
        s.execute(text("UPDATE requests SET note = 'uncommitted'"))
        target = store.backup(tmp_path / "copy.db")
    copy = Store(target)
    rows = queue_page(copy, QueueFilter())
    assert len(rows) == 3
    with copy.read() as s:
        assert s.execute(text("SELECT count(*) FROM requests WHERE note = 'uncommitted'")).scalar() == 0
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_fast_head_revision_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
