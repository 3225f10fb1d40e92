"""Find anyone: the worklist's free-text search over an SQLite FTS5 index with the ``trigram`` tokenizer.

The index ``request_search`` (a contentless FTS5 table whose rowid is the request's rowid) holds, per
request, its receipt number, the citizen's personal number, the
citizen's name folded like ``text.fold`` (``citizen_key``: lower case, accents removed, so "Çela" and
"cela" are one word) and the phone's digits. A trigram index answers "contains" for any part of a word of
three characters or more, so a surname, the middle of a receipt number or the last digits of a phone are
found without reading 200,000 rows. Shorter input keeps the old prefix search (the receipt and name
indexes of ``requests``).

The index is kept in step by triggers created by the migration ``b7c1e5a0d2f4``: every writer of
``requests`` (the intake's raw inserts, the ORM, the pull path, a bench's bulk SQL) updates it in the same
transaction, without knowing it exists. The triggers use only SQL (``replace`` for the phone digits), so
any SQLite connection can write to ``requests``. FTS5 and its trigram tokenizer are part of the SQLite
that CPython ships from 3.11 on (SQLite ≥ 3.34).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, literal_column, select, text
from sqlalchemy.orm import Session

from .text import fold

TABLE = "request_search"
MIN_TRIGRAM = 3  # the trigram tokenizer cannot match fewer characters

# The index and the triggers, as the migration creates them (kept here so tests and a rebuild use the
# same statements). Phone digits: spaces, dashes, dots, brackets and the plus sign removed.
_PHONE_DIGITS = (
    "replace(replace(replace(replace(replace(replace(coalesce({p}, ''), ' ', ''), '-', ''), '.', ''),"
    " '(', ''), ')', ''), '+', '')"
)
_COLS = f"{TABLE} (rowid, receipt_no, nid, name, phone)"
_DELETE = f"{TABLE} ({TABLE}, rowid, receipt_no, nid, name, phone)"
_ROW = "{r}.receipt_no, {r}.citizen_nid, {r}.citizen_key, " + _PHONE_DIGITS.format(p="{r}.citizen_phone")
CREATE = [
    # contentless: the index keeps only the trigrams; its rowid is the request's rowid
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(receipt_no, nid, name, phone, content = '', tokenize = 'trigram')",
    f"""CREATE TRIGGER {TABLE}_ai AFTER INSERT ON requests BEGIN
  INSERT INTO {_COLS} VALUES (new.rowid, {_ROW.format(r="new")});
END""",
    f"""CREATE TRIGGER {TABLE}_ad AFTER DELETE ON requests BEGIN
  INSERT INTO {_DELETE} VALUES ('delete', old.rowid, {_ROW.format(r="old")});
END""",
    f"""CREATE TRIGGER {TABLE}_au AFTER UPDATE OF receipt_no, citizen_nid, citizen_key, citizen_phone ON requests
WHEN old.receipt_no IS NOT new.receipt_no OR old.citizen_nid IS NOT new.citizen_nid
  OR old.citizen_key IS NOT new.citizen_key OR old.citizen_phone IS NOT new.citizen_phone BEGIN
  INSERT INTO {_DELETE} VALUES ('delete', old.rowid, {_ROW.format(r="old")});
  INSERT INTO {_COLS} VALUES (new.rowid, {_ROW.format(r="new")});
END""",
]
FILL = f"INSERT INTO {_COLS} SELECT rowid, {_ROW.format(r='requests')} FROM requests"
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TABLE IF EXISTS {TABLE}",
]
# Above this many matches the worklist walks its sort column's index and checks each row against the
# matches (the first page is found after a few thousand rows); below it, the matches are read and sorted.
MANY = 2000

_PHONE_RE = re.compile(r"^\+?[\d\s\-.()]{5,}$")


def include_name(name: str | None, type_: Any, _parent: Any) -> bool:
    """Alembic's ``include_name`` hook: the FTS index and its shadow tables are not in the models."""
    return not (type_ == "table" and name is not None and name.startswith(TABLE))


def phone_digits(text_: str) -> str | None:
    """The digits a phone search looks for, or None when the text does not look like a phone number.
    A leading trunk 0 or the country code 355 is dropped, so "069 123 4567", "+355 69 123 4567" and
    "691234567" all find the same phone (stored as typed, indexed as its digits)."""
    if not _PHONE_RE.match(text_.strip()):
        return None
    digits = re.sub(r"\D", "", text_)
    if digits.startswith("00355"):
        digits = digits[5:]
    elif digits.startswith("355"):
        digits = digits[3:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return digits if len(digits) >= MIN_TRIGRAM else None


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(text_: str) -> str | None:
    """The FTS5 query for free text, or None when no word is long enough for the trigram index.

    Every word of three characters or more must occur (AND), in any column; words are folded like the
    names in the index (case and accents ignored). A phone-shaped text is one run of digits."""
    phone = phone_digits(text_)
    if phone is not None:
        return _quote(phone)
    words = [w for w in fold(text_).replace('"', " ").split() if len(w) >= MIN_TRIGRAM]
    if not words:
        return None
    return " AND ".join(_quote(w) for w in words)


def matching_rowids(expression: str) -> Any:
    """A select of the rowids of the requests the FTS expression matches (for ``requests.rowid IN``)."""
    return select(literal_column("rowid")).select_from(text(TABLE)).where(_match(expression))


def count_matches(session: Session, expression: str, limit: int = MANY) -> int:
    """How many requests match, counted up to ``limit`` (0: all) from the index alone: no request is read."""
    inner: Any = select(literal_column("1")).select_from(text(TABLE)).where(_match(expression))
    if limit:
        inner = inner.limit(limit)
    return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)


def _match(expression: str) -> Any:
    return text(f"{TABLE} MATCH :fts_q").bindparams(fts_q=expression)


def rebuild(connection: Any) -> None:
    """Fill the index again from ``requests``: after anything that renumbers rowids (a VACUUM of a table
    without an integer primary key may), or to repair it. The migration's first fill is the same SQL."""
    connection.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
    connection.exec_driver_sql(FILL)
