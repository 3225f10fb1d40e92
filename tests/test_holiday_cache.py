"""The holiday calendar's disk cache (frontdesk.deadlines.public_holidays): built from the ``holidays``
library once per library version and year, read back on later starts, and rebuilt when unreadable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import holidays
import pytest

from frontdesk import deadlines, paths


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "cache")
    deadlines.public_holidays.cache_clear()
    yield tmp_path / "cache"
    deadlines.public_holidays.cache_clear()


def _library(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("AL", years=year, observed=True).keys())


def test_built_once_then_read_back(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    days = deadlines.public_holidays(2026)
    assert days == _library(2026) and dt.date(2026, 3, 14) in days  # Summer Day
    (file,) = cache.glob("holidays-AL-*.json")
    assert holidays.__version__ in file.name
    assert json.loads(file.read_text())["2026"] == sorted(d.isoformat() for d in days)
    deadlines.public_holidays(2027)  # a second year joins the same file
    assert set(json.loads(file.read_text())) == {"2026", "2027"}

    # a later start: read from the file, the library is not asked again
    deadlines.public_holidays.cache_clear()
    monkeypatch.setattr(holidays, "country_holidays", lambda *a, **k: pytest.fail("the cache was not used"))
    assert deadlines.public_holidays(2026) == days


def test_an_unreadable_cache_is_rebuilt(cache: Path) -> None:
    deadlines.public_holidays(2026)
    (file,) = cache.glob("holidays-AL-*.json")
    for broken in ("{not json", json.dumps({"2026": ["2026-13-45"]}), json.dumps(["a list"])):
        file.write_text(broken)
        deadlines.public_holidays.cache_clear()
        assert deadlines.public_holidays(2026) == _library(2026)
        assert json.loads(file.read_text())["2026"] == sorted(d.isoformat() for d in _library(2026))


def test_a_cache_directory_that_cannot_be_written_still_gives_the_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker / "cache")
    deadlines.public_holidays.cache_clear()
    try:
        assert deadlines.public_holidays(2026) == _library(2026)
    finally:
        deadlines.public_holidays.cache_clear()
