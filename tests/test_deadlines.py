"""Working-day calendar on real Albanian holidays (from the `holidays` package), local dates, SLA state.

Expected dates are worked out by hand below, day by day, with weekends and holidays in the range.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.deadlines import (
    OPEN_STATUSES,
    SLA_STATES,
    WorkCalendar,
    local_date,
    promised_date,
    public_holidays,
    sla_state,
)

D = dt.date
CAL = WorkCalendar()


def test_real_albanian_holidays_2026_observed_days_included() -> None:
    h = public_holidays(2026)
    expected = {
        D(2026, 1, 1), D(2026, 1, 2),  # New Year
        D(2026, 3, 14), D(2026, 3, 16),  # Summer Day (Saturday) and its observed Monday
        D(2026, 3, 20),  # Eid al-Fitr
        D(2026, 3, 22), D(2026, 3, 23),  # Nevruz on a Sunday, observed Monday
        D(2026, 4, 5), D(2026, 4, 6),  # Catholic Easter, observed Monday
        D(2026, 4, 12), D(2026, 4, 13),  # Orthodox Easter, observed Monday
        D(2026, 5, 1), D(2026, 5, 27),  # Workers' Day, Eid al-Adha
        D(2026, 11, 28), D(2026, 11, 29), D(2026, 11, 30), D(2026, 12, 1),  # Independence, Liberation
        D(2026, 12, 8), D(2026, 12, 25),  # Youth Day, Christmas
    }  # fmt: skip
    assert expected <= h
    assert D(2026, 3, 17) not in h and D(2026, 3, 24) not in h


def test_is_working_day() -> None:
    assert CAL.is_working_day(D(2026, 3, 17))  # Tuesday
    assert not CAL.is_working_day(D(2026, 3, 21))  # Saturday
    assert not CAL.is_working_day(D(2026, 3, 23))  # Nevruz observed, Monday
    assert not CAL.is_working_day(D(2026, 12, 25))  # Christmas, Friday
    closed = WorkCalendar(extra_closures=[D(2026, 3, 17)])
    assert not closed.is_working_day(D(2026, 3, 17))
    assert closed.is_working_day(D(2026, 3, 18))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Fri 13 Mar; Sat 14, Sun 15, Mon 16 (Summer Day observed) skipped; Tue 17=1, Wed 18=2, Thu 19=3
        (D(2026, 3, 13), 3, D(2026, 3, 19)),
        # … Fri 20 Eid al-Fitr, Sat 21, Sun 22, Mon 23 Nevruz observed skipped; Tue 24=4, Wed 25=5
        (D(2026, 3, 13), 5, D(2026, 3, 25)),
        # Thu 2 Apr; Fri 3=1; Sat, Sun, Mon 6 (Easter observed); Tue 7=2, Wed 8=3, Thu 9=4, Fri 10=5
        (D(2026, 4, 2), 5, D(2026, 4, 10)),
        # … Sat, Sun, Mon 13 (Orthodox Easter observed); Tue 14=6, Wed 15=7
        (D(2026, 4, 2), 7, D(2026, 4, 15)),
        # Fri 20 Nov; Sat, Sun, Mon 23 (Alphabet Day observed); Tue 24=1, Wed 25=2, Thu 26=3
        (D(2026, 11, 20), 3, D(2026, 11, 26)),
        # … Fri 27=4; Sat 28, Sun 29, Mon 30, Tue 1 Dec (Independence/Liberation observed); Wed 2 Dec=5
        (D(2026, 11, 20), 5, D(2026, 12, 2)),
        # Wed 23 Dec; Thu 24=1, Fri 25 Christmas, Mon 28=2, Tue 29=3, Wed 30=4, Thu 31=5,
        # Fri 1 Jan 2027, Sat 2 Jan (New Year), Sun 3, Mon 4 Jan (observed); Tue 5 Jan=6
        (D(2026, 12, 23), 6, D(2027, 1, 5)),
        # n == 0: same day when it is a working day …
        (D(2026, 3, 18), 0, D(2026, 3, 18)),
        # … else the next one: Sat 14, Sun 15, Mon 16 (observed) -> Tue 17
        (D(2026, 3, 14), 0, D(2026, 3, 17)),
        # intake on a Saturday, 1 day: Sun 15, Mon 16 skipped -> Tue 17
        (D(2026, 3, 14), 1, D(2026, 3, 17)),
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected
    if n >= 1:
        assert CAL.working_days_between(start, expected) == n


def test_extra_closures_shift_dates() -> None:
    closed = WorkCalendar(extra_closures={D(2026, 3, 17), D(2026, 3, 24)})
    # Fri 13; Tue 17 closed now: Wed 18=1, Thu 19=2, Tue 24 closed, Wed 25=3
    assert closed.add_working_days(D(2026, 3, 13), 3) == D(2026, 3, 25)
    assert closed.add_working_days(D(2026, 3, 14), 0) == D(2026, 3, 18)
    with pytest.raises(ValueError):
        closed.add_working_days(D(2026, 3, 14), -1)


def test_working_days_between() -> None:
    # after Fri 13 Mar up to Wed 25 Mar: Tue 17, Wed 18, Thu 19, Tue 24, Wed 25
    assert CAL.working_days_between(D(2026, 3, 13), D(2026, 3, 25)) == 5
    assert CAL.working_days_between(D(2026, 3, 25), D(2026, 3, 13)) == -5
    assert CAL.working_days_between(D(2026, 3, 17), D(2026, 3, 17)) == 0
    # a range made only of weekend and holidays
    assert CAL.working_days_between(D(2026, 3, 19), D(2026, 3, 23)) == 0
    # whole 2026 year: 261 weekdays minus holidays that fall on a weekday
    weekday_holidays = [d for d in public_holidays(2026) if d.weekday() < 5]
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 261 - len(weekday_holidays)


def test_add_and_between_agree_everywhere() -> None:
    start = D(2025, 12, 20)
    for offset in range(0, 400, 3):
        a = start + dt.timedelta(days=offset)
        for n in (1, 2, 5, 10, 20):
            b = CAL.add_working_days(a, n)
            assert CAL.is_working_day(b)
            assert CAL.working_days_between(a, b) == n
            assert CAL.working_days_between(a, b - dt.timedelta(days=1)) == n - 1


def test_local_date_uses_tirane_time_with_dst() -> None:
    # winter, UTC+1
    assert local_date(dt.datetime(2026, 1, 15, 22, 59)) == D(2026, 1, 15)
    assert local_date(dt.datetime(2026, 1, 15, 23, 0)) == D(2026, 1, 16)
    # summer, UTC+2
    assert local_date(dt.datetime(2026, 7, 1, 21, 59)) == D(2026, 7, 1)
    assert local_date(dt.datetime(2026, 7, 1, 22, 0)) == D(2026, 7, 2)
    # an aware datetime is converted, not reinterpreted
    assert local_date(dt.datetime(2026, 7, 1, 22, 0, tzinfo=dt.UTC)) == D(2026, 7, 2)


def test_promised_date_counts_from_the_local_intake_day() -> None:
    # 23:30 UTC on Thu 12 Mar is 00:30 on Fri 13 Mar in Tirana: 3 days -> Thu 19 (see above).
    # Counting from the UTC date would give Fri 13=1, Tue 17=2, Wed 18=3.
    assert promised_date(dt.datetime(2026, 3, 12, 23, 30), 3) == D(2026, 3, 19)
    assert promised_date(dt.datetime(2026, 3, 12, 10, 0), 3) == D(2026, 3, 18)
    assert promised_date(dt.datetime(2026, 3, 14, 9, 0), 0) == D(2026, 3, 17)
    closed = WorkCalendar(extra_closures=[D(2026, 3, 18)])
    assert promised_date(dt.datetime(2026, 3, 12, 10, 0), 3, closed) == D(2026, 3, 19)


def test_sla_state() -> None:
    due = D(2026, 3, 25)  # Wednesday
    assert set(OPEN_STATUSES) == {"received", "forwarded", "in_progress", "returned"}
    assert SLA_STATES == ("on_track", "due_soon", "overdue")
    # from Wed 18: Thu 19, Tue 24, Wed 25 -> 3 working days left
    assert sla_state(due, D(2026, 3, 18), "received") == "on_track"
    # from Thu 19: Fri 20 (Eid) and Mon 23 (Nevruz observed) do not count: Tue 24, Wed 25 -> 2
    assert sla_state(due, D(2026, 3, 19), "in_progress") == "due_soon"
    assert sla_state(due, D(2026, 3, 19), "in_progress", due_soon_days=1) == "on_track"
    assert sla_state(due, D(2026, 3, 25), "forwarded") == "due_soon"
    assert sla_state(due, D(2026, 3, 26), "returned") == "overdue"
    for closed in ("ready", "delivered", "rejected", "cancelled"):
        assert sla_state(due, D(2026, 3, 26), closed) is None
    with pytest.raises(ValueError):
        sla_state(due, D(2026, 3, 26), "lost")
    # a local closure on Tue 24 brings the deadline closer
    closed_cal = WorkCalendar(extra_closures=[D(2026, 3, 24)])
    assert sla_state(due, D(2026, 3, 18), "received", calendar=closed_cal) == "due_soon"
