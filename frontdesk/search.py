"""Find anyone: the worklist's free-text search over an SQLite FTS5 index with the ``trigram`` tokenizer.

The index ``request_search`` holds, per request, its receipt number, the citizen's personal number, the
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

from sqlalchemy import column, select, table, text

from .text import fold

TABLE = "request_search"
MIN_TRIGRAM = 3  # the trigram tokenizer cannot match fewer characters

# The index and the triggers, as the migration creates them (kept here so tests and a rebuild use the
# same statements). Phone digits: spaces, dashes, dots, brackets and the plus sign removed.
_PHONE_DIGITS = (
    "replace(replace(replace(replace(replace(replace(coalesce({p}, ''), ' ', ''), '-', ''), '.', ''),"
    " '(', ''), ')', ''), '+', '')"
)
CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "request_id UNINDEXED, receipt_no, nid, name, phone, tokenize = 'trigram')",
    f"""CREATE TRIGGER {TABLE}_ai AFTER INSERT ON requests BEGIN
  INSERT INTO {TABLE} (request_id, receipt_no, nid, name, phone)
  VALUES (new.id, new.receipt_no, new.citizen_nid, new.citizen_key, {_PHONE_DIGITS.format(p="new.citizen_phone")});
END""",
    f"""CREATE TRIGGER {TABLE}_ad AFTER DELETE ON requests BEGIN
  DELETE FROM {TABLE} WHERE request_id = old.id;
END""",
    f"""CREATE TRIGGER {TABLE}_au AFTER UPDATE OF receipt_no, citizen_nid, citizen_key, citizen_phone ON requests
WHEN old.receipt_no IS NOT new.receipt_no OR old.citizen_nid IS NOT new.citizen_nid
  OR old.citizen_key IS NOT new.citizen_key OR old.citizen_phone IS NOT new.citizen_phone BEGIN
  DELETE FROM {TABLE} WHERE request_id = old.id;
  INSERT INTO {TABLE} (request_id, receipt_no, nid, name, phone)
  VALUES (new.id, new.receipt_no, new.citizen_nid, new.citizen_key, {_PHONE_DIGITS.format(p="new.citizen_phone")});
END""",
]
FILL = (
    f"INSERT INTO {TABLE} (request_id, receipt_no, nid, name, phone) "
    f"SELECT id, receipt_no, citizen_nid, citizen_key, {_PHONE_DIGITS.format(p='citizen_phone')} FROM requests"
)
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TABLE IF EXISTS {TABLE}",
]

_PHONE_RE = re.compile(r"^\+?[\d\s\-.()]{5,}$")
_search_table: Any = table(TABLE, column("request_id"))


def include_name(name: str | None, type_: str, _parent: dict[str, Any]) -> bool:
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


def matching_ids(expression: str) -> Any:
    """A scalar select of the ids of the requests the FTS expression matches (for ``id IN (...)``)."""
    return select(_search_table.c.request_id).where(text(f"{TABLE} MATCH :fts_q").bindparams(fts_q=expression))


def rebuild(connection: Any) -> None:
    """Fill the index again from ``requests`` (the migration's first fill; a repair)."""
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    connection.exec_driver_sql(FILL)
