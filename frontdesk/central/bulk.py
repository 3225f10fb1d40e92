"""Many rows in one statement, inside the caller's transaction: written with ``COPY … FROM STDIN`` on
PostgreSQL (an ``executemany`` elsewhere: SQLite), looked up by a list of keys with ``= ANY(array)`` on
PostgreSQL (``IN (…)`` in chunks elsewhere).

A push writes hundreds of rows into four tables. Through ``executemany`` every row is a statement of its
own for psycopg's pipeline and for PostgreSQL's executor (bound, planned, run, with its own foreign-key
trigger calls); ``COPY`` streams them as one statement (with the lookups below, PostgreSQL's CPU per
ingested op fell by about a quarter and the server's by about a sixth: docs/sync-faults.md). The values
are the same dictionaries an ``insert()`` takes: JSON columns are sent as JSON, missing columns take the
column's own default (as an ``insert()`` would) or the table's. A constraint broken by a row raises
SQLAlchemy's ``IntegrityError`` either way, and the caller's savepoint undoes the whole statement.

A lookup of hundreds of keys as ``IN (…)`` is a different statement for every count of keys: SQLAlchemy
renders it anew, psycopg converts it anew (too long for its cache) and PostgreSQL plans it anew. As one
array parameter it is the same statement each time, cached at all three.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, ColumnDefault, ColumnElement, String, Table, any_, bindparam, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

IN_CHUNK = 500  # keys per ``IN (…)``: well inside SQLite's parameter limit


def one_of(
    s: Session, column: ColumnElement[str] | InstrumentedAttribute[str], keys: Collection[str]
) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select the rows whose ``column`` is one of ``keys`` (text keys): one
    condition on PostgreSQL, one per chunk of keys elsewhere; none for no keys."""
    if not keys:
        return
    ordered = sorted(set(keys))
    if s.connection().dialect.name == "postgresql":
        yield column == any_(bindparam(None, ordered, type_=ARRAY(String)))
        return
    for start in range(0, len(ordered), IN_CHUNK):
        yield column.in_(ordered[start : start + IN_CHUNK])


def insert_rows(s: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys) into ``table``."""
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.name != "postgresql":
        s.execute(insert(table), list(rows))
        return
    import psycopg
    from psycopg.types.json import Json

    names = list(rows[0])
    # a column the rows leave out takes its own scalar default, as insert() gives it (otherwise the table's)
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.name not in rows[0] and isinstance(c.default, ColumnDefault) and c.default.is_scalar
    }
    columns = [table.c[n] for n in [*names, *defaults]]
    is_json = [isinstance(c.type, JSON) for c in columns]  # Python None is JSON null, as with insert()
    fixed = list(defaults.values())
    quote = conn.dialect.identifier_preparer
    sql = f"COPY {quote.format_table(table)} ({', '.join(quote.quote(c.name) for c in columns)}) FROM STDIN"
    raw = conn.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    try:
        with raw.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                values = [row[n] for n in names]
                values.extend(fixed)
                copy.write_row([Json(v) if j else v for v, j in zip(values, is_json, strict=True)])
    except psycopg.IntegrityError as exc:
        raise IntegrityError(sql, None, exc) from exc


__all__ = ["IN_CHUNK", "insert_rows", "one_of"]
