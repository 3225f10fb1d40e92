"""Local time everywhere on screen (Europe/Tirane, Albanian formats); ISO with offset for files."""

from __future__ import annotations

import datetime as dt

from frontdesk import localtime


def test_stored_utc_is_shown_in_tirana_time_summer_and_winter() -> None:
    winter = dt.datetime(2026, 1, 15, 13, 5)  # naive UTC, as stored
    summer = dt.datetime(2026, 7, 15, 13, 5)
    assert localtime.datetime_text(winter) == "15.01.2026 14:05"
    assert localtime.datetime_text(summer) == "15.07.2026 15:05"
    assert localtime.time_text(summer) == "15:05"
    assert localtime.datetime_text(summer, seconds=True) == "15.07.2026 15:05:00"
    assert localtime.date_text(dt.datetime(2026, 12, 31, 23, 30)) == "01.01.2027"  # local date, not UTC's
    assert localtime.date_text(dt.date(2026, 3, 2)) == "02.03.2026"


def test_files_keep_iso_times_with_their_offset() -> None:
    assert localtime.iso_local(dt.datetime(2026, 1, 15, 13, 5, 7, 123)) == "2026-01-15T14:05:07+01:00"
    assert localtime.iso_local(dt.datetime(2026, 7, 15, 13, 5, 7)) == "2026-07-15T15:05:07+02:00"


def test_a_utc_clock_time_becomes_local() -> None:
    now = dt.datetime(2026, 7, 15, 13, 0, tzinfo=dt.UTC)
    assert localtime.utc_hhmm_to_local("13:15", now=now) == "15:15"
    late = dt.datetime(2026, 1, 15, 23, 55, tzinfo=dt.UTC)
    assert localtime.utc_hhmm_to_local("00:10", now=late) == "01:10"  # tomorrow in UTC
    assert localtime.utc_hhmm_to_local("soon", now=now) == "soon"
