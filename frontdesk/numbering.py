"""Receipt numbers, unique by construction on an offline workstation.

Format ``{unit}-{workstation}-{counter:06d}{check}``, e.g. ``TR01-W03-000123K``:

* unit code: 2–6 characters ``[A-Z0-9]``; workstation code: 1–4 characters ``[A-Z0-9]``, issued once at
  enrolment and never reused in the unit;
* counter: the workstation's own sequence, from 1, zero-padded to 6 digits (7 past 999999);
* check character: ISO 7064 MOD 37,36 (``stdnum.iso7064.mod_37_36``, alphabet ``0-9A-Z``) over the
  text without hyphens. It catches every single-character substitution and every adjacent transposition.

The whole number is at most 20 characters (the ``requests.receipt_no`` column and the barcode width).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stdnum.iso7064 import mod_37_36

from .errors import Conflict, InvalidInput, NotFound
from .i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the desk's store: only the counter needs it (the central server uses the rest)
    from sqlalchemy.orm import Session

    from .db import RawTx

MAX_LENGTH = 20
COUNTER_WIDTH = 6
_UNIT_RE = re.compile(r"[A-Z0-9]{2,6}")
_WS_RE = re.compile(r"[A-Z0-9]{1,4}")
_SHAPE_RE = re.compile(r"([A-Z0-9]{2,6})-([A-Z0-9]{1,4})-(\d{6,})([A-Z0-9])")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


@dataclass(frozen=True)
class ReceiptNo:
    unit: str
    workstation: str
    counter: int
    text: str


def validate_unit_code(code: str) -> None:
    if not _UNIT_RE.fullmatch(code):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The unit code {code} is not valid: use 2 to 6 capital letters A–Z or digits.",
            ),
            field="unit_code",
            code=code,
        )


def validate_workstation_code(code: str) -> None:
    if not _WS_RE.fullmatch(code):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The workstation code {code} is not valid: use 1 to 4 capital letters A–Z or digits.",
            ),
            field="workstation_code",
            code=code,
        )


def check_character(compact: str) -> str:
    """The MOD 37,36 check character of the receipt number without hyphens and without its check."""
    return str(mod_37_36.calc_check_digit(compact))


def format_receipt_no(unit: str, ws: str, counter: int) -> str:
    validate_unit_code(unit)
    validate_workstation_code(ws)
    if counter < 1:
        raise ValueError("the receipt counter starts at 1")
    digits = f"{counter:0{COUNTER_WIDTH}d}"
    text = f"{unit}-{ws}-{digits}{check_character(unit + ws + digits)}"
    if len(text) > MAX_LENGTH:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Receipt number {receipt_no} would be longer than {max} characters: this workstation "
                "has run out of numbers. Enrol it again with a shorter or new workstation code.",
            ),
            field="receipt_no",
            receipt_no=text,
            max=MAX_LENGTH,
        )
    return text


def _clean(text: str) -> str:
    return "".join(text.split()).upper().translate(_DASHES)


def looks_like_receipt_no(text: str) -> bool:
    """True when ``text`` has the shape of a receipt number (check character not verified)."""
    return len(_clean(text)) <= MAX_LENGTH and _SHAPE_RE.fullmatch(_clean(text)) is not None


def _not_a_receipt(text: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP("errors", "{receipt_no} is not a receipt number."),
        field="receipt_no",
        receipt_no=text.strip(),
    )


def parse_receipt_no(text: str) -> ReceiptNo:
    """Parse typed or scanned input (whitespace ignored, case-insensitive) into its canonical form."""
    clean = _clean(text)
    m = _SHAPE_RE.fullmatch(clean)
    if m is None or len(clean) > MAX_LENGTH:
        raise _not_a_receipt(text)
    unit, ws, digits, check = m.groups()
    counter = int(digits)
    if counter < 1 or (len(digits) > COUNTER_WIDTH and digits[0] == "0"):
        raise _not_a_receipt(text)
    if check_character(unit + ws + digits) != check:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The check character of receipt number {receipt_no} is wrong — the number was mistyped or misread.",
            ),
            field="receipt_no",
            receipt_no=clean,
        )
    return ReceiptNo(unit=unit, workstation=ws, counter=counter, text=clean)


HOLD_KEY = "receipt_hold"  # sync_state: set while a restored desk may not give out numbers (frontdesk.restore)


class ReceiptHold(Conflict):
    """No new receipt number until the restored desk has learned its highest number from the central system."""


def next_receipt_no(session: Session | RawTx) -> str:
    """Take the next number of the local workstation in the caller's transaction (no commit).

    A rolled-back transaction gives its number back, so numbers are neither reused nor skipped. A desk
    restored from a backup whose last numbers are not known yet gives none (:class:`ReceiptHold`).
    """
    from .db import RAW

    cur = RAW.cursor(session)
    rows = cur.execute(  # DB-API: this runs on every intake (see db.RawStatements)
        "UPDATE workstations SET receipt_counter = receipt_counter + 1 WHERE is_local = 1 AND NOT EXISTS "
        f"(SELECT 1 FROM sync_state WHERE key = '{HOLD_KEY}' AND value IS NOT NULL) "
        "RETURNING unit_code, code, receipt_counter"
    ).fetchall()
    if not rows:
        if cur.execute(f"SELECT 1 FROM sync_state WHERE key = '{HOLD_KEY}' AND value IS NOT NULL").fetchone():
            raise ReceiptHold(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This desk was restored from a backup: it gives out new receipt numbers once it has synced "
                    "with the central system, so that no number is given twice. Connect it and sync, or ask IT.",
                )
            )
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This workstation is not initialised yet (run init)."))
    if len(rows) > 1:
        raise RuntimeError("more than one workstation is marked local in this database")
    unit, ws, counter = rows[0]
    return format_receipt_no(unit, ws, counter)


__all__ = [
    "MAX_LENGTH",
    "ReceiptHold",
    "ReceiptNo",
    "check_character",
    "format_receipt_no",
    "looks_like_receipt_no",
    "next_receipt_no",
    "parse_receipt_no",
    "validate_unit_code",
    "validate_workstation_code",
]


def new_lookup_code() -> str:
    """The short code printed on a receipt beside its number for the public status lookup: made on the
    workstation at intake (offline), 6 characters of an alphabet without 0/O and 1/I/L — 31⁶ ≈ 8.9 × 10⁸
    values, guessed against a lookup that counts wrong codes per address and per receipt."""
    import secrets

    from .limits import LOOKUP_CODE_LENGTH
    from .wire import LOOKUP_ALPHABET

    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(LOOKUP_CODE_LENGTH))


def normalise_lookup_code(text: str) -> str:
    """A lookup code as typed (spaces, hyphens, lower case, an O for a 0 …) in its printed form."""
    return "".join(text.split()).replace("-", "").upper().translate(str.maketrans("01", "OI"))
