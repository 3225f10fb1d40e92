"""Personal number (NID) rules, live validation states and the once-only citizen prefill."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk import identity
from frontdesk.db import Store
from frontdesk.errors import CheckLetterMismatch, InvalidInput
from frontdesk.identity import (
    check_letter,
    mask_nid,
    normalize_nid,
    parse_nid,
    prefill,
    remember_citizen,
    sample_nid,
    validate_as_you_type,
)

TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "fd.db")
    yield s
    s.close()


# Expected check letters worked out by hand: weights 1,1,2,3,4,5,6,7,8; letters W=0, A=1, … ; mod 23.
@pytest.mark.parametrize(
    ("nid", "birth", "sex", "foreigner"),
    [
        # J=10: 10 + 0 + 0*2 + 1*3 + 0*4 + 1*5 + 9*6 + 9*7 + 9*8 = 207; 207 mod 23 = 0 -> W
        ("J00101999W", dt.date(1990, 1, 1), "M", False),
        # I=9: 9 + 8 + 5*2 + 7*3 + 1*4 + 5*5 + 1*6 + 2*7 + 3*8 = 121; 121 mod 23 = 6 -> F
        ("I85715123F", dt.date(1988, 7, 15), "F", False),
        # K=11: 11 + 0 + 3*2 + 2*3 + 2*4 + 8*5 + 0*6 + 4*7 + 5*8 = 139; 139 mod 23 = 1 -> A
        ("K03228045A", dt.date(2000, 2, 28), "M", True),
        # G=7: 7 + 0 + 9*2 + 2*3 + 3*4 + 1*5 + 0*6 + 0*7 + 7*8 = 104; 104 mod 23 = 12 -> L
        ("G09231007L", dt.date(1960, 12, 31), "F", True),
    ],
)
def test_valid_numbers_parse(nid: str, birth: dt.date, sex: str, foreigner: bool) -> None:
    assert check_letter(nid[:9]) == nid[9]
    info = parse_nid(nid, today=TODAY)
    assert (info.nid, info.birth_date, info.sex, info.foreigner) == (nid, birth, sex, foreigner)
    assert info.check_ok and info.expected_check == nid[9]
    assert sample_nid(birth, sex, int(nid[6:9]), foreigner=foreigner) == nid


def test_normalize_strips_all_whitespace_and_uppercases() -> None:
    assert normalize_nid(" j0010\t1999w \n") == "J00101999W"
    assert parse_nid("j00 101 999w", today=TODAY).nid == "J00101999W"


def test_check_mismatch_is_an_overridable_warning() -> None:
    with pytest.raises(CheckLetterMismatch) as exc:
        parse_nid("J00101999A", today=TODAY)
    assert exc.value.expected == "W" and exc.value.field == "nid"
    info = parse_nid("J00101999A", accept_check_mismatch=True, today=TODAY)
    assert info.check_ok is False and info.expected_check == "W"
    assert info.birth_date == dt.date(1990, 1, 1)
    # a letter outside the check alphabet can never match either
    with pytest.raises(CheckLetterMismatch):
        parse_nid("J00101999X", today=TODAY)


def test_override_does_not_accept_malformed_numbers() -> None:
    with pytest.raises(InvalidInput) as exc:
        parse_nid("J01301999W", accept_check_mismatch=True, today=TODAY)
    assert not isinstance(exc.value, CheckLetterMismatch)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "required"),
        ("J0010199W", "10 characters"),
        ("J00101999WW", "10 characters"),
        ("100101999W", "decade letter"),
        ("N00101999W", "decade letter"),  # the 2030s have not begun on TODAY
        ("JX0101999W", "year digit"),
        ("J01301999W", "month code 13"),
        ("J02101999W", "month code 21"),
        ("J07101999W", "month code 71"),
        ("J0X101999W", "month code"),
        ("J00132999W", "day of birth 32"),
        ("J00100999W", "day of birth 00"),
        ("J10229999W", "day of birth 29"),  # 1991 is not a leap year
        ("J00431999W", "day of birth 31"),  # April has 30 days
        ("M60502999W", "birth date 2026-05-02"),  # one day after TODAY
        ("M70101999W", "birth year 2027"),
        ("J001019A9W", "serial"),
        ("J001019995", "last character"),
    ],
)
def test_specific_errors(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        parse_nid(text, accept_check_mismatch=True, today=TODAY)
    assert not isinstance(exc.value, CheckLetterMismatch)
    assert exc.value.field == "nid"
    assert fragment in str(exc.value)


def test_leap_day_and_today_are_accepted() -> None:
    leap = sample_nid(dt.date(1992, 2, 29), "F", 1)
    assert parse_nid(leap, today=TODAY).birth_date == dt.date(1992, 2, 29)
    born_today = sample_nid(TODAY, "M", 2)
    assert parse_nid(born_today, today=TODAY).birth_date == TODAY
    with pytest.raises(InvalidInput):
        parse_nid(born_today, today=TODAY - dt.timedelta(days=1))


def test_sample_nid_round_trips_over_many_dates() -> None:
    d = dt.date(1900, 1, 1)
    while d <= TODAY:
        for sex in "MF":
            for foreigner in (False, True):
                info = parse_nid(sample_nid(d, sex, d.toordinal() % 1000, foreigner), today=TODAY)
                assert (info.birth_date, info.sex, info.foreigner, info.check_ok) == (d, sex, foreigner, True)
        d += dt.timedelta(days=37)
    with pytest.raises(ValueError):
        sample_nid(dt.date(1990, 1, 1), "X", 1)
    with pytest.raises(ValueError):
        sample_nid(dt.date(1990, 1, 1), "M", 1000)


def test_check_letter_catches_every_single_digit_change_in_the_serial() -> None:
    base = "J00101999"
    for pos in range(6, 9):
        for digit in "0123456789":
            if digit != base[pos]:
                changed = base[:pos] + digit + base[pos + 1 :]
                assert check_letter(changed) != check_letter(base)


def test_mask_shows_only_last_three() -> None:
    assert mask_nid("J00101999W") == "*******99W"
    assert mask_nid(" j00101999w ") == "*******99W"
    assert mask_nid("AB") == "AB"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("J", "incomplete"),
        ("j001", "incomplete"),
        ("J00101999", "incomplete"),
        ("1", "invalid"),
        ("J2", "incomplete"),  # 1992: can still become a valid number
        ("J02", "invalid"),  # no month code starts with 2
        ("J0131", "invalid"),
        ("J0013", "incomplete"),  # day 30 or 31 is still possible
        ("J00140", "invalid"),  # no day starts with 4
        ("J0010199A", "invalid"),
        ("J00101999WX", "invalid"),
        ("J00101999A", "warning"),
        ("J00101999W", "ok"),
    ],
)
def test_validate_as_you_type_states(text: str, state: str) -> None:
    got, message = validate_as_you_type(text, today=TODAY)
    assert got == state
    assert (message is None) == (state in ("empty", "ok"))


def test_validate_as_you_type_uses_the_translator() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "<" + text + ">"

    state, message = validate_as_you_type("J01", today=TODAY, translate=translate)
    assert state == "incomplete" and message is not None and message.startswith("<3 of 10")
    state, message = validate_as_you_type("J00101999A", today=TODAY, translate=translate)
    assert state == "warning" and message is not None and "J00101999A" in message and message.startswith("<")
    assert all(context == "errors" for context, _ in seen)


def test_every_message_is_marked_for_translation() -> None:
    tree = ast.parse(inspect.getsource(identity))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InvalidInput":
            first = node.args[0]
            assert isinstance(first, ast.Call) and getattr(first.func, "id", None) == "QT_TRANSLATE_NOOP"
            assert isinstance(first.args[0], ast.Constant) and first.args[0].value == "errors"


def test_prefill_and_remember(store: Store) -> None:
    t0 = dt.datetime(2026, 3, 2, 8, 0)
    t1 = dt.datetime(2026, 3, 9, 9, 0)
    with store.read() as s:
        assert prefill(s, "J00101999W") is None
    with store.write() as s:
        remember_citizen(s, "j00101999w", "Arta Shembulli", "+355 69 000 0001", t0)
    with store.read() as s:
        got = prefill(s, " J0010 1999W")
    assert got == identity.CitizenPrefill("J00101999W", "Arta Shembulli", "+355 69 000 0001")
    with store.write() as s:
        remember_citizen(s, "J00101999W", "Arta Shembulli-Provëza", None, t1)  # phone not given: kept
    with store.read() as s:
        got = prefill(s, "J00101999W")
    assert got is not None and got.full_name == "Arta Shembulli-Provëza" and got.phone == "+355 69 000 0001"
    with store.write() as s:
        remember_citizen(s, "J00101999W", "Arta Shembulli-Provëza", "+355 69 000 0002", t1)
    with store.read() as s:
        got = prefill(s, "J00101999W")
    assert got is not None and got.phone == "+355 69 000 0002"


def test_remember_is_undone_with_the_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as s:
        remember_citizen(s, "I85715123F", "Blerina Demoja", None, dt.datetime(2026, 3, 2, 8, 0))
        raise RuntimeError("intake failed later")
    with store.read() as s:
        assert prefill(s, "I85715123F") is None
