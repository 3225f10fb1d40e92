"""Receipt numbers: format, tolerant parsing, error detection of the check character, allocation."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.db import Store
from frontdesk.errors import InvalidInput, NotFound
from frontdesk.models import Unit, Workstation
from frontdesk.numbering import (
    MAX_LENGTH,
    ReceiptNo,
    check_character,
    format_receipt_no,
    looks_like_receipt_no,
    next_receipt_no,
    parse_receipt_no,
    validate_unit_code,
    validate_workstation_code,
)

ALPHABET = string.digits + string.ascii_uppercase
SAMPLES = [
    format_receipt_no("TR01", "W03", 123),
    format_receipt_no("KR", "1", 1),
    format_receipt_no("ELB123", "ZZ99", 999_999),
    format_receipt_no("DU05", "A", 1_234_567),
]
NOW = dt.datetime(2026, 3, 2, 8, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "fd.db")
    yield s
    s.close()


def _check_error(text: str) -> str:
    with pytest.raises(InvalidInput) as exc:
        parse_receipt_no(text)
    assert exc.value.field == "receipt_no"
    return exc.value.text


def _template_of_bad_check() -> str:
    good = SAMPLES[0]
    wrong = next(c for c in ALPHABET if c != good[-1])
    return _check_error(good[:-1] + wrong)


def test_format() -> None:
    text = format_receipt_no("TR01", "W03", 123)
    assert text.startswith("TR01-W03-000123") and len(text) == 16
    assert text[-1] == check_character("TR01W03000123")
    assert format_receipt_no("TR01", "W03", 1_234_567).startswith("TR01-W03-1234567")
    assert len(format_receipt_no("ABCDEF", "WXYZ", 9_999_999)) == MAX_LENGTH
    with pytest.raises(InvalidInput) as exc:
        format_receipt_no("ABCDEF", "WXYZ", 10_000_000)  # 21 characters
    assert "20" in str(exc.value)
    with pytest.raises(ValueError):
        format_receipt_no("TR01", "W03", 0)


@pytest.mark.parametrize("code", ["", "T", "TR-1", "tr01", "TR01234", "TRË1", "TR 1"])
def test_bad_unit_codes(code: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        validate_unit_code(code)
    assert exc.value.field == "unit_code"


@pytest.mark.parametrize("code", ["", "W0345", "w03", "W-3", "Ç"])
def test_bad_workstation_codes(code: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        validate_workstation_code(code)
    assert exc.value.field == "workstation_code"


def test_good_codes() -> None:
    for unit in ("TR", "TR01", "ELB123"):
        validate_unit_code(unit)
    for ws in ("1", "W03", "ZZ99"):
        validate_workstation_code(ws)


def test_parse_round_trip_and_tolerant_input() -> None:
    for text in SAMPLES:
        parsed = parse_receipt_no(text)
        assert format_receipt_no(parsed.unit, parsed.workstation, parsed.counter) == text
        assert parsed.text == text
        assert parse_receipt_no(f"  {text.lower()}\n") == parsed
        assert parse_receipt_no(" ".join(text)) == parsed
        assert parse_receipt_no(text.replace("-", "\u2013")) == parsed  # en dash from a word processor
    assert parse_receipt_no(SAMPLES[0]) == ReceiptNo("TR01", "W03", 123, SAMPLES[0])


@pytest.mark.parametrize(
    "text",
    ["", "hello", "TR01W03000123A", "TR01-W03-00123A", "T-W03-000123A", "TR01-W0345-000123A",
     "TR01-W03-000000" + check_character("TR01W03000000"),
     "TR01-W03-0000123" + check_character("TR01W030000123")],
)  # fmt: skip
def test_not_a_receipt_number(text: str) -> None:
    message = _check_error(text)
    assert "is not a receipt number" in message
    assert message != _template_of_bad_check()


def test_wrong_check_has_its_own_message() -> None:
    message = _template_of_bad_check()
    assert "check character" in message and "mistyped or misread" in message


def _rebuild(compact: str, like: str) -> str:
    """Put the hyphens of ``like`` back into a compact string of the same length."""
    out, it = [], iter(compact)
    for ch in like:
        out.append("-" if ch == "-" else next(it))
    return "".join(out)


def test_every_single_substitution_is_caught() -> None:
    bad_check = _template_of_bad_check()
    for text in SAMPLES:
        compact = text.replace("-", "")
        caught_by_check = 0
        for pos, original in enumerate(compact):
            for ch in ALPHABET:
                if ch == original:
                    continue
                mutated = compact[:pos] + ch + compact[pos + 1 :]
                # the check character alone catches it …
                assert check_character(mutated[:-1]) != mutated[-1], (text, pos, ch)
                # … and so the parser refuses it, for its shape or for its check character
                message = _check_error(_rebuild(mutated, text))
                caught_by_check += message == bad_check
        assert caught_by_check > 0


def test_every_adjacent_transposition_is_caught() -> None:
    for text in SAMPLES:
        compact = text.replace("-", "")
        swaps = 0
        for pos in range(len(compact) - 1):
            a, b = compact[pos], compact[pos + 1]
            if a == b:
                continue
            mutated = compact[:pos] + b + a + compact[pos + 2 :]
            assert check_character(mutated[:-1]) != mutated[-1], (text, pos)
            _check_error(_rebuild(mutated, text))
            swaps += 1
        assert swaps >= len(compact) // 2


def test_looks_like_receipt_no() -> None:
    for text in SAMPLES:
        assert looks_like_receipt_no(text)
        assert looks_like_receipt_no(text.lower())
    assert looks_like_receipt_no("TR01-W03-000123Z")  # shape only; the check is not verified here
    for text in ("", "J00101999W", "TR01W03000123A", "TR01-W03-12A", "ABCDEFG-W03-000123A"):
        assert not looks_like_receipt_no(text)


def _enrol(store: Store) -> None:
    with store.write() as s:
        s.add(Unit(code="TR01", name="Njësia Testuese", created_at=NOW))
        s.flush()
        s.add(Workstation(code="W03", unit_code="TR01", is_local=True, receipt_counter=0, created_at=NOW))
        s.add(Workstation(code="W04", unit_code="TR01", is_local=False, receipt_counter=50, created_at=NOW))


def _counters(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {code: n for code, n in s.execute(select(Workstation.code, Workstation.receipt_counter))}


def test_next_receipt_no_needs_an_initialised_workstation(store: Store) -> None:
    with pytest.raises(NotFound), store.write() as s:
        next_receipt_no(s)


def test_next_receipt_no_allocates_increasing_numbers(store: Store) -> None:
    _enrol(store)
    issued = []
    for _ in range(3):
        with store.write() as s:
            issued.append(next_receipt_no(s))
    parsed = [parse_receipt_no(t) for t in issued]
    assert [p.counter for p in parsed] == [1, 2, 3]
    assert {(p.unit, p.workstation) for p in parsed} == {("TR01", "W03")}
    assert issued[0] == format_receipt_no("TR01", "W03", 1)
    with store.write() as s:  # several in one transaction (one visit, several services)
        two = [next_receipt_no(s), next_receipt_no(s)]
    assert [parse_receipt_no(t).counter for t in two] == [4, 5]
    assert _counters(store) == {"W03": 5, "W04": 50}  # the other workstation's counter is untouched


def test_rolled_back_transaction_does_not_consume_a_number(store: Store) -> None:
    _enrol(store)
    with store.write() as s:
        first = next_receipt_no(s)
    with pytest.raises(RuntimeError), store.write() as s:
        lost = next_receipt_no(s)
        assert parse_receipt_no(lost).counter == 2
        raise RuntimeError("printer on fire")
    assert _counters(store)["W03"] == 1
    with store.write() as s:
        second = next_receipt_no(s)
    assert parse_receipt_no(first).counter == 1
    assert second == lost  # the number given back is issued again, so none is skipped
