"""Find anyone (issue 12): the worklist's free text over the FTS5 trigram index, kept in step by triggers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from frontdesk import auth, search, workflow
from frontdesk.db import Store, alembic_config, make_engine
from frontdesk.identity import sample_nid
from frontdesk.queries import QueueFilter, queue_count, queue_page


def _take(store: Store, clerk: auth.Actor, name: str, phone: str | None, serial: int) -> workflow.RequestView:
    nid = sample_nid(dt.date(1980, 5, 17), "F", serial)
    (req,) = workflow.intake(
        store, clerk, workflow.CitizenInput(nid, name, phone), [workflow.IntakeItem("CERT-FAM", ["ID"])]
    )
    return req


def _found(store: Store, typed: str) -> set[str]:
    flt = QueueFilter(text=typed)
    rows = queue_page(store, flt, limit=50)
    assert queue_count(store, flt) == len(rows)
    return {r.citizen_name for r in rows}


def test_any_part_of_a_name_surname_phone_or_number_is_found(store: Store, clerk: auth.Actor) -> None:
    a = _take(store, clerk, "Arbër Çela", "+355 69 123 4567", 101)
    _take(store, clerk, "Drita Shembulli", "068 555 0001", 102)
    _take(store, clerk, "Çlirim Celaj", None, 103)
    assert _found(store, "cela") == {"Arbër Çela", "Çlirim Celaj"}  # accents folded, any part of the name
    assert _found(store, "Çela") == {"Arbër Çela", "Çlirim Celaj"}
    assert _found(store, "CELAJ") == {"Çlirim Celaj"}
    assert _found(store, "arber cela") == {"Arbër Çela"}  # every word must occur
    assert _found(store, "shembull") == {"Drita Shembulli"}  # a surname, not the start of the name
    assert _found(store, "069 123 4567") == {"Arbër Çela"}  # the phone as a clerk types it
    assert _found(store, "0691234567") == {"Arbër Çela"}
    assert _found(store, "4567") == {"Arbër Çela"}  # its last digits
    assert _found(store, a.citizen_nid) == {"Arbër Çela"}
    assert _found(store, a.citizen_nid.lower()) == {"Arbër Çela"}
    assert _found(store, a.receipt_no) == {"Arbër Çela"}
    assert _found(store, a.receipt_no[-6:]) == {"Arbër Çela"}  # the middle/end of a receipt number
    assert _found(store, "zzz") == set()
    # two letters are too few for the trigram index: the start of a name still works
    assert _found(store, "Dr") == {"Drita Shembulli"}
    assert _found(store, "ce") == set()


def test_the_index_follows_every_writer(store: Store, clerk: auth.Actor) -> None:
    req = _take(store, clerk, "Teuta Provëza", None, 104)
    with store.write() as s:  # any writer: the triggers keep the index in step
        s.execute(
            text(
                "UPDATE requests SET citizen_name = 'Teuta Gjoni', citizen_key = 'teuta gjoni', citizen_phone = '0692223333' WHERE id = :i"
            ),
            {"i": req.id},
        )
    assert _found(store, "proveza") == set()
    assert _found(store, "gjoni") == {"Teuta Gjoni"}
    assert _found(store, "2223333") == {"Teuta Gjoni"}
    with store.write() as s:  # a status change does not touch the index (the trigger's WHEN)
        s.execute(text("UPDATE requests SET status = 'forwarded' WHERE id = :i"), {"i": req.id})
        s.execute(text("DELETE FROM request_events WHERE request_id = :i"), {"i": req.id})
        s.execute(text("DELETE FROM outbox WHERE request_id = :i"), {"i": req.id})
    with store.read() as s:
        assert (
            s.scalar(text("SELECT count(*) FROM request_search WHERE request_search MATCH :q"), {"q": '"gjoni"'}) == 1
        )
    with store.write() as s:
        s.execute(text("PRAGMA foreign_keys = OFF"))
        s.execute(text("DELETE FROM requests WHERE id = :i"), {"i": req.id})
    with store.read() as s:
        assert (
            s.scalar(text("SELECT count(*) FROM request_search WHERE request_search MATCH :q"), {"q": '"gjoni"'}) == 0
        )


def test_match_expression() -> None:
    assert search.match_expression("Arbër  ÇELA") == '"arber" AND "cela"'
    assert search.match_expression('a "b" x') is None  # no word long enough
    assert search.match_expression('ab"cdef') == '"cdef"'  # a quote never reaches the FTS syntax
    assert search.match_expression("+355 69 000 1234") == '"690001234"'
    assert search.match_expression("069-000-1234") == '"690001234"'
    assert search.phone_digits("Arta") is None


def test_migration_fills_the_index_from_existing_requests(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "48806524bca6")  # the revision before the index
    con = sqlite3.connect(path)
    con.executescript(
        """
        INSERT INTO units VALUES ('TR01', 'Njësia', '2026-01-01 00:00:00');
        INSERT INTO users (id, username, full_name, role, unit_code, password_hash, active, failed_attempts,
          must_change_password, created_at, updated_at) VALUES ('u1', 'clerk1', 'Klerk', 'clerk', 'TR01', 'x', 1, 0, 0,
          '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO services (code, name_sq, name_en, category, fee_amount, currency, standard_days, office, active,
          origin, updated_at) VALUES ('CERT', 'Certifikatë', 'Certificate', 'C', 0, 'ALL', 1, 'O', 1, 'central',
          '2026-01-01 00:00:00');
        INSERT INTO requests (id, receipt_no, visit_id, unit_code, workstation_code, service_code, citizen_nid,
          citizen_name, citizen_key, citizen_phone, documents, documents_missing, fee_paid, priority, status,
          created_by_id, created_at, updated_at, due_date, standard_days, version, print_count, central_ack)
          VALUES ('r1', 'TR01-W03-000001K', 'v1', 'TR01', 'W03', 'CERT', 'J00101999W', 'Gëzim Hoxha', 'gezim hoxha',
          '+355 68 111 2222', '[]', '[]', 0, 0, 'received', 'u1', '2026-01-02 08:00:00', '2026-01-02 08:00:00',
          '2026-01-05', 1, 1, 0, 0);
        """
    )
    con.commit()
    con.close()
    engine.dispose()
    store = Store(path)  # migrates to head (the index) and backs up first
    try:
        assert store.last_backup is not None
        assert _found(store, "hoxha") == {"Gëzim Hoxha"}
        assert _found(store, "068 111 2222") == {"Gëzim Hoxha"}
        command.downgrade(alembic_config(store.engine), "48806524bca6")
        with store.read() as s:
            assert s.scalar(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'request_search%'")) == 0
    finally:
        store.close()


def test_the_migration_creates_the_index_search_describes() -> None:
    """search.CREATE is what the migration froze; a change to the index needs a new migration."""
    import importlib.util

    from frontdesk.db import MIGRATIONS

    (path,) = (MIGRATIONS / "versions").glob("*_b7c1e5a0d2f4_*.py")
    spec = importlib.util.spec_from_file_location("migration_b7c1e5a0d2f4", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (module.CREATE, module.FILL, module.DROP) == (search.CREATE, search.FILL, search.DROP)
