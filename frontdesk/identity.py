"""Albanian personal number (numri personal, NID): validation, normalisation, once-only prefill.

Shape (10 characters)::

    J 0 01 01 999 W
    │ │ │  │  │   └ check letter
    │ │ │  │  └──── serial (3 digits)
    │ │ │  └─────── day of birth (2 digits)
    │ │ └────────── month code: 01–12 male citizen, 51–62 female citizen,
    │ │                         31–42 male foreigner, 81–92 female foreigner
    │ └──────────── year within the decade (digit)
    └────────────── decade letter: A = 1900s, B = 1910s, … J = 1990s, K = 2000s, …

The check letter is the weighted sum (weights 1, 1, 2, 3, 4, 5, 6, 7, 8) of the first nine characters —
digits by value, letters by their position in ``WABCDEFGHIJKLMNOPQRSTUV`` — modulo 23, mapped into that
same alphabet. The algorithm is not officially published, so a mismatch is a warning the clerk may
override (:class:`~frontdesk.errors.CheckLetterMismatch`), never a silent acceptance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from .clock import utcnow
from .db import RAW, RawTx
from .deadlines import local_date
from .errors import CheckLetterMismatch, InvalidInput
from .i18n import QT_TRANSLATE_NOOP, Translator, identity_translator
from .models import Citizen
from .personal_number import MASK_CHAR as MASK_CHAR
from .personal_number import mask_nid, normalize_nid

NID_LENGTH = 10
CHECK_ALPHABET = "WABCDEFGHIJKLMNOPQRSTUV"
WEIGHTS = (1, 1, 2, 3, 4, 5, 6, 7, 8)
FIRST_DECADE = 1900

# month code offset -> (sex, foreigner)
_MONTH_OFFSETS: dict[int, tuple[str, bool]] = {
    0: ("M", False),
    50: ("F", False),
    30: ("M", True),
    80: ("F", True),
}

NID_STATES = ("empty", "incomplete", "invalid", "warning", "ok")


@dataclass(frozen=True)
class NidInfo:
    nid: str
    birth_date: dt.date
    sex: str  # 'M' | 'F'
    foreigner: bool
    check_ok: bool
    expected_check: str


@dataclass(frozen=True)
class CitizenPrefill:
    nid: str
    full_name: str
    phone: str | None


def _char_value(ch: str) -> int:
    if ch.isascii() and ch.isdigit():
        return int(ch)
    if ch in CHECK_ALPHABET:
        return CHECK_ALPHABET.index(ch)
    # Letters X, Y, Z (and the decade letters past V) continue the count past the alphabet's end.
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 1
    raise ValueError(f"character {ch!r} has no value in a personal number")


def check_letter(first9: str) -> str:
    """The check letter for the first nine characters of a personal number."""
    first9 = normalize_nid(first9)
    if len(first9) != NID_LENGTH - 1:
        raise ValueError("check_letter needs exactly the first nine characters")
    total = sum(w * _char_value(c) for w, c in zip(WEIGHTS, first9, strict=True))
    return CHECK_ALPHABET[total % len(CHECK_ALPHABET)]


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else local_date(utcnow())


def _last_letter(today: dt.date) -> str:
    return chr(ord("A") + (today.year - FIRST_DECADE) // 10)


def _is_digit(ch: str) -> bool:
    return ch.isascii() and ch.isdigit()


def _check_prefix(nid: str, today: dt.date) -> None:
    """Raise InvalidInput for the first problem visible in ``nid``, which may be incomplete."""
    n = len(nid)
    if n > NID_LENGTH:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A personal number has {expected} characters; this one has {n}."),
            field="nid",
            expected=NID_LENGTH,
            n=n,
        )
    if n >= 1:
        last = _last_letter(today)
        if not ("A" <= nid[0] <= last):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The first character of a personal number is the decade letter, from A (1900s) to "
                    "{last} ({last_decade}s); {char} is not one.",
                ),
                field="nid",
                last=last,
                last_decade=FIRST_DECADE + 10 * (ord(last) - ord("A")),
                char=nid[0],
            )
    if n >= 2:
        if not _is_digit(nid[1]):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The second character of a personal number is the year digit; {char} is not a digit.",
                ),
                field="nid",
                char=nid[1],
            )
        year = FIRST_DECADE + 10 * (ord(nid[0]) - ord("A")) + int(nid[1])
        if year > today.year:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The birth year {year} of this personal number is in the future.",
                ),
                field="nid",
                year=year,
            )
    if n >= 3:
        code = nid[2:4]
        valid_first = {str(off // 10 + d) for off in _MONTH_OFFSETS for d in (0, 1)}
        bad = not all(_is_digit(c) for c in code) or nid[2] not in valid_first
        if not bad and len(code) == 2:
            bad = _split_month(int(code)) is None
        if bad:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The month code {code} is not valid: it must be 01–12 or 51–62 (citizens), "
                    "31–42 or 81–92 (foreigners).",
                ),
                field="nid",
                code=code,
            )
    if n >= 5:
        day_text = nid[4:6]
        if not all(_is_digit(c) for c in day_text) or nid[4] not in "0123":
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The day of birth {day} in this personal number is impossible."),
                field="nid",
                day=day_text,
            )
    if n >= 6:
        birth = _birth_date(nid)  # raises for an impossible day
        if birth > today:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The birth date {date} of this personal number is in the future.",
                ),
                field="nid",
                date=birth.isoformat(),
            )
    if n >= 7:
        serial = nid[6:9]
        if not all(_is_digit(c) for c in serial):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Characters 7 to 9 of a personal number are digits (the serial); {serial} is not.",
                ),
                field="nid",
                serial=serial,
            )
    if n >= NID_LENGTH and not ("A" <= nid[9] <= "Z"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The last character of a personal number is a letter; {char} is not.",
            ),
            field="nid",
            char=nid[9],
        )


def _split_month(code: int) -> tuple[int, str, bool] | None:
    for offset, (sex, foreigner) in _MONTH_OFFSETS.items():
        if 1 <= code - offset <= 12:
            return code - offset, sex, foreigner
    return None


def _birth_date(nid: str) -> dt.date:
    year = FIRST_DECADE + 10 * (ord(nid[0]) - ord("A")) + int(nid[1])
    split = _split_month(int(nid[2:4]))
    assert split is not None  # checked by the caller
    month = split[0]
    day = int(nid[4:6])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The day of birth {day} in this personal number is impossible for {month:02d}/{year}.",
            ),
            field="nid",
            day=nid[4:6],
            month=month,
            year=year,
        ) from None


def parse_nid(text: str, *, accept_check_mismatch: bool = False, today: dt.date | None = None) -> NidInfo:
    """Validate a personal number and return what it says.

    Raises InvalidInput (``field="nid"``) for a malformed number and CheckLetterMismatch when only the
    check letter differs, unless ``accept_check_mismatch`` — then ``check_ok`` is False in the result.
    """
    nid = normalize_nid(text)
    if not nid:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The personal number is required."), field="nid")
    if len(nid) != NID_LENGTH:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A personal number has {expected} characters; this one has {n}."),
            field="nid",
            expected=NID_LENGTH,
            n=len(nid),
        )
    _check_prefix(nid, _today(today))
    split = _split_month(int(nid[2:4]))
    assert split is not None
    expected = check_letter(nid[:9])
    check_ok = nid[9] == expected
    if not check_ok and not accept_check_mismatch:
        raise CheckLetterMismatch(nid, expected)
    return NidInfo(
        nid=nid,
        birth_date=_birth_date(nid),
        sex=split[1],
        foreigner=split[2],
        check_ok=check_ok,
        expected_check=expected,
    )


def validate_as_you_type(
    text: str, *, today: dt.date | None = None, translate: Translator = identity_translator
) -> tuple[str, str | None]:
    """Live feedback while the clerk types: ``(state, message)``.

    ``state`` is one of :data:`NID_STATES`: ``empty``; ``incomplete`` (nothing wrong so far);
    ``invalid`` (a problem is already visible); ``warning`` (well formed but the check letter differs —
    the clerk may confirm); ``ok``. The message is rendered with ``translate`` (the UI passes
    ``QCoreApplication.translate``); it is None for ``empty`` and ``ok``.
    """
    nid = normalize_nid(text)
    if not nid:
        return "empty", None
    day = _today(today)
    try:
        _check_prefix(nid, day)
    except InvalidInput as exc:
        return "invalid", exc.render(translate)
    if len(nid) < NID_LENGTH:
        template = translate(
            "errors", QT_TRANSLATE_NOOP("errors", "{n} of {expected} characters of the personal number.")
        )
        return "incomplete", template.format(n=len(nid), expected=NID_LENGTH)
    try:
        parse_nid(nid, today=day)
    except CheckLetterMismatch as exc:
        return "warning", exc.render(translate)
    except InvalidInput as exc:  # pragma: no cover - _check_prefix already saw every other problem
        return "invalid", exc.render(translate)
    return "ok", None


def sample_nid(birth_date: dt.date, sex: str, serial: int, foreigner: bool = False) -> str:
    """A well-formed personal number with the right check letter, for demo data and tests.

    Demo data should use serials 900–999 and names that are obviously fictitious.
    """
    if sex not in ("M", "F"):
        raise ValueError("sex must be 'M' or 'F'")
    if not 0 <= serial <= 999:
        raise ValueError("serial must be between 0 and 999")
    if birth_date.year < FIRST_DECADE:
        raise ValueError("birth year must be 1900 or later")
    offset = next(off for off, kind in _MONTH_OFFSETS.items() if kind == (sex, foreigner))
    decade, year_digit = divmod(birth_date.year - FIRST_DECADE, 10)
    month_code = birth_date.month + offset
    first9 = f"{chr(ord('A') + decade)}{year_digit}{month_code:02d}{birth_date.day:02d}{serial:03d}"
    return first9 + check_letter(first9)


# ---------------------------------------------------------------- once-only prefill


def prefill(session: Session, nid: str) -> CitizenPrefill | None:
    """What the office already knows about this citizen, or None."""
    row = session.get(Citizen, normalize_nid(nid))
    if row is None:
        return None
    return CitizenPrefill(nid=row.nid, full_name=row.full_name, phone=row.phone)


_UPSERT_CITIZEN = (
    "INSERT INTO citizens (nid, full_name, phone, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (nid) DO UPDATE SET full_name = excluded.full_name, "
    "phone = coalesce(excluded.phone, citizens.phone), updated_at = excluded.updated_at"
)


def remember_citizen(session: Session | RawTx, nid: str, full_name: str, phone: str | None, now: dt.datetime) -> None:
    """Insert or update the citizen in the caller's transaction (no commit), as one SQLite upsert
    (on the intake hot path: run on the DB-API cursor, see ``db.RawStatements``).

    A ``phone`` of None means "not given this time" and keeps a phone the office already has.
    """
    updated = RAW.encode(Citizen.__table__.c.updated_at, now)
    RAW.cursor(session).execute(_UPSERT_CITIZEN, (normalize_nid(nid), full_name, phone, updated))


__all__ = [
    "CHECK_ALPHABET",
    "NID_LENGTH",
    "NID_STATES",
    "CitizenPrefill",
    "NidInfo",
    "check_letter",
    "mask_nid",
    "normalize_nid",
    "parse_nid",
    "prefill",
    "remember_citizen",
    "sample_nid",
    "validate_as_you_type",
]
